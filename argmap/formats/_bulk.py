"""Build a whole section of ordinary elements at once.

Nearly every element in a real file is well formed, and checking such a file
one element and one field at a time costs more than parsing it. Here each
field is checked down a whole section at once, as a column (every claim's
``kind``, then every claim's ``text``, ...), mostly with set operations that
run in C; then the elements are built.

Each function returns None at the first thing out of the ordinary, and the
careful path of :mod:`argmap.formats._schema` goes element by element and says
what is wrong. A bulk path accepts only what the careful path accepts, and
builds the same elements (``tests/test_bulk_paths.py`` holds them to that).
The field tables and value rules themselves live in ``_schema``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import chain
from typing import Any

from argmap.formats._fields import (
    ATTACK_SET,
    CLAIM_SET,
    FALSE_WORDS,
    INFERENCE_SET,
    KINDS,
    SOURCE_FIELDS,
    SOURCE_SET,
    TRUE_WORDS,
)
from argmap.formats._tree import Tree
from argmap.model import _URL, ID_PATTERN, Attack, Claim, Inference, Source, parse_date, prechecked

_NONE = type(None)
_TEXT = frozenset((str,))
_TEXT_OR_NONE = frozenset((str, _NONE))
_FLAG_TYPES = frozenset((bool, _NONE))
_BOOL_WORDS = TRUE_WORDS | FALSE_WORDS
_NUMBER_TYPES = frozenset((float, int, str, _NONE))
_NAMES_TYPES = frozenset((str, list, _NONE))
_ID = ID_PATTERN.pattern.removesuffix(r"\Z")
_IDS = re.compile(f"{_ID}(?:\n{_ID})*")
_URL_OK = _URL.match
_new_source = prechecked(Source)
_new_claim = prechecked(Claim)
_new_inference = prechecked(Inference)
_new_attack = prechecked(Attack)

Column = list[Any]


def _types(values: Iterable[Any]) -> set[type]:
    return set(map(type, values))


def _column(rows: list[dict[str, Tree]], field: str) -> Column:
    return [row.get(field) for row in rows]


def _rows(section: dict[str, Tree], fields: frozenset[str]) -> list[dict[str, Tree]] | None:
    """The section's values, if each is a mapping of known fields only."""
    rows = list(section.values())
    if _types(rows) != {dict} or not fields.issuperset(chain.from_iterable(rows)):
        return None
    return rows


def ids_ok(ids: Iterable[Any]) -> bool:
    """Whether every item is text that is a valid element id.

    >>> ids_ok(["E1", "C.2"]), ids_ok(["E1", "2"]), ids_ok(["a\\nb"]), ids_ok([])
    (True, False, False, True)
    """
    ids = list(ids)
    if not ids:
        return True
    if not _types(ids) <= _TEXT:
        return False
    joined = "\n".join(ids)
    # One line per id: an id holding a line break would pass as two.
    return joined.count("\n") == len(ids) - 1 and _IDS.fullmatch(joined) is not None


def known(elements: dict[str, Any], ids: Iterable[Any]) -> bool:
    """Whether every item is the id of one of ``elements`` (whose keys are text)."""
    try:
        return all(map(elements.__contains__, ids))
    except TypeError:  # a list or a mapping, where an id should be
        return False


def _texts(column: Column, required: bool = False) -> bool:
    return _types(column) <= (_TEXT if required else _TEXT_OR_NONE)


def _flags(column: Column) -> list[bool] | None:
    types = _types(column)
    if types <= _FLAG_TYPES:
        return list(map(bool, column))
    if types <= _FLAG_TYPES | _TEXT and _BOOL_WORDS.issuperset(c for c in column if type(c) is str):
        return [c in TRUE_WORDS if type(c) is str else c is True for c in column]
    return None


def _names(column: Column) -> list[tuple[str, ...]] | None:
    types = _types(column)
    if types == {_NONE}:
        return [()] * len(column)
    if not types <= _NAMES_TYPES:
        return None
    out = [() if v is None else (v,) if type(v) is str else tuple(v) for v in column]
    return out if _types(chain.from_iterable(out)) <= _TEXT else None


