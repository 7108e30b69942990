"""What the heuristic rules read in a text besides its words: content
tokens, and the cue words of negation, hedging, conditions, attribution and
the appeals that give no reason (to feeling, fame, popularity, tradition, the
person).

Content tokens are the tokens of :func:`argmap.checks.text.tokens` without
what carries no content: English stop words (and a light stemming, so that
*closing*, *closed* and *closes* meet), and Japanese hiragana, which mostly
carries grammar (particles and endings: 「は」「の」「ている」): the
bigrams are taken within runs of kanji and of katakana.

>>> sorted(content_tokens("The council is closing the schools"))
['clos', 'council', 'school']
>>> sorted(content_tokens("町は小学校を閉校にした"))
['学校', '小学', '町', '閉校']
>>> negations("The plan is not affordable"), negations("予算は足りない"), negations("予算は足りる")
(1, 1, 0)
>>> sorted(appeals("人気歌手の山田さんは「さびしい」と語った"))
['fame', 'feeling']
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Set

__all__ = [
    "appeals",
    "attributed",
    "conditional",
    "content_tokens",
    "hedged",
    "negations",
    "numbers",
    "qualifiers",
    "signature",
]

_STOP_EN = frozenset(
    """
    a an the of to in on at for by with from as into onto about over under after before between through
    during without within against among per via than then there here is are was were be been being am do
    does did doing have has had having will would shall should can could may might must it its this that
    these those they them their theirs he him his she her hers we us our ours you your yours i me my
    mine one ones who whom whose which what when where why how and or but so if because while although
    though whether also just only even very too quite rather more most much many some any all each every
    both either neither other another such same own up out off down again further once s t d ll m re ve
    """.split()  # noqa: SIM905 (a list of words is easier to read and edit as text)
)
_WORD = re.compile(r"[a-z0-9]+")
_SUFFIXES = (("ies", "y"), ("ied", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", ""), ("ly", ""))

# After NFKC and case folding, the content of Japanese, Chinese and Korean
# text is in its runs of kanji, of katakana and of hangul (hiragana, which
# carries grammar, and punctuation separate them): each run gives its
# character bigrams (found with a lookahead, so they overlap), or itself when
# it is one character long.
_K = "\u3005\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_T = "\u30a0-\u30ff"
_H = "\uac00-\ud7af"
_BIGRAM = re.compile(f"(?=([{_K}]{{2}}|[{_T}]{{2}}|[{_H}]{{2}}))")
_SINGLE = re.compile(f"(?<![{_K}])[{_K}](?![{_K}])|(?<![{_T}])[{_T}](?![{_T}])|(?<![{_H}])[{_H}](?![{_H}])")


#: Stems already made (words repeat across a map), stop words mapped to :data:`_STOP`;
#: cleared when it grows past the limit.
_STOP = " "
_STEMS: dict[str, str] = dict.fromkeys(_STOP_EN, _STOP)
_MAX_STEMS = 200_000


def _stem(word: str) -> str:
    for suffix, repl in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: len(word) - len(suffix)] + repl
            break
    return word.removesuffix("e") if len(word) > 3 else word


def content_tokens(text: str) -> Set[str]:
    """The content tokens of ``text`` (see the module docstring)."""
    if text.isascii():  # NFKC leaves ASCII alone
        return _words_of(_WORD.findall(text.lower()), set())
    norm = unicodedata.normalize("NFKC", text).casefold()
    # kanji, katakana and hangul: the bigrams within each run, and runs of one character
    out = set(_BIGRAM.findall(norm))
    out.update(_SINGLE.findall(norm))
    return _words_of(_WORD.findall(norm), out)


def _words_of(words: list[str], out: set[str]) -> set[str]:
    """``out`` with the stems of the English ``words`` that are not stop words."""
    get = _STEMS.get
    out.update([get(w) or _new_stem(w) for w in words])
    out.discard(_STOP)
    return out


def _new_stem(word: str) -> str:
    """The stem of a word not seen before (or :data:`_STOP` for a stop word), remembered."""
    if len(_STEMS) > _MAX_STEMS:
        _STEMS.clear()
        _STEMS.update(dict.fromkeys(_STOP_EN, _STOP))
    found = _STEMS[word] = _STOP if word in _STOP_EN else _stem(word)
    return found


def _words(words: str, ja: str) -> tuple[frozenset[str], tuple[str, ...]]:
    """English words (matched among a text's content tokens, so stemmed the
    same way) and Japanese strings (matched anywhere), for cues looked for in
    every premise: set lookups and a few substring searches cost far less
    than a regular expression."""
    return frozenset(_stem(w) for w in words.split()), tuple(ja.split())


def _cue(words: str, ja: str) -> re.Pattern[str]:
    """A pattern for English words (whole words) or Japanese strings."""
    en = "|".join(re.escape(w) for w in words.split())
    parts = [rf"\b(?:{en})\b"] if en else []
    if ja:
        parts.append("|".join(re.escape(w) for w in ja.split()))
    return re.compile("|".join(parts), re.I)


_NEGATION = _cue(
    "not no never none nobody nothing neither nor cannot can't won't isn't aren't wasn't weren't doesn't "
    "don't didn't hasn't haven't hadn't shouldn't wouldn't couldn't mustn't without fail fails failed",
    "ない なく なかった ません ず ぬ 無い 無く 非 不要 できない いない",
)
_HEDGE = _cue(
    "may might could possibly perhaps likely unlikely consider considering considers considered plan plans "
    "planning planned propose proposes proposed proposal suggest suggests suggested expect expects expected "
    "seem seems appear appears some partly partially concern concerns concerned vigilance warn warns warned "
    "warning caution cautioned cautious fear fears feared worry worries worried risk risks",
    "かもしれ 可能性 おそれ 恐れ 検討 予定 見込み 方向で 一部 警戒 懸念 注意 求め 呼びかけ らしい ようだ とみられ 模様 "
    "慎重 警告 心配 不安 危機 危ぶ",
)
_CONDITION = _cue("if unless provided assuming suppose supposing", "もし 場合 ならば 限り")
_ATTRIBUTION = _cue(
    "says said say states stated state claims claimed claim asserts asserted assert testifies testified "
    "argues argued reports reported according believes believed thinks thought insists insisted told",
    "述べ 語っ 語る 話し 主張 によると によれば 証言 発表 報じ としています と言っ と考え と指摘",
)
_APPEALS: dict[str, tuple[frozenset[str], tuple[str, ...]]] = {
    "feeling": _words(
        "sad sadness heartbroken heartbreaking lonely love loved lovely cry cried tears tearful "
        "beautiful nostalgic nostalgia feel feels felt feeling upset happy spoil spoils",
        "さびしい 寂しい 悲しい 悲しく 涙 泣 思い出 懐かし 好き 嫌い かわいそう 感動 胸が 切ない つらい 残念 うれし 嬉し",
    ),
    "fame": _words(
        "celebrity celebrities famous star stars actor actress singer influencer footballer athlete "
        "presenter comedian",
        "有名 俳優 女優 歌手 タレント 芸能 人気 アイドル スター 選手 インフルエンサー お笑い",
    ),
    "popularity": _words(
        "popular trending viral fans",
        "みんな 皆が 誰もが 多くの人 大勢 流行 話題 ファン 大人気 だれもが",
    ),
    "tradition": _words(
        "tradition traditional forever grandparents ancestors heritage",
        "昔から 伝統 代々 古くから 長年 言い伝え 開業から 創業 創部以来 先祖",
    ),
    "person": _words(
        "liar hypocrite arrested scandal divorced incompetent idiot fool dishonest reputation "
        "educated complain",
        "うそつき 嘘つき 逮捕 不倫 スキャンダル 信用できない 無能 偽善 落選 評判 経験がない 研究費を受け取 "
        "言うことが変わる 人物だ",
    ),
}
#: The Japanese strings of every appeal in one pattern (longest first), and the kinds each names.
_JA_APPEAL_KINDS: dict[str, set[str]] = {}
for _name, (_en, _ja) in _APPEALS.items():
    for _w in _ja:
        _JA_APPEAL_KINDS.setdefault(_w, set()).add(_name)
_JA_APPEAL = re.compile("|".join(re.escape(w) for w in sorted(_JA_APPEAL_KINDS, key=len, reverse=True)))
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
#: Words of modality, time and quantity: a restatement keeps them all.
_QUALIFIER = _cue(
    "should must will would could can shall ought need needs used once formerly still yet already soon "
    "all every each most many much few some several half twice double one two three four five six seven "
    "eight nine ten dozen hundred thousand million billion only always often rarely sometimes usually",
    "べき はず だろう でしょう できる かつて 以前 昔 今後 将来 つもり 必ず すべて 全て 全部 全員 大半 半数 "
    "多く 一部 少し わずか 少数 ほとんど 常に いつも よく 時々 たまに 既に すでに まだ もう 割 倍 半分",
)


def hedged(text: str) -> bool:
    """Whether ``text`` holds a hedge (may, considering, 検討, 可能性…)."""
    return _HEDGE.search(unicodedata.normalize("NFKC", text)) is not None


def conditional(text: str) -> bool:
    """Whether ``text`` states a condition (if, もし…なら)."""
    return _CONDITION.search(unicodedata.normalize("NFKC", text)) is not None


def attributed(text: str) -> bool:
    """Whether ``text`` reports what someone said (says, と述べた)."""
    return _ATTRIBUTION.search(unicodedata.normalize("NFKC", text)) is not None


def appeals(text: str, content: Set[str] | None = None) -> set[str]:
    """The kinds of appeal that give no reason which ``text`` makes: feeling,
    fame, popularity, tradition, person. ``content``, when given, is
    ``content_tokens(text)`` already made."""
    words = content_tokens(text) if content is None else content
    found = {name for name, (en, _ja) in _APPEALS.items() if not en.isdisjoint(words)}
    if not text.isascii():
        for m in _JA_APPEAL.finditer(unicodedata.normalize("NFKC", text)):
            found.update(_JA_APPEAL_KINDS[m.group()])
    return found


def negations(text: str) -> int:
    """How many negations ``text`` holds (two cancel out: 「やむを得ないものではない」)."""
    return len(_NEGATION.findall(unicodedata.normalize("NFKC", text)))


def qualifiers(text: str) -> frozenset[str]:
    """The words of modality, time and quantity in ``text`` (should, all, 必ず, 一部…)."""
    return frozenset(m.casefold() for m in _QUALIFIER.findall(unicodedata.normalize("NFKC", text)))


def signature(text: str) -> tuple[object, ...]:
    """What a restatement of ``text`` must keep besides its content words:
    whether it is negated, conditional, attributed or hedged, and its
    qualifiers and numbers.

    >>> signature("The bypass reduced traffic") == signature("Traffic was reduced by the bypass")
    True
    >>> signature("The bypass reduced traffic") == signature("The bypass failed to reduce traffic")
    False
    """
    return (
        negations(text) % 2,
        conditional(text),
        attributed(text),
        hedged(text),
        qualifiers(text),
        frozenset(numbers(text)),
    )


def numbers(text: str) -> set[str]:
    """The numbers written in ``text`` (after NFKC, so ４ is 4), without separators."""
    return {n.replace(",", "") for n in _NUMBER.findall(unicodedata.normalize("NFKC", text))}
