"""The argument map: immutable attrs classes and a graph view built once.

An argument map is a typed directed graph. *Claims* (evidence, premises,
hidden assumptions, hypotheses and conclusions) are joined by *inferences*
(premises -> one conclusion) and *attacks* (a claim against a claim, an
inference or another attack).

Build one in code with a :class:`MapBuilder`:

>>> b = MapBuilder("Rain", lang="en")
>>> b.evidence("E1", "The forecast says rain", source=Source(speaker="Met Office"))
>>> b.conclusion("C1", "Take an umbrella")
>>> b.inference("I1", ["E1"], "C1", marker="so")
>>> m = b.build()
>>> list(m.claims)
['E1', 'C1']
>>> m.graph.inferences_concluding("C1")
('I1',)
>>> m.claims["E1"].kind
<Kind.EVIDENCE: 'evidence'>

Maps never change; editing gives a new map:

>>> b2 = m.edit()
>>> b2.premise("P1", "Umbrellas keep you dry")
>>> m2 = b2.build()
>>> len(m.claims), len(m2.claims)
(2, 3)

Messages are in the language in force (:func:`argmap.i18n.using`), so
the loader's located problems, which reuse them, speak it too.

This module imports nothing else from argmap but :mod:`argmap.errors`,
:mod:`argmap.i18n` and :mod:`argmap.support`.
"""

from __future__ import annotations

import datetime as _dt
import enum
import functools
import ipaddress
import math
import re
import types
from collections.abc import Callable, Iterable, Mapping
from typing import Any, Protocol, TypeVar, cast
from urllib.parse import urlsplit

import attrs

from argmap.errors import ArgmapError, Location, Problem
from argmap.i18n import N_, _
from argmap.support import type_name

__all__ = [
    "ID_PATTERN",
    "ArgumentMap",
    "Attack",
    "Claim",
    "Document",
    "Graph",
    "Inference",
    "Kind",
    "Locator",
    "MapBuilder",
    "Source",
    "parse_date",
]

#: Element ids: a letter, then letters, digits, ``_``, ``.`` or ``-``.
ID_PATTERN = re.compile(r"[A-Za-z][A-Za-z0-9_.\-]*\Z")
#: Language tags (BCP-47, as far as argmap reads them): ``ja``, ``en-GB``, ``zh-Hant``.
LANG_PATTERN = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*\Z")

_DATE_PATTERN = re.compile(r"(\d{4})([-./])(\d{1,2})\2(\d{1,2})\Z", re.ASCII)


def parse_date(text: str) -> _dt.date:
    """Parse a date written ``YYYY-MM-DD``, ``YYYY.MM.DD`` or ``YYYY/MM/DD``.

    Articles often write ``2023.05.09``; all three forms mean the same day.

    >>> parse_date("2023.05.09")
    datetime.date(2023, 5, 9)
    >>> parse_date("2023/5/9")
    datetime.date(2023, 5, 9)
    >>> parse_date("09.05.2023")
    Traceback (most recent call last):
    ...
    ValueError: '09.05.2023' is not a date: write YYYY-MM-DD (or YYYY.MM.DD, YYYY/MM/DD)
    """
    if not isinstance(text, str):
        raise TypeError(
            _("a date must be text such as '2023-05-09', not {type}").format(type=type_name(text))
        )
    m = _DATE_PATTERN.match(text.strip())
    if m is not None:
        year, month, day = int(m[1]), int(m[3]), int(m[4])
        if year < _dt.MINYEAR:
            message = _("{text} is not a date: year {year} is out of range")
        elif not 1 <= month <= 12:
            message = _("{text} is not a date: month must be in 1..12")
        else:
            try:
                return _dt.date(year, month, day)
            except ValueError:
                message = _("{text} is not a date: day is out of range for month")
        raise ValueError(message.format(text=_brief(text), year=year, month=month, day=day))
    raise ValueError(
        _("{text} is not a date: write YYYY-MM-DD (or YYYY.MM.DD, YYYY/MM/DD)").format(text=_brief(text))
    )


def _to_date(value: _dt.date | str | None) -> _dt.date | None:
    if value is None or type(value) is _dt.date:
        return value
    if isinstance(value, _dt.datetime):
        return value.date()  # a day is what the format holds
    if isinstance(value, _dt.date):
        return _dt.date(value.year, value.month, value.day)
    if isinstance(value, str):
        return parse_date(value)
    raise TypeError(
        _("a date must be a datetime.date or text such as '2023-05-09', not {type}").format(
            type=type_name(value)
        )
    )


