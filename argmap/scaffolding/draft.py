"""Turn a raw article into a draft argument map.

The article is read line by line first: a line holding only a URL opens a
*source block* (the URL, the page title on the next line, an optional date
line, then quoted excerpts up to the next blank line); lines of hashtags,
site navigation and the author's sign-off are set aside. The remaining
lines are the author's prose: split into sentences, each is matched
against the lexicon of its language (:mod:`argmap.scaffolding.lexicon`).

* An attributed statement (「…としています」, "X said …") becomes evidence,
  with its speaker, its date and the URL and title of the source block that
  follows it.
* A judgment (「…と判断されます」, "therefore …") becomes a conclusion with an
  inference; a supposition in it (「もし…すれば」, "if …") becomes a
  hypothesis the inference uses, and the conclusion is conditional.
* Anything else is listed in :attr:`Draft.unmatched`, never dropped silently.
"""

from __future__ import annotations

import datetime as _dt
import functools
import re
from collections.abc import Callable, Mapping
from typing import Any

import attrs

from argmap.errors import ArgmapError, Problem
from argmap.formats import dumps
from argmap.i18n import N_, _, choose, using
from argmap.model import ArgumentMap, Document, MapBuilder, Source
from argmap.scaffolding.dates import DateMatch, find_dates, leading_date, mentions_time, relative_date
from argmap.scaffolding.detect import detect
from argmap.scaffolding.header import read_header
from argmap.scaffolding.lexicon import LANGS, Lexicon, lexicon
from argmap.scaffolding.overlap import units
from argmap.scaffolding.split import URL_RE, split
from argmap.scaffolding.verbs import alternation, ja_forms
from argmap.support import paused_gc

__all__ = ["Draft", "Origin", "Unmatched", "draft", "scaffold"]


@attrs.frozen
class Origin:
    """Where a drafted element came from: the article's line and column, the
    marker that produced it and the sentence it was read from."""

    line: int
    column: int
    marker: str
    sentence: str


#: Why a stretch of the article is not in the map (:attr:`Unmatched.why`):
#: these words in English, said in the draft's language in its comment block.
WHY = (
    N_("no marker"),
    N_("quoted from a source"),
    N_("hashtags"),
    N_("navigation"),
    N_("sign-off"),
    N_("source with no statement before it"),
    N_("date of a source, not used"),
    N_("the article's title or date"),
)


@attrs.frozen
class Unmatched:
    """A stretch of the article that is not in the map, and ``why``: one of
    :data:`WHY`, in English whatever the article's language (so a program can
    test it); :meth:`Draft.comment` says it in the draft's language."""

    line: int
    last_line: int
    text: str
    why: str


@attrs.frozen
class Draft:
    """A drafted map with where each element came from and what was left out."""

    map: ArgumentMap
    origins: Mapping[str, Origin]
    unmatched: tuple[Unmatched, ...]

    def comment(self, lang: str | None = None) -> str:
        """The left-out sentences and lines as a YAML comment block, each in
        full on one line, said in ``lang`` (by default the article's language)."""
        if not self.unmatched:
            return ""
        with using(choose(lang, self.map.lang)):
            out = ["", "# " + _("Not in the map (line: text). Sentences with no marker may still matter:")]
            for u in self.unmatched:
                where = str(u.line) if u.last_line == u.line else f"{u.line}-{u.last_line}"
                text = " ".join(u.text.split())
                why = _(u.why) if u.why in WHY else u.why
                out.append(f"# {where} [{why}]: {text}")
        return "\n".join(out) + "\n"

    def to_yaml(self, lang: str | None = None) -> str:
        """The map as YAML followed by :meth:`comment` (in ``lang``, by default the article's language)."""
        with paused_gc():
            return dumps(self.map) + self.comment(lang)


# ---------------------------------------------------------------- lines


_UNPRINTABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]")
_HASHTAG_TOKEN = re.compile(r"[#＃]\S+")


def _is_url_line(s: str) -> bool:
    m = URL_RE.match(s)
    return m is not None and m.end() == len(s)


_ENDS_SENTENCE = re.compile(r"[。．.！？!?]\s*[」』）)”\"’]?$")
#: A Markdown link: [title](url).
MD_LINK = re.compile(r"\[([^\[\]\n]{1,300})\]\((https?://[^\s()]+(?:\([^\s()]*\))?[^\s()]*)\)")
_BRACKETED_URL = re.compile(r"[(（<〈]\s*(https?://\S+?)\s*[)）>〉]")


@functools.cache
def _SOURCE_LABELS() -> tuple[str, ...]:  # a constant, read once
    """The labels of a source line in every lexicon: an English article may cite 「出典：」."""
    return tuple(
        sorted({lab for lang in LANGS for lab in lexicon(lang).source_labels}, key=len, reverse=True)
    )


#: A short label, a colon and a Markdown link: "Read the survey: [title](url)".
_LABELLED_LINK = re.compile(r"([^:：。.!?！？\[\]]{1,40}?)\s*[:：]\s*" + MD_LINK.pattern)
#: A whole line in brackets: "(Details: https://…)".
_BRACKETED_LINE = re.compile(r"[(（]([^()（）]{0,80}https?://\S+?)[)）]")
#: A page's title, a space and its URL, on a line of their own.
_TITLE_THEN_URL = re.compile(r"(?P<t>[^\s:：][^\n]{0,118}?)[\s\u3000]+(?P<u>https?://\S+)")
#: A short label before a colon: at most 40 characters, no sentence end, no URL.
_SHORT_LABEL = re.compile(r"([^:：。.!?！？/]{1,40}?)\s*[:：]\s*(?=https?://)")


def _source_line(s: str, labels: tuple[str, ...]) -> tuple[str, str | None, DateMatch | None] | None:
    """(url, title, date) of a line that only gives a source: ``[title](url)``,
    ``(url)``, or a label and a colon then an optional title, the URL and an
    optional date (``Source: https://… (published 14 December 2023)``,
    ``出典：南山中学校新聞 第42号 https://…``); None for any other line.

    >>> _source_line("出典：生徒会だより（https://ex.jp/a）", ("出典",))[:2]
    ('https://ex.jp/a', '生徒会だより')
    >>> _source_line("The mayor said so (https://ex.jp/a).", ("出典",)) is None
    True
    """
    m = MD_LINK.fullmatch(s)
    if m is not None:
        return m.group(2), m.group(1).strip() or None, None
    labelled = _LABELLED_LINK.fullmatch(s)
    if labelled is not None:  # "Read the survey: [Westmere's Missing Ponds](https://…)"
        label, title = labelled.group(1).strip(), labelled.group(2).strip()
        if label.lower() not in labels:  # a free label says what the page is: kept with its title
            title = f"{label}: {title}"
        return labelled.group(3), title or None, None
    m = _BRACKETED_URL.fullmatch(s)
    if m is not None and _is_url_line(m.group(1)):
        return m.group(1), None, None
    inner = _BRACKETED_LINE.fullmatch(s)
    if inner is not None:  # "(Details: https://…)", 「（出典：…）」: the line in brackets
        return _source_line(inner.group(1).strip(), labels)
    low = s.lower()
    # any short text before a colon that opens the line and a URL ends it
    # ("Full report: https://…", "County travel survey 2025: https://…", 「論文：https://…」)
    # is a label too, when it is no sentence
    head = _SHORT_LABEL.match(s)
    free = (head.group(1).lower(),) if head is not None and URL_RE.fullmatch(s[head.end() :].strip()) else ()
    known = any(
        low.startswith(label) and s[len(label) :].lstrip(" \u3000")[:1] in (":", "：") for label in labels
    )
    if free and not known:
        # the text before the colon names the page: it is the source's title
        return URL_RE.search(s, head.end()).group().rstrip(")）"), head.group(1).strip() or None, None  # type: ignore[union-attr]
    for label in labels:
        if not low.startswith(label):
            continue
        rest = s[len(label) :].lstrip(" \u3000")
        if rest[:1] not in (":", "："):
            continue
        u = URL_RE.search(rest)
        if u is None:
            return None
        around = (rest[1 : u.start()] + " " + rest[u.end() :]).strip()
        date = next(iter(find_dates(around)), None)
        title = around[: date.start] + around[date.end :] if date else around
        title = re.sub(r"\b(?:published|posted|updated)\b", "", title, flags=re.IGNORECASE)
        title = title.strip(" \u3000()（）<>〈〉,，、|｜-–—:：\"'“”")
        return u.group().rstrip(")）"), title or None, date
    titled = _TITLE_THEN_URL.fullmatch(s)
    if (
        titled is not None
        and not _ENDS_SENTENCE.search(titled.group("t"))
        and not titled.group("t").endswith((":", "："))
    ):
        # 「朱鷺野スポーツ「県高野連、…」（3月14日）　https://…」: a page's title, then its URL
        title = titled.group("t").strip(" \u3000,，、|｜-–—")
        return titled.group("u"), title or None, next(iter(find_dates(title)), None)
    return None


def _is_hashtags(s: str) -> bool:
    d = leading_date(s)
    rest = s[d.end :] if d else s
    tokens = rest.split()
    return bool(tokens) and all(_HASHTAG_TOKEN.fullmatch(t) for t in tokens)


def _is_date_line(s: str) -> bool:
    d = leading_date(s)
    return d is not None and (d.end == len(s) or _is_hashtags(s))


_CJK_TEXT = re.compile("[\u3040-\u30ff\u4e00-\u9fff]")


def _classify(lines: list[str], lex: Lexicon) -> list[str]:
    """One kind per line: blank, url, title, pagedate, excerpt, hashtag, nav, signoff, text."""
    kinds: list[str] = []
    in_block = False
    for raw in lines:
        s = raw.strip()
        prev = kinds[-1] if kinds else "blank"
        if not s:
            kind = "blank"
            in_block = False
        elif _is_url_line(s):
            kind = "url"
            in_block = True
        elif _source_line(s, _SOURCE_LABELS()) is not None:
            kind = "srcline"
            in_block = False
        elif in_block:
            before_url = lines[len(kinds) - 2].strip() if len(kinds) >= 2 else ""
            titled_above = (
                len(kinds) >= 2
                and kinds[-2] == "text"
                and len(before_url) <= 120
                and not _ENDS_SENTENCE.search(before_url)
            )
            long_sentence = len(s) > (30 if _CJK_TEXT.search(s) else 60)
            if prev == "url" and _ENDS_SENTENCE.search(s) and (titled_above or long_sentence):
                # a title above the link (「奥沢町「…について」」, then the URL), or a long
                # sentence below it: prose, not the page's title
                kind = "text"
                in_block = False
            elif prev == "url":
                kind = "hashtag" if _is_hashtags(s) else "title"
            elif prev == "title" and _is_date_line(s):
                kind = "pagedate"
            else:
                kind = "excerpt"
        elif _is_hashtags(s):
            kind = "hashtag"
        elif len(s) <= 40 and any(s.lower().startswith(n) for n in lex.navigation):
            kind = "nav"
        else:
            kind = "text"
        kinds.append(kind)
    # a short line that ends no sentence, right before a URL line that has no
    # title after it, is that URL's title ("Harlow Gazette: …" then the link)
    for i in range(1, len(kinds)):
        if (
            kinds[i] == "url"
            and kinds[i - 1] == "text"
            and (i + 1 >= len(kinds) or kinds[i + 1] in ("blank", "pagedate"))
        ):
            prev = lines[i - 1].strip()
            if len(prev) <= 120 and not _ENDS_SENTENCE.search(prev):
                kinds[i - 1] = "pretitle"
    # a paragraph of prose holding a sign-off phrase is the sign-off
    i = 0
    while i < len(kinds):
        if kinds[i] != "text":
            i += 1
            continue
        j = i
        while j < len(kinds) and kinds[j] == "text":
            j += 1
        para = "\n".join(lines[i:j]).lower()
        # only near the end: a thank-you quoted in the body is not the sign-off;
        # from the line that holds it on (a closing judgment before it stays)
        if i >= len(lines) * 0.6 and any(p in para for p in lex.signoff):
            first = next((k for k in range(i, j) if any(p in lines[k].lower() for p in lex.signoff)), i)
            kinds[first:j] = ["signoff"] * (j - first)
        i = j
    return kinds


# ---------------------------------------------------------------- sentences


@attrs.define
class _Claim:
    id: str
    kind: str
    text: str
    origin: Origin
    speaker: str | None = None
    date: Any = None
    url: str | None = None
    title: str | None = None
    conditional: bool = False


@attrs.define
class _Reading:
    """What one sentence says, as far as the markers tell."""

    kind: str  # "evidence" or "conclusion"
    text: str
    marker: str
    speaker: str | None = None
    date: DateMatch | None = None
    url: str | None = None
    link: str = "plain"  # summary, sequel, continuation, plain
    hypothesis: str | None = None
    hypothesis_marker: str | None = None


_TRAIL = "。．.！？!? \u3000\t"
#: What the bracket at the end of a sentence holds when it is the sentence's source:
#: 「…と発表しました(https://…)。」, "(source: https://…)"
_INLINE_SOURCE = re.compile(
    r"\s*(?:[^\s()（）:：。.]{1,16}[:：]\s*|[^\s()（）:：。.]{1,16}\s+)?https?://[^\s)）]+\s*", re.IGNORECASE
)


def _strip_inline_source(core: str) -> str:
    """``core`` without a bracketed source URL at its end, and the sentence end before that.

    Found from the end (the last opening bracket), so a sentence of many
    brackets and links is read once, not once per bracket.

    >>> _strip_inline_source("…と発表しました(出典: https://ex.org/a)")
    '…と発表しました'
    >>> _strip_inline_source("…と発表しました。(https://ex.org/a_(b)")
    '…と発表しました'
    """
    text = core.rstrip(_TRAIL)
    if not text.endswith((")", "）")):
        return text
    end = len(text) - 1
    for _attempt in range(4):  # a URL may hold a bracket or two of its own: a(b)
        start = max(text.rfind("(", 0, end), text.rfind("（", 0, end))
        if start < 0:
            break
        if _INLINE_SOURCE.fullmatch(text, start + 1, len(text) - 1):
            return text[:start].rstrip().rstrip(_TRAIL)
        end = start
    return text


# After the speaker's particle: an optional "when" (9日、 / 2023年11月2日、 / 同日、),
# then 、 or the opening of a quotation.
_JA_WHEN = (
    r"(?:(?:[0-9０-９]{4}[年./\-][0-9０-９年月日./\-]{1,10}|(?:昨年|去年|今年)?(?:[0-9０-９]{1,2}月)?[0-9０-９]{1,2}日|同日|翌日|前日|先ほど|今月|今週|今春|今夏|今秋|今冬|昨日|今日|本日"
    r"|先週|先月|昨年|今年)(?:の[^、。「」]{1,12}で)?)?"
)
#: What may follow a speaker's particle before its comma: a when, a short phrase of
#: where (「発表後の取材に」), an adverb (「また」).
_JA_AFTER_TOPIC = _JA_WHEN + r"(?:[^、。「」]{0,8}(?:に対して|に対し|で|に)|また|さらに|続けて|あわせて)?"
_EN_TIME = r"(?:\s+(?:on|in|last|this|at|during|earlier|late)\b[^,\"“]*?(?=,|\s+that\b))?"
#: A time phrase after a final reporting verb ("…," she said on Monday, May 5.), at most this long:
#: every pattern that may try many places in a sentence does bounded work at each.
_EN_TAIL = r"(?:\s+(?:on|in|last|this)\s+[^\"“”]{1,80}?)?$"
#: After a final reporting verb: whom it was told, where and when ("… told the Echo on 6 June 2024.").
#: What may follow "…, X said": where and when, not a verb of its own ("…, the
#: costs Tey expects will eat …" is no report).
_EN_ANY_TAIL = (
    r"(?:[\s,]+(?!(?:will|would|should|must|can|could|may|might|is|are|was|were)\b)[^\"“”]{1,100}?)?$"
)


