"""Dialectic (AM4xx): what the attacks do to the conclusions.

The status of each claim and inference comes from the grounded labelling of
:func:`labelling` (see docs/checks.md for its rules). Without attacks the
labelling accepts exactly the claims of G2 (base claims, and conclusions
grounded from them), so "would be accepted if the map had no attacks" is
"is in G2".

>>> from argmap.model import MapBuilder
>>> b = MapBuilder("t")
>>> b.evidence("E1", "a"); b.evidence("E2", "b"); b.conclusion("C1", "c")
>>> b.inference("I1", ["E1"], "C1"); b.attack("X1", "E2", "I1")
>>> st = labelling(b.build())
>>> st["E2"].value, st["I1"].value, st["C1"].value
('accepted', 'defeated', 'defeated')
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from argmap.checks import graph
from argmap.checks.diagnostic import Severity
from argmap.checks.engine import Analysis
from argmap.checks.graph import Status
from argmap.checks.registry import Finding, rule
from argmap.i18n import N_, _
from argmap.model import ArgumentMap
from argmap.support import type_name

__all__ = ["Status", "labelling"]

_STATUS = {
    graph.UNDECIDED: Status.UNDECIDED,
    graph.ACCEPTED: Status.ACCEPTED,
    graph.DEFEATED: Status.DEFEATED,
}


def labelling(amap: ArgumentMap) -> Mapping[str, Status]:
    """The status of every claim and inference of ``amap``, claims first, in file order."""
    if not isinstance(amap, ArgumentMap):
        raise TypeError(f"labelling() takes an ArgumentMap, not {type_name(amap)}")
    ix = graph.Index(amap)
    lab = graph.label(ix)
    n = ix.n_claims + ix.n_inferences
    return {ix.node_id(x): _STATUS[lab.status[x]] for x in range(n)}


def _attack_phrase(a: Analysis, att: int) -> str:
    ix = a.index
    target = ix.attack_target[att]
    if target >= ix.n_claims + ix.n_inferences:  # a counter-attack: say what it answers
        return _("attack {attack} (by {source} on attack {target})").format(
            attack=ix.attack_ids[att],
            source=ix.claim_ids[ix.attack_source[att]],
            target=ix.node_id(target),
        )
    return _("attack {attack} (by {source} on {target})").format(
        attack=ix.attack_ids[att],
        source=ix.claim_ids[ix.attack_source[att]],
        target=ix.node_id(target),
    )


@rule(
    "AM401",
    "defeated-conclusion",
    "反論に答えていない結論",
    Severity.WARNING,
    N_("A conclusion the argument does not establish, because an attack on it goes unanswered."),
    N_(
        """
**What it finds.** A conclusion whose support would stand if the map had
no attacks, but that the argument, as mapped, does not establish: an attack
that nothing in the map answers stands against it — directly (an objection
to the conclusion), against one of the steps leading to it, or against a
claim it rests on. This does not say the conclusion is false; it says the
argument has left an objection unanswered. The finding names the attack;
its `path` runs from the attack to the conclusion.

**Example.** E1 "The forecast says rain" supports C1 "It will rain today"
(inference I1). E2 "The forecast was issued last week" attacks I1. Nothing
answers E2, so the step I1 falls, and with it the argument for C1 — though
it may still rain.

**Why it matters.** The map records an objection that the argument does not
answer. Either the author has overlooked it, or the map's reader has found
a flaw: in both cases the conclusion is not established by the argument as
it stands.

