"""Views that draw part of a large map: :func:`focus`, :func:`select`, :func:`split`.

A map of hundreds of elements is hard to read whatever its layout. A
:class:`View` is the part of a map to draw: a sub-map (itself a sound
:class:`~argmap.model.ArgumentMap`) and, for each drawn element whose
supports or attacks are left out, how many elements lie beyond. Drawing a
view (``argmap.render(view, "part.svg", findings=argmap.check(whole))``)
keeps the findings of the whole map: a finding on an element drawn shows its
badge.

What lies *upstream* of an element is what supports or attacks it: for a
claim, the inferences that conclude it and the attacks on it; for an
inference, its premises and the attacks on it; for an attack, the claim that
makes it.

*One step* back from a claim is: the inferences that conclude it and their
premises, and the attacks on the claim and on those inferences with the
claims that make them. :func:`focus` draws the named elements and what lies
up to ``depth`` steps back from them.

>>> from argmap.model import MapBuilder
>>> b = MapBuilder("t")
>>> b.evidence("E1", "a"); b.premise("P1", "b"); b.conclusion("C1", "c"); b.conclusion("C2", "d")
>>> b.inference("I1", ["E1", "P1"], "C1"); b.inference("I2", ["C1"], "C2")
>>> v = focus(b.build(), ["C2"], depth=1)
>>> list(v.map.claims), list(v.map.inferences), dict(v.beyond)
(['C1', 'C2'], ['I2'], {'C1': 3})
>>> [list(s.map.claims) for s in split(b.build())]
[['E1', 'P1', 'C1', 'C2']]
"""

from __future__ import annotations

import html
import types
import unicodedata
from collections import deque
from collections.abc import Iterable, Iterator, Mapping
from typing import Any
from urllib.parse import quote

import attrs

from argmap.checks.diagnostic import Diagnostic
from argmap.checks.registry import find_rule
from argmap.drawing.escape import printable
from argmap.errors import ArgmapError, Problem
from argmap.formats._rules import KIND_WORDS
from argmap.i18n import _, current, ngettext
from argmap.model import ArgumentMap, Kind
from argmap.support import closest, type_name

__all__ = [
    "INDEX_NAME",
    "SELECT_PREFIXES",
    "View",
    "ViewError",
    "final_conclusions",
    "focus",
    "not_drawn",
    "part_names",
    "select",
    "split",
    "split_index",
    "tags_of",
    "upstream",
]

#: The kinds of selection :func:`select` reads: ``kind:NAME``, ``tag:NAME``, ``finding:RULE``.
SELECT_PREFIXES = ("kind", "tag", "finding")
#: The words ``kind:`` reads for the final conclusions (conclusions no inference uses).
FINAL_WORDS = ("final", "最終結論")


class ViewError(ArgmapError):
    """A view that cannot be made: an unknown id, kind, tag or rule, a bad depth."""


def _refuse(message: str) -> ViewError:
    return ViewError([Problem(message)])


def _frozen_counts(value: Mapping[str, int]) -> Mapping[str, int]:
    return types.MappingProxyType(dict(value))


def _frozen_ids(value: Iterable[str]) -> frozenset[str]:
    return frozenset(value)


@attrs.frozen(eq=False)
class View:
    """The part of a map to draw.

    - ``map``: the sub-map, a sound map of the elements drawn (in the whole
      map's order, with its title, language, document and ``ignore`` for
      them). An inference whose premises are partly left out keeps the
      premises drawn.
    - ``whole``: the map it is part of.
    - ``beyond``: for each drawn element that has supports or attacks left
      out (its *cut edges*), how many elements upstream of it are not drawn.
    - ``roots``: the elements the view was made for (the named ones, the
      selected ones, the final conclusion of a part).
    - ``depths``: for :func:`focus`, each drawn element's steps back from
      the named elements (empty for other views).
    - ``final``: the drawn claims that are final conclusions of the whole map
      (a claim is drawn as final by what uses it in the whole map, not in
      the part).
    """

    map: ArgumentMap
    whole: ArgumentMap = attrs.field(repr=False)
    beyond: Mapping[str, int] = attrs.field(factory=dict, converter=_frozen_counts)
    roots: tuple[str, ...] = ()
    depths: Mapping[str, int] = attrs.field(factory=dict, converter=_frozen_counts, repr=False)
    final: frozenset[str] = attrs.field(factory=frozenset, converter=_frozen_ids, repr=False)

    @property
    def size(self) -> int:
        """How many elements are drawn (claims, inferences and attacks)."""
        m = self.map
        return len(m.claims) + len(m.inferences) + len(m.attacks)

    def __contains__(self, element_id: object) -> bool:
        return element_id in self.map

    def _repr_mimebundle_(self, include: object = None, exclude: object = None) -> dict[str, Any]:
        """Jupyter shows a view as its drawing, as it shows a map (the drawing
        code is imported here, on first display)."""
        import importlib

        bundle: dict[str, Any] = importlib.import_module("argmap.drawing.output").mimebundle(
            self, include, exclude
        )
        return bundle

    def findings(self, found: Iterable[Diagnostic]) -> list[Diagnostic]:
        """The findings of the whole map that this view shows: those about at
        least one element drawn, and those about the map as a whole (that
        name no element of it). The badge of one whose main element is left
        out goes on the first of its elements drawn."""
        whole = self.whole
        out = []
        for d in found:
            if not isinstance(d, Diagnostic):
                raise TypeError(f"findings must hold findings (argmap.check's result), not {type_name(d)}")
            if any(e in self.map for e in d.elements) or not any(e in whole for e in d.elements):
                out.append(d)
        return out


