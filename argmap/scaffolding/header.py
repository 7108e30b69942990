"""The article's own title and date, read from the lines before its prose.

The *header* is the article's first non-blank lines, up to the first line of
prose (a line that ends a sentence, or a long one) and at most
:data:`HEADER_LINES` of them. In it:

* the **title** is the text after a title label (``タイトル：``, ``Title:``),
  else a Markdown heading (``# …``) or a headline marked with its kind
  (``【主張】…``, ``【社説】…``, its series label left out), else the first
  line that reads as a headline: neither a date line, a line of hashtags, a
  line of keywords, a section label in capitals (``INTERVIEW``), a byline, a
  reading time, an issue number nor a masthead (``KESTREL FM | The Morning
  Commentary``); a series label before it (``◇会員の声◇``) is left out. Else
  such a label line (with any date on it left out), else the longest keyword
  of a line of keywords that is neither quoted nor a date;
* the **date** is the first date after a date label (``公開日``,
  ``Published``, ``Posted on`` …) that is not an update's (``First
  published 27/07/2024 · Last updated 29/07/2024``: the 27th), else the first
  date of a header line, the latest one on a line of keywords or hashtags
  (where ``20230510`` is read too). A short question ends no header.

>>> lines = ["【解説】図書館の夜間開館", "公開日：2024年3月12日　文・編集部", "", "本文です。"]
>>> h = read_header(lines, ("公開日",), ("タイトル",))
>>> h.title, h.date.isoformat(), h.title_line, h.date_line
('図書館の夜間開館', '2024-03-12', 0, 1)
>>> h = read_header(["NATO 東京連絡事務所開設 前大統領 2022.08.26 外務省 日本 20230510", "", "本文。"], (), ())
>>> h.title, h.date.isoformat()
('東京連絡事務所開設', '2023-05-10')
"""

from __future__ import annotations

import datetime as _dt
import re

import attrs

from argmap.scaffolding.dates import find_dates
from argmap.scaffolding.split import URL_RE

__all__ = ["HEADER_LINES", "Header", "read_header"]

#: At most this many non-blank lines make the header.
HEADER_LINES = 6
#: A header line longer than this is prose.
_LONG = 120
_SENTENCE_END = re.compile(r"[。．！!？?]\s*[」』）)”\"’]?\s*$|\.[”\"’]?\s*$")
_COMPACT = re.compile(r"(?<![0-9])((?:19|20)[0-9]{2})([01][0-9])([0-3][0-9])(?![0-9])")
_HEADING = re.compile(r"^#{1,6}\s+(?P<t>\S.*)$")
_HASHTAG = re.compile(r"^[#＃]\S+$")
#: A headline that a newspaper marks with its kind: 【主張】, 【社説】, 【解説】.
_LABELLED_HEADLINE = re.compile(r"^【[^】]{1,8}】\s*\S")
_QUOTED = "『「“\"'‘(（【"
#: A series label before a headline: 【市長会見を読む】…, ◇会員の声◇ …, ■ … ■.
_SERIES = re.compile(
    r"^(?:【[^】]{1,16}】|◇[^◇]{1,16}◇|◆[^◆]{1,16}◆|■[^■]{1,16}■|\[[^\]]{1,16}\])[\s\u3000]*(?=\S)"
)
#: Lines that label a page rather than head it: a byline, a reading time, an
#: issue number, a section name in capitals ("INTERVIEW"), a masthead
#: ("KESTREL FM | The Morning Commentary").
_LABEL_LINE = re.compile(
    r"^(?:by|written by|words by|文[・：:]|取材[・：:])\s*\S"
    r"|\bmin(?:ute)?s? read\b|分で読め|第\s*[0-9０-９]+\s*号|\b(?:vol|no|issue)\.?\s*[0-9]+\b"
    r"|\s[|｜]\s|[|｜]|^[^·•]{1,30}(?:\s[·•]\s[^·•]{1,20}){1,3}$"
    r"|^(?:【[^】]{1,16}】|◇[^◇]{1,16}◇|◆[^◆]{1,16}◆|■[^■]{1,16}■|\[[^\]]{1,16}\])$"
    # a column's or a newsletter's name: スポーツコラム「白線の外から」, 連載・まちの記憶
    r"|^[^\s「」]{0,8}(?:コラム|連載|シリーズ|特集|通信|だより|新聞|日記|ブログ|広報紙|広報)(?:[「『・:：\s\u3000]|$)",
    re.IGNORECASE,
)
#: A section name in capitals, perhaps with a subsection after a dot or a bar
#: ("SCIENCE & HEALTH", "THE LEDGER LINE · Retail").
_CAPS = re.compile(r"^[A-Z][A-Z0-9&'’. -]{0,40}(?:\s*[·•|｜]\s*[^·•|｜]{1,30})?$")
#: A subtitle after a headline: 「――」, 「—」 or " — " between them.
_SUBTITLE = re.compile(r"[\s\u3000]*(?:――|——|─{2})|\s+[—–]\s+|\u3000[—–]\u3000")
_CJK = re.compile("[\u3040-\u30ff\u4e00-\u9fff]")
_UPDATE = re.compile(r"updat|modified|revised|更新|修正", re.IGNORECASE)
_SEPARATORS = " \u3000|｜·・-–—:：,，、/"


