"""The argumentative microtexts' XML (``<arggraph>``): read it into a map, write a map as one.

The microtexts corpus (Peldszus & Stede) stores each short text's argument as
an *argumentation graph*: the text cut into EDUs (elementary discourse units),
the ADUs (argumentative discourse units) they make up, each spoken by the
proponent (``pro``) or the opponent (``opp``), and edges between them:

>>> imported = loads('''<arggraph id="micro_x1" topic_id="school_uniforms" stance="pro">
...   <edu id="e1"><![CDATA[Pupils should wear uniforms.]]></edu>
...   <edu id="e2"><![CDATA[Uniforms hide what clothes cost,]]></edu>
...   <edu id="e3"><![CDATA[so nobody is teased for cheap ones.]]></edu>
...   <adu id="a1" type="pro"/>
...   <adu id="a2" type="pro"/>
...   <edge id="c1" src="e1" trg="a1" type="seg"/>
...   <edge id="c2" src="e2" trg="a2" type="seg"/>
...   <edge id="c3" src="e3" trg="a2" type="seg"/>
...   <edge id="c4" src="a2" trg="a1" type="sup"/>
... </arggraph>''')
>>> m = imported.map
>>> [(c.id, c.kind.value) for c in m.claims.values()]
[('a1', 'conclusion'), ('a2', 'premise')]
>>> m.claims["a2"].text
'Uniforms hide what clothes cost, so nobody is teased for cheap ones.'
>>> m.inferences["c4"].premises, m.inferences["c4"].conclusion
(('a2',), 'a1')
>>> m.title, m.document.title, m.claims["a1"].tags
('school_uniforms', 'micro_x1', ('stance:pro',))
>>> loads(dumps(m)).map == m
True

How the graph becomes a map (docs/interop.md tells the same to users):

- an ADU is a claim with the ADU's id; its text is the text of its EDUs (by
  ``seg`` edges, directly or through a ``joint``) in the order of the file,
  joined with a space. It is a conclusion when a support edge points at it or
  when no edge leads from it (the central claim); an ADU made of EDUs marked
  ``implicit="true"`` (part 2's texts the annotators supplied) is an
  assumption if it would be a premise, else it is tagged ``implicit``; any
  other ADU is a premise. An opponent's ADU is tagged ``opponent``;
- ``sup`` is an inference from its source to its target, with the edge's id;
  ``exa`` (support by example) the same with the scheme ``example``; ``add``
  onto a support edge adds a premise to that inference;
- ``reb`` is an attack on the claim it targets; ``und`` on a support edge is
  an attack on the inference; ``und`` (or ``reb``) on an attack edge is an
  attack on that attack (a counter-attack). An attack has one source, so
  ``add`` onto an attack edge becomes an attack of its own, from the added
  ADU on the same target, with a warning;
- the arggraph's ``topic_id`` is the map's title (else its ``id``), its
  ``id`` the title of the map's document, and its ``stance`` a tag
  ``stance:pro`` (``con``, ``unclear``) of the central claim.

What argmap cannot represent is a warning located at the element in the XML;
the rest still loads. A text that is not XML, declares entities, or has
another root element than ``<arggraph>`` is an :class:`~argmap.errors.ArgmapError`.

Writing (:func:`dumps`) gives one EDU, ADU and ``seg`` edge for each claim, a
``sup`` (or ``exa``) edge from an inference's first premise and an ``add``
edge from each other, and ``reb`` or ``und`` edges for attacks. What the
arggraph has no place for (kinds other than its structure implies, notes,
sources, schemes, tags, inferences without premises, the map's language and
date...) is kept in one processing instruction ``<?argmap {...}?>`` that
XML tools and the corpus's own tools ignore; reading it back gives the same map.
"""

from __future__ import annotations

import datetime
import json
import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any
from xml.parsers import expat

import attrs

from argmap.errors import MAX_PROBLEMS, ArgmapError, Location, Problem, more_problems
from argmap.formats._foreign import (
    Imported,
    Positions,
    map_data,
    map_fields,
    source_data,
    source_of,
    text_lang,
    unused_id,
)
from argmap.i18n import _, choose, using
from argmap.model import (
    ID_PATTERN,
    LANG_PATTERN,
    ArgumentMap,
    Attack,
    Claim,
    Document,
    Inference,
    Kind,
    Source,
)

__all__ = ["dumps", "loads"]

#: The most elements (EDUs, joints, ADUs, edges) read from one file: a real
#: map holds about four for each claim.
MAX_ELEMENTS = 2_000_000
#: The target of the processing instruction that holds argmap's own fields.
EXTRA = "argmap"
#: Tags for what an ADU's type and its EDUs' ``implicit`` mark say.
OPPONENT = "opponent"
IMPLICIT = "implicit"
#: The prefix of the tag that holds the arggraph's stance.
STANCE = "stance:"
STANCES = ("pro", "con", "unclear")
#: The scheme of an inference read from an ``exa`` (support by example) edge.
EXAMPLE = "example"
EDGE_TYPES = ("seg", "sup", "exa", "add", "reb", "und")
_ELEMENTS = ("edu", "joint", "adu", "edge")
_SUPPORTS = ("sup", "exa")
_ATTACKS = ("reb", "und")

