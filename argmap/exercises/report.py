"""A class's grades as one report: JSON, text, a spreadsheet (CSV) and a web page (HTML).

:func:`class_report` gathers each student's :class:`~argmap.exercises.grading.Grade`
(or the error of a file that did not load) into one JSON-ready dict::

    {"key": path,
     "students": [{"file": path, "score": 0.83, "scores": {...}, "matched": {...},
                   "missed": [...], "extra": [...], "feedback": [...], "findings": [...]},
                  {"file": path, "score": None, "errors": [{"line", "column", "message"}]}],
     "class": {"students": n, "mean_score": 0.62,
               "elements": [{"key": id, "found_by": 0.25}, ...]}}

With ``hidden`` (what the students' worksheet hid, ``argmap grade --hide``),
the dict has ``"hidden": [...]`` after ``key``, and every format says that the
scores are of what the worksheet hid.

``class.elements`` lists the key's claims, inferences and attacks, the one
found by the fewest students first: a claim is found when the student wrote
it, an inference when the student drew all of its support, an attack when the
student drew it (each is found unless the student's grade lists it in
``missed``). The other functions turn that dict into what a teacher reads,
in the language in force (:func:`argmap.i18n.using`):

* :func:`to_text`: each student's score and feedback, then the class;
* :func:`to_csv`: one row per student, one column per key element (1 when the
  student found it), a last row for the class; cells that a spreadsheet would
  take for a formula are made text (:func:`spreadsheet_cell`);
* :func:`to_html`: one self-contained, printable page: the score distribution,
  the key's elements from the hardest, every student with feedback, and the
  files that did not load.

:func:`encode` gives the bytes to write: CSV with a byte order mark, so that a
spreadsheet on a Japanese Windows reads it as UTF-8.
"""

from __future__ import annotations

import csv
import html
import io
import json
import math
import re
from collections.abc import Mapping, Sequence
from typing import Any

from argmap.errors import ArgmapError
from argmap.exercises.grading import Grade
from argmap.formats._rules import listing
from argmap.i18n import N_, _, current, ngettext
from argmap.model import ArgumentMap, Kind

__all__ = [
    "BINS",
    "FORMATS",
    "HARDEST",
    "PARTS",
    "POLICY",
    "class_report",
    "encode",
    "histogram",
    "kind_name",
    "spreadsheet_cell",
    "to_csv",
    "to_html",
    "to_json",
    "to_text",
]

#: The formats of the report.
FORMATS = ("text", "json", "csv", "html")

#: How many of the key's elements found by the fewest students the text format names.
HARDEST = 3

#: The bins of the score distribution: 0–0.1, 0.1–0.2, …, 0.9–1.0 (1.0 in the last).
BINS = 10

#: The part scores shown for each student: (part, measure, column heading).
PARTS: tuple[tuple[str, str, str], ...] = (
    ("claims", "f1", N_("Claims (F1)")),
    ("kinds", "accuracy", N_("Kinds (accuracy)")),
    ("links", "f1", N_("Links (F1)")),
    ("assumptions", "recall", N_("Hidden premises (recall)")),
    ("attacks", "f1", N_("Attacks (F1)")),
)

#: A kind's name in the tables (a kind not listed is shown as its value).
_KIND_NAMES: Mapping[Kind, str] = {
    Kind.EVIDENCE: N_("evidence"),
    Kind.PREMISE: N_("premise"),
    Kind.ASSUMPTION: N_("hidden premise"),
    Kind.HYPOTHESIS: N_("hypothesis (if …)"),
    Kind.CONCLUSION: N_("conclusion"),
}

#: What a spreadsheet may take for the start of a formula (or of a cell it rewrites).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

#: Control characters (not tab or newline), DEL, and unpaired surrogates: shown as escapes in the page.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


# ------------------------------------------------------------------ the report


