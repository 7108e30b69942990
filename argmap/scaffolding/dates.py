"""Dates as articles write them: a small grammar, found anywhere in a text.

Recognised forms: ``2023.05.09``, ``2023/5/9``, ``2023-05-09`` (ISO, with or
without a time after it), ``27/07/2024`` and ``07/27/2024`` (the day first
when both readings are possible),
``2023年5月9日`` (with full-width digits too), ``令和5年4月5日``,
``Apr 5, 2023`` / ``April 5, 2023`` / ``Apr. 5th, 2023`` and
``5 April 2023``. Impossible days (``2023.02.30``) are not dates.

>>> [(m.text, m.date.isoformat()) for m in find_dates("2023.05.09冨田大使は… May 5, 2023 ・ 5 April 2023 ・ 2023年5月4日")]
[('2023.05.09', '2023-05-09'), ('May 5, 2023', '2023-05-05'), ('5 April 2023', '2023-04-05'), ('2023年5月4日', '2023-05-04')]
>>> parse("令和5年4月5日")
datetime.date(2023, 4, 5)
>>> format_date(parse("Apr 5, 2023"), "ja")
'2023年4月5日'
"""

from __future__ import annotations

import datetime as _dt
import re
import unicodedata

import attrs

__all__ = [
    "STYLES",
    "DateMatch",
    "find_dates",
    "format_date",
    "leading_date",
    "mentions_time",
    "parse",
    "relative_date",
]

MONTHS = {
    name: i + 1
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ]
    )
    for name in names
}
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_ERAS = {"令和": 2018, "平成": 1988, "昭和": 1925}
_D = "[0-9０-９]"

_DATE_RE = re.compile(
    rf"(?<![0-9０-９])(?P<y1>{_D}{{4}})(?P<sep>[./\-])(?P<m1>{_D}{{1,2}})(?P=sep)(?P<d1>{_D}{{1,2}})(?![0-9０-９]|[./\-][0-9])"
    rf"|(?<![0-9０-９])(?P<y2>{_D}{{4}})\s*年\s*(?P<m2>{_D}{{1,2}})\s*月\s*(?P<d2>{_D}{{1,2}})\s*日"
    rf"|(?P<era>令和|平成|昭和)\s*(?P<ey>{_D}{{1,2}}|元)\s*年\s*(?P<m3>{_D}{{1,2}})\s*月\s*(?P<d3>{_D}{{1,2}})\s*日"
    rf"|\b(?P<mon4>{_MONTH})\.?\s+(?P<d4>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y4>\d{{4}})(?!\d)"
    rf"|\b(?P<d5>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<mon5>{_MONTH})\.?,?\s+(?P<y5>\d{{4}})(?!\d)"
    rf"|(?<![0-9０-９./\-A-Za-z])(?P<a6>{_D}{{1,2}})(?P<sep6>[/.])(?P<b6>{_D}{{1,2}})(?P=sep6)(?P<y6>{_D}{{4}})(?![0-9０-９]|[./\-][0-9])",
    re.IGNORECASE,
)


@attrs.frozen
class DateMatch:
    """A date found in a text, with its span ``[start, end)``."""

    start: int
    end: int
    text: str
    date: _dt.date


def _int(s: str) -> int:
    return int(unicodedata.normalize("NFKC", s))


def _build(m: re.Match[str]) -> _dt.date | None:
    g = m.groupdict()
    try:
        if g["y1"]:
            return _dt.date(_int(g["y1"]), _int(g["m1"]), _int(g["d1"]))
        if g["y2"]:
            return _dt.date(_int(g["y2"]), _int(g["m2"]), _int(g["d2"]))
        if g["era"]:
            year = 1 if g["ey"] == "元" else _int(g["ey"])
            return _dt.date(_ERAS[g["era"]] + year, _int(g["m3"]), _int(g["d3"]))
        if g["y6"]:
            # DD/MM/YYYY or MM/DD/YYYY: the one that is a possible date, the
            # day first when both are (27/07/2024, 07/27/2024, 03/04/2024 = 3 April)
            a, b = _int(g["a6"]), _int(g["b6"])
            day, month = (b, a) if a <= 12 < b else (a, b)
            return _dt.date(_int(g["y6"]), month, day)
        if g["mon4"]:
            return _dt.date(int(g["y4"]), MONTHS[g["mon4"].lower()], int(g["d4"]))
        return _dt.date(int(g["y5"]), MONTHS[g["mon5"].lower()], int(g["d5"]))
    except ValueError:
        return None


