"""Grading a student's map against a key map (argmap.exercises)."""

from __future__ import annotations

import itertools
import random
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import argmap
from argmap.exercises import SAME_ID_BONUS, THRESHOLD, Grade, align, assignment, grade, similarity
from argmap.exercises.grading import _claim_weights
from argmap.exercises.matching import _hungarian, token_sets
from argmap.model import ArgumentMap, Claim, Inference, Kind, MapBuilder
from tests.language import english_sentences

KEY = Path(__file__).resolve().parent.parent / "examples" / "nato-tokyo" / "map.argmap.yaml"


def key() -> ArgumentMap:
    return argmap.load(KEY)


def rebuild(
    amap: ArgumentMap,
    rename: dict[str, str] | None = None,
    *,
    shuffle: int | None = None,
    text: dict[str, str] | None = None,
) -> ArgumentMap:
    """``amap`` with ids renamed, elements shuffled and some texts replaced (by the old id)."""
    rename = rename or {}
    text = text or {}

    def r(i: str) -> str:
        return rename.get(i, i)

    claims = [
        attrs.evolve(c, id=r(c.id), text=text.get(c.id, c.text), note=None) for c in amap.claims.values()
    ]
    infs = [
        attrs.evolve(i, id=r(i.id), premises=tuple(map(r, i.premises)), conclusion=r(i.conclusion))
        for i in amap.inferences.values()
    ]
    atts = [
        attrs.evolve(a, id=r(a.id), source=r(a.source), target=r(a.target)) for a in amap.attacks.values()
    ]
    if shuffle is not None:
        rnd = random.Random(shuffle)
        rnd.shuffle(claims)
        rnd.shuffle(infs)
        rnd.shuffle(atts)
    return ArgumentMap(
        title=amap.title,
        lang=amap.lang,
        claims={c.id: c for c in claims},
        inferences={i.id: i for i in infs},
        attacks={a.id: a for a in atts},
    )


# --- the matcher -----------------------------------------------------------------------------


def brute_force(weights: list[list[float]]) -> float:
    rows, cols = len(weights), len(weights[0]) if weights else 0
    best = 0.0
    if rows <= cols:
        for perm in itertools.permutations(range(cols), rows):
            best = max(best, sum(max(weights[i][j], 0.0) for i, j in enumerate(perm)))
    else:
        for perm in itertools.permutations(range(rows), cols):
            best = max(best, sum(max(weights[i][j], 0.0) for j, i in enumerate(perm)))
    return best


def tables(side: int, values: list[float]) -> st.SearchStrategy[list[list[float]]]:
    """Tables of weights, 1 to ``side`` rows and columns, drawn from ``values``."""
    return st.integers(1, side).flatmap(
        lambda rows: st.integers(1, side).flatmap(
            lambda cols: st.lists(
                st.lists(st.sampled_from(values), min_size=cols, max_size=cols), min_size=rows, max_size=rows
            )
        )
    )


@settings(max_examples=200, deadline=None)
@given(tables(5, [0.0, 0.0, 0.1, 0.5, 0.7, 1.0, 1.3, 2.0]))
def test_the_matching_is_optimal(weights: list[list[float]]) -> None:
    pairs = assignment(weights)
    assert len({i for i, _ in pairs}) == len(pairs) == len({j for _, j in pairs})
    assert all(weights[i][j] > 0 for i, j in pairs)
    assert abs(sum(weights[i][j] for i, j in pairs) - brute_force(weights)) < 1e-9


def test_the_matching_is_not_greedy() -> None:
    # greedy takes (0, 0) first and is left with 0.1; the best total is 0.9 + 0.9
    assert assignment([[1.0, 0.9], [0.9, 0.1]]) == [(0, 1), (1, 0)]


# --- whole maps ------------------------------------------------------------------------------


def test_the_key_itself_scores_full_marks() -> None:
    g = grade(key(), key())
    assert g.score == 1.0
    assert not g.missed and not g.extra and not g.feedback


