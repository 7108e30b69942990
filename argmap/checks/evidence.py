"""Evidence (AM3xx): sources, dates, quotes, and claims that play no part."""

from __future__ import annotations

from collections.abc import Iterator

from argmap.checks.cues import conditional, content_tokens, hedged
from argmap.checks.diagnostic import Severity
from argmap.checks.engine import Analysis
from argmap.checks.registry import Finding, Threshold, rule
from argmap.checks.text import token_similarity
from argmap.i18n import N_, _
from argmap.model import Claim, Kind


def _evidence(a: Analysis) -> Iterator[Claim]:
    return (c for c in a.map.claims.values() if c.kind is Kind.EVIDENCE)


def _sourced(c: Claim) -> bool:
    return c.source is not None and bool(c.source.url or c.source.title)


@rule(
    "AM301",
    "unsourced-evidence",
    "出典のない証拠",
    Severity.WARNING,
    N_("Evidence with no source url and no source title."),
    N_(
        """
**What it finds.** A claim of kind `evidence` whose `source` has neither a
`url` nor a `title` (or that has no `source` at all). A speaker or a date
alone does not let a reader find the source.

**Example.** `E1: {kind: evidence, text: "Crime rose by 20% last year"}` with
no source.

**Why it weakens the argument.** Evidence is what the reader is asked to
take as fact on someone else's authority. Without a way to look it up, the
reader cannot check that it was said, by whom, or in what context: the
"evidence" is an unsupported premise.

**How to repair it.** Add `source: {url: ..., title: ...}` — the article,
report or book it comes from — and, if known, the `speaker` and `date`. If
the text gives no source, say so in a `note` and consider making the claim
a `premise`, which is what it then is.
"""
    ),
)
def unsourced_evidence(a: Analysis) -> Iterator[Finding]:
    for c in _evidence(a):
        if not _sourced(c):
            yield Finding((c.id,), _("evidence {claim} has no source url or title").format(claim=a.q(c.id)))


@rule(
    "AM302",
    "undated-evidence",
    "日付のない証拠",
    Severity.INFO,
    N_("Evidence with a source but no date."),
    N_(
        """
**What it finds.** Evidence whose source has a `url` or a `title` but no
`date`. (Evidence with no usable source is `unsourced-evidence` alone.)

**Example.** `source: {title: "Reuters", url: https://...}` with no `date`
for a statement made by an ambassador.

**Why it matters.** When something was said often matters as much as what
was said: a statement from before an event cannot describe it, and an old
figure may no longer hold. Without a date, the `anachronism` check cannot
run either.

**How to repair it.** Add `date: YYYY-MM-DD` to the source: the date the
statement was made or the document published.
"""
    ),
)
def undated_evidence(a: Analysis) -> Iterator[Finding]:
    for c in _evidence(a):
        if _sourced(c) and c.source is not None and c.source.date is None:
            yield Finding((c.id,), _("evidence {claim} has a source but no date").format(claim=a.q(c.id)))


