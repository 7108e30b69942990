"""The HTML view of a map (``argmap render --format html``, ``to_html``), read
with an HTML parser: the structure the page's script, the live preview and
the browser tests rely on, self-containment, escaping and language."""

from __future__ import annotations

import json
import re
import shutil
import time
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest

from argmap.checks import check
from argmap.drawing import RenderError, output_format, render, run_graphviz, to_html
from argmap.drawing.escape import printable
from argmap.drawing.html import error_page, fragment, inner_html
from argmap.errors import ArgmapError, Location, Problem
from argmap.formats import load
from argmap.model import ArgumentMap, MapBuilder, Source
from tests.language import english_sentences

pytestmark = pytest.mark.skipif(shutil.which("dot") is None, reason="needs Graphviz (tools/system-deps.sh)")

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
NATO_JA = EXAMPLES / "nato-tokyo" / "map.argmap.yaml"
NATO_EN = EXAMPLES / "nato-tokyo" / "map.en.argmap.yaml"
VOID = {"meta", "input", "br", "img", "link", "hr", "wbr", "source", "area", "base", "col", "embed", "track"}


class Node:
    def __init__(self, tag: str, attrs: dict[str, str | None], parent: Node | None) -> None:
        self.tag = tag
        self.attrs = attrs
        self.parent = parent
        self.children: list[Node | str] = []

    def iter(self) -> Iterator[Node]:
        yield self
        for c in self.children:
            if isinstance(c, Node):
                yield from c.iter()

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def texts(self, skip: frozenset[str] = frozenset()) -> Iterator[str]:
        """The text nodes under this one, outside elements named in ``skip``."""
        for c in self.children:
            if isinstance(c, str):
                yield c
            elif c.tag not in skip:
                yield from c.texts(skip)

    def find(self, **attrs: str) -> list[Node]:
        return [n for n in self.iter() if all(n.attrs.get(k) == v for k, v in attrs.items())]

    def by_id(self, ident: str) -> Node | None:
        found = self.find(id=ident)
        assert len(found) <= 1, f"#{ident} is not unique"
        return found[0] if found else None

    def classes(self) -> set[str]:
        return set((self.attrs.get("class") or "").split())

    def ancestors(self) -> Iterator[Node]:
        n = self.parent
        while n is not None:
            yield n
            n = n.parent


class Tree(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {}, None)
        self.at = self.root

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, dict(attrs), self.at)
        self.at.children.append(node)
        if tag not in VOID:
            self.at = node

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.at.children.append(Node(tag, dict(attrs), self.at))

    def handle_endtag(self, tag: str) -> None:
        n: Node | None = self.at
        while n is not None and n.tag != tag:
            n = n.parent
        assert n is not None and n.parent is not None, f"</{tag}> closes nothing"
        self.at = n.parent

    def handle_data(self, data: str) -> None:
        self.at.children.append(data)


def parse(page: str) -> Node:
    tree = Tree()
    tree.feed(page)
    tree.close()
    return tree.root


@pytest.fixture(scope="module")
def nato_ja() -> ArgumentMap:
    return load(NATO_JA)


@pytest.fixture(scope="module")
def nato_en() -> ArgumentMap:
    return load(NATO_EN)


@pytest.fixture(scope="module")
def page_ja(nato_ja: ArgumentMap) -> Node:
    return parse(to_html(nato_ja))


def map_texts(amap: ArgumentMap) -> list[str]:
    """Every text of the map itself (not argmap's words)."""
    out = [amap.title]
    for c in amap.claims.values():
        out += [c.text, c.note or ""]
        if c.source is not None:
            out += [c.source.speaker or "", c.source.title or "", c.source.quote or "", c.source.url or ""]
    for i in amap.inferences.values():
        out += [i.marker or "", i.note or "", i.scheme or ""]
    out += [a.note or "" for a in amap.attacks.values()]
    return [printable(t) for t in out if t]


def data_of(root: Node) -> dict[str, object]:
    script = root.by_id("argmap-data")
    assert script is not None and script.tag == "script"
    return json.loads(script.text())  # type: ignore[no-any-return]


# -- structure ----------------------------------------------------------------