def upstream(amap: ArgumentMap, element_id: str) -> Iterator[tuple[str, int]]:
    """What supports or attacks ``element_id``, each with the steps it adds:
    1 from a claim to the inferences concluding it and the attacks on it
    (a new step begins), 0 from an inference to its premises and the attacks
    on it, and from an attack to the claim that makes it (the same step)."""
    g = amap.graph
    if element_id in amap.claims:
        for inf in g.inferences_concluding(element_id):
            yield inf, 1
        for att in g.attackers_of(element_id):
            yield att, 1
    elif element_id in amap.inferences:
        for p in dict.fromkeys(amap.inferences[element_id].premises):
            yield p, 0
        for att in g.attackers_of(element_id):
            yield att, 0
    else:
        yield amap.attacks[element_id].source, 0
        for att in g.attackers_of(element_id):  # counter-attacks answer it in the same step
            yield att, 0


def _required(amap: ArgumentMap, element_id: str, _seen: frozenset[str] = frozenset()) -> Iterator[str]:
    """What must be drawn with ``element_id`` for the sub-map to be sound:
    an inference's conclusion; an attack's source and target (and the
    conclusion of a target inference, and what a target attack needs, down a
    chain of counter-attacks)."""
    if element_id in amap.inferences:
        yield amap.inferences[element_id].conclusion
    elif element_id in amap.attacks:
        att = amap.attacks[element_id]
        yield att.source
        yield att.target
        if att.target in amap.inferences:
            yield amap.inferences[att.target].conclusion
        elif att.target in amap.attacks and att.target not in _seen:
            yield from _required(amap, att.target, _seen | {element_id})


def _check_map(amap: object) -> ArgumentMap:
    if not isinstance(amap, ArgumentMap):
        raise TypeError(f"expected an ArgumentMap, not {type_name(amap)}")
    return amap


def _ids(ids: object) -> list[str]:
    if isinstance(ids, str):
        return [ids]
    if isinstance(ids, bytes | Mapping) or not isinstance(ids, Iterable):
        raise TypeError(f"ids must be element ids (a str or a list of str), not {type_name(ids)}")
    out = list(ids)
    for i in out:
        if not isinstance(i, str):
            raise TypeError(f"an element id must be a str, not {type_name(i)}")
    return out


def _unknown_ids(amap: ArgumentMap, ids: Iterable[str]) -> None:
    missing = [i for i in dict.fromkeys(ids) if i not in amap]
    if not missing:
        return
    every = [*amap.claims, *amap.inferences, *amap.attacks]
    problems = []
    for i in missing:
        best = next((e for e in every if e.casefold() == i.casefold()), None) or closest(i, every, cutoff=0.5)
        hint = _(" (did you mean {id}?)").format(id=repr(best)) if best is not None else ""
        problems.append(Problem(_("the map has no element {id}{hint}").format(id=repr(i[:60]), hint=hint)))
    raise ViewError(problems)


