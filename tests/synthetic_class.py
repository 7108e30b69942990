"""A synthetic class: students' maps made from a teacher's key map, each with
planted, known mistakes and the feedback a teacher expects for them::

    students = make_class(key, seed=1)  # at least 30, the same for the same seed
    s = students[0]
    s.map, s.text, s.expected           # the map (None if malformed), its YAML, the feedback expected

A student is the key with

* *mistakes* (:class:`Mistake`), each of which a teacher would tell the
  student about: a hidden premise (assumption) left out or left blank, a claim
  left out, a link or a whole step left out, a link the key does not have, a
  wrong kind, a kind not chosen, an attack left out, a claim that is not in
  the text (「空は青い」), alone or as a premise or conclusion;
* *neutral changes* a teacher would not count: ids renamed (or two ids
  swapped), elements reordered, texts reworded a little, Japanese spelling
  variants (子ども/子供, 行う/行なう, full-width digits and letters);
* or nothing: the empty map, and files that do not load (broken YAML, an
  unknown kind, a missing id), with the line the error is on.

:attr:`Student.expected` is the feedback the mistakes call for, as
``(code, key id, student id)`` items (:class:`Expected`). Mistakes are planted
only in combinations that do not interfere (:func:`compatible`), so every one
of them lowers the score on its own: a student whose mistakes include
another's scores strictly less.
"""

from __future__ import annotations

import itertools
import random
import re
from collections.abc import Iterable, Sequence

import attrs

from argmap.checks.text import similarity
from argmap.formats import dumps
from argmap.model import ArgumentMap, Attack, Claim, Inference, Kind

__all__ = [
    "EXTRA_TEXTS",
    "Expected",
    "Mistake",
    "Student",
    "catalogue",
    "compatible",
    "empty",
    "make_class",
    "malformed",
    "plant",
]


@attrs.frozen(order=True)
class Expected:
    """One item of feedback a teacher expects: its code, the key's element, the student's."""

    code: str
    key: str | None
    student: str | None


@attrs.frozen
class Mistake:
    """One planted mistake.

    ``what`` is one of ``missing-assumption``, ``blank-left``, ``missing-claim``,
    ``missing-link``, ``missing-step``, ``extra-link``, ``wrong-kind``,
    ``kind-blank``, ``missed-attack``, ``extra-claim``. ``target`` is a key id
    (a claim, an inference or an attack; for ``extra-claim`` the new claim's id);
    ``other`` a second key id (the premise of a link; the inference an extra
    claim is a premise of, or, after ``from:``, the claim it is concluded from);
    ``value`` the wrong kind, the extra claim's text, or ``separate`` for a link
    drawn as an inference of its own.
    """

    what: str
    target: str
    other: str | None = None
    value: str | None = None
    #: Ids no other mistake may touch.
    exclusive: frozenset[str] = frozenset()
    #: Ids this mistake needs left as they are (no other may take them as exclusive).
    shared: frozenset[str] = frozenset()
    #: (inference, premise) pairs the mistake takes out of the key's inferences.
    removes: frozenset[tuple[str, str]] = frozenset()

    def __str__(self) -> str:
        return ":".join(x for x in (self.what, self.target, self.other, self.value) if x)


@attrs.frozen
class Student:
    """One student of the class."""

    name: str
    #: The student's map; None for a file that does not load.
    map: ArgumentMap | None
    #: The map file's text (YAML).
    text: str
    mistakes: tuple[Mistake, ...] = ()
    #: The neutral changes made: rename, swap, shuffle, paraphrase, variants.
    neutral: tuple[str, ...] = ()
    #: The feedback a teacher expects.
    expected: frozenset[Expected] = frozenset()
    #: For a file that does not load: the line of the planted error.
    error_line: int | None = None

    @property
    def pairs(self) -> frozenset[tuple[str, str | None]]:
        """The expected (code, key id) pairs."""
        return frozenset((e.code, e.key) for e in self.expected)


#: Texts that are in neither key's article: a student's own ideas.
EXTRA_TEXTS = (
    "空は青い",
    "猫はとてもかわいい動物だ",
    "明日の天気は雨になるだろう",
    "数学のテストは難しかった",
    "サッカー部の練習は毎日ある",
)

