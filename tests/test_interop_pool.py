"""``argmap check`` over many files in worker processes: a file argmap fails on
(an exception, or a worker process that dies) is that file's error and the
others are still reported; Ctrl-C and SIGTERM leave no process behind."""

from __future__ import annotations

import json
import multiprocessing
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import argmap
import argmap.checks
from argmap.cli import main
from tests.language import EN

ROOT = Path(__file__).resolve().parent.parent
FLAGSHIP = ROOT / "examples" / "nato-tokyo" / "map.argmap.yaml"
CLEAN = ROOT / "examples" / "clean.argmap.yaml"

pytestmark = pytest.mark.skipif(
    sys.platform != "linux", reason="the workers are forked to carry the test's stand-in"
)


@pytest.fixture
def run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("argmap.checks.config.find_pyproject", lambda start=".": None)
    # forked workers carry the stand-ins this test puts in place (spawned ones would not)
    monkeypatch.setattr("argmap.cli._pool.context", lambda: multiprocessing.get_context("fork"))

    def invoke(*args: str) -> Result:
        return CliRunner().invoke(main, list(args), env=EN)

    return invoke


@pytest.fixture
def alarm() -> Iterator[None]:
    """Fail instead of hanging for ever."""

    def timeout(_signum: int, _frame: Any) -> None:
        raise TimeoutError("argmap check hung")

    previous = signal.signal(signal.SIGALRM, timeout)
    signal.alarm(120)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def folder(tmp_path: Path, count: int = 12) -> list[str]:
    """``count`` maps in ``maps/``, the fifth titled "boom"; their names, in order."""
    maps = tmp_path / "maps"
    maps.mkdir()
    text = CLEAN.read_text(encoding="utf-8")
    title = argmap.load(CLEAN).title
    for n in range(count):
        body = text.replace(f"title: {title}", "title: boom", 1) if n == 4 else text
        (maps / f"m{n:02}.argmap.yaml").write_text(body, encoding="utf-8")
    assert "title: boom" in (maps / "m04.argmap.yaml").read_text(encoding="utf-8")
    return [f"maps/m{n:02}.argmap.yaml" for n in range(count)]


def failing_on_boom(monkeypatch: pytest.MonkeyPatch, fail: Any) -> None:
    real = argmap.checks.check

    def check(amap: argmap.ArgumentMap, *args: Any, **kwargs: Any) -> Any:
        if amap.title == "boom":
            fail()
        return real(amap, *args, **kwargs)

    monkeypatch.setattr(argmap.checks, "check", check)


def assert_only_boom_failed(r: Result, names: list[str], because: str) -> None:
    assert r.exit_code == 2, r.output
    assert "Traceback" not in r.output and "Traceback" not in r.stderr
    document = json.loads(r.stdout)
    assert [entry["file"] for entry in document["files"]] == names
    assert [entry["loaded"] for entry in document["files"]] == [n != 4 for n in range(len(names))]
    assert document["summary"]["files"] == len(names)
    assert document["summary"]["loaded"] == len(names) - 1
    (problem,) = document["files"][4]["problems"]
    assert because in problem["message"]
    assert problem["location"] == {"file": "maps/m04.argmap.yaml", "line": 1, "column": 1}
    assert f"maps/m04.argmap.yaml:1:1: argmap failed on this file ({because}" in r.stderr


def test_an_error_of_argmap_on_one_file_is_that_file_s_error_alone(
    run: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, alarm: None
) -> None:
    names = folder(tmp_path)

    def fail() -> None:
        raise RuntimeError("a bug")

    failing_on_boom(monkeypatch, fail)
    results = [run("check", "maps", "--format", "json", "--jobs", jobs) for jobs in ("1", "2", "5")]
    for r in results:
        assert_only_boom_failed(r, names, "RuntimeError: a bug")
    assert len({(r.exit_code, r.stdout, r.stderr) for r in results}) == 1  # one process or many: the same
    text = run("check", "maps", "--jobs", "3")
    assert text.exit_code == 2 and "Traceback" not in text.output
    assert "1 file could not be read" in text.stdout
    assert text.stdout.count("maps/m") == run("check", "maps", "--jobs", "1").stdout.count("maps/m")


def test_a_worker_that_dies_costs_only_the_file_it_was_checking(
    run: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, alarm: None
) -> None:
    names = folder(tmp_path, 30)
    parent = os.getpid()

    def die() -> None:
        if os.getpid() != parent:  # only ever a worker
            os.kill(os.getpid(), signal.SIGKILL)
        raise AssertionError("checked in the test's own process")

    failing_on_boom(monkeypatch, die)
    for jobs in ("2", "3"):
        r = run("check", "maps", "--format", "json", "--jobs", jobs)
        assert_only_boom_failed(r, names, "its process was stopped by SIGKILL")


