"""The scaffold never loses a line: each is in the draft or in its "not in the map" list.

A line's words are in the draft when they are in an element's text, note or
source, in the title, or in an inference's marker; otherwise they must be in
:attr:`Draft.unmatched` (written as the comment block at the end of the file).
Blank lines hold nothing to keep. A line that is only a link is kept as the
``url`` of the statements its source block documents, or listed as a source
with no statement before it; a page's date line as the ``date`` of those
statements, or listed when they have their own.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.formats import loads
from argmap.scaffolding import Draft, draft
from argmap.scaffolding.dates import find_dates, leading_date
from argmap.scaffolding.lexicon import lexicon

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data" / "scaffold"
SEED = ROOT.parent / "shared" / "seed" / "000_0a022b3aaaa693fc.txt"
ARTICLES = [*sorted(DATA.glob("*.txt")), *sorted((ROOT / "examples" / "articles").glob("*.txt")), SEED]

# What the scaffold may turn into a space: whitespace, control characters,
# line and paragraph separators, lone surrogates, byte-order marks.
_GONE = {"Cc", "Cs", "Zl", "Zp", "Zs"}


def squash(text: str) -> str:
    """``text`` without whitespace or characters YAML cannot hold."""
    return "".join(
        ch
        for ch in text
        if not (ch.isspace() or unicodedata.category(ch) in _GONE or ch in "\ufeff\ufffe\uffff")
    )


def kept(d: Draft) -> str:
    """Everything the draft holds, squashed: what a line's words must be found in."""
    parts = [d.map.title, d.map.document.title if d.map.document and d.map.document.title else ""]
    for c in d.map.claims.values():
        parts += [c.text, c.note or ""]
        if c.source is not None:
            s = c.source
            parts += [s.url or "", s.title or "", s.speaker or "", s.quote or ""]
    for i in d.map.inferences.values():
        parts += [i.marker or "", i.note or ""]
    parts += [u.text for u in d.unmatched]
    return squash("\n".join(parts))


_BREAK = re.compile(r"[\s。、，,．.！？!?:：;「」『』()（）\"“”'’–—|｜]+")  # dashes and bars separate


_MARKUP = re.compile(
    r"^#{1,6}\s|\[|\]\(|\)$|^(?:"
    + "|".join(
        re.escape(label)
        for lang in ("ja", "en")
        for label in lexicon(lang).source_labels + lexicon(lang).title_labels
    )
    + r")\s*[:：]|\((?:published|posted|updated)\b",
    re.IGNORECASE,
)


def lost(article: str, d: Draft) -> list[tuple[int, str]]:
    """(line, words) of every line whose words are nowhere in the draft.

    A page date used as a statement's date is kept in ``source.date`` in ISO
    form, so a line's leading date counts as kept when some statement has it,
    and a date a source line gives when a statement has it. The markup of a
    heading (``#``), a link (``[…](…)``) and the label of a source or title
    line (``Source:``, ``出典：``) are not words.
    """
    pool = kept(d)
    if d.map.document is not None and d.map.document.title:
        pool += squash(d.map.document.title)
    dates = {c.source.date for c in d.map.claims.values() if c.source is not None and c.source.date}
    out = []
    for n, raw in enumerate(re.split(r"\r\n|\r|\n", article), 1):
        line = _MARKUP.sub(" ", raw.strip())
        lead = leading_date(line)
        rest = line[: lead.start] + line[lead.end :] if lead is not None and lead.date in dates else line
        for found in find_dates(rest):
            if found.date in dates:
                rest = rest.replace(found.text, " ")
        for fragment in _BREAK.split(rest):
            if squash(fragment) and squash(fragment) not in pool:
                out.append((n, fragment))
    return out


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.name)
def test_every_line_of_the_articles_is_kept(path: Path) -> None:
    if not path.exists():
        pytest.skip(f"the seed article is not at {path}")
    article = path.read_text(encoding="utf-8")
    d = draft(article)
    assert lost(article, d) == []
    # the written file lists every left-out passage in full
    written = squash(d.to_yaml())
    for u in d.unmatched:
        assert squash(u.text) in written


def test_a_page_date_not_used_is_listed() -> None:
    article = (
        "2023.04.05ロシアの報道官は、『対抗措置をとる』としています。\n"
        "\n"
        "https://example.org/finland\n"
        "フィンランド NATOに正式加盟 | TBS\n"
        "Apr 5, 2023 #NATO #フィンランド\n"
    )
    d = draft(article, "ja")
    assert d.map.claims["E1"].source is not None
    assert d.map.claims["E1"].source.url == "https://example.org/finland"
    listed = [u for u in d.unmatched if u.line == 5]
    assert [u.text for u in listed] == ["Apr 5, 2023 #NATO #フィンランド"]


def test_a_page_date_used_keeps_its_hashtags_listed() -> None:
    article = "The minister said that rates would rise.\nhttps://example.com/rates\nRates | Daily\nMay 5, 2023 #rates\n"
    d = draft(article, "en")
    source = d.map.claims["E1"].source
    assert source is not None and source.date == dt.date(2023, 5, 5)
    assert any(u.line == 4 and "#rates" in u.text for u in d.unmatched)


