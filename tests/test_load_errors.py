"""Every kind of bad input gets a located, readable problem — and all of them at once."""

from __future__ import annotations

import textwrap

import pytest

import argmap
from tests.loading import problems

HEAD = "argmap: 1\ntitle: t\n"


def at(text: str, line: int, token: str) -> tuple[int, int]:
    """The 1-based (line, column) where ``token`` first stands on ``line`` of ``text``."""
    return line, textwrap.dedent(text).splitlines()[line - 1].index(token) + 1


def one(text: str | bytes, fmt: argmap.formats.Format = "yaml") -> tuple[int, int, str]:
    found = problems(text, fmt)
    assert len(found) == 1, found
    return found[0]


def test_duplicate_key_points_at_the_second_key() -> None:
    text = HEAD + "claims:\n  E1: {kind: premise, text: a}\n  E1: {kind: premise, text: b}\n"
    assert one(text) == (5, 3, "duplicate key 'E1'")


def test_duplicate_field_inside_a_claim() -> None:
    text = HEAD + "claims:\n  E1:\n    kind: premise\n    text: a\n    text: b\n"
    assert one(text) == (7, 5, "duplicate key 'text'")


def test_unknown_field_suggests_the_near_name() -> None:
    text = HEAD + "claims:\n  E1: {kind: premise, text: a, nots: x}\n"
    line, col, msg = one(text)
    assert (line, col) == (4, 32)
    assert msg.startswith("claim 'E1': unknown field 'nots' (did you mean 'note'?)")


def test_unknown_top_level_field() -> None:
    text = "argmap: 1\ntitel: t\nclaims: {}\n"
    found = problems(text)
    # the missing title is reported too, in the same pass, at the top of the file
    assert found[0] == (1, 1, "map: missing required field 'title'")
    assert found[1][:2] == (2, 1)
    assert found[1][2].startswith("map: unknown field 'titel' (did you mean 'title'?)")


def test_wrong_type_for_a_section() -> None:
    text = HEAD + "claims: [a, b]\n"
    assert one(text) == (3, 9, "claims must be a mapping from id to claim, not a list")


def test_wrong_type_for_a_field() -> None:
    text = HEAD + "claims:\n  E1: {kind: premise, text: [a]}\n"
    assert one(text) == (4, 29, "claim 'E1' text: expected text, found a list")


def test_missing_required_field_points_at_the_element() -> None:
    text = HEAD + "claims:\n  E1: {kind: premise}\n"
    assert one(text) == (4, 3, "claim 'E1': missing required field 'text'")


def test_required_field_without_value() -> None:
    text = HEAD + "claims:\n  E1:\n    kind: premise\n    text:\n"
    # the value is missing: point just after "text:", where it should be
    assert one(text) == (6, len("    text:") + 1, "claim 'E1': 'text' needs a value")


def test_missing_version_and_title() -> None:
    found = problems("claims: {}\n")
    assert [m for _, _, m in found] == [
        "map: missing required field 'argmap'",
        "map: missing required field 'title'",
    ]
    assert all((line, col) == (1, 1) for line, col, _ in found)


def test_unsupported_version() -> None:
    text = "argmap: 2\ntitle: t\nclaims: {}\n"
    assert one(text) == (1, 9, "format version 2 is not supported: this argmap reads version 1")


def test_unknown_kind_lists_the_kinds() -> None:
    text = HEAD + "claims:\n  E1: {kind: evidense, text: a}\n"
    line, col, msg = one(text)
    assert (line, col) == (4, 14)
    assert msg == (
        "claim 'E1': unknown kind 'evidense' (did you mean 'evidence'?); "
        "kinds: evidence, premise, assumption, hypothesis, conclusion"
    )


@pytest.mark.parametrize(
    ("body", "where", "message"),
    [
        (
            "inferences:\n  I1: {from: [P1, P9], to: P1}\n",
            (6, "P9"),
            "inference 'I1': premise 'P9' does not exist",
        ),
        (
            "inferences:\n  I1: {from: [P1], to: C9}\n",
            (6, "C9"),
            "inference 'I1': conclusion 'C9' does not exist",
        ),
        (
            "attacks:\n  X1: {from: Q1, to: P1}\n",
            (6, "Q1"),
            "attack 'X1': source 'Q1' does not exist",
        ),
        (
            "attacks:\n  X1: {from: P1, to: Q1}\n",
            (6, "Q1"),
            "attack 'X1': target 'Q1' does not exist",
        ),
        (
            "inferences:\n  I1: {from: [P1], to: P1}\nattacks:\n  X1: {from: I1, to: P1}\n",
            (8, "I1, to"),
            "attack 'X1': source 'I1' is an inference, not a claim",
        ),
        (
            "ignore:\n  P2: [unused-claim]\n",
            (6, "P2"),
            "ignore: 'P2' is not an element of this map",
        ),
    ],
)
def test_references_to_missing_ids(body: str, where: tuple[int, str], message: str) -> None:
    text = HEAD + "claims:\n  P1: {kind: premise, text: a}\n" + body
    assert one(text) == (*at(text, *where), message)


