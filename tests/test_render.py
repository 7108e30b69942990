"""The DOT argmap builds: kinds -> shapes, edges -> arrowheads, findings -> badges."""

from __future__ import annotations

import re
from pathlib import Path

import graphviz
import pytest

import argmap
from argmap.checks.diagnostic import Diagnostic, Severity
from argmap.checks.registry import find_rule
from argmap.drawing import RenderOptions, to_dot
from argmap.drawing.style import LOOKS
from argmap.model import ArgumentMap, MapBuilder, Source

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "nato-tokyo" / "map.argmap.yaml"


def sample(lang: str = "en") -> ArgumentMap:
    b = MapBuilder("Umbrella", lang=lang)
    b.evidence(
        "E1",
        "The forecast says rain",
        source=Source(url="https://www.metoffice.gov.uk/x?a=1&b=2", speaker="Met Office", date="2024-05-01"),
    )
    b.premise("P1", "Rain makes you wet")
    b.assumption("A1", "Being wet is bad")
    b.hypothesis("H1", "We go out")
    b.conclusion("C1", "We will get wet", conditional=True)
    b.conclusion("C2", "Take an umbrella", note="the point of it all")
    b.inference("I1", ["E1", "P1", "H1"], "C1", marker="so", scheme="causal", strength=0.8)
    b.inference("I2", ["C1", "A1"], "C2", marker="therefore")
    b.premise("P2", "Umbrellas break in wind")
    b.attack("X1", "P2", "C2")
    b.attack("X2", "P2", "I1")
    return b.build()


def _statements(source: str) -> list[str]:
    """DOT statements, one per line of the graph body (a tooltip may hold newlines)."""
    return re.split(r"\n(?=\t)", source)


def node_attrs(source: str, node: str) -> str:
    """The attribute list of ``node``'s statement in DOT source."""
    for st in _statements(source):
        if st.startswith(f"\t{node} ["):
            return st
    raise AssertionError(f"no node {node}")


def edge_attrs(source: str, tail: str, head: str) -> list[str]:
    return [st for st in _statements(source) if st.startswith(f"\t{tail} -> {head} [")]


def test_to_dot_is_a_digraph_laid_out_bottom_to_top() -> None:
    g = to_dot(sample())
    assert isinstance(g, graphviz.Digraph)
    assert "rankdir=BT" in g.source
    assert "rankdir=LR" in to_dot(sample(), options=RenderOptions(rankdir="LR")).source
    with pytest.raises(ValueError, match="rankdir"):
        RenderOptions(rankdir="UP")


def test_public_names() -> None:
    assert argmap.to_dot is to_dot
    assert argmap.RenderOptions is RenderOptions
    assert callable(argmap.render)


@pytest.mark.parametrize(
    ("node", "look"),
    [
        ("E1", "evidence"),
        ("P1", "premise"),
        ("A1", "assumption"),
        ("H1", "hypothesis"),
        ("C1", "conditional"),
        ("C2", "final"),
        ("I1", "inference"),
    ],
)
def test_each_kind_has_its_look(node: str, look: str) -> None:
    attrs = node_attrs(to_dot(sample()).source, node)
    want = LOOKS[look]
    assert f"shape={want.shape}" in attrs
    assert f'style="{want.style}"' in attrs or f"style={want.style}" in attrs
    assert f'fillcolor="{want.fill}"' in attrs


def test_shapes_and_marks() -> None:
    src = to_dot(sample()).source
    assert "shape=note" in node_attrs(src, "E1")
    assert "dashed" in node_attrs(src, "A1") and "dashed" in node_attrs(src, "H1")
    assert "rounded" in node_attrs(src, "C2") and "bold" in node_attrs(src, "C2")
    assert "<B>if</B>" in node_attrs(src, "H1")
    assert "final conclusion" in node_attrs(src, "C2")
    assert "conditional" in node_attrs(src, "C1")
    ja = to_dot(sample("ja")).source
    assert "<B>もし</B>" in node_attrs(ja, "H1")
    assert "最終結論" in node_attrs(ja, "C2") and "条件付き" in node_attrs(ja, "C1")