_PLAUSIBLE_WRONG = {
    Kind.EVIDENCE: Kind.PREMISE,
    Kind.PREMISE: Kind.EVIDENCE,
    Kind.ASSUMPTION: Kind.PREMISE,
    Kind.HYPOTHESIS: Kind.PREMISE,
    Kind.CONCLUSION: Kind.PREMISE,
}


# --- the mistakes a key allows ------------------------------------------------------------------


def _uses(key: ArgumentMap, claim: str) -> list[str]:
    return [i for i, inf in key.inferences.items() if claim in inf.premises]


def _attacks_touching(key: ArgumentMap, element: str) -> set[str]:
    return {x for x, a in key.attacks.items() if element in (a.source, a.target)}


def _below(key: ArgumentMap, claim: str) -> set[str]:
    """The claims ``claim`` supports, directly or through others (links to them would close a circle)."""
    out: set[str] = set()
    todo = [claim]
    while todo:
        c = todo.pop()
        for inf in key.inferences.values():
            if c in inf.premises and inf.conclusion not in out:
                out.add(inf.conclusion)
                todo.append(inf.conclusion)
    return out


def catalogue(key: ArgumentMap, seed: int = 0) -> list[Mistake]:
    """Every mistake this generator can plant in a copy of ``key`` (a few
    choices, such as which wrong link or wrong kind, drawn with ``seed``)."""
    rnd = random.Random(seed)
    concluded = {inf.conclusion for inf in key.inferences.values()}
    links = {(p, inf.conclusion) for inf in key.inferences.values() for p in inf.premises}
    out: list[Mistake] = []

    def gone(what: str, c: str) -> Mistake:
        uses = _uses(key, c)
        return Mistake(
            what,
            c,
            exclusive=frozenset({c, *_attacks_touching(key, c)}),
            shared=frozenset(uses),
            removes=frozenset((i, c) for i in uses) if what != "blank-left" else frozenset(),
        )

    for c, claim in key.claims.items():
        if claim.kind is Kind.ASSUMPTION:
            out.append(gone("missing-assumption", c))
            out.append(gone("blank-left", c))
    for c, claim in key.claims.items():
        if claim.kind is not Kind.ASSUMPTION and c not in concluded:
            out.append(gone("missing-claim", c))
    blankable = [m for m in out if m.what == "missing-claim" and _uses(key, m.target)]
    if blankable:
        out.append(gone("blank-left", blankable[0].target))
    for i, inf in key.inferences.items():
        if len(inf.premises) > 1:
            for p in inf.premises:
                out.append(
                    Mistake(
                        "missing-link",
                        i,
                        p,
                        exclusive=frozenset({f"{i}<{p}"}),
                        shared=frozenset({i, p}),
                        removes=frozenset({(i, p)}),
                    )
                )
    for i in key.inferences:
        out.append(Mistake("missing-step", i, exclusive=frozenset({i, *_attacks_touching(key, i)})))
    for i, inf in key.inferences.items():
        below = _below(key, inf.conclusion)
        choices = [
            c
            for c in key.claims
            if c not in inf.premises
            and c != inf.conclusion
            and c not in below
            and (c, inf.conclusion) not in links
        ]
        for p in rnd.sample(choices, min(2, len(choices))):
            out.append(
                Mistake(
                    "extra-link",
                    i,
                    p,
                    value="separate" if rnd.random() < 0.4 else None,
                    exclusive=frozenset({f"{i}+{p}"}),
                    shared=frozenset({i, p}),
                )
            )
    for c, claim in key.claims.items():
        out.append(
            Mistake("wrong-kind", c, value=_PLAUSIBLE_WRONG[claim.kind].value, exclusive=frozenset({c}))
        )
    if hasattr(Kind, "BLANK"):
        for c in rnd.sample(list(key.claims), min(3, len(key.claims))):
            out.append(Mistake("kind-blank", c, exclusive=frozenset({c})))
    for x in key.attacks:
        out.append(Mistake("missed-attack", x, exclusive=frozenset({x})))
    used_in = [None, *key.inferences, *(f"from:{c}" for c in key.claims)]
    for n, text in enumerate(EXTRA_TEXTS):
        where = used_in[0] if n == 0 else rnd.choice(used_in)
        z = f"Z{n + 1}"
        shared = frozenset() if where is None else frozenset({where.removeprefix("from:")})
        out.append(Mistake("extra-claim", z, where, text, exclusive=frozenset({z}), shared=shared))
    return out


