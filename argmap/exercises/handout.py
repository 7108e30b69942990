"""The printable handout of a worksheet: HTML for A4 paper, and PDF.

:func:`handout_html` lays out, in the worksheet's language: the title and
room for the student's class and name, the task, the text of the article
(when the key's ``document.file`` names it), the diagram of the worksheet
with its numbered blanks, the questions with lines to write on, and the
notes the teacher left for students. The page is self-contained (no
script, no network) and sized for A4 paper; :func:`handout_pdf` prints it
to PDF with WeasyPrint.
"""

from __future__ import annotations

import html
import re
import time

from argmap.checks.cues import content_tokens
from argmap.drawing.dot import RenderOptions, note_mark, to_dot
from argmap.drawing.escape import printable
from argmap.drawing.html import svg_parts
from argmap.drawing.output import DEFAULT_TIMEOUT, _fitted, run_graphviz
from argmap.errors import ArgmapException
from argmap.exercises.worksheet import Worksheet, kinds_help
from argmap.i18n import N_, _, using
from argmap.model import ArgumentMap

__all__ = ["MAX_ARTICLE_CHARS", "WRITING_LINES", "HandoutError", "handout_html", "handout_pdf"]

#: The longest article printed whole; a longer one is cut there, and the page says so.
MAX_ARTICLE_CHARS = 20_000
#: Lines to write on under each question.
WRITING_LINES = 3

_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:"

_CSS = """
@page { size: A4; margin: 15mm 14mm 16mm 14mm; }
@page landscape { size: A4 landscape; margin: 12mm 15mm 12mm 15mm; }
* { box-sizing: border-box; }
html { font-family: "Noto Sans CJK JP", "Hiragino Sans", "Yu Gothic", "Meiryo", sans-serif;
       font-size: 10.5pt; line-height: 1.6; color: #222222; }
body { margin: 0; }
h1 { font-size: 16pt; margin: 0 0 2mm; line-height: 1.3; }
h2 { font-size: 12pt; margin: 6mm 0 2mm; border-bottom: 1.5pt solid #444444; padding-bottom: 0.5mm; }
p { margin: 0 0 2mm; }
.about { color: #4a4a4a; font-size: 9.5pt; }
table.name { border-collapse: collapse; width: 100%; margin: 3mm 0 1mm; }
table.name th { font-weight: normal; text-align: left; width: 1%; white-space: nowrap; padding: 1mm 2mm 1mm 0; }
table.name td { border-bottom: 0.8pt solid #444444; padding: 1mm 0; }
table.name td.short { width: 14mm; }
.article { border: 0.8pt solid #bbbbbb; border-radius: 2mm; padding: 3mm 4mm; font-size: 10pt; }
.article p { margin: 0 0 1.5mm; }
.cut { color: #4a4a4a; font-style: italic; text-indent: 0; }
.diagram { page: landscape; page-break-before: always; break-before: page; text-align: center; }
.diagram svg { max-width: 100%; height: auto; max-height: 150mm; }
.diagram p { text-align: left; font-size: 9.5pt; color: #4a4a4a; }
.gap { text-indent: 0; color: #4a4a4a; }
section.questions { break-before: page; page-break-before: always; }
ol.questions { padding-left: 0; list-style: none; margin: 0; }
ol.questions li { break-inside: avoid; page-break-inside: avoid; margin: 0 0 4mm; }
.mark { font-weight: bold; margin-right: 1mm; }
.line { border-bottom: 0.6pt solid #999999; height: 9mm; }
ul.notes { padding-left: 5mm; }
@media screen { body { max-width: 190mm; margin: 0 auto; padding: 10mm 4mm; } .diagram svg { width: 100%; } }
"""


#: The words of the page, marked for translation; :func:`_words` gives them escaped, in the language in force.
WORDS = {
    # TRANSLATORS: the student's homeroom class, with room to write it (1年2組: 組)
    "class": N_("Class"),
    # TRANSLATORS: the student's number in the class register (出席番号: 番)
    "number": N_("No."),
    "name": N_("Name"),
    "task": N_("Task"),
    "text": N_("The text"),
    "map": N_("The argument map"),
    "notes": N_("Notes"),
    "questions": N_("Questions"),
    "excerpt": N_("Parts of the text; […] marks what is left out."),
    # TRANSLATORS: marks a part of the article left out of the handout
    "gap": N_("[…]"),
}