def test_final_conclusion_stands_out_from_an_intermediate_one() -> None:
    assert LOOKS["final"].penwidth > LOOKS["conclusion"].penwidth
    assert LOOKS["final"].fill != LOOKS["conclusion"].fill


def test_ids_are_shown_small_in_every_node() -> None:
    src = to_dot(sample()).source
    for node in ("E1", "P1", "A1", "H1", "C1", "C2", "I1", "I2"):
        assert f'<FONT POINT-SIZE="8" COLOR="#6b6b6b">{node}' in node_attrs(src, node)
    assert f"{'>'}X1<" in edge_attrs(src, "P2", "C2")[0]
    assert 'POINT-SIZE="8"' not in node_attrs(
        to_dot(sample(), options=RenderOptions(show_ids=False)).source, "P1"
    )


def test_evidence_shows_speaker_date_domain_and_links_its_source() -> None:
    attrs = node_attrs(to_dot(sample()).source, "E1")
    label = attrs.split("tooltip=")[0]
    assert all(part in label for part in ("Met Office\u00a0· ", "2024-05-01", "metoffice.gov.uk"))
    assert 'HREF="https://www.metoffice.gov.uk/x?a=1&amp;amp;b=2"' in attrs


def test_inference_shows_marker_scheme_and_strength() -> None:
    attrs = node_attrs(to_dot(sample()).source, "I1")
    assert ">so<" in attrs and "causal · 0.8" in attrs


def test_edges_and_arrowheads() -> None:
    src = to_dot(sample()).source
    (premise,) = edge_attrs(src, "E1", "I1")
    (step,) = edge_attrs(src, "I1", "C1")
    assert "arrowhead=normal" in premise and "arrowhead=normal" in step
    (rebuttal,) = edge_attrs(src, "P2", "C2")
    (undercut,) = edge_attrs(src, "P2", "I1")
    assert "arrowhead=diamond" in rebuttal and 'color="#c62828"' in rebuttal
    assert "arrowhead=tee" in undercut and "dashed" in undercut and 'color="#c62828"' in undercut


def test_colours_are_six_digit_hex_and_fonts_japanese_first() -> None:
    finding = Diagnostic("AM1", "x", Severity.ERROR, "m", ("P1",))
    src = to_dot(sample(), [finding], RenderOptions(legend=True)).source
    colours = re.findall(r"(?<!&)#[0-9A-Fa-f]+\b", src)  # not &#10; (a line break)
    assert colours and all(len(c) == 7 for c in colours), sorted(set(colours))
    for what in ("graph", "node", "edge"):
        assert re.search(rf'^\s*{what} \[.*fontname="Noto Sans CJK JP,sans-serif"', src, re.M), what


def test_findings_become_badges_naming_the_rule() -> None:
    found = [
        Diagnostic("AM101", "unsupported-leap", Severity.ERROR, "C2 does not follow", ("C2", "A1")),
        Diagnostic("AM305", "unused-claim", Severity.INFO, "P1 is unused", ("P1",)),
        Diagnostic("AM999", "whole-map", Severity.WARNING, "about the map", ()),
    ]
    src = to_dot(sample(), found).source
    c2 = node_attrs(src, "C2")
    assert 'BGCOLOR="#c62828"' in c2 and "■ unsupported-leap" in c2
    assert 'color="#c62828"' in c2  # the border too; the badge's words say it without colour
    assert "C2 does not follow" in c2  # in the tooltip
    assert "unsupported-leap" not in node_attrs(src, "A1").split("label=")[1].split("tooltip")[0]
    assert "(related) unsupported-leap" in node_attrs(src, "A1")
    assert "● unused-claim" in node_attrs(src, "P1")
    assert "▲ whole-map" in src.split("\n", 3)[2] or "▲ whole-map" in src  # map-level finding in the title
    assert "badge" not in to_dot(sample()).source and "BGCOLOR" not in to_dot(sample()).source