@pytest.mark.parametrize("seed", range(4))
def test_a_renamed_shuffled_reworded_copy_scores_high(seed: int) -> None:
    k = key()
    rename = {i: f"s{n}" for n, i in enumerate(list(k.claims) + list(k.inferences) + list(k.attacks))}
    text = {
        "P1": "日本はロシアの隣の国だ",
        "P2": "日本にはもうアメリカ軍の基地がある",
        "C4": "ロシアによる北海道への軍事的な脅威が加速する",
    }
    student = rebuild(k, rename, shuffle=seed, text=text)
    g = grade(k, student)
    assert g.score >= 0.95
    assert {g.matched[rename[i]] for i in k.claims} == set(k.claims)
    assert all(g.matched[rename[i]] == i for i in list(k.claims) + list(k.inferences) + list(k.attacks))
    assert not g.missed and not g.extra


def test_an_empty_map_scores_zero() -> None:
    g = grade(key(), ArgumentMap(title="白紙", lang="ja"))
    assert g.score == 0
    assert set(g.missed) >= set(key().claims)


def test_blank_claims_match_nothing() -> None:
    k = key()
    student = rebuild(k)
    claims = dict(student.claims)
    claims["C4"] = attrs.evolve(claims["C4"], text="", blank=True)
    student = attrs.evolve(student, claims=claims)
    g = grade(k, student)
    assert "C4" not in g.matched
    assert "C4" in g.missed


def test_json_has_the_fields_of_a_grade() -> None:
    out = grade(key(), key()).to_json()
    assert set(out) == {"file", "score", "scores", "matched", "missed", "extra", "feedback", "findings"}
    assert set(out["scores"]) == {"claims", "kinds", "links", "assumptions", "attacks"}
    assert set(out["scores"]["claims"]) == {"precision", "recall", "f1"}
    assert out["file"] == str(KEY) or out["file"].endswith("map.argmap.yaml")


# --- planted mistakes --------------------------------------------------------------------------


def codes(g: Grade) -> list[str]:
    return [f["code"] for f in g.feedback]


def test_a_missing_hidden_premise_is_asked_about() -> None:
    k = key()
    b = rebuild(k, {"H2": "h", "C3": "c"}).edit()
    b.remove("I3")
    b.remove("A2")
    b.inference("I3", ["h"], "c")
    g = grade(k, b.build(), lang="ja")
    assert codes(g) == ["missed-assumption"]
    (f,) = g.feedback
    assert f["key"] == "A2" and f["student"] == "I3"
    assert "h" in str(f["message"]) and "c" in str(f["message"])
    assert k.claims["A2"].text not in str(f["message"])
    assert g.missed == ["A2", "I3"]
    assert g.scores["assumptions"]["recall"] == 2 / 3


def test_an_added_link_is_questioned() -> None:
    k = key()
    b = rebuild(k).edit()
    b.remove("I4")
    b.inference("I4", ["C3", "A3", "P1"], "C4")
    g = grade(k, b.build())
    assert codes(g) == ["extra-link"]
    assert g.feedback[0]["student"] == "I4"
    assert "P1" in str(g.feedback[0]["message"]) and "C4" in str(g.feedback[0]["message"])
    assert g.scores["links"]["recall"] == 1.0 and g.scores["links"]["precision"] < 1.0


def test_a_wrong_kind_is_questioned() -> None:
    k = key()
    student = rebuild(k)
    claims = dict(student.claims)
    claims["P1"] = attrs.evolve(claims["P1"], kind=Kind.EVIDENCE)
    g = grade(k, attrs.evolve(student, claims=claims))
    assert codes(g) == ["wrong-kind"]
    assert g.feedback[0]["key"] == g.feedback[0]["student"] == "P1"
    assert g.scores["kinds"]["accuracy"] < 1.0


def test_a_missing_attack_is_asked_about() -> None:
    k = key()
    b = rebuild(k).edit()
    b.remove("X2")
    g = grade(k, b.build())
    assert codes(g) == ["missed-attack"]
    assert g.missed == ["X2"]
    assert g.scores["attacks"]["recall"] == 0.5


