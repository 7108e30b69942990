"""Reading and writing AIF JSON, the Argument Interchange Format as AIFdb and
OVA store it: ``{"nodes": [...], "edges": [...], "locutions": [...]}``.

>>> imported = loads('''{"nodes": [
...   {"nodeID": "1", "text": "It rains", "type": "I"},
...   {"nodeID": "2", "text": "Take an umbrella", "type": "I"},
...   {"nodeID": "3", "text": "Default Inference", "type": "RA"}],
...  "edges": [{"edgeID": "1", "fromID": "1", "toID": "3"},
...            {"edgeID": "2", "fromID": "3", "toID": "2"}]}''')
>>> m = imported.map
>>> [(c.id, c.kind.value) for c in m.claims.values()]
[('n1', 'premise'), ('n2', 'conclusion')]
>>> m.inferences["r3"].premises, m.inferences["r3"].conclusion
(('n1',), 'n2')
>>> loads(dumps(m)).map == m
True

How the nodes become a map (docs/interop.md tells the same to users):

- an I-node is a claim ``n<nodeID>``: a conclusion when an RA (or MA)
  concludes it, else a premise;
- an RA node is an inference ``r<nodeID>`` from the I-nodes with an edge into
  it to the one I-node it points to; its scheme is the node's ``scheme``
  field, else its text, unless that is a generic name ("Default Inference");
- an MA node (a rephrase) is an inference ``m<nodeID>`` with the scheme
  ``rephrase``, from the I-node rephrased to its rephrasing;
- a CA node is an attack ``x<nodeID>`` from the I-node with an edge into it
  on what it points to: an I-node (rebuttal), an RA or MA (undercut), or a
  CA (an attack on an attack, when the model holds them);
- a speaker and a date are kept as a claim's source when the I-node is
  anchored by a YA node to an L-node whose locution names a participant or a
  time, or whose text starts with ``Speaker : ``; the other dialogue nodes (L, TA, YA) and locutions are counted in
  one warning.

A nodeID made of letters, digits, ``_``, ``.`` and ``-`` is kept after the
prefix; other characters become ``_``; an id that another element already
has gets ``-2``, ``-3``... Files that argmap wrote carry each element's own id
and fields in an ``"argmap"`` object on the node, which AIFdb ignores; reading
it back gives the same map.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from typing import Any

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
from argmap.formats._tree import JSON_BREAKS, LineIndex
from argmap.i18n import _, choose, using
from argmap.model import (
    ID_PATTERN,
    LANG_PATTERN,
    ArgumentMap,
    Attack,
    Claim,
    Inference,
    Kind,
    Source,
    check_text,
)

__all__ = ["dumps", "loads"]

#: The names AIF tools give a node that says nothing more than its type.
GENERIC_SCHEMES = frozenset(
    {"", "ra", "ca", "ma", "default inference", "default conflict", "default rephrase", "inference"}
)
#: The scheme of the inference an MA (rephrase) node becomes.
REPHRASE = "rephrase"
#: Dialogue nodes: locutions, transitions, illocutionary anchors.
DIALOGUE_TYPES = frozenset({"L", "TA", "YA"})
#: The key of argmap's own fields on a node and on the whole file.
EXTRA = "argmap"
#: The longest integer read from a file (longer ones would be slow to convert).
MAX_DIGITS = 40

_SURROGATE = re.compile("[\ud800-\udfff]")
_SAID_BY = re.compile(r"\s*([^\s:][^:\n]{0,59}?)\s+:\s")
_SAFE = re.compile(r"[^A-Za-z0-9_.\-]")
_PREFIX = {"I": "n", "RA": "r", "MA": "m", "CA": "x"}
_NODE_KEY = re.compile(r'"nodeID"\s*:\s*("(?:[^"\\]|\\.)*"|-?[0-9][0-9.eE+-]*)')
_EDGE_KEY = re.compile(r'"edgeID"\s*:\s*("(?:[^"\\]|\\.)*"|-?[0-9][0-9.eE+-]*)')


class _BigNumber(float):
    """An integer too long to read: kept as a number that is no id."""


def _parse_int(digits: str) -> int | float:
    if len(digits) > MAX_DIGITS:
        return _BigNumber("inf") if not digits.startswith("-") else _BigNumber("-inf")
    return int(digits)


def _refuse_constant(name: str) -> Any:
    raise ValueError(_("{name} is not a JSON number").format(name=name))


def _parse(text: str, name: str) -> Any:
    """The JSON value of ``text``; ArgmapError located where it is not JSON."""
    try:
        return json.loads(text, parse_int=_parse_int, parse_constant=_refuse_constant)
    except json.JSONDecodeError as exc:
        raise ArgmapError(
            [Problem(_("not JSON: {reason}").format(reason=exc.msg), Location(name, exc.lineno, exc.colno))]
        ) from None
    except RecursionError:
        raise ArgmapError(
            [Problem(_("not JSON argmap can read: it nests too deep"), Location(name, 1, 1))]
        ) from None
    except ValueError as exc:
        raise ArgmapError(
            [Problem(_("not JSON: {reason}").format(reason=exc), Location(name, 1, 1))]
        ) from None


def _node_id(value: object) -> str | None:
    """A nodeID as text: a string, or a whole number; None for anything else."""
    if isinstance(value, str):
        return value if value and _text_ok(value) else None
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return None


def _text_ok(value: object) -> bool:
    try:
        check_text(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return False
    return True


def _shown(value: object) -> str:
    """A node id or value as a message shows it."""
    text = value if isinstance(value, str) else repr(value)
    text = text.encode("utf-8", "backslashreplace").decode("utf-8")
    return repr(text[:40] + "…") if len(text) > 40 else repr(text)


class _Where:
    """Where nodes and edges are in the text, found only when a warning needs it."""

    def __init__(self, text: str, name: str) -> None:
        self._text = text
        self._name = name
        self._nodes: dict[str, int] | None = None
        self._edges: dict[str, int] | None = None
        self._lines: LineIndex | None = None

    def _scan(self, pattern: re.Pattern[str]) -> dict[str, int]:
        found: dict[str, int] = {}
        for m in pattern.finditer(self._text):
            raw = m.group(1)
            try:
                key = json.loads(raw, parse_int=str, parse_float=str) if raw.startswith('"') else raw
            except ValueError:
                continue
            found.setdefault(str(key), m.start())
        return found

    def _at(self, offset: int | None) -> Location:
        if offset is None:
            return Location(self._name, 1, 1)
        if self._lines is None:
            self._lines = LineIndex(self._text, JSON_BREAKS)
        line, column = self._lines.position(offset)
        return Location(self._name, line, column)

    def node(self, node_id: str | None) -> Location:
        if self._nodes is None:
            self._nodes = self._scan(_NODE_KEY)
        return self._at(self._nodes.get(node_id) if node_id is not None else None)

    def edge(self, edge_id: str | None) -> Location:
        if self._edges is None:
            self._edges = self._scan(_EDGE_KEY)
        return self._at(self._edges.get(edge_id) if edge_id is not None else None)


class _Reader:
    """One file's nodes and edges turned into claims, inferences and attacks."""

    def __init__(self, tree: Mapping[str, Any], where: _Where, name: str, lang: str | None) -> None:
        self.tree = tree
        self.where = where
        self.name = name
        self.lang = lang
        self.warnings: list[Problem] = []
        self.more = 0
        self.nodes: dict[str, dict[str, Any]] = {}
        self.types: dict[str, str] = {}
        self.into: dict[str, list[str]] = {}
        self.out: dict[str, list[str]] = {}
        self.ids: dict[str, str] = {}
        self.taken: set[str] = set()

    def warn(self, message: str, location: Location) -> None:
        if len(self.warnings) < MAX_PROBLEMS:
            self.warnings.append(Problem(message, location))
        else:
            self.more += 1

    def warnings_out(self) -> tuple[Problem, ...]:
        if self.more:
            return (*self.warnings, more_problems(self.more, self.warnings[-1].location))
        return tuple(self.warnings)

    # -- nodes and edges -------------------------------------------------

    def read_nodes(self, nodes: list[Any]) -> None:
        for index, node in enumerate(nodes):
            if not isinstance(node, dict):
                self.warn(
                    _("nodes[{index}] is not an object: ignored").format(index=index), self.where.node(None)
                )
                continue
            nid = _node_id(node.get("nodeID"))
            if nid is None:
                self.warn(
                    _("nodes[{index}] has no nodeID (text or a whole number): ignored").format(index=index),
                    self.where.node(None),
                )
                continue
            if nid in self.nodes:
                self.warn(
                    _("node {id} appears twice: the second is ignored").format(id=_shown(nid)),
                    self.where.node(nid),
                )
                continue
            kind = node.get("type")
            if not isinstance(kind, str) or not _text_ok(kind):
                self.warn(
                    _("node {id} has no type (I, RA, CA, MA, ...): ignored").format(id=_shown(nid)),
                    self.where.node(nid),
                )
                continue
            self.nodes[nid] = node
            self.types[nid] = kind.strip().upper()

    def read_edges(self, edges: object) -> None:
        if edges is None:
            return
        if not isinstance(edges, list):
            self.warn(_('"edges" is not a list: no edge is read'), self.where.node(None))
            return
        seen: set[tuple[str, str]] = set()
        for index, edge in enumerate(edges):
            if not isinstance(edge, dict):
                self.warn(
                    _("edges[{index}] is not an object: ignored").format(index=index), self.where.edge(None)
                )
                continue
            eid = _node_id(edge.get("edgeID"))
            src, dst = _node_id(edge.get("fromID")), _node_id(edge.get("toID"))
            missing = [n for n in (src, dst) if n is None or n not in self.nodes]
            if missing or src is None or dst is None:
                shown = ", ".join(_shown(n) if n is not None else "?" for n in missing)
                self.warn(
                    _("edge {edge} joins a node that does not exist ({nodes}): ignored").format(
                        edge=_shown(eid if eid is not None else index), nodes=shown
                    ),
                    self.where.edge(eid),
                )
                continue
            if (src, dst) in seen:
                continue
            seen.add((src, dst))
            self.out.setdefault(src, []).append(dst)
            self.into.setdefault(dst, []).append(src)

    def of_type(self, node_ids: Iterable[str], *types: str) -> list[str]:
        return [n for n in node_ids if self.types[n] in types]

    # -- ids -------------------------------------------------------------

    def assign_ids(self) -> None:
        """argmap ids for the nodes: their own (from a file argmap wrote) first, then made."""
        for nid, node in self.nodes.items():
            extra = node.get(EXTRA)
            own = extra.get("id") if isinstance(extra, dict) else None
            if (
                self.types[nid] in _PREFIX
                and isinstance(own, str)
                and ID_PATTERN.match(own)
                and own not in self.taken
            ):
                self.ids[nid] = own
                self.taken.add(own)
        for nid in self.nodes:
            prefix = _PREFIX.get(self.types[nid])
            if prefix is None or nid in self.ids:
                continue
            self.ids[nid] = self.fresh(prefix + _SAFE.sub("_", nid))

    # -- elements --------------------------------------------------------

    def extra(self, nid: str) -> dict[str, Any]:
        value = self.nodes[nid].get(EXTRA)
        return value if isinstance(value, dict) else {}

    def text_field(self, extra: Mapping[str, Any], key: str) -> str | None:
        value = extra.get(key)
        return value if isinstance(value, str) and _text_ok(value) else None

    def tags(self, extra: Mapping[str, Any]) -> tuple[str, ...]:
        value = extra.get("tags")
        if not isinstance(value, list):
            return ()
        return tuple(t for t in value if isinstance(t, str) and _text_ok(t))

    def build(self) -> ArgumentMap:
        self.assign_ids()
        inferences = self.read_inferences()
        concluded = {inf.conclusion for inf in inferences.values()}
        sources = self.read_sources()
        claims: dict[str, Claim] = {}
        for nid in self.nodes:
            if self.types[nid] == "I":
                claim = self.read_claim(nid, concluded, sources.get(nid))
                claims[claim.id] = claim
        attacks = self.read_attacks(inferences)
        self.count_unread()
        return self.make_map(claims, inferences, attacks)

    def read_claim(self, nid: str, concluded: set[str], source: Source | None) -> Claim:
        cid = self.ids[nid]
        extra = self.extra(nid)
        text = self.nodes[nid].get("text")
        blank = extra.get("blank") is True
        if isinstance(text, str) and not _text_ok(text):
            self.warn(
                _("I-node {id}: half of a UTF-16 surrogate pair in its text, replaced by U+FFFD").format(
                    id=_shown(nid)
                ),
                self.where.node(nid),
            )
            text = _SURROGATE.sub("\ufffd", text)
        if not isinstance(text, str):
            self.warn(
                _("I-node {id} has no text: kept as a blank").format(id=_shown(nid)), self.where.node(nid)
            )
            text, blank = "", True
        elif not text.strip() and not blank:
            self.warn(
                _("I-node {id} has an empty text: kept as a blank").format(id=_shown(nid)),
                self.where.node(nid),
            )
            blank = True
        kind: Kind = Kind.CONCLUSION if cid in concluded else Kind.PREMISE
        own_kind = extra.get("kind")
        if isinstance(own_kind, str) and own_kind in {k.value for k in Kind}:
            kind = Kind(own_kind)
        own_source = self.read_own_source(nid, extra)
        return Claim(
            cid,
            kind,
            text,
            conditional=extra.get("conditional") is True,
            source=own_source if EXTRA in self.nodes[nid] and "source" in extra else source,
            note=self.text_field(extra, "note"),
            tags=self.tags(extra),
            blank=blank,
            prompt=self.text_field(extra, "prompt"),
        )

    def read_own_source(self, nid: str, extra: Mapping[str, Any]) -> Source | None:
        value = extra.get("source")
        if not isinstance(value, dict):
            return None
        try:
            return source_of(value)
        except (TypeError, ValueError) as exc:
            self.warn(
                _("I-node {id}: its argmap source is ignored ({reason})").format(id=_shown(nid), reason=exc),
                self.where.node(nid),
            )
            return None

    def scheme_of(self, nid: str, default: str | None) -> str | None:
        node = self.nodes[nid]
        extra = self.extra(nid)
        if "scheme" in extra:
            own = extra["scheme"]
            return own if isinstance(own, str) and _text_ok(own) else None
        for key in ("scheme", "text"):
            value = node.get(key)
            if isinstance(value, str) and _text_ok(value) and value.strip().lower() not in GENERIC_SCHEMES:
                return value
        return default

    def read_inferences(self) -> dict[str, Inference]:
        inferences: dict[str, Inference] = {}
        for nid in self.nodes:
            kind = self.types[nid]
            if kind not in ("RA", "MA"):
                continue
            what = "RA" if kind == "RA" else "MA"
            premises = self.of_type(self.into.get(nid, ()), "I")
            conclusions = self.of_type(self.out.get(nid, ()), "I")
            for other in self.of_type(self.out.get(nid, ()), "RA", "MA"):
                self.warn(
                    _(
                        "{type} node {id} supports an inference ({other}): argmap has no support of an inference, not kept"
                    ).format(type=what, id=_shown(nid), other=_shown(other)),
                    self.where.node(nid),
                )
            if not conclusions:
                self.warn(
                    _("{type} node {id} has no conclusion (no edge to an I-node): not kept").format(
                        type=what, id=_shown(nid)
                    ),
                    self.where.node(nid),
                )
                continue
            if len(conclusions) > 1:
                self.warn(
                    _(
                        "{type} node {id} has {count} conclusions ({nodes}): not kept, an inference has one"
                    ).format(
                        type=what,
                        id=_shown(nid),
                        count=len(conclusions),
                        nodes=", ".join(map(_shown, conclusions)),
                    ),
                    self.where.node(nid),
                )
                continue
            if not premises:
                self.warn(
                    _("{type} node {id} has no premise (no edge from an I-node): kept with none").format(
                        type=what, id=_shown(nid)
                    ),
                    self.where.node(nid),
                )
            extra = self.extra(nid)
            strength = extra.get("strength")
            if not (
                isinstance(strength, (int, float)) and not isinstance(strength, bool) and 0 <= strength <= 1
            ):
                strength = None
            iid = self.ids[nid]
            inferences[iid] = Inference(
                iid,
                tuple(self.ids[p] for p in premises),
                self.ids[conclusions[0]],
                marker=self.text_field(extra, "marker"),
                scheme=self.scheme_of(nid, REPHRASE if kind == "MA" else None),
                strength=float(strength) if strength is not None else None,
                note=self.text_field(extra, "note"),
                tags=self.tags(extra),
            )
        return inferences

    def read_attacks(self, inferences: Mapping[str, Inference]) -> dict[str, Attack]:
        attacks: dict[str, Attack] = {}
        first: dict[str, str] = {}
        pending: list[tuple[str, str, str, str]] = []  # CA node, attack id, source claim, target CA
        for nid in self.nodes:
            if self.types[nid] != "CA":
                continue
            attackers = self.of_type(self.into.get(nid, ()), "I")
            targets = [t for t in self.out.get(nid, ()) if self.types[t] in ("I", "RA", "MA", "CA")]
            if not attackers:
                self.warn(
                    _("CA node {id} has no attacker (no edge from an I-node): not kept").format(
                        id=_shown(nid)
                    ),
                    self.where.node(nid),
                )
                continue
            if len(targets) != 1:
                message = (
                    _("CA node {id} attacks nothing (no edge to a node): not kept")
                    if not targets
                    else _("CA node {id} has {count} targets ({nodes}): not kept, an attack has one")
                )
                self.warn(
                    message.format(id=_shown(nid), count=len(targets), nodes=", ".join(map(_shown, targets))),
                    self.where.node(nid),
                )
                continue
            if len(attackers) > 1:
                self.warn(
                    _("CA node {id} has {count} attackers ({nodes}): kept as one attack each").format(
                        id=_shown(nid), count=len(attackers), nodes=", ".join(map(_shown, attackers))
                    ),
                    self.where.node(nid),
                )
            target = targets[0]
            extra = self.extra(nid)
            for n, attacker in enumerate(attackers, 1):
                aid = self.ids[nid]
                if n > 1:
                    aid = self.fresh(f"{aid}-{n}")
                first.setdefault(nid, aid)
                if self.types[target] == "CA":
                    pending.append((nid, aid, self.ids[attacker], target))
                    continue
                tid = self.ids[target]
                if self.types[target] in ("RA", "MA") and tid not in inferences:
                    self.warn(
                        _("CA node {id} attacks {target}, an inference that was not kept: not kept").format(
                            id=_shown(nid), target=_shown(target)
                        ),
                        self.where.node(nid),
                    )
                    continue
                attacks[aid] = Attack(
                    aid, self.ids[attacker], tid, note=self.text_field(extra, "note"), tags=self.tags(extra)
                )
        # Attacks on attacks: kept when the attack they target is kept (a
        # cycle of them is kept whole: each targets an attack that exists).
        kept = {aid for _nid, aid, _source, _target in pending}
        changed = True
        while changed:
            changed = False
            for _nid, aid, _source, target in pending:
                target_id = first.get(target)
                if aid in kept and (
                    target_id is None or (target_id not in attacks and target_id not in kept)
                ):
                    kept.discard(aid)
                    changed = True
        for nid, aid, source, target in pending:
            if aid not in kept:
                self.warn(
                    _("CA node {id} attacks {target}, an attack that was not kept: not kept").format(
                        id=_shown(nid), target=_shown(target)
                    ),
                    self.where.node(nid),
                )
                continue
            extra = self.extra(nid)
            attacks[aid] = Attack(
                aid, source, first[target], note=self.text_field(extra, "note"), tags=self.tags(extra)
            )
        return attacks

    def fresh(self, base: str) -> str:
        return unused_id(base, self.taken)

    # -- dialogue --------------------------------------------------------

    def read_sources(self) -> dict[str, Source]:
        """Speaker and date of each I-node anchored (YA) in a locution (L)."""
        participants: dict[str, str] = {}
        for p in self.list_of("participants"):
            pid = _node_id(p.get("participantID"))
            names = [p.get(k) for k in ("firstname", "surname")]
            name = " ".join(n.strip() for n in names if isinstance(n, str) and _text_ok(n) and n.strip())
            if pid is not None and name:
                participants.setdefault(pid, name)
        said: dict[str, tuple[str | None, str | None]] = {}
        for loc in self.list_of("locutions"):
            lid = _node_id(loc.get("nodeID"))
            if lid is None:
                continue
            person = _node_id(loc.get("personID"))
            speaker = participants.get(person) if person is not None else None
            stamp = loc.get("timestamp")
            day = stamp[:10] if isinstance(stamp, str) and re.match(r"\d{4}-\d{2}-\d{2}", stamp) else None
            said.setdefault(lid, (speaker, day))
        self.used: set[str] = set()
        self.used_locutions: set[str] = set()
        sources: dict[str, Source] = {}
        for nid in self.nodes:
            if self.types[nid] != "I":
                continue
            for ya in self.of_type(self.into.get(nid, ()), "YA"):
                for lnode in self.of_type(self.into.get(ya, ()), "L"):
                    speaker, day = said.get(lnode, (None, None))
                    if speaker is None:  # OVA writes "Speaker : words" in the L-node
                        said_by = _SAID_BY.match(str(self.nodes[lnode].get("text", "")))
                        speaker = said_by.group(1) if said_by is not None else None
                    if speaker is None and day is None:
                        continue
                    try:
                        source = Source(speaker=speaker, date=day)
                    except (TypeError, ValueError):
                        continue
                    sources.setdefault(nid, source)
                    self.used.update((ya, lnode))
                    self.used_locutions.add(lnode)
        return sources

    def list_of(self, key: str) -> list[dict[str, Any]]:
        value = self.tree.get(key)
        if not isinstance(value, list):
            return []
        return [v for v in value if isinstance(v, dict)]

    def count_unread(self) -> None:
        dialogue = [n for n in self.nodes if self.types[n] in DIALOGUE_TYPES and n not in self.used]
        locutions = [
            loc for loc in self.list_of("locutions") if _node_id(loc.get("nodeID")) not in self.used_locutions
        ]
        if dialogue or locutions:
            self.warn(
                _(
                    "dialogue ignored, as it gives no claim a speaker or a date: "
                    "{nodes} L, TA or YA nodes, {locutions} locutions"
                ).format(nodes=len(dialogue), locutions=len(locutions)),
                self.where.node(dialogue[0] if dialogue else None),
            )
        other: dict[str, list[str]] = {}
        for nid in self.nodes:
            if self.types[nid] not in (*_PREFIX, *DIALOGUE_TYPES):
                other.setdefault(self.types[nid], []).append(nid)
        for kind, ids in other.items():
            self.warn(
                _("nodes of type {type} ignored, as argmap has no such element: {nodes}").format(
                    count=len(ids),
                    type=_shown(kind),
                    nodes=", ".join(map(_shown, ids[:5])) + ("…" if len(ids) > 5 else ""),
                ),
                self.where.node(ids[0]),
            )

    # -- the map ---------------------------------------------------------

    def make_map(
        self, claims: dict[str, Claim], inferences: dict[str, Inference], attacks: dict[str, Attack]
    ) -> ArgumentMap:
        top = self.tree.get(EXTRA)
        top = top if isinstance(top, dict) else {}
        title = top.get("title")
        if not (isinstance(title, str) and _text_ok(title)):
            title = _title_from(self.name)
        lang = top.get("lang")  # the map's own, written by argmap
        if not (isinstance(lang, str) and LANG_PATTERN.match(lang)):
            lang = text_lang((claim.text for claim in claims.values()), self.lang)
        origin = Positions(self.name, {aid: self.where.node(nid) for nid, aid in self.ids.items()})
        extras, left = map_fields(top, claims.keys() | inferences.keys() | attacks.keys())
        for message in left:
            self.warn(message, Location(self.name, 1, 1))
        try:
            return ArgumentMap(
                title,
                lang=lang,
                claims=claims,
                inferences=inferences,
                attacks=attacks,
                origin=origin,
                **extras,
            )
        except (ArgmapError, TypeError, ValueError):  # what argmap added that no longer holds: left out
            return ArgumentMap(
                title, lang=lang, claims=claims, inferences=inferences, attacks=attacks, origin=origin
            )