_SURROGATE = re.compile("[\ud800-\udfff]")
#: Characters XML 1.0 cannot hold, not even as a reference.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_SAFE = re.compile(r"[^A-Za-z0-9_.\-]")
#: An XML name argmap writes as the arggraph's id, and a topic_id (an NMTOKEN).
_XML_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_.\-]*\Z")
_NMTOKEN = re.compile(r"[A-Za-z0-9_.:\-]+\Z")


def _shown(value: str) -> str:
    """An id or value as a message shows it."""
    return repr(value[:40] + "…") if len(value) > 40 else repr(value)


@attrs.define
class _Element:
    """One child of ``<arggraph>`` as written: an EDU, a joint, an ADU or an edge."""

    tag: str
    id: str
    line: int
    column: int
    type: str | None = None
    src: str | None = None
    trg: str | None = None
    implicit: bool = False
    text: list[str] = attrs.field(factory=list)


class _Parser:
    """The elements of one arggraph, read by expat, which never reads anything but the
    text it is given (an outside file or DTD only through a handler, and none is set);
    an entity declaration stops it before any entity is expanded."""

    def __init__(self, name: str, warn: Callable[[str, int, int], None]) -> None:
        self.name = name
        self.warn = warn
        self.root: dict[str, str] | None = None
        self.root_at = (1, 1)
        self.elements: list[_Element] = []
        self.extras: list[tuple[str, int, int]] = []
        self.depth = 0
        self.edu: _Element | None = None
        self.ignored_at: int | None = None
        self.stray_text = False
        self.parser = expat.ParserCreate()
        self.parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
        self.parser.buffer_text = True
        self.parser.StartElementHandler = self.start
        self.parser.EndElementHandler = self.end
        self.parser.CharacterDataHandler = self.characters
        self.parser.ProcessingInstructionHandler = self.instruction
        self.parser.EntityDeclHandler = self.entity

    def at(self) -> tuple[int, int]:
        return self.parser.CurrentLineNumber, self.parser.CurrentColumnNumber + 1

    def refuse(self, message: str) -> ArgmapError:
        line, column = self.at()
        return ArgmapError([Problem(message, Location(self.name, line, column))])

    def entity(self, name: str, *_rest: object) -> None:
        raise self.refuse(
            _(
                "the XML declares the entity {name}: argmap reads no entity declarations, "
                "as they can make a small file grow to gigabytes or read other files"
            ).format(name=_shown(name))
        )

    def start(self, tag: str, attributes: dict[str, str]) -> None:
        self.depth += 1
        if self.ignored_at is not None:  # inside an element that is ignored, with all it holds
            return
        line, column = self.at()
        if self.depth == 1:
            if tag != "arggraph":
                raise self.refuse(
                    _("not an arggraph: the root element is <{tag}>, not <arggraph>").format(tag=tag)
                )
            self.root = attributes
            self.root_at = (line, column)
            return
        if self.depth > 2 or tag not in _ELEMENTS:
            self.warn(
                _("<{tag}> has no place here (an arggraph holds edu, joint, adu and edge): ignored").format(
                    tag=tag
                ),
                line,
                column,
            )
            self.ignored_at = self.depth
            return
        element_id = attributes.get("id")
        if element_id is None:
            self.warn(_("<{tag}> has no id: ignored").format(tag=tag), line, column)
            self.ignored_at = self.depth
            return
        if len(self.elements) >= MAX_ELEMENTS:
            raise self.refuse(
                _("the file holds more than {limit} elements, the most argmap reads from an arggraph").format(
                    limit=f"{MAX_ELEMENTS:,}"
                )
            )
        element = _Element(tag, element_id, line, column)
        if tag == "edu":
            element.implicit = attributes.get("implicit", "").strip().lower() == "true"
            self.edu = element
        elif tag == "adu":
            element.type = attributes.get("type")
        elif tag == "edge":
            element.type = attributes.get("type")
            element.src = attributes.get("src")
            element.trg = attributes.get("trg")
        self.elements.append(element)

    def end(self, _tag: str) -> None:
        if self.ignored_at == self.depth:
            self.ignored_at = None
        if self.depth == 2:
            self.edu = None
        self.depth -= 1

    def characters(self, data: str) -> None:
        if self.ignored_at is not None:
            return
        if self.depth == 2 and self.edu is not None:
            self.edu.text.append(data)
        elif self.depth >= 1 and data.strip() and not self.stray_text:
            self.stray_text = True
            line, column = self.at()
            self.warn(_("text outside an EDU is ignored"), line, column)

    def instruction(self, target: str, data: str) -> None:
        if target == EXTRA:
            line, column = self.at()
            self.extras.append((data, line, column))

    def parse(self, text: str) -> None:
        try:
            self.parser.Parse(text, True)
        except expat.ExpatError as exc:
            raise ArgmapError(
                [
                    Problem(
                        _("not XML: {reason}").format(reason=expat.ErrorString(exc.code)),
                        Location(self.name, exc.lineno, exc.offset + 1),
                    )
                ]
            ) from None


