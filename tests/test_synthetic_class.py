"""A synthetic class graded against two keys: the scores order the students as a teacher
would, and the feedback names exactly the planted mistakes (tests/synthetic_class.py)."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import argmap
from argmap.cli import main
from argmap.errors import ArgmapError
from argmap.exercises import Grade, grade, similarity
from argmap.model import ArgumentMap, Kind
from tests import synthetic_class as sc
from tests.language import EN, english_sentences

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
KEYS = {
    "nato": EXAMPLES / "nato-tokyo" / "map.argmap.yaml",
    "kitakawa": EXAMPLES / "kitakawa" / "map.argmap.yaml",
}
SEED = 2024


@cache
def key(name: str) -> ArgumentMap:
    return argmap.load(KEYS[name])


@cache
def klass(name: str) -> tuple[sc.Student, ...]:
    return tuple(sc.make_class(key(name), seed=SEED))


@cache
def graded(name: str, index: int) -> Grade:
    student = klass(name)[index]
    assert student.map is not None
    return grade(key(name), argmap.loads(student.text), lang="ja")


def items(g: Grade) -> list[sc.Expected]:
    return [sc.Expected(str(f["code"]), f["key"], f["student"]) for f in g.feedback]


STUDENTS = [(name, i) for name in KEYS for i, s in enumerate(klass(name)) if s.map is not None]
NAMES = [f"{name}-{klass(name)[i].name}" for name, i in STUDENTS]


# --- the class itself -------------------------------------------------------------------------------


@pytest.mark.parametrize("name", KEYS)
def test_the_class_is_large_varied_and_reproducible(name: str) -> None:
    students = klass(name)
    assert len(students) >= 30
    assert len({s.name for s in students}) == len(students)
    whats = {m.what for s in students for m in s.mistakes}
    assert whats == {
        "missing-assumption",
        "blank-left",
        "missing-claim",
        "missing-link",
        "missing-step",
        "extra-link",
        "wrong-kind",
        "kind-blank",
        "missed-attack",
        "extra-claim",
    }
    changes = {n.split(":")[0] for s in students for n in s.neutral}
    assert changes == {"rename", "swap", "shuffle", "reword", "spell"}
    assert sum(s.map is None for s in students) == 4
    assert any(s.map is not None and not s.map.claims for s in students)
    assert sum(len(s.mistakes) > 1 for s in students) >= 8
    again = sc.make_class(key(name), seed=SEED)
    assert [(s.name, s.text, s.expected) for s in again] == [(s.name, s.text, s.expected) for s in students]
    other = sc.make_class(key(name), seed=SEED + 1)
    assert [s.text for s in other] != [s.text for s in students]


def test_the_reworded_texts_are_really_reworded() -> None:
    for name in KEYS:
        reworded = next(s for s in klass(name) if s.name == "all-neutral")
        assert reworded.map is not None
        texts = {c.text for c in reworded.map.claims.values()}
        assert not texts & {c.text for c in key(name).claims.values()}
        assert not set(reworded.map.claims) & set(key(name).claims)


# --- the feedback names exactly the planted mistakes -----------------------------------------------


@pytest.mark.parametrize(("name", "index"), STUDENTS, ids=NAMES)
def test_the_feedback_names_exactly_the_planted_mistakes(name: str, index: int) -> None:
    student = klass(name)[index]
    got = items(graded(name, index))
    assert len(got) == len(set(got)), got  # nothing told twice
    assert set(got) == student.expected, [str(m) for m in student.mistakes]
    assert {(f.code, f.key) for f in got} == student.pairs


@pytest.mark.parametrize(("name", "index"), STUDENTS, ids=NAMES)
def test_every_message_is_japanese_asks_and_gives_nothing_away(name: str, index: int) -> None:
    k = key(name)
    g = graded(name, index)
    mine = klass(name)[index].map
    assert mine is not None
    missed_texts = [k.claims[c].text for c in g.missed if c in k.claims]
    for f in g.feedback:
        message = str(f["message"])
        assert not english_sentences(message), message
        assert "？" in message and message.endswith(("？", "。")), message  # it asks
        for text in missed_texts:
            assert text not in message
        # the student's own ids, so the student can find what is meant
        s = f["student"]
        if s in mine.claims:
            assert s in message
        elif s in mine.inferences:
            assert mine.inferences[s].conclusion in message


def test_english_feedback_has_the_same_items() -> None:
    for name, index in STUDENTS[:20]:
        student = klass(name)[index]
        assert student.map is not None
        g = grade(key(name), student.map, lang="en")
        assert set(items(g)) == student.expected
        assert all("?" in str(f["message"]) for f in g.feedback)
        assert not any("\u3040" <= ch <= "\u30ff" for f in g.feedback for ch in str(f["message"]))


def test_a_missed_hidden_premise_is_asked_about_like_a_teacher_would() -> None:
    k = key("kitakawa")
    student = sc.plant(k, [m for m in sc.catalogue(k) if str(m) == "missing-assumption:A4"])
    assert student.map is not None
    (f,) = grade(k, student.map, lang="ja").feedback
    assert f["code"] == "missed-assumption" and f["key"] == "A4" and f["student"] == "I4"
    assert f["message"] == "C3 から C4 への判断には、書かれていない前提があります。何でしょう？"


def test_an_idea_not_in_the_text_used_as_a_premise_is_told_once_with_its_link() -> None:
    k = key("nato")
    (m,) = [m for m in sc.catalogue(k) if m.what == "extra-claim" and m.target == "Z1"]
    used = sc.Mistake(
        "extra-claim", "Z1", "I4", "空は青い", exclusive=frozenset({"Z1"}), shared=frozenset({"I4"})
    )
    student = sc.plant(k, [used])
    assert student.map is not None
    g = grade(k, student.map, lang="ja")
    assert items(g) == [sc.Expected("extra-claim", None, "Z1")]
    message = str(g.feedback[0]["message"])
    assert "Z1" in message and "C4" in message  # the link is named in the one item
    assert "空は青い" not in message and not english_sentences(message)
    assert g.scores["links"]["precision"] < 1.0  # the link still counts against the student
    alone = sc.plant(k, [m])
    assert alone.map is not None
    assert grade(k, alone.map).score > g.score


def test_a_kind_still_to_be_chosen_is_a_wrong_kind_that_says_so() -> None:
    k = key("nato")
    student = sc.plant(k, [sc.Mistake("kind-blank", "P1", exclusive=frozenset({"P1"}))])
    assert student.map is not None and student.map.claims["P1"].kind is Kind.BLANK
    g = grade(k, student.map, lang="ja")
    (f,) = g.feedback
    assert (f["code"], f["key"], f["student"]) == ("wrong-kind", "P1", "P1")
    assert "まだ" in str(f["message"]) and "選" in str(f["message"])
    assert g.scores["kinds"]["accuracy"] < 1.0
    en = grade(k, student.map, lang="en").feedback[0]["message"]
    assert "still to be chosen" in str(en)


# --- the scores order the students as a teacher would ------------------------------------------------


@pytest.mark.parametrize("name", KEYS)
def test_copies_that_differ_only_in_form_score_full_marks(name: str) -> None:
    k = key(name)
    ids = [*k.claims, *k.inferences, *k.attacks]
    for index, student in enumerate(klass(name)):
        if student.map is None or student.mistakes or not student.map.claims:
            continue
        g = graded(name, index)
        assert g.score >= 0.95, student.name
        assert g.score == 1.0, student.name  # nothing is wrong, so nothing is taken off
        assert sorted(g.matched.values()) == sorted(ids), student.name


@pytest.mark.parametrize("name", KEYS)
def test_the_empty_map_scores_zero_and_misses_everything(name: str) -> None:
    index = next(i for i, s in enumerate(klass(name)) if s.name == "empty")
    g = graded(name, index)
    assert g.score == 0
    assert set(g.missed) >= set(key(name).claims) | set(key(name).attacks)


@pytest.mark.parametrize("name", KEYS)
def test_every_mistake_costs_something_and_more_mistakes_cost_more(name: str) -> None:
    rows = [(s, graded(name, i).score) for i, s in enumerate(klass(name)) if s.map is not None]
    empty = next(score for s, score in rows if s.name == "empty")
    rows = [(s, score) for s, score in rows if s.name != "empty"]
    full = min(score for s, score in rows if not s.mistakes)
    compared = 0
    for s, score in rows:
        if s.mistakes:
            assert empty < score < full, s.name
        for t, t_score in rows:
            if set(t.mistakes) < set(s.mistakes):
                assert score < t_score, (s.name, t.name)
                compared += 1
    assert compared >= 8


def plantable(name: str) -> st.SearchStrategy[list[sc.Mistake]]:
    """Compatible mistakes drawn from the key's catalogue."""
    every = sc.catalogue(key(name), SEED)

    def keep(order: list[int]) -> list[sc.Mistake]:
        chosen: list[sc.Mistake] = []
        for i in order:
            if sc.compatible([*chosen, every[i]], key(name)):
                chosen.append(every[i])
        return chosen

    return st.lists(st.integers(0, len(every) - 1), min_size=1, max_size=6, unique=True).map(keep)


