"""``argmap serve``: the live preview's server, driven over HTTP (no browser).

Each test starts ``argmap serve`` as a child process on a free port, reads
the address it prints, and talks to it with http.client."""

from __future__ import annotations

import http.client
import json
import os
import queue
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.language import EN, JA, english_sentences

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "clean.argmap.yaml"
ARGMAP = [sys.executable, "-m", "argmap"]

pytestmark = pytest.mark.skipif(shutil.which("dot") is None, reason="needs Graphviz (tools/system-deps.sh)")

#: The address line: ``argmap serve: http://127.0.0.1:43210/ ...``.
URL = re.compile(r"http://(\[[^\]]+\]|[^/:\s]+):(\d+)/")
#: A located error: ``file:line:col: message``.
LOCATED = re.compile(r"^(?P<file>.+):(?P<line>\d+):(?P<col>\d+): (?P<message>.+)$")


def environment(env: dict[str, str | None]) -> dict[str, str]:
    out = {k: v for k, v in os.environ.items() if k not in env}
    out.update({k: v for k, v in env.items() if v is not None})
    return out


class Reader:
    """The lines a child process writes to one of its pipes, as they come."""

    def __init__(self, stream: Any) -> None:
        self.lines: queue.Queue[str] = queue.Queue()
        self.seen: list[str] = []
        threading.Thread(target=self._read, args=(stream,), daemon=True).start()

    def _read(self, stream: Any) -> None:
        for line in stream:
            self.lines.put(line)

    def line(self, timeout: float) -> str | None:
        try:
            got = self.lines.get(timeout=timeout)
        except queue.Empty:
            return None
        self.seen.append(got)
        return got

    def rest(self) -> str:
        while not self.lines.empty():
            self.seen.append(self.lines.get())
        return "".join(self.seen)