def _title_from(name: str) -> str:
    base = re.split(r"[\\/]", name)[-1]
    for ending in (".aif.json", ".json"):
        if base.lower().endswith(ending):
            base = base[: -len(ending)]
            break
    return base if base.strip() and not base.startswith("<") else "AIF"


def _top(tree: Any, name: str) -> Mapping[str, Any]:
    if not isinstance(tree, dict):
        raise ArgmapError(
            [
                Problem(
                    _('an AIF file holds a JSON object with a "nodes" list; this holds something else'),
                    Location(name, 1, 1),
                )
            ]
        )
    if not isinstance(tree.get("nodes"), list) and isinstance(tree.get("AIF"), dict):
        tree = tree["AIF"]  # xAIF: the AIF part inside
    if not isinstance(tree.get("nodes"), list):
        raise ArgmapError(
            [Problem(_('an AIF file needs a "nodes" list; this has none'), Location(name, 1, 1))]
        )
    top: Mapping[str, Any] = tree
    return top


def loads(text: str, *, name: str = "<string>", lang: str | None = None) -> Imported:
    """The map in an AIF JSON text, and warnings for what argmap cannot hold.

    ``lang`` is the map's language when the file does not say it (argmap
    writes it into the files it makes; else ``en``); messages are in it when
    argmap speaks it, else in the language in force.

    Raises :class:`~argmap.errors.ArgmapError` (located) when the text is not
    JSON, or not an object with a ``"nodes"`` list.
    """
    if not isinstance(text, str):
        raise TypeError(_("{what} must be a str, not {type}").format(what="text", type=type(text).__name__))
    with using(None if lang is None else choose(None, lang)):
        if text.startswith("\ufeff"):
            text = text[1:]
        tree = _top(_parse(text, name), name)
        where = _Where(text, name)
        reader = _Reader(tree, where, name, lang)
        reader.read_nodes(tree["nodes"])
        reader.read_edges(tree.get("edges"))
        amap = reader.build()
        return Imported(amap, reader.warnings_out())


