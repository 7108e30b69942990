"""Worksheets: the student's starting map, made from the teacher's key map.

:func:`worksheet` hides parts of the key for the student to find:

* ``assumptions`` — each hidden premise (``kind: assumption``) becomes a
  blank in its place, with a prompt that names the step it serves;
* ``conclusions`` — each conclusion becomes a blank;
* ``links`` — every inference loses its premises (``from: []``) and keeps
  its marker, so the student draws the links;
* ``kinds`` — every claim's kind becomes ``blank`` (「種類は？」), to choose;
* ``attacks`` — the attacks are left out;
* an element id — a claim becomes a blank, an inference loses its
  premises, an attack is left out.

What the key says for the teacher stays out of the worksheet: a note is
kept only when it starts with ``student:`` (or 「生徒:」, 「生徒へ:」; the mark
is removed), so every other note, the scaffold's drafting notes included,
is dropped; a title's "Draft:" (「下書き：」) prefix is removed; a hidden
claim loses its source and tags, and every inference its scheme and strength
(the teacher's judgment of the step, which the student is to make).

>>> from argmap.model import MapBuilder
>>> b = MapBuilder("Draft: Rain", lang="en")
>>> b.premise("P1", "It rains every day in June")
>>> b.assumption("A1", "Rain makes the ground wet", note="the leap")
>>> b.conclusion("C1", "The ground is wet in June", note="student: When is this true?")
>>> b.inference("I1", ["P1", "A1"], "C1", marker="so")
>>> ws = worksheet(b.build())
>>> ws.map.title, ws.map.claims["A1"].blank, ws.map.claims["A1"].text
('Rain', True, '')
>>> ws.map.claims["C1"].note, ws.map.claims["P1"].note
('When is this true?', None)
>>> [q.mark for q in ws.questions]
['①']
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable, Sequence

import attrs

from argmap.drawing.dot import note_mark
from argmap.exercises.grading import kind_phrase
from argmap.formats import dumps
from argmap.formats._rules import listing
from argmap.i18n import _, choose, ngettext, using
from argmap.model import ArgumentMap, Attack, Claim, Inference, Kind

__all__ = [
    "DEFAULT_HIDE",
    "HIDE_WORDS",
    "Hidden",
    "Question",
    "Worksheet",
    "hidden_elements",
    "hidden_parts",
    "kinds_help",
    "student_note",
    "worksheet",
]

#: What ``--hide`` may name besides element ids.
HIDE_WORDS = ("assumptions", "links", "kinds", "attacks", "conclusions")
#: What a worksheet hides when nothing is said.
DEFAULT_HIDE = ("assumptions",)

_STUDENT_MARK = re.compile(r"\s*(?:student|生徒へ?)\s*[:：]\s*", re.IGNORECASE)
_DRAFT_MARK = re.compile(r"\s*(?:draft|下書き)\s*[:：]\s*", re.IGNORECASE)


def student_note(note: str | None) -> str | None:
    """The part of ``note`` meant for students, or None for a teacher's note.

    A note for students starts with ``student:`` (any case; 「生徒:」 or
    「生徒へ:」 in Japanese, the colon half- or full-width).

    >>> student_note("student: Is this the author's view?"), student_note("生徒へ：よく読もう")
    ("Is this the author's view?", 'よく読もう')
    >>> student_note("the answer is A1") is None, student_note(None) is None
    (True, True)
    """
    if note is None:
        return None
    m = _STUDENT_MARK.match(note)
    if m is None:
        return None
    return note[m.end() :].strip() or None


def _title(title: str) -> str:
    """``title`` without a drafting prefix ("Draft: …", 「下書き：…」)."""
    m = _DRAFT_MARK.match(title)
    if m is None:
        return title
    return title[m.end() :].strip() or title


@attrs.frozen
class Question:
    """A question of the worksheet: its blank's mark (①…) when it asks to
    fill a blank, the key element it is about, and its text."""

    mark: str | None
    about: str
    text: str


@attrs.frozen
class Worksheet:
    """A student's starting map (:attr:`map`), the key ids it hides and its questions."""

    map: ArgumentMap
    key: ArgumentMap = attrs.field(repr=False)
    hidden: tuple[str, ...]
    questions: tuple[Question, ...]
    task: str
    lang: str

    def numbered(self) -> list[tuple[str, str]]:
        """The questions as (label, text): a blank's question is labelled with
        its mark (①, as the diagram draws it), the others 1., 2., …"""
        out = []
        n = 0
        for q in self.questions:
            if q.mark is None:
                n += 1
            out.append((q.mark or f"{n}.", q.text))
        return out

    def to_yaml(self) -> str:
        """The worksheet as a map file: the task and the questions in a comment, then the map."""
        with using(self.lang):
            lines = [self.task, ""]
            lines += [_("Questions:")]
            lines += [f"{label} {text}" for label, text in self.numbered()]
            lines += ["", _fill_help(), kinds_help()]
        comment = "".join(f"# {_one_line(line)}\n".replace("# \n", "#\n") for line in lines)
        return comment + dumps(self.map)