def test_the_dom_contract(page_ja: Node, nato_ja: ArgumentMap) -> None:
    main = page_ja.by_id("argmap")
    assert main is not None and main.tag == "main"
    diagram = page_ja.by_id("diagram")
    assert diagram is not None and diagram.tag == "div" and main in diagram.ancestors()
    assert diagram.attrs.get("role") == "img" and diagram.attrs.get("aria-label")
    assert [n.tag for n in diagram.children if isinstance(n, Node)] == ["svg"]
    findings = page_ja.by_id("findings")
    assert findings is not None and findings.tag == "section" and findings.attrs.get("aria-labelledby")
    assert page_ja.by_id(findings.attrs["aria-labelledby"] or "") is not None
    details = page_ja.by_id("details")
    assert details is not None and details.tag == "aside" and details.attrs.get("aria-live") == "polite"
    outline = page_ja.by_id("outline")
    assert outline is not None and outline.tag == "nav"
    assert outline.attrs.get("aria-label") or page_ja.by_id(outline.attrs.get("aria-labelledby") or "")
    toggle = page_ja.by_id("toggle-findings")
    assert toggle is not None and toggle.attrs.get("type") == "checkbox" and "checked" in toggle.attrs
    notes = page_ja.by_id("toggle-notes")
    assert notes is not None and notes.attrs.get("type") == "checkbox" and "checked" not in notes.attrs
    for node in (findings, details, outline, toggle, notes):
        assert main in node.ancestors()


def test_every_claim_inference_and_attack_is_marked_in_the_svg(page_ja: Node, nato_ja: ArgumentMap) -> None:
    svg = page_ja.find(id="diagram")[0].children[0]
    assert isinstance(svg, Node)
    marked: dict[str, list[Node]] = {}
    for n in svg.iter():
        if "data-element" in n.attrs:
            marked.setdefault(n.attrs["data-element"] or "", []).append(n)
    expected = [*nato_ja.claims, *nato_ja.inferences, *nato_ja.attacks]
    assert sorted(marked) == sorted(expected)
    for ident, nodes in marked.items():
        assert len(nodes) == 1, ident
        (g,) = nodes
        assert g.tag == "g"
        want = "edge" if ident in nato_ja.attacks else "node"
        assert want in g.classes(), ident
        titles = [c for c in g.children if isinstance(c, Node) and c.tag == "title"]
        if ident in nato_ja.attacks:
            attack = nato_ja.attacks[ident]
            assert titles[0].text() == f"{attack.source}->{attack.target}"
        else:
            assert titles[0].text() == ident


def test_attacks_between_the_same_elements_are_told_apart() -> None:
    b = MapBuilder("Twice")
    b.evidence("E1", "one")
    b.premise("P1", "two")
    b.conclusion("C1", "three")
    b.inference("I1", ["E1", "P1"], "C1")
    b.attack("X1", "P1", "I1")
    b.attack("X2", "P1", "I1")
    b.attack("X3", "E1", "C1")
    root = parse(to_html(b.build(), []))
    marked = [n.attrs["data-element"] or "" for n in root.iter() if "data-element" in n.attrs]
    assert sorted(marked) == ["C1", "E1", "I1", "P1", "X1", "X2", "X3"]


def test_the_page_is_self_contained(page_ja: Node) -> None:
    for n in page_ja.iter():
        for name in ("src", "srcset", "data", "action", "poster", "background"):
            assert name not in n.attrs or not n.attrs[name], (n.tag, name)
        if n.tag == "link":
            raise AssertionError(f"a <link> element: {n.attrs}")
        if n.tag in ("img", "iframe", "object", "embed", "video", "audio"):
            raise AssertionError(f"a <{n.tag}> element")
    styles = "".join(n.text() for n in page_ja.iter() if n.tag == "style")
    assert "@font-face" not in styles and "@import" not in styles
    assert not re.search(r"url\(", styles)
    scripts = [n for n in page_ja.iter() if n.tag == "script"]
    assert len(scripts) == 3  # the map's data, the page's words, the page's script
    code = "".join(s.text() for s in scripts if s.attrs.get("type") is None)
    assert not re.search(r"https?://", code)
    assert "fetch(" in code  # only for the live preview, never in a file (see test_live_hooks)
    assert 100 < code.count("\n") < 600  # a small plain script


def test_fonts_are_the_systems(page_ja: Node) -> None:
    styles = "".join(n.text() for n in page_ja.iter() if n.tag == "style")
    assert '"Noto Sans CJK JP"' in styles and "sans-serif" in styles
    assert "@media print" in styles


