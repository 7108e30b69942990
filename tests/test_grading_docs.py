"""docs/grading.md and docs/ja/grading.md say what the code does: its numbers, words, codes and fields."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

import argmap
from argmap.cli import main
from argmap.exercises import SAME_ID_BONUS, THRESHOLD, WEIGHTS
from argmap.exercises.handout import MAX_ARTICLE_CHARS
from argmap.exercises.worksheet import HIDE_WORDS
from tests.language import EN

ROOT = Path(__file__).resolve().parent.parent
DOCS = [ROOT / "docs" / "grading.md", ROOT / "docs" / "ja" / "grading.md"]
KEY = ROOT / "examples" / "nato-tokyo" / "map.argmap.yaml"
STUDENTS = sorted((ROOT / "examples" / "nato-tokyo" / "students").glob("*.argmap.yaml"))


def graded() -> dict[str, object]:
    result = CliRunner(env=EN).invoke(main, ["grade", str(KEY), *map(str, STUDENTS), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    report: dict[str, object] = json.loads(result.stdout)
    return report


@pytest.mark.parametrize("doc", DOCS, ids=["en", "ja"])
def test_the_numbers_are_the_codes(doc: Path) -> None:
    text = doc.read_text(encoding="utf-8")
    assert f"**{THRESHOLD:g}**" in text
    assert f"**{SAME_ID_BONUS:g}**" in text
    for part, weight in WEIGHTS.items():
        (row,) = [
            line
            for line in text.splitlines()
            if line.startswith(f"| `{part}` |") and re.search(r"\| [0-9.]+ \|$", line)
        ]
        assert row.endswith(f"| {weight:.2f} |"), row
    assert f"{MAX_ARTICLE_CHARS:,}" in text
    for word in HIDE_WORDS:
        assert f"| `{word}`" in text, word


@pytest.mark.parametrize("doc", DOCS, ids=["en", "ja"])
def test_every_feedback_code_and_field_is_documented(doc: Path) -> None:
    text = doc.read_text(encoding="utf-8")
    source = (ROOT / "argmap" / "exercises" / "grading.py").read_text(encoding="utf-8")
    codes = set(re.findall(r'"((?:missed|extra|wrong)-[a-z]+)"', source))
    assert len(codes) >= 7
    documented = set(re.findall(r"^\| `([a-z]+-[a-z]+)` \|", text, re.M))
    assert documented == codes
    # the JSON shown holds the fields a real report holds, no more and no fewer
    shown = json.loads(re.search(r"```json\n(.*?)```", text, re.S).group(1))  # type: ignore[union-attr]
    real = graded()
    assert set(shown) == set(real)
    student = real["students"][0]  # type: ignore[index]
    assert set(shown["students"][0]) == set(student)
    assert set(shown["students"][0]["scores"]) == set(student["scores"])
    for part, measures in student["scores"].items():
        assert set(shown["students"][0]["scores"][part]) == set(measures), part
    item = next(row["feedback"][0] for row in real["students"] if row["feedback"])  # type: ignore[attr-defined]
    assert set(shown["students"][0]["feedback"][0]) == set(item)
    assert set(shown["students"][1]) == {"file", "score", "errors"}
    assert set(shown["class"]) == set(real["class"])  # type: ignore[arg-type]


def test_the_sample_students_are_answers_to_the_flagships_worksheet() -> None:
    key = argmap.load(KEY)
    for path in STUDENTS:
        student = argmap.load(path)
        assert set(student.claims) == set(key.claims)  # the worksheet keeps the key's ids
        assert not any(c.note for c in student.claims.values())  # the teacher's notes never reached them


@pytest.mark.parametrize("doc", DOCS, ids=["en", "ja"])
def test_the_fields_of_a_report_with_hide_are_documented(doc: Path) -> None:
    text = doc.read_text(encoding="utf-8")
    result = CliRunner(env=EN).invoke(
        main, ["grade", str(KEY), *map(str, STUDENTS), "--format", "json", "--hide", "assumptions"]
    )
    assert result.exit_code == 0, result.stderr
    real = json.loads(result.stdout)
    # the documented example of the field is the real one
    assert f'"hidden": {json.dumps(real["hidden"])}' in text
    new_parts = {p for row in real["students"] for p in row["scores"]} - set(WEIGHTS)
    assert new_parts == {"given"}
    for part in new_parts:
        for measure in real["students"][0]["scores"][part]:
            assert f"`{part}` (`{measure}`)" in text or f"`{part}`（`{measure}`）" in text
    assert "--hide" in text.split("## `argmap grade")[1]
