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

import ast
import os
import re
import tomllib
import types
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import attrs

from argmap.checks.wording import separator, shown
from argmap.errors import ArgmapError, ArgmapException
from argmap.fileio import decode_utf8, read_input
from argmap.i18n import DEFAULT_LANGUAGE, N_, _, current
from argmap.support import closest, type_name

__all__ = ["Config", "ConfigError", "find_pyproject"]


def _select(value: object) -> tuple[str, ...] | None:
    return _names(value, "select")


def _ignore(value: object) -> tuple[str, ...]:
    return _names(value, "ignore") or ()


def _thresholds_validator(_inst: object, _attr: attrs.Attribute[Any], value: object) -> None:
    _thresholds(value)


def _file_validator(_inst: object, _attr: attrs.Attribute[Any], value: object) -> None:
    _file(value)


def _names(value: object, what: str) -> tuple[str, ...] | None:
    """``select`` or ``ignore`` as a tuple of str (one str is one name)."""
    if value is None:
        return None
    if isinstance(value, str):
        return (value,)
    if isinstance(value, (bytes, bytearray, Mapping)) or not isinstance(value, (tuple, list)):
        raise TypeError(f"{what} must be a list of rule names or codes, not {type_name(value)}")
    for item in value:
        if not isinstance(item, str):
            raise TypeError(f"{what} must hold rule names or codes (str), not {type_name(item)}")
    return tuple(value)


def _thresholds(value: object) -> None:
    if not isinstance(value, Mapping):
        raise TypeError(f"thresholds must be a mapping of rule name to number, not {type_name(value)}")
    for key, figure in value.items():
        if not isinstance(key, str):
            raise TypeError(f"thresholds are keyed by rule name (str), not {type_name(key)}")
        if isinstance(figure, bool) or not isinstance(figure, int | float):
            raise TypeError(f"the threshold of {key} must be a number from 0 to 1, not {type_name(figure)}")
        if not 0 <= figure <= 1:  # NaN fails too
            raise ValueError(f"the threshold of {key} must be a number from 0 to 1")


def _file(value: object) -> None:
    if value is not None and not isinstance(value, str):
        raise TypeError(
            f"file must be a str (the path of the pyproject.toml) or None, not {type_name(value)}"
        )


class ConfigError(ArgmapException, ValueError):
    """A ``[tool.argmap]`` table that cannot be used; ``str()`` is one line
    naming the file and what is wrong."""


@attrs.frozen
class Config:
    """Which rules to run and the thresholds of the heuristic rules.

    ``select`` None means every rule. ``thresholds`` maps rule names to
    figures; rules not in it use their defaults. Arguments of the wrong
    type raise TypeError, a threshold out of range ValueError.
    """

    select: tuple[str, ...] | None = attrs.field(default=None, converter=_select)
    ignore: tuple[str, ...] = attrs.field(default=(), converter=_ignore)
    thresholds: Mapping[str, float] = attrs.field(factory=dict, validator=_thresholds_validator)
    file: str | None = attrs.field(default=None, validator=_file_validator)

    @classmethod
    def from_table(cls, table: Mapping[str, Any], file: str) -> Config:
        """Read a ``[tool.argmap]`` table; ConfigError names what is wrong
        in it, TypeError an argument of the wrong type."""
        from argmap.checks.registry import UnknownRuleError, all_rules, normal_name, resolve

        if not isinstance(table, Mapping):
            raise TypeError(f"table must be a mapping (a TOML table), not {type_name(table)}")
        _file(file)

        def names(key: str) -> tuple[str, ...] | None:
            value = table.get(key)
            if value is None:
                return None
            if isinstance(value, str):
                value = [value]
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise ConfigError(
                    _("{file}: [tool.argmap] {key} must be a list of rule names or codes").format(
                        file=file, key=key
                    )
                )
            try:
                list(resolve(value))
            except UnknownRuleError as exc:
                raise ConfigError(
                    _("{file}: [tool.argmap] {key}: {error}").format(file=file, key=key, error=exc)
                ) from None
            return tuple(value)

        select = names("select")
        ignore = names("ignore") or ()
        raw = table.get("thresholds", {})
        if not isinstance(raw, Mapping):
            raise ConfigError(
                _("{file}: [tool.argmap.thresholds] must be a table of rule name = number").format(file=file)
            )
        with_one = [r for r in all_rules() if r.threshold is not None]
        tunable = [r.name for r in with_one]
        by_name = {**{r.ja_name: r.name for r in with_one}, **{r.name: r.name for r in with_one}}
        thresholds: dict[str, float] = {}
        for key, value in raw.items():
            name = by_name.get(normal_name(key)) if isinstance(key, str) else None
            if name is None:
                best = closest(key, list(by_name)) if isinstance(key, str) else None
                if best is not None:
                    hint = _(" (did you mean {rule}?)").format(rule=shown(best))
                else:
                    hint = _("; rules with one: {names}").format(names=separator().join(tunable))
                raise ConfigError(
                    _("{file}: [tool.argmap.thresholds]: {key} is not a rule with a threshold{hint}").format(
                        file=file, key=shown(key) if isinstance(key, str) else repr(key), hint=hint
                    )
                )
            if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1:
                raise ConfigError(
                    _("{file}: [tool.argmap.thresholds] {key} must be a number from 0 to 1").format(
                        file=file, key=key
                    )
                )
            thresholds[name] = float(value)
        return cls(select, ignore, thresholds, file)

    @classmethod
    def from_pyproject(cls, path: str | Path) -> Config:
        """Read ``[tool.argmap]`` from a pyproject.toml (an empty config if it has none).

        Every problem with the file (unreadable, not UTF-8, not TOML, a
        ``tool`` or ``tool.argmap`` that is not a table, a wrong value)
        raises :class:`ConfigError` naming the file.
        """
        if not isinstance(path, (str, os.PathLike)):
            raise TypeError(f"path must be a str or a path, not {type_name(path)}")
        name = os.fsdecode(path)
        try:
            text = decode_utf8(read_input(name, "a pyproject.toml"), name)
        except ArgmapError as exc:
            raise ConfigError(str(exc.problems[0])) from None
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(_toml_error(name, text, exc)) from None
        tool = data.get("tool", {})
        if not isinstance(tool, Mapping):
            raise ConfigError(
                _("{file}: [tool] must be a table, not {kind}").format(file=name, kind=_toml_type(tool))
            )
        table = tool.get("argmap", {})
        if not isinstance(table, Mapping):
            raise ConfigError(
                _("{file}: [tool.argmap] must be a table, not {kind}").format(
                    file=name, kind=_toml_type(table)
                )
            )
        return cls.from_table(table, name)

    @classmethod
    def discover(cls, start: str | Path = ".") -> Config:
        """The config of the nearest pyproject.toml at or above ``start``."""
        found = find_pyproject(start)
        return cls() if found is None else cls.from_pyproject(found)


