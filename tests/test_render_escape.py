"""Any text reaches the SVG exactly as written (escaping property, real Graphviz).

The rule for what SVG cannot carry is documented in argmap/drawing/escape.py:
line ends become line breaks, a tab a space, other C0 controls their control
pictures, U+FFFE/U+FFFF U+FFFD. Graphviz writes a label line per ``<text>``
(none for an empty line) and the second and later spaces of a run as
U+00A0. :func:`expected_lines` applies exactly that; ordinary text is exact.
"""

from __future__ import annotations

import os
import shutil
import xml.etree.ElementTree as ET

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.drawing import RenderOptions, run_graphviz, to_dot
from argmap.drawing.escape import printable
from argmap.model import MapBuilder

pytestmark = pytest.mark.skipif(shutil.which("dot") is None, reason="needs Graphviz (tools/system-deps.sh)")

SVG = "{http://www.w3.org/2000/svg}"
XLINK = "{http://www.w3.org/1999/xlink}"

NASTY = [
    "\\N",
    "\\G",
    "\\l",
    "\\r",
    "\\n",
    "\\E",
    "\\T",
    "\\H",
    "\\L",
    "\\",
    "\\\\",
    '"',
    "'",
    '\\"',
    "<b>",
    "</TABLE>",
    "<BR/>",
    "<",
    ">",
    "&",
    "&amp;",
    "&lt;",
    "&#38;",
    "&#x41;",
    "&nbsp;",
    "]]>",
    "{",
    "}",
    "|",
    "{a|b}",
    "\n",
    "\r\n",
    "\r",
    "\t",
    "\x00",
    "\x01",
    "\x1b",
    "\x7f",
    "\x85",
    "\x9f",
    "\u2028",
    "\u2029",
    "\ufeff",
    "\u200b",
    "\u200f",
    "\u202e",
    "שלום",
    "مرحبا",
    "😀",
    "👩‍👩‍👧",
    "\U0001f1ef\U0001f1f5",
    "e\u0301",
    "日本は、",
    "「もし」",
    "NATO",
    " ",
    "  ",
    "\ufffe",
    "\uffff",
    "%",
    "$",
    "@",
    "#",
    ";",
    "-->",
    "<!--",
    "x",
]

texts = st.lists(
    st.one_of(st.sampled_from(NASTY), st.text(st.characters(exclude_categories=("Cs",)), max_size=6)),
    min_size=1,
    max_size=8,
).map("".join)


def expected_lines(text: str) -> list[str]:
    """The ``<text>`` lines Graphviz gives for ``text`` (see the module docstring)."""
    out = []
    for line in printable(text).split("\n"):
        if not line:
            continue
        out.append(
            "".join("\xa0" if ch == " " and i and line[i - 1] == " " else ch for i, ch in enumerate(line))
        )
    return out


def node_lines(svg: bytes, size: str = "12.00") -> dict[str, list[str]]:
    """For each node (by its DOT name): the text lines drawn at ``size`` points."""
    root = ET.fromstring(svg)
    out: dict[str, list[str]] = {}
    for g in root.iter(f"{SVG}g"):
        if g.get("class") != "node":
            continue
        title = g.find(f"{SVG}title")
        assert title is not None
        lines = [t.text or "" for t in g.iter(f"{SVG}text") if t.get("font-size") == size]
        out[title.text or ""] = lines
    return out


def node_tooltips(svg: bytes) -> dict[str, str]:
    root = ET.fromstring(svg)
    out = {}
    for g in root.iter(f"{SVG}g"):
        if g.get("class") == "node":
            title = g.find(f"{SVG}title")
            link = g.find(f".//{SVG}a")
            assert title is not None
            if link is not None:
                out[title.text or ""] = link.get(f"{XLINK}title") or ""
    return out


def draw(items: list[str], **fields: object) -> bytes:
    b = MapBuilder("escaping")
    for i, text in enumerate(items):
        b.premise(f"P{i}", text, **fields)
    return run_graphviz(to_dot(b.build(), options=RenderOptions(width=0)).source, "svg")


@settings(max_examples=int(os.environ.get("ARGMAP_ESCAPE_EXAMPLES", "60")))
@given(st.lists(texts.filter(str.strip), min_size=1, max_size=5))  # only a blank's text may be empty
def test_any_text_reaches_the_svg_as_written(items: list[str]) -> None:
    drawn = node_lines(draw(items))
    for i, text in enumerate(items):
        assert drawn[f"P{i}"] == expected_lines(text)


@settings(max_examples=int(os.environ.get("ARGMAP_ESCAPE_EXAMPLES", "40")))
@given(st.lists(texts, min_size=1, max_size=4))
def test_notes_reach_the_tooltips_as_written(items: list[str]) -> None:
    b = MapBuilder("tooltips")
    for i, text in enumerate(items):
        b.premise(f"P{i}", "x", note=text)
    svg = run_graphviz(to_dot(b.build()).source, "svg")
    tips = node_tooltips(svg)
    for i, text in enumerate(items):
        expected = printable("\n\n".join(p for p in (f"P{i} (premise)", text) if p))
        assert tips[f"P{i}"].replace("\xa0", " ") == expected.replace("\xa0", " ")


@pytest.mark.parametrize(
    "text",
    [
        "<Q&A>",
        "C:\\Notes\\new",
        "\\N \\G \\l \\E",
        "\"quoted\" and 'single'",
        "{record|like} <f0> label",
        "日本は「NATO」に加盟する。",
        "עברית ועוד text",
        "emoji 😀👩‍👩‍👧 flags 🇯🇵",
        "&amp; is not &",
        "tabs\tand  double  spaces",
    ],
)
def test_ordinary_texts_are_exact(text: str) -> None:
    (lines,) = node_lines(draw([text])).values()
    assert "\n".join(lines).replace("\xa0", " ") == text.replace("\t", " ")


def test_control_characters_follow_the_documented_rule() -> None:
    assert printable("a\x00b\x1bc\td\r\ne\rf\ufffeg") == "a\u2400b\u241bc d\ne\nf\ufffdg"
    (lines,) = node_lines(draw(["bell\x07 here"])).values()
    assert lines == ["bell\u2407 here"]


def test_labels_are_html_like_and_escaped_in_the_dot_source() -> None:
    b = MapBuilder("t")
    b.premise("P1", "<b>not bold</b> \\N")
    source = to_dot(b.build()).source
    assert "&lt;b&gt;not bold&lt;/b&gt; \\\\N" in source
    assert "<b>" not in source