def _strengths(column: Column) -> Column | None:
    types = _types(column)
    if not types <= _NUMBER_TYPES:
        return None
    out = column
    if not types <= {float, _NONE}:
        try:
            out = [_number(v) for v in column]
        except ValueError:
            return None
    # NaN compares false both ways, so it fails here as it should.
    if not all(0.0 <= v <= 1.0 for v in out if v is not None):
        return None
    return out


def _number(value: Any) -> float | None:
    if value is None or type(value) is float:
        return value
    if type(value) is int and not -1 <= value <= 1:
        return 2.0  # out of range; float() of a huge JSON integer would overflow
    return float(value)


def _sources(column: Column) -> list[Source | None] | None:
    present = [v for v in column if v is not None]
    if not present:
        return column
    if _types(present) != {dict} or not SOURCE_SET.issuperset(chain.from_iterable(present)):
        return None
    urls, titles, speakers, dates, quotes = (_column(present, f) for f in SOURCE_FIELDS)
    if not all(map(_texts, (urls, titles, speakers, dates, quotes))):
        return None
    if not all(_URL_OK(u) for u in urls if u is not None):
        return None
    try:  # dates repeat: parse each one once
        parsed = {d: parse_date(d) for d in set(dates) if d is not None}
    except ValueError:
        return None
    out: list[Source | None] = [None] * len(column)
    places = [i for i, v in enumerate(column) if v is not None]
    built = map(_new_source, urls, titles, speakers, map(parsed.get, dates), quotes)
    for i, source in zip(places, built, strict=True):
        out[i] = source
    return out


def claims(section: dict[str, Tree]) -> dict[str, Claim] | None:
    """All claims of a well-formed ``claims:`` section, or None."""
    rows = _rows(section, CLAIM_SET)
    if rows is None or not ids_ok(section):
        return None
    kinds = _column(rows, "kind")
    if not known(KINDS, kinds):
        return None
    texts, notes = _column(rows, "text"), _column(rows, "note")
    if not (_texts(texts, required=True) and _texts(notes)):
        return None
    flags = _flags(_column(rows, "conditional"))
    tags = _names(_column(rows, "tags"))
    sources = _sources(_column(rows, "source"))
    if flags is None or tags is None or sources is None:
        return None
    built = map(_new_claim, section, map(KINDS.__getitem__, kinds), texts, flags, sources, notes, tags)
    return dict(zip(section, built, strict=True))


def inferences(section: dict[str, Tree], claims: dict[str, Claim]) -> dict[str, Inference] | None:
    """All inferences of a well-formed ``inferences:`` section, or None.

    Every premise and conclusion must be one of ``claims``, so the loader need
    not look at these references again.
    """
    rows = _rows(section, INFERENCE_SET)
    if rows is None or not ids_ok(section):
        return None
    starts, ends = _column(rows, "from"), _column(rows, "to")
    types = _types(starts)
    if types == {list}:
        premises = list(map(tuple, starts))
    elif types <= {list, str}:
        premises = [(p,) if type(p) is str else tuple(p) for p in starts]
    else:
        return None
    # Claim ids are valid ids, and a list or dict is no key: this checks both.
    if not known(claims, chain.from_iterable(premises)) or not known(claims, ends):
        return None
    markers, schemes, notes = (_column(rows, f) for f in ("marker", "scheme", "note"))
    if not (_texts(markers) and _texts(schemes) and _texts(notes)):
        return None
    strengths = _strengths(_column(rows, "strength"))
    tags = _names(_column(rows, "tags"))
    if strengths is None or tags is None:
        return None
    built = map(_new_inference, section, premises, ends, markers, schemes, strengths, notes, tags)
    return dict(zip(section, built, strict=True))


def attacks(
    section: dict[str, Tree], claims: dict[str, Claim], inferences: dict[str, Inference]
) -> dict[str, Attack] | None:
    """All attacks of a well-formed ``attacks:`` section, or None.

    Every attack must come from one of ``claims`` and aim at a claim or one of
    ``inferences``, so the loader need not look at these references again.
    """
    rows = _rows(section, ATTACK_SET)
    if rows is None or not ids_ok(section):
        return None
    sources, targets, notes = (_column(rows, f) for f in ("from", "to", "note"))
    if not known(claims, sources) or not known(claims | inferences, targets) or not _texts(notes):
        return None
    tags = _names(_column(rows, "tags"))
    if tags is None:
        return None
    built = map(_new_attack, section, sources, targets, notes, tags)
    return dict(zip(section, built, strict=True))
