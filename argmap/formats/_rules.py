"""The value rules of the format: each turns a value from the tree into the
field's value, or raises :class:`_Invalid` with a message a person can act on.

The careful builder (``_schema``) applies them field by field; the quick JSON
path (``_fastjson``) applies them where a column holds more than its types can
say. Which field follows which rule is declared in :mod:`argmap.formats.spec`.
"""

from __future__ import annotations

import datetime as _dt
import math
import re

from argmap.formats._tree import Tree
from argmap.model import ID_PATTERN, LANG_PATTERN, Kind, check_url, parse_date
from argmap.model import _brief as brief_text
from argmap.support import did_you_mean

#: The format version this argmap reads and writes.
FORMAT_VERSION = 1
#: Kind names as written in a file.
KINDS = {k.value: k for k in Kind}
#: The words a YAML scalar may use for true and false (YAML itself types nothing).
TRUE_WORDS = frozenset(("true", "True", "TRUE"))
FALSE_WORDS = frozenset(("false", "False", "FALSE"))

_LANG = LANG_PATTERN  # one rule for files and for maps built in code


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
    return did_you_mean(word, choices)


class Suggester:
    """ "Did you mean" for references to missing ids, with bounded work.

    Comparing a missing id with every id of the map costs time in
    proportion to the map; doing it for every bad reference of a large map
    made the work quadratic (10,000 bad references in a map of 20,000
    claims took minutes). Each load has a budget of comparisons: while it
    lasts, suggestions are made as before; after that, the problems are
    still reported, without a suggestion.

    >>> s = Suggester(budget=3)
    >>> s("Hokaido", ["Hokkaido", "Tokyo"]), s("Tokio", ["Hokkaido", "Tokyo"])
    (" (did you mean 'Hokkaido'?)", '')
    """

    #: Candidate comparisons per load: a fraction of a second of difflib.
    BUDGET = 100_000

    def __init__(self, budget: int = BUDGET) -> None:
        self.budget = budget

    def __call__(self, word: str, choices: list[str]) -> str:
        if len(choices) > self.budget:
            self.budget = 0
            return ""
        self.budget -= len(choices)
        # A map's ids may be many more than did_you_mean compares by default;
        # the budget bounds the work here instead.
        return did_you_mean(word, choices, max_candidates=None)


def _brief(value: object, limit: int = 40) -> str:
    """``repr(value)`` cut to about ``limit`` characters, to quote in a message.

    >>> _brief("1" * 100)
    "'1111111111111111111111111111111111111…' (100 characters)"
    """
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 128:
        try:
            return f"a whole number of {len(str(abs(value)))} digits"
        except ValueError:  # more digits than Python writes out
            return f"a whole number of about {math.ceil(value.bit_length() * math.log10(2))} digits"
    if isinstance(value, str):
        return brief_text(value, limit)
    shown = repr(value)
    return shown if len(shown) <= limit else f"{shown[: limit - 1]}…"


class _Invalid(Exception):
    """A field value broke its rule; the message says how."""

    #: Whether the message stands alone, without the field's name before it.
    alone = False


class _Unsupported(_Invalid):
    """A format version this argmap does not read."""

    alone = True


def text_rule(value: Tree) -> str:
    if isinstance(value, str):
        return value
    raise _Invalid(f"expected text, found {_type_name(value)}")


def kind_rule(value: Tree) -> Kind:
    if isinstance(value, str):
        kind = KINDS.get(value)
        if kind is not None:
            return kind
        raise _Invalid(
            f"unknown kind {_brief(value)}{_suggest(value, list(KINDS))}; kinds: {', '.join(KINDS)}"
        )
    raise _Invalid(f"kind must be one of {', '.join(KINDS)}, not {_type_name(value)}")


def bool_rule(value: Tree) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        if value in TRUE_WORDS:
            return True
        if value in FALSE_WORDS:
            return False
    raise _Invalid(f"expected true or false, found {_brief(value)}")


#: The longest whole number read: more digits than any field can use, and far
#: below Python's limit on converting digits to a number (4,300).
MAX_DIGITS = 18
#: A decimal number as the format writes it: ASCII digits, no ``_``, no spaces.
_DECIMAL = re.compile(r"[-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?\Z", re.ASCII)
_WHOLE = re.compile(r"[0-9]+\Z", re.ASCII)


def _not_a_number(value: str, expected: str) -> _Invalid:
    hint = " (write numbers without '_')" if "_" in value else ""
    return _Invalid(f"expected {expected}, found {_brief(value)}{hint}")


def int_rule(value: Tree) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        if value.bit_length() > 60:
            raise _Invalid(f"{_brief(value)} is too large")
        return value
    if isinstance(value, str) and _WHOLE.match(value) is not None:
        if len(value.lstrip("0")) > MAX_DIGITS:
            raise _Invalid(f"a whole number of {len(value)} digits is too large")
        return int(value)
    if isinstance(value, str):
        raise _not_a_number(value, "a whole number")
    raise _Invalid(f"expected a whole number, found {_brief(value)}")


def version_rule(value: Tree) -> int:
    version = int_rule(value)
    if version != FORMAT_VERSION:
        raise _Unsupported(
            f"format version {version} is not supported: this argmap reads version {FORMAT_VERSION}"
        )
    return version


def strength_rule(value: Tree) -> float:
    number: float
    if isinstance(value, int) and not isinstance(value, bool):
        # JSON integers are unbounded; one too large for a float is out of range anyway.
        number = float(value) if abs(value) <= 1 else 2.0
    elif isinstance(value, float):
        number = value
    elif isinstance(value, str):
        # float() would also take '0_1', ' 1 ', Arabic-Indic digits and 'infinity'.
        if _DECIMAL.match(value) is None:
            raise _not_a_number(value, "a number from 0 to 1")
        number = float(value)
    else:
        raise _Invalid(f"expected a number from 0 to 1, found {_type_name(value)}")
    if not (0.0 <= number <= 1.0) or math.isnan(number):
        shown = value if isinstance(value, str) and len(value) <= 40 else _brief(value)
        raise _Invalid(f"{shown} is out of range: strength is a number from 0 to 1")
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
        raise _Invalid(f"{_brief(lang)} is not a BCP-47 language tag such as 'ja' or 'en-GB'")
    return lang


def id_rule(value: Tree) -> str:
    if isinstance(value, str) and ID_PATTERN.match(value) is not None:
        return value
    if isinstance(value, str):
        raise _Invalid(f"{_brief(value)} is not a valid id")
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
