"""``argmap render FILE``: draw a map with Graphviz (svg, png, pdf, dot, or an HTML page)."""

from __future__ import annotations

import contextlib
import sys
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from argmap.cli import _common
from argmap.cli._common import (
    MAX_TIMEOUT,
    FiniteRange,
    from_option,
    lang_option,
    load_map,
    max_size_option,
    notes_option,
    preset_option,
    say,
    speaking,
)
from argmap.i18n import N_, _, ngettext

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
        "Views draw part of a large map. --focus ID[,ID...] draws the named elements and what "
        "supports and attacks them, --depth steps back (default 2); --select kind:NAME, tag:NAME or "
        "finding:RULE draws what it names and the inferences and attacks between them. An element "
        "with supports or attacks left out is marked +N: how many elements lie beyond. A view is "
        "written as FILE.focus.svg or FILE.select.svg unless -o is given, and shows the findings of "
        "the whole map on the elements drawn. --split OUTDIR writes one diagram per final "
        "conclusion into the folder OUTDIR, with an index.html that links them. --group-by tag "
        "draws the claims of each tag in a box of the tag's colour ([tool.argmap.render] tag-colors "
        "in pyproject.toml sets them).\n\n"
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
    default=None,
    help=N_(
        "Graphviz layout program (default: dot, in layers; a map of more than 3,000 elements is laid out "
        "by sfdp, in seconds instead of minutes, unless --engine is given)."
    ),
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
@click.option(
    "--focus",
    "focus_ids",
    multiple=True,
    metavar="ID[,ID...]",
    help=N_("Draw only these elements and what supports and attacks them, up to --depth steps back."),
)
@click.option(
    "--depth",
    type=int,
    default=None,
    metavar="N",
    help=N_(
        "With --focus: how many steps back to draw (default 2; 0: the named elements alone). One step "
        "from a claim is the inferences that conclude it with their premises, and the attacks on it."
    ),
)
@click.option(
    "--select",
    "selections",
    multiple=True,
    metavar="kind:NAME|tag:NAME|finding:RULE",
    help=N_(
        "Draw only the claims of a kind, the elements with a tag, or the elements of a rule's findings "
        "(finding:circular-support draws the circle), with the inferences and attacks between them. "
        "Give it again to draw more."
    ),
)
@click.option(
    "--group-by",
    "group_by",
    type=click.Choice(("tag",)),
    default=None,
    help=N_(
        "Draw the claims of each tag together in a box of the tag's colour (a claim in its first tag's)."
    ),
)
@click.option(
    "--split",
    "split_dir",
    default=None,
    metavar="OUTDIR",
    help=N_(
        "Write one diagram per final conclusion into the folder OUTDIR (made if needed), and an "
        "index.html that links them; files of the same names are replaced, others left alone."
    ),
)
@click.option("-q", "--quiet", is_flag=True, help=N_("Do not print the findings summary."))
@from_option()
@lang_option()
@max_size_option("map files")
def command(  # noqa: PLR0917 (click passes the options by name)
    file: str,
    out: str | None,
    fmt: str | None,
    rankdir: str,
    no_findings: bool,
    engine: str | None,
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
    focus_ids: tuple[str, ...],
    depth: int | None,
    selections: tuple[str, ...],
    group_by: str | None,
    split_dir: str | None,
    quiet: bool,
    from_: str | None,
    lang: str | None,
    max_size: float,
) -> None:
    """Draw the map FILE with Graphviz and print the path written (see the help above)."""
    # Errors (a bad map or configuration, a failed drawing, an output that
    # cannot be written) are reported by the command group, as for every command.
    amap = load_map(file, max_size, lang=lang, from_=from_)
    with speaking(lang, amap.lang) as chosen:
        ask = _Views(tuple(focus_ids), depth, tuple(selections), split_dir)
        ask.check(out, no_findings)
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
            ask=ask,
            no_findings=no_findings,
            quiet=quiet,
            engine=engine or "dot",
            timeout=timeout,
            lang=chosen,
            preset=preset,
            fields={
                # an engine asked for lays out the map at every size
                **({"large_engine": None} if engine is not None else {}),
                "rankdir": rankdir.upper(),
                "legend": legend,
                "notes": notes,
                "max_lines": max_lines,
                "group_by": group_by,
                **{k: v for k, v in explicit.items() if v is not None},
            },
        )


