"""The quick JSON path builds exactly the map the careful path builds, or steps aside."""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import argmap
from argmap import ArgmapError
from argmap.formats import spec
from argmap.formats._fastjson import ids_ok, load_clean_json
from argmap.formats._json import _PositionParser, element_offsets
from tests.strategies import maps

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


@contextmanager
def careful_only() -> Iterator[None]:
    with mock.patch("argmap.formats.load_clean_json", return_value=None):
        yield


def careful(text: str | bytes) -> argmap.ArgumentMap:
    with careful_only():
        return argmap.loads(text, "json", name="m.json")


@given(maps(), st.sampled_from([None, 2]), st.sampled_from([(",", ":"), (", ", " : "), (",", ":\n ")]))
def test_quick_path_takes_every_valid_map(m: argmap.ArgumentMap, indent: int | None, seps: Any) -> None:
    text = json.dumps(json.loads(argmap.dumps(m, "json")), indent=indent, separators=seps, ensure_ascii=False)
    for data in (text, text.encode()):
        quick = load_clean_json(data, "m.json")
        assert quick == careful(data) == m or (quick is None and looks_like_a_key_end(m))
        assert quick is None or quick.origin is not None


def looks_like_a_key_end(m: argmap.ArgumentMap) -> bool:
    """Whether a text in the map, written in JSON, starts with ':' or holds
    '"' then ':' (so counting the keys of the text errs, and the quick path
    steps aside)."""
    texts = [json.dumps(s)[1:-1] for s in strings(json.loads(argmap.dumps(m, "json")))]
    return any(re.match(r"\s*:", t) or re.search(r'"\s*:', t) for t in texts)


def strings(tree: Any) -> Iterator[str]:
    if isinstance(tree, str):
        yield tree
    elif isinstance(tree, dict):
        yield from tree
        for v in tree.values():
            yield from strings(v)
    elif isinstance(tree, list):
        for v in tree:
            yield from strings(v)


# Values the careful path treats specially, and some it refuses.
ODD = [None, "", "x", "bad id", "true", "0.5", "2", "2023.5.9", "2023-02-30", "ftp://x", "https://e.org/a"]
ODD += [0, 1, 1.0, 2, -1, 0.5, 1.5, 10**30, True, [], ["E1"], ["E1", 1], {}, {"url": "https://e.org"}]
ODD += [{"date": "2023/05/09"}, {"date": 5}, {"zz": 1}, "E1", "I1", "X1"]
# Hostile values: numbers Python reads too loosely or not at all, lone
# surrogates, URLs that only a real parser refuses.
ODD += ["0_1", "1_0", " 0.5 ", "\u0661", "infinity", "1" * 5000, 10**4000, -(10**4000), "\ud800", "a\udfff"]
ODD += [
    "https://[::1",
    "https://[notipv6]/x",
    "https://a\u2100b/x",
    "https://x:99999/",
    {"url": "https://[::1"},
]
FIELDS = ["argmap", "title", "lang", "date", "document", "claims", "inferences", "attacks", "ignore"]
FIELDS += ["kind", "text", "conditional", "source", "note", "tags", "from", "to", "marker", "scheme"]
FIELDS += ["strength", "url", "speaker", "quote", "zz"]


def places(tree: Any) -> Iterator[dict[str, Any]]:
    """Every mapping in the tree."""
    if isinstance(tree, dict):
        yield tree
        for v in tree.values():
            yield from places(v)


@settings(max_examples=300)
@given(maps(), st.data())
def test_quick_path_agrees_or_steps_aside(m: argmap.ArgumentMap, data: st.DataObject) -> None:
    tree = json.loads(argmap.dumps(m, "json"))
    for _ in range(data.draw(st.integers(1, 3))):
        target = data.draw(st.sampled_from(list(places(tree))))
        target[data.draw(st.sampled_from(FIELDS))] = copy.deepcopy(data.draw(st.sampled_from(ODD)))
    text = json.dumps(tree, ensure_ascii=False)
    quick = load_clean_json(text, "m.json")
    try:
        slow = careful(text)
    except ArgmapError:
        assert quick is None
    else:
        assert quick is None or quick == slow


def claim(kind: str = "premise", text: str = "a") -> str:
    return f'{{"kind": "{kind}", "text": "{text}"}}'


@pytest.mark.parametrize(
    "text",
    [
        '{"argmap": 1, "title": "t", "title": "t", "claims": {}}',
        '{"argmap": 1, "title": "t", "claims": {"P1": ' + claim() + ', "P1": ' + claim() + "}}",
        '{"argmap": 1, "title": "t", "claims": {"P1": {"kind": "premise", "kind": "premise", "text": "a"}}}',
        '{"argmap": 1, "title": "t", "claims": {"P1": {"kind": "premise", "text": "a", '
        '"source": {"url": "https://e.org", "url": "https://e.org"}}}}',
        '{"argmap": 1, "title": "t", "claims": {"P1": ' + claim() + '}, "ignore": {"P1": [], "P1": []}}',
        '{"argmap": 1, "title": "t", "claims": {}, "claims" : {}}',
    ],
)
def test_a_duplicate_key_is_never_taken(text: str) -> None:
    assert load_clean_json(text, "m.json") is None
    assert load_clean_json(text.encode(), "m.json") is None
    with pytest.raises(ArgmapError, match="duplicate key"):
        argmap.loads(text, "json")


