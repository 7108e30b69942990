"""Findings as text lines and as JSON, in the documented, stable schema.

>>> from argmap.errors import Location
>>> from argmap.checks.diagnostic import Diagnostic, Severity
>>> d = Diagnostic("AM201", "circular-support", Severity.ERROR, "C1 supports itself",
...                ("C1", "C2", "I1", "I2"), ("C1", "I1", "C2", "I2", "C1"), Location("m.yaml", 3, 3))
>>> text_line(d, "m.yaml", "en")
'm.yaml:3:3: AM201 circular-support: C1 supports itself'
>>> diagnostic_json(d)["location"]
{'file': 'm.yaml', 'line': 3, 'column': 3}
>>> summary([d], "en")
'1 error, 0 warnings, 0 info'
>>> summary([d], "ja")
'エラー 1 件、警告 0 件、情報 0 件'

In Japanese a finding shows the rule's Japanese name (the message is in the
language the finding was made in):

>>> text_line(d, "m.yaml", "ja")
'm.yaml:3:3: AM201 循環論法: C1 supports itself'
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from argmap.checks.diagnostic import Diagnostic, Severity
from argmap.checks.wording import separator
from argmap.errors import Location, Problem
from argmap.i18n import ngettext, using
from argmap.support import type_name

__all__ = [
    "JSON_SCHEMA",
    "code_label",
    "counts",
    "diagnostic_json",
    "place",
    "problem_json",
    "rule_label",
    "summary",
    "summary_of_counts",
    "text_line",
]

#: Version of the JSON output; bumped on any incompatible change.
JSON_VERSION = 1

_LOCATION = {
    "type": ["object", "null"],
    "required": ["file", "line", "column"],
    "additionalProperties": False,
    "properties": {
        "file": {"type": "string"},
        "line": {"type": "integer", "minimum": 1},
        "column": {"type": "integer", "minimum": 1},
    },
}

_COUNTS = {
    "type": "object",
    "description": "numbers of findings by severity",
    "required": ["error", "warning", "info"],
    "additionalProperties": False,
    "properties": {s.value: {"type": "integer", "minimum": 0} for s in Severity},
}

_PROBLEM = {
    "type": "object",
    "required": ["message", "location"],
    "additionalProperties": False,
    "properties": {"message": {"type": "string"}, "location": _LOCATION},
}

#: JSON Schema of ``argmap check --format json`` output.
JSON_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "argmap check --format json",
    "type": "object",
    "required": ["version", "files", "summary"],
    "additionalProperties": False,
    "properties": {
        "version": {"const": JSON_VERSION},
        "summary": {
            "type": "object",
            "description": "all the files together",
            "required": ["files", "loaded", "findings", "rules"],
            "additionalProperties": False,
            "properties": {
                "files": {"type": "integer", "minimum": 0, "description": "files given"},
                "loaded": {"type": "integer", "minimum": 0, "description": "files that could be read"},
                "findings": _COUNTS,
                "rules": {
                    "type": "object",
                    "description": "findings by rule code (only the rules that found something)",
                    "additionalProperties": {"type": "integer", "minimum": 1},
                },
            },
        },
        "files": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["file", "loaded", "findings", "summary", "problems", "warnings"],
                "additionalProperties": False,
                "properties": {
                    "file": {"type": "string", "description": "the path as given"},
                    "loaded": {"type": "boolean", "description": "false when the file is bad input"},
                    "findings": {
                        "type": "array",
                        "description": "in order: by location, then code",
                        "items": {
                            "type": "object",
                            "required": [
                                "code",
                                "name",
                                "severity",
                                "message",
                                "elements",
                                "path",
                                "location",
                            ],
                            "additionalProperties": False,
                            "properties": {
                                "code": {"type": "string", "pattern": "^AM[1-9][0-9][0-9]$"},
                                "name": {"type": "string", "pattern": "^[a-z]+(-[a-z]+)*$"},
                                "severity": {"enum": ["error", "warning", "info"]},
                                "message": {"type": "string"},
                                "elements": {
                                    "type": "array",
                                    "minItems": 1,
                                    "items": {"type": "string"},
                                    "description": "ids involved, the main element first",
                                },
                                "path": {
                                    "type": "array",
                                    "items": {"type": "string"},
                                    "description": "ordered ids of a cycle or chain; empty otherwise",
                                },
                                "location": {
                                    **_LOCATION,
                                    "description": "where the main element is; null if unknown",
                                },
                            },
                        },
                    },
                    "summary": _COUNTS,
                    "problems": {
                        "type": "array",
                        "description": "why a file could not be loaded (empty when loaded)",
                        "items": _PROBLEM,
                    },
                    "warnings": {
                        "type": "array",
                        "description": (
                            "what the file's format (Argdown, AIF) held that argmap cannot represent; "
                            "empty for argmap's own formats"
                        ),
                        "items": _PROBLEM,
                    },
                },
            },
        },
    },
}


def _diagnostic(d: object) -> Diagnostic:
    if not isinstance(d, Diagnostic):
        raise TypeError(f"expected a Diagnostic, not {type_name(d)}")
    return d


def place(path: str, location: Location | None) -> str:
    """Where something is in the file ``path``: ``path:line:col``, or ``path``
    alone when the location is unknown.

    >>> place("m.yaml", Location("m.yaml", 3, 5)), place("m.yaml", None)
    ('m.yaml:3:5', 'm.yaml')
    """
    if not isinstance(path, str):
        raise TypeError(f"path must be a str, not {type_name(path)}")
    return path if location is None else f"{path}:{location.line}:{location.column}"


def rule_label(d: Diagnostic, lang: str | None = None) -> str:
    """``CODE name`` of a finding, the rule's name in ``lang`` (else the
    language in force): ``AM201 circular-support``, ``AM201 循環論法``."""
    d = _diagnostic(d)
    return code_label(d.code, d.name, lang)


def code_label(code: str, name: str, lang: str | None = None) -> str:
    """``CODE name`` of the rule ``code``, its name in ``lang`` (else the
    language in force); ``name`` for a code no rule has.

    >>> code_label("AM201", "circular-support", "ja"), code_label("AM999", "made-up", "ja")
    ('AM201 循環論法', 'AM999 made-up')
    """
    from argmap.checks.registry import find_rule

    try:
        shown = find_rule(code).display_name(lang)
    except ValueError:  # a finding made by hand, for a rule that does not exist
        shown = name
    return f"{code} {shown}"


def text_line(d: Diagnostic, path: str, lang: str | None = None) -> str:
    """``path:line:col: CODE name: message`` (``path: ...`` when unlocated),
    the rule's name in ``lang`` (else the language in force)."""
    d = _diagnostic(d)
    return f"{place(path, d.location)}: {rule_label(d, lang)}: {d.message}"