@attrs.frozen
class _Patterns:
    """The lexicon's markers compiled once per language (not once per sentence)."""

    ja_speaker: re.Pattern[str]
    ja_speaker_word: re.Pattern[str]  # the same, the speaker ending in no kana
    ja_name: re.Pattern[str]
    ja_topic: re.Pattern[str]  # 「一方、保護者会の会長はブログで…」: a name after 、 then は
    ja_say: re.Pattern[str]  # 「…とも述べています」 at the end
    ja_think: re.Pattern[str]  # 「…と考えています」 at the end
    ja_opinion: re.Pattern[str]  # 「…との見解を示しました」
    ja_request: re.Pattern[str]  # 「…よう求めました」
    ja_object: re.Pattern[str]  # 「…を発表しました」
    ja_mid: re.Pattern[str]  # 「…と述べ、…」 inside the sentence
    ja_hearsay: re.Pattern[str]  # 「…とのことでした」
    ja_any_quoted: re.Pattern[str]  # 「…」と + any verb phrase
    ja_any_clause: re.Pattern[str]  # …減ったと + any verb phrase
    ja_any_kango: re.Pattern[str]  # …あると答弁しています: と + a two-kanji する verb
    ja_supposition: re.Pattern[str]  # after an opener (もし、…ば、)
    ja_supposition_strong: re.Pattern[str]  # without one (…となれば、)
    en_phrase_lead: tuple[tuple[str, re.Pattern[str]], ...]
    en_phrase_tail: tuple[tuple[str, re.Pattern[str]], ...]
    en_quote_then_speaker: re.Pattern[str]
    en_apposition: re.Pattern[str]
    en_verb_rest: re.Pattern[str]
    en_not_supposition: re.Pattern[str]
    en_speaker_last: re.Pattern[str]
    en_verb_last: re.Pattern[str]
    en_judgment: tuple[tuple[str, re.Pattern[str]], ...]
    en_supposition_after: tuple[tuple[str, re.Pattern[str]], ...]


def _ja_stems(lex: Lexicon) -> str:
    """The forms of the verbs of saying inside a sentence: 述べ、 語り、 語って、"""
    stems = [e[1] for e in lex.say if len(e) > 1 and e[1]]
    return alternation(stems + [e[2] + "て" for e in lex.say if len(e) > 2 and e[2]])


def _ja_verbs(lex: Lexicon, verbs: tuple[tuple[str, ...], ...]) -> str:
    return alternation(ja_forms(verbs, lex.masu, lex.te))


def _ja_end(lex: Lexicon, lead: tuple[str, ...] | str, verbs: str, gap: bool = False) -> re.Pattern[str]:
    """``lead`` (と, との見解を …: words, or a regex), at most ``lex.gap``
    characters when ``gap``, a verb form, the end."""
    # the gap never starts with a case particle: 「…募ることを提案します」 has no quoting と
    between = rf"(?P<gap>(?![をのがにでへや])[^。「」『』と]{{0,{lex.gap}}}?)" if gap else "(?P<gap>)"
    particles = alternation(lex.final_particles)
    lead_re = lead if isinstance(lead, str) else alternation(lead)
    return re.compile(rf"(?<!こ)(?P<q>{lead_re}){between}(?P<v>{verbs})(?:{particles})?$")


@functools.cache
def _patterns(lang: str) -> _Patterns:
    lex = lexicon(lang)
    parts = "|".join(map(re.escape, lex.speaker_particles)) or "(?!)"
    parts_group = f"(?:{parts})"
    most = lex.speaker_max_length
    endings = "|".join(map(re.escape, (e for e, _ in lex.supposition_endings))) or "(?!)"
    strong = "|".join(map(re.escape, lex.supposition_strong)) or "(?!)"
    stems = "".join(lex.supposition_stem)
    stem_alt = f"|(?P<stem>[{re.escape(stems)}])ば" if stems else ""
    verbs = "|".join(re.escape(v) for v in sorted(lex.attribution_verbs, key=len, reverse=True)) or "(?!)"
    # a speaker: at most speaker_max_words words (the text has single spaces by now)
    words = max(lex.speaker_max_words - 1, 0)
    speaker = rf"\S+(?:\s\S+){{0,{words}}}?"
    speaker_no_comma = rf"[^,\"”\s]+(?:\s[^,\"”\s]+){{0,{words}}}?"
    return _Patterns(
        ja_speaker=re.compile(
            rf"(.{{1,{most}}}?)(?:(?:{parts}){_JA_AFTER_TOPIC}"
            rf"|(?:は|も)[^、。「」]{{1,10}}(?:開き|臨み|応じ|出席し|答え|受け))"
            rf"(?:[、,，]|(?=[「『]))"
        ),
        ja_speaker_word=re.compile(
            rf"(.{{0,{most - 1}}}?[^\u3040-\u309f、,，]){parts_group}{_JA_AFTER_TOPIC}(?:[、,，]|(?=[「『]))"
        ),
        ja_name=re.compile(
            rf"((?:[^\u3040-\u309f、。\s]|の|さん|くん|ちゃん|さま|たち){{1,{most}}}?)(?:{parts})"
        ),
        ja_topic=re.compile(
            rf"(?:^|(?<=[、,，]))((?:[^\u3040-\u309f、。,，\s「」『』]|の|さん|くん|ちゃん|さま|たち){{1,{most}}}?)(?:{parts})"
        ),
        ja_say=_ja_end(lex, lex.quote, _ja_verbs(lex, lex.say), gap=True),
        ja_think=_ja_end(lex, lex.quote, _ja_verbs(lex, lex.think), gap=True),
        # 「…との見解を示した」, and with an adjective before the noun: 「…と厳しい見通しを示した」
        ja_opinion=_ja_end(
            lex,
            # and after a clause: 「…負担するよう求める考えも示した」
            rf"(?:との|という|と[^。「」『』、と]{{1,6}}?[いな]|(?<=[るたい]))(?:{alternation(lex.opinion_nouns)})(?:を|も)",
            _ja_verbs(lex, lex.opinion_verbs),
        ),
        ja_request=_ja_end(lex, lex.request, _ja_verbs(lex, lex.ask), gap=True),
        ja_object=_ja_end(lex, ("を",), _ja_verbs(lex, lex.object_verbs)),
        ja_mid=re.compile(
            rf"(?P<q>{alternation(lex.quote)})(?P<gap>[^。「」『』と]{{0,{lex.gap}}}?)"
            rf"(?P<v>{_ja_stems(lex)})[、,，]"
        ),
        ja_hearsay=re.compile(rf"(?P<q>{alternation(lex.hearsay)})$"),
        ja_any_quoted=re.compile(
            rf"(?<=[」』])(?P<q>{alternation(lex.quote)})(?P<gap>[、,，]?[^。「」『』、,，]{{0,{lex.gap}}}?)"
            rf"(?P<v>[^。「」『』、]{{0,8}}(?:{alternation(lex.any_endings) or '(?!)'}))"
            rf"(?:{alternation(lex.final_particles)})?$"
        ),
        ja_any_clause=re.compile(
            rf"(?<=[{''.join(lex.any_after) or 'x'}])(?P<q>{alternation(lex.quote)})(?!ころ|き[、,，])(?P<gap>)"
            rf"(?P<v>[^。「」『』、はが]{{1,10}}?(?:{alternation(lex.any_endings) or '(?!)'}))"
            rf"(?:{alternation(lex.final_particles)})?$"
        ),
        ja_any_kango=re.compile(
            rf"(?<=[{''.join(lex.kango_after) or 'x'}])(?P<q>と)(?P<gap>)"
            rf"(?P<v>(?!{alternation(lex.kango_not_say) or '(?!)'})[\u4e00-\u9fff]{{2}}し[^。「」『』、はが]{{0,8}}?"
            rf"(?:{alternation(lex.any_endings) or '(?!)'}))"
            rf"(?:{alternation(lex.final_particles)})?$"
        ),
        ja_supposition=re.compile(rf"(?:(?P<end>{endings}){stem_alt})[、,，]"),
        ja_supposition_strong=re.compile(rf"(?:(?P<end>{strong}))[、,，]"),
        en_phrase_lead=tuple(
            (p, re.compile(rf"{re.escape(p)}\s+([^,]+),\s*(.+)", re.IGNORECASE))
            for p in lex.attribution_phrase
        ),
        en_phrase_tail=tuple(
            (p, re.compile(rf"(.+),\s+{re.escape(p)}\s+([^,]+)$", re.IGNORECASE))
            for p in lex.attribution_phrase
        ),
        # "'...,' X said (on July 10)." where X may hold commas
        en_quote_then_speaker=re.compile(
            rf"(?P<c>[\"“].+?[,.!?][\"”])\s+(?P<sp>{speaker})\s+(?P<v>{verbs})\b{_EN_ANY_TAIL}", re.IGNORECASE
        ),
        # "Name, who or what they are, said": the apposition, to leave out
        en_apposition=re.compile(
            rf"(?<=[A-Za-z.’'&])\s*,\s+(?!(?:and|but|or|as|if|when|which|that)\b)(?=[^,]*?\b(?-i:[a-z]))[^,\"“”]{{2,110}},"
            rf"(?=\s+(?:and\s+(?:his|her|their)\s+(?:colleagues|co-authors|team)\s+)?"
            rf"(?:[a-z]+ly\s+|also\s+|has\s+|have\s+|had\s+)?(?:{verbs})\b)",
            re.IGNORECASE,
        ),
        # "X said (on Monday) (that) ..."
        # "if anything", "if only" …: every idiom of `not_suppositions` in one pattern
        # (overlapping matches found by a lookahead)
        en_not_supposition=re.compile(
            rf"\b(?=(?:{'|'.join(map(re.escape, sorted(lex.not_suppositions, key=len, reverse=True))) or '(?!)'})\b)"
        ),
        # "X said (on Monday) (that) ...": a verb and what follows it, tried after each word
        en_verb_rest=re.compile(
            rf"\s+(?P<v>{verbs})\b{_EN_TIME}(?P<intro>,|\s+that\b|:)?\s*(?P<c>.+)",
            re.IGNORECASE,
        ),
        # "... , X said."
        en_speaker_last=re.compile(
            rf"(?P<c>.+?)(?<![,\"”])[,\"”]+\s+(?P<sp>{speaker_no_comma})\s+(?P<v>{verbs})\b{_EN_ANY_TAIL}",
            re.IGNORECASE,
        ),
        # "'...,' said X."
        # the speaker may be followed by who they are and by where and when, with
        # commas of their own: "…," said the council leader, Harriet Vance, at a
        # press conference on May 28, 2024.
        en_verb_last=re.compile(
            rf"(?P<c>.+?)(?<![,\"”])[,\"”]+\s+(?P<v>{verbs})\s+(?P<sp>[^,\s]+(?:\s[^,\s]+){{0,{words}}})"
            r"(?:,\s+(?P<app>[^\"“”,]{1,80}))?(?:,\s+[^\"“”]{1,120})?$",
            re.IGNORECASE,
        ),
        en_judgment=tuple((m, re.compile(rf"\b{re.escape(m)}\b")) for m in lex.judgment_anywhere),
        en_supposition_after=tuple(
            (o, re.compile(rf"(,\s+|\s+)({re.escape(o)})\s+(.+)$", re.IGNORECASE))
            for o in lex.supposition_open
        ),
    )


_EN_MODAL = re.compile(r"\b(would|could|might|will|may)\b", re.IGNORECASE)
_EN_MODAL_ALL = re.compile(r"\b(would|could|might|will|may|can|should|must|'d|'ll)\b", re.IGNORECASE)


def _strip_initial(
    body: str,
    markers: tuple[str, ...],
    lang: str,
    need_comma: tuple[str, ...] = (),
    *,
    shapes: tuple[re.Pattern[str], ...] = (),
    not_connectives: tuple[str, ...] = (),
) -> str | None:
    """The sentence-initial connective of ``markers`` that ``body`` starts with:
    followed by 、 or a comma, or (unless it is one of ``need_comma``) by a
    space in English or straight by the text in Japanese; else the words
    before the first comma when they have one of the ``shapes`` ("Put all of
    that together,", 「こうして見てくると、」)."""
    low = body.lower() if lang == "en" else body
    if any(low.startswith(n) and low[len(n) : len(n) + 1] in ("", " ", ",", "、") for n in not_connectives):
        return None
    for shape in shapes:
        found = shape.match(body)
        if found is not None and found.end() > 0:
            return found.group()
    for m in markers:
        if low.startswith(m):
            rest = body[len(m) :]
            if rest[:1] in ("、", ",", "，"):
                return m
            if m in need_comma:
                continue
            if lang == "en" and rest[:1] == " " and rest[1:2] not in (",", "-"):
                return m
            if lang == "ja" and rest[:1] and rest[:1] not in "、,，。":
                return m
    return None


def _after_marker(body: str, marker: str) -> str:
    return body[len(marker) :].lstrip("、,， \u3000")


def _drop_final(text: str, lex: Lexicon) -> str:
    for d in lex.drop_final:
        if text.endswith(d) and len(text) > len(d):
            return text[: -len(d)]
    return text


_HIRAGANA_END = re.compile("[\u3040-\u309f]$")
_KANJI_END = re.compile("[\u4e00-\u9fff]$")
#: A noun written in kana after の: 「県警のまとめ」「市のおしらせ」 (not a clause: no て, ば, ら …).
_KANA_NOUN = re.compile("の[\u3040-\u309f]{1,4}(?<![てでばらともはがにをたい])(?<!です)(?<!ます)$")
#: 「Xに相談すると、「…」と…」: the one consulted is the speaker.
_JA_ASKED = re.compile(
    r"(?:^|[、,，]|て)(?P<sp>(?:[^、。「」て]{0,12}の)?[^、。「」のて]{1,20}?)に(?:[^、。「」]{1,6}?で)?(?:相談|聞|尋ね|たずね|問い合わせ|取材|話を聞|意見を求め)"
    r"[^、。「」]{0,6}?(?:ると|たところ|たら|ても)[、,，]"
)


#: A subject right before a quotation or a comma, or an occasion and a comma:
#: 「山内あゆみ委員が「…」」, 「教育長が6月の定例会で、」 (not 「半分以上が赤字で、」).
_JA_SUBJECT = re.compile(
    r"([^、。「」『』]{1,20}?)(?:が|は)(?=[「『、,，]|[^、。「」『』]{0,8}の[^、。「」『』]{1,8}(?:で|に)[、,，])"
)
#: Words that join a sentence to the one before, not part of a speaker's name.
_JA_OPENER = re.compile(r"^(?:これに対して|これに対し|それに対して|それに対し|一方で|一方|また|さらに|ただ)")


