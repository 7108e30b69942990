"""``argmap render FILE``: draw a map with Graphviz (svg, png, pdf or dot)."""

from __future__ import annotations

import sys
import warnings
from pathlib import Path
from typing import TYPE_CHECKING

import click

from argmap.cli._common import MAX_TIMEOUT, FiniteRange, max_bytes, max_size_option, say

if TYPE_CHECKING:
    from argmap.checks.diagnostic import Diagnostic

_FORMATS = ("svg", "png", "pdf", "dot")
_RANKDIRS = ("BT", "TB", "LR", "RL")
_ENGINES = ("dot", "neato", "fdp", "sfdp", "circo", "twopi", "osage", "patchwork")


@click.command()
@click.argument("file", type=click.Path(dir_okay=True))
@click.option(
    "-o",
    "--output",
    "out",
    type=click.Path(),
    help="Output file (default: FILE with .svg, or the --format's extension); - for standard output.",
)
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(_FORMATS),
    help="Output format (default: from -o's extension, else svg).",
)
@click.option(
    "--rankdir",
    type=click.Choice(_RANKDIRS, case_sensitive=False),
    default="BT",
    show_default=True,
    help="Direction: BT puts evidence at the bottom, the conclusion at the top.",
)
@click.option("--no-findings", is_flag=True, help="Do not run the checks; draw the map alone.")
@click.option(
    "--engine", type=click.Choice(_ENGINES), default="dot", show_default=True, help="Graphviz layout program."
)
@click.option("--legend", is_flag=True, help="Draw a legend of the visual grammar in the diagram.")
@click.option(
    "--width",
    type=click.IntRange(min=0),
    default=28,
    show_default=True,
    help="Line width of claim texts in columns (a Japanese character is 2; 0: no wrapping).",
)
@click.option(
    "--max-lines",
    type=click.IntRange(min=1),
    default=None,
    help="Cut claim texts after this many lines with '…' (the full text stays in the SVG tooltip).",
)
@click.option(
    "--timeout",
    type=FiniteRange(min=0, max=MAX_TIMEOUT, min_open=True),
    default=120.0,
    show_default=True,
    help="Seconds all of Graphviz's work for this command may take (layout and drawing together); "
    "Graphviz is then stopped and nothing is written.",
)
@click.option("-q", "--quiet", is_flag=True, help="Do not print the findings summary.")
@max_size_option("map files")
def command(  # noqa: PLR0917 (click passes the options by name)
    file: str,
    out: str | None,
    fmt: str | None,
    rankdir: str,
    no_findings: bool,
    engine: str,
    legend: bool,
    width: int,
    max_lines: int | None,
    timeout: float,
    quiet: bool,
    max_size: float,
) -> None:
    """Draw the map FILE with Graphviz and print the path written.

    By default writes FILE with its extension replaced by .svg, next to it,
    with the checks' findings drawn as badges, and prints a summary of the
    findings to stderr (not with --quiet). Exits 0 when the drawing is
    written, whatever the findings; 2 for a bad map, a missing Graphviz, a
    layout over the time limit or an output that cannot be written (no
    partial file is left). Writing --format dot needs no Graphviz.

    The output never replaces FILE itself, a read-only file or a device: a
    device or pipe such as /dev/null gets the bytes written into it, and
    -o - writes to standard output.

    Nothing is dropped silently: a text too long for a label is drawn
    shortened with its whole text in the SVG tooltip, and a warning is
    printed when a PNG or PDF cannot hold the rest or when Graphviz reports
    a problem (such as a PNG scaled down to fit cairo's size limit).
    Stopping argmap (Ctrl-C, SIGTERM) stops Graphviz too.
    """
    from argmap.checks import Config, check
    from argmap.checks.config import find_pyproject
    from argmap.drawing import RenderError, RenderOptions, RenderWarning, output_format, render
    from argmap.formats import load

    # Errors (a bad map or configuration, a failed drawing, an output that
    # cannot be written) are reported by the command group, as for every command.
    amap = load(file, max_bytes=max_bytes(max_size))
    if fmt is None:
        fmt = output_format(out) if out not in (None, "-") else "svg"
    # The name as typed: Path() would drop a trailing slash ("out.svg/").
    target = out if out is not None else str(Path(file).with_suffix("." + fmt))
    if out == "-" and fmt in ("png", "pdf") and sys.stdout.isatty():
        raise RenderError(
            f"standard output is a terminal, where a {fmt.upper()} would print as "
            f"garbage: name a file (-o map.{fmt}) or send it into a pipe"
        )
    findings = [] if no_findings else check(amap, config=Config.discover())
    options = RenderOptions(rankdir=rankdir.upper(), legend=legend, width=width, max_lines=max_lines)
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
        )
    for w in caught:
        if isinstance(w.message, RenderWarning):
            say(f"argmap render: warning: {w.message}", err=True)
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
    say(f"{file}: {summary(findings)} (drawn on the map)", err=True)
