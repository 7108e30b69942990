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

import functools
import re
from collections.abc import Mapping
from typing import Any

import attrs

from argmap.errors import ArgmapError, Problem
from argmap.formats import dumps
from argmap.model import ArgumentMap, Document, MapBuilder, Source
from argmap.scaffolding.dates import DateMatch, find_dates, leading_date
from argmap.scaffolding.detect import detect
from argmap.scaffolding.lexicon import LANGS, Lexicon, lexicon
from argmap.scaffolding.split import URL_RE, split
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


@attrs.frozen
class Unmatched:
    """A stretch of the article that is not in the map, and why."""

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

    def comment(self) -> str:
        """The left-out sentences and lines as a YAML comment block, each in full on one line."""
        if not self.unmatched:
            return ""
        out = ["", "# Not in the map (line: text). Sentences with no marker may still matter:"]
        for u in self.unmatched:
            where = str(u.line) if u.last_line == u.line else f"{u.line}-{u.last_line}"
            text = " ".join(u.text.split())
            out.append(f"# {where} [{u.why}]: {text}")
        return "\n".join(out) + "\n"

    def to_yaml(self) -> str:
        """The map as YAML followed by :meth:`comment`."""
        with paused_gc():
            return dumps(self.map) + self.comment()


# ---------------------------------------------------------------- lines


_UNPRINTABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]")
_HASHTAG_TOKEN = re.compile(r"[#＃]\S+")


def _is_url_line(s: str) -> bool:
    m = URL_RE.match(s)
    return m is not None and m.end() == len(s)


def _is_hashtags(s: str) -> bool:
    d = leading_date(s)
    rest = s[d.end :] if d else s
    tokens = rest.split()
    return bool(tokens) and all(_HASHTAG_TOKEN.fullmatch(t) for t in tokens)


def _is_date_line(s: str) -> bool:
    d = leading_date(s)
    return d is not None and (d.end == len(s) or _is_hashtags(s))


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
        elif in_block:
            if prev == "url":
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
        # only near the end: a thank-you quoted in the body is not the sign-off
        if i >= len(lines) * 0.6 and any(p in para for p in lex.signoff):
            kinds[i:j] = ["signoff"] * (j - i)
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
_INLINE_SOURCE = re.compile(r"\s*(?:出典[:：]\s*|source:\s*)?https?://[^\s)）]+\s*", re.IGNORECASE)


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
    for _ in range(4):  # a URL may hold a bracket or two of its own: a(b)
        start = max(text.rfind("(", 0, end), text.rfind("（", 0, end))
        if start < 0:
            break
        if _INLINE_SOURCE.fullmatch(text, start + 1, len(text) - 1):
            return text[:start].rstrip().rstrip(_TRAIL)
        end = start
    return text


# After the speaker's particle: an optional "when" (9日、 / 2023年11月2日、 / 同日、),
# then 、 or the opening of a quotation.
_JA_WHEN = r"(?:[0-9０-９]{4}[年./\-][0-9０-９年月日./\-]{1,10}|[0-9０-９]{1,2}日|同日|昨日|今日|先週|先月)?"
_EN_TIME = r"(?:\s+(?:on|in|last|this|at|during|earlier|late)\b[^,\"“]*?(?=,|\s+that\b))?"
#: A time phrase after a final reporting verb ("…," she said on Monday, May 5.), at most this long:
#: every pattern that may try many places in a sentence does bounded work at each.
_EN_TAIL = r"(?:\s+(?:on|in|last|this)\s+[^\"“”]{1,80}?)?$"


@attrs.frozen
class _Patterns:
    """The lexicon's markers compiled once per language (not once per sentence)."""

    ja_speaker: re.Pattern[str]
    ja_name: re.Pattern[str]
    ja_supposition: re.Pattern[str]  # after an opener (もし、…ば、)
    ja_supposition_strong: re.Pattern[str]  # without one (…となれば、)
    en_phrase_lead: tuple[tuple[str, re.Pattern[str]], ...]
    en_phrase_tail: tuple[tuple[str, re.Pattern[str]], ...]
    en_quote_then_speaker: re.Pattern[str]
    en_speaker_first: re.Pattern[str]
    en_speaker_last: re.Pattern[str]
    en_verb_last: re.Pattern[str]
    en_judgment: tuple[tuple[str, re.Pattern[str]], ...]
    en_supposition_after: tuple[tuple[str, re.Pattern[str]], ...]


