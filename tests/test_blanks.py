"""Blanks for exercises: claims a student fills in (``blank: true``)."""

from __future__ import annotations

import json
import re

import jsonschema
import pytest

import argmap
from argmap.checks import check
from argmap.drawing.dot import to_dot
from argmap.errors import ArgmapError
from argmap.formats import spec
from argmap.formats._fastjson import load_clean_json
from argmap.model import Claim, MapBuilder
from tests.language import english_sentences

PROMPT = "What must be true for the conclusion to follow?"
PLACEHOLDER = "PLACEHOLDER-WORDS"

YAML = f"""\
argmap: 1
title: Rain
lang: en
claims:
  P1:
    kind: premise
    text: It rains every day in June.
  A1:
    kind: assumption
    text: ""
    blank: true
    prompt: {PROMPT}
  C1:
    kind: conclusion
    text: The ground is wet in June.
  B2:
    kind: evidence
    text: {PLACEHOLDER}
    blank: true
inferences:
  I1:
    from: [P1, A1]
    to: C1
"""


def _map(text: str = YAML, format: argmap.formats.Format = "yaml") -> argmap.ArgumentMap:
    return argmap.loads(text, format)


def _as_json(text: str = YAML) -> str:
    return argmap.dumps(_map(text), "json")


def test_blanks_load_with_their_prompt_and_an_empty_text() -> None:
    m = _map()
    a1, b2 = m.claims["A1"], m.claims["B2"]
    assert (a1.blank, a1.text, a1.prompt) == (True, "", PROMPT)
    assert (b2.blank, b2.prompt) == (True, None)
    assert m.claims["P1"].blank is False and m.claims["P1"].prompt is None


def test_both_json_paths_and_yaml_build_the_same_map() -> None:
    text = _as_json()
    quick = load_clean_json(text, "<string>")
    assert quick is not None, "the quick path should accept a map with blanks"
    careful = argmap.loads(text.replace('"blank": true', '"blank":  true'), "json")  # same content
    assert quick == careful == _map()


@pytest.mark.parametrize("format", ["yaml", "json"])
def test_a_map_with_blanks_round_trips(format: argmap.formats.Format) -> None:
    m = _map()
    again = argmap.loads(argmap.dumps(m, format), format)
    assert again == m
    assert again.claims["A1"].prompt == PROMPT


def test_a_claim_that_is_not_a_blank_writes_neither_field() -> None:
    tree = json.loads(_as_json())
    assert "blank" not in tree["claims"]["P1"] and "prompt" not in tree["claims"]["P1"]
    assert tree["claims"]["A1"]["blank"] is True


def test_the_schema_accepts_blanks_and_rejects_a_bad_blank() -> None:
    schema = argmap.formats.json_schema()
    tree = json.loads(_as_json())
    jsonschema.validate(tree, schema)
    tree["claims"]["A1"]["blank"] = "yes"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(tree, schema)
    assert spec.CLAIM.field("blank").default is False


def _problems(text: str, format: argmap.formats.Format = "yaml") -> list[tuple[int | None, str]]:
    with pytest.raises(ArgmapError) as info:
        argmap.loads(text, format)
    return [(p.location.line if p.location else None, p.message) for p in info.value.problems]


def test_a_bad_blank_value_is_reported_where_it_stands() -> None:
    bad = YAML.replace("    blank: true\n    prompt", "    blank: sometimes\n    prompt")
    ((line, message),) = _problems(bad)
    assert line == bad.splitlines().index("    blank: sometimes") + 1
    assert "A1" in message and "blank" in message and "sometimes" in message


def test_a_bad_blank_value_is_reported_in_japanese_for_a_japanese_map() -> None:
    bad = YAML.replace("lang: en", "lang: ja").replace(
        "    blank: true\n    prompt", "    blank: sometimes\n    prompt"
    )
    ((_line, message),) = _problems(bad)
    assert "A1" in message and "blank" in message
    assert english_sentences(message) == [], message


@pytest.mark.parametrize("format", ["yaml", "json"])
def test_an_empty_text_without_blank_is_an_error(format: argmap.formats.Format) -> None:
    text = YAML.replace("    blank: true\n    prompt", "    prompt")
    if format == "json":
        tree = json.loads(_as_json())
        del tree["claims"]["A1"]["blank"]
        text = json.dumps(tree, indent=2)
    ((line, message),) = _problems(text, format)
    assert "A1" in message and "blank" in message
    lines = text.splitlines()
    assert line is not None and "text" in lines[line - 1] and '""' in lines[line - 1]


