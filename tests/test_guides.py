"""Every command in the educators' guides runs as written.

The guides are for teachers who copy commands; each ``.venv/bin/argmap ...``
line in their ``sh`` blocks is run here (through the CLI, in a scratch copy of
examples/), and must succeed and write what it says it writes.
"""

from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.cli import main

ROOT = Path(__file__).resolve().parent.parent
GUIDES = [ROOT / "docs" / "guide-educators.md", ROOT / "docs" / "ja" / "guide-educators.md"]
PREFIX = ".venv/bin/argmap "


def commands(guide: Path) -> list[str]:
    blocks = re.findall(r"```sh\n(.*?)```", guide.read_text(encoding="utf-8"), re.S)
    return [line.strip() for block in blocks for line in block.splitlines() if line.strip()]


def test_guides_have_the_commands_of_each_step() -> None:
    for guide in GUIDES:
        found = commands(guide)
        assert found[0] == "make demo"
        verbs = [shlex.split(c)[1] for c in found[1:]]
        assert {"scaffold", "validate", "check", "explain", "render"} <= set(verbs), guide
        assert all(c.startswith(PREFIX) for c in found[1:]), found
    # both languages run the same commands
    assert commands(GUIDES[0]) == commands(GUIDES[1])


CASES = sorted({c for g in GUIDES for c in commands(g) if c.startswith(PREFIX)})


@pytest.mark.parametrize("command", CASES)
def test_guide_command_runs(command: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    monkeypatch.chdir(tmp_path)
    args = shlex.split(command)[1:]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, f"{command}\n{result.output}\n{result.stderr}"
    assert "Traceback" not in result.output
    if args[0] == "scaffold":
        draft = tmp_path / args[args.index("-o") + 1]
        assert CliRunner().invoke(main, ["validate", str(draft)]).exit_code == 0
    if args[0] == "render" and "-o" in args:
        out = tmp_path / args[args.index("-o") + 1]
        assert out.stat().st_size > 1000
        assert out.read_bytes().startswith(b"\x89PNG")
