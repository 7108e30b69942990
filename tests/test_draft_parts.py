"""The parts the scaffold's draft is made of, each tested on its own: making
the text regular, ids, source blocks, dates, linking a conclusion to what it
draws on, reading one sentence, and building the map with its notes."""

from __future__ import annotations

import datetime as dt

from argmap.model import MapBuilder
from argmap.scaffolding.draft import (
    PARAGRAPH_PREMISES,
    Origin,
    Unmatched,
    _attach_source,
    _build_map,
    _Claim,
    _Drafter,
    _Ids,
    _Inference,
    _LineDates,
    _Linker,
    _normalise,
    _Plain,
    _source_block,
)
from argmap.scaffolding.lexicon import lexicon

NOTES = lexicon("en").notes


def claim(cid: str, kind: str = "evidence", line: int = 1, text: str | None = None) -> _Claim:
    """A claim; unless given a text, one that shares no content word with any other."""
    return _Claim(cid, kind, text or cid, Origin(line, 1, "said", f"sentence of {cid}"))


def said(cid: str, text: str, url: str | None = None) -> _Claim:
    ev = claim(cid, text=text)
    ev.url = url
    return ev


def judged(cid: str, text: str, marker: str = "should") -> _Claim:
    return _Claim(cid, "conclusion", text, Origin(1, 1, marker, text))


# ------------------------------------------------------------------ text


def test_normalise_ends_lines_with_lf_and_keeps_every_column() -> None:
    text = "a\r\nb\rc\x00d\u2028e"
    out = _normalise(text)
    assert out.split("\n") == ["a", "b", "c d e"]
    assert "\r" not in out


def test_ids_count_each_kind_on_its_own() -> None:
    ids = _Ids()
    assert [ids.new("E"), ids.new("C"), ids.new("E"), ids.new("I")] == ["E1", "C1", "E2", "I1"]


# -------------------------------------------------------------- sources

BLOCK = ["https://example.org/a", "The page", "2023-05-09"]
KINDS = ["url", "title", "pagedate"]


def test_a_source_block_holds_its_url_title_and_date_line() -> None:
    block = _source_block(BLOCK, KINDS, 0)
    assert (block.url, block.title, block.date_line, block.end) == (BLOCK[0], BLOCK[1], 2, 3)
    assert block.page_date is not None and block.page_date.date == dt.date(2023, 5, 9)


def test_a_url_alone_is_a_block_of_one_line() -> None:
    block = _source_block([BLOCK[0], ""], ["url", "blank"], 0)
    assert (block.title, block.date_line, block.end) == (None, None, 1)


def test_the_waiting_evidence_takes_the_source_and_the_page_date() -> None:
    waiting, dated = claim("E1"), claim("E2")
    dated.date = dt.date(2020, 1, 1)
    left = _attach_source(_source_block(BLOCK, KINDS, 0), [waiting, dated], BLOCK)
    assert left == []
    assert (waiting.url, waiting.title, waiting.date) == (BLOCK[0], BLOCK[1], dt.date(2023, 5, 9))
    assert (dated.url, dated.date) == (BLOCK[0], dt.date(2020, 1, 1))


def test_a_date_no_evidence_takes_is_left_out_and_said_so() -> None:
    dated = claim("E1")
    dated.date = dt.date(2020, 1, 1)
    left = _attach_source(_source_block(BLOCK, KINDS, 0), [dated], BLOCK)
    assert [(u.line, u.text) for u in left] == [(3, BLOCK[2])]


def test_a_source_with_no_statement_before_it_is_left_out_whole() -> None:
    left = _attach_source(_source_block(BLOCK, KINDS, 0), [], BLOCK)
    assert len(left) == 1
    assert (left[0].line, left[0].last_line) == (1, 3)
    assert all(part in left[0].text for part in BLOCK)


def test_a_date_before_a_column_is_found_only_when_it_ends_before_it() -> None:
    line = "2023.05.09 The minister said that rates would rise."
    dates = _LineDates([line])
    assert dates.before(1, line.index("The") + 1) is not None
    assert dates.before(1, 3) is None


# -------------------------------------------------------------- linking


