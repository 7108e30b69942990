"""``argmap validate FILE...``: load each map and report problems."""

from __future__ import annotations

import sys

import click

from argmap.cli import _common
from argmap.cli._common import (
    EXIT_BAD_INPUT,
    from_option,
    lang_option,
    load_or_report,
    max_size_option,
    say,
    speaking,
)
from argmap.i18n import N_, _, ngettext


@_common.command(
    help=N_(
        "Load each map FILE and report every problem as path:line:col: message.\n\n"
        "A FILE in Argdown, AIF JSON or the argumentative microtexts' XML (see --from) also gets a "
        "warning for each thing its format "
        "holds that argmap cannot represent.\n\n"
        "Exits 0 when all files are good, 2 when any is not."
    )
)
@click.argument("files", nargs=-1, required=True, type=_common.Path(dir_okay=True))
@click.option("-q", "--quiet", is_flag=True, help=N_("Print problems only, nothing for good files."))
@from_option()
@max_size_option("map files")
@lang_option(N_("The language of messages: ja or en (default: the map's lang, else the locale)."))
def command(
    files: tuple[str, ...], quiet: bool, from_: str | None, max_size: float, lang: str | None
) -> None:
    """Load each map FILE and report every problem as path:line:col: message.

    Exits 0 when all files are good, 2 when any is not.
    """
    from argmap.errors import ArgmapError

    bad = 0
    for path in files:
        amap = load_or_report(path, max_size, command="validate", lang=lang, from_=from_)
        if isinstance(amap, ArgmapError):
            bad += 1
        elif not quiet:
            with speaking(lang, amap.lang):
                counts = _("{claims}, {inferences}, {attacks}").format(
                    claims=_count(len(amap.claims), "claim"),
                    inferences=_count(len(amap.inferences), "inference"),
                    attacks=_count(len(amap.attacks), "attack"),
                )
                say(_("{path}: ok ({counts})").format(path=path, counts=counts))
    if bad:
        sys.exit(EXIT_BAD_INPUT)


def _count(n: int, noun: str) -> str:
    """``n`` elements of a kind, in the language in force: "1 claim", "3 inferences"."""
    if noun == "claim":
        text = ngettext("{n} claim", "{n} claims", n)
    elif noun == "inference":
        text = ngettext("{n} inference", "{n} inferences", n)
    else:
        text = ngettext("{n} attack", "{n} attacks", n)
    return text.format(n=n)