def test_an_empty_text_without_blank_is_reported_in_japanese() -> None:
    text = YAML.replace("lang: en", "lang: ja").replace("    blank: true\n    prompt", "    prompt")
    ((_line, message),) = _problems(text)
    assert "A1" in message
    assert english_sentences(message) == [], message


def test_the_model_allows_an_empty_text_only_for_a_blank() -> None:
    assert Claim("A1", "assumption", "", blank=True, prompt="?").text == ""
    with pytest.raises(ValueError, match="A1"):
        Claim("A1", "assumption", "")
    with pytest.raises(ValueError, match="A1"):
        Claim("A1", "assumption", "  \n")
    with pytest.raises(TypeError):
        Claim("A1", "assumption", "", blank=True, prompt=3)  # type: ignore[arg-type]
    b = MapBuilder("Rain")
    b.premise("P1", "It rains.")
    b.assumption("A1", "", blank=True, prompt=PROMPT)
    b.conclusion("C1", "The ground is wet.")
    b.inference("I1", ["P1", "A1"], "C1")
    m = b.build()
    assert m.claims["A1"].blank and m.claims["A1"].prompt == PROMPT


def test_a_filled_blank_is_an_ordinary_claim() -> None:
    filled = YAML.replace(
        '    text: ""\n    blank: true\n    prompt: ' + PROMPT + "\n", "    text: Rain wets the ground.\n"
    )
    m = _map(filled)
    assert m.claims["A1"].blank is False and m.claims["A1"].text == "Rain wets the ground."


# -- the checks ------------------------------------------------------------------------------

WORDING = """\
argmap: 1
title: Wording
lang: en
claims:
  P1:
    kind: premise
    text: Everyone loves the famous singer Taro.
  C1:
    kind: conclusion
    text: Taro's new song is good.
  P2:
    kind: premise
    text: Taxes rose sharply this year.
  C2:
    kind: conclusion
    text: Taxes rose sharply this year.
  E1:
    kind: evidence
    text: The minister said the plan will work.
    source:
      quote: The plan might perhaps work if the budget is approved.
  L1:
    kind: premise
    text: A claim nobody uses.
inferences:
  I1:
    from: [P1]
    to: C1
  I2:
    from: [P2]
    to: C2
  I3:
    from: [E1]
    to: C1
"""
WORDING_RULES = ["weak-relevance", "restated-premise", "paraphrase-drift", "unused-claim"]


def _found(m: argmap.ArgumentMap) -> set[str]:
    return {d.name for d in check(m) if d.name in WORDING_RULES}


def _blanked(text: str, *ids: str) -> str:
    for cid in ids:
        text = re.sub(rf"(  {cid}:\n    kind: \w+\n)", r"\1    blank: true\n", text)
    return text


def test_the_wording_example_triggers_every_wording_rule() -> None:
    assert _found(_map(WORDING)) == set(WORDING_RULES)


def test_the_checks_do_not_judge_the_wording_of_blanks() -> None:
    m = _map(_blanked(WORDING, "P1", "C2", "E1", "L1"))
    assert _found(m) == set()


def test_a_blank_conclusion_is_not_judged_either() -> None:
    m = _map(_blanked(WORDING, "C1", "P2"))
    assert {"weak-relevance", "restated-premise"}.isdisjoint(_found(m))


def test_structural_rules_still_apply_to_blanks() -> None:
    alone = _map("argmap: 1\ntitle: t\nclaims:\n  C1:\n    kind: conclusion\n    text: ''\n    blank: true\n")
    assert "unsupported-conclusion" in {d.name for d in check(alone)}


# -- the diagram ------------------------------------------------------------------------------


def _node(dot: str, cid: str) -> str:
    (line,) = [x for x in dot.splitlines() if x.strip().startswith(f"{cid} [")]
    return line


def test_the_diagram_draws_a_blank_with_its_number_and_prompt_and_no_text() -> None:
    dot = to_dot(_map()).source
    a1, b2 = _node(dot, "A1"), _node(dot, "B2")
    assert "Blank ①" in a1 and PROMPT.split(maxsplit=1)[0] in a1
    assert "Blank ②" in b2 and PLACEHOLDER not in dot
    assert "It rains every day in June." in _node(dot, "P1") and "Blank" not in _node(dot, "P1")


def test_the_diagram_speaks_japanese_for_a_japanese_map() -> None:
    m = _map(YAML.replace("lang: en", "lang: ja"))
    a1 = _node(to_dot(m).source, "A1")
    assert "①" in a1 and "Blank" not in a1
    assert "Blank ①" in _node(to_dot(m, lang="en").source, "A1")
