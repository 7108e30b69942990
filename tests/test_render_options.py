"""Every option that reaches the drawing is checked: a wrong type is a
TypeError, a wrong value an ArgmapError (or RenderError) with a plain message,
and no value can put markup into the SVG."""

from __future__ import annotations

import math
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import example, given, settings
from hypothesis import strategies as st

from argmap.cli import main
from argmap.drawing import RenderError, RenderOptions, mimebundle, render, run_graphviz, to_dot
from argmap.errors import ArgmapError
from argmap.model import MapBuilder

needs_dot = pytest.mark.skipif(shutil.which("dot") is None, reason="needs Graphviz (tools/system-deps.sh)")
SVG = "{http://www.w3.org/2000/svg}"


def small() -> Any:
    b = MapBuilder("t")
    b.premise("P1", "p")
    b.conclusion("C1", "c")
    b.inference("I1", ["P1"], "C1", marker="so")
    return b.build()


WRONG_TYPES = [
    ("rankdir", 1),
    ("rankdir", None),
    ("width", "28"),
    ("width", 2.5),
    ("width", True),
    ("inference_width", None),
    ("max_lines", "3"),
    ("max_lines", 1.0),
    ("legend", "no"),
    ("legend", 1),
    ("show_ids", None),
    ("title", "yes"),
    ("fontname", None),
    ("fontname", b"Arial"),
    ("fontsize", "12"),
    ("fontsize", None),
    ("fontsize", True),
    ("lang", 5),
    ("lang", b"ja"),
    ("fast_above", 1.5),
    ("fast_above", "500"),
]

WRONG_VALUES = [
    ("rankdir", "UP"),
    ("rankdir", "bt\n"),
    ("width", -1),
    ("inference_width", -5),
    ("max_lines", 0),
    ("max_lines", -1),
    ("fontname", 'x" onload="alert(1)'),
    ("fontname", "a<b"),
    ("fontname", "a&amp;b"),
    ("fontname", "back\\slash"),
    ("fontname", "line\nbreak"),
    ("fontname", ""),
    ("fontname", "x" * 201),
    ("fontsize", math.nan),
    ("fontsize", math.inf),
    ("fontsize", -math.inf),
    ("fontsize", -12),
    ("fontsize", 0),
    pytest.param("fontsize", 10**5000, id="fontsize-5000-digits"),
    ("lang", ""),
    ("lang", 'ja" onload="x'),
    ("lang", "日本語"),
    ("fast_above", -1),
]


@pytest.mark.parametrize(("field", "value"), WRONG_TYPES)
def test_a_wrong_type_is_a_type_error_naming_the_field(field: str, value: object) -> None:
    with pytest.raises(TypeError, match=field):
        RenderOptions(**{field: value})


@pytest.mark.parametrize(("field", "value"), WRONG_VALUES)
def test_a_wrong_value_is_an_argmap_error_naming_the_field(field: str, value: object) -> None:
    with pytest.raises(ArgmapError) as info:
        RenderOptions(**{field: value})
    (problem,) = info.value.problems
    assert problem.message.startswith(field)
    assert len(problem.message) < 300  # plain, and no 5,000-digit number written out


@pytest.mark.parametrize(
    "options",
    [
        {"fontsize": 4},
        {"fontsize": 200.0},
        {"max_lines": 1},
        {"width": 0, "inference_width": 0},
        {"fontname": "MS ゴシック, Hiragino Kaku Gothic ProN, sans-serif"},
        {"lang": "en-GB"},
        {"fast_above": None},
        {"fast_above": 0},
    ],
)
def test_good_values_are_taken(options: dict[str, Any]) -> None:
    assert "digraph" in to_dot(small(), options=RenderOptions(**options)).source


@pytest.mark.parametrize(
    "timeout",
    [
        math.nan,
        -1,
        0,
        -math.inf,
        math.inf,
        1e300,
        1e6 + 1,
        pytest.param(10**400, id="10**400"),
        pytest.param(10**5000, id="10**5000"),
    ],
)
def test_a_bad_timeout_is_an_argmap_error(tmp_path: Path, timeout: float) -> None:
    with pytest.raises(ArgmapError, match="timeout"):
        render(small(), tmp_path / "m.svg", timeout=timeout)
    with pytest.raises(ArgmapError, match="timeout"):
        run_graphviz("digraph { a }", "svg", timeout=timeout)
    assert not (tmp_path / "m.svg").exists()


