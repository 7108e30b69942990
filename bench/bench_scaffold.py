"""Scaffolding speed: ``argmap.scaffold`` on a 1 MB article.

    .venv/bin/python bench/bench_scaffold.py            # 1 MB of Japanese and of English text
    .venv/bin/python bench/bench_scaffold.py --mb 5

Builds the article by repeating the scaffold's test texts (and the seed
article when ../shared/seed is there) until it reaches the size, then times,
best of 3: splitting into sentences alone, the whole draft, and writing the
draft as YAML with its comment block. Target: 1 MB in under 5 s. Writes the
figures to the "scaffold" section of docs/performance.md.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from argmap.scaffolding import draft
from argmap.scaffolding.split import split
from bench._report import machine, write_section

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "scaffold"
SEED = ROOT.parent / "shared" / "seed" / "000_0a022b3aaaa693fc.txt"
TARGET_S = 5.0


def article(lang: str, size: int) -> tuple[str, str]:
    """An article of at least ``size`` UTF-8 bytes in ``lang``, and what it is made of."""
    sources = sorted(DATA.glob(f"{lang}_*.txt"))
    if lang == "ja" and SEED.exists():
        sources.append(SEED)
    pieces = [p.read_text(encoding="utf-8") for p in sources]
    chunk = "\n\n".join(pieces)
    n = -(-size // len(chunk.encode("utf-8")))
    return "\n\n".join([chunk] * n), ", ".join(p.name for p in sources)


def best(fn: Callable[[], Any], runs: int = 3) -> tuple[float, Any]:
    times, result = [], None
    for _ in range(runs):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return min(times), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mb", type=float, default=1.0, help="article size in MB (default 1)")
    args = parser.parse_args()
    size = int(args.mb * 1_000_000)
    rows = []
    ok = True
    for lang in ("ja", "en"):
        text, made_of = article(lang, size)
        t_split, sentences = best(lambda text=text, lang=lang: split(text, lang))
        t_draft, d = best(lambda text=text, lang=lang: draft(text, lang))
        t_yaml, _ = best(lambda d=d: d.to_yaml())
        mb = len(text.encode("utf-8")) / 1_000_000
        total = t_draft + t_yaml
        ok = ok and total < TARGET_S * args.mb
        rows.append(
            f"| {lang} | {mb:.2f} MB, {text.count(chr(10)) + 1:,} lines ({made_of}) | {len(sentences):,} "
            f"| {len(d.map.claims):,} / {len(d.map.inferences):,} | {t_split:.2f} s | {t_draft:.2f} s "
            f"| {t_yaml:.2f} s | {total:.2f} s ({'met' if total < TARGET_S * args.mb else 'MISSED'}) |"
        )
        print(rows[-1])
    body = "\n".join(
        [
            "## Scaffolding (`bench/bench_scaffold.py`)",
            "",
            f"An article of {args.mb:g} MB made by repeating the scaffold's test texts (and the seed article when it is "
            "there), scaffolded in one piece; best of 3 runs. Target: under 5 s per MB for the draft and its YAML. "
            "Command: `.venv/bin/python bench/bench_scaffold.py`.",
            f"Machine: {machine()}.",
            "",
            "| lang | article | sentences | claims / inferences | split only | draft | YAML + comments | total |",
            "|---|---|---|---|---|---|---|---|",
            *rows,
        ]
    )
    write_section("scaffold", body)
    if not ok:
        sys.exit(1)


if __name__ == "__main__":
    main()
