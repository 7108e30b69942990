"""Views of part of a map (argmap.drawing.views): focus, select and split
against brute-force oracles written from their definitions, their errors,
and the findings a view keeps."""

from __future__ import annotations

import time
from collections.abc import Iterable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import argmap
from argmap.checks.diagnostic import Diagnostic, Severity
from argmap.checks.registry import UnknownRuleError
from argmap.drawing.views import (
    View,
    ViewError,
    final_conclusions,
    focus,
    not_drawn,
    part_names,
    select,
    split,
    tags_of,
)
from argmap.i18n import using
from argmap.model import ArgumentMap, Kind, MapBuilder, structure_problems
from tests.strategies import maps

ROOT = Path(__file__).resolve().parent.parent
FLAGSHIP = ROOT / "examples" / "nato-tokyo" / "map.argmap.yaml"
CIRCULAR = ROOT / "examples" / "circular.argmap.yaml"
PROPERTY = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


# -- oracles, written from the definitions in the docs -----------------------


def neighbours(m: ArgumentMap, e: str) -> list[str]:
    """What supports or attacks ``e``: a claim's inferences and attackers, an
    inference's premises and attackers, an attack's source."""
    attackers = [a.id for a in m.attacks.values() if a.target == e]
    if e in m.claims:
        return [i.id for i in m.inferences.values() if i.conclusion == e] + attackers
    if e in m.inferences:
        return list(m.inferences[e].premises) + attackers
    return [m.attacks[e].source]


def one_step(m: ArgumentMap, claim: str) -> tuple[set[str], set[str]]:
    """One step back from a claim: (the elements it adds, the claims among them)."""
    added: set[str] = set()
    claims: set[str] = set()
    for inf in m.inferences.values():
        if inf.conclusion == claim:
            added.add(inf.id)
            claims.update(inf.premises)
            for a in m.attacks.values():
                if a.target == inf.id:
                    added.add(a.id)
                    claims.add(a.source)
    for a in m.attacks.values():
        if a.target == claim:
            added.add(a.id)
            claims.add(a.source)
    return added | claims, claims


def focus_oracle(m: ArgumentMap, ids: list[str], depth: int | None) -> tuple[set[str], dict[str, int]]:
    """The elements a focus draws, level by level, and the step at which each claim is reached."""
    drawn: set[str] = set()
    frontier: set[str] = set()
    for e in ids:
        drawn.add(e)
        if e in m.claims:
            frontier.add(e)
        elif e in m.inferences:
            inf = m.inferences[e]
            drawn.add(inf.conclusion)
            drawn.update(inf.premises)
            frontier.update(inf.premises)
            for a in m.attacks.values():
                if a.target == e:
                    drawn.update((a.id, a.source))
                    frontier.add(a.source)
        else:
            a = m.attacks[e]
            drawn.update((a.source, a.target))
            frontier.add(a.source)
            if a.target in m.inferences:
                drawn.add(m.inferences[a.target].conclusion)
    reached = dict.fromkeys(frontier, 0)
    step = 0
    while frontier and (depth is None or step < depth):
        step += 1
        new: set[str] = set()
        for c in frontier:
            added, claims = one_step(m, c)
            drawn |= added
            new |= claims
        new -= set(reached)
        for c in new:
            reached[c] = step
        frontier = new
    return drawn, reached


def hidden_beyond(m: ArgumentMap, drawn: set[str]) -> dict[str, int]:
    """For each drawn element with a neighbour not drawn: the elements not
    drawn reachable from it through elements not drawn."""
    out = {}
    for e in drawn:
        start = [n for n in neighbours(m, e) if n not in drawn]
        if not start:
            continue
        seen = set(start)
        todo = list(start)
        while todo:
            for n in neighbours(m, todo.pop()):
                if n not in drawn and n not in seen:
                    seen.add(n)
                    todo.append(n)
        out[e] = len(seen)
    return out


def elements(m: ArgumentMap) -> set[str]:
    return {*m.claims, *m.inferences, *m.attacks}


