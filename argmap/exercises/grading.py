"""Grading a student's argument map against a teacher's key map.

:func:`align` pairs the student's elements with the key's:

* claims: a pair's similarity is the better of two Dice coefficients of the
  texts' tokens (:func:`argmap.checks.cues.content_tokens` and
  :func:`argmap.checks.text.tokens`, the measures of the checks), read in one
  spelling (:func:`argmap.exercises.matching.canonical`: full-width letters
  and digits, and Japanese variants such as 子ども/子供 and 行う/行なう, made
  one), so small wording changes and other spellings still match. Pairs below
  :data:`THRESHOLD` never match; a pair with the same id counts
  :data:`SAME_ID_BONUS` more, enough to choose between two texts about as
  like, never enough to pair a text with an id it is less like than another.
  The pairing is the one of greatest total weight (the Hungarian algorithm),
  not a greedy one. A blank the student left empty (``blank: true`` and no
  text) matches nothing.
* inferences match when their conclusions match (several with the same
  conclusion: the pairing whose premises agree most);
* attacks match when their source and target match.

:func:`grade` scores the student's map: precision, recall and F1 of claims,
links (premise → conclusion pairs, read through the alignment) and attacks,
the accuracy of the kinds of matched claims and the recall of hidden premises
(assumptions), with one weighted mean, :data:`WEIGHTS`, as ``score``. A part
neither map has (a key without attacks and a student who drew none) is left
out of the mean. Feedback names what is missing or wrong and asks a question
that leads to it, without giving the answer away: one item for each thing a
teacher would say, with its code, the key's element and the student's when
there is one:

* ``missed-assumption``: a hidden premise the student did not write, once for
  each step that needs it (the student's step, when drawn);
* ``missed-claim``: any other claim the student did not write;
* ``missed-link``: once a step of the key, the links the student did not draw
  between claims they wrote (a link to a claim they did not write is part of
  that claim's item);
* ``extra-link``: once a step of the student's, the links the key does not have;
* ``wrong-kind``: a matched claim of another kind, or of a kind still to be
  chosen (``kind: blank``);
* ``missed-attack``: an attack of the key the student did not draw;
* ``extra-claim``: a claim the text does not have, with the step it is used
  in (its links are not told again as extra links).

With ``hide`` (``argmap grade --hide``: the students started from the
worksheet made with ``argmap worksheet --hide`` and the same words or ids),
the score counts only what that worksheet hid (:func:`hidden_scope`): the
hidden claims (``claims``, precision counting the claims the text does not
have; ``assumptions``), the links of the hidden steps and those to or from a
hidden claim (``links``), the kinds of all claims when the kinds were hidden
(``kinds``: the share of the key's claims written with the right kind), and
the attacks left out or touching a hidden claim (``attacks``), weighed by
:data:`WEIGHTS` among the parts present. That mean is multiplied by
``given`` (``kept``): the share of the claims, links and attacks the
worksheet gave that the student's map still has. A worksheet handed back
unchanged scores 0, the key 1; the feedback is the same as without ``hide``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence, Set
from itertools import chain
from typing import TYPE_CHECKING, Any

import attrs

from argmap.checks import check
from argmap.checks.output import diagnostic_json
from argmap.checks.text import token_similarity
from argmap.exercises.matching import assignment, token_sets
from argmap.formats._rules import listing
from argmap.i18n import N_, _, choose, using
from argmap.model import ArgumentMap, Claim, Kind

if TYPE_CHECKING:
    from argmap.exercises.worksheet import Hidden

__all__ = [
    "SAME_ID_BONUS",
    "THRESHOLD",
    "WEIGHTS",
    "Alignment",
    "Grade",
    "align",
    "grade",
    "hidden_scope",
    "similarity",
]

#: The least similarity (Dice coefficient of the token sets) for two claims to match.
THRESHOLD = 0.5
#: Added to the weight of a pair of claims with the same id (and a similarity above THRESHOLD):
#: a tie-breaker. A student who swapped the ids of two claims whose texts are ``s`` alike is
#: still read by the texts as long as ``s + SAME_ID_BONUS < 1`` (the claims of the example
#: keys are at most 0.72 alike).
SAME_ID_BONUS = 0.1
#: The weights of the parts of ``score`` (a part the key and the student both lack is left out).
WEIGHTS: Mapping[str, float] = {
    "claims": 0.35,
    "links": 0.30,
    "assumptions": 0.15,
    "kinds": 0.10,
    "attacks": 0.10,
}

_KIND_NAMES = {
    Kind.EVIDENCE: N_("evidence"),
    Kind.PREMISE: N_("a premise"),
    Kind.ASSUMPTION: N_("a hidden premise"),
    Kind.HYPOTHESIS: N_("a hypothesis (if …)"),
    Kind.CONCLUSION: N_("a conclusion"),
}


def kind_phrase(kind: Kind) -> str:
    """The name of ``kind`` in a sentence, in the language in force (any kind, those to come too)."""
    return _(_KIND_NAMES.get(kind, N_("a claim")))


def similarity(a: str, b: str) -> float:
    """How alike two claim texts are, from 0 to 1.

    >>> similarity("Tokyo is large", "Tokyo is very large") > 0.5
    True
    """
    (ac, at), (bc, bt) = token_sets(a), token_sets(b)
    return max(token_similarity(ac, bc), token_similarity(at, bt))


@attrs.frozen
class Alignment:
    """Which student element stands for which key element: key id → student id."""

    claims: Mapping[str, str]
    inferences: Mapping[str, str]
    attacks: Mapping[str, str]

    def student_to_key(self) -> dict[str, str]:
        """Every match, student id → key id."""
        out: dict[str, str] = {}
        for table in (self.claims, self.inferences, self.attacks):
            out.update({s: k for k, s in table.items()})
        return out


def _claim_filled(claim: Claim) -> bool:
    """Whether the student wrote ``claim``: a blank (``blank: true``) left empty is not filled."""
    return bool(claim.text.strip())


def _claim_weights(
    kids: Sequence[str],
    ktok: Sequence[tuple[Set[str], Set[str]]],
    sids: Sequence[str],
    stok: Sequence[tuple[Set[str], Set[str]]],
) -> list[list[float]]:
    """The table of claim pairs' weights: the similarity, 0 below THRESHOLD, plus the id bonus.

    The same as comparing every pair, found faster: the tokens shared with each
    key claim are counted through an index of the key's tokens (a pair that
    shares none has a similarity of 0), and only the pairs whose count can
    reach THRESHOLD are looked at.
    """
    weights = [[0.0] * len(sids) for _ in kids]
    measures = []
    for part in (0, 1):  # content tokens, then tokens
        index: dict[str, list[int]] = {}
        for i, sets in enumerate(ktok):
            for t in sets[part]:
                index.setdefault(t, []).append(i)
        measures.append((index, [len(sets[part]) for sets in ktok]))
    threshold = THRESHOLD
    for j, sets in enumerate(stok):
        best: dict[int, float] = {}
        for part, (index, sizes) in enumerate(measures):
            mine = sets[part]
            n_mine = len(mine)
            shared = Counter(chain.from_iterable([index[t] for t in mine if t in index]))
            for i, n in shared.items():
                sim = 2 * n / (sizes[i] + n_mine)
                if sim >= threshold and sim > best.get(i, 0.0):
                    best[i] = sim
        s = sids[j]
        for i, sim in best.items():
            weights[i][j] = sim + (SAME_ID_BONUS if kids[i] == s else 0.0)
    return weights


def align(key: ArgumentMap, student: ArgumentMap) -> Alignment:
    """Pair the student's claims, inferences and attacks with the key's (see the module docstring)."""
    kids = list(key.claims)
    sids = [s for s, c in student.claims.items() if _claim_filled(c)]
    weights = _claim_weights(
        kids,
        [token_sets(key.claims[k].text) for k in kids],
        sids,
        [token_sets(student.claims[s].text) for s in sids],
    )
    claims = {kids[i]: sids[j] for i, j in assignment(weights)}

    kinf = list(key.inferences)
    sinf = list(student.inferences)
    iw: list[list[float]] = []
    for k in kinf:
        ki = key.inferences[k]
        mapped = {claims[p] for p in ki.premises if p in claims}
        row = []
        for s in sinf:
            si = student.inferences[s]
            if ki.conclusion in claims and claims[ki.conclusion] == si.conclusion:
                row.append(1.0 + token_similarity(mapped, set(si.premises)))
            else:
                row.append(0.0)
        iw.append(row)
    inferences = {kinf[i]: sinf[j] for i, j in assignment(iw)}

    # attacks: the same ends (equal ends are an equivalence, so first come is as good as any);
    # a counter-attack's end is an attack, matched in an earlier pass down the chain
    by_ends: dict[tuple[str, str], list[str]] = {}
    for s, sa in student.attacks.items():
        by_ends.setdefault((sa.source, sa.target), []).append(s)
    attacks: dict[str, str] = {}
    grown = True
    while grown:
        grown = False
        targets = {**claims, **inferences, **attacks}
        for k, ka in key.attacks.items():
            if k in attacks:
                continue
            source, target = targets.get(ka.source), targets.get(ka.target)
            if source is not None and target is not None and (free := by_ends.get((source, target))):
                attacks[k] = free.pop(0)
                grown = True
    return Alignment(claims=claims, inferences=inferences, attacks=attacks)


@attrs.frozen
class Grade:
    """The grade of one student's map (see :func:`grade`)."""

    file: str | None
    score: float
    scores: Mapping[str, Mapping[str, float]]
    matched: Mapping[str, str]
    missed: Sequence[str]
    extra: Sequence[str]
    feedback: Sequence[Mapping[str, str | None]]
    findings: Sequence[Mapping[str, Any]]
    alignment: Alignment = attrs.field(eq=False, repr=False)
    #: What the worksheet hid (``hide`` of :func:`grade`), or None: the score counts everything.
    hidden: tuple[str, ...] | None = None

    def to_json(self) -> dict[str, Any]:
        """The grade as a JSON-ready dict."""
        return {
            "file": self.file,
            "score": self.score,
            "scores": {part: dict(values) for part, values in self.scores.items()},
            "matched": dict(self.matched),
            "missed": list(self.missed),
            "extra": list(self.extra),
            "feedback": [dict(f) for f in self.feedback],
            "findings": [dict(f) for f in self.findings],
        }


