"""``argmap grade --hide WHAT``: the score counts what the worksheet hid, and only that."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import attrs
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import argmap
from argmap.cli import main
from argmap.exercises import WEIGHTS, grade
from argmap.exercises.report import class_report, to_csv, to_html, to_text
from argmap.exercises.worksheet import HIDE_WORDS, worksheet
from argmap.i18n import using
from argmap.model import ArgumentMap, Kind, MapBuilder
from tests.language import EN

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
KEYS = [EXAMPLES / "nato-tokyo" / "map.argmap.yaml", EXAMPLES / "kitakawa" / "map.argmap.yaml"]
NATO = KEYS[0]


@cache
def key(path: Path = NATO) -> ArgumentMap:
    return argmap.load(path)


def hideable(path: Path) -> list[str]:
    out = []
    for word in HIDE_WORDS:
        try:
            worksheet(key(path), [word])
        except ValueError:
            continue
        out.append(word)
    return out


CASES = [(p, w) for p in KEYS for w in hideable(p)]


@pytest.mark.parametrize(("path", "word"), CASES, ids=[f"{p.parent.name}-{w}" for p, w in CASES])
def test_an_unchanged_worksheet_scores_0_and_the_key_1(path: Path, word: str) -> None:
    k = key(path)
    ws = worksheet(k, [word])
    unchanged = grade(k, ws.map, hide=[word])
    assert unchanged.score == 0.0
    assert unchanged.scores["given"]["kept"] == 1.0  # nothing given was lost
    assert grade(k, ws.map).score > 0.5  # what the plain score says of the same map
    full = grade(k, k, hide=[word])
    assert full.score == 1.0
    assert full.hidden == (word,)


def test_an_element_id_scores_that_element() -> None:
    k = key()
    claim = next(c for c, v in k.claims.items() if v.kind is Kind.PREMISE)
    step = next(iter(k.inferences))
    ws = worksheet(k, [claim, step])
    assert grade(k, ws.map, hide=[claim, step]).score == 0.0
    assert grade(k, k, hide=[claim, step]).score == 1.0
    # the premise written back, the step still without its premises: part of the way
    restored = worksheet(k, [step]).map
    assert 0.0 < grade(k, restored, hide=[claim, step]).score < 1.0


def test_the_parts_are_those_of_what_was_hidden() -> None:
    k = key()
    ws = worksheet(k, ["kinds"])
    assert set(grade(k, ws.map, hide=["kinds"]).scores) == {"kinds", "given"}
    assert set(grade(k, k, hide=["links"]).scores) == {"links", "given"}
    assert {"claims", "assumptions", "links"} <= set(grade(k, k, hide=["assumptions"]).scores)


def test_two_kinds_of_three_right_is_two_thirds() -> None:
    b = MapBuilder("t", lang="en")
    b.evidence("E1", "Tokyo had forty hot days last summer")
    b.premise("P1", "Hot days make people tired at work")
    b.conclusion("C1", "Tokyo should shorten working hours in summer")
    b.inference("I1", ["E1", "P1"], "C1")
    k = b.build()
    ws = worksheet(k, ["kinds"]).map
    answer = {ws_id: k.claims[kid].kind for ws_id, kid in zip(ws.claims, k.claims, strict=True)}
    first, second = list(ws.claims)[:2]
    claims = dict(ws.claims)
    claims[first] = attrs.evolve(claims[first], kind=answer[first])
    claims[second] = attrs.evolve(claims[second], kind=answer[second])
    two = attrs.evolve(ws, claims=claims)
    assert grade(k, two, hide=["kinds"]).score == pytest.approx(2 / 3, abs=1e-4)


def test_damage_to_what_was_given_is_told_and_deducted() -> None:
    k = key()
    ws = worksheet(k, ["assumptions"]).map
    gone = next(c for c, v in k.claims.items() if v.kind is Kind.EVIDENCE)
    # everything hidden found, but a given claim deleted (with its links)
    claims = {c: v for c, v in k.claims.items() if c != gone}
    inferences = {
        i: attrs.evolve(f, premises=tuple(p for p in f.premises if p != gone))
        for i, f in k.inferences.items()
        if f.conclusion != gone
    }
    attacks = {a: x for a, x in k.attacks.items() if gone not in (x.source, x.target)}
    damaged = attrs.evolve(k, claims=claims, inferences=inferences, attacks=attacks)
    g = grade(k, damaged, hide=["assumptions"])
    kept = g.scores["given"]["kept"]
    assert 0.0 < kept < 1.0
    assert g.score == pytest.approx(kept, abs=1e-4)  # all hidden found, times what is left of the rest
    assert any(f["code"] == "missed-claim" and f["key"] == gone for f in g.feedback)
    assert ws  # the worksheet exists for this key


def test_the_feedback_is_the_same_with_or_without_hide() -> None:
    k = key()
    for path in sorted((NATO.parent / "students").glob("*.argmap.yaml")):
        s = argmap.load(path)
        a, b = grade(k, s, lang="en"), grade(k, s, lang="en", hide=["assumptions"])
        assert a.feedback == b.feedback and a.missed == b.missed and a.extra == b.extra


def test_without_hide_the_score_is_the_weighted_mean_of_all_the_parts() -> None:
    k = key()
    measure = {"claims": "f1", "links": "f1", "assumptions": "recall", "kinds": "accuracy", "attacks": "f1"}
    for path in sorted((NATO.parent / "students").glob("*.argmap.yaml")):
        g = grade(k, argmap.load(path))
        assert g.hidden is None and "given" not in g.scores
        assert set(g.scores) == set(WEIGHTS)
        mean = sum(WEIGHTS[p] * g.scores[p][measure[p]] for p in WEIGHTS) / sum(WEIGHTS.values())
        assert g.score == pytest.approx(mean, abs=1e-4)  # the example key has every part


HIDDEN_BY = {
    "assumptions": lambda k: [c for c, v in k.claims.items() if v.kind is Kind.ASSUMPTION],
    "conclusions": lambda k: [c for c, v in k.claims.items() if v.kind is Kind.CONCLUSION],
    "links": lambda k: list(k.inferences),
    "attacks": lambda k: list(k.attacks),
}


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(word=st.sampled_from(sorted(HIDDEN_BY)), data=st.data())
def test_restoring_one_more_hidden_element_never_lowers_the_score(word: str, data: st.DataObject) -> None:
    k = key()
    ids = HIDDEN_BY[word](k)
    still = data.draw(st.lists(st.sampled_from(ids), min_size=1, unique=True), label="still hidden")
    one = data.draw(st.sampled_from(still), label="restored")

    def answer(hidden: list[str]) -> ArgumentMap:
        return worksheet(k, hidden).map if hidden else k

    before = grade(k, answer(still), hide=[word]).score
    after = grade(k, answer([i for i in still if i != one]), hide=[word]).score
    assert after >= before
    if len(still) == len(ids):
        assert before == 0.0


@pytest.mark.parametrize(
    ("hide", "says"),
    [
        (["asumptions"], "did you mean assumptions"),
        ([], "nothing to hide"),
        ([" "], "cannot hide"),
    ],
)
def test_what_the_worksheet_refuses_grade_refuses(hide: list[str], says: str) -> None:
    with pytest.raises(ValueError, match=says):
        grade(key(), key(), hide=hide, lang="en")


def test_a_key_without_what_is_named_is_refused() -> None:
    b = MapBuilder("t", lang="en")
    b.premise("P1", "a")
    with pytest.raises(ValueError, match="the key has no attacks"):
        grade(b.build(), b.build(), hide=["attacks"], lang="en")


def run(*args: str) -> tuple[int, str, str]:
    students = sorted(str(p) for p in (NATO.parent / "students").glob("*.argmap.yaml"))
    result = CliRunner(env=EN).invoke(main, ["grade", str(NATO), *students, *args])
    return result.exit_code, result.stdout, result.stderr


def test_the_command_reports_what_was_hidden() -> None:
    code, out, _err = run("--hide", "assumptions", "--format", "json")
    assert code == 0
    report = json.loads(out)
    assert report["hidden"] == ["assumptions"]
    assert all("given" in row["scores"] for row in report["students"])
    code, plain, _err = run("--format", "json")
    assert "hidden" not in json.loads(plain)
    code, text, _err = run("--hide", "assumptions", "--lang", "en")
    assert text.splitlines()[0].startswith("Scores are of what the worksheet hid (assumptions)")


@pytest.mark.parametrize("hide", ["asumptions", "", "links,nothing"])
def test_the_command_refuses_a_bad_hide_with_a_message(hide: str) -> None:
    code, out, err = run("--hide", hide)
    assert code == 2
    assert out == ""
    assert err.startswith("argmap grade: ") and "Traceback" not in err


def test_every_format_says_the_score_is_of_what_was_hidden() -> None:
    k = key()
    students = sorted((NATO.parent / "students").glob("*.argmap.yaml"))
    entries = [(str(p), grade(k, argmap.load(p), lang="en", hide=["links"])) for p in students]
    with using("en"):
        report = class_report(str(NATO), k, entries, hidden=["links"])
        assert "of what the worksheet hid (links)" in to_text(report)
        assert "of what the worksheet hid (links)" in to_html(report, k)
        assert "Score (of what the worksheet hid)" in to_csv(report).splitlines()[0]
        plain = class_report(str(NATO), k, [(p, grade(k, argmap.load(p), lang="en")) for p, _g in entries])
        assert "worksheet hid" not in to_text(plain) + to_html(plain, k) + to_csv(plain)
    with using("ja"):
        assert "ワークシートでかくした部分" in to_text(report)


def test_the_text_report_tells_a_student_what_the_deduction_is_for() -> None:
    k = key()
    gone = next(a for a in k.attacks)  # a given attack deleted, nothing else changed
    damaged = attrs.evolve(k, attacks={a: x for a, x in k.attacks.items() if a != gone})
    g = grade(k, damaged, lang="en", hide=["assumptions"])
    assert g.score < 1.0
    with using("en"):
        text = to_text(class_report("key", k, [("s.yaml", g)], hidden=["assumptions"]))
    lost = round(100 * (1 - g.scores["given"]["kept"]))
    assert f"no longer has {lost}% of what the worksheet gave" in text
    with using("en"):
        whole = to_text(class_report("key", k, [("s.yaml", grade(k, k, lang="en", hide=["assumptions"]))]))
    assert "no longer has" not in whole
