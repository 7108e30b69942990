"""The rule catalogue: every rule's code, name, severity and explanation.

Rules are declared once, next to their implementation, with :func:`rule`;
the family modules register themselves when :func:`all_rules` first runs.
``argmap explain`` and docs/checks.md both read from here.

>>> r = find_rule("AM201")
>>> r.name, r.severity.value
('circular-support', 'error')
>>> find_rule("circular-support") is r
True
>>> find_rule("circular-suport")
Traceback (most recent call last):
...
argmap.checks.registry.UnknownRuleError: unknown rule 'circular-suport' (did you mean 'circular-support'?)
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, NamedTuple

import attrs

from argmap.checks.diagnostic import Severity
from argmap.errors import ArgmapException
from argmap.support import did_you_mean, type_name

if TYPE_CHECKING:
    from argmap.checks.engine import Analysis

__all__ = [
    "FAMILIES",
    "Finding",
    "Rule",
    "UnknownRuleError",
    "all_rules",
    "find_rule",
    "resolve",
    "rule",
]

#: Code prefix -> family title, in catalogue order.
FAMILIES = {
    "AM1": "Leaps",
    "AM2": "Circularity",
    "AM3": "Evidence",
    "AM4": "Dialectic",
}
_FAMILY_MODULES = ("leaps", "circularity", "evidence", "dialectic")

_CODE = re.compile(r"AM[1-9]\d\d\Z")
_NAME = re.compile(r"[a-z]+(-[a-z]+)*\Z")


class Finding(NamedTuple):
    """What a rule reports: the ids involved (the main element first), the
    message, and the ordered path of a cycle or chain."""

    elements: tuple[str, ...]
    message: str
    path: tuple[str, ...] = ()


Check = Callable[["Analysis"], Iterable[Finding]]


@attrs.frozen
class Threshold:
    """A rule's tunable figure: its default, and what it means."""

    default: float
    meaning: str


@attrs.frozen
class Rule:
    """One rule of the catalogue.

    ``explanation`` is Markdown written for a teacher and a student: what the
    defect is, an example, why it weakens the argument, how to repair it.
    """

    code: str
    name: str
    severity: Severity
    summary: str
    explanation: str
    check: Check = attrs.field(repr=False, eq=False)
    heuristic: bool = False
    threshold: Threshold | None = None

    @property
    def family(self) -> str:
        """The family title, e.g. ``"Leaps"``."""
        return FAMILIES[self.code[:3]]


_RULES: dict[str, Rule] = {}


def rule(
    code: str,
    name: str,
    severity: Severity,
    summary: str,
    explanation: str,
    *,
    heuristic: bool = False,
    threshold: Threshold | None = None,
) -> Callable[[Check], Check]:
    """Register the decorated function as the check of a new rule."""
    if not _CODE.match(code) or code[:3] not in FAMILIES:
        raise ValueError(f"bad rule code {code!r}")
    if not _NAME.match(name):
        raise ValueError(f"bad rule name {name!r}")

    def register(check: Check) -> Check:
        for other in _RULES.values():
            if other.code == code or other.name == name:
                raise ValueError(f"rule {code} {name} is declared twice")
        _RULES[code] = Rule(
            code, name, severity, summary, explanation.strip("\n"), check, heuristic, threshold
        )
        return check

    return register


def all_rules() -> tuple[Rule, ...]:
    """Every rule, ordered by code."""
    for module in _FAMILY_MODULES:  # each registers its rules on first import
        importlib.import_module(f"argmap.checks.{module}")
    return tuple(_RULES[code] for code in sorted(_RULES))


class UnknownRuleError(ArgmapException, ValueError):
    """A rule name or code that is not in the catalogue."""


def _suggestion(word: str) -> str:
    return did_you_mean(word, [r.name for r in all_rules()] + [r.code for r in all_rules()])


def _selector(value: object) -> str:
    if not isinstance(value, str):
        raise TypeError(f"a rule name, code or prefix must be a str, not {type_name(value)}")
    return value


def find_rule(name_or_code: str) -> Rule:
    """The rule with this name or code (codes are case-insensitive).

    Raises :class:`UnknownRuleError` for a name no rule has, TypeError for
    anything but a str.
    """
    key = _selector(name_or_code).strip()
    for r in all_rules():
        if key == r.name or key.upper() == r.code:
            return r
    raise UnknownRuleError(f"unknown rule {name_or_code!r}{_suggestion(key)}")


def resolve(selectors: Iterable[str]) -> Iterator[Rule]:
    """The rules named by ``selectors``: names, codes, or a code prefix such
    as ``AM1`` (a family) or ``AM20``. Raises :class:`UnknownRuleError`.

    >>> [r.code for r in resolve(["AM2", "unused-claim"])]
    ['AM201', 'AM202', 'AM305']
    """
    if isinstance(selectors, (str, bytes)) or not isinstance(selectors, Iterable):
        raise TypeError(
            f"selectors must be a list of rule names, codes or prefixes, not {type_name(selectors)}"
        )
    for sel in selectors:
        key = _selector(sel).strip()
        up = key.upper()
        if re.fullmatch(r"AM\d{1,2}", up):
            matched = [r for r in all_rules() if r.code.startswith(up)]
            if matched:
                yield from matched
                continue
        yield find_rule(key)
