"""Turn a plain tree into an :class:`~argmap.model.ArgumentMap`, collecting
every problem with its place.

Each element is checked by looping over its table in :mod:`argmap.formats.spec`:
every field is converted by its rule (``_rules``). A YAML scalar reaches this
module as a string and is converted by the field's own rule; JSON values
arrive typed. Either way a field accepts exactly what its rule says.
"""

from __future__ import annotations

from typing import Any

from argmap.errors import MAX_PROBLEMS, ArgmapError, Problem
from argmap.formats import spec
from argmap.formats._rules import Suggester, _brief, _Invalid, _suggest, _type_name, listing, pgettext
from argmap.formats._tree import FileLocator, Path, Tree
from argmap.i18n import N_, _
from argmap.model import ID_PATTERN, ArgumentMap, Claim

#: How a message names an element of each kind, by its id.
_NAMED = {
    "claim": N_("claim {id}"),
    "inference": N_("inference {id}"),
    "attack": N_("attack {id}"),
}
#: What a reference stands for in its element, by the field's role.
_ROLES = {
    "premise": N_("premise {id}"),
    "conclusion": N_("conclusion {id}"),
    "source": N_("source {id}"),
    "target": N_("target {id}"),
}


def _named(kind: str, eid: str) -> str:
    """``claim 'E1'``: an element, as messages name it."""
    template = _NAMED.get(kind)
    shown = _brief(eid)
    return _(template).format(id=shown) if template else f"{kind} {shown}"


def _kind_noun(kind: str) -> str:
    """``claim``, ``inference``, ``attack``: a kind of element, as a message names it."""
    if kind == "claim":
        return pgettext("element", "claim")
    if kind == "inference":
        return pgettext("element", "inference")
    if kind == "attack":
        return pgettext("element", "attack")
    return kind


def _a(kind: str) -> str:
    """``a claim``, ``an inference``."""
    if kind == "claim":
        return pgettext("element", "a claim")
    if kind == "inference":
        return pgettext("element", "an inference")
    if kind == "attack":
        return pgettext("element", "an attack")
    return f"{'an' if kind[0] in 'aeiou' else 'a'} {kind}"


def _part(whole: str, part: str) -> str:
    """``claim 'E1' source``: a part of something a message names."""
    if not whole:
        return part
    if not part:
        return whole
    return _("{whole} {part}").format(whole=whole, part=part)