def assert_sound_part(view: View, whole: ArgumentMap) -> None:
    sub = view.map
    assert structure_problems(sub) == []
    assert view.whole is whole
    for table, full in ((sub.claims, whole.claims), (sub.attacks, whole.attacks)):
        for k, e in table.items():
            assert full[k] == e
    for k, inf in sub.inferences.items():
        original = whole.inferences[k]
        assert inf.premises == tuple(p for p in original.premises if p in sub.claims)
        assert (inf.conclusion, inf.marker, inf.note) == (original.conclusion, original.marker, original.note)
    order = [k for k in whole.claims if k in sub.claims]
    assert list(sub.claims) == order
    assert (sub.title, sub.lang, sub.date) == (whole.title, whole.lang, whole.date)
    assert set(sub.ignore) <= elements(sub)
    g = whole.graph
    assert view.final == {
        c for c in sub.claims if whole.claims[c].kind is Kind.CONCLUSION and not g.inferences_using(c)
    }
    assert view.beyond == hidden_beyond(whole, elements(sub))


# -- focus ----------------------------------------------------------------------


@PROPERTY
@given(st.data(), maps(max_claims=8), st.one_of(st.none(), st.integers(0, 4)))
def test_focus_is_the_breadth_first_oracle(data: st.DataObject, m: ArgumentMap, depth: int | None) -> None:
    every = sorted(elements(m))
    ids = data.draw(st.lists(st.sampled_from(every), min_size=1, max_size=3))
    view = focus(m, ids, depth)
    drawn, reached = focus_oracle(m, ids, depth)
    assert elements(view.map) == drawn
    assert_sound_part(view, m)
    # every element drawn is within the depth; a claim's depth is the step it was reached at
    assert set(view.depths) == drawn
    assert all(depth is None or d <= depth for d in view.depths.values())
    for c, step in reached.items():
        assert view.depths[c] == step
    assert view.roots == tuple(dict.fromkeys(ids))


@PROPERTY
@given(st.data(), maps(max_claims=8))
def test_a_deeper_focus_draws_more(data: st.DataObject, m: ArgumentMap) -> None:
    ids = data.draw(st.lists(st.sampled_from(sorted(elements(m))), min_size=1, max_size=2))
    previous: set[str] = set()
    for depth in range(5):
        now = elements(focus(m, ids, depth).map)
        assert previous <= now
        previous = now
    assert elements(focus(m, ids, None).map) >= previous


def test_focus_on_the_flagship_counts_what_lies_beyond() -> None:
    m = argmap.load(FLAGSHIP)
    v0 = focus(m, ["C0"], 0)
    assert elements(v0.map) == {"C0"}
    # everything that supports or attacks C0 lies beyond it: 12 elements
    assert dict(v0.beyond) == {"C0": 12}
    v1 = focus(m, ["C0"], 1)
    assert elements(v1.map) == {"C0", "I0", "E1", "A1", "C4"}
    assert dict(v1.beyond) == {"C4": 6, "A1": 2}  # I4 C3 A3 I3 H2 A2; X2 E10
    v3 = focus(m, "C0", 3)
    assert v3.beyond == {}
    assert v3.final == {"C0"}
    # C1 is no final conclusion of the map, even drawn alone
    assert focus(m, ["C1"], 0).final == frozenset()


def test_focus_on_an_inference_and_an_attack() -> None:
    m = argmap.load(FLAGSHIP)
    v = focus(m, ["I1"], 0)
    assert elements(v.map) == {"I1", "E1", "E2", "C1", "X1"}
    v = focus(m, ["X2"], 0)
    assert elements(v.map) == {"X2", "E10", "A1"}
    v = focus(m, ["X1"], 0)  # an undercut: the inference it attacks, with its conclusion
    assert elements(v.map) == {"X1", "E2", "I1", "C1"}
    assert v.map.inferences["I1"].premises == ("E2",)  # the premise drawn; E1 is beyond
    assert v.beyond["I1"] == 1


@pytest.mark.parametrize(
    ("ids", "depth", "words"),
    [
        (["Z9"], 2, "no element 'Z9'"),
        (["C9"], 2, "did you mean"),
        ([], 2, "at least one"),
        (["C0"], -1, "0 or more"),
    ],
)
def test_focus_refuses_what_it_cannot_draw(ids: list[str], depth: int, words: str) -> None:
    m = argmap.load(FLAGSHIP)
    with using("en"), pytest.raises(ViewError, match=words):
        focus(m, ids, depth)