def test_a_summary_takes_everything_since_the_last_summary() -> None:
    linker = _Linker(NOTES)
    for cid in ("E1", "E2"):
        linker.evidence(claim(cid))
    first, rule = linker.conclusion(claim("C1", "conclusion"), "summary", None)
    assert first == ["E1", "E2"] and rule == NOTES["rule_unused"]
    linker.evidence(claim("E3"))
    second, _ = linker.conclusion(claim("C2", "conclusion"), "summary", None)
    assert second == ["E3"]


def test_a_sequel_takes_the_stretch_since_the_last_judgment() -> None:
    linker = _Linker(NOTES)
    linker.evidence(claim("E1"))
    linker.conclusion(claim("C1", "conclusion"), "plain", None)
    linker.evidence(claim("E2"))
    linker.evidence(claim("E3"))
    # the judgment of the same paragraph and the statements after it
    assert linker.conclusion(claim("C2", "conclusion"), "sequel", None) == (
        ["C1", "E2", "E3"],
        NOTES["rule_run"],
    )
    # right after a judgment: that judgment
    assert linker.conclusion(claim("C3", "conclusion"), "sequel", None)[0] == ["C2"]


def test_a_sequel_opening_its_paragraph_takes_the_paragraph_before() -> None:
    linker = _Linker(NOTES)
    linker.new_paragraph()
    linker.evidence(claim("E1"))
    linker.new_paragraph()
    linker.evidence(claim("E2"))
    linker.evidence(claim("E3"))
    linker.new_paragraph()
    assert linker.conclusion(claim("C1", "conclusion"), "sequel", None)[0] == ["E2", "E3"]


def test_sentences_with_no_marker_a_connective_takes_become_premises() -> None:
    made: list[str] = []

    def promote(plain: _Plain) -> _Claim:
        made.append(plain.unmatched.text)
        return claim(f"P{len(made)}", "premise")

    linker = _Linker(NOTES, promote)
    linker.new_paragraph()
    for n, text in enumerate(["Buses are heavy.", "The deck is old."], 1):
        linker.plain(_Plain(Unmatched(n, n, text, "no marker"), 1, 0))
    premises, rule = linker.conclusion(claim("C1", "conclusion"), "sequel", None)
    assert premises == ["P1", "P2"] and rule == NOTES["rule_run"]
    assert made == ["Buses are heavy.", "The deck is old."]
    # a plain judgment never takes them
    linker.plain(_Plain(Unmatched(3, 3, "A third.", "no marker"), 1, 0))
    assert linker.conclusion(claim("C2", "conclusion"), "plain", None)[0] == ["C1"]
    assert len(made) == 2


def test_a_summary_with_nothing_marked_before_it_takes_the_sentences() -> None:
    linker = _Linker(NOTES, lambda plain: claim("P1", "premise"))
    linker.plain(_Plain(Unmatched(1, 1, "Reason one.", "no marker"), 1, 0))
    assert linker.conclusion(claim("C1", "conclusion"), "summary", None) == (["P1"], NOTES["rule_run"])


def test_a_continuation_follows_only_a_conclusion() -> None:
    linker = _Linker(NOTES)
    linker.evidence(claim("E1"))
    premises, rule = linker.conclusion(claim("C1", "conclusion"), "continuation", None)
    assert rule != NOTES["rule_continuation"]  # after evidence it falls back to the paragraph
    assert premises == ["E1"]
    assert linker.conclusion(claim("C2", "conclusion"), "continuation", None) == (
        ["C1"],
        NOTES["rule_continuation"],
    )


def test_a_plain_judgment_takes_at_most_the_last_claims_of_its_paragraph() -> None:
    linker = _Linker(NOTES)
    ids = [f"E{n}" for n in range(1, PARAGRAPH_PREMISES + 4)]
    for cid in ids:
        linker.evidence(claim(cid))
    premises, _ = linker.conclusion(claim("C1", "conclusion"), "plain", None)
    assert premises == ids[-PARAGRAPH_PREMISES:]
    linker.new_paragraph()
    assert linker.conclusion(claim("C2", "conclusion"), "plain", None) == ([], NOTES["rule_none"])


