"""Draw the pictures of "Views of a large map" in docs/rendering.md.

    .venv/bin/python tools/views_images.py          # (re)draw the pictures below
    .venv/bin/python tools/views_images.py --check  # exit 1 if they are stale

It draws, into docs/img/:

- views-focus.ja.{svg,png}: the flagship, ``--focus C0 --depth 1``;
- views-select.en.{svg,png}: examples/circular.argmap.yaml, ``--select finding:circular-support``;
- views-group.ja.{svg,png}: the flagship with tags (written here as
  docs/img/nato-tokyo.tags.argmap.yaml), ``--focus C0,C2 --depth 3
  --group-by tag`` with the tag colours of :data:`TAG_COLORS` (the
  ``[tool.argmap.render]`` shown in the docs);
- views-split/: ``argmap render --split`` of the flagship (one SVG per final
  conclusion and index.html), and views-split.png, the index page in
  Chromium (kept as it is when Chromium is missing).

docs/img/VIEWS records, for each picture, the SHA-256 of its map and a
digest of the view (what it draws, what lies beyond, its options);
``--check`` (run by the test suite) compares them with what the maps and
argmap's views give now.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

OUT = ROOT / "docs" / "img"
from tools import _images  # noqa: E402

RECORD = OUT / "VIEWS"
FLAGSHIP = ROOT / "examples" / "nato-tokyo" / "map.argmap.yaml"
CIRCULAR = ROOT / "examples" / "circular.argmap.yaml"
TAGGED = OUT / "nato-tokyo.tags.argmap.yaml"
SPLIT = OUT / "views-split"

#: The tags added to the flagship for the picture of --group-by tag: tag -> claims.
TAGS = {
    "ウクライナ": ["E2", "C1", "E3"],
    "NATO加盟": ["H1", "P1", "P2", "C2"],
    "軍事協力": ["A1", "H2", "A2", "C3", "E10"],
    "北海道": ["A3", "C4", "C0"],
}
#: Their colours, as docs/rendering.md sets them in [tool.argmap.render].
TAG_COLORS = {"ウクライナ": "#1f5fa6", "NATO加盟": "orange", "軍事協力": "green", "北海道": "purple"}


def tagged_map() -> Any:
    """The flagship with :data:`TAGS` on its claims."""
    import attrs

    import argmap

    m = argmap.load(FLAGSHIP)
    b = m.edit()
    for tag, ids in TAGS.items():
        for cid in ids:
            claim = b._claims[cid]
            b._claims[cid] = attrs.evolve(claim, tags=(*claim.tags, tag))
    return b.build()


def pictures() -> dict[str, tuple[Path, Any, dict[str, Any]]]:
    """Each picture's stem -> (its map file, its view, its RenderOptions fields)."""
    import argmap
    from argmap.drawing.views import focus, select

    flagship = argmap.load(FLAGSHIP)
    circular = argmap.load(CIRCULAR)
    return {
        "views-focus.ja": (FLAGSHIP, focus(flagship, ["C0"], 1), {}),
        "views-select.en": (
            CIRCULAR,
            select(circular, "finding:circular-support", argmap.check(circular)),
            {},
        ),
        "views-group.ja": (
            FLAGSHIP,
            focus(tagged_map(), ["C0", "C2"], 3),
            {"group_by": "tag", "tag_colors": TAG_COLORS},
        ),
    }


def _digest(drawn: Any, fields: dict[str, Any]) -> str:
    from argmap.drawing.views import View

    view = drawn if isinstance(drawn, View) else None
    m = drawn.map if view is not None else drawn
    content = {
        "claims": {k: [c.kind.value, list(c.tags)] for k, c in m.claims.items()},
        "inferences": {k: [list(i.premises), i.conclusion] for k, i in m.inferences.items()},
        "attacks": {k: [a.source, a.target] for k, a in m.attacks.items()},
        "beyond": dict(view.beyond) if view is not None else {},
        "final": sorted(view.final) if view is not None else [],
        "options": fields,
    }
    return hashlib.sha256(json.dumps(content, ensure_ascii=False, sort_keys=True).encode()).hexdigest()


def expected_record() -> str:
    import argmap
    from argmap.drawing.views import split

    lines = []
    for stem, (path, drawn, fields) in pictures().items():
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        lines.append(
            f"{digest}  {path.relative_to(ROOT).as_posix()}  {_digest(drawn, fields)}  ->  docs/img/{stem}.svg, .png"
        )
    flagship = argmap.load(FLAGSHIP)
    parts = hashlib.sha256("".join(_digest(v, {}) for v in split(flagship)).encode()).hexdigest()
    digest = hashlib.sha256(FLAGSHIP.read_bytes()).hexdigest()
    lines.append(f"{digest}  {FLAGSHIP.relative_to(ROOT).as_posix()}  {parts}  ->  docs/img/views-split/")
    return "\n".join(lines) + "\n"


def outputs() -> list[Path]:
    """Every file this tool draws (the screenshot of the index aside)."""
    files = [OUT / f"{stem}.{ext}" for stem in pictures() for ext in ("svg", "png")]
    files += [TAGGED, SPLIT / "index.html", SPLIT / "C0.svg", SPLIT / "C2.svg"]
    return files


def stale() -> list[str]:
    """What is out of date, in words; empty when all is current."""
    return _images.stale(
        ROOT,
        outputs(),
        RECORD,
        expected_record(),
        "the maps or the views changed since the pictures were drawn",
    )


def draw() -> None:
    import argmap
    from argmap.drawing import RenderOptions

    OUT.mkdir(parents=True, exist_ok=True)
    argmap.dump(tagged_map(), TAGGED)
    for stem, (_path, drawn, fields) in pictures().items():
        findings = argmap.check(drawn.whole)
        for ext in ("svg", "png"):
            argmap.render(drawn, OUT / f"{stem}.{ext}", findings=findings, options=RenderOptions(**fields))
    SPLIT.mkdir(exist_ok=True)
    for old in SPLIT.iterdir():
        old.unlink()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "argmap",
            "render",
            str(FLAGSHIP.relative_to(ROOT)),
            "--split",
            str(SPLIT.relative_to(ROOT)),
            "-q",
        ],
        cwd=ROOT,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    _screenshot(SPLIT / "index.html", OUT / "views-split.png")
    RECORD.write_text(expected_record(), encoding="utf-8")


def _screenshot(page_file: Path, target: Path) -> None:
    executable = shutil.which("chromium")
    if executable is None:
        print("views_images: Chromium is missing; the picture of the index is kept as it is", file=sys.stderr)
        return
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=executable, args=["--no-sandbox"])
        page = browser.new_context(viewport={"width": 1100, "height": 900}, device_scale_factor=1).new_page()
        page.goto(page_file.as_uri(), wait_until="load")
        page.evaluate("document.fonts.ready")
        page.wait_for_timeout(300)
        page.screenshot(path=str(target), full_page=True)
        browser.close()


def main() -> int:
    return _images.main(__doc__ or "", "views_images.py", ROOT, stale=stale, draw=draw, outputs=outputs)


if __name__ == "__main__":
    sys.exit(main())
