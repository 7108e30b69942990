"""Read a JSON map that has nothing wrong with it, quickly; else step aside.

For a large JSON map, checking every field in Python took longer than
parsing. Here msgspec decodes the text straight into typed structures built
from the format's tables (:func:`argmap.formats.spec.structure`), checking
types, unknown fields and the range of ``strength`` in C as it parses.
What is left in Python is what the structures cannot say: kinds (English or
Japanese names), ids, references, dates, URLs and language tags, each
checked down a whole column of values.

msgspec, like ``json.loads``, keeps the last of two equal keys without a
word, so the keys are counted: each structure knows which fields it was
given, and a duplicate shows as more keys in the text than in the result.

For anything out of the ordinary (a syntax error, a wrong type, a duplicate
key, a YAML-style ``"true"``) :func:`load_clean_json` returns None, and the
careful path reads the text again to say what is wrong and where; where both
accept a text, they build the same map (``tests/test_fastjson.py``).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable
from itertools import chain
from operator import attrgetter
from typing import Any

import msgspec
from msgspec import UNSET

from argmap.formats import spec
from argmap.formats._json import JsonLocator, keys_in_text
from argmap.formats._rules import FORMAT_VERSION, KIND_WORDS, _Invalid
from argmap.model import ID_PATTERN, ArgumentMap, Claim

_ID = ID_PATTERN.pattern.removesuffix(r"\Z")
_IDS = re.compile(f"{_ID}(?:\n{_ID})*")


class _Unusual(Exception):
    """Something the careful path must look at."""


def ids_ok(ids: Iterable[Any]) -> bool:
    """Whether every item is text that is a valid element id.

    >>> ids_ok(["E1", "C.2"]), ids_ok(["E1", "2"]), ids_ok(["a\\nb"]), ids_ok([])
    (True, False, False, True)
    """
    ids = list(ids)
    if not ids:
        return True
    if any(type(i) is not str for i in ids):
        return False
    joined = "\n".join(ids)
    # One line per id: an id holding a line break would pass as two.
    return joined.count("\n") == len(ids) - 1 and _IDS.fullmatch(joined) is not None


def _names(column: list[Any]) -> list[tuple[str, ...]]:
    """A column of names (absent, one name, or a list) as tuples."""
    return [() if v is None else (v,) if type(v) is str else tuple(v) for v in column]


def _each_checked(rule: Callable[[Any], Any]) -> Callable[[list[Any]], list[Any]]:
    """A column check that applies ``rule`` once to each distinct value (and keeps the column)."""

    def check(column: list[Any]) -> list[Any]:
        try:
            for value in set(column) - {None}:
                rule(value)
        except _Invalid:
            raise _Unusual from None
        return column

    return check


def _dates(column: list[Any]) -> list[Any]:
    try:
        parsed = {d: spec.DATE.convert(d) for d in set(column) - {None}}  # dates repeat: parse each once
    except _Invalid:
        raise _Unusual from None
    return list(map(parsed.get, column))


def _kinds(column: list[Any]) -> list[Any]:
    """Kind names (English or Japanese) as kinds."""
    kinds = list(map(KIND_WORDS.get, column))
    if None in kinds:
        raise _Unusual
    return kinds


def _version(column: list[Any]) -> list[Any]:
    if any(v != FORMAT_VERSION for v in column):
        raise _Unusual
    return column


#: What each rule still checks once msgspec has checked the types.
COLUMN_CHECKS: dict[spec.Rule, Callable[[list[Any]], list[Any]]] = {
    spec.URL: _each_checked(spec.URL.convert),
    spec.LANG: _each_checked(spec.LANG.convert),
    spec.DATE: _dates,
    spec.KIND: _kinds,
    spec.VERSION: _version,
    spec.NAMES: _names,
    spec.IDS: _names,
}


class _Reader:
    """Builds the map from the decoded structures, a column at a time, and
    counts the keys they were given."""

    def __init__(self) -> None:
        self.keys = 0
        #: The elements built so far, by kind: what references may name.
        self.built: dict[str, dict[str, Any]] = {}
        #: The section being read, by kind: its ids, before its elements are built.
        self.reading: dict[str, dict[str, Any]] = {}

    def column(self, items: list[Any], field: spec.Field) -> list[Any]:
        """The field of every item, checked, with absent values as the default."""
        values = list(map(attrgetter(field.name), items))
        absent = 0 if field.required else values.count(UNSET)
        self.keys += len(values) - absent
        if absent:
            values = [None if v is UNSET else v for v in values]
        if field.shape == "element":
            assert field.element is not None
            values = self.nested(field.element, values)
        elif field.rule is not None and (check := COLUMN_CHECKS.get(field.rule)) is not None:
            values = check(values)
        if field.refers:
            self.check_references(field, values)
        if field.default is not None and None in values:
            values = [field.default if v is None else v for v in values]
        return values

    def check_references(self, field: spec.Field, values: list[Any]) -> None:
        # The section being read may name its own elements (an attack on an attack).
        tables = [self.built.get(kind) or self.reading.get(kind, {}) for kind in field.refers]
        refs = chain.from_iterable(values) if field.rule is spec.IDS else values
        if len(tables) == 1:
            if not all(map(tables[0].__contains__, refs)):
                raise _Unusual
        elif not all(any(r in t for t in tables) for r in refs):
            raise _Unusual

    def columns(
        self, el: spec.Element, items: list[Any], ids: Iterable[str] | None = None
    ) -> list[list[Any]]:
        """The columns of ``make``'s arguments for ``items`` (kept under ``ids``)."""
        by_attr: dict[str, list[Any]] = {"id": list(ids)} if ids is not None else {}
        for f in el.fields:
            values = self.column(items, f)
            if f.attr is not None:
                by_attr[f.attr] = values
        return [by_attr[name] for name in el.attrs_order]

    def nested(self, el: spec.Element, column: list[Any]) -> list[Any]:
        """Elements of ``el`` where the column holds one, None elsewhere."""
        places = [i for i, v in enumerate(column) if v is not None]
        if not places:
            return column
        present = list(map(column.__getitem__, places))
        out: list[Any] = [None] * len(column)
        for i, element in zip(places, map(el.make, *self.columns(el, present)), strict=True):
            out[i] = element
        return out

    def section(self, el: spec.Element, section: dict[str, Any]) -> dict[str, Any]:
        self.reading = {el.name: section}
        columns = self.columns(el, list(section.values()), section)
        self.reading = {}
        if el.model is Claim:
            texts, blanks = columns[el.attrs_order.index("text")], columns[el.attrs_order.index("blank")]
            if not all(t.strip() or b for t, b in zip(texts, blanks, strict=True)):
                raise _Unusual  # an empty text that is not a blank: the careful path says where
        built = map(el.make, *columns)
        self.built[el.name] = out = dict(zip(section, built, strict=True))
        return out