_URL = re.compile(r"[Hh][Tt][Tt][Pp][Ss]?://(?=[^\s/])([^\s/?#]*)[^\s]*\Z")
#: An ASCII host name without user or port, then printable ASCII.
_PLAIN_URL = re.compile(r"[Hh][Tt][Tt][Pp][Ss]?://[A-Za-z0-9][A-Za-z0-9.\-]*(?:[/?#][\x21-\x7e]*)?\Z")
#: Characters no URL holds: controls (C0, DEL, C1).
_URL_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f]")
_PORT = re.compile(r"[0-9]{0,5}\Z", re.ASCII)
_HOST_UNSAFE = re.compile(r"[\[\]\\<>\"{}|^`]")


def check_url(url: str) -> None:
    """Raise ValueError unless ``url`` is an absolute http or https URL with a host.

    The address is read by the standard library's parser, as the drawing
    reads it to make a link: a host in brackets must be an IPv6 address, a
    port a number up to 65535, and the host must not change meaning under
    Unicode normalization (``a℀b`` would read as ``a a/c b``).

    >>> check_url("https://example.org/a")
    >>> check_url("javascript:alert(1)")
    Traceback (most recent call last):
    ...
    ValueError: 'javascript:alert(1)' is not an http or https URL
    >>> check_url("https://[::1")
    Traceback (most recent call last):
    ...
    ValueError: 'https://[::1' is not a valid URL: a host in brackets must be an IPv6 address such as [2001:db8::1]
    """
    check_text(url, _("a URL"))
    if _PLAIN_URL.match(url) is not None:
        return  # the common case, that no parser refuses: skip the parsing
    m = _URL.match(url)
    if m is None:
        raise ValueError(_("{url} is not an http or https URL").format(url=_brief(url)))
    if (bad := _URL_UNSAFE.search(url)) is not None:
        problem: str | None = _("it holds the control character U+{code}").format(
            code=f"{ord(bad.group()):04X}"
        )
    else:
        problem = _netloc_problem(m.group(1))
    if problem is None:
        try:  # what the drawing does with it; any refusal by this Python's parser too
            parts = urlsplit(url)
            if not parts.hostname:
                problem = _("it has no host name")
            parts.port  # noqa: B018 - reading it checks it
        except ValueError as exc:
            problem = _parser_problem(exc, m.group(1))
    if problem is not None:
        raise ValueError(_("{url} is not a valid URL: {problem}").format(url=_brief(url), problem=problem))


def _parser_problem(exc: ValueError, netloc: str) -> str:
    """What the standard library's URL parser found wrong, in the language in force."""
    if "NFKC" in str(exc):
        return _("the host name {host} holds a character that changes under Unicode normalization").format(
            host=_brief(netloc.rpartition("@")[2])
        )
    # Any other refusal of a future Python: its own words, after ours.
    return _("the URL parser refuses it ({reason})").format(reason=exc)


def _netloc_problem(netloc: str) -> str | None:
    """What is wrong with the ``user@host:port`` part of a URL, or None."""
    host = netloc.rpartition("@")[2]
    if host.startswith("["):
        inside, bracket, port = host[1:].partition("]")
        try:
            ipaddress.IPv6Address(inside)
        except ValueError:
            return _("a host in brackets must be an IPv6 address such as [2001:db8::1]")
        if not bracket or (port and not port.startswith(":")):
            return _("a host in brackets must be an IPv6 address such as [2001:db8::1]")
        port = port[1:]
    else:
        host, _colon, port = host.partition(":")
        if not host:
            return _("it has no host name")
        if _HOST_UNSAFE.search(host) is not None:
            return _("the host name {host} holds a character that no host name has").format(host=_brief(host))
    if _PORT.match(port) is None or (port and int(port) > 65535):
        return _("the port {port} is not a number from 0 to 65535").format(port=_brief(port))
    return None


