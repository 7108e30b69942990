"""``argmap grade KEY STUDENT...``: grade students' maps against the teacher's key."""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING, Any

import click

from argmap.cli import _common
from argmap.cli._common import EXIT_BAD_INPUT, lang_option, load_or_report, max_size_option, safe, speaking
from argmap.i18n import N_, _, current

if TYPE_CHECKING:
    from argmap.exercises.grading import Grade
    from argmap.model import ArgumentMap

#: How many of the key's elements found by the fewest students the text format names.
HARDEST = 3


@_common.command(
    help=N_(
        "Grade each STUDENT map against the teacher's KEY map: a score from 0 to 1 and "
        "questions that lead to what is missing, then a summary of the class.\n\n"
        "A student file that does not load is reported and the others are still graded. "
        "Exits 0 when every file loaded, 2 when any did not."
    )
)
@click.argument("key", type=_common.Path(dir_okay=True))
@click.argument("students", nargs=-1, required=True, type=_common.Path(dir_okay=True))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help=N_("Output format."),
)
@click.option("-o", "--output", default=None, metavar="FILE", help=N_("Write the result to FILE."))
@max_size_option("map files")
@lang_option()
def command(
    key: str, students: tuple[str, ...], *, fmt: str, output: str | None, max_size: float, lang: str | None
) -> None:
    """Grade each STUDENT map against the teacher's KEY map."""
    from argmap.errors import ArgmapError
    from argmap.exercises.grading import grade
    from argmap.fileio import write_output

    key_map = load_or_report(key, max_size, command="grade", lang=lang)
    if isinstance(key_map, ArgmapError):
        sys.exit(EXIT_BAD_INPUT)
    with speaking(lang, key_map.lang) as spoken:
        entries: list[tuple[str, Grade | ArgmapError]] = []
        for path in students:
            amap = load_or_report(path, max_size, command="grade", lang=lang or spoken)
            if isinstance(amap, ArgmapError):
                entries.append((path, amap))
            else:
                entries.append((path, grade(key_map, amap, lang=spoken)))
        report = _report(key, key_map, entries)
        text = json.dumps(report, ensure_ascii=False, indent=2) + "\n" if fmt == "json" else _text(report)
    if output is None or output == "-":
        click.echo(safe(text, keep_newlines=True), nl=False)
    else:
        write_output(output, text.encode("utf-8"), inputs=[key, *students])
    if any(isinstance(result, ArgmapError) for _path, result in entries):
        sys.exit(EXIT_BAD_INPUT)


def _report(key: str, key_map: ArgumentMap, entries: list[tuple[str, Grade | Any]]) -> dict[str, Any]:
    """The JSON-ready report: each student's grade, then the class's summary."""
    from argmap.exercises.grading import Grade

    rows: list[dict[str, Any]] = []
    grades: list[Grade] = []
    for path, result in entries:
        if isinstance(result, Grade):
            grades.append(result)
            rows.append({**result.to_json(), "file": path})
        else:
            errors = [
                {
                    "line": p.location.line if p.location else None,
                    "column": p.location.column if p.location else None,
                    "message": p.message,
                }
                for p in result.problems
            ]
            rows.append({"file": path, "score": None, "errors": errors})
    found = dict.fromkeys(key_map.claims, 0)
    for g in grades:
        for k in set(g.matched.values()):
            if k in found:
                found[k] += 1
    n = len(grades)
    fractions = sorted(((c / n if n else 0.0), i, k) for i, (k, c) in enumerate(found.items()))
    elements = [{"key": k, "found_by": f} for f, _i, k in fractions]
    mean = sum(g.score for g in grades) / n if n else 0.0
    return {
        "key": key,
        "students": rows,
        "class": {"students": n, "mean_score": mean, "elements": elements},
    }


def _text(report: dict[str, Any]) -> str:
    """The report for a person, in the language in force."""
    lines: list[str] = []
    for row in report["students"]:
        if row["score"] is None:
            lines.append(_("{path}: not graded (the file did not load)").format(path=row["file"]))
            continue
        lines.append(_("{path}: score {score:.2f}").format(path=row["file"], score=row["score"]))
        for item in row["feedback"]:
            lines.append("  " + str(item["message"]))
    summary = report["class"]
    lines.append(
        _("Class: {n} students graded, mean score {mean:.2f}").format(
            n=summary["students"], mean=summary["mean_score"]
        )
    )
    hardest = summary["elements"][:HARDEST]
    if summary["students"] and hardest:
        found = ("、" if current() == "ja" else ", ").join(
            _("{id} ({percent:.0f}%)").format(id=e["key"], percent=100 * e["found_by"]) for e in hardest
        )
        lines.append(_("Found by the fewest students: {elements}").format(elements=found))
    return "\n".join(lines) + "\n"
