"""The core speaks the language in force: every message of the model and of
the file layer a person can meet is Japanese in a Japanese run (no English
phrase left, the system's own reasons included) and stays as it was in English."""

from __future__ import annotations

import datetime
import errno
import math
import os
import socket
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

import argmap
from argmap import ArgmapError, ArgumentMap, Attack, Claim, Document, Inference, Kind, MapBuilder, Source
from argmap.fileio import OS_REASONS, OutputError, decode_utf8, os_reason, read_input, write_output
from argmap.i18n import using
from argmap.model import check_url
from argmap.support import did_you_mean
from tests.language import english_sentences

_JAPANESE = range(0x3040, 0x9FFF + 1)  # kana and the common kanji


def japanese(text: str) -> bool:
    return any(ord(c) in _JAPANESE for c in text)


def message_of(make: Callable[[], object]) -> str:
    """The message of the error ``make`` raises (each problem on its own line)."""
    with pytest.raises((ValueError, TypeError, OSError)) as raised:
        make()
    return str(raised.value)


def broken_builder() -> MapBuilder:
    """A builder whose every reference is broken, and an ignore of nothing."""
    b = MapBuilder("t")
    b.conclusion("C1", "c")
    b.inference("I1", ["E9"], "C9")
    b.attack("X1", "I1", "Q")
    b.ignore("Z9", "weak-support")
    return b


def duplicate_id() -> None:
    b = MapBuilder("t")
    b.premise("c1", "a")
    b.premise("c1", "b")


def ids_used_twice() -> None:
    claims = [Claim("A", Kind.PREMISE, "x")]
    inferences = [Inference("A", ("A",), "A")]
    ArgumentMap("t", claims=claims, inferences=inferences)  # type: ignore[arg-type]


# Every model error a person can bring about: in a map built in code, or in
# a file (the loader repeats the model's words for URLs).
MODEL_ERRORS: dict[str, Callable[[], object]] = {
    "bad id": lambda: Claim("1x", Kind.PREMISE, "a"),
    "id of the wrong type": lambda: Claim(3, Kind.PREMISE, "a"),  # type: ignore[arg-type]
    "unknown kind": lambda: Claim("x", "opinion", "a"),
    "kind of the wrong type": lambda: Claim("x", 3, "a"),  # type: ignore[arg-type]
    "text of the wrong type": lambda: Claim("x", "premise", None),  # type: ignore[arg-type]
    "lone surrogate": lambda: Claim("x", "premise", "a\ud800"),
    "lone surrogate in tags": lambda: Claim("x", "premise", "a", tags=["\udc00"]),
    "conditional not a bool": lambda: Claim("x", "premise", "a", conditional="yes"),  # type: ignore[arg-type]
    "source not a Source": lambda: Claim("x", "premise", "a", source="NHK"),  # type: ignore[arg-type]
    "tags not a list": lambda: Claim("x", "premise", "a", tags={"a": 1}),
    "date in a wrong form": lambda: Source(date="09.05.2023"),
    "date with no such month": lambda: Source(date="2023-13-01"),
    "date with no such day": lambda: Source(date="2023-02-30"),
    "date in year 0": lambda: Source(date="0000-01-01"),
    "date of the wrong type": lambda: Source(date=20230509),  # type: ignore[arg-type]
    "parse_date of the wrong type": lambda: argmap.model.parse_date(None),  # type: ignore[arg-type]
    "url not http": lambda: Source(url="javascript:alert(1)"),
    "url with a control character": lambda: Source(url="https://a\x00b/"),
    "url with no host": lambda: Document(url="https://:80/"),
    "url with a bad bracketed host": lambda: Source(url="https://[::1"),
    "url with a bad host character": lambda: Source(url="https://a]b/"),
    "url with a bad port": lambda: Source(url="https://x:99999/"),
    "url that changes under NFKC": lambda: Source(url="https://a\u2100b/x"),
    "url not a str": lambda: check_url(b"https://x"),  # type: ignore[arg-type]
    "strength out of range": lambda: Inference("I", ("A",), "B", strength=1.01),
    "strength NaN": lambda: Inference("I", ("A",), "B", strength=math.nan),
    "strength huge": lambda: Inference("I", ("A",), "B", strength=10**400),
    "strength not a number": lambda: Inference("I", ("A",), "B", strength="high"),  # type: ignore[arg-type]
    "premises not a list": lambda: Inference("I", 3, "B"),  # type: ignore[arg-type]
    "attack id of the wrong type": lambda: Attack("X", "A", None),  # type: ignore[arg-type]
    "bad lang": lambda: ArgumentMap("t", lang="日本語"),
    "bad lang in the builder": lambda: MapBuilder("t", lang="e"),
    "title not a str": lambda: MapBuilder(None),  # type: ignore[arg-type]
    "document not a Document": lambda: MapBuilder("t", document="d"),  # type: ignore[arg-type]
    "document field not a Document": lambda: ArgumentMap("t", document="d"),  # type: ignore[arg-type]
    "date of a map": lambda: MapBuilder("t", date="yesterday"),
    "id used twice in the builder": duplicate_id,
    "id used twice in a map": ids_used_twice,
    "element under another id": lambda: ArgumentMap("t", claims={"B": Claim("A", Kind.PREMISE, "x")}),
    "broken references": lambda: broken_builder().build(),
    "element id not a str": lambda: MapBuilder("t").premise(None, "x"),  # type: ignore[arg-type]
    "add of a wrong thing": lambda: MapBuilder("t").add("P1"),  # type: ignore[arg-type]
    "ignore of a wrong rule": lambda: MapBuilder("t").ignore("P1", 3),  # type: ignore[arg-type]
    "ignore not a mapping": lambda: ArgumentMap("t", ignore=["x"]),  # type: ignore[arg-type]
    "ignore with a bad rule": lambda: ArgumentMap("t", ignore={"x": ["\ud800"]}),
    "tables not a mapping": lambda: ArgumentMap("t", claims=3),  # type: ignore[arg-type]
    "tables of wrong things": lambda: ArgumentMap("t", claims=["x"]),  # type: ignore[arg-type]
    "table holding another kind": lambda: ArgumentMap("t", claims={"I": Inference("I", (), "I")}),  # type: ignore[dict-item]
    "long value cut short": lambda: Claim("x" * 100 + "!", Kind.PREMISE, "a"),
}