def _words() -> dict[str, str]:
    return {key: _e(_(text)) for key, text in WORDS.items()}


class HandoutError(ArgmapException):
    """A handout could not be made (PDF without WeasyPrint, or WeasyPrint failed)."""


def _e(text: str) -> str:
    """``text`` for HTML as the map's pages write it: characters XML cannot carry shown as
    their pictures (:func:`~argmap.drawing.escape.printable`), markup escaped."""
    return html.escape(printable(text), quote=True)


#: The room for the diagram on an A4 landscape page, in pixels at 96 dpi (267 mm x 170 mm).
_PAGE = (1009, 643)


def _diagram(ws: Worksheet, timeout: float) -> str:
    """The worksheet's diagram as inline SVG, sized by the page."""
    has_notes = any(
        el.note for table in (ws.map.claims, ws.map.inferences, ws.map.attacks) for el in table.values()
    )
    budget = max(timeout, 0.001)
    deadline = time.monotonic() + budget
    options = RenderOptions(lang=ws.lang, notes=has_notes, title=False, fontsize=11.0, fit=_PAGE)
    options = _fitted(ws.map, [], options, lang=ws.lang, engine="dot", deadline=deadline, budget=budget)
    left = max(deadline - time.monotonic(), 0.001)
    svg = run_graphviz(to_dot(ws.map, [], options).source, "svg", timeout=left).decode("utf-8", "replace")
    parts = svg_parts(svg)
    if parts is None:
        return ""
    head, body = parts
    view = re.search(r'viewBox="([^"]*)"', head)
    width = re.search(r'width="([0-9.]+)pt"', head)
    height = re.search(r'height="([0-9.]+)pt"', head)
    size = f' width="{width.group(1)}pt" height="{height.group(1)}pt"' if width and height else ""
    opening = (
        f'<svg viewBox="{html.escape(view.group(1) if view else "0 0 100 100")}"{size} role="img" '
        'preserveAspectRatio="xMidYMid meet" '
        'xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">'
    )
    return opening + body


#: How much of a claim's content words a line of the article must hold to be the line it comes from.
EXCERPT_MATCH = 0.6


def excerpt_lines(text: str, amap: ArgumentMap) -> list[int] | None:
    """The lines of ``text`` (0-based) the map's claims come from: for each
    claim, the line holding most of its content words (of two, the shorter) (at least
    :data:`EXCERPT_MATCH` of them). None when no claim is found in the text.
    """
    lines = text.split("\n")
    tokens = [content_tokens(line) if line.strip() else frozenset() for line in lines]
    kept: set[int] = set()
    for claim in amap.claims.values():
        wanted = content_tokens(claim.text) if claim.text.strip() else frozenset()
        if not wanted:
            continue
        best, where, size = 0.0, -1, 0
        for n, have in enumerate(tokens):
            if have:
                share = len(wanted & have) / len(wanted)
                if share > best or (share == best and len(have) < size):  # the line that is most this claim
                    best, where, size = share, n, len(have)
        if best >= EXCERPT_MATCH:
            kept.add(where)
    return sorted(kept) or None