def test_a_supposition_comes_first_then_the_reports_of_its_paragraph() -> None:
    linker = _Linker(NOTES)
    linker.evidence(claim("E1"))
    premises, rule = linker.conclusion(claim("C1", "conclusion"), "plain", claim("H1", "hypothesis"))
    assert premises == ["H1", "E1"]
    assert NOTES["rule_hypothesis"] in rule and NOTES["rule_paragraph"] in rule
    premises, rule = linker.conclusion(claim("C2", "conclusion"), "sequel", claim("H2", "hypothesis"))
    assert premises == ["H2", "C1"]
    assert NOTES["rule_hypothesis"] in rule and NOTES["rule_run"] in rule  # both rules are named


def test_a_summary_takes_the_last_judgment_of_each_paragraph_and_no_continuation() -> None:
    linker = _Linker(NOTES)
    linker.new_paragraph()
    linker.evidence(claim("E1"))
    linker.conclusion(claim("C1", "conclusion"), "sequel", None)
    linker.new_paragraph()
    linker.conclusion(claim("C2", "conclusion"), "plain", claim("H2", "hypothesis"))
    linker.conclusion(claim("C3", "conclusion"), "continuation", None)  # "Moreover": a side remark
    linker.new_paragraph()
    linker.evidence(claim("E4"))
    premises, rule = linker.conclusion(claim("C4", "conclusion"), "summary", None)
    # C2 is the last judgment of its paragraph that is no continuation, although C3 used it
    assert premises == ["C1", "C2", "E4"] and rule == NOTES["rule_unused"]


def test_a_summary_takes_the_first_statement_of_each_source() -> None:
    linker = _Linker(NOTES)
    linker.evidence(said("E1", "a", "https://a.example"))
    linker.evidence(said("E2", "b", "https://a.example"))  # the same page again
    linker.evidence(said("E3", "c", "https://b.example"))
    linker.evidence(said("E4", "d"))  # no source: each is its own
    linker.evidence(said("E5", "e"))
    assert linker.conclusion(claim("C1", "conclusion"), "summary", None)[0] == ["E1", "E3", "E4", "E5"]


def test_a_judgment_set_aside_by_a_contrast_is_no_reason_of_a_summary() -> None:
    linker = _Linker(NOTES, lex=lexicon("en"))
    linker.conclusion(judged("C1", "Closing on Sundays would hit families"), "plain", None)
    linker.evidence(claim("E2"))
    aside = "All states should fund their libraries better, but that is a debate for another day"
    linker.conclusion(judged("C2", aside), "plain", None)
    # C2 neither counts as a reason nor ends the statements since the last judgment
    assert linker.conclusion(claim("C3", "conclusion"), "summary", None)[0] == ["C1", "E2"]
    # a contrast before the marker is no aside: the judgment is what follows it
    linker = _Linker(NOTES, lex=lexicon("en"))
    linker.conclusion(judged("C1", "It is costly, but the council should pay"), "plain", None)
    assert linker.conclusion(claim("C2", "conclusion"), "summary", None)[0] == ["C1"]


def test_a_sequel_takes_an_earlier_judgment_that_shares_its_words() -> None:
    en = lexicon("en")
    linker = _Linker(NOTES, lex=en)
    linker.conclusion(
        judged("C1", "The promised savings will vanish once hospital costs are counted"), "plain", None
    )
    linker.new_paragraph()
    linker.evidence(said("E2", "We would rather work from a smaller building"))
    premises, rule = linker.conclusion(
        judged("C2", "Councillors should vote against it"),
        "sequel",
        judged("H2", "the council can show that its savings survive the hospital costs"),
    )
    # the stretch (E2) shares no word with the judgment and its supposition: C1 replaces it
    assert premises == ["H2", "C1"] and NOTES["rule_shared"] in rule
    # when the stretch shares a word, the earlier judgment joins it
    linker = _Linker(NOTES, lex=en)
    linker.conclusion(judged("C1", "Evening opening of the library matters to students"), "plain", None)
    linker.new_paragraph()
    linker.evidence(said("E2", "Volunteers will staff the library desk"))
    premises, _ = linker.conclusion(judged("C2", "The library should try evening opening"), "sequel", None)
    assert premises == ["C1", "E2"]
    # one word in common is not enough
    linker = _Linker(NOTES, lex=en)
    linker.conclusion(judged("C1", "The library is popular"), "plain", None)
    linker.new_paragraph()
    linker.evidence(said("E2", "Volunteers staff the desk"))
    assert linker.conclusion(judged("C2", "The library should open later"), "sequel", None)[0] == ["E2"]