@attrs.frozen
class Header:
    """The title and date found, and the (0-based) lines they came from."""

    title: str | None = None
    title_line: int | None = None
    date: _dt.date | None = None
    date_line: int | None = None
    #: Every header line used for the title or the date.
    lines: tuple[int, ...] = ()


def _dates(text: str, compact: bool) -> list[tuple[int, int, _dt.date]]:
    """(start, end, date) of each date in ``text``; ``compact`` also reads 20230510."""
    out = [(d.start, d.end, d.date) for d in find_dates(text)]
    if compact:
        for m in _COMPACT.finditer(text):
            try:
                day = _dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            except ValueError:
                continue
            if not any(s <= m.start() < e for s, e, _ in out):
                out.append((m.start(), m.end(), day))
    return sorted(out, key=lambda t: t[0])


def _is_prose(line: str) -> bool:
    """A line of the article's prose: long, ending a sentence, or a link after some text."""
    return (
        len(line) > _LONG
        or _SENTENCE_END.search(line) is not None
        or (URL_RE.search(line) is not None and URL_RE.match(line) is None)
    )


def _tokens(line: str) -> list[str]:
    return line.split()


_SMALL_WORD = re.compile(r"^[a-z]{1,3}$")


def _is_keywords(line: str) -> bool:
    """A line of keywords: six or more words with a date among them, none
    ending a sentence and none a small English word (a title has "of", "in")."""
    tokens = _tokens(line)
    return (
        len(tokens) >= 6
        and not any(t.endswith(("。", ".")) or _SMALL_WORD.match(t) for t in tokens)
        and bool(_dates(line, compact=True))
    )


def _is_hashtags(line: str) -> bool:
    tokens = _tokens(line)
    tags = sum(bool(_HASHTAG.match(t)) for t in tokens)
    return tags >= 1 and tags >= len(tokens) - 1


def _strip_label(line: str, labels: tuple[str, ...]) -> str | None:
    """The text after one of ``labels`` and a colon, or None."""
    low = line.lower()
    for label in labels:
        if low.startswith(label.lower()):
            rest = line[len(label) :].lstrip(" \u3000")
            if rest[:1] in (":", "："):
                return rest[1:].strip() or None
    return None


def _date_label_at(line: str, labels: tuple[str, ...]) -> bool:
    low = line.lower()
    return any(label.lower() in low for label in labels)


def _without_dates(line: str, spans: list[tuple[int, int, _dt.date]]) -> str:
    out, at = [], 0
    for s, e, _ in spans:
        out.append(line[at:s])
        at = e
    out.append(line[at:])
    return "".join(out).strip(_SEPARATORS)


def _title_so_far(lines: list[str], header: list[int]) -> str | None:
    """A header line read so far that could be a headline, else None."""
    for i in header:
        s = lines[i].strip()
        if (
            not _LABEL_LINE.search(s)
            and not _CAPS.match(s)
            and not _dates(s, compact=True)
            and not URL_RE.match(s)
        ):
            return s
    return None


