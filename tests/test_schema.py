"""The shipped JSON Schema, the loader's field tables and docs/format.md describe the same format."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

import argmap
from argmap.formats import _schema, json_schema

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
        (schema, _schema.TOP_FIELDS, _schema.TOP_REQUIRED),
        (schema["properties"]["document"], _schema.DOCUMENT_FIELDS, ()),  # type: ignore[index]
        (defs["source"], _schema.SOURCE_FIELDS, ()),
        (defs["claim"], _schema.CLAIM_FIELDS, _schema.CLAIM_REQUIRED),
        (defs["inference"], _schema.INFERENCE_FIELDS, _schema.INFERENCE_REQUIRED),
        (defs["attack"], _schema.ATTACK_FIELDS, _schema.ATTACK_REQUIRED),
    ]
    for node, fields, required in pairs:
        assert list(node["properties"]) == list(fields)
        assert tuple(node.get("required", ())) == tuple(required)
    assert defs["claim"]["properties"]["kind"]["enum"] == [k.value for k in argmap.Kind]


def test_schema_rejects_what_the_loader_rejects() -> None:
    bad = {"argmap": 1, "title": "t", "claims": {"E1": {"kind": "evidense", "text": "a"}}}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, json_schema())
    with pytest.raises(argmap.ArgmapError):
        argmap.loads(json.dumps(bad), "json")


def test_format_doc_names_every_field() -> None:
    doc = (ROOT / "docs" / "format.md").read_text(encoding="utf-8")
    for fields in (
        _schema.TOP_FIELDS,
        _schema.SOURCE_FIELDS,
        _schema.CLAIM_FIELDS,
        _schema.INFERENCE_FIELDS,
        _schema.ATTACK_FIELDS,
        _schema.DOCUMENT_FIELDS,
    ):
        for name in fields:
            assert f"`{name}`" in doc, name