def test_focus_names_every_unknown_id() -> None:
    m = argmap.load(FLAGSHIP)
    with using("en"), pytest.raises(ViewError) as err:
        focus(m, ["C0", "nope", "C77"], 1)
    assert [p.message.split(" (")[0] for p in err.value.problems] == [
        "the map has no element 'nope'",
        "the map has no element 'C77'",
    ]


@pytest.mark.parametrize(
    ("ids", "depth"), [(b"C0", 1), (["C0", 1], 1), (["C0"], 1.5), (["C0"], True), (5, 1)]
)
def test_focus_refuses_wrong_types(ids: object, depth: object) -> None:
    m = argmap.load(FLAGSHIP)
    with pytest.raises(TypeError):
        focus(m, ids, depth)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        focus("map", ["C0"])  # type: ignore[arg-type]


# -- select ---------------------------------------------------------------------


def select_oracle(m: ArgumentMap, chosen: set[str]) -> set[str]:
    drawn = set(chosen)
    for e in chosen:
        if e in m.inferences:
            drawn.add(m.inferences[e].conclusion)
        if e in m.attacks:
            a = m.attacks[e]
            drawn.update((a.source, a.target))
            if a.target in m.inferences:
                drawn.add(m.inferences[a.target].conclusion)
    drawn |= {i.id for i in m.inferences.values() if i.conclusion in drawn and set(i.premises) & drawn}
    drawn |= {a.id for a in m.attacks.values() if a.source in drawn and a.target in drawn}
    return drawn


@PROPERTY
@given(maps(max_claims=8))
def test_select_finding_draws_exactly_the_findings_path_and_what_lies_between(m: ArgumentMap) -> None:
    found = argmap.check(m)
    circles = [d for d in found if d.name == "circular-support"]
    view = select(m, "finding:circular-support", found)
    on_path = {e for d in circles for e in (*d.elements, *d.path)}
    assert elements(view.map) == select_oracle(m, on_path)
    # the path is drawn, and every step of it is an edge of the drawing
    for d in circles:
        assert set(d.path) <= elements(view.map)
        for a, b in zip(d.path, d.path[1:], strict=False):
            if a in m.claims and b in m.inferences:
                assert a in view.map.inferences[b].premises
            if a in m.inferences and b in m.claims:
                assert view.map.inferences[a].conclusion == b
    assert_sound_part(view, m)
    # a finding on an element drawn keeps its badge: all circles, and nothing outside the view
    shown = view.findings(found)
    assert all(d in shown for d in circles)
    for d in shown:
        assert any(e in view for e in d.elements) or not any(e in m for e in d.elements)


def test_select_the_circle_of_the_circular_example() -> None:
    m = argmap.load(CIRCULAR)
    found = argmap.check(m)
    for name in ("finding:circular-support", "finding:AM201", "finding:循環論法", "finding: am201 "):
        view = select(m, name, found)
        assert elements(view.map) == {"C1", "C2", "I1", "I2"}
        # the premises from outside the circle lie beyond it
        assert dict(view.beyond) == {"I1": 1, "I2": 1}


@PROPERTY
@given(st.data(), maps(max_claims=8))
def test_select_tag_and_kind_are_the_oracle(data: st.DataObject, m: ArgumentMap) -> None:
    tags = tags_of(m)
    if tags:
        tag = data.draw(st.sampled_from(tags))
        if tag.strip() and tag == tag.strip():
            view = select(m, [f"tag:{tag}"])
            everything: Iterable[argmap.Claim | argmap.Inference | argmap.Attack] = (
                *m.claims.values(),
                *m.inferences.values(),
                *m.attacks.values(),
            )
            chosen = {e.id for e in everything if tag in e.tags}
            assert elements(view.map) == select_oracle(m, chosen)
            assert_sound_part(view, m)
    kind = data.draw(st.sampled_from(list(Kind)))
    view = select(m, f"kind:{kind.value}")
    assert elements(view.map) == select_oracle(m, {c.id for c in m.claims.values() if c.kind is kind})
    assert_sound_part(view, m)


