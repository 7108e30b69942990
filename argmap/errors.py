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


class ArgmapError(ValueError):
    """Raised for any bad input; carries every problem found, in file order.

    ``str(error)`` is one ``file:line:col: message`` line per problem.
    """

    problems: tuple[Problem, ...]

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        if not self.problems:
            raise ValueError("ArgmapError needs at least one problem")
        super().__init__("\n".join(str(p) for p in self.problems))
