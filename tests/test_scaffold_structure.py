"""The scaffold reading articles by their structure: the day a statement was
made from the occasion the text tells of, sources given as a title and a
link on one line, Japanese and English reports in the shapes news writing
gives them (and their look-alikes refused), a column's name or a section
label above the headline, and which sentences a connective draws on."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.model import Kind
from argmap.scaffolding import draft
from argmap.scaffolding.dates import format_date, mentions_time, relative_date


def statements(text: str, lang: str) -> list[tuple[str, str | None, dt.date | None, str | None]]:
    """(text, speaker, date, url) of each piece of evidence the draft holds, in order."""
    d = draft(text, lang)
    return [
        (c.text, c.source.speaker, c.source.date, c.source.url)
        for c in d.map.claims.values()
        if c.kind is Kind.EVIDENCE and c.source is not None
    ]


def premises_of(text: str, lang: str, has: str) -> list[str]:
    """The texts of the premises of the inference whose conclusion holds ``has``."""
    d = draft(text, lang)
    (con,) = [cid for cid, c in d.map.claims.items() if c.kind is Kind.CONCLUSION and has in c.text]
    (inf,) = [i for i in d.map.inferences.values() if i.conclusion == con]
    return [d.map.claims[p].text for p in inf.premises]


# ------------------------------------------------------------ the occasion's day


def test_a_statement_takes_the_day_of_the_meeting_the_text_tells_of() -> None:
    text = (
        "2024年9月13日\n\n"
        "　9月10日の市議会文教委員会を傍聴しました。\n"
        "　部長は、指導者は42人にとどまっていると述べました。\n\n"
        "　質疑では、山内委員が「謝金が安すぎる」と指摘しました。\n"
        "　教育長は、6月の定例会で、休んでいる部が14あると答弁しています。\n"
    )
    got = statements(text, "ja")
    assert [(s[1], s[2]) for s in got] == [
        ("部長", dt.date(2024, 9, 10)),
        ("山内委員", dt.date(2024, 9, 10)),  # the next paragraph is still the meeting
        ("教育長", None),  # a month of its own: another occasion, no day
    ]


def test_a_judgment_ends_the_occasion() -> None:
    text = (
        "Posted on 5 June 2024\n\n"
        "The committee met on 3 June 2024 to discuss the pool.\n"
        "The chair said that the pool would close.\n"
        "So the town should find the money.\n"
        "The treasurer said that the money was there.\n"
    )
    assert [s[2] for s in statements(text, "en")] == [dt.date(2024, 6, 3), None]


def test_a_dated_statement_lends_its_day_only_to_what_points_back_to_it() -> None:
    text = (
        "令和6年5月1日\n\n"
        "　南山交通は4月30日、来月から路線バスを2割減便すると発表しました。\n"
        "　同社の広報担当者は、運転手の不足が最大の理由だとコメントしています。\n"
        "　南山交通はまた、土日の便も見直すと説明しました。\n"
        "　同じ会見で、社長は、値上げはしないと述べました。\n"
    )
    dates = [s[2] for s in statements(text, "ja")]
    # another speaker saying nothing of the occasion: no day; the same speaker, or 「同じ会見で」: the day
    assert dates == [dt.date(2024, 4, 30), None, dt.date(2024, 4, 30), dt.date(2024, 4, 30)]


@pytest.mark.parametrize(
    "scene",
    [
        "　3月定例会は3月4日から18日まで開かれました。",  # a stretch of days
        "Since 1 June every adult landing on the island pays £5.",  # a start, not an occasion
        "The annual meeting is on 24 October 2024.",  # a day after the article's
    ],
)
def test_no_one_day_no_occasion(scene: str) -> None:
    lang = "ja" if scene.startswith("\u3000") else "en"
    said = (
        "　町長は、プールを廃止すると述べました。"
        if lang == "ja"
        else "The Trust says that the fee pays for paths."
    )
    text = (
        ("2024年8月14日" if lang == "ja" else "Posted on 14 August 2024")
        + "\n\n"
        + scene
        + "\n"
        + said
        + "\n"
    )
    ((_, _, date, _),) = statements(text, lang)
    assert date is None


def test_a_time_in_the_reported_words_is_not_when_they_were_said() -> None:
    text = "2024年9月13日\n\n　9月10日の委員会を傍聴しました。\n　部長は、来年4月から全校で移すと説明しました。\n"
    ((_, _, date, _),) = statements(text, "ja")
    assert date == dt.date(2024, 9, 10)


@settings(max_examples=60, deadline=None)
@given(
    st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2099, 12, 31)),
    st.integers(min_value=0, max_value=400),
    st.sampled_from(["iso", "ja", "mdy", "dmy"]),
)
def test_the_occasion_is_the_day_written(day: dt.date, later: int, style: str) -> None:
    """Whatever the day and however it is written, an undated statement after
    a sentence that names it gets that day (an oracle: the day itself)."""
    article = day + dt.timedelta(days=later)
    if style == "ja":
        text = (
            f"{format_date(article, 'ja')}\n\n　{format_date(day, 'ja')}に委員会が開かれました。\n"
            "　委員長は、予算が足りないと述べました。\n"
        )
        lang = "ja"
    else:
        text = (
            f"Posted on {format_date(article, 'dmy')}\n\nThe committee met on {format_date(day, style)}.\n"
            "The chair said that the budget was short.\n"
        )
        lang = "en"
    ((_, _, date, _),) = statements(text, lang)
    assert date == day


def test_mentions_time_and_the_new_relative_forms() -> None:
    assert mentions_time("教育長が6月の定例会で答弁しています", "ja")
    assert mentions_time("which opened a warehouse in 2021, states that", "en")
    assert not mentions_time("部長はまた、述べました", "ja")
    assert not mentions_time("The chair said on Monday that", "en")
    article = dt.date(2024, 8, 14)
    assert relative_date("told me in an email on 2 August that", "en", article) == dt.date(2024, 8, 2)
    assert relative_date("昨年11月20日に出した提言で", "ja", dt.date(2024, 12, 1)) == dt.date(2023, 11, 20)
    assert relative_date("the library closes on Sundays", "en", article) is None  # a habit, not a day
    assert relative_date("cut by 3 million", "en", article) is None


# ------------------------------------------------------------ sources


@pytest.mark.parametrize(
    ("line", "url", "title"),
    [
        (
            "朱鷺野スポーツ「県高野連、夏の序盤戦に7回制」（3月14日）　https://example.jp/a",
            "https://example.jp/a",
            "朱鷺野スポーツ「県高野連、夏の序盤戦に7回制」（3月14日）",
        ),
        ("Harbour Gazette, 'Ferry fares to rise' https://example.org/b", "https://example.org/b", None),
        ("(Details: https://example.org/c)", "https://example.org/c", "Details"),
    ],
)
def test_a_title_and_its_link_on_one_line_document_the_statement_before(
    line: str, url: str, title: str | None
) -> None:
    lang = "ja" if "「" in line else "en"
    said = (
        "　県高野連は、1、2回戦を7回制で行うと発表した。"
        if lang == "ja"
        else "The ferry company said that fares would rise."
    )
    d = draft(said + "\n" + line + "\n", lang)
    (ev,) = [c for c in d.map.claims.values() if c.kind is Kind.EVIDENCE]
    assert ev.source is not None and ev.source.url == url
    if title is not None:
        assert ev.source.title == title
    assert not any(u.why == "source with no statement before it" for u in d.unmatched)


def test_a_line_of_sentences_ending_with_a_link_is_prose_not_a_title() -> None:
    d = draft(
        "Pier news\n\nThe mayor said that the pier is safe. More on the pier. https://example.org/p\n", "en"
    )
    assert d.map.document is not None and d.map.document.title == "Pier news"
    (ev,) = [c for c in d.map.claims.values() if c.kind is Kind.EVIDENCE]
    assert ev.source is not None and ev.source.speaker == "The mayor"
    assert any("https://example.org/p" in u.text for u in d.unmatched)  # nothing dropped


# ------------------------------------------------------------ Japanese reports


@pytest.mark.parametrize(
    ("sentence", "speaker", "has"),
    [
        ("教育長が6月の定例会で、休んでいる部が14あると答弁しています。", "教育長", "14ある"),
        ("市長は、来年度から無料にすると強調しました。", "市長", "無料にする"),
        ("質疑では、山内あゆみ委員が「謝金が安すぎる」と指摘しました。", "山内あゆみ委員", "謝金"),
        ("部長はまた、登録した指導者は42人だと述べました。", "部長", "42人"),
        ("これに対して部長は、「予算の中で検討したい」と答えるにとどめました。", "部長", "検討したい"),
        (
            "日本こども運動学会は提言で、遊び場が減ったことを挙げている。",
            "日本こども運動学会",
            "遊び場が減った",
        ),
        ("市が公園を閉じる方針だと、1月30日付の本紙が伝えていた。", "本紙", "方針だ"),
        ("専務理事は発表後の取材に「短くするのが確実だ」と語った。", "専務理事", "確実だ"),
    ],
)
def test_japanese_reports_in_more_shapes(sentence: str, speaker: str, has: str) -> None:
    ((text, who, _, _),) = statements(sentence, "ja")
    assert who is not None and speaker in who and has in text
    assert not who.startswith(("これに対して", "質疑")), who


@pytest.mark.parametrize(
    "sentence",
    [
        "気温が上がると増加します。",  # と is "when"
        "A社はB社と協力しています。",  # と is "with"
        "この町の人口は10年前と比較して減少しています。",
    ],
)
def test_a_kanji_verb_after_to_that_means_when_or_with_reports_nothing(sentence: str) -> None:
    assert statements(sentence, "ja") == []


# ------------------------------------------------------------ English reports


@pytest.mark.parametrize(
    ("sentence", "speaker", "has"),
    [
        (
            "Harrow & Finch, the 38-store grocer that dominates the coast, announced on Tuesday that it "
            "will close its depot.",
            "Harrow & Finch",
            "close its depot",
        ),
        (
            "Sian Lloyd, regional organiser for the Retail Workers' Union, told a crowd at the depot gates on "
            'Wednesday evening that "most of our members cannot get there."',
            "Sian Lloyd",
            "cannot get there",
        ),
        (
            "When we stopped at the lighthouse, Callum Fraser, one of the Trust's two rangers, reckoned that "
            'mending the path would cost "north of £400,000".',
            "Callum Fraser",
            "mending the path",
        ),
        (
            "Dr. Nadia Ferreira, an ecologist at Wessmoor University, and her colleagues report that verges "
            "left uncut held more bees.",
            "Nadia Ferreira",
            "verges",
        ),
        ("Our police chief, Omar Haddad, reported that call-outs fell by 40%.", "Omar Haddad", "call-outs"),
    ],
)
def test_english_reports_with_the_speaker_described_between_commas(
    sentence: str, speaker: str, has: str
) -> None:
    ((text, who, _, _),) = statements(sentence, "en")
    assert who is not None and speaker in who and has in text


def test_she_is_the_person_named_between_commas_the_sentence_before() -> None:
    text = (
        "Caledon Ferries said that numbers were down. Our B&B host, Morag Reid, has lived here all her life. "
        '"The path was twice as wide," she told us.'
    )
    assert [s[1] for s in statements(text, "en")] == ["Caledon Ferries", "Morag Reid"]


def test_an_as_clause_between_commas_leaves_the_report_alone() -> None:
    ((_, who, _, _),) = statements("Keane's data, as it happens, showed no fox using a hedgehog gap.", "en")
    assert who == "Keane's data"


def test_if_youre_anything_like_me_supposes_nothing() -> None:
    d = draft("If you're anything like me, you'll spend half the walk with your camera out.", "en")
    assert not any(c.kind is Kind.HYPOTHESIS for c in d.map.claims.values())


# ------------------------------------------------------------ the header


def test_a_section_label_with_its_subsection_and_a_bar_separated_byline() -> None:
    text = (
        "THE LEDGER LINE · Retail\nHarrow & Finch's warehouse move: a saving, or a bet on robots?\n"
        "Analysis | 5 September 2024 | Marcus Obi\n\nHarrow & Finch said on Tuesday that it will move.\n"
    )
    d = draft(text, "en")
    assert d.map.document is not None and d.map.document.title == (
        "Harrow & Finch's warehouse move: a saving, or a bet on robots?"
    )
    assert d.map.date == dt.date(2024, 9, 5)
    ((_, _, date, _),) = statements(text, "en")
    assert date == dt.date(2024, 9, 3)  # "on Tuesday", counted back from the article's Thursday


def test_a_columns_name_above_the_date_is_no_title() -> None:
    text = "読者の声\n2024年2月8日（木）\n\n公園のボール遊び、一律に禁じないで\nパート従業員　大西真弓（41）\n\n　本文です。\n"
    d = draft(text, "ja")
    assert d.map.document is not None and d.map.document.title == "公園のボール遊び、一律に禁じないで"


# ------------------------------------------------------------ connectives


@pytest.mark.parametrize(
    ("text", "lang", "has", "want"),
    [
        (
            "　昨夏の試合は平均で2時間21分かかった。\n　その多くは正午から午後3時の間だった。\n"
            "　要は、選手たちはいちばん暑い時間に立たされていたわけだ。\n",
            "ja",
            "立たされていた",
            ["昨夏の試合は平均で2時間21分かかった", "その多くは正午から午後3時の間だった"],
        ),
        (
            "Around puberty the body clock shifts later. Most pupils get eight hours at most.\n"
            "Seen in that light, the extra half hour is a partial repayment of a sleep debt.\n",
            "en",
            "repayment",
            ["Around puberty the body clock shifts later", "Most pupils get eight hours at most"],
        ),
    ],
)
def test_connectives_by_shape_take_the_sentences_before(
    text: str, lang: str, has: str, want: list[str]
) -> None:
    assert premises_of(text, lang, has) == want


def test_which_means_is_a_connective() -> None:
    text = "Staff will move across in stages until September 2025.\nWhich means the saving is unlikely to show before 2026.\n"
    assert premises_of(text, "en", "saving") == ["Staff will move across in stages until September 2025"]


def test_a_sentence_introducing_a_statement_is_no_premise() -> None:
    text = (
        "Traders were less keen. Martin Hale warned councillors that half of the customers arrive by car. "
        "A count showed the car park full on 41 Saturdays.\n"
        "On those figures, the traders plainly have a strong point.\n"
    )
    got = premises_of(text, "en", "strong point")
    assert "Traders were less keen" not in got and "A count showed the car park full on 41 Saturdays" in got


def test_an_english_turn_starts_the_stretch() -> None:
    text = (
        "It is a fair point. Yet the comparison schools had volunteered as well.\n"
        "So the gap is unlikely to come from keener heads alone.\n"
    )
    assert premises_of(text, "en", "keener heads") == ["Yet the comparison schools had volunteered as well"]


def test_a_japanese_caveat_keeps_both_sides() -> None:
    text = (
        "　費用の差は大きい。ただ、バスで通えない人の利用はまだ答えが出ていない。\n"
        "　この二つを並べてみると、手立てを示すことが欠かせないでしょう。\n"
    )
    assert len(premises_of(text, "ja", "欠かせない")) == 2


# ------------------------------------------------------------ more shapes, found on new texts


def test_a_sentence_after_a_titled_link_is_prose() -> None:
    text = (
        "2024年10月21日\n\n　奥沢町は、分娩を休止すると明らかにした。\n奥沢町「分娩の休止について」\nhttps://example.jp/a\n"
        "　院長は、「医師1人では無理がある」と休止の理由を説明した。\n"
    )
    got = statements(text, "ja")
    assert [(s[1], s[3]) for s in got] == [("奥沢町", "https://example.jp/a"), ("院長", None)]


@pytest.mark.parametrize(
    ("sentence", "judged"),
    [
        ("受け入れの態勢が整うまでには、まだ時間がかかりそうだ。", True),
        ("どうやら、うちの班だけの話ではなさそうです。", True),
        ("組合の調査では、経営者の平均年齢は71歳だそうです。", False),  # hearsay: the survey's words
    ],
)
def test_sou_da_of_appearance_judges_and_of_hearsay_reports(sentence: str, judged: bool) -> None:
    d = draft(sentence, "ja")
    kinds = {c.kind for c in d.map.claims.values()}
    assert kinds == ({Kind.CONCLUSION} if judged else {Kind.EVIDENCE})


def test_mo_says_the_same_occasion() -> None:
    text = (
        "2025年2月10日\n\n　自治会長は2月9日、回覧板をやめると説明しました。\n"
        "　広報担当の松井さんも、紙代が浮くと説明していました。\n"
    )
    assert [s[2] for s in statements(text, "ja")] == [dt.date(2025, 2, 9)] * 2


@pytest.mark.parametrize(
    ("sentence", "speaker", "has"),
    [
        (
            "But a report from the Northern Uplands Tourism Partnership found no fall in visitor numbers.",
            "report from the Northern Uplands Tourism Partnership",
            "no fall",
        ),
        (
            "The council's own housing report ([Housing need](https://example.org/h)) found that 312 households "
            "are waiting.",
            "housing report",
            "312 households",
        ),
        (
            "When Professor Daniel Reyes of Eastbridge University spoke to our staff in November, he told us that "
            "homework makes almost no difference.",
            "Daniel Reyes",
            "homework",
        ),
    ],
)
def test_english_reports_found_past_a_first_verb_a_bracket_or_a_pronoun(
    sentence: str, speaker: str, has: str
) -> None:
    ((text, who, _, _),) = statements("The parish said that it was fine.\n\n" + sentence, "en")[1:]
    assert who is not None and speaker in who and has in text


def test_a_quotation_split_by_as_he_put_it() -> None:
    text = (
        "Daniel Reyes said that reading matters. "
        '"Twenty minutes of a good book," as he put it, "is worth more than an hour of worksheets."'
    )
    got = statements(text, "en")
    assert got[1][1] == "Daniel Reyes" and "worth more than an hour" in got[1][0]


def test_the_same_meeting_takes_the_day_that_meeting_was() -> None:
    text = (
        "Posted on 5 March 2025\n\n"
        "At the drop-in session on 22 February, Sam Oduya told me the loan would take years.\n"
        "Ruth Dallow posted on Tuesday that the council will respect the result.\n\n"
        'Anne Kirkby argued at the same drop-in that "the view is the hill."\n'
    )
    assert [s[2] for s in statements(text, "en")] == [
        dt.date(2025, 2, 22),
        dt.date(2025, 3, 4),
        dt.date(2025, 2, 22),
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "If you've been in the Drovers Arms lately, you'll know it's the only thing anyone talks about.",
        "And if Harrowfell is any guide, the walkers will keep coming.",
    ],
)
def test_asides_that_begin_with_if_suppose_nothing(sentence: str) -> None:
    d = draft(sentence, "en")
    assert not any(c.kind is Kind.HYPOTHESIS for c in d.map.claims.values())


def test_a_document_holds_a_view_but_a_clause_does_not() -> None:
    assert statements("県が公表した被害想定では、避難者は最大で4万2千人にのぼるとされています。", "ja")[0][
        1
    ] == ("県が公表した被害想定")
    assert statements("地震が起きた場合、避難者は4万人にのぼるとされています。", "ja") == []


def test_a_sentence_giving_a_link_documents_the_statements_before_and_is_no_premise() -> None:
    text = (
        "　宮下さんは、自分たちで開けられたと振り返っています。\n"
        "　検証会議の報告書は、市のホームページで読むことができます。https://example.jp/k\n"
        "　つまり、鍵を地域が握るべきだ。\n"
    )
    ((_, _, _, url),) = statements(text, "ja")
    assert url == "https://example.jp/k"
    assert not any("ホームページ" in p for p in premises_of(text, "ja", "鍵を地域"))


@pytest.mark.parametrize(
    ("sentence", "speaker", "has"),
    [
        (
            "県商工会連合会の堀内専務理事も同じ会見に臨み、答申に反対したことを明らかにした。",
            "堀内専務理事",
            "答申に反対した",
        ),
        (
            "新聞部のアンケートでは、回答した512人のうち58%が「参考に使うのはよい」と答えた。",
            "アンケート",
            "参考に使うのはよい",
        ),
        (
            "あとで知ったのですが、町の危機管理室も、聞き取りにくい地区があったと認めています。",
            "危機管理室",
            "聞き取りにくい",
        ),
    ],
)
def test_japanese_speakers_after_a_clause_a_survey_or_an_aside(sentence: str, speaker: str, has: str) -> None:
    ((text, who, _, _),) = statements(sentence, "ja")
    assert who is not None and speaker in who and has in text
    assert "のです" not in who


def test_japanese_days_relative_to_the_talk_and_to_the_day_before() -> None:
    text = (
        "2025年2月9日\n\n　町長は2月7日、ラジオを配ると述べた。\n　危機管理室も翌日、放送が聞こえにくいと認めている。\n\n"
        "　先ほどのごあいさつで、副市長も「文化を守るのは務めだ」とおっしゃいました。\n"
    )
    assert [s[2] for s in statements(text, "ja")] == [
        dt.date(2025, 2, 7),
        dt.date(2025, 2, 8),
        dt.date(2025, 2, 9),
    ]


def test_english_reports_to_someone_after_a_time_and_named_before_a_description() -> None:
    text = (
        "Posted 22 January 2025\n\n"
        "Telcom North wrote to its customers in November that every home will move to a digital line.\n"
        "By Sunday evening Northern Grid had changed its tune, posting on its website that homes might wait.\n"
        "Tom Reilly, Dashly's head of UK operations, argued in a letter that riders are free to work for others.\n"
        "Councillor Peter Lindqvist said in this morning's session that the council will write to every user.\n"
    )
    got = statements(text, "en")
    assert [s[1] for s in got] == [
        "Telcom North",
        "Northern Grid",
        "Tom Reilly",
        "Councillor Peter Lindqvist",
    ]
    assert got[3][2] == dt.date(2025, 1, 22)  # this morning: the day of the post


def test_a_day_to_come_in_what_was_said_is_not_when_it_was_said() -> None:
    text = (
        "Wednesday 16 April 2025\n\nCouncillor Shah said on Thursday that the council would look again.\n"
        "She also told the meeting that the committee will hear from riders on 22 May.\n"
    )
    assert [s[2] for s in statements(text, "en")] == [dt.date(2025, 4, 10)] * 2


def test_a_long_sentence_below_a_link_is_prose_not_its_title() -> None:
    text = (
        "　町長は、希望する世帯にラジオを無料で配る考えを示しました。\nhttps://example.jp/a\n"
        "　同じ町でブログを書いているkazuさんは、「ラジオは配っても、寝室に置いてもらえなければ意味がない」"
        "と投稿していました。\n"
    )
    assert [s[1] for s in statements(text, "ja")] == ["町長", "同じ町でブログを書いているkazuさん"]


@pytest.mark.parametrize(
    ("sentence", "lang"),
    [
        ("「期日前投票があるのだから、投票所が遠くなっても困らない」と考える向きもあろう。", "ja"),
        ("If you agree, sign the petition outside the music block.", "en"),
        (
            "When the electricity goes off, so does the phone, unless the home has a battery back-up unit.",
            "en",
        ),
    ],
)
def test_imagined_objectors_calls_and_facts_with_unless_are_neither_reports_nor_suppositions(
    sentence: str, lang: str
) -> None:
    d = draft(sentence, lang)
    assert not any(c.kind in (Kind.EVIDENCE, Kind.HYPOTHESIS) for c in d.map.claims.values())


def test_a_masthead_of_three_parts_is_no_title() -> None:
    text = (
        "Brackenford Post · Business · Analysis\nAre Brackenford's delivery riders really earning the minimum wage?\n"
        "By Keira Doyle | Wednesday 16 April 2025, 7:00 am\n\nDashly said on Monday that pay would rise.\n"
    )
    d = draft(text, "en")
    assert d.map.document is not None and d.map.document.title is not None
    assert d.map.document.title.startswith("Are Brackenford's") and d.map.date == dt.date(2025, 4, 16)


def test_japanese_documents_gifts_of_words_and_hearsay_that_goes_on() -> None:
    text = (
        "2025年3月5日\n\n"
        "　県警は先月27日、昨年の被害額が14億円にのぼったと発表した。\n"
        "　被害に遭った人の8割近くが65歳以上だったという。\n\n"
        "　市の「学校ビオトープの手引き」に、メダカを保てば蚊は減らせると書かれている。\n"
        "　昨日の理事会で、小池会長から「資料の整理を手伝えないか」というお申し出をいただきました。\n"
    )
    got = statements(text, "ja")
    assert [(s[1], s[2]) for s in got] == [
        ("県警", dt.date(2025, 2, 27)),
        ("県警", dt.date(2025, 2, 27)),  # 「…という」 with no source named: the one before goes on
        ("市の「学校ビオトープの手引き」", None),
        ("小池会長", dt.date(2025, 3, 4)),
    ]


def test_hearsay_with_no_source_in_sight_is_no_report() -> None:
    assert statements("　この町には昔、大きな市が立ったという。\n", "ja") == []


@pytest.mark.parametrize(
    ("sentence", "lang"),
    [
        ("Retail, as they say, is detail, and the detail here is the start-up.", "en"),
        (
            "I've wanted to walk the cliffs ever since I saw a photo, so when Jo found cheap tickets we sailed over.",
            "en",
        ),
        (
            "Even if the robots work, the one-off costs Tey expects will eat more than a year of the saving.",
            "en",
        ),
        (
            "Often single children are spoiled and because of this, they think they are entitled to more.",
            "en",
        ),
        ("Too many people believe that they can say whatever they want.", "en"),
        ("Regardless of a good job offer, I would not live in Beijing.", "en"),
        (
            "　還付金詐欺では、犯人は「ＡＴＭで払い戻しの手続きができます」と言って高齢者をＡＴＭへ向かわせる。",
            "ja",
        ),
        ("　学芸員の間では、昔から「収蔵庫は満杯になるためにある」などと申します。", "ja"),
    ],
)
def test_look_alikes_of_reports_are_refused(sentence: str, lang: str) -> None:
    """A speaker that is a clause, a parenthetical "as they say", a verb in a
    relative clause, a belief of "they", a quantifier, an adverbial; words
    said to do something else, and sayings."""
    assert statements(sentence, lang) == []


def test_english_reports_in_a_relative_clause_and_from_a_survey() -> None:
    text = (
        "Posted 17 October 2024\n\n"
        "The same morning I rang Dale Fuels in Kirkby, who quoted me 64.9p a litre for a one-off delivery.\n"
        "When Eco Club asked 214 students in December, 71 per cent said they wanted the pond kept.\n"
    )
    assert [s[1] for s in statements(text, "en")] == ["Dale Fuels in Kirkby", "Eco Club"]


def test_the_same_meeting_with_no_meeting_named_takes_the_last_day() -> None:
    text = (
        "Thursday 15 May 2025\n\n"
        "Inspector Carl Moyo told the Halsey Cycle Forum on Tuesday evening that thieves know the locks.\n"
        "Ruth Adebayo argued at the same meeting that the hub would help.\n"
    )
    assert [s[2] for s in statements(text, "en")] == [dt.date(2025, 5, 13)] * 2


def test_a_headline_without_its_subtitle() -> None:
    text = "【講演録】収蔵庫が満杯です――寄贈品とのつきあい方を、一緒に考えてください\n2025年5月25日\n\n　本文です。\n"
    d = draft(text, "ja")
    assert d.map.document is not None and d.map.document.title == "収蔵庫が満杯です"


def test_a_label_and_a_markdown_link_document_the_statement_before() -> None:
    text = (
        "The Westmere Wildlife Trust's 2024 survey found that the county has lost half its ponds.\n"
        "Read the survey: [Westmere's Missing Ponds](https://example.org/ponds)\n"
    )
    ((_, _, _, url),) = statements(text, "en")
    d = draft(text, "en")
    (ev,) = [c for c in d.map.claims.values() if c.kind is Kind.EVIDENCE]
    assert url == "https://example.org/ponds" and ev.source is not None
    assert ev.source.title == "Read the survey: Westmere's Missing Ponds"  # the free label is kept


def test_the_last_readings_a_survey_an_estimate_a_role_and_someone_asked() -> None:
    ja = (
        "　でも、同じアンケートで「家で教科書を開くのは週に1、2回以下」と答えた人は、全体の6割にのぼった。\n"
        "　気になって課の担当の方に電話で聞いてみたら、「部屋があっても定員を増やせない」とのことでした。\n"
    )
    assert [s[1] for s in statements(ja, "ja")] == ["アンケート", "課の担当の方"]
    en = (
        "By the finance department's estimate, the higher levy would raise about £900,000 a year.\n"
        "When I called the Family Information Service, the adviser told me there are 1.4 children for every place.\n"
    )
    assert [s[1] for s in statements(en, "en")] == ["the finance department", "the adviser"]


@pytest.mark.parametrize(
    "sentence",
    [
        "They say it takes a village to raise a child.",
        "The tags tell a simpler story than the gardens.",
        "　生徒会は6月20日、全校アンケートで「延ばしてほしい」と答えた生徒が64%に上ったとの結果を発表しました。",
    ],
)
def test_sayings_things_that_tell_and_a_survey_inside_a_report(sentence: str) -> None:
    lang = "ja" if sentence.startswith("\u3000") else "en"
    got = statements(sentence, lang)
    if lang == "ja":  # one statement, the student council's, not the survey's
        assert [s[1] for s in got] == ["生徒会"]
    else:
        assert got == []


def test_the_fourth_round_of_readings() -> None:
    ja = (
        "2025年7月9日\n\n"
        "　県社会福祉協議会の実態調査によると、事業所の3割が「休止を検討している」と答えた。\n"
        "　ところが先月、市の環境課から、保険の費用を出せない、との連絡がありました。\n"
        "　2月27日の市議会の環境委員会でも、環境課の北原課長は「予算は限られている」との考えを示しています。\n"
        "　去年は、ごみが3分の1に減ったと、同校の新聞部がウェブサイトで紹介しています。\n"
        "　市民団体「花火を守る会」は16日、「お年寄りが締め出される」とする要望書を市に出した。\n"
    )
    assert [s[1] for s in statements(ja, "ja")] == [
        "県社会福祉協議会の実態調査",
        "市の環境課",
        "環境課の北原課長",
        "同校の新聞部",
        "市民団体「花火を守る会」",
    ]
    en = (
        "Posted 19 November 2025\n\n"
        "When Penmorrow began charging, attendance fell by a third, the carnival's chairman, Keith Marr, told the Post.\n"
        "At Tuesday's cabinet meeting, Cllr Peter Lang said the council has no money for trains.\n"
        "Professor Iain Collier, whose team ran our samples, put it more carefully: a monthly test misses spills.\n"
        "The Schools Food Waste Project, a charity that works with canteens, estimates that a pupil leaves 70 g.\n"
    )
    got = statements(en, "en")
    assert [s[1] for s in got] == [
        "Keith Marr",
        "Cllr Peter Lang",
        "Professor Iain Collier",
        "The Schools Food Waste Project",
    ]
    assert got[1][2] == dt.date(2025, 11, 18)


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        (
            "　実際、私たちの記録でも、巣が消えた場所の7割は、古いお店が建て替えられたところです。",
            None,
        ),  # ところ, not と
        ("　つまり、ごみを減らしたい人は多く、やり遂げた学校もあるということです。", Kind.CONCLUSION),
        ("　もし全クラスが交代で当番をするなら、人手の問題は解決できると思います。", Kind.CONCLUSION),
        ("　市にも、保険の費用だけは出していただきたいと思います。", Kind.CONCLUSION),
    ],
)
def test_the_authors_own_sentences_are_not_reports(sentence: str, kind: Kind | None) -> None:
    kinds = {c.kind for c in draft(sentence, "ja").map.claims.values()}
    assert Kind.EVIDENCE not in kinds and (kind is None or kind in kinds)