def _brief(text: str, limit: int = 60) -> str:
    """``repr(text)``, cut to about ``limit`` characters with its length said.

    >>> _brief("x" * 100)
    "'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…' (100 characters)"
    """
    shown = repr(text)
    if len(shown) <= limit:
        return shown
    return _("{text} ({count} characters)").format(
        text=f"{shown[: limit - 2]}…{shown[-1]}", count=f"{len(text):,}"
    )


def _shown_number(value: float) -> str:
    """A number as a message shows it: a huge int by its size (Python will not
    write out more than 4,300 digits, and nobody needs to read them)."""
    if isinstance(value, int) and value.bit_length() > 128:
        digits = math.ceil(value.bit_length() * math.log10(2))
        return _("a whole number of about {digits} digits").format(digits=f"{digits:,}")
    return repr(value)


def _url_validator(_inst: object, _attr: attrs.Attribute[Any], value: str | None) -> None:
    if value is not None:
        check_url(value)


_SURROGATE = re.compile("[\ud800-\udfff]")


def check_text(value: str, what: str | None = None) -> None:
    r"""Raise TypeError unless ``value`` is a str, ValueError if it holds a lone
    surrogate (half of a UTF-16 pair: no file can hold it, so no map may).

    >>> check_text("日本")
    >>> check_text("a\ud800")
    Traceback (most recent call last):
    ...
    ValueError: a text holds '\ud800', half of a UTF-16 surrogate pair without its other half: it cannot be written as UTF-8

    ``what`` names the value in the message (a field name, or a phrase in
    the language in force; None: "a text").
    """
    if not isinstance(value, str):
        raise TypeError(
            _("{what} must be a str, not {type}").format(what=what or _("a text"), type=type_name(value))
        )
    if not value.isascii() and (m := _SURROGATE.search(value)) is not None:
        raise ValueError(
            _(
                "{what} holds {char}, half of a UTF-16 surrogate pair without its other half: "
                "it cannot be written as UTF-8"
            ).format(what=what or _("a text"), char=repr(m.group()))
        )


def _text_validator(_inst: object, attr: attrs.Attribute[Any], value: str) -> None:
    check_text(value, attr.name)


def _optional_text_validator(_inst: object, attr: attrs.Attribute[Any], value: str | None) -> None:
    if value is not None:
        check_text(value, attr.name)


def _texts_validator(_inst: object, attr: attrs.Attribute[Any], value: tuple[str, ...]) -> None:
    for v in value:
        check_text(v, _("each of {field}").format(field=attr.name))


def _id_validator(_inst: object, attr: attrs.Attribute[Any], value: str) -> None:
    if not isinstance(value, str):
        raise TypeError(
            _("{field} must be an id (a str), not {type}").format(field=attr.name, type=type_name(value))
        )
    if ID_PATTERN.match(value) is None:
        raise ValueError(
            _(
                "{id} is not a valid id: start with a letter, then use letters, digits, '_', '.' or '-'"
            ).format(id=_brief(value))
        )


def _ids_validator(inst: object, attr: attrs.Attribute[Any], value: tuple[str, ...]) -> None:
    for v in value:
        _id_validator(inst, attr, v)


def _strength_validator(_inst: object, _attr: attrs.Attribute[Any], value: float | None) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError(
            _("strength must be a number from 0 to 1, not {value}").format(value=type_name(value))
        )
    if not (0.0 <= value <= 1.0) or math.isnan(value):
        raise ValueError(
            _("strength must be a number from 0 to 1, not {value}").format(value=_shown_number(value))
        )


def _bool_validator(_inst: object, attr: attrs.Attribute[Any], value: bool) -> None:
    if not isinstance(value, bool):
        raise TypeError(
            _("{field} must be True or False, not {type}").format(field=attr.name, type=type_name(value))
        )


def _instance_validator(cls: type) -> Callable[[object, attrs.Attribute[Any], object], None]:
    def check(_inst: object, attr: attrs.Attribute[Any], value: object) -> None:
        if value is not None and not isinstance(value, cls):
            raise TypeError(
                _("{field} must be a {cls} or None, not {type}").format(
                    field=attr.name, cls=cls.__name__, type=type_name(value)
                )
            )

    return check


def _lang_validator(_inst: object, _attr: attrs.Attribute[Any], value: str) -> None:
    check_text(value, "lang")
    if LANG_PATTERN.match(value) is None:
        raise ValueError(
            _("{lang} is not a BCP-47 language tag such as 'ja' or 'en-GB'").format(lang=_brief(value))
        )


