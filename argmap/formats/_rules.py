"""The value rules of the format: each turns a value from the tree into the
field's value, or raises :class:`_Invalid` with a message a person can act on.

The careful builder (``_schema``) applies them field by field; the bulk and
quick paths (``_bulk``, ``_fastjson``) apply them where a column holds more
than its types can say.
"""

from __future__ import annotations

import datetime as _dt
import difflib
import math
import re

from argmap.formats._fields import FALSE_WORDS, KINDS, TRUE_WORDS
from argmap.formats._tree import Tree
from argmap.model import ID_PATTERN, Kind, check_url, parse_date

_LANG = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*\Z")


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


def text_rule(value: Tree) -> str:
    if isinstance(value, str):
        return value
    raise _Invalid(f"expected text, found {_type_name(value)}")


def kind_rule(value: Tree) -> Kind:
    if isinstance(value, str):
        kind = KINDS.get(value)
        if kind is not None:
            return kind
        raise _Invalid(f"unknown kind {value!r}{_suggest(value, list(KINDS))}; kinds: {', '.join(KINDS)}")
    raise _Invalid(f"kind must be one of {', '.join(KINDS)}, not {_type_name(value)}")


def bool_rule(value: Tree) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        if value in TRUE_WORDS:
            return True
        if value in FALSE_WORDS:
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
