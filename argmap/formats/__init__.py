"""Reading and writing ``*.argmap.yaml`` and ``*.argmap.json`` files.

>>> from argmap import loads, dumps
>>> m = loads('''
... argmap: 1
... title: Rain
... claims:
...   E1: {kind: evidence, text: The forecast says rain}
...   C1: {kind: conclusion, text: Take an umbrella}
... inferences:
...   I1: {from: [E1], to: C1, marker: so}
... ''')
>>> m.inferences["I1"].premises
('E1',)
>>> loads(dumps(m)) == m
True

Every problem is reported at once, each with its place:

>>> from argmap import ArgmapError
>>> try:
...     loads('''argmap: 1
... title: Rain
... claims:
...   E1: {kind: evidense, txt: Rain}
... ''', name="rain.argmap.yaml")
... except ArgmapError as exc:
...     for problem in exc.problems:
...         print(problem.location, problem.message.split(";")[0])
rain.argmap.yaml:4:3 claim 'E1': missing required field 'text'
rain.argmap.yaml:4:14 claim 'E1': unknown kind 'evidense' (did you mean 'evidence'?)
rain.argmap.yaml:4:24 claim 'E1': unknown field 'txt' (did you mean 'text'?)
"""

from __future__ import annotations

import os
import re
from typing import Literal

from argmap.errors import ArgmapError, Location, Problem
from argmap.fileio import DEFAULT_MAX_BYTES, decode_utf8, read_input, write_output
from argmap.formats._fastjson import load_clean_json
from argmap.formats._json import read_json, surrogate_message, value_problem
from argmap.formats._schema import build_map
from argmap.formats._tree import BYTES_PER_VALUE, JSON_BREAKS, MAX_VALUES, YAML_BREAKS, LineIndex
from argmap.formats._write import write_json, write_yaml
from argmap.formats._yaml import read_yaml
from argmap.formats.spec import SCHEMA_PATH
from argmap.model import ArgumentMap
from argmap.support import paused_gc

__all__ = [
    "MAX_VALUES",
    "Format",
    "dump",
    "dumps",
    "format_for",
    "json_schema",
    "load",
    "loads",
]

Format = Literal["yaml", "json"]
_FORMATS = ("yaml", "json")


def format_for(path: str | os.PathLike[str]) -> Format:
    """``"json"`` for a ``.json`` file, else ``"yaml"``."""
    return "json" if str(path).lower().endswith(".json") else "yaml"


def _check_format(format: object) -> None:
    if format not in _FORMATS:
        if not isinstance(format, str):
            raise TypeError(f"format must be 'yaml' or 'json', not {type(format).__name__}")
        raise ValueError(f"unknown format {format!r}: use 'yaml' or 'json'")


def loads(
    text: str | bytes | bytearray | memoryview,
    format: Format = "yaml",
    *,
    name: str = "<string>",
    max_values: int = MAX_VALUES,
) -> ArgumentMap:
    """Read a map from text (or UTF-8 bytes). ``name`` is used in error locations.

    Raises :class:`~argmap.errors.ArgmapError` with the problems found (the
    first :data:`~argmap.errors.MAX_PROBLEMS`, then a line saying how many
    more), and for a text of more than ``max_values`` values (keys, texts,
    lists and mappings: see docs/format.md); TypeError for anything but text
    or bytes, ValueError for an unknown format.
    """
    if isinstance(text, (bytearray, memoryview)):
        text = bytes(text)
    if not isinstance(text, (str, bytes)):
        raise TypeError(f"loads() reads text (str) or UTF-8 bytes, not {type(text).__name__}")
    _check_format(format)
    if not isinstance(name, str):
        raise TypeError(f"name must be text (str), not {type(name).__name__}")
    if isinstance(max_values, bool) or not isinstance(max_values, int):
        raise TypeError(f"max_values must be a whole number (int), not {type(max_values).__name__}")
    if max_values < 1:
        raise ValueError(f"max_values must be at least 1, not {max_values}")
    with paused_gc():
        if format == "json":
            if (too_many := value_problem(text, name, max_values)) is not None:
                raise ArgmapError([too_many])
            if (amap := load_clean_json(text, name)) is not None:
                return amap
        if isinstance(text, bytes):
            text = decode_utf8(text, name)
        else:
            _refuse_surrogates(text, name, format)
        if format == "json":
            tree, locator, problems = read_json(text, name, max_values)
        else:
            tree, locator, problems = read_yaml(text, name, max_values)  # type: ignore[assignment]
        if tree is None:
            raise ArgmapError(problems or [Problem("the map could not be read", Location(name, 1, 1))])
        return build_map(tree, locator, problems)


_SURROGATE = re.compile("[\ud800-\udfff]")


def _refuse_surrogates(text: str, name: str, format: Format) -> None:
    """A str may hold lone surrogates, which no file can: refuse the first, located.

    (Bytes decoded as UTF-8 never hold one; JSON escapes such as ``\\ud800``
    are found by the JSON reader.)
    """
    if text.isascii():
        return
    m = _SURROGATE.search(text)
    if m is not None:
        breaks = YAML_BREAKS if format == "yaml" else JSON_BREAKS
        where = Location(name, *LineIndex(text, breaks).position(m.start()))
        raise ArgmapError([Problem(surrogate_message(m.group()), where)])


def load(
    path: str | os.PathLike[str],
    format: Format | None = None,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_values: int | None = None,
) -> ArgumentMap:
    """Read a map file; the format follows the extension unless given.

    Raises :class:`~argmap.errors.ArgmapError` for a bad file, and for one
    that cannot be read, is not a regular file or is larger than
    ``max_bytes`` (located at ``path:1:1``), or holds more than
    ``max_values`` values (by default :data:`MAX_VALUES`, or one for every
    12 bytes of ``max_bytes`` if that is more, so that raising the size
    limit raises this one in step).
    """
    name = os.fsdecode(path)  # TypeError for anything but a path
    if format is not None:
        _check_format(format)
    data = read_input(name, "a map file", max_bytes)
    if max_values is None:
        max_values = max(MAX_VALUES, max_bytes // BYTES_PER_VALUE)
    return loads(data, format or format_for(name), name=name, max_values=max_values)


def dumps(amap: ArgumentMap, format: Format = "yaml") -> str:
    """The map as YAML (block style, Unicode as is) or as indented JSON."""
    if not isinstance(amap, ArgumentMap):
        raise TypeError(f"dumps() writes an ArgumentMap, not {type(amap).__name__}")
    _check_format(format)
    return write_json(amap) if format == "json" else write_yaml(amap)


def dump(amap: ArgumentMap, path: str | os.PathLike[str], format: Format | None = None) -> None:
    """Write the map to ``path`` (format from the extension unless given).

    A regular file is replaced atomically; see :func:`argmap.fileio.write_output`
    for devices, links and read-only files.
    """
    if format is not None:
        _check_format(format)
    write_output(path, dumps(amap, format or format_for(os.fsdecode(path))).encode("utf-8"))


def json_schema() -> dict[str, object]:
    """The JSON Schema of the file format (the JSON form; see docs/format.md)."""
    import json

    schema: dict[str, object] = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return schema