class _Views:
    """The view asked for on the command line, checked before anything is drawn."""

    def __init__(
        self, focus: tuple[str, ...], depth: int | None, selections: tuple[str, ...], split_dir: str | None
    ) -> None:
        self.focus = [i.strip() for ids in focus for i in ids.split(",") if i.strip()]
        self.focus_given = bool(focus)
        self.depth = depth
        self.selections = list(selections)
        self.split_dir = split_dir

    @property
    def any(self) -> bool:
        return self.focus_given or bool(self.selections) or self.split_dir is not None

    def check(self, out: str | None, no_findings: bool) -> None:
        """Refuse options that cannot go together, before the checks run."""
        from argmap.errors import ArgmapError, Problem

        def refuse(message: str) -> ArgmapError:
            return ArgmapError([Problem(message)])

        asked = [
            name
            for name, given in (
                ("--focus", self.focus_given),
                ("--select", bool(self.selections)),
                ("--split", self.split_dir is not None),
            )
            if given
        ]
        if len(asked) > 1:
            raise refuse(
                _("{first} and {second} cannot be used together: draw one view at a time").format(
                    first=asked[0], second=asked[1]
                )
            )
        if self.focus_given and not self.focus:
            raise refuse(_("--focus names no element: give ids such as --focus C1,C2"))
        if self.depth is not None and not self.focus_given:
            raise refuse(_("--depth is for --focus: name the elements to draw with --focus ID"))
        if self.depth is not None and self.depth < 0:
            raise refuse(
                _("--depth must be 0 or more, not {depth} (0 draws the named elements alone)").format(
                    depth=self.depth
                )
            )
        if self.split_dir is not None and out is not None:
            raise refuse(
                _(
                    "--split writes its diagrams into the folder {folder}: leave out -o "
                    "(each diagram is named by its conclusion's id)"
                ).format(folder=repr(self.split_dir))
            )
        if self.split_dir is not None and not self.split_dir:
            raise refuse(_("--split needs the name of a folder to write the diagrams into"))
        if no_findings and any(_is_finding(s) for s in self.selections):
            raise refuse(_("--select finding: needs the findings of the checks: leave out --no-findings"))

    def view(self, amap: Any, findings: list[Diagnostic]) -> Any:
        """The view of ``amap`` asked for (None: the whole map); ArgmapError names the option at fault."""
        from argmap.checks.registry import UnknownRuleError
        from argmap.drawing.views import ViewError, focus, select
        from argmap.errors import ArgmapError, Problem

        try:
            if self.focus_given:
                return focus(amap, self.focus, 2 if self.depth is None else self.depth)
            if self.selections:
                view = select(amap, self.selections, findings)
                if not view.size:
                    raise ArgmapError(
                        [
                            Problem(
                                _(
                                    "--select {selection}: nothing in the map matches it, so there is nothing to draw"
                                ).format(selection=" ".join(self.selections))
                            )
                        ]
                    )
                return view
        except ViewError as exc:
            option = "--focus" if self.focus_given else "--select"
            raise ArgmapError([Problem(f"{option}: {p.message}") for p in exc.problems]) from None
        except UnknownRuleError as exc:
            raise ArgmapError([Problem(f"--select: {exc}")]) from None
        return None


def _is_finding(selection: str) -> bool:
    import unicodedata

    return unicodedata.normalize("NFKC", selection).strip().lower().startswith("finding:")


