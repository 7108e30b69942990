"""Write a map as YAML or JSON: fields in the order of the format's tables (``spec``), defaults left out."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

import yaml

from argmap.formats import spec
from argmap.model import ArgumentMap

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


def _element(el: spec.Element, obj: Any) -> dict[str, Any]:
    """``obj`` as plain data: the fields of ``el`` in order, defaults left out."""
    out: dict[str, Any] = {}
    for f in el.fields:
        value = f.default if f.attr is None else getattr(obj, f.attr)
        if not (f.required or f.always_written) and (
            value is None or value == f.default or (isinstance(value, (tuple, Mapping)) and not value)
        ):
            continue
        if f.shape == "element":
            assert f.element is not None
            out[f.key] = _element(f.element, value)
        elif f.shape == "section":
            assert f.element is not None
            out[f.key] = {k: _element(f.element, v) for k, v in value.items()}
        elif f.shape == "ignore":
            out[f.key] = {k: list(v) for k, v in value.items()}
        else:
            assert f.rule is not None
            out[f.key] = f.rule.write(value)
    return out


def to_tree(amap: ArgumentMap) -> dict[str, Any]:
    """The map as plain data, keys in the documented order."""
    return _element(spec.MAP, amap)


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
