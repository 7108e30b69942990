"""The language argmap speaks on the paths a user rarely takes: errors of the
Python API, configuration files, option values and terminal widths."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from argmap.checks import UnknownRuleError
from argmap.checks.explain import rule_heading, rule_markdown
from argmap.cli import main
from argmap.i18n import using
from tests.language import english_sentences

ROOT = Path(__file__).resolve().parent.parent
NATO = ROOT / "examples" / "nato-tokyo" / "map.argmap.yaml"
EN = {"LANG": "C.UTF-8", "LANGUAGE": None, "LC_ALL": None, "LC_MESSAGES": None}
JA = {**EN, "LANG": "ja_JP.UTF-8"}


@pytest.fixture
def run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """Run argmap in an empty directory, in an English locale unless ``env`` says otherwise."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(
        "argmap.checks.config.find_pyproject",
        lambda start=".": (tmp_path / "pyproject.toml") if (tmp_path / "pyproject.toml").exists() else None,
    )

    def invoke(*args: str, env: dict[str, str | None] | None = None) -> Result:
        return CliRunner().invoke(main, list(args), env={**EN, **(env or {})})

    return invoke


@pytest.mark.parametrize("explain", [rule_markdown, rule_heading])
def test_an_unknown_rule_is_reported_in_the_language_asked_for(explain) -> None:  # type: ignore[no-untyped-def]
    with using("en"), pytest.raises(UnknownRuleError) as ja:
        explain("circular-suport", lang="ja")
    assert "もしかして「circular-support」" in str(ja.value)
    assert english_sentences(str(ja.value)) == [], str(ja.value)
    with using("ja"), pytest.raises(UnknownRuleError, match="unknown rule 'nosuch'"):
        explain("nosuch", lang="en")
