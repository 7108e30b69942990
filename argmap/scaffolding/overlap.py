"""What two sentences talk about in common: their content words.

Japanese: every two-character piece of a run of kanji (「開室時間」 gives 開室,
室時, 時間) and every run of two or more katakana (「リンゴ」); English: the
words that are not function words (``[overlap] function_words`` of the
English lexicon), lower-cased, with a plural's or a
possessive's ending and a verb's -ed/-ing taken off ("cities" → "city",
"walked" → "walk"). Two sentences overlap by the units they share.
"""

from __future__ import annotations

import re

_KANJI = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff々]+")
_KATAKANA = re.compile(r"[\u30a1-\u30fa\u30fc]{2,}")
_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")


def _en_stem(word: str) -> str:
    word = word.removesuffix("'s").removesuffix("'")
    for end, repl in (("ies", "y"), ("sses", "ss"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
        if word.endswith(end) and len(word) - len(end) >= 3 and not word.endswith("ss"):
            return word[: len(word) - len(end)] + repl
    return word


def units(text: str, lang: str, function_words: frozenset[str] = frozenset()) -> frozenset[str]:
    """The content units of ``text`` (see the module's description); English
    words in ``function_words`` (the lexicon's ``[overlap] function_words``)
    are left out."""
    if lang == "ja":
        out: set[str] = set()
        for run in _KANJI.findall(text):
            out.update(run[k : k + 2] for k in range(len(run) - 1))
        out.update(_KATAKANA.findall(text))
        return frozenset(out)
    words = _WORD.findall(text.lower())
    return frozenset(_en_stem(w) for w in words if w not in function_words and len(w) > 2)