def _ja_speaker(content: str, lex: Lexicon) -> tuple[str | None, str]:
    pats = _patterns(lex.lang)
    m = pats.ja_speaker.match(content)
    if (
        m is not None
        and _HIRAGANA_END.search(m.group(1))
        and not _KANA_NOUN.search(m.group(1))
        and not m.group(1).endswith(("で", "に"))  # 「調査では、」: the survey, read below
    ):
        # 「日本こども運動学会は…」 is not 「日本こど」 + も: the speaker ends where a word can
        later = pats.ja_speaker_word.match(content)
        m = later if later is not None else m
    if m is None:
        # 「政府は来年度から…と発表しました」: a name (kanji, katakana, Latin,
        # joined by の) right at the start, then the particle; not 「東京では雨が」
        m = pats.ja_name.match(content)
    if m is None:
        # 「一方、保護者会の会長はブログで…」: a name after a 、 near the start
        m = pats.ja_topic.search(content, 0, min(len(content), lex.speaker_max_length + 20))
    if m is None:
        return None, content
    speaker = re.split(r"[、,，]", m.group(1))[-1].strip()
    if not speaker:
        return None, content
    if (
        speaker.endswith("で")
        and content[m.end(1) : m.end(1) + 1] in ("は", "も")
        and not _JA_RESEARCH.search(speaker)
    ):
        # 「質疑では、山内委員が「…」と…」: the scene, then the one who speaks in it
        rest = content[m.end() :].lstrip()
        inner = _JA_SUBJECT.match(rest)
        if inner is not None and not _HIRAGANA_END.search(inner.group(1)):
            return inner.group(1), rest[inner.end() :].lstrip("、,， ")
    speaker = _JA_OPENER.sub("", speaker) or speaker  # 「これに対して部長は」: the head of department
    if (
        speaker.endswith(("で", "に"))
        and len(speaker) > 1
        and (not _HIRAGANA_END.search(speaker[:-1]) or _KANA_NOUN.search(speaker[:-1]))
    ):
        speaker = speaker[:-1]  # 「アンケートでは、…」: in the survey, the survey's words
    if (
        _HIRAGANA_END.search(speaker)
        and not speaker.endswith(lex.speaker_kana_suffixes)
        and not _KANA_NOUN.search(speaker)
    ):
        return None, content  # 「減便と言っても、…」: a clause, not someone
    return speaker, content[m.end() :].strip()


#: Saying something in order to do something else: 「と言って…向かわせる」 (not 「と言っていた」).
_JA_SAY_THEN_ACT = re.compile(r"(?:言|い|話|述べ|告げ)っ?て(?![いおるま])")
#: A saying, not a statement: 「昔から「…」などと申します」「よく「…」と言う」.
_JA_SAYING = re.compile(r"昔から|よく言|俗に|の間では")
#: 「…とする要望書を市に出した」: a document handed in that says what precedes it.
_JA_SUBMITTED = re.compile(
    r"(?:との|という|とする)(?:要望書|意見書|声明文?|提言書?|要望|意見|申し入れ|請願書?|陳情書?)を"
    r"[^。「」]{0,8}?(?:出し|提出し|送っ|手渡し|渡し|届け)(?:た|ました|ています|ている|ていた)$"
)
#: 「アンケートで「…」と答えた人は、…6割にのぼった」: a survey's answers and their share.
_JA_SURVEY_ANSWERED = re.compile(
    r"(?:^|[、,，])(?:同じ|この|その)?(?P<sp>[^、。「」]{0,30}?(?:アンケート|調査|世論調査))(?:で|では)[、,，]?"
    r"(?P<c>「[^」]+」と(?:答え|回答し)た[^。]{1,40}?(?:にのぼ|に達し|を占め|にとどま|だっ|でし|という|割|%|％)[^。]*)$"
)
#: 「Xに、…と書かれている」: what a document says.
_JA_WRITTEN_IN = re.compile(
    r"^(?P<sp>[^。]{1,40}?)に(?:は)?[、,，](?P<c>.+)と(?:書かれて|記されて|書いて|明記されて)(?:いる|います|いた|いました|ある|あります)$"
)
#: 「Xから「…」という申し出をいただきました」: words received from X.
_JA_RECEIVED = re.compile(
    r"(?:^|[、,，])(?P<sp>[^、。「」]{1,20}?)から(?:(?P<c>[「『][^」』]+[」』])(?:という|との)[^。「」]{0,16}?を"
    r"(?:いただ|頂|受け|もら|賜)"
    r"|[、,，](?P<c2>[^。]{4,}?)[、,，]?(?:という|との)(?:連絡|知らせ|説明|回答|返事|通知)が(?:あ|届))"
)
#: A survey or a document, whose own words a 「Xでは、」 gives: 「アンケートでは、」「報告書では、」.
_JA_RESEARCH = re.compile(r"(?:アンケート|調査|報告書|報告|まとめ|統計|試算|白書|資料|データ|想定|計画)で$")


def _ja_clause_subject(sentence: str, speaker: str) -> bool:
    """Whether ``speaker`` is only the subject of a clause: 「Xが」 and no comma
    or quotation after it (「運転手が足りず、…」), not 「Xは、」「Xが「…」」."""
    at = sentence.find(speaker + "が")
    after = sentence[at + len(speaker) + 1 : at + len(speaker) + 2] if at >= 0 else ""
    return at >= 0 and after not in ("", "、", ",", "，", "「", "『")


#: Speakers that point at what the sentence before named: 「それによると」「これによれば」.
_JA_POINTING = frozenset(("それ", "これ", "そちら", "こちら"))
#: The subject of a Japanese sentence: the phrase before its first が or は, after any 、.
_JA_SUBJECT_OF = re.compile(r"(?:^|[、,，])([^、。「」『』]{2,24}?)(?:が|は)")


def _ja_subject(sentence: str) -> str | None:
    """The subject a plain Japanese sentence names (「先月、市の防災アンケートの
    結果がまとまりました」: 市の防災アンケートの結果), for a 「それによると」 after it."""
    m = _JA_SUBJECT_OF.search(sentence, 0, min(len(sentence), 60))
    if m is None or _HIRAGANA_END.search(m.group(1)):
        return None
    return m.group(1)


def _is_author(speaker: str | None, lex: Lexicon) -> bool:
    return speaker is not None and any(speaker.startswith(a) for a in lex.speaker_author)


#: What may stand right before a quoting と: a clause's kana ending, a closing quotation, ?!…
_CLAUSE_END = re.compile(r"[\u3040-\u309f」』”\"’？！?!…ー]$")


def _last_quotation(content: str) -> str:
    """What was said, when ``content`` ends in a quotation after other words: the
    quotation (「自身のSNSに「…」と投稿」, 「守る会は16日、「…」とする要望書」)."""
    opener = max(content.rfind("「"), content.rfind("『"))
    if content.endswith(("」", "』")) and opener > 0:
        return content[opener:]
    return content


def _ja_reported(core: str, lex: Lexicon) -> tuple[str, str | None, str, bool] | None:
    """(content, speaker, marker, judging) when ``core`` reports what someone said
    (or, ``judging``, thought) by the structure of its end; None otherwise."""
    pats = _patterns(lex.lang)
    window = max(0, len(core) - lex.gap - 40)  # the end is all that is read: bounded work
    for pattern, judging in (
        (pats.ja_say, False),
        (pats.ja_think, True),
        (pats.ja_opinion, False),
        (pats.ja_request, False),
        (pats.ja_object, False),
    ):
        m = pattern.search(core, window)
        if m is None:
            continue
        before, gap = core[: m.start()], m.group("gap")
        if not before.strip("、 "):
            continue
        if (
            pattern is not pats.ja_object
            and pattern is not pats.ja_opinion
            and not _CLAUSE_END.search(before)
        ):
            # a noun before と: only right before a verb that cannot mean "with"
            verb_dict = next((e[0] for e in lex.say + lex.think if m.group("v").startswith(e[1] or "\0")), "")
            if gap or verb_dict in lex.companion or pattern is pats.ja_request:
                continue
        speaker, content = _ja_speaker(before, lex)
        if speaker is None:
            asked = _JA_ASKED.search(before, 0, min(len(before), 80))
            if asked is not None:  # 「おかみさんに聞いてみると、「…」と話してくれました」
                speaker, content = asked.group("sp"), before[asked.end() :]
        # 「…と、同校の新聞部がウェブサイトで紹介しています」: the speaker in the gap, then where
        in_gap = (
            re.match(r"^(?:[、,，])?(.+?)(?:は|が|も)(?:[^、。]{1,10}?で)?[、,，]?$", gap) if gap else None
        )
        if in_gap and not re.search(
            r"[\u3040-\u309f]$", in_gap.group(1).replace("さん", "").replace("の", "x")
        ):
            speaker, content = in_gap.group(1).split("、")[-1], before
        if pattern is pats.ja_object and speaker is None:
            continue
        content = _last_quotation(content.strip("、 "))
        marker = m.group()
        return content.strip("、 "), speaker, marker, judging
    return None


def _ja_any_verb(core: str, lex: Lexicon) -> tuple[str, str, str] | None:
    """(content, speaker, marker) for a quotation or a finished clause, と and
    any verb phrase that reports (「…」と語気を強めた), with a speaker named."""
    pats = _patterns(lex.lang)
    window = max(0, len(core) - lex.gap - 40)
    for pattern in (pats.ja_any_quoted, pats.ja_any_clause, pats.ja_any_kango):
        m = pattern.search(core, window)
        if m is None:
            continue
        tail = m.group("gap") + m.group("v")
        if any(w in tail for w in lex.not_say) or tail.startswith(lex.not_say_start):
            continue
        if _JA_SAY_THEN_ACT.match(tail):
            continue  # 「「…」と言って高齢者をＡＴＭへ向かわせる」: what was said, then another act
        before = core[: m.start()]
        speaker, content = _ja_speaker(before, lex)
        in_gap = re.match(r"^(?:[、,，])?(.+?)(?:は|が|も)[、,，]?", m.group("gap"))
        if speaker is None and in_gap and not _HIRAGANA_END.search(in_gap.group(1)):
            speaker, content = in_gap.group(1), before  # 「『…』と田中氏は漏らした」
        asked = _JA_ASKED.search(before, 0, min(len(before), 80))
        if asked is not None and (speaker is None or speaker in before[: asked.start("sp")]):
            speaker, content = asked.group("sp"), before[asked.end() :]  # 「Xに相談すると、「…」と…」
        if speaker is None or _is_author(speaker, lex):
            continue
        content = _last_quotation(content.strip("、 "))
        if content:
            return content, speaker, m.group()
    return None


#: 〜そうだ of appearance, after a verb's or an adjective's stem (かかりそうだ,
#: 増えそうです, なさそうだ), not of hearsay (増えるそうです, 高いそうだ).
_JA_APPEARANCE = re.compile(
    r"(?<=[きしちにひみりぎじびぴえけせてねへめれげぜでべぺさ\u4e00-\u9fff])(?P<m>そう(?:だ|です|だろう|でしょう|に思える|に思えます))$"
)
#: A document named as what holds a view: 「被害想定では、」「報告書によると、」.
_JA_DOCUMENT = re.compile(r"(?:では|でも|によると|によれば|の中で)[、,，]")
#: 「Xによると、…」 opening a sentence that ends in a verb of answering: X is the source.
_JA_SOURCE_FIRST = re.compile(
    r"^(?P<sp>[^。「」]{1,30}?)(?P<m>によると|によれば)[、,，](?P<c>.+と(?:答え|回答し)(?:た|ています|ました))$"
)


def _ja_mid_or_hearsay(core: str, lex: Lexicon) -> tuple[str, str | None, str] | None:
    """(content, speaker, marker) for 「Xは…と述べ、…」 or 「Xによると…とのことです」-style hearsay with a speaker."""
    pats = _patterns(lex.lang)
    if len(core) <= 400:  # a sentence of normal length: the search is bounded
        m = pats.ja_mid.search(core)
        if m is not None and _CLAUSE_END.search(core[: m.start()]):
            speaker, content = _ja_speaker(core[: m.start()], lex)
            if speaker and not _is_author(speaker, lex):
                return content.strip("、 "), speaker, m.group().rstrip("、,，")
    m = pats.ja_hearsay.search(core, max(0, len(core) - 12))
    if m is not None and m.group().startswith("とされ") and not _JA_DOCUMENT.search(core, 0, m.start()):
        m = None  # 「地震が起きた場合、…とされています」: what is held, by no one named
    if m is not None and m.group().startswith("そう") and _JA_APPEARANCE.search(core):
        m = None  # 「ではなさそうです」: how things look, nobody's words
    if m is not None:
        said = core[: m.start()]
        opening = said.find("「")
        if opening > 0 and said.rstrip("、 ").endswith("」"):
            # 「担当の方に電話で聞いてみたら、「…」とのことでした」: the speaker stands
            # before the quotation, never inside it
            head = said[:opening]
            asked = _JA_ASKED.search(head)
            speaker = asked.group("sp") if asked is not None else _ja_speaker(head, lex)[0]
            if speaker and not _is_author(speaker, lex):
                return said[opening:].strip("、 "), speaker, m.group()
        speaker, content = _ja_speaker(said, lex)
        if speaker and not _is_author(speaker, lex):
            return content.strip("、 "), speaker, m.group()
        if speaker is None and m.group().startswith(("という", "とのこと", "そう")) and content.strip("、 "):
            return content.strip("、 "), None, m.group()  # no source named: the one before, if any (below)
    return None


def _ja_supposition(text: str, lex: Lexicon, judged: bool = False) -> tuple[str, str, str, str] | None:
    """(hypothesis, marker, consequent, opener) for a supposition clause, or None.
    Without an opener only the strong endings count, unless the sentence is a
    judgment (``judged``: 「決めれば、…増えるのではないでしょうか」)."""
    opener = next((o for o in lex.supposition_open if text.startswith(o)), None)
    body = text[len(opener) :].lstrip("、,， ") if opener else text
    pats = _patterns(lex.lang)
    m = (pats.ja_supposition if opener or judged else pats.ja_supposition_strong).search(body)
    if m is None:
        return None
    if m.group("end"):
        ending = m.group("end")
        replacement = dict(lex.supposition_endings).get(ending, "")
        hyp = body[: m.start()] + replacement
    else:
        ending = body[max(0, m.start() - 1) : m.start() + 1] + "ば"  # すれば, not just れば
        hyp = body[: m.start()] + lex.supposition_stem[m.group("stem")]
    if not hyp.strip():
        return None
    marker = f"{opener}…{ending}" if opener else f"…{ending}"
    return hyp.strip(), marker, body[m.end() :].strip(), opener or ""


