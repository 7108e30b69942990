"""Settings of the drawing, from ``[tool.argmap.render]`` in pyproject.toml, and the colours of tags.

.. code-block:: toml

    [tool.argmap.render]
    tag-colors = { economy = "#1f77b4", security = "red", "安全保障" = "#c62828" }

The checks read ``[tool.argmap]`` itself (:mod:`argmap.checks.config`);
this reader takes only the ``render`` table, and the file is found the same
way (the nearest pyproject.toml at or above the current directory).

A colour is ``#RRGGBB``, ``#RGB`` or one of the names of :data:`COLOUR_NAMES`;
every colour is kept as six-digit hex (Graphviz 2.42 draws ``#eef`` black).
A tag without a colour of its own gets one of :data:`PALETTE`, in the order
the tags first appear in the map.

>>> RenderConfig.from_table({"tag-colors": {"economy": "#1F77B4", "law": "red"}}, "p.toml").tag_colors
mappingproxy({'economy': '#1f77b4', 'law': '#c62828'})
>>> RenderConfig.from_table({"tag-colours": {}}, "p.toml")  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
argmap.checks.config.ConfigError: p.toml: [tool.argmap.render]: 'tag-colours' is not a setting ... (did you mean 'tag-colors'?)
"""

from __future__ import annotations

import os
import re
import tomllib
import types
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import attrs

from argmap.checks.config import Config, ConfigError, find_pyproject
from argmap.checks.wording import shown
from argmap.fileio import decode_utf8, read_input
from argmap.i18n import _
from argmap.support import closest, type_name

__all__ = [
    "COLOUR_NAMES",
    "PALETTE",
    "RenderConfig",
    "colour",
    "ink_on",
    "readable",
    "tag_colours",
    "tint",
]

#: Colours a tag gets when none is set for it: dark enough for white text,
#: and told apart by most readers with a colour vision deficiency.
PALETTE = (
    "#1f5fa6",  # blue
    "#b3460b",  # burnt orange
    "#1b7a4d",  # green
    "#8e3b8e",  # purple
    "#8a6d00",  # ochre
    "#a3213e",  # crimson
    "#2f6f73",  # teal
    "#5b4a9e",  # indigo
)

#: Colour names a setting may use, and the colour each is drawn in.
COLOUR_NAMES = {
    "black": "#222222",
    "gray": "#6b6b6b",
    "grey": "#6b6b6b",
    "red": "#c62828",
    "crimson": "#a3213e",
    "orange": "#e65100",
    "brown": "#795548",
    "yellow": "#f9a825",
    "olive": "#827717",
    "green": "#2e7d32",
    "teal": "#00796b",
    "cyan": "#00838f",
    "blue": "#1565c0",
    "navy": "#1a237e",
    "indigo": "#3949ab",
    "purple": "#6a1b9a",
    "violet": "#8e24aa",
    "magenta": "#ad1457",
    "pink": "#d81b60",
}

_HEX = re.compile(r"#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})\Z")
#: The settings ``[tool.argmap.render]`` holds.
KEYS = ("tag-colors",)


def colour(value: str) -> str | None:
    """A colour as six-digit lower-case hex, or None when ``value`` is not one.

    >>> colour("#ABC"), colour("Red"), colour("#12345"), colour("url(x)")
    ('#aabbcc', '#c62828', None, None)
    """
    if not isinstance(value, str):
        return None
    text = value.strip()
    if _HEX.match(text):
        digits = text[1:].lower()
        return "#" + ("".join(c * 2 for c in digits) if len(digits) == 3 else digits)
    return COLOUR_NAMES.get(text.lower())


def _luminance(hex_colour: str) -> float:
    """The relative luminance of a ``#rrggbb`` colour (WCAG 2)."""

    def channel(i: int) -> float:
        c = int(hex_colour[i : i + 2], 16) / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5)


def ink_on(background: str) -> str:
    """The text colour, white or near-black, that reads best on ``background`` (``#rrggbb``).

    >>> ink_on("#1f5fa6"), ink_on("#f9a825")
    ('#ffffff', '#000000')
    """
    lum = _luminance(background)
    white = 1.05 / (lum + 0.05)
    black = (lum + 0.05) / 0.05
    return "#ffffff" if white >= black else "#000000"


def readable(hex_colour: str, background: str = "#ffffff") -> str:
    """``hex_colour``, darkened as little as needed for text in it to read on
    ``background`` (a contrast of 4.5 at least, as WCAG asks of text).

    >>> readable("#1f5fa6"), readable("#f9a825")
    ('#1f5fa6', '#956516')
    """
    back = _luminance(background)
    parts = [int(hex_colour[i : i + 2], 16) for i in (1, 3, 5)]
    for step in range(11):
        mixed = "#" + "".join(f"{round(p * (1 - step / 10)):02x}" for p in parts)
        lum = _luminance(mixed)
        if (max(lum, back) + 0.05) / (min(lum, back) + 0.05) >= 4.5:
            return mixed
    return "#000000"


