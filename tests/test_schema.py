"""The shipped JSON Schema, the loader's field tables and docs/format.md describe the same format."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import msgspec
import pytest

import argmap
from argmap.formats import _fastjson, _fields, json_schema

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


def test_schema_and_loader_know_the_same_fields() -> None:
    schema = json_schema()
    defs = schema["$defs"]
    assert isinstance(defs, dict)
    pairs = [
        (schema, _fields.TOP_FIELDS, _fields.TOP_REQUIRED),
        (schema["properties"]["document"], _fields.DOCUMENT_FIELDS, ()),  # type: ignore[index]
        (defs["source"], _fields.SOURCE_FIELDS, ()),
        (defs["claim"], _fields.CLAIM_FIELDS, _fields.CLAIM_REQUIRED),
        (defs["inference"], _fields.INFERENCE_FIELDS, _fields.INFERENCE_REQUIRED),
        (defs["attack"], _fields.ATTACK_FIELDS, _fields.ATTACK_REQUIRED),
    ]
    for node, fields, required in pairs:
        assert list(node["properties"]) == list(fields)
        assert tuple(node.get("required", ())) == tuple(required)
    assert defs["claim"]["properties"]["kind"]["enum"] == [k.value for k in argmap.Kind]


def test_quick_json_structures_know_the_same_fields() -> None:
    tables = {
        "map": (_fields.TOP_FIELDS, _fields.TOP_REQUIRED),
        "document": (_fields.DOCUMENT_FIELDS, ()),
        "source": (_fields.SOURCE_FIELDS, ()),
        "claim": (_fields.CLAIM_FIELDS, _fields.CLAIM_REQUIRED),
        "inference": (_fields.INFERENCE_FIELDS, _fields.INFERENCE_REQUIRED),
        "attack": (_fields.ATTACK_FIELDS, _fields.ATTACK_REQUIRED),
    }
    assert tables.keys() == _fastjson.STRUCTURES.keys()
    for name, (fields, required) in tables.items():
        info = msgspec.structs.fields(_fastjson.STRUCTURES[name])
        assert [f.encode_name for f in info] == list(fields), name
        assert [f.encode_name for f in info if f.required] == list(required), name


def test_schema_rejects_what_the_loader_rejects() -> None:
    bad = {"argmap": 1, "title": "t", "claims": {"E1": {"kind": "evidense", "text": "a"}}}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, json_schema())
    with pytest.raises(argmap.ArgmapError):
        argmap.loads(json.dumps(bad), "json")


def test_format_doc_names_every_field() -> None:
    doc = (ROOT / "docs" / "format.md").read_text(encoding="utf-8")
    for fields in (
        _fields.TOP_FIELDS,
        _fields.SOURCE_FIELDS,
        _fields.CLAIM_FIELDS,
        _fields.INFERENCE_FIELDS,
        _fields.ATTACK_FIELDS,
        _fields.DOCUMENT_FIELDS,
    ):
        for name in fields:
            assert f"`{name}`" in doc, name