@pytest.mark.parametrize(
    ("article", "lang", "words"),
    [
        # a statement hard-wrapped over two lines: the second line is part of it
        (
            "The minister said that prices\nwould rise sharply next year.",
            "en",
            "would rise sharply next year",
        ),
        (
            "According to the ministry, 40% of fruit\narrives through the port.",
            "en",
            "arrives through the port",
        ),
        ('"We will not go back\nto work," the spokesman said.', "en", "to work"),
        ("2023.05.09大使は、『日本は東京に\n事務所を開設する』としています。", "ja", "事務所を開設する"),
    ],
)
def test_continuation_lines_of_a_statement_are_in_its_text(article: str, lang: str, words: str) -> None:
    d = draft(article, lang)
    (claim,) = d.map.claims.values()
    assert claim.kind.value == "evidence"
    assert words in claim.text
    assert "\n" not in claim.text


def test_a_sentence_over_several_lines_is_listed_with_all_of_them() -> None:
    d = draft("Grocers are stocking up\nand prices are climbing\nacross the region.", "en")
    (u,) = d.unmatched
    assert (u.line, u.last_line) == (1, 3)
    assert "# 1-3 [no marker]" in d.comment()


def test_each_note_quotes_the_sentence_its_element_came_from() -> None:
    d = draft("On April 5, 2023, port director Maria Lopez said that traffic had fallen.", "en")
    note = d.map.claims["E1"].note
    assert (
        note is not None
        and "On April 5, 2023, port director Maria Lopez said that traffic had fallen." in note
    )


# ------------------------------------------------------------ generated articles

# (template, slots) — every {t} is filled with a word found nowhere else, so
# a word missing from the draft means its line (or part of it) was lost.
JA_LINES = [
    " 2023.05.09{t}大使は、日本は{t}動いているとしています。",
    "{t}大使は、『日本は{t}\n動いている』としています。",
    "以上から、{t}妥当と判断されます。",
    "もし、日本が{t}加盟すれば、ロシアは{t}脅威とみなすものと判断されます。",
    "また、{t}脅威が加速するものと判断されます。",
    "東京は{t}首都です。{t}大阪は大きい。",
    "県の{t}担当者によると、{t}補助は来年度です。",
    "「{t}引用が\n{t}続く」としています。",
    "・{t}箇条書き",
    "記事を読んでいただきありがとうございます。{t}",
    "関連記事{t}",
]
EN_LINES = [
    "On April 5, 2023, director {t} Lopez said that traffic {t} fell\nand {t} kept falling.",
    '"We will {t} not go back,\nback {t} to work," the {t} spokesman said.',
    "According to the {t} ministry, {t} fruit arrives.",
    "Taken together, the {t} strike is likely to push prices up.",
    "If the {t} strike lasts, retailers will probably {t} ration.",
    "Therefore, {t} consumers should expect shortages.",
    "Grocers are {t} stocking up. Prices {t} climb.",
    "- a {t} bullet",
    "Thanks for reading {t}.",
    "Read more {t}",
    "#tag{t} #other",
    "Dr. {t} Smith said 3.5% on 2023.05.09, see https://ex.com/{t}.b?c=1.",
]
DATES = ["May 5, 2023", "2023.05.09", "令和5年4月5日", "Apr 6, 2023", "5 April 2023"]
SPACE = st.sampled_from([" ", "  ", "\t", "\u3000", "\x00", "\x1b[2J", "\u2028", "\x85", "\ufeff"])


@st.composite
def articles(draw: st.DrawFn) -> tuple[str, list[str]]:
    """An article mixing both languages' markers, source blocks, dates and noise, and its words."""
    words: list[str] = []

    def fill(template: str) -> str:
        out = []
        *pieces, last = template.split("{t}")
        for piece in pieces:
            words.append(f"q{len(words)}z")
            out += [piece, words[-1]]
        return "".join(out) + last

    lines: list[str] = []
    for _ in range(draw(st.integers(1, 14))):
        choice = draw(st.integers(0, 5))
        if choice <= 2:
            lines.append(fill(draw(st.sampled_from(JA_LINES + EN_LINES))))
        elif choice == 3:  # a source block: URL, title, date line, excerpts
            lines.append(fill("https://example.org/{t}"))
            if draw(st.booleans()):
                lines.append(fill("{t} page | Paper"))
                if draw(st.booleans()):
                    tags = fill(" #tag{t}") if draw(st.booleans()) else ""
                    lines.append(draw(st.sampled_from(DATES)) + tags)
                lines += [fill("{t} excerpt line") for _ in range(draw(st.integers(0, 2)))]
        elif choice == 4:
            lines.append(draw(st.sampled_from(["", "", "   ", "\u3000", "\t"])))
        else:  # noise inside a line: control characters, separators, odd spaces
            lines.append(fill("{t}") + draw(SPACE) + fill("word{t}") + draw(SPACE))
    end = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    return end.join(lines), words


@settings(max_examples=200, deadline=None)
@given(articles(), st.sampled_from(["ja", "en", None]))
def test_no_generated_line_is_lost(generated: tuple[str, list[str]], lang: str | None) -> None:
    article, words = generated
    d = draft(article, lang)
    pool = kept(d)
    assert [w for w in words if w not in pool] == []
    assert lost(article, d) == []
    written = d.to_yaml()
    assert [w for w in words if w not in written] == []  # nothing cut from the written file either
    assert loads(written) == d.map
