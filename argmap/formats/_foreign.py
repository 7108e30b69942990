"""What reading a map in another tool's format gives: the map, and warnings
for what argmap could not represent (each located where it is in the file).

Each foreign format is a module of :mod:`argmap.formats` with
``loads(text, *, name="<string>", lang=None) -> Imported`` and
``dumps(amap) -> str``. A file that cannot be read at all raises
:class:`~argmap.errors.ArgmapError`; anything else the format holds that argmap
cannot represent becomes a warning, and the rest of the map still loads.
"""

from __future__ import annotations

from collections.abc import Mapping

import attrs

from argmap.errors import Location, Problem
from argmap.model import ArgumentMap

__all__ = ["Imported", "Positions"]


@attrs.define
class Positions:
    """Where each element of a map read from another tool's format stands in
    its file (the map's ``origin``), so findings about it name the place.

    >>> Positions("m.argdown", {"C1": Location("m.argdown", 3, 1)}).locate("C1")
    Location(file='m.argdown', line=3, column=1)
    """

    file: str
    places: Mapping[str, Location]

    def locate(self, element_id: str) -> Location | None:
        """The location of an element, or None."""
        return self.places.get(element_id)


@attrs.frozen
class Imported:
    """A map read from another tool's format, and what could not be carried over."""

    map: ArgumentMap
    warnings: tuple[Problem, ...] = ()
