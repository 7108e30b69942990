"""Turn a plain tree into an :class:`~argmap.model.ArgumentMap`, collecting
every problem with its place.

The field tables below are the format: ``docs/format.md`` and the shipped JSON
Schema describe the same fields, and a test keeps the three in step.

A YAML scalar reaches this module as a string and is converted by the field's
own rule; JSON values arrive typed. Either way a field accepts exactly what its
rule says.
"""

from __future__ import annotations

import datetime as _dt
import difflib
import math
import re
from collections.abc import Callable
from typing import Any, TypeGuard

import attrs

from argmap.errors import ArgmapError, Problem
from argmap.formats._tree import Locator, Path, Tree
from argmap.model import (
    _URL,
    ID_PATTERN,
    ArgumentMap,
    Attack,
    Claim,
    Document,
    Inference,
    Kind,
    Source,
    check_url,
    parse_date,
)

FORMAT_VERSION = 1

TOP_FIELDS = ("argmap", "title", "lang", "date", "document", "claims", "inferences", "attacks", "ignore")
TOP_REQUIRED = ("argmap", "title", "claims")
DOCUMENT_FIELDS = ("title", "url", "author", "file")
SOURCE_FIELDS = ("url", "title", "speaker", "date", "quote")
CLAIM_FIELDS = ("kind", "text", "conditional", "source", "note", "tags")
CLAIM_REQUIRED = ("kind", "text")
INFERENCE_FIELDS = ("from", "to", "marker", "scheme", "strength", "note", "tags")
INFERENCE_REQUIRED = ("from", "to")
ATTACK_FIELDS = ("from", "to", "note", "tags")
ATTACK_REQUIRED = ("from", "to")

_LANG = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*\Z")
_KINDS = {k.value: k for k in Kind}
_TRUE = frozenset(("true", "True", "TRUE"))
_FALSE = frozenset(("false", "False", "FALSE"))
_CLAIM_SET = frozenset(CLAIM_FIELDS)
_INFERENCE_SET = frozenset(INFERENCE_FIELDS)
_ATTACK_SET = frozenset(ATTACK_FIELDS)
_URL_OK = _URL.match


def _type_name(value: Tree) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    return "a mapping"


def _suggest(word: str, choices: tuple[str, ...] | list[str]) -> str:
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


class _Invalid(Exception):
    """A field value broke its rule; the message says how."""


