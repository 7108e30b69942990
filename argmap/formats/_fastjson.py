"""Read a JSON map that has nothing wrong with it, quickly; else step aside.

For a large JSON map, checking every field in Python took longer than
parsing. Here msgspec decodes the text straight into the typed structures
below, checking types, kinds, unknown fields and the range of ``strength`` in
C as it parses. What is left in Python is what the structures cannot say:
ids, references, dates, URLs and language tags. The structures describe the
same format as the field tables in ``_fields``; ``tests/test_schema.py``
keeps them in step.

msgspec, like ``json.loads``, keeps the last of two equal keys without a
word, so the keys are counted: each structure knows which fields it was
given, and a duplicate shows as more keys in the text than in the result.

For anything out of the ordinary (a syntax error, a wrong type, a duplicate
key, a YAML-style ``"true"``) :func:`load_clean_json` returns None, and the
careful path reads the text again to say what is wrong and where; where both
accept a text, they build the same map (``tests/test_fastjson.py``).
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import chain
from operator import attrgetter
from typing import Annotated, Any

import msgspec
from msgspec import UNSET, Meta, Struct, UnsetType, field

from argmap.formats._bulk import (
    ids_ok,
    known,
    names,
    new_attack,
    new_claim,
    new_inference,
    sources_at,
)
from argmap.formats._fields import FORMAT_VERSION, SOURCE_FIELDS
from argmap.formats._json import JsonLocator, keys_in_text
from argmap.formats._rules import _Invalid, date_rule, lang_rule, url_rule
from argmap.model import ArgumentMap, Attack, Claim, Document, Inference, Kind, Source

Text = str | None | UnsetType
Names = str | list[str] | None | UnsetType
Strength = Annotated[float, Meta(ge=0.0, le=1.0)] | None | UnsetType


class _Source(Struct, forbid_unknown_fields=True):
    url: Text = UNSET
    title: Text = UNSET
    speaker: Text = UNSET
    date: Text = UNSET
    quote: Text = UNSET


class _Document(Struct, forbid_unknown_fields=True):
    title: Text = UNSET
    url: Text = UNSET
    author: Text = UNSET
    file: Text = UNSET


class _Claim(Struct, forbid_unknown_fields=True, kw_only=True):
    kind: Kind
    text: str
    conditional: bool | UnsetType | None = UNSET
    source: _Source | UnsetType | None = UNSET
    note: Text = UNSET
    tags: Names = UNSET


class _Inference(Struct, forbid_unknown_fields=True, kw_only=True):
    premises: str | list[str] = field(name="from")
    conclusion: str = field(name="to")
    marker: Text = UNSET
    scheme: Text = UNSET
    strength: Strength = UNSET
    note: Text = UNSET
    tags: Names = UNSET


class _Attack(Struct, forbid_unknown_fields=True, kw_only=True):
    source: str = field(name="from")
    target: str = field(name="to")
    note: Text = UNSET
    tags: Names = UNSET


class _Map(Struct, forbid_unknown_fields=True, kw_only=True):
    argmap: int
    title: str
    lang: Text = UNSET
    date: Text = UNSET
    document: _Document | UnsetType | None = UNSET
    claims: dict[str, _Claim]
    inferences: dict[str, _Inference] | UnsetType | None = UNSET
    attacks: dict[str, _Attack] | UnsetType | None = UNSET
    ignore: dict[str, str | list[str] | None] | UnsetType | None = UNSET


#: The structures and the file's names of their fields, for the test that
#: keeps them in step with the field tables.
STRUCTURES = {"map": _Map, "document": _Document, "source": _Source}
STRUCTURES.update({"claim": _Claim, "inference": _Inference, "attack": _Attack})

_DECODER = msgspec.json.Decoder(_Map)


class _Unusual(Exception):
    """Something the careful path must look at."""


class _Keys:
    """Counts the keys the decoded structures were given."""

    def __init__(self) -> None:
        self.count = 0

    def column(self, items: Sequence[Any], name: str, required: bool = False) -> list[Any]:
        """The field ``name`` of every item, with absent values as None."""
        values = list(map(attrgetter(name), items))
        absent = 0 if required else values.count(UNSET)
        self.count += len(values) - absent
        if absent:
            values = [None if v is UNSET else v for v in values]
        return values


def _checked(rule: Any, value: Any) -> Any:
    if value is None or value is UNSET:
        return None
    try:
        return rule(value)
    except _Invalid:
        raise _Unusual from None


def _names(column: list[Any]) -> list[tuple[str, ...]]:
    out = names(column)
    if out is None:  # not after msgspec's checks; kept for the type
        raise _Unusual
    return out


def _sources(column: list[Any], keys: _Keys) -> list[Source | None]:
    places = [i for i, v in enumerate(column) if v is not None]
    present = list(map(column.__getitem__, places))
    out = sources_at(places, len(column), [keys.column(present, f) for f in SOURCE_FIELDS])
    if out is None:
        raise _Unusual
    return out


def _claims(section: dict[str, _Claim], keys: _Keys) -> dict[str, Claim]:
    items = list(section.values())
    kinds, texts = keys.column(items, "kind", True), keys.column(items, "text", True)
    given = keys.column(items, "conditional")
    conditional = [c is True for c in given] if True in given else [False] * len(items)
    sources = _sources(keys.column(items, "source"), keys)
    notes, tags = keys.column(items, "note"), _names(keys.column(items, "tags"))
    built = map(new_claim, section, kinds, texts, conditional, sources, notes, tags)
    return dict(zip(section, built, strict=True))


def _inferences(
    section: dict[str, _Inference], claims: dict[str, Claim], keys: _Keys
) -> dict[str, Inference]:
    items = list(section.values())
    premises = _names(keys.column(items, "premises", True))
    ends = keys.column(items, "conclusion", True)
    if not known(claims, chain.from_iterable(premises)) or not known(claims, ends):
        raise _Unusual
    markers, schemes = keys.column(items, "marker"), keys.column(items, "scheme")
    strengths, notes = keys.column(items, "strength"), keys.column(items, "note")
    tags = _names(keys.column(items, "tags"))
    built = map(new_inference, section, premises, ends, markers, schemes, strengths, notes, tags)
    return dict(zip(section, built, strict=True))


def _attacks(
    section: dict[str, _Attack], claims: dict[str, Claim], inferences: dict[str, Inference], keys: _Keys
) -> dict[str, Attack]:
    items = list(section.values())
    sources, targets = keys.column(items, "source", True), keys.column(items, "target", True)
    if not known(claims, sources) or not all(t in claims or t in inferences for t in targets):
        raise _Unusual
    notes, tags = keys.column(items, "note"), _names(keys.column(items, "tags"))
    built = map(new_attack, section, sources, targets, notes, tags)
    return dict(zip(section, built, strict=True))


def _section(value: Any, keys: _Keys) -> dict[str, Any]:
    if value is None or value is UNSET:
        return {}
    if not ids_ok(value):
        raise _Unusual
    keys.count += len(value)
    return value  # type: ignore[no-any-return]


def _build(tree: _Map, text: str | bytes, name: str) -> ArgumentMap:
    keys = _Keys()
    top = [tree]
    if tree.argmap != FORMAT_VERSION:
        raise _Unusual
    keys.count += 2  # argmap, title
    lang, date, document = (keys.column(top, f)[0] for f in ("lang", "date", "document"))
    if document is not None:
        fields = [keys.column([document], f)[0] for f in ("title", "url", "author", "file")]
        document = Document(fields[0], _checked(url_rule, fields[1]), fields[2], fields[3])
    keys.count += 1  # claims
    claim_part = _section(tree.claims, keys)
    inference_part = _section(keys.column(top, "inferences")[0], keys)
    attack_part = _section(keys.column(top, "attacks")[0], keys)
    attack_ids = attack_part.keys()
    if not (
        claim_part.keys().isdisjoint(inference_part)
        and attack_ids.isdisjoint(claim_part)
        and attack_ids.isdisjoint(inference_part)
    ):
        raise _Unusual
    claims = _claims(claim_part, keys)
    inferences = _inferences(inference_part, claims, keys)
    attacks = _attacks(attack_part, claims, inferences, keys)
    ignore = keys.column(top, "ignore")[0] or {}
    keys.count += len(ignore)
    if not all(k in claims or k in inferences or k in attacks for k in ignore):
        raise _Unusual
    rules = dict(zip(ignore, _names(list(ignore.values())), strict=True))
    if keys.count != keys_in_text(text):
        raise _Unusual  # a key was written twice (or a text value holds '":')
    return ArgumentMap._trusted(  # all checked above
        title=tree.title,
        lang=_checked(lang_rule, lang) or "en",
        date=_checked(date_rule, date),
        document=document,
        claims=claims,
        inferences=inferences,
        attacks=attacks,
        ignore={k: v for k, v in rules.items() if ignore[k] is not None},
        origin=JsonLocator(name, text),
    )


def load_clean_json(text: str | bytes, name: str) -> ArgumentMap | None:
    """The map in ``text`` if it is valid JSON of a map with no problem at all; else None."""
    try:
        tree = _DECODER.decode(text)
    except (msgspec.DecodeError, msgspec.ValidationError, UnicodeError):
        # UnicodeError: bytes that are not UTF-8 (the careful path says where),
        # or a str holding a lone surrogate (which it takes as it is).
        return None
    try:
        return _build(tree, text, name)
    except _Unusual:
        return None
