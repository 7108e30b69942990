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
The field tables live in ``_fields`` and the value rules in ``_rules``.
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
from argmap.formats._rules import _Invalid, date_rule, strength_rule, url_rule
from argmap.formats._tree import Tree
from argmap.model import ID_PATTERN, Attack, Claim, Inference, Source, prechecked

_NONE = type(None)
_TEXT = frozenset((str,))
_TEXT_OR_NONE = frozenset((str, _NONE))
_FLAG_TYPES = frozenset((bool, _NONE))
_BOOL_WORDS = TRUE_WORDS | FALSE_WORDS
_NUMBER_TYPES = frozenset((float, int, str, _NONE))
_FLOAT_OR_NONE = frozenset((float, _NONE))
_NAMES_TYPES = frozenset((str, list, _NONE))
_ID = ID_PATTERN.pattern.removesuffix(r"\Z")
_IDS = re.compile(f"{_ID}(?:\n{_ID})*")
#: Constructors for checked values (also used by ``_fastjson``).
new_source = prechecked(Source)
new_claim = prechecked(Claim)
new_inference = prechecked(Inference)
new_attack = prechecked(Attack)

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


def names(column: Column) -> list[tuple[str, ...]] | None:
    types = _types(column)
    if types == {_NONE}:
        return [()] * len(column)
    if not types <= _NAMES_TYPES:
        return None
    out = [() if v is None else (v,) if type(v) is str else tuple(v) for v in column]
    return out if _types(chain.from_iterable(out)) <= _TEXT else None


def _strengths(column: Column) -> Column | None:
    types = _types(column)
    if types <= _FLOAT_OR_NONE:
        # NaN compares false both ways, so it fails here as it should.
        return column if all(0.0 <= v <= 1.0 for v in column if v is not None) else None
    if not types <= _NUMBER_TYPES:
        return None
    try:
        return [None if v is None else strength_rule(v) for v in column]
    except _Invalid:
        return None


def _sources(column: Column) -> list[Source | None] | None:
    places = [i for i, v in enumerate(column) if v is not None]
    present = list(map(column.__getitem__, places))
    if _types(present) - {dict} or not SOURCE_SET.issuperset(chain.from_iterable(present)):
        return None
    columns = [_column(present, f) for f in SOURCE_FIELDS]
    if not all(map(_texts, columns)):
        return None
    return sources_at(places, len(column), columns)


def sources_at(places: list[int], length: int, fields: list[Column]) -> list[Source | None] | None:
    """A column of ``length`` with sources at ``places`` and None elsewhere;
    None if a URL or date breaks its rule. ``fields`` are the columns of the
    sources' fields (text or None), in the order of ``SOURCE_FIELDS``."""
    urls, titles, speakers, dates, quotes = fields
    try:
        for url in set(urls) - {None}:
            url_rule(url)
        parsed = {d: date_rule(d) for d in set(dates) - {None}}  # dates repeat: parse each once
    except _Invalid:
        return None
    out: list[Source | None] = [None] * length
    built = map(new_source, urls, titles, speakers, map(parsed.get, dates), quotes)
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
    tags = names(_column(rows, "tags"))
    sources = _sources(_column(rows, "source"))
    if flags is None or tags is None or sources is None:
        return None
    built = map(new_claim, section, map(KINDS.__getitem__, kinds), texts, flags, sources, notes, tags)
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
    tags = names(_column(rows, "tags"))
    if strengths is None or tags is None:
        return None
    built = map(new_inference, section, premises, ends, markers, schemes, strengths, notes, tags)
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
    tags = names(_column(rows, "tags"))
    if tags is None:
        return None
    built = map(new_attack, section, sources, targets, notes, tags)
    return dict(zip(section, built, strict=True))
