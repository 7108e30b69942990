"""Leaps (AM1xx): conclusions that the map does not carry from its grounds."""

from __future__ import annotations

from collections.abc import Iterator

from argmap.checks import graph
from argmap.checks.diagnostic import Severity
from argmap.checks.engine import Analysis
from argmap.checks.registry import Finding, Threshold, rule
from argmap.checks.text import token_similarity
from argmap.checks.wording import figure, listing
from argmap.i18n import N_, _, ngettext

CONCLUSION = graph.CONCLUSION


@rule(
    "AM101",
    "unsupported-conclusion",
    "根拠のない結論",
    Severity.ERROR,
    N_("A claim marked as a conclusion that no inference concludes."),
    N_(
        """
**What it finds.** A claim of kind `conclusion` that is the conclusion of no
inference in the map. The text presents it as something inferred, but the
map shows nothing it is inferred from.

**Example.** A text says "Prices will therefore keep rising." The map has the
claim `C1: {kind: conclusion, text: Prices will keep rising}` and no
inference with `to: C1`.

**Why it weakens the argument.** A conclusion is only as good as the step
that leads to it. With no step, the word "therefore" does the work that
reasons should do: the claim is an assertion dressed as a result. A reader
cannot examine, accept or reject reasoning that is not there.

**How to repair it.** If the text does give reasons, add them as claims and
join them with an inference `{from: [...], to: C1}`. If it gives none, the
claim is really a premise the author asserts: change its kind to `premise`
(and, as a critic, note that it is unsupported). If the author leaves a
step unsaid, add the missing premise as an `assumption`.
"""
    ),
)
def unsupported_conclusion(a: Analysis) -> Iterator[Finding]:
    ix = a.index
    for c in range(ix.n_claims):
        if ix.kind[c] == CONCLUSION and not ix.concluding[c]:
            cid = ix.claim_ids[c]
            yield Finding(
                (cid,), _("{claim} is a conclusion, but no inference concludes it").format(claim=a.q(cid))
            )


@rule(
    "AM102",
    "empty-inference",
    "前提のない推論",
    Severity.ERROR,
    N_("An inference with no premises."),
    N_(
        """
**What it finds.** An inference whose `from:` list is empty: a step that
reaches a conclusion from nothing.

**Example.** `I3: {from: [], to: C2, marker: "so"}`. Often this is a step the
annotator marked ("so", 「以上から」) before working out what it rests on.

**Why it weakens the argument.** An inference transmits support from its
premises to its conclusion. With no premises there is nothing to transmit:
the conclusion gains no support from it, and every check that follows
support (does the conclusion reach evidence or premises, how strong is its
chain, do attacks bring it down) treats the step as absent.

**How to repair it.** Find the sentences the marker refers back to ("from
the above…" usually means the previous paragraph) and list their claims in
`from:`. If the author really gives no reason, remove the inference; the
conclusion will then be reported as `unsupported-conclusion`, which is the
honest description.
"""
    ),
)
def empty_inference(a: Analysis) -> Iterator[Finding]:
    ix = a.index
    for i, prem in enumerate(ix.premises):
        if not prem:
            iid = ix.inference_ids[i]
            cid = ix.claim_ids[ix.conclusion[i]]
            yield Finding(
                (iid, cid),
                _("inference {inference} has no premises: it concludes {claim} from nothing").format(
                    inference=iid, claim=a.q(cid)
                ),
            )


def _needs_hypothesis(a: Analysis, c: int) -> bool:
    g = a.grounding
    lvl = g.level[c]
    return lvl == 1 or (lvl == 2 and not g.without_hypotheses[c])


def _suppositions(a: Analysis, level: int, c: int) -> tuple[list[str], str, int]:
    """The hypotheses (``level`` 0) or assumptions (1) conclusion ``c``
    rests on: their ids, the first five quoted for a message, and how many."""
    found, more = a.suppositions[level].get(c, ((), False))
    ids = [a.index.claim_ids[s] for s in found]
    return ids, listing([a.q(s, 30) for s in ids[:5]] + ids[5:], more=more), len(ids) + more


