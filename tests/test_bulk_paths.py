"""The loader's bulk paths agree with its careful paths wherever they accept."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import argmap
from argmap.formats import _bulk, _fields, _schema
from tests.strategies import maps

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"

# Values the careful path treats specially: the bulk path must either give
# the same answer or step aside.
ODD = st.sampled_from(
    [
        None,
        "",
        "x",
        "bad id",
        "true",
        "True",
        "FALSE",
        "yes",
        "0.5",
        "1",
        "2",
        "nan",
        "1e999",
        "2023.5.9",
        "2023-02-30",
        "https://example.org/a",
        "ftp://example.org",
        0,
        1,
        -1,
        0.5,
        1.5,
        10**400,
        True,
        False,
        [],
        ["a"],
        ["a", 1],
        ["a\nb"],
        {},
        {"url": "https://example.org"},
        {"date": "2023/05/09", "speaker": "x"},
        {"date": 5},
        {"kind": "premise"},
        # Hostile values: numbers float() and int() read too loosely or not at
        # all, lone surrogates, URLs that only a real parser refuses.
        "0_1",
        "1_0",
        " 0.5 ",
        "\u0661",
        "infinity",
        "1" * 5000,
        10**5000,
        "\ud800",
        "https://[::1",
        "https://[notipv6]/x",
        "https://a\u2100b/x",
        "https://x:99999/",
        {"url": "https://[::1"},
        {"url": "https://a\u2100b/x"},
    ]
)


Elements = dict[str, Any]

FLAGSHIP_MAP = argmap.load(EXAMPLES / "nato-tokyo" / "map.argmap.yaml")
FLAGSHIP = json.loads(argmap.dumps(FLAGSHIP_MAP, "json"))
SECTIONS = ("claims", "inferences", "attacks")
# References in ODD and in the tests below: most name claims, "I1" an inference.
CLAIMS: Elements = dict.fromkeys(("a", "x", "P1", "C1", "E1", *(f"K{n}" for n in range(9))))
INFERENCES: Elements = {"I1": None}


def careful_section(
    section: str, body: dict[str, Any], claims: Elements, inferences: Elements
) -> tuple[dict[str, Any], list[str]]:
    """The section as the loader builds it when the bulk path declines, with
    its references checked against ``claims`` and ``inferences``."""
    builder = _schema._Builder(None)
    careful = getattr(builder, {"claims": "claim", "inferences": "inference", "attacks": "attack"}[section])
    seen = {**dict.fromkeys(claims, "claim"), **dict.fromkeys(inferences, "inference")}
    seen = {k: v for k, v in seen.items() if k not in body}
    out = builder.section({section: body}, section, lambda _: None, careful, seen)
    if section == "inferences":
        builder.references(claims, out, {}, seen)
    elif section == "attacks":
        builder.bulk_built.add("inferences")  # given, not under test
        builder.references(claims, inferences, out, seen)
    return out, [message for _, _, message in builder.pending]


def bulk_section(section: str, body: dict[str, Any], claims: Elements, inferences: Elements) -> Any:
    if section == "claims":
        return _bulk.claims(body)
    if section == "inferences":
        return _bulk.inferences(body, claims)
    return _bulk.attacks(body, claims, inferences)


def check_agreement(
    section: str, body: dict[str, Any], claims: Elements | None = None, inferences: Elements | None = None
) -> bool:
    """Assert the bulk path builds what the careful path builds; True if it accepted."""
    claims = claims if claims is not None else CLAIMS
    inferences = inferences if inferences is not None else INFERENCES
    with attrs.validators.disabled():
        fast = bulk_section(section, body, claims, inferences)
        slow, messages = careful_section(section, body, claims, inferences)
    if fast is None:
        return False
    assert not messages
    assert fast == slow
    assert list(fast) == list(body)  # file order kept
    return True


@given(maps(), st.data())
def test_bulk_and_careful_agree_on_disturbed_elements(m: argmap.ArgumentMap, data: st.DataObject) -> None:
    tree = json.loads(argmap.dumps(m, "json"))
    known = (dict(m.claims), dict(m.inferences))
    for section in SECTIONS:
        written = tree.get(section, {})
        assert written == {} or check_agreement(section, written, *known)  # a written map is ordinary
        for eid, fields in written.items():
            field = data.draw(st.sampled_from([*fields, "conditional", "strength", "tags", "source", "from"]))
            check_agreement(section, {**written, eid: {**fields, field: data.draw(ODD)}}, *known)


FIELDS = {
    "claims": _fields.CLAIM_FIELDS,
    "inferences": _fields.INFERENCE_FIELDS,
    "attacks": _fields.ATTACK_FIELDS,
}


@pytest.mark.parametrize("section", SECTIONS)
def test_every_field_with_every_odd_value(section: str) -> None:
    """Each field of an ordinary section, set to each odd value in turn."""
    written = FLAGSHIP[section]
    known = (dict(FLAGSHIP_MAP.claims), dict(FLAGSHIP_MAP.inferences))
    assert check_agreement(section, written, *known)
    eid, fields = next((k, v) for k, v in written.items() if "source" in v or section != "claims")
    accepted = 0
    for field in FIELDS[section]:
        for odd in ODD.elements:  # type: ignore[attr-defined]
            accepted += check_agreement(section, {**written, eid: {**fields, field: odd}}, *known)
    if section == "claims":
        for field in _fields.SOURCE_FIELDS:
            for odd in ODD.elements:  # type: ignore[attr-defined]
                source = {**fields["source"], field: odd}
                accepted += check_agreement(section, {**written, eid: {**fields, "source": source}}, *known)
    assert accepted > 10  # the bulk path does accept the odd values that are valid


@given(st.lists(ODD, max_size=4), st.data())
def test_bulk_agrees_on_odd_ids_and_references(ids: list[Any], data: st.DataObject) -> None:
    keys = [i if isinstance(i, str) else f"K{n}" for n, i in enumerate(ids)]
    section = {k: {"from": data.draw(ODD), "to": data.draw(ODD)} for k in keys}
    check_agreement("inferences", section)
    check_agreement("attacks", section)


@pytest.mark.parametrize(
    ("ids", "ok"),
    [(["E1", "e.2", "x_-"], True), (["1E"], False), (["E 1"], False), (["E1\nE2"], False), (["E1\n"], False)],
)
def test_ids_ok(ids: list[str], ok: bool) -> None:
    assert _bulk.ids_ok(ids) is ok
