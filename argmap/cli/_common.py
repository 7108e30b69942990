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
import copy
import math
import re
from collections.abc import Callable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, TypeVar

import click
import click.formatting

from argmap.i18n import LANGUAGES, N_, _, choose, using

if TYPE_CHECKING:
    from argmap.errors import ArgmapError, Problem
    from argmap.formats import Imported
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


class Path(click.Path):
    """A ``click.Path`` whose errors name a file, folder or path in the
    language in force ("File 'x' is a directory."): click names it when the
    type is made, at import, which is done in English."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        named = copy.copy(self)  # the type is shared; its name is said anew for this value
        named.name = _(self.name)
        return click.Path.convert(named, value, param, ctx)


#: Texts click shows through gettext without marking them (it translates a
#: variable), so that no extractor finds them: marked here, to be in argmap's catalogue.
CLICK_UNMARKED = (N_("required"),)


#: The presets of argmap.drawing.PRESETS, kept here so that --help imports nothing of the library.
PRESETS = ("screen", "projector", "print")


def preset_option(help: str) -> Callable[[F], F]:
    """The ``--preset`` option of the commands that draw a map; ``help`` marked with N_."""
    return click.option(
        "--preset", type=click.Choice(PRESETS), default="screen", show_default=True, help=help
    )


def notes_option() -> Callable[[F], F]:
    """The ``--notes`` option of the commands that draw a map (render, serve)."""
    return click.option(
        "--notes",
        is_flag=True,
        help=N_(
            "Draw the notes: a numbered mark on each element that has one, the notes listed under the map."
        ),
    )


#: The formats a map file may be in (argmap.formats.FORMATS, kept here so
#: that --help needs no import of the library).
MAP_FORMATS = ("yaml", "json", "argdown", "aif", "microtexts")
#: The ends of file names that name a map's format (the longest first): the
#: formats each admits, the first the one written.
MAP_EXTENSIONS = {
    ".argmap.yaml": ("yaml",),
    ".argmap.yml": ("yaml",),
    ".argmap.json": ("json",),
    ".aif.json": ("aif",),
    ".argdown": ("argdown",),
    ".json": ("json", "aif"),
    ".xml": ("microtexts",),
    ".yaml": ("yaml",),
    ".yml": ("yaml",),
}


def from_option() -> Callable[[F], F]:
    """The ``--from FORMAT`` option: the format of the map files read, when
    their names do not tell it."""
    return click.option(
        "--from",
        "from_",
        type=click.Choice(MAP_FORMATS),
        default=None,
        help=N_(
            "The format of the map files: yaml or json (argmap's), argdown, aif or microtexts "
            "(default: from each file's extension; a .json file with AIF's nodes is read as AIF, "
            "a .xml file as the microtexts' arggraph)."
        ),
    )


def output_format(
    out: str | None,
    asked: str | None,
    extensions: Mapping[str, tuple[str, ...]],
    *,
    default: str,
    option: str = "--format",
    bare: str | None = None,
) -> str:
    """The format to write the file ``out`` in: ``asked`` (the command's
    ``option``), which must agree with the end of ``out``'s name; else the
    format that end names (``extensions``: name ends, the longest first,
    with the formats each admits, the first the one written); ``default``
    for standard output (no ``out``, or ``-``); ``bare`` for a name with no
    extension (refused when None, as a name whose end names no format).

    A contradiction or a name that tells nothing is refused in one line
    (``argmap COMMAND: …``, exit 2) before anything is read or written.
    """
    from argmap.errors import ArgmapException

    if out is None or out == "-":
        return asked or default
    name = out.lower()
    implied = next((formats for end, formats in extensions.items() if name.endswith(end)), None)
    if asked is not None:
        if implied is not None and asked not in implied:
            raise ArgmapException(
                _("{option} {format} contradicts the extension of {path}: use the same in both").format(
                    option=option, format=asked, path=out
                )
            )
        return asked
    if implied is not None:
        return implied[0]
    if bare is not None and "." not in name.rsplit("/", 1)[-1]:
        return bare
    raise ArgmapException(
        _("cannot tell the format from the name {path}: end it in {extensions}, or give {option}").format(
            path=out, extensions=", ".join(extensions), option=option
        )
    )


def warning_lines(problems: tuple[Problem, ...]) -> list[str]:
    """What another tool's format held that argmap cannot represent, a line
    each: ``file:line:col: warning: message``, in the language in force."""
    return [warning_line(p.location or "?", p.message) for p in problems]


def warning_line(place: object, message: str) -> str:
    """``place: warning: message`` (``place``: where, as text), in the language in force."""
    return _("{place}: warning: {message}").format(place=place, message=message)


#: The help of --lang on the commands about a map.
LANG_HELP = N_("The language of messages and labels: ja or en (default: the map's lang, else the locale).")


def lang_option(help: str = LANG_HELP) -> Callable[[F], F]:
    """The ``--lang ja|en`` option: the language argmap speaks. The command
    group reads it before anything else (so --help and usage errors speak it
    too); a command about a map passes it to :func:`speaking`."""
    return click.option("--lang", type=click.Choice(LANGUAGES), default=None, help=help)


#: The key in ``click.Context.meta`` (shared by a command and its group) of
#: the language asked for by the group's own --lang (``argmap --lang en check m.yaml``).
GROUP_LANG = "argmap.lang"


def remember_group_lang(ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    """Callback of the group's --lang: keep the language for the command."""
    if value is not None:
        ctx.meta[GROUP_LANG] = value
    return value