def test_kana_and_kanji_variants_match() -> None:
    k = ArgumentMap(
        title="t",
        lang="ja",
        claims={
            "a": Claim("a", Kind.EVIDENCE, "子どもの数が年々減っている"),
            "b": Claim("b", Kind.CONCLUSION, "学校の数も減るだろう"),
        },
        inferences={"i": Inference("i", ("a",), "b")},
    )
    s = ArgumentMap(
        title="t",
        lang="ja",
        claims={
            "x": Claim("x", Kind.CONCLUSION, "学校の数も減るだろう"),
            "y": Claim("y", Kind.EVIDENCE, "子供の数が年々減っている"),
        },
        inferences={"j": Inference("j", ("y",), "x")},
    )
    assert dict(align(k, s).claims) == {"a": "y", "b": "x"}
    assert grade(k, s).score == 1.0


def test_japanese_feedback_is_japanese_and_gives_nothing_away() -> None:
    k = key()
    b = rebuild(k, {"H2": "h", "C3": "c"}).edit()
    for gone in ("I3", "A2", "X1", "X2", "I1", "E2"):
        b.remove(gone)
    b.inference("I3", ["h"], "c")
    b.inference("I1", ["E1"], "C1")
    b.evidence("Z", "今日は晴れている")
    b.inference("I9", ["P1", "Z"], "C4")
    student = b.build()
    claims = dict(student.claims)
    claims["P2"] = attrs.evolve(claims["P2"], kind=Kind.HYPOTHESIS)
    student = attrs.evolve(student, claims=claims)
    g = grade(k, student, lang="ja")
    assert {"missed-assumption", "missed-attack", "missed-claim", "wrong-kind", "extra-claim"} <= set(
        codes(g)
    )
    for f in g.feedback:
        message = str(f["message"])
        assert not english_sentences(message), message
        assert message.endswith(("？", "。")), message
        for gone in ("A2", "E2"):
            assert k.claims[gone].text not in message
    g_en = grade(k, student, lang="en")
    assert all(str(f["message"]).endswith(("?", ".")) for f in g_en.feedback)
    assert codes(g_en) == codes(g)


def test_findings_are_the_checks_of_the_students_map_in_the_chosen_language() -> None:
    k = key()
    b = rebuild(k).edit()
    b.remove("I4")
    b.inference("I4", ["C3"], "C4")
    student = b.build()
    found = argmap.check(student)
    g = grade(k, student, lang="ja")
    assert [f["code"] for f in g.findings] == [d.code for d in found]
    assert all(set(f) >= {"code", "name", "severity", "message", "elements"} for f in g.findings)
    assert g.findings and not any(english_sentences(str(f["message"])) for f in g.findings)


@settings(max_examples=150, deadline=None)
@given(tables(12, [0.0] * 8 + [0.5, 0.6, 0.9, 1.0, 1.1]))
def test_solving_the_parts_apart_is_as_good_as_one_hungarian(weights: list[list[float]]) -> None:
    # sparse tables, as a class's are: the matching splits them into parts
    pairs = assignment(weights)
    whole = _hungarian(weights)
    assert len({i for i, _ in pairs}) == len(pairs) == len({j for _, j in pairs})
    assert all(weights[i][j] > 0 for i, j in pairs)
    total = sum(weights[i][j] for i, j in pairs)
    assert abs(total - sum(weights[i][j] for i, j in whole)) < 1e-9


