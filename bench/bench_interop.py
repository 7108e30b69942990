"""Maps from other tools at scale: checking a folder of AIF files from the command line, in one
process and in a process pool side by side, and converting them.

    .venv/bin/python bench/bench_interop.py                    # 1,000 generated AIFdb-like maps
    .venv/bin/python bench/bench_interop.py --maps 200 --no-write
    .venv/bin/python bench/bench_interop.py --microtexts "part 1 (English)=DIR"   # also arggraph XML (fetches nothing)

The maps are those of ``bench/corpus_aif.py --generate`` (10 to 50 nodes: I-nodes, RA and CA
nodes, L and YA nodes with locutions), written as ``nodeset-N.json`` files into a scratch folder,
as AIFdb exports them. Timed, each the best of ``--repeat`` runs:

- ``argmap check FOLDER --from aif --jobs 1`` and ``argmap check FOLDER --from aif`` (one worker
  per core), as a user runs them: a new process, reading, checking, printing everything;
- converting every map in Python (``argmap.formats.read`` then ``dumps`` to argmap's YAML and to
  Argdown), and ``argmap convert`` on a few files, to show what starting the command costs per file.

The figures go to the ``interop`` section of docs/performance.md (``--no-write`` to leave it).
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from argmap.formats import dumps, read
from bench._report import machine, write_section
from bench.corpus_aif import generated

ROOT = Path(__file__).resolve().parent.parent
ARGMAP = [sys.executable, "-m", "argmap"]


def timed(command: Sequence[str], repeat: int) -> tuple[float, subprocess.CompletedProcess[str]]:
    """The best wall time of ``command`` over ``repeat`` runs, and its last run."""
    best = float("inf")
    done: subprocess.CompletedProcess[str] | None = None
    for _ in range(repeat):
        start = time.perf_counter()
        done = subprocess.run(command, capture_output=True, text=True, check=False, cwd=ROOT)
        best = min(best, time.perf_counter() - start)
    assert done is not None
    if done.returncode not in (0, 1):  # 1: findings of error level
        raise SystemExit(f"{' '.join(command)} failed:\n{done.stderr[-2000:]}")
    return best, done


def convert_all(files: Sequence[Path], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for path in files:
            amap = read(path, "aif").map
            dumps(amap, "yaml")
            dumps(amap, "argdown")
        best = min(best, time.perf_counter() - start)
    return best


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--maps", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=17)
    parser.add_argument(
        "--microtexts",
        nargs="*",
        default=[],
        metavar="NAME=FOLDER",
        help="folders of arggraph XML files, named",
    )
    parser.add_argument("--no-write", action="store_true", help="print the figures only")
    args = parser.parse_args(argv)

    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        folder.mkdir()
        rng = random.Random(args.seed)
        for i in range(args.maps):
            (folder / f"nodeset-{i}.json").write_text(generated(rng, i)[1], encoding="utf-8")
        files = sorted(folder.iterdir())
        cores = len(os.sched_getaffinity(0))
        one, done = timed([*ARGMAP, "check", str(folder), "--from", "aif", "--jobs", "1"], args.repeat)
        pool, done_pool = timed([*ARGMAP, "check", str(folder), "--from", "aif"], args.repeat)
        assert done.stdout == done_pool.stdout, "the pool printed something else than one process"
        summary = done.stdout.strip().splitlines()[-1]
        rows.append((f"`argmap check` {args.maps} AIF files, one process", one))
        rows.append((f"`argmap check` {args.maps} AIF files, {cores} processes", pool))
        rows.append(
            (f"convert {args.maps} AIF maps to YAML and Argdown (Python)", convert_all(files, args.repeat))
        )
        sample = files[:10]
        start = time.perf_counter()
        for path in sample:
            timed([*ARGMAP, "convert", str(path), str(Path(tmp) / "out.argmap.yaml")], 1)
        per_file = (time.perf_counter() - start) / len(sample)
        rows.append(("`argmap convert` one AIF file (start-up included), per file", per_file))
        for named in args.microtexts:
            name, _sep, corpus = named.rpartition("=")
            n = len(list(Path(corpus).rglob("*.xml")))
            seconds, _done = timed([*ARGMAP, "check", corpus, "--from", "microtexts"], args.repeat)
            rows.append(
                (
                    f"`argmap check` on the {n} maps of the microtexts' {name or corpus} (as it chooses)",
                    seconds,
                )
            )

    table = [
        "| What | Seconds |",
        "| --- | --- |",
        *(f"| {what} | {seconds:.2f} |" for what, seconds in rows),
    ]
    body = "\n".join(
        [
            "## Maps from other tools (`bench/bench_interop.py`)",
            "",
            f"Machine: {machine()}. `.venv/bin/python bench/bench_interop.py` (best of {args.repeat} runs).",
            f"Generated AIFdb-like maps of 10 to 50 nodes, as `nodeset-N.json` files; the check found: {summary}.",
            "One process and the pool print the same, byte for byte. Target: converting and checking",
            "1,000 such maps in under 30 s.",
            "",
            *table,
        ]
    )
    print(body)
    if not args.no_write:
        write_section("interop", body)
    return 0


if __name__ == "__main__":
    sys.exit(main())
