"""``argmap grade KEY STUDENT...``: grade students' maps against the teacher's key."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import click

from argmap.cli import _common
from argmap.cli._common import (
    EXIT_BAD_INPUT,
    lang_option,
    load_or_report,
    max_size_option,
    output_format,
    safe,
    speaking,
)
from argmap.i18n import N_

if TYPE_CHECKING:
    from argmap.errors import ArgmapError
    from argmap.exercises.grading import Grade

#: The report's formats (argmap.exercises.report.FORMATS, kept here so that --help imports nothing of the library).
FORMATS = ("text", "json", "csv", "html")
#: The format an -o file's extension names.
EXTENSIONS = {".txt": ("text",), ".json": ("json",), ".csv": ("csv",), ".html": ("html",), ".htm": ("html",)}


@_common.command(
    help=N_(
        "Grade each STUDENT map against the teacher's KEY map: a score from 0 to 1 and "
        "questions that lead to what is missing, then a summary of the class.\n\n"
        "--format csv gives a table for a spreadsheet (one row per student, one column per element of "
        "the key); --format html gives a page for the class: the spread of scores, what the class "
        "found hardest, each student's feedback. With -o FILE the format follows the file's extension "
        "(.txt, .json, .csv, .html), and --format, when given too, must agree with it; without -o it goes "
        "to standard output.\n\n"
        "--hide WHAT says the students started from the worksheet made with argmap worksheet --hide WHAT "
        "(the same words or ids): each score then counts only what the worksheet hid, so a worksheet "
        "handed back unchanged scores 0 and one with everything found scores 1; a score is lowered in "
        "proportion to what the worksheet gave that the map no longer has. The feedback is the same.\n\n"
        "A student file that does not load is reported and the others are still graded. "
        "Exits 0 when every file loaded, 2 when any did not."
    )
)
@click.argument("key", type=_common.Path(dir_okay=True))
@click.argument("students", nargs=-1, required=True, type=_common.Path(dir_okay=True))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default=None,
    help=N_("Output format (default: from -o's extension, else text)."),
)
@click.option(
    "-o",
    "--output",
    default=None,
    metavar="FILE",
    help=N_("Write the report to FILE (.txt, .json, .csv or .html); - for standard output."),
)
@click.option(
    "--hide",
    default=None,
    metavar="WHAT",
    help=N_(
        "What the students' worksheet hid, as given to argmap worksheet --hide (a comma list): "
        "score only that."
    ),
)
@max_size_option("map files")
@lang_option()
def command(
    key: str,
    students: tuple[str, ...],
    *,
    fmt: str | None,
    output: str | None,
    hide: str | None,
    max_size: float,
    lang: str | None,
) -> None:
    """Grade each STUDENT map against the teacher's KEY map."""
    from argmap.errors import ArgmapError, ArgmapException
    from argmap.exercises import report as reports
    from argmap.exercises.grading import grade, hidden_scope
    from argmap.fileio import write_output

    to_stdout = output is None or output == "-"
    fmt = output_format(output, fmt, EXTENSIONS, default="text", bare="text")
    key_map = load_or_report(key, max_size, command="grade", lang=lang)
    if isinstance(key_map, ArgmapError):
        sys.exit(EXIT_BAD_INPUT)
    with speaking(lang, key_map.lang) as spoken:
        parts: tuple[str, ...] | None = None
        if hide is not None:
            try:
                parts, _scope = hidden_scope(key_map, hide.split(","))
            except ValueError as exc:
                raise ArgmapException(str(exc)) from None
        entries: list[tuple[str, Grade | ArgmapError]] = []
        for path in students:
            amap = load_or_report(path, max_size, command="grade", lang=lang or spoken)
            if isinstance(amap, ArgmapError):
                entries.append((path, amap))
            else:
                entries.append((path, grade(key_map, amap, lang=spoken, hide=parts)))
        report = reports.class_report(key, key_map, entries, hidden=parts)
        if fmt == "json":
            text = reports.to_json(report)
        elif fmt == "csv":
            text = reports.to_csv(report)
        elif fmt == "html":
            text = reports.to_html(report, key_map)
        else:
            text = reports.to_text(report)
    data = reports.encode(fmt, text)
    if not to_stdout:
        write_output(output or "", data, inputs=[key, *students])
    elif fmt in ("csv", "html") and not sys.stdout.isatty():
        # A file for a program (a spreadsheet, a browser): its bytes as they would be written.
        click.echo(data, nl=False)
    else:
        click.echo(safe(text.replace("\r\n", "\n"), keep_newlines=True), nl=False)
    if any(isinstance(result, ArgmapError) for _path, result in entries):
        sys.exit(EXIT_BAD_INPUT)