def _one_line(text: str) -> str:
    """``text`` on one comment line: line breaks and control characters become spaces."""
    return "".join(" " if unicodedata.category(ch) in ("Cc", "Zl", "Zp") else ch for ch in text).rstrip()


def _fill_help() -> str:
    return _("To fill a blank, write your sentence after text: and delete the lines blank: true and prompt:.")


def kinds_help() -> str:
    """The five kinds, in a line for students."""
    return _(
        "Kinds: evidence (a reported fact), premise (taken as given), assumption (a hidden premise), "
        "hypothesis (if …), conclusion (what is drawn)."
    )


def hidden_parts(hide: Iterable[str], key: ArgumentMap) -> tuple[str, ...]:
    """Check ``hide`` (words of :data:`HIDE_WORDS` and element ids) against
    ``key``; return it without repeats. Raises ValueError naming what is unknown.

    >>> from argmap.model import MapBuilder
    >>> b = MapBuilder("t"); b.premise("P1", "a")
    >>> hidden_parts(["links", "P1", "links"], b.build())
    ('links', 'P1')
    >>> hidden_parts(["lnks"], b.build())  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: cannot hide 'lnks' (did you mean links?): it is neither assumptions, links, ... nor an id of the map
    """
    out: list[str] = []
    for word in hide:
        if not isinstance(word, str):
            raise TypeError(_("what to hide must be text, not {type}").format(type=type(word).__name__))
        name = word.strip()
        if name in HIDE_WORDS or name in key:
            if name not in out:
                out.append(name)
            continue
        close = difflib.get_close_matches(
            name, [*HIDE_WORDS, *key.claims, *key.inferences, *key.attacks], n=1
        )
        hint = _(" (did you mean {word}?)").format(word=close[0]) if close else ""
        raise ValueError(
            _("cannot hide {word}{hint}: it is neither {words} nor an id of the map").format(
                word=repr(name), hint=hint, words=listing(HIDE_WORDS)
            )
        )
    if not out:
        raise ValueError(_("nothing to hide: name what to hide, for example assumptions"))
    return tuple(out)


@attrs.frozen
class Hidden:
    """The key's elements a worksheet hides: blank claims, inferences without
    their premises, left-out attacks, and whether every claim's kind is hidden."""

    claims: frozenset[str]
    inferences: frozenset[str]
    attacks: frozenset[str]
    kinds: bool

    def __bool__(self) -> bool:
        return bool(self.claims or self.inferences or self.attacks or self.kinds)


def hidden_elements(key: ArgumentMap, parts: Sequence[str]) -> Hidden:
    """What the worksheet made from ``key`` with ``--hide`` ``parts`` (as
    :func:`hidden_parts` gives them) hides, as key ids."""
    maker = _Maker(key, parts)
    return Hidden(
        claims=frozenset(maker.blank_claims()),
        inferences=frozenset(maker.unlinked()),
        attacks=frozenset(maker.dropped_attacks()),
        kinds="kinds" in maker.words and bool(key.claims),
    )