def test_cycle_edges_are_highlighted_along_the_path() -> None:
    b = MapBuilder("Circle")
    b.premise("P1", "The Bible says God exists")
    b.conclusion("C1", "God exists")
    b.conclusion("C2", "The Bible is the word of God")
    b.inference("I1", ["P1", "C2"], "C1")
    b.inference("I2", ["C1"], "C2")
    cycle = Diagnostic(
        "AM201",
        "circular-support",
        Severity.ERROR,
        "C1 supports itself",
        ("C1", "C2"),
        ("C1", "I2", "C2", "I1", "C1"),
    )
    src = to_dot(b.build(), [cycle]).source
    for tail, head in (("C1", "I2"), ("I2", "C2"), ("C2", "I1"), ("I1", "C1")):
        (attrs,) = edge_attrs(src, tail, head)
        assert "penwidth=3" in attrs and "#e65100" in attrs, (tail, head)
    (plain,) = edge_attrs(src, "P1", "I1")
    assert "penwidth=3" not in plain
    # a path of claims only goes through the inferences between them
    short = Diagnostic("AM201", "circular-support", Severity.ERROR, "m", ("C1",), ("C1", "C2"))
    src = to_dot(b.build(), [short]).source
    assert all(
        "penwidth=3" in edge_attrs(src, t, h)[0]
        for t, h in (("C1", "I2"), ("I2", "C2"), ("C2", "I1"), ("I1", "C1"))
    )


def test_attack_on_a_path_is_drawn_thick() -> None:
    d = Diagnostic("AM201", "circular-attack", Severity.WARNING, "m", ("C1",), ("X2", "I1", "C1", "X2"))
    src = to_dot(sample(), [d]).source
    assert "penwidth=3" in edge_attrs(src, "P2", "I1")[0]
    assert "penwidth=3" in edge_attrs(src, "I1", "C1")[0]


def test_long_text_is_never_cut_unless_asked() -> None:
    b = MapBuilder("t")
    long = " ".join(["word"] * 60)
    b.premise("P1", long)
    attrs = node_attrs(to_dot(b.build()).source, "P1")
    assert attrs.count("word") == 60 and "…" not in attrs
    cut = node_attrs(to_dot(b.build(), options=RenderOptions(max_lines=2)).source, "P1")
    label, tip = cut.split("tooltip=")
    assert "…" in label and label.count("word") < 60
    assert tip.count("word") == 60  # the full text is in the tooltip


def test_legend_is_drawn_on_request() -> None:
    assert "cluster_legend" not in to_dot(sample()).source
    src = to_dot(sample("ja"), options=RenderOptions(legend=True)).source
    assert "cluster_legend" in src and "凡例" in src


def test_nato_example_with_its_findings() -> None:
    from argmap.checks import check

    amap = argmap.load(EXAMPLE)
    found = check(amap)
    src = to_dot(amap, found).source
    for d in found:
        # the map is Japanese: its badges name the rules in Japanese
        name = find_rule(d.code).display_name("ja")
        assert name != d.name
        label = node_attrs(src, d.elements[0]).split(" tooltip=")[0]
        assert name in label or d.elements[0] in amap.attacks
    assert "<B>もし</B>" in src


def test_argmap_render_is_the_function_even_after_the_package_is_imported(tmp_path: Path) -> None:
    import argmap.drawing as package

    assert argmap.render is package.render
    out = argmap.render(sample(), tmp_path / "m.dot")
    assert out.read_text(encoding="utf-8").startswith("digraph")


def test_jupyter_shows_a_map_as_svg(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import shutil

    if shutil.which("dot") is not None:
        bundle = sample("ja")._repr_mimebundle_()
        assert bundle["image/svg+xml"].lstrip().startswith("<?xml")
        assert "もし" in bundle["image/svg+xml"]
    monkeypatch.setenv("PATH", str(tmp_path))  # no Graphviz: a line of text, not a traceback
    bundle = sample()._repr_mimebundle_()
    assert "image/svg+xml" not in bundle
    assert "Graphviz" in bundle["text/plain"]


def test_large_maps_get_the_faster_layout() -> None:
    assert "nslimit" not in to_dot(sample()).source
    fast = to_dot(sample(), options=RenderOptions(fast_above=3)).source
    assert "nslimit=1" in fast and "mclimit=0.1" in fast
    # on a large map an attack's label is external: an edge label there crashes Graphviz
    assert "xlabel=" in fast and "xlabel=" not in to_dot(sample()).source
    assert "nslimit" not in to_dot(sample(), options=RenderOptions(fast_above=None)).source