# -- writing ---------------------------------------------------------------


def _claim_extra(claim: Claim) -> dict[str, Any]:
    extra: dict[str, Any] = {"id": claim.id, "kind": claim.kind.value}
    if claim.conditional:
        extra["conditional"] = True
    if claim.blank:
        extra["blank"] = True
    if claim.source is not None:
        extra["source"] = source_data(claim.source)
    for key in ("note", "prompt"):
        if getattr(claim, key) is not None:
            extra[key] = getattr(claim, key)
    if claim.tags:
        extra["tags"] = list(claim.tags)
    return extra


def dumps(amap: ArgumentMap) -> str:
    """AIF JSON for ``amap``, that :func:`loads` reads back as the same map.

    Claims are I-nodes, inferences RA nodes (scheme in ``scheme`` and the
    text), attacks CA nodes; a claim's source with a speaker also gives an
    L-node, a YA anchor and a locution. Each node carries argmap's own id and
    fields in an ``"argmap"`` object, which AIF tools ignore.
    """
    counter = 0

    def new_id() -> str:
        nonlocal counter
        counter += 1
        return str(counter)

    node_of: dict[str, str] = {}
    nodes: list[dict[str, Any]] = []
    edges: list[dict[str, str]] = []
    locutions: list[dict[str, str]] = []
    participants: dict[str, str] = {}

    def edge(src: str, dst: str) -> None:
        edges.append({"edgeID": str(len(edges) + 1), "fromID": src, "toID": dst})

    for claim in amap.claims.values():
        nid = node_of[claim.id] = new_id()
        nodes.append(
            {"nodeID": nid, "text": claim.text, "type": "I", "timestamp": "", EXTRA: _claim_extra(claim)}
        )
    for inf in amap.inferences.values():
        nid = node_of[inf.id] = new_id()
        scheme = inf.scheme if inf.scheme is not None and inf.scheme.strip() else "Default Inference"
        extra: dict[str, Any] = {"id": inf.id, "scheme": inf.scheme}
        for key in ("marker", "strength", "note"):
            if getattr(inf, key) is not None:
                extra[key] = getattr(inf, key)
        if inf.tags:
            extra["tags"] = list(inf.tags)
        nodes.append(
            {"nodeID": nid, "text": scheme, "type": "RA", "timestamp": "", "scheme": scheme, EXTRA: extra}
        )
    for att in amap.attacks.values():
        node_of[att.id] = new_id()
    for att in amap.attacks.values():
        extra = {"id": att.id}
        if att.note is not None:
            extra["note"] = att.note
        if att.tags:
            extra["tags"] = list(att.tags)
        nodes.append(
            {
                "nodeID": node_of[att.id],
                "text": "Default Conflict",
                "type": "CA",
                "timestamp": "",
                "scheme": "Default Conflict",
                EXTRA: extra,
            }
        )
    for inf in amap.inferences.values():
        for premise in dict.fromkeys(inf.premises):
            edge(node_of[premise], node_of[inf.id])
        edge(node_of[inf.id], node_of[inf.conclusion])
    for att in amap.attacks.values():
        edge(node_of[att.source], node_of[att.id])
        edge(node_of[att.id], node_of[att.target])
    for claim in amap.claims.values():
        source = claim.source
        if source is None or source.speaker is None or not source.speaker.strip():
            continue
        person = participants.setdefault(source.speaker, str(len(participants) + 1))
        lnode, ya = new_id(), new_id()
        nodes.append(
            {"nodeID": lnode, "text": f"{source.speaker} : {claim.text}", "type": "L", "timestamp": ""}
        )
        nodes.append({"nodeID": ya, "text": "Asserting", "type": "YA", "timestamp": ""})
        edge(lnode, ya)
        edge(ya, node_of[claim.id])
        stamp = f"{source.date.isoformat()} 00:00:00" if source.date is not None else ""
        locutions.append({"nodeID": lnode, "personID": person, "timestamp": stamp})
    top: dict[str, Any] = {"title": amap.title, "lang": amap.lang, **map_data(amap)}
    doc = {
        "nodes": nodes,
        "edges": edges,
        "locutions": locutions,
        "participants": [
            {"participantID": pid, "firstname": speaker.strip(), "surname": ""}
            for speaker, pid in participants.items()
        ],
        EXTRA: top,
    }
    return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"
