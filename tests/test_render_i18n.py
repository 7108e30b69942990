"""Diagrams a Japanese class can read: the diagram's words in the map's
language (or --lang), one badge per rule per element with its count, the
projector and print presets, --font-size, and the notes drawn."""

from __future__ import annotations

import html
import random
import re
import shutil
import struct
import subprocess
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

import argmap
from argmap.checks.diagnostic import Diagnostic
from argmap.checks.registry import all_rules, find_rule
from argmap.cli import main
from argmap.drawing import PRESETS, RenderError, RenderOptions, render, to_dot
from argmap.drawing.style import BADGES, scheme_label
from argmap.errors import ArgmapError
from argmap.model import ArgumentMap, MapBuilder, Source
from tests.language import english_sentences

ROOT = Path(__file__).resolve().parent.parent
FLAGSHIP = ROOT / "examples" / "nato-tokyo" / "map.argmap.yaml"
SVG = "{http://www.w3.org/2000/svg}"

needs_dot = pytest.mark.skipif(shutil.which("dot") is None, reason="needs Graphviz (tools/system-deps.sh)")


# -- reading a drawing ---------------------------------------------------------------


def _html_labels(source: str) -> list[str]:
    """The HTML-like labels (``label=<…>``) of DOT source, as written."""
    out = []
    for m in re.finditer(r"\blabel=<", source):
        depth, i = 1, m.end()
        while depth:
            depth += {"<": 1, ">": -1}.get(source[i], 0)
            i += 1
        out.append(source[m.end() : i - 1])
    return out


def label_texts(source: str) -> list[str]:
    """What the labels of DOT source say: the text of every HTML-like label
    (one string per table cell or line) and of every plain quoted label;
    no tag, attribute or Graphviz keyword."""
    texts = []
    for label in _html_labels(source):
        for piece in re.split(r"<[^>]*>", label):
            if piece.strip():
                texts.append(html.unescape(piece).strip())
    texts += [m.group(1) for m in re.finditer(r'\blabel="((?:[^"\\]|\\.)*)"', source)]
    texts += [m.group(1) for m in re.finditer(r"\blabel=([^\s\"<\]]+)", source)]
    return texts


def tooltips(source: str) -> list[str]:
    return [
        html.unescape(m.group(1).replace("&#10;", "\n"))
        for m in re.finditer(r'\btooltip="((?:[^"\\]|\\.)*)"', source)
    ]


def svg_texts(svg: bytes | str) -> list[str]:
    root = ET.fromstring(svg)
    return [el.text or "" for el in root.iter(f"{SVG}text")]


def squeeze(text: str) -> str:
    """``text`` without any white space (lines of a label are wrapped)."""
    return re.sub(r"\s+", "", text.replace("\u00a0", " "))


def png_size(data: bytes) -> tuple[int, int]:
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def statements(source: str) -> list[str]:
    """DOT statements, one per line of the graph body (a tooltip may hold
    newlines), without their indentation (the notes put the map in a cluster)."""
    return [st.lstrip("\t") for st in re.split(r"\n(?=\t)", source)]


def node_label(source: str, node: str) -> str:
    for st in statements(source):
        if st.startswith(f"{node} ["):
            return st.split(" tooltip=")[0]
    raise AssertionError(f"no node {node}")


# -- maps ----------------------------------------------------------------------------


