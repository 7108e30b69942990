"""``argmap check`` and ``argmap explain`` as a user runs them."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from argmap.checks.output import JSON_SCHEMA
from argmap.cli import main

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
LINE = re.compile(
    r"^(?P<path>.+):(?P<line>\d+):(?P<col>\d+): (?P<code>AM\d{3}) (?P<name>[a-z-]+): (?P<msg>.+)$"
)


@pytest.fixture
def run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """Run argmap in an empty directory (no pyproject.toml above it to pick up)."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("argmap.checks.config.find_pyproject", lambda start=".": _pyproject(tmp_path))

    def invoke(*args: str, color: bool = False):  # type: ignore[no-untyped-def]
        return CliRunner().invoke(main, list(args), color=color)

    return invoke


def _pyproject(d: Path) -> Path | None:
    p = d / "pyproject.toml"
    return p if p.exists() else None


def write(d: Path, name: str, body: str) -> str:
    p = d / name
    p.write_text("argmap: 1\ntitle: t\n" + body, encoding="utf-8")
    return str(p)


CIRCLE = """claims:
  C1: {kind: conclusion, text: The paper is trustworthy}
  C2: {kind: conclusion, text: The paper's reports are trustworthy}
inferences:
  I1: {from: [C2], to: C1}
  I2: {from: [C1], to: C2}
"""


def test_clean_example_exits_0(run) -> None:  # type: ignore[no-untyped-def]
    r = run("check", str(EXAMPLES / "clean.argmap.yaml"))
    assert r.exit_code == 0, r.output
    assert r.output == f"{EXAMPLES / 'clean.argmap.yaml'}: 0 errors, 0 warnings, 0 info\n"


def test_circular_example_exits_1_with_located_lines_and_a_summary(run) -> None:  # type: ignore[no-untyped-def]
    path = str(EXAMPLES / "circular.argmap.yaml")
    r = run("check", path)
    assert r.exit_code == 1
    *lines, last = r.output.splitlines()
    assert last == f"{path}: 5 errors, 0 warnings, 1 info"
    parsed = [LINE.match(line) for line in lines]
    assert all(parsed), lines
    assert {(m["code"], m["name"]) for m in parsed if m} >= {
        ("AM201", "circular-support"),
        ("AM105", "ungrounded-conclusion"),
        ("AM202", "restated-premise"),
    }
    circle = next(line for line in lines if "AM201" in line)
    assert circle.startswith(f"{path}:12:3: AM201 circular-support: ")
    assert circle.endswith("C1 -> I2 -> C2 -> I1 -> C1")
    assert "\x1b[" not in r.output  # no colour when not on a terminal


def test_every_example_checks_without_crashing(run) -> None:  # type: ignore[no-untyped-def]
    files = sorted(str(p) for p in EXAMPLES.rglob("*.argmap.yaml"))
    r = run("check", *files)
    assert r.exit_code in (0, 1), r.output
    assert r.exception is None or isinstance(r.exception, SystemExit)


def test_colour_on_a_terminal(run) -> None:  # type: ignore[no-untyped-def]
    r = run("check", str(EXAMPLES / "circular.argmap.yaml"), color=True)
    assert "\x1b[31m" in r.output  # errors in red


