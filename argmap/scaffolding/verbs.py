"""Verb forms made from the lexicons' data, and word lists compiled into one regex.

A Japanese verb is given as ``[dictionary form, 連用形, て-form stem]``; its
forms are the dictionary form, the 連用形 followed by each polite ending
(ます, ました), the て-form stem followed by each ending of the て-form
(ている, ていました, た … with で/だ after ん), and for a する verb its noun
alone (「…と説明。」). An English verb is given as ``"base [past [participle]]"``;
its forms are the base, the -s form, the past and the participle (regular ones
made by rule).

>>> sorted(ja_forms([["語る", "語り", "語っ"]], ["ます"], ["た", "ている"]))
['語った', '語っている', '語ります', '語る']
>>> sorted(ja_forms([["見込む", "見込み", "見込ん"]], [], ["た"]))
['見込む', '見込んだ']
>>> en_forms("say said")
('say', 'says', 'said')
>>> en_forms("admit admitted")
('admit', 'admits', 'admitted')
>>> en_forms("reply")
('reply', 'replies', 'replied')
>>> import re
>>> bool(re.fullmatch(alternation(["と述べ", "と述べた", "とも"]), "と述べた"))
True
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

__all__ = ["alternation", "en_forms", "ja_forms"]


def ja_forms(verbs: Iterable[Sequence[str]], masu: Sequence[str], te: Sequence[str]) -> set[str]:
    """Every surface form of the Japanese ``verbs`` that ends a sentence."""
    out: set[str] = set()
    for entry in verbs:
        dictionary, stem, te_stem = [*entry, "", "", ""][:3]
        if dictionary:
            out.add(dictionary)
            if dictionary.endswith("する") and len(dictionary) > 2:
                out.add(dictionary[:-2])  # 「…と説明。」
        if stem:
            out.update(stem + e for e in masu)
        if te_stem:
            voiced = te_stem.endswith("ん")
            for ending in te:
                if voiced and ending[:1] in ("て", "た"):
                    ending = ("で" if ending[0] == "て" else "だ") + ending[1:]  # noqa: PLW2901
                out.add(te_stem + ending)
    return out


def en_forms(entry: str) -> tuple[str, ...]:
    """The forms of an English verb given as ``"base [past [participle]]"``."""
    parts = entry.split()
    # a phrasal verb ("point out"): inflect its first word
    base = parts[0]
    particle = " ".join(p for p in parts[1:] if p in ("out", "up", "down", "on", "off"))
    irregular = [p for p in parts[1:] if p not in ("out", "up", "down", "on", "off")]
    if base.endswith(("s", "sh", "ch", "x", "z", "o")):
        third = base + "es"
    elif base.endswith("y") and base[-2:-1] not in "aeiou":
        third = base[:-1] + "ies"
    else:
        third = base + "s"
    if irregular:
        past = irregular[0]
    elif base.endswith("e"):
        past = base + "d"
    elif base.endswith("y") and base[-2:-1] not in "aeiou":
        past = base[:-1] + "ied"
    else:
        past = base + "ed"
    forms = [base, third, past, *irregular[1:]]
    if particle:
        forms = [f"{f} {particle}" for f in forms]
    return tuple(dict.fromkeys(forms))


def alternation(words: Iterable[str]) -> str:
    """A regex matching any of ``words`` (escaped), built as a trie so that a
    long list is tried letter by letter, not word by word; longer words first."""
    trie: dict[str, dict] = {}  # type: ignore[type-arg]
    for w in set(words):
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _node(trie) if trie else "(?!)"


def _node(node: dict) -> str:  # type: ignore[type-arg]
    ends = "" in node
    branches = [re.escape(ch) + _node(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends:
        return f"(?:{body})?"
    return body
