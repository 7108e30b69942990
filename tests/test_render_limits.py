"""No text is dropped silently, whatever its size.

Graphviz refuses a quoted string or a run of label text of 16,384 bytes
("syntax error in line N") and draws none of a label of more than 32,767
lines. Every text of a map that loads must reach the SVG whole (in the
label, or in the tooltip when the label shows it shortened), and a PNG or
PDF that shows a text shortened must say so.
"""

from __future__ import annotations

import re
import shutil
import sys
import warnings
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

import argmap
from argmap.cli import main
from argmap.drawing import RenderWarning, render, run_graphviz, to_dot
from argmap.drawing.escape import printable
from argmap.drawing.limits import MAX_LABEL_LINES, PIECE_BYTES, split_long_strings
from argmap.model import ArgumentMap, MapBuilder, Source

needs_dot = pytest.mark.skipif(shutil.which("dot") is None, reason="needs Graphviz (tools/system-deps.sh)")

SVG = "{http://www.w3.org/2000/svg}"
XLINK = "{http://www.w3.org/1999/xlink}"
#: Graphviz's own limit on one run of a string in DOT source.
GRAPHVIZ_TOKEN = 16_384

# The largest realistic sizes: a long note, a long Japanese quote, a claim of
# 40,000 lines and a text of several megabytes.
NOTE_17K = ("The committee's minutes record a long discussion of the budget. " * 300)[:17_000]
QUOTE_JA = ("政府は安全保障環境の変化を理由に挙げ、専門家は慎重な対応を求めている。" * 200)[:5_700]
LINES_40K = "\n".join(f"line {i} of the claim" for i in range(40_000))
MEGABYTES = ("日本は東京にNATOの連絡事務所を開設する方向で動いている。" * 40_000)[:1_100_000]  # 3.3 MB


def _squash(text: str) -> str:
    """Text without its white space: wrapping moves line breaks and spaces."""
    return re.sub(r"\s+", "", text.replace("\xa0", " "))


def svg_texts(svg: bytes) -> str:
    """Everything an SVG shows or carries for a reader: its text and the
    values of its attributes (tooltips, titles, links), with white space removed."""
    root = ET.fromstring(svg)  # a real parser: the SVG must be well-formed
    parts = ["".join("".join(el.itertext()) for el in root.iter(f"{SVG}text"))]  # lines follow each other
    parts += [v for el in root.iter() for k, v in el.attrib.items() if k in (f"{XLINK}title", f"{XLINK}href")]
    parts += [el.text or "" for el in root.iter(f"{SVG}title")]
    return "\n".join(_squash(p) for p in parts)


def node_groups(svg: bytes) -> dict[str, ET.Element]:
    root = ET.fromstring(svg)
    out = {}
    for g in root.iter(f"{SVG}g"):
        if g.get("class") == "node":
            title = g.find(f"{SVG}title")
            assert title is not None
            out[title.text or ""] = g
    return out


def full_text_in_node(svg: bytes, node: str, text: str) -> bool:
    """``text`` is drawn whole in ``node``'s label, or is whole in its tooltip."""
    g = node_groups(svg)[node]
    drawn = _squash("".join("".join(t.itertext()) for t in g.iter(f"{SVG}text")))
    tips = [_squash(a.get(f"{XLINK}title") or "") for a in g.iter(f"{SVG}a")]
    want = _squash(printable(text))
    return want in drawn or any(want in tip for tip in tips)


def big_map() -> ArgumentMap:
    b = MapBuilder("Sizes", lang="ja")
    b.evidence("E1", "議事録によれば", note=NOTE_17K, source=Source(quote=QUOTE_JA, speaker="委員会"))
    b.premise("P1", LINES_40K)
    b.premise("P2", MEGABYTES)
    b.premise("P3", NOTE_17K)
    b.conclusion("C1", "結論")
    b.inference("I1", ["E1", "P1", "P2", "P3"], "C1", marker="以上から")
    return b.build()


@pytest.fixture(scope="module")
def big_svg() -> bytes:
    return run_graphviz(to_dot(big_map()).source, "svg")


@needs_dot
def test_every_claim_of_the_largest_realistic_sizes_reaches_the_svg_whole(big_svg: bytes) -> None:
    amap = big_map()
    for claim in amap.claims.values():
        assert full_text_in_node(big_svg, claim.id, claim.text), claim.id
    everything = svg_texts(big_svg)
    assert _squash(NOTE_17K) in everything  # the note, in E1's tooltip
    assert _squash(QUOTE_JA) in everything  # the quote, in E1's tooltip