def test_lang_attribute(nato_ja: ArgumentMap, nato_en: ArgumentMap) -> None:
    def lang(page: str) -> str | None:
        return parse(page).find()[1].attrs.get("lang")  # <html> follows the document node

    assert re.search(r'<html lang="ja">', to_html(nato_ja, []))
    assert re.search(r'<html lang="en">', to_html(nato_en, []))
    assert re.search(r'<html lang="en">', to_html(nato_ja, [], lang="en"))
    assert lang(to_html(nato_en, [], lang="ja")) == "ja"


def test_outline_holds_every_claim_text(page_ja: Node, nato_ja: ArgumentMap) -> None:
    outline = page_ja.by_id("outline")
    assert outline is not None
    texts = {n.text() for n in outline.iter() if "text" in n.classes()}
    for claim in nato_ja.claims.values():
        assert printable(claim.text) in texts, claim.id
    assert any(n.tag == "h2" for n in outline.iter())
    assert any(n.tag == "ul" and any(a.tag == "ul" for a in n.ancestors()) for n in outline.iter())
    # the final conclusion comes first
    first = next(n for n in outline.iter() if n.tag == "li")
    finals = [c for c in nato_ja.claims if not nato_ja.graph.inferences_using(c)]
    refs = [n.attrs.get("data-ref") for n in first.children if isinstance(n, Node)]
    assert refs[1] in finals  # (the kind, then the id's button)
    # each attack is marked, under what it attacks
    attacks = [n for n in outline.iter() if "attack" in n.classes()]
    assert {a.find(**{"class": "ref"})[0].attrs["data-ref"] for a in attacks} == set(nato_ja.attacks)


def test_outline_of_a_map_with_cycles_and_loose_claims() -> None:
    b = MapBuilder("Loops")
    b.premise("A", "alpha")
    b.premise("B", "beta")
    b.inference("I1", ["A"], "B")
    b.inference("I2", ["B"], "A")
    b.evidence("L", "loose")
    b.conclusion("C", "lonely conclusion")
    root = parse(to_html(b.build(), []))
    outline = root.by_id("outline")
    assert outline is not None
    texts = [n.text() for n in outline.iter() if "text" in n.classes()]
    for text in ("alpha", "beta", "loose", "lonely conclusion"):
        assert text in texts


def test_a_long_chain_is_not_nested_without_end() -> None:
    b = MapBuilder("Chain")
    b.evidence("C0", "start")
    for i in range(1, 200):
        b.premise(f"C{i}", f"step {i}")
        b.inference(f"I{i}", [f"C{i - 1}"], f"C{i}")
    amap = b.build()
    root = parse(inner_html(amap, []))
    outline = root.by_id("outline")
    assert outline is not None
    depth = max(sum(1 for a in n.ancestors() if a.tag == "ul") for n in outline.iter())
    assert depth <= 2 * 30
    texts = {n.text() for n in outline.iter() if "text" in n.classes()}
    assert all(f"step {i}" in texts for i in range(1, 200))


# -- findings -------------------------------------------------------------------


def findings_of(root: Node) -> list[dict[str, object]]:
    return [
        {
            "code": n.attrs["data-code"],
            "name": n.attrs["data-rule"],
            "severity": n.attrs["data-severity"],
            "elements": (n.attrs["data-elements"] or "").split(),
            "message": n.text(),
        }
        for n in root.iter()
        if "finding" in n.classes() and n.tag == "li"
    ]


@pytest.mark.parametrize(
    ("path", "lang"), [(NATO_JA, None), (NATO_EN, None), (NATO_JA, "en"), (NATO_EN, "ja")]
)
def test_findings_are_what_argmap_check_says(  # type: ignore[no-untyped-def]
    run_in_empty_dir,
    tmp_path: Path,
    path: Path,
    lang: str | None,
) -> None:
    given = ["--lang", lang] if lang else []
    out = tmp_path / "map.html"
    rendered = run_in_empty_dir("render", str(path), "-o", str(out), "-q", *given)
    assert rendered.exit_code == 0, rendered.output
    checked = run_in_empty_dir("check", str(path), "--format", "json", *given)
    assert checked.exit_code in (0, 1), checked.output
    expected = [
        {k: d[k] for k in ("code", "name", "severity", "elements", "message")}
        for d in json.loads(checked.stdout)["files"][0]["findings"]
    ]
    order = {"error": 0, "warning": 1, "info": 2}
    expected.sort(key=lambda d: order[str(d["severity"])])  # the page groups them, in check's order
    root = parse(out.read_text(encoding="utf-8"))
    assert findings_of(root) == expected
    assert expected  # the example has findings
    findings = root.by_id("findings")
    assert findings is not None
    lists = [n for n in findings.iter() if n.tag == "ol"]
    assert len(lists) == len({d["severity"] for d in expected})
    for li in (n for n in root.iter() if "finding" in n.classes()):
        assert li.attrs.get("tabindex") == "0"
    assert out.with_suffix(".html") == out


