"""Graph algorithms over the support graph, on integer indices, all iterative.

The *support graph* has an edge from a claim to each inference that uses it
as a premise, and from each inference to its conclusion. Attacks are not
support. Everything here runs in time linear (or, for :func:`support`,
``n log n``) in the size of the map, with loops instead of recursion, so a
100,000-step chain neither overflows the stack nor goes quadratic.

>>> from argmap.model import MapBuilder
>>> b = MapBuilder("t")
>>> b.evidence("E1", "e"); b.hypothesis("H1", "h"); b.conclusion("C1", "c")
>>> b.conclusion("C2", "d"); b.conclusion("C3", "x")
>>> b.inference("I1", ["E1", "H1"], "C1"); b.inference("I2", ["C1", "C3"], "C2")
>>> b.inference("I3", ["C2"], "C3")
>>> ix = Index(b.build())
>>> g = ground(ix)
>>> [ix.claim_ids[c] for c in range(ix.n_claims) if g.level[c] == 1]
['H1', 'C1']
>>> [[ix.claim_ids[c] for c in comp] for comp in cyclic_components(ix)]
[['C2', 'C3']]
"""

from __future__ import annotations

import enum
import heapq
from collections.abc import Iterator

from argmap.model import ArgumentMap, Kind

__all__ = [
    "CAP",
    "INF",
    "Capped",
    "Grounding",
    "Index",
    "Labelling",
    "Status",
    "Support",
    "blockers",
    "component_inferences",
    "cycle_through",
    "cyclic_components",
    "ground",
    "label",
    "merge",
    "strongly_connected",
    "support",
    "suppositions",
]

EVIDENCE, PREMISE, ASSUMPTION, HYPOTHESIS, CONCLUSION = range(5)
_KIND_CODE = {
    Kind.EVIDENCE: EVIDENCE,
    Kind.PREMISE: PREMISE,
    Kind.ASSUMPTION: ASSUMPTION,
    Kind.HYPOTHESIS: HYPOTHESIS,
    Kind.CONCLUSION: CONCLUSION,
    Kind.BLANK: PREMISE,  # a kind the student has still to choose: taken as given
}

#: The level of a claim that is never grounded.
INF = 3


