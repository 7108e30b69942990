"""Attacks on attacks: an attack's `to` may name another attack.

The grounded labelling is checked against two brute-force oracles: Dung's
grounded extension (the characteristic function iterated from the empty
set) of the framework an attack-only map translates to, and the labelling
rules applied to every node at once, round after round, on maps with
inferences. Then the format (both JSON paths, YAML, the round trip, located
errors), the dialectic rules and their messages in both languages.
"""

from __future__ import annotations

import json
import re
import shutil
from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import argmap
from argmap import ArgmapError, ArgumentMap, Kind, MapBuilder
from argmap.checks import check, graph, labelling
from argmap.checks.graph import Index, Status
from argmap.drawing.dot import components, to_dot
from argmap.drawing.html import to_html
from argmap.formats._fastjson import load_clean_json
from argmap.i18n import using
from argmap.model import Attack, Claim, Inference
from tests.strategies import maps

SETTINGS = settings(max_examples=300, deadline=None)

A, D, U = Status.ACCEPTED, Status.DEFEATED, Status.UNDECIDED
_CODE = {graph.ACCEPTED: A, graph.DEFEATED: D, graph.UNDECIDED: U}


def all_statuses(m: ArgumentMap) -> dict[str, Status]:
    """The labelling of every claim, inference and attack, from the checks' own labelling."""
    ix = Index(m)
    lab = graph.label(ix)
    return {ix.node_id(n): _CODE[s] for n, s in enumerate(lab.status)}


# -- random maps with attack chains ------------------------------------------------------------


@st.composite
def attack_maps(draw: st.DrawFn, inferences: bool = True) -> ArgumentMap:
    """Small maps whose attacks often target attacks: chains, circles, self-attacks."""
    n_claims = draw(st.integers(1, 6))
    claim_ids = [f"C{k}" for k in range(n_claims)]
    kinds = [Kind.EVIDENCE, Kind.PREMISE, Kind.ASSUMPTION, Kind.HYPOTHESIS, Kind.BLANK]
    if inferences:
        kinds.append(Kind.CONCLUSION)
    claims = [Claim(c, draw(st.sampled_from(kinds)), "t") for c in claim_ids]
    n_inf = draw(st.integers(0, 4)) if inferences else 0
    inf_ids = [f"I{k}" for k in range(n_inf)]
    pick_claim = st.sampled_from(claim_ids)
    infs = [Inference(i, tuple(draw(st.lists(pick_claim, max_size=3))), draw(pick_claim)) for i in inf_ids]
    n_att = draw(st.integers(0, 8))
    att_ids = [f"X{k}" for k in range(n_att)]
    # Half the time an attack answers another attack.
    target = (
        st.one_of(st.sampled_from(claim_ids + inf_ids), st.sampled_from(att_ids)) if att_ids else pick_claim
    )
    attacks = [Attack(x, draw(pick_claim), draw(target)) for x in att_ids]
    return ArgumentMap("t", claims=claims, inferences=infs, attacks=attacks)


# -- oracle 1: Dung's grounded extension --------------------------------------------------------


def dung_framework(m: ArgumentMap) -> tuple[list[str], set[tuple[str, str]]]:
    """The abstract framework of an attack-only map (no conclusions, no inferences).

    Its arguments are the claims and the attacks. An attack X = (s, t)
    attacks its target t (a claim, or an attack); and since X defeats
    nothing once its source falls, whatever attacks s also attacks X (the
    translation of attacks on attacks into Dung's frameworks, as in AFRA).
    """
    args = [*m.claims, *m.attacks]
    edges: set[tuple[str, str]] = set()
    for x in m.attacks.values():
        edges.add((x.id, x.target))
    for x in m.attacks.values():
        for y in m.attacks.values():
            if y.target == x.source:
                edges.add((y.id, x.id))
    return args, edges