def test_no_findings_leaves_no_trace(run_in_empty_dir, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "map.html"
    result = run_in_empty_dir("render", str(NATO_JA), "-o", str(out), "--no-findings")
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    root = parse(page)
    assert root.by_id("findings") is None
    assert root.by_id("toggle-findings") is None
    assert not [n for n in root.iter() if "badge" in n.classes() or "finding" in n.classes()]
    assert "▲" not in page and "■" not in page  # no badge drawn
    assert root.by_id("diagram") is not None and root.by_id("outline") is not None


def test_badges_are_marked_to_be_hidden(page_ja: Node) -> None:
    badges = [n for n in page_ja.iter() if "badge" in n.classes()]
    assert badges and {n.tag for n in badges} == {"polygon", "text"}
    assert all(n.text()[:1] in "■▲●" for n in badges if n.tag == "text")


def test_format_from_the_name_and_the_option(tmp_path: Path, nato_en: ArgumentMap) -> None:
    assert output_format("map.html") == "html" and output_format("map.HTM") == "html"
    written = render(nato_en, tmp_path / "m.html", findings=check(nato_en))
    root = parse(written.read_text(encoding="utf-8"))
    assert findings_of(root)
    bare = render(nato_en, tmp_path / "bare.html")  # findings=None: none shown, as for the other formats
    assert parse(bare.read_text(encoding="utf-8")).by_id("findings") is None
    with pytest.raises(RenderError, match="unknown format"):
        run_graphviz("digraph {}", "html")


# -- escaping -------------------------------------------------------------------

HOSTILE = [
    "</script><script>alert(1)</script>",
    "<b>bold</b> & <!-- comment --> <![CDATA[x]]>",
    "\"double\" 'single' `back`",
    "ctrl \x01\x02\x1b\x7f\x9f end",
    "</textarea></style></title></svg><img src=x onerror=alert(2)>",
    "\u2028line\u2029para & &amp; &lt;",
]


def hostile_map() -> ArgumentMap:
    b = MapBuilder(HOSTILE[0] + " title", lang="en")
    source = Source(
        url="https://example.org/?q=%22%3Cx%3E&a=1",
        speaker=HOSTILE[1],
        title=HOSTILE[2],
        quote=HOSTILE[4],
    )
    b.evidence("E1", HOSTILE[0], source=source, note=HOSTILE[3])
    b.hypothesis("H1", HOSTILE[1], note=HOSTILE[5])
    b.assumption("A1", HOSTILE[2])
    b.conclusion("C1", HOSTILE[3])
    b.premise("P1", HOSTILE[4])
    b.premise("P2", HOSTILE[5])
    b.inference("I1", ["E1", "H1", "A1"], "C1", marker=HOSTILE[4], note=HOSTILE[0])
    b.attack("X1", "P1", "I1", note=HOSTILE[1])
    b.attack("X2", "P2", "C1", note=HOSTILE[2])
    return b.build()


def test_hostile_texts_stay_texts() -> None:
    amap = hostile_map()
    findings = check(amap)
    assert findings  # messages quote the texts too
    page = to_html(amap, findings, title=HOSTILE[4])
    assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f]", page)
    root = parse(page)
    tags = {n.tag for n in root.iter()}
    assert "img" not in tags and "b" not in tags and "textarea" not in tags
    assert len([n for n in root.iter() if n.tag == "script"]) == 3
    assert not [n for n in root.iter() if any(k.startswith("on") for k in n.attrs)]
    # <title>, heading
    (title,) = [
        n for n in root.iter() if n.tag == "title" and n.parent is not None and n.parent.tag == "head"
    ]
    assert title.text() == printable(HOSTILE[4])
    h1 = root.find(id="map-title")[0]
    assert h1.text() == printable(amap.title)
    # the outline: every claim text, the notes, the marker
    outline = root.by_id("outline")
    assert outline is not None
    texts = [n.text() for n in outline.iter() if "text" in n.classes()]
    notes = [n.text() for n in outline.iter() if "note" in n.classes()]
    for claim in amap.claims.values():
        assert printable(claim.text) in texts
    for text in (HOSTILE[3], HOSTILE[5], HOSTILE[0], HOSTILE[1], HOSTILE[2]):
        assert printable(text) in notes
    assert f"“{printable(HOSTILE[4])}”" in [n.text() for n in outline.iter() if "marker" in n.classes()]
    # the findings: exactly the messages
    assert [f["message"] for f in findings_of(root)] == [
        printable(d.message) for s in ("error", "warning", "info") for d in findings if d.severity.value == s
    ]
    # the data the details panel shows
    data = data_of(root)
    elements = data["elements"]
    assert isinstance(elements, dict)
    assert elements["E1"]["text"] == printable(HOSTILE[0])
    assert elements["E1"]["note"] == printable(HOSTILE[3])
    assert elements["E1"]["source"]["speaker"] == printable(HOSTILE[1])
    assert elements["E1"]["source"]["title"] == printable(HOSTILE[2])
    assert elements["E1"]["source"]["quote"] == printable(HOSTILE[4])
    assert elements["I1"]["marker"] == printable(HOSTILE[4])
    assert elements["X1"]["note"] == printable(HOSTILE[1])
    raw = root.by_id("argmap-data")
    assert raw is not None and "<" not in raw.text() and "&" not in raw.text()
    # the drawing keeps the texts as text
    svg_text = "".join(n.text() for n in root.iter() if n.tag == "text")
    assert "alert(1)" in svg_text


