"""The HTML view in a browser: how fast the page opens, how smoothly it pans and zooms.

    .venv/bin/python bench/bench_html.py                # flagship + a 1,000-element map
    .venv/bin/python bench/bench_html.py --size 2000 --runs 9

Opens pages written by ``to_html`` (as ``argmap render --format html``
writes them) in the system's Chromium, driven by Playwright, at 1280x800:

- open time: the navigation entry's ``loadEventEnd`` (from the start of the
  navigation to the end of the load event: parsing, the inline SVG, the
  script fitting the diagram), median of ``--runs`` fresh browser contexts,
  for the flagship and for a generated map;
- frame time on the generated map (1,000 elements by default, the shape of
  bench/bench_render.py's maps): the time between animation frames
  (``requestAnimationFrame``) while the view is zoomed step after step with
  ``window.argmap.zoom``, zoomed with the mouse wheel, and dragged.

Writes the figures to the "html" section of docs/performance.md.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import argmap
from bench._report import machine, write_section
from bench.bench_render import generate

ROOT = Path(__file__).resolve().parent.parent
FLAGSHIP = ROOT / "examples" / "nato-tokyo" / "map.argmap.yaml"
VIEWPORT = {"width": 1280, "height": 800}
OPEN_TARGET_MS = 1000
FRAME_TARGET_MS = 50

#: Zoom in and out through the page's own API, one step per animation frame.
ZOOM_FRAMES_JS = """async (n) => {
    const deltas = [], work = [];
    await new Promise(r => requestAnimationFrame(r));
    let last = performance.now();
    for (let i = 0; i < n; i++) {
        const t = performance.now();
        window.argmap.zoom(i % 20 < 10 ? 1.1 : 1 / 1.1);
        work.push(performance.now() - t);
        await new Promise(r => requestAnimationFrame(r));
        const now = performance.now();
        deltas.push(now - last);
        last = now;
    }
    return {deltas, work};
}"""

START_FRAMES_JS = """() => {
    window.__frames = []; window.__stop = false;
    const tick = t => { window.__frames.push(t); if (!window.__stop) requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
}"""

STOP_FRAMES_JS = """() => {
    window.__stop = true;
    const f = window.__frames, d = [];
    for (let i = 1; i < f.length; i++) d.push(f[i] - f[i - 1]);
    return d;
}"""


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def open_times(browser: Any, url: str, runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        context = browser.new_context(viewport=VIEWPORT)
        page = context.new_page()
        page.goto(url, wait_until="load")
        times.append(float(page.evaluate("performance.getEntriesByType('navigation')[0].loadEventEnd")))
        context.close()
    return times


def frame_times(browser: Any, url: str, steps: int) -> dict[str, list[float]]:
    context = browser.new_context(viewport=VIEWPORT)
    page = context.new_page()
    page.goto(url, wait_until="load")
    page.wait_for_timeout(300)  # let the first paint settle
    out: dict[str, list[float]] = {}
    zoom = page.evaluate(ZOOM_FRAMES_JS, steps)
    out["zoom"] = zoom["deltas"]
    out["zoom call"] = zoom["work"]
    box = page.locator("#diagram").bounding_box()
    assert box is not None
    cx, cy = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    # the mouse wheel, one notch every 16 ms
    page.evaluate("window.argmap.fit()")
    page.mouse.move(cx, cy)
    page.evaluate(START_FRAMES_JS)
    for i in range(steps):
        page.mouse.wheel(0, -100 if i % 20 < 10 else 100)
        page.wait_for_timeout(16)
    out["wheel"] = page.evaluate(STOP_FRAMES_JS)
    # dragging across the view and back
    page.evaluate("window.argmap.fit(); window.argmap.zoom(3)")
    page.mouse.move(cx, cy)
    page.evaluate(START_FRAMES_JS)
    page.mouse.down()
    for i in range(steps):
        dx = 8 * (i % 40 if i % 80 < 40 else 40 - i % 40)
        page.mouse.move(cx - 160 + dx, cy + (i % 10))
        page.wait_for_timeout(16)
    page.mouse.up()
    out["drag"] = page.evaluate(STOP_FRAMES_JS)
    context.close()
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--size", type=int, default=1000, help="elements of the generated map")
    ap.add_argument("--runs", type=int, default=5, help="openings of each page (the median is kept)")
    ap.add_argument("--steps", type=int, default=120, help="zoom steps, wheel notches and drag moves")
    args = ap.parse_args()

    from playwright.sync_api import sync_playwright

    from argmap.drawing.html import to_html

    executable = shutil.which("chromium")
    if executable is None:
        print("Chromium is missing: run `make system-deps`", file=sys.stderr)
        return 2
    version = subprocess.run(
        [executable, "--version"], capture_output=True, text=True, check=False
    ).stdout.strip()

    with tempfile.TemporaryDirectory() as tmp:
        pages = {}
        flagship = argmap.load(FLAGSHIP)
        pages["flagship"] = Path(tmp) / "flagship.html"
        pages["flagship"].write_text(to_html(flagship), encoding="utf-8")
        big = generate(args.size)
        n_big = len(big.claims) + len(big.inferences) + len(big.attacks)
        t0 = time.perf_counter()
        big_html = to_html(big)
        written = time.perf_counter() - t0
        pages["generated"] = Path(tmp) / "generated.html"
        pages["generated"].write_text(big_html, encoding="utf-8")
        print(f"generated map: {n_big} elements, page written in {written:.1f} s", flush=True)

        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=executable, args=["--no-sandbox"])
            opened = {name: open_times(browser, path.as_uri(), args.runs) for name, path in pages.items()}
            for name, times in opened.items():
                print(
                    f"open {name}: median {statistics.median(times):.0f} ms ({', '.join(f'{t:.0f}' for t in times)})"
                )
            frames = frame_times(browser, pages["generated"].as_uri(), args.steps)
            browser.close()
        sizes = {name: path.stat().st_size for name, path in pages.items()}

    for name, values in frames.items():
        print(
            f"{name}: median {statistics.median(values):.1f} ms, "
            f"95th percentile {percentile(values, 0.95):.1f} ms, max {max(values):.1f} ms"
        )
    open_flagship = statistics.median(opened["flagship"])
    worst_frame = max(percentile(frames[k], 0.95) for k in ("zoom", "wheel", "drag"))
    table = [
        "| page | elements | size | open (median) | runs |",
        "|---|---|---|---|---|",
        f"| flagship (examples/nato-tokyo) | {len(flagship.claims) + len(flagship.inferences) + len(flagship.attacks)} "
        f"| {sizes['flagship'] / 1024:.0f} KiB | {open_flagship:.0f} ms "
        f"| {', '.join(f'{t:.0f}' for t in opened['flagship'])} |",
        f"| generated | {n_big:,} | {sizes['generated'] / 1024:.0f} KiB "
        f"| {statistics.median(opened['generated']):.0f} ms "
        f"| {', '.join(f'{t:.0f}' for t in opened['generated'])} |",
        "",
        f"| on the generated map ({n_big:,} elements) | median | 95th percentile | max |",
        "|---|---|---|---|",
    ]
    labels = {
        "zoom": "frame time, `window.argmap.zoom` every frame",
        "wheel": "frame time, mouse wheel",
        "drag": "frame time, dragging",
        "zoom call": "one `zoom()` call (script only)",
    }
    for key, label in labels.items():
        values = frames[key]
        table.append(
            f"| {label} | {statistics.median(values):.1f} ms | {percentile(values, 0.95):.1f} ms "
            f"| {max(values):.1f} ms |"
        )
    verdict = (
        f"\n\nFlagship open {open_flagship:.0f} ms (target < {OPEN_TARGET_MS} ms); "
        f"worst 95th-percentile frame {worst_frame:.1f} ms (target < {FRAME_TARGET_MS} ms)."
    )
    body = (
        "## The HTML view (`bench/bench_html.py`)\n\n"
        "Pages written by `to_html` (what `argmap render --format html` writes, with the findings), "
        "opened in Chromium at 1280x800 through Playwright. Open time is the navigation's "
        "`loadEventEnd`: reading the file, parsing the page and its inline SVG, the script "
        "fitting the diagram to the window; median of fresh browser contexts. Frame time is the "
        "time between animation frames while the view changes: zoomed by the page's API one "
        f"step per frame, by {args.steps} mouse-wheel notches, and dragged; a browser draws at "
        "60 frames a second at best, so 16.7 ms is the floor. Chromium runs headless here and "
        "draws in software (no GPU), as on a school laptop without graphics acceleration; the last "
        "row is the script's own share of a zoom step, the rest of a frame is the browser drawing "
        "the SVG again. The generated map has the shape of "
        "`bench/bench_render.py`'s. "
        "Command: `.venv/bin/python bench/bench_html.py`.\n"
        f"Machine: {machine()}; {version}.\n\n" + "\n".join(table) + verdict
    )
    write_section("html", body)
    return 0


if __name__ == "__main__":
    sys.exit(main())