def grounded_extension(args: list[str], edges: set[tuple[str, str]]) -> set[str]:
    """Iterate the characteristic function from the empty set: the arguments
    every attacker of which is attacked by the set, until nothing changes."""
    attackers = {a: [b for (b, t) in edges if t == a] for a in args}
    ext: set[str] = set()
    while True:
        nxt = {a for a in args if all(any((d, b) in edges for d in ext) for b in attackers[a])}
        if nxt == ext:
            return ext
        ext = nxt


@SETTINGS
@given(attack_maps(inferences=False))
def test_attack_chains_label_as_dungs_grounded_extension(m: ArgumentMap) -> None:
    args, edges = dung_framework(m)
    ext = grounded_extension(args, edges)
    beaten = {t for (s, t) in edges if s in ext}
    expected = {a: A if a in ext else D if a in beaten else U for a in args}
    assert all_statuses(m) == expected


# -- oracle 2: the rules, applied to every node at once ------------------------------------------


def rules_round(m: ArgumentMap, lab: dict[str, Status]) -> dict[str, Status]:
    """One application of the labelling rules to every node, from ``lab``."""
    on: dict[str, list[str]] = {n: [] for n in lab}
    for x in m.attacks.values():
        on[x.target].append(x.id)
    out = dict(lab)
    for n in lab:
        stands = all(lab[x] is D for x in on[n])
        falls = any(lab[x] is A for x in on[n])
        if n in m.attacks:
            source = lab[m.attacks[n].source]
            out[n] = A if source is A and stands else D if source is D or falls else U
        elif n in m.inferences:
            prem = m.inferences[n].premises
            if prem and all(lab[p] is A for p in prem) and stands:
                out[n] = A
            else:
                out[n] = D if falls or any(lab[p] is D for p in prem) else U
        elif m.claims[n].kind is not Kind.CONCLUSION:
            out[n] = A if stands else D if falls else U
        else:
            steps = [i.id for i in m.inferences.values() if i.conclusion == n]
            if stands and any(lab[i] is A for i in steps):
                out[n] = A
            else:
                out[n] = D if falls or (steps and all(lab[i] is D for i in steps)) else U
    return out


def least_fixed_point(m: ArgumentMap) -> dict[str, Status]:
    lab = dict.fromkeys([*m.claims, *m.inferences, *m.attacks], U)
    while (nxt := rules_round(m, lab)) != lab:
        lab = nxt
    return lab


@SETTINGS
@given(attack_maps())
def test_labelling_with_attack_chains_is_the_least_fixed_point(m: ArgumentMap) -> None:
    expected = least_fixed_point(m)
    assert all_statuses(m) == expected
    assert dict(labelling(m)) == {n: s for n, s in expected.items() if n not in m.attacks}


@SETTINGS
@given(maps())
def test_an_attack_nothing_targets_carries_its_claims_status(m: ArgumentMap) -> None:
    st_ = all_statuses(m)
    for x in m.attacks.values():
        if not m.graph.attackers_of(x.id):
            assert st_[x.id] is st_[x.source]


# -- the shapes by hand --------------------------------------------------------------------------


def granted_but(counter: bool = True, lang: str = "en") -> MapBuilder:
    """E1 so C1; E2 undercuts the step; E3 answers E2's attack: "granted, ..., but ..."."""
    b = MapBuilder("Rain", lang=lang)
    b.evidence("E1", "The forecast says rain", source=argmap.Source(title="Met Office"))
    b.conclusion("C1", "It will rain today")
    b.inference("I1", ["E1"], "C1")
    b.evidence("E2", "The forecast was issued last week", source=argmap.Source(title="Met Office"))
    b.attack("X1", "E2", "I1")
    if counter:
        b.evidence("E3", "It was updated this morning", source=argmap.Source(title="Met Office"))
        b.attack("X2", "E3", "X1")
    return b


