"""Speed of grading a class: 200 students' map files against a key of 50 claims.

    .venv/bin/python bench/bench_grade.py              # 200 students, best of 3
    .venv/bin/python bench/bench_grade.py --students 400 --runs 5

The key joins the two example keys (examples/nato-tokyo and examples/kitakawa,
their ids prefixed N and K) and, to reach 50 claims, a few claims of a third
made-up article with their inferences. The students are made by the
synthetic class (tests/synthetic_class.py): planted mistakes (missed hidden
premises, claims, links and steps, extra links and claims, wrong kinds,
missed attacks) with renamed ids, reordered elements, reworded texts and
spelling variants; they are written as YAML files. Times, best of ``--runs``:

* load: ``argmap.load`` of every file;
* grade: ``argmap.exercises.grade`` of every map against the key, as shipped,
  and split into the alignment, the student's checks (``argmap.check``) and
  the rest;
* side by side, the grading with one Hungarian matching over the whole
  table of claims instead of one per connected part, and with the token
  cache emptied before each student (every text read anew, as when no two
  students write alike);
* ``argmap grade KEY FILES... --format json`` as a teacher runs it, a fresh
  process (the interpreter's start included), median of ``--runs``.

Target: load and grade under 5 s together. Writes the "grade" section of
docs/performance.md.
"""

from __future__ import annotations

import argparse
import gc
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence, Set
from contextlib import contextmanager
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import attrs

import argmap
from argmap.checks.text import token_similarity
from argmap.exercises import grading, matching
from argmap.model import ArgumentMap, Attack, Claim, Inference, Kind
from bench._report import machine, write_section
from tests.synthetic_class import make_class

ROOT = Path(__file__).resolve().parent.parent
KEYS = [
    ("N", ROOT / "examples" / "nato-tokyo" / "map.argmap.yaml"),
    ("K", ROOT / "examples" / "kitakawa" / "map.argmap.yaml"),
]
TARGET_S = 5.0
CLAIMS = 50

#: A third article's reasoning, to bring the key to 50 claims: (id, kind, text).
_THIRD = [
    ("E1", Kind.EVIDENCE, "南町の小学校では、この10年で児童の数が半分に減った"),
    ("E2", Kind.EVIDENCE, "町の教育委員会は、二つの小学校を一つにまとめる案を発表した"),
    ("E3", Kind.EVIDENCE, "保護者への調査では、通学時間が長くなることを心配する声が多かった"),
    ("A1", Kind.ASSUMPTION, "学校をまとめれば、一人あたりの費用は下がる"),
    ("C1", Kind.CONCLUSION, "学校をまとめることで、町の教育費は少なくなる"),
    ("H1", Kind.HYPOTHESIS, "町がスクールバスを走らせる"),
    ("A2", Kind.ASSUMPTION, "スクールバスがあれば、通学時間の心配はなくなる"),
    ("C2", Kind.CONCLUSION, "スクールバスを走らせれば、保護者の反対は小さくなる"),
    ("P1", Kind.PREMISE, "小さな学校には、先生が一人ひとりに目を配れるよさがある"),
    ("C3", Kind.CONCLUSION, "学校をまとめる前に、小さな学校のよさを守る方法を考えるべきだ"),
    ("E4", Kind.EVIDENCE, "隣の北町では、学校をまとめた後に町を出る家族が増えた"),
    ("A3", Kind.ASSUMPTION, "北町で起きたことは、南町でも起きる"),
    ("C4", Kind.CONCLUSION, "学校をまとめると、南町から出ていく家族が増える"),
    ("P2", Kind.PREMISE, "地域の行事の多くは、小学校を中心に行われている"),
    ("E5", Kind.EVIDENCE, "南町の人口は、毎年2%ずつ減っている"),
]
_THIRD_STEPS = [
    ("I1", ["E1", "E2", "A1"], "C1"),
    ("I2", ["H1", "E3", "A2"], "C2"),
    ("I3", ["E2", "P1"], "C3"),
    ("I4", ["E4", "A3"], "C4"),
]


