"""The loader's quick paths agree with its careful paths wherever they accept."""

from __future__ import annotations

import json

import attrs
from hypothesis import given
from hypothesis import strategies as st

import argmap
from argmap.formats import _schema
from tests.strategies import maps

PAIRS = {
    "claims": (_schema._quick_claim, _schema._Builder.claim),
    "inferences": (_schema._quick_inference, _schema._Builder.inference),
    "attacks": (_schema._quick_attack, _schema._Builder.attack),
}

# Values the careful path treats specially: the quick path must either give
# the same answer or step aside.
ODD = st.sampled_from(
    [None, "", "x", "true", "True", "yes", "0.5", "1", "2", "nan", 0, 1, 0.5, 1.5, True, [], ["a"], {}]
)


@given(maps(), st.data())
def test_quick_and_careful_agree(m: argmap.ArgumentMap, data: st.DataObject) -> None:
    tree = json.loads(argmap.dumps(m, "json"))
    for section, (quick, careful) in PAIRS.items():
        for eid, written in tree.get(section, {}).items():
            body = written
            if data.draw(st.booleans()):  # disturb one field now and then
                field = data.draw(st.sampled_from([*written, "conditional", "strength", "tags", "source"]))
                body = {**written, field: data.draw(ODD)}
            builder = _schema._Builder(None)
            with attrs.validators.disabled():
                fast = quick(eid, body)
                slow = careful(builder, eid, body)
            if fast is None:
                continue
            if slow is None:
                # The one allowed difference: the quick path leaves reference ids
                # to the reference check (an invalid id names no element, so the
                # map is refused all the same); the careful path says "not a valid id".
                messages = [message for _, _, message in builder.pending]
                assert messages
                assert all("is not a valid id" in message for message in messages), messages
            else:
                assert fast == slow
                assert not builder.pending
