"""The scaffold's drafts: what each marker makes, notes, round trips, robustness."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import argmap
from argmap.formats import dumps, loads
from argmap.model import Kind
from argmap.scaffolding import draft, scaffold
from argmap.scaffolding.detect import detect
from argmap.scaffolding.lexicon import LANGS, lexicon

JA = """\
 2023.05.09冨田浩司駐アメリカ大使は、日本は東京に事務所を開設する方向で動いているとしています。

https://example.org/a
事務所開設へ | 新聞
参考の抜粋です。ロシアは「対抗措置をとる」と反発しています。

 2022.08.26前大統領は、『断念は不可欠だが、既に不十分だ』としています。
 以上から、侵攻の理由は加盟の阻止が目的のひとつと判断されます。

https://example.org/b
前大統領の発言 | 通信

 もし、日本がNATOに加盟すれば、ロシアは日本を脅威とみなすものと判断されます。
 日本が協力を強化するとなれば、拠点の役割は強化されるものと判断されます。
 また、北海道への脅威が加速するものと判断されます。
 東京は日本の首都です。

#NATO #日本
"""


def test_japanese_markers_make_the_expected_elements() -> None:
    d = draft(JA, "ja")
    m = d.map
    kinds = [(c.id, c.kind) for c in m.claims.values()]
    assert kinds == [
        ("E1", Kind.EVIDENCE),
        ("E2", Kind.EVIDENCE),
        ("C1", Kind.CONCLUSION),
        ("H1", Kind.HYPOTHESIS),
        ("C2", Kind.CONCLUSION),
        ("H2", Kind.HYPOTHESIS),
        ("C3", Kind.CONCLUSION),
        ("C4", Kind.CONCLUSION),
    ]
    e1 = m.claims["E1"]
    assert e1.text == "日本は東京に事務所を開設する方向で動いている"
    assert e1.source is not None
    assert (e1.source.speaker, str(e1.source.date), e1.source.url, e1.source.title) == (
        "冨田浩司駐アメリカ大使",
        "2023-05-09",
        "https://example.org/a",
        "事務所開設へ | 新聞",
    )
    assert m.claims["E2"].source.url == "https://example.org/b"  # type: ignore[union-attr]
    assert m.inferences["I1"].premises == ("E1", "E2")  # 以上から: every statement before it
    assert m.inferences["I1"].marker == "以上から、…と判断されます"
    assert m.claims["H1"].text == "日本がNATOに加盟する"
    assert m.claims["C2"].text == "ロシアは日本を脅威とみなす"
    assert m.claims["C2"].conditional and m.claims["C3"].conditional
    assert not m.claims["C4"].conditional
    assert m.inferences["I2"].premises == ("H1",)
    assert m.claims["H2"].text == "日本が協力を強化する"
    assert m.inferences["I4"].premises == ("C3",)  # また: after the previous judgment
    # the quoted excerpt, the unmarked sentence and the hashtags are listed, not mapped
    left = {(u.line, u.why) for u in d.unmatched}
    assert (5, "quoted from a source") in left
    assert (16, "no marker") in left
    assert (18, "hashtags") in left
    assert all("反発" not in c.text for c in m.claims.values())


def test_every_element_notes_its_marker_and_line() -> None:
    d = draft(JA, "ja")
    elements = [*d.map.claims.values(), *d.map.inferences.values()]
    assert elements
    for el in elements:
        origin = d.origins[el.id]
        assert el.note is not None
        assert f"{origin.line} 行目" in el.note
        assert origin.marker in el.note


ENGLISH = """\
On April 5, 2023, port director Maria Lopez said that traffic had fallen by 32.5% since the strike began.
"We will not go back," the union's spokesman, Tom Reyes, said on Monday.
https://example.com/strike
Traffic falls | Daily

According to the ministry, 40% of fruit arrives through the port.
Taken together, the strike is likely to push fruit prices up.
If the strike lasts beyond May, retailers will probably ration produce.
Therefore, consumers should expect shortages.
Grocers are stocking up.

