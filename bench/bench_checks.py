"""Speed of the checks: all rules, and the structural part against networkx.

    .venv/bin/python bench/bench_checks.py              # 100k map, side by side, and 10k/100k/1M scaling
    .venv/bin/python bench/bench_checks.py --no-million # skip the 1M map (about a minute and 3 GB)

Generates maps with N claims and N inferences (a random layered DAG with
planted cycles, hypotheses, assumptions, attacks, sourced and unsourced
evidence, English and Japanese texts), then times in one run:

* ``argmap.check(map)`` with every rule;
* the structural part (index, strongly connected components with their
  cycles, grounding G0/G1/G2 and without hypotheses) as argmap does it and
  the same computation written with networkx (a ``DiGraph`` of the support
  graph, ``strongly_connected_components``, and the same forward propagation
  over ``successors``);
* all rules on 10k, 100k and 1M claims, with the ratio between sizes.

Writes the figures to the "checks" section of docs/performance.md.
"""

from __future__ import annotations

import argparse
import gc
import itertools
import os
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import networkx as nx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import argmap
from argmap.checks import check, graph
from argmap.checks.config import Config
from argmap.checks.diagnostic import Diagnostic
from argmap.checks.engine import Analysis, sort_diagnostics
from argmap.checks.registry import FAMILIES, Finding, Rule, all_rules
from argmap.model import ArgumentMap, Kind, MapBuilder, Source
from argmap.support import paused_gc
from bench._report import machine, write_section

_TOPICS = [
    "rain",
    "wind",
    "policy",
    "budget",
    "office",
    "school",
    "price",
    "market",
    "trade",
    "army",
    "border",
    "treaty",
]
_WORDS = [
    f"{a}{b}"
    for a in ("al", "be", "co", "de", "ex", "fo", "gr", "hi")
    for b in ("ta", "ro", "mi", "ne", "su")
]
_JA = [
    "日本は東京に",
    "NATOの連絡事務所を",
    "ロシアは日本を",
    "軍事的脅威とみなし",
    "北方領土の拠点が",
    "強化されると判断されます",
    "アメリカ軍基地が",
    "隣国として",
]


