"""Write a drawing to a file: :func:`render`, with the system's Graphviz.

The output is written to a temporary file next to the target and renamed
into place, so a failure never leaves a truncated file. ``dot`` runs in its
own process group with a time limit, and is killed with anything it started
on a timeout, an exception or an interruption. What Graphviz prints while
it succeeds is passed on as :class:`RenderWarning`. Without Graphviz, only the ``dot`` format (the DOT source) can
be written; asking for another raises :class:`RenderError` saying what to
install.
"""

from __future__ import annotations

import contextlib
import math
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import warnings
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

import attrs

from argmap.drawing.dot import (
    FIT_MAX_ELEMENTS,
    FIT_WIDTHS,
    PAPERS,
    Drawing,
    RenderOptions,
    build,
    diagram_language,
    to_dot,
)
from argmap.drawing.limits import MAX_HREF_BYTES, MAX_LABEL_LINES, RenderWarning, warn
from argmap.drawing.views import View
from argmap.errors import ArgmapError, ArgmapException, Problem
from argmap.fileio import write_output
from argmap.i18n import N_, _, using
from argmap.support import type_name

if TYPE_CHECKING:
    from argmap.checks.diagnostic import Diagnostic
    from argmap.model import ArgumentMap

__all__ = [
    "ENGINES",
    "FORMATS",
    "MIMEBUNDLE_MAX_ELEMENTS",
    "RenderError",
    "RenderWarning",
    "mimebundle",
    "output_format",
    "render",
    "run_graphviz",
]

#: Output formats and their file extensions (``gv`` is another name for ``dot``;
#: ``html`` is the page of :func:`argmap.drawing.html.to_html`).
FORMATS = ("svg", "png", "pdf", "dot", "html")
#: The formats Graphviz writes (:func:`run_graphviz`).
GRAPHVIZ_FORMATS = ("svg", "png", "pdf", "dot")
_EXTENSIONS = {
    ".svg": "svg",
    ".png": "png",
    ".pdf": "pdf",
    ".dot": "dot",
    ".gv": "dot",
    ".html": "html",
    ".htm": "html",
}
#: Graphviz layout programs argmap accepts for ``engine``.
ENGINES = ("dot", "neato", "fdp", "sfdp", "circo", "twopi", "osage", "patchwork")
#: The longest time limit accepted, in seconds (11.6 days): longer ones
#: overflow the system's clocks.
MAX_TIMEOUT = 1e6
#: Seconds a layout may take before it is stopped.
DEFAULT_TIMEOUT = 120.0

INSTALL_HINT = N_(
    "install Graphviz, and a CJK font for Japanese text "
    "(Debian/Ubuntu: sudo apt-get install graphviz fonts-noto-cjk; macOS: brew install graphviz), "
    "or write the DOT source with --format dot"
)


class RenderError(ArgmapException):
    """Drawing failed: Graphviz missing, too slow, or it reported an error.
    ``str()`` is one line fit to show a user."""


def output_format(path: str | os.PathLike[str]) -> str:
    """The drawing format (svg, png, pdf, dot or html) an output file's extension asks for.

    Not to be confused with :func:`argmap.formats.format_for`, the format of a map file.

    >>> output_format("map.argmap.png")
    'png'
    >>> output_format("map.txt")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    argmap.drawing.output.RenderError: cannot tell the format of 'map.txt': name it .svg, .png, .pdf, ... or give the format
    """
    if not isinstance(path, str | os.PathLike):
        raise TypeError(f"path must be a file name (str or path), not {type_name(path)}")
    suffix = Path(path).suffix.lower()
    fmt = _EXTENSIONS.get(suffix)
    if fmt is None:
        raise RenderError(
            _(
                "cannot tell the format of {path}: name it .svg, .png, .pdf, .dot or .html, or give the format"
            ).format(path=repr(os.fspath(path)))
        )
    return fmt


