"""``argmap render FILE``: draw a map with Graphviz (svg, png, pdf, dot, or an HTML page)."""

from __future__ import annotations

import sys
import warnings
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from argmap.cli import _common
from argmap.cli._common import (
    MAX_TIMEOUT,
    FiniteRange,
    lang_option,
    max_bytes,
    max_size_option,
    notes_option,
    preset_option,
    say,
    speaking,
)
from argmap.i18n import N_, _

if TYPE_CHECKING:
    from argmap.checks.diagnostic import Diagnostic

_FORMATS = ("svg", "png", "pdf", "dot", "html")
_RANKDIRS = ("BT", "TB", "LR", "RL")
_ENGINES = ("dot", "neato", "fdp", "sfdp", "circo", "twopi", "osage", "patchwork")
#: argmap.drawing.PRESETS and PAPERS, named here so that --help needs no import of the library.
_PAPERS = ("a4", "a4-landscape", "a3", "a3-landscape", "letter", "letter-landscape")


@_common.command(
    help=N_(
        "Draw the map FILE with Graphviz and print the path written.\n\n"
        "By default writes FILE with its extension replaced by .svg, next to it, "
        "with the checks' findings drawn as badges (one per rule on each element, with their number), "
        "and prints a summary of the findings to stderr (not with --quiet). Exits 0 when the drawing "
        "is written, whatever the findings; 2 for a bad map, a missing Graphviz, a layout over the "
        "time limit or an output that cannot be written (no partial file is left). Writing "
        "--format dot needs no Graphviz.\n\n"
        "--format html writes one page that opens in any browser, without the internet: the drawing "
        "(drag to move, wheel, pinch or + and - to zoom), the findings (choose one to see where it is), "
        "each element in full with its note and source, and the reasoning written out as text.\n\n"
        "--preset chooses sizes for where the drawing is shown: screen (the default), projector "
        "(large text and thick lines for a classroom screen) or print (A4 landscape PDF pages); "
        "--font-size, --width, --line-width, --spacing, --ids/--no-ids and --paper override it. --notes draws the elements' "
        "notes: a numbered mark on each element, the notes listed under the map.\n\n"
        "The output never replaces FILE itself, a read-only file or a device: a device or pipe "
        "such as /dev/null gets the bytes written into it, and -o - writes to standard output.\n\n"
        "Nothing is dropped silently: a text too long for a label is drawn shortened with its "
        "whole text in the SVG tooltip, and a warning is printed when a PNG or PDF cannot hold "
        "the rest or when Graphviz reports a problem (such as a PNG scaled down to fit cairo's "
        "size limit). Stopping argmap (Ctrl-C, SIGTERM) stops Graphviz too."
    )
)
@click.argument("file", type=_common.Path(dir_okay=True))
@click.option(
    "-o",
    "--output",
    "out",
    type=_common.Path(),
    help=N_("Output file (default: FILE with .svg, or the --format's extension); - for standard output."),
)
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(_FORMATS),
    help=N_("Output format (default: from -o's extension, else svg)."),
)
@click.option(
    "--rankdir",
    type=click.Choice(_RANKDIRS, case_sensitive=False),
    default="BT",
    show_default=True,
    help=N_("Direction: BT puts evidence at the bottom, the conclusion at the top."),
)
@click.option("--no-findings", is_flag=True, help=N_("Do not run the checks; draw the map alone."))
@click.option(
    "--engine",
    type=click.Choice(_ENGINES),
    default="dot",
    show_default=True,
    help=N_("Graphviz layout program."),
)
@click.option("--legend", is_flag=True, help=N_("Draw a legend of the visual grammar in the diagram."))
@notes_option()
@preset_option(
    N_(
        "Sizes for where the drawing is shown: screen; projector (large text, thick lines); "
        "print (A4 landscape pages for PDF)."
    )
)
@click.option(
    "--font-size",
    "font_size",
    type=FiniteRange(min=4, max=200),
    default=None,
    metavar="POINTS",
    help=N_(
        "Size of claim texts in points; badges, ids, source lines and notes are scaled with it "
        "(default: from --preset, 12 for screen)."
    ),
)
@click.option(
    "--width",
    type=click.IntRange(min=0),
    default=None,
    metavar="COLUMNS",
    help=N_(
        "Line width of claim texts in columns (a Japanese character is 2; 0: no wrapping; "
        "default: from --preset, 28 for screen)."
    ),
)
@click.option(
    "--line-width",
    "line_width",
    type=FiniteRange(min=0.25, max=10),
    default=None,
    metavar="FACTOR",
    help=N_("Thickness of borders, edges and arrows, as a multiple (default: from --preset, 1 for screen)."),
)
@click.option(
    "--spacing",
    type=FiniteRange(min=0.1, max=10),
    default=None,
    metavar="FACTOR",
    help=N_(
        "Gaps between elements, as a multiple (default: from --preset, 1 for screen, 0.4 for projector)."
    ),
)
@click.option(
    "--ids/--no-ids",
    "show_ids",
    default=None,
    help=N_("Show or hide the elements' ids (default: from --preset, hidden for projector)."),
)
@click.option(
    "--paper",
    type=click.Choice(_PAPERS),
    default=None,
    help=N_(
        "Page size of a PDF, the drawing scaled down to fit one page (default: from --preset, a4-landscape for print)."
    ),
)
@click.option(
    "--max-lines",
    type=click.IntRange(min=1),
    default=None,
    metavar="LINES",
    help=N_("Cut claim texts after this many lines with '…' (the full text stays in the SVG tooltip)."),
)
@click.option(
    "--timeout",
    type=FiniteRange(min=0, max=MAX_TIMEOUT, min_open=True),
    default=120.0,
    show_default=True,
    help=N_(
        "Seconds all of Graphviz's work for this command may take (layout and drawing together); "
        "Graphviz is then stopped and nothing is written."
    ),
)
@click.option("-q", "--quiet", is_flag=True, help=N_("Do not print the findings summary."))
@lang_option()
@max_size_option("map files")
def command(  # noqa: PLR0917 (click passes the options by name)
    file: str,
    out: str | None,
    fmt: str | None,
    rankdir: str,
    no_findings: bool,
    engine: str,
    legend: bool,
    notes: bool,
    preset: str,
    font_size: float | None,
    width: int | None,
    line_width: float | None,
    spacing: float | None,
    show_ids: bool | None,
    paper: str | None,
    max_lines: int | None,
    timeout: float,
    quiet: bool,
    lang: str | None,
    max_size: float,
) -> None:
    """Draw the map FILE with Graphviz and print the path written (see the help above)."""
    from argmap.formats import load

    # Errors (a bad map or configuration, a failed drawing, an output that
    # cannot be written) are reported by the command group, as for every command.
    amap = load(file, max_bytes=max_bytes(max_size), lang=lang)
    with speaking(lang, amap.lang) as chosen:
        explicit: dict[str, Any] = {
            "fontsize": font_size,
            "width": width,
            "line_width": line_width,
            "spacing": spacing,
            "show_ids": show_ids,
            "paper": paper,
        }
        _draw(
            amap,
            file,
            out,
            fmt,
            no_findings=no_findings,
            quiet=quiet,
            engine=engine,
            timeout=timeout,
            lang=chosen,
            preset=preset,
            fields={
                "rankdir": rankdir.upper(),
                "legend": legend,
                "notes": notes,
                "max_lines": max_lines,
                **{k: v for k, v in explicit.items() if v is not None},
            },
        )


