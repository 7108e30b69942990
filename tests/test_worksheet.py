"""Worksheets made from a key map: what is hidden, what is kept, what the student is asked."""

from __future__ import annotations

import re
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import argmap
from argmap.drawing.dot import to_dot
from argmap.exercises import grade
from argmap.exercises.worksheet import HIDE_WORDS, student_note, worksheet
from argmap.formats import loads
from argmap.model import ArgumentMap, Kind, MapBuilder
from tests.language import english_sentences
from tests.strategies import maps

ROOT = Path(__file__).resolve().parent.parent
FLAGSHIP = ROOT / "examples" / "nato-tokyo" / "map.argmap.yaml"
FLAGSHIP_EN = ROOT / "examples" / "nato-tokyo" / "map.en.argmap.yaml"


@pytest.fixture(scope="module")
def key() -> ArgumentMap:
    return argmap.load(FLAGSHIP)


def without_teacher_parts(amap: ArgumentMap) -> ArgumentMap:
    """``amap`` as a worksheet shows what it does not hide: no notes, no schemes or strengths."""
    return attrs.evolve(
        amap,
        claims={k: attrs.evolve(c, note=None) for k, c in amap.claims.items()},
        inferences={
            k: attrs.evolve(i, note=None, scheme=None, strength=None) for k, i in amap.inferences.items()
        },
        attacks={k: attrs.evolve(a, note=None) for k, a in amap.attacks.items()},
    )


def test_the_default_turns_each_hidden_premise_into_a_blank_in_its_place(key: ArgumentMap) -> None:
    ws = worksheet(key)
    hidden = [c for c in key.claims.values() if c.kind is Kind.ASSUMPTION]
    assert hidden and sorted(ws.hidden) == sorted(c.id for c in hidden)
    for c in hidden:
        blank = ws.map.claims[c.id]
        assert blank.blank and blank.text == "" and blank.kind is Kind.ASSUMPTION
        assert blank.source is None and blank.prompt
        # the blank stands where the premise stood: the same steps use it
        assert ws.map.graph.inferences_using(c.id) == key.graph.inferences_using(c.id)
    # the questions are the blanks', in the order the diagram numbers them
    assert [q.about for q in ws.questions] == [c for c in key.claims if c in ws.hidden]
    assert [q.mark for q in ws.questions] == ["①", "②", "③"][: len(hidden)]
    # everything else is as in the key, without what was for the teacher
    filled = attrs.evolve(
        ws.map,
        claims={k: (key.claims[k] if c.blank else c) for k, c in ws.map.claims.items()},
    )
    assert without_teacher_parts(filled) == without_teacher_parts(key)
    assert all(c.note is None for c in ws.map.claims.values())  # the flagship has no note for students


def test_a_blank_asks_about_the_step_it_serves_in_the_maps_language(key: ArgumentMap) -> None:
    ws = worksheet(key)
    for q in ws.questions:
        step = key.inferences[key.graph.inferences_using(q.about)[0]]
        assert step.conclusion in q.text
        assert all(p in q.text for p in step.premises if p != q.about)
        assert q.about not in q.text  # the id of the hidden premise tells nothing
        assert not english_sentences(q.text), q.text
    english = worksheet(key, lang="en")
    assert all(re.search(r"\bpremise\b", q.text) for q in english.questions)


def test_filling_the_blanks_with_the_keys_texts_gives_the_key_back_and_a_full_score(key: ArgumentMap) -> None:
    ws = worksheet(key)
    answered = attrs.evolve(ws.map, claims={k: attrs.evolve(key.claims[k], note=None) for k in ws.map.claims})
    assert grade(key, answered).score >= 0.95
    assert grade(key, ws.map).score < grade(key, answered).score


