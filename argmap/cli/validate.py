"""``argmap validate FILE...``: load each map and report problems."""

from __future__ import annotations

import sys

import click

from argmap.cli._common import EXIT_BAD_INPUT, load_or_report, max_size_option, say


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=True))
@click.option("-q", "--quiet", is_flag=True, help="Print problems only, nothing for good files.")
@max_size_option("map files")
def command(files: tuple[str, ...], quiet: bool, max_size: float) -> None:
    """Load each map FILE and report every problem as path:line:col: message.

    Exits 0 when all files are good, 2 when any is not.
    """
    from argmap.errors import ArgmapError

    bad = 0
    for path in files:
        amap = load_or_report(path, max_size, command="validate")
        if isinstance(amap, ArgmapError):
            bad += 1
        elif not quiet:
            counts = ", ".join(
                _count(len(table), name)
                for table, name in (
                    (amap.claims, "claim"),
                    (amap.inferences, "inference"),
                    (amap.attacks, "attack"),
                )
            )
            say(f"{path}: ok ({counts})")
    if bad:
        sys.exit(EXIT_BAD_INPUT)


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"