def find_dates(text: str, start: int = 0, end: int | None = None) -> list[DateMatch]:
    """Every date in ``text[start:end]``, in order (impossible days left out)."""
    out = []
    for m in _DATE_RE.finditer(text, start, len(text) if end is None else end):
        d = _build(m)
        if d is not None:
            out.append(DateMatch(m.start(), m.end(), m.group(), d))
    return out


def leading_date(text: str) -> DateMatch | None:
    """The date ``text`` begins with (after spaces), or None.

    >>> leading_date(" 2023.05.09冨田大使は").end
    11
    >>> leading_date("大使は2023.05.09に") is None
    True
    """
    stripped = len(text) - len(text.lstrip())
    m = _DATE_RE.match(text, stripped)
    if m is None:
        return None
    d = _build(m)
    return None if d is None else DateMatch(m.start(), m.end(), m.group(), d)


def parse(text: str) -> _dt.date:
    """The date ``text`` is written as, in any recognised form (ValueError if none).

    >>> parse("5th April 2023")
    datetime.date(2023, 4, 5)
    >>> parse("2023.02.30")
    Traceback (most recent call last):
    ...
    ValueError: '2023.02.30' is not a date argmap recognises
    """
    m = _DATE_RE.fullmatch(text.strip())
    d = None if m is None else _build(m)
    if d is None:
        raise ValueError(f"{text!r} is not a date argmap recognises")
    return d


_MONTH_NAMES = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]

#: Names of the forms :func:`format_date` writes.
STYLES = ("dots", "slashes", "iso", "ja", "reiwa", "mdy", "mdy-short", "dmy")


def format_date(d: _dt.date, style: str) -> str:
    """Write ``d`` in one of :data:`STYLES` (``reiwa`` only from 2019-05-01 on)."""
    month = _MONTH_NAMES[d.month - 1]
    forms = {
        "dots": f"{d.year:04d}.{d.month:02d}.{d.day:02d}",
        "slashes": f"{d.year:04d}/{d.month}/{d.day}",
        "iso": d.isoformat(),
        "ja": f"{d.year:04d}年{d.month}月{d.day}日",
        "reiwa": f"令和{d.year - 2018}年{d.month}月{d.day}日",
        "mdy": f"{month} {d.day}, {d.year:04d}",
        "mdy-short": f"{month[:3]} {d.day}, {d.year:04d}",
        "dmy": f"{d.day} {month} {d.year:04d}",
    }
    return forms[style]


_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_RELATIVE_JA = re.compile(
    rf"(?P<same>同日)|(?P<next>翌日)|(?P<before>おととい|一昨日)|(?P<yesterday>昨日)|(?P<today>本日|今日|今朝|先ほど|さきほど)"
    rf"|(?P<lastyear>昨年|去年)?(?P<m>{_D}{{1,2}})\s*月\s*(?P<md>{_D}{{1,2}})\s*日"
    rf"|(?:先月|前月)(?P<lmd>{_D}{{1,2}})\s*日|今月(?P<tmd>{_D}{{1,2}})\s*日"
    rf"|(?<![0-9０-９月])(?P<d>{_D}{{1,2}})\s*日(?!本|間)"
)
_RELATIVE_EN = re.compile(
    rf"\b(?:(?P<before>the day before yesterday)|(?P<yesterday>yesterday)"
    rf"|(?P<today>today|this morning|this afternoon|this evening|tonight)"
    # a weekday, unless its day follows ("on Monday 10 June": the 10th)
    rf"|(?P<on>on|last|at)\s+(?P<wd>{'|'.join(_WEEKDAYS)})(?:'s|’s)?\b(?!,?\s+\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTH})\b)"
    rf"|(?P<mon>{_MONTH})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b(?!,?\s*\d{{4}})"
    rf"|(?<![\d.,])(?P<md>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon2>{_MONTH})\b\.?(?!,?\s*\d{{4}}))",
    re.IGNORECASE,
)


def _month_back(year: int, month: int) -> tuple[int, int]:
    return (year - 1, 12) if month == 1 else (year, month - 1)


