"""The ``argmap`` command. Each subcommand lives in its own module here and is
imported only when it runs (or when ``--help`` lists it), so start-up stays fast.

Whatever the subcommand, the group makes sure that:

- an error argmap raises for something the user can fix (any
  :class:`~argmap.errors.ArgmapException`: bad input, a bad configuration,
  an unknown rule, a failed drawing, an output that cannot be written) is
  printed as its lines, prefixed with the command (``argmap render: ...``),
  and the command exits with the error's ``exit_code``;
- click's own messages (a usage error quoting what was typed) pass through
  :func:`~argmap.cli._common.safe`, so an argument cannot drive the terminal;
- SIGTERM and SIGHUP end the command through ``SystemExit`` (status 128 +
  the signal's number), so Graphviz is stopped and no temporary file is left;
- Ctrl-C ends it with status 130 and one line, not a traceback;
- a standard output that cannot be written (a full disk, a closed pipe) is
  one line and status 2, not a traceback.
"""

from __future__ import annotations

import contextlib
import errno
import importlib
import io
import os
import signal
import sys
import threading
from collections.abc import Iterator, Sequence
from types import FrameType
from typing import Any, NoReturn

import click
import click.core
import click.decorators
import click.exceptions
import click.formatting
import click.parser
import click.termui
import click.types
import click.utils

from argmap.cli._common import EXIT_BAD_INPUT, Localised, remember_group_lang, safe, say, wrap_text
from argmap.i18n import LANGUAGES, N_, _, current, ngettext, using

#: command name -> module defining ``command`` (a click.Command)
COMMANDS = {
    "render": "argmap.cli.render",
    "validate": "argmap.cli.validate",
    "check": "argmap.cli.check",
    "convert": "argmap.cli.convert",
    "explain": "argmap.cli.explain",
    "scaffold": "argmap.cli.scaffold",
    "serve": "argmap.cli.serve",
    "grade": "argmap.cli.grade",
    "worksheet": "argmap.cli.worksheet",
}

#: Exit status after Ctrl-C, as a shell reports a process stopped by SIGINT.
EXIT_INTERRUPTED = 128 + signal.SIGINT

#: Signals that stop the command; each becomes a SystemExit so that clean-up runs.
_STOP_SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))


def _raise_exit(signum: int, _frame: FrameType | None) -> None:
    raise SystemExit(128 + signum)


@contextlib.contextmanager
def _signals_stop() -> Iterator[None]:
    """While a command runs, SIGTERM and SIGHUP raise SystemExit (exit status
    128 + the signal's number, as the shell reports a process killed by it),
    so Graphviz is stopped and temporary files are removed; the previous
    handlers are restored afterwards. A signal the user had set to be
    ignored (``nohup``) stays ignored."""
    if threading.current_thread() is not threading.main_thread():
        yield  # signal handlers can be set only in the main thread
        return
    previous = {}
    for sig in _STOP_SIGNALS:
        handler = signal.getsignal(sig)
        if handler is signal.SIG_IGN:
            continue
        previous[sig] = handler
        signal.signal(sig, _raise_exit)
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def _output_failed(exc: OSError) -> int:
    """Standard output could not be written: say so (unless the reader simply
    left, as ``| head`` does) and make sure Python's final flush stays quiet."""
    with contextlib.suppress(Exception):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    if exc.errno != errno.EPIPE:
        with contextlib.suppress(Exception):
            click.echo(_("argmap: cannot write the output: {why}").format(why=_why(exc)), err=True)
    return EXIT_BAD_INPUT


def _why(exc: OSError) -> str:
    """Why ``exc`` happened, for a person, in the language in force."""
    from argmap.fileio import os_reason

    return os_reason(exc)


#: Errors of writing standard output: a closed pipe, a full disk, an I/O error.
_OUTPUT_ERRNOS = frozenset((errno.EPIPE, errno.ENOSPC, errno.EIO))


def _reader_left(exc: Exception) -> bool:
    """The program reading argmap's output closed the pipe (``| head``):
    nothing is wrong that the user should be told about."""
    return isinstance(exc, OSError) and exc.errno == errno.EPIPE


def _speak_through_click() -> None:
    """Click marks its own texts ("Usage:", "Show this message and exit.",
    "No such option") with gettext; send them through argmap's catalogues, so
    they are shown in the language in force like argmap's own."""
    for module in (
        click.core,
        click.decorators,
        click.exceptions,
        click.formatting,
        click.parser,
        click.termui,
        click.types,
        click.utils,
    ):
        if hasattr(module, "_"):
            module._ = _  # type: ignore[attr-defined]
        if hasattr(module, "ngettext"):
            module.ngettext = ngettext  # type: ignore[attr-defined]
    # Japanese help is wrapped by the columns a terminal draws, between characters.
    click.formatting.wrap_text = wrap_text


_speak_through_click()


