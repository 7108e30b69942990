"""Run the rules on a map: select them, silence accepted findings, sort.

>>> from argmap.model import MapBuilder
>>> b = MapBuilder("t")
>>> b.premise("P1", "All mammals breathe air")
>>> b.conclusion("C1", "Cats breathe air")
>>> b.conclusion("C2", "Cats purr")
>>> b.inference("I1", ["P1"], "C1")
>>> for d in check(b.build()):
...     print(d.code, d.name, d.elements, d.message)
AM101 unsupported-conclusion ('C2',) C2 "Cats purr" is a conclusion, but no inference concludes it
AM305 unused-claim ('C2',) C2 "Cats purr" is not a premise, not a conclusion and not in any attack
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping, Set
from typing import Any

from argmap.checks import graph
from argmap.checks.config import Config
from argmap.checks.cues import appeals, content_tokens
from argmap.checks.diagnostic import Diagnostic
from argmap.checks.registry import Rule, UnknownRuleError, all_rules, find_rule, normal_name, resolve
from argmap.checks.text import quote
from argmap.errors import Location
from argmap.i18n import LANGUAGES, _, choose, current, using
from argmap.model import ArgumentMap, prechecked
from argmap.support import paused_gc, type_name

__all__ = ["Analysis", "check", "select_rules", "sort_diagnostics", "unknown_ignores"]


class Analysis:
    """A map and what the rules share about it, each part computed once on demand."""

    def __init__(self, amap: ArgumentMap, config: Config) -> None:
        self.map = amap
        self.config = config
        #: The language of the messages: the one in force when the analysis starts.
        self.lang = current()

    def threshold(self, rule_name: str) -> float:
        """The configured threshold of a rule, or its default."""
        r = find_rule(rule_name)
        thresholds = self.config.thresholds
        value = thresholds.get(r.name, thresholds.get(r.ja_name))
        if value is not None:
            return value
        t = r.threshold
        assert t is not None, rule_name
        return t.default

    @functools.cached_property
    def index(self) -> graph.Index:
        """The map as integer arrays."""
        return graph.Index(self.map)

    @functools.cached_property
    def components(self) -> list[int]:
        """Strongly connected component of every claim."""
        return graph.strongly_connected(self.index)

    @functools.cached_property
    def grounding(self) -> graph.Grounding:
        """G0, G1, G2 levels."""
        return graph.ground(self.index)

    @functools.cached_property
    def suppositions(self) -> tuple[dict[int, graph.Capped], dict[int, graph.Capped]]:
        """Hypotheses and assumptions each grounded claim needs."""
        return graph.suppositions(self.index, self.grounding)

    @functools.cached_property
    def support(self) -> graph.Support:
        """Chain strength."""
        return graph.support(self.index)

    @functools.cached_property
    def labelling(self) -> graph.Labelling:
        """The grounded labelling."""
        return graph.label(self.index)

    @functools.cached_property
    def contents(self) -> list[Set[str]]:
        """The content tokens (:func:`argmap.checks.cues.content_tokens`) of
        each claim's text, by claim index; a text met twice is read once."""
        seen: dict[str, Set[str]] = {}
        out = []
        for claim in self.map.claims.values():
            text = claim.text
            found = seen.get(text)
            if found is None:
                found = seen[text] = content_tokens(text)
            out.append(found)
        return out

    def appeals(self, c: int) -> set[str]:
        """The appeals (:func:`argmap.checks.cues.appeals`) of claim ``c``'s text, cached."""
        cache = self._appeals
        found = cache[c]
        if found is None:
            found = cache[c] = appeals(self._texts[c], self.contents[c])
        return found

    @functools.cached_property
    def _appeals(self) -> list[set[str] | None]:
        return [None] * self.index.n_claims

    @functools.cached_property
    def _texts(self) -> list[str]:
        return [c.text for c in self.map.claims.values()]

    @functools.cached_property
    def _quoted(self) -> dict[tuple[str, int], str]:
        return {}

    def q(self, claim_id: str, width: int = 40) -> str:
        """``C1 "its text"``: a claim named in a message, its text shortened by width."""
        key = (claim_id, width)
        found = self._quoted.get(key)
        if found is None:
            claim = self.map.claims[claim_id]
            if claim.blank and not claim.text.strip():  # a blank of an exercise: no text to quote
                with using(self.lang):
                    text = _("(blank)")
            else:
                text = quote(claim.text, width, self.lang)
            # In Japanese the quote marks 「」 set the text off from the id.
            found = self._quoted[key] = f"{claim_id}{text}" if self.lang == "ja" else f"{claim_id} {text}"
        return found

    def q_text(self, text: str, width: int = 40) -> str:
        """A text quoted in a message, shortened by display width."""
        return quote(text, width, self.lang)


def _selectors(value: object, what: str) -> list[str] | None:
    """``select`` or ``ignore`` as a list of str: one str is one selector."""
    if value is None:
        return None
    if isinstance(value, str):  # check(m, select="AM2") means one selector, not its letters
        return [value]
    if isinstance(value, (bytes, bytearray)) or not isinstance(value, Iterable):
        raise TypeError(
            f"{what} takes a rule name, code or prefix, or a list of them, not {type_name(value)}"
        )
    items = list(value)
    for item in items:
        if not isinstance(item, str):
            raise TypeError(f"{what} takes rule names, codes or prefixes (str), not {type_name(item)}")
    return items


def _config(config: object) -> Config:
    if config is None:
        return Config()
    if not isinstance(config, Config):
        raise TypeError(f"config must be a Config or None, not {type_name(config)}")
    return config


