"""docs/checks.md is generated from the registry and must not go stale."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import jsonschema

from argmap import load
from argmap.checks import check
from argmap.checks.docs import render
from argmap.checks.output import JSON_SCHEMA, counts, diagnostic_json

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "checks.md"


def test_docs_checks_md_is_up_to_date() -> None:
    assert DOC.read_text(encoding="utf-8") == render(), (
        "docs/checks.md is stale: run `python -m argmap.checks.docs > docs/checks.md`"
    )


def test_every_rule_is_documented_with_its_explanation() -> None:
    from argmap.checks import all_rules

    text = DOC.read_text(encoding="utf-8")
    for r in all_rules():
        assert f"### {r.code} {r.name}\n" in text
        assert r.explanation in text


def test_the_json_example_in_the_docs_is_real_output(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    text = DOC.read_text(encoding="utf-8")
    section = text[text.index("## JSON output") :]
    example = json.loads(re.search(r"```json\n(.*?)\n```", section, re.S)[1])  # type: ignore[index]
    jsonschema.validate(example, JSON_SCHEMA)
    monkeypatch.chdir(ROOT)
    entry = example["files"][0]
    found = check(load(entry["file"]))
    assert entry["summary"] == counts(found)
    real = [diagnostic_json(d) for d in found]
    for finding in entry["findings"]:
        assert finding in real
    assert os.path.exists(entry["file"])