def generate(n: int, seed: int = 7) -> ArgumentMap:
    """N claims, N inferences, n/1000 planted cycles, n/100 attacks."""
    rnd = random.Random(seed)
    b = MapBuilder("checks benchmark", date="2024-01-01")
    kinds: list[Kind] = []
    with attrs.validators.disabled():  # generation is not what we time
        for i in range(n):
            r = i % 20
            kind = (
                Kind.EVIDENCE
                if r < 4
                else Kind.PREMISE
                if r < 6
                else Kind.HYPOTHESIS
                if r == 6
                else Kind.ASSUMPTION
                if r == 7
                else Kind.CONCLUSION
            )
            kinds.append(kind)
            block = i // 64  # premises come from the 50 claims before: mostly the same block
            topic = _TOPICS[block % len(_TOPICS)]
            if block % 3 == 0:
                text = f"{topic}: " + "".join(rnd.sample(_JA, 3)) + f"({i})"
            else:
                text = f"the {topic} {' '.join(rnd.sample(_WORDS, 4))} ({i})"
            source = None
            if kind is Kind.EVIDENCE and i % 8:
                source = Source(title=f"report {i}", date="2023-05-01" if i % 5 else None)
            b.claim(f"C{i}", kind, text, source=source)
        conclusions = [i for i, k in enumerate(kinds) if k is Kind.CONCLUSION and i > 0]
        for j in range(n):
            c = conclusions[j % len(conclusions)]
            lo = max(c - 50, c // 64 * 64)  # mostly within the block (same topic)
            if lo >= c:
                lo = max(0, c - 50)
            premises = [f"C{rnd.randrange(lo, c)}" for _ in range(rnd.randint(1, 3))]
            strength = None if j % 4 else rnd.choice([0.95, 0.9, 0.8])
            b.inference(f"I{j}", premises, f"C{c}", strength=strength)
        for k in range(max(1, n // 1000)):  # planted cycles: a step back up the chain
            c = conclusions[rnd.randrange(len(conclusions))]
            b.inference(f"Icycle{k}", [f"C{min(n - 1, c + rnd.randint(1, 40))}"], f"C{c}")
        for k in range(max(1, n // 100)):
            target = f"C{rnd.randrange(n)}" if k % 2 else f"I{rnd.randrange(n)}"
            b.attack(f"X{k}", f"C{rnd.randrange(n)}", target)
        return b.build()


def ours_structural(m: ArgumentMap) -> tuple[int, int]:
    ix = graph.Index(m)
    comp = graph.strongly_connected(ix)
    cyclic = graph.cyclic_components(ix, comp)
    g = graph.ground(ix)
    return len(cyclic), sum(1 for lv in g.level if lv <= 2)


def networkx_structural(m: ArgumentMap) -> tuple[int, int]:
    G = nx.DiGraph()
    G.add_nodes_from(m.claims)
    G.add_nodes_from(m.inferences)
    for inf in m.inferences.values():
        G.add_edges_from((p, inf.id) for p in inf.premises)
        G.add_edge(inf.id, inf.conclusion)
    cyclic = [c for c in nx.strongly_connected_components(G) if len(c) > 1]
    claims = m.claims

    def propagate(levels: list[tuple[int, tuple[Kind, ...]]]) -> dict[str, int]:
        missing = {i: G.in_degree(i) for i in m.inferences}
        level: dict[str, int] = {}
        for lvl, base in levels:
            queue = [c for c, cl in claims.items() if cl.kind in base and c not in level]
            for c in queue:
                level[c] = lvl
            for c in queue:
                for i in G.successors(c):
                    missing[i] -= 1
                    if missing[i] == 0:
                        for k in G.successors(i):
                            if k not in level:
                                level[k] = lvl
                                queue.append(k)
        return level

    level = propagate([(0, (Kind.EVIDENCE, Kind.PREMISE)), (1, (Kind.HYPOTHESIS,)), (2, (Kind.ASSUMPTION,))])
    propagate([(0, (Kind.EVIDENCE, Kind.PREMISE, Kind.ASSUMPTION))])
    return len(cyclic), len(level)


_PHASES = ("index", "components", "grounding", "suppositions", "support", "labelling", "contents")


def phases(m: ArgumentMap) -> dict[str, float]:
    """CPU time of each shared computation, then of each family's rules
    (reporting only), then of building and sorting the findings."""
    out: dict[str, float] = {}
    gc.collect()
    with paused_gc():
        a = Analysis(m, Config())
        for name in _PHASES:
            t = time.process_time()
            getattr(a, name)
            out[name] = time.process_time() - t
        found: list[tuple[Rule, Finding]] = []
        for family in FAMILIES.values():
            t = time.process_time()
            for r in all_rules():
                if r.family == family:
                    found.extend((r, f) for f in r.check(a))
            out[f"rules: {family.lower()}"] = time.process_time() - t
        t = time.process_time()
        diagnostics = [
            Diagnostic(r.code, r.name, r.severity, f.message, f.elements, f.path, None) for r, f in found
        ]
        out["findings: Diagnostic objects"] = time.process_time() - t
        t = time.process_time()
        sort_diagnostics(m, diagnostics)
        out["findings: sort"] = time.process_time() - t
        del found, diagnostics
    return out


def best_of(fn: Callable[[], Any], repeat: int) -> tuple[float, float, Any]:
    """Best wall time and best CPU time (of this process) of ``repeat`` runs,
    each with the cyclic GC paused (as ``argmap.check`` does itself), so that
    both sides are timed alike. CPU time is what the run would take on an
    idle machine; wall time also counts waiting for a core."""
    wall = cpu = float("inf")
    result = None
    for _ in range(repeat):
        result = None
        gc.collect()
        with paused_gc():
            w, c = time.perf_counter(), time.process_time()
            result = fn()
            wall = min(wall, time.perf_counter() - w)
            cpu = min(cpu, time.process_time() - c)
    return wall, cpu, result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--no-million", action="store_true", help="skip the 1,000,000-claim map")
    ap.add_argument("--no-write", action="store_true", help="print only; leave docs/performance.md alone")
    args = ap.parse_args()

    print("generating 100k map ...", flush=True)
    m = generate(100_000)
    load_before = os.getloadavg()[0]
    w_all, c_all, found = best_of(lambda: check(m), 3)
    w_ours, c_ours, r_ours = best_of(lambda: ours_structural(m), 3)
    w_nx, c_nx, r_nx = best_of(lambda: networkx_structural(m), 3)
    assert r_ours == r_nx, (r_ours, r_nx)
    by_rule: dict[str, int] = {}
    for d in found:
        by_rule[d.name] = by_rule.get(d.name, 0) + 1
    print(f"all rules, 100k: wall {w_all:.2f} s, CPU {c_all:.2f} s ({len(found)} findings)")
    print(f"structural: argmap CPU {c_ours:.3f} s, networkx CPU {c_nx:.3f} s, {c_nx / c_ours:.1f}x")

    sizes = [10_000, 100_000] + ([] if args.no_million else [1_000_000])
    scaling: list[tuple[int, float, float]] = []
    by_phase: dict[int, dict[str, float]] = {}
    for n in sizes:
        mm = m if n == 100_000 else generate(n)
        repeat = 1 if n >= 1_000_000 else 3
        _, c_n, _ = best_of(lambda mm=mm: check(mm), repeat)
        _, c_s, _ = best_of(lambda mm=mm: ours_structural(mm), repeat)
        by_phase[n] = phases(mm)
        scaling.append((n, c_n, c_s))
        print(f"n={n:>9,}: all rules CPU {c_n:.2f} s, structural CPU {c_s:.3f} s", flush=True)
        del mm
        gc.collect()
    load_after = os.getloadavg()[0]

    rows = [
        "| size | all rules | ratio to previous | structural | ratio to previous |",
        "| --- | --- | --- | --- | --- |",
    ]
    prev: tuple[int, float, float] | None = None
    for n, t_n, t_s in scaling:
        if prev is None:
            rows.append(f"| {n:,} claims, {n:,} inferences | {t_n:.2f} s | | {t_s:.3f} s | |")
        else:
            rows.append(
                f"| {n:,} claims, {n:,} inferences | {t_n:.2f} s | {t_n / prev[1]:.1f}x for {n // prev[0]}x "
                f"| {t_s:.3f} s | {t_s / prev[2]:.1f}x for {n // prev[0]}x |"
            )
        prev = (n, t_n, t_s)
    head = " | ".join(f"{n:,}" for n in sizes)
    phase_rows = [f"| part | {head} | ratio per 10x |", "| --- |" + " --- |" * (len(sizes) + 1)]
    for part in by_phase[sizes[0]]:
        cells = " | ".join(f"{by_phase[n][part]:.3f} s" for n in sizes)
        ratios = ", ".join(
            f"{by_phase[b][part] / by_phase[a][part]:.1f}x" if by_phase[a][part] > 0.0005 else "-"
            for a, b in itertools.pairwise(sizes)
        )
        phase_rows.append(f"| {part} | {cells} | {ratios} |")
    counts = ", ".join(f"{k} {v}" for k, v in sorted(by_rule.items()))
    cycles = by_rule.get("circular-support", 0)
    body = f"""## Checks

`python bench/bench_checks.py` (argmap {argmap.__version__}; {machine()};
load average {load_before:.1f} before and {load_after:.1f} after the run: the machine was
shared with other jobs, so wall times include waiting for a core; CPU times
are this process's own and are what an idle machine would take).

A generated map of 100,000 claims and {len(m.inferences):,} inferences (a random layered
support graph with {cycles} planted circles, hypotheses, assumptions, {len(m.attacks):,}
attacks, English and Japanese texts; {len(found):,} findings). Best of 3 runs:

| what | wall | CPU |
| --- | --- | --- |
| `argmap.check(map)`, all {len(argmap.checks.all_rules())} rules (target <= 2 s) | **{w_all:.2f} s** | **{c_all:.2f} s** |
| structural part, argmap: index, SCCs with a cycle each, G0/G1/G2 and without hypotheses | {w_ours:.3f} s | **{c_ours:.3f} s** |
| the same in networkx: `DiGraph`, `strongly_connected_components`, propagation by `successors` | {w_nx:.3f} s | {c_nx:.3f} s |
| networkx / argmap (target >= 3x) | {w_nx / w_ours:.1f}x | **{c_nx / c_ours:.1f}x** |

Findings on that map: {counts}.

Growth with size, CPU time (each map has as many inferences as claims; best of 3, of 1 at 1M):

{chr(10).join(rows)}

Where the time goes (CPU, one run each; the shared computations are made once
and used by several rules; "support" and "sort" are `n log n`, the rest linear):

{chr(10).join(phase_rows)}
"""
    print(body)
    if not args.no_write:
        write_section("checks", body)


if __name__ == "__main__":
    main()
