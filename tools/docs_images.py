"""Draw the flagship example's diagrams for the README and the docs.

    .venv/bin/python tools/docs_images.py          # (re)draw the images below
    .venv/bin/python tools/docs_images.py --check  # exit 1 if they are stale

It draws docs/img/nato-tokyo.{ja,en}.{svg,png} (the flagship with its
findings), docs/img/nato-tokyo.ja.notes.svg (with --notes) and the legends
docs/legend.{svg,png} and docs/legend-ja.{svg,png}.

Each map's SHA-256 is recorded in docs/img/SOURCES; ``--check`` (run by the
test suite) compares it with the map files as they are now.
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "img"
sys.path.insert(0, str(ROOT))
from tools import _images  # noqa: E402

RECORD = OUT / "SOURCES"
MAPS = {
    "nato-tokyo.ja": ROOT / "examples" / "nato-tokyo" / "map.argmap.yaml",
    "nato-tokyo.en": ROOT / "examples" / "nato-tokyo" / "map.en.argmap.yaml",
}


def expected_record() -> str:
    lines = []
    for stem, path in MAPS.items():
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        lines.append(f"{digest}  {path.relative_to(ROOT).as_posix()}  ->  docs/img/{stem}.svg, .png")
    return "\n".join(lines) + "\n"


#: The legends, by language: docs/legend{suffix}.{svg,png}.
LEGENDS = {"en": "", "ja": "-ja"}
#: The flagship drawn with its notes (--notes), in SVG only (the PNG is large).
NOTES = OUT / "nato-tokyo.ja.notes.svg"


def outputs() -> list[Path]:
    """Every file this tool draws."""
    files = [OUT / f"{stem}.{ext}" for stem in MAPS for ext in ("svg", "png")]
    files.append(NOTES)
    files += [
        ROOT / "docs" / f"legend{suffix}.{ext}" for suffix in LEGENDS.values() for ext in ("svg", "png")
    ]
    return files


def stale() -> list[str]:
    """What is out of date, in words; empty when all is current."""
    return _images.stale(
        ROOT, outputs(), RECORD, expected_record(), "the maps changed since the diagrams were drawn"
    )


def draw() -> None:
    import argmap
    from argmap.drawing import RenderOptions, legend_graph, run_graphviz

    OUT.mkdir(parents=True, exist_ok=True)
    for stem, path in MAPS.items():
        amap = argmap.load(path)
        findings = argmap.check(amap)
        for ext in ("svg", "png"):
            argmap.render(amap, OUT / f"{stem}.{ext}", findings=findings)
        if stem == "nato-tokyo.ja":
            argmap.render(amap, NOTES, findings=findings, options=RenderOptions(notes=True))
    for lang, suffix in LEGENDS.items():
        source = legend_graph(lang, RenderOptions(notes=True)).source
        for ext in ("svg", "png"):
            (ROOT / "docs" / f"legend{suffix}.{ext}").write_bytes(run_graphviz(source, ext))
    RECORD.write_text(expected_record(), encoding="utf-8")


def main() -> int:
    return _images.main(__doc__ or "", "docs_images.py", ROOT, stale=stale, draw=draw, outputs=outputs)


if __name__ == "__main__":
    sys.exit(main())