class _Reader:
    """One arggraph's elements turned into claims, inferences and attacks."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.warnings: list[Problem] = []
        self.more = 0
        self.nodes: dict[str, _Element] = {}
        self.ids: dict[str, str] = {}
        self.taken: set[str] = set()
        self.places: dict[str, Location] = {}

    def warn(self, message: str, line: int, column: int) -> None:
        if len(self.warnings) < MAX_PROBLEMS:
            self.warnings.append(Problem(message, Location(self.name, line, column)))
        else:
            self.more += 1

    def warn_at(self, message: str, element: _Element) -> None:
        self.warn(message, element.line, element.column)

    def warnings_out(self) -> tuple[Problem, ...]:
        ordered = sorted(
            self.warnings, key=lambda p: (p.location.line, p.location.column) if p.location else (0, 0)
        )
        if self.more:
            ordered.append(more_problems(self.more, ordered[-1].location))
        return tuple(ordered)

    # -- elements and ids ----------------------------------------------------------

    def index(self, elements: list[_Element]) -> None:
        for element in elements:
            if element.id in self.nodes:
                self.warn_at(
                    _("id {id} is used twice: the second <{tag}> is ignored").format(
                        id=_shown(element.id), tag=element.tag
                    ),
                    element,
                )
                continue
            self.nodes[element.id] = element
        # argmap ids: an XML id that is one stays; another is made one.
        for node in self.nodes.values():
            if node.tag in ("adu", "edge") and ID_PATTERN.match(node.id) and node.id not in self.taken:
                self.ids[node.id] = node.id
                self.taken.add(node.id)
        for node in self.nodes.values():
            if node.tag in ("adu", "edge") and node.id not in self.ids:
                self.ids[node.id] = self.fresh(("a" if node.tag == "adu" else "c") + _SAFE.sub("_", node.id))

    def fresh(self, base: str) -> str:
        return unused_id(base, self.taken)

    def of(self, element_id: str | None, *tags: str) -> _Element | None:
        node = self.nodes.get(element_id) if element_id is not None else None
        return node if node is not None and node.tag in tags else None

    # -- edges ---------------------------------------------------------------------

    def edges(self) -> list[_Element]:
        """The edges that can be read: with a known type, between elements that exist."""
        good = []
        for edge in self.nodes.values():
            if edge.tag != "edge":
                continue
            for attribute, value in (("src", edge.src), ("trg", edge.trg), ("type", edge.type)):
                if value is None:
                    self.warn_at(
                        _("edge {id} has no {attribute}: ignored").format(
                            id=_shown(edge.id), attribute=attribute
                        ),
                        edge,
                    )
                    break
            else:
                if edge.type not in EDGE_TYPES:
                    self.warn_at(
                        _("edge {id} has the type {type}, not one of {types}: ignored").format(
                            id=_shown(edge.id), type=_shown(str(edge.type)), types=", ".join(EDGE_TYPES)
                        ),
                        edge,
                    )
                    continue
                missing = [n for n in (edge.src or "", edge.trg or "") if n not in self.nodes]
                if missing:
                    self.warn_at(
                        _("edge {id} joins {node}, which does not exist: ignored").format(
                            id=_shown(edge.id), node=", ".join(map(_shown, missing))
                        ),
                        edge,
                    )
                    continue
                good.append(edge)
        return good

    def misplaced(self, edge: _Element) -> None:
        src, trg = self.nodes[edge.src or ""], self.nodes[edge.trg or ""]
        trg_tag = trg.tag if trg.tag != "edge" else f"edge ({trg.type})"
        self.warn_at(
            _(
                "edge {id} ({type}) cannot go from <{source_tag}> {source} to <{target_tag}> {target}: ignored"
            ).format(
                id=_shown(edge.id),
                type=edge.type,
                source_tag=src.tag,
                source=_shown(src.id),
                target_tag=trg_tag,
                target=_shown(trg.id),
            ),
            edge,
        )

    def segments(self, edges: list[_Element]) -> dict[str, list[_Element]]:
        """The EDUs of each ADU (through joints too), in the order of the file."""
        into: dict[str, list[str]] = {}
        for edge in edges:
            if edge.type != "seg":
                continue
            src, trg = self.nodes[edge.src or ""], self.nodes[edge.trg or ""]
            if (src.tag, trg.tag) not in (("edu", "adu"), ("edu", "joint"), ("joint", "adu")):
                self.misplaced(edge)
                continue
            into.setdefault(trg.id, []).append(src.id)
        order = {node.id: n for n, node in enumerate(self.nodes.values())}
        out: dict[str, list[_Element]] = {}
        used: set[str] = set()
        for node in self.nodes.values():
            if node.tag != "adu":
                continue
            edus: dict[str, _Element] = {}
            for part in into.get(node.id, ()):
                if self.nodes[part].tag == "joint":
                    for edu in into.get(part, ()):
                        edus[edu] = self.nodes[edu]
                else:
                    edus[part] = self.nodes[part]
            used.update(edus)
            out[node.id] = sorted(edus.values(), key=lambda e: order[e.id])
        for node in self.nodes.values():
            if node.tag == "edu" and node.id not in used:
                self.warn_at(
                    _("EDU {id} is part of no ADU: its text is not in the map").format(id=_shown(node.id)),
                    node,
                )
        return out

    # -- the map -------------------------------------------------------------------

    def build(self, parsed: _Parser, lang: str | None) -> ArgumentMap:
        self.index(parsed.elements)
        edges = self.edges()
        texts = self.segments(edges)
        inferences, edge_of = self.read_supports(edges)
        attacks = self.read_attacks(edges, inferences, edge_of)
        self.read_added(edges, inferences, attacks, edge_of)
        attacks = dict(sorted(attacks.items(), key=lambda item: self.places[item[0]]))  # in the file's order
        claims, missing_text = self.read_claims(texts, inferences, attacks, parsed)
        root = parsed.root or {}
        arggraph_id = root.get("id")
        topic = root.get("topic_id")
        title = topic if topic and topic.strip() else arggraph_id
        if not title or not title.strip():
            title = _title_from(self.name)
        document = Document(title=arggraph_id) if arggraph_id and arggraph_id.strip() else None
        map_lang = text_lang((claim.text for claim in claims.values()), lang)
        parts = _Parts(title, map_lang, None, document, claims, inferences, attacks, {})
        if parsed.extras:
            data, line, column = parsed.extras[0]
            for _data, more_line, more_column in parsed.extras[1:]:
                self.warn(_("a second <?argmap?> instruction is ignored"), more_line, more_column)
            _Extra(self, line, column).apply(data, parts, lang)
        for cid in missing_text:
            claim = parts.claims.get(cid)
            if claim is not None and claim.blank and not parts.said_blank.get(cid):
                self.warn_at(
                    _("ADU {id} has no text (no seg edge from an EDU with text): kept as a blank").format(
                        id=_shown(cid)
                    ),
                    self.nodes[missing_text[cid]],
                )
        if not parts.claims:
            line, column = parsed.root_at
            self.warn(_("the arggraph holds no ADU: the map is empty"), line, column)
        return ArgumentMap(
            parts.title,
            lang=parts.lang,
            date=parts.date,
            document=parts.document,
            claims=parts.claims,
            inferences=parts.inferences,
            attacks=parts.attacks,
            ignore=parts.ignore,
            origin=Positions(self.name, self.places),
        )

    def read_supports(self, edges: list[_Element]) -> tuple[dict[str, Inference], dict[str, str]]:
        """Inferences from sup and exa edges; ``edge_of`` maps an edge's XML id to its element's id."""
        inferences: dict[str, Inference] = {}
        edge_of: dict[str, str] = {}
        for edge in edges:
            if edge.type not in _SUPPORTS:
                continue
            if self.of(edge.src, "adu") is None or self.of(edge.trg, "adu") is None:
                self.misplaced(edge)
                continue
            iid = self.ids[edge.id]
            inferences[iid] = Inference(
                iid,
                (self.ids[edge.src or ""],),
                self.ids[edge.trg or ""],
                scheme=EXAMPLE if edge.type == "exa" else None,
            )
            edge_of[edge.id] = iid
            self.places[iid] = Location(self.name, edge.line, edge.column)
        return inferences, edge_of

    def read_attacks(
        self, edges: list[_Element], inferences: Mapping[str, Inference], edge_of: dict[str, str]
    ) -> dict[str, Attack]:
        attacks: dict[str, Attack] = {}
        pending: list[_Element] = []  # attacks on attack edges
        for edge in edges:
            if edge.type not in _ATTACKS:
                continue
            trg = self.nodes[edge.trg or ""]
            if self.of(edge.src, "adu") is None or trg.tag not in ("adu", "edge"):
                self.misplaced(edge)
                continue
            aid = self.ids[edge.id]
            if trg.tag == "adu":
                if edge.type == "und":
                    self.warn_at(
                        _(
                            "edge {id} (und) targets the ADU {target}, and an undercut targets an edge: "
                            "read as an attack on the claim"
                        ).format(id=_shown(edge.id), target=_shown(trg.id)),
                        edge,
                    )
                attacks[aid] = Attack(aid, self.ids[edge.src or ""], self.ids[trg.id])
            elif trg.type in _SUPPORTS:
                if trg.id not in edge_of:
                    self.not_kept(edge, trg)
                    continue
                attacks[aid] = Attack(aid, self.ids[edge.src or ""], edge_of[trg.id])
            elif trg.type in _ATTACKS:
                pending.append(edge)
                continue
            else:
                self.misplaced(edge)
                continue
            edge_of[edge.id] = aid
            self.places[aid] = Location(self.name, edge.line, edge.column)
        # Attacks on attacks: kept while the attack they target is (a cycle of them is kept whole).
        kept = {edge.id for edge in pending}
        changed = True
        while changed:
            changed = False
            for edge in pending:
                target = edge.trg or ""
                if edge.id in kept and target not in edge_of and target not in kept:
                    kept.discard(edge.id)
                    changed = True
        for edge in pending:
            if edge.id in kept:
                edge_of[edge.id] = self.ids[edge.id]
        for edge in pending:
            trg = self.nodes[edge.trg or ""]
            if edge.id not in kept:
                self.not_kept(edge, trg)
                continue
            aid = self.ids[edge.id]
            attacks[aid] = Attack(aid, self.ids[edge.src or ""], edge_of[trg.id])
            self.places[aid] = Location(self.name, edge.line, edge.column)
        return attacks

    def not_kept(self, edge: _Element, target: _Element) -> None:
        self.warn_at(
            _("edge {id} ({type}) targets edge {target}, which was not kept: ignored").format(
                id=_shown(edge.id), type=edge.type, target=_shown(target.id)
            ),
            edge,
        )

    def read_added(
        self,
        edges: list[_Element],
        inferences: dict[str, Inference],
        attacks: dict[str, Attack],
        edge_of: dict[str, str],
    ) -> None:
        """``add`` edges: a premise more for an inference, an attack of its own next to an attack."""
        for edge in edges:
            if edge.type != "add":
                continue
            trg = self.nodes[edge.trg or ""]
            if (
                self.of(edge.src, "adu") is None
                or trg.tag != "edge"
                or trg.type not in (*_SUPPORTS, *_ATTACKS)
            ):
                self.misplaced(edge)
                continue
            element = edge_of.get(trg.id)
            if element is None:
                self.not_kept(edge, trg)
                continue
            source = self.ids[edge.src or ""]
            if element in inferences:
                inf = inferences[element]
                inferences[element] = attrs.evolve(inf, premises=(*inf.premises, source))
                continue
            aid = self.ids[edge.id]
            attacks[aid] = Attack(aid, source, attacks[element].target)
            self.places[aid] = Location(self.name, edge.line, edge.column)
            self.warn_at(
                _(
                    "ADU {source} is added to the attack {attack} (edge {id}), and an attack in argmap has one "
                    "source: {source} attacks the same target in an attack of its own, {new}"
                ).format(source=_shown(source), attack=_shown(trg.id), id=_shown(edge.id), new=_shown(aid)),
                edge,
            )

    def read_claims(
        self,
        texts: dict[str, list[_Element]],
        inferences: Mapping[str, Inference],
        attacks: Mapping[str, Attack],
        parsed: _Parser,
    ) -> tuple[dict[str, Claim], dict[str, str]]:
        concluded = {inf.conclusion for inf in inferences.values()}
        leads = {p for inf in inferences.values() for p in inf.premises} | {
            a.source for a in attacks.values()
        }
        stance = (parsed.root or {}).get("stance")
        if stance is not None and stance not in STANCES:
            line, column = parsed.root_at
            self.warn(
                _("the stance {stance} of the arggraph is not one of {stances}: not kept").format(
                    stance=_shown(stance), stances=", ".join(STANCES)
                ),
                line,
                column,
            )
            stance = None
        claims: dict[str, Claim] = {}
        missing_text: dict[str, str] = {}
        for node in self.nodes.values():
            if node.tag != "adu":
                continue
            cid = self.ids[node.id]
            if node.type not in ("pro", "opp"):
                self.warn_at(
                    _("ADU {id} has the type {type}, not pro or opp: read as pro").format(
                        id=_shown(node.id), type=_shown(str(node.type))
                    ),
                    node,
                )
            edus = texts.get(node.id, [])
            text = " ".join(t for edu in edus if (t := _edu_text(edu)))
            implicit = bool(edus) and all(edu.implicit for edu in edus)
            kind = Kind.PREMISE
            if cid in concluded or cid not in leads:
                kind = Kind.CONCLUSION
            elif implicit:
                kind = Kind.ASSUMPTION
            tags: list[str] = []
            if node.type == "opp":
                tags.append(OPPONENT)
            if implicit and kind is Kind.CONCLUSION:
                tags.append(IMPLICIT)
            if stance is not None and cid not in leads:
                tags.append(STANCE + stance)
                stance = None  # the first central claim takes it
            if not text:
                missing_text[cid] = node.id
            claims[cid] = Claim(cid, kind, text, tags=tags, blank=not text)
            self.places[cid] = Location(self.name, node.line, node.column)
        return claims, missing_text


def _edu_text(edu: _Element) -> str:
    return "".join(edu.text).strip()


def _as_read(text: str) -> str:
    """What an EDU holding ``text`` gives when read back: what XML cannot hold
    is U+FFFD, line breaks are ``\\n``, the ends are stripped."""
    return _NOT_XML.sub("\ufffd", text).replace("\r\n", "\n").replace("\r", "\n").strip()


def _title_from(name: str) -> str:
    base = re.split(r"[\\/]", name)[-1]
    if base.lower().endswith(".xml"):
        base = base[:-4]
    return base if base.strip() and not base.startswith("<") else "arggraph"


@attrs.define
class _Parts:
    """A map's parts while argmap's own fields are put in."""

    title: str
    lang: str
    date: datetime.date | None
    document: Document | None
    claims: dict[str, Claim]
    inferences: dict[str, Inference]
    attacks: dict[str, Attack]
    ignore: dict[str, tuple[str, ...]]
    said_blank: dict[str, bool] = attrs.field(factory=dict)


_CLAIM_FIELDS = ("kind", "text", "conditional", "source", "note", "tags", "blank", "prompt")
_INFERENCE_FIELDS = ("scheme", "marker", "strength", "note", "tags")
_ATTACK_FIELDS = ("note", "tags")


class _Extra:
    """argmap's own fields, from the ``<?argmap {...}?>`` instruction a file argmap wrote holds."""

    def __init__(self, reader: _Reader, line: int, column: int) -> None:
        self.reader = reader
        self.line = line
        self.column = column

    def warn(self, message: str) -> None:
        self.reader.warn(message, self.line, self.column)

    def unused(self, what: str, reason: object) -> None:
        self.warn(_("argmap's data for {what} is not used ({reason})").format(what=what, reason=reason))

    def apply(self, data: str, parts: _Parts, lang: str | None) -> None:
        try:
            tree = json.loads(data)
        except (ValueError, RecursionError):
            tree = None
        if not isinstance(tree, dict):
            self.warn(_("the <?argmap?> instruction does not hold a JSON object: ignored"))
            return
        self.top(tree, parts, lang)
        claims = tree.get("claims")
        if isinstance(claims, dict):
            for cid, record in claims.items():
                self.claim(str(cid), record, parts)
        inferences = tree.get("inferences")
        if isinstance(inferences, dict):
            for iid, record in inferences.items():
                self.inference(str(iid), record, parts)
        attacks = tree.get("attacks")
        if isinstance(attacks, dict):
            self.attacks(attacks, parts)
        ignore = tree.get("ignore")
        if isinstance(ignore, dict):
            for key, rules in ignore.items():
                if key not in parts.claims and key not in parts.inferences and key not in parts.attacks:
                    self.unused(_shown(str(key)), _("no element has this id"))
                elif isinstance(rules, list) and all(isinstance(r, str) and _good(r) for r in rules):
                    parts.ignore[key] = tuple(rules)

    def top(self, tree: Mapping[str, Any], parts: _Parts, lang: str | None) -> None:
        title = tree.get("title")
        if isinstance(title, str) and _good(title):
            parts.title = title
        own_lang = tree.get("lang")
        if isinstance(own_lang, str) and LANG_PATTERN.match(own_lang):  # the map's own, written by argmap
            parts.lang = own_lang
        if "document" in tree and tree["document"] is None:  # the map has none, though the arggraph has an id
            parts.document = None
        fields, left = map_fields({k: tree[k] for k in ("date", "document") if k in tree}, ())
        for message in left:
            self.warn(message)
        if "date" in fields:
            parts.date = fields["date"]
        if "document" in fields:
            parts.document = fields["document"]

    def claim(self, cid: str, record: object, parts: _Parts) -> None:
        claim = parts.claims.get(cid)
        if claim is None or not isinstance(record, dict):
            self.unused(_shown(cid), _("no ADU has this id") if claim is None else _("not a JSON object"))
            return
        changes = _fields(record, _CLAIM_FIELDS)
        if "text" in changes and (
            not isinstance(changes["text"], str) or _as_read(changes["text"]) != claim.text
        ):
            self.warn(
                _("argmap's data for {id} holds another text than its EDUs: the EDUs' text is kept").format(
                    id=_shown(cid)
                )
            )
            del changes["text"]
        if isinstance(changes.get("source"), dict):
            try:
                changes["source"] = source_of(changes["source"])
            except (TypeError, ValueError) as exc:
                self.unused(_shown(cid), exc)
                return
        try:
            parts.claims[cid] = attrs.evolve(claim, **changes)
        except (TypeError, ValueError) as exc:
            self.unused(_shown(cid), exc)
            return
        if changes.get("blank") is True:
            parts.said_blank[cid] = True

    def inference(self, iid: str, record: object, parts: _Parts) -> None:
        if not isinstance(record, dict):
            self.unused(_shown(iid), _("not a JSON object"))
            return
        changes = _fields(record, _INFERENCE_FIELDS)
        found = parts.inferences.get(iid)
        try:
            if found is not None:
                parts.inferences[iid] = attrs.evolve(found, **changes)
                return
            premises, conclusion = record.get("premises"), record.get("conclusion")
            if iid in parts.claims or iid in parts.attacks:
                raise ValueError(_("the id is taken"))
            if not isinstance(premises, list) or not isinstance(conclusion, str):
                raise ValueError(_("no edge has this id"))
            for ref in (*premises, conclusion):
                if not isinstance(ref, str) or ref not in parts.claims:
                    raise ValueError(_("{id} is not a claim").format(id=_shown(str(ref))))
            parts.inferences[iid] = Inference(iid, premises, conclusion, **changes)
        except (TypeError, ValueError) as exc:
            self.unused(_shown(iid), exc)

    def attacks(self, records: Mapping[str, Any], parts: _Parts) -> None:
        new: dict[str, tuple[str, str, dict[str, Any]]] = {}
        for aid, record in records.items():
            if not isinstance(record, dict):
                self.unused(_shown(str(aid)), _("not a JSON object"))
                continue
            changes = _fields(record, _ATTACK_FIELDS)
            found = parts.attacks.get(aid)
            if found is not None:
                try:
                    parts.attacks[aid] = attrs.evolve(found, **changes)
                except (TypeError, ValueError) as exc:
                    self.unused(_shown(aid), exc)
                continue
            source, target = record.get("source"), record.get("target")
            if (
                isinstance(source, str)
                and source in parts.claims
                and isinstance(target, str)
                and ID_PATTERN.match(aid)
                and aid not in parts.claims
                and aid not in parts.inferences
            ):
                new[aid] = (source, target, changes)
            else:
                self.unused(_shown(str(aid)), _("no edge has this id"))
        # Attacks only argmap's data holds: kept while their target is (cycles whole).
        kept = set(new)
        changed = True
        while changed:
            changed = False
            for aid, (_source, target, _changes) in new.items():
                if aid in kept and not any(
                    target in t for t in (parts.claims, parts.inferences, parts.attacks, kept)
                ):
                    kept.discard(aid)
                    changed = True
        for aid, (source, target, changes) in new.items():
            if aid not in kept:
                self.unused(_shown(aid), _("{id} is not an element").format(id=_shown(target)))
                continue
            try:
                parts.attacks[aid] = Attack(aid, source, target, **changes)
            except (TypeError, ValueError) as exc:
                self.unused(_shown(aid), exc)


