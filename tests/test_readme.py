"""The README's Python example runs as written, its file example loads, and its command lines work."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

import argmap

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def block(language: str, index: int = 0) -> str:
    return re.findall(rf"```{language}\n(.*?)```", README, re.S)[index]


def test_python_example_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    monkeypatch.chdir(tmp_path)
    exec(compile(block("python"), "README.md", "exec"), {})
    assert (tmp_path / "map.png").read_bytes().startswith(b"\x89PNG")
    assert "argmap: 1\ntitle: Rain\n" in capsys.readouterr().out


def test_yaml_example_loads() -> None:
    m = argmap.loads(block("yaml"))
    assert list(m.claims) == ["E1", "H1", "C1"]


def test_the_two_setup_commands_are_make_targets() -> None:
    commands = [line.split("#")[0].strip() for line in block("sh").splitlines()]
    assert commands == ["make demo", "make test"]
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^demo:", makefile, re.M)
    assert re.search(r"^test:", makefile, re.M)


def test_the_japanese_finding_shown_is_what_argmap_prints(monkeypatch: pytest.MonkeyPatch) -> None:
    from click.testing import CliRunner

    from argmap.cli import main

    monkeypatch.chdir(ROOT)
    (shown,) = re.findall(r"```text\n\$ argmap (check [^\n]+)\n(.*?)```", README, re.S)
    command, lines = shown
    result = CliRunner().invoke(main, command.split(), catch_exceptions=False)
    printed = result.stdout.splitlines()
    for line in lines.splitlines():
        assert line in printed


def test_the_command_lines_after_set_up_run_as_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each `.venv/bin/argmap …` line of "Try it", run in a copy of the examples as a new user would."""
    import glob
    import shlex

    from click.testing import CliRunner

    from argmap.cli import main

    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("argmap.checks.config.find_pyproject", lambda start=".": None)
    lines = [line.split("#")[0].strip() for line in block("sh", 1).splitlines()]
    commands = [shlex.split(line) for line in lines if line]
    assert len(commands) >= 8 and all(words[0] == ".venv/bin/argmap" for words in commands)
    for words in commands:
        args = [arg for word in words[1:] for arg in (sorted(glob.glob(word)) if "*" in word else [word])]
        r = CliRunner().invoke(main, args)
        assert r.exit_code == 0, (words, r.output)
    assert (tmp_path / "examples" / "nato-tokyo" / "map.argmap.svg").exists()
    assert (tmp_path / "worksheet.pdf").read_bytes().startswith(b"%PDF")
    assert (
        argmap.load(tmp_path / "map.argdown").claims
        == argmap.load(ROOT / "examples/nato-tokyo/map.argmap.yaml").claims
    )
