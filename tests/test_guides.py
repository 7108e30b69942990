"""Every command in the educators' guides runs as written.

The guides are for teachers who copy commands. The set-up lines (put argmap
on PATH, make a working folder with a copy of the examples) are run by bash
with a scratch home folder; each ``argmap ...`` line in their ``sh`` blocks is
run here (through the CLI, in a scratch copy of examples/), and must succeed
and write what it says it writes.
"""

from __future__ import annotations

import glob
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import argmap
from argmap.cli import main

ROOT = Path(__file__).resolve().parent.parent
GUIDES = [ROOT / "docs" / "guide-educators.md", ROOT / "docs" / "ja" / "guide-educators.md"]
PREFIX = "argmap "


def commands(guide: Path) -> list[str]:
    blocks = re.findall(r"```sh\n(.*?)```", guide.read_text(encoding="utf-8"), re.S)
    return [line.strip() for block in blocks for line in block.splitlines() if line.strip()]


def test_guides_have_the_commands_of_each_step() -> None:
    for guide in GUIDES:
        found = commands(guide)
        assert found[0] == "make demo"
        runs = [c for c in found if c.startswith(PREFIX)]
        verbs = [shlex.split(c)[1] for c in runs]
        assert {"scaffold", "validate", "check", "explain", "render", "worksheet", "grade"} <= set(verbs), (
            guide
        )
        assert found[1 : 1 + len(setup_lines(guide))] == setup_lines(guide)
        assert found[1 + len(setup_lines(guide)) :] == runs, "set-up first, then only argmap commands"
    # both languages run the same commands
    assert commands(GUIDES[0]) == commands(GUIDES[1])


def setup_lines(guide: Path) -> list[str]:
    """The set-up lines after ``make demo``: PATH, then the working folder."""
    found = commands(guide)
    return [c for c in found[1:] if not c.startswith(PREFIX)]


@pytest.mark.parametrize("guide", GUIDES, ids=["en", "ja"])
def test_setup_puts_argmap_on_path_and_makes_a_working_folder(guide: Path, tmp_path: Path) -> None:
    argmap_bin = Path(sys.executable).parent / "argmap"
    if not argmap_bin.exists():
        pytest.skip("argmap is not installed in this Python's environment")
    # The guide's "argmap folder" is the one holding .venv/bin/argmap and examples/.
    folder = tmp_path / "argmap"
    (folder / ".venv").mkdir(parents=True)
    (folder / ".venv" / "bin").symlink_to(argmap_bin.parent)
    shutil.copytree(ROOT / "examples", folder / "examples")
    home = tmp_path / "home"
    home.mkdir()
    env = {"HOME": str(home), "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"}
    script = "\n".join(["set -e", *setup_lines(guide)])
    subprocess.run(["bash", "-c", script], cwd=folder, env=env, check=True, timeout=60)
    assert (home / "argmap-kyozai" / "examples" / "nato-tokyo" / "map.argmap.yaml").is_file()
    # a new terminal: bash reads ~/.bashrc, then the teacher types argmap in the working folder
    r = subprocess.run(
        [
            "bash",
            "-c",
            f"source {home / '.bashrc'} && cd ~/argmap-kyozai && command -v argmap && argmap --version",
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert r.returncode == 0, r.stderr
    assert r.stdout.splitlines()[0] == str(folder / ".venv" / "bin" / "argmap")
    assert r.stdout.splitlines()[1].startswith("argmap ")
    assert os.environ.get("HOME") != str(home)


CASES = sorted({c for g in GUIDES for c in commands(g) if c.startswith(PREFIX)})


@pytest.mark.parametrize("command", CASES)
def test_guide_command_runs(command: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    monkeypatch.chdir(tmp_path)
    # the shell expands the patterns of file names (students/*.argmap.yaml)
    args = [x for a in shlex.split(command)[1:] for x in (sorted(glob.glob(a)) if "*" in a else [a])]
    assert "*" not in " ".join(args), f"{command}: a pattern that matches no file"
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, f"{command}\n{result.output}\n{result.stderr}"
    assert "Traceback" not in result.output
    if args[0] == "scaffold":
        draft = tmp_path / args[args.index("-o") + 1]
        assert CliRunner().invoke(main, ["validate", str(draft)]).exit_code == 0
    if args[0] == "render" and "-o" in args:
        out = tmp_path / args[args.index("-o") + 1]
        assert out.stat().st_size > 1000
        magic = {".png": b"\x89PNG", ".pdf": b"%PDF", ".svg": b"<?xml"}[out.suffix]
        assert out.read_bytes().startswith(magic)
    if args[0] in ("worksheet", "grade") and "-o" in args:
        out = tmp_path / args[args.index("-o") + 1]
        magic = {".pdf": b"%PDF", ".html": b"<!DOCTYPE html>", ".yaml": b"# ", ".csv": b"\xef\xbb\xbf"}[
            out.suffix
        ]
        assert out.read_bytes().startswith(magic), command
        if out.suffix == ".yaml":
            worksheet = argmap.load(out)
            assert any(c.blank for c in worksheet.claims.values())


@pytest.mark.parametrize("guide", GUIDES, ids=["en", "ja"])
def test_the_error_shown_in_the_guide_is_what_argmap_prints(
    guide: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (shown,) = re.findall(r"```text\n(map\.argmap\.yaml:.*?)\n```", guide.read_text(encoding="utf-8"), re.S)
    text = (ROOT / "examples" / "nato-tokyo" / "map.argmap.yaml").read_text(encoding="utf-8")
    (tmp_path / "map.argmap.yaml").write_text(
        text.replace("kind: evidence", "kind: evidense", 1), encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    lang = "ja" if "ja" in guide.parts else "en"
    result = CliRunner().invoke(main, ["validate", "--lang", lang, "map.argmap.yaml"])
    assert result.exit_code == 2
    assert result.stderr.strip() == shown
