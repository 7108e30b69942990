"""Shared by the corpus scripts (corpus_aif.py, corpus_microtexts.py): finding a
corpus's files, running over them in processes, and the figures every corpus gives.

A corpus script reads each file into a result that has at least ``error`` (why
it could not be read, or None), ``warnings`` (their kinds), ``findings`` (the
rule codes of ``argmap.check``) and ``inferences`` (how many); ``figures``
turns a list of them into the numbers both scripts print.
"""

from __future__ import annotations

import json
import re
import time
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Protocol, TypeVar

#: The heuristic rules (weak-relevance, restated-premise): their findings per 100 inferences are given.
HEURISTIC = ("AM107", "AM202")
_QUOTED = re.compile(r"'(?:[^'\\]|\\.)*'|\d+")

Item = TypeVar("Item")
Result = TypeVar("Result")


class Read(Protocol):
    """What the shared figures read of one file's result."""

    error: str | None
    warnings: list[str]
    findings: list[str]
    claims: int
    inferences: int
    attacks: int


def kind_of(message: str) -> str:
    """A warning's kind: its message without the ids and counts."""
    return _QUOTED.sub("…", message)


def files_of(paths: Iterable[str], pattern: str) -> list[Path]:
    """The files given, and those matching ``pattern`` in the folders given (recursively)."""
    found: list[Path] = []
    for p in map(Path, paths):
        found.extend(sorted(p.rglob(pattern)) if p.is_dir() else [p])
    return found


def read_texts(paths: Sequence[Path]) -> list[tuple[str, str]]:
    """Each file's name and text (bytes that are not UTF-8 as U+FFFD)."""
    return [(str(p), p.read_bytes().decode("utf-8", "replace")) for p in paths]


def run(one: Callable[[Item], Result], items: Sequence[Item], workers: int) -> tuple[list[Result], float]:
    """``one`` over ``items``, in ``workers`` processes (1: in this one), and the wall time."""
    start = time.perf_counter()
    if workers <= 1:
        results = [one(i) for i in items]
    else:
        with ProcessPoolExecutor(workers) as pool:
            results = list(pool.map(one, items, chunksize=max(1, len(items) // (workers * 8))))
    return results, time.perf_counter() - start


def figures(results: Sequence[Read]) -> dict[str, object]:
    """Files read, warnings by kind, the map's size, and the findings of the checks."""
    read = [r for r in results if r.error is None]
    warnings: Counter[str] = Counter()
    for r in read:
        warnings.update(set(r.warnings))  # files with each kind
    findings: Counter[str] = Counter()
    maps_with: Counter[str] = Counter()
    for r in read:
        findings.update(r.findings)
        maps_with.update(set(r.findings))
    steps = sum(r.inferences for r in read)
    return {
        "files": len(results),
        "read": len(read),
        "not read": dict(Counter(r.error for r in results if r.error is not None)),
        "without warnings": sum(not r.warnings for r in read),
        "files with each warning": dict(warnings.most_common()),
        "claims": sum(r.claims for r in read),
        "inferences": steps,
        "attacks": sum(r.attacks for r in read),
        "findings": dict(findings.most_common()),
        "maps with each finding": dict(maps_with.most_common()),
        "heuristic findings per 100 inferences": {
            code: round(100 * findings[code] / steps, 2) if steps else 0.0 for code in HEURISTIC
        },
    }


def emit(figures: Mapping[str, object], json_path: str | None) -> None:
    """Print the figures as JSON, and write them to ``json_path`` too when given."""
    text = json.dumps(figures, indent=2, ensure_ascii=False)
    print(text)
    if json_path:
        Path(json_path).write_text(text + "\n", encoding="utf-8")
