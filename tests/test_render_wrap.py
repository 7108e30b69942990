"""Wrapping by display width: Japanese at BudouX phrases, English at spaces."""

from __future__ import annotations

import unicodedata

import budoux
from hypothesis import given
from hypothesis import strategies as st

import argmap.checks.text
import argmap.drawing.wrap
import argmap.support
from argmap.drawing.wrap import NO_LINE_START, display_width, phrases, wrap


def hang(line: str) -> str:
    """The line without closing punctuation hanging at its end (burasage)."""
    return line.rstrip("".join(NO_LINE_START))


JA = [
    "日本は東京に北大西洋条約機構(NATO)の連絡事務所を開設する方向で動いている",
    "ロシアがウクライナに侵攻した主な理由は、ウクライナのNATO加盟を阻止することが目的のひとつ",
    "『(ウクライナが)NATOへの参加を断念することは今や不可欠だが、平和を確立するには既に不十分だ』",
    "ロシアは近隣国とNATOの軍事的協力の強化を脅威とみなし、軍事的に対抗する",
    "以上のデータから、同社の対応は不十分であったと判断されます。",
]


def _oracle_width(text: str) -> int:
    """Columns by the documented rule, one character at a time: marks that
    combine or enclose (and format characters such as a zero-width joiner)
    take none, East Asian wide and full-width characters two, the rest one."""
    total = 0
    for ch in text:
        if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
            continue
        total += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return total


def test_one_display_width_serves_the_checks_and_the_drawing() -> None:
    assert argmap.checks.text.display_width is argmap.support.display_width
    assert argmap.drawing.wrap.display_width is argmap.support.display_width


def test_joiners_and_enclosing_marks_take_no_column() -> None:
    assert display_width("a\u200db") == display_width("ab") == 2
    assert display_width("\u20dd") == 0
    assert display_width("1\u20dd") == 1


# Any text: every character, the soft hyphen (pinned below too) included.
_TEXT = st.text(max_size=40)


@given(_TEXT)
def test_display_width_agrees_with_the_rule_character_by_character(text: str) -> None:
    assert display_width(text) == _oracle_width(text)


def test_a_soft_hyphen_takes_no_column() -> None:
    assert display_width("co\u00adop") == _oracle_width("co\u00adop") == 4


@given(st.text(max_size=20), st.text(max_size=20))
def test_display_width_adds_up(a: str, b: str) -> None:
    assert display_width(a + b) == display_width(a) + display_width(b)


def test_display_width_counts_wide_characters_twice() -> None:
    assert display_width("abc") == 3
    assert display_width("日本") == 4
    assert display_width("「」、。") == 8
    assert display_width("ＮＡＴＯ") == 8  # fullwidth
    assert display_width("e\u0301") == 1  # combining accent
    assert display_width("※") == 1  # ambiguous: one column, as in Western fonts


def test_english_wraps_at_spaces() -> None:
    text = "Japan will open a NATO liaison office in Tokyo, the ambassador said"
    lines = wrap(text, 20)
    assert all(display_width(line) <= 20 for line in lines)
    assert " ".join(lines) == text
    assert all(word in text.split() for line in lines for word in line.split())


def boundaries(chunks: list[str]) -> set[int]:
    out, pos = set(), 0
    for chunk in chunks:
        pos += len(chunk)
        out.add(pos)
    return out


def test_japanese_breaks_only_between_budoux_phrases() -> None:
    parser = budoux.load_default_japanese_parser()
    for text in JA:
        # argmap's phrases are BudouX's, with closing punctuation moved onto the
        # phrase before it (kinsoku) and Latin words kept whole
        pieces = phrases(text, "ja")
        for b in boundaries(pieces) - boundaries(parser.parse(text)):
            assert text[b - 1] in NO_LINE_START, (text, b)
        for width in (12, 16, 20, 28):
            allowed = boundaries(pieces)
            pos = 0
            for piece in pieces:  # a phrase wider than the line may break anywhere inside
                if display_width(piece) > width:
                    allowed |= set(range(pos + 1, pos + len(piece)))
                pos += len(piece)
            lines = wrap(text, width, "ja")
            assert "".join(lines) == text
            assert boundaries(lines[:-1]) <= allowed, (text, width, lines)
            assert all(display_width(hang(line)) <= width for line in lines), lines


def test_the_flagship_sentence() -> None:
    assert wrap(JA[0], 20, "ja") == [
        "日本は東京に",
        "北大西洋条約機構",
        "(NATO)の連絡事務所を",
        "開設する方向で",
        "動いている",
    ]


def test_latin_words_inside_japanese_stay_whole() -> None:
    assert "NATO加盟を" in phrases("ウクライナのNATO加盟を阻止する", "ja")
    for line in wrap("ウクライナのNATO加盟を阻止する", 8, "ja"):
        assert "NAT" not in line or "NATO" in line


def test_a_phrase_wider_than_the_line_breaks_between_characters_not_before_punctuation() -> None:
    lines = wrap("北大西洋条約機構、", 6, "ja")
    assert "".join(lines) == "北大西洋条約機構、"
    assert not any(line.startswith("、") for line in lines)


def test_unbreakable_english_token_stays_whole() -> None:
    url = "https://example.org/a/very/long/path/that/cannot/break"
    assert wrap(f"see {url} now", 10) == ["see", url, "now"]


def test_hard_breaks_are_kept_and_zero_width_means_no_wrapping() -> None:
    assert wrap("a b\nc d", 80) == ["a b", "c d"]
    long = "word " * 40
    assert wrap(long, 0) == [long]


def test_chinese_uses_the_chinese_model() -> None:
    lines = wrap("北约在东京设立联络处的计划引起了俄罗斯的强烈反对", 16, "zh")
    assert "".join(lines) == "北约在东京设立联络处的计划引起了俄罗斯的强烈反对"
    assert all(display_width(line) <= 16 for line in lines)


def test_ellipsis_only_when_a_maximum_is_asked() -> None:
    text = JA[1]
    assert "…" not in "".join(wrap(text, 12, "ja"))
    cut = wrap(text, 12, "ja", max_lines=2)
    assert len(cut) == 2 and cut[-1].endswith("…")
    assert display_width(cut[-1]) <= 12


words = st.text(st.sampled_from("abcdeｱ日本語。、「」 NATO"), min_size=1, max_size=12)


@given(
    st.lists(words, min_size=1, max_size=12).map(" ".join), st.integers(4, 40), st.sampled_from(["en", "ja"])
)
def test_no_line_is_wider_than_the_limit_unless_one_unbreakable_token(
    text: str, width: int, lang: str
) -> None:
    lines = wrap(text, width, lang)
    # nothing is lost: only the spaces at the breaks go
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    for line in lines:
        if display_width(hang(line)) > width:
            pieces = [p for p in phrases(line, lang) if not p.isspace()]
            assert len(pieces) == 1 and not any("\u3040" <= ch <= "\u9fff" for ch in pieces[0]), (line, width)