def class_report(
    key: str,
    key_map: ArgumentMap,
    entries: Sequence[tuple[str, Grade | ArgmapError]],
    *,
    hidden: Sequence[str] | None = None,
) -> dict[str, Any]:
    """The JSON-ready report of a class: ``entries`` are (file, its grade or
    the error that kept it from loading), in the order given. ``hidden``: what
    the students' worksheet hid (the grades' ``hide``), when the scores count only that."""
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
    # an element is found unless the grade lists it as missed: a claim matched,
    # an inference whose support the student reproduced, an attack drawn
    found = dict.fromkeys([*key_map.claims, *key_map.inferences, *key_map.attacks], 0)
    for g in grades:
        missed = set(g.missed)
        for k in found:
            if k not in missed:
                found[k] += 1
    n = len(grades)
    fractions = sorted(((c / n if n else 0.0), i, k) for i, (k, c) in enumerate(found.items()))
    elements = [{"key": k, "found_by": f} for f, _i, k in fractions]
    mean = sum(g.score for g in grades) / n if n else 0.0
    out: dict[str, Any] = {"key": key}
    if hidden is not None:
        out["hidden"] = list(hidden)
    out["students"] = rows
    out["class"] = {"students": n, "mean_score": mean, "elements": elements}
    return out


def _hidden_line(report: Mapping[str, Any]) -> str | None:
    """The sentence that says the scores count only what the worksheet hid (None: they count all)."""
    hidden = report.get("hidden")
    if hidden is None:
        return None
    return _(
        "Scores are of what the worksheet hid ({what}): 0 for a worksheet handed back unchanged, "
        "1 when all of it is found."
    ).format(what=listing(hidden))


def to_json(report: Mapping[str, Any]) -> str:
    """The report as JSON text (UTF-8 characters kept), ending with a newline."""
    return json.dumps(report, ensure_ascii=False, indent=2) + "\n"


def encode(fmt: str, text: str) -> bytes:
    """The bytes of a report in ``fmt``: UTF-8, with a byte order mark for CSV
    (a spreadsheet on a Japanese Windows would read it as Shift JIS otherwise)."""
    return text.encode("utf-8-sig" if fmt == "csv" else "utf-8")


def _found_sets(report: Mapping[str, Any]) -> list[set[str] | None]:
    """For each student row, the key ids the student found (None: not graded)."""
    keys = {e["key"] for e in report["class"]["elements"]}
    return [keys - set(row["missed"]) if row.get("score") is not None else None for row in report["students"]]


def _part(row: Mapping[str, Any], part: str, measure: str) -> float | None:
    value = row.get("scores", {}).get(part, {}).get(measure)
    return float(value) if isinstance(value, int | float) else None


def _part_means(report: Mapping[str, Any]) -> list[float | None]:
    graded = [row for row in report["students"] if row.get("score") is not None]
    means: list[float | None] = []
    for part, measure, _heading in PARTS:
        values = [v for row in graded if (v := _part(row, part, measure)) is not None]
        means.append(sum(values) / len(values) if values else None)
    return means


def _located(path: str, error: Mapping[str, Any]) -> str:
    """``path:line:col: message`` (as much of the place as is known)."""
    place = [path] + [str(error[k]) for k in ("line", "column") if error.get(k) is not None]
    return ":".join(place) + ": " + str(error["message"])


def kind_name(kind: Kind) -> str:
    """The name of ``kind`` in the language in force."""
    name = _KIND_NAMES.get(kind)
    return _(name) if name is not None else (_("not chosen yet") if kind.name == "BLANK" else kind.value)


# ------------------------------------------------------------------ text


def _class_line(summary: Mapping[str, Any]) -> str:
    """How many students were graded and their mean score, in a sentence."""
    n = summary["students"]
    return ngettext(
        "Class: {n} student graded, mean score {mean:.2f}",
        "Class: {n} students graded, mean score {mean:.2f}",
        n,
    ).format(n=n, mean=shown(summary["mean_score"]))


def to_text(report: Mapping[str, Any]) -> str:
    """The report for a person, in the language in force."""
    lines: list[str] = []
    if (hidden := _hidden_line(report)) is not None:
        lines.append(hidden)
    for row in report["students"]:
        if row["score"] is None:
            lines.append(_("{path}: not graded (the file did not load)").format(path=row["file"]))
            continue
        lines.append(_("{path}: score {score:.2f}").format(path=row["file"], score=shown(row["score"])))
        kept = _part(row, "given", "kept")
        if kept is not None and kept < 1:
            lines.append(
                "  "
                + _(
                    "The map no longer has {percent:.0f}% of what the worksheet gave; the score is lowered."
                ).format(percent=100 - shown(100 * kept, 0, 100))
            )
        for item in row["feedback"]:
            lines.append("  " + str(item["message"]))
    summary = report["class"]
    lines.append(_class_line(summary))
    hardest = summary["elements"][:HARDEST]
    if summary["students"] and hardest:
        found = listing(
            _("{id} ({percent:.0f}%)").format(id=e["key"], percent=shown(100 * e["found_by"], 0, 100))
            for e in hardest
        )
        lines.append(_("Found by the fewest students: {elements}").format(elements=found))
    return "\n".join(lines) + "\n"