def _prf(found: int, drawn: int, expected: int) -> dict[str, float]:
    precision = found / drawn if drawn else (1.0 if not expected else 0.0)
    recall = found / expected if expected else (1.0 if not drawn else 0.0)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


def _links(amap: ArgumentMap, rename: Mapping[str, str] | None = None) -> dict[tuple[str, str], str]:
    """(premise, conclusion) → inference id; with ``rename``, ids renamed through it
    (an id it lacks is kept, prefixed with NUL so it can equal no key id)."""

    def name(i: str) -> str:
        return i if rename is None else rename.get(i, "\0" + i)

    out: dict[tuple[str, str], str] = {}
    for iid, inf in amap.inferences.items():
        for p in inf.premises:
            out.setdefault((name(p), name(inf.conclusion)), iid)
    return out


def _ids(ids: Iterable[str]) -> str:
    """Ids as a list in the language in force."""
    return listing(ids)


def hidden_scope(key: ArgumentMap, hide: Iterable[str]) -> tuple[tuple[str, ...], Hidden]:
    """``hide`` read as ``argmap worksheet --hide`` reads it, and what the worksheet made
    with it hides; messages in the language in force.

    Raises ValueError as the worksheet does: an unknown word (with a did-you-mean),
    nothing named, or a key that has nothing of what is named.
    """
    from argmap.exercises.worksheet import HIDE_WORDS, hidden_elements, hidden_parts

    parts = hidden_parts(list(hide) if not isinstance(hide, str) else [hide], key)
    hidden = hidden_elements(key, parts)
    if not hidden:
        raise ValueError(
            _("nothing to hide: the key has no {what}; choose what to hide with --hide").format(
                what=listing(p for p in parts if p in HIDE_WORDS)
            )
        )
    return parts, hidden