class _Maker:
    """Builds the worksheet from the key, in the language in force."""

    def __init__(self, key: ArgumentMap, hide: Sequence[str]) -> None:
        self.key = key
        self.words = set(hide) & set(HIDE_WORDS)
        self.ids = [h for h in hide if h not in HIDE_WORDS]
        #: Key claim id -> worksheet id: with the kinds hidden, claims are renamed
        #: S1, S2, … (an id such as E1 or C2 would tell the kind).
        self.name: dict[str, str] = {c: c for c in key.claims}
        if "kinds" in self.words:
            taken = set(key.inferences) | set(key.attacks)
            prefix = "S"
            while any(t.startswith(prefix) for t in taken):
                prefix += "S"
            self.name = {c: f"{prefix}{n}" for n, c in enumerate(key.claims, start=1)}

    def blank_claims(self) -> set[str]:
        k = self.key
        out = {i for i in self.ids if i in k.claims}
        if "assumptions" in self.words:
            out |= {c.id for c in k.claims.values() if c.kind is Kind.ASSUMPTION}
        if "conclusions" in self.words:
            out |= {c.id for c in k.claims.values() if c.kind is Kind.CONCLUSION}
        return out

    def unlinked(self) -> set[str]:
        if "links" in self.words:
            return set(self.key.inferences)
        return {i for i in self.ids if i in self.key.inferences}

    def dropped_attacks(self) -> set[str]:
        if "attacks" in self.words:
            return set(self.key.attacks)
        return {i for i in self.ids if i in self.key.attacks}

    def prompt(self, claim: Claim) -> str:
        k = self.key
        steps = [k.inferences[i] for i in k.graph.inferences_using(claim.id)]
        if claim.kind is Kind.ASSUMPTION:
            if steps:
                step = steps[0]
                others = [self.name[p] for p in step.premises if p != claim.id]
                if others:
                    return _(
                        "The step from {premises} to {conclusion} rests on a premise the text does not write. "
                        "What is it?"
                    ).format(premises=_ids(others), conclusion=self.name[step.conclusion])
                return _(
                    "To reach {conclusion}, a premise the text does not write is needed. What is it?"
                ).format(conclusion=self.name[step.conclusion])
            return _("What does the text take for granted without saying it?")
        concluding = [k.inferences[i] for i in k.graph.inferences_concluding(claim.id)]
        if claim.kind is Kind.CONCLUSION and concluding:
            premises = [p for s in concluding for p in s.premises]
            if premises:
                return _("What does the author conclude from {premises}?").format(
                    premises=_ids(self.name[p] for p in premises)
                )
        if steps:
            return _("Write {kind} that supports {conclusion}.").format(
                kind=kind_phrase(claim.kind), conclusion=_ids(self.name[s.conclusion] for s in steps)
            )
        return _("Write {kind} from the text that belongs here.").format(kind=kind_phrase(claim.kind))

    def make(self) -> tuple[ArgumentMap, list[str], list[Question]]:
        k = self.key
        blanks = self.blank_claims()
        unlinked = self.unlinked()
        dropped = self.dropped_attacks()
        kinds = "kinds" in self.words
        claims: list[Claim] = []
        for c in k.claims.values():
            if c.id in blanks:
                claims.append(
                    Claim(
                        self.name[c.id],
                        Kind.BLANK if kinds else c.kind,
                        "",
                        blank=True,
                        prompt=self.prompt(c),
                        note=student_note(c.note),
                    )
                )
            else:
                claims.append(
                    attrs.evolve(
                        c,
                        id=self.name[c.id],
                        kind=Kind.BLANK if kinds else c.kind,
                        note=student_note(c.note),
                        blank=False,
                        prompt=None,
                    )
                )
        inferences: list[Inference] = []
        for i in k.inferences.values():
            if i.id in unlinked:
                inferences.append(
                    Inference(i.id, (), self.name[i.conclusion], marker=i.marker, note=student_note(i.note))
                )
            else:
                inferences.append(
                    attrs.evolve(
                        i,
                        premises=tuple(self.name[p] for p in i.premises),
                        conclusion=self.name[i.conclusion],
                        note=student_note(i.note),
                        scheme=None,
                        strength=None,
                    )
                )
        attacks: list[Attack] = [
            attrs.evolve(
                a,
                source=self.name.get(a.source, a.source),
                target=self.name.get(a.target, a.target),
                note=student_note(a.note),
            )
            for a in k.attacks.values()
            if a.id not in dropped
        ]
        kept = {c.id for c in claims} | {i.id for i in inferences} | {a.id for a in attacks}
        # the checks the key silences on an element stay silenced on it (under its new name)
        ignore = {self.name.get(e, e): rules for e, rules in k.ignore.items() if self.name.get(e, e) in kept}
        amap = ArgumentMap(
            title=_title(k.title),
            lang=k.lang,
            date=k.date,
            document=k.document,
            claims={c.id: c for c in claims},
            inferences={i.id: i for i in inferences},
            attacks={a.id: a for a in attacks},
            ignore=ignore,
        )
        questions: list[Question] = []
        back = {v: key_id for key_id, v in self.name.items()}
        for n, c in enumerate((c for c in claims if c.blank), start=1):
            questions.append(Question(note_mark(n), back[c.id], c.prompt or ""))
        for i in k.inferences.values():
            if i.id in unlinked:
                if i.marker:
                    text = _(
                        "From which claims does the step {id} (“{marker}”) draw {conclusion}? "
                        "Write them after from:."
                    )
                else:
                    text = _(
                        "From which claims does the step {id} draw {conclusion}? Write them after from:."
                    )
                questions.append(
                    Question(
                        None, i.id, text.format(id=i.id, marker=i.marker, conclusion=self.name[i.conclusion])
                    )
                )
        if kinds:
            questions.append(
                Question(
                    None,
                    "kinds",
                    _(
                        "Choose the kind of each claim marked “kind?”: evidence, premise, assumption, "
                        "hypothesis or conclusion."
                    ),
                )
            )
        if dropped:
            n = len(dropped)
            questions.append(
                Question(
                    None,
                    "attacks",
                    ngettext(
                        "In {n} place the text argues against one of its own claims or steps. "
                        "Find it and write it under attacks:.",
                        "In {n} places the text argues against one of its own claims or steps. "
                        "Find them and write them under attacks:.",
                        n,
                    ).format(n=n),
                )
            )
        hidden = [c for c in k.claims if c in blanks]
        hidden += [i for i in k.inferences if i in unlinked]
        hidden += [a for a in k.attacks if a in dropped]
        if kinds:
            hidden += [c for c in k.claims if c not in blanks]
        return amap, hidden, questions