@functools.cache
def _patterns(lang: str) -> _Patterns:
    lex = lexicon(lang)
    parts = "|".join(map(re.escape, lex.speaker_particles)) or "(?!)"
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
        ja_speaker=re.compile(rf"(.{{1,{most}}}?)(?:{parts}){_JA_WHEN}(?:[、,，]|(?=[「『]))"),
        ja_name=re.compile(rf"((?:[^\u3040-\u309f、。\s]|の){{1,{most}}}?)(?:{parts})"),
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
            rf"(?P<c>[\"“].+?[,.!?][\"”])\s+(?P<sp>{speaker})\s+(?P<v>{verbs}){_EN_TAIL}", re.IGNORECASE
        ),
        # "X said (on Monday) (that) ..."
        en_speaker_first=re.compile(
            rf"(?P<sp>{speaker})\s+(?P<v>{verbs})\b{_EN_TIME}(?:,|\s+that\b|:)?\s*(?P<c>.+)", re.IGNORECASE
        ),
        # "... , X said."
        en_speaker_last=re.compile(
            rf"(?P<c>.+?)(?<![,\"”])[,\"”]+\s+(?P<sp>{speaker_no_comma})\s+(?P<v>{verbs}){_EN_TAIL}",
            re.IGNORECASE,
        ),
        # "'...,' said X."
        en_verb_last=re.compile(
            rf"(?P<c>.+?)(?<![,\"”])[,\"”]+\s+(?P<v>{verbs})\s+(?P<sp>[^,\s]+(?:\s[^,\s]+){{0,{words}}})$",
            re.IGNORECASE,
        ),
        en_judgment=tuple((m, re.compile(rf"\b{re.escape(m)}\b")) for m in lex.judgment_anywhere),
        en_supposition_after=tuple(
            (o, re.compile(rf"(,\s+|\s+)({re.escape(o)})\s+(.+)$", re.IGNORECASE))
            for o in lex.supposition_open
        ),
    )


_EN_MODAL = re.compile(r"\b(would|could|might|will|may)\b", re.IGNORECASE)


def _strip_initial(body: str, markers: tuple[str, ...], lang: str) -> str | None:
    low = body.lower() if lang == "en" else body
    for m in markers:
        if low.startswith(m):
            rest = body[len(m) :]
            if rest[:1] in ("、", ",", "，"):
                return m
            if lang == "en" and " " in m and rest[:1] == " ":
                return m
    return None


def _after_marker(body: str, marker: str) -> str:
    return body[len(marker) :].lstrip("、,， \u3000")


def _drop_final(text: str, lex: Lexicon) -> str:
    for d in lex.drop_final:
        if text.endswith(d) and len(text) > len(d):
            return text[: -len(d)]
    return text


def _ja_speaker(content: str, lex: Lexicon) -> tuple[str | None, str]:
    pats = _patterns(lex.lang)
    m = pats.ja_speaker.match(content)
    if m is None:
        # 「政府は来年度から…と発表しました」: a name (kanji, katakana, Latin,
        # joined by の) right at the start, then the particle; not 「東京では雨が」
        m = pats.ja_name.match(content)
    if m is None:
        return None, content
    speaker = re.split(r"[、,，]", m.group(1))[-1].strip()
    if not speaker:
        return None, content
    return speaker, content[m.end() :].strip()


