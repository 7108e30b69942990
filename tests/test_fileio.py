"""Inputs and outputs: argmap never destroys what the user has, never reads a
device forever and never hangs on a pipe.

Most tests run the real command in a subprocess, so that devices, pipes,
standard output and exit codes are the ones a user meets.
"""

from __future__ import annotations

import os
import socket
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.errors import ArgmapError
from argmap.fileio import OutputError, read_input, write_output

ROOT = Path(__file__).resolve().parent.parent
CLEAN = ROOT / "examples" / "clean.argmap.yaml"
ARTICLE = ROOT / "examples" / "articles" / "kitakawa-energy.txt"
#: An English article: scaffold speaks its article's language, and these tests read English messages.
ENGLISH_ARTICLE = "The library is quiet. Therefore, students can study there on Saturdays.\n"
as_root = pytest.mark.skipif(os.geteuid() != 0, reason="needs root (as in CI)")


def argmap(
    *args: str | Path, cwd: Path | None = None, timeout: float = 60, **kw: object
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "argmap", *map(str, args)],
        capture_output="stdout" not in kw,
        text=True,
        cwd=cwd,
        timeout=timeout,
        check=False,
        **kw,  # type: ignore[call-overload]
    )


@pytest.fixture
def mapfile(tmp_path: Path) -> Path:
    path = tmp_path / "v.argmap.yaml"
    path.write_bytes(CLEAN.read_bytes())
    return path


def snapshot(path: Path) -> tuple[int, int, int, bytes]:
    info = path.lstat()
    return info.st_ino, info.st_mode, info.st_size, path.read_bytes()


# --- outputs that are not regular files -------------------------------------------------


@as_root
def test_dev_null_gets_the_bytes_and_stays_a_device(mapfile: Path) -> None:
    before = os.stat("/dev/null")
    r = argmap("render", mapfile, "--format", "dot", "-o", "/dev/null", "--quiet")
    assert r.returncode == 0, r.stderr
    after = os.stat("/dev/null")
    assert stat.S_ISCHR(after.st_mode)
    assert (after.st_ino, after.st_rdev) == (before.st_ino, before.st_rdev)


def test_dev_full_is_a_clean_no_space_error(mapfile: Path) -> None:
    r = argmap("render", mapfile, "--format", "dot", "-o", "/dev/full", "--quiet")
    assert r.returncode == 2
    assert r.stderr == "argmap render: /dev/full: cannot write: No space left on device\n"
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)


def test_dump_to_dev_full_raises_output_error() -> None:
    import argmap as api

    with pytest.raises(OutputError, match="No space left on device"):
        api.dump(api.load(CLEAN), "/dev/full")


def test_a_link_to_a_device_writes_the_device_and_keeps_the_link(mapfile: Path, tmp_path: Path) -> None:
    link = tmp_path / "out.dot"
    link.symlink_to("/dev/null")
    r = argmap("render", mapfile, "-o", link, "--quiet")
    assert r.returncode == 0, r.stderr
    assert link.is_symlink()
    assert os.readlink(link) == "/dev/null"


def test_a_fifo_with_a_reader_gets_the_bytes(mapfile: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.dot"
    os.mkfifo(fifo)
    got: list[bytes] = []
    keep = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)  # a reader is there before argmap starts

    def drain() -> None:
        with fifo.open("rb") as f:
            got.append(f.read())

    reader = threading.Thread(target=drain)
    reader.start()
    try:
        r = argmap("render", mapfile, "-o", fifo, "--quiet", timeout=30)
        reader.join(30)
    finally:
        os.close(keep)
    assert r.returncode == 0, r.stderr
    assert got[0].startswith(b"digraph")
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