def class_map() -> ArgumentMap:
    """A classroom map of 20 claims: a debate on school uniforms, with the
    shape of the flagship's main argument (chains of inferences with two to
    five premises, a hypothesis, a hidden premise, an attack)."""
    b = MapBuilder("制服は自由にするべきか", lang="ja", date="2024-06-01")
    b.evidence(
        "E1",
        "校則アンケートで生徒の7割が制服の自由化に賛成した",
        source=Source(speaker="生徒会", date="2024-05-10"),
    )
    b.evidence("E2", "制服の購入費は一式で約8万円かかる", source=Source(speaker="PTA", date="2024-04-20"))
    b.evidence(
        "E3",
        "私服の学校では服装の競争が起きたという報告がある",
        source=Source(speaker="新聞記事", date="2023-11-02"),
    )
    b.evidence("E4", "冬の制服は暖房のない教室では寒いという声が多い")
    b.evidence("E5", "制服のある学校は地域の人に見分けてもらいやすい")
    b.premise("P1", "生徒の多くが望むことは尊重されるべきだ")
    b.premise("P2", "家庭の負担は軽いほうがよい")
    b.premise("P3", "学校生活は学ぶことに集中できるほうがよい")
    b.assumption("A1", "私服のほうが安く済む")
    b.assumption("A2", "服装の競争は学ぶことへの集中を妨げる")
    b.hypothesis("H1", "もし服装を自由にすれば", note="「もし」の上に立つ結論はどれでしょう。")
    b.conclusion("C1", "生徒は制服の自由化を望んでいる")
    b.conclusion("C2", "制服の自由化は家庭の負担を減らす", note="A1 は本当でしょうか。私服を何着も買うと？")
    b.conclusion("C3", "私服は学ぶことへの集中を妨げるおそれがある")
    b.conclusion("C4", "寒さに合わせて服を選べるようになる", conditional=True)
    b.conclusion("C5", "制服には良い点も悪い点もある")
    b.conclusion("C0", "制服は選べるようにするのがよい")
    b.premise("P4", "安全のために生徒が見分けやすいことは大切だ")
    b.evidence("E6", "標準服を選べる学校では大きな問題は起きていない")
    b.premise("P5", "両方の良い点を生かす方法がある")
    b.inference("I1", ["E1", "P1"], "C1", marker="以上から")
    b.inference("I2", ["E2", "P2", "A1"], "C2", marker="したがって", strength=0.7)
    b.inference("I3", ["E3", "A2", "P3"], "C3", marker="そのため")
    b.inference("I4", ["E4", "H1"], "C4", marker="…となれば")
    b.inference("I5", ["C2", "C3", "E5", "P4"], "C5", marker="このように")
    b.inference("I0", ["C1", "C4", "C5", "E6", "P5"], "C0", marker="よって")
    b.attack("X1", "E6", "C3", note="E6 は C3 への反論になっていますか？")
    return b.build()


def map_texts(amap: ArgumentMap) -> list[str]:
    """Every text of the map itself (claims, notes, sources), longest first."""
    texts: list[str] = [amap.title]
    for element in (*amap.claims.values(), *amap.inferences.values(), *amap.attacks.values()):
        for name in ("text", "note", "marker", "scheme"):
            value = getattr(element, name, None)
            if isinstance(value, str):
                texts.append(value)
        source = getattr(element, "source", None)
        if isinstance(source, Source):
            texts += [x for x in (source.title, source.quote, source.url, source.speaker) if x]
    return sorted(set(texts), key=len, reverse=True)


def flagship() -> ArgumentMap:
    return argmap.load(FLAGSHIP)


def write(amap: ArgumentMap, path: Path) -> Path:
    path.write_text(argmap.dumps(amap, format="json"), encoding="utf-8")
    return path


# -- the language of a diagram ----------------------------------------------------------


def test_a_japanese_map_is_drawn_and_summarised_without_english(tmp_path: Path) -> None:
    path = tmp_path / "nato.argmap.yaml"
    shutil.copy(FLAGSHIP, path)
    result = CliRunner().invoke(
        main, ["render", str(path), "--format", "dot", "-o", "-", "--notes", "--legend"], env={"LANG": "C"}
    )
    assert result.exit_code == 0, result.output
    source = result.stdout
    labels = label_texts(source)
    assert any("凡例" in t for t in labels) and any("メモ" in t for t in labels)
    assert sum(t.startswith(("■", "▲", "●")) for t in labels) >= 10  # the badges are among them
    for text in labels:
        assert english_sentences(text) == [], text
    amap = flagship()
    own = map_texts(amap)
    for tip in tooltips(source):  # what argmap says in them; the map's own texts are as written
        said = tip
        for text in own:
            said = said.replace(text, " ")
        assert english_sentences(said) == [], tip
    assert result.stderr.strip(), "the findings summary"
    for line in result.stderr.splitlines():
        assert english_sentences(line) == [], line


