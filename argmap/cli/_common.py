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

import contextlib
import math
import re
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any, TypeVar

import click

from argmap.i18n import LANGUAGES, N_, _, choose, using

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
            self.fail(_("{value} is not a finite number.").format(value=repr(value)), param, ctx)
        return number


_MAX_SIZE_HELP = {
    "map files": N_("Refuse map files larger than this many MiB (devices and pipes are never read)."),
    "articles": N_("Refuse articles larger than this many MiB (devices and pipes are never read)."),
}


def max_size_option(what: str) -> Callable[[F], F]:
    """The ``--max-size MIB`` option: the largest input file read (``what``:
    "map files" or "articles")."""
    return click.option(
        "--max-size",
        "max_size",
        type=FiniteRange(min=1 / 1024, max=MAX_MIB),
        default=DEFAULT_MAX_MIB,
        show_default=True,
        metavar="MIB",
        help=_MAX_SIZE_HELP[what],
    )


#: The help of --lang on the commands about a map.
LANG_HELP = N_("The language of messages and labels: ja or en (default: the map's lang, else the locale).")


def lang_option(help: str = LANG_HELP) -> Callable[[F], F]:
    """The ``--lang ja|en`` option: the language argmap speaks. The command
    group reads it before anything else (so --help and usage errors speak it
    too); a command about a map passes it to :func:`speaking`."""
    return click.option("--lang", type=click.Choice(LANGUAGES), default=None, help=help)


@contextlib.contextmanager
def speaking(lang: str | None, map_lang: str | None = None) -> Iterator[str]:
    """Speak ``lang`` (from --lang) when given, else the map's language, else
    the language already in force (the locale's)."""
    with using(choose(lang, map_lang) if (lang or map_lang) else None) as chosen:
        yield chosen


def _translate(text: str | None) -> str | None:
    return _(text) if text else text


class Localised:
    """For a click command or group: its help texts (its ``help=`` and its
    options' ``help=``, marked with N_) are shown in the language in force."""

    help: str | None
    short_help: str | None
    epilog: str | None
    params: list[click.Parameter]

    @contextlib.contextmanager
    def _localised(self) -> Iterator[None]:
        saved = (self.help, self.short_help, self.epilog)
        options = [(p, p.help) for p in self.params if isinstance(p, click.Option)]
        self.help, self.short_help, self.epilog = (_translate(t) for t in saved)
        for p, text in options:
            p.help = _translate(text)
        try:
            yield
        finally:
            self.help, self.short_help, self.epilog = saved
            for p, text in options:
                p.help = text

    def format_help(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        with self._localised():
            super().format_help(ctx, formatter)  # type: ignore[misc]

    def get_short_help_str(self, limit: int = 45) -> str:
        with self._localised():
            text: str = super().get_short_help_str(limit)  # type: ignore[misc]
            return text


class Command(Localised, click.Command):
    """A click command whose help is shown in the language in force."""


def command(**attrs: Any) -> Callable[[Callable[..., Any]], Command]:
    """``click.command`` making a :class:`Command` (help shown translated)."""
    return click.command(cls=Command, **attrs)


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
