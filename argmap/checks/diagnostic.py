"""A finding of the checks: what rule, how severe, which elements, where."""

from __future__ import annotations

import enum

import attrs

from argmap.errors import Location


class Severity(enum.Enum):
    """How much a finding matters. ``error`` makes ``argmap check`` exit 1."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@attrs.frozen
class Diagnostic:
    """One finding.

    ``elements`` are the ids involved, the main element first; ``path`` is
    the ordered ids of a cycle or chain (empty otherwise); ``location`` is
    where the main element stands in the file the map came from.
    """

    code: str
    name: str
    severity: Severity
    message: str
    elements: tuple[str, ...]
    path: tuple[str, ...] = ()
    location: Location | None = None