def test_hostile_error_lines_stay_texts() -> None:
    error = ArgmapError([Problem(HOSTILE[0], Location("m<x>.yaml", 2, 3)), Problem(HOSTILE[4])])
    root = parse(error_page(error, "v1", lang="en"))
    errors = root.by_id("errors")
    assert errors is not None and errors.attrs.get("role") == "alert"
    items = [n.text() for n in errors.iter() if n.tag == "li"]
    assert items == [f"m<x>.yaml:2:3: {HOSTILE[0]}", f"argmap serve: {printable(HOSTILE[4])}"]
    assert "img" not in {n.tag for n in root.iter()}


# -- language --------------------------------------------------------------------

SKIP = frozenset({"script", "style", "svg", "title"})


def test_the_japanese_page_speaks_japanese(page_ja: Node, nato_ja: ArgumentMap) -> None:
    own = map_texts(nato_ja)
    findings = [n.text() for n in page_ja.iter() if "finding" in n.classes()]

    def ours(text: str) -> bool:
        return any(text in t for t in own) or any(text in f for f in findings)

    said = [t.strip() for t in page_ja.texts(SKIP) if t.strip() and not ours(t.strip())]
    for n in page_ja.iter():
        for name in ("aria-label", "title", "data-label", "alt", "placeholder"):
            value = n.attrs.get(name)
            if value and not ours(value) and not (n.tag == "title" and n.parent and n.parent.tag == "g"):
                said.append(value)
    words = page_ja.by_id("argmap-words")
    assert words is not None
    said += list(json.loads(words.text()).values())
    for element in data_of(page_ja)["elements"].values():  # type: ignore[attr-defined]
        said.append(element["name"])
        if element["kind"] != "attack" and "source" in element:
            said += [v for k, v in element["source"].items() if k == "date"]
    assert len(said) > 20
    leftovers = [(t, english_sentences(t)) for t in said if english_sentences(t)]
    assert not leftovers
    for message in findings:  # argmap's own words in the findings are Japanese too
        assert not english_sentences(message)


def test_the_english_page_speaks_english(nato_en: ArgumentMap) -> None:
    root = parse(to_html(nato_en, []))
    words = root.by_id("argmap-words")
    assert words is not None
    assert "Note" in json.loads(words.text()).values()
    outline = root.by_id("outline")
    assert outline is not None and not re.search(
        "[\u3040-\u30ff]", "".join(outline.texts(SKIP)).replace("", "")
    )


