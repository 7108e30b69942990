"""Build the Graphviz drawing of a map: :func:`to_dot`.

>>> from argmap.model import MapBuilder
>>> b = MapBuilder("Rain")
>>> b.evidence("E1", "The forecast says rain")
>>> b.conclusion("C1", "Take an umbrella")
>>> b.inference("I1", ["E1"], "C1", marker="so")
>>> g = to_dot(b.build())
>>> type(g).__name__
'Digraph'
>>> 'rankdir=BT' in g.source
True
"""

from __future__ import annotations

import datetime as _dt
import functools
import itertools
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any
from urllib.parse import urlsplit

import attrs
import graphviz  # type: ignore[import-untyped]

from argmap.checks.diagnostic import Diagnostic, Severity
from argmap.checks.registry import Rule, UnknownRuleError, find_rule
from argmap.drawing import style
from argmap.drawing.config import colour, ink_on, readable, tag_colours, tint
from argmap.drawing.escape import html_text, html_url, printable, tooltip
from argmap.drawing.limits import MAX_HREF_BYTES, MAX_LABEL_LINES, MAX_LINE_BYTES, split_long_strings
from argmap.drawing.views import View, tags_of
from argmap.drawing.wrap import ELLIPSIS, char_width, display_width
from argmap.drawing.wrap import wrap as _wrap_raw
from argmap.errors import ArgmapError, Problem
from argmap.i18n import DEFAULT_LANGUAGE, N_, _, choose, language_of, ngettext, using
from argmap.model import LANG_PATTERN, ArgumentMap, Claim, Inference, Kind, Source
from argmap.support import type_name

__all__ = [
    "PAPERS",
    "PRESETS",
    "RANKDIRS",
    "Drawing",
    "RenderOptions",
    "build",
    "diagram_language",
    "label_lines",
    "legend_graph",
    "note_mark",
    "to_dot",
]

RANKDIRS = ("BT", "TB", "LR", "RL")
#: Paper sizes for PDF (width, height in inches).
PAPERS: dict[str, tuple[float, float]] = {
    "a4": (8.27, 11.69),
    "a4-landscape": (11.69, 8.27),
    "a3": (11.69, 16.54),
    "a3-landscape": (16.54, 11.69),
    "letter": (8.5, 11.0),
    "letter-landscape": (11.0, 8.5),
}
#: The thickness of lines, as a multiple of the usual one.
LINE_WIDTHS = (0.25, 10.0)
#: The gaps between elements, as a multiple of the usual ones.
SPACINGS = (0.1, 10.0)


def _show(value: object) -> str:
    """A value in a message (a huge integer is not written out)."""
    if isinstance(value, int) and abs(value) > 10**30:
        return _("a number too large to draw with")
    return repr(value)


def _refuse(message: str) -> ArgmapError:
    return ArgmapError([Problem(message)])


def _rankdir(_inst: object, _attr: attrs.Attribute[str], value: str) -> None:
    if not isinstance(value, str):
        raise TypeError(f"rankdir must be a str, one of {', '.join(RANKDIRS)}, not {type_name(value)}")
    if value not in RANKDIRS:
        raise _refuse(
            _("rankdir must be one of {choices}, not {value}").format(
                choices=", ".join(RANKDIRS), value=repr(value[:40])
            )
        )


def _whole(minimum: int, optional: bool = False) -> Callable[[object, attrs.Attribute[Any], Any], None]:
    """A validator: a whole number (not a bool) of at least ``minimum``, or None when ``optional``."""

    def check(_inst: object, attr: attrs.Attribute[Any], value: Any) -> None:
        if value is None and optional:
            return
        if isinstance(value, bool) or not isinstance(value, int):
            none = " or None" if optional else ""
            raise TypeError(f"{attr.name} must be a whole number{none}, not {type_name(value)}")
        if value < minimum:
            raise _refuse(
                _("{field} must be {minimum} or more, not {value}").format(
                    field=attr.name, minimum=minimum, value=_show(value)
                )
            )

    return check


def _flag(_inst: object, attr: attrs.Attribute[bool], value: bool) -> None:
    if not isinstance(value, bool):
        raise TypeError(f"{attr.name} must be True or False, not {type_name(value)}")


#: Characters a font name may not hold: Graphviz copies it into SVG unescaped.
_FONT_UNSAFE = re.compile(r'["&<>\\\x00-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]')
#: Font sizes argmap draws (points).
FONTSIZES = (4.0, 200.0)


def _fontname(_inst: object, _attr: attrs.Attribute[str], value: str) -> None:
    if not isinstance(value, str):
        raise TypeError(f"fontname must be a str, not {type_name(value)}")
    bad = _FONT_UNSAFE.search(value)
    if bad is not None:
        raise _refuse(
            _(
                "fontname may not contain {character}: "
                "give font family names separated by commas, such as 'Noto Sans CJK JP,sans-serif'"
            ).format(character=repr(bad.group()))
        )
    if not value.strip() or len(value) > 200:
        raise _refuse(_("fontname must be 1 to 200 characters: font family names separated by commas"))


def _fontsize(_inst: object, _attr: attrs.Attribute[float], value: float) -> None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(f"fontsize must be a number of points, not {type_name(value)}")
    low, high = FONTSIZES
    if not (low <= value <= high):  # also refuses nan
        raise _refuse(
            _("fontsize must be a number of points from {low} to {high}, not {value}").format(
                low=f"{low:g}", high=f"{high:g}", value=_show(value)
            )
        )


_FACTOR_WORDS = {
    "line_width": N_(
        "line_width must be a multiple of the usual thickness from {low} to {high}, not {value}"
    ),
    "spacing": N_("spacing must be a multiple of the usual gaps from {low} to {high}, not {value}"),
}


def _factor(low: float, high: float) -> Callable[[object, attrs.Attribute[float], float], None]:
    """A validator: a number from ``low`` to ``high`` (a multiple of a usual size)."""

    def check(_inst: object, attr: attrs.Attribute[float], value: float) -> None:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise TypeError(
                f"{attr.name} must be a number (a multiple of the usual size), not {type_name(value)}"
            )
        if not (low <= value <= high):  # also refuses nan
            raise _refuse(
                _(_FACTOR_WORDS[attr.name]).format(low=f"{low:g}", high=f"{high:g}", value=_show(value))
            )

    return check


def _screen(_inst: object, _attr: attrs.Attribute[Any], value: Any) -> None:
    if value is None:
        return
    if (
        not isinstance(value, tuple)
        or len(value) != 2
        or not all(isinstance(v, int) and not isinstance(v, bool) for v in value)
    ):
        raise TypeError(f"fit must be None or a (width, height) tuple of pixels, not {type_name(value)}")
    if not all(100 <= v <= 20000 for v in value):
        raise _refuse(
            _("fit must be a screen size from 100 to 20000 pixels a side, not {value}").format(
                value=repr(value)
            )
        )


#: The programs ``large_engine`` may name (those that lay out thousands of elements in seconds).
LARGE_ENGINES = ("sfdp", "neato", "fdp")


def _large_engine(_inst: object, _attr: attrs.Attribute[Any], value: Any) -> None:
    if value is not None and value not in LARGE_ENGINES:
        if not isinstance(value, str):
            raise TypeError(f"large_engine must be a str or None, not {type_name(value)}")
        raise _refuse(
            _("unknown large_engine {value}: use one of {choices}, or None").format(
                value=repr(value[:40]), choices=", ".join(LARGE_ENGINES)
            )
        )


def _paper(_inst: object, _attr: attrs.Attribute[str | None], value: str | None) -> None:
    if value is None:
        return
    if not isinstance(value, str):
        raise TypeError(f"paper must be a str, one of {', '.join(PAPERS)}, or None, not {type_name(value)}")
    if value not in PAPERS:
        raise _refuse(
            _("paper must be one of {choices}, not {value}").format(
                choices=", ".join(PAPERS), value=repr(value[:40])
            )
        )