def test_a_counter_attack_saves_the_conclusion_and_leaves_its_attacker_standing() -> None:
    before = granted_but(counter=False).build()
    assert [d.elements[0] for d in check(before, select=["defeated-conclusion"])] == ["C1"]
    m = granted_but().build()
    st_ = all_statuses(m)
    assert (st_["E2"], st_["X1"], st_["X2"], st_["I1"], st_["C1"]) == (A, D, A, A, A)
    assert check(m, select=["defeated-conclusion", "contested-conclusion"]) == []


def test_a_counter_attack_that_is_itself_answered_lets_the_attack_stand() -> None:
    b = granted_but()
    b.evidence("E4", "The update was a typo", source=argmap.Source(title="Met Office"))
    b.attack("X3", "E4", "X2")
    m = b.build()
    st_ = all_statuses(m)
    assert (st_["X3"], st_["X2"], st_["X1"], st_["C1"]) == (A, D, A, D)
    (finding,) = check(m, select=["defeated-conclusion"])
    assert finding.elements == ("C1", "X1", "E2")
    assert finding.path == ("X1", "I1", "C1")


def test_a_counter_attack_from_a_defeated_claim_defeats_nothing() -> None:
    b = granted_but()
    b.evidence("E4", "E3 misread the page", source=argmap.Source(title="Met Office"))
    b.attack("X3", "E4", "E3")
    m = b.build()
    st_ = all_statuses(m)
    assert (st_["E3"], st_["X2"], st_["X1"], st_["C1"]) == (D, D, A, D)


def disputed_counter(lang: str = "en") -> ArgumentMap:
    """The counter-attack's claim E3 and a claim E4 rebut each other: nothing settles X2."""
    b = granted_but(lang=lang)
    b.evidence("E4", "It was not updated", source=argmap.Source(title="Met Office"))
    b.attack("X3", "E4", "E3")
    b.attack("X4", "E3", "E4")
    return b.build()


def test_a_disputed_counter_attack_leaves_the_conclusion_contested() -> None:
    m = disputed_counter()
    st_ = all_statuses(m)
    assert {st_[x] for x in ("E3", "E4", "X1", "X2", "X3", "X4", "I1", "C1")} == {U}
    assert (st_["E1"], st_["E2"]) == (A, A)
    (finding,) = check(m, select=["contested-conclusion"])
    assert finding.elements == ("C1", "X1", "E2")


@pytest.mark.parametrize(
    ("lang", "attack", "counter"),
    [
        ("en", "attack X1 (by E2 on I1)", "attack X2 (by E3 on attack X1)"),
        ("ja", "反論 X1（E2 から I1 への反論）", "反論 X2（E3 から反論 X1 への再反論）"),
    ],
)
def test_messages_name_the_attacked_attack(lang: str, attack: str, counter: str) -> None:
    # A counter-attack that falls: the conclusion is defeated, the message says why.
    b = granted_but(lang=lang)
    b.evidence("E4", "The update was a typo", source=argmap.Source(title="Met Office"))
    b.attack("X3", "E4", "X2")
    defeated = b.build()
    # A counter-attack that is itself disputed: the conclusion is contested.
    contested = disputed_counter(lang)
    with using(lang):
        (fell,) = check(defeated, select=["defeated-conclusion"])
        (open_,) = check(contested, select=["contested-conclusion"])
    for finding in (fell, open_):
        assert attack in finding.message and counter in finding.message
        assert finding.message.index(attack) < finding.message.index(counter)


def test_self_attack_and_circles_of_attacks_are_allowed() -> None:
    b = MapBuilder("t")
    b.premise("P1", "p")
    b.premise("P2", "q")
    b.attack("X1", "P2", "X1")  # would defeat itself if it stood: it stays undecided
    b.attack("X2", "P2", "P1")
    b.attack("X3", "P1", "X4")  # two counter-attacks answering each other
    b.attack("X4", "P1", "X3")
    b.attack("X5", "P1", "X2")
    m = b.build()
    st_ = all_statuses(m)
    assert (st_["X1"], st_["X3"], st_["X4"]) == (U, U, U)
    # P1 answers P2's attack on it: neither side wins.
    assert (st_["P2"], st_["X2"], st_["P1"], st_["X5"]) == (A, U, U, U)
    assert m.graph.attackers_of("X1") == ("X1",)
    assert m.graph.attackers_of("X2") == ("X5",)