def _lang_asked(args: Sequence[str]) -> str | None:
    """The language a ``--lang`` among ``args`` asks for (so that --help and
    usage errors speak it too), or None.

    >>> _lang_asked(["check", "m.yaml", "--lang", "ja"]), _lang_asked(["--lang=en"])
    ('ja', 'en')
    >>> _lang_asked(["scaffold", "a.txt", "--lang", "auto"]) is None
    True
    """
    for i, arg in enumerate(args):
        if arg == "--":
            break
        value = arg.removeprefix("--lang=") if arg.startswith("--lang=") else None
        if arg == "--lang" and i + 1 < len(args):
            value = args[i + 1]
        if value in LANGUAGES:
            return value
    return None


class _LazyGroup(Localised, click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        module = COMMANDS.get(cmd_name)
        if module is None:
            return None
        # Imported in English: what click makes at import time in the language in
        # force (the metavar FILE of a path) would otherwise keep the first
        # language for the life of the process. Help texts are translated when shown.
        with using("en"):
            command: click.Command = importlib.import_module(module).command
        return command

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except Exception as exc:
            # Imported here: argmap.errors needs attrs, which --help does not load.
            from argmap.errors import ArgmapException

            if isinstance(exc, ArgmapException) and not _reader_left(exc):
                prefix = " ".join(filter(None, ("argmap", ctx.invoked_subcommand)))
                for line in exc.lines(prefix):
                    say(line, err=True)
                raise SystemExit(exc.exit_code) from None
            if isinstance(exc, OSError) and exc.errno in _OUTPUT_ERRNOS:
                # Writing standard output failed (click would exit 1, the status of findings).
                raise SystemExit(_output_failed(exc)) from None
            raise

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        self._run(args, prog_name, complete_var, **extra)

    def _run(
        self, args: Sequence[str] | None, prog_name: str | None, complete_var: str | None, **extra: Any
    ) -> NoReturn:
        code: Any = 0
        asked = _lang_asked(sys.argv[1:] if args is None else list(args))
        with _signals_stop(), using(asked):
            try:
                rv = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
                code = rv if isinstance(rv, int) else 0
            except click.ClickException as exc:
                shown = io.StringIO()
                _in_words(exc).show(file=shown)
                click.echo(safe(shown.getvalue(), keep_newlines=True), err=True, nl=False)
                code = exc.exit_code
            except (click.Abort, KeyboardInterrupt):
                with contextlib.suppress(Exception):
                    click.echo("\n" + _("Aborted."), err=True)
                code = EXIT_INTERRUPTED
            except SystemExit as exc:
                code = exc.code
            except OSError as exc:  # writing standard output or error failed
                code = _output_failed(exc)
            try:
                sys.stdout.flush()
            except OSError as exc:
                code = _output_failed(exc)
        sys.exit(code)


#: What is missing, by the kind of parameter click names (its own words,
#: "Missing argument 'FILE'.", cannot be put in another order).
_MISSING = {
    "argument": N_("Missing argument {name}."),
    "option": N_("Missing option {name}."),
    "parameter": N_("Missing parameter {name}."),
}


def _in_words(exc: click.ClickException) -> click.ClickException:
    """``exc`` as it should be shown in the language in force. Click builds
    the message of a missing argument from pieces in English order ("Missing
    argument" + the name + "."); in another language it is said in one
    sentence instead. Anything else is shown as click says it."""
    if current() == "en" or not isinstance(exc, click.MissingParameter):
        return exc
    hint: Sequence[str] | str | None = exc.param_hint
    if hint is None and exc.param is not None:
        hint = exc.param.get_error_hint(exc.ctx)
    if hint is not None and not isinstance(hint, str):
        hint = " / ".join(repr(h) for h in hint)
    kind = exc.param_type or (exc.param.param_type_name if exc.param is not None else "parameter")
    if hint is None or kind not in _MISSING:
        return exc
    message = _(_MISSING[kind]).format(name=hint)
    extra = exc.message
    if exc.param is not None:
        choices = exc.param.type.get_missing_message(param=exc.param, ctx=exc.ctx)
        extra = " ".join(filter(None, (extra, choices)))
    return click.UsageError(" ".join(filter(None, (message, extra))), exc.ctx)  # exit status 2 as well


def _version() -> str:
    from argmap import __version__

    return __version__


@click.group(
    cls=_LazyGroup,
    context_settings={"help_option_names": ["-h", "--help"]},
    help=N_(
        "Map the reasoning of a text, check it for leaps and circles, draw it.\n\n"
        "Maps are *.argmap.yaml (or .json) files; see docs/format.md. "
        "Exit codes: 0 fine, 1 findings of error level (check), 2 bad input or usage, "
        "130 interrupted (Ctrl-C)."
    ),
)
@click.version_option(
    _version(),
    "--version",
    prog_name="argmap",
    message="%(prog)s %(version)s",
    help=N_("Show the version and exit."),
)
@click.option(
    "--lang",
    type=click.Choice(LANGUAGES),
    expose_value=False,  # read before the command line is parsed, by _lang_asked
    callback=remember_group_lang,  # and kept for the command: `argmap --lang en check m.yaml`
    help=N_("The language of messages and help: ja or en (default: the locale)."),
)
def main() -> None:
    """Map the reasoning of a text, check it for leaps and circles, draw it.

    Maps are *.argmap.yaml (or .json) files; see docs/format.md.
    Exit codes: 0 fine, 1 findings of error level (check), 2 bad input or usage,
    130 interrupted (Ctrl-C).
    """