def _hidden_scores(
    key: ArgumentMap, student: ArgumentMap, al: Alignment, hidden: Hidden
) -> tuple[dict[str, dict[str, float]], float]:
    """The parts and the score of what the worksheet hid (see :func:`grade`)."""
    back = {s: k for k, s in al.claims.items()}
    filled = {s for s, c in student.claims.items() if _claim_filled(c)}
    # the student's links between claims they wrote, read as the key's ids
    drawn = {
        (back.get(p, "\0" + p), back.get(inf.conclusion, "\0" + inf.conclusion))
        for inf in student.inferences.values()
        if inf.conclusion in filled
        for p in inf.premises
        if p in filled
    }
    key_links = set(_links(key))
    hidden_links = {
        (p, inf.conclusion)
        for iid, inf in key.inferences.items()
        for p in inf.premises
        if iid in hidden.inferences or p in hidden.claims or inf.conclusion in hidden.claims
    }
    scores: dict[str, dict[str, float]] = {}
    if hidden.claims:
        found = len(hidden.claims & set(al.claims))
        extra = len(filled - set(back))
        scores["claims"] = _prf(found, found + extra, len(hidden.claims))
        assumptions = [k for k in hidden.claims if key.claims[k].kind is Kind.ASSUMPTION]
        if assumptions:
            scores["assumptions"] = {"recall": sum(k in al.claims for k in assumptions) / len(assumptions)}
    if hidden_links:
        found = len(hidden_links & drawn)
        extra = len(drawn - key_links)
        scores["links"] = _prf(found, found + extra, len(hidden_links))
    if hidden.kinds:
        right = sum(key.claims[k].kind == student.claims[s].kind for k, s in al.claims.items())
        scores["kinds"] = {"accuracy": right / len(key.claims)}
    # the attacks hidden: those left out, and those from or to a hidden claim (or such an attack)
    hidden_attacks = _touching(key, set(hidden.attacks), hidden.claims)
    if hidden_attacks:
        found = len(hidden_attacks & set(al.attacks))
        blank = {s for s in student.claims if s not in filled}
        open_ = _touching(student, set(), blank)  # an attack on a blank not yet written is no answer
        extra = len(set(student.attacks) - set(al.attacks.values()) - open_)
        scores["attacks"] = _prf(found, found + extra, len(hidden_attacks))
    measure = {"claims": "f1", "links": "f1", "assumptions": "recall", "kinds": "accuracy", "attacks": "f1"}
    total = sum(WEIGHTS[p] for p in scores)
    mean = sum(WEIGHTS[p] * v[measure[p]] for p, v in scores.items()) / total if total else 0.0
    # what the worksheet gave: the share of it the student's map still has
    given_claims = [k for k in key.claims if k not in hidden.claims]
    given_links = key_links - hidden_links
    given_attacks = [a for a in key.attacks if a not in hidden_attacks]
    given = len(given_claims) + len(given_links) + len(given_attacks)
    kept = (
        sum(k in al.claims for k in given_claims)
        + len(given_links & drawn)
        + sum(a in al.attacks for a in given_attacks)
    )
    scores["given"] = {"kept": kept / given if given else 1.0}
    return scores, mean * scores["given"]["kept"]


