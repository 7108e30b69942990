"""What reading a map in another tool's format gives: the map, and warnings
for what argmap could not represent (each located where it is in the file).

Each foreign format is a module of :mod:`argmap.formats` with
``loads(text, *, name="<string>", lang=None) -> Imported`` and
``dumps(amap) -> str``. A file that cannot be read at all raises
:class:`~argmap.errors.ArgmapError`; anything else the format holds that argmap
cannot represent becomes a warning, and the rest of the map still loads.
"""

from __future__ import annotations

import attrs

from argmap.errors import Problem
from argmap.model import ArgumentMap

__all__ = ["Imported"]


@attrs.frozen
class Imported:
    """A map read from another tool's format, and what could not be carried over."""

    map: ArgumentMap
    warnings: tuple[Problem, ...] = ()