# -- the format ---------------------------------------------------------------------------------

YAML = """\
argmap: 1
title: Granted
claims:
  E1: {kind: evidence, text: The forecast says rain}
  C1: {kind: conclusion, text: It will rain}
  E2: {kind: evidence, text: The forecast was issued last week}
  E3: {kind: evidence, text: It was updated this morning}
inferences:
  I1: {from: [E1], to: C1}
attacks:
  X2: {from: E3, to: X1}
  X1: {from: E2, to: I1}
"""


def test_an_attack_on_an_attack_loads_from_yaml_and_both_json_paths_alike() -> None:
    m = argmap.loads(YAML, "yaml")
    assert m.attacks["X2"].target == "X1"
    text = argmap.dumps(m, "json")
    quick = load_clean_json(text, "m.json")
    assert quick is not None, "the quick path takes a map whose attacks name attacks"
    with mock.patch("argmap.formats.load_clean_json", return_value=None):
        careful = argmap.loads(text, "json", name="m.json")
    assert quick == careful == m == argmap.loads(argmap.dumps(m, "yaml"), "yaml")


@SETTINGS
@given(attack_maps())
def test_maps_with_attack_chains_round_trip(m: ArgumentMap) -> None:
    for fmt in ("yaml", "json"):
        assert argmap.loads(argmap.dumps(m, fmt), fmt) == m  # type: ignore[arg-type]


@pytest.mark.parametrize("fmt", ["yaml", "json"])
def test_an_attack_on_a_missing_element_is_a_located_error(fmt: str) -> None:
    m = argmap.loads(YAML, "yaml")
    text = argmap.dumps(m, fmt).replace("X1", "X9", 1) if fmt == "yaml" else _json_renamed(m)  # type: ignore[arg-type]
    with pytest.raises(ArgmapError) as info:
        argmap.loads(text, fmt, name=f"m.{fmt}")  # type: ignore[arg-type]
    (problem,) = info.value.problems
    assert "'X9' does not exist" in problem.message
    assert problem.location is not None and problem.location.line > 1


@pytest.mark.parametrize("fmt", ["yaml", "json"])
def test_an_attack_still_comes_from_a_claim(fmt: str) -> None:
    if fmt == "yaml":
        text = YAML.replace("X2: {from: E3, to: X1}", "X2: {from: X1, to: X1}")
    else:
        tree = json.loads(argmap.dumps(argmap.loads(YAML, "yaml"), "json"))
        tree["attacks"]["X2"]["from"] = "X1"
        text = json.dumps(tree, indent=2)
    with pytest.raises(ArgmapError) as info:
        argmap.loads(text, fmt, name=f"m.{fmt}")  # type: ignore[arg-type]
    (problem,) = info.value.problems
    assert problem.message == "attack 'X2': source 'X1' is an attack, not a claim"
    assert problem.location is not None and problem.location.line > 1


def _json_renamed(m: ArgumentMap) -> str:
    tree = json.loads(argmap.dumps(m, "json"))
    tree["attacks"]["X2"]["to"] = "X9"
    return json.dumps(tree, indent=2)


def test_building_an_attack_on_a_missing_attack_lists_it() -> None:
    b = MapBuilder("t")
    b.premise("P1", "p")
    b.attack("X1", "P1", "X9")
    with pytest.raises(ArgmapError, match="target 'X9' is not a claim, an inference or an attack"):
        b.build()


def test_the_schema_lets_to_name_an_attack() -> None:
    schema = argmap.formats.json_schema()
    text = json.dumps(schema)
    assert "counter-attack" in text