def focus(amap: ArgumentMap, ids: Iterable[str] | str, depth: int | None = 2) -> View:
    """The named elements and what supports and attacks them, up to ``depth``
    steps back (None: all the way).

    A named claim is drawn with what lies up to ``depth`` steps back from
    it; ``depth=0`` draws it alone. A named inference is drawn with its
    premises and the attacks on it (they are part of the step it makes),
    and with its conclusion; a named attack with the claim that makes it and
    what it attacks. The depth counts from those premises and claims.

    Raises :class:`ViewError` for an id the map does not have, no id at all,
    or a depth below 0; TypeError for arguments of the wrong type.
    """
    amap = _check_map(amap)
    named = _ids(ids)
    if depth is not None and (isinstance(depth, bool) or not isinstance(depth, int)):
        raise TypeError(f"depth must be a whole number or None, not {type_name(depth)}")
    if depth is not None and depth < 0:
        raise _refuse(_("the depth must be 0 or more, not {depth}").format(depth=depth))
    if not named:
        raise _refuse(_("name at least one element to focus on"))
    _unknown_ids(amap, named)
    depths = _steps_back(amap, named, depth)
    drawn = dict.fromkeys(depths)
    for e in list(drawn):
        for r in _required(amap, e):
            if r not in drawn:
                drawn[r] = None
                depths.setdefault(r, 0)
    return _view(amap, set(drawn), tuple(dict.fromkeys(named)), depths)


def _steps_back(amap: ArgumentMap, roots: list[str], limit: int | None) -> dict[str, int]:
    """Each element up to ``limit`` steps back from ``roots`` with its steps
    (a breadth-first search in which a step within an inference counts 0)."""
    depths: dict[str, int] = {}
    queue: deque[tuple[str, int]] = deque()
    for r in roots:
        if r not in depths:
            depths[r] = 0
            queue.append((r, 0))
    while queue:
        e, d = queue.popleft()
        if depths[e] < d:
            continue  # reached again by a shorter way since
        for n, w in upstream(amap, e):
            nd = d + w
            if limit is not None and nd > limit:
                continue
            if nd < depths.get(n, nd + 1):
                depths[n] = nd
                if w == 0:
                    queue.appendleft((n, nd))
                else:
                    queue.append((n, nd))
    return depths


def _view(
    whole: ArgumentMap, drawn: set[str], roots: tuple[str, ...], depths: Mapping[str, int] | None = None
) -> View:
    """The view of ``drawn`` (which holds what each of its elements requires)."""
    claims = {k: c for k, c in whole.claims.items() if k in drawn}
    inferences = {}
    for k, inf in whole.inferences.items():
        if k in drawn:
            kept = tuple(p for p in inf.premises if p in drawn)
            inferences[k] = inf if kept == inf.premises else attrs.evolve(inf, premises=kept)
    attacks = {k: a for k, a in whole.attacks.items() if k in drawn}
    sub = ArgumentMap(
        whole.title,
        lang=whole.lang,
        date=whole.date,
        document=whole.document,
        claims=claims,
        inferences=inferences,
        attacks=attacks,
        ignore={k: v for k, v in whole.ignore.items() if k in drawn},
        origin=whole.origin,
    )
    g = whole.graph
    final = {c.id for c in claims.values() if c.kind is Kind.CONCLUSION and not g.inferences_using(c.id)}
    return View(
        sub,
        whole,
        _beyond(whole, drawn),
        roots,
        {k: v for k, v in (depths or {}).items() if k in drawn},
        final,
    )


def _beyond(amap: ArgumentMap, drawn: set[str]) -> dict[str, int]:
    """For each drawn element with an upstream neighbour not drawn (a cut
    edge): how many elements lie beyond its cut edges, that is, are upstream
    of it through elements not drawn (what a drawn element hides is counted
    at that element)."""
    cut: dict[str, list[str]] = {}
    for e in (*amap.claims, *amap.inferences, *amap.attacks):
        if e in drawn:
            hidden = [n for n, _w in upstream(amap, e) if n not in drawn]
            if hidden:
                cut[e] = hidden
    if not cut:
        return {}
    masks = _reach(amap, [n for hidden in cut.values() for n in hidden], drawn)
    out = {}
    for e, hidden in cut.items():
        mask = 0
        for n in hidden:
            mask |= masks[n]
        out[e] = mask.bit_count()
    return out


