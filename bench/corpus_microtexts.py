"""The argumentative microtexts read by argmap: a corpus's figures.

    .venv/bin/python bench/corpus_microtexts.py CORPUS [CORPUS ...]          # figures of each folder
    .venv/bin/python bench/corpus_microtexts.py CORPUS --lang de              # the maps' language
    .venv/bin/python bench/corpus_microtexts.py CORPUS --json out.json        # the figures as JSON too

CORPUS is a folder of arggraph XML files (read recursively for ``*.xml``) or
files, on this machine: the script fetches nothing. The microtexts are on
GitHub (``peldszus/arg-microtexts``: ``corpus/en`` and ``corpus/de``, 112
texts each; ``discourse-lab/arg-microtexts-part2``: ``corpus``, 171 English
texts), under CC BY-NC-SA 4.0, so none is shipped with argmap.

For each file: read it (``argmap.formats.microtexts.loads``) and count its
warnings by kind (the message with its ids and numbers taken out); then three
round trips, each of which must give the same map: microtexts -> argmap ->
microtexts -> argmap, argmap -> AIF -> argmap and argmap -> Argdown -> argmap
(when one does not, what differs is named: attacks on attacks, claim kinds,
the document...); then the checks (``argmap.check``): the findings by rule,
the heuristic rules' findings (weak-relevance AM107, restated-premise AM202)
per 100 inferences, which are noise here, as the annotators marked every one
of these steps as a support; and how many maps get a defeated-conclusion
finding with their counter-attacks (attacks on attacks) kept, and how many
would get one if they were dropped, as a tool that has no counter-attacks must.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import argmap
from argmap import ArgumentMap
from argmap.checks.registry import find_rule
from argmap.errors import ArgmapError
from argmap.formats import aif, argdown, microtexts
from argmap.i18n import using
from bench import _corpus
from bench._corpus import kind_of

#: The rule that reports a conclusion an unanswered attack defeats.
DEFEATED = find_rule("defeated-conclusion").code
#: The round trips, each a function from a map to the map read back.
ROUND_TRIPS = {
    "microtexts": lambda m: microtexts.loads(microtexts.dumps(m)).map,
    "AIF": lambda m: aif.loads(aif.dumps(m)).map,
    "Argdown": lambda m: argdown.loads(argdown.dumps(m)).map,
}


@dataclass
class Result:
    """What one file gave."""

    name: str
    error: str | None = None
    warnings: list[str] = field(default_factory=list)
    round_trips: dict[str, list[str]] = field(default_factory=dict)  # format -> what differs
    findings: list[str] = field(default_factory=list)
    defeated_without_counter_attacks: bool = False
    claims: int = 0
    inferences: int = 0
    attacks: int = 0
    counter_attacks: int = 0


def breaks(before: ArgumentMap, after: ArgumentMap) -> list[str]:
    """What a round trip changed, named by construct (empty: the same map)."""
    out = [
        what
        for what, a, b in (
            ("title", before.title, after.title),
            ("language", before.lang, after.lang),
            ("date", before.date, after.date),
            ("document", before.document, after.document),
            ("accepted findings (ignore)", dict(before.ignore), dict(after.ignore)),
            ("claim ids", set(before.claims), set(after.claims)),
            ("inference ids", set(before.inferences), set(after.inferences)),
            ("attack ids", set(before.attacks), set(after.attacks)),
        )
        if a != b
    ]
    both = [(c, after.claims[c.id]) for c in before.claims.values() if c.id in after.claims]
    for what, fields in (
        ("claim texts", ("text",)),
        ("claim kinds", ("kind",)),
        ("claim tags", ("tags",)),
        ("claim notes, sources, blanks", ("note", "source", "blank", "prompt", "conditional")),
    ):
        if any(getattr(x, f) != getattr(y, f) for x, y in both for f in fields):
            out.append(what)
    steps = [(i, after.inferences[i.id]) for i in before.inferences.values() if i.id in after.inferences]
    for what, fields in (
        ("inference premises and conclusions", ("premises", "conclusion")),
        ("inference schemes", ("scheme",)),
        ("inference markers, strengths, notes, tags", ("marker", "strength", "note", "tags")),
    ):
        if any(getattr(x, f) != getattr(y, f) for x, y in steps for f in fields):
            out.append(what)
    for what, on in (("attacks on claims", "claims"), ("attacks on inferences", "inferences")):
        if _ends(before, on) != _ends(after, on):
            out.append(what)
    if _ends(before, "attacks") != _ends(after, "attacks"):
        out.append("attacks on attacks")
    both_attacks = [(a, after.attacks[a.id]) for a in before.attacks.values() if a.id in after.attacks]
    if any((x.note, x.tags) != (y.note, y.tags) for x, y in both_attacks):
        out.append("attack notes, tags")
    return out


def _ends(m: ArgumentMap, on: str) -> Counter[tuple[object, ...]]:
    """The attacks on ``on`` (claims, inferences or attacks) by what they join, not by their ids."""
    table = getattr(m, on)
    found: Counter[tuple[object, ...]] = Counter()
    for att in m.attacks.values():
        if att.target in table:
            target: object = att.target
            if on == "attacks":
                answered = m.attacks[att.target]
                target = (answered.source, answered.target)
            found[(att.source, target)] += 1
    return found


def without_counter_attacks(m: ArgumentMap) -> ArgumentMap:
    """``m`` without its attacks on attacks (as a tool that has none must read it)."""
    b = m.edit()
    for att in m.attacks.values():
        if att.target in m.attacks:
            b.remove(att.id)
    return b.build()


def one(item: tuple[str, str, str | None]) -> Result:
    """Read one arggraph, make its round trips and check it."""
    name, text, lang = item
    result = Result(name)
    with using("en"):
        try:
            got = microtexts.loads(text, name=name, lang=lang)
        except ArgmapError as exc:
            result.error = kind_of(exc.problems[0].message)
            return result
        m = got.map
        result.warnings = [kind_of(w.message) for w in got.warnings]
        for fmt, trip in ROUND_TRIPS.items():
            result.round_trips[fmt] = breaks(m, trip(m))
        result.findings = [d.code for d in argmap.check(m)]
        result.defeated_without_counter_attacks = any(
            d.code == DEFEATED for d in argmap.check(without_counter_attacks(m))
        )
    result.claims, result.inferences, result.attacks = len(m.claims), len(m.inferences), len(m.attacks)
    result.counter_attacks = sum(a.target in m.attacks for a in m.attacks.values())
    return result


def figures(results: Sequence[Result]) -> dict[str, object]:
    read = [r for r in results if r.error is None]
    out = _corpus.figures(results)
    out["attacks on attacks"] = sum(r.counter_attacks for r in read)
    out["maps with attacks on attacks"] = sum(r.counter_attacks > 0 for r in read)
    out["round trip equal"] = {fmt: sum(not r.round_trips[fmt] for r in read) for fmt in ROUND_TRIPS}
    out["round trip breaks"] = {
        fmt: dict(Counter(what for r in read for what in r.round_trips[fmt]).most_common())
        for fmt in ROUND_TRIPS
    }
    out[f"maps with defeated-conclusion ({DEFEATED})"] = {
        "counter-attacks kept": sum(DEFEATED in r.findings for r in read),
        "counter-attacks dropped": sum(r.defeated_without_counter_attacks for r in read),
    }
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("paths", nargs="+", help="folders or files of arggraph XML, each a corpus of its own")
    parser.add_argument("--lang", help="the maps' language (a BCP-47 tag such as en or de)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--json", help="write the figures to this file too")
    args = parser.parse_args(argv)
    out: dict[str, object] = {}
    for path in args.paths:
        items = [
            (name, text, args.lang) for name, text in _corpus.read_texts(_corpus.files_of([path], "*.xml"))
        ]
        results, seconds = _corpus.run(one, items, args.workers)
        out[path] = {**figures(results), "seconds": round(seconds, 2)}
    _corpus.emit(out, args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
