"""Properties of the checks on generated maps, each against an oracle written
here the slow, obvious way (reachability by search, fixed points by
re-scanning until nothing changes)."""

from __future__ import annotations

import itertools
from collections.abc import Iterable

from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.checks import Status, check, labelling
from argmap.checks.graph import INF, Index, ground, support, suppositions
from argmap.checks.text import display_width, shorten, similarity
from argmap.model import ArgumentMap, Kind, MapBuilder

KINDS = [k.value for k in Kind]
SETTINGS = settings(max_examples=150, deadline=None)


@st.composite
def maps(
    draw: st.DrawFn,
    max_claims: int = 7,
    max_inferences: int = 7,
    max_attacks: int = 5,
    kinds: list[str] = KINDS,
    *,
    counter_attacks: bool = False,
) -> ArgumentMap:
    """Small random maps: any kinds, inferences with 0-3 premises (repeats
    allowed), optional strengths, attacks on claims and inferences (and, with
    ``counter_attacks``, on attacks: chains, circles, an attack on itself)."""
    n_claims = draw(st.integers(1, max_claims))
    b = MapBuilder("generated")
    words = ["rain", "wind", "sun", "cold", "雨", "風が強い", "晴れ", "寒い"]
    for c in range(n_claims):
        text = " ".join(draw(st.lists(st.sampled_from(words), min_size=1, max_size=3)))
        b.claim(f"C{c}", draw(st.sampled_from(kinds)), text, conditional=draw(st.booleans()))
    claim_ids = [f"C{c}" for c in range(n_claims)]
    n_inf = draw(st.integers(0, max_inferences))
    for i in range(n_inf):
        premises = draw(st.lists(st.sampled_from(claim_ids), max_size=3))
        strength = draw(st.none() | st.sampled_from([0.3, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0]))
        b.inference(f"I{i}", premises, draw(st.sampled_from(claim_ids)), strength=strength)
    targets = claim_ids + [f"I{i}" for i in range(n_inf)]
    n_att = draw(st.integers(0, max_attacks))
    if counter_attacks:
        targets += [f"X{x}" for x in range(n_att)]
    for x in range(n_att):
        b.attack(f"X{x}", draw(st.sampled_from(claim_ids)), draw(st.sampled_from(targets)))
    return b.build()


# -- oracles -----------------------------------------------------------------------


def support_edges(m: ArgumentMap) -> dict[str, set[str]]:
    edges: dict[str, set[str]] = {n: set() for n in [*m.claims, *m.inferences]}
    for inf in m.inferences.values():
        for p in inf.premises:
            edges[p].add(inf.id)
        edges[inf.id].add(inf.conclusion)
    return edges


def reach(edges: dict[str, set[str]], start: str) -> set[str]:
    """Nodes reachable from ``start`` by one edge or more."""
    seen: set[str] = set()
    todo = list(edges[start])
    while todo:
        n = todo.pop()
        if n not in seen:
            seen.add(n)
            todo.extend(edges[n])
    return seen


def cyclic_parts(m: ArgumentMap) -> set[frozenset[str]]:
    edges = support_edges(m)
    r = {n: reach(edges, n) for n in edges}
    return {frozenset({n} | {u for u in r[n] if n in r[u]}) for n in edges if n in r[n]}


def naive_ground(m: ArgumentMap, base: Iterable[Kind]) -> set[str]:
    base = set(base)
    g = {c.id for c in m.claims.values() if c.kind in base}
    changed = True
    while changed:
        changed = False
        for inf in m.inferences.values():
            if inf.premises and all(p in g for p in inf.premises) and inf.conclusion not in g:
                g.add(inf.conclusion)
                changed = True
    return g


G0 = (Kind.EVIDENCE, Kind.PREMISE, Kind.BLANK)  # a kind still to choose is taken as given
G1 = (*G0, Kind.HYPOTHESIS)
G2 = (*G1, Kind.ASSUMPTION)


def naive_support(m: ArgumentMap) -> dict[str, float]:
    value = {c.id: (0.0 if c.kind is Kind.CONCLUSION else 1.0) for c in m.claims.values()}
    for _ in range(len(m.claims) + 1):  # best chains are simple paths: n rounds suffice
        for inf in m.inferences.values():
            c = inf.conclusion
            if m.claims[c].kind is not Kind.CONCLUSION or not inf.premises:
                continue
            v = (1.0 if inf.strength is None else inf.strength) * min(value[p] for p in inf.premises)
            value[c] = max(value[c], v)
    return value


