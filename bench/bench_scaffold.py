"""Scaffolding speed and memory: ``argmap.scaffold`` on articles of 1, 4 and 16 MB.

    .venv/bin/python bench/bench_scaffold.py              # 1, 4 and 16 MB of Japanese and of English
    .venv/bin/python bench/bench_scaffold.py --mb 1 4     # other sizes

Builds each article by repeating the scaffold's test texts (and the seed
article when ../shared/seed is there) until it reaches the size, in two
shapes: as written (paragraphs, source blocks) and with every line break made
a space (one line, one paragraph: the shape that used to grow with the square
of the article). Each size runs in a fresh process, which reports the time to
draft, the time to write the draft as YAML with its comment block, and the
process's peak resident memory (``ru_maxrss``, the interpreter included).
Best of 3 runs up to 4 MB, one run above. Targets: under 5 s per MB, and
time and memory growing no faster than the article (at most 5x for 4x the
size). Writes the figures to the "scaffold" section of docs/performance.md.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench._report import machine, write_section

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "scaffold"
SEED = ROOT.parent / "shared" / "seed" / "000_0a022b3aaaa693fc.txt"
TARGET_S_PER_MB = 5.0
GROWTH_LIMIT = 5.0  # for 4x the article
SHAPES = ("paragraphs", "one line")


def article(lang: str, size: int, shape: str = "paragraphs") -> tuple[str, str]:
    """An article of at least ``size`` UTF-8 bytes in ``lang``, and what it is made of."""
    sources = sorted(DATA.glob(f"{lang}_*.txt"))
    if lang == "ja" and SEED.exists():
        sources.append(SEED)
    pieces = [p.read_text(encoding="utf-8") for p in sources]
    chunk = "\n\n".join(pieces)
    n = -(-size // len(chunk.encode("utf-8")))
    text = "\n\n".join([chunk] * n)
    if shape == "one line":
        text = text.replace("\n", " ")
    return text, ", ".join(p.name for p in sources)


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def child(lang: str, shape: str, mb: float) -> dict[str, Any]:
    """Run in a fresh process: draft one article and measure it."""
    from argmap.scaffolding import draft

    text, made_of = article(lang, int(mb * 1_000_000), shape)
    runs = 3 if mb <= 4 else 1
    t_draft = t_yaml = float("inf")
    claims = inferences = unmatched = 0
    for _ in range(runs):
        t0 = time.perf_counter()
        d = draft(text, lang)
        t1 = time.perf_counter()
        written = d.to_yaml()
        t2 = time.perf_counter()
        t_draft, t_yaml = min(t_draft, t1 - t0), min(t_yaml, t2 - t1)
        claims, inferences, unmatched = len(d.map.claims), len(d.map.inferences), len(d.unmatched)
        del d, written
    return {
        "lang": lang,
        "shape": shape,
        "mb": len(text.encode("utf-8")) / 1_000_000,
        "lines": text.count("\n") + 1,
        "made_of": made_of,
        "claims": claims,
        "inferences": inferences,
        "unmatched": unmatched,
        "draft": t_draft,
        "yaml": t_yaml,
        "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,  # KiB on Linux
        "runs": runs,
    }


def measure(lang: str, shape: str, mb: float) -> dict[str, Any]:
    out = subprocess.run(
        [sys.executable, __file__, "--child", lang, shape, str(mb)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    result: dict[str, Any] = json.loads(out)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--mb", type=float, nargs="+", default=[1.0, 4.0, 16.0], help="article sizes in MB")
    parser.add_argument("--child", nargs=3, metavar=("LANG", "SHAPE", "MB"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        lang, shape, mb = args.child
        print(json.dumps(child(lang, shape, float(mb))))
        return
    sizes = sorted(args.mb)
    rows = []
    made: dict[str, str] = {}
    ok = True
    verdicts = []
    for lang in ("ja", "en"):
        for shape in SHAPES:
            previous: dict[str, Any] | None = None
            for mb in sizes:
                r = measure(lang, shape, mb)
                made[lang] = r["made_of"]
                total = r["draft"] + r["yaml"]
                fast = total < TARGET_S_PER_MB * r["mb"]
                growth = ""
                if previous is not None:
                    size_ratio = r["mb"] / previous["mb"]
                    t_ratio = total / (previous["draft"] + previous["yaml"])
                    m_ratio = r["rss_mb"] / previous["rss_mb"]
                    growth = f"{t_ratio:.1f}x / {m_ratio:.1f}x for {size_ratio:.1f}x"
                    if size_ratio > 3.5:
                        linear = t_ratio <= GROWTH_LIMIT and m_ratio <= GROWTH_LIMIT
                        ok = ok and linear
                        if not linear:
                            verdicts.append(f"{lang} {shape} {r['mb']:.0f} MB grew {growth}")
                ok = ok and fast
                rows.append(
                    f"| {lang} | {shape} | {r['mb']:.2f} MB, {r['lines']:,} line{'s' if r['lines'] != 1 else ''} "
                    f"| {r['claims']:,} / "
                    f"{r['inferences']:,} / {r['unmatched']:,} | {r['draft']:.2f} s | {r['yaml']:.2f} s "
                    f"| {total:.2f} s ({'met' if fast else 'MISSED'}) | {r['rss_mb']:,.0f} MB | {growth} |"
                )
                print(rows[-1], flush=True)
                previous = r
    body = "\n".join(
        [
            "## Scaffolding (`bench/bench_scaffold.py`)",
            "",
            f"Articles of {_and([f'{mb:g}' for mb in sizes])} MB made by repeating the scaffold's test texts "
            f"(ja: {made.get('ja', '')}; en: {made.get('en', '')}), scaffolded in one piece, as written and with "
            "every line break made a space (one line, one paragraph). Each size runs in a fresh process; best of 3 "
            "runs up to 4 MB, one run above. Peak memory is the process's resident peak (`ru_maxrss`), the "
            "interpreter and the article included. Targets: under 5 s per MB for the draft and its YAML, and time "
            "and memory growing no faster than the article (at most 5x for 4x). Most of the peak is the YAML "
            "writer's representation of the draft while it is written, not the draft itself. "
            "Command: `.venv/bin/python bench/bench_scaffold.py`.",
            f"Machine: {machine()}.",
            "",
            "| lang | shape | article | claims / inferences / left out | draft | YAML + comments | total "
            "| peak memory | growth (time / memory) |",
            "|---|---|---|---|---|---|---|---|---|",
            *rows,
            "",
            "Linear: "
            + ("met." if ok else "MISSED: " + "; ".join(verdicts or ["a size over 5 s per MB"]) + "."),
        ]
    )
    write_section("scaffold", body)
    if not ok:
        sys.exit(1)


if __name__ == "__main__":
    main()
