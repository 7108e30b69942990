"""Graphviz as a child process: its warnings reach the user, and it never
outlives argmap (timeout, exception, Ctrl-C, SIGTERM)."""

from __future__ import annotations

import os
import shutil
import signal
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

import argmap
import argmap.i18n
from argmap.cli import main
from argmap.drawing import RenderError, RenderWarning, render, run_graphviz
from argmap.model import MapBuilder

ROOT = Path(__file__).resolve().parent.parent
needs_dot = pytest.mark.skipif(shutil.which("dot") is None, reason="needs Graphviz (tools/system-deps.sh)")

# A fake ``dot``: writes its pid and the pid of a child it starts (as a
# layout program could) to PIDS, then sleeps; or answers at once.
SLOW_DOT = """
import os, subprocess, sys, time
child = subprocess.Popen(["sleep", "300"])
with open(os.environ["ARGMAP_TEST_PIDS"] + ".tmp", "w") as f:
    f.write(f"{os.getpid()} {child.pid}")
os.replace(os.environ["ARGMAP_TEST_PIDS"] + ".tmp", os.environ["ARGMAP_TEST_PIDS"])
time.sleep(300)
"""


def fake_dot(tmp_path: Path, script: str) -> Path:
    bindir = tmp_path / "fakebin"
    bindir.mkdir(exist_ok=True)
    dot = bindir / "dot"
    dot.write_text(f"#!{sys.executable}\n{script}\n")
    dot.chmod(dot.stat().st_mode | stat.S_IXUSR)
    return bindir


def alive(pid: int) -> bool:
    """The process exists and is not a zombie waiting to be reaped."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state not in ("Z", "X")


def wait_gone(pids: list[int], seconds: float = 5.0) -> list[int]:
    """The pids still alive after waiting up to ``seconds``."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        left = [p for p in pids if alive(p)]
        if not left:
            return []
        time.sleep(0.05)
    return [p for p in pids if alive(p)]


def read_pids(path: Path, seconds: float = 20.0) -> list[int]:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if path.exists():
            return [int(x) for x in path.read_text().split()]
        time.sleep(0.05)
    raise AssertionError("the fake dot never started")