@pytest.mark.parametrize("make", MODEL_ERRORS.values(), ids=MODEL_ERRORS.keys())
def test_every_model_error_is_japanese_in_a_japanese_run(make: Callable[[], object]) -> None:
    with using("ja"):
        said = message_of(make)
    with using("en"):
        english = message_of(make)
    assert japanese(said), said
    assert english_sentences(said) == [], said
    assert said != english
    assert english_sentences(english), english


def test_each_broken_reference_is_its_own_japanese_line() -> None:
    with using("ja"), pytest.raises(ArgmapError) as raised:
        broken_builder().build()
    lines = [p.message for p in raised.value.problems]
    assert len(lines) == 5
    for line, named in zip(lines, ["E9", "C9", "I1", "Q", "Z9"], strict=True):
        assert f"'{named}'" in line
        assert english_sentences(line) == [], line


def test_the_model_speaks_english_by_default_and_japanese_only_when_asked() -> None:
    with using("en"):
        english = message_of(duplicate_id)
    assert message_of(duplicate_id) == english  # the test run's locale is not Japanese
    with using("ja"):
        assert message_of(duplicate_id) != english


def test_did_you_mean_is_japanese_in_a_japanese_run() -> None:
    with using("ja"):
        hint = did_you_mean("evidense", ["evidence", "premise"])
    assert "'evidence'" in hint
    assert japanese(hint) and english_sentences(hint) == []
    with using("ja"):
        assert did_you_mean("zzz", ["evidence"]) == ""


def test_the_loader_says_the_models_url_problem_in_japanese() -> None:
    bad = "https://x:99999/"
    text = (
        "argmap: 1\ntitle: t\nlang: ja\nclaims:\n"
        f"  E1: {{kind: evidence, text: a, source: {{url: '{bad}'}}}}\n"
    )
    with using("ja"):
        model_says = message_of(lambda: check_url(bad))
        with pytest.raises(ArgmapError) as raised:
            argmap.loads(text, "yaml")
    (problem,) = raised.value.problems
    assert problem.message.endswith(model_says)


# --- files ---------------------------------------------------------------------------------


def read_error(path: str | Path, **kw: object) -> str:
    with pytest.raises(ArgmapError) as raised:
        read_input(path, **kw)  # type: ignore[arg-type]
    return str(raised.value)