@rule(
    "AM103",
    "conditional-leap",
    "仮定の上の断定",
    Severity.WARNING,
    N_("A conclusion stated as fact that holds only if a hypothesis holds."),
    N_(
        """
**What it finds.** A conclusion stated as a plain fact (`conditional:
false`) that the map can only reach by granting a hypothesis: a supposition
such as "if Japan joins NATO" (「もし…すれば」). Follow its reasons back
and, without the hypothesis, they do not reach evidence and premises alone.
The finding names the hypotheses it depends on.

**Example.** H1 "Japan joins NATO" (hypothesis) and P1 "Japan borders
Russia" (premise) support C1 "Russia will treat Japan as an enemy", written
as a plain statement. C1 is only true *if* H1 is.

**Why it weakens the argument.** A supposition explores a possibility; it
does not establish a fact. When the conclusion drops the "if", the reader
is led to take a possibility for a finding, and later steps built on it
inherit a certainty nobody earned. This is one of the commonest slips in
opinion writing: 「…となれば…」 in one sentence becomes 「…である」 in the
next.

**How to repair it.** Either restore the condition — state the conclusion
as "if H1, then …" and mark it `conditional: true` — or replace the
hypothesis with evidence that it is actually the case.
"""
    ),
)
def conditional_leap(a: Analysis) -> Iterator[Finding]:
    ix = a.index
    claims = a.map.claims
    for c in range(ix.n_claims):
        if ix.kind[c] != CONCLUSION or not _needs_hypothesis(a, c):
            continue
        cid = ix.claim_ids[c]
        if claims[cid].conditional:
            continue
        hyps, named, count = _suppositions(a, 0, c)
        message = ngettext(
            "{claim} is stated as fact but holds only if hypothesis {hypotheses} holds",
            "{claim} is stated as fact but holds only if hypotheses {hypotheses} hold",
            count,
        )
        yield Finding((cid, *hyps), message.format(claim=a.q(cid), hypotheses=named))


@rule(
    "AM104",
    "hidden-assumption",
    "隠れた前提",
    Severity.INFO,
    N_("A conclusion that holds only with a premise the text never states."),
    N_(
        """
**What it finds.** A conclusion that the map can only reach by granting
one of its assumptions: its reasons do not reach evidence, premises and
hypotheses alone. Assumptions are the premises an annotator adds because
the step needs them although the text never says them. The finding names
the assumptions it depends on.

**Example.** "Japan will strengthen military ties with NATO (H2), so Russia
will reinforce its bases on the Northern Territories (C3)." The step only
works if Russia answers closer military ties of its neighbours with force:
the annotator adds that as assumption A1, and C3 is reported with A1.

**Why it matters.** An unstated premise is where an argument is most often
weak, because nobody had to defend it. Making it visible is the point of
the exercise; this finding is information, not an error: the map is doing
its job by showing it.

**How to repair it.** In the text: state the assumption and give reasons for
it, at which point it becomes a premise (or evidence, with a source). In
the map: once the text supports the assumption, change its kind, or add an
inference to it from the evidence that supports it. If you accept the
assumption as harmless, list the rule in the conclusion's `ignore:`.
"""
    ),
)
def hidden_assumption(a: Analysis) -> Iterator[Finding]:
    ix = a.index
    g = a.grounding
    for c in range(ix.n_claims):
        if ix.kind[c] != CONCLUSION or g.level[c] != 2:
            continue
        cid = ix.claim_ids[c]
        assumed, named, count = _suppositions(a, 1, c)
        message = ngettext(
            "{claim} holds only with assumption {assumptions}, never stated in the text",
            "{claim} holds only with assumptions {assumptions}, never stated in the text",
            count,
        )
        yield Finding((cid, *assumed), message.format(claim=a.q(cid), assumptions=named))


_WHY_BLOCKED = {
    "unconcluded": N_("no inference concludes it"),
    "empty": N_("an inference with no premises"),
    "circle": N_("a circle of claims supporting each other"),
}


