"""The command line: version, help, python -m argmap, and validate's output and exit codes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

import argmap
from argmap.cli import main

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "nato-tokyo" / "map.en.argmap.yaml"
JAPANESE_EXAMPLE = ROOT / "examples" / "nato-tokyo" / "map.argmap.yaml"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def test_version() -> None:
    assert run("--version") == (0, f"argmap {argmap.__version__}\n", "")


def test_help_lists_validate() -> None:
    code, out, _ = run("--help")
    assert code == 0
    assert "validate" in out


def test_python_dash_m() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "argmap", "--version"], capture_output=True, text=True, check=False
    )
    assert (proc.returncode, proc.stdout) == (0, f"argmap {argmap.__version__}\n")


def test_help_does_not_import_heavy_modules() -> None:
    code = (
        "import sys; from argmap.cli import main; import argmap.cli.validate; "
        "print(sorted(m for m in ('yaml', 'graphviz', 'budoux', 'attrs') if m in sys.modules))"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert proc.stdout.strip() == "[]"


def test_validate_good_file() -> None:
    code, out, err = run("validate", str(EXAMPLE))
    assert code == 0
    assert out.startswith(f"{EXAMPLE}: ok (")
    assert err == ""


def test_validate_speaks_the_language_of_each_map() -> None:
    code, out, err = run("validate", str(JAPANESE_EXAMPLE), str(EXAMPLE))
    assert (code, err) == (0, "")
    ja, en = out.splitlines()
    assert ja.startswith(f"{JAPANESE_EXAMPLE}: ")
    said = ja.removeprefix(f"{JAPANESE_EXAMPLE}: ")
    assert "ok" not in said and "件" in said
    assert en.startswith(f"{EXAMPLE}: ok (") and en.endswith(" attacks)")


def test_validate_bad_file_prints_located_lines_and_exits_2(tmp_path: Path) -> None:
    bad = tmp_path / "bad.argmap.yaml"
    bad.write_text("argmap: 1\ntitle: t\nclaims:\n  E1: {kind: evidense, text: a}\n  E2: {kind: premise}\n")
    code, out, err = run("validate", str(EXAMPLE), str(bad))
    assert code == 2
    assert out.startswith(f"{EXAMPLE}: ok")
    lines = err.splitlines()
    assert lines[0].startswith(f"{bad}:4:14: claim 'E1': unknown kind 'evidense'")
    assert lines[1] == f"{bad}:5:3: claim 'E2': missing required field 'text'"
    assert "Traceback" not in err


def test_validate_missing_file_and_directory(tmp_path: Path) -> None:
    code, _, err = run("validate", str(tmp_path / "nope.yaml"), str(tmp_path))
    assert code == 2
    assert err.splitlines() == [
        f"{tmp_path / 'nope.yaml'}:1:1: cannot read: No such file or directory",
        f"{tmp_path}:1:1: is a directory, not a map file",
    ]


def test_validate_quiet() -> None:
    assert run("validate", "--quiet", str(EXAMPLE)) == (0, "", "")


def test_validate_needs_a_file() -> None:
    code, _, err = run("validate")
    assert code == 2
    assert "Missing argument" in err


def test_unknown_command_is_a_usage_error() -> None:
    code, _, err = run("frobnicate")
    assert code == 2
    assert "No such command" in err