NEUTRAL = st.fixed_dictionaries(
    {"rename": st.booleans(), "shuffle": st.booleans(), "reword": st.booleans(), "spell": st.booleans()}
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(list(KEYS)), st.data())
def test_a_subset_of_the_mistakes_scores_strictly_higher(name: str, data: st.DataObject) -> None:
    k = key(name)
    mistakes = data.draw(plantable(name))
    keep = data.draw(st.lists(st.booleans(), min_size=len(mistakes), max_size=len(mistakes)))
    fewer = [m for m, kept in zip(mistakes, keep, strict=True) if kept]
    if len(fewer) == len(mistakes):
        fewer = fewer[:-1]
    seed = data.draw(st.integers(0, 1000))
    more = sc.plant(k, mistakes, seed=seed, **data.draw(NEUTRAL))
    less = sc.plant(k, fewer, seed=seed + 1, **data.draw(NEUTRAL))
    assert more.map is not None and less.map is not None
    g_more, g_less = grade(k, more.map), grade(k, less.map)
    assert set(items(g_more)) == more.expected
    assert set(items(g_less)) == less.expected
    assert g_more.score < g_less.score, ([str(m) for m in mistakes], [str(m) for m in fewer])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(list(KEYS)), st.data())
def test_neutral_changes_change_neither_the_score_nor_the_feedback(name: str, data: st.DataObject) -> None:
    k = key(name)
    mistakes = data.draw(plantable(name))
    plain = sc.plant(k, mistakes)
    changed = sc.plant(k, mistakes, seed=data.draw(st.integers(0, 1000)), **data.draw(NEUTRAL))
    assert plain.map is not None and changed.map is not None
    g_plain, g_changed = grade(k, plain.map), grade(k, changed.map)
    assert g_changed.score == g_plain.score
    assert sorted((f.code, f.key) for f in items(g_changed)) == sorted(
        (f.code, f.key) for f in items(g_plain)
    )