def test_missing_reference_suggests_a_near_id() -> None:
    text = (
        HEAD
        + "claims:\n  Hokkaido: {kind: premise, text: a}\ninferences:\n  I1: {from: [Hokaido], to: Hokkaido}\n"
    )
    assert one(text) == (
        *at(text, 6, "Hokaido"),
        "inference 'I1': premise 'Hokaido' does not exist (did you mean 'Hokkaido'?)",
    )


def test_id_used_across_kinds() -> None:
    text = HEAD + (
        "claims:\n  P1: {kind: premise, text: a}\n  C1: {kind: conclusion, text: b}\n"
        "inferences:\n  P1: {from: [P1], to: C1}\n"
    )
    assert one(text) == (
        7,
        3,
        "id 'P1' is already used by a claim; ids must be unique across claims, inferences and attacks",
    )


def test_invalid_id() -> None:
    text = HEAD + "claims:\n  1st: {kind: premise, text: a}\n"
    line, col, msg = one(text)
    assert (line, col) == (4, 3)
    assert msg.startswith("claim id '1st' is not valid")


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("2023-13-01", "claim 'E1' source date: '2023-13-01' is not a date: month must be in 1..12"),
        ("2023-02-30", "claim 'E1' source date: '2023-02-30' is not a date: day is out of range for month"),
        (
            "May 9",
            "claim 'E1' source date: 'May 9' is not a date: write YYYY-MM-DD (or YYYY.MM.DD, YYYY/MM/DD)",
        ),
    ],
)
def test_bad_dates(value: str, message: str) -> None:
    text = HEAD + f"claims:\n  E1: {{kind: evidence, text: a, source: {{date: {value}}}}}\n"
    assert one(text) == (*at(text, 4, value), message)


def test_bad_map_date() -> None:
    text = HEAD + "date: 2023.5.40\nclaims: {}\n"
    assert one(text)[:2] == (3, 7)


@pytest.mark.parametrize("value", ["1.5", "-0.1", "nan", "strong"])
def test_strength_out_of_range_or_not_a_number(value: str) -> None:
    text = HEAD + (
        "claims:\n  P1: {kind: premise, text: a}\n  C1: {kind: conclusion, text: b}\n"
        f"inferences:\n  I1: {{from: [P1], to: C1, strength: {value}}}\n"
    )
    line, col, msg = one(text)
    assert (line, col) == at(text, 7, value + "}")
    assert msg.startswith("inference 'I1' strength: ")
    assert "from 0 to 1" in msg


@pytest.mark.parametrize("url", ["ftp://example.org/x", "javascript:alert(1)", "example.org", "https://"])
def test_non_http_source_urls(url: str) -> None:
    text = HEAD + f"claims:\n  E1: {{kind: evidence, text: a, source: {{url: '{url}'}}}}\n"
    assert one(text) == (
        *at(text, 4, f"'{url}'"),
        f"claim 'E1' source url: {url!r} is not an http or https URL",
    )


def test_anchor_and_alias_are_refused_where_they_stand() -> None:
    text = HEAD + "claims:\n  P1: &x {kind: premise, text: a}\n  P2: *x\n"
    assert problems(text) == [
        (4, 7, "YAML anchor &x is not allowed: write each value out"),
        (5, 7, "YAML alias *x is not allowed: write the value out"),
    ]


def test_alias_bomb_is_refused_quickly() -> None:
    lines = ["a: &a [x, x, x, x, x, x, x, x, x]"]
    lines += [
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]" for i in range(20)
    ]
    found = problems("\n".join(lines) + "\n")
    assert found[0] == (1, 4, "YAML anchor &a is not allowed: write each value out")


def test_tab_indentation() -> None:
    text = HEAD + "claims:\n\tP1: {kind: premise, text: a}\n"
    line, col, msg = one(text)
    assert (line, col) == (4, 1)
    assert "tab" in msg and msg.startswith("YAML syntax error")


def test_other_yaml_syntax_error() -> None:
    text = HEAD + "claims:\n  P1: {kind: premise, text: a\n"
    line, _col, msg = one(text)
    assert line == 5
    assert msg.startswith("YAML syntax error: ")


