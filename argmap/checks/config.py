"""Settings of the checks, from ``[tool.argmap]`` in pyproject.toml.

.. code-block:: toml

    [tool.argmap]
    select = ["AM1", "circular-support"]   # rules to run (default: all)
    ignore = ["unused-claim"]              # rules never to run

    [tool.argmap.thresholds]
    weak-support = 0.4                     # keyed by rule name
    weak-relevance = 0.15

Other keys of ``[tool.argmap]`` belong to other commands and are left alone.

>>> c = Config.from_table({"ignore": ["AM305"], "thresholds": {"weak-support": 0.4}}, "pyproject.toml")
>>> c.ignore, c.thresholds["weak-support"]
(('AM305',), 0.4)
>>> Config.from_table({"thresholds": {"weak-suport": 0.4}}, "p.toml")  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
argmap.checks.config.ConfigError: p.toml: ...: 'weak-suport' is not ... (did you mean 'weak-support'?)
"""

from __future__ import annotations

import difflib
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import attrs

__all__ = ["Config", "ConfigError", "find_pyproject"]


class ConfigError(ValueError):
    """A ``[tool.argmap]`` table that cannot be used."""


@attrs.frozen
class Config:
    """Which rules to run and the thresholds of the heuristic rules.

    ``select`` None means every rule. ``thresholds`` maps rule names to
    figures; rules not in it use their defaults.
    """

    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    thresholds: Mapping[str, float] = attrs.field(factory=dict)
    file: str | None = None

    @classmethod
    def from_table(cls, table: Mapping[str, Any], file: str) -> Config:
        """Read a ``[tool.argmap]`` table; ConfigError names what is wrong."""
        from argmap.checks.registry import UnknownRuleError, all_rules, resolve

        def names(key: str) -> tuple[str, ...] | None:
            value = table.get(key)
            if value is None:
                return None
            if isinstance(value, str):
                value = [value]
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise ConfigError(f"{file}: [tool.argmap] {key} must be a list of rule names or codes")
            try:
                list(resolve(value))
            except UnknownRuleError as exc:
                raise ConfigError(f"{file}: [tool.argmap] {key}: {exc}") from None
            return tuple(value)

        select = names("select")
        ignore = names("ignore") or ()
        raw = table.get("thresholds", {})
        if not isinstance(raw, Mapping):
            raise ConfigError(f"{file}: [tool.argmap.thresholds] must be a table of rule name = number")
        tunable = [r.name for r in all_rules() if r.threshold is not None]
        thresholds: dict[str, float] = {}
        for key, value in raw.items():
            if key not in tunable:
                close = difflib.get_close_matches(key, tunable, n=1)
                hint = (
                    f" (did you mean {close[0]!r}?)" if close else f"; rules with one: {', '.join(tunable)}"
                )
                raise ConfigError(
                    f"{file}: [tool.argmap.thresholds]: {key!r} is not a rule with a threshold{hint}"
                )
            if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1:
                raise ConfigError(f"{file}: [tool.argmap.thresholds] {key} must be a number from 0 to 1")
            thresholds[key] = float(value)
        return cls(select, ignore, thresholds, file)

    @classmethod
    def from_pyproject(cls, path: str | Path) -> Config:
        """Read ``[tool.argmap]`` from a pyproject.toml (an empty config if it has none)."""
        try:
            with open(path, "rb") as fh:
                data = tomllib.load(fh)
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{path}: not valid TOML: {exc}") from None
        except OSError as exc:
            raise ConfigError(f"{path}: cannot read: {exc.strerror or exc}") from None
        table = data.get("tool", {}).get("argmap", {})
        if not isinstance(table, Mapping):
            raise ConfigError(f"{path}: [tool.argmap] must be a table")
        return cls.from_table(table, str(path))

    @classmethod
    def discover(cls, start: str | Path = ".") -> Config:
        """The config of the nearest pyproject.toml at or above ``start``."""
        found = find_pyproject(start)
        return cls() if found is None else cls.from_pyproject(found)


def find_pyproject(start: str | Path = ".") -> Path | None:
    """The nearest pyproject.toml in ``start`` or a directory above it."""
    here = Path(start).resolve()
    for d in (here, *here.parents):
        candidate = d / "pyproject.toml"
        if candidate.is_file():
            return candidate
    return None