def _good(value: str) -> bool:
    return _SURROGATE.search(value) is None


def _fields(record: Mapping[str, Any], names: Iterable[str]) -> dict[str, Any]:
    """The fields of ``record`` among ``names``; a list is a tuple (as the model holds it)."""
    out: dict[str, Any] = {}
    for key in names:
        if key in record:
            value = record[key]
            out[key] = tuple(value) if isinstance(value, list) else value
    return out


def loads(text: str, *, name: str = "<string>", lang: str | None = None) -> Imported:
    """The map in an arggraph's XML text, and warnings for what argmap cannot hold.

    ``lang`` is the map's language when the file does not say it (argmap
    writes it into the files it makes; else ``en``); messages are in it when
    argmap speaks it (Japanese for ``ja``), else in the language in force.

    Raises :class:`~argmap.errors.ArgmapError` (located) when the text is not
    XML, declares entities, or its root element is not ``<arggraph>``.
    """
    if not isinstance(text, str):
        raise TypeError(_("{what} must be a str, not {type}").format(what="text", type=type(text).__name__))
    if lang is not None and (not isinstance(lang, str) or LANG_PATTERN.match(lang) is None):
        raise ValueError(
            _("{lang} is not a BCP-47 language tag such as 'ja' or 'en-GB'").format(lang=repr(lang))
        )
    with using(None if lang is None else choose(None, lang)):
        reader = _Reader(name)
        if text.startswith("\ufeff"):
            text = text[1:]
        if (bad := _SURROGATE.search(text)) is not None:
            reader.warn(
                _("the text holds half of a UTF-16 surrogate pair; it is read as U+FFFD"),
                text.count("\n", 0, bad.start()) + 1,
                bad.start() - text.rfind("\n", 0, bad.start()),
            )
            text = _SURROGATE.sub("\ufffd", text)
        parsed = _Parser(name, reader.warn)
        parsed.parse(text)
        amap = reader.build(parsed, lang)
        return Imported(amap, reader.warnings_out())


