"""Large generated maps, for the tests and the benchmarks of drawing.

* :func:`random_map`: claims joined by inferences from one to three random
  claims (so with cycles and long jumps, the hardest case for a layered
  layout), attacks on claims and on inferences, English texts of about 65
  characters; the kind of map the comparison with Argdown used.
* :func:`pieces_map`: many small unconnected arguments, as annotated debate
  corpora hold them.

The same arguments always give the same map.
"""

from __future__ import annotations

import random

from argmap.model import ArgumentMap, MapBuilder

WORDS = [
    "the",
    "office",
    "russia",
    "nato",
    "threat",
    "japan",
    "treaty",
    "base",
    "island",
    "military",
    "agreement",
    "liaison",
    "expansion",
    "security",
    "region",
    "border",
    "policy",
    "cooperation",
    "alliance",
    "hokkaido",
    "minister",
    "statement",
    "report",
]
KINDS = ("evidence", "premise", "assumption", "hypothesis", "conclusion")


def _text(rnd: random.Random, i: int) -> str:
    words = [f"claim {i}:"]
    while len(" ".join(words)) < 62:
        words.append(rnd.choice(WORDS))
    return " ".join(words)


def random_map(elements: int, seed: int = 1, attacks: float = 0.05) -> ArgumentMap:
    """About ``elements`` elements: 55% claims (the first half of any kind, the
    rest conclusions), ``attacks`` of attacks (half on claims, half on
    inferences), inferences for the rest."""
    rnd = random.Random(seed)
    b = MapBuilder(f"random map of {elements} elements (seed {seed})", lang="en")
    n_claims = max(4, int(elements * 0.55))
    n_attacks = max(1, int(elements * attacks))
    n_inferences = max(1, elements - n_claims - n_attacks)
    for i in range(n_claims):
        kind = rnd.choice(KINDS) if i < n_claims // 2 else "conclusion"
        b.claim(f"c{i}", kind, _text(rnd, i))
    for j in range(n_inferences):
        conclusion = rnd.randrange(n_claims)
        others = [c for c in rnd.sample(range(n_claims), 4) if c != conclusion][: rnd.randint(1, 3)]
        b.inference(
            f"i{j}", [f"c{p}" for p in others], f"c{conclusion}", marker=rnd.choice(["so", "therefore", None])
        )
    for k in range(n_attacks):
        target = f"i{rnd.randrange(n_inferences)}" if k % 2 else f"c{rnd.randrange(n_claims)}"
        b.attack(f"x{k}", f"c{rnd.randrange(n_claims)}", target)
    return b.build()


def pieces_map(pieces: int, seed: int = 1) -> ArgumentMap:
    """``pieces`` unconnected arguments of two to five claims each."""
    rnd = random.Random(seed)
    b = MapBuilder(f"{pieces} separate arguments", lang="en")
    for p in range(pieces):
        ids = [f"p{p}c{i}" for i in range(rnd.randint(2, 5))]
        for i, cid in enumerate(ids):
            b.claim(cid, "conclusion" if i == len(ids) - 1 else "evidence", _text(rnd, i))
        b.inference(f"p{p}i", ids[:-1], ids[-1])
    return b.build()
