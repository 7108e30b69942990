"""``argmap render``: default output path, formats, exit codes, no partial files."""

from __future__ import annotations

import os
import shutil
import stat
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from argmap.cli import main

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "nato-tokyo" / "map.argmap.yaml"
needs_dot = pytest.mark.skipif(shutil.which("dot") is None, reason="needs Graphviz (tools/system-deps.sh)")


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


@pytest.fixture
def example(tmp_path: Path) -> Path:
    path = tmp_path / "map.argmap.yaml"
    shutil.copy(EXAMPLE, path)
    return path


def fake_graphviz(tmp_path: Path, script: str) -> Path:
    """A directory holding a fake ``dot`` running ``script`` (and nothing else on PATH)."""
    bindir = tmp_path / "fakebin"
    bindir.mkdir()
    dot = bindir / "dot"
    dot.write_text(f"#!{sys.executable}\n{script}\n")
    dot.chmod(dot.stat().st_mode | stat.S_IXUSR)
    return bindir


@needs_dot
def test_default_output_is_svg_next_to_the_input(example: Path) -> None:
    result = run("render", str(example), "--lang", "en")  # English messages about a Japanese map
    assert result.exit_code == 0, result.output
    out = example.with_suffix(".svg")
    assert result.stdout.strip() == str(out)
    assert out.read_bytes().lstrip().startswith(b"<?xml")
    assert "final conclusion" in out.read_text(encoding="utf-8")  # the diagram's words in English
    assert "日本は" in out.read_text(encoding="utf-8")  # the map's texts as written
    assert "(drawn on the map)" in result.stderr  # the findings summary
    assert "conditional-leap" in result.stderr


@needs_dot
def test_quiet_prints_only_the_path(example: Path) -> None:
    result = run("render", str(example), "-q")
    assert result.exit_code == 0
    assert result.stdout.strip() == str(example.with_suffix(".svg"))
    assert result.stderr == ""


@needs_dot
@pytest.mark.parametrize(("fmt", "magic"), [("png", b"\x89PNG"), ("pdf", b"%PDF"), ("svg", b"<?xml")])
def test_format_option_sets_the_extension(example: Path, fmt: str, magic: bytes) -> None:
    result = run("render", str(example), "--format", fmt, "--no-findings")
    assert result.exit_code == 0, result.output
    assert example.with_suffix(f".{fmt}").read_bytes().startswith(magic)


@needs_dot
def test_format_follows_the_output_extension(example: Path, tmp_path: Path) -> None:
    out = tmp_path / "drawing.png"
    result = run("render", str(example), "-o", str(out), "--rankdir", "LR", "--legend")
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == str(out)
    assert out.read_bytes().startswith(b"\x89PNG")


def test_unknown_extension_is_a_clear_error(example: Path, tmp_path: Path) -> None:
    result = run("render", str(example), "-o", str(tmp_path / "x.txt"), "--lang", "en")
    assert result.exit_code == 2
    assert "cannot tell the format" in result.stderr
    assert "Traceback" not in result.output


def test_bad_map_exits_2_with_located_errors(tmp_path: Path) -> None:
    bad = tmp_path / "bad.argmap.yaml"
    bad.write_text("argmap: 1\ntitle: t\nclaims:\n  E1: {kind: evidense, text: x}\n", encoding="utf-8")
    result = run("render", str(bad))
    assert result.exit_code == 2
    assert f"{bad}:4:" in result.stderr
    assert not bad.with_suffix(".svg").exists()


def test_missing_file_exits_2(tmp_path: Path) -> None:
    result = run("render", str(tmp_path / "nope.argmap.yaml"))
    assert result.exit_code == 2
    assert "cannot read" in result.stderr


def test_missing_graphviz_is_one_clear_line_and_dot_format_still_works(
    example: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    result = run("render", str(example), "-q")
    assert result.exit_code == 2
    (line,) = result.stderr.strip().splitlines()
    assert "Graphviz" in line and "fonts-noto-cjk" in line and "--format dot" in line
    assert not example.with_suffix(".svg").exists()
    result = run("render", str(example), "--format", "dot", "-q")
    assert result.exit_code == 0, result.output
    source = example.with_suffix(".dot").read_text(encoding="utf-8")
    assert source.startswith("digraph") and "rankdir=BT" in source


def test_a_hanging_dot_is_stopped(example: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(fake_graphviz(tmp_path, "import time; time.sleep(30)")))
    result = run("render", str(example), "--timeout", "0.5", "-q", "--lang", "en")
    assert result.exit_code == 2
    assert "took longer than 0.5 s and was stopped" in result.stderr
    assert not example.with_suffix(".svg").exists()


def test_a_failing_dot_leaves_the_old_file_untouched(
    example: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    script = "import sys; sys.stdout.write('<svg partial'); sys.stderr.write('Error: out of memory\\n'); sys.exit(1)"
    monkeypatch.setenv("PATH", str(fake_graphviz(tmp_path, script)))
    out = example.with_suffix(".svg")
    out.write_text("old drawing")
    result = run("render", str(example), "-q", "--lang", "en")
    assert result.exit_code == 2
    assert "Graphviz (dot) failed: Error: out of memory" in result.stderr
    assert out.read_text() == "old drawing"
    assert sorted(p.name for p in example.parent.iterdir() if p.name.startswith(".")) == []


def test_unwritable_output_leaves_no_file(example: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("a file where a directory should be")
    result = run("render", str(example), "--format", "dot", "-o", str(blocker / "out.dot"), "--lang", "en")
    assert result.exit_code == 2
    assert result.stderr == f"argmap render: {blocker / 'out.dot'}: cannot write: Not a directory\n"
    assert "Traceback" not in result.output


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write anywhere")
def test_read_only_directory_leaves_no_file(example: Path, tmp_path: Path) -> None:
    ro = tmp_path / "ro"
    ro.mkdir()
    ro.chmod(0o500)
    try:
        result = run("render", str(example), "--format", "dot", "-o", str(ro / "out.dot"))
        assert result.exit_code == 2
        assert list(ro.iterdir()) == []
    finally:
        ro.chmod(0o700)


def test_help_mentions_the_default_and_exit_codes() -> None:
    result = run("render", "--help")
    assert result.exit_code == 0
    assert ".svg" in result.output and "--no-findings" in result.output and "--legend" in result.output


def test_unknown_rankdir_is_a_usage_error(example: Path) -> None:
    assert run("render", str(example), "--rankdir", "UP").exit_code == 2


def test_the_commands_offer_exactly_the_drawings_presets() -> None:
    # the command line keeps its own copy of the names, so that --help imports no library code
    from argmap.cli._common import PRESETS as OFFERED
    from argmap.drawing import PRESETS

    assert tuple(OFFERED) == tuple(PRESETS)