class _Builder:
    def __init__(self, locator: FileLocator | None, root: spec.Element | None = None) -> None:
        self.locator = locator
        self.root = root or spec.MAP
        self.pending: list[tuple[Path, bool, str, str | None]] = []
        #: Problems found past the first MAX_PROBLEMS: counted, not kept.
        self.more = 0
        #: "Did you mean" for missing ids: bounded, so a map full of bad
        #: references is still checked in time linear in its size.
        self.suggest = Suggester()
        #: The problems that are a missing required field, and the field (see :meth:`problems`).
        self.missing: dict[Problem, str] = {}

    # -- reporting -------------------------------------------------------
    def fail(self, path: Path, message: str, key: bool = False, missing: str | None = None) -> None:
        """Report ``message`` at ``path`` (its key when ``key``); ``missing``
        names the field when the problem is that a required one is absent."""
        if len(self.pending) < MAX_PROBLEMS:
            self.pending.append((path, key, message, missing))
        else:
            self.more += 1

    def problems(self) -> list[Problem]:
        out = []
        if self.locator is not None:
            self.locator.prepare(path for path, _key, _message, _missing in self.pending)
        for path, key, message, missing in self.pending:
            loc = self.locator.at(path, key) if self.locator is not None else None
            problem = Problem(message, loc)
            out.append(problem)
            if missing is not None:
                self.missing[problem] = missing
        out.sort(key=lambda p: (p.location.line, p.location.column) if p.location else (0, 0))
        return out

    # -- fields ------------------------------------------------------------
    def fields(self, value: Tree, path: Path, what: str, element: spec.Element) -> dict[str, Tree] | None:
        """``value`` as a mapping with only the element's keys and all its required ones."""
        if not isinstance(value, dict):
            self.fail(
                path,
                _("{what} must be a mapping of fields, not {found}").format(
                    what=what, found=_type_name(value)
                ),
            )
            return None
        allowed = element.keys
        for k in value:
            if k not in element.key_set:
                self.fail(
                    (*path, k),
                    _("{what}: unknown field {field}{suggestion}; known fields: {fields}").format(
                        what=what, field=_brief(k), suggestion=_suggest(k, allowed), fields=listing(allowed)
                    ),
                    key=True,
                )
        for k in element.required:
            if value.get(k) is None:
                if k in value:
                    self.fail(
                        (*path, k), _("{what}: {field} needs a value").format(what=what, field=_brief(k))
                    )
                else:
                    self.fail(
                        path,
                        _("{what}: missing required field {field}").format(what=what, field=_brief(k)),
                        key=True,
                        missing=k,
                    )
        return value

    def convert(self, value: Tree, path: Path, what: str, field: spec.Field, label: str | None = None) -> Any:
        """Apply the field's rule to a present value; None when absent or broken.

        A message starts with ``what`` and the field's label (``label`` if given).
        """
        if value is None:
            return None
        assert field.rule is not None
        try:
            return field.rule.convert(value)
        except _Invalid as exc:
            if exc.alone:
                self.fail(path, str(exc))
            else:
                if label is None:
                    label = _(field.label) if field.label else field.message_label
                self.fail(path, _("{what}: {problem}").format(what=_part(what, label), problem=exc))
            return None

    def element(self, el: spec.Element, value: Tree, path: Path, what: str, eid: str | None = None) -> Any:
        """The element ``el`` described by ``value``, or None if it is broken."""
        # The common well-formed element is checked at once; otherwise say why not.
        if (
            not isinstance(value, dict)
            or not value.keys() <= el.key_set
            or any(value.get(k) is None for k in el.required)
        ) and self.fields(value, path, what, el) is None:
            return None
        get = value.get
        values: dict[str, Any] = {"id": eid} if el.has_id else {}
        complete = True
        failed = len(self.pending) + self.more
        for f in el.fields:
            raw = get(f.key)
            if f.shape == "element":
                assert f.element is not None
                v = None if raw is None else self.element(f.element, raw, (*path, f.key), _part(what, f.key))
            else:
                v = self.convert(raw, (*path, f.key), what, f)
            if v is None:
                complete = complete and not f.required
                v = f.default
            if f.attr is not None:
                values[f.attr] = v
        if (
            el.model is Claim
            and complete
            and failed == len(self.pending) + self.more  # else its fields are reported already
            and not values["blank"]
            and not values["text"].strip()
        ):
            self.fail(
                (*path, "text"),
                _("{what}: the text is empty: write it, or mark the claim as a blank (blank: true)").format(
                    what=what
                ),
            )
            return None
        return el.make(**values) if complete else None

    # -- sections ------------------------------------------------------------
    def section(self, top: dict[str, Tree], field: spec.Field, seen: dict[str, str]) -> dict[str, Any]:
        name, el = field.key, field.element
        assert el is not None
        value = top.get(name)
        out: dict[str, Any] = {}
        if value is None:
            return out
        if not isinstance(value, dict):
            self.fail(
                (name,),
                _("{section} must be a mapping from id to {element}, not {found}").format(
                    section=name, element=_kind_noun(el.name), found=_type_name(value)
                ),
            )
            return out
        for eid, body in value.items():
            if ID_PATTERN.match(eid) is None:
                self.fail(
                    (name, eid),
                    _(
                        "{element} id {id} is not valid: start with a letter, then use letters, digits, '_', '.' or '-'"
                    ).format(element=_kind_noun(el.name), id=_brief(eid)),
                    key=True,
                )
                continue
            if eid in seen:
                self.fail(
                    (name, eid),
                    _(
                        "id {id} is already used by {kind}; ids must be unique across claims, inferences and attacks"
                    ).format(id=_brief(eid), kind=_a(seen[eid])),
                    key=True,
                )
                continue
            seen[eid] = el.name
            element = self.element(el, body, (name, eid), _named(el.name, eid), eid)
            if element is not None:
                out[eid] = element
        return out

    # -- the whole map -----------------------------------------------------
    def build(self, tree: Tree) -> ArgumentMap | None:
        if not isinstance(tree, dict):
            self.fail(
                (),
                _(
                    "an argument map must be a mapping with argmap:, title: and claims: at the top, not {found}"
                ).format(found=_type_name(tree)),
            )
            return None
        root = self.root
        self.fields(tree, (), pgettext("element", "map"), root)
        values: dict[str, Any] = {}
        seen: dict[str, str] = {}
        built: dict[str, dict[str, Any]] = {}  # element kind -> its elements
        for f in root.fields:
            if f.shape == "value":
                v = self.convert(tree.get(f.key), (f.key,), "", f)
                values[f.name] = f.default if v is None else v
            elif f.shape == "element":
                raw = tree.get(f.key)
                assert f.element is not None
                values[f.name] = None if raw is None else self.element(f.element, raw, (f.key,), f.key)
            elif f.shape == "section":
                assert f.element is not None
                values[f.name] = built[f.element.name] = self.section(tree, f, seen)
        for f in spec.sections(root):
            assert f.element is not None
            self.references(f, built, seen)
        for f in root.fields:
            if f.shape == "ignore":
                values[f.name] = self.ignore(tree.get(f.key), seen, f)
        if self.pending or values.get("title") is None:
            return None
        values.pop("argmap", None)
        origin = self.locator.for_elements() if self.locator is not None else None
        return ArgumentMap._trusted(**values, origin=origin)

    def references(self, section: spec.Field, built: dict[str, dict[str, Any]], seen: dict[str, str]) -> None:
        """Report each reference of the section's elements to an id that is
        not an element of the kind its field names."""
        el = section.element
        assert el is not None
        fields = [f for f in el.fields if f.refers]
        if not fields:
            return
        candidates: dict[tuple[str, ...], list[str]] = {}  # made once, on first need

        # An id in ``seen`` whose element was broken is reported where it stands;
        # references to it are not reported again.
        def broken(ref: str) -> bool:
            return ref in seen and all(ref not in table for table in built.values())

        rules = [
            (
                f,
                [built.get(kind, {}) for kind in f.refers],
                pgettext("list", " or ").join(_a(k) for k in f.refers),
            )
            for f in fields
        ]
        for eid, element in built[el.name].items():
            for f, tables, want in rules:
                value = getattr(element, f.name)
                refs = enumerate(value) if isinstance(value, tuple) else [(None, value)]
                for i, ref in refs:
                    if any(ref in table for table in tables) or broken(ref):
                        continue
                    path: Path = (section.key, eid, f.key) if i is None else (section.key, eid, f.key, i)
                    what = _named(el.name, eid)
                    role = (
                        _(_ROLES[f.role]).format(id=_brief(ref))
                        if f.role in _ROLES
                        else f"{f.role} {_brief(ref)}"
                    )
                    if ref in seen:
                        self.fail(
                            path,
                            _("{what}: {reference} is {kind}, not {wanted}").format(
                                what=what, reference=role, kind=_a(seen[ref]), wanted=want
                            ),
                        )
                    elif len(self.pending) >= MAX_PROBLEMS:  # not listed: no need to suggest
                        self.more += 1
                    else:
                        known = candidates.get(f.refers)
                        if known is None:
                            known = candidates[f.refers] = [k for k, v in seen.items() if v in f.refers]
                        self.fail(
                            path,
                            _("{what}: {reference} does not exist{suggestion}").format(
                                what=what, reference=role, suggestion=self.suggest(ref, known)
                            ),
                        )

    def ignore(self, value: Tree, seen: dict[str, str], field: spec.Field) -> dict[str, tuple[str, ...]]:
        out: dict[str, tuple[str, ...]] = {}
        if value is None:
            return out
        if not isinstance(value, dict):
            self.fail(
                (field.key,),
                _("ignore must be a mapping from element id to a list of rule names, not {found}").format(
                    found=_type_name(value)
                ),
            )
            return out
        ids = list(seen)
        for eid, rules in value.items():
            if eid not in seen:
                self.fail(
                    (field.key, eid),
                    _("ignore: {id} is not an element of this map{suggestion}").format(
                        id=_brief(eid), suggestion=self.suggest(eid, ids)
                    ),
                    key=True,
                )
                continue
            names = self.convert(
                rules, (field.key, eid), _("ignore {id}").format(id=_brief(eid)), field, label=""
            )
            if names is not None:
                out[eid] = names
        return out


def build_map(tree: Tree, locator: FileLocator | None, earlier: list[Problem]) -> ArgumentMap:
    """The map described by ``tree``; raises :class:`ArgmapError` listing every problem."""
    builder = _Builder(locator)
    amap = builder.build(tree) if tree is not None else None
    found = earlier + builder.problems()
    if locator is not None and (found or amap is None or locator.mistaken):
        found = locator.explain(found, builder.missing)
    problems = sorted(found, key=lambda p: (p.location.line, p.location.column) if p.location else (0, 0))
    if problems or amap is None:
        more = builder.more + getattr(earlier, "more", 0)
        raise ArgmapError(problems or [Problem(_("the map could not be read"))], more)
    return amap