def compatible(mistakes: Sequence[Mistake], key: ArgumentMap) -> bool:
    """Whether ``mistakes`` can be planted together without one changing what another means."""
    for a_i, a in enumerate(mistakes):
        for b in mistakes[a_i + 1 :]:
            if a.exclusive & (b.exclusive | b.shared) or b.exclusive & a.shared:
                return False
    removed: dict[str, int] = {}
    for m in mistakes:
        for i, _p in m.removes:
            removed[i] = removed.get(i, 0) + 1
    return all(n < len(key.inferences[i].premises) for i, n in removed.items())


# --- the neutral changes --------------------------------------------------------------------------

#: Sentence endings a teacher reads as the same claim (plain and polite forms).
_ENDINGS = (
    ("である", "だ"),
    ("だった", "でした"),
    ("ている", "ています"),
    ("がある", "があります"),
    ("した", "しました"),
    ("する", "します"),
    ("なる", "なります"),
    ("まる", "まります"),
    ("れた", "れました"),
    ("べた", "べました"),
    ("からだ", "からです"),
    ("だ", "です"),
)
#: Small words a student may leave out without changing the claim.
_FILLERS = ("すでに", "また、", "今や", "一層", "今後も", "将来的に")
#: Spelling variants of one word (the grader has to read them as the same).
_SPELLINGS = (
    ("子ども", "子供"),
    ("行う", "行なう"),
    ("全て", "すべて"),
    ("すでに", "既に"),
    ("一層", "いっそう"),
    ("取り入れ", "取入れ"),
    ("気をつけ", "気を付け"),
    ("引き上げ", "引上げ"),
    ("できる", "出来る"),
    ("さまざま", "様々"),
    ("ひとつ", "一つ"),
    ("3か月", "3ヶ月"),
)
_WIDE = str.maketrans(
    "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz%().",
    "０１２３４５６７８９ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺ"
    "ａｂｃｄｅｆｇｈｉｊｋｌｍｎｏｐｑｒｓｔｕｖｗｘｙｚ％（）．",
)


def paraphrase(text: str, rnd: random.Random) -> str:
    """``text`` reworded a little, as a student copying it might: another
    sentence ending, commas, a small word left out, other quotes."""
    out = text
    for old, new in _ENDINGS:
        if out.endswith(old):
            out = out[: -len(old)] + new
            break
    fillers = [f for f in _FILLERS if f in out]
    if fillers and rnd.random() < 0.7:
        out = out.replace(rnd.choice(fillers), "", 1)
    if "、" in out and rnd.random() < 0.5:
        out = out.replace("、", "")
    elif (at := out.find("は")) > 0 and out[at + 1 : at + 2] not in ("、", ""):
        out = out[: at + 1] + "、" + out[at + 1 :]
    out = out.replace("『", "「").replace("』", "」")
    if out == text:
        out = text + "。"
    return out


def variants(text: str) -> str:
    """``text`` in other spellings of the same words, with full-width digits and letters."""
    out = text
    for a, b in _SPELLINGS:
        if a in out:
            out = out.replace(a, b)
        elif b in out:
            out = out.replace(b, a)
    return out.translate(_WIDE)


# --- making a student -----------------------------------------------------------------------------


