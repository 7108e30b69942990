"""Finding English left in what argmap says in Japanese.

>>> english_sentences("循環論法: 主張 c1 が自分自身を支えています (AM201 circular-support)")
[]
>>> english_sentences("id 'c1' が二度使われています")
[]
>>> english_sentences("c1: this conclusion rests on itself")
['this conclusion rests on itself']
>>> english_sentences("see docs/ja/checks.md or https://example.org/a-b-c for more")
['for more']
"""

from __future__ import annotations

import re

#: Environments for CliRunner: an English locale and a Japanese one (None removes a variable).
EN: dict[str, str | None] = {"LANG": "C.UTF-8", "LANGUAGE": None, "LC_ALL": None, "LC_MESSAGES": None}
JA: dict[str, str | None] = {**EN, "LANG": "ja_JP.UTF-8"}

# What may stay in English in a Japanese text: code-like tokens (rule names
# such as circular-support, codes such as AM201, ids, paths, URLs, options,
# file names, field names in backquotes) are removed before looking.
_CODE_LIKE = re.compile(
    r"https?://\S+"  # URLs
    r"|\bargmap [a-z]+\b"  # a command to type: argmap check
    r"|`[^`]*`"  # code in backquotes
    r"|'[^'\s]*'"  # a quoted token: an id, a kind, a field name ('c1', 'evidence')
    r"|\S*[/\\.]\S*"  # paths, file names, dotted names
    r"|--?[A-Za-z][\w-]*"  # options
    r"|\b[\w]+(?:[-_:][\w]+)+\b"  # rule names, ids with - _ or :
    r"|\b[A-Z]{1,4}\d+\b"  # codes such as AM201
)
#: Two or more words of Latin letters in a row: an English phrase.
_PHRASE = re.compile(r"[A-Za-z]+(?:[ ,']+[A-Za-z]+)+")

#: Words that may appear alone or together in Japanese text (names of formats and tools).
ALLOWED_WORDS = frozenset(
    {
        "argmap",
        "Graphviz",
        "dot",
        "YAML",
        "JSON",
        "SVG",
        "PNG",
        "PDF",
        "UTF",
        "MiB",
        "URL",
        "ID",
        "id",
        "ja",
        "en",
        "Ctrl",
        "C",
        "OK",
        "ok",
    }
)


def english_sentences(text: str) -> list[str]:
    """The English phrases (two words or more, other than code-like tokens
    and the names in :data:`ALLOWED_WORDS`) in ``text``."""
    found = []
    for line in text.splitlines():
        cleaned = _CODE_LIKE.sub(" | ", line)
        for m in _PHRASE.finditer(cleaned):
            words = re.findall(r"[A-Za-z]+", m.group())
            if all(w in ALLOWED_WORDS for w in words):
                continue
            found.append(m.group().strip())
    return found