TAG_REFUSED = "is not allowed: no field of the format uses tags, write the value without it"


def test_custom_tags_are_refused() -> None:
    # No field of the format uses tags: the standard namespace's are refused too.
    text = HEAD + "claims:\n  P1: {kind: premise, text: !!python/name:os.system a}\n"
    assert one(text) == (4, 29, f"YAML tag !!python/name:os.system {TAG_REFUSED}")
    text = HEAD + "claims:\n  P1: {kind: premise, text: !mytag a}\n"
    assert one(text) == (4, 29, f"YAML tag !mytag {TAG_REFUSED}")


def test_bytes_that_are_not_utf8() -> None:
    data = (HEAD + "claims:\n  P1: {kind: premise, text: caf").encode() + b"\xe9}\n"
    assert one(data) == (
        *at(HEAD + "claims:\n  P1: {kind: premise, text: caf?}", 4, "?"),
        "the file is not UTF-8 text: byte 0xe9 cannot be decoded (save the file as UTF-8)",
    )


@pytest.mark.parametrize("bad", [b"\xe9", b"\xed\xa0\x80"])  # Latin-1, an encoded surrogate
def test_json_bytes_that_are_not_utf8(bad: bytes) -> None:
    data = b'{"argmap": 1, "title": "t",\n "claims": {"P1": {"kind": "premise", "text": "caf' + bad + b'"}}}'
    assert one(data, "json") == (
        2,
        data.splitlines()[1].index(bad) + 1,
        f"the file is not UTF-8 text: byte 0x{bad[0]:02x} cannot be decoded (save the file as UTF-8)",
    )


def test_json_utf8_bom_is_accepted() -> None:
    m = argmap.loads(b'\xef\xbb\xbf{"argmap": 1, "title": "t", "claims": {}}', "json")
    assert m.title == "t"


def test_utf8_bom_is_accepted() -> None:
    m = argmap.loads(("\ufeff" + HEAD + "claims: {}\n").encode())
    assert m.title == "t"


@pytest.mark.parametrize("text", ["", "   \n\n", "# only a comment\n"])
def test_empty_file(text: str) -> None:
    line, col, msg = one(text)
    assert (line, col) == (1, 1)
    assert msg.startswith("the file is empty")


@pytest.mark.parametrize(
    ("text", "found"), [("- a\n- b\n", "a list"), ("just text\n", "text"), ("42\n", "text")]
)
def test_not_a_mapping(text: str, found: str) -> None:
    assert one(text) == (
        1,
        1,
        f"an argument map must be a mapping with argmap:, title: and claims: at the top, not {found}",
    )


def test_all_problems_are_reported_in_one_pass_in_file_order() -> None:
    text = HEAD + (
        "claims:\n"
        "  E1: {kind: evidense, text: a}\n"
        "  E2: {kind: evidence, text: b, source: {url: 'ftp://x'}}\n"
        "inferences:\n"
        "  I1: {from: [E9], to: E1, strength: 3}\n"
    )
    found = problems(text)
    assert [line for line, _, _ in found] == [4, 5, 7, 7]
    assert found == sorted(found)


def test_no_implicit_typing() -> None:
    text = textwrap.dedent(
        """\
        argmap: 1
        title: no
        claims:
          P1: {kind: premise, text: on, note: 1e3, tags: [0x10, 2023-05-09, 'null']}
        """
    )
    m = argmap.loads(text)
    assert m.title == "no"
    p1 = m.claims["P1"]
    assert (p1.text, p1.note, p1.tags) == ("on", "1e3", ("0x10", "2023-05-09", "null"))
    # an unquoted null is nothing, which is not a name
    text = text.replace("'null'", "null")
    assert one(text) == (*at(text, 4, "[0x10"), "claim 'P1' tags: expected a list of names")


def test_quoted_null_is_text() -> None:
    m = argmap.loads(HEAD + "claims:\n  P1: {kind: premise, text: 'null'}\n")
    assert m.claims["P1"].text == "null"


def test_conditional_accepts_only_true_or_false() -> None:
    text = HEAD + "claims:\n  C1: {kind: conclusion, text: a, conditional: yes}\n"
    assert one(text) == (4, 48, "claim 'C1' conditional: expected true or false, found 'yes'")


def test_dates_are_normalised() -> None:
    text = HEAD + "date: 2023/5/10\nclaims:\n  E1: {kind: evidence, text: a, source: {date: 2023.05.09}}\n"
    m = argmap.loads(text)
    assert str(m.date) == "2023-05-10"
    assert m.claims["E1"].source is not None
    assert str(m.claims["E1"].source.date) == "2023-05-09"