def _draw(
    amap: Any,
    file: str,
    out: str | None,
    fmt: str | None,
    *,
    ask: _Views,
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
    from argmap.drawing import RenderError, RenderOptions, output_format, render
    from argmap.drawing.config import RenderConfig

    findings = [] if no_findings else check(amap, config=Config.discover(), lang=lang)
    fields = {**fields, "tag_colors": RenderConfig.discover().tag_colors}
    options = RenderOptions.from_preset(preset, **fields)
    config = find_pyproject()
    inputs: list[str | Path] = [file] if config is None else [file, config]
    # how every drawing of this command is made
    how: dict[str, Any] = {
        "findings": findings,
        "options": options,
        "engine": engine,
        "timeout": timeout,
        "inputs": inputs,
        "lang": lang,
    }
    if ask.split_dir is not None:
        with _warnings_said():
            paths = _split(amap, ask.split_dir, fmt or "svg", **how)
        for path in paths:
            say(str(path))
        if not quiet and not no_findings:
            _summary(file, findings)
        return
    view = ask.view(amap, findings)
    if fmt is None:
        fmt = output_format(out) if out not in (None, "-") else "svg"
    # The name as typed: Path() would drop a trailing slash ("out.svg/").
    if out is not None:
        target = out
    else:
        part = "" if view is None else ".focus" if ask.focus_given else ".select"
        target = str(Path(file).with_suffix(f"{part}.{fmt}"))
    if out == "-" and fmt in ("png", "pdf") and sys.stdout.isatty():
        raise RenderError(
            _(
                "standard output is a terminal, where a {format} would print as "
                "garbage: name a file (-o map.{extension}) or send it into a pipe"
            ).format(format=fmt.upper(), extension=fmt)
        )
    with _warnings_said():
        written = render(amap if view is None else view, target, fmt, **how)
    if out != "-":
        say(str(written))
    if not quiet and not no_findings:
        _summary(file, findings, None if view is None else view.findings(findings))


@contextlib.contextmanager
def _warnings_said() -> Iterator[None]:
    """Say the drawing's warnings (RenderWarning) on stderr as ``argmap render: warning: …``."""
    from argmap.drawing import RenderWarning

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", RenderWarning)
        yield
    for w in caught:
        if isinstance(w.message, RenderWarning):
            say(_("argmap render: warning: {message}").format(message=w.message), err=True)
        else:
            warnings.showwarning(w.message, w.category, w.filename, w.lineno)


def _split(
    amap: Any,
    folder: str,
    fmt: str,
    *,
    findings: list[Diagnostic],
    options: Any,
    engine: str,
    timeout: float,
    inputs: list[str | Path],
    lang: str,
) -> list[Path]:
    """Write one diagram per final conclusion into ``folder``, then its index; the paths written."""
    import os
    import time

    from argmap.drawing import render
    from argmap.drawing.output import RenderError
    from argmap.drawing.views import INDEX_NAME, part_names, split, split_index
    from argmap.errors import ArgmapError, Problem
    from argmap.fileio import OutputError, os_reason, write_output

    views = split(amap)
    if not views:
        raise ArgmapError(
            [
                Problem(
                    _(
                        "--split: the map has no final conclusion (a conclusion that no inference uses), "
                        "so there is nothing to split it by"
                    )
                )
            ]
        )
    here = Path(folder)
    if here.exists() and not here.is_dir():
        raise OutputError(folder, _("is not a folder: --split writes its diagrams into a folder"))
    names = part_names([v.roots[0] for v in views], fmt)
    targets = [here / n for n in names]
    index = here / INDEX_NAME
    for target in (*targets, index):
        for source in inputs:
            try:
                same = target.exists() and os.path.samefile(target, source)
            except OSError:
                same = False
            if same:
                raise OutputError(
                    str(target),
                    _(
                        "is an input of this command ({file}) and is never replaced: write the diagrams into another folder"
                    ).format(file=str(source)),
                )
    try:
        here.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(folder, _("cannot make the folder: {why}").format(why=os_reason(exc))) from None
    deadline = time.monotonic() + timeout
    written = []
    for view, target in zip(views, targets, strict=True):
        left = deadline - time.monotonic()
        if left <= 0:
            raise RenderError(
                _(
                    "Graphviz ({engine}) took longer than {seconds} s and was stopped; "
                    "try a smaller map, another --engine, or a longer --timeout"
                ).format(engine=engine, seconds=f"{timeout:g}")
            )
        written.append(
            render(
                view,
                target,
                fmt,
                findings=findings,
                options=options,
                engine=engine,
                timeout=left,
                inputs=inputs,
                lang=lang,
            )
        )
    page = split_index(amap, zip(views, names, strict=True), findings, pictures=fmt in ("svg", "png"))
    write_output(index, page.encode("utf-8"), inputs=inputs)
    written.append(index)
    return written


def _summary(file: str, findings: list[Diagnostic], shown: list[Diagnostic] | None = None) -> None:
    """The findings, one line each as ``argmap check`` prints them, then the
    counts; for a view (``shown``: the findings it draws), how many it draws."""
    from argmap.checks.output import summary, text_line

    for d in findings:
        say(text_line(d, file), err=True)
    if shown is None:
        say(_("{file}: {summary} (drawn on the map)").format(file=file, summary=summary(findings)), err=True)
    else:
        say(
            ngettext(
                "{file}: {summary} ({count} of them drawn on this part of the map)",
                "{file}: {summary} ({count} of them drawn on this part of the map)",
                len(shown),
            ).format(file=file, summary=summary(findings), count=len(shown)),
            err=True,
        )