def relative_date(
    text: str,
    lang: str,
    article: _dt.date | None,
    previous: _dt.date | None = None,
    *,
    roll_back: bool = True,
) -> _dt.date | None:
    """The date a statement gives relative to the article's date ``article``:
    「11日」「5月20日」「昨日」, "on Monday", "April 25", "yesterday"; 「同日」
    is the date of the statement before (``previous``). None when there is
    none or nothing to count from. A day after the article's is in the month
    (or year) before.

    >>> a = _dt.date(2024, 3, 12)
    >>> relative_date("館長は11日の記者会見で", "ja", a), relative_date("told them on Monday that", "en", a)
    (datetime.date(2024, 3, 11), datetime.date(2024, 3, 11))
    >>> relative_date("she said on April 25.", "en", a), relative_date("同日、", "ja", a, _dt.date(2024, 3, 1))
    (datetime.date(2023, 4, 25), datetime.date(2024, 3, 1))

    With ``roll_back=False`` a day and month after the article's date is none
    (a meeting to come, not last year's):

    >>> relative_date("will meet on 22 May", "en", a, roll_back=False) is None
    True
    """
    pattern = _RELATIVE_JA if lang == "ja" else _RELATIVE_EN
    m = pattern.search(text)
    if m is None:
        return None
    g = m.groupdict()
    if g.get("same"):
        return previous
    if g.get("next"):  # 「翌日」: the day after the one before
        return previous + _dt.timedelta(days=1) if previous is not None else None
    if article is None:
        return None
    try:
        if g.get("before"):
            return article - _dt.timedelta(days=2)
        if g.get("yesterday"):
            return article - _dt.timedelta(days=1)
        if g.get("today"):
            return article
        if g.get("wd"):
            back = (article.weekday() - _WEEKDAYS.index(g["wd"].lower())) % 7
            if back == 0 and g["on"].lower() == "last":
                back = 7  # "last Tuesday", said on a Tuesday
            return article - _dt.timedelta(days=back)
        if g.get("lmd"):  # 「先月27日」: that day of the month before the article's
            y, mo = _month_back(article.year, article.month)
            return _dt.date(y, mo, _int(g["lmd"]))
        if g.get("tmd"):  # 「今月5日」
            return _dt.date(article.year, article.month, _int(g["tmd"]))
        day = _int(g.get("d") or g["md"])
        if g.get("mon") or g.get("mon2") or g.get("m"):
            name = g.get("mon") or g.get("mon2")
            month = MONTHS[name.lower()] if name else _int(g["m"])
            if g.get("lastyear"):  # 「昨年11月20日」
                return _dt.date(article.year - 1, month, day)
            d = _dt.date(article.year, month, day)
            if d > article and not roll_back:
                return None
            return d if d <= article else _dt.date(article.year - 1, month, day)
        d = _dt.date(article.year, article.month, day)
        if d > article:
            y, mo = _month_back(article.year, article.month)
            d = _dt.date(y, mo, day)
        return d
    except ValueError:
        return None


#: Times that name no day: a month, a year, "last year", 「先月」「6月の定例会」.
_PARTIAL_JA = re.compile(
    rf"{_D}{{1,2}}\s*月(?!\s*{_D}{{1,2}}\s*日)|{_D}{{4}}\s*年(?!\s*{_D}{{1,2}}\s*月\s*{_D}{{1,2}}\s*日)"
    rf"|昨年|去年|今年|先月|今月|先週|今週|来年|来月|年度|{_D}{{1,2}}\s*年前|かつて|当時"
)
_PARTIAL_EN = re.compile(
    rf"\b(?:(?:in|since|by|during|until|from|of)\s+(?:\d{{4}}|{_MONTH})\b"
    rf"|(?:last|this|next|earlier this|later this|that)\s+(?:year|month|week|spring|summer|autumn|fall|winter|term)\b"
    rf"|\d+\s+(?:years?|months?|weeks?)\s+ago\b|recently\b|back in\b)",
    re.IGNORECASE,
)


def mentions_time(text: str, lang: str) -> bool:
    """Whether ``text`` names a time that is no day ("in 2021", "last
    year", 「6月の定例会」「先月」): a statement that does says when it was made,
    and the day an earlier sentence named is not its date.

    >>> mentions_time("教育長が6月の定例会で答弁しています", "ja"), mentions_time("部長はまた、…と述べました", "ja")
    (True, False)
    >>> mentions_time("which opened a warehouse in 2021, states that", "en")
    True
    """
    pattern = _PARTIAL_JA if lang == "ja" else _PARTIAL_EN
    return pattern.search(text) is not None