def naive_labelling(m: ArgumentMap) -> dict[str, Status]:
    """The labelling rules of issue 3, applied by re-scanning until nothing changes.

    An attack is labelled too (accepted: effective, its source accepted and
    every attack on it defeated; defeated: its source defeated or an attack
    on it accepted); an element reads the status of the attacks on it. The
    result holds the claims and inferences.
    """
    lab = dict.fromkeys([*m.claims, *m.inferences, *m.attacks], Status.UNDECIDED)
    attackers: dict[str, list[str]] = {n: [] for n in lab}
    for att in m.attacks.values():
        attackers[att.target].append(att.id)
    concluding: dict[str, list[str]] = {c: [] for c in m.claims}
    for inf in m.inferences.values():
        concluding[inf.conclusion].append(inf.id)
    A, D = Status.ACCEPTED, Status.DEFEATED
    changed = True
    while changed:
        changed = False
        for n, now in lab.items():
            if now is not Status.UNDECIDED:
                continue
            all_att_defeated = all(lab[a] is D for a in attackers[n])
            some_att_accepted = any(lab[a] is A for a in attackers[n])
            new = now
            if n in m.attacks:
                source = lab[m.attacks[n].source]
                if source is A and all_att_defeated:
                    new = A
                elif source is D or some_att_accepted:
                    new = D
            elif n in m.inferences:
                prem = m.inferences[n].premises
                if prem and all(lab[p] is A for p in prem) and all_att_defeated:
                    new = A
                elif any(lab[p] is D for p in prem) or some_att_accepted:
                    new = D
            elif m.claims[n].kind is not Kind.CONCLUSION:
                new = A if all_att_defeated else D if some_att_accepted else now
            else:
                infs = concluding[n]
                if all_att_defeated and any(lab[i] is A for i in infs):
                    new = A
                elif some_att_accepted or (infs and all(lab[i] is D for i in infs)):
                    new = D
            if new is not now:
                lab[n] = new
                changed = True
    return {n: s for n, s in lab.items() if n not in m.attacks}


def grounded_extension(args: list[str], attacks: list[tuple[str, str]]) -> set[str]:
    """Dung's grounded extension: iterate the characteristic function from the empty set."""
    ext: set[str] = set()
    while True:
        nxt = {a for a in args if all(any((d, b) in attacks for d in ext) for (b, t) in attacks if t == a)}
        if nxt == ext:
            return ext
        ext = nxt


# -- properties -----------------------------------------------------------------------


@SETTINGS
@given(maps())
def test_circular_support_reports_exactly_the_cyclic_strongly_connected_parts(m: ArgumentMap) -> None:
    found = [frozenset(d.elements) for d in check(m, select=["circular-support"])]
    assert len(found) == len(set(found))  # each part once
    assert set(found) == cyclic_parts(m)


@SETTINGS
@given(maps())
def test_cycle_paths_are_real_cycles_through_the_main_element(m: ArgumentMap) -> None:
    for d in check(m, select=["circular-support"]):
        p = d.path
        assert p[0] == p[-1] == d.elements[0]
        assert len(p) >= 3 and len(p) % 2 == 1
        assert len(set(p[:-1])) == len(p) - 1  # a simple cycle
        for a, b in itertools.pairwise(p):
            if a in m.claims:
                assert a in m.inferences[b].premises
            else:
                assert m.inferences[a].conclusion == b
        assert set(p) <= set(d.elements)


@SETTINGS
@given(maps())
def test_grounding_matches_a_naive_fixed_point(m: ArgumentMap) -> None:
    ix = Index(m)
    g = ground(ix)
    levels = {ix.claim_ids[c]: g.level[c] for c in range(ix.n_claims)}
    g0, g1, g2 = naive_ground(m, G0), naive_ground(m, G1), naive_ground(m, G2)
    assert {c for c, lv in levels.items() if lv <= 0} == g0
    assert {c for c, lv in levels.items() if lv <= 1} == g1
    assert {c for c, lv in levels.items() if lv <= 2} == g2
    assert {c for c, lv in levels.items() if lv == INF} == set(m.claims) - g2
    alone = naive_ground(m, (*G0, Kind.ASSUMPTION))
    assert {ix.claim_ids[c] for c in range(ix.n_claims) if g.without_hypotheses[c]} == alone
    # the suppositions named for a claim really ground it, together with G0
    hyps, assumed = suppositions(ix, g)
    for c in range(ix.n_claims):
        if g.level[c] in (1, 2):
            named = {ix.claim_ids[s] for s in hyps.get(c, ((), False))[0]}
            named |= {ix.claim_ids[s] for s in assumed.get(c, ((), False))[0]}
            b = m.edit()
            for s in named:
                b.remove(s)
                b.evidence(s, "granted")
            assert ix.claim_ids[c] in naive_ground(b.build(), G0)


