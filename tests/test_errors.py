"""One error hierarchy: every error argmap raises for something a user can fix
shares a base that carries its exit code, and the command line reports all of
them in one place, the same way for every command."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

import argmap
from argmap.checks import Config, ConfigError, UnknownRuleError, find_rule
from argmap.cli import main
from argmap.cli._common import EXIT_BAD_INPUT
from argmap.drawing import RenderError, output_format
from argmap.errors import EXIT_BAD_INPUT as LIBRARY_EXIT_BAD_INPUT
from argmap.errors import ArgmapError, ArgmapException, Location, Problem
from argmap.fileio import OutputError, write_output
from argmap.scaffolding import read_article

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "nato-tokyo" / "map.argmap.yaml"


@pytest.mark.parametrize(
    ("error", "older_base"),
    [
        (ArgmapError, ValueError),
        (ConfigError, ValueError),
        (UnknownRuleError, ValueError),
        (OutputError, OSError),
        (RenderError, Exception),
    ],
)
def test_every_error_shares_the_base_and_keeps_its_older_base(error: type, older_base: type) -> None:
    assert issubclass(error, ArgmapException)
    assert issubclass(error, older_base)
    assert error.exit_code == EXIT_BAD_INPUT


def test_the_base_is_public() -> None:
    assert argmap.ArgmapException is ArgmapException
    assert "ArgmapException" in argmap.__all__


def test_the_command_line_and_the_library_agree_on_the_exit_code_of_bad_input() -> None:
    assert EXIT_BAD_INPUT == LIBRARY_EXIT_BAD_INPUT


def test_errors_raised_by_the_library_are_caught_by_the_base(tmp_path: Path) -> None:
    with pytest.raises(ArgmapException):
        find_rule("no-such-rule")
    with pytest.raises(ArgmapException):
        output_format("map.txt")
    with pytest.raises(ArgmapException):
        write_output(tmp_path, b"x")
    with pytest.raises(ArgmapException):
        argmap.loads("argmap: 1\n", "yaml")


def test_an_error_is_one_line_after_the_prefix() -> None:
    exc = RenderError("Graphviz failed")
    assert exc.lines("argmap render") == ["argmap render: Graphviz failed"]


def test_located_problems_name_their_file_and_the_others_get_the_prefix() -> None:
    located = Problem("bad kind", Location("m.yaml", 4, 7))
    loose = Problem("timeout must be above 0")
    lines = ArgmapError([located, loose]).lines("argmap render")
    assert lines[0] == str(located)
    assert lines[0].startswith("m.yaml:4:7: ")
    assert lines[1] == f"argmap render: {loose.message}"


class _Odd(ArgmapException):
    exit_code = 7


def test_the_group_reports_any_error_with_the_command_name_and_its_exit_code(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def fail(*_args: object, **_kwargs: object) -> None:
        raise _Odd("something odd\x1b[2J happened")

    monkeypatch.setattr("argmap.formats.read", fail)
    result = CliRunner().invoke(main, ["render", str(EXAMPLE), "-f", "dot", "-o", "-"])
    assert result.exit_code == _Odd.exit_code
    # printed once, through the terminal-safe filter (no raw escape reaches the terminal)
    assert result.stderr == "argmap render: something odd\\x1b[2J happened\n"
    assert result.stdout == ""


def test_other_exceptions_are_not_swallowed(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr("argmap.formats.read", fail)
    result = CliRunner().invoke(main, ["render", str(EXAMPLE)])
    assert isinstance(result.exception, RuntimeError)


@pytest.mark.parametrize("command", ["check", "render"])
def test_a_bad_configuration_is_reported_the_same_way_by_every_command(
    command: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text("[tool.argmap]\nselect = 3\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("argmap.checks.config.find_pyproject", lambda start=".": pyproject)
    with pytest.raises(ConfigError) as raised:
        Config.from_pyproject(pyproject)
    result = CliRunner().invoke(  # in English, the language of the library's message here
        main, [command, "--lang", "en", str(EXAMPLE), *(["-o", "out.dot"] if command == "render" else [])]
    )
    assert result.exit_code == ConfigError.exit_code
    assert result.stderr == f"argmap {command}: {raised.value}\n"
    assert not (tmp_path / "out.dot").exists()


def test_an_unreadable_article_is_reported_by_its_located_problem(tmp_path: Path) -> None:
    missing = tmp_path / "missing.txt"
    with pytest.raises(ArgmapError) as raised:
        read_article(str(missing), 1024)
    result = CliRunner().invoke(main, ["scaffold", str(missing)])
    assert result.exit_code == ArgmapError.exit_code
    assert result.stderr.splitlines() == [str(p) for p in raised.value.problems]


def test_an_output_that_cannot_be_written_is_reported_with_the_command_name(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("The sky is blue.\n", encoding="utf-8")
    with pytest.raises(OutputError) as raised:
        write_output(article, b"x", inputs=[article])
    result = CliRunner().invoke(main, ["scaffold", str(article), "-o", str(article)])
    assert result.exit_code == OutputError.exit_code
    assert result.stderr == f"argmap scaffold: {raised.value}\n"


def test_an_output_error_survives_pickling() -> None:
    import pickle

    from argmap.fileio import OutputError

    err = pickle.loads(pickle.dumps(OutputError("o.svg", "is read-only")))
    assert (str(err), err.path, err.message) == ("o.svg: is read-only", "o.svg", "is read-only")


def test_the_old_name_of_output_format_still_works_with_a_warning() -> None:
    import warnings

    import argmap.drawing

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        old = argmap.drawing.format_for
    assert old is argmap.drawing.output_format
    assert [w.category for w in caught] == [DeprecationWarning]