@rule(
    "AM105",
    "ungrounded-conclusion",
    "宙に浮いた結論",
    Severity.ERROR,
    N_("A conclusion whose support never reaches evidence or a premise."),
    N_(
        """
**What it finds.** A conclusion that some inference concludes but that the
map cannot reach even when every hypothesis and assumption is granted:
following its reasons backwards never arrives at evidence, a premise, a
hypothesis or an assumption. The finding names where the support stops: a
conclusion that nothing concludes, an inference with no premises, or a
circle of claims that only support each other.

**Example.** C2 "The policy failed" is concluded from C1 "The policy was
badly designed", and C1 is concluded from C2. Neither rests on anything
else: each is offered as the reason for the other.

**Why it weakens the argument.** Support has to start somewhere. A
conclusion whose chain of reasons runs into a dead end or a loop has,
however long the chain, no ground at all: accepting it means accepting it
on faith.

**How to repair it.** Look at the claims the finding names. Support a
dangling conclusion with evidence or premises; fill an empty inference; break
a circle by finding independent support for one of its claims. A claim the
author simply asserts should be a `premise`, not a `conclusion`. (A
conclusion that no inference concludes at all is reported as
`unsupported-conclusion` instead.)
"""
    ),
)
def ungrounded_conclusion(a: Analysis) -> Iterator[Finding]:
    ix = a.index
    g = a.grounding
    block = None
    for c in range(ix.n_claims):
        if ix.kind[c] != CONCLUSION or g.level[c] != graph.INF or not ix.concluding[c]:
            continue
        if block is None:
            block = graph.blockers(ix, g, a.components)
        cid = ix.claim_ids[c]
        found: list[str] = []
        reasons: list[str] = []
        nodes, more = block[c]
        for node in nodes:
            bid = ix.node_id(node)
            if node >= ix.n_claims:
                why = _WHY_BLOCKED["empty"]
            elif ix.concluding[node]:
                why = _WHY_BLOCKED["circle"]
            else:
                why = _WHY_BLOCKED["unconcluded"]
            found.append(bid)
            reasons.append(_("{id} ({why})").format(id=bid, why=_(why)))
        elements = tuple(dict.fromkeys((cid, *found)))
        yield Finding(
            elements,
            _(
                "{claim} is never grounded, even granting every hypothesis and assumption: "
                "its support stops at {stops}"
            ).format(claim=a.q(cid), stops=listing(reasons, more=more)),
        )


@rule(
    "AM106",
    "weak-support",
    "支えの弱い結論",
    Severity.WARNING,
    N_("A conclusion whose best chain of inferences multiplies to a low strength."),
    N_(
        """
**What it finds.** A conclusion whose *support* is above 0 but below the
threshold (default 0.5). Support measures how much of the strength of the
grounds survives the chain of steps: evidence, premises, hypotheses and
assumptions have support 1; each inference passes on its `strength` (1 when
not given) times the support of its weakest premise; a conclusion takes the
best of the inferences concluding it. The finding names the weakest step on
that best chain, and its `path` lists the chain (its last 32 steps at most).

**Example.** Four steps each marked 「…と判断されます」 with strength 0.8:
the last conclusion has support 0.8⁴ ≈ 0.41. Each step looked reasonable;
together they make a guess.

**Why it weakens the argument.** Uncertainty compounds. A reader who grants
each step its "probably" is still not entitled to a confident conclusion at
the end of a long chain; writers rarely signal this, and readers rarely
notice it.

**How to repair it.** Strengthen the weakest step (better evidence, a
tighter argument), shorten the chain by supporting the conclusion more
directly, or hedge the conclusion to match its support. If the strengths in
the map are too pessimistic, correct them, or set a lower threshold in
`[tool.argmap.thresholds]`.
"""
    ),
    threshold=Threshold(0.5, N_("report conclusions whose support is below this")),
)
def weak_support(a: Analysis) -> Iterator[Finding]:
    ix = a.index
    limit = a.threshold("weak-support")
    s = a.support
    value = s.value
    for c in range(ix.n_claims):
        v = value[c]
        if not 0.0 < v < limit or ix.kind[c] != CONCLUSION:
            continue
        cid = ix.claim_ids[c]
        w = s.weakest_link[c]
        wid = ix.inference_ids[w]
        path: list[str] = []
        for i, d in s.chain(c):
            if i >= 0:
                path.append(ix.inference_ids[i])
            path.append(ix.claim_ids[d])
        yield Finding(
            (cid, wid),
            _(
                "{claim} has support {support}, below {limit}: "
                "the weakest link on its best chain is {inference} (strength {strength})"
            ).format(
                claim=a.q(cid),
                support=figure(v),
                limit=figure(limit),
                inference=wid,
                strength=figure(ix.strength[w]),
            ),
            tuple(path),
        )