def test_a_text_holding_quote_colon_loads_by_the_careful_path() -> None:
    text = '{"argmap": 1, "title": "t", "claims": {"P1": ' + claim(text='say \\":') + "}}"
    assert load_clean_json(text, "m.json") is None  # counted as one key too many
    assert argmap.loads(text, "json").claims["P1"].text == 'say ":'


@pytest.mark.parametrize(
    ("field", "value"),
    [("conditional", '"true"'), ("strength", '"0.5"'), ("argmap", '"1"')],
)
def test_yaml_style_strings_load_by_the_careful_path(field: str, value: str) -> None:
    inference = '{"from": ["P1"], "to": "C1"' + (f', "{field}": {value}' if field == "strength" else "") + "}"
    claims = '{"P1": ' + claim() + ', "C1": ' + claim("conclusion") + "}"
    if field == "conditional":
        claims = claims.replace('"text": "a"}', '"text": "a", "conditional": "true"}', 1)
    version = value if field == "argmap" else "1"
    text = f'{{"argmap": {version}, "title": "t", "claims": {claims}, "inferences": {{"I1": {inference}}}}}'
    assert load_clean_json(text, "m.json") is None
    assert argmap.loads(text, "json") == careful(text)


FLAGSHIP = json.loads(argmap.dumps(argmap.load(EXAMPLES / "nato-tokyo" / "map.argmap.yaml"), "json"))


def _own_places(tree: dict[str, Any]) -> dict[str, dict[str, Any]]:
    claim_id = next(k for k, v in tree["claims"].items() if "source" in v)
    return {
        "map": tree,
        "document": tree["document"],
        "claim": tree["claims"][claim_id],
        "source": tree["claims"][claim_id]["source"],
        "inference": next(iter(tree["inferences"].values())),
        "attack": next(iter(tree["attacks"].values())),
        "ignore": tree["ignore"],
    }


PLACE_FIELDS = {el.name: el.keys for el in spec.elements()}


@pytest.mark.parametrize("place", list(_own_places(FLAGSHIP)))
def test_every_field_of_every_place_with_every_odd_value(place: str) -> None:
    fields = [*PLACE_FIELDS.get(place, _own_places(FLAGSHIP)[place]), "zz", "C1", "I1", "X1"]
    for field in fields:
        for value in ODD:
            tree = json.loads(json.dumps(FLAGSHIP))
            _own_places(tree)[place][field] = copy.deepcopy(value)
            text = json.dumps(tree, ensure_ascii=False)
            quick = load_clean_json(text, "m.json")
            try:
                slow = careful(text)
            except ArgmapError:
                assert quick is None, (field, value)
            else:
                assert quick is None or quick == slow, (field, value)


def test_a_lone_surrogate_in_a_str_is_left_to_the_careful_path_which_refuses_it() -> None:
    text = '{"argmap": 1, "title": "\ud800", "claims": {}}'
    assert load_clean_json(text, "m.json") is None
    with pytest.raises(ArgmapError) as info:
        argmap.loads(text, "json", name="m.json")
    (problem,) = info.value.problems
    assert str(problem.location) == f"m.json:1:{text.index(chr(0xD800)) + 1}"
    assert "surrogate" in problem.message


@given(maps(), st.sampled_from([None, 1, 4]), st.sampled_from([(",", ":"), (", ", " : "), (",\n", ":\t")]))
def test_element_offsets_agree_with_the_position_parser(
    m: argmap.ArgumentMap, indent: Any, seps: Any
) -> None:
    tree = json.loads(argmap.dumps(m, "json"))
    tree["ignore"] = {eid: ["x"] for eid in [*m.claims][:2]}  # ids as keys outside the sections too
    text = json.dumps(tree, indent=indent, separators=seps, ensure_ascii=False)
    parser = _PositionParser(text)
    parser.parse()
    expected = {
        path[1]: key_at
        for path, (key_at, _) in parser.positions.items()
        if len(path) == 2 and path[0] in ("claims", "inferences", "attacks") and key_at is not None
    }
    assert element_offsets(text) == expected


@pytest.mark.parametrize(
    ("ids", "ok"),
    [(["E1", "e.2", "x_-"], True), (["1E"], False), (["E 1"], False), (["E1\nE2"], False), (["E1\n"], False)],
)
def test_ids_ok(ids: list[str], ok: bool) -> None:
    assert ids_ok(ids) is ok