def _str_tuple(value: Iterable[str]) -> tuple[str, ...]:
    if type(value) is tuple:
        return value
    if isinstance(value, str):
        return (value,)
    if isinstance(value, Mapping) or not isinstance(value, Iterable):
        raise TypeError(_("expected a list of str, not {type}").format(type=type_name(value)))
    return tuple(value)


class Kind(enum.Enum):
    """What a claim is, in the argument."""

    #: A reported fact or attributed statement, normally with a source.
    EVIDENCE = "evidence"
    #: A claim the author asserts as given, without support.
    PREMISE = "premise"
    #: An unstated premise a reader must supply for a step to work.
    ASSUMPTION = "assumption"
    #: A supposition: "if Japan joins NATO", 「もし…すれば」.
    HYPOTHESIS = "hypothesis"
    #: A claim the author infers (intermediate or final).
    CONCLUSION = "conclusion"
    #: Not chosen yet: in a worksheet, the student decides which of the
    #: kinds above the claim is. The checks take it as given, like a premise.
    BLANK = "blank"


def _to_kind(value: Kind | str) -> Kind:
    if type(value) is Kind:
        return value
    kinds = _(", ").join(k.value for k in Kind)
    if not isinstance(value, str):
        raise TypeError(
            _("kind must be a Kind or one of {kinds}, not {type}").format(kinds=kinds, type=type_name(value))
        )
    try:
        return Kind(value)
    except ValueError:
        raise ValueError(
            _("unknown kind {kind}: kinds are {kinds}").format(kind=_brief(value), kinds=kinds)
        ) from None


@attrs.frozen
class Source:
    """Where a claim comes from: a document and who said it when.

    ``quote`` holds the source's own words when the claim paraphrases them.
    """

    url: str | None = attrs.field(default=None, validator=_url_validator)
    title: str | None = attrs.field(default=None, validator=_optional_text_validator)
    speaker: str | None = attrs.field(default=None, validator=_optional_text_validator)
    date: _dt.date | None = attrs.field(default=None, converter=_to_date)
    quote: str | None = attrs.field(default=None, validator=_optional_text_validator)


@attrs.frozen
class Document:
    """The analysed text. ``file`` is relative to the map file."""

    title: str | None = attrs.field(default=None, validator=_optional_text_validator)
    url: str | None = attrs.field(default=None, validator=_url_validator)
    author: str | None = attrs.field(default=None, validator=_optional_text_validator)
    file: str | None = attrs.field(default=None, validator=_optional_text_validator)


@attrs.frozen
class Claim:
    """A statement in the argument: evidence, premise, assumption, hypothesis or conclusion."""

    id: str = attrs.field(validator=_id_validator)
    kind: Kind = attrs.field(converter=_to_kind)
    text: str = attrs.field(validator=_text_validator)
    conditional: bool = attrs.field(default=False, validator=_bool_validator)
    source: Source | None = attrs.field(default=None, validator=_instance_validator(Source))
    note: str | None = attrs.field(default=None, validator=_optional_text_validator)
    tags: tuple[str, ...] = attrs.field(default=(), converter=_str_tuple, validator=_texts_validator)
    #: A blank for a student to fill (an exercise): its text may be empty.
    blank: bool = attrs.field(default=False, validator=_bool_validator)
    #: For a blank: what the student should write there.
    prompt: str | None = attrs.field(default=None, validator=_optional_text_validator)

    def __attrs_post_init__(self) -> None:
        if not self.blank and not self.text.strip():
            raise ValueError(
                _("claim {id} has an empty text: write its text, or mark it as a blank (blank: true)").format(
                    id=self.id
                )
            )


@attrs.frozen
class Inference:
    """A step from ``premises`` (claim ids, in order) to one ``conclusion`` claim."""

    id: str = attrs.field(validator=_id_validator)
    premises: tuple[str, ...] = attrs.field(converter=_str_tuple, validator=_ids_validator)
    conclusion: str = attrs.field(validator=_id_validator)
    marker: str | None = attrs.field(default=None, validator=_optional_text_validator)
    scheme: str | None = attrs.field(default=None, validator=_optional_text_validator)
    strength: float | None = attrs.field(default=None, validator=_strength_validator)
    note: str | None = attrs.field(default=None, validator=_optional_text_validator)
    tags: tuple[str, ...] = attrs.field(default=(), converter=_str_tuple, validator=_texts_validator)