def test_only_the_notes_marked_for_students_are_kept() -> None:
    b = MapBuilder("下書き：雨の日", lang="ja")
    b.premise("P1", "六月は毎日雨が降る", note="生徒：本当に毎日でしょうか")
    b.assumption("A1", "雨が降ると地面がぬれる", note="答え：これが隠れた前提")
    b.conclusion("C1", "六月は地面がぬれている", note="Student: When is this true?")
    b.inference("I1", ["P1", "A1"], "C1", note="teacher only", scheme="causal", strength=0.7)
    b.attack("X1", "P1", "C1", note="student:   look again  ")
    ws = worksheet(b.build())
    assert ws.map.title == "雨の日"
    assert ws.map.claims["P1"].note == "本当に毎日でしょうか"
    assert ws.map.claims["A1"].note is None  # hidden, and the teacher's
    assert ws.map.claims["C1"].note == "When is this true?"
    inf = ws.map.inferences["I1"]
    assert inf.note is None and inf.scheme is None and inf.strength is None
    assert ws.map.attacks["X1"].note == "look again"


@pytest.mark.parametrize(
    ("note", "kept"),
    [
        ("student: a", "a"),
        ("STUDENT : a", "a"),
        ("生徒：a", "a"),
        ("生徒へ: a", "a"),
        ("  生徒:a", "a"),
        ("students: a", None),
        ("a student: b", None),
        ("student:", None),
        ("for the teacher", None),
        (None, None),
    ],
)
def test_what_counts_as_a_note_for_students(note: str | None, kept: str | None) -> None:
    assert student_note(note) == kept


@pytest.mark.parametrize(
    ("title", "shown"),
    [
        ("Draft: Rain", "Rain"),
        ("draft：Rain", "Rain"),
        ("下書き：雨", "雨"),
        ("Drafting rules", "Drafting rules"),
        ("Draft:", "Draft:"),
    ],
)
def test_a_drafting_prefix_leaves_the_title(title: str, shown: str) -> None:
    b = MapBuilder(title, lang="en")
    b.assumption("A1", "x")
    assert worksheet(b.build()).map.title == shown


def test_links_keeps_each_inference_and_its_marker_without_premises(key: ArgumentMap) -> None:
    ws = worksheet(key, ["links"])
    assert set(ws.map.inferences) == set(key.inferences)
    for iid, inf in ws.map.inferences.items():
        assert inf.premises == ()
        assert inf.marker == key.inferences[iid].marker
        assert inf.conclusion == key.inferences[iid].conclusion
    asked = [q for q in ws.questions if q.about in key.inferences]
    assert [q.about for q in asked] == list(key.inferences)
    assert all(q.mark is None and "from:" in q.text for q in asked)
    assert not any(c.blank for c in ws.map.claims.values())


def test_kinds_leaves_every_kind_to_choose_and_renames_the_claims(key: ArgumentMap) -> None:
    ws = worksheet(key, ["kinds"])
    assert all(c.kind is Kind.BLANK for c in ws.map.claims.values())
    assert not set(ws.map.claims) & set(key.claims)  # E1, C2 … would tell the kind
    assert all(re.fullmatch(r"S+[0-9]+", c) for c in ws.map.claims)
    # the same texts, joined the same way
    rename = dict(zip(key.claims, ws.map.claims, strict=True))
    for k, w in rename.items():
        assert ws.map.claims[w].text == key.claims[k].text
    for iid, inf in key.inferences.items():
        assert ws.map.inferences[iid].premises == tuple(rename[p] for p in inf.premises)
        assert ws.map.inferences[iid].conclusion == rename[inf.conclusion]
    for aid, att in key.attacks.items():
        assert ws.map.attacks[aid].source == rename.get(att.source, att.source)
        assert ws.map.attacks[aid].target == rename.get(att.target, att.target)
    assert any(q.about == "kinds" for q in ws.questions)


def test_renamed_claims_never_take_the_name_of_another_element() -> None:
    b = MapBuilder("t", lang="en")
    b.premise("P1", "a")
    b.conclusion("C1", "b")
    b.inference("S1", ["P1"], "C1")
    ws = worksheet(b.build(), ["kinds"])
    assert "S1" in ws.map.inferences
    assert not set(ws.map.claims) & {"S1"}