def _read_ja(sentence: str, lex: Lexicon) -> _Reading | None:
    date = leading_date(sentence)
    body = (sentence[date.end :] if date else sentence).strip().lstrip("、,， ")
    core = _strip_inline_source(body)
    source_first = _JA_SOURCE_FIRST.match(core)
    if source_first is not None:  # 「…の実態調査によると、…と答えた」: the survey is the source
        speaker_first = source_first.group("sp").split("、")[-1]
        return _Reading(
            "evidence", source_first.group("c").strip("、 "), source_first.group("m"), speaker_first, date
        )
    for m in lex.attribution_final:
        if core.endswith(m) and not (m.startswith("と") and _KANJI_END.search(core, 0, len(core) - len(m))):
            # (「肩を落とした」 ends in 「とした」 but reports with 落とす, not with と)
            speaker, content = _ja_speaker(_drop_final(core[: -len(m)], lex), lex)
            return _Reading("evidence", content.strip("、 "), m, speaker, date)
    for m in lex.attribution_phrase:
        i = core.find(m, 0, lex.speaker_max_length + len(m))
        if 0 < i <= lex.speaker_max_length:
            speaker = re.split(r"[、,，]", core[:i])[-1].strip() or None
            content = _after_marker(core[i:], m)
            inner = _patterns(lex.lang).ja_hearsay.search(content, max(0, len(content) - 12))
            if inner is not None and inner.start() > 0:
                content = content[: inner.start()]
            return _Reading("evidence", content, m, speaker, date)
    written = _JA_WRITTEN_IN.match(core)
    if written is not None:  # 「「学校ビオトープの手引き」に、…と書かれている」: the document's words
        return _Reading(
            "evidence",
            written.group("c").strip("、 "),
            "と書かれている",
            written.group("sp").split("、")[-1],
            date,
        )
    received = _JA_RECEIVED.search(core)
    if received is not None:  # 「小池会長から「…」というお申し出をいただきました」
        said = (received.group("c") or received.group("c2") or "").strip("「」『』、 ")
        return _Reading("evidence", said, "から…", received.group("sp").split("、")[-1], date)
    reported = _ja_reported(core, lex)
    submitted = _JA_SUBMITTED.search(core) if reported is None else None
    if submitted is not None:  # 「守る会は16日、「…」とする要望書を市に出した」
        who, said = _ja_speaker(core[: submitted.start()], lex)
        if who is not None:
            return _Reading(
                "evidence", _last_quotation(said.strip("、 ")), submitted.group().strip(), who, date
            )
    answered = _JA_SURVEY_ANSWERED.search(core) if reported is None else None
    if answered is not None:  # 「同じアンケートで「…」と答えた人は、全体の6割にのぼった」
        return _Reading("evidence", answered.group("c"), "と答えた", answered.group("sp"), date)
    if reported is not None and _JA_SAYING.search(
        core[: max(0, core.find(reported[0]))] if reported[0] in core else core
    ):
        reported = None  # 「学芸員の間では、昔から「…」などと申します」: a saying, nobody's statement
    judged: tuple[str, str] | None = None  # (what is judged, the marker): the author's own 「…と考えます」
    if reported is not None:
        content, speaker, marker, judging = reported
        led = any(
            _strip_initial(body, markers, "ja", lex.need_comma, shapes=shapes)
            for markers, shapes in ((lex.summary, lex.summary_shapes), (lex.sequel, lex.sequel_shapes))
        )
        supposed = any(core.startswith(o) for o in lex.supposition_open)
        named_topic = speaker is not None and any(speaker + p in core for p in ("は", "が"))
        if judging and (supposed or not named_topic):
            speaker = None  # 「もし全クラスが…なら、…と思います」「市にも、…と思います」: the author's
        if not judging or (speaker is not None and not _is_author(speaker, lex) and not led):
            return _Reading("evidence", content, marker, speaker, date)
        judged = (content, marker)
    else:
        led = any(
            _strip_initial(body, markers, "ja", lex.need_comma, shapes=shapes)
            for markers, shapes in ((lex.summary, lex.summary_shapes), (lex.sequel, lex.sequel_shapes))
        )
        # 「つまり、…ということです」: a restatement of the author's, no hearsay
        mid = _ja_mid_or_hearsay(core, lex) if not led else None
        if mid is None and not led and not any(core.endswith(f) for f in lex.judgment_final):
            mid = _ja_any_verb(core, lex)
        if mid is not None:
            return _Reading("evidence", mid[0], mid[2], mid[1], date)
    initial = _strip_initial(body, lex.summary, "ja", lex.need_comma, shapes=lex.summary_shapes)
    link = "summary"
    if initial is None:
        initial, link = (
            _strip_initial(body, lex.sequel, "ja", lex.need_comma, shapes=lex.sequel_shapes),
            "sequel",
        )
    if initial is None:
        initial, link = _strip_initial(body, lex.continuation, "ja", lex.need_comma), "continuation"
        if initial is None:
            link = "plain"
    rest = _after_marker(core, initial) if initial else core
    final = next((m for m in lex.judgment_final if rest.endswith(m)), None)
    look = _JA_APPEARANCE.search(rest) if final is None else None
    if look is not None:  # 「まだ時間がかかりそうだ」: how things look to the author
        final = look.group("m")
        rest = rest[: look.start("m")] + "そう"  # 「時間がかかりそう」, not a bare stem
    elif final:
        rest = _drop_final(rest[: -len(final)], lex)
    elif judged is not None:
        final = judged[1]
        rest = (
            _ja_speaker(rest[: len(rest) - len(final)], lex)[1]
            if _is_author(_ja_speaker(rest[: len(rest) - len(final)], lex)[0], lex)
            else rest[: len(rest) - len(final)]
        )
        rest = _drop_final(rest.strip("、 "), lex)
    sup = _ja_supposition(rest, lex, final is not None)
    if final is None and sup is None and link not in ("summary", "sequel"):
        return None
    parts = []
    if initial:
        parts.append(initial + "、")
    if sup:
        parts.append(sup[1] + "、")
        rest = sup[2]
    if final:
        parts.append(final)
    marker = "…".join(parts)
    reading = _Reading("conclusion", rest.strip("、 "), marker, date=date, link=link)
    if sup:
        reading.hypothesis, reading.hypothesis_marker = sup[0], sup[1]
    return reading


_EN_LEADING_DATE = re.compile(r"(?:on|as of|by)?\s*", re.IGNORECASE)


def _en_strip_date(sentence: str) -> tuple[DateMatch | None, str]:
    m = _EN_LEADING_DATE.match(sentence)
    at = m.end() if m else 0
    found = find_dates(sentence, at, min(len(sentence), at + 40))
    if found and found[0].start == at:
        rest = sentence[found[0].end :].lstrip(" ,:—–-")
        return found[0], rest
    return None, sentence


def _words(s: str) -> int:
    return len(s.split())


#: Words that show the phrase before a verb is a clause, not a speaker
#: ("Prices rose after the company announced cuts").
_EN_CLAUSE = re.compile(
    r"\b(?:after|before|when|while|because|since|although|though|if|unless|that|which|where|what|until|once)\b",
    re.IGNORECASE,
)
#: Auxiliaries and adverbs between a speaker and the verb ("the ministry has also said").
_EN_AUX = re.compile(
    r"(?:\s+(?:has|have|had|also|later|previously|repeatedly|again|publicly|reportedly|now|still|already|long|"
    r"recently|consistently|often|once|first|since|always|privately|openly|duly|then))+\s*\Z",
    re.I,
)


#: Words that start a clause inside an "according to" phrase with no comma:
#: "According to the weather service the floods will …".
_EN_SUBJECT = frozenset(
    [
        "it",
        "it'll",
        "it's",
        "there",
        "we",
        "they",
        "he",
        "she",
        "i",
        "you",
        "this",
        "these",
        "will",
        "would",
        "is",
        "are",
        "was",
        "were",
        "has",
        "have",
        "could",
        "should",
        "may",
        "might",
        "must",
        "can",
    ]
)
_EN_DETERMINER = frozenset(["the", "a", "an", "our", "this", "these", "their", "its", "his", "her"])
_EN_PREPOSITION = frozenset(["of", "by", "from", "at", "in", "for", "on", "to", "with"])
_EN_FOLLOWING_VERB = frozenset(
    [
        "should",
        "will",
        "would",
        "must",
        "can",
        "could",
        "may",
        "might",
        "are",
        "were",
        "is",
        "was",
        "have",
        "has",
        "do",
        "did",
    ]
)
#: Reporting verbs that need no "that", colon or quotation before what was said ("X said the plan …").
_EN_BARE = frozenset(("say", "says", "said", "tell", "tells", "told"))


def _passive_by(low: list[str], k: int, lex: Lexicon) -> bool:
    """Whether the "by" at ``low[k]`` makes a passive ("were told by"): after
    a participle that follows a form of "be" (or opens the phrase); after a
    noun ("a study by") or a noun and its participle ("a count commissioned
    by") it names who made it."""
    before = low[k - 1]
    if before in lex.speaker_not_in:
        return True
    if not before.endswith(("ed", "en")):
        return False
    return k < 2 or low[k - 2] in lex.speaker_not_in


#: The author and the reader, who are never a statement's speaker.
_EN_FIRST_PERSON = frozenset(
    (
        "i",
        "i'd",
        "i'll",
        "i've",
        "i'm",
        "we",
        "we'd",
        "we'll",
        "we've",
        "we're",
        "you",
        "you'd",
        "i’d",
        "we’d",
    )
)
#: A time before the subject, without a comma: "By Sunday evening Northern Grid had …".
_EN_TIME_LEAD = re.compile(
    r"^(?:by|on|at|in|during|late on|early on)\s+(?:(?:the|this|that|last|next|early|late)\s+)?"
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|morning|evening|afternoon|night|weekend)"
    r"(?:\s+(?:morning|evening|afternoon|night))?\s+(?=[A-Z])",
    re.IGNORECASE,
)
#: A name of two to four capitalised words ("Tom Reilly", "Dr. Anna Kim").
_EN_NAME_ONLY = re.compile(r"(?:[A-Z][\w.’'-]*\s){1,3}[A-Z][\w’'-]+")


def _en_speaker(raw: str, lex: Lexicon) -> str | None:
    """The speaker in ``raw`` (the words before or after a reporting verb), or
    None when they cannot name one: "It's to be", "Some have", "However these
    are clearly", "which would be …" are no speakers. Of a phrase with
    commas, the last part that names one ("Two years ago, the youth council",
    "The county's chief engineer, Ruth Abara")."""
    parts = [p.strip() for p in raw.split(",") if p.strip()]
    found: list[tuple[bool, str]] = []
    for nearest, part in enumerate(reversed(parts)):
        cleaned = _EN_TIME_LEAD.sub("", _EN_AUX.sub("", " " + part).strip(" ,"))
        cleaned = re.sub(r"^(?:and|but|while|whereas)\s+(?=[A-Z])", "", cleaned)  # "…, and Tom told"
        words = cleaned.split()
        if not words:
            continue
        low = [w.lower().strip("'’\".") for w in words]
        if nearest == 0 and low[0] in lex.speaker_openers and not raw.rstrip().endswith(","):
            return None  # "Retail, as they say, is …": the verb is the clause's own
        if nearest == 0 and len(low) == 1 and low[0] in _EN_FIRST_PERSON:
            return None  # "Fair enough, but I'd say that …": the author's own view
        if nearest > 0 and low[0].endswith("ing") and words[0][:1].isupper():
            continue  # "Announcing the scheme, council leader Rhys Penberthy said": an adverbial
        # "by" after a noun is who made it ("a study by researchers at …"),
        # after a participle a passive ("was told by"): only the first names a speaker
        refused = [
            w
            for k, w in enumerate(low)
            if w in lex.speaker_not_in and not (w == "by" and k > 0 and not _passive_by(low, k, lex))
        ]
        if refused or low[0] in lex.speaker_openers:
            continue
        if len(words) == 1 and low[0] in lex.speaker_anaphora:
            found.append((False, cleaned))
            continue
        content = [w for w, lw in zip(words, low, strict=True) if lw not in lex.speaker_function]
        if not content or all(w.lower() in lex.speaker_generic for w in content):
            continue
        named = any(
            w[:1].isupper() and w.lower().strip(".,") not in lex.speaker_generic | lex.speaker_not_names
            for w in content
        )
        noun = any(w.lower().removesuffix("'s").removesuffix("’s") in lex.speaker_nouns for w in content)
        if named or noun:
            # a part that opens with a name ("Dr. Anna Kim") before one that describes
            found.append((words[0][:1].isupper() and low[0] not in lex.speaker_function, cleaned))
    if not found:
        return None
    # a name of capitalised words only ("Tom Reilly, Dashly's head of UK operations")
    name = next((c for starts, c in found if starts and _EN_NAME_ONLY.fullmatch(c)), None)
    return name or next((c for starts, c in found if starts), found[0][1])


#: A quotation ending the sentence after a comma, and the words that open a
#: description of the speaker before it ("who has run the bakery for twenty years").
_EN_QUOTED_AFTER = re.compile(r",\s*[\"“]([^\"“”]+)[\"”]?\s*[.!?]?\s*$")
_EN_APPOSITIVE = frozenset(("who", "whose", "which", "a", "an", "the", "our", "my", "now", "then"))


def _en_according(phrase: str, rest: str) -> tuple[str, str]:
    """Split "the weather service the floods will be high" into the speaker and what was said."""
    words = phrase.split()
    for k in range(1, len(words)):
        w = words[k].lower()
        if w in _EN_SUBJECT or (
            k >= 2 and w in _EN_DETERMINER and words[k - 1].lower() not in _EN_PREPOSITION
        ):
            said = " ".join(words[k:]) + (", " + rest if rest else "")
            return " ".join(words[:k]), said
    return phrase, rest


#: A sentence-initial adverbial before the subject, to its comma ("In a paper
#: published on 14 May 2024, …", "Speaking at the meeting, …") or a conjunction ("Yet …").
_EN_LEAD = re.compile(
    r"^(?:(?:in|on|at|during|after|before|when|while|whilst|once|asked|interviewed|in an?|through|via|[a-z]+ing)"
    r"\b[^,\"“”]{1,80},\s+|(?:yet|but|and|meanwhile|still|now)\s+)(?=\S)",
    re.IGNORECASE,
)
#: A non-restrictive clause or an apposition between commas right after a
#: name: ", who chairs the association,", ", whose advice the council follows,".
_EN_RELATIVE = re.compile(r"(?<=[A-Za-z.’'])\s*,\s+(?:who|whose|which)\b[^,\"“”]{1,100},")
#: Reporting said in a periphrasis: "was quoted as saying", "is reported to have said".
_EN_PERIPHRASIS = re.compile(
    r"\s+(?:was|were|is|are|has been|have been)\s+(?:quoted|reported|heard|understood|recorded|said)\s+"
    r"(?:as saying|to have said|to say|as telling \S+)\b",
    re.IGNORECASE,
)
#: "'…,' was his summing-up", "'…' is her verdict": a quotation, a copula, a possessive and one word.
_EN_POSSESSIVE_NOUN = re.compile(
    r"^(?P<c>[\"“][^\"“”]+[\"”]),?\s+(?:was|is|were|came)\s+(?P<p>his|her|their)\s+(?P<v>[\w-]+)\W*$",
    re.IGNORECASE,
)
_EN_PRONOUN = {"his": "he", "her": "she", "their": "they"}
#: "…, saying that …": a participle of saying after the subject's own verb.
_EN_SAYING = re.compile(
    r"^(?P<sp>[^,\"“”]{1,60}?)\s+(?P<v0>[a-z]+ed)\b[^\"“”]{0,160}?,\s+"
    r"(?P<v>saying|adding|arguing|warning|noting|insisting|explaining|claiming|stating|stressing|posting|writing"
    r"|announcing|reporting|confirming)\s+(?:[^\"“”,]{0,40}?\s+)?(?:that\s+)?(?P<c>.+)$"
)
#: "'…,' is how she put it (to me yesterday)."
_EN_HOW = re.compile(
    r"^(?P<c>[\"“].+?[\"”]),?\s+(?:is|was)\s+how\s+(?P<sp>\S+(?:\s\S+){0,5}?)\s+"
    r"(?P<v>put it|described it|summed it up|said it|saw it|explained it|phrased it)\b"
)
#: "…, Dale Fuels in Kirkby, who quoted me 64.9p …": a name, then a relative clause that reports.
_EN_WHO_SAID = re.compile(
    r"(?:^|\s)(?P<sp>(?:[A-Z][\w&’'-]*\s?){1,5}(?:(?:in|of|at)\s(?:[A-Z][\w’'-]*\s?){1,3})?),\s+who\s+"
    r"(?P<v>told|said|quoted|warned|assured|informed|wrote)\s+(?:me|us|him|her|them)?\s*(?:that\s+)?(?P<c>.{8,})$"
)
#: '"…," as he put it, "…"': a quotation split by who said it.
_EN_AS_PUT = re.compile(
    r"^(?P<c1>[\"“][^\"“”]+[\"”]),?\s+as\s+(?P<sp>\S+(?:\s\S+){0,5}?)\s+(?P<v>put it|puts it|said|says|wrote|writes)"
    r"\s*,\s*(?P<c2>[\"“][^\"“”]+[\"”])\W*$"
)
#: "X was blunt (when …): '…'": a subject, a verb, a colon and a quotation ending the sentence.
_EN_COLON_QUOTE = re.compile(
    r"^(?P<sp>[^:\"“”]{1,80}?)\s+(?P<v>was|were|is|are|had|has|gave|put it|summed it up)\b[^:\"“”]{0,120}:\s*"
    r"(?P<c>[\"“][^\"“”]+[\"”])\W*$"
)