def select_rules(
    select: Iterable[str] | None = None, ignore: Iterable[str] | None = None, config: Config | None = None
) -> list[Rule]:
    """The rules to run: ``select`` (or the config's, or all) minus ``ignore``
    and the config's ignore. Raises UnknownRuleError for unknown names and
    TypeError for arguments of the wrong type."""
    config = _config(config)
    select = _selectors(select, "select")
    ignore = _selectors(ignore, "ignore")
    chosen = select if select is not None else config.select
    rules = list(dict.fromkeys(resolve(chosen))) if chosen is not None else list(all_rules())
    dropped = {r.code for r in resolve([*(ignore or ()), *config.ignore])}
    return sorted((r for r in rules if r.code not in dropped), key=lambda r: r.code)


def _accepted(amap: ArgumentMap) -> Mapping[str, Set[str]]:
    """Element id -> names of the rules its ``ignore`` list silences (names or codes)."""
    out: dict[str, Set[str]] = {}
    if not amap.ignore:
        return out
    by_key = {}
    for r in all_rules():
        by_key[r.name] = r.name
        by_key[r.code] = r.name
        by_key[r.ja_name] = r.name
    for eid, names in amap.ignore.items():
        keys = (normal_name(n) for n in names)
        out[eid] = frozenset(by_key.get(k, by_key.get(k.upper(), k)) for k in keys)
    return out


def unknown_ignores(amap: ArgumentMap, lang: str | None = None) -> list[tuple[Location | None, str]]:
    """Rule names in the map's ``ignore`` lists that no rule has, as
    ``(location of the element or None, message)`` pairs, with a did-you-mean;
    the messages in ``lang`` (else the map's language)."""
    out: list[tuple[Location | None, str]] = []
    with using(choose(lang, amap.lang)):
        for eid, names in amap.ignore.items():
            for n in names:
                try:
                    find_rule(n)
                except UnknownRuleError as exc:
                    message = _("ignore list of {id}: {error}").format(id=eid, error=exc)
                    out.append((amap.location(eid), message))
    return out


def check(
    amap: ArgumentMap,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    config: Config | None = None,
    lang: str | None = None,
) -> list[Diagnostic]:
    """Run the selected rules on ``amap`` and return the findings.

    The messages are in ``lang`` (``"ja"`` or ``"en"``), else in the map's
    ``lang`` (English for a language argmap does not speak), else in the
    language in force; ``name`` and ``code`` are the same in every language.

    ``select`` and ``ignore`` take rule names, codes or family prefixes
    (``AM1``); ``select`` replaces the config's selection, ``ignore`` adds to
    the config's. A finding is dropped when one of its elements lists the
    rule (by name or code) in the map's ``ignore``. The order is by location
    (then code) for maps loaded from a file, else by the file order of the
    main element (then code).

    Raises TypeError for arguments of the wrong type, UnknownRuleError (a
    ValueError) for a rule name no rule has.
    """
    if not isinstance(amap, ArgumentMap):
        raise TypeError(f"check() takes an ArgumentMap, not {type_name(amap)}")
    if lang is not None and not isinstance(lang, str):
        raise TypeError(f"lang must be a str or None, not {type_name(lang)}")
    if lang is not None and lang not in LANGUAGES:
        raise ValueError(f"lang must be one of {', '.join(LANGUAGES)} or None, not {lang!r}")
    config = _config(config)
    with using(choose(lang, amap.lang)):
        rules = select_rules(select, ignore, config)
        with paused_gc():
            return _run(amap, rules, config)


#: The rules' findings are well formed: build them without the checks.
_new_diagnostic: Any = prechecked(Diagnostic)


def _run(amap: ArgumentMap, rules: list[Rule], config: Config) -> list[Diagnostic]:
    analysis = Analysis(amap, config)
    accepted = _accepted(amap)
    located = amap.origin is not None
    where: dict[str, Location | None] = {}
    found: list[Diagnostic] = []
    append = found.append
    for r in rules:
        code, name, severity = r.code, r.name, r.severity
        for elements, message, path in r.check(analysis):
            if accepted and any(name in accepted.get(e, ()) for e in elements):
                continue
            loc = None
            if located:
                main = elements[0]
                if main in where:
                    loc = where[main]
                else:
                    loc = where[main] = amap.location(main)
            append(_new_diagnostic(code, name, severity, message, elements, path, loc))
    return sort_diagnostics(amap, found)


def sort_diagnostics(amap: ArgumentMap, found: list[Diagnostic]) -> list[Diagnostic]:
    """Order findings by location, then code; unlocated ones by file order of
    the main element, then code. The sort is stable, and the rules report in a
    fixed order, so findings of one code at one place keep that order.

    Keys are single integers (fast to compare on large maps): located
    findings first, by line, column and code number.
    """
    if amap.origin is not None and all(d.location is not None for d in found):
        return sorted(found, key=_located_key)
    order: dict[str, int] = {}
    for table in (amap.claims, amap.inferences, amap.attacks):
        for eid in table:
            order[eid] = len(order)
    unlocated = 1 << 62

    def key(d: Diagnostic) -> int:
        if d.location is not None:
            return _located_key(d)
        return unlocated + (order.get(d.elements[0], 0) << 10) + int(d.code[2:])

    return sorted(found, key=key)


def _located_key(d: Diagnostic) -> int:
    loc = d.location
    assert loc is not None
    return (((loc.line << 24) + loc.column) << 10) + int(d.code[2:])
