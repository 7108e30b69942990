"""The HTML view of a map: one self-contained page, :func:`to_html`.

The page holds the Graphviz drawing (inline SVG, every claim, inference and
attack marked ``data-element="<id>"``), the checks' findings grouped by
severity, a panel that shows an element's whole text, note, source and
findings, and the reasoning written out as nested lists (for screen readers,
and for print). Its script and style sheet (``argmap/drawing/page/``) are
inlined: the page fetches nothing, and works from a file.

The page's words are translated (the ``drawing`` catalogue), in the
language chosen as for a drawing: ``lang``, else the options' ``lang``,
else the map's, else the locale.

For ``argmap serve``: ``to_html(..., live=True, version=v)`` adds a script
that polls ``GET /version`` and swaps in ``GET /fragment``, whose body
:func:`fragment` gives (the inner HTML of ``main#argmap``, or the problems
of a map that does not load); :func:`error_page` is the page for a map that
does not load when the server starts.
"""

from __future__ import annotations

import datetime as _dt
import html as _html
import json
import re
from collections.abc import Iterable, Sequence
from importlib import resources
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from argmap.checks.diagnostic import Diagnostic, Severity
from argmap.drawing import style
from argmap.drawing.dot import (
    RenderOptions,
    _date,
    build,
    check_arguments,
    counter_word,
    diagram_language,
    rule_name,
)
from argmap.drawing.escape import printable
from argmap.drawing.views import View
from argmap.errors import ArgmapError
from argmap.i18n import DEFAULT_LANGUAGE, N_, _, choose, using
from argmap.model import ArgumentMap, Claim, Kind
from argmap.support import type_name

if TYPE_CHECKING:
    from argmap.model import Graph

__all__ = ["DEFAULT_TIMEOUT", "error_page", "fragment", "inner_html", "page_and_inner", "to_html"]

#: Seconds Graphviz may take to lay out the page's drawing.
DEFAULT_TIMEOUT = 120.0
#: Claims nested deeper than this in the outline go on in a list of their own
#: (a browser flattens lists nested more than a few hundred deep).
OUTLINE_DEPTH = 24

_SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.INFO)
_SEVERITY_HEADINGS = {
    Severity.ERROR: N_("Errors"),
    Severity.WARNING: N_("Warnings"),
    Severity.INFO: N_("Information"),
}
#: Words the page's script shows (in the details panel and the live preview).
_SCRIPT_WORDS = {
    "text": N_("Text"),
    "note": N_("Note"),
    "source": N_("Source"),
    "speaker": N_("Speaker"),
    "date": N_("Date"),
    "link": N_("Link"),
    "title": N_("Title"),
    "quote": N_("Quote"),
    "findings": N_("Findings on this element"),
    "premises": N_("Premises"),
    "concludes": N_("Conclusion"),
    "from": N_("Attacker"),
    "against": N_("Attacked"),
    "attacks": N_("Attacked by"),
    "marker": N_("Words that mark it"),
    "scheme": N_("Kind of reasoning"),
    "strength": N_("Strength"),
    "errors": N_(
        "The map cannot be read as it is now. The last drawing that could be read is shown greyed out "
        "until the file is fixed:"
    ),
}


#: Words of the page itself.
_PAGE_WORDS = {
    "findings": N_("Findings"),
    "findings-hint": N_("Choose a finding to see its elements on the map."),
    "from": N_("from"),
    "outline": N_("The reasoning, written out"),
    "outline-main": N_("Conclusions and what supports them"),
    "outline-cycles": N_("Reasoning that leads to no conclusion"),
    "outline-alone": N_("Claims in no inference"),
    "no-claims": N_("The map has no claims yet."),
    "show-findings": N_("Show findings"),
    "show-notes": N_("Show notes"),
    "view": N_("View of the diagram"),
    "zoom-in": N_("Zoom in"),
    "zoom-out": N_("Zoom out"),
    "fit": N_("Show all"),
    "details": N_("Details"),
}


def _text(value: str) -> str:
    """A text of the map as HTML text: what XML cannot carry replaced, markup escaped."""
    return _html.escape(printable(value), quote=True)


