"""Large maps draw: no Graphviz crash or stall, a drawing that parses, and many pieces packed.

Maps of 300 to 1,500 elements with attacks on claims and on inferences,
several seeds each, are drawn as a user draws them (findings and badges
included). The larger sizes and their times are measured by
bench/bench_render.py, not here.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import argmap
from argmap.drawing import render
from argmap.drawing.dot import components, layout_for, to_dot
from tests.bigmaps import pieces_map, random_map

SVG = "{http://www.w3.org/2000/svg}"


def drawn(amap: argmap.ArgumentMap, tmp_path: Path) -> ET.Element:
    out = tmp_path / "map.svg"
    render(amap, out, findings=argmap.check(amap), timeout=120)
    root = ET.parse(out).getroot()
    assert root.tag == f"{SVG}svg"
    return root


@pytest.mark.parametrize(("size", "seed"), [(300, 1), (300, 2), (300, 3), (700, 1), (700, 2), (1500, 1)])
def test_a_large_random_map_draws_whole(size: int, seed: int, tmp_path: Path) -> None:
    amap = random_map(size, seed)
    assert any(a.target in amap.inferences for a in amap.attacks.values())
    assert any(a.target in amap.claims for a in amap.attacks.values())
    root = drawn(amap, tmp_path)
    titles = {t.text for t in root.iter(f"{SVG}title")}
    # every claim and inference is drawn, and every attack's edge
    assert set(amap.claims) <= titles and set(amap.inferences) <= titles
    edges = [t for t in titles if t and "->" in t]
    assert len(edges) >= len(amap.attacks)


def test_attack_labels_are_external_exactly_when_the_quick_layout_is_used() -> None:
    small, large = random_map(200, 1), random_map(800, 1)
    assert "xlabel=" not in to_dot(small).source and re.search(r"\blabel=<<TABLE", to_dot(small).source)
    source = to_dot(large).source
    attack_lines = [line for line in source.splitlines() if "->" in line and "#c62828" in line]
    assert attack_lines and all("xlabel=" in line and " label=" not in line for line in attack_lines)


def test_many_pieces_are_packed_near_square(tmp_path: Path) -> None:
    amap = pieces_map(60)
    assert components(amap) == 60
    root = drawn(amap, tmp_path)
    width, height = (float(root.get(k, "0").removesuffix("pt")) for k in ("width", "height"))
    assert 1 / 3 <= width / height <= 3, (width, height)  # one strip would be about 100:1


def test_the_layout_by_size_gets_quicker_as_the_map_grows() -> None:
    sizes = [100, 501, 1000, 1501, 3001, 10000]
    layouts = [layout_for(n) for n in sizes]
    assert "nslimit" not in layouts[0]
    # in dot's layers, the placement is cut shorter as the map grows
    limits = [float(layout_for(n, large_engine=None).get("nslimit", "inf")) for n in sizes]
    assert limits == sorted(limits, reverse=True)
    assert [x.get("splines", "spline") for x in layouts] == ["spline"] * 3 + ["line", "line", "line"]
    assert [x.get("layout", "dot") for x in layouts] == ["dot"] * 4 + ["sfdp", "sfdp"]
    assert "layout" not in layout_for(10000, large_engine=None)
    assert all(("pack" in layout_for(n, 2)) and ("newrank" not in layout_for(n, 2)) for n in sizes)


def test_a_huge_map_is_laid_out_by_sfdp_unless_an_engine_is_asked_for(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from argmap.cli import main
    from argmap.drawing import RenderOptions

    amap = random_map(3200, 1)
    assert "layout=sfdp" in to_dot(amap).source
    assert "layout=" not in to_dot(amap, options=RenderOptions(large_engine=None)).source
    path = tmp_path / "huge.argmap.yaml"
    argmap.dump(amap, path)
    for args, expected in (([], True), (["--engine", "dot"], False), (["--engine", "sfdp"], False)):
        out = tmp_path / "huge.dot"
        result = CliRunner().invoke(
            main, ["render", str(path), "--format", "dot", "-o", str(out), "-q", *args]
        )
        assert result.exit_code == 0, result.output
        assert ("layout=sfdp" in out.read_text(encoding="utf-8")) is expected, args


def test_a_large_map_with_the_legend_and_notes_in_clusters_draws(tmp_path: Path) -> None:
    import attrs

    from argmap.drawing import RenderOptions

    amap = random_map(700, 4)
    # notes on every tenth claim: the notes' cluster holds the whole map
    noted = {
        k: attrs.evolve(c, note=f"note {k}") if i % 10 == 0 else c
        for i, (k, c) in enumerate(amap.claims.items())
    }
    amap = attrs.evolve(amap, claims=noted)
    out = tmp_path / "map.svg"
    render(
        amap, out, findings=argmap.check(amap), options=RenderOptions(legend=True, notes=True), timeout=120
    )
    assert ET.parse(out).getroot().tag == f"{SVG}svg"
