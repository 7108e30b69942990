"""The Japanese example is drawn with real Japanese glyphs, not boxes (tofu).

Rendered three ways with fontconfig: as installed, with only the Noto Sans
CJK font files visible, and with only a font that lacks Japanese. The
drawing as installed must be the one the CJK font gives, pixel for pixel,
and differ from the one without it (which shows hex boxes).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import argmap
from argmap.drawing import run_graphviz, to_dot

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "nato-tokyo" / "map.argmap.yaml"
SVG = "{http://www.w3.org/2000/svg}"


def font_files(pattern: str) -> list[str]:
    if shutil.which("fc-list") is None:
        return []
    out = subprocess.run(["fc-list", "-f", "%{file}\n", pattern], capture_output=True, text=True, check=False)
    return sorted({line for line in out.stdout.splitlines() if line})


CJK = font_files("Noto Sans CJK JP")
LATIN = font_files("DejaVu Sans")

pytestmark = [
    pytest.mark.skipif(shutil.which("dot") is None, reason="needs Graphviz (tools/system-deps.sh)"),
    pytest.mark.skipif(not CJK, reason="needs fonts-noto-cjk (tools/system-deps.sh)"),
]


def fontconfig(tmp_path: Path, name: str, files: list[str]) -> Path:
    """A fontconfig file that sees only the directories of ``files``."""
    dirs = "".join(f"<dir>{d}</dir>" for d in sorted({str(Path(f).parent) for f in files}))
    conf = tmp_path / f"{name}.conf"
    conf.write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd">'
        f"<fontconfig>{dirs}<cachedir>{tmp_path / name}-cache</cachedir></fontconfig>",
        encoding="utf-8",
    )
    return conf


def png(source: str, conf: Path | None, monkeypatch: pytest.MonkeyPatch) -> bytes:
    with monkeypatch.context() as m:
        if conf is not None:
            m.setenv("FONTCONFIG_FILE", str(conf))
        return run_graphviz(source, "png")


def test_svg_names_the_japanese_font_and_it_covers_every_character() -> None:
    amap = argmap.load(EXAMPLE)
    svg = run_graphviz(to_dot(amap).source, "svg")
    texts = list(ET.fromstring(svg).iter(f"{SVG}text"))
    assert texts
    assert all((t.get("font-family") or "").startswith("Noto Sans CJK JP") for t in texts)
    chars = sorted({ch for t in texts for ch in (t.text or "") if ord(ch) > 0x7F and not ch.isspace()})
    assert any("\u3040" <= ch <= "\u9fff" for ch in chars)
    charset = " ".join(f"{ord(ch):x}" for ch in chars)
    covered = subprocess.run(
        ["fc-list", f"Noto Sans CJK JP:charset={charset}", "family"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert "Noto Sans CJK JP" in covered.stdout


@pytest.mark.skipif(not LATIN, reason="needs a font without Japanese (DejaVu Sans) to compare with")
def test_png_of_the_example_has_japanese_glyphs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from argmap.checks import check

    amap = argmap.load(EXAMPLE)
    source = to_dot(amap, check(amap)).source
    installed = png(source, None, monkeypatch)
    cjk_only = png(source, fontconfig(tmp_path, "cjk", CJK), monkeypatch)
    no_cjk = png(source, fontconfig(tmp_path, "latin", LATIN), monkeypatch)
    assert installed.startswith(b"\x89PNG")
    assert installed == cjk_only, "the PNG is not drawn with Noto Sans CJK JP"
    assert installed != no_cjk, "a font without Japanese gives the same picture: no Japanese glyphs drawn"
    (tmp_path / "example.png").write_bytes(installed)
    assert os.path.getsize(tmp_path / "example.png") > 10_000