def _location_json(loc: Location | None) -> dict[str, Any] | None:
    return None if loc is None else {"file": loc.file, "line": loc.line, "column": loc.column}


def diagnostic_json(d: Diagnostic) -> dict[str, Any]:
    """One finding as a JSON-ready dict."""
    loc = _diagnostic(d).location
    return {
        "code": d.code,
        "name": d.name,
        "severity": d.severity.value,
        "message": d.message,
        "elements": list(d.elements),
        "path": list(d.path),
        "location": _location_json(loc),
    }


def problem_json(problem: Problem) -> dict[str, Any]:
    """One problem of a file that could not be loaded, as a JSON-ready dict.

    >>> problem_json(Problem("bad", Location("m.yaml", 2, 1)))
    {'message': 'bad', 'location': {'file': 'm.yaml', 'line': 2, 'column': 1}}
    """
    return {"message": problem.message, "location": _location_json(problem.location)}


def counts(found: Iterable[Diagnostic]) -> dict[str, int]:
    """Number of findings by severity, every severity present."""
    out = {s.value: 0 for s in Severity}
    if not isinstance(found, Iterable):
        raise TypeError(f"expected findings (Diagnostic objects), not {type_name(found)}")
    for d in found:
        out[_diagnostic(d).severity.value] += 1
    return out


def summary(found: Iterable[Diagnostic], lang: str | None = None) -> str:
    """``2 errors, 1 warning, 3 info``, in ``lang`` (else the language in force)."""
    return summary_of_counts(counts(found), lang)


def summary_of_counts(c: Mapping[str, int], lang: str | None = None) -> str:
    """:func:`summary` of the numbers of findings by severity (as :func:`counts` gives them).

    >>> summary_of_counts({"error": 0, "warning": 2, "info": 1}, "en")
    '0 errors, 2 warnings, 1 info'
    """
    e, w, i = c["error"], c["warning"], c["info"]
    with using(lang):
        parts = (
            ngettext("{count} error", "{count} errors", e).format(count=e),
            ngettext("{count} warning", "{count} warnings", w).format(count=w),
            ngettext("{count} info", "{count} info", i).format(count=i),
        )
        return separator().join(parts)