def test_lang_en_draws_a_japanese_map_with_english_words() -> None:
    amap = flagship()
    found = argmap.check(amap, lang="en")
    source = to_dot(amap, found, RenderOptions(notes=True, legend=True), lang="en").source
    labels = " ".join(label_texts(source))
    for word in ("final conclusion", "conditional", "Legend", "Notes", "hidden premise"):
        assert word in labels, word
    for word in ("最終結論", "条件付き", "凡例", "メモ"):
        assert word not in labels, word
    for d in found:  # the badges name the rules in English
        assert f"{BADGES[d.severity][2]} {d.name}" in labels
    assert "2023-05-10" in labels and "2023年5月10日" not in labels
    # the map's own texts stay as written
    assert amap.claims["P1"].text in labels


def test_the_command_takes_lang(tmp_path: Path) -> None:
    path = tmp_path / "nato.argmap.yaml"
    shutil.copy(FLAGSHIP, path)
    result = CliRunner().invoke(main, ["render", str(path), "--format", "dot", "-o", "-", "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert "final conclusion" in result.stdout and "最終結論" not in result.stdout
    assert "(drawn on the map)" in result.stderr
    assert re.search(r"AM\d+ weak-support: ", result.stderr)


def test_an_english_map_keeps_its_english_words_whatever_the_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    b = MapBuilder("Rain", lang="en")
    b.hypothesis("H1", "We go out")
    b.conclusion("C1", "We get wet")
    b.inference("I1", ["H1"], "C1")
    monkeypatch.setenv("LANGUAGE", "ja")
    source = to_dot(b.build(), argmap.check(b.build())).source
    assert "<B>if</B>" in source and "final conclusion" in source
    assert not re.search("[\u3040-\u30ff]", " ".join(label_texts(source)))


def test_the_title_date_is_written_the_japanese_way() -> None:
    labels = " ".join(label_texts(to_dot(flagship()).source))
    assert "東京のNATO連絡事務所とロシアの脅威認識（2023年5月10日）" in labels
    assert "2023年5月9日" in labels  # a source line's date


def test_errors_speak_the_language_of_the_map(tmp_path: Path) -> None:
    ja = class_map()
    with pytest.raises(RenderError) as info:
        render(ja, tmp_path / "m.txt")
    assert "形式が分かりません" in str(info.value)
    assert english_sentences(str(info.value)) == []
    with pytest.raises(RenderError, match="cannot tell the format"):
        render(ja, tmp_path / "m.txt", lang="en")
    with pytest.raises(ArgmapError) as refused:
        RenderOptions.from_preset("beamer")
    assert "beamer" in str(refused.value)


def test_a_missing_graphviz_is_said_in_japanese(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    path = write(class_map(), tmp_path / "m.argmap.json")
    result = CliRunner().invoke(main, ["render", str(path), "-q"])
    assert result.exit_code == 2
    (line,) = result.stderr.strip().splitlines()
    assert "Graphviz" in line and "見つかりません" in line and "fonts-noto-cjk" in line
    # what is left once the commands to type are taken out is Japanese
    words = line.removeprefix("argmap render:")
    for typed in ("sudo apt-get install graphviz fonts-noto-cjk", "brew install graphviz"):
        assert typed in words
        words = words.replace(typed, " ")
    assert english_sentences(words) == []


def test_the_help_of_render_is_japanese() -> None:
    result = CliRunner().invoke(main, ["render", "--help", "--lang", "ja"])
    assert result.exit_code == 0
    assert "プリセット" in result.output or "--preset で" in result.output
    for line in result.output.splitlines():
        if line.startswith("使い方:"):  # the usage line: the command's name and its arguments
            continue
        assert english_sentences(line) == [], line


# -- badges --------------------------------------------------------------------------


_BADGE = re.compile(r"^([■▲●]) (.+?)(?: ×(\d+))?(?:（(.+)）| \((.+)\))?$")


def drawn_badges(source: str, element: str) -> dict[str, tuple[int, tuple[str, ...]]]:
    """Rule name -> (count, premises) for each badge drawn on ``element``."""
    out: dict[str, tuple[int, tuple[str, ...]]] = {}
    statement = node_label(source, element)
    for label in _html_labels(statement):
        for piece in re.split(r"<[^>]*>", label):
            m = _BADGE.match(html.unescape(piece).strip())
            if m:
                ids = m.group(4) or m.group(5)
                premises = tuple(re.split(r"、|, ", ids)) if ids else ()
                assert m.group(2) not in out, f"two badges of {m.group(2)} on {element}"
                out[m.group(2)] = (int(m.group(3) or 1), premises)
    return out


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("seed", range(5))
def test_badge_counts_match_a_brute_force_count(seed: int, lang: str) -> None:
    amap = class_map()
    rng = random.Random(seed)
    rules = all_rules()
    ids = [*amap.claims, *amap.inferences]
    found = []
    for _ in range(60):
        rule = rng.choice(rules)
        elements = tuple(rng.sample(ids, rng.randint(1, 3)))
        found.append(Diagnostic(rule.code, rule.name, rule.severity, "m", elements))
    source = to_dot(amap, found, lang=lang).source
    # brute force: the main element is the first the finding names
    expected: Counter[tuple[str, str]] = Counter()
    for d in found:
        expected[(d.elements[0], find_rule(d.code).display_name(lang))] += 1
    for element in ids:
        drawn = drawn_badges(source, element)
        want = {name: n for (e, name), n in expected.items() if e == element}
        assert {name: count for name, (count, _) in drawn.items()} == want, element


def test_a_badge_on_an_inference_names_the_premises_it_is_about() -> None:
    amap = class_map()
    rule = find_rule("weak-relevance")
    found = [
        Diagnostic(rule.code, rule.name, rule.severity, "m", ("I5", premise, "C5"))
        for premise in ("C2", "E5", "P4")
    ]
    source = to_dot(amap, found).source
    ((name, (count, premises)),) = drawn_badges(source, "I5").items()
    assert name == "弱い関連" and count == 3 and premises == ("C2", "E5", "P4")
    assert "● 弱い関連 ×3（C2、E5、P4）" in node_label(source, "I5")
    english = to_dot(amap, found, lang="en").source
    assert "● weak-relevance ×3 (C2, E5, P4)" in node_label(english, "I5")
    one = to_dot(amap, found[:1], lang="en").source  # a single finding: no count
    assert "● weak-relevance (C2)<" in node_label(one, "I5")


def test_the_flagship_badges_name_japanese_rules_with_severity_symbols() -> None:
    amap = flagship()
    found = argmap.check(amap)
    source = to_dot(amap, found).source
    for d in found:
        if d.elements[0] in amap.attacks:
            continue
        badge = f"{BADGES[d.severity][2]} {find_rule(d.code).display_name('ja')}"
        assert badge in node_label(source, d.elements[0]), (d.code, d.elements[0])


# -- presets, font size, notes ----------------------------------------------------------


def test_presets_set_what_they_say_and_explicit_fields_win() -> None:
    screen = RenderOptions.from_preset("screen")
    assert screen == RenderOptions()  # the defaults are the screen preset
    projector = RenderOptions.from_preset("projector")
    assert projector.fontsize > screen.fontsize and projector.line_width > screen.line_width
    assert projector.fit == (1920, 1080)
    printed = RenderOptions.from_preset("print")
    assert printed.paper == "a4-landscape"
    mine = RenderOptions.from_preset("projector", fontsize=30, width=22, line_width=1.5, paper="a4")
    assert (mine.fontsize, mine.width, mine.line_width, mine.paper) == (30, 22, 1.5, "a4")
    assert mine.fit is None  # a width given explicitly is kept
    for name, fields in PRESETS.items():
        assert {k: getattr(RenderOptions.from_preset(name), k) for k in fields} == fields


@pytest.mark.parametrize(
    ("field", "value"),
    [("line_width", 0), ("line_width", 11), ("spacing", 0.01), ("paper", "a5"), ("fit", (10, 10))],
)
def test_new_fields_refuse_values_out_of_range(field: str, value: object) -> None:
    with pytest.raises(ArgmapError) as info:
        RenderOptions(**{field: value})
    assert info.value.problems[0].message.startswith(field)


def _point_sizes(source: str) -> list[float]:
    return [float(x) for x in re.findall(r'POINT-SIZE="([\d.]+)"', source)]


def test_font_size_scales_text_badges_and_source_lines_together() -> None:
    amap = flagship()
    found = argmap.check(amap)
    small = to_dot(amap, found, RenderOptions(notes=True)).source
    large = to_dot(amap, found, RenderOptions(notes=True, fontsize=24)).source
    a, b = _point_sizes(small), _point_sizes(large)
    assert len(a) == len(b) and len(set(a)) >= 4  # body, badges, ids, source lines, marks...
    assert all(y == pytest.approx(2 * x, abs=0.02) for x, y in zip(a, b, strict=True))
    # the source line of E1 and its badges grew with its text
    e1_small, e1_large = _point_sizes(node_label(small, "E1")), _point_sizes(node_label(large, "E1"))
    assert sorted(e1_large) == pytest.approx(sorted(2 * x for x in e1_small))


@needs_dot
def test_font_size_option_makes_a_larger_png(tmp_path: Path) -> None:
    path = write(class_map(), tmp_path / "m.argmap.json")
    sizes = []
    for points in ("12", "24"):
        out = tmp_path / f"m{points}.png"
        result = CliRunner().invoke(main, ["render", str(path), "-o", str(out), "-q", "--font-size", points])
        assert result.exit_code == 0, result.output
        sizes.append(png_size(out.read_bytes()))
    (w1, h1), (w2, h2) = sizes
    # twice the text: every label twice as large, the fixed gaps between them not, so the
    # picture grows in both directions and its area by well over twice
    assert w2 > w1 and h2 > h1
    assert w2 * h2 > 2 * w1 * h1


def body_text_on_screen(
    png: bytes, svg: bytes, fontsize: float, screen: tuple[int, int] = (1920, 1080)
) -> float:
    """How tall (pixels, the font's em) body text is when the PNG is scaled
    to fit ``screen``: the PNG's pixels per point (its width over the SVG's,
    drawn from the same source), times any scaling Graphviz applied (the
    SVG's transform), times the body text's size, times the scale to fit."""
    width, height = png_size(png)
    root = ET.fromstring(svg)
    svg_width = float(root.get("width", "0").removesuffix("pt"))
    graph = next(g for g in root.iter(f"{SVG}g") if g.get("class") == "graph")
    scale = float(re.search(r"scale\(([\d.]+)", graph.get("transform", "scale(1)")).group(1))  # type: ignore[union-attr]
    px_per_pt = width / svg_width
    sizes = {float(el.get("font-size", "0")) for el in root.iter(f"{SVG}text")}
    assert fontsize in sizes  # the body text is drawn at the size asked for
    fit = min(screen[0] / width, screen[1] / height)
    return fontsize * scale * px_per_pt * fit


@needs_dot
def test_a_20_claim_map_is_legible_on_a_projector(tmp_path: Path) -> None:
    amap = class_map()
    assert len(amap.claims) == 20
    found = argmap.check(amap)
    heights = {}
    for preset in ("screen", "projector"):
        options = RenderOptions.from_preset(preset)
        png = render(amap, tmp_path / f"{preset}.png", findings=found, options=options).read_bytes()
        svg = render(amap, tmp_path / f"{preset}.svg", findings=found, options=options).read_bytes()
        heights[preset] = body_text_on_screen(png, svg, options.fontsize)
    # 24 px is the least a class reads from the back of the room at 1080 lines
    assert heights["projector"] >= 24, heights
    # the measure tells one drawing from another: the screen preset is not legible there
    assert heights["screen"] < 24 <= heights["projector"]


@needs_dot
@pytest.mark.parametrize("preset", ["screen", "projector", "print"])
@pytest.mark.parametrize("fmt", ["png", "svg", "pdf"])
def test_presets_and_notes_in_every_format(tmp_path: Path, preset: str, fmt: str) -> None:
    amap = class_map()
    path = write(amap, tmp_path / "m.argmap.json")
    out = tmp_path / f"m.{fmt}"
    result = CliRunner().invoke(
        main, ["render", str(path), "-o", str(out), "-q", "--notes", "--preset", preset]
    )
    assert result.exit_code == 0, result.output
    data = out.read_bytes()
    notes = [e.note for e in (*amap.claims.values(), *amap.attacks.values()) if e.note]
    if fmt == "png":
        width, height = png_size(data)
        assert width > 200 and height > 200
    elif fmt == "svg":
        drawn = squeeze("".join(svg_texts(data)))
        assert "メモ" in drawn and "①" in drawn
        for note in notes:
            assert squeeze(note) in drawn, note
    else:
        assert data.startswith(b"%PDF") and data.rstrip().endswith(b"%%EOF")
        boxes = re.findall(rb"/MediaBox \[ *([\d.]+) +([\d.]+) +([\d.]+) +([\d.]+) *\]", data)
        assert boxes
        if preset == "print":  # one A4 landscape page: 841.9 x 595.3 points
            for box in boxes:
                x0, y0, x1, y1 = (float(v) for v in box)
                assert abs((x1 - x0) - 841.9) < 3 and abs((y1 - y0) - 595.3) < 3, box  # within 1 mm
        if shutil.which("pdftotext"):
            text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, check=True).stdout
            assert "メモ" in text.decode("utf-8")


@needs_dot
@pytest.mark.parametrize("rankdir", ["BT", "TB", "LR", "RL"])
def test_the_notes_are_listed_under_the_map(tmp_path: Path, rankdir: str) -> None:
    amap = class_map()
    svg = render(amap, tmp_path / "m.svg", options=RenderOptions(notes=True, rankdir=rankdir)).read_bytes()
    root = ET.fromstring(svg)
    heading = next(el for el in root.iter(f"{SVG}text") if el.text == "メモ")
    notes_top = float(heading.get("y", "0"))
    for g in root.iter(f"{SVG}g"):
        if g.get("class") != "node":
            continue
        for el in g.iter(f"{SVG}text"):
            assert float(el.get("y", "0")) < notes_top, (rankdir, g.findtext(f"{SVG}title"))


def test_notes_are_marked_on_their_elements_in_the_map_order() -> None:
    amap = class_map()
    source = to_dot(amap, options=RenderOptions(notes=True)).source
    assert "①" in node_label(source, "H1") and "②" in node_label(source, "C2")
    attack = next(st for st in statements(source) if st.startswith("E6 -> C3"))
    assert "③" in attack.split(" tooltip=")[0]
    listing = " ".join(label_texts(source))
    assert listing.index("①") < listing.index("「もし」の上に立つ結論") < listing.index("②")
    assert "①" not in " ".join(label_texts(to_dot(amap).source))  # only when asked


def test_a_long_note_is_wrapped() -> None:
    b = MapBuilder("t", lang="ja")
    long = "生徒に「この文はいつ成り立つのか」と問いましょう。" * 12
    b.premise("P1", "前提", note=long)
    source = to_dot(b.build(), options=RenderOptions(notes=True)).source
    (listing,) = [x for x in _html_labels(source) if "メモ" in x]
    lines = [html.unescape(x) for x in re.split(r"<[^>]*>", listing.split("生徒に", 1)[1]) if x.strip()]
    assert len(lines) >= 4
    assert squeeze("生徒に" + "".join(lines)).startswith(squeeze(long))


def test_the_documented_schemes_are_named_in_the_diagrams_language() -> None:
    amap = flagship()
    schemes = {inf.scheme for inf in amap.inferences.values() if inf.scheme}
    assert {"causal", "analogy", "sign", "consequences"} <= schemes
    ja = " ".join(label_texts(to_dot(amap, [], RenderOptions(), lang="ja").source))
    en = " ".join(label_texts(to_dot(amap, [], RenderOptions(), lang="en").source))
    for scheme in schemes:
        assert re.search(rf"\b{scheme}\b", en)  # English keeps the word the map uses
        assert not re.search(rf"\b{scheme}\b", ja), scheme
        assert scheme_label(scheme, "ja") in ja
    assert english_sentences(ja) == []