def plant(
    key: ArgumentMap,
    mistakes: Iterable[Mistake] = (),
    *,
    name: str = "student",
    seed: int = 0,
    rename: bool = False,
    swap: bool = False,
    shuffle: bool = False,
    reword: bool = False,
    spell: bool = False,
) -> Student:
    """A student's map: ``key`` with ``mistakes`` and the neutral changes asked for
    (``rename`` every id, ``swap`` the ids of the two most alike claims,
    ``shuffle`` the order, ``reword`` and ``spell`` every text)."""
    mistakes = tuple(mistakes)
    if not compatible(mistakes, key):
        raise ValueError(f"mistakes that interfere: {', '.join(map(str, mistakes))}")
    rnd = random.Random(seed)
    claims = {
        c: Claim(c, k.kind, k.text, conditional=k.conditional, source=k.source) for c, k in key.claims.items()
    }
    infs = {i: [list(f.premises), f.conclusion] for i, f in key.inferences.items()}
    atts = {x: (a.source, a.target) for x, a in key.attacks.items()}
    expected: list[tuple[str, str | None, str | None]] = []  # student ids still the key's

    def drop_attacks(element: str) -> None:
        for x in _attacks_touching(key, element):
            atts.pop(x, None)
            expected.append(("missed-attack", x, None))

    for m in mistakes:
        t = m.target
        if m.what in ("missing-assumption", "missing-claim", "blank-left"):
            if m.what == "blank-left":
                claims[t] = Claim(t, key.claims[t].kind, "", blank=True)
                for x in _attacks_touching(key, t):
                    expected.append(("missed-attack", x, None))
            else:
                del claims[t]
                for i in _uses(key, t):
                    infs[i][0].remove(t)
                drop_attacks(t)
            if key.claims[t].kind is Kind.ASSUMPTION:
                steps = _uses(key, t)
                expected.extend(("missed-assumption", t, i) for i in steps)
                if not steps:
                    expected.append(("missed-assumption", t, None))
            else:
                expected.append(("missed-claim", t, None))
        elif m.what == "missing-link":
            assert m.other is not None
            infs[t][0].remove(m.other)
            expected.append(("missed-link", t, t))
        elif m.what == "missing-step":
            del infs[t]
            drop_attacks(t)
            expected.append(("missed-link", t, None))
        elif m.what == "extra-link":
            assert m.other is not None
            if m.value == "separate":
                new = next(f"J{n}" for n in itertools.count(1) if f"J{n}" not in infs)
                infs[new] = [[m.other], key.inferences[t].conclusion]
                expected.append(("extra-link", t, new))
            else:
                infs[t][0].append(m.other)
                expected.append(("extra-link", t, t))
        elif m.what in ("wrong-kind", "kind-blank"):
            kind = Kind(m.value) if m.what == "wrong-kind" else Kind.BLANK
            claims[t] = attrs.evolve(claims[t], kind=kind, conditional=False)
            expected.append(("wrong-kind", t, t))
        elif m.what == "missed-attack":
            del atts[t]
            expected.append(("missed-attack", t, None))
        elif m.what == "extra-claim":
            assert m.value is not None
            claims[t] = Claim(t, Kind.PREMISE, m.value)
            if m.other is not None and m.other.startswith("from:"):
                infs[f"K{t}"] = [[m.other.removeprefix("from:")], t]
            elif m.other is not None:
                infs[m.other][0].append(t)
            expected.append(("extra-claim", None, t))
        else:
            raise ValueError(f"unknown mistake {m.what}")

    neutral: list[str] = []
    ids = [*claims, *infs, *atts]
    names = {i: i for i in ids}
    if rename:
        neutral.append("rename")
        order = rnd.sample(range(len(ids)), len(ids))
        prefix = {**dict.fromkeys(claims, "c"), **dict.fromkeys(infs, "r"), **dict.fromkeys(atts, "x")}
        names = {i: f"{prefix[i]}{order[n] + 1}" for n, i in enumerate(ids)}
    elif swap:
        filled = [c for c in claims if claims[c].text and c in key.claims]
        pairs = [(similarity(claims[a].text, claims[b].text), a, b) for a in filled for b in filled if a < b]
        if pairs:
            _sim, a, b = max(pairs)
            names[a], names[b] = b, a
            neutral.append(f"swap:{a}:{b}")
    texts = {c: claim.text for c, claim in claims.items()}
    if reword:
        neutral.append("reword")
        texts = {c: paraphrase(t, rnd) if t else t for c, t in texts.items()}
    if spell:
        neutral.append("spell")
        texts = {c: variants(t) for c, t in texts.items()}
    claim_list = [attrs.evolve(claim, id=names[c], text=texts[c]) for c, claim in claims.items()]
    inf_list = [Inference(names[i], [names[p] for p in ps], names[c]) for i, (ps, c) in infs.items()]
    att_list = [Attack(names[x], names[s], names[t]) for x, (s, t) in atts.items()]
    if shuffle:
        neutral.append("shuffle")
        rnd.shuffle(claim_list)
        rnd.shuffle(inf_list)
        rnd.shuffle(att_list)
        inf_list = [attrs.evolve(f, premises=rnd.sample(f.premises, len(f.premises))) for f in inf_list]
    amap = ArgumentMap(
        title=key.title,
        lang=key.lang,
        claims={c.id: c for c in claim_list},
        inferences={i.id: i for i in inf_list},
        attacks={a.id: a for a in att_list},
    )
    want = frozenset(Expected(code, k, None if s is None else names[s]) for code, k, s in expected)
    return Student(name, amap, dumps(amap), mistakes, tuple(neutral), want)


