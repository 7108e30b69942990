r"""What the commands share: loading files, reporting bad input the same way,
and printing text from a map so that it can never drive the terminal.

Imports of argmap's library modules happen inside the functions, so that
``argmap --help`` (which imports every command module) stays fast.

A map's texts and file names reach the terminal in findings and errors. A
control character in them could set the window title, clear the screen or
erase lines, so every line printed for a person passes through
:func:`safe`: C0 and C1 control characters, DEL and unpaired surrogates
(from file names that are not UTF-8) are shown as escapes.

>>> print(safe("E1 \x1b]0;pwned\x07 ok\u009b2J"))
E1 \x1b]0;pwned\x07 ok\x9b2J
>>> print(safe("line\nnext\rcol"))
line\nnext\x0dcol
>>> print(safe("line\nnext", keep_newlines=True))
line
next
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

import click

if TYPE_CHECKING:
    from argmap.errors import ArgmapError
    from argmap.model import ArgumentMap

#: Exit code for bad input or usage: argmap.errors.EXIT_BAD_INPUT, kept here
#: as a number so that --help needs no import of the library.
EXIT_BAD_INPUT = 2

#: The default of --max-size, in MiB (argmap.fileio.DEFAULT_MAX_BYTES, kept
#: here as a number so that --help needs no import of the library).
DEFAULT_MAX_MIB = 64
#: The largest --max-size: 1 TiB, in MiB.
MAX_MIB = 1024 * 1024
#: The longest --timeout in seconds (argmap.drawing.output.MAX_TIMEOUT): 11.6 days.
MAX_TIMEOUT = 1e6

F = TypeVar("F", bound=Callable[..., object])

_CONTROL = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\ud800-\udfff]")
_CONTROL_KEEP_NL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


def _escape(m: re.Match[str]) -> str:
    code = ord(m.group())
    if code == 0x0A:
        return "\\n"
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8, kept by surrogateescape
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def safe(text: str, *, keep_newlines: bool = False) -> str:
    """``text`` fit to print on a terminal: control characters (but tab, and
    newline with ``keep_newlines``) become visible escapes such as ``\\x1b``."""
    pattern = _CONTROL_KEEP_NL if keep_newlines else _CONTROL
    return pattern.sub(_escape, text)


def say(text: str, *, err: bool = False, keep_newlines: bool = False) -> None:
    """``click.echo`` of ``text`` made :func:`safe` first."""
    click.echo(safe(text, keep_newlines=keep_newlines), err=err)


class FiniteRange(click.FloatRange):
    """A click.FloatRange that also refuses nan and infinity (FloatRange lets
    nan through, since no comparison with nan is true)."""

    name = "number"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        number = super().convert(value, param, ctx)
        if not math.isfinite(number):
            self.fail(f"{value!r} is not a finite number.", param, ctx)
        return number


def max_size_option(what: str) -> Callable[[F], F]:
    """The ``--max-size MIB`` option: the largest input file read."""
    return click.option(
        "--max-size",
        "max_size",
        type=FiniteRange(min=1 / 1024, max=MAX_MIB),
        default=DEFAULT_MAX_MIB,
        show_default=True,
        metavar="MIB",
        help=f"Refuse {what} larger than this many MiB (devices and pipes are never read).",
    )


def max_bytes(max_size: float) -> int:
    """--max-size (MiB) as bytes."""
    return int(max_size * 1024 * 1024)


def load_or_report(
    path: str, max_size: float = DEFAULT_MAX_MIB, *, command: str
) -> ArgumentMap | ArgmapError:
    """Load ``path``, for commands that go on to the next file when one is
    bad: on failure print the error's lines (``path:line:col: message``) to
    stderr and return the error, whose ``problems`` say what is wrong."""
    from argmap.errors import ArgmapError
    from argmap.formats import load

    try:
        return load(path, max_bytes=max_bytes(max_size))
    except ArgmapError as exc:
        for line in exc.lines(f"argmap {command}"):
            say(line, err=True)
        return exc
