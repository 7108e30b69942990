"""Drawing part of a map: ``argmap render --focus/--depth/--select/--group-by/--split``,
every bad input refused in one line with exit 2, and the drawing of a view
in the API (markers of what lies beyond, the whole map's findings, tags)."""

from __future__ import annotations

import hashlib
import html
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from hypothesis import given, settings
from hypothesis import strategies as st

import argmap
from argmap.cli import main
from argmap.drawing import RenderOptions, to_dot
from argmap.drawing.html import to_html
from argmap.drawing.views import focus, select, split
from argmap.errors import ArgmapError
from argmap.i18n import using
from argmap.model import ArgumentMap, MapBuilder
from tests.language import EN, JA, english_sentences
from tests.strategies import maps

ROOT = Path(__file__).resolve().parent.parent
FLAGSHIP = ROOT / "examples" / "nato-tokyo" / "map.argmap.yaml"
FLAGSHIP_EN = ROOT / "examples" / "nato-tokyo" / "map.en.argmap.yaml"
CIRCULAR = ROOT / "examples" / "circular.argmap.yaml"
needs_dot = pytest.mark.skipif(shutil.which("dot") is None, reason="needs Graphviz (tools/system-deps.sh)")

_NODE = re.compile(r'^\t"?([A-Za-z][\w.\-]*)"? \[', re.MULTILINE)
_MARKER = re.compile(r'^\t"?_beyond_([A-Za-z][\w.\-]*)"? \[label=<[^\n]*?\+(\d+)', re.MULTILINE)


def run(*args: str, env: dict[str, str | None] | None = None) -> Result:
    return CliRunner().invoke(main, list(args), env=env or EN)


def nodes(source: str) -> set[str]:
    """The ids of the elements drawn as nodes in DOT source."""
    return set(_NODE.findall(source)) - {"graph", "node", "edge"}


def markers(source: str) -> dict[str, int]:
    """The +N markers of DOT source: element id -> N."""
    return {k: int(v) for k, v in _MARKER.findall(source)}


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def example(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)  # no pyproject.toml above: the default settings
    path = tmp_path / "map.argmap.yaml"
    shutil.copy(FLAGSHIP, path)
    return path


@pytest.fixture
def circular(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "circular.argmap.yaml"
    shutil.copy(CIRCULAR, path)
    return path


def one_line(result: Result) -> str:
    """The one line of a refusal: exit 2, no traceback, no output on stdout."""
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


# -- --focus and --depth ------------------------------------------------------------


def test_focus_draws_the_named_claims_to_the_depth_with_markers(example: Path) -> None:
    result = run("render", str(example), "--focus", "C0", "--depth", "1", "--format", "dot", "--lang", "en")
    assert result.exit_code == 0, result.output
    out = example.with_suffix(".focus.dot")
    assert result.stdout.strip() == str(out)
    assert not example.with_suffix(".dot").exists()  # the drawing of the whole map is not this
    source = out.read_text(encoding="utf-8")
    assert nodes(source) == {"C0", "I0", "E1", "A1", "C4"}
    assert markers(source) == {"C4": 6, "A1": 2}
    assert "6 elements that support or attack C4 are not drawn" in source  # the marker's tooltip
    # the summary counts the findings of the whole map, and says how many are drawn
    assert "of them drawn on this part of the map" in result.stderr


def test_focus_takes_several_ids_and_the_default_depth_is_2(example: Path, tmp_path: Path) -> None:
    out = tmp_path / "part.dot"
    result = run("render", str(example), "--focus", "C2, C4", "--focus", "E10", "-o", str(out), "-q")
    assert result.exit_code == 0, result.output
    expected = focus(argmap.load(example), ["C2", "C4", "E10"], 2)
    assert nodes(out.read_text(encoding="utf-8")) == {*expected.map.claims, *expected.map.inferences}


def test_a_finding_on_an_element_drawn_shows_its_badge(example: Path, tmp_path: Path) -> None:
    out = tmp_path / "e4.dot"
    result = run("render", str(example), "--focus", "E4", "--depth", "0", "-o", str(out))
    assert result.exit_code == 0, result.output
    source = out.read_text(encoding="utf-8")
    assert "使われていない主張" in source  # unused-claim, found on the whole map, drawn on E4
    assert "仮定の上の断定" not in source  # a finding about elements not drawn is not


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--focus", "Z9"], "argmap render: --focus: the map has no element 'Z9'"),
        (["--focus", "c0"], "(did you mean 'C0'?)"),
        (["--focus", ","], "--focus names no element"),
        (["--focus", "C0", "--depth", "-1"], "--depth must be 0 or more, not -1"),
        (["--depth", "1"], "--depth is for --focus"),
        (["--focus", "C0", "--select", "kind:premise"], "--focus and --select cannot be used together"),
        (["--focus", "C0", "--split", "out"], "--focus and --split cannot be used together"),
        (["--select", "kind:premise", "--split", "out"], "--select and --split cannot be used together"),
    ],
)
def test_bad_focus_options_are_refused_in_one_line(example: Path, args: list[str], words: str) -> None:
    before = set(example.parent.iterdir())
    line = one_line(run("render", str(example), *args, "--format", "dot", "--lang", "en"))
    assert words in line
    assert set(example.parent.iterdir()) == before  # nothing written


