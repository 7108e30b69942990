"""Properties of the scaffold's sentence splitter and date grammar."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.scaffolding.dates import STYLES, find_dates, format_date, leading_date, parse
from argmap.scaffolding.split import _PAIRS as PAIRS
from argmap.scaffolding.split import protected_spans, split

SETTINGS = settings(max_examples=120, deadline=None)
LANGS = st.sampled_from(["ja", "en"])

# plain text: words, sentence ends, spaces and line breaks, but no brackets or quotes
PLAIN = st.text(
    alphabet=st.sampled_from(list("あいう漢字カナabc XYZ 。！？.!?,、\n\u3000\t12")),
    max_size=30,
)
OPENERS = {"「": "」", "『": "』", "（": "）", "(": ")"}


@st.composite
def bracketed(draw: st.DrawFn) -> str:
    opener = draw(st.sampled_from(sorted(OPENERS)))
    inner = draw(st.text(alphabet=st.sampled_from(list("あい字ab 。！？.!?、")), max_size=20))
    return opener + inner + OPENERS[opener]


def _dates() -> st.SearchStrategy[str]:
    return st.builds(
        format_date,
        st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)),
        st.sampled_from(["dots", "slashes", "iso", "ja", "mdy", "mdy-short", "dmy"]),
    )


# A URL's last character is a letter, digit or /: a final . ! ? , belongs to the sentence
# ("see https://example.org/a.") as in every URL-aware text tool.
URLS = st.builds(
    lambda host, path, last: f"https://{host}.example.org/{path}{last}",
    st.text(alphabet="abcxyz0", min_size=1, max_size=8),
    st.text(alphabet="ab.c/?=&-_#0!", max_size=20),
    st.sampled_from(["a", "0", "/"]),
)
DECIMALS = st.builds(lambda a, b: f"{a}.{b}", st.integers(0, 999), st.integers(0, 999))


@st.composite
def article(draw: st.DrawFn) -> tuple[str, list[tuple[int, int]]]:
    """A text and the spans (start, end) no sentence may break inside."""
    parts = draw(
        st.lists(
            st.one_of(
                PLAIN.map(lambda s: (s, False)),
                bracketed().map(lambda s: (s, True)),
                _dates().map(lambda s: (f" {s} ", True)),
                URLS.map(lambda s: (f" {s} ", True)),
                DECIMALS.map(lambda s: (f" {s} ", True)),
            ),
            max_size=12,
        )
    )
    text, whole = "", []
    for part, keep in parts:
        if keep:
            core = part.strip(" ")
            start = len(text) + part.index(core)
            whole.append((start, start + len(core)))
        text += part
    return text, whole


def _cuts(text: str, lang: str) -> list[int]:
    return [s.start for s in split(text, lang)][1:]


@SETTINGS
@given(st.text(max_size=200), LANGS)
def test_sentences_tile_the_text(text: str, lang: str) -> None:
    sents = split(text, lang)
    assert "".join(text[s.start : s.end] for s in sents) == text
    pos = 0
    for s in sents:
        assert s.start == pos
        assert s.end > s.start
        pos = s.end
        assert s.text == text[s.start : s.end].strip()
        if s.text:
            begin = text.index(s.text, s.start)
            assert s.line == text.count("\n", 0, begin) + 1
            assert s.column == begin - (text.rfind("\n", 0, begin) + 1) + 1


@SETTINGS
@given(article(), LANGS)
def test_never_breaks_inside_brackets_dates_urls_or_decimals(
    sample: tuple[str, list[tuple[int, int]]], lang: str
) -> None:
    text, whole = sample
    for cut in _cuts(text, lang):
        for start, end in whole:
            assert not (start < cut < end), (text[start:end], cut - start)


@SETTINGS
@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)), st.sampled_from(STYLES))
def test_dates_round_trip(date: dt.date, style: str) -> None:
    if style == "reiwa" and date < dt.date(2019, 5, 1):
        return
    written = format_date(date, style)
    assert parse(written) == date
    found = find_dates(f"前 {written} 後")
    assert [(m.text, m.date) for m in found] == [(written, date)]
    lead = leading_date(written + "、話は続く")
    assert lead is not None and lead.date == date


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("2023.05.09冨田大使は、動いているとしています。\n以上から、妥当と判断されます。", "ja", 2),
        ("ロシアは「対抗措置をとる。必ずだ」と反発。次の文。", "ja", 2),
        ("「国際社会の共通課題だ。\n連携を期待している」と呼びかけました。", "ja", 1),
        ("見出し\nhttps://example.org/a?b=1.2\n題名", "ja", 3),
        (
            "Dr. Smith paid $3.50 on Apr. 5, 2023. Mr. J. R. Tolkien met U.S. officials. Then it rained.",
            "en",
            3,
        ),
        ('"We will act. Soon," he said. The end.', "en", 2),
        ("The board has not published\nfigures for industrial use. Unless it rains, we suffer.", "en", 2),
        ("Title line\nhttps://example.org/x\nPage title", "en", 3),
        ("e.g. this is one. And i.e. that is two.", "en", 2),
    ],
)
def test_split_examples(text: str, lang: str, expected: int) -> None:
    assert len([s for s in split(text, lang) if s.text]) == expected, [s.text for s in split(text, lang)]


def test_unbalanced_bracket_protects_nothing() -> None:
    assert [s.text for s in split("「閉じない。次の文。", "ja")] == ["「閉じない。", "次の文。"]


def test_impossible_dates_are_not_dates() -> None:
    assert find_dates("2023.02.30 and 2023/13/01 and Feb 30, 2023") == []
    with pytest.raises(ValueError, match="not a date"):
        parse("yesterday")


_PAIRS = PAIRS  # the same table of brackets; the pairing below is the oracle's own


def _pairs_by_search(text: str) -> set[tuple[int, int]]:
    """Every bracket pair the splitter must protect, found the slow, obvious way:
    a closer pairs with the nearest opener of its kind still open, closing every
    opener after it; a blank line closes everything; straight quotes pair in turn."""
    found: set[tuple[int, int]] = set()
    for paragraph_start, paragraph in _paragraphs(text):
        stack: list[tuple[str, int]] = []
        quote: int | None = None
        for i, ch in enumerate(paragraph):
            at = paragraph_start + i
            if ch == '"':
                if quote is None:
                    quote = at
                else:
                    found.add((quote, at + 1))
                    quote = None
            elif ch in _PAIRS:
                stack.append((ch, at))
            elif ch in _PAIRS.values():
                opener = next(o for o, c in _PAIRS.items() if c == ch)
                hits = [k for k, (o, _) in enumerate(stack) if o == opener]
                if hits:
                    found.add((stack[hits[-1]][1], at + 1))
                    del stack[hits[-1] :]
    return found


def _paragraphs(text: str) -> list[tuple[int, str]]:
    out, start = [], 0
    for m in re.finditer(r"\n[ \t\u3000\r]*\n", text):
        out.append((start, text[start : m.start()]))
        start = m.end()
    out.append((start, text[start:]))
    return out


BRACKETS = st.text(alphabet=st.sampled_from(list('「」『』（）()“”【】［］"a \n')), max_size=60)


@SETTINGS
@given(BRACKETS)
def test_protected_spans_are_the_bracket_pairs(text: str) -> None:
    expected = sorted(_pairs_by_search(text))
    merged: list[tuple[int, int]] = []
    for s, e in expected:
        if merged and s < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    assert protected_spans(text) == merged


def test_stray_closers_do_not_search_the_open_brackets() -> None:
    # 200,000 openers then as many closers of another kind: none pairs; each
    # closer used to search every opener (hours for a 1 MB line)
    text = "「" * 200_000 + "』" * 200_000 + "」"
    assert protected_spans(text) == [(199_999, 400_001)]