class Index:
    """The map as integer arrays: claims ``0..n_claims-1`` and inferences
    ``0..n_inferences-1``, both in file order.

    ``premises[i]`` are the distinct premise claims of inference ``i``,
    ``conclusion[i]`` its conclusion; ``concluding[c]`` and ``using[c]`` are
    the inferences that conclude or use claim ``c``.
    """

    __slots__ = (
        "attack_ids",
        "attack_source",
        "attack_target",
        "attacks_from",
        "attacks_on",
        "claim_ids",
        "claim_pos",
        "concluding",
        "conclusion",
        "inference_ids",
        "inference_pos",
        "kind",
        "n_attacks",
        "n_claims",
        "n_inferences",
        "premises",
        "strength",
        "using",
    )

    def __init__(self, amap: ArgumentMap) -> None:
        claims = amap.claims
        self.claim_ids: list[str] = list(claims)
        self.claim_pos: dict[str, int] = {cid: n for n, cid in enumerate(self.claim_ids)}
        self.n_claims = nc = len(self.claim_ids)
        kind_code = _KIND_CODE
        self.kind: list[int] = [kind_code[c.kind] for c in claims.values()]
        self.inference_ids: list[str] = list(amap.inferences)
        self.inference_pos: dict[str, int] = {iid: n for n, iid in enumerate(self.inference_ids)}
        self.n_inferences = len(self.inference_ids)
        pos = self.claim_pos
        infs = list(amap.inferences.values())
        # Distinct premises, in file order (a premise listed twice counts once).
        premises: list[list[int]] = [
            [pos[p] for p in ps]
            if len(ps) < 2 or len(set(ps)) == len(ps)
            else [pos[p] for p in dict.fromkeys(ps)]
            for ps in [inf.premises for inf in infs]
        ]
        conclusion: list[int] = [pos[inf.conclusion] for inf in infs]
        strength: list[float] = [1.0 if inf.strength is None else inf.strength for inf in infs]
        concluding: list[list[int]] = [[] for _ in range(nc)]
        using: list[list[int]] = [[] for _ in range(nc)]
        for i, prem in enumerate(premises):
            for p in prem:
                using[p].append(i)
        for i, k in enumerate(conclusion):
            concluding[k].append(i)
        self.premises = premises
        self.conclusion = conclusion
        self.strength = strength
        self.concluding = concluding
        self.using = using
        # Attacks: the source is a claim; the target is a node, claims first
        # (``c``), then inferences (``n_claims + i``), then attacks
        # (``n_claims + n_inferences + a``: an attack on an attack).
        ipos = self.inference_pos
        base = nc + self.n_inferences
        self.attack_ids: list[str] = list(amap.attacks)
        self.n_attacks = len(self.attack_ids)
        self.attack_source: list[int] = []
        self.attack_target: list[int] = []
        self.attacks_from: dict[int, list[int]] = {}
        self.attacks_on: dict[int, list[int]] = {}
        apos: dict[str, int] | None = None  # made on the first attack on an attack
        for a, att in enumerate(amap.attacks.values()):
            s_ = pos[att.source]
            t = pos.get(att.target)
            if t is None:
                j = ipos.get(att.target)
                if j is None:
                    if apos is None:
                        apos = {aid: n for n, aid in enumerate(self.attack_ids)}
                    t = base + apos[att.target]
                else:
                    t = nc + j
            self.attack_source.append(s_)
            self.attack_target.append(t)
            self.attacks_from.setdefault(s_, []).append(a)
            self.attacks_on.setdefault(t, []).append(a)

    def node_id(self, node: int) -> str:
        """The id of a node of the combined space (claims, then inferences, then attacks)."""
        if node < self.n_claims:
            return self.claim_ids[node]
        i = node - self.n_claims
        if i < self.n_inferences:
            return self.inference_ids[i]
        return self.attack_ids[i - self.n_inferences]


# -- strongly connected components -------------------------------------------


def strongly_connected(ix: Index) -> list[int]:
    """The component number of every claim, by Tarjan's algorithm without recursion.

    Two claims share a component when each supports the other through some
    chain of inferences. Components are numbered so that a component only
    supports components with smaller numbers (sinks first). An inference
    belongs to the component of its conclusion when one of its premises is
    in it too.
    """
    n = ix.n_claims
    conclusion = ix.conclusion
    succ = [[conclusion[i] for i in us] if us else () for us in ix.using]
    index = [0] * n
    low = [0] * n
    comp = [-1] * n
    stack: list[int] = []
    counter = 1
    ncomp = 0
    for root in range(n):
        if index[root] or not succ[root]:
            if not index[root]:  # a claim that supports nothing is its own component
                comp[root] = ncomp
                ncomp += 1
                index[root] = counter
                counter += 1
            continue
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        work: list[tuple[int, Iterator[int]]] = [(root, iter(succ[root]))]
        while work:
            v, it = work[-1]
            for w in it:
                if not index[w]:
                    index[w] = low[w] = counter
                    counter += 1
                    stack.append(w)
                    work.append((w, iter(succ[w])))
                    break
                if comp[w] < 0 and index[w] < low[v]:
                    low[v] = index[w]
            else:
                work.pop()
                lv = low[v]
                if work:
                    u = work[-1][0]
                    low[u] = min(low[u], lv)
                if lv == index[v]:
                    w = stack.pop()
                    comp[w] = ncomp
                    while w != v:
                        w = stack.pop()
                        comp[w] = ncomp
                    ncomp += 1
    return comp