def test_a_depth_that_is_not_a_number_is_a_usage_error(example: Path) -> None:
    result = run("render", str(example), "--focus", "C0", "--depth", "two")
    assert result.exit_code == 2
    assert "'two' is not a valid integer" in result.stderr


# -- --select ---------------------------------------------------------------------


def test_select_a_kind(example: Path) -> None:
    result = run("render", str(example), "--select", "kind:assumption", "--format", "dot", "-q")
    assert result.exit_code == 0, result.output
    out = example.with_suffix(".select.dot")
    assert result.stdout.strip() == str(out)
    assert nodes(out.read_text(encoding="utf-8")) == {"A1", "A2", "A3"}


def test_select_finding_draws_the_circle(circular: Path) -> None:
    result = run("render", str(circular), "--select", "finding:circular-support", "--format", "dot", "-q")
    assert result.exit_code == 0, result.output
    source = circular.with_suffix(".select.dot").read_text(encoding="utf-8")
    assert nodes(source) == {"C1", "C2", "I1", "I2"}
    assert markers(source) == {"I1": 1, "I2": 1}  # P2 and P1, from outside the circle
    assert "circular-support" in source  # its badge


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--select", "kind:asumption"], "--select: unknown kind 'asumption' (did you mean 'assumption'?)"),
        (["--select", "tag:x"], "--select: no element has the tag 'x': the map has no tags"),
        (["--select", "finding:circular-suport"], "--select: unknown rule"),
        (["--select", "assumption"], "write kind:NAME, tag:NAME or finding:RULE"),
        (["--select", "kind:blank"], "nothing in the map matches it"),
        (["--select", "finding:circular-support"], "nothing in the map matches it"),
        (["--select", "finding:AM201", "--no-findings"], "leave out --no-findings"),
    ],
)
def test_bad_selections_are_refused_in_one_line(example: Path, args: list[str], words: str) -> None:
    before = set(example.parent.iterdir())
    line = one_line(run("render", str(example), *args, "--format", "dot", "--lang", "en"))
    assert words in line
    assert set(example.parent.iterdir()) == before


def test_refusals_speak_japanese_for_a_japanese_map(example: Path) -> None:
    for args in (
        ["--focus", "Z9"],
        ["--select", "kind:x"],
        ["--depth", "1"],
        ["--split", "-", "-o", "x.svg"],
    ):
        line = one_line(run("render", str(example), *args, env=JA))
        assert english_sentences(line) == [], line


# -- --split ----------------------------------------------------------------------


def index_text(page: str) -> str:
    return html.unescape(re.sub(r"<style>.*?</style>|<[^>]+>", " ", page, flags=re.S))


def test_split_writes_one_diagram_per_final_conclusion_and_an_index(example: Path, tmp_path: Path) -> None:
    before = digest(example)
    folder = tmp_path / "parts"
    result = run("render", str(example), "--split", str(folder), "--format", "dot", "-q")
    assert result.exit_code == 0, result.output
    assert result.stdout.split() == [
        str(folder / "C2.dot"),
        str(folder / "C0.dot"),
        str(folder / "index.html"),
    ]
    assert sorted(p.name for p in folder.iterdir()) == ["C0.dot", "C2.dot", "index.html"]
    m = argmap.load(example)
    for view in split(m):
        (root,) = view.roots
        source = (folder / f"{root}.dot").read_text(encoding="utf-8")
        assert nodes(source) == {*view.map.claims, *view.map.inferences}
    page = (folder / "index.html").read_text(encoding="utf-8")
    assert '<html lang="ja">' in page
    assert 'href="C2.dot"' in page and 'href="C0.dot"' in page
    assert m.claims["C2"].text in index_text(page) and m.claims["C0"].text in index_text(page)
    for left in ("E4", "E5", "E6", "E7", "E8", "E9"):  # the claims no diagram holds are listed
        assert left in index_text(page)
    assert "<img" not in page  # no pictures of DOT sources
    assert "http" not in page.replace('content="width=device-width', "")  # nothing fetched
    assert english_sentences(index_text(page)) == []
    assert digest(example) == before


