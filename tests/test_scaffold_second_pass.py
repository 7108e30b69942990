"""The scaffold's second pass: reported speech recognised by its structure,
false attributions refused, source lines of every form, the article's own
title and date, and connectives that take the sentences before them."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.checks import check
from argmap.model import Kind
from argmap.scaffolding import draft
from argmap.scaffolding.dates import find_dates, relative_date
from argmap.scaffolding.header import read_header


def evidence(text: str, lang: str) -> list[tuple[str, str | None]]:
    d = draft(text, lang)
    return [
        (c.text, c.source.speaker if c.source else None)
        for c in d.map.claims.values()
        if c.kind is Kind.EVIDENCE
    ]


# ------------------------------------------------------------ Japanese speech


@pytest.mark.parametrize(
    ("sentence", "content", "speaker"),
    [
        ("北川市の山本館長は、利用者が増えたと説明しています。", "利用者が増えた", "北川市の山本館長"),
        ("佐藤議員も同日、夜間開館は欠かせないとも述べています。", "夜間開館は欠かせない", "佐藤議員"),
        ("大森さんは自身のSNSに「水をやりすぎない」と投稿しました。", "「水をやりすぎない」", "大森さん"),
        ("財政課は、人件費がかかるとの見解を示しています。", "人件費がかかる", "財政課"),
        ("館長は、継続を要望したと明らかにしました。", "継続を要望した", "館長"),
        ("研究員は、糖度が上がると強調しました。", "糖度が上がる", "研究員"),
        ("店長は「ためないでほしい」とも話していました。", "「ためないでほしい」", "店長"),
        ("広報担当者は、運転手の不足が理由だとコメントしています。", "運転手の不足が理由だ", "広報担当者"),
        ("ある利用者は取材に対し、「難しくなる」と答えました。", "「難しくなる」", "ある利用者"),
        ("『必要だ』と田中氏は語った。", "『必要だ』", "田中氏"),
        ("先生方も、明るくなったとおっしゃっています。", "明るくなった", "先生方"),
        ("石井さんは、当番が足りないと考えています。", "当番が足りない", "石井さん"),
        ("市長は市民に節水するよう呼びかけました。", "市民に節水する", "市長"),
        ("南山交通は、減便の計画を発表しました。", "減便の計画", "南山交通"),
    ],
)
def test_japanese_reported_speech_is_read_by_its_structure(sentence: str, content: str, speaker: str) -> None:
    assert evidence(sentence, "ja") == [(content, speaker)]


@pytest.mark.parametrize(
    "sentence",
    [
        "市長は昨年、図書館の利用者と話しました。",  # "talked with"
        "一部では、バスはもはや役目を終えたと言われています。",  # said by no one
        "しかし、市はバス会社の赤字を補填するとは述べていません。",  # not said
        "そこで、私は生徒会から当番を手伝う人を募ることを提案します。",  # こと + を: no quotation
        "私は、生徒会が決めるべきだと考えます。",  # the author's own judgment
        "このため、全面禁止は生徒の実態に合わないと思います。",
    ],
)
def test_japanese_look_alikes_are_not_evidence(sentence: str) -> None:
    assert evidence(sentence, "ja") == []


def test_the_authors_own_thought_is_a_judgment() -> None:
    d = draft("私は、生徒会が決めるべきだと考えます。", "ja")
    assert [(c.kind, c.text) for c in d.map.claims.values()] == [(Kind.CONCLUSION, "生徒会が決めるべきだ")]


# ------------------------------------------------------------ English speech


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        (
            "The county's chief engineer, Ruth Abara, told councillors on Monday that the bridge was rated for 18 tonnes.",
            "Ruth Abara",
        ),
        (
            "The bus operator has stated that its buses weigh 19 tonnes, said Marek Novak, its fleet manager.",
            "Marek Novak",
        ),
        (
            '"Sunday is our busiest day," said head librarian Priya Nair, who opposed the cut.',
            "head librarian Priya Nair",
        ),
        ("Two years ago, the youth council told us that teenagers had nowhere to go.", "the youth council"),
        (
            "According to the weather service the spring floods will be higher than usual.",
            "the weather service",
        ),
        (
            '"We want every young person to feel at home," Mensah told the Riverside Echo on 6 June 2024.',
            "Mensah",
        ),
        (
            "Dr. Anna Kim, an economist at Lakeside University, warned that inflation could reach 9 percent.",
            "Dr. Anna Kim",
        ),
    ],
)
def test_english_reporting_verbs_in_any_tense_find_their_speaker(sentence: str, speaker: str) -> None:
    found = evidence(sentence, "en")
    assert len(found) == 1 and found[0][1] == speaker


@pytest.mark.parametrize(
    "sentence",
    [
        # look-alikes of the ones found in short argumentative texts
        "After all, such agencies grow a life of their own, which would be harmful for democratic states.",
        "Having said that, public money is often wasted on useless projects.",
        "It's to be noted that in a free country people decide for themselves.",
        "However these are clearly stated on the label, and the choice is the patient's.",
        "It might be argued that e-books are more convenient.",
        "Some have claimed that hot lunches are wasteful, but no serious study has confirmed this.",
        "However, no serious economist has confirmed this prediction to date.",
        "All states should adopt a deposit on bottles because it helps recycling.",
        "It is said that dogs are a person's best friend.",
        "Board members were clearly told about these figures in January.",
    ],
)
def test_english_false_attributions_are_refused(sentence: str) -> None:
    assert evidence(sentence, "en") == []


def test_than_if_is_no_supposition() -> None:
    d = draft("A detour would add more time to each trip than if the buses simply ran less often.", "en")
    assert not any(c.kind is Kind.HYPOTHESIS for c in d.map.claims.values())


def test_a_pronoun_speaker_is_the_one_before_it() -> None:
    text = 'Officer Helen Gray told the Post that lanes cut accidents.\n"We are adding more," she said on April 25.\n'
    assert [s for _, s in evidence(text, "en")] == ["Officer Helen Gray", "Officer Helen Gray"]


# ------------------------------------------------------------ sources


@pytest.mark.parametrize(
    ("line", "url", "title"),
    [
        ("Source: https://example.org/a", "https://example.org/a", None),
        ("出典: https://example.jp/a", "https://example.jp/a", None),
        ("参照：https://example.jp/b", "https://example.jp/b", None),
        ("(https://example.jp/c)", "https://example.jp/c", None),
        ("（https://example.jp/d）", "https://example.jp/d", None),
        ("[Fleet update](https://example.com/e)", "https://example.com/e", "Fleet update"),
        ("出典：生徒会だより4月号（https://example.jp/f）", "https://example.jp/f", "生徒会だより4月号"),
    ],
)
def test_source_lines_of_every_form_attach_to_the_statement_before(
    line: str, url: str, title: str | None
) -> None:
    d = draft(f"The minister said that rates would rise.\n{line}\n", "en")
    source = d.map.claims["E1"].source
    assert source is not None and (source.url, source.title) == (url, title)
    assert not any(u.why == "source with no statement before it" for u in d.unmatched)


def test_a_title_line_before_its_link_is_the_sources_title() -> None:
    d = draft(
        "The minister said that rates would rise.\nDaily News: Rates to rise\nhttps://example.com/r\n", "en"
    )
    source = d.map.claims["E1"].source
    assert source is not None and (source.url, source.title) == (
        "https://example.com/r",
        "Daily News: Rates to rise",
    )


def test_a_source_line_gives_its_date_to_an_undated_statement() -> None:
    d = draft(
        "According to the survey, 62% agree.\nSource: https://example.org/s (published 14 December 2023)\n",
        "en",
    )
    source = d.map.claims["E1"].source
    assert source is not None and source.date == dt.date(2023, 12, 14)


def test_a_markdown_link_in_a_sentence_is_its_source() -> None:
    d = draft("According to [the ministry's report](https://example.org/m), exports fell.", "en")
    source = d.map.claims["E1"].source
    assert source is not None and (source.speaker, source.url) == (
        "the ministry's report",
        "https://example.org/m",
    )


# ------------------------------------------------------------ title and date


@pytest.mark.parametrize(
    ("lines", "title", "date"),
    [
        (
            ["# A question?", "Published: 12 March 2024 | By D. W.", "", "Text."],
            "A question?",
            dt.date(2024, 3, 12),
        ),
        (["Title: Hot lunches", "Herald · 2024-02-20", "", "Text."], "Hot lunches", dt.date(2024, 2, 20)),
        (
            ["#生徒会 #スマホ 20240415", "タイトル：スマホ使用", "", "本文。"],
            "スマホ使用",
            dt.date(2024, 4, 15),
        ),
        (
            ["社説　減便を止めるには", "令和6年5月1日", "", "本文。"],
            "社説　減便を止めるには",
            dt.date(2024, 5, 1),
        ),
        (["地方の電気料金 2024/03/15", "", "本文。"], "地方の電気料金", dt.date(2024, 3, 15)),
        (
            ["Riding to work in Lowmoor: one year of data", "", "Text."],
            "Riding to work in Lowmoor: one year of data",
            None,
        ),
        (["The minister said that prices", "would rise.", ""], None, None),  # wrapped prose, no title
        (["", ""], None, None),
    ],
)
def test_the_articles_title_and_date_come_from_its_first_lines(
    lines: list[str], title: str | None, date: dt.date | None
) -> None:
    header = read_header(lines, ("published", "公開日"), ("title", "タイトル"))
    assert (header.title, header.date) == (title, date)


def test_the_draft_holds_the_articles_title_and_date() -> None:
    d = draft(
        "Title: Hot lunches\nPosted on May 2, 2024\n\nThe principal said that lunches cost too much.\n", "en"
    )
    assert d.map.document is not None and d.map.document.title == "Hot lunches"
    assert d.map.date == dt.date(2024, 5, 2) and d.map.title.endswith("Hot lunches")
    assert any(u.why == "the article's title or date" and u.line == 2 for u in d.unmatched)


def test_relative_dates_count_from_the_articles_date() -> None:
    article = dt.date(2024, 3, 12)  # a Tuesday
    assert relative_date("館長は11日の記者会見で", "ja", article) == dt.date(2024, 3, 11)
    assert relative_date("4月30日、", "ja", dt.date(2024, 5, 1)) == dt.date(2024, 4, 30)
    assert relative_date("said on Monday", "en", article) == dt.date(2024, 3, 11)
    assert relative_date("said yesterday", "en", article) == dt.date(2024, 3, 11)
    assert relative_date("on April 25", "en", article) == dt.date(2023, 4, 25)
    assert relative_date("同日、", "ja", article, dt.date(2024, 1, 2)) == dt.date(2024, 1, 2)
    assert relative_date("on Monday", "en", None) is None
    assert relative_date("31日", "ja", dt.date(2024, 3, 12)) is None  # no 31 February


# ------------------------------------------------------------ connectives


def test_a_connective_wins_over_another_marker_and_takes_the_sentences_before() -> None:
    text = (
        "Heavier vehicles wear a bridge deck faster.\nThe deck was last resurfaced in 1998.\n"
        "Thus the county is likely to restrict the bridge.\n"
    )
    d = draft(text, "en")
    inference = d.map.inferences["I1"]
    assert inference.marker is not None and inference.marker.startswith("thus")
    assert [d.map.claims[p].kind for p in inference.premises] == [Kind.PREMISE, Kind.PREMISE]
    assert [d.map.claims[p].text for p in inference.premises] == [
        "Heavier vehicles wear a bridge deck faster",
        "The deck was last resurfaced in 1998",
    ]
    assert not any(u.why == "no marker" for u in d.unmatched)


def test_a_connective_opening_its_paragraph_takes_the_paragraph_before() -> None:
    text = (
        "駅前には学習スペースがありません。\n高校の自習室も一つだけです。\n\n"
        "そのため、図書館は貴重な学習の場と考えられます。\n"
    )
    d = draft(text, "ja")
    assert [d.map.claims[p].kind for p in d.map.inferences["I1"].premises] == [Kind.PREMISE, Kind.PREMISE]


def test_for_these_reasons_after_unmarked_sentences_passes_its_own_check() -> None:
    text = (
        "Shops open on Sundays make staff work weekends.\nSmall shops cannot compete.\n\n"
        "For these reasons, shops should close on Sundays.\n"
    )
    d = draft(text, "en")
    assert all(i.premises for i in d.map.inferences.values())
    assert not [f for f in check(d.map) if "premise" in f.rule and f.element == "I1"]


_SENTENCES = st.sampled_from(
    [
        "Buses are heavy.",
        "The deck is old.",
        "The minister said that rates would rise.",
        "Thus the bridge is likely to close.",
        "Therefore, we should act.",
        "For these reasons, the plan should change.",
        "So the council must decide.",
        "If it rains, the match will probably be cancelled.",
        "",
    ]
)


@settings(max_examples=60, deadline=None)
@given(st.lists(_SENTENCES, min_size=1, max_size=12))
def test_a_connective_led_inference_always_has_premises(sentences: list[str]) -> None:
    d = draft("\n".join(sentences) + "\n", "en")
    for inference in d.map.inferences.values():
        marker = (inference.marker or "").lower()
        if marker.startswith(("thus", "therefore", "so", "for these reasons")) and len(d.map.claims) > 1:
            first = d.origins[inference.id].line
            if any(s.strip() for s in sentences[: first - 1]):
                assert inference.premises, (sentences, inference)


# ------------------------------------------------------------ third round


@pytest.mark.parametrize(
    ("sentence", "content", "speaker"),
    [
        # told the writer: the benefactive くれる
        ("店長も、雨の日は客が半分になると話してくれました。", "雨の日は客が半分になる", "店長"),
        # an adjective between と and the noun of 「…を示した」
        ("漁協の組合長は「今年は不漁だろう」と慎重な見方を示した。", "「今年は不漁だろう」", "漁協の組合長"),
        # 「Xでは」: the survey's words
        ("市の調査では、住民の6割が延長に賛成と回答しました。", "住民の6割が延長に賛成", "市の調査"),
    ],
)
def test_more_japanese_reports_are_read(sentence: str, content: str, speaker: str) -> None:
    assert evidence(sentence, "ja") == [(content, speaker)]


@pytest.mark.parametrize(
    "sentence",
    [
        "値上げと言っても、土日には割引が残るとのことです。",  # a concession, not a speaker
        "駅前と言っても、実際は歩いて15分かかるとのことでした。",
    ],
)
def test_a_clause_before_the_particle_names_no_speaker(sentence: str) -> None:
    assert evidence(sentence, "ja") == []


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        (
            '"We have run out of beds," said the hospital\'s director, Amara Obi, at a briefing on 2 May, 2024.',
            "Amara Obi",
        ),
        (
            "The harbour authority told reporters the pier would stay shut until June.",
            "The harbour authority",
        ),
        ('In the words of Sam Lee, who has fished here for forty years, "the fish are gone."', "Sam Lee"),
        (
            "The parks survey, released on 3 April 2024, found that most visitors come by car.",
            "The parks survey",
        ),
    ],
)
def test_english_speakers_with_who_they_are_and_when(sentence: str, speaker: str) -> None:
    found = evidence(sentence, "en")
    assert len(found) == 1 and found[0][1] == speaker


@pytest.mark.parametrize(
    "sentence",
    [
        "Rents are rising fast, as the estate agents on Mill Lane say.",  # a remark, not a report
        "The rent is due on Friday, as the landlords always say.",
    ],
)
def test_an_as_clause_reports_nothing(sentence: str) -> None:
    assert evidence(sentence, "en") == []


def test_an_announcement_is_no_judgment_and_a_question_no_premise() -> None:
    d = draft(
        "It should be noted that I live next to the park.\n\n"
        "Why do people drive? Buses stop at 7 pm. Most shifts end at 8 pm. "
        "Therefore, many workers are likely to keep driving.\n",
        "en",
    )
    kinds = [(c.kind, c.text) for c in d.map.claims.values()]
    assert (Kind.CONCLUSION, "It should be noted that I live next to the park") not in kinds
    (inference,) = d.map.inferences.values()
    premises = [d.map.claims[p].text for p in inference.premises]
    assert premises == ["Buses stop at 7 pm", "Most shifts end at 8 pm"]


def test_a_headline_marked_with_its_kind_wins_over_a_masthead() -> None:
    h = read_header(
        ["北山中学校新聞　第12号　2024年5月1日発行", "", "【社説】給食の残りを減らそう", "本文です。"], (), ()
    )
    assert h.title == "給食の残りを減らそう"  # the series label left out


def test_a_summary_takes_the_unused_judgments_and_the_statements_since_the_last_one() -> None:
    text = (
        "2024年5月1日、市長は、駅前の駐輪場が足りないと述べました。\n\n"
        "駐輪場は朝7時に満車になります。\n"
        "したがって、駐輪場を増やす必要があります。\n\n"
        "同日、商店会の会長も、放置自転車が増えたと話しています。\n"
        "もし駐輪場が増えれば、放置自転車は減ると考えられます。\n"
        "警察は、自転車の盗難が前年の2倍になったと発表しました。\n\n"
        "以上から、駐輪場の整備を急ぐべきだと考えます。\n"
    )
    d = draft(text, "ja")
    summary = d.map.inferences[max(d.map.inferences, key=lambda i: int(i[1:]))]
    got = [d.map.claims[p].text for p in summary.premises]
    # the two judgments nothing has used, and the statements since the last
    # unconditional one (a conditional judgment does not close the stretch)
    # that nothing has used: the conditional judgment rests on the report of
    # its paragraph (放置自転車が増えた), so only the police's is left; the
    # mayor's words, before the first judgment, are not among them
    assert got == [
        "駐輪場を増やす",
        "放置自転車は減る",
        "自転車の盗難が前年の2倍になった",
    ]
    conditional = next(i for i in d.map.inferences.values() if d.map.claims[i.conclusion].conditional)
    assert [d.map.claims[p].text for p in conditional.premises] == ["駐輪場が増える", "放置自転車が増えた"]


def test_header_skips_section_labels_bylines_and_mastheads() -> None:
    # invented header lines: a section label, a byline, a masthead, a reading time
    h = read_header(
        ["OPINION", "Why the ferry needs a winter timetable", "By A. Writer · 4 min read"], (), ()
    )
    assert h.title == "Why the ferry needs a winter timetable"
    h = read_header(
        ["THE HILLTOP TIMES | Letters", "Bring back the night bus?", "Posted 3/11/2024", "", "Text."], (), ()
    )
    assert h.title == "Bring back the night bus?"
    h = read_header(
        ["西町中学校新聞　第3号", "◆生徒の声◆　朝読書の時間をもっと長く", "", "本文です。"], (), ()
    )
    assert h.title == "朝読書の時間をもっと長く"


def test_the_first_publication_date_wins_over_an_update() -> None:
    h = read_header(
        ["A headline", "Updated 02/12/2024 · First published 28/11/2024"], ("first published", "updated"), ()
    )
    assert h.date is not None and h.date.isoformat() == "2024-11-28"
    h = read_header(["見出しです", "更新：2024-05-02 10:00　公開：2024-04-30 09:00"], ("公開", "更新"), ())
    assert h.date is not None and h.date.isoformat() == "2024-04-30"


def test_dates_day_or_month_first_by_plausibility() -> None:

    assert [m.date.isoformat() for m in find_dates("27/07/2024, 07/27/2024, 03/04/2024")] == [
        "2024-07-27",
        "2024-07-27",
        "2024-04-03",
    ]
    assert find_dates("13/13/2024 v1.2.2024") == []
    assert relative_date("she said last Tuesday.", "en", dt.date(2024, 10, 8)) == dt.date(2024, 10, 1)


@pytest.mark.parametrize(
    ("sentence", "link"),
    [
        ("Adding it all up, the depot should stay open.", "summary"),
        ("Everything considered, the depot is likely to stay open.", "summary"),
        ("Given these figures, the depot is likely to stay open.", "sequel"),
        ("This being the case, the depot is likely to stay open.", "sequel"),
        ("Put another way, the depot is likely to stay open.", "sequel"),
    ],
)
def test_english_connectives_by_their_shape(sentence: str, link: str) -> None:
    d = draft("The depot served 300 riders a day. Fares rose by 5%.\n" + sentence, "en")
    (inference,) = d.map.inferences.values()
    assert d.origins[inference.conclusion].line == 2
    assert len(inference.premises) >= 1  # it links back, never an inference with no premises


def test_so_far_is_no_connective() -> None:
    d = draft("So far, three buses have been cancelled this week.", "en")
    assert not d.map.inferences


@pytest.mark.parametrize(
    "sentence",
    [
        "あれこれ考え合わせると、駅前の駐輪場は広げるべきだ。",
        "こうした声から、駅前の駐輪場は広げるべきだ。",
        "言い換えれば、駅前の駐輪場は広げるべきだ。",
    ],
)
def test_japanese_connectives_by_their_shape(sentence: str) -> None:
    d = draft("駅前の駐輪場は朝8時に満車になる。\n" + sentence, "ja")
    (inference,) = d.map.inferences.values()
    assert inference.premises  # the sentence before it, taken as a premise


def test_a_time_phrase_is_no_japanese_connective() -> None:
    d = draft("駅前の駐輪場は朝8時に満車になる。\nこの春から、駐輪場は広げるべきだ。", "ja")
    (inference,) = d.map.inferences.values()
    assert not inference.premises


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("漁協の森田組合長は「今年の水揚げは半分だ」と肩を落とした。", "森田組合長"),
        ("館長は「夜の利用はまだ少ない」とため息をついた。", "館長"),
        ("監督は試合後、「守備は合格点だ」と胸を張りました。", "監督"),
        ("店主の西さんは、客足は戻らなかったと嘆く。", "店主の西さん"),
        ("顧問の先生は「練習時間は足りている」と話されました。", "顧問の先生"),
    ],
)
def test_japanese_reported_speech_with_any_verb(sentence: str, speaker: str) -> None:
    d = draft(sentence, "ja")
    (claim,) = d.map.claims.values()
    assert claim.kind is Kind.EVIDENCE
    assert claim.source is not None and claim.source.speaker is not None
    assert speaker in claim.source.speaker


@pytest.mark.parametrize(
    "sentence",
    [
        "この制度は「地域の縁側」と呼ばれている。",  # a name given, nobody reports
        "村の広場は「みんなの庭」となった。",
        "会長の案は「前年と同じだ」と言える。",  # the author's hedge
        "雨が降ると試合は中止になる。",  # a conditional と
        "以上から、図書室は「第二の教室」だと判断できます。",  # the author's judgment
        "「静かにしてほしい」と張り紙をした。",  # no speaker named
    ],
)
def test_japanese_look_alikes_of_reported_speech(sentence: str) -> None:
    d = draft(sentence, "ja")
    assert all(c.kind is not Kind.EVIDENCE for c in d.map.claims.values())


def test_a_quotation_naming_an_event_reports_nothing() -> None:
    d = draft("去年、商店会が「夜の市」と名乗って開いた催しには、千人が集まった。", "ja")
    assert all(c.kind is not Kind.EVIDENCE for c in d.map.claims.values())


@pytest.mark.parametrize(
    ("sentence", "speaker", "has"),
    [
        (
            '"The pool stays shut," Okafor, who runs the leisure centre, told me on Friday.',
            "Okafor",
            "pool stays shut",
        ),
        ('"We will count every car for free," Lina Park offered.', "Lina Park", "count every car"),
        (
            '"It was chaos on the platform," is how Tom Reyes put it to me.',
            "Tom Reyes",
            "chaos on the platform",
        ),
        (
            'The head of the rail union, Asha Bell, was blunt: "Nobody trained us for this."',
            "Asha Bell",
            "Nobody trained",
        ),
        (
            "In a report published on 3 May 2024, the Harbour Trust put the repair bill at £2.1m.",
            "Harbour Trust",
            "repair bill",
        ),
        (
            "The club's committee rejected the plan in a letter on 4 June 2024, saying that the pitch floods every winter.",
            "committee",
            "pitch floods",
        ),
        (
            "The Ferry Users' Group objected in a letter to the port, dated 3 April 2024, that the timetable ignores commuters.",
            "Ferry Users' Group",
            "timetable ignores",
        ),
        (
            "My colleague Sam Ito, who rides the route daily, texted me on 9 March that the bus had been late all week.",
            "Sam Ito",
            "late all week",
        ),
    ],
)
def test_english_reported_speech_by_structure(sentence: str, speaker: str, has: str) -> None:
    d = draft(sentence, "en")
    evidence = [c for c in d.map.claims.values() if c.kind is Kind.EVIDENCE]
    assert len(evidence) == 1
    (ev,) = evidence
    assert ev.source is not None and ev.source.speaker is not None and speaker in ev.source.speaker
    assert has in ev.text


@pytest.mark.parametrize(
    "sentence",
    [
        "Online posts that call the scheme a scam have been shared widely.",  # "posts" is a noun
        "The operator's safety claims, it seems, hold up only in summer.",
        "All told, the repairs would cost about £40,000.",  # "in total"
        "Truth be told, most trains run on time.",
    ],
)
def test_english_look_alikes_of_reported_speech(sentence: str) -> None:
    d = draft(sentence, "en")
    assert all(c.kind is not Kind.EVIDENCE for c in d.map.claims.values())


def test_if_anything_and_if_only_suppose_nothing() -> None:
    d = draft("The risk is, if anything, smaller than we feared, so the council should act.", "en")
    assert all(c.kind is not Kind.HYPOTHESIS for c in d.map.claims.values())
    d = draft("If only the council had listened, the bridge would still stand.", "en")
    assert all(c.kind is not Kind.HYPOTHESIS for c in d.map.claims.values())


def test_an_inverted_condition_is_a_supposition() -> None:
    d = draft("Should the county keep the lamps lit, it would still save most of the money.", "en")
    hyp = [c for c in d.map.claims.values() if c.kind is Kind.HYPOTHESIS]
    assert [h.text for h in hyp] == ["the county keep the lamps lit"]
    assert any(c.kind is Kind.CONCLUSION and c.conditional for c in d.map.claims.values())
    d = draft("Should we worry about the lamps, or about the roads?", "en")
    assert all(c.kind is not Kind.HYPOTHESIS for c in d.map.claims.values())


def test_a_study_by_researchers_reports_what_it_found() -> None:
    d = draft(
        "A survey of 400 riders by students at Lakeside College found no support for the fare rise.", "en"
    )
    (ev,) = d.map.claims.values()
    assert ev.kind is Kind.EVIDENCE and ev.source is not None and "survey" in (ev.source.speaker or "")
    # a passive "by" names no speaker
    d = draft("Parents were told by the school that the trip is off.", "en")
    assert all(c.kind is not Kind.EVIDENCE for c in d.map.claims.values())


def test_she_takes_the_person_the_sentence_before_is_about() -> None:
    d = draft(
        'Chief Engineer Rosa Lund of the port was calm. "The crane is safe," she told the Echo on Monday.',
        "en",
    )
    (ev,) = [c for c in d.map.claims.values() if c.kind is Kind.EVIDENCE]
    assert ev.source is not None and "Rosa Lund" in (ev.source.speaker or "")


@pytest.mark.parametrize(
    "line",
    [
        "Full report: https://example.org/r",
        "County bus survey 2025: https://example.org/s",
        "調査報告：https://example.jp/r",
    ],
)
def test_a_short_label_before_a_url_is_a_source_line(line: str) -> None:
    lang = "ja" if "報告" in line else "en"
    text = (
        "The council said on 3 May 2024 that fares will rise.\n"
        if lang == "en"
        else "市は、運賃を上げると発表した。\n"
    ) + line
    d = draft(text, lang)
    (ev,) = d.map.claims.values()
    assert (
        ev.source is not None and ev.source.url is not None and ev.source.url.startswith("https://example.")
    )


def test_a_sentence_with_a_colon_and_a_url_is_no_source_line() -> None:
    from argmap.scaffolding.draft import _source_line

    assert _source_line("The mayor was clear. Read it: https://example.org/a", ("source",)) is None


def test_periphrastic_and_possessive_reports() -> None:
    d = draft("The club's coach, Ana Ruiz, was quoted as saying the pitch is unsafe.", "en")
    (ev,) = d.map.claims.values()
    assert ev.kind is Kind.EVIDENCE and "Ana Ruiz" in (ev.source.speaker if ev.source else "")
    d = draft('Ana Ruiz spoke last. "We train in the mud," was her summing-up.', "en")
    (ev,) = [c for c in d.map.claims.values() if c.kind is Kind.EVIDENCE]
    assert ev.source is not None and "Ana Ruiz" in (ev.source.speaker or "")


def test_weighing_sums_up_and_a_column_name_is_no_title() -> None:
    d = draft("Fares rose twice. Buses are late.\nWeighing the evidence, the council should act.", "en")
    (inference,) = d.map.inferences.values()
    assert inference.premises
    h = read_header(["連載コラム「街角から」", "駅前の広場をどう使うか", "2025年1月5日"], (), ())
    assert h.title == "駅前の広場をどう使うか"


def test_he_going_on_in_the_same_paragraph_keeps_the_date() -> None:
    text = (
        'Ken Oda spoke on 4 March 2025. "The pool is too cold," Ken Oda said on 4 March 2025. '
        '"Nobody swims in March," he added.\n\n"We will heat it," he said.'
    )
    d = draft(text, "en")
    dates = [c.source.date for c in d.map.claims.values() if c.kind is Kind.EVIDENCE and c.source]
    assert dates == [dt.date(2025, 3, 4), dt.date(2025, 3, 4), None]  # a new paragraph: a new occasion


@pytest.mark.parametrize(
    ("sentence", "lang"),
    [
        ("The new timetable seems to suit commuters better.", "en"),
        ("The council would be wise to wait for the survey.", "en"),
        ("この数字からは、利用者が減っていることがうかがえます。", "ja"),
        ("このままでは、商店街の灯が消えかねない。", "ja"),
        ("駅前の再開発は見直すほかない。", "ja"),
    ],
)
def test_the_modality_of_an_inference_makes_a_judgment(sentence: str, lang: str) -> None:
    d = draft(sentence, lang)
    assert [c.kind for c in d.map.claims.values()] == [Kind.CONCLUSION]


def test_only_one_is_no_modality() -> None:
    d = draft("駅には改札が一つしかありません。", "ja")
    assert all(c.kind is not Kind.CONCLUSION for c in d.map.claims.values())


def test_unless_and_supposing_in_japanese() -> None:
    d = draft("市が予算を増やさない限り、図書館の開館時間は延びないでしょう。", "ja")
    hyp = [c.text for c in d.map.claims.values() if c.kind is Kind.HYPOTHESIS]
    assert hyp == ["市が予算を増やさない"]
    d = draft("仮に運賃が倍になったとしたら、利用者は半分に減るだろう。", "ja")
    assert any(c.kind is Kind.CONCLUSION and c.conditional for c in d.map.claims.values())


@pytest.mark.parametrize(
    ("sentence", "speaker", "has"),
    [
        (
            "A group led by Prof Ana Silva at Hill College surveyed 300 cafes in 2024 and found in May 2025 that "
            "half had cut their opening hours.",
            "Ana Silva",
            "half had cut",
        ),
        ("The Ramblers' Trust has long urged walkers to keep dogs on leads.", "Ramblers' Trust", "keep dogs"),
        (
            "Dan Moss, who runs the ferry, fears that the pier will not last the winter.",
            "Dan Moss",
            "pier will not",
        ),
    ],
)
def test_more_english_structures(sentence: str, speaker: str, has: str) -> None:
    d = draft(sentence, "en")
    (ev,) = d.map.claims.values()
    assert ev.kind is Kind.EVIDENCE and ev.source is not None and speaker in (ev.source.speaker or "")
    assert has in ev.text


def test_i_believe_is_still_the_authors_judgment() -> None:
    d = draft("I believe the pier will not last the winter.", "en")
    assert [c.kind for c in d.map.claims.values()] == [Kind.CONCLUSION]


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("店長の木村さんに尋ねると、「雨の日は客が半分になる」とため息をついた。", "木村さん"),
        ("市のまとめでは、去年の来館者は2割減ったという。", "市のまとめ"),
    ],
)
def test_more_japanese_speakers(sentence: str, speaker: str) -> None:
    d = draft(sentence, "ja")
    (ev,) = d.map.claims.values()
    assert ev.kind is Kind.EVIDENCE and ev.source is not None and speaker in (ev.source.speaker or "")


def test_pointing_back_with_no_clause_is_a_connective_not_a_supposition() -> None:
    d = draft("バスは1日3本しかない。\nだとすると、高校生は自転車で通うしかないだろう。", "ja")
    assert all(c.kind is not Kind.HYPOTHESIS for c in d.map.claims.values())
    (inference,) = d.map.inferences.values()
    assert inference.premises
    d = draft("バスは1日3本だ。\nそう考えると、町には増便を求めてほしい。", "ja")
    (inference,) = d.map.inferences.values()
    assert inference.premises
    h = read_header(["【読者の声】", "通学路に信号を", "2025/02/14"], (), ())
    assert h.title == "通学路に信号を"


def test_comparing_two_things_is_a_connective_and_a_known_label_word_may_start_a_free_label() -> None:
    d = draft(
        "費用の差は大きい。答えはまだ出ていない。\nこの二つを並べてみると、手立てを示すことが欠かせないでしょう。",
        "ja",
    )
    (inference,) = d.map.inferences.values()
    assert len(inference.premises) == 2
    d = draft("この制度を使えば、費用は下がるだろう。", "ja")  # a real supposition, no connective
    assert any(c.kind is Kind.HYPOTHESIS for c in d.map.claims.values())
    d = draft("町長は、プールを廃止すると述べました。\n参考資料：https://example.jp/plan", "ja")
    (ev,) = d.map.claims.values()
    assert ev.source is not None and ev.source.url == "https://example.jp/plan"


def test_a_stance_with_a_figure_and_and_said_after_a_first_verb() -> None:
    d = draft("The tourism officer, Neil Ashby, reckons each visitor spends about £40.", "en")
    (ev,) = d.map.claims.values()
    assert ev.kind is Kind.EVIDENCE and "Neil Ashby" in (ev.source.speaker if ev.source else "")
    d = draft("The chair, Councillor Ada Lin, opened the debate and said the hall would close in May.", "en")
    (ev,) = d.map.claims.values()
    assert ev.kind is Kind.EVIDENCE and "Ada Lin" in (ev.source.speaker if ev.source else "")
    assert ev.text.startswith("the hall would close")
    # a noun, not a verb: nobody is reported
    d = draft("Quality at universities has its price, which is why students should pay.", "en")
    assert all(c.kind is not Kind.EVIDENCE for c in d.map.claims.values())


@pytest.mark.parametrize(
    "sentence",
    ["館長は「静かに」と書かれた札を机に置いた。", "店主は「町一番のパン屋」と名乗っている。"],
)
def test_a_quotation_that_labels_a_thing_reports_nothing(sentence: str) -> None:
    d = draft(sentence, "ja")
    assert all(c.kind is not Kind.EVIDENCE for c in d.map.claims.values())