def test_the_same_id_breaks_a_tie_but_does_not_beat_a_better_text() -> None:
    def one(cid: str, text: str) -> Claim:
        return Claim(cid, Kind.PREMISE, text)

    k = ArgumentMap(
        title="t",
        lang="ja",
        claims={
            "a": one("a", "日本がNATOとの軍事的協力を強化する"),
            "b": one("b", "日本がNATOとの軍事的協力を強化すると、北方領土の拠点が強化される"),
        },
    )
    # the student swapped the ids: the texts decide
    swapped = ArgumentMap(
        title="t", lang="ja", claims={"b": one("b", k.claims["a"].text), "a": one("a", k.claims["b"].text)}
    )
    assert dict(align(k, swapped).claims) == {"a": "b", "b": "a"}
    # one text, as like both key claims: its id decides
    tie = ArgumentMap(title="t", lang="ja", claims={"b": one("b", "日本がNATOとの軍事的協力を強化する")})
    k2 = attrs.evolve(k, claims={"a": k.claims["a"], "b": one("b", k.claims["a"].text)})
    assert dict(align(k2, tie).claims) == {"b": "b"}


_WORDS = [
    "日本",
    "ロシア",
    "の",
    "は",
    "NATO",
    "基地",
    "がある",
    "隣国",
    "子ども",
    "子供",
    "school",
    "closing",
    "closed",
    "the",
    "町",
    "、",
    "１２",
    "12",
]


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=6).map("".join), min_size=1, max_size=6),
    st.lists(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=6).map("".join), min_size=1, max_size=6),
)
def test_the_indexed_weights_are_those_of_every_pair_compared(keys: list[str], students: list[str]) -> None:
    kids = [f"k{i}" for i in range(len(keys))]
    sids = [f"k{i}" if i % 2 else f"s{i}" for i in range(len(students))]  # some ids shared
    table = _claim_weights(kids, [token_sets(t) for t in keys], sids, [token_sets(t) for t in students])
    for i, a in enumerate(keys):
        for j, b in enumerate(students):
            sim = similarity(a, b)
            want = 0.0 if sim < THRESHOLD else sim + (SAME_ID_BONUS if kids[i] == sids[j] else 0.0)
            assert table[i][j] == want, (a, b)


def test_every_kind_has_a_name_in_the_feedback() -> None:
    # a key may hold a claim of any kind, a kind not chosen yet included: its feedback still reads
    for kind in Kind:
        k = ArgumentMap(
            title="t",
            lang="ja",
            claims={
                "a": Claim("a", kind, "町の人口は毎年減っている"),
                "b": Claim("b", Kind.CONCLUSION, "町は小さくなる"),
            },
        )
        student = ArgumentMap(
            title="t", lang="ja", claims={"b": Claim("b", Kind.CONCLUSION, "町は小さくなる")}
        )
        for lang in ("ja", "en"):
            (f,) = grade(k, student, lang=lang).feedback
            assert f["key"] == "a" and str(f["message"]).strip()
            assert not any(part in str(f["message"]) for part in ("{", "}", "Kind."))


def test_a_counter_attack_is_matched_through_the_attack_it_answers() -> None:
    b = MapBuilder("Granted", lang="en")
    b.premise("P1", "The office opens in Tokyo next year")
    b.conclusion("C1", "Japan is joining the alliance")
    b.inference("I1", ["P1"], "C1")
    b.premise("P2", "An office is not a membership")
    b.attack("X1", "P2", "I1")
    b.premise("P3", "Every member began with an office like this one")
    b.attack("X2", "P3", "X1")  # granted, an office is not a membership, but …
    key = b.build()
    s = MapBuilder("Granted", lang="en")
    for old, new in (("P1", "a"), ("C1", "b"), ("P2", "c"), ("P3", "d")):
        c = key.claims[old]
        s.claim(new, c.kind, c.text)
    s.inference("i", ["a"], "b")
    s.attack("x", "c", "i")
    s.attack("y", "d", "x")
    g = grade(key, s.build())
    assert g.alignment.attacks == {"X1": "x", "X2": "y"}
    assert "X2" not in g.missed and g.score == 1.0
    # the student who did not answer the objection is told so
    graded = grade(key, attrs.evolve(s.build(), attacks={"x": s.build().attacks["x"]}))
    assert "X2" in graded.missed
    assert any(f["code"] == "missed-attack" and f["key"] == "X2" for f in graded.feedback)
