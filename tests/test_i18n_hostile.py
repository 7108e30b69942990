"""The language argmap speaks on the paths a user rarely takes: errors of the
Python API, configuration files, option values and terminal widths."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap.checks import UnknownRuleError
from argmap.checks.explain import rule_heading, rule_markdown
from argmap.i18n import using
from tests.language import JA, english_sentences


@pytest.fixture
def run(run_in_empty_dir):  # type: ignore[no-untyped-def]
    """argmap in an empty directory, in an English locale unless ``env`` says otherwise."""
    return run_in_empty_dir


ROOT = Path(__file__).resolve().parent.parent
NATO = ROOT / "examples" / "nato-tokyo" / "map.argmap.yaml"


@pytest.mark.parametrize("explain", [rule_markdown, rule_heading])
def test_an_unknown_rule_is_reported_in_the_language_asked_for(explain) -> None:  # type: ignore[no-untyped-def]
    with using("en"), pytest.raises(UnknownRuleError) as ja:
        explain("circular-suport", lang="ja")
    assert "もしかして「circular-support」" in str(ja.value)
    assert english_sentences(str(ja.value)) == [], str(ja.value)
    with using("ja"), pytest.raises(UnknownRuleError, match="unknown rule 'nosuch'"):
        explain("nosuch", lang="en")


#: pyproject.toml files tomllib refuses, one for each thing it can say.
BAD_TOML = [
    "[[[\n",
    "[tool.argmap]\nselect = 1 2\n",
    "[tool.argmap]\nselect = 1\nselect = 2\n",
    "[tool.argmap]\n[tool.argmap]\n",
    "[tool.argmap\n",
    "[[tool.argmap]\n",
    "[tool.argmap]\nselect\n",
    "= 1\n",
    "[tool.argmap]\nselect = [1,\n",
    "[tool.argmap]\nthresholds = {a = 1, a = 2}\n",
    "[tool.argmap]\nthresholds = {a = 1\n",
    '[tool.argmap]\nselect = "\\q"\n',
    '[tool.argmap]\nselect = "\\uZZZZ"\n',
    '[tool.argmap]\nselect = "\\uD800"\n',
    '[tool.argmap]\nselect = "AM1\n',
    '[tool.argmap]\nselect = "a\x01"\n',
    "[tool.argmap]\nselect = ?\n",
    "[tool.argmap]\nthresholds = {a = 1}\nthresholds.b = 2\n",
]


@pytest.mark.parametrize("body", BAD_TOML)
def test_a_pyproject_that_is_not_toml_is_told_in_japanese(run, tmp_path: Path, body: str) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "pyproject.toml").write_text(body, encoding="utf-8")
    for command in ("check", "render"):
        r = run(command, str(NATO), "-q" if command == "render" else "--strict", env=JA)
        assert r.exit_code == 2, r.output
        message = r.stderr.split("pyproject.toml", 1)[1]
        assert "TOML" in message and english_sentences(message) == [], r.stderr
    english = run("check", str(NATO), "--lang", "en").stderr
    assert "not valid TOML: " in english and "TOML として" not in english


def test_tomllib_messages_stay_as_they_are_in_english() -> None:
    import tomllib

    from argmap.checks.config import toml_reason

    for body in BAD_TOML:
        with pytest.raises(tomllib.TOMLDecodeError) as exc:
            tomllib.loads(body)
        reason = str(exc.value).rsplit(" (at ", 1)[0]
        with using("en"):
            assert toml_reason(reason) == reason
        with using("ja"):
            assert english_sentences(toml_reason(reason)) == [], reason
    with using("ja"):
        assert english_sentences(toml_reason("Some message of a later tomllib")) == []


def test_a_folder_given_for_a_file_is_named_in_japanese(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "article.txt").write_text("田中さんは、雨が降ると述べました。\n", encoding="utf-8")
    (tmp_path / "folder").mkdir()
    r = run("scaffold", "article.txt", "-o", "folder", env=JA)
    assert r.exit_code == 2
    error = r.stderr.splitlines()[-1]
    assert "「folder」" in error and "ファイル" in error
    assert english_sentences(error) == [] and "File" not in error, error
    # in English as before, and a Japanese run first does not leave its words behind
    r = run("scaffold", "article.txt", "-o", "folder")
    assert (
        r.stderr.splitlines()[-1]
        == "Error: Invalid value for '-o' / '--output': File 'folder' is a directory."
    )


@pytest.mark.parametrize("version", ["abc", "1.5", "-1", "[1]", "true"])
def test_a_wrong_format_version_is_told_in_japanese(version: str) -> None:
    from argmap import loads
    from argmap.errors import ArgmapError

    text = f"argmap: {version}\ntitle: t\nlang: ja\nclaims: {{}}\n"
    with pytest.raises(ArgmapError) as ja:
        loads(text)
    assert english_sentences(str(ja.value)) == [], str(ja.value)
    with pytest.raises(ArgmapError, match=r"argmap \(format version\): expected a whole number"):
        loads(text.replace("lang: ja", "lang: en"))


@pytest.mark.skipif(__import__("shutil").which("dot") is None, reason="needs Graphviz")
def test_a_png_scaled_down_by_graphviz_is_told_in_japanese(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    claims = "".join(f"  P{i}: {{kind: premise, text: 前提の文{i}}}\n" for i in range(200))
    premises = ", ".join(f"P{i}" for i in range(200))
    (tmp_path / "wide.argmap.yaml").write_text(
        f"argmap: 1\ntitle: 横に長い図\nlang: ja\nclaims:\n{claims}  C: {{kind: conclusion, text: 結論}}\n"
        f"inferences:\n  I: {{from: [{premises}], to: C}}\n",
        encoding="utf-8",
    )
    r = run("render", "wide.argmap.yaml", "--format", "png", "--no-findings")
    assert r.exit_code == 0, r.output
    warning = next(line for line in r.stderr.splitlines() if "PNG" in line)
    assert "倍に縮めて" in warning and english_sentences(warning.split(": ", 1)[1]) == [], warning
    r = run("render", "wide.argmap.yaml", "--format", "png", "--no-findings", "--lang", "en")
    assert "Graphviz (dot): graph is too large for cairo-renderer bitmaps. Scaling by 0." in r.stderr


@pytest.mark.parametrize("columns", [40, 60, 80, 200])
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_list_of_rules_fits_the_terminal(run, columns: int, lang: str) -> None:  # type: ignore[no-untyped-def]
    from argmap.checks import all_rules
    from argmap.cli.explain import MAX_WIDTH
    from argmap.support import display_width

    r = run("explain", "--lang", lang, env={"COLUMNS": str(columns)})
    assert r.exit_code == 0
    lines = r.stdout.splitlines()
    assert max(display_width(line) for line in lines) <= max(40, min(MAX_WIDTH, columns - 1)), r.stdout
    assert not any(line.lstrip().startswith(("、", "。", "）", "」")) for line in lines)
    for rule in all_rules():
        row = next(line for line in lines if line.startswith(f"  {rule.code}  "))
        assert rule.display_name(lang) in row
    compact = "".join(r.stdout.split())  # every summary is there whole, however it is wrapped
    for rule in all_rules():
        assert "".join(rule.summary_in(lang).split()) in compact
