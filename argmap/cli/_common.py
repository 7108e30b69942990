"""What the commands share: loading files and reporting bad input the same way.

Imports of argmap's library modules happen inside the functions, so that
``argmap --help`` (which imports every command module) stays fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from argmap.model import ArgumentMap

#: Exit code for bad input or usage (click uses 2 for usage errors too).
EXIT_BAD_INPUT = 2


def load_or_report(path: str) -> ArgumentMap | None:
    """Load ``path``; on failure print ``path:line:col: message`` lines to
    stderr and return None."""
    from argmap.errors import ArgmapError
    from argmap.formats import load

    try:
        return load(path)
    except ArgmapError as exc:
        for problem in exc.problems:
            click.echo(str(problem), err=True)
    except IsADirectoryError:
        click.echo(f"{path}: is a directory, not a map file", err=True)
    except OSError as exc:
        click.echo(f"{path}: cannot read: {exc.strerror or exc}", err=True)
    return None