#: "… and reported (on 10 June 2025) that …": a reporting verb after "and", then "that".
_EN_AND_THAT = re.compile(r"\s+and\s+(?P<v>[a-z]+)\b(?P<time>[^\"“”]{0,60}?)\s+that\s+(?P<c>.+)$")
#: "… and said the money would …": "said" or "told" needs no "that".
_EN_AND_SAID = re.compile(r"\s+and\s+(?P<v>said|says|told)\b(?P<time>)\s+(?P<c>.+)$")
#: A verb in the past or the -s form: where a subject ends ("A team led by X tracked").
_EN_FINITE = re.compile(r"\s(?P<w>[a-z]+(?:ed|s))\b")
#: A past form inside a phrase that is not a participle before "by" ("led by" stays in a subject).
_EN_PAST_IN = re.compile(r"\s[a-z]+ed\b(?!\s+by\b)")


#: A short aside in brackets before the verb: "The housing report (Housing need in the old town) found …".
_EN_PARENTHETICAL = re.compile(r"\s*\([^()\"“”]{1,80}\)(?=\s+[a-z])")
#: Where a second clause with a subject of its own starts: ", and", ", but", ";".
_EN_NEW_CLAUSE = re.compile(r",\s+(?:and|but|while|whereas)\s+|;\s+")


def _en_coordinated(core: str, lex: Lexicon) -> tuple[str, str | None, str] | None:
    """(content, speaker, marker) for "X <verb>ed … and <reported> (DATE) that …":
    the subject of the first verb is the speaker (the longest phrase before a
    verb that names one: "A team led by Dr Sam Keane at Northfield University")."""
    m = _EN_AND_THAT.search(core, max(0, len(core) - 400)) or _EN_AND_SAID.search(
        core, max(0, len(core) - 400)
    )
    if m is None or m.group("v") not in lex.attribution_verbs or "," in m.group("time"):
        return None
    head = core[: m.start()]
    best = None
    for f in _EN_FINITE.finditer(head, 0, min(len(head), 160)):
        subject = head[: f.start()]
        if _words(subject) > lex.speaker_max_words + 2 or _EN_PAST_IN.search(subject):
            break  # the subject holds a verb of its own ("… University tracked 48 …"): it ended before
        if _en_speaker(subject, lex) is not None and not _EN_CLAUSE.search(subject):
            best = subject
    if best is None:
        return None
    return m.group("c").strip(), _en_speaker(best, lex), m.group("v")


def _en_attribution(body: str, lex: Lexicon, split: bool = True) -> tuple[str, str | None, str] | None:
    """(content, speaker, marker) for an attributed English statement, or None:
    by the patterns of :func:`_en_attribution_core`, then by structure — the
    same with a sentence-initial adverbial or a non-restrictive clause after
    the speaker's name left out, "…, saying that …", "'…,' is how she put it",
    "X was blunt: '…'"."""
    named_last = _EN_NAMED_LAST.match(_strip_inline_source(body))
    if named_last is not None and _words(named_last.group("c")) >= 4:
        # "…, the carnival's chairman, Keith Marr, told the Western Post."
        return (
            named_last.group("c").strip().strip('"“”,. '),
            named_last.group("name").strip(),
            named_last.group("v"),
        )
    found = _en_attribution_core(body, lex)
    lead = _EN_LEAD.match(found[0] + ", x") if found is not None else None
    if found is not None and (lead is None or lead.end() < len(found[0])):
        return found  # (not when what was "said" is only the opening adverbial: "In a report published on …")
    core = _strip_inline_source(body)
    if any(core.lower().startswith(n) for n in lex.not_reports):
        return None
    said = _EN_PERIPHRASIS.sub(" said", core)
    if said != core:  # "X was quoted as saying …": X said …
        found_said = _en_attribution(said, lex)
        if found_said is not None:
            return found_said
    m = _EN_POSSESSIVE_NOUN.match(core)
    if m is not None:  # "'…,' was his summing-up": the one "his" names
        return m.group("c").strip().strip('"“”,. '), _EN_PRONOUN[m.group("p").lower()], m.group("v")
    shorter = _EN_RELATIVE.sub("", _EN_LEAD.sub("", core, count=1))
    if shorter != core:
        shorter_found = _en_attribution_core(shorter, lex)
        if shorter_found is not None:
            return shorter_found
    # "Sian Lloyd, regional organiser for the union, told …": who the speaker is, between commas
    plain_name = _patterns(lex.lang).en_apposition.sub("", shorter, count=1)
    if plain_name != shorter:
        named_found = _en_attribution_core(plain_name, lex)
        if named_found is not None:
            return named_found
    coordinated = _en_coordinated(shorter, lex)
    if coordinated is not None:
        return coordinated
    unbracketed = _EN_PARENTHETICAL.sub("", shorter, count=1)
    if unbracketed != shorter:
        # "The council's own housing report (Housing need in the old town) found that …"
        found_plain = _en_attribution_core(unbracketed, lex)
        if found_plain is not None:
            return found_plain
    for joint in _EN_NEW_CLAUSE.finditer(core, 0, min(len(core), 300) if split else 0):
        # "Brookfield School took out its machines in 2023, and its head teacher,
        # Ms Hughes, wrote on the school blog that …": the second clause reports
        second = core[joint.end() :]
        if _words(second) >= 5:
            found_second = _en_attribution(second[0].upper() + second[1:], lex, split=False)  # one level
            if found_second is not None:
                return found_second
    put_it = _EN_PUT_IT.match(_EN_RELATIVE.sub("", core))
    if (
        put_it is not None
    ):  # "Professor X, whose team ran our samples, put it more carefully …: his modelling …"
        who = _en_speaker(put_it.group("sp"), lex)
        if who is not None:
            return put_it.group("c").strip().strip('"“”,. '), who, "put it"
    estimate = _EN_BY_ESTIMATE.match(core)
    if estimate is not None:  # "By the finance department's estimate, the levy would raise …"
        named = _en_speaker(estimate.group("sp"), lex) or estimate.group("sp")
        return estimate.group("c").strip().strip('"“”,. '), named, estimate.group("v")
    asked = _EN_ASKED_LEAD.match(core)
    if asked is not None:
        answered = _EN_ANSWERED.match(core, asked.end())
        if answered is not None:  # "When Eco Club asked 214 students, 71 per cent said they wanted …"
            return answered.group("c").strip().strip('"“”,. '), asked.group(1), answered.group("v")
    who_said = _EN_WHO_SAID.search(core)
    if who_said is not None:  # "I rang Dale Fuels in Kirkby, who quoted me 64.9p a litre"
        named = _en_speaker(who_said.group("sp"), lex)
        if named is not None and not _EN_CLAUSE.search(named):
            return who_said.group("c").strip().strip('"“”,. '), named, who_said.group("v")
    split_quote = _EN_AS_PUT.match(shorter)
    if split_quote is not None:  # '"…," as he put it, "…"'
        said = split_quote.group("c1").rstrip(',"” ') + " " + split_quote.group("c2").lstrip('"“ ')
        return said.strip('"“”,. '), split_quote.group("sp"), "as " + split_quote.group("v")
    for pattern in (_EN_HOW, _EN_COLON_QUOTE, _EN_SAYING):
        m = pattern.match(shorter)
        if m is None or _words(m.group("sp")) > lex.speaker_max_words:
            continue
        who = _en_speaker(m.group("sp"), lex)
        if who is not None and not _EN_CLAUSE.search(who):
            return m.group("c").strip().strip('"“”,. '), who, m.group("v")
    return found


def _en_attribution_core(body: str, lex: Lexicon) -> tuple[str, str | None, str] | None:
    """(content, speaker, marker) for an attributed English statement, or None."""
    pats = _patterns(lex.lang)
    core = _strip_inline_source(body)
    low = core.lower()
    if any(low.startswith(n) for n in lex.not_reports):
        return None
    for (p, lead), (_same, tail) in zip(pats.en_phrase_lead, pats.en_phrase_tail, strict=True):
        if low.startswith(p + " "):
            m = lead.match(core)
            if m:
                speaker, said = _en_according(m.group(1).strip(), m.group(2))
            else:
                speaker, said = _en_according(core[len(p) + 1 :].strip(), "")
            quoted = _EN_QUOTED_AFTER.search(said)
            if quoted and said.split(" ", 1)[0].lower() in _EN_APPOSITIVE:
                said = quoted.group(1).rstrip(".!? ")  # "Rosa Kim, who …, '…'": the quotation
            if said:
                return said.strip(), speaker.strip(), p
        m = tail.match(core)
        if m:
            return m.group(1), m.group(2).strip(), p
    for pattern in (pats.en_quote_then_speaker, pats.en_speaker_last):
        m = pattern.match(core)
        if m and _words(m.group("sp")) <= lex.speaker_max_words:
            who = _en_speaker(m.group("sp"), lex)
            if who is not None:
                return m.group("c").strip().strip('"“”,. '), who, m.group("v")
    m = pats.en_verb_last.match(core)
    if m and _words(m.group("sp")) <= lex.speaker_max_words:
        who = _en_speaker(m.group("sp") + (", " + m.group("app") if m.group("app") else ""), lex)
        if who is not None:
            return m.group("c").strip().strip('"“”,'), who, m.group("v")
    for parse in _en_speaker_first_parses(core, lex):
        # "A report from the Partnership found …": not "A" + "report"; each verb in turn
        first_found = _en_speaker_first(parse, lex)
        if first_found is not None:
            return first_found
    return None


class _Parse:
    """The parts of a reading of a sentence as "speaker verb (that) content"."""

    def __init__(self, parts: dict[str, str | None]) -> None:
        self.parts = parts

    def group(self, name: str) -> Any:
        return self.parts[name]


def _en_speaker_first_parses(core: str, lex: Lexicon) -> list[_Parse]:
    """The readings of ``core`` as "speaker verb …", the shortest speaker first,
    one for each reporting verb among its first words."""
    pats = _patterns(lex.lang)
    out: list[_Parse] = []
    for k, space in enumerate(re.finditer(r"\s+", core)):
        if k > lex.speaker_max_words:
            break
        m = pats.en_verb_rest.match(core, space.start())
        if m is not None and not m.group("v")[:1].isupper():  # "The Schools Food Waste Project": a name
            parts: dict[str, str | None] = {"sp": core[: space.start()]}
            parts.update(m.groupdict())
            out.append(_Parse(parts))
    return out


def _en_speaker_first(m: _Parse, lex: Lexicon) -> tuple[str, str | None, str] | None:
    """(content, speaker, marker) for one reading of a sentence as "X said (that) …"."""
    if _words(m.group("sp")) <= lex.speaker_max_words and m.group("sp")[0] not in "\"“'‘":
        verb, content = m.group("v").lower(), m.group("c").strip()
        first = content.split(" ", 1)[0].lower()
        if verb in lex.ambiguous and (first in _EN_FOLLOWING_VERB or m.group("intro") == ","):
            return None  # "All states should …", "Its claims, it turns out, …": a noun, not a verb
        if (
            verb in lex.ambiguous
            and re.match(r"[a-z]+\s+(?:the|a|an|its|their|his|her|our|this|these|those)\b", content)
            and (m.group("intro") or "").strip() == "that"
        ):
            return None  # "Facebook posts that call the plan …": "that" opens a relative clause on the noun
        to_that = _EN_TO_THAT.match(content) if not m.group("intro") else None
        if to_that is not None:  # "wrote to its customers in November that …": to whom, then what
            content = to_that.group(1)
        bare = not m.group("intro") and to_that is None and content[:1] not in '"“' and verb not in _EN_BARE
        # "put the saving at £410,000", "rated its efficiency at 2.9", "advertises
        # the HP-7 as giving '…'": a verb whose object is the report, with a figure or a quotation
        research = any(w.lower().strip(",.") in lex.speaker_research for w in m.group("sp").split())
        reports_object = verb in lex.en_bare_verbs and (research or bool(re.search(r"[0-9\"“£$€%]", content)))
        if bare and verb not in lex.en_object_verbs and not reports_object:
            return None  # "Students post photos": no report without "that"
        told_that = (
            re.match(r"(?:[^\"“”]{1,100}?),\s+that\s+(.+)", content) if m.group("intro") == "," else None
        )
        if told_that is not None and _words(content[: told_that.start(1)]) <= 12:
            content = told_that.group(1)  # "objected in a letter to the county, dated 3 October 2024, that …"
        if verb in lex.en_object_verbs and not m.group("intro") and not reports_object and to_that is None:
            told = re.match(r"(?:\S+\s+){1,12}?that\s+(.+)", content)
            if told is None and verb in _EN_BARE:
                # "told reporters the workers would …": the person told, then what was said
                told = re.match(r"(?:(?:the|a|an|our|his|her|their|local)\s+)?\S+\s+(.+)", content)
            if told is None and verb not in _EN_BARE:
                # "urged householders to cut holes in their fences": whom, then what they were urged to do
                told = re.match(r"(\S+(?:\s\S+){0,3}\s+to\s+\w.*)", content)
            if told is None:
                return None
            content = told.group(1)
        who = _en_speaker(m.group("sp"), lex)
        if (
            who is None
            and verb not in lex.ambiguous
            and ((m.group("intro") or "").strip() == "that" or verb in ("said", "told"))
        ):
            # "The treasurer said that …": a role, named by a determiner and a noun or two
            role = _EN_ROLE.fullmatch(m.group("sp").strip())
            who = (
                role.group()
                if role is not None and role.group("n").lower() not in lex.speaker_not_in
                else None
            )
        if who is not None and not _EN_CLAUSE.search(who):
            return content.strip('"“”'), who, m.group("v")
    return None


#: "to its customers in November that …": whom a report was made to, then "that".
_EN_TO_THAT = re.compile(r"to\s+(?:[^\s\"“”,]+\s+){1,8}?that\s+(.+)", re.IGNORECASE)
#: A definite determiner and one to three lower-case words: "the treasurer", "our deputy head".
_EN_ROLE = re.compile(r"(?i:the|our|their|its|his|her|my)\s+(?:[a-z][a-z'’-]*\s+){0,2}(?P<n>[a-z][a-z'’-]+)")


#: A description, then a name of two or three capitalised words between commas.
_EN_APPOSED_NAME = re.compile(r"^[^,\"“”]{1,40},\s+((?:[A-Z][\w’'-]+\s){1,2}[A-Z][\w’'-]+),")


def _en_subject_person(sentence: str, lex: Lexicon) -> str | None:
    """The person a sentence opens with, when its subject is one: two or
    three capitalised words among its first six, after any title ("Chief
    Inspector Maria Olsen of Wrexford Police was …", "Dana Whitlow, a nurse
    …"), none naming an organisation (a word of ``[speaker] nouns``)."""
    apposed = _EN_APPOSED_NAME.match(sentence)
    if apposed is not None and not any(w.lower() in lex.speaker_nouns for w in apposed.group(1).split()):
        return apposed.group(1)  # "Our B&B host, Morag Reid, has lived …"
    words = sentence.split()[:8]
    run: list[str] = []
    for k, w in enumerate(words):
        bare = w.strip(",.;:'’\"“”")
        if bare[:1].isupper() and bare.lower() not in lex.speaker_function:
            run.append(bare)
            if w.endswith((",", ";", ":")):
                break
        elif run or k >= 3:
            break
    k = 0
    while k < len(run) and (run[k].lower() in lex.speaker_titles or run[k].lower() in lex.speaker_nouns):
        k += 1  # "Chief Engineer Rosa Lund": the titles before the name
    names = run[k:]
    if not 2 <= len(names) <= 3 or any(w.lower() in lex.speaker_nouns for w in names):
        return None
    if any(w.lower() in lex.speaker_not_names for w in names):
        return None
    return " ".join(run)


def _en_supposition(text: str, lex: Lexicon) -> tuple[str, str, str] | None:
    """(hypothesis, marker, consequent) for an English supposition, or None
    (nor for an aside to the reader or an "if X is any guide")."""
    found = _en_supposition_parts(text, lex)
    if found is None:
        return None
    hypothesis, _marker, consequent = found
    if _EN_ANY_GUIDE.search(hypothesis) or _EN_YOU_KNOW.match(consequent):
        return None  # "if Harrowfell is any guide", "If you've been in the pub lately, you'll know …"
    return found