def test_a_second_split_replaces_its_own_files_only(example: Path, tmp_path: Path) -> None:
    folder = tmp_path / "parts"
    folder.mkdir()
    (folder / "C0.dot").write_text("old", encoding="utf-8")
    (folder / "notes.txt").write_text("mine", encoding="utf-8")
    for _ in range(2):
        result = run("render", str(example), "--split", str(folder), "--format", "dot", "-q")
        assert result.exit_code == 0, result.output
    assert (folder / "C0.dot").read_text(encoding="utf-8").startswith("digraph")
    assert (folder / "notes.txt").read_text(encoding="utf-8") == "mine"
    assert sorted(p.name for p in folder.iterdir()) == ["C0.dot", "C2.dot", "index.html", "notes.txt"]


def test_split_makes_the_folder_and_speaks_english_for_an_english_map(tmp_path: Path) -> None:
    folder = tmp_path / "a" / "b"
    result = run("render", str(FLAGSHIP_EN), "--split", str(folder), "--format", "dot", "-q")
    assert result.exit_code == 0, result.output
    page = (folder / "index.html").read_text(encoding="utf-8")
    assert '<html lang="en">' in page
    assert "one for each final conclusion" in page and "Claims in no diagram" in page


def test_the_index_escapes_the_maps_texts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "m.argmap.yaml"
    path.write_text(
        "argmap: 1\ntitle: '<script>alert(1)</script>'\nlang: en\nclaims:\n"
        "  P1: {kind: premise, text: 'a & b'}\n"
        "  C1: {kind: conclusion, text: '<img src=x onerror=alert(1)>'}\n"
        "inferences:\n  I1: {from: [P1], to: C1}\n",
        encoding="utf-8",
    )
    folder = tmp_path / "out"
    assert run("render", str(path), "--split", str(folder), "--format", "dot", "-q").exit_code == 0
    page = (folder / "index.html").read_text(encoding="utf-8")
    assert "<script>" not in page and "<img src=x" not in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page


@needs_dot
def test_split_into_svg_shows_each_diagram_in_the_index(example: Path, tmp_path: Path) -> None:
    folder = tmp_path / "parts"
    result = run("render", str(example), "--split", str(folder), "-q")
    assert result.exit_code == 0, result.output
    assert (folder / "C0.svg").read_bytes().lstrip().startswith(b"<?xml")
    assert '<img src="C0.svg"' in (folder / "index.html").read_text(encoding="utf-8")


def test_split_refusals(example: Path, tmp_path: Path) -> None:
    a_file = tmp_path / "taken"
    a_file.write_text("keep", encoding="utf-8")
    line = one_line(run("render", str(example), "--split", str(a_file), "--format", "dot", "--lang", "en"))
    assert "is not a folder" in line and str(a_file) in line
    assert a_file.read_text(encoding="utf-8") == "keep"
    line = one_line(
        run("render", str(example), "--split", str(tmp_path / "d"), "-o", "x.svg", "--lang", "en")
    )
    assert "leave out -o" in line
    assert not (tmp_path / "d").exists()
    line = one_line(run("render", str(example), "--split", "", "--lang", "en"))
    assert "--split needs the name of a folder" in line


def test_split_never_writes_over_the_map(example: Path, tmp_path: Path) -> None:
    before = digest(example)
    folder = tmp_path / "parts"
    folder.mkdir()
    (folder / "C0.dot").symlink_to(example)  # a diagram's name that is the map itself
    line = one_line(run("render", str(example), "--split", str(folder), "--format", "dot", "--lang", "en"))
    assert "is an input of this command" in line
    assert digest(example) == before
    assert sorted(p.name for p in folder.iterdir()) == ["C0.dot"]  # nothing else written either