def asked_lang(lang: str | None = None) -> str | None:
    """The language asked for: the command's --lang (``lang``), else the
    group's (``argmap --lang ja COMMAND``), else None."""
    if lang is not None:
        return lang
    ctx = click.get_current_context(silent=True)
    value = ctx.meta.get(GROUP_LANG) if ctx is not None else None
    return value if isinstance(value, str) else None


@contextlib.contextmanager
def speaking(lang: str | None, map_lang: str | None = None) -> Iterator[str]:
    """Speak ``lang`` (from the command's --lang, else the group's) when
    given, else the map's language, else the language already in force (the
    locale's)."""
    lang = asked_lang(lang)
    with using(choose(lang, map_lang) if (lang or map_lang) else None) as chosen:
        yield chosen


def _translate(text: str | None) -> str | None:
    return _(text) if text else text


# ------------------------------------------------------- Japanese help text

#: Characters a line may not start with (Japanese line-breaking rules):
#: closing brackets, punctuation, small kana, the long vowel mark.
_NO_LINE_START = frozenset(
    ":;,.!?%、。，．・：；？！ー）」』】〕〉》”’)]}…‥ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ々〜"
)
#: Characters a line may not end with: opening brackets.
_NO_LINE_END = frozenset("「『（【〔〈《“‘([{")
#: A run of spaces, a run of other ASCII characters (a word, an option, a
#: path), or any other single character (each Japanese character may end a line).
_TOKEN = re.compile(r"\s+|[!-~]+|.", re.DOTALL)


def _is_wide(text: str) -> bool:
    from argmap.support import char_width

    return not text.isascii() and any(char_width(ch) == 2 for ch in text)


def _tokens(text: str) -> list[str]:
    """The pieces of ``text`` a line may break between, Japanese rules kept."""
    out: list[str] = []
    glue = False  # the previous piece may not end a line
    for piece in _TOKEN.findall(text):
        if out and not piece.isspace() and (glue or piece[0] in _NO_LINE_START):
            out[-1] += piece
        else:
            out.append(piece)
        glue = not piece.isspace() and piece[-1] in _NO_LINE_END
    return out


def _fill(text: str, width: int, first: str, rest: str) -> list[str]:
    """``text`` in lines of at most ``width`` columns (a piece longer than a
    line gets a line of its own), the first line after ``first``, the others
    after ``rest``."""
    from argmap.support import display_width

    lines: list[str] = []
    line, used = first, display_width(first)
    empty = True
    for piece in _tokens(text):
        if piece.isspace():
            if not empty:
                line, used = line + piece, used + len(piece)
            continue
        size = display_width(piece)
        if not empty and used + size > width:
            lines.append(line.rstrip())
            line, used = rest, display_width(rest)
        line, used, empty = line + piece, used + size, False
    lines.append(line.rstrip())
    return lines


def wrap_text(
    text: str,
    width: int = 78,
    initial_indent: str = "",
    subsequent_indent: str = "",
    preserve_paragraphs: bool = False,
) -> str:
    """click's ``wrap_text`` for text with Japanese (wide) characters: lines
    are measured in the columns a terminal draws (two for a Japanese
    character) and may break between two Japanese characters, never before
    「、。」」 nor after 「「」. Text without wide characters is left to click.

    >>> print(wrap_text("日本語の文はどこでも折り返せますが、句読点で行を始めません。", 20))
    日本語の文はどこでも
    折り返せますが、句読
    点で行を始めません。
    """
    if not _is_wide(text):
        return _CLICK_WRAP_TEXT(text, width, initial_indent, subsequent_indent, preserve_paragraphs)
    text = text.expandtabs()
    if not preserve_paragraphs:
        return "\n".join(_fill(" ".join(text.split("\n")), width, initial_indent, subsequent_indent))
    paragraphs: list[tuple[int, bool, list[str]]] = []
    for block in re.split(r"\n\s*\n", text):
        lines = [ln for ln in block.split("\n") if ln.strip()]
        if not lines:
            continue
        raw = lines[0].strip() == "\b"
        if raw:
            lines = lines[1:]
        indent = len(lines[0]) - len(lines[0].lstrip()) if lines else 0
        paragraphs.append((indent, raw, lines))
    out = []
    for indent, raw, lines in paragraphs:
        first, rest = initial_indent + " " * indent, subsequent_indent + " " * indent
        if raw:
            out.append("\n".join((first if i == 0 else rest) + ln for i, ln in enumerate(lines)))
        else:
            out.append("\n".join(_fill(" ".join(ln.strip() for ln in lines), width, first, rest)))
    return "\n\n".join(out)


