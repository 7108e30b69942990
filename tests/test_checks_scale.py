"""Long chains and long circles: no recursion limit, no quadratic blow-up.

Not a timed benchmark (see bench/bench_checks.py); the time limit here is
generous and only catches a quadratic algorithm, which would take minutes.
"""

from __future__ import annotations

import time

from argmap.checks import Status, check, labelling
from argmap.model import MapBuilder

N = 100_000


def chain(n: int, *, close: bool) -> MapBuilder:
    b = MapBuilder("chain")
    b.evidence("E0", "step 0")
    for k in range(1, n + 1):
        b.conclusion(f"C{k}", f"step {k}")
    for k in range(1, n + 1):
        b.inference(f"I{k}", ["E0" if k == 1 else f"C{k - 1}"], f"C{k}", strength=None)
    if close:
        b.inference("Iback", [f"C{n}"], "C1")
    return b


def test_a_100000_step_chain_is_grounded_and_labelled_without_recursion() -> None:
    m = chain(N, close=False).build()
    start = time.perf_counter()
    found = check(m, select=["AM1", "AM2", "AM4"])
    elapsed = time.perf_counter() - start
    assert [d.name for d in found] == []  # E0 grounds every step; the texts share "step"
    assert labelling(m)[f"C{N}"] is Status.ACCEPTED
    assert elapsed < 30


def test_a_100000_step_circle_is_reported_once_with_the_whole_cycle() -> None:
    b = chain(N, close=True)
    b.remove("I1")
    b.inference("I1", [f"C{N}"], "C1")
    m = b.build()
    [d] = check(m, select=["circular-support"])
    assert len(d.path) == 2 * N + 1
    assert d.path[0] == d.path[-1] == "C1"
    assert "(100000 steps)" in d.message
    ungrounded = check(m, select=["ungrounded-conclusion"])
    assert len(ungrounded) == N
    assert ungrounded[-1].message.endswith(
        "its support stops at C1 (a circle of claims supporting each other)"
    )