class _Builder:
    def __init__(self, locator: Locator | None) -> None:
        self.locator = locator
        self.pending: list[tuple[Path, bool, str]] = []

    # -- reporting -------------------------------------------------------
    def fail(self, path: Path, message: str, key: bool = False) -> None:
        self.pending.append((path, key, message))

    def problems(self) -> list[Problem]:
        out = []
        for path, key, message in self.pending:
            loc = self.locator.at(path, key) if self.locator is not None else None
            out.append(Problem(message, loc))
        out.sort(key=lambda p: (p.location.line, p.location.column) if p.location else (0, 0))
        return out

    # -- field rules -----------------------------------------------------
    def fields(
        self,
        value: Tree,
        path: Path,
        what: str,
        allowed: tuple[str, ...],
        required: tuple[str, ...] = (),
    ) -> dict[str, Tree] | None:
        """``value`` as a mapping with only ``allowed`` keys and all ``required`` ones."""
        if not isinstance(value, dict):
            self.fail(path, f"{what} must be a mapping of fields, not {_type_name(value)}")
            return None
        for k in value:
            if k not in allowed:
                self.fail(
                    (*path, k),
                    f"{what}: unknown field {k!r}{_suggest(k, allowed)}; known fields: {', '.join(allowed)}",
                    key=True,
                )
        for k in required:
            if value.get(k) is None:
                if k in value:
                    self.fail((*path, k), f"{what}: {k!r} needs a value")
                else:
                    self.fail(path, f"{what}: missing required field {k!r}", key=True)
        return value

    def convert(self, value: Tree, path: Path, what: str, rule: Callable[[Tree], Any]) -> Any:
        """Apply ``rule`` to a present value; None when absent or broken."""
        if value is None:
            return None
        try:
            return rule(value)
        except _Invalid as exc:
            self.fail(path, f"{what}: {exc}")
            return None

    # -- the elements ------------------------------------------------------
    def source(self, value: Tree, path: Path, what: str) -> Source | None:
        f = self.fields(value, path, f"{what} source", SOURCE_FIELDS)
        if f is None:
            return None
        return Source(
            url=self.convert(f.get("url"), (*path, "url"), f"{what} source url", url_rule),
            title=self.convert(f.get("title"), (*path, "title"), f"{what} source title", text_rule),
            speaker=self.convert(f.get("speaker"), (*path, "speaker"), f"{what} source speaker", text_rule),
            date=self.convert(f.get("date"), (*path, "date"), f"{what} source date", date_rule),
            quote=self.convert(f.get("quote"), (*path, "quote"), f"{what} source quote", text_rule),
        )

    def claim(self, cid: str, value: Tree) -> Claim | None:
        path: Path = ("claims", cid)
        what = f"claim {cid!r}"
        # Fast path for the common well-formed claim; otherwise report why not.
        if (
            not isinstance(value, dict)
            or not value.keys() <= _CLAIM_SET
            or value.get("kind") is None
            or value.get("text") is None
        ) and self.fields(value, path, what, CLAIM_FIELDS, CLAIM_REQUIRED) is None:
            return None
        get = value.get
        kind = self.convert(get("kind"), (*path, "kind"), what, kind_rule)
        text = self.convert(get("text"), (*path, "text"), what + " text", text_rule)
        conditional = self.convert(
            get("conditional"), (*path, "conditional"), what + " conditional", bool_rule
        )
        source = get("source")
        if source is not None:
            source = self.source(source, (*path, "source"), what)
        note = self.convert(get("note"), (*path, "note"), what + " note", text_rule)
        tags = self.convert(get("tags"), (*path, "tags"), what + " tags", tags_rule)
        if kind is None or text is None:
            return None
        return Claim(cid, kind, text, bool(conditional), source, note, tags or ())

    def inference(self, iid: str, value: Tree) -> Inference | None:
        path: Path = ("inferences", iid)
        what = f"inference {iid!r}"
        f = self.fields(value, path, what, INFERENCE_FIELDS, INFERENCE_REQUIRED)
        if f is None:
            return None
        get = f.get
        premises = self.convert(get("from"), (*path, "from"), what + " from", ids_rule)
        conclusion = self.convert(get("to"), (*path, "to"), what + " to", id_rule)
        strength = self.convert(get("strength"), (*path, "strength"), what + " strength", strength_rule)
        marker = self.convert(get("marker"), (*path, "marker"), what + " marker", text_rule)
        scheme = self.convert(get("scheme"), (*path, "scheme"), what + " scheme", text_rule)
        note = self.convert(get("note"), (*path, "note"), what + " note", text_rule)
        tags = self.convert(get("tags"), (*path, "tags"), what + " tags", tags_rule)
        if premises is None or conclusion is None:
            return None
        return Inference(iid, premises, conclusion, marker, scheme, strength, note, tags or ())

    def attack(self, aid: str, value: Tree) -> Attack | None:
        path: Path = ("attacks", aid)
        what = f"attack {aid!r}"
        f = self.fields(value, path, what, ATTACK_FIELDS, ATTACK_REQUIRED)
        if f is None:
            return None
        get = f.get
        source = self.convert(get("from"), (*path, "from"), what + " from", id_rule)
        target = self.convert(get("to"), (*path, "to"), what + " to", id_rule)
        note = self.convert(get("note"), (*path, "note"), what + " note", text_rule)
        tags = self.convert(get("tags"), (*path, "tags"), what + " tags", tags_rule)
        if source is None or target is None:
            return None
        return Attack(aid, source, target, note, tags or ())

    def section(
        self,
        top: dict[str, Tree],
        name: str,
        quick: Callable[[str, Tree], Any],
        careful: Callable[[str, Tree], Any],
        seen: dict[str, str],
    ) -> dict[str, Any]:
        value = top.get(name)
        out: dict[str, Any] = {}
        if value is None:
            return out
        if not isinstance(value, dict):
            self.fail((name,), f"{name} must be a mapping from id to {name[:-1]}, not {_type_name(value)}")
            return out
        kind = name[:-1] if name != "inferences" else "inference"
        for eid, body in value.items():
            if ID_PATTERN.match(eid) is None:
                self.fail(
                    (name, eid),
                    f"{kind} id {eid!r} is not valid: start with a letter, then use letters, digits, '_', '.' or '-'",
                    key=True,
                )
                continue
            if eid in seen:
                self.fail(
                    (name, eid),
                    f"id {eid!r} is already used by a {seen[eid]}; ids must be unique across claims, inferences and attacks",
                    key=True,
                )
                continue
            seen[eid] = kind
            element = quick(eid, body) or careful(eid, body)
            if element is not None:
                out[eid] = element
        return out

    # -- the whole map -----------------------------------------------------
    def build(self, tree: Tree) -> ArgumentMap | None:
        if not isinstance(tree, dict):
            self.fail(
                (),
                f"an argument map must be a mapping with argmap:, title: and claims: at the top, not {_type_name(tree)}",
            )
            return None
        self.fields(tree, (), "map", TOP_FIELDS, TOP_REQUIRED)
        version = tree.get("argmap")
        if version is not None:
            v = self.convert(version, ("argmap",), "argmap (format version)", int_rule)
            if v is not None and v != FORMAT_VERSION:
                self.fail(
                    ("argmap",),
                    f"format version {v} is not supported: this argmap reads version {FORMAT_VERSION}",
                )
        title = self.convert(tree.get("title"), ("title",), "title", text_rule)
        lang = self.convert(tree.get("lang"), ("lang",), "lang", lang_rule) or "en"
        date = self.convert(tree.get("date"), ("date",), "date", date_rule)
        document = None
        if tree.get("document") is not None:
            f = self.fields(tree["document"], ("document",), "document", DOCUMENT_FIELDS)
            if f is not None:
                document = Document(
                    title=self.convert(f.get("title"), ("document", "title"), "document title", text_rule),
                    url=self.convert(f.get("url"), ("document", "url"), "document url", url_rule),
                    author=self.convert(
                        f.get("author"), ("document", "author"), "document author", text_rule
                    ),
                    file=self.convert(f.get("file"), ("document", "file"), "document file", text_rule),
                )
        seen: dict[str, str] = {}
        claims = self.section(tree, "claims", _quick_claim, self.claim, seen)
        inferences = self.section(tree, "inferences", _quick_inference, self.inference, seen)
        attacks = self.section(tree, "attacks", _quick_attack, self.attack, seen)
        self.references(claims, inferences, attacks, seen)
        ignore = self.ignore(tree.get("ignore"), seen)
        if self.pending or title is None:
            return None
        origin = self.locator.for_elements() if self.locator is not None else None
        return ArgumentMap(title, lang, date, document, claims, inferences, attacks, ignore, origin)

    def references(
        self,
        claims: dict[str, Claim],
        inferences: dict[str, Inference],
        attacks: dict[str, Attack],
        seen: dict[str, str],
    ) -> None:
        def missing(ref: str, path: Path, what: str, want: str) -> None:
            if ref in seen:
                self.fail(
                    path, f"{what} {ref!r} is a{'n' if seen[ref][0] in 'aei' else ''} {seen[ref]}, not {want}"
                )
            else:
                known = [
                    k for k, v in seen.items() if v == "claim" or (want != "a claim" and v == "inference")
                ]
                self.fail(path, f"{what} {ref!r} does not exist{_suggest(ref, known)}")

        # An id in ``seen`` whose element was broken is reported where it stands;
        # references to it are not reported again.
        def broken(ref: str) -> bool:
            return ref in seen and ref not in claims and ref not in inferences and ref not in attacks

        for iid, inf in inferences.items():
            for i, p in enumerate(inf.premises):
                if p not in claims and not broken(p):
                    missing(p, ("inferences", iid, "from", i), f"inference {iid!r}: premise", "a claim")
            if inf.conclusion not in claims and not broken(inf.conclusion):
                missing(
                    inf.conclusion, ("inferences", iid, "to"), f"inference {iid!r}: conclusion", "a claim"
                )
        for aid, att in attacks.items():
            if att.source not in claims and not broken(att.source):
                missing(att.source, ("attacks", aid, "from"), f"attack {aid!r}: source", "a claim")
            if att.target not in claims and att.target not in inferences and not broken(att.target):
                missing(
                    att.target, ("attacks", aid, "to"), f"attack {aid!r}: target", "a claim or an inference"
                )

    def ignore(self, value: Tree, seen: dict[str, str]) -> dict[str, tuple[str, ...]]:
        out: dict[str, tuple[str, ...]] = {}
        if value is None:
            return out
        if not isinstance(value, dict):
            self.fail(
                ("ignore",),
                f"ignore must be a mapping from element id to a list of rule names, not {_type_name(value)}",
            )
            return out
        for eid, rules in value.items():
            if eid not in seen:
                self.fail(
                    ("ignore", eid),
                    f"ignore: {eid!r} is not an element of this map{_suggest(eid, list(seen))}",
                    key=True,
                )
                continue
            names = self.convert(rules, ("ignore", eid), f"ignore {eid!r}", tags_rule)
            if names is not None:
                out[eid] = names
        return out