def _check_timeout(timeout: object) -> float:
    if isinstance(timeout, bool) or not isinstance(timeout, int | float):
        raise TypeError(f"timeout must be a number of seconds, not {type_name(timeout)}")
    if not (0 < timeout <= MAX_TIMEOUT):  # also refuses nan, and numbers no clock can wait for
        shown = f"{timeout!r}" if isinstance(timeout, float) or abs(timeout) < 10**20 else _("a huge number")
        raise ArgmapError(
            [
                Problem(
                    _("timeout must be a number of seconds above 0 and at most {most}, not {value}").format(
                        most=f"{MAX_TIMEOUT:g}", value=shown
                    )
                )
            ]
        )
    return float(timeout)


def _check_choice(name: str, value: object, choices: tuple[str, ...]) -> str:
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a str, one of {', '.join(choices)}, not {type_name(value)}")
    if value not in choices:
        raise RenderError(
            _("unknown {what} {value}: use one of {choices}").format(
                what=name, value=repr(value[:40]), choices=", ".join(choices)
            )
        )
    return value


def _die_with_parent(budget: float) -> Callable[[], None] | None:
    """What Graphviz runs before it starts, on Linux: the kernel kills it if
    argmap dies without a chance to stop it (SIGKILL, a crash), and it may
    use no more CPU time than the whole time limit."""
    if not sys.platform.startswith("linux"):
        return None
    import ctypes
    import resource

    libc = ctypes.CDLL(None, use_errno=True)
    parent = os.getpid()
    seconds = math.ceil(budget) + 1

    def prepare() -> None:  # runs in the child, between fork and exec
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
        if os.getppid() != parent:  # argmap died before the line above
            os._exit(1)
        with contextlib.suppress(ValueError, OSError):
            resource.setrlimit(resource.RLIMIT_CPU, (seconds, seconds))

    return prepare


_PR_SET_PDEATHSIG = 1


def _stop(proc: subprocess.Popen[bytes]) -> None:
    """Kill Graphviz and anything it started (its process group), and reap it."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(proc.pid, signal.SIGKILL)
    for stream in (proc.stdin, proc.stdout, proc.stderr):
        if stream is not None:
            with contextlib.suppress(OSError):
                stream.close()
    proc.wait()


#: Graphviz's words when cairo scales a PNG down, and what argmap says with them.
_SCALED = "too large for cairo-renderer bitmaps"
_SCALED_ADVICE = N_(
    "the PNG is drawn smaller than asked (cairo bitmaps are at most 32,767 pixels a side), "
    "so its text may be too small to read: write SVG or PDF instead (--format svg or pdf), "
    "or draw a smaller part of the map"
)
#: Graphviz's words when cairo scales a PNG down, said again so that they are
#: translated (Graphviz speaks only English); ``{scale}`` is its figure.
_SCALED_MESSAGE = N_("graph is too large for cairo-renderer bitmaps. Scaling by {scale} to fit")
_SCALED_PATTERN = re.compile(
    r"graph is too large for cairo-renderer bitmaps\. Scaling by (?P<scale>[0-9.eE+-]+) to fit"
)
#: The most distinct Graphviz warnings passed on from one run.
_MAX_WARNINGS = 10


def _pass_on(stderr: bytes, engine: str) -> None:
    """Graphviz's messages on a successful run, as :class:`RenderWarning`."""
    lines = list(
        dict.fromkeys(x.strip() for x in stderr.decode("utf-8", "replace").splitlines() if x.strip())
    )
    for line in lines[:_MAX_WARNINGS]:
        said = line.removeprefix(engine + ": ")
        scaled = _SCALED_PATTERN.fullmatch(said)
        if scaled is not None:
            said = _(_SCALED_MESSAGE).format(scale=scaled["scale"])
        message = _("Graphviz ({engine}): {message}").format(engine=engine, message=said)
        if _SCALED in line:
            message = _("{message}; {advice}").format(message=message, advice=_(_SCALED_ADVICE))
        warn(message)
    if len(lines) > _MAX_WARNINGS:
        warn(
            _("Graphviz ({engine}): {count} more messages not shown").format(
                engine=engine, count=len(lines) - _MAX_WARNINGS
            )
        )


