"""``argmap check`` on files and folders named more than once, and on folders
it cannot read."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from argmap.cli import main
from tests.language import EN, JA

ROOT = Path(__file__).resolve().parent.parent
CIRCULAR = ROOT / "examples" / "circular.argmap.yaml"
AIF = ROOT / "tests" / "data" / "aif" / "conflict.aif.json"


@pytest.fixture
def run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("argmap.checks.config.find_pyproject", lambda start=".": None)

    def invoke(*args: str, env: dict[str, str | None] = EN) -> Result:
        return CliRunner().invoke(main, list(args), env=env)

    return invoke


def files_of(r: Result) -> list[str]:
    return [entry["file"] for entry in json.loads(r.stdout)["files"]]


def test_a_file_named_twice_is_checked_once(run: Any, tmp_path: Path) -> None:
    (tmp_path / "maps" / "sub").mkdir(parents=True)
    shutil.copy(CIRCULAR, tmp_path / "maps" / "a.argmap.yaml")
    shutil.copy(AIF, tmp_path / "maps" / "sub" / "b.aif.json")
    os.link(tmp_path / "maps" / "a.argmap.yaml", tmp_path / "hard.argmap.yaml")
    (tmp_path / "link.argmap.yaml").symlink_to(tmp_path / "maps" / "a.argmap.yaml")
    once = run("check", "maps", "--format", "json")
    assert files_of(once) == ["maps/a.argmap.yaml", "maps/sub/b.aif.json"]
    for args in (
        ["maps", "maps"],
        ["maps", "maps/a.argmap.yaml"],
        ["maps/a.argmap.yaml", "maps"],
        ["maps", "./maps/", "maps/sub"],
        ["maps", "maps/./a.argmap.yaml", "hard.argmap.yaml", "link.argmap.yaml"],
    ):
        r = run("check", *args, "--format", "json")
        assert r.exit_code == once.exit_code
        assert sorted(files_of(r)) == sorted(files_of(once)), args  # under the name it first came by
        assert json.loads(r.stdout)["summary"] == json.loads(once.stdout)["summary"]
    text = run("check", "maps", "maps", "--statistics").stdout
    assert "2 files checked" in text
    assert text == run("check", "maps", "--statistics").stdout
    # a missing file named twice is one error
    r = run("check", "missing.argmap.yaml", "missing.argmap.yaml", "maps")
    assert r.exit_code == 2
    assert r.stderr.count("missing.argmap.yaml") == 1


def test_a_folder_that_cannot_be_read_is_a_warning_not_silence(
    run: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "maps" / "locked").mkdir(parents=True)
    shutil.copy(CIRCULAR, tmp_path / "maps" / "a.argmap.yaml")
    shutil.copy(CIRCULAR, tmp_path / "maps" / "locked" / "b.argmap.yaml")
    scandir = os.scandir

    def refusing(path: Any = ".") -> Any:  # as for a folder of another user's, mode 700 (root reads any)
        if os.fspath(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return scandir(path)

    monkeypatch.setattr(os, "scandir", refusing)
    r = run("check", "maps", "--format", "json")
    assert files_of(r) == ["maps/a.argmap.yaml"]
    assert r.stderr.splitlines() == [
        "maps/locked: warning: this folder cannot be read (Permission denied); the map files in it are not checked"
    ]
    ja = run("check", "maps", env=JA)
    (line,) = ja.stderr.splitlines()
    assert line.startswith("maps/locked: 警告: ") and "cannot be read" not in line


def test_a_fifo_in_a_folder_is_never_opened(run: Any, tmp_path: Path) -> None:
    """A named pipe among the maps (one named like an arggraph, one like a map) is
    left out: opening it would wait for a writer for ever."""
    folder = tmp_path / "c"
    folder.mkdir()
    shutil.copy(ROOT / "examples" / "clean.argmap.yaml", folder / "clean.argmap.yaml")
    os.mkfifo(folder / "pipe.xml")
    os.mkfifo(folder / "pipe.argmap.yaml")
    r = run("check", "c", "--format", "json")
    assert r.exit_code == 0, r.output
    assert files_of(r) == ["c/clean.argmap.yaml"]
