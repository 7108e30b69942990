"""Precision, recall and F1 of the heuristic rules on the labelled sets.

    .venv/bin/python bench/score_heuristics.py              # print, and write docs/performance.md
    .venv/bin/python bench/score_heuristics.py --no-write   # print only

Reads every ``tests/data/heuristics/<rule>.<lang>.yaml`` (see docs/checks.md,
"How well the heuristic rules do", for the format and the labelling
guideline), runs the rule on each item through ``argmap.check`` and compares
what it reports with the labels: for all items and for each half of the
fixed dev / held-out split. Writes the table to the "heuristics" section of
docs/performance.md; docs/checks.md shows the same figures (regenerate it
with ``python -m argmap.checks.docs --write``).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from argmap.checks.evaluation import RULES, Score, score_file
from bench._report import machine, write_section

DATA = Path(__file__).resolve().parent.parent / "tests" / "data" / "heuristics"


def rows() -> tuple[list[str], float]:
    """Markdown rows of every rule, language and half; and the seconds taken."""
    out = [
        "| rule | lang | half | labels | positives | reported | agreed | precision | recall | F1 |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    started = time.perf_counter()
    for rule in RULES:
        for lang in ("ja", "en"):
            path = DATA / f"{rule}.{lang}.yaml"
            if not path.exists():
                continue
            scores = score_file(path)
            for half in ("all", "dev", "held-out"):
                s: Score = scores[half]
                out.append(
                    f"| {rule} | {lang} | {half} | {s.labelled} | {s.tp + s.fn} | {s.tp + s.fp} | {s.tp} | "
                    f"{s.precision:.2f} | {s.recall:.2f} | {s.f1:.2f} |"
                )
    return out, time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--no-write", action="store_true", help="print only; leave docs/performance.md alone")
    args = ap.parse_args(argv)
    table, seconds = rows()
    body = "\n".join(
        [
            "## Heuristic rules against a careful reader (`bench/score_heuristics.py`)",
            "",
            "Precision and recall of the three heuristic rules on the labelled sets in",
            '`tests/data/heuristics/` (guideline and discussion: docs/checks.md, "How well the',
            'heuristic rules do"). *Positives* are what a careful reader says the rule should report;',
            "*reported*, what it reports; *agreed*, both. The target is precision >= 0.85 at",
            "recall >= 0.50 in each language; no rule reaches the recall, so all three are `info`.",
            "",
            *table,
            "",
            f"Scoring every set took {seconds:.2f} s on {machine()}.",
        ]
    )
    print(body)
    if not args.no_write:
        write_section("heuristics", body)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