def _ja_supposition(text: str, lex: Lexicon) -> tuple[str, str, str, str] | None:
    """(hypothesis, marker, consequent, opener) for a supposition clause, or None."""
    opener = next((o for o in lex.supposition_open if text.startswith(o)), None)
    body = text[len(opener) :].lstrip("、,， ") if opener else text
    pats = _patterns(lex.lang)
    m = (pats.ja_supposition if opener else pats.ja_supposition_strong).search(body)
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
    for m in lex.attribution_final:
        if core.endswith(m):
            speaker, content = _ja_speaker(_drop_final(core[: -len(m)], lex), lex)
            return _Reading("evidence", content.strip("、 "), m, speaker, date)
    for m in lex.attribution_phrase:
        i = core.find(m, 0, lex.speaker_max_length + len(m))
        if 0 < i <= lex.speaker_max_length:
            speaker = re.split(r"[、,，]", core[:i])[-1].strip() or None
            return _Reading("evidence", _after_marker(core[i:], m), m, speaker, date)
    initial = _strip_initial(body, lex.summary, "ja")
    link = "summary"
    if initial is None:
        initial, link = _strip_initial(body, lex.sequel, "ja"), "sequel"
    if initial is None:
        initial, link = _strip_initial(body, lex.continuation, "ja"), "continuation"
        if initial is None:
            link = "plain"
    rest = _after_marker(core, initial) if initial else core
    final = next((m for m in lex.judgment_final if rest.endswith(m)), None)
    if final:
        rest = _drop_final(rest[: -len(final)], lex)
    sup = _ja_supposition(rest, lex)
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
    r"(?:\s+(?:has|have|had|also|later|previously|repeatedly|again|publicly|reportedly))+\s*\Z", re.I
)


def _en_attribution(body: str, lex: Lexicon) -> tuple[str, str | None, str] | None:
    """(content, speaker, marker) for an attributed English statement, or None."""
    pats = _patterns(lex.lang)
    core = _strip_inline_source(body)
    low = core.lower()
    for (p, lead), (_, tail) in zip(pats.en_phrase_lead, pats.en_phrase_tail, strict=True):
        if low.startswith(p + " "):
            m = lead.match(core)
            if m:
                return m.group(2), m.group(1).strip(), p
        m = tail.match(core)
        if m:
            return m.group(1), m.group(2).strip(), p
    m = pats.en_quote_then_speaker.match(core)
    if m and _words(m.group("sp")) <= lex.speaker_max_words:
        return m.group("c").strip('"“”,. '), m.group("sp").strip(" ,"), m.group("v")
    m = pats.en_speaker_first.match(core)
    if m and _words(m.group("sp")) <= lex.speaker_max_words and m.group("sp")[0] not in "\"“'‘":
        speaker = _EN_AUX.sub("", m.group("sp")).strip(" ,")
        if speaker and not _EN_CLAUSE.search(speaker):
            return m.group("c").strip().strip('"“”'), speaker, m.group("v")
    m = pats.en_speaker_last.match(core)
    if m and _words(m.group("sp")) <= lex.speaker_max_words:
        return m.group("c").strip().strip('"“”,'), m.group("sp").strip(), m.group("v")
    m = pats.en_verb_last.match(core)
    if m and _words(m.group("sp")) <= lex.speaker_max_words:
        return m.group("c").strip().strip('"“”,'), m.group("sp").strip(), m.group("v")
    return None


def _en_supposition(text: str, lex: Lexicon) -> tuple[str, str, str] | None:
    """(hypothesis, marker, consequent) for an English supposition, or None."""
    low = text.lower()
    for o in lex.supposition_open:
        if low.startswith(o + " "):
            comma = text.find(",", len(o))
            if comma > len(o) + 1:
                return text[len(o) + 1 : comma].strip(), o, text[comma + 1 :].strip()
    for o, pattern in _patterns(lex.lang).en_supposition_after:
        m = pattern.search(text)
        if m and (m.group(1).startswith(",") or _EN_MODAL.search(text, 0, m.start())):
            return m.group(3).strip(), o, text[: m.start()].strip()
    return None