# -- value rules: raise _Invalid with a message a person can act on ----------


def text_rule(value: Tree) -> str:
    if isinstance(value, str):
        return value
    raise _Invalid(f"expected text, found {_type_name(value)}")


def kind_rule(value: Tree) -> Kind:
    if isinstance(value, str):
        kind = _KINDS.get(value)
        if kind is not None:
            return kind
        raise _Invalid(f"unknown kind {value!r}{_suggest(value, list(_KINDS))}; kinds: {', '.join(_KINDS)}")
    raise _Invalid(f"kind must be one of {', '.join(_KINDS)}, not {_type_name(value)}")


def bool_rule(value: Tree) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        if value in _TRUE:
            return True
        if value in _FALSE:
            return False
    raise _Invalid(f"expected true or false, found {value!r}")


def int_rule(value: Tree) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str) and value.isascii() and value.isdigit():
        return int(value)
    raise _Invalid(f"expected a whole number, found {value!r}")


def strength_rule(value: Tree) -> float:
    number: float
    if isinstance(value, int) and not isinstance(value, bool):
        # JSON integers are unbounded; one too large for a float is out of range anyway.
        number = float(value) if abs(value) <= 1 else 2.0
    elif isinstance(value, float):
        number = value
    elif isinstance(value, str):
        try:
            number = float(value)
        except ValueError:
            raise _Invalid(f"expected a number from 0 to 1, found {value!r}") from None
    else:
        raise _Invalid(f"expected a number from 0 to 1, found {_type_name(value)}")
    if not (0.0 <= number <= 1.0) or math.isnan(number):
        raise _Invalid(f"{value} is out of range: strength is a number from 0 to 1")
    return number


