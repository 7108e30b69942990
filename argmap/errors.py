"""Located problems, and the errors argmap raises for something a user can fix.

Every such error is an :class:`ArgmapException`: its :meth:`~ArgmapException.lines`
are fit to show a person, and its ``exit_code`` is the status the ``argmap``
command exits with. The kinds:

- :class:`ArgmapError` (also a ValueError): bad input, with every problem found;
- ``argmap.checks.ConfigError`` (a ValueError): a ``[tool.argmap]`` table that cannot be used;
- ``argmap.checks.UnknownRuleError`` (a ValueError): a rule name or code not in the catalogue;
- ``argmap.drawing.RenderError``: drawing failed (Graphviz missing, too slow, failing);
- ``argmap.fileio.OutputError`` (an OSError): an output refused or not written.

This module is a leaf: it imports nothing else from argmap but
:mod:`argmap.i18n`, so every other module (the model included) may use it.

>>> p = Problem("unknown field 'txt' (did you mean 'text'?)", Location("m.yaml", 4, 5))
>>> str(p)
"m.yaml:4:5: unknown field 'txt' (did you mean 'text'?)"
>>> err = ArgmapError([p])
>>> err.problems[0].location.line
4
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

import attrs

from argmap.i18n import _, ngettext

__all__ = [
    "EXIT_BAD_INPUT",
    "MAX_PROBLEMS",
    "ArgmapError",
    "ArgmapException",
    "Location",
    "Problem",
    "ProblemList",
    "more_problems",
]

#: The exit status of the ``argmap`` command for bad input or usage (click uses 2 for usage errors too).
EXIT_BAD_INPUT = 2

#: The most problems listed for one input; past them one line says how many more.
#: A hostile file can hold millions (every item of a huge list a bad
#: reference); listing them all would cost more memory and output than use.
MAX_PROBLEMS = 1000


@attrs.frozen(order=True)
class Location:
    """A position in a file: 1-based ``line`` and ``column``.

    Columns count characters (code points), not bytes.
    """

    file: str
    line: int
    column: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"


@attrs.frozen
class Problem:
    """One thing wrong with an input, with where it is when that is known."""

    message: str
    location: Location | None = None

    def __str__(self) -> str:
        if self.location is None:
            return self.message
        return f"{self.location}: {self.message}"


class ProblemList(list[Problem]):
    """Problems as they are found: keeps the first :data:`MAX_PROBLEMS` and
    counts the others in ``more`` (so a file full of problems costs little).

    >>> found = ProblemList()
    >>> for i in range(MAX_PROBLEMS + 5):
    ...     found.add(Problem(f"problem {i}"))
    >>> len(found), found.more
    (1000, 5)
    """

    more: int = 0

    def add(self, problem: Problem) -> None:
        if len(self) < MAX_PROBLEMS:
            self.append(problem)
        else:
            self.more += 1


def more_problems(count: int, after: Location | None) -> Problem:
    """The line that stands for ``count`` problems not listed."""
    return Problem(
        ngettext(
            "… and {count} more problem, not listed (only the first {max} of a file are)",
            "… and {count} more problems, not listed (only the first {max} of a file are)",
            count,
        ).format(count=f"{count:,}", max=f"{MAX_PROBLEMS:,}"),
        after,
    )


class ArgmapException(Exception):
    """The base of every error argmap raises for something the user can fix.

    ``exit_code`` is the status the ``argmap`` command exits with;
    :meth:`lines` is what it prints, each line prefixed with what failed
    (such as ``argmap render``). Catch this to handle any of them.

    >>> class Broken(ArgmapException):
    ...     pass
    >>> Broken("Graphviz failed").lines("argmap render"), Broken.exit_code
    (['argmap render: Graphviz failed'], 2)
    """

    exit_code: ClassVar[int] = EXIT_BAD_INPUT

    def lines(self, prefix: str) -> list[str]:
        """The message for a person, one line each: ``prefix: message``."""
        return [f"{prefix}: {self}"]


class ArgmapError(ArgmapException, ValueError):
    """Raised for any bad input; carries every problem found, in file order.

    ``str(error)`` is one ``file:line:col: message`` line per problem. At
    most :data:`MAX_PROBLEMS` are listed; past them, a last problem says how
    many more there were (``more`` counts those not listed, and may be given
    for problems that were counted but never kept).

    >>> err = ArgmapError([Problem(f"bad {i}", Location("m", i, 1)) for i in range(1, 1003)])
    >>> len(err.problems), err.more
    (1001, 2)
    >>> str(err.problems[-1])
    'm:1000:1: … and 2 more problems, not listed (only the first 1,000 of a file are)'
    """

    problems: tuple[Problem, ...]
    more: int

    def __init__(self, problems: Iterable[Problem], more: int = 0) -> None:
        kept = list(problems)
        if not kept:
            raise ValueError(_("ArgmapError needs at least one problem"))
        more += getattr(problems, "more", 0) + max(0, len(kept) - MAX_PROBLEMS)
        del kept[MAX_PROBLEMS:]
        self.more = more
        if more:
            kept.append(more_problems(more, kept[-1].location))
        self.problems = tuple(kept)
        super().__init__("\n".join(str(p) for p in self.problems))

    def lines(self, prefix: str) -> list[str]:
        """One line per problem: a located one names its own file
        (``file:line:col: message``); the others get ``prefix: ``.

        >>> ArgmapError([Problem("bad", Location("m.yaml", 2, 3)), Problem("no file")]).lines("argmap x")
        ['m.yaml:2:3: bad', 'argmap x: no file']
        """
        return [str(p) if p.location is not None else f"{prefix}: {p}" for p in self.problems]
