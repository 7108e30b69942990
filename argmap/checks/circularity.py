"""Circularity (AM2xx): claims that support themselves."""

from __future__ import annotations

from collections.abc import Iterator

from argmap.checks import graph
from argmap.checks.cues import signature
from argmap.checks.diagnostic import Severity
from argmap.checks.engine import Analysis
from argmap.checks.registry import Finding, Threshold, rule
from argmap.checks.text import token_similarity
from argmap.i18n import N_, _, ngettext


def _show_path(path: list[str]) -> str:
    if len(path) <= 17:
        return " -> ".join(path)
    shown = " -> ".join(path[:8]) + " -> … -> " + " -> ".join(path[-5:])
    steps = len(path) // 2
    return ngettext("{path} ({steps} step)", "{path} ({steps} steps)", steps).format(path=shown, steps=steps)


@rule(
    "AM201",
    "circular-support",
    "循環論法",
    Severity.ERROR,
    N_("Claims that support each other in a circle."),
    N_(
        """
**What it finds.** A group of claims that support each other in a circle:
following the reasons of any one of them leads, step by step, back to
itself. An inference whose conclusion is also one of its own premises is the
smallest such circle. Each group is reported once, at its first claim, with
one circle written out as the `path` (for example `C1 -> I2 -> C2 -> I3 ->
C1`); its `elements` list every claim of the group, then its inferences.

**Example.** "The Bible is true because it is the word of God (C1); we know
it is the word of God because the Bible says so (C2)." C1 supports C2 and C2
supports C1.

**Why it weakens the argument.** Circular reasoning assumes what it sets out
to prove. However many steps the circle has, it adds no support from
outside: if every claim in it were false, the circle would still "support"
each of them. Long circles are easy to miss in prose, because each step
taken alone is plausible.

**How to repair it.** Find which step in the circle is doing the real work
and look for independent support for it: evidence or a premise from outside
the circle. Then remove the inference that closes the loop. If the circle
is an artefact of the annotation (the same idea entered twice as two
claims), merge the claims.
"""
    ),
)
def circular_support(a: Analysis) -> Iterator[Finding]:
    ix = a.index
    comp = a.components
    cids = ix.claim_ids
    iids = ix.inference_ids
    for members in graph.cyclic_components(ix, comp):
        start = members[0]
        steps = graph.cycle_through(ix, comp, start)
        path = [cids[start]]
        for i, c in steps:
            path += [iids[i], cids[c]]
        infs = graph.component_inferences(ix, comp, members)
        elements = (*(cids[c] for c in members), *(iids[i] for i in infs))
        if len(members) * 2 > len(path) - 1 or len(infs) * 2 > len(path) - 1:
            message = _(
                "{claim} supports itself in a circle: {path} "
                "(the circle is part of a knot of {claims} claims and {inferences} inferences)"
            )
        else:
            message = _("{claim} supports itself in a circle: {path}")
        yield Finding(
            elements,
            message.format(
                claim=a.q(cids[start]), path=_show_path(path), claims=len(members), inferences=len(infs)
            ),
            tuple(path),
        )


@rule(
    "AM202",
    "restated-premise",
    "前提の言い換え",
    Severity.INFO,
    N_("A conclusion that says the same as one of its own premises, in the same words (heuristic)."),
    N_(
        """
**What it finds.** A conclusion that has the same content words as one of
the premises of an inference concluding it — every content word of each is
in the other, in any order or voice — and keeps its negation, its
conditions ("if"), its attribution ("says"), its hedges ("may") and its
numbers and words of quantity, time and modality ("all", "should",
"once"). The similarity of content words must reach the threshold (default
1.00: all of them). This is begging the question in its plainest form.

**How far to trust it.** It is a heuristic that compares words. It finds
restatement in the same words; a restatement in other words (synonyms, a
paraphrase) is not found, so it misses most restatements, and two claims
with the same words in other roles ("Germany beat France", "France beat
Germany") can be reported. That is why it is information only. The
measured figures are in docs/checks.md.

**Example.** P1 "Smoking causes lung cancer" supports C1 "Lung cancer is
caused by smoking". The conclusion only repeats the premise.

**Why it weakens the argument.** An argument is supposed to take the reader
from something they accept to something they did not yet accept. If the
conclusion is the premise again, nothing is gained: whoever doubts the
conclusion doubts the premise too.

**How to repair it.** Ask what the author really wants to establish and
what real reasons they give for it; map those as the premises. If the two
claims are one claim entered twice, merge them. If they differ in a way
that matters, reword them so the difference shows, or accept the finding
with `ignore:`.
"""
    ),
    heuristic=True,
    threshold=Threshold(
        1.00, N_("report conclusions whose content words are at least this similar to one of their premises")
    ),
)
def restated_premise(a: Analysis) -> Iterator[Finding]:
    ix = a.index
    limit = a.threshold("restated-premise")
    cids = ix.claim_ids
    claims = a.map.claims
    contents = a.contents
    for i, prem in enumerate(ix.premises):
        c = ix.conclusion[i]
        if ix.kind[c] != graph.CONCLUSION or claims[cids[c]].blank:  # a blank has no wording yet
            continue
        mine = contents[c]
        for p in prem:
            # a premise that is the conclusion itself is circular-support, not this
            if p == c or claims[cids[p]].blank:
                continue
            theirs = contents[p]
            # Dice >= limit needs 2 min(|A|, |B|) >= limit (|A| + |B|): most pairs stop here
            small, large = sorted((len(mine), len(theirs)))
            if not small or 2 * small < limit * (small + large):
                continue
            text, other = claims[cids[c]].text, claims[cids[p]].text
            if token_similarity(mine, theirs) >= limit and signature(text) == signature(other):
                cid, pid, iid = cids[c], cids[p], ix.inference_ids[i]
                yield Finding(
                    (cid, pid, iid),
                    _(
                        "{claim} restates its own premise {premise} in {inference} (the same content words)"
                    ).format(claim=a.q(cid, 30), premise=a.q(pid, 30), inference=iid),
                )