# --- spellings ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(("a", "b"), sc._SPELLINGS)
def test_spelling_variants_read_as_the_same_text(a: str, b: str) -> None:
    assert similarity(f"昨日は{a}の話を聞いた", f"昨日は{b}の話を聞いた") == 1.0


def test_full_width_digits_and_letters_read_as_half_width() -> None:
    assert (
        similarity("ＮＡＴＯの予算は２０２３年に１８．５％増えた", "NATOの予算は2023年に18.5%増えた") == 1.0
    )


def test_a_variant_inside_a_longer_word_is_left_alone() -> None:
    # 自分から is not 自 + 分から (わから): the word is not read as a variant
    assert similarity("自分から手を挙げた", "自わから手を挙げた") < 1.0


# --- files: the command line over the whole class ------------------------------------------------------


def write_class(name: str, folder: Path) -> list[tuple[sc.Student, Path]]:
    folder.mkdir()
    out = []
    for n, student in enumerate(klass(name)):
        path = folder / f"{n:02d}-{student.name}.argmap.yaml"
        path.write_text(student.text, encoding="utf-8")
        out.append((student, path))
    return out


@pytest.mark.parametrize("name", KEYS)
def test_files_that_do_not_load_are_located_at_the_planted_line(name: str) -> None:
    for student in klass(name):
        if student.map is not None:
            continue
        with pytest.raises(ArgmapError) as caught:
            argmap.loads(student.text, name=student.name)
        (problem, *_rest) = caught.value.problems
        assert problem.location is not None, student.name
        assert student.error_line is not None
        assert student.error_line <= problem.location.line <= student.error_line + 1, student.name


@pytest.mark.parametrize("name", KEYS)
def test_argmap_grade_json_over_the_class_files(name: str, tmp_path: Path) -> None:
    files = write_class(name, tmp_path / name)
    result = CliRunner(env=EN).invoke(
        main, ["grade", str(KEYS[name]), *(str(p) for _s, p in files), "--format", "json", "--lang", "ja"]
    )
    assert result.exit_code == 2, result.output  # some files did not load
    report = json.loads(result.stdout)
    assert set(report) == {"key", "students", "class"}
    assert [row["file"] for row in report["students"]] == [str(p) for _s, p in files]
    loaded = 0
    for (student, path), row in zip(files, report["students"], strict=True):
        if student.map is None:
            assert set(row) == {"file", "score", "errors"}
            assert row["score"] is None
            assert row["errors"] and all(set(e) == {"line", "column", "message"} for e in row["errors"])
            assert student.error_line is not None
            assert student.error_line <= row["errors"][0]["line"] <= student.error_line + 1
            assert str(path) in result.stderr
            continue
        loaded += 1
        assert set(row) == {"file", "score", "scores", "matched", "missed", "extra", "feedback", "findings"}
        assert set(row["scores"]) == {"claims", "kinds", "links", "assumptions", "attacks"}
        assert all(set(f) == {"code", "key", "student", "message"} for f in row["feedback"])
        got = {sc.Expected(f["code"], f["key"], f["student"]) for f in row["feedback"]}
        assert got == student.expected, student.name
        assert 0.0 <= row["score"] <= 1.0
    summary = report["class"]
    assert set(summary) == {"students", "mean_score", "elements"}
    assert summary["students"] == loaded
    scores = [row["score"] for row in report["students"] if row["score"] is not None]
    assert summary["mean_score"] == pytest.approx(sum(scores) / len(scores))


