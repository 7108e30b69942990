"""What ``argmap explain`` says about the rules, as Markdown, in Japanese or English.

>>> print(rule_markdown("AM201", "en").splitlines()[0])
# AM201 circular-support (error, Circularity)
>>> print(rule_markdown("循環論法", "ja").splitlines()[0])
# AM201 循環論法（エラー・循環）

A rule is named by its code, its English name or its Japanese name.
"""

from __future__ import annotations

from argmap.checks.registry import FAMILIES, Rule, all_rules, find_rule
from argmap.checks.wording import severity_word
from argmap.i18n import LANGUAGES, _, using
from argmap.support import type_name

__all__ = ["catalogue_markdown", "catalogue_rows", "family_heading", "rule_heading", "rule_markdown"]


def _lang(lang: object) -> str | None:
    if lang is not None and lang not in LANGUAGES:
        if not isinstance(lang, str):
            raise TypeError(f"lang must be a str or None, not {type_name(lang)}")
        raise ValueError(f"lang must be one of {', '.join(LANGUAGES)} or None, not {lang!r}")
    return lang


def _rule(rule: Rule | str) -> Rule:
    return rule if isinstance(rule, Rule) else find_rule(rule)


def rule_heading(rule: Rule | str, lang: str | None = None) -> str:
    """``AM201 circular-support (error, Circularity)``: code, name, severity
    and family, in ``lang`` (else the language in force)."""
    with using(_lang(lang)):  # an unknown rule is reported in that language too
        r = _rule(rule)
        plain = _("{code} {name} ({severity}, {family})")
        text = _("{code} {name} ({severity}, heuristic, {family})") if r.heuristic else plain
        return text.format(
            code=r.code,
            name=r.display_name(),
            severity=severity_word(r.severity.value),
            family=r.family_title(),
        )


def rule_markdown(rule: Rule | str, lang: str | None = None) -> str:
    """The full explanation of a rule (a :class:`Rule`, a name or a code) as
    Markdown, in ``lang`` (else the language in force): heading, summary,
    threshold, then what it finds, an example, why it matters and how to
    repair it. Raises :class:`~argmap.checks.registry.UnknownRuleError` for
    a name no rule has."""
    with using(_lang(lang)):  # an unknown rule is reported in that language too
        r = _rule(rule)
        out = [f"# {rule_heading(r)}", ""]
        if r.display_name() != r.name:
            out += [
                _("Its name in English is `{name}`; either name works in `ignore:` and `--select`.").format(
                    name=r.name
                ),
                "",
            ]
        out += [r.summary_in(), ""]
        if r.threshold is not None:
            out += [
                _(
                    "Threshold: {value} ({meaning}); set it with `[tool.argmap.thresholds] {name} = ...`"
                ).format(value=f"{r.threshold.default:g}", meaning=r.threshold_meaning(), name=r.name),
                "",
            ]
        out.append(r.explanation_in())
        return "\n".join(out) + "\n"


def family_heading(prefix: str, lang: str | None = None) -> str:
    """``Leaps (AM1xx)``: a family's title and codes, in ``lang`` (else the language in force)."""
    with using(_lang(lang)):
        return _("{family} ({prefix}xx)").format(family=_(FAMILIES[prefix]), prefix=prefix)


def catalogue_rows(lang: str | None = None) -> list[tuple[str, list[tuple[str, str, str, str]]]]:
    """Every family heading with its rules as ``(code, name, severity, summary)``
    rows, in ``lang`` (else the language in force)."""
    with using(_lang(lang)):
        rules = all_rules()
        return [
            (
                family_heading(prefix),
                [
                    (r.code, r.display_name(), severity_word(r.severity.value), r.summary_in())
                    for r in rules
                    if r.code.startswith(prefix)
                ],
            )
            for prefix in FAMILIES
        ]


def catalogue_markdown(lang: str | None = None) -> str:
    """Every rule, by family, as a Markdown list, in ``lang`` (else the language in force)."""
    with using(_lang(lang)):
        out = ["# " + _("The rules of argmap check"), ""]
        for heading, rows in catalogue_rows():
            out += [f"## {heading}", ""]
            out += [
                "* "
                + _("**{code}** {name} ({severity}): {summary}").format(
                    code=code, name=name, severity=severity, summary=summary
                )
                for code, name, severity, summary in rows
            ]
            out.append("")
        out.append(_("`argmap explain RULE` prints the full explanation of one rule."))
        return "\n".join(out) + "\n"
