"""``argmap explain [RULE]``: what a rule finds, why it matters, how to repair it."""

from __future__ import annotations

import click


@click.command()
@click.argument("rule", required=False)
def command(rule: str | None) -> None:
    """Explain RULE (a name such as circular-support, or a code such as AM201).

    Without RULE, list every rule with its code, severity and summary.
    """
    from argmap.checks.registry import FAMILIES, UnknownRuleError, all_rules, find_rule

    if rule is None:
        rules = all_rules()
        width = max(len(r.name) for r in rules)
        for prefix, family in FAMILIES.items():
            click.echo(click.style(f"{family} ({prefix}xx)", bold=True))
            for r in rules:
                if r.code.startswith(prefix):
                    click.echo(f"  {r.code}  {r.name:<{width}}  {r.severity.value:<7}  {r.summary}")
        click.echo("\nargmap explain RULE prints the full explanation of one rule.")
        return
    try:
        r = find_rule(rule)
    except UnknownRuleError as exc:
        raise click.BadParameter(str(exc), param_hint="'RULE'") from None
    heuristic = ", heuristic" if r.heuristic else ""
    click.echo(click.style(f"{r.code} {r.name}", bold=True) + f" ({r.severity.value}{heuristic}, {r.family})")
    click.echo(r.summary)
    if r.threshold is not None:
        click.echo(
            f"Threshold: {r.threshold.default:g} ({r.threshold.meaning}); "
            f"set it with [tool.argmap.thresholds] {r.name} = ..."
        )
    click.echo()
    click.echo(r.explanation)