# -- writing ---------------------------------------------------------------------------


def _cdata(text: str) -> str:
    return "<![CDATA[" + _NOT_XML.sub("\ufffd", text).replace("]]>", "]]]]><![CDATA[>") + "]]>"


def _attribute(value: str) -> str:
    return value.replace("&", "&amp;").replace("<", "&lt;").replace('"', "&quot;").replace(">", "&gt;")


def _written(amap: ArgumentMap) -> tuple[set[str], set[str]]:
    """The inferences and attacks the XML can hold: an inference needs a premise
    (its edge's source); an attack needs a target that is in the XML."""
    inferences = {i.id for i in amap.inferences.values() if i.premises}
    kept = set(amap.attacks)
    changed = True
    while changed:
        changed = False
        for att in amap.attacks.values():
            if att.id in kept and not any(att.target in t for t in (amap.claims, inferences, kept)):
                kept.discard(att.id)
                changed = True
    return inferences, kept


def _plain(amap: ArgumentMap) -> str:
    """The arggraph of ``amap`` without argmap's own fields."""
    taken = set(amap.claims) | set(amap.inferences) | set(amap.attacks)
    counters = {"e": 0, "c": 0}

    def fresh(prefix: str) -> str:
        while True:
            counters[prefix] += 1
            made = f"{prefix}{counters[prefix]}"
            if made not in taken:
                taken.add(made)
                return made

    own = amap.document.title if amap.document is not None else None
    if own is not None and _XML_NAME.match(own) and own not in taken:
        graph_id = own
        taken.add(own)
    else:
        graph_id = _fresh_name(taken)
    head = f'<arggraph id="{_attribute(graph_id)}"'
    if _NMTOKEN.match(amap.title):
        head += f' topic_id="{_attribute(amap.title)}"'
    stance = next(
        (
            t[len(STANCE) :]
            for c in amap.claims.values()
            for t in c.tags
            if t.startswith(STANCE) and t[len(STANCE) :] in STANCES
        ),
        None,
    )
    if stance is not None:
        head += f' stance="{stance}"'
    lines = ["<?xml version='1.0' encoding='UTF-8'?>", head + ">"]
    segs: list[str] = []
    for claim in amap.claims.values():
        edu = fresh("e")
        implicit = ' implicit="true"' if claim.kind is Kind.ASSUMPTION or IMPLICIT in claim.tags else ""
        lines.append(f'  <edu id="{edu}"{implicit}>{_cdata(claim.text)}</edu>')
        segs.append(f'  <edge id="{fresh("c")}" src="{edu}" trg="{claim.id}" type="seg"/>')
    for claim in amap.claims.values():
        kind = "opp" if OPPONENT in claim.tags else "pro"
        lines.append(f'  <adu id="{claim.id}" type="{kind}"/>')
    lines.extend(segs)
    inferences, attacks = _written(amap)
    for inf in amap.inferences.values():
        if inf.id not in inferences:
            continue
        kind = "exa" if inf.scheme == EXAMPLE else "sup"
        lines.append(f'  <edge id="{inf.id}" src="{inf.premises[0]}" trg="{inf.conclusion}" type="{kind}"/>')
        for premise in inf.premises[1:]:
            lines.append(f'  <edge id="{fresh("c")}" src="{premise}" trg="{inf.id}" type="add"/>')
    for att in amap.attacks.values():
        if att.id in attacks:
            kind = "reb" if att.target in amap.claims else "und"
            lines.append(f'  <edge id="{att.id}" src="{att.source}" trg="{att.target}" type="{kind}"/>')
    lines.append("</arggraph>")
    return "\n".join(lines) + "\n"


