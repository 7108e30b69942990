"""What the readers hand to the schema: a plain tree and a way to locate its parts.

A *tree* is made of ``dict``, ``list``, ``str``, ``int``, ``float``, ``bool``
and ``None``. A *path* names a part of it: ``("claims", "E1", "source", "url")``.
A :class:`Locator` turns a path into a :class:`~argmap.errors.Location`, either
of the key that names the part (``key=True``) or of its value.
"""

from __future__ import annotations

import bisect
from typing import Any

from argmap.errors import Location

Path = tuple[str | int, ...]
Tree = Any

SECTIONS = ("claims", "inferences", "attacks")


class Locator:
    """Base class: resolves paths to locations in one file.

    Subclasses implement :meth:`_find`, which returns the (line, column) of
    the deepest part of the path it can find.
    """

    def __init__(self, file: str) -> None:
        self.file = file

    def _find(self, path: Path, key: bool) -> tuple[int, int]:  # pragma: no cover - abstract
        raise NotImplementedError

    def at(self, path: Path, key: bool = False) -> Location:
        """Where ``path`` is: its key when ``key`` is true, else its value."""
        line, column = self._find(path, key)
        return Location(self.file, line, column)

    def locate(self, element_id: str) -> Location | None:
        """Where the element with this id is named (its key in its section)."""
        for section in SECTIONS:
            path: Path = (section, element_id)
            if self._has(path):
                return self.at(path, key=True)
        return None

    def _has(self, path: Path) -> bool:  # pragma: no cover - abstract
        raise NotImplementedError

    def for_elements(self) -> ElementLocator | Locator:
        """What a loaded map keeps to locate its elements (see ArgumentMap.origin).

        The default keeps this locator; a locator holding a large parse tree
        returns a small table instead.
        """
        return self


class ElementLocator:
    """The positions of element ids only: what a map keeps once it is loaded."""

    def __init__(self, file: str, positions: dict[str, tuple[int, int]]) -> None:
        self.file = file
        self._positions = positions

    def locate(self, element_id: str) -> Location | None:
        pos = self._positions.get(element_id)
        return None if pos is None else Location(self.file, *pos)


class LineIndex:
    """Turns character offsets into 1-based (line, column).

    >>> LineIndex("ab\\ncd").position(4)
    (2, 2)
    """

    def __init__(self, text: str) -> None:
        starts = [0]
        find = text.find
        i = find("\n")
        while i >= 0:
            starts.append(i + 1)
            i = find("\n", i + 1)
        self._starts = starts

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self._starts, offset) - 1
        return line + 1, offset - self._starts[line] + 1