# ------------------------------------------------------------------ CSV


def spreadsheet_cell(value: object) -> object:
    """``value`` as a spreadsheet cell: a text a spreadsheet would read as a
    formula (starting with = + - @, a tab or a carriage return) gets a leading
    apostrophe, so that it stays text; numbers and None are left alone.

    >>> spreadsheet_cell("=HYPERLINK(\\"http://x\\")"), spreadsheet_cell("-1.yaml"), spreadsheet_cell(0.5)
    ('\\'=HYPERLINK("http://x")', "'-1.yaml", 0.5)
    """
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def shown(value: float, places: int = 2, top: float = 1.0) -> float:
    """``value`` rounded to ``places`` decimals for a person to read, but never
    to the ends it has not reached: 0.996 shows as 0.99, not as the 1.00 of a
    map with nothing to fix, and 0.001 as 0.01, not as the 0.00 of an empty
    map (``top`` is the upper end: 1 for scores, 100 for percentages).

    >>> shown(0.996), shown(1.0), shown(0.001), shown(0.0), shown(0.675), shown(99.7, 0, 100)
    (0.99, 1.0, 0.01, 0.0, 0.68, 99.0)
    """
    step = 10.0**-places
    r = round(value, places)
    if r >= top > value:
        return round(top - step, places)
    if r <= 0 < value:
        return step
    return r


def _number(value: float | None) -> str:
    return "" if value is None else f"{value:.4f}"


def to_csv(report: Mapping[str, Any]) -> str:
    """The report as a spreadsheet (CSV text, lines ending in CRLF), headings in the language in force.

    One row per student: file, score, the part scores (:data:`PARTS`), the
    number of feedback items, the errors of a file that did not load, then one
    column per key element (1 found, 0 not), the hardest first. A last row
    gives the class's mean score (and mean part scores) and, for each
    element, the share of students who found it.
    """
    elements = report["class"]["elements"]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")

    def write(cells: Sequence[object]) -> None:
        writer.writerow([spreadsheet_cell(c) for c in cells])

    write(
        [
            _("File"),
            _("Score") if "hidden" not in report else _("Score (of what the worksheet hid)"),
            *(_(heading) for _p, _m, heading in PARTS),
            _("Feedback items"),
            _("Why the file did not load"),
            *(e["key"] for e in elements),
        ]
    )
    for row, found in zip(report["students"], _found_sets(report), strict=True):
        if found is None:
            errors = "\n".join(_located(row["file"], e) for e in row.get("errors", []))
            write([row["file"], "", *([""] * len(PARTS)), "", errors, *([""] * len(elements))])
            continue
        write(
            [
                row["file"],
                _number(row["score"]),
                *(_number(_part(row, p, m)) for p, m, _h in PARTS),
                len(row["feedback"]),
                "",
                *(1 if e["key"] in found else 0 for e in elements),
            ]
        )
    summary = report["class"]
    write(
        [
            _("Class: mean score; share of students who found each element"),
            _number(summary["mean_score"]) if summary["students"] else "",
            *(_number(m) for m in _part_means(report)),
            "",
            "",
            *(_number(e["found_by"]) if summary["students"] else "" for e in elements),
        ]
    )
    return out.getvalue()


# ------------------------------------------------------------------ HTML

#: What the page may load or run: nothing but its own style (no script, no request).
POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"

