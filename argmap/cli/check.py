"""``argmap check FILE...``: run the rules and report findings."""

from __future__ import annotations

import contextlib
import functools
import json
import os
import re
import sys
from collections import Counter
from collections.abc import Generator, Iterator
from typing import TYPE_CHECKING, Any, NamedTuple

import click

from argmap.cli import _common
from argmap.cli._common import (
    EXIT_BAD_INPUT,
    MAP_EXTENSIONS,
    asked_lang,
    from_option,
    lang_option,
    max_size_option,
    read_lines,
    read_map,
    safe,
    say,
    speaking,
    warning_line,
)
from argmap.cli._pool import cores, ordered
from argmap.i18n import N_, _, ngettext

if TYPE_CHECKING:
    from argmap.checks import Config
    from argmap.errors import ArgmapError

_COLOURS = {"error": "red", "warning": "yellow", "info": "cyan"}

# json.dumps escapes C0 controls; DEL, C1 controls and unpaired surrogates
# (from file names that are not UTF-8) would still reach the terminal raw.
_JSON_UNSAFE = re.compile("[\x7f-\x9f\ud800-\udfff]")


def _json_escape(m: re.Match[str]) -> str:
    return f"\\u{ord(m.group()):04x}"


def _split(values: tuple[str, ...]) -> list[str] | None:
    if not values:
        return None
    return [v.strip() for value in values for v in value.split(",") if v.strip()]


@_common.command(
    help=N_(
        "Check each map FILE for leaps, circular reasoning and weak evidence.\n\n"
        "A FILE may be in argmap's format, in Argdown, in AIF JSON or in the argumentative microtexts' XML "
        "(see --from), or a folder: every "
        "map file in it and its subfolders is checked. Many files are checked in parallel, one process "
        "per core (see --jobs), and end with one summary of them all.\n\n"
        "Rules and thresholds can also be set in [tool.argmap] of the nearest "
        "pyproject.toml. `argmap explain` lists the rules.\n\n"
        "Exits 0 when there is no error-level finding (nor warning, with "
        "--strict), 1 when there is, 2 on bad input or usage."
    )
)
@click.argument("files", nargs=-1, required=True, type=_common.Path(dir_okay=True))
@click.option(
    "--select",
    multiple=True,
    metavar="RULES",
    help=N_("Run only these rules: names, codes or families (AM1), comma-separated or repeated."),
)
@click.option("--ignore", multiple=True, metavar="RULES", help=N_("Do not run these rules."))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help=N_("text: path:line:col: CODE name: message; json: see docs/checks.md."),
)
@click.option("--strict", is_flag=True, help=N_("Exit 1 on warnings too."))
@click.option(
    "--statistics",
    is_flag=True,
    help=N_("After the findings, count them by rule (how many, in how many files)."),
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1, max=1024),
    default=None,
    metavar="N",
    help=N_("Check in N processes at once (default: one per core, when there are many files)."),
)
@from_option()
@max_size_option("map files")
@lang_option()
def command(  # noqa: PLR0917 (click passes the options by name)
    files: tuple[str, ...],
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    fmt: str,
    strict: bool,
    statistics: bool,
    jobs: int | None,
    from_: str | None,
    max_size: float,
    lang: str | None,
) -> None:
    """Check each map FILE; the help above says what it does and how it exits."""
    from argmap.checks import Config, UnknownRuleError, select_rules
    from argmap.checks.output import JSON_VERSION

    sel, ign = _split(select), _split(ignore)
    lang = asked_lang(lang)  # the group's --lang too: the workers have no command line
    with speaking(lang):  # no map yet: --lang, else the locale
        config = Config.discover()
        try:
            select_rules(sel, None, config)
        except UnknownRuleError as exc:
            raise click.BadParameter(str(exc), param_hint="'--select'") from None
        try:
            select_rules(None, ign, config)
        except UnknownRuleError as exc:
            raise click.BadParameter(str(exc), param_hint="'--ignore'") from None
        unread: list[str] = []
        paths = _unique(_expand(files, from_, unread))
        for line in unread:
            say(line, err=True)

    task = _Task(sel, ign, config, fmt, strict, max_size, from_, lang)
    total = _Total()
    report: list[dict[str, Any]] = []
    with contextlib.closing(_run(task, paths, jobs)) as checked:  # closed on Ctrl-C too: no worker left
        for done in checked:
            for line in done.err:
                say(line, err=True)
            for line in done.out:
                click.echo(line)
            if len(paths) == 1 and done.loaded and fmt == "text":
                click.echo(click.style(safe(f"{done.path}: {done.summary}"), dim=True))
            report.append(done.entry)
            total.add(done)
    with speaking(lang):
        if fmt == "json":
            document = {"version": JSON_VERSION, "files": report, "summary": total.json()}
            text = json.dumps(document, ensure_ascii=False, indent=2)
            click.echo(_JSON_UNSAFE.sub(_json_escape, text))
        else:
            lines = total.lines(summary=len(paths) > 1, statistics=statistics)
            for line in lines:
                click.echo(click.style(safe(line), dim=True))
    if total.bad:
        sys.exit(EXIT_BAD_INPUT)
    if total.failed:
        sys.exit(1)


