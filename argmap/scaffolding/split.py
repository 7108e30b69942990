"""Sentence splitting that keeps character offsets.

:func:`split` cuts a text into :class:`Sentence` spans that tile it exactly:
joining ``text[s.start:s.end]`` over all sentences gives the text back, so
every sentence knows where it stands (line and column) in the article.

Japanese breaks after 。！？ and at line breaks; English after . ! ? when a
new sentence plainly starts, and at a line break unless the next line goes on
in lower case (a hard-wrapped paragraph). Neither ever breaks inside a
bracket pair (「」『』（）() “” and paired straight quotes, matched within a
paragraph), inside a URL, or on the dots of a date or a decimal number.

>>> [s.text for s in split("2023.05.09大使は「来週。行く」と述べました。以上から、妥当と判断されます。", "ja")]
['2023.05.09大使は「来週。行く」と述べました。', '以上から、妥当と判断されます。']
>>> [s.text for s in split("Dr. Smith said 3.5% on 2023.05.09. See https://ex.com/a.b?c=1. J. R. Tolkien left.", "en")]
['Dr. Smith said 3.5% on 2023.05.09.', 'See https://ex.com/a.b?c=1.', 'J. R. Tolkien left.']
"""

from __future__ import annotations

import bisect
import itertools
import re

import attrs

__all__ = ["URL_RE", "Sentence", "protected_spans", "split"]

#: A URL: http(s):// then ASCII URL characters; a final . , ) or the like is not part of it.
URL_RE = re.compile(r"https?://[A-Za-z0-9\-._~:/?#\[\]@!$&'*+,;=%()]*[A-Za-z0-9\-_~/#@$&*+=%]", re.ASCII)

_PAIRS = {
    "「": "」",
    "『": "』",
    "（": "）",
    "(": ")",
    "“": "”",
    "【": "】",
    "〈": "〉",
    "《": "》",
    "［": "］",
}
_CLOSERS = {v: k for k, v in _PAIRS.items()}
_BRACKET_OR_PARA = re.compile(r"[「」『』（）()“”【】〈〉《》［］\"]|\n[ \t\u3000\r]*\n")

_JA_END = re.compile(r"[。！？!?]+[」』）)”’\"】]*[ \t\u3000]*|\n")
_EN_END = re.compile(r"[.!?]+[\"”’')\]]*(?=\s|\Z)|\n")
_SPACE = re.compile(r"\s*")
_WORD_BEFORE = re.compile(r"([A-Za-z]+)\.?[.!?]*\Z")

#: English words written with a dot that rarely end a sentence.
ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "st",
        "jr",
        "sr",
        "vs",
        "etc",
        "eg",
        "ie",
        "e.g",
        "i.e",
        "inc",
        "ltd",
        "co",
        "corp",
        "gen",
        "sen",
        "rep",
        "gov",
        "lt",
        "col",
        "capt",
        "sgt",
        "no",
        "nos",
        "fig",
        "vol",
        "pp",
        "approx",
        "est",
        "dept",
        "univ",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "mon",
        "tue",
        "wed",
        "thu",
        "fri",
        "sat",
        "sun",
        "u.s",
        "u.k",
        "u.n",
        "a.m",
        "p.m",
    ]
)


@attrs.frozen
class Sentence:
    """A span ``[start, end)`` of the text; ``text`` is it without surrounding spaces.

    ``line`` and ``column`` (1-based) give where ``text`` begins.
    """

    start: int
    end: int
    text: str
    line: int
    column: int