def test_select_kinds_in_english_and_japanese_and_the_final_conclusions() -> None:
    m = argmap.load(FLAGSHIP)
    assert set(select(m, "kind:assumption").map.claims) == {"A1", "A2", "A3"}
    assert set(select(m, "kind:隠れた前提").map.claims) == {"A1", "A2", "A3"}
    assert set(select(m, "kind：Assumption").map.claims) == {"A1", "A2", "A3"}  # full-width colon, capitals
    assert set(select(m, "kind:final").map.claims) == {"C0", "C2"} == set(final_conclusions(m))
    assert set(select(m, "kind:最終結論").map.claims) == {"C0", "C2"}
    # several selections: their union, with the inferences between them
    both = select(m, ["kind:hypothesis", "kind:conclusion"])
    assert {"H1", "H2", "C0", "C1"} <= set(both.map.claims)
    assert "I3" in both.map.inferences  # H2 -> C3
    assert select(m, "kind:blank").size == 0  # nothing matches: an empty view


def tagged() -> ArgumentMap:
    b = MapBuilder("tags", lang="en")
    b.evidence("E1", "e1", tags=["economy"])
    b.premise("P1", "p1", tags=["law", "economy"])
    b.conclusion("C1", "c1")
    b.inference("I1", ["E1", "P1"], "C1", tags=["economy"])
    b.attack("X1", "P1", "E1", tags=["law"])
    return b.build()


def test_select_tag() -> None:
    m = tagged()
    view = select(m, "tag:economy")
    assert elements(view.map) == {"E1", "P1", "I1", "C1", "X1"}
    view = select(m, "tag:law")
    assert elements(view.map) == {"P1", "X1", "E1"}
    assert tags_of(m) == ["economy", "law"]
    assert select(m, "tag:ＬＡＷ").roots == select(m, "tag:law").roots  # full-width and capitals


@pytest.mark.parametrize(
    ("spec", "error", "words"),
    [
        ("assumption", ViewError, "write kind:NAME, tag:NAME or finding:RULE"),
        ("colour:red", ViewError, "write kind:NAME, tag:NAME or finding:RULE"),
        ("kind:", ViewError, "names nothing"),
        ("kind:asumption", ViewError, "did you mean 'assumption'"),
        ("kind:thing", ViewError, "kinds are evidence, premise"),
        ("tag:econmy", ViewError, "did you mean 'economy'"),
        ("tag:sport", ViewError, "the map's tags: 'economy', 'law'"),
        ("finding:circular-suport", UnknownRuleError, "did you mean 'circular-support'"),
        ("finding:AM999", UnknownRuleError, "unknown rule"),
    ],
)
def test_select_refuses_what_it_cannot_read(spec: str, error: type[Exception], words: str) -> None:
    with using("en"), pytest.raises(error, match=words):
        select(tagged(), spec, [])


def test_select_a_tag_of_a_map_without_tags() -> None:
    with using("en"), pytest.raises(ViewError, match="the map has no tags"):
        select(argmap.load(FLAGSHIP), "tag:x")


def test_select_refuses_wrong_types() -> None:
    m = tagged()
    for spec in (5, [5], None):
        with pytest.raises(TypeError):
            select(m, spec)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        select(m, "kind:premise", ["not a finding"])  # type: ignore[list-item]
    with using("en"), pytest.raises(ViewError, match="at least one"):
        select(m, [])


# -- split ----------------------------------------------------------------------


def closure(m: ArgumentMap, start: str) -> set[str]:
    seen = {start}
    todo = [start]
    while todo:
        for n in neighbours(m, todo.pop()):
            if n not in seen:
                seen.add(n)
                todo.append(n)
    return seen


@PROPERTY
@given(maps(max_claims=8))
def test_split_draws_each_final_conclusion_with_all_behind_it(m: ArgumentMap) -> None:
    views = split(m)
    finals = [
        c.id for c in m.claims.values() if c.kind is Kind.CONCLUSION and not m.graph.inferences_using(c.id)
    ]
    assert [v.roots for v in views] == [(c,) for c in finals]
    union: set[str] = set()
    for v, c in zip(views, finals, strict=True):
        assert elements(v.map) == closure(m, c)
        assert v.beyond == {}
        assert_sound_part(v, m)
        union |= elements(v.map)
    assert not_drawn(m, views) == [e for e in (*m.claims, *m.inferences, *m.attacks) if e not in union]


