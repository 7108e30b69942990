"""A finding of the checks: what rule, how severe, which elements, where."""

from __future__ import annotations

import enum
from typing import Any

import attrs

from argmap.errors import Location
from argmap.support import type_name


class Severity(enum.Enum):
    """How much a finding matters. ``error`` makes ``argmap check`` exit 1."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


def _text(_inst: object, attr: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str):
        raise TypeError(f"{attr.name} must be a str, not {type_name(value)}")


def _ids(value: object) -> tuple[str, ...]:
    if isinstance(value, (str, bytes)) or not isinstance(value, (tuple, list)):
        raise TypeError(f"expected a tuple of element ids (str), not {type_name(value)}")
    for item in value:
        if not isinstance(item, str):
            raise TypeError(f"an element id must be a str, not {type_name(item)}")
    return tuple(value)


def _severity(value: Severity | str) -> Severity:
    if isinstance(value, Severity):
        return value
    if not isinstance(value, str):
        raise TypeError(f"severity must be a Severity or one of error, warning, info, not {type_name(value)}")
    try:
        return Severity(value)
    except ValueError:
        raise ValueError(f"unknown severity {value!r}: use error, warning or info") from None


def _location(_inst: object, _attr: attrs.Attribute[Any], value: object) -> None:
    if value is not None and not isinstance(value, Location):
        raise TypeError(f"location must be a Location or None, not {type_name(value)}")


@attrs.frozen
class Diagnostic:
    """One finding.

    ``elements`` are the ids involved, the main element first; ``path`` is
    the ordered ids of a cycle or chain (empty otherwise); ``location`` is
    where the main element stands in the file the map came from. Arguments
    of the wrong type raise TypeError.
    """

    code: str = attrs.field(validator=_text)
    name: str = attrs.field(validator=_text)
    severity: Severity = attrs.field(converter=_severity)
    message: str = attrs.field(validator=_text)
    elements: tuple[str, ...] = attrs.field(converter=_ids)
    path: tuple[str, ...] = attrs.field(default=(), converter=_ids)
    location: Location | None = attrs.field(default=None, validator=_location)
