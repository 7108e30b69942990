"""The model: immutable elements, a builder, and a graph view that agrees with the map."""

from __future__ import annotations

import datetime

import attrs
import pytest
from hypothesis import given

import argmap
from argmap import ArgmapError, ArgumentMap, Claim, Inference, Kind, MapBuilder, Source
from tests.strategies import maps


def small() -> ArgumentMap:
    b = MapBuilder("t", lang="ja")
    b.evidence("E1", "a", source=Source(url="https://example.org", date="2023.05.09"))
    b.hypothesis("H1", "b")
    b.conclusion("C1", "c")
    b.inference("I1", ["E1", "H1"], "C1", strength=0.5)
    b.attack("X1", "H1", "I1")
    return b.build()


def test_elements_are_frozen() -> None:
    m = small()
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        m.title = "u"  # type: ignore[misc]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        m.claims["E1"].text = "x"  # type: ignore[misc]
    with pytest.raises(TypeError):
        m.claims["Z"] = m.claims["E1"]  # type: ignore[index]


def test_mappings_keep_insertion_order_and_types() -> None:
    m = small()
    assert list(m.claims) == ["E1", "H1", "C1"]
    assert m.claims["E1"].source == Source(url="https://example.org", date=datetime.date(2023, 5, 9))
    assert m.claims["H1"].kind is Kind.HYPOTHESIS
    assert m.element("X1") == m.attacks["X1"]
    assert "I1" in m and "nope" not in m
    with pytest.raises(KeyError):
        m.element("nope")


def test_edit_returns_a_new_map_and_leaves_the_old_one() -> None:
    m = small()
    b = m.edit()
    b.remove("X1")
    b.premise("P1", "d")
    m2 = b.build()
    assert "X1" in m and "X1" not in m2
    assert "P1" in m2 and "P1" not in m
    assert m2.graph.attackers_of("I1") == ()
    assert m.graph.attackers_of("I1") == ("X1",)
    assert attrs.evolve(m, title="u").claims == m.claims


def test_builder_reports_every_broken_reference() -> None:
    b = MapBuilder("t")
    b.conclusion("C1", "c")
    b.inference("I1", ["E9"], "C9")
    b.attack("X1", "I1", "Q")
    with pytest.raises(ArgmapError) as info:
        b.build()
    assert [p.message for p in info.value.problems] == [
        "inference 'I1': premise 'E9' is not a claim",
        "inference 'I1': conclusion 'C9' is not a claim",
        "attack 'X1': source 'I1' is not a claim",
        "attack 'X1': target 'Q' is not a claim, an inference or an attack",
    ]


def test_ids_unique_across_kinds_when_built_directly() -> None:
    c = Claim("A", Kind.PREMISE, "x")
    i = argmap.Inference("A", ("A",), "A")
    with pytest.raises(ArgmapError, match="id 'A' is used twice"):
        ArgumentMap("t", claims=[c], inferences=[i])


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda: Claim("1x", Kind.PREMISE, "a"), "'1x' is not a valid id"),
        (lambda: Claim("x", "opinion", "a"), "unknown kind 'opinion': kinds are evidence, premise"),  # type: ignore[arg-type]
        (lambda: Source(url="file:///etc/passwd"), "is not an http or https URL"),
        (lambda: Source(date="yesterday"), "'yesterday' is not a date"),
        (lambda: argmap.Inference("I", ("A",), "B", strength=1.01), "strength must be a number from 0 to 1"),
    ],
)
def test_values_are_validated_in_code_too(make, message) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValueError, match=message):
        make()


def test_builder_duplicate_id() -> None:
    b = MapBuilder("t")
    b.premise("P1", "a")
    with pytest.raises(ArgmapError, match="id 'P1' is already used"):
        b.inference("P1", [], "P1")


def test_graph_is_built_once() -> None:
    m = small()
    assert m.graph is m.graph


@given(maps())
def test_graph_view_agrees_with_a_brute_force_reading(m: ArgumentMap) -> None:
    g = m.graph
    for cid in m.claims:
        assert g.inferences_concluding(cid) == tuple(
            i.id for i in m.inferences.values() if i.conclusion == cid
        )
        assert g.inferences_using(cid) == tuple(i.id for i in m.inferences.values() if cid in i.premises)
    for eid in [*m.claims, *m.inferences]:
        assert g.attackers_of(eid) == tuple(a.id for a in m.attacks.values() if a.target == eid)
    for iid, inf in m.inferences.items():
        assert g.premises_of(iid) == inf.premises


@given(maps())
def test_maps_from_the_strategy_are_sound_and_equal_to_their_rebuild(m: ArgumentMap) -> None:
    assert m.edit().build() == m


def test_public_constructors_check_even_with_attrs_validators_switched_off() -> None:
    """The checks of a map never depend on a process-wide switch."""
    b = MapBuilder("t")
    b.conclusion("C1", "c")
    b.inference("I1", ["E9"], "C1")
    with attrs.validators.disabled(), pytest.raises(ArgmapError, match="'E9' is not a claim"):
        b.build()
    claims = {"C1": Claim("C1", "conclusion", "c")}
    inferences = {"I1": Inference("I1", ["E9"], "C1")}
    with attrs.validators.disabled(), pytest.raises(ArgmapError, match="'E9' is not a claim"):
        ArgumentMap("t", claims=claims, inferences=inferences)


def test_only_the_loader_uses_the_trusted_constructor() -> None:
    from pathlib import Path

    package = Path(__file__).resolve().parent.parent / "argmap"
    users = {
        str(p.relative_to(package))
        for p in package.rglob("*.py")
        if "._trusted(" in p.read_text(encoding="utf-8")
    }
    assert users and all(u.startswith("formats/") for u in users), users
