"""The visual grammar: one look per kind of element, in one place.

Colours are always six-digit hex (Graphviz 2.42 fills ``#eef`` black). The
font list puts a Japanese font first; it is set on the graph, the nodes and
the edges, so that SVG names it too (not Graphviz's default Times).
"""

from __future__ import annotations

import attrs

from argmap.checks.diagnostic import Severity
from argmap.i18n import DEFAULT_LANGUAGE, N_, _, language_of, using
from argmap.model import Kind

#: Japanese first, then the generic family (Pango and browsers both read lists).
FONTNAME = "Noto Sans CJK JP,sans-serif"

INK = "#222222"
ID_COLOUR = "#6b6b6b"
DETAIL_COLOUR = "#4a4a4a"
ATTACK_COLOUR = "#c62828"
SUPPORT_COLOUR = "#555555"
#: Edges along a finding's path (a cycle, a chain of defeat): thick, in this colour.
PATH_COLOUR = "#e65100"
LINK_COLOUR = "#1a4f8b"
#: The numbered marks of notes (--notes), on the elements and in the list under the map.
NOTE_COLOUR = "#6a1b9a"


@attrs.frozen
class Look:
    """How one kind of node is drawn."""

    shape: str
    style: str
    fill: str
    border: str
    penwidth: float = 1.0
    fontcolor: str = INK


LOOKS: dict[str, Look] = {
    "evidence": Look("note", "filled", "#e6f0fa", "#3b6ea5"),
    "premise": Look("box", "filled", "#ffffff", "#444444"),
    "assumption": Look("box", "dashed,filled", "#f0f0f0", "#8c8c8c", fontcolor="#555555"),
    "hypothesis": Look("box", "dashed,filled", "#fff6dc", "#b07d00", penwidth=1.4),
    "conclusion": Look("box", "rounded,filled,bold", "#e8f5e9", "#2e7d32", penwidth=1.6),
    "conditional": Look("box", "rounded,filled,bold,dashed", "#f1f8e9", "#558b2f", penwidth=1.6),
    "final": Look("box", "rounded,filled,bold", "#c8e6c9", "#1b5e20", penwidth=3.0),
    "inference": Look("box", "rounded,filled", "#f7f7f7", "#8a8a8a", penwidth=0.8),
    #: A claim whose kind the student has still to choose (a worksheet).
    "blank": Look("box", "dotted,filled", "#ffffff", "#444444", penwidth=1.4),
}


def look_name(kind: Kind, *, conditional: bool, final: bool) -> str:
    """The key in :data:`LOOKS` for a claim."""
    if kind is Kind.CONCLUSION:
        if conditional:
            return "conditional"
        return "final" if final else "conclusion"
    return str(kind.value)


#: Arrowheads: support steps, and the two kinds of attack.
SUPPORT_HEAD = "normal"
REBUTTAL_HEAD = "diamond"
UNDERCUT_HEAD = "tee"

#: Badge colours (background, text) and the symbol that says it without colour.
BADGES: dict[Severity, tuple[str, str, str]] = {
    Severity.ERROR: ("#c62828", "#ffffff", "■"),
    Severity.WARNING: ("#f9a825", "#000000", "▲"),
    Severity.INFO: ("#1565c0", "#ffffff", "●"),
}

SEVERITY_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}

#: Words drawn in the diagram, marked for translation; :func:`words` gives
#: them in a language.
WORDS: dict[str, str] = {
    "if": N_("if"),
    "final": N_("final conclusion"),
    "conditional": N_("conditional"),
    "evidence": N_("evidence"),
    "premise": N_("premise"),
    "assumption": N_("hidden premise"),
    "hypothesis": N_("hypothesis"),
    "conclusion": N_("conclusion"),
    # TRANSLATORS: a claim whose kind the student has still to choose, drawn before its text
    "blank": N_("kind?"),
    "inference": N_("inference"),
    "rebuttal": N_("rebuttal (on a claim)"),
    "undercut": N_("undercut (on an inference)"),
    "attack": N_("attack"),
    "support": N_("support"),
    "legend": N_("Legend"),
    "notes": N_("Notes"),
    "note": N_("note (listed under the map)"),
    "cycle": N_("cycle (a finding's path)"),
    "error": N_("error: rule name ×count"),
    "warning": N_("warning: rule name ×count"),
    "info": N_("info: rule name ×count"),
    "findings": N_("findings of the checks: symbol, colour and rule name"),
}


#: A blank of an exercise is drawn as an empty white box with this many empty lines to write on.
BLANK_FILL = "#ffffff"
BLANK_LINES = 2


#: The schemes of inference docs/format.md names, drawn in the diagram's
#: language; any other scheme is drawn as written.
SCHEMES: dict[str, str] = {
    "causal": N_("cause and effect"),
    "expert-opinion": N_("expert opinion"),
    "analogy": N_("analogy"),
    "consequences": N_("consequences"),
    "sign": N_("sign"),
    "example": N_("example"),
}


def scheme_label(scheme: str, lang: str) -> str:
    """How the diagram names ``scheme`` in ``lang``: the documented schemes
    are translated (in English they stay as written), others are drawn as written.

    >>> scheme_label("analogy", "ja"), scheme_label("analogy", "en"), scheme_label("因果", "ja")
    ('類推', 'analogy', '因果')
    """
    if scheme not in SCHEMES or (language_of(lang) or DEFAULT_LANGUAGE) == DEFAULT_LANGUAGE:
        return scheme
    with using(language_of(lang)):
        return _(SCHEMES[scheme])


def words(lang: str) -> dict[str, str]:
    """The diagram's words in ``lang`` (Japanese for ``ja*``, else English)."""
    with using(language_of(lang) or DEFAULT_LANGUAGE):
        return {key: _(text) for key, text in WORDS.items()}