@pytest.mark.parametrize("timeout", ["10", None, True, [1]])
def test_a_timeout_of_the_wrong_type_is_a_type_error(tmp_path: Path, timeout: object) -> None:
    with pytest.raises(TypeError, match="timeout"):
        render(small(), tmp_path / "m.svg", timeout=timeout)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="timeout"):
        run_graphviz("digraph { a }", "svg", timeout=timeout)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("call", "match"),
    [
        (lambda p: render(small(), p / "m.svg", format=5), "format"),  # type: ignore[arg-type]
        (lambda p: render(small(), p / "m.svg", engine=None), "engine"),  # type: ignore[arg-type]
        (lambda p: render(small(), 42), "path"),  # type: ignore[arg-type]
        (lambda p: render(None, p / "m.svg"), "ArgumentMap"),  # type: ignore[arg-type]
        (lambda p: to_dot(small(), findings=["AM101"]), "findings"),  # type: ignore[list-item]
        (lambda p: to_dot(small(), findings="AM101"), "findings"),  # type: ignore[arg-type]
        (lambda p: to_dot(small(), options={"rankdir": "LR"}), "options"),  # type: ignore[arg-type]
        (lambda p: run_graphviz(b"digraph {}", "svg"), "source"),  # type: ignore[arg-type]
        (lambda p: run_graphviz("digraph {}", None), "format"),  # type: ignore[arg-type]
    ],
)
def test_wrong_types_in_the_drawing_functions_are_type_errors(tmp_path: Path, call: Any, match: str) -> None:
    with pytest.raises(TypeError, match=match):
        call(tmp_path)


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"format": "jpeg"}, "unknown format 'jpeg'"),
        ({"format": "svg -o /tmp/x"}, "unknown format"),
        ({"engine": "rm"}, "unknown engine 'rm'"),
    ],
)
def test_unknown_format_or_engine_is_a_render_error(
    tmp_path: Path, kwargs: dict[str, str], match: str
) -> None:
    with pytest.raises(RenderError, match=match):
        render(small(), tmp_path / "m.out", **kwargs)  # type: ignore[arg-type]


# -- nothing reaches the SVG as markup -----------------------------------------------

#: The attributes Graphviz writes on <text>; anything else was injected.
TEXT_ATTRIBUTES = {"text-anchor", "x", "y", "font-family", "font-size", "font-weight", "font-style", "fill"}


def text_attributes(svg: bytes) -> set[str]:
    root = ET.fromstring(svg)  # must parse: no broken markup
    return {name for el in root.iter(f"{SVG}text") for name in el.attrib}


@needs_dot
@settings(max_examples=40, deadline=None)
@given(fontname=st.text(max_size=40), lang=st.one_of(st.none(), st.text(max_size=12)))
@example(fontname='x" onload="alert(1)', lang=None)
@example(fontname="Noto Sans CJK JP", lang='ja" onload="x')
def test_no_fontname_or_lang_puts_markup_into_the_svg(fontname: str, lang: str | None) -> None:
    try:
        options = RenderOptions(fontname=fontname, lang=lang)
    except ArgmapError:
        return  # refused with a plain message: fine
    svg = run_graphviz(to_dot(small(), options=options).source, "svg")
    assert text_attributes(svg) <= TEXT_ATTRIBUTES
    families = {el.get("font-family") for el in ET.fromstring(svg).iter(f"{SVG}text")}
    assert all('"' not in (f or "") for f in families)


def test_the_injection_of_the_report_is_refused() -> None:
    with pytest.raises(ArgmapError, match="fontname may not contain"):
        RenderOptions(fontname='x" onload="alert(1)')


# -- siblings: format and name, notebooks, standard output ---------------------------


def test_a_format_that_contradicts_the_extension_is_refused(tmp_path: Path) -> None:
    with pytest.raises(RenderError, match=r"named \.png but the format asked for is svg"):
        render(small(), tmp_path / "m.png", "svg")
    assert not (tmp_path / "m.png").exists()
    render(small(), tmp_path / "m.gv", "dot")  # .gv is a name of the dot format
    render(small(), tmp_path / "m.txt", "dot")  # an extension that names no format: the format decides
    assert (tmp_path / "m.txt").read_text(encoding="utf-8").startswith("digraph")


def test_the_command_refuses_a_format_that_contradicts_the_extension(tmp_path: Path) -> None:
    path = tmp_path / "m.argmap.yaml"
    path.write_text("argmap: 1\ntitle: t\nclaims:\n  E1: {kind: evidence, text: e}\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["render", str(path), "-o", str(tmp_path / "x.png"), "--format", "dot"])
    assert result.exit_code == 2
    assert "named .png but the format asked for is dot" in result.stderr
    assert "Traceback" not in result.output
    assert not (tmp_path / "x.png").exists()


@needs_dot
def test_png_to_standard_output(tmp_path: Path) -> None:
    path = tmp_path / "m.argmap.yaml"
    path.write_text("argmap: 1\ntitle: t\nclaims:\n  E1: {kind: evidence, text: e}\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["render", str(path), "-o", "-", "--format", "png", "-q"])
    assert result.exit_code == 0, result.output
    assert result.stdout_bytes.startswith(b"\x89PNG")


def test_a_huge_map_is_not_laid_out_in_a_notebook(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A notebook cell must not wait minutes for Graphviz: a map too large is described, not drawn."""
    from argmap.drawing.output import MIMEBUNDLE_MAX_ELEMENTS

    marker = tmp_path / "dot-was-run"
    bindir = tmp_path / "bin"
    bindir.mkdir()
    dot = bindir / "dot"
    dot.write_text(f"#!/bin/sh\ntouch {marker}\nsleep 60\n")
    dot.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bindir}:/usr/bin:/bin")
    b = MapBuilder("huge")
    for i in range(MIMEBUNDLE_MAX_ELEMENTS + 1):
        b.premise(f"P{i}", "p")
    bundle = mimebundle(b.build())
    assert "image/svg+xml" not in bundle
    assert "argmap.render" in str(bundle["text/plain"])
    assert not marker.exists()


def test_large_engine_takes_only_a_program_that_lays_out_large_maps() -> None:
    from argmap.errors import ArgmapError

    assert RenderOptions(large_engine=None).large_engine is None
    with pytest.raises(ArgmapError, match="large_engine"):
        RenderOptions(large_engine="dot")
    with pytest.raises(TypeError):
        RenderOptions(large_engine=3)  # type: ignore[arg-type]
