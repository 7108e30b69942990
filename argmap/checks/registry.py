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
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, NamedTuple

import attrs

from argmap.checks.diagnostic import Severity
from argmap.checks.wording import shown
from argmap.errors import ArgmapException
from argmap.i18n import N_, _, current, language_of, using
from argmap.support import closest, type_name

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

#: Code prefix -> family title, in catalogue order (English; :meth:`Rule.family_title`
#: gives it in the language in force).
FAMILIES = {
    "AM1": N_("Leaps"),
    "AM2": N_("Circularity"),
    "AM3": N_("Evidence"),
    "AM4": N_("Dialectic"),
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
    """A rule's tunable figure: its default, and what it means (in English,
    marked for translation: :meth:`Rule.threshold_meaning` translates it)."""

    default: float
    meaning: str


@attrs.frozen
class Rule:
    """One rule of the catalogue.

    ``explanation`` is Markdown written for a teacher and a student: what the
    defect is, an example, why it weakens the argument, how to repair it.
    ``name``, ``summary``, ``explanation`` and the threshold's meaning are
    English; :meth:`display_name`, :meth:`summary_in`, :meth:`explanation_in`
    and :meth:`threshold_meaning` give them in a language argmap speaks.
    """

    code: str
    name: str
    ja_name: str
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

    def display_name(self, lang: str | None = None) -> str:
        """The name to show a person: :attr:`ja_name` in Japanese (``lang``,
        else the language in force), else :attr:`name`.

        >>> r = find_rule("AM201")
        >>> r.display_name("ja"), r.display_name("en")
        ('循環論法', 'circular-support')
        """
        return self.ja_name if (language_of(lang) if lang else current()) == "ja" else self.name

    def family_title(self, lang: str | None = None) -> str:
        """The family title in ``lang`` (else the language in force)."""
        with using(lang):
            return _(self.family)

    def summary_in(self, lang: str | None = None) -> str:
        """The one-line summary in ``lang`` (else the language in force)."""
        with using(lang):
            return _(self.summary)

    def explanation_in(self, lang: str | None = None) -> str:
        """The explanation (Markdown) in ``lang`` (else the language in force)."""
        with using(lang):
            return _(_EXPLANATION_IDS.get(self.code, self.explanation)).strip("\n")

    def threshold_meaning(self, lang: str | None = None) -> str | None:
        """What the threshold means, in ``lang`` (else the language in force); None without one."""
        if self.threshold is None:
            return None
        with using(lang):
            return _(self.threshold.meaning)


_RULES: dict[str, Rule] = {}
#: Code -> the explanation exactly as written at the rule (the text the catalogue knows).
_EXPLANATION_IDS: dict[str, str] = {}


def rule(  # noqa: PLR0917 (code, names, severity and texts read best in this order at each rule)
    code: str,
    name: str,
    ja_name: str,
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
    if not ja_name or ja_name != normal_name(ja_name):
        raise ValueError(f"bad Japanese rule name {ja_name!r}")

    def register(check: Check) -> Check:
        for other in _RULES.values():
            if other.code == code or other.name == name or other.ja_name == ja_name:
                raise ValueError(f"rule {code} {name} is declared twice")
        _RULES[code] = Rule(
            code, name, ja_name, severity, summary, explanation.strip("\n"), check, heuristic, threshold
        )
        _EXPLANATION_IDS[code] = explanation
        return check

    return register


def all_rules() -> tuple[Rule, ...]:
    """Every rule, ordered by code."""
    for module in _FAMILY_MODULES:  # each registers its rules on first import
        importlib.import_module(f"argmap.checks.{module}")
    return tuple(_RULES[code] for code in sorted(_RULES))


class UnknownRuleError(ArgmapException, ValueError):
    """A rule name or code that is not in the catalogue."""


def normal_name(text: str) -> str:
    """A rule name as typed, made comparable: spaces trimmed, full-width
    letters and digits made half-width (NFKC)."""
    return unicodedata.normalize("NFKC", text).strip()


def _suggestion(word: str) -> str:
    rules = all_rules()
    best = closest(word, [r.name for r in rules] + [r.code for r in rules] + [r.ja_name for r in rules])
    return "" if best is None else _(" (did you mean {rule}?)").format(rule=shown(best))


def unknown_rule(word: str) -> UnknownRuleError:
    """The error for a rule name or code no rule has, with a suggestion, in
    the language in force."""
    return UnknownRuleError(
        _("unknown rule {name}{suggestion}").format(
            name=shown(word), suggestion=_suggestion(normal_name(word))
        )
    )


def _selector(value: object) -> str:
    if not isinstance(value, str):
        raise TypeError(f"a rule name, code or prefix must be a str, not {type_name(value)}")
    return value


def find_rule(name_or_code: str) -> Rule:
    """The rule with this name (English or Japanese) or code (codes are case-insensitive).

    Raises :class:`UnknownRuleError` for a name no rule has, TypeError for
    anything but a str.
    """
    key = normal_name(_selector(name_or_code))
    for r in all_rules():
        if key == r.name or key.upper() == r.code or key == r.ja_name:
            return r
    raise unknown_rule(name_or_code)


def resolve(selectors: Iterable[str]) -> Iterator[Rule]:
    """The rules named by ``selectors``: names (English or Japanese), codes, or a code prefix such
    as ``AM1`` (a family) or ``AM20``. Raises :class:`UnknownRuleError`.

    >>> [r.code for r in resolve(["AM2", "unused-claim"])]
    ['AM201', 'AM202', 'AM305']
    """
    if isinstance(selectors, (str, bytes)) or not isinstance(selectors, Iterable):
        raise TypeError(
            f"selectors must be a list of rule names, codes or prefixes, not {type_name(selectors)}"
        )
    for sel in selectors:
        key = normal_name(_selector(sel))
        up = key.upper()
        if re.fullmatch(r"AM\d{1,2}", up):
            matched = [r for r in all_rules() if r.code.startswith(up)]
            if matched:
                yield from matched
                continue
        yield find_rule(key)