class Served:
    """A running ``argmap serve``."""

    def __init__(self, proc: subprocess.Popen[str], out: Reader, err: Reader, host: str, port: int) -> None:
        self.proc, self.out, self.err = proc, out, err
        self.host, self.port = host, port

    def request(
        self, path: str, method: str = "GET", headers: dict[str, str] | None = None
    ) -> tuple[int, dict[str, str], bytes]:
        conn = http.client.HTTPConnection(self.host.strip("[]"), self.port, timeout=10)
        try:
            conn.request(method, path, headers=headers or {})
            resp = conn.getresponse()
            body = resp.read()
            return resp.status, {k.lower(): v for k, v in resp.getheaders()}, body
        finally:
            conn.close()

    def get(self, path: str) -> bytes:
        status, _headers, body = self.request(path)
        assert status == 200, (path, status, body[:200])
        return body

    def version(self) -> str:
        return self.get("/version").decode("ascii")

    def fragment(self) -> dict[str, Any]:
        found: dict[str, Any] = json.loads(self.get("/fragment"))
        return found

    def new_version(self, old: str, seconds: float = 3.0) -> str:
        """The version, once it differs from ``old`` (fails after ``seconds``)."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            now = self.version()
            if now != old:
                return now
            time.sleep(0.05)
        pytest.fail(f"the version stayed {old!r} for {seconds} s after the file changed")


def start(
    *args: str, cwd: Path, env: dict[str, str | None] = EN
) -> tuple[subprocess.Popen[str], Reader, Reader]:
    proc = subprocess.Popen(
        [*ARGMAP, "serve", *args],
        cwd=cwd,
        env=environment(env),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )
    assert proc.stdout is not None and proc.stderr is not None
    return proc, Reader(proc.stdout), Reader(proc.stderr)


@pytest.fixture
def serve(tmp_path: Path) -> Iterator[Callable[..., Served]]:
    """Start ``argmap serve ARGS`` in ``tmp_path`` (an English locale unless
    ``env`` says otherwise) and wait for its address; stopped afterwards."""
    started: list[subprocess.Popen[str]] = []

    def run(*args: str, env: dict[str, str | None] = EN) -> Served:
        proc, out, err = start(*args, cwd=tmp_path, env=env)
        started.append(proc)
        deadline = time.monotonic() + 30
        line = None
        while line is None and proc.poll() is None and time.monotonic() < deadline:
            line = out.line(timeout=0.1)
        assert line is not None, f"no address printed; stderr: {err.rest()}"
        found = URL.search(line)
        assert found, line
        return Served(proc, out, err, found.group(1), int(found.group(2)))

    yield run
    for proc in started:
        if proc.poll() is None:
            proc.kill()
        proc.wait(timeout=10)


@pytest.fixture
def map_file(tmp_path: Path) -> Path:
    path = tmp_path / "school.argmap.yaml"
    shutil.copyfile(EXAMPLE, path)
    return path


def replace_in(path: Path, old: str, new: str) -> str:
    text = path.read_text(encoding="utf-8")
    assert old in text
    return text.replace(old, new)


def write_in_place(path: Path, text: str) -> None:
    with path.open("r+", encoding="utf-8") as f:
        f.truncate(0)
        f.write(text)


def write_and_rename(path: Path, text: str) -> None:
    temp = path.with_name("." + path.name + ".tmp")
    temp.write_text(text, encoding="utf-8")
    os.replace(temp, path)


SAVES = {"in place": write_in_place, "new file renamed": write_and_rename}


# ------------------------------------------------------------------ the page


def test_the_page_is_live_html_with_its_version(serve: Callable[..., Served], map_file: Path) -> None:
    served = serve(map_file.name)
    status, headers, body = served.request("/")
    assert status == 200
    assert headers["content-type"].startswith("text/html")
    page = body.decode("utf-8")
    version = served.version()
    assert version
    assert f'<meta name="argmap-version" content="{version}">' in page
    assert '<main id="argmap"' in page
    assert "<script" in page and "/version" in page and "/fragment" in page  # the live script
    assert "140 students signed a petition" in page
    # Nothing from elsewhere, and not kept by a cache.
    assert headers["cache-control"] == "no-store"
    assert "default-src 'none'" in headers["content-security-policy"]


def test_the_fragment_is_the_inside_of_the_page(serve: Callable[..., Served], map_file: Path) -> None:
    served = serve(map_file.name)
    fragment = served.fragment()
    assert set(fragment) == {"version", "html"}
    assert fragment["version"] == served.version()
    assert "140 students signed a petition" in fragment["html"]
    assert "<main" not in fragment["html"] and "<html" not in fragment["html"]
    assert fragment["html"] in served.get("/").decode("utf-8")


def test_findings_are_shown_unless_no_findings(serve: Callable[..., Served], tmp_path: Path) -> None:
    leaping = tmp_path / "leaping.argmap.yaml"
    shutil.copyfile(ROOT / "examples" / "leaping.argmap.yaml", leaping)
    assert 'class="finding"' in serve(leaping.name).fragment()["html"]
    assert 'id="findings"' not in serve(leaping.name, "--no-findings").fragment()["html"]


# -------------------------------------------------------------- redrawing


@pytest.mark.parametrize("save", SAVES.values(), ids=SAVES.keys())
def test_a_saved_change_is_a_new_version(
    serve: Callable[..., Served], map_file: Path, save: Callable[[Path, str], None]
) -> None:
    served = serve(map_file.name)
    before = served.version()
    save(map_file, replace_in(map_file, "140 students", "215 students"))
    after = served.new_version(before)
    fragment = served.fragment()
    assert fragment["version"] == after
    assert "215 students" in fragment["html"]
    assert "140 students" not in fragment["html"]
    # A page opened now shows the new map with the new version.
    page = served.get("/").decode("utf-8")
    assert "215 students" in page and f'content="{after}"' in page
    # Saved again (the watcher goes on after a rename too).
    save(map_file, replace_in(map_file, "215 students", "320 students"))
    served.new_version(after)
    assert "320 students" in served.fragment()["html"]


def broken(path: Path) -> tuple[str, int]:
    """``path``'s text with an unknown field ``txt`` in place of ``text`` on
    one line, and that line's number."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    number = next(i for i, line in enumerate(lines, 1) if "Two library volunteers" in line)
    lines[number - 1] = lines[number - 1].replace("text:", "txt:")
    return "".join(lines), number