def run_graphviz(
    source: str, fmt: str, engine: str = "dot", timeout: float = DEFAULT_TIMEOUT, *, paper: str | None = None
) -> bytes:
    """Lay out and draw DOT ``source`` with Graphviz; the output's bytes.

    Graphviz runs in its own process group with a time limit of ``timeout``
    seconds: on a timeout, an exception or an interruption (KeyboardInterrupt,
    or SystemExit from a signal handler) it is killed with anything it
    started. What Graphviz prints on a successful run (such as "graph is too
    large for cairo-renderer bitmaps. Scaling by …" for a PNG) is issued as a
    :class:`RenderWarning`. ``paper`` (a key of
    :data:`~argmap.drawing.dot.PAPERS`) makes a PDF one page of that size.
    Messages are in the language in force.
    """
    if not isinstance(source, str):
        raise TypeError(f"source must be DOT source as a str, not {type_name(source)}")
    _check_choice("format", fmt, GRAPHVIZ_FORMATS)
    _check_choice("engine", engine, ENGINES)
    timeout = _check_timeout(timeout)
    if paper is not None:
        RenderOptions(paper=paper)  # checks it
    return _run(source, fmt, engine, time.monotonic() + timeout, timeout, paper=paper)


#: The margin around a drawing on a page of paper, in inches.
PAGE_MARGIN = 1 / 3


def _page(plain: str, paper: str) -> list[str]:
    """Graphviz's arguments that make a PDF one page of ``paper``, given the
    drawing's layout (``-Tplain``): the drawing centred, scaled down to fit
    inside a margin of :data:`PAGE_MARGIN` when it is larger, never up.

    Graphviz scales the padding with the drawing, so the padding is chosen
    for the whole to come out at the size of the page.
    """
    head = plain.split("\n", 1)[0].split()
    try:
        width, height = max(float(head[2]), 0.01), max(float(head[3]), 0.01)
    except (IndexError, ValueError):
        return []
    page_w, page_h = PAPERS[paper]
    scale = min(1.0, (page_w - 2 * PAGE_MARGIN) / width, (page_h - 2 * PAGE_MARGIN) / height)
    pad_x = (page_w / scale - width) / 2
    pad_y = (page_h / scale - height) / 2
    return [f"-Gsize={page_w:g},{page_h:g}!", "-Gmargin=0", f"-Gpad={pad_x:.4f},{pad_y:.4f}"]


def _run(
    source: str, fmt: str, engine: str, deadline: float, budget: float, *, paper: str | None = None
) -> bytes:
    """:func:`run_graphviz` until ``deadline`` (time.monotonic()), part of a
    time limit of ``budget`` seconds for all of a command's Graphviz work."""
    exe = shutil.which(engine)
    page: list[str] = []
    if exe is not None and fmt == "pdf" and paper is not None:
        page = _page(_run(source, "plain", engine, deadline, budget).decode("utf-8", "replace"), paper)
    if exe is None:
        raise RenderError(
            _("Graphviz's {command} command was not found: {hint}").format(
                command=repr(engine), hint=_(INSTALL_HINT)
            )
        )
    try:
        proc = subprocess.Popen(
            [exe, f"-T{fmt}", *(["-Gdpi=144"] if fmt == "png" else []), *page],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            start_new_session=True,  # its own process group, killed as a whole
            # The hook only calls C functions set up beforehand (no import, no lock).
            preexec_fn=_die_with_parent(budget),  # noqa: PLW1509
        )
    except OSError as exc:
        raise RenderError(
            _("cannot run Graphviz ({command}): {reason}").format(command=exe, reason=exc.strerror or exc)
        ) from None
    try:
        left = max(deadline - time.monotonic(), 0.0)
        out, err = proc.communicate(source.encode("utf-8", "surrogateescape"), timeout=left)
    except subprocess.TimeoutExpired:
        _stop(proc)
        raise RenderError(
            _(
                "Graphviz ({engine}) took longer than {seconds} s and was stopped; "
                "try a smaller map, another --engine, or a longer --timeout"
            ).format(engine=engine, seconds=f"{budget:g}")
        ) from None
    except BaseException:
        _stop(proc)
        raise
    if proc.returncode is not None and proc.returncode < 0:
        number = -proc.returncode
        try:
            name = signal.strsignal(number) or signal.Signals(number).name
        except ValueError:
            name = str(number)
        raise RenderError(
            _(
                "Graphviz ({engine}) crashed ({signal}) while drawing the map; try another --engine "
                "(sfdp draws large maps), or draw part of the map with --focus or --select"
            ).format(engine=engine, signal=name)
        )
    if proc.returncode != 0 or not out:
        lines = err.decode("utf-8", "replace").strip().splitlines()
        why = lines[0] if lines else _("exit status {status}").format(status=proc.returncode)
        raise RenderError(_("Graphviz ({engine}) failed: {reason}").format(engine=engine, reason=why))
    if err.strip():
        _pass_on(err, engine)
    return out