@attrs.frozen
class Attack:
    """A claim (``source``) against a claim (rebuttal), an inference (undercut)
    or another attack (a counter-attack: "granted, ..., but ...")."""

    id: str = attrs.field(validator=_id_validator)
    source: str = attrs.field(validator=_id_validator)
    target: str = attrs.field(validator=_id_validator)
    note: str | None = attrs.field(default=None, validator=_optional_text_validator)
    tags: tuple[str, ...] = attrs.field(default=(), converter=_str_tuple, validator=_texts_validator)


Element = Claim | Inference | Attack

_T = TypeVar("_T")


def prechecked(cls: type[_T]) -> Callable[..., _T]:
    """A constructor for values that are already checked and converted.

    It takes every field, positionally and in declaration order, and stores
    the values straight into the slots: no converters, no validators. For a
    frozen class attrs' ``__init__`` must go through ``object.__setattr__``
    one field at a time, which costs a large load more than half again; this
    builds the same instance in about half the time. Only the loader uses it,
    after its own checks; code that builds maps uses the classes.

    Like attrs itself, it writes the function's source from the field names
    (our own identifiers) and compiles it once.

    >>> make = prechecked(Attack)
    >>> make("X1", "P1", "I1", None, ()) == Attack("X1", "P1", "I1")
    True
    """
    names = [a.name for a in attrs.fields(cls)]  # type: ignore[arg-type]
    namespace: dict[str, Any] = {"new": object.__new__, "cls": cls}
    namespace.update({f"set_{n}": getattr(cls, n).__set__ for n in names})
    lines = [f"def make({', '.join(names)}):", "    obj = new(cls)"]
    lines += [f"    set_{n}(obj, {n})" for n in names]
    lines.append("    return obj")
    exec("\n".join(lines), namespace)  # the source holds our field names only
    make: Callable[..., _T] = namespace["make"]
    make.__qualname__ = f"prechecked({cls.__name__})"
    return make


_EMPTY: tuple[str, ...] = ()


class Graph:
    """Adjacency of a map, built once in O(V+E); read it through the methods.

    >>> b = MapBuilder("t")
    >>> b.evidence("E1", "a"); b.premise("P1", "b"); b.conclusion("C1", "c")
    >>> b.inference("I1", ["E1", "P1"], "C1"); b.attack("X1", "P1", "I1")
    >>> g = b.build().graph
    >>> g.premises_of("I1"), g.inferences_using("P1"), g.attackers_of("I1")
    (('E1', 'P1'), ('I1',), ('X1',))
    """

    __slots__ = ("_attackers", "_concluding", "_inferences", "_using")

    def __init__(self, amap: ArgumentMap) -> None:
        concluding: dict[str, list[str]] = {}
        using: dict[str, list[str]] = {}
        attackers: dict[str, list[str]] = {}
        for inf in amap.inferences.values():
            concluding.setdefault(inf.conclusion, []).append(inf.id)
            for p in dict.fromkeys(inf.premises):
                using.setdefault(p, []).append(inf.id)
        for att in amap.attacks.values():
            attackers.setdefault(att.target, []).append(att.id)
        self._inferences = amap.inferences
        self._concluding = {k: tuple(v) for k, v in concluding.items()}
        self._using = {k: tuple(v) for k, v in using.items()}
        self._attackers = {k: tuple(v) for k, v in attackers.items()}

    def premises_of(self, inference_id: str) -> tuple[str, ...]:
        """The premise claim ids of an inference, in file order."""
        return self._inferences[inference_id].premises

    def inferences_concluding(self, claim_id: str) -> tuple[str, ...]:
        """Ids of the inferences whose conclusion is ``claim_id``."""
        return self._concluding.get(claim_id, _EMPTY)

    def inferences_using(self, claim_id: str) -> tuple[str, ...]:
        """Ids of the inferences that have ``claim_id`` among their premises."""
        return self._using.get(claim_id, _EMPTY)

    def attackers_of(self, element_id: str) -> tuple[str, ...]:
        """Ids of the attacks whose target is ``element_id`` (a claim, an inference or an attack)."""
        return self._attackers.get(element_id, _EMPTY)


