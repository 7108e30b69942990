"""The shipped JSON Schema, the loader's field tables and docs/format.md describe the same format."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import msgspec
import pytest

import argmap
from argmap.formats import json_schema, spec
from argmap.formats._rules import KIND_WORDS

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted(ROOT.glob("examples/**/*.argmap.yaml"))


def test_schema_is_a_valid_json_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(json_schema())


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: str(p.relative_to(ROOT)))
def test_examples_validate_against_the_schema(path: Path) -> None:
    tree = json.loads(argmap.dumps(argmap.load(path), "json"))
    jsonschema.validate(tree, json_schema())


def test_there_are_examples() -> None:
    assert EXAMPLES


def test_the_shipped_schema_is_generated_from_the_tables() -> None:
    assert spec.SCHEMA_PATH.read_text(encoding="utf-8") == spec.schema_text(), (
        "argmap/formats/argmap.schema.json is stale: run `python -m argmap.formats.spec --write`"
    )


def test_schema_names_the_fields_of_each_table() -> None:
    schema = json_schema()
    defs = schema["$defs"]
    assert isinstance(defs, dict)
    nodes = {"map": schema, **{el.name: defs[el.name] for el in spec.elements()[1:]}}
    for el in spec.elements():
        node = nodes[el.name]
        assert list(node["properties"]) == list(el.keys), el.name
        assert tuple(node.get("required", ())) == el.required, el.name
    kinds = defs["claim"]["properties"]["kind"]["enum"]
    assert kinds[: len(argmap.Kind)] == [k.value for k in argmap.Kind]  # the English names first
    assert set(kinds) == set(KIND_WORDS)  # and the Japanese ones the loader accepts


def test_quick_json_structures_know_the_same_fields() -> None:
    for el in spec.elements():
        info = msgspec.structs.fields(spec.structure(spec.MAP) if el is spec.MAP else _struct_of(el))
        assert [f.encode_name for f in info] == list(el.keys), el.name
        assert tuple(f.encode_name for f in info if f.required) == el.required, el.name


def _struct_of(el: spec.Element) -> Any:
    return spec._structures(spec.MAP)[el]


def test_every_attribute_of_the_model_has_a_field() -> None:
    for el in spec.elements()[1:]:
        attributes = {"id"} if el.has_id else set()
        attributes |= {f.attr for f in el.fields if f.attr is not None}
        assert set(el.attrs_order) == attributes, el.name
    top = {f.attr for f in spec.MAP.fields if f.attr is not None} | {"origin"}
    assert set(spec.MAP.attrs_order) == top


def test_schema_rejects_what_the_loader_rejects() -> None:
    bad = {"argmap": 1, "title": "t", "claims": {"E1": {"kind": "evidense", "text": "a"}}}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, json_schema())
    with pytest.raises(argmap.ArgmapError):
        argmap.loads(json.dumps(bad), "json")


def test_format_doc_names_every_field() -> None:
    doc = (ROOT / "docs" / "format.md").read_text(encoding="utf-8")
    for el in spec.elements():
        for name in el.keys:
            assert f"`{name}`" in doc, name
