"""What the tools that draw the docs' pictures share: knowing when the pictures are stale.

Each tool keeps a record (a small text file beside the pictures) of what it
drew them from; the pictures are stale when one is missing or the record no
longer matches.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path


def stale(root: Path, outputs: Iterable[Path], record: Path, expected: str, changed: str) -> list[str]:
    """What is out of date, in words (``changed`` says a mismatched record); empty when all is current."""
    problems = [f"missing {path.relative_to(root).as_posix()}" for path in outputs if not path.exists()]
    if not record.exists() or record.read_text(encoding="utf-8") != expected:
        problems.append(changed)
    return problems