@SETTINGS
@given(maps(), st.data())
def test_adding_an_evidence_premise_never_removes_a_claim_from_g0(
    m: ArgumentMap, data: st.DataObject
) -> None:
    if not m.inferences:
        return
    before = naive_ground(m, G0)
    ix = Index(m)
    assert {ix.claim_ids[c] for c in range(ix.n_claims) if ground(ix).level[c] == 0} == before
    target = data.draw(st.sampled_from(list(m.inferences)))
    evidence = [c.id for c in m.claims.values() if c.kind is Kind.EVIDENCE]
    b = m.edit()
    if evidence and data.draw(st.booleans()):
        extra = data.draw(st.sampled_from(evidence))
    else:
        extra = "Enew"
        b.evidence(extra, "new evidence")
    inf = m.inferences[target]
    b.remove(target)
    b.inference(target, [*inf.premises, extra], inf.conclusion, strength=inf.strength)
    after_ix = Index(b.build())
    after = {after_ix.claim_ids[c] for c in range(after_ix.n_claims) if ground(after_ix).level[c] == 0}
    assert before <= after


@settings(max_examples=300, deadline=None)
@given(maps(max_claims=6, max_inferences=12, max_attacks=0, kinds=["evidence", *["conclusion"] * 3]))
def test_chain_strength_matches_a_naive_fixed_point(m: ArgumentMap) -> None:
    ix = Index(m)
    s = support(ix)
    expected = naive_support(m)
    for c in range(ix.n_claims):
        assert abs(s.value[c] - expected[ix.claim_ids[c]]) < 1e-9
        if s.best[c] >= 0:  # the chain reported really yields the value
            chain = s.chain(c, limit=10_000)
            product = 1.0
            for i, _ in chain[1:]:
                product *= ix.strength[i]
            assert abs(product - s.value[c]) < 1e-9


@SETTINGS
@given(maps(counter_attacks=True))
def test_labelling_matches_the_rules_applied_naively(m: ArgumentMap) -> None:
    assert dict(labelling(m)) == naive_labelling(m)


@SETTINGS
@given(maps(max_inferences=0, max_attacks=10))
def test_labelling_is_dungs_grounded_semantics_on_attack_only_maps(m: ArgumentMap) -> None:
    args = [c.id for c in m.claims.values() if c.kind is not Kind.CONCLUSION]
    attacks = [(a.source, a.target) for a in m.attacks.values() if a.source in args and a.target in args]
    if len(attacks) != len(m.attacks):
        return  # the rules coincide with Dung's only when no conclusion is involved
    ext = grounded_extension(args, attacks)
    lab = labelling(m)
    assert {a for a in args if lab[a] is Status.ACCEPTED} == ext
    assert {a for a in args if lab[a] is Status.DEFEATED} == {t for (s, t) in attacks if s in ext}


@SETTINGS
@given(maps(counter_attacks=True))
def test_without_attacks_the_accepted_claims_are_g2(m: ArgumentMap) -> None:
    b = m.edit()
    for x in list(m.attacks):
        b.remove(x)
    lab = labelling(b.build())
    assert {c for c in m.claims if lab[c] is Status.ACCEPTED} == naive_ground(m, G2)
    assert Status.DEFEATED not in set(lab.values())


@SETTINGS
@given(maps(counter_attacks=True))
def test_output_is_deterministic_and_ordered_by_file_order_then_code(m: ArgumentMap) -> None:
    first = check(m)
    assert first == check(m) == check(m.edit().build())
    order = {eid: n for n, eid in enumerate([*m.claims, *m.inferences, *m.attacks])}
    keys = [(order[d.elements[0]], d.code) for d in first]
    assert keys == sorted(keys)


@SETTINGS
@given(maps(counter_attacks=True))
def test_dialectic_findings_agree_with_the_labelling(m: ArgumentMap) -> None:
    lab = naive_labelling(m)
    g2 = naive_ground(m, G2)
    conclusions = {c.id for c in m.claims.values() if c.kind is Kind.CONCLUSION}
    defeated = {d.elements[0] for d in check(m, select=["defeated-conclusion"])}
    contested = {d.elements[0] for d in check(m, select=["contested-conclusion"])}
    assert defeated == {c for c in conclusions & g2 if lab[c] is Status.DEFEATED}
    assert contested == {c for c in conclusions & g2 if lab[c] is Status.UNDECIDED}
    for d in check(m, select=["defeated-conclusion"]):
        attack = m.attacks[d.path[0]]
        assert d.path[1] == attack.target and d.path[-1] == d.elements[0]


TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40)


@SETTINGS
@given(TEXT, TEXT)
def test_similarity_is_symmetric_and_bounded(a: str, b: str) -> None:
    s = similarity(a, b)
    assert 0.0 <= s <= 1.0
    assert s == similarity(b, a)
    assert similarity(a, a) in (0.0, 1.0)


@SETTINGS
@given(TEXT, st.integers(4, 60))
def test_shorten_fits_the_width_and_keeps_a_prefix(text: str, width: int) -> None:
    out = shorten(text, width)
    flat = " ".join(text.split())
    assert display_width(out) <= max(width, display_width(flat) if out == flat else width)
    if out != flat:
        assert out.endswith("…")
        assert flat.startswith(out[:-1])