def _reach(amap: ArgumentMap, starts: list[str], drawn: set[str]) -> dict[str, int]:
    """For each element not drawn reachable from ``starts`` (not drawn)
    through elements not drawn: the set of those upstream of it (itself
    included), as bits. Tarjan's strongly connected components (iterative):
    each is finished after every component it reaches, so one pass fills
    them all, in time linear in the part of the map explored (and the size
    of the sets)."""
    index: dict[str, int] = {}
    order: list[str] = []
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    masks: dict[str, int] = {}
    work: list[tuple[str, Iterator[tuple[str, int]]]] = []
    for start in starts:
        if start in index:
            continue
        pending: str | None = start
        while pending is not None or work:
            if pending is not None:  # enter it
                index[pending] = low[pending] = len(order)
                order.append(pending)
                stack.append(pending)
                on_stack.add(pending)
                work.append((pending, upstream(amap, pending)))
                pending = None
            e, neighbours = work[-1]
            for n, _w in neighbours:
                if n in drawn:
                    continue
                if n not in index:
                    pending = n
                    break
                if n in on_stack:
                    low[e] = min(low[e], index[n])
            if pending is not None:
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[e])
            if low[e] == index[e]:
                members = []
                while True:
                    m = stack.pop()
                    on_stack.discard(m)
                    members.append(m)
                    if m == e:
                        break
                mask = 0
                for m in members:
                    mask |= 1 << index[m]
                    for n, _w in upstream(amap, m):
                        if n in masks and n not in drawn:
                            mask |= masks[n]
                for m in members:
                    masks[m] = mask
    return masks


# -- select -------------------------------------------------------------------


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip().casefold()


def _parse(spec: str) -> tuple[str, str]:
    if not isinstance(spec, str):
        raise TypeError(f"a selection must be a str such as 'kind:assumption', not {type_name(spec)}")
    head, colon, name = unicodedata.normalize("NFKC", spec).partition(":")
    prefix = head.strip().lower()
    if not colon or prefix not in SELECT_PREFIXES:
        raise _refuse(
            _("cannot read the selection {spec}: write kind:NAME, tag:NAME or finding:RULE").format(
                spec=repr(spec[:60])
            )
        )
    if not name.strip():
        raise _refuse(
            _("the selection {spec} names nothing: write a name after {prefix}:").format(
                spec=repr(spec[:60]), prefix=prefix
            )
        )
    # A tag is kept as written (NFKC aside): only the spaces around it go.
    return prefix, name.strip()


def _by_kind(amap: ArgumentMap, name: str) -> set[str]:
    word = _fold(name)
    if word in (w.casefold() for w in FINAL_WORDS):
        g = amap.graph
        return {
            c.id for c in amap.claims.values() if c.kind is Kind.CONCLUSION and not g.inferences_using(c.id)
        }
    words = {k.casefold(): v for k, v in KIND_WORDS.items()}
    kind = words.get(word)
    if kind is None:
        names = [*(k.value for k in Kind), FINAL_WORDS[0]]
        best = closest(word, [*words, *(w.casefold() for w in FINAL_WORDS)])
        hint = _(" (did you mean {kind}?)").format(kind=repr(best)) if best is not None else ""
        raise _refuse(
            _("unknown kind {kind}{hint}: kinds are {kinds}").format(
                kind=repr(name[:60]), hint=hint, kinds=_(", ").join(names)
            )
        )
    return {c.id for c in amap.claims.values() if c.kind is kind}


def tags_of(amap: ArgumentMap) -> list[str]:
    """Every tag of the map's elements, in the order they first appear."""
    seen: dict[str, None] = {}
    elements: Iterable[Any] = (*amap.claims.values(), *amap.inferences.values(), *amap.attacks.values())
    for e in elements:
        for t in e.tags:
            seen.setdefault(t, None)
    return list(seen)


def _by_tag(amap: ArgumentMap, name: str) -> set[str]:
    known = tags_of(amap)
    wanted = name if name in known else next((t for t in known if _fold(t) == _fold(name)), None)
    if wanted is None:
        best = closest(name, known)
        hint = _(" (did you mean {tag}?)").format(tag=repr(best)) if best is not None else ""
        if known:
            listing = _(", ").join(repr(t[:40]) for t in known[:12]) + (_(", …") if len(known) > 12 else "")
            raise _refuse(
                _("no element has the tag {tag}{hint}; the map's tags: {tags}").format(
                    tag=repr(name[:60]), hint=hint, tags=listing
                )
            )
        raise _refuse(_("no element has the tag {tag}: the map has no tags").format(tag=repr(name[:60])))
    elements: Iterable[Any] = (*amap.claims.values(), *amap.inferences.values(), *amap.attacks.values())
    return {e.id for e in elements if wanted in e.tags}


def _by_finding(amap: ArgumentMap, name: str, findings: list[Diagnostic]) -> set[str]:
    rule = find_rule(name)  # UnknownRuleError names the rule, with a suggestion
    out: set[str] = set()
    for d in findings:
        if d.code == rule.code:
            out.update(e for e in (*d.elements, *d.path) if e in amap)
    return out


