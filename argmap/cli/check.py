"""``argmap check FILE...``: run the rules and report findings."""

from __future__ import annotations

import json
import re
import sys

import click

from argmap.cli import _common
from argmap.cli._common import (
    EXIT_BAD_INPUT,
    lang_option,
    load_or_report,
    max_size_option,
    safe,
    say,
    speaking,
)
from argmap.i18n import N_, _

_COLOURS = {"error": "red", "warning": "yellow", "info": "cyan"}

# json.dumps escapes C0 controls; DEL, C1 controls and unpaired surrogates
# (from file names that are not UTF-8) would still reach the terminal raw.
_JSON_UNSAFE = re.compile("[\x7f-\x9f\ud800-\udfff]")


def _json_escape(m: re.Match[str]) -> str:
    return f"\\u{ord(m.group()):04x}"


def _split(values: tuple[str, ...]) -> list[str] | None:
    if not values:
        return None
    return [v.strip() for value in values for v in value.split(",") if v.strip()]


@_common.command(
    help=N_(
        "Check each map FILE for leaps, circular reasoning and weak evidence.\n\n"
        "Rules and thresholds can also be set in [tool.argmap] of the nearest "
        "pyproject.toml. `argmap explain` lists the rules.\n\n"
        "Exits 0 when there is no error-level finding (nor warning, with "
        "--strict), 1 when there is, 2 on bad input or usage."
    )
)
@click.argument("files", nargs=-1, required=True, type=_common.Path(dir_okay=True))
@click.option(
    "--select",
    multiple=True,
    metavar="RULES",
    help=N_("Run only these rules: names, codes or families (AM1), comma-separated or repeated."),
)
@click.option("--ignore", multiple=True, metavar="RULES", help=N_("Do not run these rules."))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help=N_("text: path:line:col: CODE name: message; json: see docs/checks.md."),
)
@click.option("--strict", is_flag=True, help=N_("Exit 1 on warnings too."))
@max_size_option("map files")
@lang_option()
def command(  # noqa: PLR0917 (click passes the options by name)
    files: tuple[str, ...],
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    fmt: str,
    strict: bool,
    max_size: float,
    lang: str | None,
) -> None:
    """Check each map FILE; the help above says what it does and how it exits."""
    from argmap.checks import Config, UnknownRuleError, check, select_rules
    from argmap.checks.engine import unknown_ignores
    from argmap.checks.output import (
        JSON_VERSION,
        counts,
        diagnostic_json,
        place,
        problem_json,
        rule_label,
        summary,
    )
    from argmap.errors import ArgmapError

    sel, ign = _split(select), _split(ignore)
    with speaking(lang):  # no map yet: --lang, else the locale
        config = Config.discover()
        try:
            select_rules(sel, None, config)
        except UnknownRuleError as exc:
            raise click.BadParameter(str(exc), param_hint="'--select'") from None
        try:
            select_rules(None, ign, config)
        except UnknownRuleError as exc:
            raise click.BadParameter(str(exc), param_hint="'--ignore'") from None

    failing = {"error"} | ({"warning"} if strict else set())
    bad = failed = False
    report: list[dict[str, object]] = []
    for path in files:
        amap = load_or_report(path, max_size, command="check", lang=lang)
        if isinstance(amap, ArgmapError):
            bad = True
            report.append(
                {
                    "file": path,
                    "loaded": False,
                    "findings": [],
                    "summary": counts([]),
                    "problems": [problem_json(p) for p in amap.problems],
                }
            )
            continue
        with speaking(lang, amap.lang) as speaks:
            for location, message in unknown_ignores(amap, lang=speaks):
                say(
                    _("{place}: warning: {message}").format(place=place(path, location), message=message),
                    err=True,
                )
            found = check(amap, select=sel, ignore=ign, config=config, lang=speaks)
            if any(d.severity.value in failing for d in found):
                failed = True
            if fmt == "json":
                report.append(
                    {
                        "file": path,
                        "loaded": True,
                        "findings": [diagnostic_json(d) for d in found],
                        "summary": counts(found),
                        "problems": [],
                    }
                )
                continue
            for d in found:
                where = safe(place(path, d.location))
                rule = click.style(rule_label(d), fg=_COLOURS[d.severity.value], bold=True)
                click.echo(f"{click.style(where, bold=True)}: {rule}: {safe(d.message)}")
            click.echo(click.style(safe(f"{path}: {summary(found)}"), dim=True))
    if fmt == "json":
        text = json.dumps({"version": JSON_VERSION, "files": report}, ensure_ascii=False, indent=2)
        click.echo(_JSON_UNSAFE.sub(_json_escape, text))
    if bad:
        sys.exit(EXIT_BAD_INPUT)
    if failed:
        sys.exit(1)