def tint(hex_colour: str, share: float = 0.12) -> str:
    """``hex_colour`` mixed with white, keeping ``share`` of it: a light fill.

    >>> tint("#000000", 0.5)
    '#808080'
    """
    parts = [int(hex_colour[i : i + 2], 16) for i in (1, 3, 5)]
    mixed = [round(255 - (255 - p) * share) for p in parts]
    return "#" + "".join(f"{p:02x}" for p in mixed)


def tag_colours(tags: Iterable[str], configured: Mapping[str, str] | None = None) -> dict[str, str]:
    """Each of ``tags`` (in the order they first appear) with its colour:
    the one ``configured`` for it, else the next of :data:`PALETTE` (in turn).

    >>> tag_colours(["a", "b", "c"], {"b": "#000000"})
    {'a': '#1f5fa6', 'b': '#000000', 'c': '#b3460b'}
    """
    configured = configured or {}
    out: dict[str, str] = {}
    turn = 0
    for t in tags:
        if t in out:
            continue
        if t in configured:
            out[t] = configured[t]
        else:
            out[t] = PALETTE[turn % len(PALETTE)]
            turn += 1
    return out


def _frozen(value: Mapping[str, str]) -> Mapping[str, str]:
    return types.MappingProxyType(dict(value))


@attrs.frozen
class RenderConfig:
    """What ``[tool.argmap.render]`` sets: ``tag_colors``, tag -> ``#rrggbb``."""

    tag_colors: Mapping[str, str] = attrs.field(factory=dict, converter=_frozen)
    file: str | None = None

    @classmethod
    def from_table(cls, table: Mapping[str, Any], file: str) -> RenderConfig:
        """Read a ``[tool.argmap.render]`` table; ConfigError names what is wrong in it."""
        if not isinstance(table, Mapping):
            raise TypeError(f"table must be a mapping (a TOML table), not {type_name(table)}")
        for key in table:
            if key not in KEYS:
                best = closest(str(key), list(KEYS))
                hint = _(" (did you mean {key}?)").format(key=shown(best)) if best else ""
                raise ConfigError(
                    _("{file}: [tool.argmap.render]: {key} is not a setting of the drawing{hint}").format(
                        file=file, key=shown(str(key)), hint=hint
                    )
                )
        raw = table.get("tag-colors", {})
        if not isinstance(raw, Mapping):
            raise ConfigError(
                _(
                    "{file}: [tool.argmap.render] tag-colors must be a table of tag = colour, "
                    'such as {{ economy = "#1f77b4" }}'
                ).format(file=file)
            )
        colours: dict[str, str] = {}
        for tag, value in raw.items():
            found = colour(value) if isinstance(value, str) else None
            if found is None:
                raise ConfigError(
                    _(
                        "{file}: [tool.argmap.render] tag-colors: the colour of the tag {tag} is {value}, "
                        "not a colour: write #RRGGBB (such as #1f77b4) or a name such as {names}"
                    ).format(
                        file=file,
                        tag=shown(tag),
                        value=repr(value)[:60] if isinstance(value, str) else type_name(value),
                        names=_(", ").join(list(COLOUR_NAMES)[:8]),
                    )
                )
            colours[tag] = found
        return cls(colours, file)

    @classmethod
    def from_pyproject(cls, path: str | os.PathLike[str]) -> RenderConfig:
        """Read ``[tool.argmap.render]`` from a pyproject.toml (empty if it has none).

        A file that cannot be read or is not TOML raises ConfigError as the
        checks say it (:meth:`argmap.checks.config.Config.from_pyproject`).
        """
        if not isinstance(path, str | os.PathLike):
            raise TypeError(f"path must be a str or a path, not {type_name(path)}")
        name = os.fsdecode(path)
        Config.from_pyproject(name)  # the same words for a file that is not TOML, or a bad [tool.argmap]
        data = tomllib.loads(decode_utf8(read_input(name, "a pyproject.toml"), name))
        table = data.get("tool", {}).get("argmap", {}).get("render", {})
        if not isinstance(table, Mapping):
            raise ConfigError(
                _(
                    "{file}: [tool.argmap.render] must be a table, such as [tool.argmap.render] on a line of its own"
                ).format(file=name)
            )
        return cls.from_table(table, name)

    @classmethod
    def discover(cls, start: str | Path = ".") -> RenderConfig:
        """The drawing's settings in the nearest pyproject.toml at or above ``start``."""
        found = find_pyproject(start)
        return cls() if found is None else cls.from_pyproject(found)