def _w(key: str) -> str:
    """A word of the page (:data:`_PAGE_WORDS`, else :data:`_SCRIPT_WORDS`), translated and escaped."""
    return _text(_(_PAGE_WORDS.get(key) or _SCRIPT_WORDS[key]))


def _script_json(value: object) -> str:
    """``value`` as JSON safe inside a ``<script>`` element."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return (
        text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def _asset(name: str) -> str:
    return resources.files("argmap.drawing").joinpath("page", name).read_text(encoding="utf-8")


# -- the drawing ------------------------------------------------------------

_SVG_START = re.compile(r"<svg\b[^>]*>")
_GROUP = re.compile(r'<g id="((?:node|edge)\d+)" class="(node|edge)">(\s*<title>([^<]*)</title>)')
_BADGE_FILLS = "|".join(bg for bg, _fg, _symbol in style.BADGES.values())
_BADGE = re.compile(
    r'<polygon (fill="(?:' + _BADGE_FILLS + r')" stroke="(?:transparent|none)"[^>]*/>\s*)<text '
)


def svg_parts(svg: str) -> tuple[str, str] | None:
    """Graphviz's SVG split for a page to hold it: the root's start tag, and
    what follows it up to its end tag (included), without the XML prologue or
    comments. None when there is no ``<svg>`` root.

    >>> svg_parts('<?xml version="1.0"?>\\n<svg width="8pt"><!-- x --><g/></svg>\\n')
    ('<svg width="8pt">', '<g/></svg>')
    """
    start = _SVG_START.search(svg)
    if start is None:
        return None
    body = svg[start.end() :]
    end = body.rfind("</svg>")
    body = body[: end + len("</svg>")] if end >= 0 else body + "</svg>"
    return start.group(), re.sub(r"<!--.*?-->\n?", "", body, flags=re.S)


def _svg(svg: str, amap: ArgumentMap) -> str:
    """Graphviz's SVG made ready for the page: no XML prologue, sized by the
    page, each element's group marked ``data-element`` and ``data-kind``, badges
    marked ``class="badge"``."""
    parts = svg_parts(svg)
    if parts is None:
        return ""
    head, body = parts
    view = re.search(r'viewBox="([^"]*)"', head)
    box = view.group(1) if view else "0 0 100 100"
    opening = (
        f'<svg viewBox="{_html.escape(box)}" data-viewbox="{_html.escape(box)}" '
        'width="100%" height="100%" preserveAspectRatio="xMidYMid meet" focusable="false" '
        'xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">'
    )

    supports: dict[tuple[str, str], int] = {}
    for inf in amap.inferences.values():
        for p in dict.fromkeys(inf.premises):
            supports[(p, inf.id)] = supports.get((p, inf.id), 0) + 1
        key = (inf.id, inf.conclusion)
        supports[key] = supports.get(key, 0) + 1
    attacks: dict[tuple[str, str], list[str]] = {}
    countered = {att.target for att in amap.attacks.values() if att.target in amap.attacks}
    for att in amap.attacks.values():
        if att.id in countered:  # drawn in two halves through a point, as the diagram does
            attacks.setdefault((att.source, att.id), []).append(att.id)
            attacks.setdefault((att.id, att.target), []).append(att.id)
        else:
            attacks.setdefault((att.source, att.target), []).append(att.id)
    seen: dict[tuple[str, str], int] = {}

    def mark(m: re.Match[str]) -> str:
        gid, cls, title = m.group(1), m.group(2), _html.unescape(m.group(4))
        element: str | None = None
        kind = ""
        if cls == "node":
            if title in amap.claims:
                element, kind = title, amap.claims[title].kind.value
            elif title in amap.inferences:
                element, kind = title, "inference"
            elif title in amap.attacks:  # the point on an attack that is counter-attacked
                element, kind = title, "attack"
        else:
            arrow = title.find(">")
            if arrow > 0:
                pair = (title[: arrow - 1], title[arrow + 1 :])
                n = seen.get(pair, 0)
                seen[pair] = n + 1
                k = n - supports.get(pair, 0)
                ids = attacks.get(pair, [])
                if 0 <= k < len(ids):
                    element, kind = ids[k], "attack"
        if element is None:
            return m.group()
        return f'<g id="{gid}" class="{cls}" data-element="{element}" data-kind="{kind}">{m.group(3)}'

    body = _GROUP.sub(mark, body)
    body = _BADGE.sub(r'<polygon class="badge" \1<text class="badge" ', body)
    return opening + body


def _diagram(
    amap: ArgumentMap | View,
    found: Sequence[Diagnostic],
    options: RenderOptions | None,
    speak: str,
    *,
    engine: str,
    timeout: float,
) -> str:
    from argmap.drawing.output import RenderError, _locate, run_graphviz

    source = build(amap, found, options, lang=speak).graph.source
    drawn = amap.map if isinstance(amap, View) else amap
    try:
        out = run_graphviz(source, "svg", engine, timeout)
    except RenderError as exc:
        raise RenderError(_locate(str(exc), source, drawn)) from None
    return _svg(out.decode("utf-8", "replace"), drawn)


# -- the findings -----------------------------------------------------------


def _findings(found: Sequence[Diagnostic], speak: str) -> str:
    from argmap.checks.output import summary

    parts = [
        '<section id="findings" aria-labelledby="findings-title">',
        f'<h2 id="findings-title">{_w("findings")} '
        f'<span class="summary">{_text(summary(found, speak))}</span></h2>',
        f'<p class="hint">{_w("findings-hint")}</p>',
    ]
    for severity in _SEVERITIES:
        group = [d for d in found if d.severity is severity]
        if not group:
            continue
        sev = severity.value
        heading = _("{severity} ({count})").format(severity=_(_SEVERITY_HEADINGS[severity]), count=len(group))
        parts.append(f'<h3 id="findings-{sev}" class="severity {sev}">{_text(heading)}</h3>')
        parts.append(f'<ol class="findings {sev}" aria-labelledby="findings-{sev}">')
        for d in group:
            label = f"{d.code} {rule_name(d)}"
            parts.append(
                f'<li class="finding" data-code="{_text(d.code)}" data-rule="{_text(d.name)}" '
                f'data-severity="{sev}" data-elements="{_text(" ".join(d.elements))}" '
                f'data-label="{_text(label)}" title="{_text(label)}" tabindex="0">{_text(d.message)}</li>'
            )
        parts.append("</ol>")
    parts.append("</section>")
    return "".join(parts)


# -- the outline ------------------------------------------------------------


class _Outline:
    """The reasoning as nested lists: each conclusion, the inferences that
    conclude it, their premises, recursively; attacks marked."""

    def __init__(self, amap: ArgumentMap, speak: str, final: frozenset[str] | None = None) -> None:
        self.m = amap
        self.g: Graph = amap.graph
        #: The final conclusions of the whole map, for a view of part of it.
        self.final = final
        self.w = style.words(speak)
        self.speak = speak
        self.expanded: set[str] = set()
        self.later: list[str] = []
        self.attacks_on: dict[str, list[str]] = {}
        for att in amap.attacks.values():
            self.attacks_on.setdefault(att.target, []).append(att.id)

    def ref(self, element: str) -> str:
        label = _("Show {id} on the map").format(id=element)
        return (
            f'<button type="button" class="ref" data-ref="{element}" aria-label="{_text(label)}">'
            f"{element}</button>"
        )

    def note(self, note: str | None) -> str:
        return f'<p class="note">{_text(note)}</p>' if note else ""

    def kind(self, claim: Claim) -> str:
        words = [self.w[claim.kind.value]]
        final = claim.kind is Kind.CONCLUSION and not self.g.inferences_using(claim.id)
        if self.final is not None:
            final = claim.id in self.final
        if final:
            words = [self.w["final"]]
        if claim.conditional:
            words.append(self.w["conditional"])
        return _text(_(", ").join(words))

    def claim(self, cid: str, depth: int, out: list[str]) -> None:
        claim = self.m.claims[cid]
        head = (
            f'<span class="kind">{self.kind(claim)}</span> {self.ref(cid)} '
            f'<span class="text">{_text(claim.text)}</span>'
        )
        if cid in self.expanded:
            more = _("(shown above)")
            out.append(
                f'<li class="claim seen kind-{claim.kind.value}">{head} '
                f'<a href="#outline-{cid}" class="see">{_text(more)}</a></li>'
            )
            return
        if depth >= OUTLINE_DEPTH and self.g.inferences_concluding(cid):
            more = _("(continued below)")
            self.later.append(cid)
            self.expanded.add(cid)
            out.append(
                f'<li class="claim kind-{claim.kind.value}">{head} '
                f'<a href="#outline-{cid}" class="see">{_text(more)}</a></li>'
            )
            return
        self.expanded.add(cid)
        out.append(
            f'<li class="claim kind-{claim.kind.value}" id="outline-{cid}">{head}{self.note(claim.note)}'
        )
        children = self.g.inferences_concluding(cid)
        attacks = self.attacks_on.get(cid, [])
        if children or attacks:
            out.append("<ul>")
            for att in attacks:
                self.attack(att, out)
            for inf in children:
                self.inference(inf, depth, out)
            out.append("</ul>")
        out.append("</li>")

    def inference(self, iid: str, depth: int, out: list[str]) -> None:
        inf = self.m.inferences[iid]
        bits = [f'<span class="kind">{_text(self.w["inference"])}</span> {self.ref(iid)}']
        if inf.marker:
            quoted = _("“{marker}”").format(marker=inf.marker)
            bits.append(f'<span class="marker">{_text(quoted)}</span>')
        if inf.scheme:
            bits.append(f'<span class="scheme">{_text(style.scheme_label(inf.scheme, self.speak))}</span>')
        out.append(f'<li class="inference">{" ".join(bits)}{self.note(inf.note)}<ul>')
        for att in self.attacks_on.get(iid, []):
            self.attack(att, out)
        for p in dict.fromkeys(inf.premises):
            if p in self.m.claims:
                self.claim(p, depth + 1, out)
        out.append("</ul></li>")

    def attack(self, aid: str, out: list[str], depth: int = 0) -> None:
        att = self.m.attacks[aid]
        if att.target in self.m.attacks:
            kind = counter_word(self.speak)
        else:
            kind = self.w["undercut" if att.target in self.m.inferences else "rebuttal"]
        source = self.m.claims.get(att.source)
        said = f' <span class="text">{_text(source.text)}</span>' if source is not None else ""
        out.append(
            f'<li class="attack"><span class="kind">{_text(kind)}</span> {self.ref(aid)} '
            f'<span class="from">{_w("from")}</span> {self.ref(att.source)}{said}'
            f"{self.note(att.note)}"
        )
        # Its counter-attacks, under it (a circle of them is written once round).
        counters = self.attacks_on.get(aid, [])
        if counters and depth < 16 and aid not in self.expanded:
            self.expanded.add(aid)
            out.append("<ul>")
            for c in counters:
                self.attack(c, out, depth + 1)
            out.append("</ul>")
        out.append("</li>")

    def html(self) -> str:
        m, g = self.m, self.g
        in_inference = {c for c in m.claims if g.inferences_concluding(c) or g.inferences_using(c)}
        finals = [
            c.id for c in m.claims.values() if c.kind is Kind.CONCLUSION and not g.inferences_using(c.id)
        ]
        tops = [c for c in m.claims if c in in_inference and not g.inferences_using(c) and c not in finals]
        parts = [
            '<nav id="outline" aria-labelledby="outline-title">',
            f'<h2 id="outline-title">{_w("outline")}</h2>',
        ]
        out: list[str] = []
        for cid in [*finals, *tops]:
            if cid in in_inference or m.claims[cid].kind is Kind.CONCLUSION:
                self.claim(cid, 0, out)
        self.drain(out)
        if out:
            parts += [f'<h3 id="outline-main">{_w("outline-main")}</h3>']
            parts += ['<ul class="tree" aria-labelledby="outline-main">', *out, "</ul>"]
        out = []
        for cid in m.claims:  # in a cycle, reached from no conclusion
            if cid in in_inference and cid not in self.expanded:
                self.claim(cid, 0, out)
                self.drain(out)
        if out:
            parts += [f'<h3 id="outline-cycles">{_w("outline-cycles")}</h3>']
            parts += ['<ul class="tree" aria-labelledby="outline-cycles">', *out, "</ul>"]
        out = []
        for cid in m.claims:
            if cid not in self.expanded:
                self.claim(cid, 0, out)
        if out:
            parts += [f'<h3 id="outline-alone">{_w("outline-alone")}</h3>']
            parts += ['<ul class="tree" aria-labelledby="outline-alone">', *out, "</ul>"]
        if not m.claims:
            parts.append(f"<p>{_w('no-claims')}</p>")
        parts.append("</nav>")
        return "".join(parts)

    def drain(self, out: list[str]) -> None:
        """Claims cut off at :data:`OUTLINE_DEPTH`, each as a list item of its own."""
        while self.later:
            cid = self.later.pop(0)
            self.expanded.discard(cid)
            self.claim(cid, 0, out)


# -- the elements, for the script -------------------------------------------


def _source(claim: Claim) -> dict[str, str] | None:
    src = claim.source
    if src is None:
        return None
    out: dict[str, str] = {}
    if src.speaker:
        out["speaker"] = printable(src.speaker)
    if isinstance(src.date, _dt.date):
        out["date"] = _date(src.date)
    if src.url:
        out["url"] = printable(src.url)
        out["link"] = "1" if urlsplit(src.url).scheme.lower() in ("http", "https") else ""
    if src.title:
        out["title"] = printable(src.title)
    if src.quote:
        out["quote"] = printable(src.quote)
    return out or None


def _elements(
    amap: ArgumentMap, speak: str, finals: frozenset[str] | None = None
) -> dict[str, dict[str, Any]]:
    w = style.words(speak)
    g = amap.graph
    out: dict[str, dict[str, Any]] = {}
    for c in amap.claims.values():
        final = (
            c.id in finals
            if finals is not None
            else c.kind is Kind.CONCLUSION and not g.inferences_using(c.id)
        )
        entry: dict[str, Any] = {"kind": c.kind.value, "name": w["final"] if final else w[c.kind.value]}
        entry["text"] = printable(c.text)
        if c.note:
            entry["note"] = printable(c.note)
        source = _source(c)
        if source:
            entry["source"] = source
        out[c.id] = entry
    for i in amap.inferences.values():
        entry = {"kind": "inference", "name": w["inference"], "premises": list(dict.fromkeys(i.premises))}
        entry["conclusion"] = i.conclusion
        if i.marker:
            entry["marker"] = printable(i.marker)
        if i.scheme:
            entry["scheme"] = printable(style.scheme_label(i.scheme, speak))
        if i.strength is not None:
            entry["strength"] = f"{i.strength:g}"
        if i.note:
            entry["note"] = printable(i.note)
        out[i.id] = entry
    for a in amap.attacks.values():
        undercut = a.target in amap.inferences
        name = counter_word(speak) if a.target in amap.attacks else w["undercut" if undercut else "rebuttal"]
        entry = {"kind": "attack", "name": name}
        entry["source"] = a.source
        entry["target"] = a.target
        if a.note:
            entry["note"] = printable(a.note)
        out[a.id] = entry
    for eid, attackers in _attackers(amap).items():
        if eid in out:
            out[eid]["attacks"] = attackers
    return out


def _attackers(amap: ArgumentMap) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for a in amap.attacks.values():
        found.setdefault(a.target, []).append(a.id)
    return found


def _words() -> dict[str, str]:
    return {key: _(text) for key, text in _SCRIPT_WORDS.items()}


# -- the page ---------------------------------------------------------------


def _found(amap: ArgumentMap | View, findings: Iterable[Diagnostic] | None, speak: str) -> list[Diagnostic]:
    """The findings to show; for a view, those of the whole map about what it draws."""
    if findings is None:
        from argmap.checks import check

        found = check(amap.whole if isinstance(amap, View) else amap, lang=speak)
    else:
        found = list(findings)
    for d in found:
        if not isinstance(d, Diagnostic):
            raise TypeError(f"findings must hold findings (argmap.check's result), not {type_name(d)}")
    return amap.findings(found) if isinstance(amap, View) else found


def _inner(
    amap: ArgumentMap | View,
    found: Sequence[Diagnostic],
    options: RenderOptions | None,
    speak: str,
    *,
    engine: str,
    timeout: float,
) -> str:
    """The inner HTML of ``main#argmap``, in the language in force."""
    svg = _diagram(amap, found, options, speak, engine=engine, timeout=timeout)
    finals = amap.final if isinstance(amap, View) else None
    if isinstance(amap, View):  # the part drawn; its claims named final as in the whole map
        amap = amap.map
    title = amap.title or _("Argument map")
    toggles = []
    if found:
        toggles.append(
            '<label class="toggle"><input type="checkbox" id="toggle-findings" checked> '
            f"{_w('show-findings')}</label>"
        )
    toggles.append(
        f'<label class="toggle"><input type="checkbox" id="toggle-notes"> {_w("show-notes")}</label>'
    )
    controls = (
        f'<div class="controls" role="group" aria-label="{_w("view")}">'
        f'<button type="button" data-action="zoom-in" aria-label="{_w("zoom-in")}">+</button>'
        f'<button type="button" data-action="zoom-out" aria-label="{_w("zoom-out")}">−</button>'
        f'<button type="button" data-action="fit">{_w("fit")}</button>'
        f"{''.join(toggles)}</div>"
    )
    label = _(
        "Diagram of the map “{title}”. The same reasoning is written out as text after the diagram."
    ).format(title=title)
    keys = _(
        "Drag to move the diagram, use the wheel or pinch to zoom. On the diagram, the arrow keys move it, "
        "+ and - zoom, 0 shows all of it. Choose an element to see it in full."
    )
    hint = _("Choose an element of the map, or an id in the text below, to see it here in full.")
    details = (
        '<aside id="details" aria-live="polite" aria-labelledby="details-title">'
        f'<h2 id="details-title">{_w("details")}</h2>'
        f'<div class="body"><p class="hint">{_text(hint)}</p></div>'
        "</aside>"
    )
    data = {"elements": _elements(amap, speak, finals)}
    return "".join(
        [
            f'<header class="bar"><h1 id="map-title">{_text(title)}</h1>{controls}</header>',
            '<div class="view">',
            f'<div id="diagram" role="img" aria-label="{_text(label)}" tabindex="0">{svg}</div>',
            '<div class="side">',
            details,
            _findings(found, speak) if found else "",
            f'<p class="keys">{_text(keys)}</p>',
            "</div></div>",
            _Outline(amap, speak, finals).html(),
            f'<script type="application/json" id="argmap-data">{_script_json(data)}</script>',
        ]
    )