def empty(key: ArgumentMap, name: str = "empty") -> Student:
    """A student who handed in an empty map: everything in the key is missed."""
    amap = ArgumentMap(title=key.title, lang=key.lang)
    want = {
        Expected("missed-assumption" if c.kind is Kind.ASSUMPTION else "missed-claim", k, None)
        for k, c in key.claims.items()
    }
    want |= {Expected("missed-attack", x, None) for x in key.attacks}
    return Student(name, amap, dumps(amap), expected=frozenset(want))


def malformed(key: ArgumentMap, how: str, name: str | None = None) -> Student:
    """A file that does not load, ``how``: ``yaml`` (a bracket left open), ``tab``
    (a tab in the indentation), ``kind`` (a kind misspelt) or ``reference``
    (a premise that is no claim of the map); :attr:`Student.error_line` is its line."""
    lines = plant(key).text.splitlines()
    at = next(n for n, line in enumerate(lines) if re.match(r"    kind: ", line))
    if how == "yaml":
        lines[at] = lines[at].replace("kind: ", "kind: [")
    elif how == "tab":
        lines[at] = "\t" + lines[at].lstrip(" ")
    elif how == "kind":
        lines[at] = re.sub(r"kind: (\w+)", lambda m: f"kind: {m.group(1)[:-1]}x", lines[at])
    elif how == "reference":
        at = next(
            n for n, line in enumerate(lines) if line.startswith("    from: ") or line.startswith("    - ")
        )
        lines[at] = re.sub(r"(from: \[|- )(\w+)", r"\1nosuchclaim", lines[at], count=1)
    else:
        raise ValueError(f"unknown way to break a file: {how}")
    return Student(name or f"malformed-{how}", None, "\n".join(lines) + "\n", error_line=at + 1)


# --- the class ------------------------------------------------------------------------------------


def make_class(key: ArgumentMap, seed: int = 0, size: int = 30) -> list[Student]:
    """At least ``size`` students of ``key``, the same for the same ``seed``:
    copies with only neutral changes, the empty map, four broken files, one
    student for each kind of mistake, one who left out every hidden premise,
    then combinations of mistakes with neutral changes."""
    rnd = random.Random(seed)
    mistakes = catalogue(key, seed)
    students = [
        plant(key, name="copy"),
        plant(key, name="renamed-reordered", seed=seed, rename=True, shuffle=True),
        plant(key, name="reworded", seed=seed, rename=True, reword=True),
        plant(key, name="spelling-variants", seed=seed, spell=True),
        plant(key, name="swapped-ids", seed=seed, swap=True),
        plant(key, name="all-neutral", seed=seed, rename=True, shuffle=True, reword=True, spell=True),
        empty(key),
        *(malformed(key, how) for how in ("yaml", "tab", "kind", "reference")),
    ]

    def neutral_options() -> dict[str, bool]:
        return {
            "rename": rnd.random() < 0.5,
            "shuffle": rnd.random() < 0.5,
            "reword": rnd.random() < 0.5,
            "spell": rnd.random() < 0.3,
        }

    seen: set[str] = set()
    for m in mistakes:
        if m.what in seen:
            continue
        seen.add(m.what)
        students.append(
            plant(key, [m], name=f"one-{m.what}", seed=rnd.randrange(1 << 30), **neutral_options())
        )
    hidden = [m for m in mistakes if m.what == "missing-assumption"]
    if len(hidden) > 1 and compatible(hidden, key):
        students.append(plant(key, hidden, name="no-hidden-premises", seed=rnd.randrange(1 << 30)))
    n = 0
    while len(students) < size or n < 8:
        n += 1
        chosen: list[Mistake] = []
        for m in rnd.sample(mistakes, len(mistakes)):
            if len(chosen) >= rnd.randint(2, 4):
                break
            if compatible([*chosen, m], key):
                chosen.append(m)
        students.append(
            plant(key, chosen, name=f"mixed-{n}", seed=rnd.randrange(1 << 30), **neutral_options())
        )
        # and the same student with one mistake fewer: a subset to compare with
        if len(chosen) > 1:
            fewer = chosen[:-1]
            students.append(
                plant(key, fewer, name=f"mixed-{n}-fewer", seed=rnd.randrange(1 << 30), **neutral_options())
            )
    return students
