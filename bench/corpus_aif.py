"""AIF maps read by argmap: a corpus's figures, and the time to convert and check many maps.

    .venv/bin/python bench/corpus_aif.py CORPUS [CORPUS ...]   # figures of a folder of AIF JSON files
    .venv/bin/python bench/corpus_aif.py --generate 1000         # time 1,000 generated maps of 10-50 nodes
    .venv/bin/python bench/corpus_aif.py CORPUS --json out.json  # the figures as JSON too

CORPUS is a folder (read recursively for ``*.json``) or files, on this
machine: the script fetches nothing. AIFdb (https://corpora.aifdb.org/)
exports each corpus as a zip of ``nodeset*.json`` files; unzip one and give
its folder. The corpora carry their own licences, so none is shipped with
argmap.

For each file: read it (``argmap.formats.aif.loads``), count the warnings by
kind (the message with its ids and numbers taken out), write it back and read
that again (the round trip must give the same map), and check it
(``argmap.check``): the findings by rule, and the heuristic rules'
(weak-relevance AM107, restated-premise AM202) findings per 100 inferences.

``--generate N`` makes N AIFdb-like maps of 10 to 50 nodes (I-nodes, RA and
CA nodes, L and YA nodes with locutions), then converts and checks them in a
process pool of ``--workers`` processes (default 2), and prints the wall time.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import argmap
from argmap.errors import ArgmapError
from argmap.formats import aif
from argmap.i18n import using
from bench import _corpus
from bench._corpus import kind_of


@dataclass
class Result:
    """What one file gave."""

    name: str
    error: str | None = None
    warnings: list[str] = field(default_factory=list)
    round_trip: bool = False
    findings: list[str] = field(default_factory=list)
    claims: int = 0
    inferences: int = 0
    attacks: int = 0


def one(item: tuple[str, str]) -> Result:
    """Read, write back, read again and check one AIF text."""
    name, text = item
    result = Result(name)
    with using("en"):
        try:
            got = aif.loads(text, name=name)
        except ArgmapError as exc:
            result.error = kind_of(exc.problems[0].message)
            return result
        m = got.map
        result.warnings = [kind_of(w.message) for w in got.warnings]
        result.round_trip = aif.loads(aif.dumps(m), name=name).map == m
        result.findings = [d.code for d in argmap.check(m)]
    result.claims, result.inferences, result.attacks = len(m.claims), len(m.inferences), len(m.attacks)
    return result


def files_of(paths: Sequence[str]) -> list[Path]:
    return _corpus.files_of(paths, "*.json")


def run(items: Sequence[tuple[str, str]], workers: int) -> tuple[list[Result], float]:
    return _corpus.run(one, items, workers)


def figures(results: Sequence[Result]) -> dict[str, object]:
    shared = _corpus.figures(results)
    out: dict[str, object] = {}
    for key, value in shared.items():
        out[key] = value
        if key == "files with each warning":
            out["round trip equal"] = sum(r.round_trip for r in results if r.error is None)
    return out


# -- generated maps -----------------------------------------------------------

WORDS = [
    "rain",
    "forecast",
    "umbrella",
    "city",
    "council",
    "budget",
    "school",
    "teachers",
    "students",
    "tax",
    "roads",
    "trains",
    "energy",
    "wind",
    "solar",
    "price",
    "market",
    "jobs",
    "health",
    "doctors",
    "hospital",
    "water",
    "river",
    "farm",
    "food",
    "prices",
    "wages",
]


def sentence(rng: random.Random) -> str:
    words = rng.sample(WORDS, rng.randint(4, 9))
    return " ".join(words).capitalize() + "."


def generated(rng: random.Random, index: int) -> tuple[str, str]:
    """An AIFdb-like map of 10 to 50 nodes: claims, supports, conflicts and their locutions."""
    target = rng.randint(11, 50)  # each step adds two nodes: 10 to 50 in all
    nodes: list[dict[str, str]] = []
    edges: list[dict[str, str]] = []
    locutions: list[dict[str, str]] = []
    serial = 1000 * index

    def node(kind: str, text: str) -> str:
        nonlocal serial
        serial += 1
        nodes.append({"nodeID": str(serial), "text": text, "type": kind, "timestamp": "2019-03-01 18:00:00"})
        return str(serial)

    def edge(a: str, b: str) -> None:
        edges.append({"edgeID": str(len(edges) + 1), "fromID": a, "toID": b})

    claims = [node("I", sentence(rng))]
    while len(nodes) + 2 <= target:
        roll = rng.random()
        if roll < 0.6:
            premise = node("I", sentence(rng))
            scheme = rng.choice(["Default Inference", "Argument From Expert Opinion", "Practical Reasoning"])
            ra = node("RA", scheme)
            edge(premise, ra)
            edge(ra, rng.choice(claims))
            claims.append(premise)
        elif roll < 0.8:
            attacker = node("I", sentence(rng))
            ca = node("CA", "Default Conflict")
            edge(attacker, ca)
            edge(ca, rng.choice(claims))
            claims.append(attacker)
        else:
            anchored = rng.choice(claims)
            lnode = node("L", "Speaker : " + sentence(rng))
            ya = node("YA", "Asserting")
            edge(lnode, ya)
            edge(ya, anchored)
            locutions.append(
                {"nodeID": lnode, "personID": str(rng.randint(1, 3)), "timestamp": "2019-03-01 18:00:00"}
            )
    participants = [{"participantID": str(i), "firstname": f"Speaker{i}", "surname": ""} for i in (1, 2, 3)]
    text = json.dumps({"nodes": nodes, "edges": edges, "locutions": locutions, "participants": participants})
    return f"generated-{index}.json", text


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("paths", nargs="*", help="folders or files of AIF JSON")
    parser.add_argument("--generate", type=int, default=0, help="time this many generated maps")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seed", type=int, default=17)
    parser.add_argument("--json", help="write the figures to this file too")
    args = parser.parse_args(argv)
    if not args.paths and not args.generate:
        parser.error("give a corpus folder or --generate N")
    out: dict[str, object] = {}
    if args.paths:
        paths = files_of(args.paths)
        results, seconds = run(_corpus.read_texts(paths), args.workers)
        out["corpus"] = {**figures(results), "seconds": round(seconds, 2)}
    if args.generate:
        rng = random.Random(args.seed)
        items = [generated(rng, i) for i in range(args.generate)]
        nodes = [len(json.loads(t)["nodes"]) for _n, t in items]
        results, seconds = run(items, args.workers)
        out["generated"] = {
            "maps": len(items),
            "nodes": f"{min(nodes)}-{max(nodes)}, {sum(nodes) / len(nodes):.1f} on average",
            "workers": args.workers,
            "seconds (convert, round trip, check)": round(seconds, 2),
            "read": sum(r.error is None for r in results),
            "round trip equal": sum(r.round_trip for r in results),
        }
    _corpus.emit(out, args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