def cyclic_components(ix: Index, comp: list[int] | None = None) -> list[list[int]]:
    """The claims of each component that contains a cycle, in file order,
    components ordered by their first claim.

    A component has a cycle when it has two claims or more, or one claim
    that is among the premises of an inference concluding it.
    """
    if comp is None:
        comp = strongly_connected(ix)
    members: dict[int, list[int]] = {}
    seen: set[int] = set()
    multi: set[int] = set()
    for k in comp:
        if k in seen:
            multi.add(k)
        else:
            seen.add(k)
    for c, k in enumerate(comp):
        if k in multi:
            members.setdefault(k, []).append(c)
    conclusion = ix.conclusion
    for i, prem in enumerate(ix.premises):
        k = conclusion[i]
        if k in prem and comp[k] not in members:
            members[comp[k]] = [k]
    return sorted(members.values())


def component_inferences(ix: Index, comp: list[int], claims: list[int]) -> list[int]:
    """The inferences inside a component: their conclusion and a premise are in it."""
    k = comp[claims[0]]
    found: set[int] = set()
    for c in claims:
        for i in ix.concluding[c]:
            if any(comp[p] == k for p in ix.premises[i]):
                found.add(i)
    return sorted(found)


def cycle_through(ix: Index, comp: list[int], start: int) -> list[tuple[int, int]]:
    """A shortest cycle from claim ``start`` back to itself inside its component,
    found breadth-first trying inferences in file order.

    Returns the steps ``(inference, claim)``: ``start -> i1 -> c1 -> ... -> start``.
    """
    k = comp[start]
    conclusion = ix.conclusion
    using = ix.using
    parent: dict[int, tuple[int, int]] = {}
    frontier = [start]
    while frontier:
        nxt: list[int] = []
        for c in frontier:
            for i in using[c]:
                d = conclusion[i]
                if comp[d] != k:
                    continue
                if d == start:
                    steps = [(i, d)]
                    back = c
                    while back != start:
                        pi, pc = parent[back]
                        steps.append((pi, back))
                        back = pc
                    steps.reverse()
                    return steps
                if d not in parent:
                    parent[d] = (i, c)
                    nxt.append(d)
        frontier = nxt
    raise ValueError("start is not on a cycle")  # pragma: no cover - callers pass cyclic components


# -- grounding ----------------------------------------------------------------


#: How many suppositions or blockers a claim keeps by name (the first in file order).
CAP = 16

#: A capped set: the smallest (first in file order) members, and whether there are more.
Capped = tuple[tuple[int, ...], bool]
_NONE: Capped = ((), False)


def merge(parts: list[Capped]) -> Capped:
    """Union of capped sets, capped again. The first :data:`CAP` members of a
    union are among the first :data:`CAP` of its parts, so this is exact.

    >>> merge([((1, 5), False), ((2, 5), False)])
    ((1, 2, 5), False)
    """
    parts = [p for p in parts if p[0]]
    if not parts:
        return _NONE
    if len(parts) == 1:
        return parts[0]
    members: set[int] = set()
    more = False
    for items, m in parts:
        members.update(items)
        more = more or m
    ordered = sorted(members)
    if len(ordered) > CAP:
        return tuple(ordered[:CAP]), True
    return tuple(ordered), more


class Grounding:
    """The result of :func:`ground`.

    ``level[c]`` is 0 for claims in G0 (grounded by evidence and premises),
    1 for G1 - G0 (needs a hypothesis), 2 for G2 - G1 (needs an assumption)
    and :data:`INF` for claims never grounded. ``without_hypotheses[c]`` says
    whether ``c`` is grounded by evidence, premises and assumptions alone.
    ``justification[c]`` is the inference that grounded ``c`` first (-1 for
    base claims and claims never grounded); ``order`` lists the claims of G1
    and G2 in the order they were grounded (a derivation order).
    """

    __slots__ = ("justification", "level", "order", "without_hypotheses")

    def __init__(
        self, level: list[int], justification: list[int], order: list[int], without_hypotheses: list[bool]
    ) -> None:
        self.level = level
        self.justification = justification
        self.order = order
        self.without_hypotheses = without_hypotheses


