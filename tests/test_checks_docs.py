"""docs/checks.md is generated from the registry and must not go stale."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import jsonschema
import pytest

from argmap import load
from argmap.checks import check
from argmap.checks.docs import PATHS, render
from argmap.checks.output import JSON_SCHEMA, counts, diagnostic_json
from tests.language import english_sentences

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "checks.md"
DOC_JA = ROOT / "docs" / "ja" / "checks.md"


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_docs_checks_md_is_up_to_date(lang: str) -> None:
    path = ROOT / PATHS[lang]
    assert path.read_text(encoding="utf-8") == render(lang), (
        f"{PATHS[lang]} is stale: run `python -m argmap.checks.docs --write`"
    )


def test_every_rule_is_documented_with_its_explanation_and_both_names() -> None:
    from argmap.checks import all_rules

    text = DOC.read_text(encoding="utf-8")
    text_ja = DOC_JA.read_text(encoding="utf-8")
    for r in all_rules():
        assert f"### {r.code} {r.name}\n" in text
        assert r.explanation in text
        assert f"| {r.ja_name} |" in text  # the Japanese name in the English table
        assert f"### {r.code} {r.ja_name}（`{r.name}`）\n" in text_ja
        assert r.explanation_in("ja") in text_ja
        assert f'<a id="{r.code.lower()}"></a>' in text_ja and f"](#{r.code.lower()})" in text_ja


def test_the_japanese_page_speaks_japanese() -> None:
    text = DOC_JA.read_text(encoding="utf-8")
    prose = re.sub(r"```.*?```", "", text, flags=re.S)  # code blocks and the schema aside
    prose = prose.replace("(English version: [docs/checks.md](../checks.md))", "")
    assert english_sentences(prose) == []


def test_the_json_example_of_the_japanese_page_is_real_output(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    text = DOC_JA.read_text(encoding="utf-8")
    section = text[text.index("## JSON 出力") :]
    example = json.loads(re.search(r"```json\n(.*?)\n```", section, re.S)[1])  # type: ignore[index]
    jsonschema.validate(example, JSON_SCHEMA)
    monkeypatch.chdir(ROOT)
    entry = example["files"][0]
    found = check(load(entry["file"]))
    real = [diagnostic_json(d) for d in found]
    assert entry["findings"] and all(f in real for f in entry["findings"])
    assert "循環論法" not in entry["findings"][0]["name"]  # names stay English in JSON
    assert "「" in entry["findings"][0]["message"]


def test_the_json_example_in_the_docs_is_real_output(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    text = DOC.read_text(encoding="utf-8")
    section = text[text.index("## JSON output") :]
    example = json.loads(re.search(r"```json\n(.*?)\n```", section, re.S)[1])  # type: ignore[index]
    jsonschema.validate(example, JSON_SCHEMA)
    monkeypatch.chdir(ROOT)
    entry = example["files"][0]
    found = check(load(entry["file"]))
    assert entry["summary"] == counts(found)
    assert example["summary"] == {
        "files": 1,
        "loaded": 1,
        "findings": counts(found),
        "rules": {code: sum(d.code == code for d in found) for code in sorted({d.code for d in found})},
    }
    real = [diagnostic_json(d) for d in found]
    for finding in entry["findings"]:
        assert finding in real
    assert os.path.exists(entry["file"])