def _touching(amap: ArgumentMap, attacks: set[str], claims: Set[str]) -> set[str]:
    """``attacks`` and every attack of ``amap`` from or to one of ``claims``, a step
    concluding one of them, or one of those attacks."""
    ends = set(claims) | {i for i, inf in amap.inferences.items() if inf.conclusion in claims}
    out = set(attacks)
    grown = True
    while grown:
        grown = False
        for a, att in amap.attacks.items():
            if a not in out and ({att.source, att.target} & (ends | out)):
                out.add(a)
                grown = True
    return out


def grade(
    key: ArgumentMap,
    student: ArgumentMap,
    *,
    lang: str | None = None,
    hide: Iterable[str] | None = None,
) -> Grade:
    """Grade ``student`` against the teacher's ``key`` (see the module docstring).

    Messages are in ``lang``, else in the student's map's language. With
    ``hide`` (what ``argmap worksheet --hide`` was given: the student started
    from that worksheet), the score counts only what the worksheet hid, times
    the share of what it gave that the map still has; the feedback is the same.
    Raises ValueError for a ``hide`` the worksheet would refuse.
    """
    al = align(key, student)
    back = {s: k for k, s in al.claims.items()}
    filled_student = [s for s, c in student.claims.items() if _claim_filled(c)]
    spoken = choose(lang, student.lang)
    with using(spoken):
        parts: tuple[str, ...] | None = None
        scope: Hidden | None = None
        if hide is not None:
            parts, scope = hidden_scope(key, hide)
        feedback: list[dict[str, str | None]] = []

        def say(code: str, key_id: str | None, student_id: str | None, message: str) -> None:
            feedback.append({"code": code, "key": key_id, "student": student_id, "message": message})

        def shown(key_id: str) -> str | None:
            return al.claims.get(key_id)

        scores: dict[str, dict[str, float]] = {}
        used: dict[str, float] = {}
        # claims
        scores["claims"] = _prf(len(al.claims), len(filled_student), len(key.claims))
        used["claims"] = scores["claims"]["f1"]
        # kinds
        right = sum(key.claims[k].kind == student.claims[s].kind for k, s in al.claims.items())
        scores["kinds"] = {"accuracy": right / len(al.claims) if al.claims else 0.0}
        used["kinds"] = scores["kinds"]["accuracy"]
        # links
        key_links = _links(key)
        student_links = _links(student, back)
        key_set = {(p, c) for p, c in key_links}
        student_set = set(student_links)
        common = key_set & student_set
        scores["links"] = _prf(len(common), len(student_set), len(key_set))
        if key_set or student_set:
            used["links"] = scores["links"]["f1"]
        # assumptions
        hidden = [k for k, c in key.claims.items() if c.kind is Kind.ASSUMPTION]
        found = [k for k in hidden if k in al.claims]
        scores["assumptions"] = {"recall": len(found) / len(hidden) if hidden else 1.0}
        if hidden:
            used["assumptions"] = scores["assumptions"]["recall"]
        # attacks
        scores["attacks"] = _prf(len(al.attacks), len(student.attacks), len(key.attacks))
        if key.attacks or student.attacks:
            used["attacks"] = scores["attacks"]["f1"]
        total = sum(WEIGHTS[p] for p in used)
        score = sum(WEIGHTS[p] * v for p, v in used.items()) / total if total else 0.0
        if scope is not None:
            scores, score = _hidden_scores(key, student, al, scope)

        missed: list[str] = []
        # claims the student did not write
        for k, claim in key.claims.items():
            if k in al.claims:
                continue
            missed.append(k)
            if claim.kind is Kind.ASSUMPTION:
                _missed_assumption(key, al, k, say, shown)
            else:
                _missed_claim(key, k, say, shown)
        # kinds
        for k, s in al.claims.items():
            kind = student.claims[s].kind
            if key.claims[k].kind == kind:
                continue
            if kind is Kind.BLANK:
                text = _(
                    "Which kind of claim is {id}? Its kind is still to be chosen: "
                    "what part does it play in the text?"
                ).format(id=s)
            else:
                text = _("Is {id} really {kind}? Think again about the part it plays in the text.").format(
                    id=s, kind=kind_phrase(kind)
                )
            say("wrong-kind", k, s, text)
        # inferences: the support the student did not reproduce, one item a step
        # (a premise the student did not write is told about as a missed claim)
        for k, inf in key.inferences.items():
            wanted = {(p, inf.conclusion) for p in inf.premises}
            if wanted <= student_set:
                continue
            missed.append(k)
            conclusion = al.claims.get(inf.conclusion)
            lacking = [
                al.claims[p]
                for p in inf.premises
                if p in al.claims and (p, inf.conclusion) not in student_set
            ]
            if conclusion is None or not lacking:
                continue
            if len(lacking) == 1:
                text = _(
                    "Is there a link between {premise} and {conclusion}? What does the text say?"
                ).format(premise=lacking[0], conclusion=conclusion)
            else:
                text = _("Are there links from {premises} to {conclusion}? What does the text say?").format(
                    premises=_ids(lacking), conclusion=conclusion
                )
            say("missed-link", k, al.inferences.get(k), text)
        # links the key does not have, one item a step of the student's; a link from
        # or to a claim the key does not have is told with that claim (extra-claim)
        wrong: dict[str, list[tuple[str, str]]] = {}
        for (p, c), s_inf in student_links.items():
            if (p, c) not in key_set and not p.startswith("\0") and not c.startswith("\0"):
                wrong.setdefault(s_inf, []).append((p, c))
        for s_inf, pairs in wrong.items():
            c = pairs[0][1]
            if len(pairs) == 1:
                text = _("Does {premise} really support {conclusion}? Where does the text say so?").format(
                    premise=al.claims[pairs[0][0]], conclusion=al.claims[c]
                )
            else:
                text = _("Do {premises} really support {conclusion}? Where does the text say so?").format(
                    premises=_ids(al.claims[p] for p, _c in pairs), conclusion=al.claims[c]
                )
            k_inf = next((k for k, s in al.inferences.items() if s == s_inf), None)
            if k_inf is None:
                k_inf = next((i for i, f in key.inferences.items() if f.conclusion == c), None)
            say("extra-link", k_inf, s_inf, text)
        # attacks
        targets = {**al.claims, **al.inferences}
        for k, att in key.attacks.items():
            if k in al.attacks:
                continue
            missed.append(k)
            source, target = targets.get(att.source), targets.get(att.target)
            if source and target:
                text = _(
                    "How does {source} bear on {target}? Does it support it, or does it weaken it?"
                ).format(source=source, target=target)
            elif target:
                text = _("Does the text say anything against {target}? Look for it.").format(target=target)
            else:
                text = _("The text argues against one of its own points somewhere. Can you find where?")
            say("missed-attack", k, None, text)

        extra: list[str] = []
        for s in filled_student:
            if s in back:
                continue
            extra.append(s)
            supports = [i.conclusion for i in student.inferences.values() if s in i.premises]
            drawn_from = [p for i in student.inferences.values() if i.conclusion == s for p in i.premises]
            if supports:
                text = _(
                    "Where does the text say {id}, which you use to support {conclusion}? "
                    "Is it in the text, or your own idea?"
                ).format(id=s, conclusion=_ids(dict.fromkeys(supports)))
            elif drawn_from:
                text = _(
                    "Where does the text say {id}, which you draw from {premises}? "
                    "Is it in the text, or your own idea?"
                ).format(id=s, premises=_ids(dict.fromkeys(drawn_from)))
            else:
                text = _("Where does the text say {id}? Is it in the text, or your own idea?").format(id=s)
            say("extra-claim", None, s, text)
        matched_inf = set(al.inferences.values())
        extra.extend(s for s in student.inferences if s not in matched_inf)
        matched_att = set(al.attacks.values())
        extra.extend(s for s in student.attacks if s not in matched_att)

        findings = [diagnostic_json(d) for d in check(student, lang=spoken)]
    file = student.origin.file if student.origin is not None else None
    return Grade(
        file=file,
        score=round(score, 4),
        scores=scores,
        matched=al.student_to_key(),
        missed=missed,
        extra=extra,
        feedback=feedback,
        findings=findings,
        alignment=al,
        hidden=parts,
    )