#: "if X is any guide", "if the past is anything to go by": a comparison, no supposition.
_EN_ANY_GUIDE = re.compile(
    r"\b(?:is|are|was|were)\s+(?:any|a good|a)\s+(?:guide|indication|measure|yardstick)\b|\bis anything to go by\b",
    re.IGNORECASE,
)
#: "…, you'll know", "you will have heard": the consequent of an aside to the reader.
_EN_YOU_KNOW = re.compile(
    r"(?:you'll|you will|you may|you might|you'd|you would)\s+(?:not\s+)?(?:already\s+)?(?:have\s+)?"
    r"(?:know|heard|seen|noticed|read)\b",
    re.IGNORECASE,
)


def _en_supposition_parts(text: str, lex: Lexicon) -> tuple[str, str, str] | None:
    text = re.sub(r"^(?:and|but)\s+", "", text, flags=re.IGNORECASE)  # "That being so, and provided …"
    low = text.lower()
    idioms = [m.start() for m in _patterns(lex.lang).en_not_supposition.finditer(low)]
    inverted = re.match(
        rf"({'|'.join(map(re.escape, lex.supposition_inverted)) or '(?!)'})\s+((?:the|a|an|this|that|these|those|we|you|they|"
        rf"he|she|it|i|[A-Z][\w'’-]*)\b[^,]{{3,160}}),\s*(.+)",
        text,
        re.IGNORECASE,
    )
    if inverted and _EN_MODAL_ALL.search(inverted.group(3)) and not inverted.group(3).rstrip().endswith("?"):
        return inverted.group(2).strip(), inverted.group(1).lower(), inverted.group(3).strip()
    for o in lex.supposition_open:
        if low.startswith(o + " ") and 0 not in idioms:
            comma = text.find(",", len(o))
            if comma > len(o) + 1:
                return text[len(o) + 1 : comma].strip(), o, text[comma + 1 :].strip()
    for o, pattern in _patterns(lex.lang).en_supposition_after:
        m = pattern.search(text)
        if m is not None and m.start(2) in idioms:
            continue  # "if anything": no supposition
        before = text[: m.start()].split()[-1:] if m else []
        if before and before[0].lower().strip(",") in lex.supposition_not_after:
            continue  # "… than if …", "as if": no supposition
        if m and (
            (m.group(1).startswith(",") and _EN_MODAL_ALL.search(text))
            or _EN_MODAL.search(text, 0, m.start())
        ):
            # (after a comma too, only in a sentence that judges: "When the power goes
            # off, so does the phone, unless the home has a battery" states a fact)
            return m.group(3).strip(), o, text[: m.start()].strip()
    return None


#: What was said cannot open with a verb: "the costs Tey expects will eat …" is a relative clause.
_EN_VERB_FIRST = re.compile(
    r"^(?:will|would|should|must|can|could|may|might|shall|is|are|was|were|has|have|had)\b"
)


#: Verbs of believing, fearing or hoping: reports only with a speaker named.
_EN_STANCE = re.compile(
    r"(?:worr|fear|doubt|hop|believ|expect|think|thought|feel|felt|suspect)", re.IGNORECASE
)


def _en_misread(content: str, speaker: str | None, marker: str) -> bool:
    """Whether a reading as a report is a misreading: its speaker holds a
    clause ("so when Jo found …"), or what was "said" opens with a
    verb (the reporting verb was a relative clause's: "the one-off costs Tey
    expects will eat more than a year of the saving")."""
    if speaker is not None and _EN_CLAUSE.search(speaker):
        return True
    if speaker is not None and speaker.lower() == "they" and marker.lower() == "say":
        return True  # "They say it takes a village": a saying, not a report
    if speaker is not None and speaker.lower() in ("he", "she", "they") and _EN_STANCE.match(marker):
        return True  # "because of this, they think they are entitled …": a belief, nobody's report
    return _EN_VERB_FIRST.match(content.strip('"“ ')) is not None


def _read_en(sentence: str, lex: Lexicon) -> _Reading | None:
    date, body = _en_strip_date(sentence.strip())
    initial = _strip_initial(
        body, lex.summary, "en", shapes=lex.summary_shapes, not_connectives=lex.not_connectives
    )
    link = "summary"
    if initial is None:
        initial, link = (
            _strip_initial(
                body, lex.sequel, "en", shapes=lex.sequel_shapes, not_connectives=lex.not_connectives
            ),
            "sequel",
        )
    if initial is None:
        cont = _strip_initial(body, lex.continuation, "en")
        link = "continuation" if cont else "plain"
        attributed = _en_attribution(_after_marker(body, cont) if cont else body, lex)
        if attributed is not None and not _en_misread(*attributed):
            content, speaker, marker = attributed
            return _Reading("evidence", content, marker, speaker, date)
        initial = cont
    rest = (_after_marker(body, initial) if initial else body).rstrip(_TRAIL)
    if rest[:1].islower() and initial:
        rest = rest[0].upper() + rest[1:]
    low = rest.lower()
    for phrase in lex.not_judgments:  # "It should be noted that …" announces, it judges nothing
        if phrase in low:
            low = low.replace(phrase, " ")
    anywhere = next((m for m, p in _patterns(lex.lang).en_judgment if p.search(low)), None)
    sup = _en_supposition(rest, lex)
    if anywhere is None and sup is None and link not in ("summary", "sequel"):
        return None
    parts = []
    if initial:
        parts.append(initial)
    if sup:
        parts.append(f"{sup[1]} …,")
        rest = sup[2]
    if anywhere:
        parts.append(anywhere)
    marker = " … ".join(parts)
    if rest[:1].islower():
        rest = rest[0].upper() + rest[1:]
    reading = _Reading("conclusion", rest.strip(" ,"), marker, date=date, link=link)
    if sup:
        clause = sup[0]
        if sup[1] in lex.supposition_negating:  # "unless X": the supposition is that not X
            clause = lex.supposition_negated.format(clause=clause)
        reading.hypothesis, reading.hypothesis_marker = clause, sup[1]
    return reading


# ---------------------------------------------------------------- the draft


def _first_words(text: str, lang: str) -> str:
    s = " ".join(text.split())
    limit = 40 if lang == "ja" else 60
    return s if len(s) <= limit else s[: limit - 1] + "…"


#: A sentence that asks: "Why aren't drivers switching?", 「なぜでしょうか？」.
_QUESTION = re.compile(r"[?？][\s」』”\"’)）]*$")

#: A plain judgment rests on at most this many claims just before it in its
#: paragraph: a text with no blank lines is one long paragraph, and linking
#: each judgment to every claim before it would grow with the square of it.
PARAGRAPH_PREMISES = 8
#: An earlier judgment joins a sequel's premises when they share this many
#: content words (:func:`argmap.scaffolding.overlap.units`).
SHARED_UNITS = 2

_ASCII_WORD = re.compile(r"[A-Za-z0-9]")
_SPACE_RUN = re.compile(r"\s+")


def _flat(sentence: str, lang: str) -> str:
    """The sentence on one line: what the markers are read from.

    In English each run of spaces and line breaks is one space; in Japanese a
    line break (with the spaces around it) joins the lines, with a space only
    between two Latin letters or digits (「NATO\\nTokyo」).

    >>> _flat("The minister said that prices\\n  would rise.", "en")
    'The minister said that prices would rise.'
    >>> _flat("大使は、『日本は\\n動いている』と\\nNATO\\nTokyoで述べました。", "ja")
    '大使は、『日本は動いている』とNATO Tokyoで述べました。'
    """
    if lang != "ja":
        return " ".join(sentence.split())

    def one(m: re.Match[str]) -> str:
        if "\n" not in m.group():
            return m.group()
        a, b = sentence[m.start() - 1 : m.start()], sentence[m.end() : m.end() + 1]
        return " " if _ASCII_WORD.match(a) and _ASCII_WORD.match(b) else ""

    return _SPACE_RUN.sub(one, sentence)


def _check_arguments(function: str, text: object, lang: object, document: object) -> str | None:
    """Refuse wrong types with a TypeError and an unknown language with an ArgmapError."""
    if not isinstance(text, str):
        hint = " (decode it first: data.decode('utf-8'))" if isinstance(text, (bytes, bytearray)) else ""
        raise TypeError(f"{function}() needs the article as a str, not {type(text).__name__}{hint}")
    if lang is not None and not isinstance(lang, str):
        raise TypeError(f"{function}() needs lang as a str or None, not {type(lang).__name__}")
    if document is not None and not isinstance(document, Document):
        raise TypeError(
            f"{function}() needs document as an argmap.Document or None, not {type(document).__name__}"
        )
    if lang is None or lang == "auto":
        return None
    if lang not in LANGS:
        choices = ", ".join([*LANGS, "auto"])
        raise ArgmapError(
            [
                Problem(
                    _("unknown article language {lang}: use one of {choices}").format(
                        lang=repr(lang), choices=choices
                    )
                )
            ]
        )
    return lang


def draft(text: str, lang: str | None = None, *, document: Document | None = None) -> Draft:
    """Scaffold ``text`` into a :class:`Draft` (``lang`` ``"ja"``, ``"en"`` or None/``"auto"``).

    Raises TypeError when ``text`` is not a str (bytes must be decoded first)
    and :class:`~argmap.errors.ArgmapError` for a language with no lexicon.

    >>> d = draft("2023.05.09冨田大使は、日本は動いているとしています。\\n以上から、妥当と判断されます。\\n\\nhttps://example.org/a\\n記事の題\\n")
    >>> [(c.id, c.kind.value, c.text) for c in d.map.claims.values()]
    [('E1', 'evidence', '日本は動いている'), ('C1', 'conclusion', '妥当')]
    >>> e = d.map.claims["E1"].source
    >>> e.speaker, e.date.isoformat(), e.url, e.title
    ('冨田大使', '2023-05-09', 'https://example.org/a', '記事の題')
    >>> d.map.inferences["I1"].premises, d.map.inferences["I1"].marker
    (('E1',), '以上から、…と判断されます')
    """
    chosen = _check_arguments("draft", text, lang, document)
    with paused_gc():
        return _draft(text, chosen, document)


def _draft(text: str, chosen: str | None, document: Document | None) -> Draft:
    text = _normalise(text)
    lang = chosen or detect(text)
    drafter = _Drafter(text, lang)
    drafter.read()
    found = drafter.header.title
    first = " ".join(found.split()) if found else _first_words(drafter.first_text or "", lang)
    title = drafter.notes.get("title", "{first}").format(first=first)
    if found:  # the article's own title is the document's
        document = (
            Document(title=found)
            if document is None
            else attrs.evolve(document, title=document.title or found)
        )
    builder = MapBuilder(title, lang=lang, date=drafter.header.date, document=document)
    amap, origins = _build_map(builder, drafter.claims, drafter.inferences, drafter.notes)
    return Draft(amap, origins, tuple(sorted(drafter.unmatched, key=lambda u: u.line)))


# ------------------------------------------------------------ the parts


def _normalise(text: str) -> str:
    """CR LF and a lone CR end a line as LF does. Characters YAML cannot hold,
    and other line breaks, become spaces (one for one, so lines and columns
    stay as in the article)."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _UNPRINTABLE.sub(" ", text)


@attrs.define
class _Inference:
    """An inference drafted from a judgment: ``rule`` says how its premises were chosen."""

    id: str
    premises: list[str]
    conclusion: str
    marker: str
    rule: str
    origin: Origin


class _Ids:
    """The next id of each kind: E1, E2, …; C1, …; H1, …; I1, …"""

    def __init__(self) -> None:
        self._counts: dict[str, int] = {}

    def new(self, prefix: str) -> str:
        n = self._counts.get(prefix, 0) + 1
        self._counts[prefix] = n
        return f"{prefix}{n}"


@attrs.frozen
class _SourceBlock:
    """A URL line, the page title on the next line when there is one, then an
    optional date line. Indexes are 0-based lines; ``end`` is the first line
    after the block."""

    start: int
    url: str
    title: str | None
    date_line: int | None
    page_date: DateMatch | None
    end: int


def _source_block(lines: list[str], kinds: list[str], i: int) -> _SourceBlock:
    """The source block opened by the URL on line ``i``."""
    url = lines[i].strip()
    title = lines[i + 1].strip() if i + 1 < len(lines) and kinds[i + 1] == "title" else None
    k = i + 2 if title else i + 1
    if k < len(lines) and kinds[k] == "pagedate":
        return _SourceBlock(i, url, title, k, leading_date(lines[k]), k + 1)
    return _SourceBlock(i, url, title, None, None, k)


def _attach_source(block: _SourceBlock, pending: list[_Claim], lines: list[str]) -> list[Unmatched]:
    """Give the evidence waiting for its source (``pending``) the block's URL
    and title, and the page's date when it has none; return what of the
    block the map does not hold."""
    date_used = False
    for ev in pending:
        ev.url, ev.title = block.url, block.title
        if ev.date is None and block.page_date is not None:
            ev.date = block.page_date.date
            date_used = True
    k = block.date_line
    if not pending:
        date_text = lines[k].strip() if k is not None else None
        body = " ".join(x for x in (block.url, block.title, date_text) if x)
        return [Unmatched(block.start + 1, block.end, body, "source with no statement before it")]
    page_date = block.page_date
    if k is not None and (not date_used or page_date is None or page_date.end < len(lines[k].rstrip())):
        # the date line says more than the date the map took from it
        why = "hashtags" if date_used else "date of a source, not used"
        return [Unmatched(k + 1, k + 1, lines[k].strip(), why)]
    return []


class _LineDates:
    """The first date on each line of the article, found once per line."""

    def __init__(self, lines: list[str]) -> None:
        self._lines = lines
        self._first: dict[int, DateMatch | None] = {}

    def before(self, line: int, column: int) -> DateMatch | None:
        """The first date on ``line`` (1-based) when it ends before ``column``."""
        if line not in self._first:
            found = find_dates(self._lines[line - 1])
            self._first[line] = found[0] if found else None
        first = self._first[line]
        return first if first is not None and first.end <= column - 1 else None


def _evidence_date(reading: _Reading, flat: str, earlier: Callable[[], DateMatch | None]) -> Any:
    """The date of a statement: the one its marker came with, else the first
    date in the sentence, else what ``earlier`` finds (a date before it on its line)."""
    date = reading.date.date if reading.date else None
    if date is None:
        found = find_dates(flat)
        before = found[0] if found else earlier()
        date = before.date if before else None
    return date


@attrs.define
class _Plain:
    """A sentence with no marker, which a connective may take as a premise."""

    unmatched: Unmatched
    column: int
    paragraph: int
    claim: _Claim | None = None


def _conceded(sentence: str, marker: str, contrast: tuple[str, ...]) -> bool:
    """Whether a judgment is set aside by a contrast after its marker: "All
    states should fund their libraries better, but that is a debate for
    another day" (not "It is costly, but the council should pay")."""
    low = sentence.lower()
    at = low.find(marker.lower()) if marker else -1
    return at >= 0 and any(low.find(c, at + len(marker)) >= 0 for c in contrast)


#: An English sentence that turns the argument ("Yet the twelve comparison schools …").
_EN_TURN = re.compile(r"\s*(?:yet|but|however|still|even so|and yet)\b", re.IGNORECASE)


def _short(sentence: str, lang: str) -> bool:
    """A sentence that only introduces what follows: no figure in it ("Traders
    were less keen.", "Not everyone is persuaded."), where a sentence that
    tells what happened gives one (「6年前の豪雨のとき、…3時間開きませんでした」)."""
    return not _DIGIT.search(sentence)


