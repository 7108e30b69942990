"""Small helpers every layer shares: the display width of text, "did you
mean" suggestions, and pausing the cyclic garbage collector.

This module imports nothing from argmap but :mod:`argmap.i18n` (the
suggestion is said in the language in force), so every layer may use it.

>>> display_width("NATO"), display_width("日本は、"), display_width("e\\u0301")
(4, 8, 1)
>>> did_you_mean("evidense", ["evidence", "premise"])
" (did you mean 'evidence'?)"
>>> did_you_mean("zzz", ["evidence", "premise"])
''
"""

from __future__ import annotations

import contextlib
import difflib
import gc
import unicodedata
from collections.abc import Collection, Iterator

from argmap.i18n import _

__all__ = ["char_width", "closest", "did_you_mean", "display_width", "paused_gc", "type_name"]

# ------------------------------------------------------------- type names


def type_name(value: object) -> str:
    """The name of ``value``'s type, for a TypeError a person reads.

    >>> type_name(None), type_name(b"x"), type_name([1])
    ('None', 'bytes', 'list')
    """
    return "None" if value is None else type(value).__name__


# ------------------------------------------------------------------ width

#: Widths already worked out; ASCII and Latin letters are one column.
_WIDTHS: dict[str, int] = {chr(c): 1 for c in range(0x20, 0x300) if c != 0xAD}  # not the soft hyphen (Cf)
#: The most characters kept in the cache (a hostile text cannot grow it for ever).
_CACHE_LIMIT = 100_000


def char_width(ch: str) -> int:
    """Columns one character takes in a terminal or a monospaced label.

    - 0 for combining marks (Mn, Me: an accent, an enclosing circle U+20DD)
      and format characters (Cf: a zero-width joiner U+200D, a soft hyphen);
    - 2 for East Asian wide and full-width characters (W, F), which is how
      Japanese fonts and terminals draw them;
    - 1 for everything else, the ambiguous (A) characters included.

    >>> [char_width(c) for c in "a日ｱ\\u0301\\u20dd\\u200d"]
    [1, 2, 1, 0, 0, 0]
    """
    w = _WIDTHS.get(ch)
    if w is None:
        if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
            w = 0
        else:
            w = 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
        if len(_WIDTHS) < _CACHE_LIMIT:
            _WIDTHS[ch] = w
    return w


def display_width(text: str) -> int:
    """Columns ``text`` takes: the sum of :func:`char_width` of its characters.

    >>> display_width("a\\u200db"), display_width("ＮＡＴＯ")
    (2, 8)
    """
    if text.isascii():
        return len(text)
    return sum(map(char_width, text))


# ---------------------------------------------------------- did you mean

#: Above this many candidates, a suggestion is not looked for: comparing a
#: word with each costs time in proportion, and a long list makes a poor hint.
MAX_CANDIDATES = 1000


def closest(
    word: str, choices: Collection[str], cutoff: float = 0.6, max_candidates: int | None = MAX_CANDIDATES
) -> str | None:
    """The choice most like ``word``, or None when none is close enough or
    there are more than ``max_candidates`` choices to compare (None: no
    limit, for a caller that bounds the work itself).

    >>> closest("weak-suport", ["weak-support", "weak-relevance"])
    'weak-support'
    """
    if not choices or len(word) > 200:
        return None
    if max_candidates is not None and len(choices) > max_candidates:
        return None
    found = difflib.get_close_matches(word, list(choices), n=1, cutoff=cutoff)
    return found[0] if found else None


def did_you_mean(
    word: str, choices: Collection[str], cutoff: float = 0.6, max_candidates: int | None = MAX_CANDIDATES
) -> str:
    """`` (did you mean 'x'?)`` for the closest choice (as :func:`closest`
    finds it), or an empty string."""
    best = closest(word, choices, cutoff, max_candidates)
    return "" if best is None else _(" (did you mean {name}?)").format(name=repr(best))


# -------------------------------------------------------------------- gc


@contextlib.contextmanager
def paused_gc() -> Iterator[None]:
    """Pause Python's cyclic garbage collector for the ``with`` block.

    Reading, checking or drafting a large map makes hundreds of thousands of
    small objects and no reference cycles, yet the collector would walk all
    of them again every few thousand allocations, which makes the work grow
    faster than the input. Reference counting still frees everything as
    usual. The collector is turned back on only if it was on before.

    >>> with paused_gc():
    ...     gc.isenabled()
    False
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