def _warn_shortened(drawing: Drawing, fmt: str) -> None:
    """Say what a PNG or PDF cannot show: texts drawn shortened (an SVG keeps
    them whole in its tooltips), and links too long to make."""
    if fmt in ("png", "pdf"):
        seen: dict[str | None, list[str]] = {}
        for element, what in drawing.shortened:
            seen.setdefault(element, [])
            if what not in seen[element]:
                seen[element].append(what)
        for element, whats in seen.items():
            if element is None:
                where = _("the map's title")
            else:
                what = _(" and ").join(_(_WHAT[w]) if w in _WHAT else w for w in whats)
                where = _("{element}: {what}").format(element=element, what=what)
            warn(
                _(
                    "{where} is longer than a label can hold ({lines} lines) and is drawn "
                    "shortened in the {format}; write SVG to keep the whole text (in the tooltip)"
                ).format(where=where, lines=f"{MAX_LABEL_LINES:,}", format=fmt.upper()),
                element,
            )
    if fmt in ("svg", "pdf"):
        for element in drawing.unlinked:
            warn(
                _(
                    "{element}: the source URL is longer than {bytes} bytes and is not made a link "
                    "(it is shown in the tooltip)"
                ).format(element=element, bytes=f"{MAX_HREF_BYTES:,}"),
                element,
            )


#: The parts of an element a label may draw shortened, as the drawing names them.
_WHAT = {
    "its text": N_("its text"),
    "its id": N_("its id"),
    "its marker": N_("its marker"),
    "its scheme": N_("its scheme"),
    "its source line": N_("its source line"),
    "its note": N_("its note"),
    "a finding's name": N_("a finding's name"),
    "the title": N_("the title"),
    "a tag": N_("a tag"),
}


