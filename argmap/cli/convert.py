"""``argmap convert IN OUT``: a map from one format into another (argmap's, Argdown, AIF)."""

from __future__ import annotations

import sys

import click

from argmap.cli import _common
from argmap.cli._common import (
    EXIT_BAD_INPUT,
    MAP_EXTENSIONS,
    MAP_FORMATS,
    asked_lang,
    from_option,
    lang_option,
    max_size_option,
    output_format,
    read_lines,
    read_map,
    safe,
    say,
    speaking,
)
from argmap.i18n import N_


@_common.command(
    help=N_(
        "Convert the map IN into OUT, between argmap's formats (YAML, JSON), Argdown, AIF JSON and the "
        "argumentative microtexts' XML.\n\n"
        "Each file's format follows its name (.argmap.yaml, .argmap.json, .argdown, .aif.json, .xml; a .json "
        "file with AIF's nodes is read as AIF) unless --from or --to names it. OUT - writes to standard "
        "output (argmap's YAML unless --to says otherwise). What a format cannot hold is printed as a "
        "warning on standard error; docs/interop.md says what each format keeps.\n\n"
        "Exits 0 when OUT is written, 2 when IN cannot be read or OUT cannot be written."
    )
)
@click.argument("source", metavar="IN", type=_common.Path(dir_okay=True))
@click.argument("target", metavar="OUT")
@from_option()
@click.option(
    "--to",
    type=click.Choice(MAP_FORMATS),
    default=None,
    help=N_("The format of OUT: yaml, json, argdown, aif or microtexts (default: from OUT's extension)."),
)
@max_size_option("map files")
@lang_option()
def command(
    source: str, target: str, *, from_: str | None, to: str | None, max_size: float, lang: str | None
) -> None:
    """Convert the map IN into OUT (see the help above)."""
    from argmap.errors import ArgmapError
    from argmap.fileio import write_output
    from argmap.formats import dumps

    lang = asked_lang(lang)
    with speaking(lang):
        fmt = output_format(target, to, MAP_EXTENSIONS, default="yaml", option="--to")
    read = read_map(source, max_size, lang=lang, from_=from_)
    for line in read_lines(read, command="convert", lang=lang):
        say(line, err=True)
    if isinstance(read, ArgmapError):
        sys.exit(EXIT_BAD_INPUT)
    text = dumps(read.map, fmt)  # type: ignore[arg-type]
    if target == "-" and sys.stdout.isatty():
        click.echo(safe(text, keep_newlines=True), nl=False)  # a terminal: never raw control characters
    else:  # a file, or a pipe to a program: the bytes as they are
        write_output(target, text.encode("utf-8"), inputs=[source])
