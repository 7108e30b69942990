"""Loading a map in one thread never weakens the checks of maps built in another.

The loader trusts what it has checked itself; that trust must belong to the
loader's own calls, never to a switch that other threads see.
"""

from __future__ import annotations

import json
import threading
import time

import pytest

import argmap
from argmap import ArgmapError, MapBuilder

CLAIMS = 50_000


def big_map_text(fmt: str) -> str:
    """A valid map of ``CLAIMS`` claims and one inference, as YAML or JSON."""
    claims = {f"C{i}": {"kind": "premise", "text": f"claim number {i}"} for i in range(CLAIMS)}
    tree = {
        "argmap": 1,
        "title": "large",
        "claims": claims,
        "inferences": {"I1": {"from": ["C1", "C2"], "to": "C3"}},
    }
    if fmt == "json":
        # A YAML-style "true" sends the text down the careful path, which
        # checks every field itself; a clean text takes the quick path.
        claims["C0"]["conditional"] = "true"
        return json.dumps(tree)
    lines = ["argmap: 1", "title: large", "claims:"]
    lines += [f"  {k}: {{kind: {v['kind']}, text: {v['text']}}}" for k, v in claims.items()]
    lines += ["inferences:", "  I1: {from: [C1, C2], to: C3}"]
    return "\n".join(lines) + "\n"


def broken_builder() -> MapBuilder:
    """A builder whose inference names a premise that does not exist."""
    b = MapBuilder("broken")
    b.conclusion("C1", "c")
    b.inference("I1", ["P-missing"], "C1")
    return b


@pytest.mark.parametrize("fmt", ["yaml", "json"])
def test_build_refuses_a_broken_map_while_another_thread_loads(fmt: str) -> None:
    text = big_map_text(fmt)
    loads_wanted = 2 if fmt == "yaml" else 4
    loaded: list[int] = []
    errors: list[BaseException] = []
    stop = threading.Event()

    def load_in_a_loop() -> None:
        try:
            for _ in range(loads_wanted):
                loaded.append(len(argmap.loads(text, fmt).claims))  # type: ignore[arg-type]
        except BaseException as exc:  # reported by the main thread
            errors.append(exc)
        finally:
            stop.set()

    builder = broken_builder()
    accepted = refused = 0
    messages: set[str] = set()
    loader = threading.Thread(target=load_in_a_loop)
    deadline = time.monotonic() + 120
    loader.start()
    try:
        while not stop.is_set() and time.monotonic() < deadline:
            try:
                builder.build()
            except ArgmapError as exc:
                messages.add(str(exc))
                refused += 1
            else:
                accepted += 1
    finally:
        loader.join()
    assert not errors, errors
    assert loaded == [CLAIMS] * loads_wanted
    assert refused > 100  # the two threads really did run side by side
    assert len(messages) == 1
    assert "'P-missing' is not a claim" in messages.pop()
    assert accepted == 0, f"{accepted} broken maps were built while a map was loading"