def read_header(lines: list[str], date_labels: tuple[str, ...], title_labels: tuple[str, ...]) -> Header:
    """The title and date of the article made of ``lines`` (see the module)."""
    header: list[int] = []
    for i, raw in enumerate(lines):
        s = raw.strip()
        if not s:
            continue
        following = next((ln.strip() for ln in lines[i + 1 : i + 3] if ln.strip()), "")
        question = (
            s.endswith(("?", "？"))
            and len(s) <= _LONG
            # a question headline: the first, or one right above the date line
            and (not header or _title_so_far(lines, header) is None or bool(_dates(following, compact=False)))
        )
        dated = len(s) <= _LONG and _date_label_at(s, date_labels) and bool(_dates(s, compact=False))
        if dated and _is_prose(s) and len(s) > 60:
            # a sentence that mentions a date ("In a report published on 3 May
            # 2024, the trust …") is prose, unless the label opens the line
            dated = _date_label_at(" ".join(s.split()[:2]), date_labels)
        if len(header) >= HEADER_LINES or (
            _is_prose(s) and not _is_keywords(s) and not _HEADING.match(s) and not question and not dated
        ):
            break
        following = lines[i + 1].strip() if i + 1 < len(lines) else ""
        if following[:1].islower():
            break  # a sentence wrapped onto the next line: prose
        header.append(i)
    # the title of the highest rank wins: a label (3), a heading (2), the
    # first plain line (1), the longest keyword (0)
    best: tuple[int, str, int] | None = None
    plain: list[tuple[int, str, int]] = []  # the candidates of rank 1
    date: _dt.date | None = None
    date_line: int | None = None
    labelled_date = False
    date_is_update = False
    for i in header:
        s = lines[i].strip()
        if URL_RE.match(s):
            continue
        hashtags = _is_hashtags(s)
        labelled = _date_label_at(s, date_labels)
        keywords = _is_keywords(s) and not hashtags and not labelled
        spans = _dates(s, compact=keywords or hashtags)
        if spans:
            # the first publication date wins over an update's
            # (what stands between the date before and this one says whose date it is)
            published = [
                t for k, t in enumerate(spans) if not _UPDATE.search(s[spans[k - 1][1] if k else 0 : t[0]])
            ]
            pick = max(spans, key=lambda t: t[2]) if (keywords or hashtags) else (published or spans)[0]
            only_update = not published
            if date is None or (labelled and not only_update and (not labelled_date or date_is_update)):
                date, date_line, labelled_date = pick[2], i, labelled
                date_is_update = only_update
        if hashtags:
            continue
        candidate: tuple[int, str, int] | None = None
        after_label = _strip_label(s, title_labels)
        m = _HEADING.match(s)
        if after_label:
            candidate = (3, after_label, i)
        elif m:
            candidate = (2, _SERIES.sub("", m.group("t").strip()), i)
        elif _LABELLED_HEADLINE.match(s) and not spans:
            candidate = (2, _SERIES.sub("", s), i)  # 「【主張】図書室を…」 under a masthead: the headline
        elif keywords:
            words = [t for t in _tokens(s) if t[0] not in _QUOTED and not _dates(t, compact=True)]
            if words:
                candidate = (0, max(words, key=len), i)
        else:
            rest = _without_dates(s, spans)
            if rest and not labelled and not (spans and len(rest) < 6):
                headline = _SERIES.sub("", rest)
                # a section label, a byline or a masthead ranks below any headline
                label = _LABEL_LINE.search(rest) is not None or _CAPS.match(rest) is not None
                # a name of two words or a few characters (読者の声, "Opinion")
                # heads a column, not the article: any longer line before the prose wins
                short = len(headline.split()) <= 2 and len(headline) <= (6 if _CJK.search(headline) else 20)
                candidate = (0 if label or spans or short else 1, headline, i)
        if candidate is not None and candidate[0] == 1:
            plain.append(candidate)
        if candidate is not None and (
            best is None
            or candidate[0] > best[0]
            # of two plain lines, the site's or the column's name is the shorter:
            # 「ゆるっと下町ぐらし」 above 「「松の湯」が今月で閉店。…」
            or (candidate[0] == best[0] == 1 and len(candidate[1]) > 1.5 * len(best[1]))
        ):
            best = candidate
    if best is not None and best[0] == 1 and date_line is not None:
        # a blog's name, then the post's title right above its date line
        # ("Fixing Things Slowly — old stuff that still works" / the title / "Posted on …")
        above = [c for c in plain if c[2] == date_line - 1]
        if above:
            best = above[0]
    title, title_line = (best[1], best[2]) if best else (None, None)
    if title is not None:
        # 「収蔵庫が満杯です――寄贈品とのつきあい方を…」: the headline, not its subtitle
        head = _SUBTITLE.split(title, maxsplit=1)[0].strip()
        title = head if len(head) >= 4 else title
    used = tuple(sorted({x for x in (title_line, date_line) if x is not None}))
    return Header(title, title_line, date, date_line, used)
