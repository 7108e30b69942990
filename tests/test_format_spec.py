"""One table per element kind describes the format; everything else follows it.

A field added to a table (and to the model) loads by both paths, is written
back, is checked by its rule and appears in the schema and the docs, with no
other edit.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator
from pathlib import Path
from unittest import mock

import attrs
import jsonschema
import pytest

import argmap
from argmap import ArgmapError, Claim
from argmap.formats import spec
from argmap.formats._fastjson import load_clean_json
from tests.loading import problems

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "format.md"


def test_the_field_tables_in_the_docs_are_generated_from_the_spec() -> None:
    text = DOC.read_text(encoding="utf-8")
    assert text == spec.with_doc_tables(text), "docs/format.md is stale: run `python tools/format_spec.py`"
    for el in spec.elements():
        assert f"<!-- format:{el.name} -->" in text, el.name


def test_each_doc_table_lists_the_fields_in_order_with_their_lines() -> None:
    table = spec.doc_table(spec.INFERENCE)
    rows = [line for line in table.splitlines() if line.startswith("| `")]
    assert [row.split("`")[1] for row in rows] == [f.key for f in spec.INFERENCE.fields]
    for row, field in zip(rows, spec.INFERENCE.fields, strict=True):
        assert field.doc in row
        assert ("| yes |" in row) is field.required


@attrs.frozen
class WeighedClaim(Claim):
    """A claim with one more attribute, for a field the format does not have."""

    weight: str | None = attrs.field(default=None)


WEIGHT = spec.Field("weight", "weight", spec.TEXT, "How much the claim weighs, in words.")


@pytest.fixture
def weighed() -> Iterator[spec.Element]:
    """The format with a throwaway ``weight`` field on claims."""
    claim = dataclasses.replace(spec.CLAIM, model=WeighedClaim, fields=(*spec.CLAIM.fields, WEIGHT))
    fields = tuple(dataclasses.replace(f, element=claim) if f.key == "claims" else f for f in spec.MAP.fields)
    root = dataclasses.replace(spec.MAP, fields=fields)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(spec, "MAP", root)
        yield claim


YAML = """\
argmap: 1
title: t
claims:
  E1: {kind: evidence, text: a, weight: heavy, source: {speaker: x}}
  C1: {kind: conclusion, text: b}
inferences:
  I1: {from: [E1], to: C1}
"""


def test_a_field_added_to_the_table_loads_and_is_written_back(weighed: spec.Element) -> None:
    m = argmap.loads(YAML)
    assert m.claims["E1"] == WeighedClaim(
        "E1", "evidence", "a", source=argmap.Source(speaker="x"), weight="heavy"
    )
    assert m.claims["C1"].weight is None  # type: ignore[attr-defined]
    yaml_text = argmap.dumps(m)
    assert "weight: heavy" in yaml_text
    assert argmap.loads(yaml_text) == m
    json_text = argmap.dumps(m, "json")
    assert json.loads(json_text)["claims"]["E1"]["weight"] == "heavy"
    assert "weight" not in json.loads(json_text)["claims"]["C1"]  # absent: left out
    quick = load_clean_json(json_text, "m.json")
    assert quick == m  # the msgspec path knows the field too
    with mock.patch("argmap.formats.load_clean_json", return_value=None):
        careful = argmap.loads(json_text, "json")
    assert careful == m


def test_a_field_added_to_the_table_is_checked_by_its_rule(weighed: spec.Element) -> None:
    bad = YAML.replace("weight: heavy", "weight: [1, 2]")
    ((line, column, message),) = problems(bad)
    assert message == "claim 'E1' weight: expected text, found a list"
    assert (line, column) == (4, bad.splitlines()[3].index("[1, 2]") + 1)
    misspelt = YAML.replace("weight: heavy", "weigth: heavy")
    (found,) = problems(misspelt)
    assert "unknown field 'weigth' (did you mean 'weight'?)" in found[2]
    assert "known fields: kind, text, conditional, source, note, tags, blank, prompt, weight" in found[2]
    tree = json.loads(argmap.dumps(argmap.loads(YAML), "json"))
    tree["claims"]["E1"]["weight"] = 5
    assert load_clean_json(json.dumps(tree), "m.json") is None
    with pytest.raises(ArgmapError, match="claim 'E1' weight: expected text, found a number"):
        argmap.loads(json.dumps(tree), "json")


def test_a_field_added_to_the_table_appears_in_the_schema_and_docs(weighed: spec.Element) -> None:
    schema = spec.json_schema()
    assert schema["$defs"]["claim"]["properties"]["weight"] == {
        "type": "string",
        "description": WEIGHT.doc,
    }
    tree = json.loads(argmap.dumps(argmap.loads(YAML), "json"))
    jsonschema.validate(tree, schema)
    tree["claims"]["E1"]["weight"] = 5
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(tree, schema)
    assert f"| `weight` | no | {WEIGHT.doc} |" in spec.doc_table(weighed)
    assert "`weight`" in spec.with_doc_tables(DOC.read_text(encoding="utf-8"))


def test_without_the_field_the_format_refuses_it() -> None:
    """The fixture's change is undone: the real format has no ``weight``."""
    (found,) = problems(YAML)
    assert "unknown field 'weight'" in found[2]
    assert "weight" not in spec.json_schema()["$defs"]["claim"]["properties"]
