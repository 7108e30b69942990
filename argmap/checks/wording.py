"""Small pieces of the texts the checks show a person, in the language in force.

>>> from argmap.i18n import using
>>> with using("en"):
...     listing(["a", "b", "c"], limit=2), shown("weak-suport"), severity_word("warning")
('a, b and 1 more', "'weak-suport'", 'warning')
>>> with using("ja"):
...     listing(["a", "b", "c"], limit=2), shown("weak-suport"), severity_word("warning")
('a、b、ほか 1 件', '「weak-suport」', '警告')
"""

from __future__ import annotations

from argmap.i18n import N_, _, current, ngettext

__all__ = ["SEVERITY_WORDS", "figure", "listing", "separator", "severity_word", "shown"]

#: A severity as a person reads it (the JSON and the code keep the English value).
SEVERITY_WORDS = {"error": N_("error"), "warning": N_("warning"), "info": N_("info")}


def severity_word(value: str) -> str:
    """``error``, ``warning`` or ``info`` in the language in force."""
    return _(SEVERITY_WORDS[value])


def separator() -> str:
    """What separates the items of a list in a sentence."""
    # TRANSLATORS: the separator between the items of a list ("a, b, c").
    return _(", ")


def listing(items: list[str], limit: int = 5, more: bool = False) -> str:
    """``a, b, c`` or ``a, b, c, d, e and 3 more`` (``and more`` when the count is capped)."""
    sep = separator()
    if len(items) <= limit and not more:
        return sep.join(items)
    shown_items = sep.join(items[:limit])
    if more:
        return _("{items} and more").format(items=shown_items)
    rest = len(items) - limit
    return ngettext("{items} and {count} more", "{items} and {count} more", rest).format(
        items=shown_items, count=rest
    )


def figure(value: float) -> str:
    """A similarity, support or strength as printed: two decimals."""
    return f"{value:.2f}"


def shown(word: str) -> str:
    """A word a person typed (a rule name, a key), quoted so that nothing in
    it is taken for our own text: ``'word'`` (Python's repr, which also shows
    control characters as escapes), 「word」 in Japanese."""
    text = repr(word)
    if current() == "ja":
        return f"「{text[1:-1]}」"
    return text