def select(
    amap: ArgumentMap, spec: str | Iterable[str], findings: Iterable[Diagnostic] | None = None
) -> View:
    """The elements a selection names, and the inferences and attacks between them.

    ``spec`` is one selection or several (their union):

    - ``kind:NAME``: the claims of a kind (``evidence``, ``premise``,
      ``assumption``, ``hypothesis``, ``conclusion``, ``blank``, or
      ``final`` for the final conclusions; Japanese names such as 証拠 and
      隠れた前提 too);
    - ``tag:NAME``: the claims, inferences and attacks with that tag;
    - ``finding:RULE``: the elements and the path of each of ``findings``
      of that rule (a code, or its English or Japanese name):
      ``finding:circular-support`` draws the circle.

    Drawn with them: an inference between them (its conclusion and at
    least one premise selected), an attack between them (its source and
    target selected), and what each drawn inference or attack needs (its
    conclusion; its two ends). What supports or attacks a drawn element but
    is not drawn is counted in :attr:`View.beyond`.

    Raises :class:`ViewError` for a selection that cannot be read, an
    unknown kind or tag, and
    :class:`~argmap.checks.registry.UnknownRuleError` for an unknown rule.
    A selection that matches nothing gives an empty view.
    """
    amap = _check_map(amap)
    specs = [spec] if isinstance(spec, str) else list(spec) if isinstance(spec, Iterable) else None
    if specs is None:
        raise TypeError(f"spec must be a str or a list of str, not {type_name(spec)}")
    if not specs:
        raise _refuse(_("give at least one selection: kind:NAME, tag:NAME or finding:RULE"))
    found = [] if findings is None else list(findings)
    for d in found:
        if not isinstance(d, Diagnostic):
            raise TypeError(f"findings must hold findings (argmap.check's result), not {type_name(d)}")
    chosen: set[str] = set()
    for s in specs:
        prefix, name = _parse(s)
        if prefix == "kind":
            chosen |= _by_kind(amap, name)
        elif prefix == "tag":
            chosen |= _by_tag(amap, name)
        else:
            chosen |= _by_finding(amap, name, found)
    drawn = set(chosen)
    for e in chosen:
        drawn.update(_required(amap, e))
    for inf in amap.inferences.values():
        if inf.conclusion in drawn and any(p in drawn for p in inf.premises):
            drawn.add(inf.id)
    grown = True
    while grown:  # an attack on a drawn attack is drawn once that attack is
        grown = False
        for att in amap.attacks.values():
            if att.id not in drawn and att.source in drawn and att.target in drawn:
                drawn.add(att.id)
                grown = True
    order = (*amap.claims, *amap.inferences, *amap.attacks)
    return _view(amap, drawn, tuple(e for e in order if e in chosen))


# -- split --------------------------------------------------------------------


def final_conclusions(amap: ArgumentMap) -> list[str]:
    """The final conclusions of a map, in its order: conclusions no inference uses."""
    g = _check_map(amap).graph
    return [c.id for c in amap.claims.values() if c.kind is Kind.CONCLUSION and not g.inferences_using(c.id)]


def split(amap: ArgumentMap) -> list[View]:
    """One view per final conclusion, in the map's order: the conclusion and
    everything that supports or attacks it, all the way back. A map without
    a final conclusion gives none (see :func:`not_drawn` for what no view holds)."""
    return [focus(amap, [c], depth=None) for c in final_conclusions(amap)]


def not_drawn(amap: ArgumentMap, views: Iterable[View]) -> list[str]:
    """The elements of ``amap`` that none of ``views`` draws, in the map's order."""
    seen: set[str] = set()
    for v in views:
        seen.update(v.map.claims)
        seen.update(v.map.inferences)
        seen.update(v.map.attacks)
    return [e for e in (*_check_map(amap).claims, *amap.inferences, *amap.attacks) if e not in seen]


# -- the files of a split, and their index --------------------------------------

#: The name of the index page :func:`split_index` makes, next to the diagrams.
INDEX_NAME = "index.html"


