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

import importlib
import os
import re
import warnings
from types import ModuleType
from typing import Literal, cast

from argmap.errors import ArgmapError, Location, Problem
from argmap.fileio import DEFAULT_MAX_BYTES, decode_utf8, read_input, write_output
from argmap.formats._fastjson import load_clean_json
from argmap.formats._foreign import Imported
from argmap.formats._json import read_json, surrogate_message, value_problem
from argmap.formats._schema import build_map
from argmap.formats._tree import BYTES_PER_VALUE, JSON_BREAKS, MAX_VALUES, YAML_BREAKS, LineIndex
from argmap.formats._write import write_json, write_yaml
from argmap.formats._yaml import read_yaml
from argmap.formats.spec import SCHEMA_PATH
from argmap.i18n import _, choose, language_of, using
from argmap.model import ArgumentMap
from argmap.support import paused_gc

__all__ = [
    "FORMATS",
    "MAX_VALUES",
    "AnyFormat",
    "ForeignFormatWarning",
    "Format",
    "Imported",
    "dump",
    "dumps",
    "format_for",
    "format_of",
    "json_schema",
    "load",
    "loads",
    "message_language",
    "read",
    "reads",
]

#: argmap's own formats.
Format = Literal["yaml", "json"]
#: Every format argmap reads and writes: its own, and other tools' (Argdown, AIF JSON, the
#: argumentative microtexts' arggraph XML).
AnyFormat = Literal["yaml", "json", "argdown", "aif", "microtexts"]
FORMATS: tuple[AnyFormat, ...] = ("yaml", "json", "argdown", "aif", "microtexts")
_FORMATS = ("yaml", "json")
#: The module of each other tool's format (imported only when used).
_FOREIGN = {
    "argdown": "argmap.formats.argdown",
    "aif": "argmap.formats.aif",
    "microtexts": "argmap.formats.microtexts",
}


class ForeignFormatWarning(UserWarning):
    """What :func:`load` could not carry over from another tool's format
    (``file:line:col: message``); :func:`read` returns these as problems instead."""


def format_for(path: str | os.PathLike[str]) -> Format:
    """Which of argmap's own formats a file is in: ``"json"`` for a ``.json``
    file, else ``"yaml"`` (see :func:`format_of` for every format)."""
    return "json" if str(path).lower().endswith(".json") else "yaml"


#: Keys that only an AIF file has at its top, and what an argmap file has: its
#: version (``"argmap": 1``; an AIF file argmap wrote has an ``"argmap"`` object) or claims.
_AIF_KEYS = re.compile(rb'"(?:nodes|AIF)"\s*:')
_ARGMAP_KEYS = re.compile(rb'"argmap"\s*:\s*[^\s{]|"claims"\s*:')


def format_of(path: str | os.PathLike[str], data: bytes | None = None) -> AnyFormat:
    """The format of the file ``path`` (whose bytes are ``data``, if read).

    From the extension: ``.argdown`` is Argdown, ``.aif.json`` AIF, ``.xml``
    the microtexts' arggraph, ``.json`` argmap's JSON and anything else argmap's YAML. A ``.json`` file
    with another name is AIF when its bytes have a ``"nodes"`` key, no
    ``"claims"`` key and no ``"argmap": 1`` (argmap's version; an AIF file
    argmap wrote has an ``"argmap"`` object), as AIFdb's ``nodeset1234.json`` files do.

    >>> format_of("map.argmap.yaml"), format_of("a.argdown"), format_of("x.aif.json"), format_of("micro_b001.xml")
    ('yaml', 'argdown', 'aif', 'microtexts')
    >>> format_of("nodeset6064.json", b'{"nodes": [], "edges": []}'), format_of("m.argmap.json")
    ('aif', 'json')
    """
    name = os.fsdecode(path).lower()
    if name.endswith(".argdown"):
        return "argdown"
    if name.endswith((".aif.json", ".aif")):
        return "aif"
    if name.endswith(".xml"):
        return "microtexts"
    if name.endswith(".json"):
        if (
            not name.endswith(".argmap.json")
            and data is not None
            and _AIF_KEYS.search(data)
            and not _ARGMAP_KEYS.search(data)
        ):
            return "aif"
        return "json"
    return "yaml"