**How to repair it.** Answer the attack: add a claim that attacks the
attacking claim (with evidence), or give the conclusion other support the
attack does not reach. If the attack is weak, say why in the map, as an
attack on it. If the conclusion really falls, revise or drop it.
"""
    ),
)
def defeated_conclusion(a: Analysis) -> Iterator[Finding]:
    ix = a.index
    lab = a.labelling
    level = a.grounding.level
    for c in range(ix.n_claims):
        if ix.kind[c] != graph.CONCLUSION or lab.status[c] != graph.DEFEATED or level[c] == graph.INF:
            continue
        att = lab.cause[c]
        chain = [c]
        x = c
        while lab.via[x] >= 0 and len(chain) < 64:
            x = lab.via[x]
            chain.append(x)
        cid = ix.claim_ids[c]
        aid = ix.attack_ids[att]
        path = (aid, *(ix.node_id(n) for n in reversed(chain)))
        source = ix.claim_ids[ix.attack_source[att]]
        answers = ix.attacks_on.get(ix.n_claims + ix.n_inferences + att)
        if answers:  # counter-attacked, but every counter-attack falls
            if lab.via[c] >= 0:
                message = _(
                    "{claim} is not established by the argument as mapped: its support through {via} "
                    "falls to {attack}, which stands because {counter} does not hold; "
                    "without the attacks it would be accepted"
                )
            else:
                message = _(
                    "{claim} is not established by the argument as mapped: {attack} stands against it, "
                    "because {counter} does not hold; without the attacks it would be accepted"
                )
        elif lab.via[c] >= 0:
            message = _(
                "{claim} is not established by the argument as mapped: its support through {via} "
                "falls to {attack}, which nothing in the map answers; without the attacks it would be accepted"
            )
        else:
            message = _(
                "{claim} is not established by the argument as mapped: {attack}, which nothing in "
                "the map answers, stands against it; without the attacks it would be accepted"
            )
        via = ix.node_id(lab.via[c]) if lab.via[c] >= 0 else ""
        counter = _attack_phrase(a, answers[0]) if answers else ""
        yield Finding(
            (cid, aid, source),
            message.format(claim=a.q(cid), attack=_attack_phrase(a, att), via=via, counter=counter),
            path,
        )


def _undecided_reason(a: Analysis, start: int, memo: dict[int, int]) -> int:
    """An undecided attack that keeps ``start`` undecided, or -1; memoised, iterative."""
    ix = a.index
    lab = a.labelling
    status = lab.status
    nc = ix.n_claims
    base = nc + ix.n_inferences
    just = a.grounding.justification
    trail: list[int] = []
    on_trail: set[int] = set()
    x = start
    result = -1
    while True:
        if x in memo:
            result = memo[x]
            break
        if x in on_trail:
            break
        trail.append(x)
        on_trail.add(x)
        hit = next((t for t in ix.attacks_on.get(x, ()) if status[base + t] == graph.UNDECIDED), -1)
        if hit >= 0:
            result = hit
            break
        nxt = -1
        if x >= nc:
            nxt = next((p for p in ix.premises[x - nc] if status[p] == graph.UNDECIDED), -1)
        elif ix.kind[x] == graph.CONCLUSION:
            j = just[x]
            if j >= 0 and status[nc + j] == graph.UNDECIDED:
                nxt = nc + j
            else:
                nxt = next((nc + i for i in ix.concluding[x] if status[nc + i] == graph.UNDECIDED), -1)
        if nxt < 0:
            break
        x = nxt
    for y in trail:
        memo[y] = result
    return result


@rule(
    "AM402",
    "contested-conclusion",
    "決着のつかない結論",
    Severity.INFO,
    N_("A conclusion whose fate the attacks leave undecided."),
    N_(
        """
**What it finds.** A conclusion whose support would stand if the map had
no attacks, but whose fate the attacks leave open. This happens when
objections cancel out without a winner: typically two claims attack each
other, or attacks run in a circle, and the map gives no reason to prefer
one side. The finding names an attack, itself unsettled, that holds the
conclusion in suspense. (Conclusions that stay open even without attacks,
because their support is circular or reaches no ground, are left to the
leap and circularity rules.)

**Example.** E1 "Unemployment fell" supports C1 "The policy worked". E2 "The
fall was seasonal" attacks I1, and E3 "Seasonally adjusted figures fell
too" attacks E2 while E2 attacks E3. Neither E2 nor E3 prevails, so C1 is
undecided.

**Why it matters.** The dispute is real and unresolved: the argument as
mapped does not settle it. A reader should see that the conclusion depends
on how the dispute is decided.

**How to repair it.** Add what decides the dispute: evidence that defeats
one side (an attack on it that nothing answers), or drop the weaker of two
mutually attacking claims if it does not survive scrutiny.
"""
    ),
)
def contested_conclusion(a: Analysis) -> Iterator[Finding]:
    ix = a.index
    lab = a.labelling
    level = a.grounding.level
    base = ix.n_claims + ix.n_inferences
    memo: dict[int, int] = {}
    for c in range(ix.n_claims):
        if ix.kind[c] != graph.CONCLUSION or lab.status[c] != graph.UNDECIDED or level[c] == graph.INF:
            continue
        cid = ix.claim_ids[c]
        att = _undecided_reason(a, c, memo)
        if att < 0:
            yield Finding(
                (cid,),
                _(
                    "{claim} is left undecided by the attacks on its support; "
                    "without the attacks it would be accepted"
                ).format(claim=a.q(cid)),
            )
            continue
        aid = ix.attack_ids[att]
        elements = (cid, aid, ix.claim_ids[ix.attack_source[att]])
        if lab.status[ix.attack_source[att]] == graph.ACCEPTED:  # a counter-attack holds it open
            node = ix.n_claims + ix.n_inferences + att
            counter = next(t for t in ix.attacks_on[node] if lab.status[base + t] == graph.UNDECIDED)
            yield Finding(
                elements,
                _(
                    "{claim} is left undecided by {attack}, which {counter}, itself undecided, "
                    "holds in suspense; without the attacks it would be accepted"
                ).format(claim=a.q(cid), attack=_attack_phrase(a, att), counter=_attack_phrase(a, counter)),
            )
            continue
        yield Finding(
            elements,
            _(
                "{claim} is left undecided by {attack}, itself undecided; "
                "without the attacks it would be accepted"
            ).format(claim=a.q(cid), attack=_attack_phrase(a, att)),
        )