def part_names(ids: Iterable[str], extension: str) -> list[str]:
    """The file name of each part of a split: its final conclusion's id and
    ``extension``; made unique where two ids differ only in case (a file
    system may not tell them apart) or a name would be the index's.

    >>> part_names(["C1", "c1", "index"], "html")
    ['C1.html', 'c1-2.html', 'index-2.html']
    """
    taken = {INDEX_NAME.casefold()}
    out = []
    for i in ids:
        name, n = f"{i}.{extension}", 1
        while name.casefold() in taken:
            n += 1
            name = f"{i}-{n}.{extension}"
        taken.add(name.casefold())
        out.append(name)
    return out


_INDEX_STYLE = """
body{font-family:"Noto Sans CJK JP","Hiragino Sans","Yu Gothic",sans-serif;color:#222;margin:0;background:#fafafa}
main{max-width:60rem;margin:0 auto;padding:1.5rem}
h1{font-size:1.5rem;margin:0 0 .25rem}
p.lead{color:#444}
ol.parts{list-style:none;padding:0;display:grid;grid-template-columns:repeat(auto-fill,minmax(17rem,1fr));gap:1rem}
ol.parts li{background:#fff;border:1px solid #ccc;border-radius:.5rem;padding:.75rem}
ol.parts a.picture{display:block;height:12rem;text-align:center;background:#fff}
ol.parts img{max-width:100%;max-height:12rem}
.id{font-family:monospace;color:#555}
.count{color:#555;font-size:.9rem}
ul.left li{margin:.25rem 0}
"""


def _escaped(text: str) -> str:
    return html.escape(printable(text), quote=True)


def split_index(
    amap: ArgumentMap,
    parts: Iterable[tuple[View, str]],
    findings: Iterable[Diagnostic] | None = None,
    *,
    pictures: bool = True,
) -> str:
    """The index page of a split: one self-contained HTML page, in the
    language in force, that links each diagram (``parts``: each view with
    its file name, relative to the page) with its final conclusion's text,
    says how many elements and findings each draws, and lists the claims no
    diagram holds. ``pictures`` shows each diagram small in the page (for
    SVG and PNG files)."""
    parts = list(parts)
    found = [] if findings is None else list(findings)
    title = amap.title or _("Argument map")
    items = []
    for view, name in parts:
        href = _escaped(quote(name))
        root = view.roots[0] if view.roots else None
        claim = amap.claims.get(root) if root is not None else None
        text = claim.text if claim is not None else name
        counts = [
            ngettext("{count} element", "{count} elements", view.size).format(count=view.size),
            ngettext("{count} finding", "{count} findings", len(view.findings(found))).format(
                count=len(view.findings(found))
            ),
        ]
        # TRANSLATORS: between the counts of a diagram, such as "11 elements; 4 findings".
        listed = _("; ").join(counts)
        picture = (
            f'<a class="picture" href="{href}" tabindex="-1" aria-hidden="true">'
            f'<img src="{href}" alt="" loading="lazy"></a>'
            if pictures
            else ""
        )
        items.append(
            f'<li>{picture}<p><a href="{href}"><span class="id">{_escaped(root or "")}</span> '
            f"{_escaped(text)}</a></p>"
            f'<p class="count">{_escaped(listed)}</p></li>'
        )
    left = [c for c in not_drawn(amap, [v for v, _n in parts]) if c in amap.claims]
    lead = ngettext(
        "The map, drawn in {count} diagram: one for each final conclusion, with everything that "
        "supports or attacks it. Choose one to open it.",
        "The map, drawn in {count} diagrams: one for each final conclusion, with everything that "
        "supports or attacks it. Choose one to open it.",
        len(parts),
    ).format(count=len(parts))
    body = [
        f"<h1>{_escaped(title)}</h1>",
        f'<p class="lead">{_escaped(lead)}</p>',
        f'<ol class="parts">{"".join(items)}</ol>',
    ]
    if left:
        heading = _("Claims in no diagram")
        why = _("These claims support or attack no final conclusion, so no diagram holds them:")
        body.append(f"<h2>{_escaped(heading)}</h2>")
        body.append(f"<p>{_escaped(why)}</p>")
        rows = "".join(
            f'<li><span class="id">{_escaped(c)}</span> {_escaped(amap.claims[c].text)}</li>' for c in left
        )
        body.append(f'<ul class="left">{rows}</ul>')
    page_title = _("{title}: the diagrams of its conclusions").format(title=title)
    return (
        f'<!DOCTYPE html>\n<html lang="{current()}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="generator" content="argmap">\n'
        f"<title>{_escaped(page_title)}</title>\n<style>{_INDEX_STYLE}</style>\n</head>\n"
        f"<body>\n<main>\n{''.join(body)}\n</main>\n</body>\n</html>\n"
    )
