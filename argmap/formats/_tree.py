"""What the readers hand to the schema: a plain tree and a way to locate its parts.

A *tree* is made of ``dict``, ``list``, ``str``, ``int``, ``float``, ``bool``
and ``None``. A *path* names a part of it: ``("claims", "E1", "source", "url")``.
A :class:`FileLocator` (an :class:`argmap.model.Locator`) turns a path into a :class:`~argmap.errors.Location`, either
of the key that names the part (``key=True``) or of its value.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from typing import Any

from argmap.errors import Location, Problem
from argmap.i18n import _
from argmap.model import Locator

Path = tuple[str | int, ...]
Tree = Any

SECTIONS = ("claims", "inferences", "attacks")

#: The most values (YAML nodes, JSON values; keys count too) a file may hold
#: unless a larger size limit raises it (:data:`BYTES_PER_VALUE`). A real map
#: holds a value for every 15 bytes or so (the benchmark's 100,000 claims and
#: 50,000 inferences: 1.4 million values in 21 MB of YAML), so a real map as
#: large as the default 64 MiB size limit still loads. A file of nothing but
#: tiny values (``[[],[],…]``, 3 bytes a value) is refused before its tree is
#: built, which costs libyaml about 440 bytes a value: under this cap, at
#: most about 2.6 GB.
MAX_VALUES = 6_000_000
#: With a size limit above the default, the cap is one value per this many bytes.
BYTES_PER_VALUE = 12


def too_many_values(limit: int) -> str:
    return _(
        "the file holds more than {limit} values (keys, texts, lists and mappings), "
        "the most argmap reads: a real map holds about 9 for each element"
    ).format(limit=f"{limit:,}")


class FileLocator(Locator):
    """Base class: resolves paths to locations in one file; as a map's
    :class:`~argmap.model.Locator`, it locates the map's elements.

    Subclasses implement :meth:`_find`, which returns the (line, column) of
    the deepest part of the path it can find.
    """

    #: Whether reading found a typing mistake, so the map must not load
    #: even if nothing else is wrong (see :meth:`explain`).
    mistaken = False

    def __init__(self, file: str) -> None:
        self.file = file

    def _find(self, path: Path, key: bool) -> tuple[int, int]:  # pragma: no cover - abstract
        raise NotImplementedError

    def at(self, path: Path, key: bool = False) -> Location:
        """Where ``path`` is: its key when ``key`` is true, else its value."""
        line, column = self._find(path, key)
        return Location(self.file, line, column)

    def explain(self, problems: list[Problem], missing: dict[Problem, str]) -> list[Problem]:
        """``problems`` (each missing field in ``missing``), with what the
        text shows caused them; here, as they are."""
        return problems

    def prepare(self, paths: Iterable[Path]) -> None:
        """Make ready to locate ``paths`` (a locator that must read the text
        again to find a path reads it once for all of them)."""

    def locate(self, element_id: str) -> Location | None:
        """Where the element with this id is named (its key in its section)."""
        for section in SECTIONS:
            path: Path = (section, element_id)
            if self._has(path):
                return self.at(path, key=True)
        return None

    def _has(self, path: Path) -> bool:  # pragma: no cover - abstract
        raise NotImplementedError

    def for_elements(self) -> ElementLocator | FileLocator:
        """What a loaded map keeps to locate its elements (see ArgumentMap.origin).

        The default keeps this locator; a locator holding a large parse tree
        returns a small table instead.
        """
        return self


class ElementLocator(Locator):
    """The positions of element ids only: what a map keeps once it is loaded."""

    def __init__(self, file: str, positions: dict[str, tuple[int, int]]) -> None:
        self.file = file
        self._positions = positions

    def locate(self, element_id: str) -> Location | None:
        pos = self._positions.get(element_id)
        return None if pos is None else Location(self.file, *pos)


#: What ends a line in JSON (CR, LF, CRLF) and, for YAML, also NEL, LS and
#: PS, as libyaml counts lines (so offsets and YAML's own marks agree).
JSON_BREAKS = ("\n", "\r")
YAML_BREAKS = ("\n", "\r", "\x85", "\u2028", "\u2029")


class LineIndex:
    """Turns character offsets into 1-based (line, column).

    A line ends at LF, CR or CRLF (``breaks`` gives the characters; a CRLF
    ends one line). It keeps a few numbers for each 64 KiB of text, not one
    per line: a file of millions of short lines costs nothing to index, and
    each position is counted from the nearest mark.

    >>> LineIndex("ab\\ncd").position(4)
    (2, 2)
    >>> LineIndex("ab\\rcd\\r\\nef").position(7)
    (3, 1)
    """

    CHUNK = 1 << 16

    def __init__(self, text: str, breaks: tuple[str, ...] = JSON_BREAKS) -> None:
        self._text = text
        self._breaks = tuple(b for b in breaks if b in text) or ("\n",)
        self._crlf = "\r" in self._breaks and "\n" in self._breaks
        #: For each mark: its offset, the lines before it, where its line starts.
        self._marks: list[int] = [0]
        self._lines: list[int] = [0]
        self._starts: list[int] = [0]
        start, lines, line_start = 0, 0, 0
        n = len(text)
        while start + self.CHUNK < n:
            end = start + self.CHUNK
            if self._crlf and text[end - 1] == "\r" and text[end] == "\n":
                end += 1  # never split a CRLF
            counted, last = self._count(start, end)
            lines += counted
            if last >= 0:
                line_start = last
            self._marks.append(end)
            self._lines.append(lines)
            self._starts.append(line_start)
            start = end

    def _count(self, start: int, end: int) -> tuple[int, int]:
        """Line breaks in ``text[start:end]`` and where the last line in it starts (or -1)."""
        text = self._text
        count = sum(text.count(b, start, end) for b in self._breaks)
        if self._crlf:
            count -= text.count("\r\n", start, end)
        last = max(text.rfind(b, start, end) for b in self._breaks)
        return count, -1 if last < 0 else last + 1

    def position(self, offset: int) -> tuple[int, int]:
        text = self._text
        if self._crlf and 0 < offset < len(text) and text[offset] == "\n" and text[offset - 1] == "\r":
            line, column = self.position(offset - 1)  # the LF of a CRLF: after the CR
            return line, column + 1
        k = bisect.bisect_right(self._marks, offset) - 1
        counted, last = self._count(self._marks[k], offset)
        line_start = last if last >= 0 else self._starts[k]
        return self._lines[k] + counted + 1, offset - line_start + 1