@pytest.fixture
def slow_dot(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """PATH with the slow fake dot first; yields the file it writes its pids to."""
    pids = tmp_path / "pids"
    monkeypatch.setenv("PATH", f"{fake_dot(tmp_path, SLOW_DOT)}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setenv("ARGMAP_TEST_PIDS", str(pids))
    yield pids
    if pids.exists():  # never leave a process behind, even when a test fails
        for pid in read_pids(pids):
            if alive(pid):
                os.kill(pid, signal.SIGKILL)


def small_map_file(tmp_path: Path) -> Path:
    path = tmp_path / "m.argmap.yaml"
    path.write_text(
        "argmap: 1\ntitle: t\nclaims:\n  E1: {kind: evidence, text: e}\n  C1: {kind: conclusion, text: c}\n"
        "inferences:\n  I1: {from: [E1], to: C1}\n",
        encoding="utf-8",
    )
    return path


# -- SIGTERM, timeout, interruption ----------------------------------------------


def signal_render(path: Path, pids_file: Path, sig: signal.Signals) -> tuple[int, list[int]]:
    """Run ``argmap render path`` with the slow fake dot, send it ``sig`` once
    dot runs; its exit status and the pids of dot and its child."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "argmap", "render", str(path), "--timeout", "120"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        cwd=ROOT,
    )
    try:
        pids = read_pids(pids_file)
        assert all(alive(p) for p in pids)
        proc.send_signal(sig)
        proc.wait(timeout=20)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    return proc.returncode, pids


def test_sigterm_stops_graphviz_and_everything_it_started(tmp_path: Path, slow_dot: Path) -> None:
    path = small_map_file(tmp_path)
    returncode, pids = signal_render(path, slow_dot, signal.SIGTERM)
    assert returncode == 128 + signal.SIGTERM
    assert wait_gone(pids) == [], "Graphviz (or its child) outlived argmap"
    assert not path.with_suffix(".svg").exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the parent-death signal is Linux's")
@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGQUIT, signal.SIGUSR1])
def test_graphviz_dies_with_argmap_even_when_argmap_cannot_clean_up(
    tmp_path: Path, slow_dot: Path, sig: signal.Signals
) -> None:
    """Signals argmap does not catch kill it at once; the kernel then kills Graphviz."""
    returncode, pids = signal_render(small_map_file(tmp_path), slow_dot, sig)
    assert returncode == -sig
    assert wait_gone(pids[:1], 10) == [], "Graphviz outlived argmap"


def test_timeout_stops_graphviz_and_everything_it_started(slow_dot: Path) -> None:
    started = time.monotonic()
    with pytest.raises(RenderError, match=r"took longer than 0\.5 s and was stopped"):
        run_graphviz("digraph { a }", "svg", timeout=0.5)
    assert time.monotonic() - started < 10
    assert wait_gone(read_pids(slow_dot)) == []


def test_keyboard_interrupt_stops_graphviz_and_everything_it_started(slow_dot: Path) -> None:
    def interrupt(_signum: int, _frame: object) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGALRM, interrupt)
    try:
        signal.setitimer(signal.ITIMER_REAL, 1.0)
        with pytest.raises(KeyboardInterrupt):
            run_graphviz("digraph { a }", "svg", timeout=60)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    assert wait_gone(read_pids(slow_dot)) == []


def test_the_command_restores_the_signal_handlers(tmp_path: Path) -> None:
    before = signal.getsignal(signal.SIGTERM), signal.getsignal(signal.SIGHUP)
    result = CliRunner().invoke(main, ["render", str(small_map_file(tmp_path)), "--format", "dot", "-q"])
    assert result.exit_code == 0, result.output
    assert (signal.getsignal(signal.SIGTERM), signal.getsignal(signal.SIGHUP)) == before


def test_timeout_is_one_budget_for_the_whole_drawing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """render() gives Graphviz what is left of ``timeout``, not a fresh ``timeout`` per run."""
    from argmap.drawing import output

    seen: list[tuple[float, float]] = []

    def fake_run(source: str, fmt: str, engine: str, deadline: float, budget: float, **_: object) -> bytes:
        seen.append((deadline - time.monotonic(), budget))
        return b"<svg/>"

    monkeypatch.setattr(output, "_run", fake_run)
    b = MapBuilder("t")
    b.premise("P1", "p")
    render(b.build(), tmp_path / "m.svg", timeout=7)
    ((left, budget),) = seen
    assert budget == 7 and 0 < left <= 7


def test_help_says_what_timeout_covers() -> None:
    result = CliRunner().invoke(main, ["render", "--help"])
    text = " ".join(result.output.split())
    assert "all of Graphviz's work for this command" in text


# -- Graphviz's warnings -----------------------------------------------------------


def wide_map(n: int = 200) -> MapBuilder:
    """Premises of one step, in one row wider than cairo's 32,767 px at 144 dpi
    (joined, so that they are one piece: separate pieces are packed into a square)."""
    b = MapBuilder("wide")
    for i in range(n):
        b.premise(f"P{i}", f"claim number {i}")
    b.conclusion("C", "the conclusion")
    b.inference("I", [f"P{i}" for i in range(n)], "C")
    return b


@needs_dot
def test_a_png_scaled_down_by_graphviz_is_reported_with_what_to_do(tmp_path: Path) -> None:
    with pytest.warns(RenderWarning, match="too large for cairo-renderer bitmaps") as caught:
        render(wide_map().build(), tmp_path / "wide.png")
    message = str(next(w.message for w in caught if "cairo" in str(w.message)))
    assert "SVG or PDF" in message and "smaller part of the map" in message
    assert (tmp_path / "wide.png").read_bytes().startswith(b"\x89PNG")


@needs_dot
def test_the_command_prints_graphviz_warnings(tmp_path: Path) -> None:
    import argmap

    path = tmp_path / "wide.argmap.yaml"
    path.write_text(argmap.dumps(wide_map().build()), encoding="utf-8")
    result = CliRunner().invoke(main, ["render", str(path), "--format", "png", "--no-findings"])
    assert result.exit_code == 0, result.output
    assert (
        "argmap render: warning: Graphviz (dot): graph is too large for cairo-renderer bitmaps"
        in result.stderr
    )
    assert path.with_suffix(".png").exists()
    result = CliRunner().invoke(main, ["render", str(path), "--format", "svg", "--no-findings"])
    assert "warning" not in result.stderr  # an SVG has no such limit


def test_graphviz_messages_are_passed_on_escaped_and_bounded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    script = (
        "import sys\n"
        "sys.stdin.read()\n"
        "sys.stderr.write('Warning: \\x1b]0;title\\x07 set\\n')\n"
        "for i in range(30): sys.stderr.write(f'Warning: odd thing {i}\\n')\n"
        "sys.stderr.write('Warning: odd thing 0\\n')\n"
        "sys.stdout.write('<svg xmlns=\"http://www.w3.org/2000/svg\"/>')\n"
    )
    monkeypatch.setenv("PATH", str(fake_dot(tmp_path, script)))
    result = CliRunner().invoke(main, ["render", str(small_map_file(tmp_path)), "-q"])
    assert result.exit_code == 0, result.output
    lines = [x for x in result.stderr.splitlines() if x.startswith("argmap render: warning:")]
    assert lines[0] == "argmap render: warning: Graphviz (dot): Warning: \\x1b]0;title\\x07 set"
    assert lines[1] == "argmap render: warning: Graphviz (dot): Warning: odd thing 0"
    assert len(lines) == 11 and lines[-1].endswith(" 21 more messages not shown")  # 31 distinct, 10 shown


CRASHING_DOT = """
import os, signal, sys
sys.stdin.read()
sys.stdout.write("<svg")  # part of a drawing, then the crash
sys.stdout.flush()
os.kill(os.getpid(), signal.SIG{name})
"""


@pytest.mark.parametrize("name", ["SEGV", "ABRT", "KILL"])
def test_a_crash_of_graphviz_is_one_line_naming_the_map_and_what_to_try(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    monkeypatch.setenv("PATH", str(fake_dot(tmp_path, CRASHING_DOT.replace("{name}", name))))
    path = small_map_file(tmp_path)
    amap = argmap.load(path)
    out = tmp_path / "map.svg"
    out.write_text("an older drawing")
    with pytest.raises(RenderError) as caught:
        render(amap, out)
    message = str(caught.value)
    assert message.startswith(f"{path}: Graphviz (dot) crashed (")
    assert "--engine" in message and "--focus" in message and "\n" not in message
    assert out.read_text() == "an older drawing"  # the older file stays whole
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no partial file left
    with argmap.i18n.using("ja"), pytest.raises(RenderError) as caught:
        render(amap, out, lang="ja")
    assert "クラッシュ" in str(caught.value) or "異常終了" in str(caught.value)
