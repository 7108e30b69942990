"""What the commands share: loading files and reporting bad input the same way.

Imports of argmap's library modules happen inside the functions, so that
``argmap --help`` (which imports every command module) stays fast.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

import click

if TYPE_CHECKING:
    from argmap.model import ArgumentMap

#: Exit code for bad input or usage (click uses 2 for usage errors too).
EXIT_BAD_INPUT = 2

#: The default of --max-size, in MiB (argmap.fileio.DEFAULT_MAX_BYTES, kept
#: here as a number so that --help needs no import of the library).
DEFAULT_MAX_MIB = 64

F = TypeVar("F", bound=Callable[..., object])


def max_size_option(what: str) -> Callable[[F], F]:
    """The ``--max-size MIB`` option: the largest input file read."""
    return click.option(
        "--max-size",
        "max_size",
        type=click.FloatRange(min=0, min_open=True),
        default=DEFAULT_MAX_MIB,
        show_default=True,
        metavar="MIB",
        help=f"Refuse {what} larger than this many MiB (devices and pipes are never read).",
    )


def max_bytes(max_size: float) -> int:
    """--max-size (MiB) as bytes."""
    return int(max_size * 1024 * 1024)


def load_or_report(path: str, max_size: float = DEFAULT_MAX_MIB) -> ArgumentMap | None:
    """Load ``path``; on failure print ``path:line:col: message`` lines to
    stderr and return None."""
    from argmap.errors import ArgmapError
    from argmap.formats import load

    try:
        return load(path, max_bytes=max_bytes(max_size))
    except ArgmapError as exc:
        for problem in exc.problems:
            click.echo(str(problem), err=True)
    return None