def render(
    amap: ArgumentMap | View,
    path: str | os.PathLike[str],
    format: str | None = None,
    *,
    findings: Iterable[Diagnostic] | None = None,
    options: RenderOptions | None = None,
    engine: str = "dot",
    timeout: float = DEFAULT_TIMEOUT,
    inputs: Iterable[str | os.PathLike[str]] = (),
    lang: str | None = None,
) -> Path:
    """Draw ``amap`` to ``path`` as svg, png, pdf, dot or html (format from
    the file's extension unless given); return the path written.

    ``html`` is the page of :func:`argmap.drawing.html.to_html` (with the
    ``findings`` given here: none when None).

    ``findings``, ``options`` and ``lang`` are as for
    :func:`~argmap.drawing.to_dot`; ``lang`` is also the language of the
    errors and warnings (None: the options' ``lang``, else the map's). A
    PDF drawn with ``options.paper`` is one page of that size. ``amap`` may
    be a :class:`~argmap.drawing.views.View` (part of a map), drawn as
    :func:`~argmap.drawing.to_dot` draws it.
    ``path`` is written as :func:`argmap.fileio.write_output` writes (``-``
    is standard output; a device gets the bytes; ``inputs``, the files the
    map came from, are never overwritten). ``timeout`` bounds all of
    Graphviz's work for this drawing, in seconds.

    Raises :class:`RenderError` when Graphviz is missing, fails or exceeds
    ``timeout``, or when ``format`` contradicts the file's extension, and
    :class:`~argmap.fileio.OutputError` (an ``OSError``) when the file
    cannot or must not be written; in every case no partial file is left
    at ``path``. A wrong type raises TypeError; a bad ``timeout`` raises
    :class:`~argmap.errors.ArgmapError`.

    Nothing is dropped silently: a text longer than a label can hold is
    drawn shortened with its whole text in the SVG tooltip, and a
    :class:`RenderWarning` is issued when the format cannot hold the rest
    (PNG, PDF) or Graphviz reports a problem (a PNG scaled down).
    """
    from argmap.model import ArgumentMap

    if not isinstance(path, str | os.PathLike):
        raise TypeError(f"path must be a file name (str or path), not {type_name(path)}")
    if not isinstance(amap, ArgumentMap | View):
        raise TypeError(f"expected an ArgumentMap (or a View of one) to draw, not {type_name(amap)}")
    if options is not None and not isinstance(options, RenderOptions):
        raise TypeError(f"options must be RenderOptions or None, not {type_name(options)}")
    if lang is not None and not isinstance(lang, str):
        raise TypeError(f"lang must be a str ('ja' or 'en') or None, not {type_name(lang)}")
    drawn = amap.map if isinstance(amap, View) else amap  # what a Graphviz error is about
    with using(diagram_language(amap, options, lang)) as speak:
        budget = _check_timeout(timeout)
        deadline = time.monotonic() + budget
        _check_choice("engine", engine, ENGINES)
        fmt = _format(path, format)
        findings = None if findings is None else list(findings)
        if engine != "dot":  # the engine asked for lays out the map at every size
            options = attrs.evolve(options or RenderOptions(), large_engine=None)
        if fmt == "html":
            from argmap.drawing.html import to_html

            page = to_html(
                amap,
                findings or [],
                options,
                lang=speak,
                engine=engine,
                timeout=max(deadline - time.monotonic(), 0.001),
            )
            write_output(path, page.encode("utf-8"), inputs=inputs)
            return Path(path)
        if options is not None and options.fit is not None and fmt != "dot":
            options = _fitted(
                amap, findings, options, lang=speak, engine=engine, deadline=deadline, budget=budget
            )
        drawing = build(amap, findings, options, lang=speak)
        source = drawing.graph.source
        if fmt == "dot":
            data = source.encode("utf-8")
        else:
            paper = options.paper if options is not None else None
            try:
                data = _run(source, fmt, engine, deadline, budget, paper=paper)
            except RenderError as exc:
                raise RenderError(_named(_locate(str(exc), source, drawn), drawn)) from None
            _warn_shortened(drawing, fmt)
        write_output(path, data, inputs=inputs)
    return Path(path)


def _fitted(
    amap: ArgumentMap | View,
    findings: list[Diagnostic] | None,
    options: RenderOptions,
    *,
    lang: str,
    engine: str,
    deadline: float,
    budget: float,
) -> RenderOptions:
    """``options`` with the width of :data:`FIT_WIDTHS` that makes the
    drawing, scaled to fit the screen ``options.fit``, keep its text largest
    (the first of equals). Each width is laid out once (``-Tplain`` gives the
    size); a map of more than :data:`FIT_MAX_ELEMENTS` elements keeps its
    width."""
    assert options.fit is not None
    drawn = amap.map if isinstance(amap, View) else amap
    size = len(drawn.claims) + len(drawn.inferences) + len(drawn.attacks)
    if size > FIT_MAX_ELEMENTS:
        return options
    screen_w, screen_h = options.fit
    best, best_scale = options, 0.0
    for width in FIT_WIDTHS:
        trial = attrs.evolve(options, width=width)
        source = build(amap, findings, trial, lang=lang).graph.source
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RenderWarning)
            plain = _run(source, "plain", engine, deadline, budget).decode("utf-8", "replace")
        head = plain.split("\n", 1)[0].split()
        try:
            w, h = float(head[2]), float(head[3])
        except (IndexError, ValueError):
            continue
        scale = min(screen_w / max(w, 1e-9), screen_h / max(h, 1e-9))
        if scale > best_scale:
            best, best_scale = trial, scale
    return best


