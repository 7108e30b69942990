"""Turn a plain tree into an :class:`~argmap.model.ArgumentMap`, collecting
every problem with its place.

The fields are those of ``_fields``, each converted by its rule in ``_rules``.
A YAML scalar reaches this module as a string and is converted by the field's
own rule; JSON values arrive typed. Either way a field accepts exactly what its
rule says.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from argmap.errors import MAX_PROBLEMS, ArgmapError, Problem
from argmap.formats import _bulk
from argmap.formats._fields import (
    ATTACK_FIELDS,
    ATTACK_REQUIRED,
    CLAIM_FIELDS,
    CLAIM_REQUIRED,
    CLAIM_SET,
    DOCUMENT_FIELDS,
    FORMAT_VERSION,
    INFERENCE_FIELDS,
    INFERENCE_REQUIRED,
    SOURCE_FIELDS,
    TOP_FIELDS,
    TOP_REQUIRED,
)
from argmap.formats._rules import (
    Suggester,
    _brief,
    _Invalid,
    _suggest,
    _type_name,
    bool_rule,
    date_rule,
    id_rule,
    ids_rule,
    int_rule,
    kind_rule,
    lang_rule,
    strength_rule,
    tags_rule,
    text_rule,
    url_rule,
)
from argmap.formats._tree import Locator, Path, Tree
from argmap.model import ID_PATTERN, ArgumentMap, Attack, Claim, Document, Inference, Source, prechecked

#: Constructors for values the rules have checked.
_new_source = prechecked(Source)
_new_document = prechecked(Document)
_new_claim = prechecked(Claim)
_new_inference = prechecked(Inference)
_new_attack = prechecked(Attack)


class _Builder:
    def __init__(self, locator: Locator | None) -> None:
        self.locator = locator
        self.pending: list[tuple[Path, bool, str]] = []
        #: Problems found past the first MAX_PROBLEMS: counted, not kept.
        self.more = 0
        #: Sections built by the bulk path, which has checked their references.
        self.bulk_built: set[str] = set()
        #: "Did you mean" for missing ids: bounded, so a map full of bad
        #: references is still checked in time linear in its size.
        self.suggest = Suggester()

    # -- reporting -------------------------------------------------------
    def fail(self, path: Path, message: str, key: bool = False) -> None:
        if len(self.pending) < MAX_PROBLEMS:
            self.pending.append((path, key, message))
        else:
            self.more += 1

    def problems(self) -> list[Problem]:
        out = []
        if self.locator is not None:
            self.locator.prepare(path for path, _key, _message in self.pending)
        for path, key, message in self.pending:
            loc = self.locator.at(path, key) if self.locator is not None else None
            out.append(Problem(message, loc))
        out.sort(key=lambda p: (p.location.line, p.location.column) if p.location else (0, 0))
        return out

    # -- field rules -----------------------------------------------------
    def fields(
        self,
        value: Tree,
        path: Path,
        what: str,
        allowed: tuple[str, ...],
        required: tuple[str, ...] = (),
    ) -> dict[str, Tree] | None:
        """``value`` as a mapping with only ``allowed`` keys and all ``required`` ones."""
        if not isinstance(value, dict):
            self.fail(path, f"{what} must be a mapping of fields, not {_type_name(value)}")
            return None
        for k in value:
            if k not in allowed:
                self.fail(
                    (*path, k),
                    f"{what}: unknown field {_brief(k)}{_suggest(k, allowed)}; known fields: {', '.join(allowed)}",
                    key=True,
                )
        for k in required:
            if value.get(k) is None:
                if k in value:
                    self.fail((*path, k), f"{what}: {_brief(k)} needs a value")
                else:
                    self.fail(path, f"{what}: missing required field {_brief(k)}", key=True)
        return value

    def convert(self, value: Tree, path: Path, what: str, rule: Callable[[Tree], Any]) -> Any:
        """Apply ``rule`` to a present value; None when absent or broken."""
        if value is None:
            return None
        try:
            return rule(value)
        except _Invalid as exc:
            self.fail(path, f"{what}: {exc}")
            return None

    # -- the elements ------------------------------------------------------
    def source(self, value: Tree, path: Path, what: str) -> Source | None:
        f = self.fields(value, path, f"{what} source", SOURCE_FIELDS)
        if f is None:
            return None
        return _new_source(
            url=self.convert(f.get("url"), (*path, "url"), f"{what} source url", url_rule),
            title=self.convert(f.get("title"), (*path, "title"), f"{what} source title", text_rule),
            speaker=self.convert(f.get("speaker"), (*path, "speaker"), f"{what} source speaker", text_rule),
            date=self.convert(f.get("date"), (*path, "date"), f"{what} source date", date_rule),
            quote=self.convert(f.get("quote"), (*path, "quote"), f"{what} source quote", text_rule),
        )

    def claim(self, cid: str, value: Tree) -> Claim | None:
        path: Path = ("claims", cid)
        what = f"claim {_brief(cid)}"
        # Fast path for the common well-formed claim; otherwise report why not.
        if (
            not isinstance(value, dict)
            or not value.keys() <= CLAIM_SET
            or value.get("kind") is None
            or value.get("text") is None
        ) and self.fields(value, path, what, CLAIM_FIELDS, CLAIM_REQUIRED) is None:
            return None
        get = value.get
        kind = self.convert(get("kind"), (*path, "kind"), what, kind_rule)
        text = self.convert(get("text"), (*path, "text"), what + " text", text_rule)
        conditional = self.convert(
            get("conditional"), (*path, "conditional"), what + " conditional", bool_rule
        )
        source = get("source")
        if source is not None:
            source = self.source(source, (*path, "source"), what)
        note = self.convert(get("note"), (*path, "note"), what + " note", text_rule)
        tags = self.convert(get("tags"), (*path, "tags"), what + " tags", tags_rule)
        if kind is None or text is None:
            return None
        return _new_claim(cid, kind, text, bool(conditional), source, note, tags or ())

    def inference(self, iid: str, value: Tree) -> Inference | None:
        path: Path = ("inferences", iid)
        what = f"inference {_brief(iid)}"
        f = self.fields(value, path, what, INFERENCE_FIELDS, INFERENCE_REQUIRED)
        if f is None:
            return None
        get = f.get
        premises = self.convert(get("from"), (*path, "from"), what + " from", ids_rule)
        conclusion = self.convert(get("to"), (*path, "to"), what + " to", id_rule)
        strength = self.convert(get("strength"), (*path, "strength"), what + " strength", strength_rule)
        marker = self.convert(get("marker"), (*path, "marker"), what + " marker", text_rule)
        scheme = self.convert(get("scheme"), (*path, "scheme"), what + " scheme", text_rule)
        note = self.convert(get("note"), (*path, "note"), what + " note", text_rule)
        tags = self.convert(get("tags"), (*path, "tags"), what + " tags", tags_rule)
        if premises is None or conclusion is None:
            return None
        return _new_inference(iid, premises, conclusion, marker, scheme, strength, note, tags or ())

    def attack(self, aid: str, value: Tree) -> Attack | None:
        path: Path = ("attacks", aid)
        what = f"attack {_brief(aid)}"
        f = self.fields(value, path, what, ATTACK_FIELDS, ATTACK_REQUIRED)
        if f is None:
            return None
        get = f.get
        source = self.convert(get("from"), (*path, "from"), what + " from", id_rule)
        target = self.convert(get("to"), (*path, "to"), what + " to", id_rule)
        note = self.convert(get("note"), (*path, "note"), what + " note", text_rule)
        tags = self.convert(get("tags"), (*path, "tags"), what + " tags", tags_rule)
        if source is None or target is None:
            return None
        return _new_attack(aid, source, target, note, tags or ())

    def section(
        self,
        top: dict[str, Tree],
        name: str,
        bulk: Callable[[dict[str, Tree]], dict[str, Any] | None],
        careful: Callable[[str, Tree], Any],
        seen: dict[str, str],
    ) -> dict[str, Any]:
        value = top.get(name)
        out: dict[str, Any] = {}
        if value is None:
            return out
        if not isinstance(value, dict):
            self.fail((name,), f"{name} must be a mapping from id to {name[:-1]}, not {_type_name(value)}")
            return out
        kind = name[:-1] if name != "inferences" else "inference"
        if seen.keys().isdisjoint(value) and (built := bulk(value)) is not None:
            seen.update(dict.fromkeys(built, kind))
            self.bulk_built.add(name)
            return built
        # Something is out of the ordinary: go element by element and say what.
        for eid, body in value.items():
            if ID_PATTERN.match(eid) is None:
                self.fail(
                    (name, eid),
                    f"{kind} id {_brief(eid)} is not valid: start with a letter, then use letters, digits, '_', '.' or '-'",
                    key=True,
                )
                continue
            if eid in seen:
                self.fail(
                    (name, eid),
                    f"id {_brief(eid)} is already used by a {seen[eid]}; ids must be unique across claims, inferences and attacks",  # noqa: E501
                    key=True,
                )
                continue
            seen[eid] = kind
            element = careful(eid, body)
            if element is not None:
                out[eid] = element
        return out

    # -- the whole map -----------------------------------------------------
    def build(self, tree: Tree) -> ArgumentMap | None:
        if not isinstance(tree, dict):
            self.fail(
                (),
                f"an argument map must be a mapping with argmap:, title: and claims: at the top, not {_type_name(tree)}",
            )
            return None
        self.fields(tree, (), "map", TOP_FIELDS, TOP_REQUIRED)
        version = tree.get("argmap")
        if version is not None:
            v = self.convert(version, ("argmap",), "argmap (format version)", int_rule)
            if v is not None and v != FORMAT_VERSION:
                self.fail(
                    ("argmap",),
                    f"format version {v} is not supported: this argmap reads version {FORMAT_VERSION}",
                )
        title = self.convert(tree.get("title"), ("title",), "title", text_rule)
        lang = self.convert(tree.get("lang"), ("lang",), "lang", lang_rule) or "en"
        date = self.convert(tree.get("date"), ("date",), "date", date_rule)
        document = None
        if tree.get("document") is not None:
            f = self.fields(tree["document"], ("document",), "document", DOCUMENT_FIELDS)
            if f is not None:
                document = _new_document(
                    title=self.convert(f.get("title"), ("document", "title"), "document title", text_rule),
                    url=self.convert(f.get("url"), ("document", "url"), "document url", url_rule),
                    author=self.convert(
                        f.get("author"), ("document", "author"), "document author", text_rule
                    ),
                    file=self.convert(f.get("file"), ("document", "file"), "document file", text_rule),
                )
        seen: dict[str, str] = {}
        claims = self.section(tree, "claims", _bulk.claims, self.claim, seen)
        inferences = self.section(
            tree, "inferences", lambda v: _bulk.inferences(v, claims), self.inference, seen
        )
        attacks = self.section(
            tree, "attacks", lambda v: _bulk.attacks(v, claims, inferences), self.attack, seen
        )
        self.references(claims, inferences, attacks, seen)
        ignore = self.ignore(tree.get("ignore"), seen)
        if self.pending or title is None:
            return None
        origin = self.locator.for_elements() if self.locator is not None else None
        return ArgumentMap._trusted(
            title=title,
            lang=lang,
            date=date,
            document=document,
            claims=claims,
            inferences=inferences,
            attacks=attacks,
            ignore=ignore,
            origin=origin,
        )

    def references(
        self,
        claims: dict[str, Claim],
        inferences: dict[str, Inference],
        attacks: dict[str, Attack],
        seen: dict[str, str],
    ) -> None:
        candidates: dict[bool, list[str]] = {}  # made once, on first need

        def missing(ref: str, path: Path, what: str, want: str) -> None:
            if ref in seen:
                self.fail(
                    path,
                    f"{what} {_brief(ref)} is a{'n' if seen[ref][0] in 'aei' else ''} {seen[ref]}, not {want}",
                )
            elif len(self.pending) >= MAX_PROBLEMS:  # not listed: no need to suggest
                self.more += 1
            else:
                claims_only = want == "a claim"
                known = candidates.get(claims_only)
                if known is None:
                    known = candidates[claims_only] = [
                        k for k, v in seen.items() if v == "claim" or (not claims_only and v == "inference")
                    ]
                self.fail(path, f"{what} {_brief(ref)} does not exist{self.suggest(ref, known)}")

        # An id in ``seen`` whose element was broken is reported where it stands;
        # references to it are not reported again.
        def broken(ref: str) -> bool:
            return ref in seen and ref not in claims and ref not in inferences and ref not in attacks

        for iid, inf in inferences.items() if "inferences" not in self.bulk_built else ():
            for i, p in enumerate(inf.premises):
                if p not in claims and not broken(p):
                    missing(p, ("inferences", iid, "from", i), f"inference {_brief(iid)}: premise", "a claim")
            if inf.conclusion not in claims and not broken(inf.conclusion):
                missing(
                    inf.conclusion,
                    ("inferences", iid, "to"),
                    f"inference {_brief(iid)}: conclusion",
                    "a claim",
                )
        for aid, att in attacks.items() if "attacks" not in self.bulk_built else ():
            if att.source not in claims and not broken(att.source):
                missing(att.source, ("attacks", aid, "from"), f"attack {_brief(aid)}: source", "a claim")
            if att.target not in claims and att.target not in inferences and not broken(att.target):
                missing(
                    att.target,
                    ("attacks", aid, "to"),
                    f"attack {_brief(aid)}: target",
                    "a claim or an inference",
                )

    def ignore(self, value: Tree, seen: dict[str, str]) -> dict[str, tuple[str, ...]]:
        out: dict[str, tuple[str, ...]] = {}
        if value is None:
            return out
        if not isinstance(value, dict):
            self.fail(
                ("ignore",),
                f"ignore must be a mapping from element id to a list of rule names, not {_type_name(value)}",
            )
            return out
        ids = list(seen)
        for eid, rules in value.items():
            if eid not in seen:
                self.fail(
                    ("ignore", eid),
                    f"ignore: {_brief(eid)} is not an element of this map{self.suggest(eid, ids)}",
                    key=True,
                )
                continue
            names = self.convert(rules, ("ignore", eid), f"ignore {_brief(eid)}", tags_rule)
            if names is not None:
                out[eid] = names
        return out


def build_map(tree: Tree, locator: Locator | None, earlier: list[Problem]) -> ArgumentMap:
    """The map described by ``tree``; raises :class:`ArgmapError` listing every problem."""
    builder = _Builder(locator)
    amap = builder.build(tree) if tree is not None else None
    problems = sorted(
        earlier + builder.problems(),
        key=lambda p: (p.location.line, p.location.column) if p.location else (0, 0),
    )
    if problems or amap is None:
        more = builder.more + getattr(earlier, "more", 0)
        raise ArgmapError(problems or [Problem("the map could not be read")], more)
    return amap