def _propagate(
    ix: Index, queue: list[int], level: list[int], missing: list[int], lvl: int, *, just: list[int] | None
) -> None:
    using = ix.using
    conclusion = ix.conclusion
    for c in queue:  # the queue grows while we walk it
        for i in using[c]:
            m = missing[i] - 1
            missing[i] = m
            if m == 0:
                k = conclusion[i]
                if level[k] > lvl:
                    level[k] = lvl
                    if just is not None:
                        just[k] = i
                    queue.append(k)


def ground(ix: Index) -> Grounding:
    """G0, G1 and G2 as least fixed points by forward propagation, in linear time.

    A claim is grounded when it is a base claim, or when some inference
    concluding it has at least one premise and all its premises grounded.
    The base of G0 is evidence and premises; G1 adds hypotheses, G2 adds
    assumptions. Each level continues the propagation of the one before.
    """
    nc = ix.n_claims
    kind = ix.kind
    level = [INF] * nc
    just = [-1] * nc
    missing = [len(p) for p in ix.premises]
    order: list[list[int]] = []
    alone: list[int] = []
    for lvl, base in ((0, (EVIDENCE, PREMISE)), (1, (HYPOTHESIS,)), (2, (ASSUMPTION,))):
        queue = [c for c in range(nc) if kind[c] in base and level[c] > lvl]
        for c in queue:
            level[c] = lvl
        _propagate(ix, queue, level, missing, lvl, just=just)
        order.append(queue)
        if lvl == 0:
            # Evidence, premises and assumptions alone (no hypotheses): G0
            # continued with the assumptions, on copies.
            alone = level[:]
            rest = [c for c in range(nc) if kind[c] == ASSUMPTION and alone[c] > 0]
            for c in rest:
                alone[c] = 0
            _propagate(ix, rest, alone, missing[:], 0, just=None)
    return Grounding(level, just, order[1] + order[2], [a == 0 for a in alone])


def suppositions(ix: Index, grounding: Grounding) -> tuple[dict[int, Capped], dict[int, Capped]]:
    """The hypotheses and the assumptions each claim of G1 and G2 was grounded
    with: those on the derivation that grounded it first, as capped sets
    (see :func:`merge`), computed along the derivation order.
    """
    hyps: dict[int, Capped] = {}
    assumed: dict[int, Capped] = {}
    premises = ix.premises
    kind = ix.kind
    just = grounding.justification
    for c in grounding.order:
        i = just[c]
        if i < 0:
            (hyps if kind[c] == HYPOTHESIS else assumed)[c] = ((c,), False)
        else:
            prem = premises[i]
            h = merge([hyps.get(p, _NONE) for p in prem])
            a = merge([assumed.get(p, _NONE) for p in prem])
            if h[0]:
                hyps[c] = h
            if a[0]:
                assumed[c] = a
    return hyps, assumed


def blockers(ix: Index, grounding: Grounding, comp: list[int]) -> dict[int, Capped]:
    """Why claims are never grounded: for each claim outside G2, the nodes
    where its support stops (a capped set of nodes of the combined space).

    A blocking node is a claim that no inference concludes, an inference
    with no premises (node ``n_claims + i``), or the first claim of a
    circle of claims whose only support is each other. Claims of one
    component share their set. Components are visited premises first, so
    this is linear in the map.
    """
    level = grounding.level
    nc = ix.n_claims
    members: dict[int, list[int]] = {}
    for c in range(nc):
        if level[c] == INF:
            members.setdefault(comp[c], []).append(c)
    block: dict[int, Capped] = {}
    premises = ix.premises
    concluding = ix.concluding
    for k in sorted(members, reverse=True):  # premises before conclusions
        own: set[int] = set()
        parts: list[Capped] = []
        circular = False
        for c in members[k]:
            if not concluding[c]:
                own.add(c)
                continue
            for i in concluding[c]:
                prem = premises[i]
                if not prem:
                    own.add(nc + i)
                for p in prem:
                    if level[p] == INF:
                        if comp[p] == k:
                            circular = True
                        else:
                            parts.append(block[p])
        if circular:
            own.add(members[k][0])
        ordered = sorted(own)
        parts.append((tuple(ordered[:CAP]), len(ordered) > CAP))
        result = merge(parts)
        for c in members[k]:
            block[c] = result
    return block