_CLICK_WRAP_TEXT = click.formatting.wrap_text


def short_help(text: str, limit: int) -> str:
    """The first sentence of a help text with Japanese characters, for the
    list of commands, shortened at a 、 (else anywhere) with … to fit ``limit`` columns.

    >>> short_help("地図を読み込み、問題を示します。詳しくは…", 40)
    '地図を読み込み、問題を示します。'
    >>> short_help("地図を読み込み、問題を示します。", 20)
    '地図を読み込み、…'
    """
    from argmap.support import display_width

    first = " ".join(text.partition("\n\n")[0].split())
    end = first.find("。")
    if end >= 0:
        first = first[: end + 1]
    if display_width(first) <= limit:
        return first
    cut = first
    while cut and display_width(cut) + 1 > limit:
        comma = cut.rfind("、", 0, len(cut) - 1)
        cut = cut[: comma + 1] if comma > 0 and display_width(cut[: comma + 1]) + 1 <= limit else cut[:-1]
    return cut + "…"


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

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        # click makes the help option once per command and keeps it: its text
        # is said again each time, in the language in force.
        option: click.Option | None = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:
            option.help = _("Show this message and exit.")
        return option

    def get_short_help_str(self, limit: int = 45) -> str:
        with self._localised():
            if not self.short_help and self.help and _is_wide(self.help):
                return short_help(self.help, limit)
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


def read_map(
    path: str,
    max_size: float = DEFAULT_MAX_MIB,
    *,
    lang: str | None = None,
    from_: str | None = None,
) -> Imported | ArgmapError:
    """Read the map file ``path`` in any format (``from_``, else as its name
    and bytes tell): the map with what another tool's format held that argmap
    cannot represent, or the error saying why it cannot be read.

    ``lang`` (from --lang, else the group's --lang) is the language of the
    messages; None lets the loader speak the map's own ``lang``, else the
    language in force.
    """
    from argmap.errors import ArgmapError
    from argmap.formats import read

    try:
        return read(path, from_, max_bytes=max_bytes(max_size), lang=asked_lang(lang))  # type: ignore[arg-type]
    except ArgmapError as exc:
        return exc


def read_lines(read: Imported | ArgmapError, *, command: str, lang: str | None = None) -> list[str]:
    """What to print on stderr about a file :func:`read_map` read: the error's
    ``path:line:col: message`` lines, or a warning line for each thing its
    format held that argmap cannot represent (in ``lang``, else the language in force)."""
    from argmap.errors import ArgmapError

    if isinstance(read, ArgmapError):
        return read.lines(f"argmap {command}")
    with speaking(lang):
        return warning_lines(read.warnings)


def load_map(
    path: str, max_size: float = DEFAULT_MAX_MIB, *, lang: str | None = None, from_: str | None = None
) -> ArgumentMap:
    """:func:`read_map` for a command that stops at a file that cannot be
    read: its error is raised (the command group reports it, exit 2), and a
    warning for each thing its format held that argmap cannot represent is
    printed on stderr."""
    from argmap.formats import read

    imported = read(path, from_, max_bytes=max_bytes(max_size), lang=asked_lang(lang))  # type: ignore[arg-type]
    with speaking(lang):
        for line in warning_lines(imported.warnings):
            say(line, err=True)
    return imported.map


def load_or_report(
    path: str,
    max_size: float = DEFAULT_MAX_MIB,
    *,
    command: str,
    lang: str | None = None,
    from_: str | None = None,
) -> ArgumentMap | ArgmapError:
    """:func:`read_map`, printing :func:`read_lines` on stderr, for commands
    that go on to the next file when one is bad: the map, or the error whose
    ``problems`` say what is wrong."""
    from argmap.errors import ArgmapError

    result = read_map(path, max_size, lang=lang, from_=from_)
    for line in read_lines(result, command=command, lang=lang):
        say(line, err=True)
    return result if isinstance(result, ArgmapError) else result.map