def _draw(
    amap: Any,
    file: str,
    out: str | None,
    fmt: str | None,
    *,
    no_findings: bool,
    quiet: bool,
    engine: str,
    timeout: float,
    lang: str,
    preset: str,
    fields: dict[str, Any],
) -> None:
    from argmap.checks import Config, check
    from argmap.checks.config import find_pyproject
    from argmap.drawing import RenderError, RenderOptions, RenderWarning, output_format, render

    if fmt is None:
        fmt = output_format(out) if out not in (None, "-") else "svg"
    # The name as typed: Path() would drop a trailing slash ("out.svg/").
    target = out if out is not None else str(Path(file).with_suffix("." + fmt))
    if out == "-" and fmt in ("png", "pdf") and sys.stdout.isatty():
        raise RenderError(
            _(
                "standard output is a terminal, where a {format} would print as "
                "garbage: name a file (-o map.{extension}) or send it into a pipe"
            ).format(format=fmt.upper(), extension=fmt)
        )
    findings = [] if no_findings else check(amap, config=Config.discover(), lang=lang)
    options = RenderOptions.from_preset(preset, **fields)
    config = find_pyproject()
    inputs: list[str | Path] = [file] if config is None else [file, config]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", RenderWarning)
        written = render(
            amap,
            target,
            fmt,
            findings=findings,
            options=options,
            engine=engine,
            timeout=timeout,
            inputs=inputs,
            lang=lang,
        )
    for w in caught:
        if isinstance(w.message, RenderWarning):
            say(_("argmap render: warning: {message}").format(message=w.message), err=True)
        else:
            warnings.showwarning(w.message, w.category, w.filename, w.lineno)
    if out != "-":
        say(str(written))
    if not quiet and not no_findings:
        _summary(file, findings)


def _summary(file: str, findings: list[Diagnostic]) -> None:
    """The findings, one line each as ``argmap check`` prints them, then the counts."""
    from argmap.checks.output import summary, text_line

    for d in findings:
        say(text_line(d, file), err=True)
    say(_("{file}: {summary} (drawn on the map)").format(file=file, summary=summary(findings)), err=True)