def protected_spans(text: str) -> list[tuple[int, int]]:
    """Sorted, merged ``[start, end)`` spans where no sentence may break: URLs
    and matched bracket pairs (matched within a paragraph; an unmatched
    bracket protects nothing).

    >>> protected_spans("a「b。」c https://x.org/y.z d")
    [(1, 5), (7, 24)]
    """
    spans: list[tuple[int, int]] = [m.span() for m in URL_RE.finditer(text)]
    stack: list[tuple[str, int]] = []
    # how many of each opener the stack holds: a closer with none open is
    # skipped at once, so a run of stray closers costs no search each
    open_count = dict.fromkeys(_PAIRS, 0)
    quote_open: int | None = None
    for m in _BRACKET_OR_PARA.finditer(text):
        ch = m.group()
        if ch[0] == "\n":  # a blank line: brackets never pair across paragraphs
            stack.clear()
            open_count = dict.fromkeys(_PAIRS, 0)
            quote_open = None
        elif ch == '"':
            if quote_open is None:
                quote_open = m.start()
            else:
                spans.append((quote_open, m.end()))
                quote_open = None
        elif ch in _PAIRS:
            stack.append((ch, m.start()))
            open_count[ch] += 1
        else:
            opener = _CLOSERS[ch]
            if not open_count[opener]:
                continue
            # the search removes every opener it passes: each is passed once
            while True:
                top, at = stack.pop()
                open_count[top] -= 1
                if top == opener:
                    spans.append((at, m.end()))
                    break
    spans.sort()
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if merged and s < merged[-1][1]:
            if e > merged[-1][1]:
                merged[-1] = (merged[-1][0], e)
        else:
            merged.append((s, e))
    return merged


def _inside(starts: list[int], spans: list[tuple[int, int]], pos: int) -> bool:
    """Whether a break just before ``pos`` would fall strictly inside a protected span."""
    i = bisect.bisect_right(starts, pos - 1) - 1
    return i >= 0 and spans[i][0] < pos < spans[i][1]


def _en_break_ok(text: str, m: re.Match[str]) -> bool:
    if m.group() == "\n":
        nxt = _SPACE.match(text, m.end())
        j = nxt.end() if nxt else m.end()
        if "\n" in text[m.end() : j]:
            return True  # a blank line
        if j >= len(text) or not text[j].islower() or URL_RE.match(text, j):
            return True
        line_start = text.rfind("\n", 0, m.start()) + 1
        return URL_RE.fullmatch(text, line_start, m.start()) is not None  # a line that is a URL ends
    j = _SPACE.match(text, m.end()).end()  # type: ignore[union-attr]
    if j >= len(text):
        return True
    if text[j].islower():
        return False
    if m.group()[0] == ".":
        window = max(0, m.start() - 40)  # a bounded look back keeps splitting linear
        before = _WORD_BEFORE.search(text[window : m.start() + 1])
        if before is not None:
            word = before.group(1)
            start = window + before.start(1)
            preceded_by_dot = start >= 2 and text[start - 1] == "." and text[start - 2].isalpha()
            if len(word) == 1 and word.isupper():
                return False  # an initial: J. R. Tolkien
            if word.lower() in ABBREVIATIONS or preceded_by_dot:
                return False  # Dr. Smith, U.S. officials
    return True


def split(text: str, lang: str = "ja") -> list[Sentence]:
    """Split ``text`` into sentences (``lang`` ``"ja"`` or ``"en"``) that tile it.

    >>> sents = split("一つ目。\\n 二つ目!", "ja")
    >>> [(s.text, s.line, s.column) for s in sents]
    [('一つ目。', 1, 1), ('二つ目!', 2, 2)]
    >>> "".join("一つ目。\\n 二つ目!"[s.start:s.end] for s in sents) == "一つ目。\\n 二つ目!"
    True
    """
    if not text:
        return []
    spans = protected_spans(text)
    starts = [s for s, _ in spans]
    pattern = _EN_END if lang == "en" else _JA_END
    cuts = [0]
    for m in pattern.finditer(text):
        pos = m.end()
        if pos >= len(text) or _inside(starts, spans, m.start() + 1):
            continue
        if lang == "en" and not _en_break_ok(text, m):
            continue
        pos = _SPACE.match(text, pos).end()  # type: ignore[union-attr]  # spaces stay with the sentence before
        if pos < len(text) and pos > cuts[-1]:
            cuts.append(pos)
    cuts.append(len(text))
    out: list[Sentence] = []
    line = 1
    line_start = 0
    scanned = 0
    for a, b in itertools.pairwise(cuts):
        chunk = text[a:b]
        lead = len(chunk) - len(chunk.lstrip())
        begin = a + lead
        newlines = text.count("\n", scanned, begin)
        if newlines:
            line += newlines
            line_start = text.rfind("\n", scanned, begin) + 1
        scanned = begin
        out.append(Sentence(a, b, chunk.strip(), line, begin - line_start + 1))
    return out