def _document(
    inner: str, speak: str, title: str, *, live: bool, version: str | None, errors: Sequence[str] = ()
) -> str:
    meta = ['<meta charset="utf-8">', '<meta name="viewport" content="width=device-width, initial-scale=1">']
    meta.append('<meta name="generator" content="argmap">')
    if live:
        meta.append('<meta name="argmap-live" content="1">')
        meta.append(f'<meta name="argmap-version" content="{_text(version or "")}">')
    error_block = ""
    if errors:
        items = "".join(f"<li>{_text(e)}</li>" for e in errors)
        error_block = f'<div id="errors" role="alert"><p>{_w("errors")}</p><ul>{items}</ul></div>'
    return "".join(
        [
            f'<!DOCTYPE html>\n<html lang="{speak}">\n<head>\n',
            "\n".join(meta),
            f"\n<title>{_text(title)}</title>\n<style>\n{_asset('page.css')}</style>\n</head>\n<body>\n",
            error_block,
            f'<main id="argmap">{inner}</main>\n',
            f'<script type="application/json" id="argmap-words">{_script_json(_words())}</script>\n',
            f"<script>\n{_asset('page.js')}</script>\n</body>\n</html>\n",
        ]
    )


def inner_html(
    amap: ArgumentMap | View,
    findings: Iterable[Diagnostic] | None = None,
    options: RenderOptions | None = None,
    *,
    lang: str | None = None,
    engine: str = "dot",
    timeout: float = DEFAULT_TIMEOUT,
) -> str:
    """The inner HTML of the page's ``main#argmap`` (what ``/fragment`` swaps
    in); arguments as for :func:`to_html`."""
    check_arguments(amap, findings, options, lang)
    with using(diagram_language(amap, options, lang)) as speak:
        return _inner(amap, _found(amap, findings, speak), options, speak, engine=engine, timeout=timeout)