def _read_en(sentence: str, lex: Lexicon) -> _Reading | None:
    date, body = _en_strip_date(sentence.strip())
    initial = _strip_initial(body, lex.summary, "en")
    link = "summary"
    if initial is None:
        initial, link = _strip_initial(body, lex.sequel, "en"), "sequel"
    if initial is None:
        cont = _strip_initial(body, lex.continuation, "en")
        link = "continuation" if cont else "plain"
        attributed = _en_attribution(_after_marker(body, cont) if cont else body, lex)
        if attributed is not None:
            content, speaker, marker = attributed
            return _Reading("evidence", content, marker, speaker, date)
        initial = cont
    rest = (_after_marker(body, initial) if initial else body).rstrip(_TRAIL)
    if rest[:1].islower() and initial:
        rest = rest[0].upper() + rest[1:]
    low = rest.lower()
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


#: A plain judgment rests on at most this many claims just before it in its
#: paragraph: a text with no blank lines is one long paragraph, and linking
#: each judgment to every claim before it would grow with the square of it.
PARAGRAPH_PREMISES = 8

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
        raise ArgmapError([Problem(f"unknown article language {lang!r}: use one of {choices}")])
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
    # CR LF and a lone CR end a line as LF does. Characters YAML cannot hold,
    # and other line breaks, become spaces (one for one, so lines and columns
    # stay as in the article).
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _UNPRINTABLE.sub(" ", text)
    lang = chosen or detect(text)
    lex = lexicon(lang)
    read = _read_ja if lang == "ja" else _read_en
    lines = text.split("\n")
    kinds = _classify(lines, lex)
    offsets = [0]
    for ln in lines:
        offsets.append(offsets[-1] + len(ln) + 1)

    claims: list[_Claim] = []
    inferences: list[tuple[str, list[str], str, str, str, Origin]] = []
    unmatched: list[Unmatched] = []
    counters = {"E": 0, "C": 0, "H": 0, "I": 0}

    def new_id(prefix: str) -> str:
        counters[prefix] += 1
        return f"{prefix}{counters[prefix]}"

    pending: list[_Claim] = []  # evidence waiting for its source block
    since_summary: list[str] = []
    last_claim: _Claim | None = None
    first_text: str | None = None
    notes = lex.notes
    line_dates: dict[int, DateMatch | None] = {}  # the first date on a line, found once

    def date_before(line: int, column: int) -> DateMatch | None:
        """The first date on ``line`` when it ends before ``column``."""
        if line not in line_dates:
            found = find_dates(lines[line - 1])
            line_dates[line] = found[0] if found else None
        first = line_dates[line]
        return first if first is not None and first.end <= column - 1 else None

    def ignore(i: int, j: int, why: str) -> None:
        body = " ".join(ln.strip() for ln in lines[i:j] if ln.strip())
        unmatched.append(Unmatched(i + 1, j, body, why))

    i = 0
    while i < len(lines):
        kind = kinds[i]
        j = i + 1
        while j < len(lines) and kinds[j] == kind and kind not in ("url", "title"):
            j += 1
        if kind == "url":
            url = lines[i].strip()
            title = lines[i + 1].strip() if i + 1 < len(lines) and kinds[i + 1] == "title" else None
            page_date = None
            k = i + 2 if title else i + 1
            date_line = k < len(lines) and kinds[k] == "pagedate"
            if date_line:
                page_date = leading_date(lines[k])
            date_used = False
            for ev in pending:
                ev.url, ev.title = url, title
                if ev.date is None and page_date is not None:
                    ev.date = page_date.date
                    date_used = True
            if not pending:
                block = " ".join(x for x in (url, title, lines[k].strip() if date_line else None) if x)
                last = k + 1 if date_line else (i + 2 if title else i + 1)
                unmatched.append(Unmatched(i + 1, last, block, "source with no statement before it"))
            elif date_line and (not date_used or page_date is None or page_date.end < len(lines[k].rstrip())):
                # the date line says more than the date the map took from it
                why = "hashtags" if date_used else "date of a source, not used"
                unmatched.append(Unmatched(k + 1, k + 1, lines[k].strip(), why))
            pending = []
            j = k + 1 if date_line else k  # the title and date lines belong to the block
        elif kind == "text":
            start, end = offsets[i], offsets[j] - 1
            paragraph: list[str] = []
            for s in split(text[start:end], lang):
                if not s.text:
                    continue
                line = i + s.line
                last_line = line + s.text.count("\n")
                if first_text is None:
                    first_text = s.text
                flat = _flat(s.text, lang)
                reading = read(flat, lex)
                if reading is None:
                    unmatched.append(Unmatched(line, last_line, s.text, "no marker"))
                    continue
                origin = Origin(line, s.column, reading.marker, s.text)
                if reading.kind == "evidence":
                    date = reading.date.date if reading.date else None
                    if date is None:
                        found = find_dates(flat)
                        before = found[0] if found else date_before(line, s.column)
                        date = before.date if before else None
                    inline = URL_RE.search(flat)
                    ev = _Claim(new_id("E"), "evidence", reading.text, origin, reading.speaker, date)
                    if inline:
                        ev.url = inline.group()
                    else:
                        pending.append(ev)
                    claims.append(ev)
                    since_summary.append(ev.id)
                    paragraph.append(ev.id)
                    last_claim = ev
                    continue
                hyp: _Claim | None = None
                if reading.hypothesis:
                    hyp_origin = Origin(line, s.column, reading.hypothesis_marker or "", s.text)
                    hyp = _Claim(new_id("H"), "hypothesis", reading.hypothesis, hyp_origin)
                    claims.append(hyp)
                con = _Claim(new_id("C"), "conclusion", reading.text, origin, conditional=hyp is not None)
                claims.append(con)
                premises: list[str] = [hyp.id] if hyp else []
                rules = [notes.get("rule_hypothesis", "")] if hyp else []
                if reading.link == "summary":
                    premises += since_summary
                    rules.append(notes.get("rule_summary", ""))
                    since_summary = []
                elif reading.link == "sequel" and last_claim is not None:
                    premises.append(last_claim.id)
                    rules.append(notes.get("rule_sequel", ""))
                elif (
                    reading.link == "continuation"
                    and last_claim is not None
                    and last_claim.kind == "conclusion"
                ):
                    premises.append(last_claim.id)
                    rules.append(notes.get("rule_continuation", ""))
                elif not hyp and paragraph:
                    premises += paragraph[-PARAGRAPH_PREMISES:]
                    rules.append(notes.get("rule_paragraph", ""))
                if reading.link != "summary":
                    since_summary.append(con.id)
                paragraph.append(con.id)
                del paragraph[:-PARAGRAPH_PREMISES]
                rule = " + ".join(r for r in rules if r) or notes.get("rule_none", "")
                inferences.append(
                    (new_id("I"), list(dict.fromkeys(premises)), con.id, reading.marker, rule, origin)
                )
                last_claim = con
        elif kind in ("excerpt", "hashtag", "nav", "signoff"):
            why = {
                "excerpt": "quoted from a source",
                "hashtag": "hashtags",
                "nav": "navigation",
                "signoff": "sign-off",
            }[kind]
            ignore(i, j, why)
        i = j

    title = notes.get("title", "{first}").format(first=_first_words(first_text or "", lang))
    b = MapBuilder(title, lang=lang, document=document)
    origins: dict[str, Origin] = {}
    for c in claims:
        o = c.origin
        sentence = " ".join(o.sentence.split())
        note = notes.get(c.kind, "{marker} {line}").format(marker=o.marker, line=o.line, sentence=sentence)
        fields: dict[str, Any] = {"note": note}
        if c.kind == "evidence":
            fields["source"] = Source(url=c.url, title=c.title, speaker=c.speaker, date=c.date)
        if c.conditional:
            fields["conditional"] = True
        b.claim(c.id, c.kind, c.text or o.sentence, **fields)
        origins[c.id] = o
    for iid, premises, conclusion, marker, rule, o in inferences:
        note = notes.get("inference", "{marker} {line} {rule}").format(marker=marker, line=o.line, rule=rule)
        b.inference(iid, premises, conclusion, marker=marker, note=note)
        origins[iid] = o
    unmatched.sort(key=lambda u: u.line)
    return Draft(b.build(), origins, tuple(unmatched))


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