_DIGIT = re.compile(r"[0-9０-９]")


def _is_evidence(item: _Claim | _Plain) -> bool:
    return isinstance(item, _Claim) and item.kind == "evidence"


class _Linker:
    """Which earlier claims a new conclusion draws on, by how its marker links it.

    * a summary connective (「以上から」, "for these reasons") takes, of
      each paragraph since the previous summary, its last judgment that is
      neither a continuation (「また」) nor an aside ("…, but that is a
      debate for another day"), and the statements since the last
      unconditional judgment that no inference has used yet, the first of
      those one source documents; when there are none, the sentences of the
      last stretch (below);
    * a sequel connective (「したがって」, "thus") takes the last stretch: the
      statements and the sentences with no marker since the last judgment,
      in the connective's paragraph (the paragraph before, when it opens its
      own), with that judgment when it is in the same paragraph; when there
      are none, the claim just before. An earlier judgment not yet used that
      shares at least :data:`SHARED_UNITS` content words with the new one
      (and its supposition) joins the stretch, or replaces it when the
      stretch shares none;
    * a continuation (「また」) the conclusion just before;
    * a plain judgment the claims of its paragraph so far (at most
      :data:`PARAGRAPH_PREMISES`). A supposition comes first.

    A sentence with no marker that a connective takes becomes a premise
    (``promote``), so that the inference never lacks premises.
    """

    def __init__(
        self,
        notes: Mapping[str, str],
        promote: Callable[[_Plain], _Claim] | None = None,
        lex: Lexicon | None = None,
    ) -> None:
        self.notes = notes
        self.promote = promote
        self.lang = lex.lang if lex is not None else "en"
        self.contrast = lex.contrast if lex is not None else ()
        self.function_words = lex.function_words if lex is not None else frozenset()
        self.units: dict[str, frozenset[str]] = {}  # content words of each claim (and its supposition)
        self.evidence_claims: dict[str, _Claim] = {}
        self.place: dict[str, tuple[int, str]] = {}  # each judgment's paragraph and link
        self.aside: set[str] = set()
        self.recent: list[str] = []  # the last judgments, for a sequel's earlier judgments
        self.since_summary: list[str] = []
        self.paragraph: list[str] = []
        self.last: _Claim | None = None
        self.paragraph_no = 0
        self.judgments: set[str] = set()  # since the previous summary
        self.conditional: set[str] = set()
        self.used: set[str] = set()
        # the stretch since the last judgment: (paragraph, claim or plain sentence)
        self.run: list[tuple[int, _Claim | _Plain]] = []
        self.last_judgment: tuple[int, _Claim] | None = None

    def new_paragraph(self) -> None:
        self.paragraph = []
        self.paragraph_no += 1

    def evidence(self, ev: _Claim) -> None:
        self.units[ev.id] = self._units(ev.text)
        self.evidence_claims[ev.id] = ev
        self.since_summary.append(ev.id)
        self.paragraph.append(ev.id)
        self.run.append((self.paragraph_no, ev))
        del self.run[:-PARAGRAPH_PREMISES]
        self.last = ev

    def plain(self, sentence: _Plain) -> None:
        sentence.paragraph = self.paragraph_no
        self.run.append((self.paragraph_no, sentence))
        del self.run[:-PARAGRAPH_PREMISES]

    def drop_plain_on(self, line: int) -> None:
        """Forget the last sentence with no marker when it is on ``line``."""
        if self.run and isinstance(self.run[-1][1], _Plain) and self.run[-1][1].unmatched.line == line:
            self.run.pop()

    def _claim(self, item: _Claim | _Plain) -> str | None:
        if isinstance(item, _Claim):
            return item.id
        if item.claim is None and self.promote is not None:
            item.claim = self.promote(item)
        return item.claim.id if item.claim is not None else None

    def _stretch_items(self) -> list[_Claim | _Plain]:
        """The last stretch: the claims and unmarked sentences of the latest
        paragraph since the last judgment, with that judgment when it is there."""
        marks = [p for p, _ in self.run] + ([self.last_judgment[0]] if self.last_judgment else [])
        if not marks:
            return []
        latest = max(marks)
        items: list[_Claim | _Plain] = []
        if self.last_judgment is not None and self.last_judgment[0] == latest:
            items.append(self.last_judgment[1])
        run = [item for p, item in self.run if p == latest]
        # a sentence with no marker right before a statement introduces it
        # ("Traders were less keen. Speaking for the traders, X warned …"): no reason
        run = [
            item
            for k, item in enumerate(run)
            if not (
                isinstance(item, _Plain)
                and k + 1 < len(run)
                and _is_evidence(run[k + 1])
                and _short(item.unmatched.text, self.lang)
            )
        ]
        if self.lang == "en":
            # "It is a fair point. Yet the comparison schools …": the argument
            # turns; what came before is what the author answers
            turns = [
                k
                for k, item in enumerate(run)
                if isinstance(item, _Plain) and _EN_TURN.match(item.unmatched.text)
            ]
            if turns:
                items, run = [], run[turns[-1] :]
        items += run
        return items

    def _ids(self, items: list[_Claim | _Plain]) -> list[str]:
        """The ids of ``items``, its unmarked sentences made premises."""
        return [cid for cid in map(self._claim, items) if cid is not None]

    def _stretch(self) -> list[str]:
        return self._ids(self._stretch_items())

    def _summary(self) -> list[str]:
        """What a summary connective takes: the judgments since the previous
        summary that no inference has used yet, and the statements since the
        last unconditional judgment that none has used yet, in the article's
        order. A conditional judgment (「もし…」, "if …") is a side branch: the
        statements before it are still the author's fresh reasons."""
        since = self.since_summary
        last = max(
            (
                k
                for k, c in enumerate(since)
                if c in self.judgments and c not in self.conditional and c not in self.aside
            ),
            default=-1,
        )
        last_of: dict[int, str] = {}  # paragraph -> its last judgment that is no continuation or aside
        for c in since:
            if c in self.judgments and c not in self.aside and self.place[c][1] != "continuation":
                last_of[self.place[c][0]] = c
        closing = set(last_of.values())
        sources: set[str] = set()
        fresh: set[str] = set()
        for c in since[last + 1 :]:
            if c in self.judgments or c in self.used:
                continue
            url = self.evidence_claims[c].url if c in self.evidence_claims else None
            if url is not None and url in sources:
                continue  # one source, one reason: its first statement
            if url is not None:
                sources.add(url)
            fresh.add(c)
        return [c for c in since if c in closing or c in fresh]

    def _units(self, text: str) -> frozenset[str]:
        return units(text, self.lang, self.function_words)

    def _shares(self, cid: str, target: frozenset[str], k: int = 1) -> bool:
        return len(self.units.get(cid, frozenset()) & target) >= k

    def _item_units(self, item: _Claim | _Plain) -> frozenset[str]:
        if isinstance(item, _Claim):
            return self.units.get(item.id, frozenset())
        return self._units(item.unmatched.text)

    def _earlier(self, target: frozenset[str], stretch: set[str]) -> list[str]:
        """The judgments before the stretch, not yet used, that share at least
        :data:`SHARED_UNITS` content words with ``target`` (the last
        :data:`PARAGRAPH_PREMISES` judgments only, so that this stays linear)."""
        return [
            c
            for c in self.recent
            if c not in self.used and c not in stretch and self._shares(c, target, SHARED_UNITS)
        ]

    def conclusion(self, con: _Claim, link: str, hypothesis: _Claim | None) -> tuple[list[str], str]:
        """The premises of the inference concluding ``con`` (no id twice) and the rule that chose them."""
        notes = self.notes
        premises: list[str] = [hypothesis.id] if hypothesis else []
        rules = [notes.get("rule_hypothesis", "")] if hypothesis else []
        last = self.last
        target = self._units(con.text + "\n" + (hypothesis.text if hypothesis else ""))
        if link == "summary":
            unused = self._summary()
            if unused:
                premises += unused
                rules.append(notes.get("rule_unused", ""))
            else:
                premises += self._stretch()
                rules.append(notes.get("rule_run", ""))
            self.since_summary = []
            self.judgments = set()
        elif link == "sequel":
            items = self._stretch_items()
            earlier = self._earlier(target, {i.id for i in items if isinstance(i, _Claim)})
            if earlier and not any(self._item_units(i) & target for i in items):
                items = []  # a stretch that shares no word with the judgment: the earlier judgments instead
            stretch = self._ids(items)
            if earlier:
                premises += earlier
                rules.append(notes.get("rule_shared", ""))
            if stretch:
                premises += stretch
                rules.append(notes.get("rule_run", ""))
            elif not earlier and last is not None:
                premises.append(last.id)
                rules.append(notes.get("rule_sequel", ""))
        elif link == "continuation" and last is not None and last.kind == "conclusion":
            premises.append(last.id)
            rules.append(notes.get("rule_continuation", ""))
        elif not hypothesis and self.paragraph:
            premises += self.paragraph[-PARAGRAPH_PREMISES:]
            rules.append(notes.get("rule_paragraph", ""))
        elif hypothesis and link == "plain":
            # a supposition weighed against what was reported just before it:
            # 「財政課によると、…見込みです。仮に予算が削られた場合は、…」
            reported = [c for c in self.paragraph if c in self.evidence_claims]
            if reported:
                premises += reported[-PARAGRAPH_PREMISES:]
                rules.append(notes.get("rule_paragraph", ""))
        self.units[con.id] = target
        self.place[con.id] = (self.paragraph_no, link)
        if _conceded(con.origin.sentence, con.origin.marker, self.contrast):
            self.aside.add(con.id)
        self.recent.append(con.id)
        del self.recent[:-PARAGRAPH_PREMISES]
        if link != "summary":
            self.since_summary.append(con.id)
            self.judgments.add(con.id)
            if hypothesis:
                self.conditional.add(con.id)
        self.paragraph.append(con.id)
        del self.paragraph[:-PARAGRAPH_PREMISES]
        if link != "plain" or hypothesis:
            self.used.update(premises)
        self.last = con
        self.run = []
        self.last_judgment = (self.paragraph_no, con)
        found = [r for r in rules if r]
        rule = found[0] if found else notes.get("rule_none", "")
        for more in found[1:]:
            rule = notes.get("rule_and", "{first} + {second}").format(first=rule, second=more)
        return list(dict.fromkeys(premises)), rule


#: Why lines of each set-aside kind are left out of the map.
_SET_ASIDE = {
    "excerpt": "quoted from a source",
    "hashtag": "hashtags",
    "nav": "navigation",
    "signoff": "sign-off",
}


#: Where and when, opening what a Japanese report says: 「6月の定例会で、」「昨年の会見では、」.
_OCCASION_PHRASE = re.compile(r"^[^、。「」『』]{1,20}?(?:で|に|では|には)[、,，]")
#: An opening "When X asked …," clause: X put the question the answers reported after it.
_EN_ASKED_LEAD = re.compile(
    r"(?:when|after)\s+([^,]{2,60}?)\s+(?:asked|surveyed|polled|questioned|interviewed)\b[^,]{0,80},",
    re.IGNORECASE,
)
#: What was said, then who said it described and named between commas, and a verb of telling.
_EN_NAMED_LAST = re.compile(
    r"^(?P<c>[^\"“”]{12,}?),\s+(?:[^,\"“”]{2,60}),\s+(?P<name>(?:[A-Z][\w.’'-]*\s){1,3}[A-Z][\w’'-]+),\s+"
    r"(?P<v>told|said|wrote|added|explained|warned|argued|insisted)\b[^\"“”]{0,120}$"
)
#: "X put it (more carefully) (in a paper): …": a colon and what X said.
_EN_PUT_IT = re.compile(r"^(?P<sp>[^:\"“”]{2,80}?)\s+put it\b[^:\"“”]{0,60}:\s*(?P<c>.{8,})$")
#: "By the finance department's estimate, …", "In the trust's view, …": whose figure or view follows.
_EN_BY_ESTIMATE = re.compile(
    r"(?:by|in|on)\s+(?P<sp>[^,\"“”]{2,60}?)(?:'s|’s)\s+(?:own\s+)?"
    r"(?P<v>estimate|estimates|reckoning|count|calculations?|figures|view|forecast|analysis|sums)\s*,\s*(?P<c>.{8,})$",
    re.IGNORECASE,
)
#: What those asked answered: "71 per cent said (that) …", "most told us …".
_EN_ANSWERED = re.compile(
    r"\s*(?:[0-9][^,]{0,30}|half[^,]{0,20}|most[^,]{0,20}|a third[^,]{0,20}|two thirds[^,]{0,20})\s+"
    r"(?P<v>said|told us|answered|replied|agreed)\b(?:\s+that)?\s+(?P<c>.{8,})$",
    re.IGNORECASE,
)
#: An opening "When X spoke …," clause, where a "he" after it is X.
_EN_LEAD_PERSON = re.compile(r"(?:when|after|as|while|once|before)\s+([^,]{3,120}),", re.IGNORECASE)
#: "the same drop-in", 「同じ会見で」: an occasion named again.
_EN_SAME = re.compile(r"\bthe same (?P<n>[a-z][a-z-]{2,})", re.IGNORECASE)
_JA_SAME = re.compile(r"同じ(?P<n>[^\s、。「」のでにはがを日]{1,6}?)(?:の|で|に|では)")
#: A day in a web address: /2024/07/12/, /20240712-, -2024-07-12-.
_URL_DAY = re.compile(
    r"(?<![0-9])((?:19|20)[0-9]{2})([/-]?)(0[1-9]|1[0-2])\2(0[1-9]|[12][0-9]|3[01])(?![0-9])"
)


def _url_date(url: str) -> Any:
    """The day a web address gives in its path, or None.

    >>> _url_date("https://example.com/dale-courier/2024/07/12/longmeadow-veg-box")
    datetime.date(2024, 7, 12)
    >>> _url_date("https://example.jp/kiryudai/r06-06") is None
    True
    """
    path = url.split("://", 1)[-1].partition("/")[2]
    for m in _URL_DAY.finditer(path):
        try:
            return _dt.date(int(m.group(1)), int(m.group(3)), int(m.group(4)))
        except ValueError:
            continue
    return None


#: A stretch of days, not one: 「3月4日から18日まで」, "from 3 to 7 June", "3–7 June".
_RANGE = re.compile(
    r"日\s*(?:から|～|〜|－|-|以降|以来)|\b(?:since|from)\s+\S+\s+(?:\S+\s+)?(?:to|until)\b|\bsince\b|\d\s*[–-]\s*\d",
    re.IGNORECASE,
)