def _fresh_name(taken: set[str]) -> str:
    made, n = "arggraph", 1
    while made in taken:
        n += 1
        made = f"arggraph-{n}"
    taken.add(made)
    return made


def _json_value(value: object) -> object:
    if isinstance(value, tuple):
        return list(value)
    if isinstance(value, Kind):
        return value.value
    if isinstance(value, Source):
        return source_data(value)
    return value


def _changed(element: object, base: object, names: Iterable[str]) -> dict[str, Any]:
    return {
        key: _json_value(getattr(element, key))
        for key in names
        if getattr(element, key) != getattr(base, key)
    }


def _differences(amap: ArgumentMap, plain: ArgumentMap) -> dict[str, Any]:
    """What a reader of the plain arggraph would not get back, as argmap's own fields."""
    extra: dict[str, Any] = {}
    if plain.title != amap.title:
        extra["title"] = amap.title
    if amap.lang != plain.lang:
        extra["lang"] = amap.lang
    data = map_data(amap)
    if "date" in data:
        extra["date"] = data["date"]
    if amap.document != plain.document:
        extra["document"] = data.get("document")
    claims: dict[str, Any] = {}
    for claim in amap.claims.values():
        record = _changed(claim, plain.claims[claim.id], _CLAIM_FIELDS)
        if claim.blank:  # said, so that reading it back does not warn of a missing text
            record["blank"] = True
        if record:
            claims[claim.id] = record
    inferences: dict[str, Any] = {}
    for inf in amap.inferences.values():
        found = plain.inferences.get(inf.id)
        # An inference the XML does not hold (one without premises) is all in argmap's data.
        base = found if found is not None else Inference(inf.id, (), inf.conclusion)
        record = _changed(inf, base, _INFERENCE_FIELDS)
        if found is None:
            record.update(premises=list(inf.premises), conclusion=inf.conclusion)
        if record:
            inferences[inf.id] = record
    attacks: dict[str, Any] = {}
    for att in amap.attacks.values():
        found_attack = plain.attacks.get(att.id)
        record = _changed(att, found_attack or Attack(att.id, att.source, att.target), _ATTACK_FIELDS)
        if found_attack is None:
            record.update(source=att.source, target=att.target)
        if record:
            attacks[att.id] = record
    for key, value in (("claims", claims), ("inferences", inferences), ("attacks", attacks)):
        if value:
            extra[key] = value
    if "ignore" in data:
        extra["ignore"] = data["ignore"]
    return extra


def dumps(amap: ArgumentMap) -> str:
    """The arggraph XML of ``amap``, which :func:`loads` reads back as the same map.

    What the arggraph has no place for is kept in a ``<?argmap {...}?>``
    processing instruction (JSON), which other tools ignore.
    """
    if not isinstance(amap, ArgumentMap):
        raise TypeError(_("dumps() takes an ArgumentMap, not {type}").format(type=type(amap).__name__))
    text = _plain(amap)
    with using("en"):
        plain = loads(text).map
    extra = _differences(amap, plain)
    if not extra:
        return text
    # ASCII JSON holds no character XML refuses; '>' escaped, it holds no '?>' either.
    data = json.dumps(extra, ensure_ascii=True, separators=(",", ":")).replace(">", "\\u003e")
    end = "</arggraph>\n"
    return f"{text[: -len(end)]}  <?{EXTRA} {data}?>\n{end}"
