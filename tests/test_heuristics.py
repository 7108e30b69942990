"""The heuristic rules against the labelled sets, and the pieces they are built from.

The labelled sets are data a careful reader wrote; these tests check that
they are what docs/checks.md says (sizes, proportions, well-formed labels),
that scoring counts agreement exactly, and invariants of the word cues the
rules read. The figures themselves are pinned by the staleness test of
docs/checks.md, which recomputes them.
"""

from __future__ import annotations

import collections
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from argmap.checks import check
from argmap.checks.cues import appeals, content_tokens, negations, signature
from argmap.checks.evaluation import RULES, Score, build, half, load_items, score
from argmap.model import ArgumentMap
from tests.strategies import maps

DATA = Path(__file__).resolve().parent / "data" / "heuristics"
SETS = sorted(DATA.glob("*.yaml"))


def test_every_rule_has_a_labelled_set_in_each_language() -> None:
    assert {p.name for p in SETS} == {f"{rule}.{lang}.yaml" for rule in RULES for lang in ("ja", "en")}


@pytest.mark.parametrize("path", SETS, ids=[p.name for p in SETS])
def test_a_labelled_set_is_large_enough_balanced_and_well_formed(path: Path) -> None:
    rule, lang = path.name.split(".")[:2]
    items = load_items(path)
    ids = [item["id"] for item in items]
    assert len(ids) == len(set(ids))
    assert all(i.startswith(f"{lang}-") for i in ids)
    if rule == "weak-relevance":
        labels = [p["relevant"] for item in items for p in item["premises"]]
        assert all(isinstance(x, bool) for x in labels)
        assert all(1 <= len(item["premises"]) <= 5 for item in items)
        assert len(labels) >= 150  # premise -> conclusion steps
        positives = labels.count(False)
    else:
        key = RULES[rule]
        labels = [item[key] for item in items]
        assert all(isinstance(x, bool) for x in labels)
        assert len(labels) >= 110
        positives = labels.count(True)
    assert 0.2 <= positives / len(labels) <= 0.5
    # both halves of the split hold a fair share of the positives
    by_half = collections.Counter(half(i) for i in ids)
    assert min(by_half.values()) >= len(ids) // 4


def _brute(rule: str, items: list[dict[str, Any]], lang: str) -> tuple[int, int, int, int]:
    """(tp, fp, fn, tn) counted one labelled element at a time."""
    tp = fp = fn = tn = 0
    for item in items:
        amap, want = build(rule, item, lang)
        found = check(amap, select=[rule])
        for element, positive in want.items():
            reported = any(element in d.elements for d in found)
            tp += positive and reported
            fp += (not positive) and reported
            fn += positive and not reported
            tn += (not positive) and not reported
    return tp, fp, fn, tn


@pytest.mark.parametrize("path", SETS, ids=[p.name for p in SETS])
def test_scoring_counts_agreement_label_by_label(path: Path) -> None:
    rule, lang = path.name.split(".")[:2]
    items = load_items(path)
    whole = score(rule, items, lang)["all"]
    assert (whole.tp, whole.fp, whole.fn, whole.tn) == _brute(rule, items, lang)
    halves = score(rule, items, lang)
    assert halves["dev"] + halves["held-out"] == whole


@given(st.integers(0, 50), st.integers(0, 50), st.integers(0, 50), st.integers(0, 50))
def test_precision_and_recall_are_the_textbook_ratios(tp: int, fp: int, fn: int, tn: int) -> None:
    s = Score("weak-relevance", "en", tp, fp, fn, tn)
    if tp + fp:
        assert s.precision == pytest.approx(tp / (tp + fp))
    if tp + fn:
        assert s.recall == pytest.approx(tp / (tp + fn))
    assert 0.0 <= s.f1 <= 1.0
    assert s.labelled == tp + fp + fn + tn


@given(maps())
def test_weak_relevance_gives_at_most_one_finding_per_inference(m: ArgumentMap) -> None:
    found = check(m, select=["weak-relevance"])
    per_inference = collections.Counter(d.elements[0] for d in found)
    assert all(n == 1 for n in per_inference.values())
    for d in found:  # it names the inference, then the premises it concerns, then the conclusion
        inference = m.inferences[d.elements[0]]
        assert set(d.elements[1:-1]) <= set(inference.premises)
        assert d.elements[-1] == inference.conclusion


WORDS = st.text(alphabet=st.sampled_from("abcdeｆｇＨIJ 町学校閉さびしいカタナ。、!?0１"), max_size=40)


@given(WORDS)
def test_content_tokens_ignore_width_and_case(text: str) -> None:
    folded = unicodedata.normalize("NFKC", text).casefold()
    assert content_tokens(text) == content_tokens(folded)
    assert signature(text) == signature(folded)
    assert appeals(text) == appeals(folded)


@given(WORDS, WORDS)
def test_a_restatement_needs_the_same_signature_both_ways(a: str, b: str) -> None:
    assert (signature(a) == signature(b)) == (signature(b) == signature(a))
    assert negations(a + " not") == negations(a) + 1


def test_the_rules_leave_relevant_money_and_causes_alone() -> None:
    # the hard cases of the guideline that a word-overlap rule used to report
    amap, want = build(
        "weak-relevance",
        {
            "id": "t",
            "conclusion": "町が閉校を決めたのは、もっぱら財政上の理由による",
            "premises": [
                {"text": "校舎の耐震改修には約4億円かかる", "relevant": True},
                {"text": "The river burst its banks on Sunday night", "relevant": True},
            ],
        },
        "ja",
    )
    assert check(amap, select=["weak-relevance"]) == []
    assert want == {"P1": False, "P2": False}


def _shorten_by_hand(text: str, width: int) -> str:
    """shorten() written the plain way: add up the widths character by character."""
    from argmap.support import char_width

    text = " ".join(text.split())
    used, cut = 0, -1
    for i, ch in enumerate(text):
        used += char_width(ch)
        if cut < 0 and used > width - 1:
            cut = i
        if used > width:
            return text[:cut].rstrip() + "…"
    return text


@given(
    st.text(alphabet=st.sampled_from("aZ あ日ｱ、。\u0301\u20dd\u200dé漢カ"), max_size=120), st.integers(2, 60)
)
def test_shorten_cuts_where_adding_up_widths_by_hand_does(text: str, width: int) -> None:
    from argmap.checks.text import shorten

    assert shorten(text, width) == _shorten_by_hand(text, width)