def _check_format(format: object, formats: tuple[str, ...] = _FORMATS) -> None:
    if format not in formats:
        names = ", ".join(repr(f) for f in formats)
        if not isinstance(format, str):
            raise TypeError(f"format must be one of {names}, not {type(format).__name__}")
        raise ValueError(f"unknown format {format!r}: use one of {names}")


def _foreign(format: str) -> ModuleType:
    return importlib.import_module(_FOREIGN[format])


def loads(
    text: str | bytes | bytearray | memoryview,
    format: Format = "yaml",
    *,
    name: str = "<string>",
    max_values: int = MAX_VALUES,
    lang: str | None = None,
) -> ArgumentMap:
    """Read a map from text (or UTF-8 bytes). ``name`` is used in error locations.

    Raises :class:`~argmap.errors.ArgmapError` with the problems found (the
    first :data:`~argmap.errors.MAX_PROBLEMS`, then a line saying how many
    more), and for a text of more than ``max_values`` values (keys, texts,
    lists and mappings: see docs/format.md); TypeError for anything but text
    or bytes, ValueError for an unknown format.

    ``lang`` (``"ja"`` or ``"en"``) is the language of the messages; by
    default the map's own ``lang:`` as the text writes it
    (:func:`message_language`), else the language in force
    (:func:`argmap.i18n.current`).
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
    with using(message_language(text, format, lang)), paused_gc():
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
            raise ArgmapError(problems or [Problem(_("the map could not be read"), Location(name, 1, 1))])
        return build_map(tree, locator, problems)


def reads(
    text: str | bytes,
    format: AnyFormat = "yaml",
    *,
    name: str = "<string>",
    max_values: int = MAX_VALUES,
    lang: str | None = None,
) -> Imported:
    """Read a map in any format (see :data:`FORMATS`), with what could not be
    carried over: an :class:`Imported` whose ``warnings`` are located problems
    (always none for argmap's own formats). Raises as :func:`loads` does.

    >>> imported = reads("[Rain]: It will rain.\\n  + [Forecast]: The forecast says so.", "argdown")
    >>> sorted(imported.map.claims), imported.warnings
    (['Forecast', 'Rain'], ())
    """
    _check_format(format, FORMATS)
    if format in _FORMATS:
        return Imported(loads(text, cast(Format, format), name=name, max_values=max_values, lang=lang))
    if isinstance(text, bytes):
        with using(None if lang is None else choose(lang)):
            text = decode_utf8(text, name)
    if not isinstance(text, str):
        raise TypeError(f"reads() reads text (str) or UTF-8 bytes, not {type(text).__name__}")
    imported: Imported = _foreign(format).loads(text, name=name, lang=lang)
    return imported


def read(
    path: str | os.PathLike[str],
    format: AnyFormat | None = None,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_values: int | None = None,
    lang: str | None = None,
) -> Imported:
    """Read a map file in any format: the format follows :func:`format_of`
    unless given. Returns an :class:`Imported` (the map, and warnings for what
    another tool's format holds that argmap cannot); raises as :func:`load`.
    """
    name = os.fsdecode(path)
    if format is not None:
        _check_format(format, FORMATS)
    with using(None if lang is None else choose(lang)):
        data = read_input(name, "a map file", max_bytes)
    if max_values is None:
        max_values = max(MAX_VALUES, max_bytes // BYTES_PER_VALUE)
    return reads(data, format or format_of(name, data), name=name, max_values=max_values, lang=lang)


_SURROGATE = re.compile("[\ud800-\udfff]")

#: A top-level ``lang:`` in YAML (a full-width colon too, as a Japanese
#: input method types it), or a ``"lang":`` in JSON, and the tag after it.
_YAML_LANG = re.compile(r"""(?m)^lang[ \t]*[:：][ \t\u3000]*["']?([^\s"'#,}]+)""")
_JSON_LANG = re.compile(r'(?<!\\)"lang"\s*:\s*"([^"\\]*)"')
_YAML_LANG_BYTES = re.compile(
    rb"""(?m)^lang[ \t]*(?::|\xef\xbc\x9a)(?:[ \t]|\xe3\x80\x80)*["']?([^\s"'#,}]+)"""
)
_JSON_LANG_BYTES = re.compile(_JSON_LANG.pattern.encode())
#: Names a writer may put in place of a language tag.
_LANGUAGE_NAMES = {"日本語": "ja", "にほんご": "ja", "japanese": "ja", "英語": "en", "english": "en"}


def written_lang(text: str | bytes, format: Format = "yaml") -> str | None:
    """The map's ``lang`` as the text writes it, found without parsing (so
    even a text that does not parse has one), or None.

    >>> written_lang("argmap: 1\\nlang: ja-JP\\n"), written_lang('{"lang": "en"}', "json")
    ('ja-JP', 'en')
    """
    if format == "json":
        pattern = _JSON_LANG_BYTES if isinstance(text, bytes) else _JSON_LANG
    else:
        pattern = _YAML_LANG_BYTES if isinstance(text, bytes) else _YAML_LANG
    m = pattern.search(text)  # type: ignore[arg-type]
    if m is None:
        return None
    found = m.group(1)
    if isinstance(found, bytes):
        found = found.decode("utf-8", "replace")
    return found


def message_language(text: str | bytes, format: Format = "yaml", lang: str | None = None) -> str | None:
    """The language the messages about ``text`` are in: ``lang`` if given;
    else the map's own, as the text writes it (a language argmap does not
    speak is English); else None, the language in force.

    >>> message_language("lang: ja\\n"), message_language("lang: fr\\n"), message_language("lang: ja\\n", lang="en")
    ('ja', 'en', 'en')
    """
    if lang is not None:
        return choose(lang)
    written = written_lang(text, format)
    if written is None:
        return None
    return language_of(written) or _LANGUAGE_NAMES.get(written.strip().lower()) or choose(None, written)


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
    format: AnyFormat | None = None,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_values: int | None = None,
    lang: str | None = None,
) -> ArgumentMap:
    """Read a map file; the format follows :func:`format_of` unless given.

    Raises :class:`~argmap.errors.ArgmapError` for a bad file, and for one
    that cannot be read, is not a regular file or is larger than
    ``max_bytes`` (located at ``path:1:1``), or holds more than
    ``max_values`` values (by default :data:`MAX_VALUES`, or one for every
    12 bytes of ``max_bytes`` if that is more, so that raising the size
    limit raises this one in step).

    ``lang`` is the language of the messages, as for :func:`loads` (a file
    that cannot be read is reported in ``lang``, else the language in force).

    A file in another tool's format (Argdown, AIF) may hold what argmap
    cannot represent: each such loss is a :class:`ForeignFormatWarning`
    (use :func:`read` to have them as located problems instead).
    """
    imported = read(path, format, max_bytes=max_bytes, max_values=max_values, lang=lang)
    for problem in imported.warnings:
        warnings.warn(ForeignFormatWarning(str(problem)), stacklevel=2)
    return imported.map


def dumps(amap: ArgumentMap, format: AnyFormat = "yaml") -> str:
    """The map as YAML (block style, Unicode as is), as indented JSON, or in
    another tool's format (``"argdown"``, ``"aif"``, ``"microtexts"``; see docs/interop.md)."""
    if not isinstance(amap, ArgumentMap):
        raise TypeError(f"dumps() writes an ArgumentMap, not {type(amap).__name__}")
    _check_format(format, FORMATS)
    if format in _FOREIGN:
        text: str = _foreign(format).dumps(amap)
        return text
    return write_json(amap) if format == "json" else write_yaml(amap)


def dump(amap: ArgumentMap, path: str | os.PathLike[str], format: AnyFormat | None = None) -> None:
    """Write the map to ``path`` (format from the extension unless given).

    A regular file is replaced atomically; see :func:`argmap.fileio.write_output`
    for devices, links and read-only files.
    """
    if format is not None:
        _check_format(format, FORMATS)
    write_output(path, dumps(amap, format or format_of(os.fsdecode(path))).encode("utf-8"))


def json_schema() -> dict[str, object]:
    """The JSON Schema of the file format (the JSON form; see docs/format.md)."""
    import json

    schema: dict[str, object] = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return schema