_LINE = re.compile(r"\bin line (\d+)")
_STATEMENT = re.compile(r'\t(?:subgraph )?("(?:[^"\\]|\\.)*"|[\w.]+)(?: -> ("(?:[^"\\]|\\.)*"|[\w.]+))?')


def _named(message: str, amap: ArgumentMap) -> str:
    """``message`` after the name of the map's file, when the map came from one."""
    file = amap.origin.file if amap.origin is not None else None
    return f"{file}: {message}" if file else message


def _locate(message: str, source: str, amap: ArgumentMap) -> str:
    """``message`` about "line N" of the DOT source, saying which element of
    the map that line draws, and where the element is in its file."""
    m = _LINE.search(message)
    if m is None:
        return message
    lines = source.splitlines()
    n = int(m.group(1))
    st = _STATEMENT.match(lines[n - 1]) if 0 < n <= len(lines) else None
    if st is None:
        return message
    ids = [x.strip('"') for x in st.groups() if x]
    found = [i for i in ids if i in amap]
    if not found:
        return message
    where = amap.location(found[0])
    what = " -> ".join(found)
    at = f" ({where})" if where is not None else ""
    return _("{message} [in the drawing of {what}{at}: a text of it may be beyond Graphviz's limits]").format(
        message=message, what=what, at=at
    )


def _format(path: str | os.PathLike[str], format: str | None) -> str:
    """The format to write: ``format``, which must agree with a known extension of ``path``."""
    if format is None:
        return output_format(path)
    fmt = _check_choice("format", "dot" if format == "gv" else format, FORMATS)
    name = os.fspath(path)
    implied = _EXTENSIONS.get(Path(name).suffix.lower()) if name != "-" else None
    if implied is not None and implied != fmt:
        raise RenderError(
            _(
                "{name} is named .{implied} but the format asked for is {format}: "
                "name the file .{format}, or leave the format out"
            ).format(name=repr(name), implied=implied, format=fmt)
        )
    return fmt


#: Maps with more elements than this are not drawn inline in a notebook.
MIMEBUNDLE_MAX_ELEMENTS = 2000
#: Seconds a notebook waits for a drawing.
MIMEBUNDLE_TIMEOUT = 30.0


def mimebundle(
    amap: ArgumentMap | View, include: object = None, exclude: object = None
) -> dict[str, str | bytes]:
    """What Jupyter shows for a map or a view of one: its SVG drawing with the
    checks' findings (a view: the whole map's findings that it shows, and its
    **+N** marks), or a plain-text line when Graphviz is missing, it is too
    large to draw inline, or the drawing takes longer than :data:`MIMEBUNDLE_TIMEOUT`."""
    drawn = amap.map if isinstance(amap, View) else amap
    size = len(drawn.claims) + len(drawn.inferences) + len(drawn.attacks)
    if size > MIMEBUNDLE_MAX_ELEMENTS:
        with using(diagram_language(drawn)):
            note = _(
                "a map of {count} elements is not drawn inline: draw it to a file with argmap.render(m, 'map.svg')"
            ).format(count=f"{size:,}")
        return {"text/plain": f"{amap!r}\n({note})"}
    try:
        with using(diagram_language(drawn)):
            found = _findings(amap.whole) if isinstance(amap, View) else _findings(amap)
            svg = run_graphviz(to_dot(amap, found).source, "svg", timeout=MIMEBUNDLE_TIMEOUT)
    except RenderError as exc:
        return {"text/plain": f"{amap!r}\n({exc})"}
    return {"image/svg+xml": svg.decode("utf-8"), "text/plain": repr(amap)}


def _findings(amap: ArgumentMap) -> list[Diagnostic]:
    """The checks' findings with the default configuration."""
    from argmap.checks import check

    return check(amap)