def _lang(_inst: object, _attr: attrs.Attribute[str | None], value: str | None) -> None:
    if value is None:
        return
    if not isinstance(value, str):
        raise TypeError(f"lang must be a str (a language tag such as 'ja') or None, not {type_name(value)}")
    if LANG_PATTERN.match(value) is None:
        raise _refuse(
            _("lang must be a language tag such as 'ja' or 'en-GB', not {value}").format(
                value=repr(value[:40])
            )
        )


def _tag_colors(value: Mapping[str, str] | Iterable[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
    """``tag_colors`` as (tag, colour) pairs, from a mapping or pairs."""
    if isinstance(value, Mapping):
        pairs = list(value.items())
    elif isinstance(value, str | bytes) or not isinstance(value, Iterable):
        raise TypeError(f"tag_colors must be a mapping of tag to colour, not {type_name(value)}")
    else:
        pairs = list(value)
    for pair in pairs:
        if not isinstance(pair, tuple) or len(pair) != 2 or not all(isinstance(x, str) for x in pair):
            raise TypeError(f"tag_colors must map tags (str) to colours (str), not {type_name(pair)}")
    return tuple(pairs)


def _tag_colors_valid(_inst: object, _attr: attrs.Attribute[Any], value: tuple[tuple[str, str], ...]) -> None:
    for tag, wanted in value:
        if colour(wanted) is None:
            raise _refuse(
                _(
                    "tag_colors: the colour of the tag {tag} is {value}, not a colour: "
                    "write #RRGGBB (such as #1f77b4) or a name such as red"
                ).format(tag=repr(tag[:40]), value=repr(wanted[:40]))
            )


#: What ``group_by`` may be: ``tag`` draws the claims of each tag together.
GROUPINGS = ("tag",)


def _group_by(_inst: object, _attr: attrs.Attribute[str | None], value: str | None) -> None:
    if value is None:
        return
    if not isinstance(value, str):
        raise TypeError(f"group_by must be 'tag' or None, not {type_name(value)}")
    if value not in GROUPINGS:
        raise _refuse(
            _("group_by must be one of {choices}, not {value}").format(
                choices=", ".join(GROUPINGS), value=repr(value[:40])
            )
        )


@attrs.frozen
class RenderOptions:
    """How a map is drawn. Every field has a good default (the ``screen``
    preset); :meth:`from_preset` starts from another preset.

    ``width`` and ``inference_width`` are in display columns (a Japanese
    character counts two); 0 turns wrapping off. ``max_lines`` cuts a long
    claim text with an ellipsis (its full text stays in the tooltip); by
    default nothing is cut but a text longer than a label can hold
    (:data:`~argmap.drawing.limits.MAX_LABEL_LINES` lines). ``lang``
    overrides the map's language for line breaking and the diagram's words.
    ``fast_above`` trades a little compactness for layout speed on large
    maps.

    ``fontsize`` is the size of claim texts in points; every other text
    (badges, ids, source lines, markers, the title, the legend, the notes)
    is scaled with it. ``line_width`` multiplies the thickness of borders,
    edges and arrowheads, ``spacing`` the gaps between elements. ``notes`` draws the elements' notes: a numbered
    mark on each element that has one, and the notes listed under the
    map. ``paper`` (a key of :data:`PAPERS`) makes a PDF one page of that
    size, the drawing scaled down to fit it when larger.

    A field of the wrong type raises TypeError; a value out of range (a
    ``max_lines`` of 0, a ``fontsize`` that is not a finite number from 4 to
    200, a ``fontname`` with quotes or markup) raises
    :class:`~argmap.errors.ArgmapError`.
    """

    rankdir: str = attrs.field(default="BT", validator=_rankdir)
    width: int = attrs.field(default=28, validator=_whole(0))
    inference_width: int = attrs.field(default=20, validator=_whole(0))
    max_lines: int | None = attrs.field(default=None, validator=_whole(1, optional=True))
    legend: bool = attrs.field(default=False, validator=_flag)
    show_ids: bool = attrs.field(default=True, validator=_flag)
    title: bool = attrs.field(default=True, validator=_flag)
    fontname: str = attrs.field(default=style.FONTNAME, validator=_fontname)
    fontsize: float = attrs.field(default=12.0, validator=_fontsize)
    lang: str | None = attrs.field(default=None, validator=_lang)
    #: Above this many elements, Graphviz is asked for a quicker layout
    #: (:func:`layout_for`): 10x faster at 1,000 elements, slightly less
    #: compact. None: never.
    fast_above: int | None = attrs.field(default=500, validator=_whole(0, optional=True))
    notes: bool = attrs.field(default=False, validator=_flag)
    line_width: float = attrs.field(default=1.0, validator=_factor(*LINE_WIDTHS))
    spacing: float = attrs.field(default=1.0, validator=_factor(*SPACINGS))
    paper: str | None = attrs.field(default=None, validator=_paper)
    #: A screen size in pixels (width, height): :func:`~argmap.drawing.render`
    #: then chooses ``width`` among a few so that the drawing, scaled to fit
    #: that screen, has the largest text (maps of at most
    #: :data:`FIT_MAX_ELEMENTS` elements). None: ``width`` as given.
    fit: tuple[int, int] | None = attrs.field(default=None, validator=_screen)
    #: Above :data:`HUGE_ABOVE` elements, the Graphviz program that lays the map
    #: out (``sfdp``: force-directed, seconds where dot takes minutes on a
    #: tangled map); None keeps dot's layers at every size. An engine asked for
    #: explicitly (``render(engine=...)``, ``--engine``) is always used instead.
    large_engine: str | None = attrs.field(default="sfdp", validator=_large_engine)
    #: The colours of tags, tag -> colour (``#RRGGBB``, ``#RGB`` or a name of
    #: :data:`argmap.drawing.config.COLOUR_NAMES`; a mapping or pairs); a
    #: tag not named gets a colour of :data:`~argmap.drawing.config.PALETTE`.
    tag_colors: tuple[tuple[str, str], ...] = attrs.field(
        default=(), converter=_tag_colors, validator=_tag_colors_valid
    )
    #: ``"tag"``: the claims of each tag drawn together in a box of the tag's
    #: colour (a claim with several tags in its first tag's). None: no boxes.
    group_by: str | None = attrs.field(default=None, validator=_group_by)

    @classmethod
    def from_preset(cls, preset: str = "screen", **fields: Any) -> RenderOptions:
        """Options for ``preset`` (a key of :data:`PRESETS`: ``screen``,
        ``projector`` or ``print``), with ``fields`` given explicitly
        overriding what the preset sets. A ``width`` given explicitly also
        turns off the preset's choice of width (``fit``).

        >>> RenderOptions.from_preset("projector", fontsize=30).fontsize
        30
        >>> RenderOptions.from_preset("print").paper
        'a4-landscape'
        >>> RenderOptions.from_preset("projector", width=20).fit is None
        True
        """
        if not isinstance(preset, str):
            raise TypeError(f"preset must be a str, one of {', '.join(PRESETS)}, not {type_name(preset)}")
        if preset not in PRESETS:
            raise _refuse(
                _("unknown preset {value}: use one of {choices}").format(
                    value=repr(preset[:40]), choices=", ".join(PRESETS)
                )
            )
        chosen = dict(PRESETS[preset])
        if "width" in fields:
            chosen["fit"] = None
        return cls(**{**chosen, **fields})


#: The most elements of a map for which ``fit`` tries several widths.
FIT_MAX_ELEMENTS = 150
#: The text widths (columns) ``fit`` tries.
FIT_WIDTHS = (12, 16, 20, 24, 28, 34, 40)

#: What each preset sets; the other fields keep their defaults.
#:
#: - ``screen``: the defaults, for a drawing read on a monitor.
#: - ``projector``: for a classroom screen (1920x1080) read from the back
#:   of the room: large text, thick lines, tight gaps, no ids (the badges,
#:   marks and notes stay), and the text width that makes the drawing, scaled
#:   to the screen, keep its text largest.
#: - ``print``: A4 landscape PDF pages, text at 11 pt in wider columns.
PRESETS: dict[str, dict[str, Any]] = {
    "screen": {
        "fontsize": 12.0,
        "width": 28,
        "inference_width": 20,
        "line_width": 1.0,
        "spacing": 1.0,
        "show_ids": True,
        "paper": None,
        "fit": None,
    },
    "projector": {
        "fontsize": 24.0,
        "width": 16,
        "inference_width": 14,
        "line_width": 2.0,
        "spacing": 0.4,
        "show_ids": False,
        "paper": None,
        "fit": (1920, 1080),
    },
    "print": {
        "fontsize": 11.0,
        "width": 32,
        "inference_width": 20,
        "line_width": 1.0,
        "spacing": 1.0,
        "show_ids": True,
        "paper": "a4-landscape",
        "fit": None,
    },
}


def _font(size: float, colour: str, text: str, bold: bool = False) -> str:
    if not text:
        return ""  # Graphviz rejects an empty <FONT></FONT>
    inner = f"<B>{text}</B>" if bold else text
    return f'<FONT POINT-SIZE="{size:g}" COLOR="{colour}">{inner}</FONT>'


def wrap(text: str, width: int, lang: str, max_lines: int | None = None) -> list[str]:
    """Lines of ``text`` made printable first (so ``\\r\\n`` breaks a line too)."""
    return _wrap_raw(printable(text), width, lang, max_lines)


def _lines(lines: Iterable[str]) -> str:
    return "<BR/>".join(html_text(line) for line in lines)


def _break_long(lines: list[str]) -> list[str]:
    """``lines`` with any line longer than :data:`MAX_LINE_BYTES` (escaped)
    broken into several: Graphviz refuses a run of label text of 16,384 bytes."""
    out: list[str] = []
    for line in lines:
        if len(line) * 6 <= MAX_LINE_BYTES:  # "&quot;" is the longest escape of one character
            out.append(line)
            continue
        i = 0
        while i < len(line):
            k = MAX_LINE_BYTES
            while (size := len(html_text(line[i : i + k]).encode("utf-8"))) > MAX_LINE_BYTES:
                k = max(1, k * MAX_LINE_BYTES // size - 1)
            out.append(line[i : i + k])
            i += k
    return out


def _fit(line: str, width: int) -> str:
    """The longest start of ``line`` at most ``width`` columns wide."""
    used = 0
    for i, ch in enumerate(line):
        used += char_width(ch)
        if used > width:
            return line[:i]
    return line


def label_lines(
    text: str, width: int, lang: str, max_lines: int | None = None
) -> tuple[list[str], bool, bool]:
    """The lines of ``text`` a label draws, whether some were left out, and
    whether they were left out by the label limit (not by ``max_lines``).

    The text is wrapped to ``width`` columns (:func:`argmap.drawing.wrap.wrap`),
    a line too long for Graphviz is broken, and at most ``max_lines`` (and
    never more than :data:`MAX_LABEL_LINES`) lines are kept, the last one
    ending with an ellipsis.

    >>> label_lines("one two three four", 9, "en", max_lines=1)
    (['one two…'], True, False)
    """
    text = printable(text)
    cap = MAX_LABEL_LINES if max_lines is None else min(max_lines, MAX_LABEL_LINES)
    # Wrapping a text of megabytes takes long: wrap a start of it that is
    # enough for more lines than are kept, and the whole only when it is not.
    budget = (cap + 1) * (max(width, 40) + 1) * 2
    lines: list[str] | None = None
    if len(text) > budget:
        lines = _break_long(_wrap_raw(text[:budget], width, lang))
        if len(lines) <= cap:
            lines = None
    if lines is None:
        lines = _break_long(_wrap_raw(text, width, lang))
    if len(lines) <= cap:
        return lines, False, False
    kept = lines[:cap]
    last = kept[-1]
    if width > 0 and display_width(last) + 1 > width:
        last = _fit(last, width - 1)
    kept[-1] = last.rstrip() + ELLIPSIS
    return kept, True, max_lines is None or max_lines > MAX_LABEL_LINES


def _domain(url: str) -> str:
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.")


def _date(value: _dt.date) -> str:
    """A date as the diagram's language writes it (2023-05-09; 2023年5月9日)."""
    # TRANSLATORS: how a date is written in a diagram; keep the names in braces.
    return _("{year:04d}-{month:02d}-{day:02d}").format(year=value.year, month=value.month, day=value.day)


def _source_line(source: Source) -> str | None:
    parts: list[str] = []
    if source.speaker:
        parts.append(source.speaker)
    if isinstance(source.date, _dt.date):
        parts.append(_date(source.date))
    if source.url:
        parts.append(_domain(source.url))
    return "\u00a0· ".join(parts) if parts else None  # "·" never starts a line


def _tip(parts: Iterable[str | None]) -> str:
    return tooltip("\n\n".join(p for p in parts if p))


_SEVERITY_WORDS = {
    Severity.ERROR: N_("error"),
    Severity.WARNING: N_("warning"),
    Severity.INFO: N_("info"),
}


@functools.lru_cache(maxsize=256)
def _rule(name: str) -> Rule | None:
    try:
        return find_rule(name)
    except (UnknownRuleError, ValueError, TypeError):
        return None


def rule_name(d: Diagnostic) -> str:
    """The name of ``d``'s rule in the language in force (the name it
    carries when it is not a rule of the catalogue)."""
    found = _rule(d.name) if _NAME_LIKE.match(d.name) else None
    return found.display_name() if found is not None else d.name


_NAME_LIKE = re.compile(r"[a-z]+(-[a-z]+)*\Z")


def _finding_lines(found: Sequence[Diagnostic], related: Sequence[Diagnostic] = ()) -> str | None:
    lines = [
        _("[{severity}] {rule} ({code}): {message}").format(
            severity=_(_SEVERITY_WORDS[d.severity]), rule=rule_name(d), code=d.code, message=d.message
        )
        for d in found
    ]
    lines += [
        _("(related) {rule} ({code}): {message}").format(rule=rule_name(d), code=d.code, message=d.message)
        for d in related
    ]
    return "\n".join(lines) if lines else None


#: Circled numbers for the marks of notes (the CJK fonts draw them up to 50).
_CIRCLED = (
    [chr(0x2460 + i) for i in range(20)]
    + [chr(0x3251 + i) for i in range(15)]
    + [chr(0x32B1 + i) for i in range(15)]
)


def note_mark(n: int) -> str:
    """The mark of the ``n``-th note: ① … ㊿, then [51], [52] …

    >>> note_mark(1), note_mark(21), note_mark(50), note_mark(51)
    ('①', '㉑', '㊿', '[51]')
    """
    return _CIRCLED[n - 1] if 1 <= n <= len(_CIRCLED) else f"[{n}]"


@attrs.frozen
class Badge:
    """The findings of one rule on one element, drawn as one badge."""

    severity: Severity
    findings: tuple[Diagnostic, ...]
    #: The premises the findings are about (an inference's badge).
    premises: tuple[str, ...] = ()

    @property
    def count(self) -> int:
        return len(self.findings)


def badges(element: str | None, found: Sequence[Diagnostic], amap: ArgumentMap | None = None) -> list[Badge]:
    """One :class:`Badge` per rule among ``found`` (the findings drawn on
    ``element``), the most severe first. On an inference, a finding that
    names exactly one of its premises adds that premise's id to the badge."""
    groups: dict[str, list[Diagnostic]] = {}
    for d in found:
        groups.setdefault(d.code, []).append(d)
    inference = amap.inferences.get(element) if amap is not None and element is not None else None
    out = []
    for group in groups.values():
        premises: list[str] = []
        if inference is not None:
            for d in group:
                named = [e for e in dict.fromkeys(d.elements[1:]) if e in inference.premises]
                if len(named) == 1 and named[0] not in premises:
                    premises.append(named[0])
        severity = min((d.severity for d in group), key=lambda s: style.SEVERITY_ORDER.get(s, 9))
        out.append(Badge(severity, tuple(group), tuple(premises)))
    out.sort(key=lambda b: style.SEVERITY_ORDER.get(b.severity, 9))
    return out


def badge_text(badge: Badge) -> str:
    """A badge's words: symbol, rule name, count (when more than one),
    premises. ``▲ weak-relevance ×2 (E1, E3)``; ``▲ 弱い関連 ×2（E1、E3）``."""
    text = rule_name(badge.findings[0])
    if badge.count > 1:
        text = _("{rule} ×{count}").format(rule=text, count=badge.count)
    if badge.premises:
        # TRANSLATORS: the premises a badge on an inference is about, such as "weak-relevance ×2 (E1, E3)".
        ids = _(", ").join(badge.premises)
        text = _("{badge} ({premises})").format(badge=text, premises=ids)
    return f"{style.BADGES[badge.severity][2]} {text}"


class _Builder:
    def __init__(
        self,
        amap: ArgumentMap,
        findings: Sequence[Diagnostic],
        options: RenderOptions,
        lang: str,
        view: View | None = None,
    ) -> None:
        self.m = amap
        self.o = options
        #: The view drawn (part of a map), or None for a whole map.
        self.view = view
        #: Each tag's colour, from the whole map, so that a view keeps them.
        self.tag_colour = tag_colours(
            tags_of(view.whole if view is not None else amap),
            {tag: colour(wanted) or wanted for tag, wanted in options.tag_colors},
        )
        #: The language of the texts (line breaking), and of the diagram's words.
        self.lang = options.lang or amap.lang
        self.speak = lang
        self.w = style.words(lang)
        #: Every size is the screen's size times this.
        self.z = options.fontsize / 12.0
        # A finding's badge goes on its main element (the first one in the map);
        # the other elements it names mention it in their tooltips.
        self.by_element: dict[str, list[Diagnostic]] = {}
        self.related: dict[str, list[Diagnostic]] = {}
        self.map_level: list[Diagnostic] = []
        order = sorted(findings, key=lambda d: style.SEVERITY_ORDER.get(d.severity, 9))
        for d in order:
            ids = [e for e in dict.fromkeys(d.elements) if e in amap]
            if not ids:
                self.map_level.append(d)
                continue
            self.by_element.setdefault(ids[0], []).append(d)
            for e in ids[1:]:
                self.related.setdefault(e, []).append(d)
        self.path_edges = _path_edges(amap, order)
        self.g = graphviz.Digraph(name="argmap")
        #: (element id or None for the title, what) of every text drawn
        #: shortened because a label cannot hold it; its full text is in the tooltip.
        self.shortened: list[tuple[str | None, str]] = []
        #: Ids of the elements whose source URL is too long to be a link.
        self.unlinked: list[str] = []
        #: The notes drawn (with ``options.notes``): id -> (mark, note), in the map's order.
        self.notes: dict[str, tuple[str, str]] = {}
        if options.notes:
            elements: list[Claim | Inference | Any] = [
                *amap.claims.values(),
                *amap.inferences.values(),
                *amap.attacks.values(),
            ]
            for element in elements:
                if element.note:
                    self.notes[element.id] = (note_mark(len(self.notes) + 1), element.note)
        #: The blanks of an exercise: claim id -> its number among the blanks (①, ②, …), in the map's order.
        self.blanks: dict[str, str] = {}
        for claim in amap.claims.values():
            if claim.blank:
                self.blanks[claim.id] = note_mark(len(self.blanks) + 1)

    def pt(self, size: float) -> float:
        """A font size of the screen preset (12 pt text), scaled to this drawing's."""
        return round(size * self.z, 2)

    def pen(self, width: float) -> str:
        """A line's thickness, scaled by ``line_width``."""
        return f"{round(width * self.o.line_width, 2):g}"

    def text(
        self, element: str | None, what: str, text: str, width: int, max_lines: int | None = None
    ) -> tuple[str, bool]:
        """``text`` as label lines (escaped, joined by ``<BR/>``) and whether
        lines were left out; a shortening by the label limit is recorded."""
        lines, cut, by_limit = label_lines(text, width, self.lang, max_lines)
        if by_limit:
            self.shortened.append((element, what))
        return _lines(lines), cut

    def badge_rows(self, element: str | None, found: Sequence[Diagnostic]) -> list[str]:
        rows = []
        for badge in badges(element, found, self.m):
            bg, fg, _symbol = style.BADGES[badge.severity]
            text, _cut = self.text(element, "a finding's name", badge_text(badge), 0)
            rows.append(
                f'<TR><TD ALIGN="LEFT" BGCOLOR="{bg}">{_font(self.pt(9), fg, text, bold=True)}</TD></TR>'
            )
        return rows

    def build(self) -> graphviz.Digraph:
        o, g = self.o, self.g
        font = {"fontname": o.fontname}
        label, title_cut = self._graph_label()
        g.attr(
            "graph",
            rankdir=o.rankdir,
            nodesep=f"{round(0.3 * o.spacing, 3):g}",
            ranksep=f"{round(0.35 * o.spacing, 3):g}",
            labelloc="t",
            fontsize=f"{self.pt(16):g}",
            **font,
            **({"label": label} if label else {}),
            **({"tooltip": tooltip(self._title())} if title_cut else {}),
        )
        g.attr("graph", **self.layout)
        g.attr("node", fontsize=f"{o.fontsize:g}", margin="0.12,0.06", color=style.INK, **font)
        g.attr(
            "edge",
            color=style.SUPPORT_COLOUR,
            arrowsize=f"{round(0.8 * self._arrows(), 2):g}",
            fontsize=f"{self.pt(8):g}",
            **font,
        )
        if self.notes:
            # The map in a borderless cluster whose label, under it, lists the notes.
            body = graphviz.Digraph(name="cluster_map")
            body.attr(
                "graph",
                label=self._notes_label(),
                # Under the map: Graphviz turns a cluster's label over with BT.
                labelloc="t" if o.rankdir == "BT" else "b",
                labeljust="l",
                penwidth="0",
                tooltip=tooltip(self.w["notes"]),
                fontsize=f"{o.fontsize:g}",
            )
            self.g = body
        self._claims()
        for inf in self.m.inferences.values():
            self._inference(inf)
        for att in self.m.attacks.values():
            self._attack(att.id, att.source, att.target, att.note)
        self._beyond()
        if self.g is not g:
            g.subgraph(self.g)
            self.g = g
        if o.legend:
            _add_legend(g, self.speak, o)
        g.body[:] = [split_long_strings(line) for line in g.body]
        return g

    def _arrows(self) -> float:
        """How much larger arrowheads are drawn: with the lines, but less."""
        return 1.0 + (self.o.line_width - 1.0) * 0.5 if self.o.line_width > 1 else self.o.line_width

    def _notes_label(self) -> str:
        """The list of notes: a heading, then one row per note (mark, id, text)."""
        width = max(self.o.width * 3, 60) if self.o.width else 0
        size = self.pt(11)
        rows = [
            f'<TR><TD ALIGN="LEFT" COLSPAN="3">{_font(self.pt(13), style.INK, html_text(self.w["notes"]), bold=True)}</TD></TR>'
        ]
        for element, (mark, note) in self.notes.items():
            text, _cut = self.text(element, "its note", note, width)
            ident = self.text(element, "its id", element, 0)[0] if self.o.show_ids else ""
            rows.append(
                "<TR>"
                f'<TD ALIGN="LEFT" VALIGN="TOP">{_font(size, style.NOTE_COLOUR, html_text(mark), bold=True)}</TD>'
                f'<TD ALIGN="LEFT" VALIGN="TOP">{_font(size, style.ID_COLOUR, ident)}</TD>'
                f'<TD ALIGN="LEFT" BALIGN="LEFT" VALIGN="TOP">{_font(size, style.INK, text)}</TD>'
                "</TR>"
            )
        return f'<<TABLE BORDER="0" CELLSPACING="0" CELLPADDING="3">{"".join(rows)}</TABLE>>'

    def _large(self) -> bool:
        limit = self.o.fast_above
        size = len(self.m.claims) + len(self.m.inferences) + len(self.m.attacks)
        return limit is not None and size > limit

    @functools.cached_property
    def layout(self) -> dict[str, str]:
        """The graph attributes that choose how Graphviz lays the map out (:func:`layout_for`)."""
        size = len(self.m.claims) + len(self.m.inferences) + len(self.m.attacks)
        # the notes' cluster holds every piece; a tag's may hold claims of several
        pieces = 1 if self.notes or self.o.group_by else components(self.m)
        return layout_for(size, pieces, self.o.fast_above, self.o.large_engine)

    def _title(self) -> str:
        if not self.m.date:
            return self.m.title
        return _("{title} ({date})").format(title=self.m.title, date=_date(self.m.date))

    def _graph_label(self) -> tuple[str | None, bool]:
        """The label above the drawing, and whether its title is shortened."""
        rows: list[str] = []
        cut = False
        if self.o.title and self.m.title:
            text, cut = self.text(None, "the title", self._title(), max(self.o.width * 2, 40))
            rows.append(f"<TR><TD>{_font(self.pt(16), style.INK, text, bold=True)}</TD></TR>")
        if self.map_level:  # findings about the map as a whole, in a compact block
            inner = "".join(self.badge_rows(None, self.map_level))
            rows.append(
                f'<TR><TD><TABLE BORDER="0" CELLSPACING="1" CELLPADDING="2">{inner}</TABLE></TD></TR>'
            )
        if not rows:
            return None, False
        return f'<<TABLE BORDER="0" CELLSPACING="2" CELLPADDING="2">{"".join(rows)}</TABLE>>', cut

    def _note_mark(self, element_id: str) -> str:
        """The bold mark of ``element_id``'s note (with ``notes``), else ""."""
        found = self.notes.get(element_id)
        if found is None:
            return ""
        return _font(self.pt(11), style.NOTE_COLOUR, html_text(found[0]), bold=True)

    def _head(self, element_id: str, tags: Sequence[str], mark: str | None = None) -> str | None:
        parts = []
        if self.o.show_ids:
            parts.append(element_id)
        parts.extend(tags)
        note = self._note_mark(element_id)
        if not parts and mark is None and not note:
            return None
        text = (
            _font(self.pt(8), style.ID_COLOUR, self.text(element_id, "its id", " · ".join(parts), 0)[0])
            if parts
            else ""
        )
        if mark is not None:
            text = _font(self.pt(10), style.INK, html_text(mark), bold=True) + ("  " + text if text else "")
        if note:
            text = note + (" " + text if text else "")
        return f'<TR><TD ALIGN="LEFT">{text}</TD></TR>'

    def _claims(self) -> None:
        """The claims; with ``group_by="tag"``, each tag's in a box of its colour."""
        if self.o.group_by != "tag":
            for claim in self.m.claims.values():
                self._claim(claim)
            return
        groups: dict[str, list[Claim]] = {}
        for claim in self.m.claims.values():
            if claim.tags:
                groups.setdefault(claim.tags[0], []).append(claim)
            else:
                self._claim(claim)
        outer = self.g
        for n, (tag, members) in enumerate(groups.items()):
            fill = self.tag_colour[tag]
            box = graphviz.Digraph(name=f"cluster_tag_{n}")
            name = _font(self.pt(10), ink_on(fill), self.text(None, "a tag", f"#{tag}", 0)[0], bold=True)
            box.attr(
                "graph",
                label=f'<<TABLE BORDER="0" CELLPADDING="2"><TR><TD BGCOLOR="{fill}">{name}</TD></TR></TABLE>>',
                # At the top: Graphviz turns a cluster's label over with BT.
                labelloc="b" if self.o.rankdir == "BT" else "t",
                labeljust="l",
                style="rounded,filled",
                color=fill,
                fillcolor=tint(fill),
                penwidth=self.pen(1.5),
                tooltip=tooltip(f"#{tag}"),
            )
            self.g = box
            for claim in members:
                self._claim(claim)
            self.g = outer
            outer.subgraph(box)

    def _tag_row(self, element_id: str, tags: Sequence[str], background: str = "#ffffff") -> str | None:
        """A row of the element's tags: each ``#tag`` in its colour (darkened
        as needed to read on ``background``), after a square of the colour itself."""
        if not tags:
            return None
        words = []
        for tag in dict.fromkeys(tags):
            fill = self.tag_colour.get(tag, style.ID_COLOUR)
            text = self.text(element_id, "a tag", f"#{tag}", 0)[0]
            words.append(
                _font(self.pt(9), fill, "■") + _font(self.pt(9), readable(fill, background), text, bold=True)
            )
        return f'<TR><TD ALIGN="LEFT" BALIGN="LEFT">{"  ".join(words)}</TD></TR>'

    def _beyond(self) -> None:
        """A view's marks: under each element with supports or attacks left
        out, a small +N joined by a dotted line, N the elements beyond it."""
        if self.view is None:
            return
        for element, count in self.view.beyond.items():
            tip = tooltip(
                ngettext(
                    "{count} element that supports or attacks {id} is not drawn",
                    "{count} elements that support or attack {id} are not drawn",
                    count,
                ).format(count=f"{count:,}", id=element)
            )
            node = f"_beyond_{element}"
            self.g.node(
                node,
                label=f"<{_font(self.pt(11), style.DETAIL_COLOUR, html_text(f'+{count:,}'), bold=True)}>",
                shape="box",
                style="rounded,dashed,filled",
                fillcolor="#f3f3f3",
                color=style.ID_COLOUR,
                penwidth=self.pen(1),
                margin="0.06,0.02",
                width="0.3",
                height="0.2",
                tooltip=tip,
            )
            self.g.edge(
                node,
                element,
                style="dotted",
                color=style.ID_COLOUR,
                arrowhead="none",
                penwidth=self.pen(1),
                tooltip=tip,
            )

    def _claim(self, claim: Claim) -> None:
        if self.view is not None:  # final in the whole map, whatever the part drawn uses
            final = claim.id in self.view.final
        else:
            final = claim.kind is Kind.CONCLUSION and not self.m.graph.inferences_using(claim.id)
        name = style.look_name(claim.kind, conditional=claim.conditional, final=final)
        look = style.LOOKS[name]
        tags: list[str] = []
        if name == "final":
            tags.append(self.w["final"])
        if claim.conditional:
            tags.append(self.w["conditional"])
        mark = {Kind.HYPOTHESIS: self.w["if"], Kind.BLANK: self.w["blank"]}.get(claim.kind)
        found = self.by_element.get(claim.id, ())
        rows = self.badge_rows(claim.id, found)
        head = self._head(claim.id, tags, mark)
        if head:
            rows.append(head)
        tag_row = self._tag_row(claim.id, claim.tags, look.fill)
        if tag_row:
            rows.append(tag_row)
        blank = self.blanks.get(claim.id)
        cut = False
        if blank is not None:
            rows.extend(self._blank_rows(claim, blank))
        else:
            text, cut = self.text(claim.id, "its text", claim.text, self.o.width, self.o.max_lines)
            if name == "final":
                text = f"<B>{text}</B>"
            rows.append(
                f'<TR><TD ALIGN="LEFT" BALIGN="LEFT">{_font(self.o.fontsize, look.fontcolor, text)}</TD></TR>'
            )
        href = None
        source_tip = None
        if claim.source is not None:
            src = claim.source
            line = _source_line(src)
            line_cut = False
            if line:
                width = self.o.width + 6 if self.o.width else 0
                detail, line_cut = self.text(claim.id, "its source line", line, width)
                colour = style.LINK_COLOUR if src.url else style.DETAIL_COLOUR
                rows.append(
                    f'<TR><TD ALIGN="LEFT" BALIGN="LEFT">{_font(self.pt(9), colour, detail)}</TD></TR>'
                )
            href = src.url
            speaker = src.speaker if line_cut else None
            source_tip = "\n".join(
                x for x in (speaker, src.title, src.quote and f"「{src.quote}」", src.url) if x
            )
        table_attrs = 'BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="2"'
        if href and urlsplit(href).scheme.lower() in ("http", "https"):
            link = html_url(href)
            if len(link.encode("utf-8")) <= MAX_HREF_BYTES:
                table_attrs += f' HREF="{link}" TARGET="_blank"'
            else:
                self.unlinked.append(claim.id)
        label = f"<<TABLE {table_attrs}>{''.join(rows)}</TABLE>>"
        tip = _tip(
            [
                _("{id} ({kind})").format(id=claim.id, kind=self.w[claim.kind.value]),
                claim.text if cut else None,
                claim.prompt if blank is not None else None,
                claim.note,
                source_tip,
                _finding_lines(found, self.related.get(claim.id, ())),
            ]
        )
        attributes = self._look(look, found)
        if blank is not None:
            attributes["fillcolor"] = style.BLANK_FILL
        self.g.node(claim.id, label=label, tooltip=tip, **attributes)

    def _blank_rows(self, claim: Claim, mark: str) -> list[str]:
        """A blank's rows: its number, its prompt, and empty room for the student's text."""
        title = html_text(_("Blank {mark}").format(mark=mark))
        rows = [f'<TR><TD ALIGN="LEFT">{_font(self.o.fontsize, style.INK, title, bold=True)}</TD></TR>']
        if claim.prompt:
            prompt, _cut = self.text(claim.id, "its prompt", claim.prompt, self.o.width, self.o.max_lines)
            rows.append(
                f'<TR><TD ALIGN="LEFT" BALIGN="LEFT">{_font(self.pt(10), style.DETAIL_COLOUR, prompt)}</TD></TR>'
            )
        room = "<BR/>".join(["&#160;" * min(max(self.o.width, 12), 40)] * style.BLANK_LINES)
        rows.append(f'<TR><TD ALIGN="LEFT">{_font(self.o.fontsize, style.INK, room)}</TD></TR>')
        return rows

    def _look(self, look: style.Look, found: Sequence[Diagnostic]) -> dict[str, str]:
        """Node attributes for a look; an error or warning colours the border
        as its badge (the badge names the rule, so colour is never alone)."""
        out = _look_attrs(look, self.o.line_width)
        for d in found:
            if d.severity in (Severity.ERROR, Severity.WARNING):
                out["color"] = style.BADGES[d.severity][0]
                out["penwidth"] = self.pen(max(look.penwidth, 2.5))
                break
        return out

    def _inference(self, inf: Inference) -> None:
        look = style.LOOKS["inference"]
        found = self.by_element.get(inf.id, ())
        rows = self.badge_rows(inf.id, found)
        head = self._head(inf.id, [])
        if head:
            rows.append(head)
        tag_row = self._tag_row(inf.id, inf.tags, look.fill)
        if tag_row:
            rows.append(tag_row)
        marker_cut = scheme_cut = False
        if inf.marker:
            text, marker_cut = self.text(inf.id, "its marker", inf.marker, self.o.inference_width)
            rows.append(f'<TR><TD ALIGN="LEFT" BALIGN="LEFT">{_font(self.pt(10), style.INK, text)}</TD></TR>')
        scheme = None if inf.scheme is None else style.scheme_label(inf.scheme, self.speak)
        detail = [x for x in (scheme, None if inf.strength is None else f"{inf.strength:g}") if x]
        if detail:
            text, scheme_cut = self.text(inf.id, "its scheme", " · ".join(detail), self.o.inference_width)
            rows.append(
                f'<TR><TD ALIGN="LEFT" BALIGN="LEFT">{_font(self.pt(9), style.DETAIL_COLOUR, text)}</TD></TR>'
            )
        if not rows:
            rows.append("<TR><TD> </TD></TR>")
        label = f'<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="1">{"".join(rows)}</TABLE>>'
        tip = _tip(
            [
                _("{id} ({kind})").format(id=inf.id, kind=self.w["inference"]),
                inf.marker if marker_cut else None,
                inf.scheme if scheme_cut else None,
                inf.note,
                _finding_lines(found, self.related.get(inf.id, ())),
            ]
        )
        self.g.node(
            inf.id,
            label=label,
            margin="0.06,0.03",
            tooltip=tip,
            **self._look(look, found),
        )
        for p in dict.fromkeys(inf.premises):
            self._support(p, inf.id, arrowsize=f"{round(0.6 * self._arrows(), 2):g}")
        self._support(inf.id, inf.conclusion)

    def _support(self, tail: str, head: str, **attrs_: str) -> None:
        cycle = self.path_edges.get((tail, head))
        if cycle is not None:
            attrs_ = {
                **attrs_,
                "color": style.PATH_COLOUR,
                "penwidth": self.pen(3),
                "tooltip": tooltip(cycle.message),
            }
        elif self.o.line_width != 1:
            attrs_ = {**attrs_, "penwidth": self.pen(1)}
        self.g.edge(tail, head, arrowhead=style.SUPPORT_HEAD, **attrs_)

    @functools.cached_property
    def countered(self) -> frozenset[str]:
        """The attacks some attack targets: each is drawn through a point, the target of its counter-attacks."""
        attacks = self.m.attacks
        return frozenset(att.target for att in attacks.values() if att.target in attacks)

    def _attack(self, attack_id: str, source: str, target: str, note: str | None) -> None:
        undercut = target in self.m.inferences
        counter = target in self.m.attacks
        found = self.by_element.get(attack_id, ())
        parts: list[str] = []
        head = self._note_mark(attack_id)
        if self.o.show_ids:
            ident = _font(self.pt(8), style.ATTACK_COLOUR, self.text(attack_id, "its id", attack_id, 0)[0])
            head = f"{head} {ident}" if head else ident
        if head:
            parts.append(head)
        tag_row = self._tag_row(attack_id, self.m.attacks[attack_id].tags)
        if tag_row:
            parts.append(f'<TABLE BORDER="0" CELLSPACING="0" CELLPADDING="0">{tag_row}</TABLE>')
        for badge in badges(attack_id, found, self.m):
            bg, fg, _symbol = style.BADGES[badge.severity]
            name = self.text(attack_id, "a finding's name", badge_text(badge), 0)[0]
            parts.append(
                f'<TABLE BORDER="0" CELLPADDING="1"><TR><TD BGCOLOR="{bg}">'
                f"{_font(self.pt(8), fg, name, bold=True)}</TD></TR></TABLE>"
            )
        kind = counter_word(self.speak) if counter else self.w["undercut" if undercut else "rebuttal"]
        extra: dict[str, str] = {}
        if parts:
            rows = "".join(f"<TR><TD>{p}</TD></TR>" for p in parts)
            # On a large map an edge label makes dot's placement slow and, with the quick
            # placement, crash (Graphviz 2.43 segfaults): there it is an external label.
            where = "xlabel" if self._large() else "label"
            extra[where] = f'<<TABLE BORDER="0" CELLSPACING="0" CELLPADDING="0">{rows}</TABLE>>'
        cycle = self.path_edges.get(attack_id)
        tip = _tip(
            [
                _("{id} ({kind})").format(id=attack_id, kind=kind),
                note,
                _finding_lines(found, self.related.get(attack_id, ())),
            ]
        )
        line = {
            "color": style.ATTACK_COLOUR,
            "penwidth": self.pen(3 if cycle else 1.6),
            "style": "dashed" if undercut or counter else "solid",
        }
        if attack_id in self.countered:
            # Split in two at a point that its counter-attacks point at: source -> point -> target.
            self.g.node(
                attack_id,
                shape="point",
                width=f"{round(0.09 * self._arrows(), 2):g}",
                color=style.ATTACK_COLOUR,
                fillcolor=style.ATTACK_COLOUR,
                style="filled",
                tooltip=tip,
            )
            self.g.edge(
                source,
                attack_id,
                fontcolor=style.ATTACK_COLOUR,
                arrowhead="none",
                tooltip=tip,
                **line,
                **extra,
            )
            source, extra = attack_id, {}
        self.g.edge(
            source,
            target,
            fontcolor=style.ATTACK_COLOUR,
            arrowhead=style.UNDERCUT_HEAD if undercut or counter else style.REBUTTAL_HEAD,
            arrowsize=f"{round(1.0 * self._arrows(), 2):g}",
            tooltip=tip,
            **line,
            **extra,
        )


#: What the diagram calls an attack on an attack.
COUNTER_ATTACK = N_("counter-attack (on an attack)")


def counter_word(lang: str) -> str:
    """The diagram's name for an attack on an attack, in ``lang``."""
    with using(language_of(lang) or DEFAULT_LANGUAGE):
        return _(COUNTER_ATTACK)


#: The layouts by size, as measured in bench/bench_render.py (Graphviz 2.43):
#: above ``fast_above`` elements, dot's placement (network simplex) is cut short
#: and its crossing reduction capped; above MEDIUM_ABOVE edges are drawn
#: straight (routing them around the boxes took half of the 11 s of a random
#: map of 2,000 elements); above HUGE_ABOVE the placement is cut shortest,
#: which is what keeps 5,000 elements within a minute.
MEDIUM_ABOVE = 1500
HUGE_ABOVE = 3000


def layout_for(
    size: int, pieces: int = 1, fast_above: int | None = 500, large_engine: str | None = "sfdp"
) -> dict[str, str]:
    """Graph attributes for a map of ``size`` elements in ``pieces`` unconnected pieces.

    Above :data:`HUGE_ABOVE` elements the map is laid out by ``large_engine``
    (the graph's ``layout`` attribute), not in dot's layers: on a tangled map
    of 5,000 elements dot needs more than a minute (it routes every long
    edge through hundreds of thousands of points), sfdp five seconds.

    A map of several pieces is packed into a near-square block (``pack``)
    instead of one long strip; ``newrank`` (which ranks across the clusters of
    the legend and the notes) is left out then, because Graphviz 2.43 crashes
    when it packs with it.

    >>> layout_for(100)
    {'newrank': 'true'}
    >>> layout_for(1000)
    {'newrank': 'true', 'nslimit': '1', 'mclimit': '0.1'}
    >>> layout_for(100, pieces=12)
    {'pack': 'true'}
    >>> layout_for(5000, fast_above=None)
    {'newrank': 'true'}
    >>> layout_for(5000)
    {'layout': 'sfdp', 'overlap': 'prism', 'splines': 'line'}
    >>> layout_for(5000, large_engine=None)["nslimit"]
    '0.1'
    """
    out = {"pack": "true"} if pieces > 1 else {"newrank": "true"}
    if fast_above is None or size <= fast_above:
        return out
    if size <= MEDIUM_ABOVE:
        return {**out, "nslimit": "1", "mclimit": "0.1"}
    if size <= HUGE_ABOVE:
        return {**out, "nslimit": "1", "mclimit": "0.1", "splines": "line"}
    if large_engine is not None:
        return {
            "layout": large_engine,
            "overlap": "prism",
            "splines": "line",
            **({"pack": "true"} if pieces > 1 else {}),
        }
    return {**out, "nslimit": "0.1", "mclimit": "0.05", "splines": "line"}


def components(amap: ArgumentMap) -> int:
    """How many unconnected pieces the map falls into (claims, inferences and
    attacks joined by their links, in either direction).

    >>> from argmap.model import MapBuilder
    >>> b = MapBuilder("t"); b.premise("P1", "a"); b.premise("P2", "b"); b.conclusion("C1", "c")
    >>> b.inference("I1", ["P1"], "C1")
    >>> components(b.build())
    2
    """
    parent = {e: e for e in (*amap.claims, *amap.inferences, *amap.attacks)}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def join(a: str, b: str) -> None:
        if a in parent and b in parent:
            parent[find(a)] = find(b)

    for inf in amap.inferences.values():
        join(inf.id, inf.conclusion)
        for p in inf.premises:
            join(p, inf.id)
    for att in amap.attacks.values():
        join(att.source, att.id)
        join(att.id, att.target)  # a claim, an inference or an attack
    return len({find(e) for e in parent})


def _path_edges(amap: ArgumentMap, findings: Sequence[Diagnostic]) -> dict[str | tuple[str, str], Diagnostic]:
    """The drawn edges along each finding's ``path`` when it is a cycle (its
    first and last elements are the same, or an edge leads from the last to
    the first). Chains (such as the one through which a conclusion is
    defeated) are not highlighted; their messages are in the tooltips.

    Keys are ``(tail, head)`` for support edges and the attack's id for an
    attack. A path step may go claim -> inference -> claim, claim -> claim
    (through the inference between them) or attack -> its target. The loop is
    closed when a support edge leads from the path's last element to its first.
    """
    drawn: set[tuple[str, str]] = set()
    for inf in amap.inferences.values():
        drawn.update((p, inf.id) for p in inf.premises)
        drawn.add((inf.id, inf.conclusion))
    out: dict[str | tuple[str, str], Diagnostic] = {}
    graph = amap.graph
    for d in findings:
        path = [e for e in d.path if e in amap]
        if len(path) < 2:
            continue
        steps = list(itertools.pairwise(path))
        if path[0] != path[-1]:
            steps.append((path[-1], path[0]))
            if not _closes(amap, path[-1], path[0], drawn):
                continue  # a chain, not a cycle: its message is in the tooltips
        for a, b in steps:
            keys: list[str | tuple[str, str]] = []
            if a in amap.attacks:
                if amap.attacks[a].target == b:
                    keys.append(a)
            elif a in amap.claims and b in amap.claims:  # through the inference between them
                for inf_id in graph.inferences_using(a):
                    if amap.inferences[inf_id].conclusion == b:
                        keys += [(a, inf_id), (inf_id, b)]
            elif (a, b) in drawn:
                keys.append((a, b))
            for key in keys:
                out.setdefault(key, d)
    return out


def _closes(amap: ArgumentMap, last: str, first: str, drawn: set[tuple[str, str]]) -> bool:
    if (last, first) in drawn:
        return True
    return any(amap.inferences[i].conclusion == first for i in amap.graph.inferences_using(last))


def diagram_language(
    amap: ArgumentMap | View, options: RenderOptions | None = None, lang: str | None = None
) -> str:
    """The language of a drawing's words: ``lang`` (``ja`` or ``en``), else
    the options' ``lang``, else the map's (English for a language argmap
    does not speak)."""
    if isinstance(amap, View):
        amap = amap.map
    if lang is not None:
        return choose(lang)
    if options is not None and options.lang is not None:
        return language_of(options.lang) or DEFAULT_LANGUAGE
    return choose(None, amap.lang)


def to_dot(
    amap: ArgumentMap | View,
    findings: Iterable[Diagnostic] | None = None,
    options: RenderOptions | None = None,
    *,
    lang: str | None = None,
) -> graphviz.Digraph:
    """The map as a :class:`graphviz.Digraph` (shown inline by Jupyter).

    ``findings`` (for example ``argmap.check(amap)``) are drawn as badges on
    the elements they concern, one badge per rule on each element with the
    number of its findings, and cycles highlighted along their path; none
    are drawn when it is None. ``options`` are :class:`RenderOptions`.
    ``lang`` (``"ja"`` or ``"en"``) is the language of the diagram's words
    (badges, legend, notes, tooltips); None: the options' ``lang``, else the
    map's.

    ``amap`` may be a :class:`~argmap.drawing.views.View`, part of a map:
    its elements are drawn, each with the supports or attacks it has left
    out marked ``+N`` (N elements beyond it), and of ``findings`` (those of
    the whole map) the ones about what is drawn.
    """
    return build(amap, findings, options, lang=lang).graph


@attrs.frozen
class Drawing:
    """What :func:`build` gives: the graph, and what it could not draw whole."""

    graph: graphviz.Digraph
    #: (element id, or None for the title; what) for each text a label
    #: shows shortened because it is longer than a label can hold.
    shortened: tuple[tuple[str | None, str], ...] = ()
    #: Ids of elements whose source URL is too long to be made a link.
    unlinked: tuple[str, ...] = ()
    #: The language of the drawing's words.
    lang: str = DEFAULT_LANGUAGE


def check_arguments(amap: object, findings: object, options: object, lang: object) -> None:
    """Raise TypeError for arguments of the wrong type to a function that draws a map."""
    if not isinstance(amap, ArgumentMap | View):
        raise TypeError(f"expected an ArgumentMap (or a View of one) to draw, not {type_name(amap)}")
    if options is not None and not isinstance(options, RenderOptions):
        raise TypeError(f"options must be RenderOptions or None, not {type_name(options)}")
    if findings is not None and (isinstance(findings, str | bytes) or not isinstance(findings, Iterable)):
        raise TypeError(
            f"findings must be a list of findings (argmap.check's result) or None, not {type_name(findings)}"
        )
    if lang is not None and not isinstance(lang, str):
        raise TypeError(f"lang must be a str ('ja' or 'en') or None, not {type_name(lang)}")


def build(
    amap: ArgumentMap | View,
    findings: Iterable[Diagnostic] | None = None,
    options: RenderOptions | None = None,
    *,
    lang: str | None = None,
) -> Drawing:
    """:func:`to_dot`, with what was shortened (for warnings)."""
    check_arguments(amap, findings, options, lang)
    found = list(findings or ())
    for d in found:
        if not isinstance(d, Diagnostic):
            raise TypeError(f"findings must hold findings (argmap.check's result), not {type_name(d)}")
    options = options or RenderOptions()
    view = amap if isinstance(amap, View) else None
    drawn = amap.map if isinstance(amap, View) else amap
    if view is not None:
        found = view.findings(found)
    speak = diagram_language(drawn, options, lang)
    with using(speak):
        builder = _Builder(drawn, found, options, speak, view)
        graph = builder.build()
    return Drawing(graph, tuple(builder.shortened), tuple(builder.unlinked), speak)


# -- the legend -------------------------------------------------------------


def _add_legend(g: graphviz.Digraph, lang: str, options: RenderOptions) -> None:
    """A cluster with one sample of each look, the badges and the edges."""
    w = style.words(lang)
    z = options.fontsize / 12.0
    size = round(11 * z, 2)
    lw = options.line_width
    with g.subgraph(name="cluster_legend") as c:
        c.attr(
            label=w["legend"],
            style="rounded",
            color="#bbbbbb",
            fontsize=f"{round(11 * z, 2):g}",
            labelloc="b",
            penwidth=f"{lw:g}",
        )
        samples = [
            ("evidence", w["evidence"], None),
            ("premise", w["premise"], None),
            ("assumption", w["assumption"], None),
            ("hypothesis", w["hypothesis"], w["if"]),
            ("conclusion", w["conclusion"], None),
            ("conditional", w["conditional"], None),
            ("final", w["final"], None),
            ("inference", w["inference"], None),
        ]
        with c.subgraph() as row:
            row.attr(rank="same")
            previous = None
            for key, text, mark in samples:
                look = style.LOOKS[key]
                body = _font(size, look.fontcolor, html_text(text), bold=key == "final")
                if mark:
                    body = _font(round(10 * z, 2), style.INK, html_text(mark), bold=True) + " " + body
                node = f"_legend_{key}"
                row.node(node, label=f"<{body}>", tooltip=tooltip(text), **_look_attrs(look, lw))
                if previous is not None:  # keeps the samples in this order, left to right
                    row.edge(previous, node, style="invis")
                previous = node
        rows = [
            f'<TR><TD ALIGN="LEFT" BGCOLOR="{bg}">'
            f"{_font(round(9 * z, 2), fg, html_text(f'{symbol} {w[sev.value]}'), bold=True)}</TD></TR>"
            for sev, (bg, fg, symbol) in style.BADGES.items()
        ]
        if options.notes:
            mark = _font(round(11 * z, 2), style.NOTE_COLOUR, html_text(note_mark(1)), bold=True)
            rows.append(
                f'<TR><TD ALIGN="LEFT">{mark} {_font(round(9 * z, 2), style.INK, html_text(w["note"]))}</TD></TR>'
            )
        badges = "".join(rows)
        c.node(
            "_legend_badges",
            label=f'<<TABLE BORDER="0" CELLSPACING="1" CELLPADDING="3">{badges}</TABLE>>',
            shape="box",
            color="#bbbbbb",
            penwidth=f"{lw:g}",
            tooltip=tooltip(w["findings"]),
        )
        edges = [
            ("support", w["support"], style.SUPPORT_COLOUR, style.SUPPORT_HEAD, "solid", 1.2),
            ("rebuttal", w["rebuttal"], style.ATTACK_COLOUR, style.REBUTTAL_HEAD, "solid", 1.6),
            ("undercut", w["undercut"], style.ATTACK_COLOUR, style.UNDERCUT_HEAD, "dashed", 1.6),
            # an attack on an attack, drawn as it is in a map: dashed, onto a point of the attack
            ("counter", counter_word(lang), style.ATTACK_COLOUR, style.UNDERCUT_HEAD, "dashed", 1.6),
            ("cycle", w["cycle"], style.PATH_COLOUR, style.SUPPORT_HEAD, "solid", 3.0),
        ]
        with c.subgraph() as row:
            row.attr(rank="same")
            previous = "_legend_badges"
            for key, text, colour, head, line, pen in edges:
                a, b = f"_legend_{key}_a", f"_legend_{key}_b"
                row.node(a, label="", shape="point", width="0.06", color=colour)
                row.node(b, label=f"<{_font(round(10 * z, 2), colour, html_text(text))}>", shape="plaintext")
                row.edge(previous, a, style="invis")
                row.edge(
                    a,
                    b,
                    color=colour,
                    arrowhead=head,
                    style=line,
                    penwidth=f"{round(pen * lw, 2):g}",
                    minlen="2",
                )
                previous = b
        c.edge("_legend_evidence", "_legend_badges", style="invis")


def _look_attrs(look: style.Look, line_width: float = 1.0) -> dict[str, str]:
    return {
        "shape": look.shape,
        "style": look.style,
        "fillcolor": look.fill,
        "color": look.border,
        "penwidth": f"{round(look.penwidth * line_width, 2):g}",
    }


def legend_graph(lang: str = "en", options: RenderOptions | None = None) -> graphviz.Digraph:
    """A drawing of the legend alone, its words in ``lang`` (for docs/rendering.md)."""
    if not isinstance(lang, str):
        raise TypeError(f"lang must be a str (a language tag such as 'ja'), not {type_name(lang)}")
    if options is not None and not isinstance(options, RenderOptions):
        raise TypeError(f"options must be RenderOptions or None, not {type_name(options)}")
    o = options or RenderOptions()
    g = graphviz.Digraph(name="legend")
    g.attr("graph", rankdir="TB", fontname=o.fontname, newrank="true", nodesep="0.25", ranksep="0.3")
    g.attr("node", fontname=o.fontname, fontsize=f"{o.fontsize:g}")
    g.attr("edge", fontname=o.fontname)
    _add_legend(g, lang, o)
    return g