def test_empty_inference_loads() -> None:
    text = HEAD + "claims:\n  C1: {kind: conclusion, text: a}\ninferences:\n  I1: {from: [], to: C1}\n"
    assert argmap.loads(text).inferences["I1"].premises == ()


def test_deep_nesting_is_a_located_problem_not_a_crash() -> None:
    text = HEAD + "claims:\n  P1: " + "[" * 200 + "]" * 200 + "\n"
    found = problems(text)
    assert any(msg.startswith("too deeply nested") and line == 4 for line, _, msg in found), found


def test_columns_count_characters_not_bytes() -> None:
    text = HEAD + "claims:\n  P1: {text: 日本語の文, kind: evidense}\n"
    line, col, _ = one(text)
    assert (line, col) == at(text, 4, "evidense") == (4, 27)


# -- JSON ---------------------------------------------------------------------


def test_json_loads_with_the_same_rules() -> None:
    text = '{"argmap": 1, "title": "t", "claims": {"P1": {"kind": "premise", "text": "a"}}}'
    assert argmap.loads(text, "json").claims["P1"].text == "a"


def test_json_problems_are_located() -> None:
    text = (
        '{\n  "argmap": 1,\n  "title": "t",\n  "claims": {\n'
        '    "P1": {"kind": "premis", "text": "a"},\n'
        '    "P2": {"kind": "premise", "text": 5}\n  }\n}\n'
    )
    found = problems(text, "json")
    assert [(line, col) for line, col, _ in found] == [at(text, 5, '"premis"'), at(text, 6, "5}")]
    assert found[0][2].startswith("claim 'P1': unknown kind 'premis' (did you mean 'premise'?)")
    assert found[1][2] == "claim 'P2' text: expected text, found a number"


def test_json_duplicate_keys() -> None:
    text = '{"argmap": 1, "title": "t", "title": "u", "claims": {}}'
    assert one(text, "json") == (1, 29, "duplicate key 'title'")


def test_json_syntax_error() -> None:
    text = '{"argmap": 1,\n "title": "t",\n "claims": {,}}'
    line, col, msg = one(text, "json")
    assert (line, col) == (3, 13)
    assert msg == "JSON syntax error: expected a key in double quotes"


@pytest.mark.parametrize("text", ["", "  \n"])
def test_json_empty(text: str) -> None:
    assert one(text, "json")[:2] == (1, 1)


def test_json_nan_is_refused() -> None:
    text = '{"argmap": 1, "title": "t", "claims": {}, "x": NaN}'
    line, col, msg = one(text, "json")
    assert (line, col) == (1, 48)
    assert msg.startswith("JSON syntax error")


def test_json_strength_too_large_for_a_float() -> None:
    # JSON integers are unbounded; float() of this one would overflow.
    text = (
        '{"argmap": 1, "title": "t", "claims": {"P1": {"kind": "premise", "text": "a"},\n'
        '"C1": {"kind": "conclusion", "text": "b"}},\n'
        '"inferences": {"I1": {"from": ["P1"], "to": "C1", "strength": 1' + "0" * 400 + "}}}"
    )
    line, col, msg = one(text, "json")
    assert (line, col) == (3, text.splitlines()[2].index(": 1000") + 3)
    assert msg.startswith("inference 'I1' strength: a whole number of 401 digits")
    assert msg.endswith("is out of range: strength is a number from 0 to 1")


def test_json_deep_nesting() -> None:
    text = '{"argmap": 1, "title": "t", "claims": ' + "[" * 100000 + "]" * 100000 + "}"
    _line, _col, msg = one(text, "json")
    assert "too deeply nested" in msg


def test_json_locations_of_elements() -> None:
    text = '{"argmap": 1, "title": "t",\n "claims": {\n  "P1": {"kind": "premise", "text": "a"}}}'
    m = argmap.loads(text, "json", name="m.json")
    loc = m.location("P1")
    assert loc is not None
    assert (loc.file, loc.line, loc.column) == ("m.json", 3, 3)


def test_a_document_holding_nothing_is_empty() -> None:
    line, col, msg = one("---\n...\n")
    assert (line, col) == (2, 1)
    assert msg.startswith("the file is empty")


@pytest.mark.parametrize("value", ["~", "null", "Null", "NULL"])
def test_a_document_holding_only_null_says_so(value: str) -> None:
    """A file holding ``null`` is not empty: the message names what it holds."""
    line, col, msg = one(f"{value}\n")
    assert (line, col) == (1, 1)
    assert msg == (
        f"the file holds only {value!r}, which YAML reads as null: "
        "a map is a mapping with argmap:, title: and claims:"
    )