@pytest.mark.parametrize("save", SAVES.values(), ids=SAVES.keys())
def test_a_broken_file_lists_its_errors_then_the_fixed_one_the_map(
    serve: Callable[..., Served], map_file: Path, save: Callable[[Path, str], None]
) -> None:
    served = serve(map_file.name)
    good = map_file.read_text(encoding="utf-8")
    first = served.version()
    text, line = broken(map_file)
    save(map_file, text)
    second = served.new_version(first)
    fragment = served.fragment()
    assert set(fragment) == {"version", "errors"}
    assert fragment["version"] == second
    located = [LOCATED.match(e) for e in fragment["errors"]]
    assert all(located), fragment["errors"]
    assert any(m and m["file"] == map_file.name and int(m["line"]) == line for m in located), fragment[
        "errors"
    ]
    assert any("txt" in e for e in fragment["errors"])
    # A page opened meanwhile is the last good map, with its own version: it
    # asks for the fragment at once and shows the errors.
    page = served.get("/").decode("utf-8")
    assert "Two library volunteers" in page
    assert f'content="{first}"' in page
    # Fixed: the map again.
    save(map_file, good)
    served.new_version(second)
    fragment = served.fragment()
    assert set(fragment) == {"version", "html"}
    assert "Two library volunteers" in fragment["html"]


def test_errors_are_in_the_chosen_language(serve: Callable[..., Served], map_file: Path) -> None:
    served = serve(map_file.name, "--lang", "ja")
    first = served.version()
    text, line = broken(map_file)
    write_in_place(map_file, text)
    served.new_version(first)
    errors = served.fragment()["errors"]
    assert any(f"{map_file.name}:{line}:" in e for e in errors)
    for error in errors:
        match = LOCATED.match(error)
        assert match, error
        assert english_sentences(match["message"]) == [], error


def test_a_file_taken_away_is_an_error_until_it_comes_back(
    serve: Callable[..., Served], map_file: Path
) -> None:
    served = serve(map_file.name)
    good = map_file.read_text(encoding="utf-8")
    first = served.version()
    map_file.unlink()
    second = served.new_version(first)
    errors = served.fragment()["errors"]
    assert errors and all(map_file.name in e for e in errors)
    map_file.write_text(good, encoding="utf-8")
    served.new_version(second)
    assert "Two library volunteers" in served.fragment()["html"]


# ------------------------------------------------------------- what is served


@pytest.mark.parametrize(
    "path",
    [
        "/index.html",
        "/school.argmap.yaml",
        "/../school.argmap.yaml",
        "/version/",
        "//",
        "/fragment.json",
        "/%2e%2e/",
    ],
)
def test_no_other_path_is_served(serve: Callable[..., Served], map_file: Path, path: str) -> None:
    served = serve(map_file.name)
    status, _headers, body = served.request(path)
    assert status == 404
    assert b"library" not in body


@pytest.mark.parametrize("method", ["POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"])
def test_only_get_is_answered(serve: Callable[..., Served], map_file: Path, method: str) -> None:
    served = serve(map_file.name)
    for path in ("/", "/version", "/fragment"):
        status, headers, body = served.request(path, method)
        assert status == 405, (method, path)
        assert headers["allow"] == "GET"
        assert b"library" not in body
    assert served.get("/version")  # still serving


def test_a_request_for_another_host_is_refused(serve: Callable[..., Served], map_file: Path) -> None:
    # A web site whose name points at 127.0.0.1 (DNS rebinding) cannot read the map.
    served = serve(map_file.name)
    status, _headers, body = served.request("/", headers={"Host": f"attacker.example:{served.port}"})
    assert status == 403
    assert b"library" not in body
    for host in ("localhost", "127.0.0.1"):
        status, _headers, _body = served.request("/version", headers={"Host": f"{host}:{served.port}"})
        assert status == 200


def listening_addresses(port: int) -> set[str]:
    """The IPv4 addresses a socket listens on at ``port`` (Linux's /proc/net/tcp)."""
    found = set()
    for row in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        local, state = row.split()[1], row.split()[3]
        address, hexport = local.split(":")
        if state == "0A" and int(hexport, 16) == port:
            found.add(socket.inet_ntoa(bytes.fromhex(address)[::-1]))
    return found


@pytest.mark.skipif(not Path("/proc/net/tcp").exists(), reason="reads Linux's /proc/net/tcp")
def test_listens_on_this_computer_only_by_default(serve: Callable[..., Served], map_file: Path) -> None:
    served = serve(map_file.name)
    assert served.host == "127.0.0.1"
    assert listening_addresses(served.port) == {"127.0.0.1"}
    assert served.err.line(timeout=0.5) is None  # no warning