def test_split_of_the_flagship() -> None:
    m = argmap.load(FLAGSHIP)
    views = split(m)
    assert [v.roots for v in views] == [("C2",), ("C0",)]
    assert not_drawn(m, views) == ["E4", "E5", "E6", "E7", "E8", "E9"]


def test_part_names_are_unique_whatever_the_case() -> None:
    names = part_names(["C1", "c1", "index", "Index", "C1-2"], "svg")
    assert len({n.casefold() for n in names}) == 5
    assert names[0] == "C1.svg"
    assert "index.html" not in {n.casefold() for n in part_names(["index"], "html")}


# -- findings and size --------------------------------------------------------------


def finding(*elements: str) -> Diagnostic:
    return Diagnostic("AM305", "unused-claim", Severity.INFO, "m", elements)


def test_a_view_keeps_the_findings_on_what_it_draws_and_about_the_whole_map() -> None:
    m = argmap.load(FLAGSHIP)
    v = focus(m, ["C1"], 0)
    on_it, related, elsewhere, whole_map = finding("C1"), finding("E4", "C1"), finding("E4"), finding()
    outside = finding("not-an-element")
    assert v.findings([on_it, related, elsewhere, whole_map, outside]) == [on_it, related, whole_map, outside]


def test_views_of_a_map_of_two_thousand_elements_are_quick() -> None:
    b = MapBuilder("big", lang="en")
    width = 30
    n = 1100
    for i in range(n):
        (b.evidence if i < width else b.conclusion)(f"C{i}", f"claim {i}")
    k = 0
    for i in range(width, n):
        for j in range(2):
            if k < 850:
                b.inference(f"I{k}", [f"C{(i - width - j * 7) % (i - (i % width) or 1)}"], f"C{i}")
                k += 1
    for a in range(50):
        b.attack(f"X{a}", f"C{a * 3}", f"C{n - 1 - a}")
    m = b.build()
    assert len(m.claims) + len(m.inferences) + len(m.attacks) == 2000
    start = time.perf_counter()
    focus(m, [f"C{n - 1}"], 3)
    select(m, "kind:conclusion")
    parts = split(m)
    elapsed = time.perf_counter() - start
    assert parts
    assert elapsed < 10, elapsed


@settings(max_examples=60, deadline=None)
@given(st.data(), maps(max_claims=8, counter_attacks=True))
def test_views_of_maps_with_counter_attacks_are_sound(data: st.DataObject, m: ArgumentMap) -> None:
    ids = [*m.claims, *m.inferences, *m.attacks]
    chosen = data.draw(st.lists(st.sampled_from(ids), min_size=1, max_size=3))
    for view in (focus(m, chosen, depth=data.draw(st.integers(0, 3))), *split(m)):
        sub = view.map  # an ArgumentMap: building it checked that every reference is drawn
        for att in sub.attacks.values():
            assert att.source in sub and att.target in sub
            assert sub.attacks[att.id] == m.attacks[att.id]
    # focusing on an attack draws the counter-attacks on it (they answer it in the same step)
    for aid in m.attacks:
        answered = [a.id for a in m.attacks.values() if a.target == aid]
        assert set(answered) <= set(focus(m, [aid], depth=0).map.attacks)


def test_a_view_shows_in_jupyter_as_its_drawing_with_its_marks() -> None:
    import argmap.drawing

    whole = argmap.load(
        Path(__file__).resolve().parent.parent / "examples" / "nato-tokyo" / "map.argmap.yaml"
    )
    view = argmap.drawing.focus(whole, ["C0"], depth=1)
    assert view.beyond, "the flagship's C0 at depth 1 leaves supports out"
    bundle = view._repr_mimebundle_()
    svg = bundle["image/svg+xml"]
    assert isinstance(svg, str) and svg.lstrip().startswith(("<?xml", "<svg"))
    drawn = {e for e in whole.claims if f">{e}<" in svg}
    assert drawn == set(view.map.claims)  # the view's claims, not the whole map's
    for count in view.beyond.values():
        assert f"+{count}" in svg
    assert bundle["text/plain"] == repr(view)