class _Drafter:
    """Reads an article block by block into claims, inferences and the passages left out."""

    def __init__(self, text: str, lang: str) -> None:
        self.text = text
        self.lang = lang
        self.lex = lexicon(lang)
        self.notes = self.lex.notes
        self.read_sentence = _read_ja if lang == "ja" else _read_en
        self.lines = text.split("\n")
        self.kinds = _classify(self.lines, self.lex)
        self.header = read_header(
            [ln if k in {"text", "hashtag"} else "" for ln, k in zip(self.lines, self.kinds, strict=True)],
            self.lex.date_labels,
            self.lex.title_labels,
        )
        self.offsets = [0]
        for ln in self.lines:
            self.offsets.append(self.offsets[-1] + len(ln) + 1)
        self.ids = _Ids()
        self.dates = _LineDates(self.lines)
        self.linker = _Linker(self.notes, self._promote, self.lex)
        self.claims: list[_Claim] = []
        self.inferences: list[_Inference] = []
        self.unmatched: list[Unmatched] = []
        self.promoted: set[int] = set()  # ids of the Unmatched that became premises
        self.pending: list[_Claim] = []  # evidence waiting for its source block
        self.first_text: str | None = None
        self.connective = ""  # the marker of the conclusion being drafted
        self.last_speaker: str | None = None
        #: (paragraph, speaker) of the last statement
        self.last_said: tuple[int, str] | None = None
        self.last_date: Any = None
        #: The day of the occasion the text last named ("The committee met on
        #: 10 September."), which a statement that names no time of its own
        #: reports on; None once a judgment or another time intervenes.
        self.occasion: Any = None
        #: Statements with no date of their own, and the occasion when they were read.
        self.undated: list[tuple[_Claim, Any]] = []
        #: The last sentences that named a day, with it (lower-cased).
        self.days: list[tuple[str, Any]] = []
        self._day_cache: tuple[str | None, tuple[list[DateMatch], Any]] = (None, ([], None))
        #: The paragraph a statement's own day holds for (a narrated day holds on: None).
        self.occasion_paragraph: int | None = None
        self.occasion_speaker: str | None = None

    def read(self) -> None:
        lines, kinds = self.lines, self.kinds
        for k in self.header.lines:
            title = self.header.title
            if k == self.header.title_line and title is not None and lines[k].strip() == title:
                kinds[k] = "header"  # the map's title holds it
            else:
                kinds[k] = "header"
                self.unmatched.append(
                    Unmatched(k + 1, k + 1, lines[k].strip(), "the article's title or date")
                )
        i = 0
        while i < len(lines):
            kind = kinds[i]
            j = i + 1
            while j < len(lines) and kinds[j] == kind and kind not in ("url", "title", "srcline", "pretitle"):
                j += 1
            if kind == "url":
                block = _source_block(lines, kinds, i)
                self.unmatched += _attach_source(block, self.pending, lines)
                self.pending = []
                j = block.end  # the title and date lines belong to the block
            elif kind == "pretitle" and j < len(lines) and kinds[j] == "url":
                block = _SourceBlock(i, lines[j].strip(), lines[i].strip(), None, None, j + 1)
                self.unmatched += _attach_source(block, self.pending, lines)
                self.pending = []
                j = block.end
            elif kind == "srcline":
                found = _source_line(lines[i].strip(), _SOURCE_LABELS())
                if found is not None:
                    block = _SourceBlock(i, found[0], found[1], None, found[2], i + 1)
                    self.unmatched += _attach_source(block, self.pending, lines)
                    if not self.pending:
                        self.unmatched[-1] = attrs.evolve(self.unmatched[-1], text=lines[i].strip())
                    self.pending = []
            elif kind in ("text", "pretitle"):
                if i == 0 or kinds[i - 1] in ("blank", "header"):
                    self.linker.new_paragraph()
                    # a source documents the statements of the paragraph it
                    # follows: those of an earlier paragraph had none (an interview)
                    self.pending = []
                for s in split(self.text[self.offsets[i] : self.offsets[j] - 1], self.lang):
                    if s.text:
                        self.sentence(s.text, i + s.line, s.column)
            elif kind in _SET_ASIDE:
                body = " ".join(ln.strip() for ln in lines[i:j] if ln.strip())
                self.unmatched.append(Unmatched(i + 1, j, body, _SET_ASIDE[kind]))
            i = j
        for claim in self.claims:
            if claim.kind == "evidence" and claim.date is None and claim.url is not None:
                # the day in its source's address (…/2024/07/12/…, …-2024-07-12-…): the page's date
                day = _url_date(claim.url)
                if day is not None and (self.header.date is None or day <= self.header.date):
                    claim.date = day
        for ev, occasion in self.undated:
            if ev.date is None:  # no source gave it one: the occasion's
                ev.date = occasion
        if self.promoted:
            self.unmatched = [u for u in self.unmatched if id(u) not in self.promoted]
        self.claims.sort(key=lambda c: (c.origin.line, c.origin.column))

    def _same_occasion(self, flat: str, speaker: str | None) -> bool:
        """Whether a statement says it is from the occasion of the dated one
        before it: the same speaker (one name holding the other), or a word
        pointing back (「また」「同じ記事の中で」, "said in the announcement")."""
        before = self.occasion_speaker
        if speaker and before and (speaker in before or before in speaker):
            return True
        low = flat.lower()
        if self.lang == "ja":
            # 「広報担当の松井さんも、…」: "also", of the same occasion
            also = speaker is not None and (speaker + "も") in flat
            return also or any(w in flat for w in self.lex.same_occasion)
        return any(re.search(rf"\b{re.escape(w)}\b", low) for w in self.lex.same_occasion)

    def _day_of(self, flat: str) -> tuple[list[DateMatch], Any]:
        """The dates written in a sentence and the day it names (found once per sentence)."""
        if self._day_cache[0] != flat:
            found = find_dates(flat)
            day = found[0].date if found else relative_date(flat, self.lang, self.header.date, self.last_date)
            self._day_cache = (flat, (found, day))
        return self._day_cache[1]

    def _no_marker(self, sentence: str, line: int, column: int, premise: bool = True) -> None:
        """List a sentence that drafts no claim; a connective may take it as a
        premise unless ``premise`` is false."""
        u = Unmatched(line, line + sentence.count("\n"), sentence, "no marker")
        self.unmatched.append(u)
        if premise:
            self.linker.plain(_Plain(u, column, 0))

    def _note_day(self, flat: str) -> None:
        """Remember the day a sentence names (the last few sentences only), for
        a later "the same meeting" or 「同じ会見で」."""
        _found, day = self._day_of(flat)
        if day is not None:
            self.days.append((flat.lower(), day))
            del self.days[:-PARAGRAPH_PREMISES]

    def _same_named(self, frame: str) -> Any:
        """The day of the occasion a statement names as the same as an earlier
        one ("at the same drop-in", 「同じ会見で」): the last sentence naming a
        day that names that occasion too; None when there is none."""
        m = (_JA_SAME if self.lang == "ja" else _EN_SAME).search(frame)
        if m is None:
            return None
        noun = m.group("n").lower()
        named = next((day for text, day in reversed(self.days) if noun in text), None)
        # "the same meeting" after "told the Cycle Forum on Tuesday evening": the last day named
        return named if named is not None else (self.days[-1][1] if self.days else None)

    def _note_occasion(self, flat: str) -> None:
        """Follow the day the text is telling of: a sentence naming a day (not
        one after the article's) makes it the occasion, one naming a time
        that is no day ("in June", 「昨年」) ends it."""
        self.occasion_paragraph = None
        found, day = self._day_of(flat)
        undated = flat
        for m in reversed(found):  # 2024-06-03 is no stretch of days
            undated = (
                undated[: m.start] + "日" + undated[m.end :]
                if self.lang == "ja"
                else undated[: m.start] + " day " + undated[m.end :]
            )
        if day is not None and _RANGE.search(undated):
            self.occasion = None  # 「4日から18日まで」, "from 3 to 7 June": no one day
        elif day is not None:
            article = self.header.date
            self.occasion = day if article is None or day <= article else None
        elif mentions_time(flat, self.lang):
            self.occasion = None

    def _promote(self, plain: _Plain) -> _Claim:
        """Make a sentence with no marker a premise of the connective being drafted."""
        u = plain.unmatched
        self.promoted.add(id(u))
        text = " ".join(u.text.split()) if self.lang != "ja" else _flat(u.text, "ja")
        text = text.strip().rstrip(_TRAIL) or u.text
        origin = Origin(u.line, plain.column, self.connective, u.text)
        claim = _Claim(self.ids.new("P"), "premise", text, origin)
        self.claims.append(claim)
        return claim

    def sentence(self, sentence: str, line: int, column: int) -> None:
        """Read one sentence of the prose, at ``line`` and ``column`` (1-based)."""
        if self.first_text is None:
            self.first_text = sentence
        flat = _flat(sentence, self.lang)
        link = MD_LINK.search(flat)
        inline_title = None
        if link is not None:  # [title](url) in the sentence: the title is read, the url is its source
            inline_title = link.group(1)
            flat = MD_LINK.sub(lambda m: m.group(1), flat)
        reading = self.read_sentence(flat, self.lex)
        if self.occasion_paragraph is not None and self.occasion_paragraph != self.linker.paragraph_no:
            self.occasion = self.occasion_paragraph = None  # a statement's day ends with its paragraph
        occasion = self.occasion
        self._note_day(flat)
        if reading is None or reading.kind != "evidence":
            self._note_occasion(flat)
        if reading is None:
            person = _en_subject_person(flat, self.lex) if self.lang == "en" else _ja_subject(flat)
            if person is not None:
                self.last_speaker = person  # "she" or 「それによると」 in the next sentence
            inline = URL_RE.search(flat)
            if inline is not None and URL_RE.fullmatch(flat.strip()):
                # a link alone after a sentence on its line (「…読むことができます。https://…」):
                # that sentence gives the source, it is no premise either
                self.linker.drop_plain_on(line)
            if inline is not None and self.pending:
                # 「報告書は、市のホームページで読むことができます。https://…」: the
                # statements before it are documented there (the sentence stays listed)
                for ev in self.pending:
                    ev.url = inline.group()
                self.pending = []
            # a question asserts nothing, a sentence giving a link documents: never a premise
            self._no_marker(sentence, line, column, premise=not _QUESTION.search(flat) and inline is None)
            return
        origin = Origin(line, column, reading.marker, sentence)
        if reading.kind == "evidence":
            # the words around what was said, not what was said
            frame = flat.replace(reading.text, " ", 1) if reading.text else flat
            if self.lang == "ja" and _JA_SAYING.search(frame):
                # 「学芸員の間では、昔から「…」などと申します」: a saying, nobody's statement
                self._no_marker(sentence, line, column)
                return
            date = _evidence_date(reading, flat, lambda: self.dates.before(line, column))
            if date is None:
                # a day the words around what was said give, not one in it
                # ("She also told the meeting that the committee will hear riders on 22 May")
                date = relative_date(frame, self.lang, self.header.date, self.last_date) or relative_date(
                    flat, self.lang, self.header.date, self.last_date, roll_back=False
                )
            speaker = reading.speaker
            if (
                self.lang == "ja"
                and reading.marker.startswith("とも")
                and self.last_speaker
                and (speaker is None or _ja_clause_subject(flat, speaker))
            ):
                # 「運転手が足りず、…、とも書いています」: the subject of what was said,
                # no one new named: the speaker before goes on
                speaker = self.last_speaker
            if (
                self.lang == "ja"
                and reading.marker in self.lex.hearsay
                and (speaker is None or _ja_clause_subject(flat, speaker))
                and self.last_said is not None
                and self.last_said[0] == self.linker.paragraph_no
            ):
                # 「被害に遭った人の8割近くが65歳以上で、…だったという」: the source goes on
                speaker = self.last_said[1]
            elif self.lang == "ja" and speaker is None and reading.marker in self.lex.hearsay:
                self._no_marker(
                    sentence, line, column
                )  # hearsay with no source in sight: the author's telling
                return
            if speaker is not None and speaker in _JA_POINTING and self.last_speaker:
                # 「先月、市の防災アンケートの結果がまとまりました。それによると、…」
                speaker = self.last_speaker
            lead_person = _EN_LEAD_PERSON.match(flat) if self.lang == "en" else None
            if (
                speaker is not None
                and speaker.lower() in self.lex.speaker_anaphora
                and lead_person is not None
            ):
                # "When Professor Daniel Reyes … spoke to our staff, he told us that …"
                named_there = _en_subject_person(lead_person.group(1), self.lex)
                if named_there is not None:
                    speaker = named_there
            if speaker is not None and speaker.lower() in self.lex.speaker_anaphora and self.last_speaker:
                speaker = self.last_speaker
                if date is None and self.last_said == (self.linker.paragraph_no, speaker):
                    date = self.last_date  # "he" goes on in the same paragraph: the same occasion
            ev = _Claim(self.ids.new("E"), "evidence", reading.text, origin, speaker, date)
            # the time the words around what was said name, not a time in it (「来年4月から…と説明しました」),
            # and when, before what was said (「6月の定例会で、…と答弁しています」)
            occasion_phrase = _OCCASION_PHRASE.match(reading.text)
            if occasion_phrase is not None:
                frame += " " + occasion_phrase.group()
            named = self._same_named(frame) if date is None else None
            if named is not None:
                date = ev.date = named  # "argued at the same drop-in": the day the drop-in was
            elif date is None and not mentions_time(frame, self.lang):
                if self.occasion_paragraph is not None and not self._same_occasion(flat, speaker):
                    occasion = None  # another speaker, not said to be on the same day
                self.undated.append((ev, occasion))
            elif date is not None:  # the next statements of its paragraph may go on with it
                self.occasion = date
                self.occasion_paragraph = self.linker.paragraph_no
                self.occasion_speaker = speaker
            if link is not None:
                ev.url, ev.title = link.group(2), inline_title
            else:
                inline = URL_RE.search(flat)
                if inline:
                    ev.url = inline.group()
                else:
                    self.pending.append(ev)
            self.claims.append(ev)
            self.linker.evidence(ev)
            if speaker:
                self.last_speaker = speaker
                self.last_said = (self.linker.paragraph_no, speaker)
            if date is not None:
                self.last_date = date
            return
        hyp: _Claim | None = None
        if reading.hypothesis:
            hyp_origin = Origin(line, column, reading.hypothesis_marker or "", sentence)
            hyp = _Claim(self.ids.new("H"), "hypothesis", reading.hypothesis, hyp_origin)
            self.claims.append(hyp)
        self.occasion = None  # the argument has moved on from the occasion
        con = _Claim(self.ids.new("C"), "conclusion", reading.text, origin, conditional=hyp is not None)
        self.claims.append(con)
        self.connective = reading.marker
        premises, rule = self.linker.conclusion(con, reading.link, hyp)
        self.inferences.append(_Inference(self.ids.new("I"), premises, con.id, reading.marker, rule, origin))


def _claim_note(claim: _Claim, notes: Mapping[str, str]) -> str:
    """The note of a drafted claim: the marker, the article line, the sentence (on one line)."""
    o = claim.origin
    sentence = " ".join(o.sentence.split())
    return notes.get(claim.kind, "{marker} {line}").format(marker=o.marker, line=o.line, sentence=sentence)


def _inference_note(inference: _Inference, notes: Mapping[str, str]) -> str:
    """The note of a drafted inference: the marker, the article line and how its premises were chosen."""
    return notes.get("inference", "{marker} {line} {rule}").format(
        marker=inference.marker, line=inference.origin.line, rule=inference.rule
    )


def _build_map(
    b: MapBuilder, claims: list[_Claim], inferences: list[_Inference], notes: Mapping[str, str]
) -> tuple[ArgumentMap, dict[str, Origin]]:
    """The map of the drafted elements, with their notes, and where each came from."""
    origins: dict[str, Origin] = {}
    for c in claims:
        fields: dict[str, Any] = {"note": _claim_note(c, notes)}
        if c.kind == "evidence":
            fields["source"] = Source(url=c.url, title=c.title, speaker=c.speaker, date=c.date)
        if c.conditional:
            fields["conditional"] = True
        b.claim(c.id, c.kind, c.text or c.origin.sentence, **fields)
        origins[c.id] = c.origin
    for inf in inferences:
        b.inference(inf.id, inf.premises, inf.conclusion, marker=inf.marker, note=_inference_note(inf, notes))
        origins[inf.id] = inf.origin
    return b.build(), origins


def scaffold(text: str, lang: str | None = None) -> ArgumentMap:
    """Draft an argument map from a raw article (see :func:`draft` for the details).

    >>> m = scaffold("If Japan joins NATO, Russia is likely to see it as a threat.")
    >>> [(c.kind.value, c.text, c.conditional) for c in m.claims.values()]
    [('hypothesis', 'Japan joins NATO', False), ('conclusion', 'Russia is likely to see it as a threat', True)]
    >>> m.inferences["I1"].premises
    ('H1',)
    """
    _check_arguments("scaffold", text, lang, None)
    return draft(text, lang).map
