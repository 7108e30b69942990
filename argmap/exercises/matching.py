"""Pairing a student's elements with a key's: maximum-weight bipartite
matching (the Hungarian algorithm, in plain Python), and the spelling-blind
token sets claims are compared by.

>>> assignment([[1.0, 0.9], [0.9, 0.0]])
[(0, 1), (1, 0)]
>>> token_sets("子供の数が１２％減った") == token_sets("子どもの数が12%減った")
True
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache

from argmap.checks.cues import content_tokens
from argmap.checks.text import tokens

__all__ = ["VARIANTS", "assignment", "canonical", "token_sets"]

#: Japanese spellings of one word, each mapped to the one form both texts are
#: compared in. Words that mostly carry grammar go to kana (so the content
#: tokens, which leave hiragana out, do not count them); words that carry
#: content go to their kanji form. Only spellings of two characters or more
#: are listed (a single kanji is part of too many other words), and one is
#: that starts with a kanji is not read right after another kanji (自分から
#: is not 自わから).
VARIANTS: dict[str, str] = {
    # kanji or kana: the kana form
    "全て": "すべて",
    "既に": "すでに",
    "更に": "さらに",
    "又は": "または",
    "及び": "および",
    "並びに": "ならびに",
    "様々": "さまざま",
    "色々": "いろいろ",
    "出来る": "できる",
    "出来ない": "できない",
    "出来な": "できな",
    "出来た": "できた",
    "出来れ": "できれ",
    "出来て": "できて",
    "殆ど": "ほとんど",
    "沢山": "たくさん",
    "僅か": "わずか",
    "一層": "いっそう",
    "恐らく": "おそらく",
    "予め": "あらかじめ",
    "何故": "なぜ",
    "此の": "この",
    "其の": "その",
    "即ち": "すなわち",
    "但し": "ただし",
    "先ず": "まず",
    "その為": "そのため",
    "未だ": "まだ",
    "下さい": "ください",
    "頂く": "いただく",
    "頂き": "いただき",
    "分かる": "わかる",
    "分から": "わから",
    "分かり": "わかり",
    "分かっ": "わかっ",
    "判る": "わかる",
    "良い": "よい",
    "善い": "よい",
    "無い": "ない",
    "無く": "なく",
    "有る": "ある",
    "有り": "あり",
    "言う": "いう",
    "気を付け": "気をつけ",
    "見付け": "見つけ",
    "付け加え": "つけ加え",
    # kana or other okurigana: the usual kanji form
    "子ども": "子供",
    "こども": "子供",
    "行なう": "行う",
    "行ない": "行い",
    "行なわ": "行わ",
    "行なっ": "行っ",
    "行なえ": "行え",
    "表わす": "表す",
    "表わし": "表し",
    "表われ": "表れ",
    "現われ": "現れ",
    "取入れ": "取り入れ",
    "取組み": "取り組み",
    "取組む": "取り組む",
    "申込み": "申し込み",
    "引上げ": "引き上げ",
    "引下げ": "引き下げ",
    "受付け": "受け付け",
    "終る": "終わる",
    "終り": "終わり",
    "変る": "変わる",
    "変り": "変わり",
    "代り": "代わり",
    "少い": "少ない",
    "危い": "危ない",
    "おこなう": "行う",
    "ひとつ": "一つ",
    "ふたつ": "二つ",
    "みっつ": "三つ",
    "私達": "私たち",
    "我々": "われわれ",
}
_KANJI = "\u3005\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_KANA = "\u3040-\u30ff"


def _alternatives(first: str) -> str:
    words = sorted((v for v in VARIANTS if re.match(f"[{first}]", v)), key=len, reverse=True)
    return "|".join(map(re.escape, words))


_VARIANT = re.compile(f"(?<![{_KANJI}])(?:{_alternatives(_KANJI)})|{_alternatives(_KANA)}")
# 3ヶ月, 3ケ月, 3カ月, 3ヵ月 and 3か月 (a counter after a number)
_COUNTER = re.compile(r"(?<=\d)[ヶケカヵ](?=[月所国年条])")


def canonical(text: str) -> str:
    """``text`` in the one spelling texts are compared in: NFKC (full-width
    letters and digits made half-width), case folded, and the variants of
    :data:`VARIANTS` and of counters (3ヶ月, 3か月) made one.

    >>> canonical("ＮＡＴＯに加盟する子ども達は３ヶ月で全て行なう")
    'natoに加盟する子供達は3か月ですべて行う'
    """
    text = unicodedata.normalize("NFKC", text).casefold()
    if text.isascii():
        return text
    text = _COUNTER.sub("か", text)
    return _VARIANT.sub(lambda m: VARIANTS[m.group()], text)


@lru_cache(maxsize=65536)
def token_sets(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """The content tokens (:func:`argmap.checks.cues.content_tokens`) and the
    tokens (:func:`argmap.checks.text.tokens`) of ``text`` in its
    :func:`canonical` spelling: computed once a text (a class's maps share most texts)."""
    norm = canonical(text)
    return frozenset(content_tokens(norm)), frozenset(tokens(norm))


def assignment(weights: Sequence[Sequence[float]]) -> list[tuple[int, int]]:
    """The pairs ``(row, column)`` of a matching of greatest total weight.

    ``weights`` is a rows × columns table (rows need not equal columns). Pairs of
    weight 0 or less are never returned, so a weight of 0 forbids a pair. The
    matching is optimal, not greedy. The table is split into its connected
    parts (rows and columns joined by a positive weight), each solved on its
    own: O(n³) for n the size of the largest part, which for a student's map
    against a key is mostly 1 (each claim is like one claim of the key).
    """
    rows = len(weights)
    edges: list[list[int]] = [[j for j, w in enumerate(row) if w > 0] for row in weights]
    # connected parts over rows (i) and columns (~j), by union-find on rows
    parent = list(range(rows))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    owner: dict[int, int] = {}  # column → a row it is joined to
    for i, cols in enumerate(edges):
        for j in cols:
            k = owner.setdefault(j, i)
            if k != i:
                a, b = find(i), find(k)
                if a != b:
                    parent[a] = b
    parts: dict[int, list[int]] = {}
    for i in range(rows):
        if edges[i]:
            parts.setdefault(find(i), []).append(i)
    pairs: list[tuple[int, int]] = []
    for part_rows in parts.values():
        part_cols = sorted({j for i in part_rows for j in edges[i]})
        if len(part_rows) == 1 or len(part_cols) == 1:
            # one row or one column: its best pair is the whole answer
            cells = [(weights[i][j], -i, -j) for i in part_rows for j in edges[i]]
            _w, i, j = max(cells)
            pairs.append((-i, -j))
            continue
        sub = [[weights[i][j] for j in part_cols] for i in part_rows]
        pairs.extend((part_rows[a], part_cols[b]) for a, b in _hungarian(sub))
    return sorted(pairs)


def _hungarian(weights: list[list[float]]) -> list[tuple[int, int]]:
    """:func:`assignment` on one table, by the Hungarian algorithm (O(n³))."""
    rows = len(weights)
    cols = max((len(r) for r in weights), default=0)
    n = max(rows, cols)
    if n == 0:
        return []
    # square cost table (minimise -weight); padding and forbidden pairs cost 0
    cost = [[0.0] * n for _ in range(n)]
    for i, row in enumerate(weights):
        for j, w in enumerate(row):
            if w > 0:
                cost[i][j] = -float(w)
    inf = float("inf")
    u = [0.0] * (n + 1)
    v = [0.0] * (n + 1)
    p = [0] * (n + 1)  # p[j]: the row (1-based) matched to column j
    way = [0] * (n + 1)
    for i in range(1, n + 1):
        p[0] = i
        j0 = 0
        minv = [inf] * (n + 1)
        used = [False] * (n + 1)
        while True:
            used[j0] = True
            i0 = p[j0]
            delta = inf
            j1 = 0
            row_cost = cost[i0 - 1]
            ui0 = u[i0]
            for j in range(1, n + 1):
                if not used[j]:
                    cur = row_cost[j - 1] - ui0 - v[j]
                    if cur < minv[j]:
                        minv[j] = cur
                        way[j] = j0
                    if minv[j] < delta:
                        delta = minv[j]
                        j1 = j
            for j in range(n + 1):
                if used[j]:
                    u[p[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if p[j0] == 0:
                break
        while True:
            j1 = way[j0]
            p[j0] = p[j1]
            j0 = j1
            if j0 == 0:
                break
    pairs = []
    for j in range(1, n + 1):
        i = p[j] - 1
        c = j - 1
        if i < rows and c < len(weights[i]) and weights[i][c] > 0:
            pairs.append((i, c))
    return sorted(pairs)
