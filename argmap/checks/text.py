"""The one text-overlap measure every heuristic rule uses, and quoting by width.

Texts are compared as *sets of tokens*. After NFKC normalisation and case
folding, punctuation and symbols separate tokens; a run of characters from a
script written without spaces (Japanese kana, Chinese characters, Hangul)
gives its character bigrams, and every other word is one token. Character
bigrams of English would make unrelated sentences look alike ("th", "he",
"in" are everywhere), while words of Japanese would need a tokenizer.

>>> sorted(tokens("Russia sees JAPAN, as a threat!"))
['a', 'as', 'japan', 'russia', 'sees', 'threat']
>>> sorted(tokens("日本はロシアの隣国。"))
['の隣', 'はロ', 'アの', 'シア', 'ロシ', '日本', '本は', '隣国']
>>> sorted(tokens("ＮＡＴＯの連絡事務所"))
['nato', 'の連', '事務', '務所', '絡事', '連絡']

The similarity of two texts is the Dice coefficient of their token sets,
``2 |A & B| / (|A| + |B|)``: 1.0 for the same tokens, 0.0 for none shared.

>>> similarity("The forecast says rain", "the forecast says RAIN.")
1.0
>>> similarity("The forecast says rain", "Take an umbrella")
0.0
>>> round(similarity("日本はロシアの隣国", "ロシアは日本の隣国"), 2)
0.62
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Set
from itertools import accumulate

from argmap.i18n import current
from argmap.support import char_width, display_width

__all__ = ["display_width", "quote", "shorten", "similarity", "token_similarity", "tokens"]

# Scripts written without spaces between words: kana (and the long-vowel
# mark), CJK ideographs with the iteration mark, Hangul syllables.
_DENSE = "\u3005\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af"
_TOKEN = re.compile(rf"[{_DENSE}]+|[^\W_{_DENSE}]+")
_IS_DENSE = re.compile(rf"[{_DENSE}]").match
_ASCII_WORD = re.compile(r"[a-z0-9]+")


def tokens(text: str) -> Set[str]:
    """The token set of ``text`` (see the module docstring). Do not change it."""
    if text.isascii():  # NFKC leaves ASCII alone; casefold is lower
        return set(_ASCII_WORD.findall(text.lower()))
    out: set[str] = set()
    for run in _TOKEN.findall(unicodedata.normalize("NFKC", text).casefold()):
        if len(run) > 1 and _IS_DENSE(run):
            out.update(map(str.__add__, run, run[1:]))
        else:
            out.add(run)
    return out


def token_similarity(a: Set[str], b: Set[str]) -> float:
    """Dice coefficient of two token sets; 0.0 when both are empty.

    >>> token_similarity({"a", "b"}, {"b", "c"})
    0.5
    """
    total = len(a) + len(b)
    if total == 0:
        return 0.0
    if len(a) > len(b):
        a, b = b, a
    return 2 * len(a & b) / total


def similarity(a: str, b: str) -> float:
    """Dice coefficient of the token sets of two texts."""
    return token_similarity(tokens(a), tokens(b))


def shorten(text: str, width: int = 40) -> str:
    """``text`` on one line, cut to at most ``width`` columns with "…".

    Cuts fall between characters, never inside one, and count a wide
    (Japanese, Chinese) character as two columns.

    >>> shorten("Japan is moving to open a NATO liaison office in Tokyo", 24)
    'Japan is moving to open…'
    >>> shorten("日本は東京にNATOの連絡事務所を開設する方向で動いている", 20)
    '日本は東京にNATOの…'
    >>> shorten("short")
    'short'
    """
    text = " ".join(text.split())
    if len(text) * 2 <= width:  # no character takes more than two columns
        return text
    if text.isascii():
        return text if len(text) <= width else text[: width - 1].rstrip() + "…"
    # The running widths of the first characters (every one but a zero-width mark
    # takes a column, so 2 * width + 2 of them are enough unless marks abound).
    head = text[: 2 * width + 2]
    used = list(accumulate(map(char_width, head)))
    if used[-1] <= width and len(head) < len(text):
        used = list(accumulate(map(char_width, text)))
    if used[-1] <= width:
        return text
    return text[: bisect_right(used, width - 1)].rstrip() + "…"


_INNER_QUOTES = str.maketrans("「」", "『』")


def quote(text: str, width: int = 40, lang: str | None = None) -> str:
    """``text`` shortened and quoted, for messages: in double quotes, or in
    「」 in Japanese (``lang``, else the language in force), where quotes
    inside the text become 『』 as Japanese writes a quote in a quote.

    >>> quote("ロシアは日本をウクライナと同等の軍事的脅威とみなす", 16, "en")
    '"ロシアは日本を…"'
    >>> quote("ロシアは日本をウクライナと同等の軍事的脅威とみなす", 16, "ja")
    '「ロシアは日本を…」'
    >>> quote("「NATOは重要だ」と述べた", 40, "ja")
    '「『NATOは重要だ』と述べた」'
    """
    if (lang or current()) == "ja":
        return f"「{shorten(text, width).translate(_INNER_QUOTES)}」"
    return f'"{shorten(text, width)}"'