def _article(text: str, amap: ArgumentMap) -> str:
    """The article: the lines the key's claims come from, in order, with a mark
    where a part is left out (the whole text when no claim is found in it, cut
    at :data:`MAX_ARTICLE_CHARS` with a note)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    chosen = excerpt_lines(text, amap)
    out: list[str] = []
    if chosen is not None:
        w = _words()
        gap = w["gap"]
        out.append(f'<p class="cut">{w["excerpt"]}</p>')
        previous = -1
        for n in chosen:
            if n > previous + 1:
                out.append(f'<p class="gap">{gap}</p>')
            out.append(f"<p>{_e(lines[n].strip())}</p>")
            previous = n
        if previous < len(lines) - 1 and any(line.strip() for line in lines[previous + 1 :]):
            out.append(f'<p class="gap">{gap}</p>')
        return "".join(out)
    cut = len(text) > MAX_ARTICLE_CHARS
    shown = text[:MAX_ARTICLE_CHARS]
    paragraphs = [p.strip("\n") for p in re.split(r"\n\s*\n", shown) if p.strip()]
    out = ["<p>" + "<br>".join(_e(line) for line in p.split("\n")) + "</p>" for p in paragraphs]
    if cut:
        out.append(
            '<p class="cut">'
            + _e(
                _("(The text goes on: {count} more characters are not printed here.)").format(
                    count=f"{len(text) - MAX_ARTICLE_CHARS:,}"
                )
            )
            + "</p>"
        )
    return "".join(out)


def _notes(ws: Worksheet) -> str:
    """The notes for students, with the marks the diagram draws for them."""
    items = []
    n = 0
    for table in (ws.map.claims, ws.map.inferences, ws.map.attacks):
        for el in table.values():
            if el.note:
                n += 1
                items.append(f'<li><span class="mark">{note_mark(n)}</span>{_e(el.id)}: {_e(el.note)}</li>')
    return "".join(items)


def handout_html(ws: Worksheet, *, article: str | None = None, timeout: float = DEFAULT_TIMEOUT) -> str:
    """The worksheet as a printable A4 page (see the module docstring).

    ``article`` is the text of the analysed article (None: no article section).
    Raises :class:`~argmap.drawing.RenderError` when Graphviz fails.
    """
    with using(ws.lang):
        m = ws.map
        w = _words()
        about = []
        if m.document is not None:
            for value in (m.document.title, m.document.author, m.document.url):
                if value:
                    about.append(_e(value))
        parts = [
            f'<!DOCTYPE html>\n<html lang="{_e(ws.lang)}">\n<head>\n<meta charset="utf-8">\n',
            f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">\n',
            '<meta name="generator" content="argmap">\n',
            f"<title>{_e(m.title)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n",
            f"<header><h1>{_e(m.title)}</h1>",
        ]
        if about:
            parts.append(f'<p class="about">{" · ".join(about)}</p>')
        parts.append(
            '<table class="name"><tr>'
            f'<th>{w["class"]}</th><td class="short"></td>'
            f'<th>{w["number"]}</th><td class="short"></td>'
            f"<th>{w['name']}</th><td></td></tr></table></header>\n"
        )
        parts.append(f'<section class="task"><h2>{w["task"]}</h2><p>{_e(ws.task)}</p></section>\n')
        if article is not None:
            parts.append(
                f'<section><h2>{w["text"]}</h2><div class="article">{_article(article, ws.key)}</div></section>\n'
            )
        parts.append(
            f'<section class="diagram"><h2>{w["map"]}</h2><p>{_e(kinds_help())}</p>'
            f"{_diagram(ws, timeout)}</section>\n"
        )
        notes = _notes(ws)
        if notes:
            parts.append(f'<section><h2>{w["notes"]}</h2><ul class="notes">{notes}</ul></section>\n')
        lines = '<div class="line"></div>' * WRITING_LINES
        items = [
            f'<li><p><span class="mark">{_e(label)}</span>{_e(text)}</p>{lines}</li>'
            for label, text in ws.numbered()
        ]
        parts.append(
            f'<section class="questions"><h2>{w["questions"]}</h2><ol class="questions">{"".join(items)}</ol></section>\n'
        )
        parts.append("</body>\n</html>\n")
    return "".join(parts)


def handout_pdf(page: str) -> bytes:
    """The handout page (:func:`handout_html`) printed to PDF on A4 with WeasyPrint.

    Raises :class:`HandoutError` when WeasyPrint is not installed or fails.
    """
    try:
        import weasyprint
    except (ImportError, OSError) as exc:  # OSError: its system libraries (Pango) are missing
        raise HandoutError(
            _(
                "a PDF handout needs WeasyPrint, which could not be loaded ({reason}); "
                "make an HTML handout with --format html and print it from a browser"
            ).format(reason=exc)
        ) from None
    try:
        data: bytes = weasyprint.HTML(string=page).write_pdf()
    except Exception as exc:  # any failure of the library is reported
        raise HandoutError(_("WeasyPrint could not print the handout: {reason}").format(reason=exc)) from None
    return data