def test_split_of_a_map_without_final_conclusion(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "m.argmap.yaml"
    path.write_text(
        "argmap: 1\ntitle: t\nlang: en\nclaims:\n  E1: {kind: evidence, text: e}\n", encoding="utf-8"
    )
    line = one_line(run("render", str(path), "--split", str(tmp_path / "out"), "--format", "dot"))
    assert "no final conclusion" in line
    assert not (tmp_path / "out").exists()


# -- tags: --group-by tag, tag colours ----------------------------------------------------

TAGGED = """argmap: 1
title: tags
lang: en
claims:
  E1: {kind: evidence, text: e1, tags: [economy]}
  P1: {kind: premise, text: p1, tags: [law, economy]}
  P2: {kind: premise, text: p2}
  C1: {kind: conclusion, text: c1, tags: [law]}
inferences:
  I1: {from: [E1, P1, P2], to: C1}
"""


@pytest.fixture
def tagged(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "tags.argmap.yaml"
    path.write_text(TAGGED, encoding="utf-8")
    return path


def clusters(source: str) -> dict[str, set[str]]:
    """Each cluster of tags in DOT source: its label's words -> the ids in it."""
    out = {}
    for block in re.findall(r"subgraph cluster_tag_\d+ \{(.*?)\n\t\}", source, flags=re.S):
        label = re.search(r">#([^<]+)<", block)
        assert label is not None
        out[label.group(1)] = nodes(block.replace("\t\t", "\t"))
    return out


def test_group_by_tag_draws_a_cluster_per_tag_with_a_claim_in_its_first(tagged: Path) -> None:
    result = run("render", str(tagged), "--group-by", "tag", "--format", "dot", "-q")
    assert result.exit_code == 0, result.output
    source = tagged.with_suffix(".dot").read_text(encoding="utf-8")
    assert clusters(source) == {"economy": {"E1"}, "law": {"P1", "C1"}}
    assert "#economy" in source and "#law" in source  # the tags on the nodes


def test_tag_colours_come_from_pyproject(tagged: Path, tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.argmap.render]\ntag-colors = { economy = "#1F77B4", law = "red" }\n', encoding="utf-8"
    )
    result = run("render", str(tagged), "--group-by", "tag", "--format", "dot", "-q")
    assert result.exit_code == 0, result.output
    source = tagged.with_suffix(".dot").read_text(encoding="utf-8")
    assert "#1f77b4" in source and "#c62828" in source


@pytest.mark.parametrize(
    ("table", "words"),
    [
        ('tag-colors = { economy = "#12" }', "the colour of the tag 'economy' is '#12', not a colour"),
        ('tag-colors = { economy = "url(x)" }', "not a colour"),
        ("tag-colors = { economy = 5 }", "not a colour"),
        ('tag-colors = "red"', "must be a table of tag = colour"),
        ("tag-colours = {}", "(did you mean 'tag-colors'?)"),
    ],
)
def test_bad_tag_colours_are_refused_naming_the_file(
    tagged: Path, tmp_path: Path, table: str, words: str
) -> None:
    (tmp_path / "pyproject.toml").write_text(f"[tool.argmap.render]\n{table}\n", encoding="utf-8")
    line = one_line(run("render", str(tagged), "--format", "dot"))
    assert "pyproject.toml" in line and "[tool.argmap.render]" in line and words in line
    assert not tagged.with_suffix(".dot").exists()


def test_a_render_table_that_is_not_a_table(tagged: Path, tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.argmap]\nrender = 5\n", encoding="utf-8")
    line = one_line(run("render", str(tagged), "--format", "dot"))
    assert "[tool.argmap.render] must be a table" in line


def test_group_by_is_only_tag(tagged: Path) -> None:
    result = run("render", str(tagged), "--group-by", "kind")
    assert result.exit_code == 2
    assert "'kind' is not 'tag'" in result.stderr


# -- the API ------------------------------------------------------------------------


def small() -> ArgumentMap:
    b = MapBuilder("t", lang="en")
    b.evidence("E1", "e")
    b.premise("P1", "p")
    b.conclusion("C1", "c")
    b.conclusion("C2", "d")
    b.inference("I1", ["E1", "P1"], "C1")
    b.inference("I2", ["C1"], "C2")
    return b.build()


def test_to_dot_of_a_view_draws_the_part_with_its_markers() -> None:
    m = small()
    source = to_dot(focus(m, ["C2"], 1)).source
    assert nodes(source) == {"C1", "C2", "I2"}
    assert markers(source) == {"C1": 3}
    assert "final conclusion" in source  # C2 is the map's final conclusion
    # the drawing of a map is unchanged: no marker
    assert markers(to_dot(m).source) == {}


def test_a_view_of_a_conclusion_used_further_on_is_not_drawn_as_final() -> None:
    source = to_dot(focus(small(), ["C1"], 1)).source
    assert "final conclusion" not in source


def test_japanese_marker_tooltips() -> None:
    m = small()
    source = to_dot(focus(m, ["C2"], 1), lang="ja").source
    tip = re.search(r'_beyond_C1" \[[^\n]*tooltip="([^"]*)"', source) or re.search(
        r"_beyond_C1 \[[^\n]*tooltip=\"([^\"]*)\"", source
    )
    assert tip is not None
    assert english_sentences(html.unescape(tip.group(1))) == []


@settings(max_examples=60, deadline=None)
@given(st.data(), maps(max_claims=6), st.one_of(st.none(), st.integers(0, 3)), st.booleans())
def test_any_view_draws_its_marks_and_no_other(
    data: st.DataObject, m: ArgumentMap, depth: int | None, grouped: bool
) -> None:
    every = sorted({*m.claims, *m.inferences, *m.attacks})
    ids = data.draw(st.lists(st.sampled_from(every), min_size=1, max_size=2))
    view = focus(m, ids, depth)
    options = RenderOptions(group_by="tag" if grouped else None)
    source = to_dot(view, argmap.check(m), options).source
    assert markers(source) == dict(view.beyond)
    # a tag's box holds the claims drawn whose first tag it is
    if grouped:
        firsts = {c.tags[0] for c in view.map.claims.values() if c.tags}
        assert source.count("subgraph cluster_tag_") == len(firsts)


def test_render_a_view_to_a_file(tmp_path: Path) -> None:
    m = small()
    path = argmap.render(focus(m, ["C2"], 1), tmp_path / "part.dot")
    assert nodes(path.read_text(encoding="utf-8")) == {"C1", "C2", "I2"}


def test_html_of_a_view_draws_the_part_and_its_findings(tmp_path: Path) -> None:
    pytest.importorskip("graphviz")
    if shutil.which("dot") is None:
        pytest.skip("needs Graphviz")
    m = argmap.load(FLAGSHIP)
    found = argmap.check(m)
    view = focus(m, ["C0"], 1)
    page = to_html(view, found)
    assert 'data-element="C0"' in page and 'data-element="C3"' not in page
    shown = {d.code for d in view.findings(found)}
    assert all(f'data-code="{d.code}"' in page for d in view.findings(found))
    hidden = [d for d in found if d not in view.findings(found)]
    assert hidden and all(d.message not in page for d in hidden if d.code not in shown)


def test_tag_colours_in_the_api() -> None:
    b = MapBuilder("t", lang="en")
    b.premise("P1", "p", tags=["economy"])
    source = to_dot(b.build(), options=RenderOptions(tag_colors={"economy": "#abc"}, group_by="tag")).source
    assert "#aabbcc" in source
    with using("en"), pytest.raises(ArgmapError, match="not a colour"):
        RenderOptions(tag_colors={"economy": "nope"})
    with using("en"), pytest.raises(ArgmapError, match="group_by"):
        RenderOptions(group_by="kind")
    with pytest.raises(TypeError):
        RenderOptions(tag_colors=["red"])  # type: ignore[arg-type]


def test_select_view_in_the_api_keeps_the_whole_maps_findings() -> None:
    m = argmap.load(CIRCULAR)
    found = argmap.check(m)
    view = select(m, "finding:circular-support", found)
    source = to_dot(view, found).source
    assert "circular-support" in source


# -- the docs -------------------------------------------------------------------------


def test_the_pictures_of_the_views_are_current() -> None:
    import subprocess
    import sys

    proc = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "views_images.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr


def test_the_docs_show_every_view_with_its_picture() -> None:
    docs = (ROOT / "docs" / "rendering.md").read_text(encoding="utf-8")
    section = docs.split("## Views of a large map", 1)[1].split("\n## ", 1)[0]
    for option in (
        "--focus",
        "--depth",
        "--select",
        "kind:",
        "tag:",
        "finding:",
        "--group-by tag",
        "--split",
    ):
        assert option in section, option
    assert "tag-colors" in section
    pictures = re.findall(r"\]\((img/[^)]+)\)", section)
    assert len(pictures) >= 5
    for picture in pictures:
        assert (ROOT / "docs" / picture).exists(), picture
    # every colour name the docs offer is one argmap reads, and the other way round
    from argmap.drawing.config import COLOUR_NAMES

    listed = re.search(r"one of the names (.*?)\. A tag", section, flags=re.S)
    assert listed is not None
    assert set(re.findall(r"`(\w+)`", listed.group(1))) == set(COLOUR_NAMES)