Thanks for reading.
"""


def test_english_markers_make_the_expected_elements() -> None:
    d = draft(ENGLISH)
    m = d.map
    assert m.lang == "en"
    ev = [c for c in m.claims.values() if c.kind is Kind.EVIDENCE]
    assert [(c.source.speaker, str(c.source.date)) for c in ev if c.source] == [
        ("port director Maria Lopez", "2023-04-05"),
        ("Tom Reyes", "None"),  # the name, not the description before it
        ("the ministry", "None"),
    ]
    assert ev[0].text == "traffic had fallen by 32.5% since the strike began"
    assert ev[0].source is not None and ev[0].source.url == "https://example.com/strike"
    assert ev[2].source is not None and ev[2].source.url is None  # no source block after it
    summary = next(i for i in m.inferences.values() if i.marker and i.marker.startswith("taken together"))
    # of the two statements one source documents, the summary takes the first
    assert summary.premises == (ev[0].id, ev[2].id)
    hyp = next(c for c in m.claims.values() if c.kind is Kind.HYPOTHESIS)
    assert hyp.text == "the strike lasts beyond May"
    therefore = next(i for i in m.inferences.values() if i.marker and i.marker.startswith("therefore"))
    assert m.claims[therefore.premises[0]].text == "Retailers will probably ration produce"
    assert any(u.why == "sign-off" for u in d.unmatched)
    assert any(u.why == "no marker" and "Grocers" in u.text for u in d.unmatched)


def test_unmatched_sentences_are_listed_in_the_written_file() -> None:
    d = draft(JA, "ja")
    text = d.to_yaml()
    assert "# 16 [手がかりのことばなし]: 東京は日本の首都です。" in text
    assert loads(text) == d.map  # the comment block does not disturb loading


def test_draft_round_trips() -> None:
    for text in (JA, ENGLISH):
        m = scaffold(text)
        assert loads(dumps(m)) == m
        assert loads(dumps(m, "json"), "json") == m


def test_argmap_scaffold_is_the_function_even_after_the_package_is_imported() -> None:
    assert "scaffold" in dir(argmap)
    assert argmap.scaffold(ENGLISH) == scaffold(ENGLISH)
    code = (
        "import argmap, sys\n"
        "import argmap.scaffolding\n"
        "m = argmap.scaffold('If it rains, we will probably stay.')\n"
        "print(type(m).__name__, sorted(m.claims))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "ArgumentMap ['C1', 'H1']"


def test_empty_and_markerless_text_give_an_empty_valid_map() -> None:
    for text in ("", "\n\n", "東京は日本の首都です。", "Nothing to see here."):
        m = scaffold(text)
        assert dict(m.claims) == {}
        assert loads(dumps(m)) == m


def test_language_detection() -> None:
    assert detect(JA) == "ja"
    assert detect(ENGLISH) == "en"
    assert scaffold(ENGLISH, "auto").lang == "en"


def test_lexicons_are_well_formed() -> None:
    for lang in LANGS:
        lex = lexicon(lang)
        assert lex.summary and lex.sequel and lex.supposition_open
        assert lex.attribution_final or lex.attribution_verbs
        for marker in (*lex.attribution_final, *lex.judgment_final, *lex.summary, *lex.sequel):
            assert marker == marker.strip() and marker
        for key in ("title", "evidence", "conclusion", "hypothesis", "inference"):
            assert key in lex.notes


PIECES = st.sampled_from(
    [
        "としています。",
        "と判断されます。",
        "以上から、",
        "もし、",
        "すれば、",
        "となれば、",
        "によると、",
        "は、",
        "2023.05.09",
        "May 5, 2023",
        "\nhttps://example.org/x?a=1\n",
        "題名 | 新聞\n",
        "\n\n",
        "\n",
        "「",
        "」",
        "#タグ ",
        "Therefore, ",
        "If it rains, ",
        " said that ",
        "According to X, ",
        ".",
        " ",
        "\t",
        "\u3000",
        "日本",
        "ロシア",
        "Japan",
        "\x0c",
        "\u2028",
        "読んでいただきありがとうございます。",
    ]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(PIECES, st.text(max_size=5)), max_size=25), st.sampled_from(["ja", "en", None]))
def test_any_text_gives_a_map_that_round_trips(pieces: list[str], lang: str | None) -> None:
    d = draft("".join(pieces), lang)
    assert loads(dumps(d.map)) == d.map
    assert loads(d.to_yaml()) == d.map
    for el in [*d.map.claims.values(), *d.map.inferences.values()]:
        assert el.note and re.search(r"\d", el.note)


@pytest.mark.parametrize(
    ("sentence", "speaker", "text"),
    [
        (
            "2023.05.09冨田浩司駐アメリカ大使は、日本は東京に動いているとしています。",
            "冨田浩司駐アメリカ大使",
            "日本は東京に動いている",
        ),
        ("また、ロシア外務省は、『自律性を放棄した』としています。", "ロシア外務省", "『自律性を放棄した』"),
        (
            "2023.04.05加盟に関して、ロシアの報道官は、『対抗措置をとる』としています。",
            "ロシアの報道官",
            "『対抗措置をとる』",
        ),
        ("ロシアだけでなく、中国も、脅威になるものと判断しています。", "中国", "脅威になる"),
        ("国土交通省は2023年11月2日、4割が赤字だと発表しました。", "国土交通省", "4割が赤字だ"),
        ("佐藤研究員は「対策は急務だ」と指摘しました。", "佐藤研究員", "「対策は急務だ」"),
        ("政府は来年度から新制度を導入すると発表しました。", "政府", "来年度から新制度を導入する"),
        ("東京では雨が降ったと報じました。", None, "東京では雨が降った"),
        (
            "県の担当者によると、補助は来年度に判断する予定です。",
            "県の担当者",
            "補助は来年度に判断する予定です",
        ),
        ("The minister said on Monday that rates would rise.", "The minister", "rates would rise"),
        ("Rates will rise, the central bank warned.", "the central bank", "Rates will rise"),
        ('"Rates will rise," said Governor Ueda.', "Governor Ueda", "Rates will rise"),
        ("According to the ministry, rates will rise.", "the ministry", "rates will rise"),
        ("The ministry has also said that rates would rise.", "The ministry", "rates would rise"),
    ],
)
def test_speaker_and_content(sentence: str, speaker: str | None, text: str) -> None:
    claim = scaffold(sentence).claims["E1"]
    assert claim.kind is Kind.EVIDENCE
    assert claim.source is not None
    assert (claim.source.speaker, claim.text) == (speaker, text)


def test_a_clause_before_a_reporting_verb_is_not_a_speaker() -> None:
    assert dict(scaffold("Prices rose after the company announced cuts.", "en").claims) == {}


def test_unless_supposes_the_negation() -> None:
    m = scaffold("Unless the autumn rains come early, the city will ration water.", "en")
    assert m.claims["H1"].text == "it is not the case that the autumn rains come early"
    assert m.claims["C1"].conditional
