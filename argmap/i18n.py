"""The language argmap speaks to a person: Japanese or English.

Every text argmap shows a person (messages, findings, explanations, help,
diagram labels) is written in English in the code, marked with :func:`_`
(or :func:`N_` where it is only stored, to be translated when shown), and
translated through the gettext catalogues in ``argmap/locale``.

Which language:

1. an explicit choice (``--lang``, or ``lang=`` in the Python API);
2. for output about a map, the map's ``lang`` (its primary subtag; a
   language argmap does not speak falls back to English);
3. otherwise the locale: ``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES``, ``LANG``,
   in gettext's order;
4. otherwise English.

The choice in force is a context variable, so threads and asyncio tasks each
keep their own; :func:`using` sets it for a block.

>>> with using("ja"):
...     _("Usage:")
'使い方:'
>>> with using("en"):
...     _("Usage:")
'Usage:'
>>> more = ("… and {count} more problem, not listed (only the first {max} of a file are)",
...         "… and {count} more problems, not listed (only the first {max} of a file are)")
>>> with using("ja"):
...     ngettext(*more, 5).format(count=5, max=1000)
'…ほかに 5 件の問題があります（一つのファイルにつき、最初の 1000 件だけを示します）'
>>> language_of("ja-JP"), language_of("en-GB"), language_of("fr")
('ja', 'en', None)

Messages carry named ``{placeholders}`` filled in after translation with
``str.format``, so a translation may put them in its own order.

This module is a leaf: it imports nothing else from argmap.
"""

from __future__ import annotations

import contextlib
import functools
import gettext as _gettext
import os
from collections.abc import Iterator, Mapping
from contextvars import ContextVar
from pathlib import Path

__all__ = [
    "DEFAULT_LANGUAGE",
    "DOMAINS",
    "LANGUAGES",
    "LOCALE_DIR",
    "N_",
    "_",
    "choose",
    "current",
    "from_locale",
    "language_of",
    "ngettext",
    "translations",
    "using",
]

#: The languages argmap speaks, English first (the language of the code).
LANGUAGES = ("en", "ja")
DEFAULT_LANGUAGE = "en"

#: Where the compiled catalogues are: ``LOCALE_DIR/<lang>/LC_MESSAGES/<domain>.mo``.
LOCALE_DIR = Path(__file__).resolve().parent / "locale"

#: One catalogue per part of argmap (so each part's texts are kept together),
#: plus ``click`` for the texts of the command-line library argmap uses.
DOMAINS = ("core", "formats", "checks", "drawing", "scaffold", "exercises", "cli", "click")

#: The locale variables, in the order gettext reads them.
LOCALE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")

_chosen: ContextVar[str | None] = ContextVar("argmap_language", default=None)


def language_of(tag: str | None) -> str | None:
    """The language argmap speaks for a language tag or locale name
    (``ja``, ``ja-JP``, ``ja_JP.UTF-8``), or None."""
    if not tag:
        return None
    primary = tag.replace("_", "-").split("-", 1)[0].split(".", 1)[0].split("@", 1)[0].lower()
    return primary if primary in LANGUAGES else None


def from_locale(environ: Mapping[str, str] | None = None) -> str | None:
    """The language the locale asks for, or None (no locale set, ``C``,
    ``POSIX``, or a language argmap does not speak).

    As gettext does, the first of ``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES``
    and ``LANG`` that is set decides; ``LANGUAGE`` may list several
    languages separated by colons, the first one argmap speaks wins.

    >>> from_locale({"LANG": "ja_JP.UTF-8"})
    'ja'
    >>> from_locale({"LANGUAGE": "fr:ja", "LANG": "en_US.UTF-8"})
    'ja'
    >>> from_locale({"LC_ALL": "C", "LANG": "ja_JP.UTF-8"}) is None
    True
    """
    env = os.environ if environ is None else environ
    for name in LOCALE_VARIABLES:
        value = env.get(name)
        if not value:
            continue
        if name == "LANGUAGE":
            for part in value.split(":"):
                found = language_of(part)
                if found:
                    return found
            continue  # a LANGUAGE with none argmap speaks leaves the choice to the others
        return language_of(value)
    return None


def current() -> str:
    """The language in force: the one set by :func:`using`, else the locale's, else English."""
    return _chosen.get() or from_locale() or DEFAULT_LANGUAGE


def choose(explicit: str | None = None, map_lang: str | None = None) -> str:
    """The language for output about a map whose ``lang`` is ``map_lang``.

    An ``explicit`` choice wins (it must be one of :data:`LANGUAGES`); then
    the map's language, English when argmap does not speak it; then
    :func:`current`.

    >>> choose("en", "ja"), choose(None, "ja-JP"), choose(None, "fr")
    ('en', 'ja', 'en')
    """
    if explicit is not None:
        if explicit not in LANGUAGES:
            raise ValueError(f"lang must be one of {', '.join(LANGUAGES)}, not {explicit!r}")
        return explicit
    if map_lang:
        return language_of(map_lang) or DEFAULT_LANGUAGE
    return current()


@contextlib.contextmanager
def using(lang: str | None) -> Iterator[str]:
    """Speak ``lang`` inside the block (None: keep the language in force)."""
    lang = current() if lang is None else choose(lang)
    token = _chosen.set(lang)
    try:
        yield lang
    finally:
        _chosen.reset(token)


@functools.cache
def translations(lang: str) -> _gettext.NullTranslations:
    """All of argmap's catalogues for ``lang``, chained into one; for English
    (the language of the code) the texts are returned as they are."""
    if lang == DEFAULT_LANGUAGE:
        return _gettext.NullTranslations()
    chain: _gettext.NullTranslations | None = None
    for domain in DOMAINS:
        path = LOCALE_DIR / lang / "LC_MESSAGES" / f"{domain}.mo"
        if not path.is_file():
            continue
        with path.open("rb") as f:
            found = _gettext.GNUTranslations(f)
        if chain is None:
            chain = found
        else:
            chain.add_fallback(found)
    return chain or _gettext.NullTranslations()


def _(message: str) -> str:
    """``message`` in the language in force."""
    return translations(current()).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The singular or plural ``message`` for ``n``, in the language in force."""
    return translations(current()).ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Mark ``message`` for translation without translating it now (for a
    text stored at import time and shown later through :func:`_`)."""
    return message