def write_error(path: str | Path, **kw: object) -> str:
    with pytest.raises(OutputError) as raised:
        write_output(path, b"data", **kw)  # type: ignore[arg-type]
    return str(raised.value)


def in_japanese(said: Callable[[], str], path: str | Path) -> str:
    """``said()`` in a Japanese run, checked: Japanese, no English, the path named."""
    with using("ja"):
        text = said()
    assert japanese(text), text
    assert english_sentences(text.replace(str(path), "")) == [], text
    assert str(path) in text
    return text


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    path = tmp_path / "pipe"
    os.mkfifo(path)
    return path


def test_a_missing_input_is_japanese(tmp_path: Path) -> None:
    path = tmp_path / "missing.argmap.yaml"
    in_japanese(lambda: read_error(path, what="a map file"), path)


def test_an_unreadable_input_is_japanese(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "secret.argmap.yaml"
    path.write_text("argmap: 1\n", encoding="utf-8")

    def refuse(*args: object, **kw: object) -> int:
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))

    monkeypatch.setattr(os, "open", refuse)
    in_japanese(lambda: read_error(path, what="a map file"), path)


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_a_file_without_read_permission_is_japanese(tmp_path: Path) -> None:
    path = tmp_path / "secret.argmap.yaml"
    path.write_text("argmap: 1\n", encoding="utf-8")
    path.chmod(0)
    in_japanese(lambda: read_error(path), path)


def test_an_input_over_the_size_limit_is_japanese_and_names_the_option(tmp_path: Path) -> None:
    path = tmp_path / "big.argmap.yaml"
    path.write_bytes(b"x" * 100)
    said = in_japanese(lambda: read_error(path, max_bytes=10), path)
    assert "--max-size" in said


@pytest.mark.parametrize("what", ["a file", "a map file", "an article", "a pyproject.toml"])
def test_a_directory_as_input_is_japanese(tmp_path: Path, what: str) -> None:
    in_japanese(lambda: read_error(tmp_path, what=what), tmp_path)


def test_a_device_as_input_is_japanese() -> None:
    in_japanese(lambda: read_error("/dev/zero"), "/dev/zero")


def test_a_fifo_as_input_is_japanese(fifo: Path) -> None:
    in_japanese(lambda: read_error(fifo), fifo)


def test_a_socket_as_input_or_output_is_japanese(tmp_path: Path) -> None:
    path = tmp_path / "s"
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(path))
        in_japanese(lambda: read_error(path), path)
        in_japanese(lambda: write_error(path), path)
    finally:
        server.close()


@pytest.mark.parametrize("what", ["file", "article"])
def test_bytes_that_are_not_utf8_are_japanese(what: str) -> None:
    def said() -> str:
        with pytest.raises(ArgmapError) as raised:
            decode_utf8("一\n".encode() + b"\xff", "a.txt", what)
        return str(raised.value)

    assert in_japanese(said, "a.txt").startswith("a.txt:2:1: ")


def test_a_read_only_output_is_japanese(tmp_path: Path) -> None:
    path = tmp_path / "kept.svg"
    path.write_text("precious", encoding="utf-8")
    path.chmod(0o444)
    in_japanese(lambda: write_error(path), path)
    assert path.read_text(encoding="utf-8") == "precious"


def test_an_output_onto_the_input_is_japanese(tmp_path: Path) -> None:
    path = tmp_path / "m.argmap.yaml"
    path.write_text("argmap: 1\n", encoding="utf-8")
    in_japanese(lambda: write_error(path, inputs=[path]), path)


def test_no_space_left_is_japanese() -> None:
    in_japanese(lambda: write_error("/dev/full"), "/dev/full")


def test_an_output_in_a_missing_directory_is_japanese(tmp_path: Path) -> None:
    path = tmp_path / "no" / "such" / "out.svg"
    in_japanese(lambda: write_error(path), path)


def test_a_fifo_with_no_reader_is_japanese(fifo: Path) -> None:
    in_japanese(lambda: write_error(fifo), fifo)


@pytest.mark.parametrize("name", ["out/", "."])
def test_a_directory_as_output_is_japanese(tmp_path: Path, name: str) -> None:
    path = tmp_path / name if name != "." else tmp_path
    text = str(path) + ("/" if name.endswith("/") else "")
    in_japanese(lambda: write_error(text), text)


def test_an_empty_output_name_is_japanese() -> None:
    in_japanese(lambda: write_error(""), "''")