_TOML_AT = re.compile(r"\s*\(at (?:line (\d+), column (\d+)|end of document)\)\Z")


def _toml_error(name: str, text: str, exc: tomllib.TOMLDecodeError) -> str:
    """``name:line:col: not valid TOML: why`` from tomllib's message."""
    message = str(exc)
    m = _TOML_AT.search(message)
    if m is None:
        return _("{file}: not valid TOML: {why}").format(file=name, why=message)
    if m.group(1) is not None:
        line, column = m.group(1), m.group(2)
    else:  # the end of the document
        line, column = str(text.count("\n") + 1), str(len(text) - text.rfind("\n"))
    return _("{file}: not valid TOML: {why}").format(
        file=f"{name}:{line}:{column}", why=toml_reason(message[: m.start()])
    )


#: What tomllib says is wrong, as it says it (its messages are English and
#: not marked for translation): said again here, so that a Japanese reader
#: reads it in Japanese; a ``{name}`` stands for the part tomllib fills in.
_TOML_REASONS = (
    N_("Invalid statement"),
    N_("Expected newline or end of document after a statement"),
    N_("Found invalid character {char}"),
    N_("Cannot declare {key} twice"),
    N_("Cannot overwrite a value"),
    N_("Expected ']' at the end of a table declaration"),
    N_("Cannot mutate immutable namespace {key}"),
    N_("Expected ']]' at the end of an array declaration"),
    N_("Cannot redefine namespace {key}"),
    N_("Expected '=' after a key in a key/value pair"),
    N_("Invalid initial character for a key part"),
    N_("Unclosed array"),
    N_("Duplicate inline table key {key}"),
    N_("Unclosed inline table"),
    N_("Unescaped '\\' in a string"),
    N_("Invalid hex value"),
    N_("Escaped character is not a Unicode scalar value"),
    N_("Unterminated string"),
    N_("Illegal character {char}"),
    N_("Invalid date or datetime"),
    N_("Invalid value"),
    N_("Expected {expected}"),
)
_TOML_PLACEHOLDER = re.compile(r"\\\{(\w+)\\\}")
_TOML_PATTERNS = tuple(
    (re.compile(_TOML_PLACEHOLDER.sub(r"(?P<\1>.+)", re.escape(reason)), re.DOTALL), reason)
    for reason in _TOML_REASONS
)


def _toml_key(shown: str) -> str:
    """A key as tomllib shows it (``('tool', 'argmap')``) as it is written in
    the file (``'tool.argmap'``)."""
    try:
        key = ast.literal_eval(shown)
    except (ValueError, SyntaxError, MemoryError, RecursionError):
        return shown
    if isinstance(key, tuple) and key and all(isinstance(k, str) for k in key):
        return repr(".".join(key))
    return shown


def toml_reason(message: str) -> str:
    """tomllib's ``message`` (without its position) in the language in force.

    >>> from argmap.i18n import using
    >>> toml_reason("Found invalid character ']'")
    "Found invalid character ']'"
    >>> with using("ja"):
    ...     toml_reason("Found invalid character ']'"), toml_reason("Cannot declare ('tool', 'argmap') twice")
    ("ここには ']' という文字は書けません", "'tool.argmap' が二度書かれています")
    """
    english = current() == DEFAULT_LANGUAGE
    for pattern, reason in _TOML_PATTERNS:
        m = pattern.fullmatch(message)
        if m is not None:
            parts = m.groupdict()
            if not english and "key" in parts:
                parts["key"] = _toml_key(parts["key"])
            return _(reason).format(**parts)
    if english:
        return message
    # A message of another version of tomllib: said in general words rather than in English.
    return _("this is not written as TOML expects")


#: What a TOML value that is not a table is, in a user's words (bool before int:
#: true is an int to Python); any other value is a date or a time.
_TOML_KINDS: tuple[tuple[type | types.UnionType, str], ...] = (
    (bool, N_("true/false")),
    (int | float, N_("a number")),
    (str, N_("text")),
    (list, N_("a list")),
)


_TOML_OTHER = N_("a date or time")


def _toml_type(value: object) -> str:
    return _(next((name for kind, name in _TOML_KINDS if isinstance(value, kind)), _TOML_OTHER))


def find_pyproject(start: str | Path = ".") -> Path | None:
    """The nearest pyproject.toml in ``start`` or a directory above it."""
    here = Path(start).resolve()
    for d in (here, *here.parents):
        candidate = d / "pyproject.toml"
        if candidate.is_file():
            return candidate
    return None
