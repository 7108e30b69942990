"""What the tools that draw the docs' pictures share: knowing when the pictures are stale.

Each tool keeps a record (a small text file beside the pictures) of what it
drew them from; the pictures are stale when one is missing or the record no
longer matches.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterable
from pathlib import Path


def stale(root: Path, outputs: Iterable[Path], record: Path, expected: str, changed: str) -> list[str]:
    """What is out of date, in words (``changed`` says a mismatched record); empty when all is current."""
    problems = [f"missing {path.relative_to(root).as_posix()}" for path in outputs if not path.exists()]
    if not record.exists() or record.read_text(encoding="utf-8") != expected:
        problems.append(changed)
    return problems


def main(
    doc: str,
    tool: str,
    root: Path,
    *,
    stale: Callable[[], list[str]],
    draw: Callable[[], None],
    outputs: Callable[[], list[Path]],
) -> int:
    """The command line of a tool that draws pictures: ``--check`` reports stale ones (exit 1), else draw them all."""
    ap = argparse.ArgumentParser(description=doc.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="only report whether the pictures are stale")
    args = ap.parse_args()
    if args.check:
        problems = stale()
        for p in problems:
            print(f"docs/img: {p}; run: .venv/bin/python tools/{tool}", file=sys.stderr)
        return 1 if problems else 0
    draw()
    print("\n".join(path.relative_to(root).as_posix() for path in outputs()))
    return 0