def test_a_conditional_judgment_rests_on_its_supposition_and_the_reports_before_it() -> None:
    # the statement the supposition is weighed against (docs/scaffold.md), not
    # the reports of the paragraph before, nor an earlier judgment of its own
    linker = _Linker(NOTES, lex=lexicon("ja"))
    linker.evidence(said("E0", "前の段落の報告"))
    linker.new_paragraph()
    linker.conclusion(judged("C0", "予算は足りない"), "plain", None)
    linker.evidence(said("E1", "来年度の予算は前年度より3%少なくなる見込み"))
    premises, rule = linker.conclusion(
        judged("C1", "夜間開館は週3日に縮小される"), "plain", judged("H1", "予算が削られた")
    )
    assert premises == ["H1", "E1"]
    assert NOTES["rule_hypothesis"] in rule and NOTES["rule_paragraph"] in rule
    # a conditional judgment led by a connective takes what the connective takes
    premises, _ = linker.conclusion(judged("C2", "利用者は減る"), "sequel", judged("H2", "縮小された"))
    assert premises == ["H2", "C1"]


def test_a_linker_names_its_rules_in_the_language_of_its_notes() -> None:
    ja = lexicon("ja").notes
    linker = _Linker(ja)
    linker.evidence(claim("E1"))
    _, rule = linker.conclusion(claim("C1", "conclusion"), "sequel", claim("H1", "hypothesis"))
    assert ja["rule_hypothesis"] in rule and ja["rule_run"] in rule
    assert rule.isascii() is False and set(ja) == set(NOTES)


# ------------------------------------------------------------ sentences


def test_a_sentence_with_no_marker_is_left_out() -> None:
    drafter = _Drafter("The sky is blue.", "en")
    drafter.sentence("The sky is blue.", 1, 1)
    assert drafter.claims == []
    assert [(u.line, u.why) for u in drafter.unmatched] == [(1, "no marker")]
    assert drafter.first_text == "The sky is blue."


def test_a_statement_becomes_evidence_waiting_for_its_source() -> None:
    sentence = "The minister said that rates would rise."
    drafter = _Drafter("\n\n\n  " + sentence, "en")
    drafter.sentence(sentence, 4, 3)
    (ev,) = drafter.claims
    assert (ev.id, ev.kind, ev.speaker) == ("E1", "evidence", "The minister")
    assert (ev.origin.line, ev.origin.column) == (4, 3)
    assert drafter.pending == [ev]


def test_a_judgment_with_a_supposition_becomes_a_conditional_conclusion() -> None:
    drafter = _Drafter("", "en")
    drafter.sentence("If it rains, we will probably stay.", 1, 1)
    hyp, con = drafter.claims
    assert (hyp.kind, con.kind, con.conditional) == ("hypothesis", "conclusion", True)
    (inf,) = drafter.inferences
    assert (inf.premises, inf.conclusion) == ([hyp.id], con.id)


# ---------------------------------------------------------------- notes


def test_the_map_holds_every_part_with_a_note_naming_its_line_and_marker() -> None:
    ev = claim("E1", line=3)
    con = _Claim("C1", "conclusion", "c", Origin(5, 1, "therefore", "Therefore, c."))
    inf = _Inference("I1", ["E1"], "C1", "therefore", NOTES["rule_paragraph"], con.origin)
    amap, origins = _build_map(MapBuilder("t", lang="en"), [ev, con], [inf], NOTES)
    assert list(amap.claims) == ["E1", "C1"]
    assert amap.inferences["I1"].premises == ("E1",)
    assert origins == {"E1": ev.origin, "C1": con.origin, "I1": con.origin}
    for eid, origin in origins.items():
        element = amap.claims[eid] if eid in amap.claims else amap.inferences[eid]
        assert element.note is not None
        assert str(origin.line) in element.note and origin.marker in element.note
    assert amap.claims["E1"].source is not None