_CSS = """\
@page { size: A4; margin: 14mm 12mm; }
html, body { margin: 0; padding: 0; }
body {
  font-family: "Noto Sans CJK JP", "Hiragino Sans", "Yu Gothic UI", "Meiryo", system-ui, sans-serif;
  color: #222; background: #fff; line-height: 1.5; font-size: 11pt;
}
main { max-width: 60rem; margin: 0 auto; padding: 1rem 1.2rem 2rem; }
h1 { font-size: 1.4rem; margin: 0 0 .3rem; }
h2 { font-size: 1.1rem; margin: 1.4rem 0 .4rem; border-bottom: 1px solid #bbb; }
.summary { font-size: 1.05rem; margin: .2rem 0; }
.key { color: #555; margin: .2rem 0; overflow-wrap: anywhere; }
table { border-collapse: collapse; width: 100%; }
th, td { border-bottom: 1px solid #ddd; padding: .25rem .4rem; text-align: left; vertical-align: top; }
th { background: #f2f2f2; font-weight: bold; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.num { white-space: nowrap; }
td.id, td.kind { white-space: nowrap; }
#students th.num { width: 5em; }
#students td.file { min-width: 14em; }
#students td.feedback { min-width: 10em; }
td.file, code { overflow-wrap: anywhere; }
code { font-family: ui-monospace, "Noto Sans Mono CJK JP", monospace; }
tr { break-inside: avoid; page-break-inside: avoid; }
tfoot td { font-weight: bold; border-top: 2px solid #999; }
.meter { vertical-align: middle; margin-right: .3rem; }
#distribution svg { display: block; width: 100%; max-width: 36rem; height: auto; }
#distribution text { font-size: 12px; fill: #222; }
#distribution .count { font-weight: bold; }
details summary { cursor: pointer; }
details ul { margin: .2rem 0 .2rem 1.2rem; padding: 0; }
#errors li { font-family: ui-monospace, "Noto Sans Mono CJK JP", monospace; white-space: pre-wrap;
  overflow-wrap: anywhere; }
.none { color: #555; }
@media print {
  body { font-size: 9.5pt; }
  main { max-width: none; padding: 0; }
  h2 { break-after: avoid; page-break-after: avoid; }
}
"""


#: The page's words, said in the language in force by :func:`_w`.
_WORDS: Mapping[str, str] = {
    "distribution": N_("Score distribution"),
    "score": N_("Score"),
    "students": N_("Students"),
    "count": N_("Number of students"),
    "nobody": N_("No student was graded."),
    "no-questions": N_("No questions"),
    "file": N_("File"),
    "feedback": N_("Feedback"),
    "class-mean": N_("Class mean"),
    "not-loaded": N_("Files that did not load"),
    "elements": N_("What the class found, hardest first"),
}


def _w(name: str) -> str:
    """The page's word ``name`` (:data:`_WORDS`), translated and escaped."""
    return _esc(_(_WORDS[name]))


def _esc(value: object) -> str:
    """``value`` as HTML text or attribute value: escaped, control characters shown as escapes."""
    text = _CONTROL.sub(
        lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100 else "\ufffd", str(value)
    )
    return html.escape(text, quote=True)


def histogram(scores: Sequence[float], bins: int = BINS) -> list[int]:
    """How many ``scores`` (from 0 to 1) fall in each of ``bins`` equal bins
    (a score on a boundary goes to the bin above it; 1.0 to the last).

    >>> histogram([0.0, 0.05, 0.1, 0.55, 1.0])
    [2, 1, 0, 0, 0, 1, 0, 0, 0, 1]
    """
    counts = [0] * bins
    for s in scores:
        i = math.floor(round(s * bins, 9))
        counts[min(max(i, 0), bins - 1)] += 1
    return counts