def test_a_fifo_with_no_reader_fails_at_once_instead_of_hanging(mapfile: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.dot"
    os.mkfifo(fifo)
    r = argmap("render", mapfile, "-o", fifo, "--quiet", timeout=30)
    assert r.returncode == 2
    assert r.stderr == f"argmap render: {fifo}: cannot write: no program is reading from this pipe\n"
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


@pytest.mark.parametrize("target", ["-", "/dev/stdout"])
def test_standard_output_into_a_file_keeps_the_shells_file(
    mapfile: Path, tmp_path: Path, target: str
) -> None:
    """``-o /dev/stdout > f`` must write f through the shell's descriptor, not replace it."""
    out = tmp_path / "captured.dot"
    with out.open("wb") as f:
        inode = os.fstat(f.fileno()).st_ino
        r = subprocess.run(
            [sys.executable, "-m", "argmap", "render", str(mapfile), "--format", "dot", "-o", target, "-q"],
            stdout=f,
            stderr=subprocess.PIPE,
            timeout=60,
            check=False,
        )
    assert r.returncode == 0, r.stderr
    assert out.stat().st_ino == inode
    text = out.read_text(encoding="utf-8")
    assert text.startswith("digraph")
    assert str(mapfile) not in text  # the path written is not printed into the drawing


def test_dash_writes_the_scaffold_to_standard_output(tmp_path: Path) -> None:
    r = argmap("scaffold", ARTICLE, "-o", "-")
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("argmap: 1")
    assert not (tmp_path / "-").exists()


@pytest.mark.parametrize("out", ["t.svg/", "newdir/", "t.svg/.", "", "sub/.."])
def test_a_name_that_can_only_be_a_directory_is_refused(mapfile: Path, tmp_path: Path, out: str) -> None:
    (tmp_path / "t.svg").write_text("old", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    before = sorted(p.name for p in tmp_path.iterdir())
    r = argmap("render", mapfile, "--format", "svg", "-o", out, "--quiet", cwd=tmp_path)
    assert r.returncode == 2
    assert r.stderr.startswith("argmap render: ")
    assert "name a file to write" in r.stderr
    assert (tmp_path / "t.svg").read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == before


def test_scaffold_and_dump_refuse_a_directory_name(
    tmp_path: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    import argmap as api

    article = tmp_path_factory.mktemp("article") / "a.txt"
    article.write_text(ENGLISH_ARTICLE, encoding="utf-8")
    r = argmap("scaffold", article, "-o", "nd/", cwd=tmp_path)
    assert r.returncode == 2
    assert "nd/: names a directory: name a file to write" in r.stderr
    with pytest.raises(OutputError, match="names a directory"):
        api.dump(api.load(CLEAN), f"{tmp_path}/nd2.yaml/")
    assert list(tmp_path.iterdir()) == []


def test_a_directory_is_refused(mapfile: Path, tmp_path: Path) -> None:
    r = argmap("render", mapfile, "--format", "dot", "-o", tmp_path, "--quiet")
    assert r.returncode == 2
    assert r.stderr == f"argmap render: {tmp_path}: is a directory: name a file to write\n"


@as_root
def test_a_block_device_is_refused_and_never_opened(mapfile: Path, tmp_path: Path) -> None:
    node = tmp_path / "disk.dot"
    os.mknod(node, stat.S_IFBLK | 0o600, os.makedev(7, 250))  # a loop device no kernel driver backs
    r = argmap("render", mapfile, "-o", node, "--quiet")
    assert r.returncode == 2
    assert r.stderr == f"argmap render: {node}: is a device; argmap does not write into it\n"
    assert stat.S_ISBLK(node.lstat().st_mode)


def test_a_socket_is_refused(mapfile: Path, tmp_path: Path) -> None:
    path = tmp_path / "s.dot"
    with socket.socket(socket.AF_UNIX) as s:
        s.bind(str(path))
        r = argmap("render", mapfile, "-o", path, "--quiet")
    assert r.returncode == 2
    assert "is a socket; argmap does not write into it" in r.stderr


# --- output onto an input ---------------------------------------------------------------


def test_render_onto_its_own_map_is_refused(mapfile: Path) -> None:
    before = snapshot(mapfile)
    r = argmap("render", mapfile, "--format", "dot", "-o", mapfile, "--quiet")
    assert r.returncode == 2
    assert r.stderr == (
        f"argmap render: {mapfile}: is an input of this command; it is not replaced (choose another output name)\n"
    )
    assert snapshot(mapfile) == before


def test_a_map_named_svg_is_not_replaced_by_its_drawing(tmp_path: Path) -> None:
    notes = tmp_path / "notes.svg"
    notes.write_bytes(CLEAN.read_bytes())
    before = snapshot(notes)
    r = argmap("render", notes, "--quiet")
    assert r.returncode == 2
    assert "is an input of this command" in r.stderr
    assert snapshot(notes) == before


@pytest.mark.parametrize("how", ["dot-slash", "symlink", "hardlink", "relative-dir"])
def test_the_input_is_caught_under_another_name(mapfile: Path, tmp_path: Path, how: str) -> None:
    if how == "dot-slash":
        out = "./v.argmap.yaml"
    elif how == "symlink":
        (tmp_path / "alias.dot").symlink_to(mapfile)
        out = "alias.dot"
    elif how == "hardlink":
        os.link(mapfile, tmp_path / "twin.dot")
        out = "twin.dot"
    else:
        (tmp_path / "sub").mkdir()
        out = "sub/../v.argmap.yaml"
    before = snapshot(mapfile)
    r = argmap("render", "v.argmap.yaml", "--format", "dot", "-o", out, "--quiet", cwd=tmp_path)
    assert r.returncode == 2, r.stderr
    assert "is an input of this command" in r.stderr
    assert snapshot(mapfile) == before


def test_scaffold_onto_its_own_article_is_refused(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(ENGLISH_ARTICLE, encoding="utf-8")
    before = snapshot(article)
    r = argmap("scaffold", article, "-o", article)
    assert r.returncode == 2
    assert "is an input of this command" in r.stderr
    assert snapshot(article) == before


@pytest.mark.parametrize(
    ("command", "extra"), [("scaffold", []), ("scaffold", ["-o", "-"]), ("render", ["-o", "-"])]
)
def test_standard_output_appended_to_the_input_is_refused(
    tmp_path: Path, command: str, extra: list[str]
) -> None:
    path = tmp_path / ("a.txt" if command == "scaffold" else "m.argmap.yaml")
    path.write_bytes(ENGLISH_ARTICLE.encode() if command == "scaffold" else CLEAN.read_bytes())
    before = path.read_bytes()
    with path.open("ab") as out:  # as the shell opens it for `>> a.txt`
        r = subprocess.run(
            [
                sys.executable,
                "-m",
                "argmap",
                command,
                str(path),
                *extra,
                *(["-f", "dot", "-q"] if command == "render" else []),
            ],
            stdout=out,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
            check=False,
        )
    assert r.returncode == 2
    assert "is an input of this command" in r.stderr
    assert path.read_bytes() == before


def test_render_onto_the_pyproject_it_reads_is_refused(mapfile: Path, tmp_path: Path) -> None:
    config = tmp_path / "pyproject.toml"
    config.write_text("[tool.argmap]\nignore = ['unused-claim']\n", encoding="utf-8")
    before = snapshot(config)
    r = argmap("render", mapfile, "--format", "dot", "-o", "pyproject.toml", "--quiet", cwd=tmp_path)
    assert r.returncode == 2
    assert "is an input of this command" in r.stderr
    assert snapshot(config) == before


# --- regular files ----------------------------------------------------------------------


def test_a_read_only_file_is_not_replaced(mapfile: Path, tmp_path: Path) -> None:
    out = tmp_path / "kept.dot"
    out.write_text("precious", encoding="utf-8")
    out.chmod(0o444)
    r = argmap("render", mapfile, "-o", out, "--quiet")
    assert r.returncode == 2
    assert r.stderr == (
        f"argmap render: {out}: is read-only; it is not replaced "
        "(make it writable, or choose another output name)\n"
    )
    assert out.read_text(encoding="utf-8") == "precious"
    assert stat.S_IMODE(out.stat().st_mode) == 0o444


def test_a_link_to_a_regular_file_writes_the_file_and_keeps_the_link(mapfile: Path, tmp_path: Path) -> None:
    real = tmp_path / "real" / "drawing.dot"
    real.parent.mkdir()
    real.write_text("old", encoding="utf-8")
    real.chmod(0o640)
    link = tmp_path / "drawing.dot"
    link.symlink_to(real)
    r = argmap("render", mapfile, "-o", link, "--quiet")
    assert r.returncode == 0, r.stderr
    assert link.is_symlink()
    assert real.read_text(encoding="utf-8").startswith("digraph")
    assert stat.S_IMODE(real.stat().st_mode) == 0o640
    assert sorted(p.name for p in real.parent.iterdir()) == ["drawing.dot"]  # no temporary file left


def test_a_failed_write_leaves_the_old_file_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "o.svg"
    out.write_bytes(b"old")
    real_write = os.write

    def fail_midway(fd: int, data: object) -> int:
        real_write(fd, b"half")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "write", fail_midway)
    with pytest.raises(OutputError, match="No space left on device"):
        write_output(out, b"new contents")
    monkeypatch.undo()
    assert out.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["o.svg"]


@settings(max_examples=30, deadline=None)
@given(data=st.binary(max_size=5000))
def test_write_output_then_read_input_round_trips(
    tmp_path_factory: pytest.TempPathFactory, data: bytes
) -> None:
    path = tmp_path_factory.mktemp("rt") / "f.bin"
    write_output(path, data)
    assert read_input(path) == data
    write_output(path, data[::-1])
    assert read_input(path) == data[::-1]


def test_a_name_at_the_systems_length_limit_can_be_written(tmp_path: Path) -> None:
    out = tmp_path / ("長" * 80 + ".svg")  # 244 bytes: the temporary file's name must fit too
    write_output(out, b"<svg/>")
    assert out.read_bytes() == b"<svg/>"
    assert [p.name for p in tmp_path.iterdir()] == [out.name]


def test_dash_goes_through_sys_stdout(capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    write_output("-", b"digraph {}\n")
    assert capsysbinary.readouterr().out == b"digraph {}\n"


class _Trickle:
    """A standard output's buffer that takes at most ``step`` bytes a write
    and says so only by what it returns, as a write cut short by a signal
    does; after ``limit`` bytes the reader has gone."""

    def __init__(self, step: int, limit: int | None = None) -> None:
        self.step, self.limit, self.got = step, limit, bytearray()

    def write(self, data: memoryview) -> int:
        if self.limit is not None and len(self.got) >= self.limit:
            raise BrokenPipeError(32, "Broken pipe")
        part = bytes(data[: self.step])
        self.got += part
        return len(part)

    def flush(self) -> None:
        pass


class _Stdout:
    def __init__(self, buffer: _Trickle) -> None:
        self.buffer = buffer


@given(data=st.binary(max_size=200), step=st.integers(1, 50))
def test_a_short_write_to_standard_output_is_finished_not_dropped(data: bytes, step: int) -> None:
    trickle = _Trickle(step)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(sys, "stdout", _Stdout(trickle))
        write_output("-", data)
    assert bytes(trickle.got) == data


def test_a_reader_that_leaves_mid_write_is_an_error_not_success() -> None:
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(sys, "stdout", _Stdout(_Trickle(10, limit=10)))
        with pytest.raises(OutputError) as caught:
            write_output("-", b"x" * 100)
    assert caught.value.errno == 32  # EPIPE, so the command can stay quiet about it


def test_write_output_refuses_text() -> None:
    with pytest.raises(TypeError, match="data must be bytes, not str"):
        write_output("/dev/null", "text")  # type: ignore[arg-type]


# --- inputs -----------------------------------------------------------------------------


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
@pytest.mark.parametrize("command", ["validate", "check", "render", "scaffold"])
def test_a_device_as_input_is_refused_before_reading(device: str, command: str) -> None:
    r = argmap(command, device, timeout=30)
    assert r.returncode == 2
    assert f"{device}:1:1: is a device, not a file: argmap reads only regular files" in r.stderr
    assert "Traceback" not in r.stderr


def test_a_fifo_as_input_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    fifo = tmp_path / "in.argmap.yaml"
    os.mkfifo(fifo)
    r = argmap("validate", fifo, timeout=30)
    assert r.returncode == 2
    assert r.stderr == f"{fifo}:1:1: is a pipe, not a file: argmap reads only regular files\n"


def test_an_input_over_the_size_limit_is_refused_and_the_limit_can_be_raised(tmp_path: Path) -> None:
    big = tmp_path / "big.argmap.yaml"
    body = CLEAN.read_text(encoding="utf-8")
    big.write_text(body + "#" * (2 * 1024 * 1024) + "\n", encoding="utf-8")
    r = argmap("validate", big, "--max-size", "1")
    assert r.returncode == 2
    assert r.stderr == (
        f"{big}:1:1: is larger than the limit of 1 MiB: raise the limit with --max-size (in MiB) "
        "if the file is really meant to be this large\n"
    )
    r = argmap("validate", big, "--max-size", "3")
    assert r.returncode == 0, r.stderr


def test_a_file_that_grows_past_the_limit_while_read_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "m.yaml"
    path.write_bytes(b"x" * 10)
    real_fstat = os.fstat

    def small_fstat(fd: int) -> os.stat_result:
        info = real_fstat(fd)
        fields = list(info)
        fields[stat.ST_SIZE] = 1  # the size said when opened; the file holds more by the time it is read
        return os.stat_result(fields)

    monkeypatch.setattr(os, "fstat", small_fstat)
    with pytest.raises(ArgmapError, match="larger than the limit"):
        read_input(path, max_bytes=5)


def test_read_input_rejects_a_bad_limit() -> None:
    with pytest.raises(TypeError, match="max_bytes must be a whole number"):
        read_input(CLEAN, max_bytes=1.5)  # type: ignore[arg-type]


def test_library_load_refuses_a_device() -> None:
    import argmap as api

    with pytest.raises(ArgmapError, match=r"^/dev/zero:1:1: is a device"):
        api.load("/dev/zero")


def test_a_file_name_that_is_not_utf8_is_reported_not_crashed_on(tmp_path: Path) -> None:
    name = os.fsencode(tmp_path) + b"/\xff\x1b[2J.argmap.yaml"
    r = subprocess.run(
        [sys.executable, "-m", "argmap", "validate", name],
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert r.returncode == 2
    assert b"\x1b" not in r.stderr
    assert r.stderr.endswith(b"/\\xff\\x1b[2J.argmap.yaml:1:1: cannot read: No such file or directory\n")