def test_a_failed_write_names_the_reason_in_japanese(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "o.svg"

    def fail(fd: int, data: object) -> int:
        raise OSError(errno.EIO, os.strerror(errno.EIO))

    monkeypatch.setattr(os, "write", fail)
    in_japanese(lambda: write_error(path), path)


# --- the system's reasons -------------------------------------------------------------------

LISTED = [
    "ENOSPC",
    "EACCES",
    "EPERM",
    "ENOENT",
    "EISDIR",
    "ENOTDIR",
    "EROFS",
    "EPIPE",
    "EIO",
    "ENXIO",
    "ELOOP",
    "ENAMETOOLONG",
    "EEXIST",
    "EBUSY",
    "ETXTBSY",
]


def test_the_table_covers_the_common_error_numbers() -> None:
    assert {getattr(errno, name) for name in LISTED} <= set(OS_REASONS)


@pytest.mark.parametrize("code", sorted(OS_REASONS), ids=lambda c: errno.errorcode[c])
def test_each_reason_is_japanese_in_a_japanese_run_and_the_systems_own_in_english(code: int) -> None:
    exc = OSError(code, os.strerror(code))
    with using("ja"):
        said = os_reason(exc)
    assert japanese(said) and english_sentences(said) == [], said
    with using("en"):
        assert os_reason(exc) == os.strerror(code)


def test_a_reason_not_in_the_table_is_the_systems_own() -> None:
    code = errno.ECHILD
    assert code not in OS_REASONS
    with using("ja"):
        assert os_reason(OSError(code, os.strerror(code))) == os.strerror(code)
        assert os_reason(OSError("no number")) == "no number"


# --- threads --------------------------------------------------------------------------------


def test_two_threads_speak_their_own_language_side_by_side(tmp_path: Path) -> None:
    missing = tmp_path / "missing.argmap.yaml"

    def messages() -> tuple[str, ...]:
        return (
            message_of(duplicate_id),
            message_of(lambda: broken_builder().build()),
            did_you_mean("evidense", ["evidence"]),
            read_error(missing),
            write_error("/dev/full"),
        )

    with using("en"):
        english = messages()
    with using("ja"):
        japanese_ = messages()
    assert set(english).isdisjoint(japanese_)

    rounds = 200
    start = threading.Barrier(2)
    got: dict[str, list[tuple[str, ...]]] = {"ja": [], "en": []}
    failures: list[BaseException] = []

    def speak(lang: str) -> None:
        try:
            with using(lang):
                start.wait(10)
                for _ in range(rounds):
                    got[lang].append(messages())
        except BaseException as exc:  # reported by the main thread
            failures.append(exc)

    threads = [threading.Thread(target=speak, args=(lang,)) for lang in ("ja", "en")]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert not failures, failures
    assert got["ja"] == [japanese_] * rounds
    assert got["en"] == [english] * rounds


def test_a_date_converted_in_japanese_is_the_same_date() -> None:
    with using("ja"):
        assert Source(date="2023.05.09").date == datetime.date(2023, 5, 9)


# --- on the command line ----------------------------------------------------------------------

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


@pytest.mark.parametrize(
    "args",
    [
        ["validate", "--lang", "ja", "/dev/zero"],
        ["check", "--lang", "ja", "{tmp}/missing.argmap.yaml"],
        ["render", "--lang", "ja", str(EXAMPLES / "clean.argmap.yaml"), "-f", "dot", "-q", "-o", "/dev/full"],
        ["scaffold", "{tmp}/a.txt", "-o", "{tmp}/a.txt"],  # a Japanese article: its messages are Japanese
    ],
    ids=["device", "missing", "no-space", "onto-its-input"],
)
def test_the_commands_say_file_errors_in_japanese(tmp_path: Path, args: list[str]) -> None:
    article = tmp_path / "a.txt"
    article.write_bytes((EXAMPLES / "articles" / "kitakawa-energy.txt").read_bytes())
    argv = [a.replace("{tmp}", str(tmp_path)) for a in args]
    r = subprocess.run(
        [sys.executable, "-m", "argmap", *argv],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env={**os.environ, "LANG": "C.UTF-8", "LANGUAGE": "", "LC_ALL": ""},
    )
    assert r.returncode == 2, r.stderr
    (line,) = r.stderr.splitlines()
    said = line.removeprefix(f"argmap {argv[0]}: ")
    assert japanese(said), said
    assert english_sentences(said) == [], said