def to_html(
    amap: ArgumentMap | View,
    findings: Iterable[Diagnostic] | None = None,
    options: RenderOptions | None = None,
    *,
    lang: str | None = None,
    title: str | None = None,
    live: bool = False,
    version: str | None = None,
    engine: str = "dot",
    timeout: float = DEFAULT_TIMEOUT,
) -> str:
    """The map as one self-contained HTML page (a str, to be written as UTF-8).

    ``findings`` are the findings to show (None: run :func:`argmap.check`
    with the default configuration; an empty list: nothing about findings
    in the page). ``options`` are :class:`RenderOptions` for the drawing.
    ``lang`` (``ja`` or ``en``) is the language of the page's words (None:
    the options' ``lang``, else the map's). ``title`` is the page's title
    (default: the map's). ``live`` adds what ``argmap serve`` needs: the page
    polls ``/version`` and, when it is no longer ``version``, swaps in
    ``/fragment`` (see :func:`fragment`).

    ``amap`` may be a :class:`~argmap.drawing.views.View`: the part of the
    map it draws, with the findings of the whole map about what is drawn.

    Raises :class:`~argmap.drawing.RenderError` when Graphviz is missing,
    fails or takes longer than ``timeout`` seconds.
    """
    page, _inner_html = page_and_inner(
        amap,
        findings,
        options,
        lang=lang,
        title=title,
        live=live,
        version=version,
        engine=engine,
        timeout=timeout,
    )
    return page