def big_key(size: int = CLAIMS) -> ArgumentMap:
    """The two example keys side by side and the third article's claims, ``size`` claims in all."""
    claims: dict[str, Claim] = {}
    inferences: dict[str, Inference] = {}
    attacks: dict[str, Attack] = {}
    for prefix, path in KEYS:
        key = argmap.load(path)
        for c in key.claims.values():
            claims[prefix + c.id] = attrs.evolve(c, id=prefix + c.id)
        for i in key.inferences.values():
            inferences[prefix + i.id] = attrs.evolve(
                i,
                id=prefix + i.id,
                premises=[prefix + p for p in i.premises],
                conclusion=prefix + i.conclusion,
            )
        for a in key.attacks.values():
            attacks[prefix + a.id] = attrs.evolve(
                a, id=prefix + a.id, source=prefix + a.source, target=prefix + a.target
            )
    for cid, kind, text in _THIRD[: size - len(claims)]:
        claims["S" + cid] = Claim("S" + cid, kind, text)
    for iid, premises, conclusion in _THIRD_STEPS:
        ids = ["S" + p for p in premises]
        if "S" + conclusion in claims and all(p in claims for p in ids):
            inferences["S" + iid] = Inference("S" + iid, ids, "S" + conclusion)
    if "SE4" in claims and "SC1" in claims:
        attacks["SX1"] = Attack("SX1", "SE4", "SC1")
    return ArgumentMap(
        title="50 の主張の鍵", lang="ja", claims=claims, inferences=inferences, attacks=attacks
    )


def students(key: ArgumentMap, n: int, folder: Path) -> tuple[list[Path], list[int]]:
    """``n`` students' files that load, written into ``folder``, and how many mistakes each has."""
    made = [s for s in make_class(key, seed=7, size=n + 20) if s.map is not None and s.map.claims][:n]
    paths = []
    for k, s in enumerate(made):
        path = folder / f"{k:03d}-{s.name}.argmap.yaml"
        path.write_text(s.text, encoding="utf-8")
        paths.append(path)
    return paths, [len(s.mistakes) for s in made]


def best(runs: int, work: Callable[[], Any]) -> float:
    times = []
    for _ in range(runs):
        gc.collect()
        t0 = time.perf_counter()
        work()
        times.append(time.perf_counter() - t0)
    return min(times)


def pairwise_weights(
    kids: Sequence[str],
    ktok: Sequence[tuple[Set[str], Set[str]]],
    sids: Sequence[str],
    stok: Sequence[tuple[Set[str], Set[str]]],
) -> list[list[float]]:
    """The table of claim weights filled pair by pair (what the index in grading avoids)."""
    weights = []
    for k, (kc, kt) in zip(kids, ktok, strict=True):
        row = []
        for s, (sc, st) in zip(sids, stok, strict=True):
            sim = max(token_similarity(kc, sc), token_similarity(kt, st))
            row.append(0.0 if sim < grading.THRESHOLD else sim + (grading.SAME_ID_BONUS if k == s else 0.0))
        weights.append(row)
    return weights


