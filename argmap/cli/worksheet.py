"""``argmap worksheet KEY``: the student's starting map (or a printable handout) from the teacher's key."""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

import click

from argmap.cli import _common
from argmap.cli._common import (
    lang_option,
    load_map,
    max_bytes,
    max_size_option,
    output_format,
    safe,
    say,
    speaking,
)
from argmap.i18n import N_, _

if TYPE_CHECKING:
    from argmap.model import ArgumentMap, Document

#: Output formats, and the file extensions that name them.
_FORMATS = ("yaml", "html", "pdf")
_EXTENSIONS = {".yaml": ("yaml",), ".yml": ("yaml",), ".html": ("html",), ".htm": ("html",), ".pdf": ("pdf",)}
#: argmap.exercises.worksheet.HIDE_WORDS, named here so that --help needs no import of the library.
_HIDE_WORDS = ("assumptions", "links", "kinds", "attacks", "conclusions")


@_common.command(
    help=N_(
        "Make the student's worksheet from the teacher's KEY map.\n\n"
        "The worksheet is the same map with parts hidden for the student to find, and questions "
        "that lead to them.\n\n"
        "--hide takes a comma list of: assumptions (each hidden premise becomes a numbered blank; the "
        "default), links (each inference loses its premises and keeps its marker), kinds (every claim's "
        "kind is left for the student to choose, and the claims are renamed S1, S2, … so their ids do "
        "not tell it), attacks (left out), conclusions (each conclusion becomes a blank), or element ids.\n\n"
        "Only the notes marked for students (a note that starts with student: or 生徒:) are kept; every "
        "other note, the scheme and strength of each inference, and a Draft: at the start of the title "
        "are left out.\n\n"
        "--format yaml (the default) writes the map file the student fills in, with the task and the "
        "questions in a comment at its top; html writes a printable A4 handout (the task, the parts of "
        "the article the map is about when the key names it in document.file, the diagram with its "
        "numbered blanks, the questions with lines to write on); pdf prints that handout to a PDF file. "
        "The format is taken from the extension of -o FILE when --format is not given. Without -o the "
        "worksheet goes to standard output (a PDF only into a pipe)."
    )
)
@click.argument("key", type=_common.Path(dir_okay=True))
@click.option("-o", "--output", "out", default=None, metavar="FILE", help=N_("Write the worksheet to FILE."))
@click.option(
    "--hide",
    default="assumptions",
    show_default=True,
    metavar="WHAT",
    help=N_("What to hide, a comma list: assumptions, links, kinds, attacks, conclusions, or element ids."),
)
@click.option("--format", "fmt", type=click.Choice(_FORMATS), default=None, help=N_("Output format."))
@max_size_option("map files")
@lang_option()
def command(
    key: str, *, out: str | None, hide: str, fmt: str | None, max_size: float, lang: str | None
) -> None:
    """Make the student's worksheet from the teacher's KEY map (see the help above)."""
    amap = load_map(key, max_size, lang=lang)
    with speaking(lang, amap.lang) as spoken:
        fmt = output_format(out, fmt, _EXTENSIONS, default="yaml")
        if out in (None, "-") and fmt == "pdf" and sys.stdout.isatty():
            raise _error(
                _(
                    "standard output is a terminal, where a PDF would print as garbage: "
                    "name a file (-o worksheet.pdf) or send it into a pipe"
                )
            )
        data, inputs = _make(amap, key, out=out, hide=hide, fmt=fmt, max_size=max_size, lang=spoken)
    if out in (None, "-"):
        if fmt == "pdf":
            binary = sys.stdout.buffer
            binary.write(data)
            binary.flush()
        else:
            click.echo(safe(data.decode("utf-8"), keep_newlines=True), nl=False)
        return
    from argmap.fileio import write_output

    write_output(out, data, inputs=inputs)
    say(out)


def _error(message: str) -> Exception:
    """An error the command group reports as ``argmap worksheet: message`` (exit 2)."""
    from argmap.errors import ArgmapException

    return ArgmapException(message)


def _make(
    amap: ArgumentMap, key: str, *, out: str | None, hide: str, fmt: str, max_size: float, lang: str
) -> tuple[bytes, list[str]]:
    """The worksheet's bytes in ``fmt``, and the files it was made from (never overwritten)."""
    import attrs

    from argmap.exercises.worksheet import worksheet

    try:
        ws = worksheet(amap, hide.split(","), lang=lang)
    except ValueError as exc:
        raise _error(str(exc)) from None
    article_path = _article_path(key, amap.document)
    # the files the worksheet comes from are never replaced by it (the article even when it is not read)
    inputs = [key] if article_path is None else [key, article_path]
    if fmt == "yaml":
        if amap.document is not None and article_path is not None:
            where = os.path.dirname(os.path.abspath(out)) if out not in (None, "-") else os.getcwd()
            moved = attrs.evolve(amap.document, file=_relative(article_path, where))
            ws = attrs.evolve(ws, map=attrs.evolve(ws.map, document=moved))
        return ws.to_yaml().encode("utf-8"), inputs
    from argmap.exercises.handout import handout_html, handout_pdf

    article = None
    if article_path is not None:
        from argmap.fileio import decode_utf8, read_input

        article = decode_utf8(read_input(article_path, "an article", max_bytes(max_size)), article_path)
    page = handout_html(ws, article=article)
    if fmt == "html":
        return page.encode("utf-8"), inputs
    return handout_pdf(page), inputs


def _article_path(key: str, document: Document | None) -> str | None:
    """The article the key names in ``document.file`` (relative to the key's folder), or None."""
    if document is None or not document.file:
        return None
    return os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(key)), document.file))


def _relative(path: str, start: str) -> str:
    """``path`` relative to the folder ``start`` (as it is when they share no root)."""
    try:
        return os.path.relpath(path, start)
    except ValueError:  # another drive, on Windows
        return path