def test_lang_option_chooses(run_in_empty_dir, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "m.html"
    result = run_in_empty_dir("render", str(NATO_EN), "-o", str(out), "-q", "--lang", "ja")
    assert result.exit_code == 0, result.output
    root = parse(out.read_text(encoding="utf-8"))
    assert root.find()[1].attrs.get("lang") == "ja"
    findings = root.by_id("findings-title")
    assert findings is not None and not english_sentences(findings.text())


# -- live preview ------------------------------------------------------------------


def test_live_hooks(nato_en: ArgumentMap) -> None:
    still = parse(to_html(nato_en, []))
    assert not [n for n in still.iter() if n.tag == "meta" and "argmap" in (n.attrs.get("name") or "")]
    page = to_html(nato_en, [], live=True, version="7")
    root = parse(page)
    metas = {n.attrs.get("name"): n.attrs.get("content") for n in root.iter() if n.tag == "meta"}
    assert metas["argmap-version"] == "7" and metas["argmap-live"]
    code = "".join(n.text() for n in root.iter() if n.tag == "script" and "type" not in n.attrs)
    assert '"/version"' in code and '"/fragment"' in code and "500" in code


def test_fragment_is_the_inside_of_main(nato_en: ArgumentMap) -> None:
    body = fragment(nato_en, "3", [])
    assert set(body) == {"version", "html"} and body["version"] == "3"
    page = to_html(nato_en, [])
    start = page.index('<main id="argmap">') + len('<main id="argmap">')
    assert page[start : page.index("</main>")] == body["html"]
    json.dumps(body)  # it is sent as JSON


def test_fragment_of_a_map_that_does_not_load() -> None:
    error = ArgmapError([Problem("bad indentation", Location("m.yaml", 4, 2)), Problem("no file")])
    assert fragment(error, "9") == {
        "version": "9",
        "errors": ["m.yaml:4:2: bad indentation", "argmap serve: no file"],
    }
    root = parse(error_page(error, "9", lang="ja"))
    assert root.find()[1].attrs.get("lang") == "ja"
    assert root.by_id("argmap") is not None and root.by_id("diagram") is None
    errors = root.by_id("errors")
    assert errors is not None and len([n for n in errors.iter() if n.tag == "li"]) == 2
    metas = {n.attrs.get("name"): n.attrs.get("content") for n in root.iter() if n.tag == "meta"}
    assert metas["argmap-version"] == "9"


# -- size ---------------------------------------------------------------------------


def test_a_map_of_a_thousand_elements() -> None:
    b = MapBuilder("Large")
    n = 0
    for k in range(143):  # 143 arguments of 3 evidence, 1 premise and 1 conclusion, and their inferences
        ids = [f"E{k}_{j}" for j in range(3)]
        for i in ids:
            b.evidence(i, f"evidence {i} " * 3)
        b.premise(f"P{k}", f"premise {k}")
        b.conclusion(f"C{k}", f"conclusion {k}")
        b.inference(f"I{k}", ids, f"P{k}")
        b.inference(f"J{k}", [f"P{k}"] + ([f"C{k - 1}"] if k else []), f"C{k}")
        n += 7
    amap = b.build()
    assert n >= 1000
    findings = check(amap)
    started = time.monotonic()
    page = to_html(amap, findings)
    took = time.monotonic() - started
    root = parse(page)
    marked = {n.attrs["data-element"] for n in root.iter() if "data-element" in n.attrs}
    assert marked == {*amap.claims, *amap.inferences}
    assert took < 60, took
    assert len(page) < 20 * 1024 * 1024


def test_the_live_page_and_the_fragment_hold_the_same_inner_html() -> None:
    """argmap serve takes the page and what it swaps in from one drawing: the
    page's main#argmap holds exactly the fragment the browser gets later."""
    from argmap.drawing.html import inner_html, page_and_inner
    from argmap.formats import load

    amap = load(Path(__file__).resolve().parent.parent / "examples" / "nato-tokyo" / "map.argmap.yaml")
    found = check(amap)
    page, inner = page_and_inner(amap, found, live=True, version="v1")
    assert f'<main id="argmap">{inner}</main>' in page
    assert page == to_html(amap, found, live=True, version="v1")
    assert inner == inner_html(amap, found)