def _chart(counts: Sequence[int]) -> str:
    """The score distribution as an inline SVG histogram: a bar per non-empty
    bin with its count written above it, the bins' bounds under the axis."""
    width, height = 520, 250
    left, right, top, bottom = 44, 12, 22, 46
    plot_w, plot_h = width - left - right, height - top - bottom
    bar_w = plot_w / len(counts)
    peak = max(counts) if counts and max(counts) else 1
    step = max(1, math.ceil(peak / 5))
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'role="img" aria-labelledby="chart-title chart-desc">',
        f'<title id="chart-title">{_w("distribution")}</title>',
        f'<desc id="chart-desc">{_esc(_chart_description(counts))}</desc>',
    ]
    for tick in range(0, peak + 1, step):
        y = top + plot_h - plot_h * tick / peak
        out.append(
            f'<line x1="{left}" y1="{y:.1f}" x2="{left + plot_w}" y2="{y:.1f}" stroke="#ddd" stroke-width="1"/>'
            f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end">{tick}</text>'
        )
    for i, count in enumerate(counts):
        x = left + i * bar_w
        if count:
            h = plot_h * count / peak
            y = top + plot_h - h
            out.append(
                f'<rect class="bar" data-bin="{i}" data-count="{count}" x="{x + 3:.1f}" y="{y:.1f}" '
                f'width="{bar_w - 6:.1f}" height="{h:.1f}" fill="#4a74a8" stroke="#1d3a5f" stroke-width="1"/>'
                f'<text class="count" x="{x + bar_w / 2:.1f}" y="{y - 5:.1f}" text-anchor="middle">{count}</text>'
            )
    for i in range(len(counts) + 1):
        x = left + i * bar_w
        out.append(
            f'<line x1="{x:.1f}" y1="{top + plot_h}" x2="{x:.1f}" y2="{top + plot_h + 4}" stroke="#222"/>'
            f'<text x="{x:.1f}" y="{top + plot_h + 17}" text-anchor="middle">{i / len(counts):.1f}</text>'
        )
    out.append(
        f'<line x1="{left}" y1="{top + plot_h}" x2="{left + plot_w}" y2="{top + plot_h}" stroke="#222"/>'
        f'<line x1="{left}" y1="{top}" x2="{left}" y2="{top + plot_h}" stroke="#222"/>'
        f'<text x="{left + plot_w / 2:.1f}" y="{height - 6}" text-anchor="middle">{_w("score")}</text>'
        f'<text x="12" y="{top + plot_h / 2:.1f}" text-anchor="middle" '
        f'transform="rotate(-90 12 {top + plot_h / 2:.1f})">{_w("count")}</text>'
        "</svg>"
    )
    return "".join(out)


def _chart_description(counts: Sequence[int]) -> str:
    parts = [
        _("{low:.1f} to {high:.1f}: {count}").format(low=i / len(counts), high=(i + 1) / len(counts), count=c)
        for i, c in enumerate(counts)
    ]
    return listing(parts)


def _meter(fraction: float) -> str:
    """A small bar of ``fraction`` (0 to 1), drawn in SVG so that it prints."""
    w = 80
    filled = max(0.0, min(1.0, fraction)) * w
    return (
        f'<svg class="meter" width="{w}" height="10" viewBox="0 0 {w} 10" aria-hidden="true">'
        f'<rect x="0" y="0" width="{w}" height="10" fill="#fff" stroke="#888"/>'
        f'<rect x="0" y="0" width="{filled:.1f}" height="10" fill="#4a74a8"/></svg>'
    )


def _elements_table(report: Mapping[str, Any], key_map: ArgumentMap) -> str:
    summary = report["class"]
    if not summary["students"]:
        return f'<p class="none">{_w("nobody")}</p>'
    head = "".join(
        f"<th{cls}>{_esc(t)}</th>"
        for cls, t in (
            ("", _("Id")),
            ("", _("Kind")),
            ("", _("Text in the key")),
            (' class="num"', _("Found by")),
        )
    )
    rows = []
    for e in summary["elements"]:
        kind, text = _element(key_map, e["key"])
        percent = 100 * e["found_by"]
        rows.append(
            f'<tr data-key="{_esc(e["key"])}" data-found-by="{e["found_by"]:.4f}">'
            f'<td class="id"><code>{_esc(e["key"])}</code></td><td class="kind">{_esc(kind)}</td><td>{_esc(text)}</td>'
            f'<td class="num">{_meter(e["found_by"])}{shown(percent, 0, 100):.0f}%</td></tr>'
        )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"


def _element(key_map: ArgumentMap, key: str) -> tuple[str, str]:
    """The kind and the text of a key element, as the class view shows them."""
    if key in key_map.claims:
        claim = key_map.claims[key]
        return kind_name(claim.kind), claim.text.strip() or claim.prompt or "—"
    arrow = " → "
    if key in key_map.inferences:
        inf = key_map.inferences[key]
        link = listing(inf.premises) + arrow + inf.conclusion
        return _("inference"), (f"{inf.marker}: {link}" if inf.marker else link)
    if key in key_map.attacks:
        att = key_map.attacks[key]
        return _("attack"), att.source + arrow + att.target
    return "", ""