class Locator(Protocol):
    """Where the elements of a map loaded from a file are (see :attr:`ArgumentMap.origin`)."""

    file: str

    def locate(self, element_id: str) -> Location | None:
        """The location of an element's id in the file, or None."""


def _frozen_mapping(value: Mapping[str, Any] | Iterable[Any]) -> Mapping[str, Any]:
    """A read-only mapping: from a mapping as is, or from elements keyed by id."""
    if isinstance(value, types.MappingProxyType):
        return value
    if isinstance(value, Mapping):
        return types.MappingProxyType(dict(value))
    if isinstance(value, str) or not isinstance(value, Iterable):
        raise TypeError(
            _("expected a mapping from id to element, or elements, not {type}").format(type=type_name(value))
        )
    elements = list(cast("Iterable[Element]", value))
    for e in elements:
        if not isinstance(e, (Claim, Inference, Attack)):
            raise TypeError(
                _("expected a Claim, an Inference or an Attack, not {type}").format(type=type_name(e))
            )
    return types.MappingProxyType({e.id: e for e in elements})


def _frozen_ignore(value: Mapping[str, Iterable[str]]) -> Mapping[str, tuple[str, ...]]:
    if not isinstance(value, Mapping):
        raise TypeError(
            _("ignore must be a mapping from element id to rule names, not {type}").format(
                type=type_name(value)
            )
        )
    return types.MappingProxyType({k: _str_tuple(v) for k, v in value.items()})


def _type_problems(amap: ArgumentMap) -> None:
    """Raise TypeError if a table of ``amap`` holds something of the wrong type."""
    tables: tuple[tuple[str, Mapping[str, Any], type], ...] = (
        ("claims", amap.claims, Claim),
        ("inferences", amap.inferences, Inference),
        ("attacks", amap.attacks, Attack),
    )
    for name, table, cls in tables:
        for key, el in table.items():
            if not isinstance(el, cls):
                raise TypeError(
                    _("{table} must hold {cls} objects, not {type} (at {key})").format(
                        table=name, cls=cls.__name__, type=type_name(el), key=_brief(key)
                    )
                )
    for key, rules in amap.ignore.items():
        check_text(key, _("an ignore key"))
        for rule in rules:
            check_text(rule, _("a rule name in ignore[{key}]").format(key=_brief(key)))


_MAPPING: Any = attrs.field(factory=dict, converter=_frozen_mapping, hash=False)


@attrs.frozen
class ArgumentMap:
    """A whole argument map. Immutable; ``claims``, ``inferences`` and
    ``attacks`` are read-only mappings from id to element, in file order.

    ``ignore`` maps an element id to the rule names accepted for it.
    ``origin`` tells where the map was loaded from (not part of equality).
    """

    title: str = attrs.field(validator=_text_validator)
    lang: str = attrs.field(default="en", validator=_lang_validator)
    date: _dt.date | None = attrs.field(default=None, converter=_to_date)
    document: Document | None = attrs.field(default=None, validator=_instance_validator(Document))
    claims: Mapping[str, Claim] = _MAPPING
    inferences: Mapping[str, Inference] = _MAPPING
    attacks: Mapping[str, Attack] = _MAPPING
    ignore: Mapping[str, tuple[str, ...]] = attrs.field(factory=dict, converter=_frozen_ignore, hash=False)
    origin: Locator | None = attrs.field(default=None, eq=False, repr=False, hash=False)

    def __attrs_post_init__(self) -> None:
        _type_problems(self)
        problems = [Problem(msg) for msg in structure_problems(self)]
        if problems:
            raise ArgmapError(problems)

    @classmethod
    def _trusted(
        cls,
        *,
        title: str,
        lang: str,
        date: _dt.date | None,
        document: Document | None,
        claims: dict[str, Claim],
        inferences: dict[str, Inference],
        attacks: dict[str, Attack],
        ignore: dict[str, tuple[str, ...]],
        origin: Locator | None,
    ) -> ArgumentMap:
        """A map from parts already checked, as they are: for the loader only.

        The loader checks every value and reference itself, locating each
        problem in the file, so checking them again here would only cost
        time. The tables must be fresh dicts that nothing else holds (they
        are wrapped, not copied). Code that builds maps uses the constructor
        or :class:`MapBuilder`, which always check.
        """
        return _new_trusted_map(
            title,
            lang,
            date,
            document,
            types.MappingProxyType(claims),
            types.MappingProxyType(inferences),
            types.MappingProxyType(attacks),
            types.MappingProxyType(ignore),
            origin,
        )

    @functools.cached_property
    def graph(self) -> Graph:
        """The adjacency view, built on first use and kept."""
        return Graph(self)

    def element(self, element_id: str) -> Element:
        """The claim, inference or attack with this id (KeyError if none)."""
        tables: tuple[Mapping[str, Element], ...] = (self.claims, self.inferences, self.attacks)
        for table in tables:
            found = table.get(element_id)
            if found is not None:
                return found
        raise KeyError(element_id)

    def __contains__(self, element_id: object) -> bool:
        return element_id in self.claims or element_id in self.inferences or element_id in self.attacks

    def location(self, element_id: str) -> Location | None:
        """Where an element stands in the file the map came from, if any."""
        return None if self.origin is None else self.origin.locate(element_id)

    def _repr_mimebundle_(self, include: object = None, exclude: object = None) -> dict[str, Any]:
        """Jupyter shows a map as its SVG drawing, findings included.

        The drawing code is imported here, on first display, so that the model
        never depends on Graphviz (see argmap.drawing.mimebundle).
        """
        import importlib

        bundle: dict[str, Any] = importlib.import_module("argmap.drawing").mimebundle(self, include, exclude)
        return bundle

    def edit(self) -> MapBuilder:
        """A builder holding this map's contents; ``.build()`` gives a new map."""
        b = MapBuilder(self.title, lang=self.lang, date=self.date, document=self.document)
        b._claims.update(self.claims)
        b._inferences.update(self.inferences)
        b._attacks.update(self.attacks)
        b._ignore.update({k: list(v) for k, v in self.ignore.items()})
        return b


