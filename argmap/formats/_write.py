"""Write a map as YAML or JSON: fields in the documented order, defaults left out."""

from __future__ import annotations

import json
from typing import Any

import yaml

from argmap.formats._fields import FORMAT_VERSION
from argmap.model import ArgumentMap, Attack, Claim, Inference, Source

try:
    _BaseDumper: Any = yaml.CSafeDumper
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _BaseDumper = yaml.SafeDumper


class _Dumper(_BaseDumper):  # type: ignore[misc]
    """Block style; multi-line text as ``|`` blocks where YAML allows it."""


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    if "\n" in value:
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|")
    return dumper.represent_str(value)


_Dumper.add_representer(str, _represent_str)


def _put(out: dict[str, Any], key: str, value: Any) -> None:
    if value is not None and value != ():
        out[key] = list(value) if isinstance(value, tuple) else value


def _source(s: Source) -> dict[str, Any]:
    out: dict[str, Any] = {}
    _put(out, "url", s.url)
    _put(out, "title", s.title)
    _put(out, "speaker", s.speaker)
    _put(out, "date", s.date.isoformat() if s.date else None)
    _put(out, "quote", s.quote)
    return out


def _claim(c: Claim) -> dict[str, Any]:
    out: dict[str, Any] = {"kind": c.kind.value, "text": c.text}
    if c.conditional:
        out["conditional"] = True
    if c.source is not None:
        out["source"] = _source(c.source)
    _put(out, "note", c.note)
    _put(out, "tags", c.tags)
    return out


def _inference(i: Inference) -> dict[str, Any]:
    out: dict[str, Any] = {"from": list(i.premises), "to": i.conclusion}
    _put(out, "marker", i.marker)
    _put(out, "scheme", i.scheme)
    _put(out, "strength", i.strength)
    _put(out, "note", i.note)
    _put(out, "tags", i.tags)
    return out


def _attack(a: Attack) -> dict[str, Any]:
    out: dict[str, Any] = {"from": a.source, "to": a.target}
    _put(out, "note", a.note)
    _put(out, "tags", a.tags)
    return out


def to_tree(amap: ArgumentMap) -> dict[str, Any]:
    """The map as plain data, keys in the documented order."""
    out: dict[str, Any] = {"argmap": FORMAT_VERSION, "title": amap.title, "lang": amap.lang}
    if amap.date is not None:
        out["date"] = amap.date.isoformat()
    if amap.document is not None:
        doc: dict[str, Any] = {}
        for name in ("title", "url", "author", "file"):
            _put(doc, name, getattr(amap.document, name))
        out["document"] = doc
    out["claims"] = {k: _claim(c) for k, c in amap.claims.items()}
    if amap.inferences:
        out["inferences"] = {k: _inference(i) for k, i in amap.inferences.items()}
    if amap.attacks:
        out["attacks"] = {k: _attack(a) for k, a in amap.attacks.items()}
    if amap.ignore:
        out["ignore"] = {k: list(v) for k, v in amap.ignore.items()}
    return out


def write_yaml(amap: ArgumentMap) -> str:
    text: str = yaml.dump(
        to_tree(amap),
        Dumper=_Dumper,
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=False,
        width=100,
    )
    return text


def write_json(amap: ArgumentMap) -> str:
    return json.dumps(to_tree(amap), ensure_ascii=False, indent=2) + "\n"
