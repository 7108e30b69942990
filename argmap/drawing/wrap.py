"""Line breaking by display width, at phrase boundaries for Japanese and Chinese.

Graphviz never wraps a label, so argmap inserts the line breaks itself.
Widths are counted in *columns*: East Asian wide and fullwidth characters
(``unicodedata.east_asian_width`` W or F, which includes 「」、。) take two,
combining marks and format characters (a zero-width joiner) none, everything
else one (:func:`argmap.support.display_width`, the one measure argmap uses).

>>> display_width("NATO")
4
>>> display_width("日本は、")
8

English wraps at spaces; Japanese and Chinese at the phrase boundaries that
BudouX (its bundled model, no network) finds, so a line never ends in the
middle of a word when a boundary exists:

>>> wrap("The forecast says rain all day", 12)
['The forecast', 'says rain', 'all day']
>>> wrap("日本は東京に北大西洋条約機構(NATO)の連絡事務所を開設する方向で動いている", 20, "ja")
['日本は東京に', '北大西洋条約機構', '(NATO)の連絡事務所を', '開設する方向で', '動いている']

A token wider than the line stays whole (an English word, a URL); only a
Japanese or Chinese phrase wider than the line is broken between characters.
Hard line breaks in the text are kept. Text is never cut unless a maximum
number of lines is asked for; then the last line ends with an ellipsis:

>>> wrap("one two three four five six", 9, max_lines=2)
['one two', 'three…']
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

from argmap.support import char_width, display_width

if TYPE_CHECKING:
    from budoux import Parser

__all__ = ["char_width", "display_width", "phrases", "wrap"]

ELLIPSIS = "…"

# Kana, CJK ideographs (with the iteration mark), CJK punctuation and
# fullwidth forms: text that is written without spaces between words.
_DENSE_CHARS = "\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef"
_HAS_DENSE = re.compile(f"[{_DENSE_CHARS}]").search
_HAS_KANA = re.compile("[\u3040-\u30ff]").search
_SPACES = re.compile(r"([^\S\u00a0]+)")  # a no-break space does not break
#: A line may not start with these (closing brackets, Japanese punctuation,
# small kana and the long-vowel mark): kinsoku shori for the character fallback.
NO_LINE_START = set(
    "、。，．・：；？！ー々ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ」』）〕］｝〉》】)]},.!?:;"
)
_CLOSING = "".join(sorted(NO_LINE_START))


@functools.cache
def _parser(name: str) -> Parser:
    import budoux

    loader = {
        "ja": budoux.load_default_japanese_parser,
        "zh-hans": budoux.load_default_simplified_chinese_parser,
        "zh-hant": budoux.load_default_traditional_chinese_parser,
    }[name]
    return loader()


def _parser_name(text: str, lang: str) -> str | None:
    """Which BudouX model suits ``text``: None when it holds no CJK text."""
    if not _HAS_DENSE(text):
        return None
    low = lang.lower()
    if low.startswith("zh") and not _HAS_KANA(text):
        traditional = any(tag in low for tag in ("hant", "-tw", "-hk", "-mo"))
        return "zh-hant" if traditional else "zh-hans"
    return "ja"


def phrases(text: str, lang: str = "en") -> list[str]:
    """Split one line of text into pieces between which a line may break.

    Spaces are pieces of their own; Japanese and Chinese runs are split into
    BudouX phrases. Joining the pieces gives the text back.

    >>> phrases("Japan joins NATO")
    ['Japan', ' ', 'joins', ' ', 'NATO']
    >>> phrases("日本はロシアの隣国である", "ja")
    ['日本は', 'ロシアの', '隣国である']
    """
    return list(_phrases(text, lang))


@functools.lru_cache(maxsize=4096)  # markers and repeated texts are split once
def _phrases(text: str, lang: str) -> tuple[str, ...]:
    out: list[str] = []
    for part in _SPACES.split(text):
        if not part:
            continue
        if part.isspace():
            out.append(part)
            continue
        name = _parser_name(part, lang)
        if name is None:
            out.append(part)
            continue
        for chunk in _parser(name).parse(part):
            piece = chunk
            if out and not out[-1].isspace():
                # Closing punctuation stays with the phrase before it (kinsoku),
                # and a Latin word is never split ("NATO").
                head = len(piece) - len(piece.lstrip(_CLOSING))
                if head:
                    out[-1] += piece[:head]
                    piece = piece[head:]
                    if not piece:
                        continue
                if _joins(out[-1], piece):
                    out[-1] += piece
                    continue
            out.append(piece)
    return tuple(out)


def _joins(left: str, right: str) -> bool:
    a, b = left[-1], right[0]
    return a.isascii() and b.isascii() and a.isalnum() and b.isalnum()


def _split_chars(piece: str, width: int) -> list[str]:
    """Break a Japanese/Chinese phrase wider than ``width`` between characters,
    keeping punctuation off the start of a line."""
    lines: list[str] = []
    cur, cur_w = "", 0
    for ch in piece:
        w = char_width(ch)
        if cur and cur_w + w > width and ch not in NO_LINE_START:
            lines.append(cur)
            cur, cur_w = "", 0
        cur += ch
        cur_w += w
    if cur:
        lines.append(cur)
    return lines


def _wrap_line(line: str, width: int, lang: str) -> list[str]:
    """Greedy filling to find the fewest lines, then the narrowest width that
    still gives that many: lines of even length instead of a ragged last one."""
    total = display_width(line)
    if total <= width:
        return [line]
    pieces = [(p, display_width(p), p.isspace()) for p in phrases(line, lang)]
    best = _fill(pieces, width)
    longest = max(display_width(x) for x in best)
    widest_piece = max(w for _, w, _ in pieces)
    low, high = max(1, -(-total // len(best)), min(widest_piece, width)), min(longest, width)
    # Fewer columns never give fewer lines: search the narrowest width that keeps the count.
    found = best
    while low < high:
        mid = (low + high) // 2
        lines = _fill(pieces, mid)
        if len(lines) <= len(best):
            found, high = lines, mid
        else:
            low = mid + 1
    return found


def _fill(pieces: list[tuple[str, int, bool]], width: int) -> list[str]:
    lines: list[str] = []
    cur, cur_w = "", 0
    for piece, w, space in pieces:
        if space:
            if cur and cur_w + w <= width:
                cur += piece
                cur_w += w
            elif cur:  # a break: the spaces go
                lines.append(cur.rstrip())
                cur, cur_w = "", 0
            continue
        if cur_w + w <= width:
            cur += piece
            cur_w += w
            continue
        if cur:
            lines.append(cur.rstrip() if cur.strip() else cur)
            cur, cur_w = "", 0
        if w > width and _HAS_DENSE(piece):
            *full, last = _split_chars(piece, width)
            lines.extend(full)
            cur, cur_w = last, display_width(last)
        else:
            cur, cur_w = piece, w
    if cur or not lines:
        lines.append(cur)
    return lines


def wrap(text: str, width: int, lang: str = "en", max_lines: int | None = None) -> list[str]:
    """The lines of ``text`` wrapped to ``width`` columns (no wrapping when
    ``width`` is 0 or less). Hard breaks (``\\n``) are kept.

    With ``max_lines``, lines beyond it are dropped and the last one ends
    with ``…`` (cut further if it would then be too wide).
    """
    lines: list[str] = []
    for hard in text.split("\n"):
        lines.extend(_wrap_line(hard, width, lang) if width > 0 else [hard])
    if max_lines is not None and max_lines > 0 and len(lines) > max_lines:
        lines = lines[:max_lines]
        last = lines[-1]
        if width > 0:
            while last and display_width(last) + 1 > width:
                last = last[:-1]
        lines[-1] = last.rstrip() + ELLIPSIS
    return lines