@SETTINGS
@given(maps(counter_attacks=True))
def test_both_json_paths_read_counter_attacks_alike(m: ArgumentMap) -> None:
    text = argmap.dumps(m, "json")
    quick = load_clean_json(text, "m.json")
    with mock.patch("argmap.formats.load_clean_json", return_value=None):
        careful = argmap.loads(text, "json", name="m.json")
    assert careful == m
    assert quick is None or quick == m  # the quick path may hand a text over (see test_fastjson)


# -- the drawing --------------------------------------------------------------------------------

needs_dot = pytest.mark.skipif(shutil.which("dot") is None, reason="needs Graphviz (tools/system-deps.sh)")


def edges(source: str) -> set[tuple[str, str]]:
    return set(re.findall(r"^\s*\"?([\w.\-]+)\"?\s*->\s*\"?([\w.\-]+)\"?", source, re.MULTILINE))


def test_the_diagram_splits_a_countered_attack_at_a_point_its_counter_attack_points_at() -> None:
    source = to_dot(granted_but().build()).source
    assert {("E2", "X1"), ("X1", "I1"), ("E3", "X1")} <= edges(source)
    assert ("E2", "I1") not in edges(source)  # the attack is drawn in two halves, not whole
    point = re.search(r"^\s*X1 \[([^\]]*)\]", source, re.MULTILINE)
    assert point is not None and "shape=point" in point.group(1)
    first_half = re.search(r"^\s*E2 -> X1 \[([^\]]*)\]", source, re.MULTILINE)
    assert first_half is not None and "arrowhead=none" in first_half.group(1)
    assert "X2 (counter-attack (on an attack))" in source
    assert "X2（再反論（反論へ））" in to_dot(granted_but(lang="ja").build()).source


def test_an_attack_nothing_targets_is_drawn_whole_as_before() -> None:
    source = to_dot(granted_but(counter=False).build()).source
    assert ("E2", "I1") in edges(source)
    assert not re.search(r"^\s*X1 \[", source, re.MULTILINE)


def test_counter_attacks_join_the_pieces_of_the_map() -> None:
    b = MapBuilder("t")
    b.premise("P1", "p")
    b.premise("P2", "q")
    b.premise("P3", "r")
    b.attack("X1", "P1", "P2")
    assert components(b.build()) == 2
    b.attack("X2", "P3", "X1")
    assert components(b.build()) == 1


@SETTINGS
@given(maps(counter_attacks=True))
def test_any_map_with_counter_attacks_gives_a_diagram(m: ArgumentMap) -> None:
    source = to_dot(m, findings=[]).source
    drawn = edges(source)
    for x in m.attacks.values():
        if m.graph.attackers_of(x.id):
            assert (x.source, x.id) in drawn and (x.id, x.target) in drawn
        else:
            assert (x.source, x.target) in drawn


@needs_dot
def test_the_html_view_marks_the_point_and_both_halves_and_nests_counter_attacks() -> None:
    page = to_html(granted_but().build())
    assert page.count('data-element="X1" data-kind="attack"') == 3  # the point and two halves
    assert page.count('data-element="X2" data-kind="attack"') == 1
    x1 = page.index('data-ref="X1" aria-label')
    x2 = page.index('data-ref="X2" aria-label')
    assert x1 < x2 and "counter-attack (on an attack)" in page[x1 : x2 + 200]
    assert "再反論（反論へ）" in to_html(granted_but(lang="ja").build())


@needs_dot
def test_self_attacks_and_circles_of_counter_attacks_draw() -> None:
    b = MapBuilder("t")
    b.premise("P1", "p")
    b.premise("P2", "q")
    b.attack("X1", "P2", "X1")
    b.attack("X3", "P1", "X4")
    b.attack("X4", "P1", "X3")
    page = to_html(b.build())
    assert page.count('data-element="X3" data-kind="attack"') == 3