_new_trusted_map = prechecked(ArgumentMap)


def structure_problems(amap: ArgumentMap) -> list[str]:
    """What is structurally wrong with a map: mismatched keys, ids used twice,
    references to missing elements. Empty when the map is sound."""
    out: list[str] = []
    seen: dict[str, str] = {}
    tables: tuple[tuple[str, Mapping[str, Element]], ...] = (
        (N_("claim"), amap.claims),
        (N_("inference"), amap.inferences),
        (N_("attack"), amap.attacks),
    )
    for what, table in tables:
        for key, el in table.items():
            if key != el.id:
                out.append(
                    _("{what} stored under {key} has id {id}").format(
                        what=_(what), key=_brief(key), id=_brief(el.id)
                    )
                )
            if key in seen:
                out.append(
                    _("id {id} is used twice ({first} and {second})").format(
                        id=_brief(key), first=_(seen[key]), second=_(what)
                    )
                )
            else:
                seen[key] = what
    claims = amap.claims
    for inf in amap.inferences.values():
        for p in inf.premises:
            if p not in claims:
                out.append(
                    _("inference {id}: premise {premise} is not a claim").format(
                        id=_brief(inf.id), premise=_brief(p)
                    )
                )
        if inf.conclusion not in claims:
            out.append(
                _("inference {id}: conclusion {conclusion} is not a claim").format(
                    id=_brief(inf.id), conclusion=_brief(inf.conclusion)
                )
            )
    for att in amap.attacks.values():
        if att.source not in claims:
            out.append(
                _("attack {id}: source {source} is not a claim").format(
                    id=_brief(att.id), source=_brief(att.source)
                )
            )
        if att.target not in claims and att.target not in amap.inferences and att.target not in amap.attacks:
            out.append(
                _("attack {id}: target {target} is not a claim, an inference or an attack").format(
                    id=_brief(att.id), target=_brief(att.target)
                )
            )
    for key in amap.ignore:
        if key not in seen:
            out.append(_("ignore: {id} is not an element of the map").format(id=_brief(key)))
    return out