def test_attacks_and_conclusions_and_ids(key: ArgumentMap) -> None:
    ws = worksheet(key, ["attacks"])
    assert not ws.map.attacks and len(key.attacks) >= 1
    assert str(len(key.attacks)) in ws.questions[-1].text
    ws = worksheet(key, ["conclusions"])
    conclusions = [c for c in key.claims.values() if c.kind is Kind.CONCLUSION]
    assert {c for c in ws.map.claims if ws.map.claims[c].blank} == {c.id for c in conclusions}
    first_inference, first_attack = next(iter(key.inferences)), next(iter(key.attacks))
    ws = worksheet(key, ["E1", first_inference, first_attack])
    assert ws.map.claims["E1"].blank and ws.map.claims["E1"].source is None
    assert ws.map.inferences[first_inference].premises == ()
    assert first_attack not in ws.map.attacks
    assert set(ws.hidden) == {"E1", first_inference, first_attack}


def test_what_cannot_be_hidden_is_refused_with_a_suggestion(key: ArgumentMap) -> None:
    with pytest.raises(ValueError, match="lnks") as caught:
        worksheet(key, ["lnks"], lang="en")
    assert "links" in str(caught.value)
    with pytest.raises(ValueError, match="E99"):
        worksheet(key, ["E99"], lang="en")
    with pytest.raises(ValueError, match="cannot hide ''"):
        worksheet(key, [""], lang="en")
    with pytest.raises(ValueError, match="nothing to hide"):
        worksheet(key, [], lang="en")
    with pytest.raises(TypeError):
        worksheet(key, [3], lang="en")  # type: ignore[list-item]
    b = MapBuilder("t", lang="ja")
    b.premise("P1", "a")
    with pytest.raises(ValueError, match="assumptions") as caught:
        worksheet(b.build())  # no hidden premise: a worksheet that hides nothing hands out the answers
    assert not english_sentences(str(caught.value))


def test_the_map_file_says_the_task_and_the_questions_then_loads_as_the_worksheet(key: ArgumentMap) -> None:
    ws = worksheet(key, ["assumptions", "links", "attacks"])
    text = ws.to_yaml()
    head, _, body = text.partition("argmap: 1\n")
    assert head and all(line.startswith("#") for line in head.splitlines())
    for label, question in ws.numbered():
        assert f"# {label} {question}" in head
    assert loads("argmap: 1\n" + body) == ws.map
    assert loads(text) == ws.map


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(amap=maps(), hide=st.lists(st.sampled_from(HIDE_WORDS), min_size=1, max_size=3))
def test_any_worksheet_is_a_sound_map_that_its_file_gives_back(amap: ArgumentMap, hide: list[str]) -> None:
    try:
        ws = worksheet(amap, hide)
    except ValueError:
        return  # nothing of what was named to hide
    text = ws.to_yaml()
    head = text.partition("argmap: 1\n")[0]
    # the comment holds the markers and ids of the map on one line each: nothing breaks out of it
    assert all(line.startswith("#") for line in head.splitlines())
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f\u2028\u2029\x85]", head)
    assert loads(text) == ws.map
    # every hidden claim is a blank the student can fill; no text of a hidden claim is left
    for cid in ws.hidden:
        if cid in ws.map.claims and ws.map.claims[cid].blank:
            assert ws.map.claims[cid].text == ""


def test_a_kind_left_to_choose_loads_from_its_japanese_name_and_is_drawn_with_a_question() -> None:
    amap = loads("argmap: 1\ntitle: t\nlang: ja\nclaims:\n  S1: {kind: 空欄, text: 日本は動いている}\n")
    assert amap.claims["S1"].kind is Kind.BLANK
    assert "種類は？" in to_dot(amap).source
    assert argmap.dumps(amap).count("kind: blank") == 1
    with pytest.raises(argmap.ArgmapError) as caught:
        loads("argmap: 1\ntitle: t\nclaims:\n  S1: {kind: ?, text: a}\n")
    assert caught.value.problems[0].location is not None


def test_the_checks_take_a_kind_left_to_choose_as_given() -> None:
    b = MapBuilder("t", lang="en")
    b.claim("S1", Kind.BLANK, "the office opens")
    b.claim("S2", "blank", "the threat grows")
    b.inference("I1", ["S1"], "S2")
    codes = {d.rule.code for d in argmap.check(b.build())}
    assert not codes & {"AM105", "AM101"}, codes