def test_a_worker_that_exits_is_reported_with_its_status(
    run: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, alarm: None
) -> None:
    names = folder(tmp_path)
    failing_on_boom(monkeypatch, lambda: os._exit(3))
    r = run("check", "maps", "--format", "json", "--jobs", "2")
    assert_only_boom_failed(r, names, "its process ended with status 3")


def test_the_failure_is_said_in_japanese(
    run: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, alarm: None
) -> None:
    folder(tmp_path)

    def fail() -> None:
        raise RuntimeError("x")

    failing_on_boom(monkeypatch, fail)
    r = run("check", "maps", "--lang", "ja", "--jobs", "2")
    assert r.exit_code == 2
    line = next(line for line in r.stderr.splitlines() if line.startswith("maps/m04.argmap.yaml:1:1: "))
    assert "argmap failed" not in line and "RuntimeError: x" in line


# -- stopping a run in worker processes --------------------------------------------------------


def _group(pid: int) -> list[str]:
    return subprocess.run(
        ["pgrep", "-g", str(pid)], capture_output=True, text=True, check=False
    ).stdout.split()


@pytest.mark.skipif(shutil.which("pgrep") is None, reason="pgrep lists the processes of a group")
@pytest.mark.parametrize(
    ("signum", "status", "whole_group"), [(signal.SIGINT, 130, True), (signal.SIGTERM, 143, False)]
)
def test_ctrl_c_and_sigterm_stop_every_worker(
    tmp_path: Path, signum: int, status: int, whole_group: bool
) -> None:
    maps = tmp_path / "maps"
    maps.mkdir()
    for n in range(1500):
        shutil.copy(FLAGSHIP, maps / f"m{n:04}.argmap.yaml")
    env = {k: v for k, v in os.environ.items() if not k.startswith("LC_")} | {"LANG": "C.UTF-8"}
    process = subprocess.Popen(
        [sys.executable, "-m", "argmap", "check", "maps", "--jobs", "2"],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,  # a group of its own, as a terminal gives a command
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),  # noqa: PLW1509
    )
    try:
        deadline = time.monotonic() + 60
        while len(_group(process.pid)) < 3 and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.01)  # until both workers run
        assert process.poll() is None, "finished before it could be stopped"
        time.sleep(0.2)
        if whole_group:  # Ctrl-C: the terminal signals every process of the group
            os.killpg(process.pid, signum)
        else:
            os.kill(process.pid, signum)
        _, err = process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
    assert process.returncode == status
    assert b"Traceback" not in err
    time.sleep(0.3)
    assert _group(process.pid) == []


@pytest.fixture(scope="module")
def assorted(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """Map files of every kind a corpus folder may hold: good maps in each format, maps
    with findings, a file that does not load, one that is not a map at all."""
    from argmap.formats import dumps

    folder = tmp_path_factory.mktemp("assorted")
    names = []
    for source in sorted((ROOT / "examples").rglob("*.argmap.yaml"))[:6]:
        amap = argmap.load(source)
        for fmt, end in (("yaml", ".argmap.yaml"), ("aif", ".aif.json"), ("argdown", ".argdown")):
            path = folder / f"{source.stem.removesuffix('.argmap')}-{fmt}{end}"
            path.write_text(dumps(amap, fmt), encoding="utf-8")  # type: ignore[arg-type]
            names.append(str(path))
    (folder / "broken.argmap.yaml").write_text("argmap: 1\nclaims: [\n", encoding="utf-8")
    (folder / "notes.aif.json").write_text('{"no": "nodes"}', encoding="utf-8")
    names += [str(folder / "broken.argmap.yaml"), str(folder / "notes.aif.json")]
    return names


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_any_set_of_files_gives_the_same_report_in_any_number_of_processes(
    run: Any, assorted: list[str], data: st.DataObject
) -> None:
    files = data.draw(st.lists(st.sampled_from(assorted), min_size=1, max_size=14), label="files")
    jobs = data.draw(st.integers(2, 4), label="jobs")
    extra = data.draw(
        st.sampled_from([[], ["--format", "json"], ["--statistics", "--lang", "ja"]]), label="options"
    )
    alone = run("check", "--jobs", "1", *extra, *files)
    together = run("check", "--jobs", str(jobs), *extra, *files)
    assert (together.exit_code, together.stdout, together.stderr) == (
        alone.exit_code,
        alone.stdout,
        alone.stderr,
    )
