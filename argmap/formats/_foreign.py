"""What reading a map in another tool's format gives: the map, and warnings
for what argmap could not represent (each located where it is in the file).

Each foreign format is a module of :mod:`argmap.formats` with
``loads(text, *, name="<string>", lang=None) -> Imported`` and
``dumps(amap) -> str``. A file that cannot be read at all raises
:class:`~argmap.errors.ArgmapError`; anything else the format holds that argmap
cannot represent becomes a warning, and the rest of the map still loads.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Collection, Iterable, Mapping
from typing import Any

import attrs

from argmap.errors import Location, Problem
from argmap.i18n import _
from argmap.model import ArgumentMap, Document, Source

__all__ = [
    "SOURCE_FIELDS",
    "Imported",
    "Positions",
    "map_data",
    "map_fields",
    "source_data",
    "source_of",
    "unused_id",
]

#: A source's fields, as argmap's own formats name them.
SOURCE_FIELDS = ("url", "title", "speaker", "date", "quote")


def unused_id(base: str, taken: set[str]) -> str:
    """``base``, else ``base-2``, ``base-3``, …: the first not in ``taken``, which it joins.

    >>> taken = {"n1"}
    >>> unused_id("n1", taken), unused_id("n1", taken), sorted(taken)
    ('n1-2', 'n1-3', ['n1', 'n1-2', 'n1-3'])
    """
    made, n = base, 1
    while made in taken:
        n += 1
        made = f"{base}-{n}"
    taken.add(made)
    return made


def source_data(source: Source) -> dict[str, str]:
    """A source as plain data (the fields it has, the date in ISO form), for a
    format that keeps argmap's fields beside its own.

    >>> source_data(Source(url="https://example.com/a", date="2024-05-01"))
    {'url': 'https://example.com/a', 'date': '2024-05-01'}
    """
    values = {k: getattr(source, k) for k in SOURCE_FIELDS}
    return {k: v.isoformat() if k == "date" else v for k, v in values.items() if v is not None}


def source_of(data: Mapping[str, object]) -> Source:
    """The source that :func:`source_data` wrote; raises TypeError or
    ValueError (saying why) when a field is not one a source can have."""
    return Source(**{k: data[k] for k in SOURCE_FIELDS if data.get(k) is not None})  # type: ignore[arg-type]


@attrs.define
class Positions:
    """Where each element of a map read from another tool's format stands in
    its file (the map's ``origin``), so findings about it name the place.

    >>> Positions("m.argdown", {"C1": Location("m.argdown", 3, 1)}).locate("C1")
    Location(file='m.argdown', line=3, column=1)
    """

    file: str
    places: Mapping[str, Location]

    def locate(self, element_id: str) -> Location | None:
        """The location of an element, or None."""
        return self.places.get(element_id)


@attrs.frozen
class Imported:
    """A map read from another tool's format, and what could not be carried over."""

    map: ArgumentMap
    warnings: tuple[Problem, ...] = ()


def map_data(amap: ArgumentMap) -> dict[str, Any]:
    """The map's date, document and accepted findings (``ignore``) as plain
    data, for a format that keeps argmap's fields beside its own; only those it has."""
    data: dict[str, Any] = {}
    if amap.date is not None:
        data["date"] = amap.date.isoformat()
    if amap.document is not None:
        data["document"] = {k: v for k, v in attrs.asdict(amap.document).items() if v is not None}
    if amap.ignore:
        data["ignore"] = {key: list(rules) for key, rules in amap.ignore.items()}
    return data


#: Hiragana, katakana and the CJK ideographs: a text with one is Japanese.
_JAPANESE = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def text_lang(texts: Iterable[str | None], lang: str | None = None) -> str:
    """The language of a map whose file does not say it: ``lang`` (the
    caller's) if given, else ``"ja"`` when a text is written in Japanese,
    else ``"en"``, so that the findings on a Japanese map are in Japanese.

    >>> text_lang(["雨が降る"]), text_lang(["It rains", None]), text_lang(["雨"], "en")
    ('ja', 'en', 'en')
    """
    if lang:
        return lang
    return "ja" if any(text and _JAPANESE.search(text) for text in texts) else "en"


def map_fields(data: Mapping[str, Any], elements: Collection[str]) -> tuple[dict[str, Any], list[str]]:
    """What :func:`map_data` wrote, read back for a map whose elements have
    the ids ``elements``: the fields that fit (keywords of
    :class:`~argmap.model.ArgumentMap`), and a message for each one left out,
    saying why (in the language in force)."""
    fields: dict[str, Any] = {}
    left: list[str] = []

    def leave(field: str, reason: object) -> None:
        left.append(_("the map's {field} is left out ({reason})").format(field=field, reason=reason))

    if data.get("date") is not None:
        date = data["date"]
        if isinstance(date, _dt.date):
            fields["date"] = date
        else:
            try:
                fields["date"] = _dt.date.fromisoformat(str(date))
            except ValueError as exc:
                leave("date", exc)
    if data.get("document") is not None:
        document = data["document"]
        try:
            if not isinstance(document, Mapping) or not set(document) <= {"title", "url", "author", "file"}:
                raise TypeError(_("a document is a mapping of title, url, author and file"))
            fields["document"] = Document(**document)
        except (TypeError, ValueError) as exc:
            leave("document", exc)
    if data.get("ignore") is not None:
        ignore = data["ignore"]
        if not isinstance(ignore, Mapping):
            leave("ignore", _("ignore is a mapping from element ids to rule names"))
        else:
            kept = {}
            for key, rules in ignore.items():
                if key not in elements:
                    leave("ignore", _("{id} is not an element of the map").format(id=key))
                elif not isinstance(rules, list) or not all(isinstance(r, str) for r in rules):
                    leave("ignore", _("the rules of {id} are not a list of rule names").format(id=key))
                else:
                    kept[key] = rules
            fields["ignore"] = kept
    return fields, left