def _ids(ids: Iterable[str]) -> str:
    return listing(dict.fromkeys(ids))


def worksheet(key: ArgumentMap, hide: Iterable[str] = DEFAULT_HIDE, *, lang: str | None = None) -> Worksheet:
    """The student's starting map made from ``key``, hiding ``hide`` (see the
    module docstring). Prompts, questions and the task are in ``lang``, else
    the key's language.

    Raises ValueError when ``hide`` names something unknown or the key has
    nothing of what it names (a worksheet that hides nothing would hand
    out the answers).
    """
    if not isinstance(key, ArgumentMap):
        raise TypeError(f"expected the key as an ArgumentMap, not {type(key).__name__}")
    spoken = choose(lang, key.lang)
    with using(spoken):
        parts = hidden_parts(hide, key)
        amap, hidden, questions = _Maker(key, parts).make()
        if not hidden:
            raise ValueError(
                _("nothing to hide: the key has no {what}; choose what to hide with --hide").format(
                    what=listing(p for p in parts if p in HIDE_WORDS)
                )
            )
        task = _(
            "Read the text and complete the argument map: fill each blank and answer the questions. "
            "When you have finished, check your map with argmap check."
        )
    return Worksheet(
        map=amap, key=key, hidden=tuple(hidden), questions=tuple(questions), task=task, lang=spoken
    )
