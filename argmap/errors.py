"""Located problems and the one error type argmap raises for bad input.

This module is a leaf: it imports nothing else from argmap, so every other
module (the model included) may use it.

>>> p = Problem("unknown field 'txt' (did you mean 'text'?)", Location("m.yaml", 4, 5))
>>> str(p)
"m.yaml:4:5: unknown field 'txt' (did you mean 'text'?)"
>>> err = ArgmapError([p])
>>> err.problems[0].location.line
4
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

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
        f"… and {count:,} more problems, not listed (only the first {MAX_PROBLEMS:,} of a file are)",
        after,
    )


class ArgmapError(ValueError):
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
            raise ValueError("ArgmapError needs at least one problem")
        more += getattr(problems, "more", 0) + max(0, len(kept) - MAX_PROBLEMS)
        del kept[MAX_PROBLEMS:]
        self.more = more
        if more:
            kept.append(more_problems(more, kept[-1].location))
        self.problems = tuple(kept)
        super().__init__("\n".join(str(p) for p in self.problems))