def test_scores_from_files_equal_scores_from_maps(tmp_path: Path) -> None:
    files = write_class("kitakawa", tmp_path / "k")
    for index, (student, path) in enumerate(files):
        if student.map is not None:
            assert grade(key("kitakawa"), argmap.load(path)).score == graded("kitakawa", index).score


def test_the_class_covers_every_assumption_and_attack_of_each_key() -> None:
    for name in KEYS:
        k = key(name)
        missed = {
            e.key for s in klass(name) for e in s.expected if e.code in ("missed-assumption", "missed-attack")
        }
        hidden = {c for c, claim in k.claims.items() if claim.kind is Kind.ASSUMPTION}
        assert hidden | set(k.attacks) <= missed
        assert len(hidden) >= 3 and k.attacks


def test_pairs_of_students_are_not_all_alike() -> None:
    # the class spreads out: many different scores, not one or two
    for name in KEYS:
        scores = {graded(name, i).score for name_, i in STUDENTS if name_ == name}
        assert len(scores) >= 15


# --- graded as answers to the worksheet that hid the assumptions (--hide assumptions) ----------------


@cache
def graded_hidden(name: str, index: int) -> Grade:
    student = klass(name)[index]
    assert student.map is not None
    return grade(key(name), argmap.loads(student.text), lang="ja", hide=("assumptions",))


#: What a planted mistake is about: the assumptions the worksheet hid, or what it gave.
ABOUT_HIDDEN = {"missing-assumption", "blank-left"}


@pytest.mark.parametrize("name", KEYS)
def test_with_hide_the_feedback_is_the_same_and_only_the_score_changes(name: str) -> None:
    for name_, index in STUDENTS:
        if name_ != name:
            continue
        plain, hidden = graded(name, index), graded_hidden(name, index)
        assert hidden.feedback == plain.feedback and hidden.missed == plain.missed
        assert plain.hidden is None and hidden.hidden == ("assumptions",)


@pytest.mark.parametrize("name", KEYS)
def test_with_hide_the_worksheet_scores_0_copies_1_and_hidden_mistakes_cost_most(name: str) -> None:
    rows = [
        (klass(name)[i], graded_hidden(name, i).score, graded(name, i).score)
        for name_, i in STUDENTS
        if name_ == name
    ]
    by_name = {s.name: score for s, score, _plain in rows}
    assert by_name["empty"] == 0.0
    assert by_name["no-hidden-premises"] == 0.0  # the worksheet handed back with nothing found
    rows = [row for row in rows if row[0].name != "empty"]
    compared = 0
    for s, score, plain in rows:
        if not s.mistakes and s.name != "empty" and s.map is not None and s.map.claims:
            assert score == 1.0, s.name
        if s.mistakes and {m.what for m in s.mistakes} <= ABOUT_HIDDEN:
            # a hidden premise not found weighs more among what was hidden than among everything
            assert score < plain, s.name
        for t, t_score, _t_plain in rows:
            if set(t.mistakes) < set(s.mistakes):
                assert score <= t_score, (s.name, t.name)
                compared += 1
    assert compared >= 8


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(list(KEYS)), st.data())
def test_with_hide_a_subset_of_the_mistakes_never_scores_lower(name: str, data: st.DataObject) -> None:
    k = key(name)
    mistakes = data.draw(plantable(name))
    fewer = mistakes[:-1]
    seed = data.draw(st.integers(0, 1000))
    more = sc.plant(k, mistakes, seed=seed)
    less = sc.plant(k, fewer, seed=seed + 1)
    assert more.map is not None and less.map is not None
    g_more = grade(k, more.map, hide=("assumptions",))
    g_less = grade(k, less.map, hide=("assumptions",))
    assert g_more.score <= g_less.score, ([str(m) for m in mistakes], [str(m) for m in fewer])
    if mistakes[-1].what in ABOUT_HIDDEN:
        assert g_more.score < g_less.score, [str(m) for m in mistakes]