@pytest.mark.parametrize(("env", "lang"), [(EN, "en"), (JA, "ja")])
def test_listening_elsewhere_warns(
    serve: Callable[..., Served], map_file: Path, env: dict[str, str | None], lang: str
) -> None:
    served = serve(map_file.name, "--host", "0.0.0.0", env=env)
    warning = served.err.line(timeout=5)
    assert warning is not None
    assert warning.startswith("argmap serve: ") and "0.0.0.0" in warning
    if lang == "ja":
        assert english_sentences(warning.removeprefix("argmap serve: ")) == [], warning
    else:
        assert "warning" in warning and "other computers" in warning
    if Path("/proc/net/tcp").exists():
        assert listening_addresses(served.port) == {"0.0.0.0"}
    # Any name reaches it then.
    status, _headers, _body = served.request("/version", headers={"Host": f"argmap.example:{served.port}"})
    assert status == 200


# ------------------------------------------------------------ start and stop


def test_ctrl_c_stops_cleanly(serve: Callable[..., Served], map_file: Path) -> None:
    served = serve(map_file.name)
    served.get("/version")
    served.proc.send_signal(signal.SIGINT)
    assert served.proc.wait(timeout=5) == 130
    time.sleep(0.1)
    err = served.err.rest()
    assert "Traceback" not in err
    assert len([line for line in err.splitlines() if line.strip()]) == 1, err


def test_sigterm_stops_too(serve: Callable[..., Served], map_file: Path) -> None:
    served = serve(map_file.name)
    served.proc.send_signal(signal.SIGTERM)
    assert served.proc.wait(timeout=5) == 128 + signal.SIGTERM
    assert "Traceback" not in served.err.rest()


def run_to_end(*args: str, cwd: Path, env: dict[str, str | None] = EN) -> tuple[int, str, str]:
    proc = subprocess.run(
        [*ARGMAP, "serve", *args],
        cwd=cwd,
        env=environment(env),
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=30,
        check=False,
    )
    return proc.returncode, proc.stdout, proc.stderr


def test_a_missing_file_is_a_clean_error(tmp_path: Path) -> None:
    code, out, err = run_to_end("nowhere.argmap.yaml", cwd=tmp_path)
    assert code == 2
    assert out == ""
    assert "Traceback" not in err
    assert err.startswith("nowhere.argmap.yaml:") or "nowhere.argmap.yaml" in err.splitlines()[0]


def test_a_folder_is_a_clean_error(tmp_path: Path) -> None:
    (tmp_path / "maps").mkdir()
    code, out, err = run_to_end("maps", cwd=tmp_path)
    assert (code, out) == (2, "")
    assert "Traceback" not in err and "maps" in err


def test_a_map_with_mistakes_at_start_is_shown_with_them(
    serve: Callable[..., Served], map_file: Path
) -> None:
    good = map_file.read_text(encoding="utf-8")
    text, line = broken(map_file)
    map_file.write_text(text, encoding="utf-8")
    served = serve(map_file.name)
    # Printed where the command was typed, and shown on the page.
    printed = served.err.rest().splitlines()
    assert any(p.startswith(f"{map_file.name}:{line}:") for p in printed), printed
    first = served.version()
    fragment = served.fragment()
    assert set(fragment) == {"version", "errors"}
    assert any(e.startswith(f"{map_file.name}:{line}:") for e in fragment["errors"])
    page = served.get("/").decode("utf-8")
    assert 'id="errors"' in page and f'content="{first}"' in page and "txt" in page
    write_in_place(map_file, good)
    served.new_version(first)
    assert "Two library volunteers" in served.fragment()["html"]
    assert "Two library volunteers" in served.get("/").decode("utf-8")


def test_a_port_in_use_is_a_clean_error(tmp_path: Path, map_file: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        code, out, err = run_to_end(map_file.name, "--port", str(port), cwd=tmp_path)
    assert (code, out) == (2, "")
    assert "Traceback" not in err
    assert err.startswith("argmap serve: ") and str(port) in err
    assert len(err.splitlines()) == 1, err


def test_help_in_japanese(tmp_path: Path) -> None:
    code, out, _err = run_to_end("--help", "--lang", "ja", cwd=tmp_path)
    assert code == 0
    usage, _nl, rest = out.partition("\n")
    assert usage.startswith("使い方: argmap serve")
    assert english_sentences(rest) == [], out


def test_the_command_stays_light_to_import() -> None:
    code = (
        "import sys; from argmap.cli import main; import argmap.cli.serve; "
        "print(sorted(m for m in ('yaml', 'graphviz', 'attrs', 'http.server', 'watchfiles') if m in sys.modules))"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert proc.stdout.strip() == "[]"