def test_strict_fails_on_warnings(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    f = write(tmp_path, "w.argmap.yaml", "claims:\n  E1: {kind: evidence, text: Rain fell}\n")
    r = run("check", f, "--ignore", "unused-claim")
    assert r.exit_code == 0
    assert "AM301 unsourced-evidence" in r.output
    assert run("check", "--strict", f, "--ignore", "unused-claim").exit_code == 1


def test_select_and_ignore_take_names_codes_families_and_commas(run) -> None:  # type: ignore[no-untyped-def]
    path = str(EXAMPLES / "leaping.argmap.yaml")
    r = run("check", path, "--select", "AM1,anachronism", "--ignore", "AM104", "--ignore", "weak-support")
    codes = {m["code"] for line in r.output.splitlines() if (m := LINE.match(line))}
    assert codes == {"AM101", "AM103", "AM105", "AM304"}


def test_unknown_rule_is_a_usage_error_with_a_suggestion(run) -> None:  # type: ignore[no-untyped-def]
    r = run("check", str(EXAMPLES / "clean.argmap.yaml"), "--select", "circular-suport")
    assert r.exit_code == 2
    assert "unknown rule 'circular-suport' (did you mean 'circular-support'?)" in r.output
    r = run("check", str(EXAMPLES / "clean.argmap.yaml"), "--ignore", "AM999")
    assert r.exit_code == 2
    assert "'--ignore'" in r.output


def test_bad_input_exits_2_with_located_errors_and_no_traceback(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "bad.argmap.yaml"
    bad.write_text("argmap: 1\ntitle: t\nclaims:\n  C1: {kind: conclusio, text: x}\n", encoding="utf-8")
    circle = write(tmp_path, "c.argmap.yaml", CIRCLE)
    r = CliRunner().invoke(main, ["check", str(bad), circle])
    assert r.exit_code == 2  # bad input wins over findings
    assert f"{bad}:4:" in r.output and "unknown kind 'conclusio'" in r.output
    assert "Traceback" not in r.output
    assert "AM201 circular-support" in r.output  # the good file is still checked
    missing = run("check", str(tmp_path / "nope.argmap.yaml"))
    assert missing.exit_code == 2
    assert "Traceback" not in missing.output


def test_json_output_follows_the_documented_schema(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "bad.argmap.yaml"
    bad.write_text("argmap: 1\n", encoding="utf-8")
    circle = write(tmp_path, "c.argmap.yaml", CIRCLE)
    r = CliRunner().invoke(main, ["check", "--format", "json", circle, str(bad)])
    assert r.exit_code == 2
    start = r.stdout.index("{")
    data = json.loads(r.stdout[start:])
    jsonschema.validate(data, JSON_SCHEMA)
    first, second = data["files"]
    assert first["file"] == circle and first["loaded"] is True
    assert first["summary"] == {"error": 3, "warning": 0, "info": 0}
    circ = next(f for f in first["findings"] if f["code"] == "AM201")
    assert circ == {
        "code": "AM201",
        "name": "circular-support",
        "severity": "error",
        "message": 'C1 "The paper is trustworthy" supports itself in a circle: C1 -> I2 -> C2 -> I1 -> C1',
        "elements": ["C1", "C2", "I1", "I2"],
        "path": ["C1", "I2", "C2", "I1", "C1"],
        "location": {"file": circle, "line": 4, "column": 3},
    }
    assert second["loaded"] is False and second["findings"] == []
    assert second["problems"][0]["location"]["line"] >= 1


def test_json_keeps_japanese_readable(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    f = write(
        tmp_path, "ja.argmap.yaml", "claims:\n  C1: {kind: conclusion, text: ロシアは日本を脅威とみなす}\n"
    )
    r = run("check", "--format", "json", f, "--select", "AM101")
    assert r.exit_code == 1
    assert 'C1 \\"ロシアは日本を脅威とみなす\\" is a conclusion' in r.output


def test_pyproject_selects_rules_and_thresholds(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = str(EXAMPLES / "leaping.argmap.yaml")
    (tmp_path / "pyproject.toml").write_text(
        '[tool.argmap]\nselect = ["weak-support"]\n[tool.argmap.thresholds]\nweak-support = 0.4\n',
        encoding="utf-8",
    )
    r = run("check", path)
    names = [m["name"] for line in r.output.splitlines() if (m := LINE.match(line))]
    assert names == ["weak-support"]  # C3 at 0.45 is no longer weak; C4 at 0.36 is
    assert "has support 0.36, below 0.40" in r.output


def test_bad_pyproject_is_reported_and_exits_2(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "pyproject.toml").write_text("[tool.argmap]\nignore = ['unused-claims']\n", encoding="utf-8")
    r = run("check", str(EXAMPLES / "clean.argmap.yaml"))
    assert r.exit_code == 2
    assert "did you mean 'unused-claim'?" in r.output


def test_unknown_rule_in_a_map_ignore_list_is_warned_about(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    f = write(tmp_path, "i.argmap.yaml", CIRCLE + "ignore:\n  C1: [circular-suport]\n")
    r = CliRunner().invoke(main, ["check", f, "--select", "AM201"])
    assert f"{f}:4:3: warning: ignore list of C1: unknown rule 'circular-suport'" in r.output
    assert r.exit_code == 1  # the misspelt name silences nothing


def test_explain_lists_every_rule(run) -> None:  # type: ignore[no-untyped-def]
    r = run("explain")
    assert r.exit_code == 0
    for code in ("AM101", "AM201", "AM305", "AM402"):
        assert code in r.output
    assert "Circularity (AM2xx)" in r.output


def test_explain_one_rule_by_code_or_name(run) -> None:  # type: ignore[no-untyped-def]
    by_code = run("explain", "AM201")
    by_name = run("explain", "circular-support")
    assert by_code.exit_code == 0
    assert by_code.output == by_name.output
    assert by_code.output.startswith("AM201 circular-support (error, Circularity)\n")
    assert "How to repair it." in by_code.output
    assert "**" not in by_code.output  # the Markdown is drawn, not shown as source
    source = run("explain", "AM201", "--format", "markdown").output
    assert "**How to repair it.**" in source
    assert "Threshold: 0.5" in run("explain", "weak-relevance").output


def test_explain_unknown_rule(run) -> None:  # type: ignore[no-untyped-def]
    r = run("explain", "weak-suport")
    assert r.exit_code == 2
    assert "did you mean 'weak-support'?" in r.output


def test_a_bad_file_is_loaded_once_and_its_problems_reported_as_data(
    run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    import argmap.formats

    bad = tmp_path / "bad.argmap.yaml"
    bad.write_text(
        "argmap: 1\ntitle: t\nclaims:\n  C1: {kind: conclusio, text: x}\n  C2: {kind: x}\n", encoding="utf-8"
    )
    with pytest.raises(argmap.ArgmapError) as raised:
        argmap.load(bad)
    real_load = argmap.formats.read
    calls: list[object] = []

    def counting_read(*args: object, **kwargs: object) -> object:
        calls.append(args[0])
        return real_load(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr("argmap.formats.read", counting_read)
    r = run("check", "--format", "json", str(bad))
    assert r.exit_code == 2
    assert calls == [str(bad)]
    problems = json.loads(r.stdout)["files"][0]["problems"]
    assert [p["message"] for p in problems] == [p.message for p in raised.value.problems]
    assert [(p["location"]["line"], p["location"]["column"]) for p in problems] == [
        (p.location.line, p.location.column) for p in raised.value.problems if p.location is not None
    ]


def test_the_location_printed_is_the_finding_s_own_even_when_the_path_looks_like_a_finding(
    run, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    odd = tmp_path / "x: AM201 circular-support: y"
    odd.mkdir()
    circle = write(odd, "c.argmap.yaml", CIRCLE)
    r = run("check", "--format", "json", circle)
    expected = [
        f"{circle}:{f['location']['line']}:{f['location']['column']}: {f['code']} {f['name']}: {f['message']}"
        for f in json.loads(r.stdout)["files"][0]["findings"]
    ]
    text = run("check", circle).stdout.splitlines()
    assert text[:-1] == expected