def _feedback(row: Mapping[str, Any]) -> str:
    items = row.get("feedback", [])
    if not items:
        return f'<span class="none">{_w("no-questions")}</span>'
    summary = ngettext("{n} question", "{n} questions", len(items)).format(n=len(items))
    lis = "".join(f"<li>{_esc(item.get('message', ''))}</li>" for item in items)
    return f"<details><summary>{_esc(summary)}</summary><ul>{lis}</ul></details>"


def _students_table(report: Mapping[str, Any]) -> str:
    graded = [row for row in report["students"] if row.get("score") is not None]
    if not graded:
        return f'<p class="none">{_w("nobody")}</p>'
    head = "".join(
        [
            f"<th>{_w('file')}</th>",
            f'<th class="num">{_w("score")}</th>',
            *(f'<th class="num">{_esc(_(h))}</th>' for _p, _m, h in PARTS),
            f"<th>{_w('feedback')}</th>",
        ]
    )
    rows = []
    for row in graded:
        parts = "".join(f'<td class="num">{_two(_part(row, p, m))}</td>' for p, m, _h in PARTS)
        rows.append(
            f'<tr class="student"><td class="file">{_esc(row["file"])}</td>'
            f'<td class="num score">{_two(row["score"])}</td>{parts}<td class="feedback">{_feedback(row)}</td></tr>'
        )
    means = "".join(f'<td class="num">{_two(m)}</td>' for m in _part_means(report))
    foot = (
        f"<tfoot><tr><td>{_w('class-mean')}</td>"
        f'<td class="num">{_two(report["class"]["mean_score"])}</td>{means}<td></td></tr></tfoot>'
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody>{foot}</table>"


def _two(value: float | None) -> str:
    return "—" if value is None else f"{shown(value):.2f}"


def _not_loaded(report: Mapping[str, Any]) -> str:
    bad = [row for row in report["students"] if row.get("score") is None]
    if not bad:
        return ""
    items = "".join(
        f"<li>{_esc(_located(row['file'], e))}</li>" for row in bad for e in row.get("errors", [])
    )
    intro = ngettext(
        "{n} file did not load; it is not graded. Correct it and grade it again.",
        "{n} files did not load; they are not graded. Correct them and grade them again.",
        len(bad),
    ).format(n=len(bad))
    return f'<section id="errors"><h2>{_w("not-loaded")}</h2><p>{_esc(intro)}</p><ul>{items}</ul></section>'


def to_html(report: Mapping[str, Any], key_map: ArgumentMap) -> str:
    """The class's results as one self-contained HTML page, in the language in
    force: the key's title, the number of students and the mean score, the
    score distribution, the key's elements from the one found by the fewest
    students, each student's scores and feedback, and the files that did not
    load with their errors. No script, no request: it opens from a file and prints on A4."""
    summary = report["class"]
    scores = [row["score"] for row in report["students"] if row.get("score") is not None]
    title = _("{title}: class results").format(title=key_map.title)
    counts = histogram(scores)
    line = _class_line(summary)
    key_line = _("Key: {path}").format(path=report["key"])
    body = [
        f"<header><h1>{_esc(title)}</h1>",
        f'<p class="summary">{_esc(line)}</p>',
        f'<p class="key">{_esc(key_line)}</p>',
        "" if (hidden := _hidden_line(report)) is None else f'<p class="summary">{_esc(hidden)}</p>',
        "</header>",
        f'<section id="distribution"><h2>{_w("distribution")}</h2>',
        _chart(counts) if scores else f'<p class="none">{_w("nobody")}</p>',
        "</section>",
        f'<section id="elements"><h2>{_w("elements")}</h2>',
        _elements_table(report, key_map),
        "</section>",
        f'<section id="students"><h2>{_w("students")}</h2>',
        _students_table(report),
        "</section>",
        _not_loaded(report),
    ]
    return "".join(
        [
            f'<!DOCTYPE html>\n<html lang="{_esc(current())}">\n<head>\n<meta charset="utf-8">\n',
            f'<meta http-equiv="Content-Security-Policy" content="{POLICY}">\n',
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
            '<meta name="generator" content="argmap">\n',
            f"<title>{_esc(title)}</title>\n<style>\n{_CSS}</style>\n</head>\n<body>\n<main>",
            "".join(body),
            "</main>\n</body>\n</html>\n",
        ]
    )
