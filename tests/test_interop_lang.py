"""A map from another tool's file that does not say its language: Japanese
texts make a Japanese map (its findings in Japanese), others an English one."""

from __future__ import annotations

import pytest

from argmap.checks import check
from argmap.formats import dumps, reads
from argmap.model import ArgumentMap
from tests.language import english_sentences

JAPANESE = {
    "argdown": "[雨]: 明日は雨が降る。\n  + [予報]: 天気予報がそう言っている。\n\n[猫]: 猫がいる。\n",
    "aif": (
        '{"nodes": [{"nodeID": "1", "text": "明日は雨が降る", "type": "I"},'
        ' {"nodeID": "2", "text": "予報がそう言っている", "type": "I"},'
        ' {"nodeID": "3", "text": "Default Inference", "type": "RA"},'
        ' {"nodeID": "4", "text": "猫がいる", "type": "I"}],'
        ' "edges": [{"edgeID": "1", "fromID": "2", "toID": "3"}, {"edgeID": "2", "fromID": "3", "toID": "1"}]}'
    ),
    "microtexts": (
        '<arggraph id="x"><edu id="e1">明日は雨が降る。</edu><edu id="e2">予報がそう言っている。</edu>'
        '<adu id="a1" type="pro"/><adu id="a2" type="pro"/><adu id="a3" type="pro"/>'
        '<edge id="c1" src="e1" trg="a1" type="seg"/><edge id="c2" src="e2" trg="a2" type="seg"/>'
        '<edge id="c3" src="a2" trg="a1" type="sup"/><edge id="c4" src="e3" trg="a3" type="seg"/></arggraph>'
    ),
}
ENGLISH = {
    "argdown": JAPANESE["argdown"]
    .replace("明日は雨が降る。", "It will rain.")
    .replace("天気予報がそう言っている。", "The forecast says so.")
    .replace("猫がいる。", "A cat."),
    "aif": JAPANESE["aif"]
    .replace("明日は雨が降る", "It will rain")
    .replace("予報がそう言っている", "The forecast says so")
    .replace("猫がいる", "A cat"),
    "microtexts": JAPANESE["microtexts"]
    .replace("明日は雨が降る。", "It will rain.")
    .replace("予報がそう言っている。", "The forecast says so.")
    .replace("猫がいる。", "A cat."),
}


@pytest.mark.parametrize("fmt", sorted(JAPANESE))
def test_japanese_texts_make_a_japanese_map(fmt: str) -> None:
    amap = reads(JAPANESE[fmt], fmt, name="m").map  # type: ignore[arg-type]
    assert amap.lang == "ja"
    found = check(amap)
    assert found
    assert not [s for d in found for s in english_sentences(d.message)]
    english = reads(ENGLISH[fmt], fmt, name="m").map  # type: ignore[arg-type]
    assert english.lang == "en"
    assert any(english_sentences(d.message) for d in check(english))
    assert reads(JAPANESE[fmt], fmt, name="m", lang="en").map.lang == "en"  # type: ignore[arg-type]


@pytest.mark.parametrize("fmt", sorted(JAPANESE))
def test_the_language_argmap_wrote_wins(fmt: str) -> None:
    amap = reads(JAPANESE[fmt], fmt, name="m").map  # type: ignore[arg-type]
    said = ArgumentMap(
        amap.title, lang="en", claims=amap.claims, inferences=amap.inferences, attacks=amap.attacks
    )
    assert reads(dumps(said, fmt), fmt).map.lang == "en"  # type: ignore[arg-type]
