"""Text from a map never reaches the terminal raw, and a bad pyproject.toml is
a clear error, not a traceback."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.cli import main
from argmap.cli._common import safe
from tests.language import english_sentences

# Every C0 control but tab and newline, DEL and every C1 control.
RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
ROOT = Path(__file__).resolve().parent.parent

HOSTILE = (
    "argmap: 1\n"
    'title: "T\\e]0;pwned\\a"\n'
    "claims:\n"
    '  E1: {kind: evidence, text: "Rain\\e[2J\\e[1;1H\\u009b31m coming \\x7f\\r"}\n'
    '  C1: {kind: conclusion, text: "Umbrella\\x08\\x08"}\n'
    "inferences:\n"
    "  I1: {from: [E1], to: C1}\n"
    'ignore: {E1: ["nope\\e[2J"]}\n'
)


@pytest.fixture
def hostile(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "evil.argmap.yaml"
    path.write_text(HOSTILE, encoding="utf-8")
    return path


def invoke(*args: str) -> tuple[int, str]:
    # color=True: click would otherwise strip escape sequences itself, as it does
    # when output is not a terminal, and hide what a terminal would receive.
    r = CliRunner().invoke(main, list(args), color=True)
    return r.exit_code, r.output


def without_styles(text: str) -> str:
    """The output less the SGR colour codes argmap itself adds on a terminal."""
    return re.sub(r"\x1b\[[0-9;]*m", "", text)


def test_check_text_output_escapes_control_characters(hostile: Path) -> None:
    code, out = invoke("check", str(hostile))
    assert code == 0
    plain = without_styles(out)
    assert not RAW_CONTROL.search(plain)
    assert "unknown rule 'nope\\x1b[2J'" in plain
    assert 'E1 "Rain\\x1b[2J\\x1b[1;1H\\x9b31m coming \\x7f' in plain


def test_check_json_output_escapes_every_control_character(hostile: Path) -> None:
    code, out = invoke("check", "--format", "json", str(hostile))
    assert code == 0
    json_part = out[out.index("{") :]
    assert not RAW_CONTROL.search(json_part)
    report = json.loads(json_part)
    messages = [f["message"] for f in report["files"][0]["findings"]]
    assert any("Rain\x1b[2J\x1b[1;1H\x9b31m coming \x7f" in m for m in messages)  # the text itself is kept


def test_validate_and_load_errors_escape_control_characters(hostile: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad\x1b[2J.argmap.yaml"
    bad.write_text('argmap: 1\ntitle: t\nclaims:\n  "E\\e": {kind: evidence, text: x}\n', encoding="utf-8")
    code, out = invoke("validate", str(hostile), str(bad))
    assert code == 2
    assert not RAW_CONTROL.search(out)
    assert "bad\\x1b[2J.argmap.yaml:4:3:" in out


@settings(max_examples=200)
@given(st.text())
def test_safe_leaves_no_control_character_and_loses_no_other(text: str) -> None:
    out = safe(text)
    assert not RAW_CONTROL.search(out)
    assert "\n" not in out
    # Undo the escapes (the text itself holds no backslash, so each one starts an escape).
    plain = text.replace("\\", "/")
    undone = re.sub(
        r"\\(x[0-9a-f]{2}|u[0-9a-f]{4}|n)",
        lambda m: "\n" if m.group(1) == "n" else chr(int(m.group(1)[1:], 16)),
        safe(plain),
    )
    # A byte kept by surrogateescape (U+DC80 to U+DCFF) is shown as the byte it was.
    assert undone == re.sub("[\udc80-\udcff]", lambda m: chr(ord(m.group()) - 0xDC00), plain)


# --- pyproject.toml -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b"tool = 1\n", "pyproject.toml: [tool] must be a table, not a number"),
        (b"[tool]\nargmap = 'x'\n", "pyproject.toml: [tool.argmap] must be a table, not text"),
        (
            b"[tool.argmap]\nselect = 5\n",
            "pyproject.toml: [tool.argmap] select must be a list of rule names or codes",
        ),
        (
            b"[tool.argmap]\nignore = [1]\n",
            "pyproject.toml: [tool.argmap] ignore must be a list of rule names or codes",
        ),
        (b"[tool.argmap]\nthresholds = [0.5]\n", "pyproject.toml: [tool.argmap.thresholds] must be a table"),
        (b"[tool.argmap.thresholds]\nweak-support = nan\n", "weak-support must be a number from 0 to 1"),
        (b"[tool.argmap]\nselect = ['\xff']\n", "pyproject.toml:2:12: the file is not UTF-8 text: byte 0xff"),
        (b"[tool.argmap]\nselect = [\n", "pyproject.toml:3:1: not valid TOML: Invalid value\n"),
        (b"[tool.argmap]\nselect = [,\n", "pyproject.toml:2:11: not valid TOML: Invalid value\n"),
    ],
)
@pytest.mark.parametrize("command", ["check", "render"])
def test_a_bad_pyproject_names_the_file_and_exits_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, body: bytes, message: str, command: str
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pyproject.toml").write_bytes(body)
    m = tmp_path / "m.argmap.yaml"
    m.write_bytes((ROOT / "examples" / "clean.argmap.yaml").read_bytes())
    args = [command, str(m)] + (
        ["--format", "dot", "-o", str(tmp_path / "o.dot")] if command == "render" else []
    )
    r = CliRunner().invoke(main, args)
    assert r.exit_code == 2
    assert r.exception is None or isinstance(r.exception, SystemExit)
    assert f"argmap {command}: {tmp_path / 'pyproject.toml'}" in r.output
    assert message in r.output
    assert not (tmp_path / "o.dot").exists()


# --- the command as a whole ---------------------------------------------------------------


def run_real(*args: str, **kw: object) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "argmap", *args],
        stderr=subprocess.PIPE,
        timeout=60,
        check=False,
        **kw,  # type: ignore[call-overload]
    )


@pytest.mark.parametrize(
    "args",
    [
        ["render", "m.argmap.yaml", "x\x1b]0;PWN\x07"],
        ["explain", "a", "b\x1b]2;title\x07"],
        ["nosuch\x1b]0;x\x07"],
        ["check", "--format", "\x1b]0;x\x07", "m.argmap.yaml"],
    ],
)
def test_clicks_own_errors_are_escaped(tmp_path: Path, args: list[str]) -> None:
    (tmp_path / "m.argmap.yaml").write_bytes((ROOT / "examples" / "clean.argmap.yaml").read_bytes())
    r = run_real(*args, cwd=tmp_path, stdout=subprocess.PIPE)
    assert r.returncode == 2
    err = r.stderr.decode()
    assert not RAW_CONTROL.search(err)
    assert "\\x1b]" in err
    assert "Traceback" not in err


@pytest.mark.parametrize(
    "args",
    [
        ["check", str(ROOT / "examples" / "circular.argmap.yaml")],
        ["validate", str(ROOT / "examples" / "clean.argmap.yaml")],
        ["explain"],
        ["--help"],
        ["--version"],
        ["scaffold", str(ROOT / "tests" / "data" / "scaffold" / "en_water.txt")],
        ["scaffold", str(ROOT / "examples" / "articles" / "kitakawa-energy.txt")],
    ],
)
def test_a_full_standard_output_is_one_line_and_exit_2(args: list[str]) -> None:
    with open("/dev/full", "wb") as full:
        r = run_real(*args, stdout=full)
    assert r.returncode == 2
    err = r.stderr.decode()
    assert err.count("\n") == 1
    assert err.startswith("argmap")
    if "kitakawa" in args[-1]:  # the scaffold of a Japanese article speaks Japanese
        assert english_sentences(err.removeprefix("argmap scaffold:")) == [] and "No space" not in err
    else:
        assert err.endswith(": No space left on device\n")


def test_a_closed_pipe_is_quiet(tmp_path: Path) -> None:
    # The output must be far larger than a pipe's buffer (64 KiB), or argmap
    # may finish writing before the reader closes and rightly end with 0.
    article = tmp_path / "long.txt"
    article.write_text(
        "The minister said that prices would rise sharply next year.\n" * 5_000, encoding="utf-8"
    )
    proc = subprocess.Popen(
        [sys.executable, "-m", "argmap", "scaffold", str(article)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.read(10)
    proc.stdout.close()  # as `| head -c 10` does
    err = proc.stderr.read()
    proc.wait(timeout=60)
    assert err == b""
    assert proc.returncode == 2  # not 1, which means findings


def test_ctrl_c_is_status_130_without_a_traceback(tmp_path: Path) -> None:
    article = tmp_path / "big.txt"
    article.write_text(
        "The minister said that prices would rise sharply next year.\n" * 200_000, encoding="utf-8"
    )
    proc = subprocess.Popen(
        [sys.executable, "-m", "argmap", "scaffold", str(article), "-o", str(tmp_path / "d.yaml")],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    time.sleep(1.5)  # started, drafting
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130
    assert b"Traceback" not in err
    assert err.strip() == b"Aborted."
    assert [p.name for p in tmp_path.iterdir()] == ["big.txt"]


@pytest.mark.parametrize(
    ("option", "value"),
    [
        ("--max-size", "nan"),
        ("--max-size", "inf"),
        ("--max-size", "-1"),
        ("--max-size", "1e300"),
        ("--timeout", "1e10"),
        ("--timeout", "nan"),
        ("--timeout", "inf"),
    ],
)
def test_numeric_options_out_of_range_are_usage_errors(option: str, value: str) -> None:
    r = run_real(
        "render",
        str(ROOT / "examples" / "clean.argmap.yaml"),
        "-f",
        "dot",
        "-o",
        "-",
        option,
        value,
        stdout=subprocess.PIPE,
    )
    assert r.returncode == 2
    err = r.stderr.decode()
    assert f"Invalid value for '{option}'" in err
    assert "Traceback" not in err


def test_a_binary_drawing_is_not_sent_to_a_terminal() -> None:
    main_fd, terminal = os.openpty()
    try:
        r = run_real(
            "render",
            str(ROOT / "examples" / "clean.argmap.yaml"),
            "-o",
            "-",
            "-f",
            "png",
            "-q",
            stdout=terminal,
        )
    finally:
        os.close(terminal)
        os.close(main_fd)
    assert r.returncode == 2
    assert r.stderr.decode().startswith(
        "argmap render: standard output is a terminal, where a PNG would print"
    )
