"""Write a drawing to a file: :func:`render`, with the system's Graphviz.

The output is written to a temporary file next to the target and renamed
into place, so a failure never leaves a truncated file. ``dot`` runs with a
time limit. Without Graphviz, only the ``dot`` format (the DOT source) can
be written; asking for another raises :class:`RenderError` saying what to
install.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from argmap.drawing.dot import RenderOptions, to_dot
from argmap.fileio import write_output

if TYPE_CHECKING:
    from argmap.checks.diagnostic import Diagnostic
    from argmap.model import ArgumentMap

__all__ = ["ENGINES", "FORMATS", "RenderError", "format_for", "render", "run_graphviz"]

#: Output formats and their file extensions (``gv`` is another name for ``dot``).
FORMATS = ("svg", "png", "pdf", "dot")
_EXTENSIONS = {".svg": "svg", ".png": "png", ".pdf": "pdf", ".dot": "dot", ".gv": "dot"}
#: Graphviz layout programs argmap accepts for ``engine``.
ENGINES = ("dot", "neato", "fdp", "sfdp", "circo", "twopi", "osage", "patchwork")
#: Seconds a layout may take before it is stopped.
DEFAULT_TIMEOUT = 120.0

INSTALL_HINT = (
    "install Graphviz, and a CJK font for Japanese text "
    "(Debian/Ubuntu: sudo apt-get install graphviz fonts-noto-cjk; macOS: brew install graphviz), "
    "or write the DOT source with --format dot"
)


class RenderError(Exception):
    """Drawing failed: Graphviz missing, too slow, or it reported an error.
    ``str()`` is one line fit to show a user."""


def format_for(path: str | os.PathLike[str]) -> str:
    """The output format a file name asks for.

    >>> format_for("map.argmap.png")
    'png'
    >>> format_for("map.txt")
    Traceback (most recent call last):
    ...
    argmap.drawing.output.RenderError: cannot tell the format of 'map.txt': name it .svg, .png, .pdf or .dot, or give the format
    """
    suffix = Path(path).suffix.lower()
    fmt = _EXTENSIONS.get(suffix)
    if fmt is None:
        raise RenderError(
            f"cannot tell the format of {os.fspath(path)!r}: name it .svg, .png, .pdf or .dot, or give the format"
        )
    return fmt


def run_graphviz(source: str, fmt: str, engine: str = "dot", timeout: float = DEFAULT_TIMEOUT) -> bytes:
    """Lay out and draw DOT ``source`` with Graphviz; the output's bytes."""
    if engine not in ENGINES:
        raise RenderError(f"unknown layout engine {engine!r}: use one of {', '.join(ENGINES)}")
    exe = shutil.which(engine)
    if exe is None:
        raise RenderError(f"Graphviz's {engine!r} command was not found: {INSTALL_HINT}")
    try:
        done = subprocess.run(
            [exe, f"-T{fmt}", *(["-Gdpi=144"] if fmt == "png" else [])],
            input=source.encode("utf-8"),
            capture_output=True,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise RenderError(
            f"Graphviz ({engine}) took longer than {timeout:g} s and was stopped; "
            "try a smaller map, another --engine, or a longer --timeout"
        ) from None
    except OSError as exc:
        raise RenderError(f"cannot run Graphviz ({exe}): {exc.strerror or exc}") from None
    if done.returncode != 0 or not done.stdout:
        lines = done.stderr.decode("utf-8", "replace").strip().splitlines()
        why = lines[0] if lines else f"exit status {done.returncode}"
        raise RenderError(f"Graphviz ({engine}) failed: {why}")
    return done.stdout


def render(
    amap: ArgumentMap,
    path: str | os.PathLike[str],
    format: str | None = None,
    *,
    findings: Iterable[Diagnostic] | None = None,
    options: RenderOptions | None = None,
    engine: str = "dot",
    timeout: float = DEFAULT_TIMEOUT,
    inputs: Iterable[str | os.PathLike[str]] = (),
) -> Path:
    """Draw ``amap`` to ``path`` as svg, png, pdf or dot (format from the
    file's extension unless given); return the path written.

    ``findings`` and ``options`` are as for :func:`~argmap.drawing.to_dot`.
    ``path`` is written as :func:`argmap.fileio.write_output` writes (``-``
    is standard output; a device gets the bytes; ``inputs``, the files the
    map came from, are never overwritten). Raises :class:`RenderError` when
    Graphviz is missing, fails or exceeds ``timeout`` seconds, and
    :class:`~argmap.fileio.OutputError` (an ``OSError``) when the file
    cannot or must not be written; in every case no partial file is left at
    ``path``.
    """
    fmt = format or format_for(path)
    if fmt == "gv":
        fmt = "dot"
    if fmt not in FORMATS:
        raise RenderError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
    source = to_dot(amap, findings, options).source
    data = source.encode("utf-8") if fmt == "dot" else run_graphviz(source, fmt, engine, timeout)
    write_output(path, data, inputs=inputs)
    return Path(path)


def mimebundle(amap: ArgumentMap, include: object = None, exclude: object = None) -> dict[str, str | bytes]:
    """What Jupyter shows for a map: its SVG drawing with the checks' findings
    (a plain-text line when Graphviz is missing)."""
    try:
        svg = run_graphviz(to_dot(amap, _findings(amap)).source, "svg")
    except RenderError as exc:
        return {"text/plain": f"{amap!r}\n({exc})"}
    return {"image/svg+xml": svg.decode("utf-8"), "text/plain": repr(amap)}


def _findings(amap: ArgumentMap) -> list[Diagnostic]:
    """The checks' findings with the default configuration."""
    from argmap.checks import check

    return check(amap)