def _missed_assumption(key: ArgumentMap, al: Alignment, k: str, say: Any, shown: Any) -> None:
    steps = [(i, inf) for i, inf in key.inferences.items() if k in inf.premises]
    told = False
    for iid, inf in steps:
        conclusion = shown(inf.conclusion)
        if conclusion is None:
            continue
        others = [shown(p) for p in inf.premises if p != k and shown(p)]
        if others:
            text = _(
                "The step from {premises} to {conclusion} rests on a premise that is not written. What is it?"
            ).format(premises=_ids(others), conclusion=conclusion)
        else:
            text = _("To reach {conclusion}, a premise that is not written is needed. What is it?").format(
                conclusion=conclusion
            )
        say("missed-assumption", k, al.inferences.get(iid), text)
        told = True
    if not told:
        say(
            "missed-assumption",
            k,
            None,
            _("The text relies on a premise it does not state. Can you find it?"),
        )


def _missed_claim(key: ArgumentMap, k: str, say: Any, shown: Any) -> None:
    supported = [
        shown(inf.conclusion)
        for inf in key.inferences.values()
        if k in inf.premises and shown(inf.conclusion)
    ]
    if supported:
        text = _("Something more in the text supports {conclusion}. What is it?").format(
            conclusion=_ids(supported)
        )
    else:
        text = _("The text has {kind} your map does not show yet. Read it again: what is it?").format(
            kind=kind_phrase(key.claims[k].kind)
        )
    say("missed-claim", k, None, text)