def date_rule(value: Tree) -> _dt.date:
    if isinstance(value, str):
        try:
            return parse_date(value)
        except ValueError as exc:
            raise _Invalid(str(exc)) from None
    raise _Invalid(f"expected a date such as 2023-05-09, found {_type_name(value)}")


def url_rule(value: Tree) -> str:
    url = text_rule(value)
    try:
        check_url(url)
    except ValueError as exc:
        raise _Invalid(str(exc)) from None
    return url


def lang_rule(value: Tree) -> str:
    lang = text_rule(value)
    if _LANG.match(lang) is None:
        raise _Invalid(f"{lang!r} is not a BCP-47 language tag such as 'ja' or 'en-GB'")
    return lang


def id_rule(value: Tree) -> str:
    if isinstance(value, str) and ID_PATTERN.match(value) is not None:
        return value
    if isinstance(value, str):
        raise _Invalid(f"{value!r} is not a valid id")
    raise _Invalid(f"expected an element id, found {_type_name(value)}")


def ids_rule(value: Tree) -> tuple[str, ...]:
    if isinstance(value, str):
        return (id_rule(value),)
    if isinstance(value, list):
        return tuple(id_rule(v) for v in value)
    raise _Invalid(f"expected a list of claim ids, found {_type_name(value)}")


def tags_rule(value: Tree) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise _Invalid("expected a list of names")


# -- quick paths ---------------------------------------------------------------
# Most elements in a real file are well formed. These functions build such an
# element directly and give up (None) at the first thing out of the ordinary;
# the careful methods of _Builder then decide, and say what is wrong. A quick
# path accepts only what the careful path accepts, with the same result (a
# property test holds them to that).

