"""Screenshots of the flagship's HTML view for the docs.

    .venv/bin/python tools/html_screenshot.py            # docs/img/html-ja.png and html-en.png
    .venv/bin/python tools/html_screenshot.py --lang ja  # only the Japanese one

Writes the flagship example (and its English twin) as ``argmap render
--format html`` does, opens the page in the system's Chromium (driven by
Playwright) at 1280x800, clicks the first finding so the picture shows a
highlight, fits the whole map back into view and saves a screenshot. ``make docs-html`` runs it.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

MAPS = {
    "ja": ROOT / "examples" / "nato-tokyo" / "map.argmap.yaml",
    "en": ROOT / "examples" / "nato-tokyo" / "map.en.argmap.yaml",
}
OUT = ROOT / "docs" / "img"
VIEWPORT = {"width": 1280, "height": 800}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--lang", choices=sorted(MAPS), action="append", help="which screenshot (default: all)")
    args = ap.parse_args()
    executable = shutil.which("chromium")
    if executable is None:
        print("html_screenshot: Chromium is missing; run `make system-deps`", file=sys.stderr)
        return 2

    from playwright.sync_api import sync_playwright

    import argmap
    from argmap.drawing.html import to_html

    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=executable, args=["--no-sandbox"])
        for lang in args.lang or list(MAPS):
            page_file = Path(tmp) / f"{lang}.html"
            page_file.write_text(to_html(argmap.load(MAPS[lang])), encoding="utf-8")
            context = browser.new_context(viewport=VIEWPORT, device_scale_factor=1)
            page = context.new_page()
            page.goto(page_file.as_uri(), wait_until="load")
            page.evaluate("document.fonts.ready")
            first = page.locator("#findings li.finding").first
            if first.count():
                first.click()  # highlights its elements and moves the view to them
                page.evaluate("window.argmap.fit()")  # then the whole map again, highlight kept
            page.wait_for_timeout(300)
            target = OUT / f"html-{lang}.png"
            page.screenshot(path=str(target))
            context.close()
            print(target.relative_to(ROOT))
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