class MapBuilder:
    """Build a map step by step, then call :meth:`build`.

    Ids are checked as you add them; references are checked by ``build``.

    >>> b = MapBuilder("t")
    >>> b.premise("P1", "x")
    >>> b.premise("P1", "y")
    Traceback (most recent call last):
    ...
    argmap.errors.ArgmapError: id 'P1' is already used
    """

    def __init__(
        self,
        title: str,
        *,
        lang: str = "en",
        date: _dt.date | str | None = None,
        document: Document | None = None,
    ) -> None:
        check_text(title, "title")  # a field name: not translated
        _lang_validator(None, None, lang)  # type: ignore[arg-type]
        if document is not None and not isinstance(document, Document):
            raise TypeError(
                _("document must be a Document or None, not {type}").format(type=type_name(document))
            )
        self.title = title
        self.lang = lang
        self.date = _to_date(date)
        self.document = document
        self._claims: dict[str, Claim] = {}
        self._inferences: dict[str, Inference] = {}
        self._attacks: dict[str, Attack] = {}
        self._ignore: dict[str, list[str]] = {}

    def _free(self, element_id: str) -> None:
        if not isinstance(element_id, str):
            raise TypeError(_("an element id must be a str, not {type}").format(type=type_name(element_id)))
        if element_id in self._claims or element_id in self._inferences or element_id in self._attacks:
            raise ArgmapError([Problem(_("id {id} is already used").format(id=_brief(element_id)))])

    def add(self, element: Element) -> None:
        """Add a ready-made claim, inference or attack."""
        if not isinstance(element, (Claim, Inference, Attack)):
            raise TypeError(
                _("add() takes a Claim, an Inference or an Attack, not {type}").format(
                    type=type_name(element)
                )
            )
        self._free(element.id)
        if isinstance(element, Claim):
            self._claims[element.id] = element
        elif isinstance(element, Inference):
            self._inferences[element.id] = element
        else:
            self._attacks[element.id] = element

    def remove(self, element_id: str) -> None:
        """Remove an element (and its ignore list); KeyError if it is not there."""
        tables: tuple[dict[str, Any], ...] = (self._claims, self._inferences, self._attacks)
        for table in tables:
            if element_id in table:
                del table[element_id]
                self._ignore.pop(element_id, None)
                return
        raise KeyError(element_id)

    def claim(self, element_id: str, kind: Kind | str, text: str, **fields: Any) -> None:
        """Add a claim of any kind; ``fields`` are :class:`Claim`'s other fields."""
        self._free(element_id)
        self._claims[element_id] = Claim(element_id, kind, text, **fields)

    def evidence(self, element_id: str, text: str, **fields: Any) -> None:
        """Add evidence: a reported fact or attributed statement."""
        self.claim(element_id, Kind.EVIDENCE, text, **fields)

    def premise(self, element_id: str, text: str, **fields: Any) -> None:
        """Add a premise the author asserts as given."""
        self.claim(element_id, Kind.PREMISE, text, **fields)

    def assumption(self, element_id: str, text: str, **fields: Any) -> None:
        """Add a hidden premise the reader must supply."""
        self.claim(element_id, Kind.ASSUMPTION, text, **fields)

    def hypothesis(self, element_id: str, text: str, **fields: Any) -> None:
        """Add a supposition ("if ...")."""
        self.claim(element_id, Kind.HYPOTHESIS, text, **fields)

    def conclusion(self, element_id: str, text: str, **fields: Any) -> None:
        """Add a claim the author infers."""
        self.claim(element_id, Kind.CONCLUSION, text, **fields)

    def inference(self, element_id: str, premises: Iterable[str], conclusion: str, **fields: Any) -> None:
        """Add an inference from ``premises`` to ``conclusion``."""
        self._free(element_id)
        self._inferences[element_id] = Inference(element_id, premises, conclusion, **fields)

    def attack(self, element_id: str, source: str, target: str, **fields: Any) -> None:
        """Add an attack of claim ``source`` on a claim, an inference or an attack ``target``."""
        self._free(element_id)
        self._attacks[element_id] = Attack(element_id, source, target, **fields)

    def ignore(self, element_id: str, *rules: str) -> None:
        """Accept the findings of ``rules`` on ``element_id``."""
        check_text(element_id, _("an element id"))
        for rule in rules:
            check_text(rule, _("a rule name"))
        self._ignore.setdefault(element_id, []).extend(rules)

    def build(self) -> ArgumentMap:
        """The finished map; :class:`ArgmapError` lists every broken reference."""
        return ArgumentMap(
            self.title,
            lang=self.lang,
            date=self.date,
            document=self.document,
            claims=self._claims,
            inferences=self._inferences,
            attacks=self._attacks,
            ignore=self._ignore,
        )