_SOURCE_SET = frozenset(SOURCE_FIELDS)


def _opt_text(value: Tree) -> bool:
    return value is None or type(value) is str


def _quick_names(value: Tree) -> tuple[str, ...] | None:
    if value is None:
        return ()
    if type(value) is str:
        return (value,)
    if type(value) is list and all(type(v) is str for v in value):
        return tuple(value)
    return None


def _quick_source(value: Tree) -> Source | None:
    if type(value) is not dict or not value.keys() <= _SOURCE_SET:
        return None
    get = value.get
    url, title, speaker, date, quote = get("url"), get("title"), get("speaker"), get("date"), get("quote")
    if not (
        _opt_text(url) and _opt_text(title) and _opt_text(speaker) and _opt_text(date) and _opt_text(quote)
    ):
        return None
    if url is not None and _URL_OK(url) is None:
        return None
    if date is not None:
        try:
            date = parse_date(date)
        except ValueError:
            return None
    return Source(url, title, speaker, date, quote)


def _quick_claim(cid: str, value: Tree) -> Claim | None:
    if type(value) is not dict or not value.keys() <= _CLAIM_SET:
        return None
    get = value.get
    kind, text, note = get("kind"), get("text"), get("note")
    if type(kind) is not str or type(text) is not str or not _opt_text(note):
        return None
    kind = _KINDS.get(kind)
    conditional = get("conditional", False)
    if conditional is None:
        conditional = False
    elif type(conditional) is str:
        conditional = True if conditional in _TRUE else False if conditional in _FALSE else None
    tags = _quick_names(get("tags"))
    source = get("source")
    if source is not None and (source := _quick_source(source)) is None:
        return None
    if kind is None or type(conditional) is not bool or tags is None:
        return None
    return Claim(cid, kind, text, conditional, source, note, tags)


def _quick_id(value: Tree) -> TypeGuard[str]:
    # A reference need not be matched against the id pattern here: it must name
    # an element, and every element's id has been checked where it is declared.
    return type(value) is str


def _quick_inference(iid: str, value: Tree) -> Inference | None:
    if type(value) is not dict or not value.keys() <= _INFERENCE_SET:
        return None
    get = value.get
    premises, conclusion, strength = get("from"), get("to"), get("strength")
    marker, scheme, note = get("marker"), get("scheme"), get("note")
    if type(premises) is str:
        premises = [premises]
    if type(premises) is not list or not all(_quick_id(p) for p in premises) or not _quick_id(conclusion):
        return None
    if not (_opt_text(marker) and _opt_text(scheme) and _opt_text(note)):
        return None
    if strength is not None:
        if type(strength) is str:
            try:
                strength = float(strength)
            except ValueError:
                return None
        elif type(strength) is int:
            if not 0 <= strength <= 1:
                return None
            strength = float(strength)
        if type(strength) is not float or not 0.0 <= strength <= 1.0:
            return None
    tags = _quick_names(get("tags"))
    if tags is None:
        return None
    return Inference(iid, tuple(premises), conclusion, marker, scheme, strength, note, tags)


def _quick_attack(aid: str, value: Tree) -> Attack | None:
    if type(value) is not dict or not value.keys() <= _ATTACK_SET:
        return None
    get = value.get
    source, target, note = get("from"), get("to"), get("note")
    tags = _quick_names(get("tags"))
    if not (_quick_id(source) and _quick_id(target) and _opt_text(note)) or tags is None:
        return None
    return Attack(aid, source, target, note, tags)


def build_map(tree: Tree, locator: Locator | None, earlier: list[Problem]) -> ArgumentMap:
    """The map described by ``tree``; raises :class:`ArgmapError` listing every problem."""
    builder = _Builder(locator)
    with attrs.validators.disabled():
        amap = builder.build(tree) if tree is not None else None
    problems = sorted(
        earlier + builder.problems(),
        key=lambda p: (p.location.line, p.location.column) if p.location else (0, 0),
    )
    if problems or amap is None:
        raise ArgmapError(problems or [Problem("the map could not be read")])
    return amap