#: Below this many files, or this many bytes in all, checking in one process is quicker than
#: starting others (bench/bench_interop.py: 100 AIF files of 5 KB take 0.24 s in one process,
#: 0.29 s in two; 1,000 take 0.88 s and 0.55 s).
POOL_FROM = 8
POOL_FROM_BYTES = 1 << 20


class _Task(NamedTuple):
    """What every file is checked with (sent to each worker process)."""

    select: list[str] | None
    ignore: list[str] | None
    config: Config
    fmt: str
    strict: bool
    max_size: float
    from_: str | None
    lang: str | None


class _Done(NamedTuple):
    """What checking one file gave: the lines to print, its JSON entry, its counts."""

    path: str
    loaded: bool
    failed: bool
    out: list[str]
    err: list[str]
    entry: dict[str, Any]
    summary: str
    #: (rule code, rule name) of each finding
    rules: list[tuple[str, str]]


def _check_file(task: _Task, path: str) -> _Done:
    """Read and check one file: the same in a worker process as in this one.
    A failure of argmap's own on the file is that file's error, never a
    traceback, and the other files are still checked."""
    try:
        return _check_one(task, path)
    except Exception as exc:  # a bug on one hostile file must not stop the others
        return _failed(task, path, f"{type(exc).__name__}: {exc}")


def _unread(path: str, error: ArgmapError, err: list[str]) -> _Done:
    """What a file that cannot be read gives: its problems, no findings."""
    from argmap.checks.output import counts, problem_json

    entry = {
        "file": path,
        "loaded": False,
        "findings": [],
        "summary": counts([]),
        "problems": [problem_json(p) for p in error.problems],
        "warnings": [],
    }
    return _Done(path, False, False, [], err, entry, "", [])


def _failed(task: _Task, path: str, reason: str) -> _Done:
    """The file on which argmap itself failed (``reason``: the error, or how
    its process ended), reported as that file's problem."""
    from argmap.errors import ArgmapError, Location, Problem

    with speaking(task.lang):
        message = _(
            "argmap failed on this file ({reason}); the other files are checked. "
            "Please report it, with the file, to argmap's authors"
        ).format(reason=reason)
        error = ArgmapError([Problem(message, Location(path, 1, 1))])
        return _unread(path, error, error.lines("argmap check"))


def _check_one(task: _Task, path: str) -> _Done:
    from argmap.checks import check
    from argmap.checks.engine import unknown_ignores
    from argmap.checks.output import counts, diagnostic_json, place, problem_json, rule_label, summary
    from argmap.errors import ArgmapError

    read = read_map(path, task.max_size, lang=task.lang, from_=task.from_)
    err = read_lines(read, command="check", lang=task.lang)
    if isinstance(read, ArgmapError):
        return _unread(path, read, err)
    amap = read.map
    failing = {"error"} | ({"warning"} if task.strict else set())
    with speaking(task.lang, amap.lang) as speaks:
        for location, message in unknown_ignores(amap, lang=speaks):
            err.append(warning_line(place(path, location), message))
        found = check(amap, select=task.select, ignore=task.ignore, config=task.config, lang=speaks)
        out = []
        if task.fmt == "text":
            for d in found:
                where = safe(place(path, d.location))
                rule = click.style(rule_label(d), fg=_COLOURS[d.severity.value], bold=True)
                out.append(f"{click.style(where, bold=True)}: {rule}: {safe(d.message)}")
        entry = {
            "file": path,
            "loaded": True,
            "findings": [diagnostic_json(d) for d in found] if task.fmt == "json" else [],
            "summary": counts(found),
            "problems": [],
            "warnings": [problem_json(w) for w in read.warnings],
        }
        failed = any(d.severity.value in failing for d in found)
        return _Done(path, True, failed, out, err, entry, summary(found), [(d.code, d.name) for d in found])


def _run(task: _Task, paths: list[str], jobs: int | None) -> Generator[_Done]:
    """Each file checked, in the order given: in this process, or in ``jobs``
    worker processes (by default one per core when there are many files)."""
    workers = jobs if jobs is not None else (cores() if _worth_a_pool(paths) else 1)
    workers = min(workers, len(paths))
    if workers <= 1:
        for path in paths:
            yield _check_file(task, path)
        return
    yield from ordered(functools.partial(_check_file, task), paths, workers, functools.partial(_failed, task))