@rule(
    "AM107",
    "weak-relevance",
    "弱い関連",
    Severity.INFO,
    N_("A premise that moves the reader by feeling, fame or tradition instead of a reason (heuristic)."),
    N_(
        """
**What it finds.** A premise that tries to move the reader without giving a
reason for the conclusion: an appeal to feeling ("heartbroken", "sad"), to
fame (a celebrity's opinion), to popularity ("millions of fans", "everyone"),
to tradition ("for generations", "our grandparents") or to the person
instead of the claim ("a liar", "funded by"). It is reported when the
conclusion itself is not about that feeling, fame or tradition and the
premise shares little content with it (similarity below the threshold,
default 0.50). One finding names every such premise of an inference.

**How far to trust it.** It is a heuristic that looks for the words of such
appeals. On argmap's labelled sets a careful reader agrees with nearly every
premise it reports, but it misses most irrelevant premises: a fact about
another subject, said in neutral words, is not reported. That is why it is
information only. The measured figures are in docs/checks.md.

**Example.** C1 "The council should keep the library open" is supported by
P1 "The library is the only place in town with free internet" and P2 "Pop
star Mia Lane says the library made her childhood". P2 is reported: a
singer's memories give no reason about the council's decision.

**Why it weakens the argument.** A premise that only stirs a feeling or
borrows someone's fame looks like support, but if it were true the
conclusion would be no more likely. Such premises are the classic fallacies
of relevance, and they hide how little real support is left.

**How to repair it.** Ask what reason the premise gives. If none, remove it
from the inference, or replace it with what the feeling points to (how many
people use the library, what closing it would cost them). If the feeling or
the fame is what the conclusion is about, accept the finding with
`ignore: {I1: [weak-relevance]}`.
"""
    ),
    heuristic=True,
    threshold=Threshold(
        0.50, N_("report an appealing premise only when it is less similar than this to the conclusion")
    ),
)
def weak_relevance(a: Analysis) -> Iterator[Finding]:
    ix = a.index
    limit = a.threshold("weak-relevance")
    cids = ix.claim_ids
    kind = ix.kind
    said = a.appeals
    contents = a.contents
    claims = a.map.claims
    for i, prem in enumerate(ix.premises):
        c = ix.conclusion[i]
        if claims[cids[c]].blank:  # a blank has no wording yet to judge
            continue
        suspects = []
        for p in prem:
            # an assumption is the annotator's own link
            if p == c or kind[p] == graph.ASSUMPTION or claims[cids[p]].blank:
                continue
            if not said(p) or not (said(p) - said(c)):
                continue
            if token_similarity(contents[p], contents[c]) < limit:
                suspects.append(cids[p])
        if suspects:
            iid = ix.inference_ids[i]
            message = ngettext(
                "{inference}: premise {premises} appeals to feeling, fame, popularity, tradition or a "
                "person and gives no reason for {claim}",
                "{inference}: premises {premises} appeal to feeling, fame, popularity, tradition or a "
                "person and give no reason for {claim}",
                len(suspects),
            )
            yield Finding(
                (iid, *suspects, cids[c]),
                message.format(
                    inference=iid, premises=listing([a.q(s, 30) for s in suspects]), claim=a.q(cids[c], 30)
                ),
            )