def page_and_inner(
    amap: ArgumentMap | View,
    findings: Iterable[Diagnostic] | None = None,
    options: RenderOptions | None = None,
    *,
    lang: str | None = None,
    title: str | None = None,
    live: bool = False,
    version: str | None = None,
    engine: str = "dot",
    timeout: float = DEFAULT_TIMEOUT,
) -> tuple[str, str]:
    """:func:`to_html`'s page, and the inner HTML of its ``main#argmap`` (what
    ``argmap serve`` swaps in when the map changes), made once."""
    check_arguments(amap, findings, options, lang)
    if title is not None and not isinstance(title, str):
        raise TypeError(f"title must be a str or None, not {type_name(title)}")
    with using(diagram_language(amap, options, lang)) as speak:
        inner = _inner(amap, _found(amap, findings, speak), options, speak, engine=engine, timeout=timeout)
        drawn = amap.map if isinstance(amap, View) else amap
        shown = title if title is not None else (drawn.title or _("Argument map"))
        return _document(inner, speak, shown, live=live, version=version), inner


def fragment(
    loaded: ArgumentMap | ArgmapError,
    version: str,
    findings: Iterable[Diagnostic] | None = None,
    options: RenderOptions | None = None,
    *,
    lang: str | None = None,
    engine: str = "dot",
    timeout: float = DEFAULT_TIMEOUT,
) -> dict[str, Any]:
    """The body of ``GET /fragment`` (to be sent as JSON): for a map,
    ``{"version": version, "html": <inner HTML of main#argmap>}``; for a map
    that did not load (its :class:`~argmap.errors.ArgmapError`), or one
    Graphviz cannot draw, ``{"version": version, "errors": [line, ...]}``
    with one ``file:line:col: message`` line per problem."""
    from argmap.drawing.output import RenderError

    if isinstance(loaded, ArgmapError):
        return {"version": version, "errors": [printable(x) for x in loaded.lines("argmap serve")]}
    try:
        html = inner_html(loaded, findings, options, lang=lang, engine=engine, timeout=timeout)
    except RenderError as exc:
        return {"version": version, "errors": [printable(f"argmap serve: {exc}")]}
    return {"version": version, "html": html}


def error_page(
    error: ArgmapError | Sequence[str],
    version: str,
    *,
    lang: str | None = None,
    title: str | None = None,
) -> str:
    """The live page for a map that does not load (when ``argmap serve``
    starts): no diagram yet, the problems listed in ``#errors``; it swaps in
    the map once it loads. ``error`` is the loading error, or its lines."""
    lines = error.lines("argmap serve") if isinstance(error, ArgmapError) else [str(x) for x in error]
    with using(choose(lang) if lang is not None else None) as speak:
        shown = title if title is not None else _("Argument map")
        return _document(
            "",
            speak or DEFAULT_LANGUAGE,
            shown,
            live=True,
            version=version,
            errors=[printable(x) for x in lines],
        )
