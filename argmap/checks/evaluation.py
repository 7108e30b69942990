"""How well the heuristic rules agree with a careful reader: precision,
recall and F1 of ``weak-relevance``, ``restated-premise`` and
``paraphrase-drift`` on labelled sets.

A labelled set is a YAML file of items (see docs/checks.md, "How well the
heuristic rules do"); each item becomes a small map, the rule runs on it
through :func:`argmap.checks.check`, and what it reports is compared with
the labels. A *positive* is what the rule should report: an irrelevant
premise, a conclusion that restates its premise, evidence that drifts from
its quote.

>>> s = Score("weak-relevance", "en", tp=6, fp=1, fn=4, tn=20)
>>> round(s.precision, 2), round(s.recall, 2), round(s.f1, 2)
(0.86, 0.6, 0.71)
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import attrs
import yaml

from argmap.checks.engine import check
from argmap.model import ArgumentMap, MapBuilder, Source

__all__ = ["RULES", "Score", "build", "half", "load_items", "score", "score_file"]

#: The heuristic rules that have labelled sets, and the label each item carries.
RULES = {"weak-relevance": "relevant", "restated-premise": "restates", "paraphrase-drift": "drifts"}


@attrs.frozen
class Score:
    """The agreement of one rule with the labels of one set."""

    rule: str
    lang: str
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    @property
    def precision(self) -> float:
        """Of what the rule reports, the share a careful reader agrees with (1.0 when it reports nothing)."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        """Of what a careful reader would report, the share the rule reports."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def labelled(self) -> int:
        """How many labels were compared."""
        return self.tp + self.fp + self.fn + self.tn

    def __add__(self, other: Score) -> Score:
        return Score(
            self.rule,
            self.lang,
            self.tp + other.tp,
            self.fp + other.fp,
            self.fn + other.fn,
            self.tn + other.tn,
        )


def load_items(path: str | Path) -> list[dict[str, Any]]:
    """The items of a labelled set."""
    data = yaml.load(Path(path).read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    items: list[dict[str, Any]] = data["items"]
    return items


def half(item_id: str) -> str:
    """``"dev"`` or ``"held-out"``: a fixed split of the items by their id, so
    that a rule can be tuned on one half and measured on the other."""
    return "dev" if hashlib.sha256(item_id.encode()).digest()[0] % 2 == 0 else "held-out"


def build(rule: str, item: Mapping[str, Any], lang: str) -> tuple[ArgumentMap, dict[str, bool]]:
    """The map of one item, and for each element the rule may report,
    whether a careful reader would report it (its id -> positive)."""
    b = MapBuilder(str(item.get("topic") or item["id"]), lang=lang)
    want: dict[str, bool] = {}
    if rule == "weak-relevance":
        b.conclusion("C", item["conclusion"])
        ids = []
        for n, p in enumerate(item["premises"], 1):
            b.premise(f"P{n}", p["text"])
            ids.append(f"P{n}")
            want[f"P{n}"] = not p["relevant"]
        for n, text in enumerate(item.get("assumptions") or (), 1):
            b.assumption(f"A{n}", text)
            ids.append(f"A{n}")
        b.inference("I", ids, "C")
    elif rule == "restated-premise":
        b.premise("P", item["premise"])
        b.conclusion("C", item["conclusion"])
        b.inference("I", ["P"], "C")
        want["C"] = bool(item["restates"])
    elif rule == "paraphrase-drift":
        b.evidence("E", item["text"], source=Source(quote=item["quote"], title=str(item.get("topic") or "")))
        want["E"] = bool(item["drifts"])
    else:
        raise ValueError(f"no labelled set for rule {rule!r}; the rules are {', '.join(RULES)}")
    return b.build(), want


def _reported(rule: str, amap: ArgumentMap) -> set[str]:
    found = check(amap, select=[rule], lang="en")
    if rule == "weak-relevance":  # the premises a finding names
        return {e for d in found for e in d.elements if e.startswith("P")}
    return {d.elements[0] for d in found}


def score(rule: str, items: Iterable[Mapping[str, Any]], lang: str) -> dict[str, Score]:
    """The rule's score on ``items``: for all of them, and for each half (see :func:`half`)."""
    out = {name: Score(rule, lang) for name in ("all", "dev", "held-out")}
    for item in items:
        amap, want = build(rule, item, lang)
        got = _reported(rule, amap)
        s = Score(
            rule,
            lang,
            tp=sum(1 for k, v in want.items() if v and k in got),
            fp=sum(1 for k, v in want.items() if not v and k in got),
            fn=sum(1 for k, v in want.items() if v and k not in got),
            tn=sum(1 for k, v in want.items() if not v and k not in got),
        )
        out["all"] += s
        out[half(str(item["id"]))] += s
    return out


def score_file(path: str | Path) -> dict[str, Score]:
    """The score of the rule a labelled set is for (its file name:
    ``<rule>.<lang>.yaml``)."""
    rule, lang = Path(path).name.split(".")[:2]
    return score(rule, load_items(path), lang)