@needs_dot
def test_a_label_too_long_to_draw_is_shortened_visibly_not_emptied(big_svg: bytes) -> None:
    nodes = node_groups(big_svg)
    for claim in ("P1", "P2"):
        lines = [t.text or "" for t in nodes[claim].iter(f"{SVG}text") if t.get("font-size") == "12.00"]
        assert len(lines) == MAX_LABEL_LINES, claim  # as many lines as a label holds, not none
        assert lines[-1].endswith("…")
    first = [t.text for t in nodes["P1"].iter(f"{SVG}text") if t.get("font-size") == "12.00"][:2]
    assert first == LINES_40K.split("\n")[:2]  # the text from its start (each line fits the width)


@needs_dot
@pytest.mark.parametrize(
    "field",
    [
        "claim text",
        "claim id",
        "note",
        "quote",
        "source title",
        "speaker",
        "map title",
        "inference marker",
        "inference scheme",
        "inference note",
        "attack note",
        "attack id",
    ],
)
def test_every_field_that_reaches_graphviz_survives_a_long_value(field: str) -> None:
    """A value longer than Graphviz's 16,384-byte token, written without spaces
    (one token that no wrapping breaks), reaches the SVG whole."""
    long = "長" * (GRAPHVIZ_TOKEN // 3 + 100) + "end"
    ident = "Q" + "x" * (GRAPHVIZ_TOKEN + 100)
    kw: dict[str, str] = {"claim text": "c", "note": "n", "quote": "q", "source title": "t", "speaker": "s"}
    kw = {k: (long if k == field else v) for k, v in kw.items()}
    claim_id = ident if field == "claim id" else "E1"
    attack_id = ident if field == "attack id" else "X1"
    b = MapBuilder(long if field == "map title" else "m")
    b.evidence(
        claim_id,
        kw["claim text"],
        note=kw["note"],
        source=Source(quote=kw["quote"], title=kw["source title"], speaker=kw["speaker"]),
    )
    b.conclusion("C1", "c")
    b.inference(
        "I1",
        [claim_id],
        "C1",
        marker=long if field == "inference marker" else "so",
        scheme=long if field == "inference scheme" else None,
        note=long if field == "inference note" else None,
    )
    b.premise("P1", "p")
    b.attack(attack_id, "P1", "I1", note=long if field == "attack note" else None)
    svg = run_graphviz(to_dot(b.build()).source, "svg")
    want = ident if field.endswith(" id") else long
    assert _squash(want) in svg_texts(svg)


@needs_dot
def test_a_long_source_url_is_kept_and_the_missing_link_is_said(tmp_path: Path) -> None:
    url = "https://example.org/" + "a" * 20_000
    b = MapBuilder("m")
    b.evidence("E1", "e", source=Source(url=url))
    with pytest.warns(RenderWarning, match="E1: the source URL is longer than") as caught:
        render(b.build(), tmp_path / "m.svg")
    assert caught[0].message.element == "E1"  # type: ignore[union-attr]
    assert url in svg_texts((tmp_path / "m.svg").read_bytes())  # in the tooltip


@needs_dot
@pytest.mark.parametrize("fmt", ["png", "pdf"])
def test_a_png_or_pdf_that_shows_a_text_shortened_says_so(tmp_path: Path, fmt: str) -> None:
    b = MapBuilder("m")
    b.premise("P1", LINES_40K)
    b.premise("P2", "short")
    with pytest.warns(RenderWarning) as caught:
        render(b.build(), tmp_path / f"m.{fmt}")
    mine = [w.message for w in caught if getattr(w.message, "element", None) == "P1"]
    assert len(mine) == 1
    assert "P1: its text" in str(mine[0]) and f"{MAX_LABEL_LINES:,} lines" in str(mine[0])
    assert "SVG" in str(mine[0])
    assert not any(getattr(w.message, "element", None) == "P2" for w in caught)


@needs_dot
def test_an_svg_keeps_the_text_so_it_gives_no_shortening_warning(tmp_path: Path) -> None:
    b = MapBuilder("m")
    b.premise("P1", LINES_40K)
    with warnings.catch_warnings():
        warnings.simplefilter("error", RenderWarning)
        render(b.build(), tmp_path / "m.svg")


@needs_dot
def test_the_command_draws_the_largest_sizes_and_warns_for_png(tmp_path: Path) -> None:
    path = tmp_path / "big.argmap.json"
    path.write_text(argmap.dumps(big_map(), format="json"), encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(main, ["render", str(path), "-q"])
    assert result.exit_code == 0, result.output
    svg = path.with_suffix(".svg").read_bytes()
    for claim in big_map().claims.values():
        assert full_text_in_node(svg, claim.id, claim.text), claim.id
    assert result.stderr == ""
    result = runner.invoke(main, ["render", str(path), "-q", "--format", "png", "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert "argmap render: warning: P1: its text is longer than a label can hold" in result.stderr
    assert "argmap render: warning: P2: its text" in result.stderr


@needs_dot
def test_max_lines_asked_for_is_not_warned_about(tmp_path: Path) -> None:
    b = MapBuilder("m")
    b.premise("P1", " ".join(["word"] * 200))
    with warnings.catch_warnings():
        warnings.simplefilter("error", RenderWarning)
        render(b.build(), tmp_path / "m.pdf", options=argmap.RenderOptions(max_lines=2))


# -- splitting long DOT strings --------------------------------------------------

dot_content = st.lists(
    st.one_of(
        st.sampled_from(["\\\\", '\\"', "あ", "😀", "&amp;", "&#10;", "x"]),
        st.text(st.characters(exclude_characters='"\\', exclude_categories=("Cs",)), max_size=50),
    ),
    max_size=4000,
).map("".join)


@settings(max_examples=60)
@given(dot_content, st.integers(0, 3))
def test_split_strings_keep_every_byte_and_stay_under_graphviz_limit(content: str, pad: int) -> None:
    """Pieces join back to the string, each is short, and none ends inside an escape."""
    content = "y" * pad + content * (1 + PIECE_BYTES // max(1, len(content.encode())))
    line = f'\tE1 [tooltip="{content}" label=<<TABLE><TR><TD>"x"</TD></TR></TABLE>>]\n'
    out = split_long_strings(line)
    pieces = re.findall(r'"((?:[^"\\]|\\.)*)"(?: \+ |\s|\])', out.split("label=")[0])
    assert "".join(pieces) == content
    assert all(len(p.encode()) <= PIECE_BYTES < GRAPHVIZ_TOKEN for p in pieces)
    assert out.endswith('label=<<TABLE><TR><TD>"x"</TD></TR></TABLE>>]\n')  # HTML left alone


@needs_dot
@settings(max_examples=8, deadline=None)
@given(
    st.text(st.characters(exclude_categories=("Cs",)), min_size=1, max_size=30), st.integers(17_000, 40_000)
)
def test_any_long_note_reaches_the_tooltip_whole(unit: str, size: int) -> None:
    note = unit * (size // len(unit.encode()) + 1)  # more bytes than Graphviz's token
    b = MapBuilder("m")
    b.premise("P1", "x", note=note)
    svg = run_graphviz(to_dot(b.build()).source, "svg")
    tip = node_groups(svg)["P1"].find(f".//{SVG}a")
    assert tip is not None
    assert printable(note).replace("\xa0", " ") in (tip.get(f"{XLINK}title") or "").replace("\xa0", " ")


def test_a_graphviz_error_on_a_line_names_the_element_and_where_it_is(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Should Graphviz still refuse something, the error names the element and
    its place in the map file, not only a line of DOT source the user never saw."""
    script = (
        "import sys\n"
        "lines = sys.stdin.read().splitlines()\n"
        "n = next(i for i, x in enumerate(lines, 1) if x.startswith('\\tE2 ['))\n"
        "sys.stderr.write(f'Error: <stdin>: syntax error in line {n} scanning a quoted string\\n')\n"
        "sys.exit(1)\n"
    )
    bindir = tmp_path / "bin"
    bindir.mkdir()
    (bindir / "dot").write_text(f"#!{sys.executable}\n{script}")
    (bindir / "dot").chmod(0o755)
    monkeypatch.setenv("PATH", str(bindir))
    path = tmp_path / "m.argmap.yaml"
    path.write_text(
        "argmap: 1\ntitle: t\nclaims:\n  E1: {kind: evidence, text: a}\n  E2: {kind: evidence, text: b}\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["render", str(path), "-q"])
    assert result.exit_code == 2
    assert f"in the drawing of E2 ({path}:5:" in result.stderr
    assert "syntax error in line" in result.stderr