def _worth_a_pool(paths: list[str]) -> bool:
    """Whether so much is to be read that other processes pay for their start."""
    if len(paths) < POOL_FROM:
        return False
    total = 0
    for path in paths:
        with contextlib.suppress(OSError):
            total += os.stat(path).st_size
        if total >= POOL_FROM_BYTES:
            return True
    return False


def _expand(files: tuple[str, ...], from_: str | None, unread: list[str]) -> Iterator[str]:
    """The files to check: each FILE given, and for a folder the map files in
    it and its subfolders (sorted; hidden folders and links to folders are
    not entered). A map file is one whose name ends as a map format's does
    (an .xml file only when it is an arggraph), or with --from, as that format's files do.
    A subfolder that cannot be read is a warning line in ``unread``."""
    ends = tuple(
        end
        for end, formats in MAP_EXTENSIONS.items()
        if from_ in formats or (from_ is None and formats != ("microtexts",))
    )

    def refused(exc: OSError) -> None:
        from argmap.fileio import os_reason

        unread.append(
            warning_line(
                os.fsdecode(exc.filename) if exc.filename is not None else "?",
                _("this folder cannot be read ({reason}); the map files in it are not checked").format(
                    reason=os_reason(exc)
                ),
            )
        )

    for given in files:
        if not os.path.isdir(given):
            yield given
            continue
        found: list[str] = []
        for folder, subfolders, names in os.walk(given, onerror=refused):
            subfolders[:] = sorted(d for d in subfolders if not d.startswith("."))
            for name in names:
                path = os.path.join(folder, name)
                by_name = name.lower().endswith(ends)
                # the name first (no file is touched for it); a regular file only (a FIFO is never opened)
                if (by_name or (from_ is None and _arggraph(path))) and os.path.isfile(path):
                    found.append(path)
        if not found:
            yield given  # reported: a folder with no map file in it
        yield from sorted(found)


def _unique(paths: Iterator[str]) -> list[str]:
    """``paths`` without the files named twice (a file given twice, or given
    and in a folder given, a folder given twice, a link to a file given): each
    is checked once, under the name it first came by."""
    seen: set[object] = set()
    kept = []
    for path in paths:
        try:
            info = os.stat(path)
            same: object = (info.st_dev, info.st_ino)
        except (OSError, ValueError):
            same = os.path.normpath(path)
        if same not in seen:
            seen.add(same)
            kept.append(path)
    return kept


def _arggraph(path: str) -> bool:
    """An XML file of the argumentative microtexts (its start names the root ``<arggraph``)."""
    if not path.lower().endswith(".xml") or not os.path.isfile(path):
        return False
    try:
        with open(path, "rb") as f:
            return b"<arggraph" in f.read(4096)
    except OSError:
        return False


class _Total:
    """All the files' findings together, for the one summary."""

    def __init__(self) -> None:
        self.files = self.loaded = 0
        self.bad = self.failed = False
        self.severities: Counter[str] = Counter({"error": 0, "warning": 0, "info": 0})
        self.rules: Counter[str] = Counter()
        self.rule_files: Counter[str] = Counter()
        self.names: dict[str, str] = {}

    def add(self, done: _Done) -> None:
        self.files += 1
        self.loaded += done.loaded
        self.bad |= not done.loaded
        self.failed |= done.failed
        self.severities.update(done.entry["summary"])
        for code, name in done.rules:
            self.rules[code] += 1
            self.names.setdefault(code, name)
        self.rule_files.update({code for code, _label in done.rules})

    def json(self) -> dict[str, Any]:
        return {
            "files": self.files,
            "loaded": self.loaded,
            "findings": dict(self.severities),
            "rules": dict(sorted(self.rules.items())),
        }

    def lines(self, *, summary: bool, statistics: bool) -> list[str]:
        """The summary of all the files (in the language in force), and with
        ``statistics`` the findings by rule."""
        from argmap.checks.output import code_label, summary_of_counts

        lines = []
        if summary:
            checked = ngettext("{count} file checked", "{count} files checked", self.files).format(
                count=self.files
            )
            lines.append(
                _("{files}: {findings}").format(files=checked, findings=summary_of_counts(self.severities))
            )
        if summary and self.files > self.loaded:
            bad = self.files - self.loaded
            lines.append(
                ngettext(
                    "{count} file could not be read (see the messages above)",
                    "{count} files could not be read (see the messages above)",
                    bad,
                ).format(count=bad)
            )
        if statistics:
            width = len(str(max(self.rules.values(), default=0)))
            for code, count in sorted(self.rules.items(), key=lambda item: (-item[1], item[0])):
                files = self.rule_files[code]
                where = ngettext("(in {count} file)", "(in {count} files)", files).format(count=files)
                lines.append(f"{count:>{width}}  {code_label(code, self.names[code])}  {where}")
        return lines