# -- chain strength -----------------------------------------------------------


class Support:
    """The result of :func:`support`: ``value[c]`` in [0, 1]; for claims
    concluded by inferences, ``best[c]`` is the inference of the best chain
    (-1 if none), ``weakest_premise[c]`` its weakest premise and
    ``weakest_link[c]`` the inference of least strength on that chain."""

    __slots__ = ("best", "value", "weakest_link", "weakest_premise")

    def __init__(
        self, value: list[float], best: list[int], weakest_premise: list[int], weakest_link: list[int]
    ) -> None:
        self.value = value
        self.best = best
        self.weakest_premise = weakest_premise
        self.weakest_link = weakest_link

    def chain(self, claim: int, limit: int = 32) -> list[tuple[int, int]]:
        """The best chain ending at ``claim`` as ``(inference, claim)`` steps,
        base first, at most ``limit`` steps (the last ones)."""
        steps: list[tuple[int, int]] = []
        c = claim
        while self.best[c] >= 0 and len(steps) < limit:
            steps.append((self.best[c], c))
            c = self.weakest_premise[c]
        steps.append((-1, c))
        steps.reverse()
        return steps


def support(ix: Index) -> Support:
    """Chain strength: the least fixed point of
    ``support(c) = max over inferences i concluding c of strength(i) * min(support(premises of i))``.

    Evidence, premises, hypotheses and assumptions have support 1; a
    conclusion that no inference concludes has 0. Computed like Dijkstra's
    algorithm (Knuth's generalisation to such functions): claims are settled
    in order of decreasing support, and an inference fires when its last
    premise settles, whose support is then the least of its premises.
    """
    nc = ix.n_claims
    kind = ix.kind
    strength = ix.strength
    using = ix.using
    conclusion = ix.conclusion
    value = [0.0] * nc
    best = [-1] * nc
    wprem = [-1] * nc
    wlink = [-1] * nc
    done = [False] * nc
    missing = [len(p) for p in ix.premises]
    ones = [c for c in range(nc) if kind[c] != CONCLUSION]
    for c in ones:
        value[c] = 1.0
    heap: list[tuple[float, int]] = []
    pos = 0
    while True:
        if pos < len(ones):
            c = ones[pos]
            pos += 1
        elif heap:
            _, c = heapq.heappop(heap)
        else:
            break
        if done[c]:
            continue
        done[c] = True
        vc = value[c]
        for i in using[c]:
            m = missing[i] - 1
            missing[i] = m
            if m:
                continue
            k = conclusion[i]
            if done[k] or kind[k] != CONCLUSION:
                continue
            v = strength[i] * vc
            if v > value[k]:
                value[k] = v
                best[k] = i
                wprem[k] = c
                w = wlink[c]
                wlink[k] = w if w >= 0 and strength[w] <= strength[i] else i
                if v == 1.0:
                    ones.append(k)
                else:
                    heapq.heappush(heap, (-v, k))
    return Support(value, best, wprem, wlink)


# -- the grounded labelling ---------------------------------------------------


class Status(enum.Enum):
    """The dialectical status of a claim or an inference."""

    ACCEPTED = "accepted"
    DEFEATED = "defeated"
    UNDECIDED = "undecided"


UNDECIDED, ACCEPTED, DEFEATED = 0, 1, 2


class Labelling:
    """The result of :func:`label` on the node space (claims, then inferences,
    then attacks).

    ``status[n]`` is one of ``UNDECIDED``, ``ACCEPTED``, ``DEFEATED``; for a
    defeated node, ``cause[n]`` is the attack that defeated it (directly or
    through its support) and ``via[n]`` the node it was defeated through
    (-1 when the attack hits it directly). An attack's node is accepted when
    the attack is *effective* (its source accepted, every attack on it
    defeated) and defeated when it defeats nothing (its source defeated, or
    an effective attack on it); a defeated attack's ``via`` is its source
    when the source fell.
    """

    __slots__ = ("cause", "status", "via")

    def __init__(self, status: list[int], cause: list[int], via: list[int]) -> None:
        self.status = status
        self.cause = cause
        self.via = via