def _section(value: Any, reader: _Reader) -> dict[str, Any]:
    if value is None or value is UNSET:
        return {}
    if not ids_ok(value):
        raise _Unusual
    reader.keys += len(value)
    return value  # type: ignore[no-any-return]


def _build(tree: Any, text: str | bytes, name: str, root: spec.Element) -> ArgumentMap:
    reader = _Reader()
    top = [tree]
    values: dict[str, Any] = {}
    parts: dict[str, dict[str, Any]] = {}
    for f in root.fields:
        if f.shape == "section":
            reader.keys += f.required  # counted here; absent optional ones are UNSET
            value = getattr(tree, f.name)
            if not f.required and value is not UNSET:
                reader.keys += 1
            parts[f.name] = _section(value, reader)
        elif f.shape in ("value", "element"):
            values[f.name] = reader.column(top, f)[0]
    seen: set[str] = set()
    for part in parts.values():
        if not seen.isdisjoint(part):
            raise _Unusual  # an id used twice
        seen.update(part)
    for f in spec.sections(root):
        assert f.element is not None
        values[f.name] = reader.section(f.element, parts[f.name])
    for f in root.fields:
        if f.shape == "ignore":
            ignore = getattr(tree, f.name)
            ignore = {} if ignore is None or ignore is UNSET else ignore
            reader.keys += f.required or getattr(tree, f.name) is not UNSET
            reader.keys += len(ignore)
            if not all(k in seen for k in ignore):
                raise _Unusual
            values[f.name] = {
                k: v
                for k, v in zip(ignore, _names(list(ignore.values())), strict=True)
                if ignore[k] is not None
            }
    if reader.keys != keys_in_text(text):
        raise _Unusual  # a key was written twice (or a text value holds '":')
    values.pop("argmap", None)
    return ArgumentMap._trusted(**values, origin=JsonLocator(name, text))  # all checked above


@functools.lru_cache(maxsize=8)
def _decoder(root: spec.Element) -> msgspec.json.Decoder[Any]:
    return msgspec.json.Decoder(spec.structure(root))


def load_clean_json(text: str | bytes, name: str) -> ArgumentMap | None:
    """The map in ``text`` if it is valid JSON of a map with no problem at all; else None."""
    root = spec.MAP
    try:
        tree = _decoder(root).decode(text)
    except (msgspec.DecodeError, msgspec.ValidationError, UnicodeError):
        # UnicodeError: bytes that are not UTF-8 (the careful path says where),
        # or a str holding a lone surrogate (which it takes as it is).
        return None
    try:
        return _build(tree, text, name, root)
    except _Unusual:
        return None