@contextmanager
def patched(module: Any, name: str, value: Any) -> Iterator[None]:
    old = getattr(module, name)
    setattr(module, name, value)
    try:
        yield
    finally:
        setattr(module, name, old)


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--students", type=int, default=200)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    load_before = os.getloadavg()[0]
    key = big_key()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        key_path = folder / "key.argmap.yaml"
        key_path.write_text(argmap.dumps(key), encoding="utf-8")
        paths, planted = students(key, args.students, folder)
        n = len(paths)
        maps = [argmap.load(p) for p in paths]
        t_load = best(args.runs, lambda: [argmap.load(p) for p in paths])

        def grade_all() -> None:
            for m in maps:
                grading.grade(key, m)

        matching.token_sets.cache_clear()
        t_grade = best(args.runs, grade_all)
        t_align = best(args.runs, lambda: [grading.align(key, m) for m in maps])
        t_check = best(args.runs, lambda: [argmap.check(m) for m in maps])

        with patched(grading, "assignment", matching._hungarian):
            t_whole = best(args.runs, grade_all)
            t_whole_align = best(args.runs, lambda: [grading.align(key, m) for m in maps])
        with patched(grading, "_claim_weights", pairwise_weights):
            t_pairs = best(args.runs, grade_all)
            t_pairs_align = best(args.runs, lambda: [grading.align(key, m) for m in maps])
            with patched(grading, "assignment", matching._hungarian):
                t_plain = best(args.runs, grade_all)
                t_plain_align = best(args.runs, lambda: [grading.align(key, m) for m in maps])

        def grade_uncached() -> None:
            for m in maps:
                matching.token_sets.cache_clear()
                grading.grade(key, m)

        t_uncached = best(args.runs, grade_uncached)

        cli = []
        for _ in range(args.runs):
            t0 = time.perf_counter()
            done = subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "argmap",
                    "grade",
                    str(key_path),
                    *map(str, paths),
                    "--format",
                    "json",
                ],
                capture_output=True,
                check=False,
            )
            cli.append(time.perf_counter() - t0)
            if done.returncode != 0:
                raise SystemExit(done.stderr.decode())
        t_cli = statistics.median(cli)
    total = t_load + t_grade
    met = total < TARGET_S and t_cli < TARGET_S
    rows = [
        f"| `argmap.load` of the {n} files | {t_load:.2f} s | {1000 * t_load / n:.1f} ms |",
        f"| `grade` as shipped (indexed weights, parts matched apart, token sets cached) | {t_grade:.2f} s "
        f"| {1000 * t_grade / n:.1f} ms |",
        f"| of which `align` | {t_align:.2f} s | {1000 * t_align / n:.1f} ms |",
        f"| of which `argmap.check` of the student's map | {t_check:.2f} s | {1000 * t_check / n:.1f} ms |",
        f"| **load + grade** (target < {TARGET_S:g} s) | **{total:.2f} s** | {1000 * total / n:.1f} ms |",
        f"| `argmap grade KEY FILES... --format json`, a fresh process | {t_cli:.2f} s | {1000 * t_cli / n:.1f} ms |",
        f"| `grade`, one Hungarian matching over the whole table | {t_whole:.2f} s | {1000 * t_whole / n:.1f} ms |",
        f"| of which `align` | {t_whole_align:.2f} s | {1000 * t_whole_align / n:.1f} ms |",
        f"| `grade`, the table of claim weights filled pair by pair | {t_pairs:.2f} s "
        f"| {1000 * t_pairs / n:.1f} ms |",
        f"| of which `align` | {t_pairs_align:.2f} s | {1000 * t_pairs_align / n:.1f} ms |",
        f"| `grade`, pair by pair and one Hungarian over the whole table | {t_plain:.2f} s "
        f"| {1000 * t_plain / n:.1f} ms |",
        f"| of which `align` | {t_plain_align:.2f} s | {1000 * t_plain_align / n:.1f} ms |",
        f"| `grade`, token cache emptied before each student | {t_uncached:.2f} s | {1000 * t_uncached / n:.1f} ms |",
    ]
    for row in rows:
        print(row)
    body = "\n".join(
        [
            "## Grading a class (`bench/bench_grade.py`)",
            "",
            f"{n} students' map files graded against a key of {len(key.claims)} claims, "
            f"{len(key.inferences)} inferences and {len(key.attacks)} attacks (the two example keys side by "
            "side and a third article's claims). The students come from the synthetic class of the tests "
            f"(tests/synthetic_class.py): {sum(1 for p in planted if p)} with planted mistakes "
            f"({statistics.mean(planted):.1f} on average: hidden premises, claims, links and steps left out, "
            "extra links and claims, wrong kinds, missed attacks), most with renamed ids, reordered elements, "
            "reworded texts or spelling variants. Best of "
            f"{args.runs} runs; the command line is the median of {args.runs} fresh processes, the interpreter's "
            "start included. The grading fills the table of claim weights through an index of the key's tokens "
            "(only pairs that share enough tokens to reach the threshold are compared) and solves the matching "
            "one connected part of the table at a time (claims joined by a similarity above the threshold), "
            "mostly one claim with one. For comparison: the table filled pair by pair, one Hungarian over the "
            "whole table, both (as the grading first did it), and every text read anew. "
            "Command: `.venv/bin/python bench/bench_grade.py`.",
            f"Machine: {machine()}; load average {load_before:.1f} before the run and {os.getloadavg()[0]:.1f} "
            "after (the machine is shared: a load above its cores means waiting for one).",
            "",
            "| what | time | per student |",
            "|---|---|---|",
            *rows,
            "",
            f"Target (load and grade of {n} maps under {TARGET_S:g} s, the command line too): "
            + ("met." if met else "MISSED."),
        ]
    )
    write_section("grade", body)
    if not met:
        sys.exit(1)


if __name__ == "__main__":
    main()