def label(ix: Index) -> Labelling:
    """The grounded labelling: the least fixed point of the acceptance rules
    (see docs/checks.md), starting from everything undecided, by a worklist
    in linear time.

    Attacks are nodes too (after the claims and inferences), so that an
    attack can be the target of another: an element falls to an attack only
    while the attack is effective.
    """
    nc = ix.n_claims
    base = nc + ix.n_inferences
    n = base + ix.n_attacks
    kind = ix.kind
    premises = ix.premises
    conclusion = ix.conclusion
    using = ix.using
    concluding = ix.concluding
    a_src = ix.attack_source
    a_tgt = ix.attack_target
    attacks_from = ix.attacks_from
    attacks_on = ix.attacks_on
    status = [UNDECIDED] * n
    cause = [-1] * n
    via = [-1] * n
    att_open = [0] * n
    for t, lst in attacks_on.items():
        att_open[t] = len(lst)
    prem_open = [len(p) for p in premises]
    inf_open = [len(c) for c in concluding]
    has_acc = [False] * nc
    queue: list[int] = []
    for c in range(nc):
        if kind[c] != CONCLUSION and not att_open[c]:
            status[c] = ACCEPTED
            queue.append(c)
    for x in queue:  # grows while we walk it
        if x < nc:
            if status[x] == ACCEPTED:
                for a in attacks_from.get(x, ()):
                    na = base + a
                    if not att_open[na] and status[na] == UNDECIDED:
                        status[na] = ACCEPTED
                        queue.append(na)
                for i in using[x]:
                    prem_open[i] -= 1
                    ni = nc + i
                    if not prem_open[i] and not att_open[ni] and status[ni] == UNDECIDED:
                        status[ni] = ACCEPTED
                        queue.append(ni)
            else:  # a defeated claim: its attacks defeat nothing, its steps fall
                for a in attacks_from.get(x, ()):
                    na = base + a
                    if status[na] == UNDECIDED:
                        status[na] = DEFEATED
                        cause[na] = cause[x]
                        via[na] = x
                        queue.append(na)
                for i in using[x]:
                    ni = nc + i
                    if status[ni] == UNDECIDED:
                        status[ni] = DEFEATED
                        cause[ni] = cause[x]
                        via[ni] = x
                        queue.append(ni)
        elif x < base:
            k = conclusion[x - nc]
            if status[x] == ACCEPTED:
                has_acc[k] = True
                if not att_open[k] and status[k] == UNDECIDED:
                    status[k] = ACCEPTED
                    queue.append(k)
            else:  # a defeated inference
                inf_open[k] -= 1
                if not inf_open[k] and kind[k] == CONCLUSION and status[k] == UNDECIDED:
                    status[k] = DEFEATED
                    cause[k] = cause[x]
                    via[k] = x
                    queue.append(k)
        elif status[x] == ACCEPTED:  # an effective attack
            a = x - base
            t = a_tgt[a]
            if status[t] == UNDECIDED:
                status[t] = DEFEATED
                cause[t] = a
                queue.append(t)
        else:  # an attack that defeats nothing
            t = a_tgt[x - base]
            att_open[t] -= 1
            if att_open[t] or status[t] != UNDECIDED:
                continue
            if t >= base:
                if status[a_src[t - base]] == ACCEPTED:
                    status[t] = ACCEPTED
                    queue.append(t)
            elif t >= nc:
                if premises[t - nc] and not prem_open[t - nc]:
                    status[t] = ACCEPTED
                    queue.append(t)
            elif kind[t] != CONCLUSION or has_acc[t]:
                status[t] = ACCEPTED
                queue.append(t)
    return Labelling(status, cause, via)