@rule(
    "AM303",
    "paraphrase-drift",
    "引用からのずれ",
    Severity.INFO,
    N_("Evidence stated more strongly than its source's quote: a hedge or condition dropped (heuristic)."),
    N_(
        """
**What it finds.** Evidence with a `source.quote` (the source's own words)
where the quote hedges or conditions what it says — "may", "considering",
"plans to", "if"; 「検討」「可能性」「警戒」「もし」 — and the evidence
`text` (the map's wording of it) says it without any hedge or condition:
the paraphrase is stronger than the source. With a threshold above 0
(default 0), evidence whose content words are less similar than that to its
quote is reported too.

**How far to trust it.** It is a heuristic that looks for the words of
hedges and conditions. On argmap's labelled sets most of what it reports is
a real drift, but it misses most drifts: a changed number, a swapped
subject, a negation or a stronger word in place of another are not seen.
That is why it is information only. The measured figures are in
docs/checks.md.

**Example.** The quote is 「NATOの東方拡大に『高度の警戒』を呼びかけた」
(called for vigilance) and the evidence text is 「日本が中国にとって軍事的脅威に
なるものと判断している」 (has judged Japan a military threat). Vigilance
became a judgment.

**Why it weakens the argument.** A paraphrase is where a source's words are
most easily bent: a hedge dropped, a "may" turned into "will", a plan
turned into a decision. Evidence is only as good as its faithfulness to
the source.

**How to repair it.** Reword the `text` to keep the source's hedge, or
split it: the faithful part as evidence, the interpretation as a conclusion
with its own inference. If the paraphrase is faithful, accept the finding
with `ignore:`.
"""
    ),
    heuristic=True,
    threshold=Threshold(
        0.0, N_("also report evidence whose content words are less similar than this to its quote (0: off)")
    ),
)
def paraphrase_drift(a: Analysis) -> Iterator[Finding]:
    limit = a.threshold("paraphrase-drift")
    for c in _evidence(a):
        if c.source is None or not c.source.quote or c.blank:  # a blank's text is the student's to write
            continue
        quote = c.source.quote
        if (hedged(quote) and not hedged(c.text)) or (conditional(quote) and not conditional(c.text)):
            message = _(
                "evidence {claim} states without a hedge or condition what its source's quote {quote} "
                "hedges or makes conditional"
            )
        elif limit > 0 and token_similarity(content_tokens(c.text), content_tokens(quote)) < limit:
            message = _("evidence {claim} shares few content words with its source's quote {quote}")
        else:
            continue
        yield Finding((c.id,), message.format(claim=a.q(c.id, 30), quote=a.q_text(quote, 30)))


@rule(
    "AM304",
    "anachronism",
    "時期の食い違い",
    Severity.WARNING,
    N_("Evidence dated after the text that cites it."),
    N_(
        """
**What it finds.** Evidence whose `source.date` is later than the map's
`date` (the date of the analysed text).

**Example.** A text written on 2023-05-10 (`date: 2023-05-10`) cites a
statement dated 2023-06-01.

**Why it matters.** A text cannot rest on something said after it was
written. Either the date is wrong (a typo, or the date of a later edition or
a re-publication), or the annotator has added evidence the author never
had — which may be a fair criticism, but then it is not the author's
argument.

**How to repair it.** Check both dates and correct the wrong one. If the
evidence is your own later addition, move it into a `note`, or add it as an
attack or support of your own and say so.
"""
    ),
)
def anachronism(a: Analysis) -> Iterator[Finding]:
    written = a.map.date
    if written is None:
        return
    for c in _evidence(a):
        if c.source is not None and c.source.date is not None and c.source.date > written:
            yield Finding(
                (c.id,),
                _("evidence {claim} is dated {date}, after the map's date {map_date}").format(
                    claim=a.q(c.id), date=c.source.date.isoformat(), map_date=written.isoformat()
                ),
            )


@rule(
    "AM305",
    "unused-claim",
    "使われていない主張",
    Severity.INFO,
    N_("A claim that is no premise, no conclusion and no end of any attack."),
    N_(
        """
**What it finds.** A claim that takes no part in the argument's structure:
it is not among the premises of any inference, not the conclusion of any,
and neither attacks nor is attacked.

**Example.** E4 "The minister visited Tokyo in May" sits in the map with no
inference or attack touching it.

**Why it matters.** An argument map is about how claims bear on each other.
A claim with no connection is either background that belongs in a `note`,
or a sign that the annotation is unfinished: the author used it for
something that the map does not yet show.

**How to repair it.** Decide what the claim does in the text and connect it:
as a premise of the inference it supports, as the conclusion of its
reasons, or as an attack. If it is background only, move it into a `note`
or remove it.
"""
    ),
)
def unused_claim(a: Analysis) -> Iterator[Finding]:
    ix = a.index
    attacked = {t for t in ix.attack_target if t < ix.n_claims}
    for c in range(ix.n_claims):
        if ix.using[c] or ix.concluding[c] or c in ix.attacks_from or c in attacked:
            continue
        cid = ix.claim_ids[c]
        if a.map.claims[cid].blank:  # a blank is part of an exercise, not a claim left over
            continue
        yield Finding(
            (cid,),
            _("{claim} is not a premise, not a conclusion and not in any attack").format(claim=a.q(cid)),
        )
