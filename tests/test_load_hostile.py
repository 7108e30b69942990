"""Hostile input: every one is refused with a located problem (or read
correctly), on every loading path — never a traceback, never a hang, and
never a map that cannot be written out or drawn."""

from __future__ import annotations

import difflib
import json
import re
import sys
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

import argmap
from argmap import Claim, Document, Inference, MapBuilder, Source
from argmap.drawing.escape import html_url
from argmap.errors import MAX_PROBLEMS
from argmap.formats._fastjson import load_clean_json
from argmap.model import check_url
from tests.loading import problems

HEAD = "argmap: 1\ntitle: t\n"
#: More digits than Python turns into an int by default (4,300).
HUGE = "1" * 5000


def one(text: str | bytes, fmt: argmap.formats.Format = "yaml") -> tuple[int, int, str]:
    found = problems(text, fmt)
    assert len(found) == 1, found
    return found[0]


def where(text: str, token: str) -> tuple[int, int]:
    """The 1-based (line, column) of the first ``token`` in ``text``, counting characters."""
    before = text[: text.index(token)]
    return before.count("\n") + 1, len(before) - (before.rfind("\n") + 1) + 1


def after(text: str, token: str) -> tuple[int, int]:
    """The (line, column) just after the first ``token`` in ``text``."""
    line, col = where(text, token)
    return line, col + len(token)


def json_map(**top: Any) -> dict[str, Any]:
    tree: dict[str, Any] = {
        "argmap": 1,
        "title": "t",
        "claims": {"P1": {"kind": "premise", "text": "a"}, "C1": {"kind": "conclusion", "text": "b"}},
        "inferences": {"I1": {"from": ["P1"], "to": "C1"}},
    }
    tree.update(top)
    return tree


# -- integers of thousands of digits ------------------------------------------


def test_a_huge_yaml_format_version_is_refused_at_the_value() -> None:
    text = f"argmap: {HUGE}\ntitle: t\nclaims: {{}}\n"
    line, col, msg = one(text)
    assert (line, col) == (1, 9)
    assert msg == "argmap (format version): a whole number of 5000 digits is too large"


def test_a_huge_quoted_yaml_format_version_too() -> None:
    assert one(f"argmap: '{HUGE}'\ntitle: t\nclaims: {{}}\n")[:2] == (1, 9)


def test_a_huge_yaml_strength_is_out_of_range_with_a_short_message() -> None:
    text = (
        HEAD
        + f"claims: {{P1: {{kind: premise, text: a}}}}\ninferences:\n  I1: {{from: P1, to: P1, strength: {HUGE}}}\n"
    )
    line, col, msg = one(text)
    assert (line, col) == where(text, HUGE)
    assert msg.endswith("is out of range: strength is a number from 0 to 1")
    assert len(msg) < 200  # the 5,000 digits are not all repeated


@pytest.mark.parametrize(
    "path",
    [("argmap",), ("inferences", "I1", "strength"), ("title",), ("claims", "P1", "conditional")],
)
def test_a_huge_json_integer_in_any_field_is_refused_at_the_number(path: tuple[str, ...]) -> None:
    tree = json_map()
    target = tree
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = 0  # a placeholder replaced in the text by the huge number
    text = json.dumps(tree).replace(f'"{path[-1]}": 0', f'"{path[-1]}": {HUGE}')
    assert HUGE in text
    assert load_clean_json(text, "m") is None  # the quick path steps aside
    line, col, msg = one(text, "json")
    assert (line, col) == where(text, HUGE)
    assert "5000 digits" in msg


def test_a_json_integer_under_pythons_limit_is_read_and_refused_by_its_field() -> None:
    digits = min(sys.get_int_max_str_digits() or 4300, 4300) - 1
    text = json.dumps(json_map()).replace('"argmap": 1', f'"argmap": {"9" * digits}')
    line, col, msg = one(text, "json")
    assert (line, col) == (1, 12)
    assert msg == f"argmap (format version): a whole number of {digits} digits is too large"


def test_a_json_float_of_thousands_of_digits_reads_correctly() -> None:
    tree = json_map()
    tree["inferences"]["I1"]["strength"] = 0.5
    text = json.dumps(tree).replace("0.5", "0." + "5" * 5000)
    assert argmap.loads(text, "json").inferences["I1"].strength == pytest.approx(5 / 9)


def test_the_quick_json_path_steps_aside_from_a_huge_strength() -> None:
    tree = json_map()
    tree["inferences"]["I1"]["strength"] = 0.5
    text = json.dumps(tree).replace("0.5", HUGE)  # a whole number of 5,000 digits
    assert load_clean_json(text, "m.json") is None
    with pytest.raises(argmap.ArgmapError):
        argmap.loads(text, "json")


# -- a JSON file that holds no object -----------------------------------------


@pytest.mark.parametrize(
    ("text", "what"),
    [("null", "null"), ("1", "a number"), ('"s"', "text"), ("true", "true/false"), ("[]", "a list")],
)
def test_a_json_file_holding_only_a_scalar_or_a_list(text: str, what: str) -> None:
    line, col, msg = one(f"\n  {text}\n".encode(), "json")  # bytes: not dedented
    assert (line, col) == (2, 3)
    assert msg.endswith(f"not {what}")


# -- lone surrogates ------------------------------------------------------------


@pytest.mark.parametrize(
    "path",
    [("title",), ("claims", "P1", "text"), ("claims", "P1", "tags"), ("inferences", "I1", "marker")],
)
def test_a_json_escape_of_a_lone_surrogate_is_refused_where_it_stands(path: tuple[str, ...]) -> None:
    tree = json_map()
    target = tree
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = "x\ud800y" if path[-1] != "tags" else ["ok", "x\udfffy"]
    text = json.dumps(tree)  # ASCII: the surrogate is written as an escape
    assert "\\ud" in text
    assert load_clean_json(text, "m") is None
    line, col, msg = one(text, "json")
    assert (line, col) == where(text, '"x\\ud')
    assert "surrogate" in msg


def test_a_lone_surrogate_in_a_json_key_is_refused() -> None:
    text = json.dumps(json_map(ignore={"P\udc001": ["x"]}))
    found = problems(text, "json")
    assert any("surrogate" in m and (line, col) == where(text, '"P\\udc00') for line, col, m in found)


def test_an_escaped_surrogate_pair_is_one_character() -> None:
    text = json.dumps(json_map(title="😀"))  # written "\ud83d\ude00"
    assert "\\ud83d\\ude00" in text
    assert argmap.loads(text, "json").title == "😀"


@pytest.mark.parametrize("fmt", ["yaml", "json"])
def test_a_str_holding_a_lone_surrogate_is_refused_where_it_stands(fmt: argmap.formats.Format) -> None:
    if fmt == "yaml":
        text = HEAD.replace("t\n", "日本\n") + "claims:\n  P1: {kind: premise, text: 'a\ud800'}\n"
    else:
        text = json.dumps(json_map(title="日本\ud800"), ensure_ascii=False)
    line, col, msg = one(text, fmt)
    assert (line, col) == where(text, "\ud800")
    assert "surrogate" in msg


def test_yaml_refuses_a_surrogate_escape_itself() -> None:
    text = HEAD + 'claims:\n  P1: {kind: premise, text: "a\\ud800"}\n'
    line, _col, msg = one(text)
    assert line == 4
    assert msg.startswith("YAML syntax error")


@pytest.mark.parametrize(
    "make",
    [
        lambda: MapBuilder("a\ud800"),
        lambda: MapBuilder("t").premise("P1", "\udfff"),
        lambda: MapBuilder("t").premise("P1", "x", note="\ud800"),
        lambda: MapBuilder("t").premise("P1", "x", tags=["\ud800"]),
        lambda: MapBuilder("t").ignore("P1", "\ud800"),
        lambda: Claim("P1", "premise", "x", source=Source(quote="\ud800")),
        lambda: Source(url="https://example.org/\ud800"),
        lambda: Inference("I1", ["P1"], "C1", marker="\ud800"),
        lambda: Document(title="\ud800"),
        lambda: argmap.ArgumentMap("\ud800"),
    ],
)
def test_the_model_refuses_lone_surrogates(make: Callable[[], object]) -> None:
    with pytest.raises(ValueError, match="surrogate"):
        make()


# -- URLs that pass a pattern but not a parser -----------------------------------

BAD_URLS = [
    "https://[::1",
    "https://[notipv6]/x",
    "https://[v1.x]/",
    "https://[::1]x/",
    "https://a\u2100b/x",  # ℀ reads as a/c under NFKC: the host would change
    "https://a]b/",
    "https://x:99999/",
    "https://x:abc/",
    "https://@/x",
    "https://:80/",
    "https://a\x00b/",
    "https://a/\x7f",
    "https://a/\x85",
]


@pytest.mark.parametrize("url", BAD_URLS)
def test_a_url_the_drawing_could_not_read_is_refused_at_load(url: str) -> None:
    tree = json_map()
    tree["claims"]["P1"]["source"] = {"url": url}
    text = json.dumps(tree)
    assert load_clean_json(text, "m") is None
    line, col, msg = one(text, "json")
    assert (line, col) == after(text, '"url": ')
    assert msg.startswith("claim 'P1' source url: ")
    assert "is not a valid URL" in msg or "is not an http or https URL" in msg
    with pytest.raises(ValueError, match="URL"):
        Source(url=url)
    with pytest.raises(ValueError, match="URL"):
        Document(url=url)


@pytest.mark.parametrize(
    "url",
    [
        "https://example.org/a",
        "https://日本.jp/記事",
        "https://[::1]:8080/x",
        "https://[2001:db8::1]/",
        "http://user@example.org:80/",
        "https://example.org:/x",
        "HTTPS://Example.org?q=1#f",
        "https://example.org/%7Ea",
    ],
)
def test_ordinary_urls_still_load(url: str) -> None:
    check_url(url)
    assert Source(url=url).url == url


URL_PARTS = st.sampled_from(
    ["a", "example.org", "日本", ".", "-", "[", "]", "::1", ":", "@", "%", "80", "99999", "/", "?", "#",
     "\u2100", "\uff0f", "\ufe6b", "\u00aa", "v1.x", "\x00", "\x7f", "\\", "~", " ", "\u3000", "xn--"]
)  # fmt: skip


@settings(max_examples=500)
@given(st.sampled_from(["http://", "https://", "HTTP://"]), st.lists(URL_PARTS, max_size=8).map("".join))
def test_any_url_that_check_url_accepts_survives_the_parser_and_the_drawing(scheme: str, rest: str) -> None:
    url = scheme + rest
    try:
        check_url(url)
    except ValueError:
        return
    parts = urlsplit(url)
    assert parts.hostname
    parts.port  # noqa: B018 - reading it must not raise
    html_url(url).encode("utf-8")


# -- the Python API with wrong types ---------------------------------------------

YAML = HEAD + "claims: {P1: {kind: premise, text: a}}\n"


@pytest.mark.parametrize(
    "call",
    [
        lambda: argmap.loads(None),  # type: ignore[arg-type]
        lambda: argmap.loads(1),  # type: ignore[arg-type]
        lambda: argmap.loads(["argmap: 1"]),  # type: ignore[arg-type]
        lambda: argmap.loads(YAML, format=None),  # type: ignore[arg-type]
        lambda: argmap.loads(YAML, name=None),  # type: ignore[arg-type]
        lambda: argmap.load(None),  # type: ignore[arg-type]
        lambda: argmap.dumps(None),  # type: ignore[arg-type]
        lambda: argmap.dumps("argmap: 1"),  # type: ignore[arg-type]
        lambda: MapBuilder(None),  # type: ignore[arg-type]
        lambda: MapBuilder(1),  # type: ignore[arg-type]
        lambda: MapBuilder("t", lang=1),  # type: ignore[arg-type]
        lambda: MapBuilder("t", date=20230509),  # type: ignore[arg-type]
        lambda: MapBuilder("t", document="x"),  # type: ignore[arg-type]
        lambda: MapBuilder("t").premise(1, "x"),  # type: ignore[arg-type]
        lambda: MapBuilder("t").premise(["P1"], "x"),  # type: ignore[arg-type]
        lambda: MapBuilder("t").premise("P1", None),  # type: ignore[arg-type]
        lambda: MapBuilder("t").premise("P1", 1),  # type: ignore[arg-type]
        lambda: MapBuilder("t").premise("P1", "x", source="s"),
        lambda: MapBuilder("t").premise("P1", "x", tags=1),
        lambda: MapBuilder("t").premise("P1", "x", tags=[1]),
        lambda: MapBuilder("t").premise("P1", "x", conditional="yes"),
        lambda: MapBuilder("t").claim("P1", 1, "x"),  # type: ignore[arg-type]
        lambda: MapBuilder("t").claim("P1", None, "x"),  # type: ignore[arg-type]
        lambda: MapBuilder("t").inference("I1", None, "C1"),  # type: ignore[arg-type]
        lambda: MapBuilder("t").inference("I1", 1, "C1"),  # type: ignore[arg-type]
        lambda: MapBuilder("t").inference("I1", [1], "C1"),  # type: ignore[list-item]
        lambda: MapBuilder("t").inference("I1", ["P1"], None),  # type: ignore[arg-type]
        lambda: MapBuilder("t").inference("I1", ["P1"], "C1", strength="0.5"),
        lambda: MapBuilder("t").inference("I1", ["P1"], "C1", strength=True),
        lambda: MapBuilder("t").inference("I1", ["P1"], "C1", marker=1),
        lambda: MapBuilder("t").attack("X1", None, "C1"),  # type: ignore[arg-type]
        lambda: MapBuilder("t").ignore(1, "x"),  # type: ignore[arg-type]
        lambda: MapBuilder("t").ignore("P1", 1),  # type: ignore[arg-type]
        lambda: MapBuilder("t").add(None),  # type: ignore[arg-type]
        lambda: MapBuilder("t").add("P1"),  # type: ignore[arg-type]
        lambda: Source(url=1),  # type: ignore[arg-type]
        lambda: Source(title=1),  # type: ignore[arg-type]
        lambda: Source(date=1),  # type: ignore[arg-type]
        lambda: Claim("P1", "premise", "x", tags=None),  # type: ignore[arg-type]
        lambda: Claim("P1", "premise", "x", tags={"a": 1}),  # type: ignore[arg-type]
        lambda: Document(file=1),  # type: ignore[arg-type]
        lambda: argmap.ArgumentMap(None),  # type: ignore[arg-type]
        lambda: argmap.ArgumentMap("t", claims=[1]),  # type: ignore[list-item]
        lambda: argmap.ArgumentMap("t", claims={"P1": 1}),  # type: ignore[dict-item]
        lambda: argmap.ArgumentMap("t", ignore=1),  # type: ignore[arg-type]
        lambda: argmap.ArgumentMap("t", ignore={"P1": [1]}),  # type: ignore[list-item]
    ],
)
def test_wrong_python_types_give_a_plain_type_error(call: Callable[[], object]) -> None:
    with pytest.raises(TypeError) as info:
        call()
    # A message written for a person, not one from deep inside Python.
    message = str(info.value)
    assert "object has no attribute" not in message
    assert "not iterable" not in message
    assert "not supported between" not in message
    assert "must be" in message or " not " in message


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: argmap.loads(YAML, format="xml"), "unknown format 'xml'"),  # type: ignore[arg-type]
        (lambda: argmap.load("x.argmap.yaml", "xml"), "unknown format 'xml'"),  # type: ignore[arg-type]
        (lambda: MapBuilder("t").claim("P1", "opinion", "x"), "unknown kind 'opinion': kinds are evidence"),
        (lambda: MapBuilder("t", lang="japanese!"), "is not a BCP-47 language tag"),
        (lambda: MapBuilder("t").inference("I1", "P 1", "C1"), "is not a valid id"),
    ],
)
def test_wrong_python_values_give_a_plain_value_error(call: Callable[[], object], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        call()


def test_an_unknown_format_is_refused_before_the_file_is_read(tmp_path: Any) -> None:
    with pytest.raises(ValueError, match="unknown format"):
        argmap.load(tmp_path / "missing.argmap.yaml", "xml")  # type: ignore[arg-type]


@pytest.mark.parametrize("wrap", [bytearray, memoryview])
@pytest.mark.parametrize("fmt", ["yaml", "json"])
def test_bytes_like_input_reads_as_bytes(wrap: Callable[[bytes], Any], fmt: argmap.formats.Format) -> None:
    data = YAML.encode() if fmt == "yaml" else json.dumps(json_map()).encode()
    assert argmap.loads(wrap(data), fmt) == argmap.loads(data, fmt)


def test_one_id_as_the_premises_of_an_inference_in_code() -> None:
    b = MapBuilder("t")
    b.premise("P10", "x")
    b.conclusion("C1", "y")
    b.inference("I1", "P10", "C1")  # one id, as in a file, not the characters of it
    assert b.build().inferences["I1"].premises == ("P10",)


def test_a_datetime_in_code_is_kept_as_its_day_so_the_map_writes_back() -> None:
    import datetime as dt

    m = MapBuilder("t", date=dt.datetime(2023, 5, 9, 12, 30)).build()
    assert m.date == dt.date(2023, 5, 9)
    assert argmap.loads(argmap.dumps(m)) == m


# -- "did you mean" stays linear ------------------------------------------------


@pytest.fixture
def comparisons(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts the ids that "did you mean" compares, and fails as soon as the
    work grows quadratic (the old loader compared 200 million here)."""
    real = difflib.get_close_matches
    count = [0]

    def counted(word: Any, possibilities: Any, *args: Any, **kwargs: Any) -> Any:
        count[0] += len(possibilities)
        if count[0] > 2_000_000:
            pytest.fail("'did you mean' compares every missing id with every id of the map")
        return real(word, possibilities, *args, **kwargs)

    monkeypatch.setattr(difflib, "get_close_matches", counted)
    return count


@pytest.mark.parametrize("fmt", ["yaml", "json"])
def test_ten_thousand_bad_references_in_a_large_map_are_reported_in_linear_work(
    comparisons: list[int], fmt: argmap.formats.Format
) -> None:
    n, bad = 20_000, 10_000
    claims = {f"C{i}": {"kind": "premise", "text": f"claim {i}"} for i in range(n)}
    # Each reference is one letter off a real id, so each could get a suggestion.
    inferences = {f"I{i}": {"from": [f"C{i}", f"C{i}x"], "to": f"C{i + 1}"} for i in range(bad)}
    ignore = {f"Q{i}": ["unused-claim"] for i in range(bad)}
    tree = {"argmap": 1, "title": "t", "claims": claims, "inferences": inferences, "ignore": ignore}
    text = json.dumps(tree, indent=1) if fmt == "json" else yaml.dump(tree, Dumper=yaml.CSafeDumper)
    found = problems(text, fmt)
    # The first MAX_PROBLEMS found are listed, then one line counts the rest.
    assert len(found) == MAX_PROBLEMS + 1
    assert all(line >= 1 and col >= 1 for line, col, _ in found)
    assert found[-1][2].startswith(f"… and {2 * bad - MAX_PROBLEMS:,} more problems, not listed")
    premises = [m for _, _, m in found if "premise" in m]
    assert len(premises) == MAX_PROBLEMS
    assert premises[0].startswith("inference 'I0': premise 'C0x' does not exist (did you mean 'C0")
    assert comparisons[0] <= 2 * argmap.formats._rules.Suggester.BUDGET


# -- characters YAML refuses, located where they stand ------------------------------


@pytest.mark.parametrize("char", ["\x00", "\x01", "\x1b", "\x7f", "\x9f", "\ufffe", "\uffff"])
@pytest.mark.parametrize("anchor", ["", "&"])  # the anchor scan reads the text first
def test_a_character_yaml_refuses_is_located_where_it_stands(char: str, anchor: str) -> None:
    text = HEAD + f"claims:\n  P1: {{kind: premise, text: 日本語{anchor}{char}x}}\n"
    for data in (text, text.encode("utf-8")):
        line, col, msg = one(data)
        assert (line, col) == where(text, char)
        assert f"U+{ord(char):04X}" in msg


def test_a_nul_after_a_line_of_other_breaks_is_located_on_its_line() -> None:
    text = "argmap: 1\r\ntitle: 「日本」\r\nclaims: {}\r\nx: \x00\r\n"
    assert one(text)[:2] == (4, 4)


# -- line ends: CR alone, CRLF, LF, and YAML's NEL, LS and PS -------------------------

_YAML_BREAK = re.compile("\r\n|[\n\r\x85\u2028\u2029]")
_JSON_BREAK = re.compile("\r\n|[\n\r]")


def where_in(text: str, token: str, breaks: re.Pattern[str] = _YAML_BREAK) -> tuple[int, int]:
    """The (line, column) of ``token``, a line ending at any of ``breaks``."""
    offset = text.index(token)
    ends = [m.end() for m in breaks.finditer(text, 0, offset)]
    return len(ends) + 1, offset - (ends[-1] if ends else 0) + 1


@pytest.mark.parametrize("eol", ["\r", "\r\n", "\n", "\x85", "\u2028", "\u2029", "mixed"])
@pytest.mark.parametrize("as_bytes", [False, True])
def test_every_yaml_location_counts_every_line_end(eol: str, as_bytes: bool) -> None:
    """A NUL is located from its offset; an unknown field from YAML's own
    marks; both count a line wherever YAML ends one."""
    ends = ["\r", "\n", "\r\n", "\r"] if eol == "mixed" else [eol] * 4
    lines = ["argmap: 1", "title: 「日本」", "claims: {}", 'bad: "a\x00"', "x: 1"]
    text = "".join(line + end for line, end in zip(lines, [*ends, ""], strict=True))
    line, col, _msg = one(text.encode() if as_bytes else text)
    assert (line, col) == where_in(text, "\x00") == (4, 8)
    unknown = text.replace("\x00", "")
    found = problems(unknown)
    assert (found[0][0], found[0][1]) == where_in(unknown, "bad") == (4, 1)


def test_the_nul_of_the_report_is_located_with_cr_line_ends() -> None:
    assert one(b'argmap: 1\rtitle: "a\0"\rclaims: {}\r')[:2] == (2, 10)


@pytest.mark.parametrize("eol", ["\r", "\r\n", "mixed"])
def test_a_tab_is_recognised_on_a_line_after_a_cr(eol: str) -> None:
    ends = ["\r", "\n"] if eol == "mixed" else [eol, eol]
    text = f"argmap: 1{ends[0]}title: t{ends[1]}\tclaims: {{}}\n"
    _line, _col, msg = one(text)
    assert "a tab character: YAML does not allow tabs for indentation, use spaces" in msg


@pytest.mark.parametrize("eol", ["\r", "\r\n"])
def test_a_tag_directive_and_a_surrogate_are_located_after_a_cr(eol: str) -> None:
    text = eol.join(["argmap: 1", "title: t", "%TAG ! tag:x,2000:", "---", "claims: {}"])
    assert one(text)[:2] == where_in(text, "%TAG")
    text = eol.join(["argmap: 1", "title: t", "claims: {P1: {kind: premise, text: a\ud800}}"])
    assert one(text)[:2] == where_in(text, "\ud800")


@pytest.mark.parametrize("eol", ["\r", "\r\n", "mixed"])
def test_every_json_location_counts_every_line_end(eol: str) -> None:
    ends = ["\r", "\n", "\r\n"] if eol == "mixed" else [eol] * 3
    body = ['{"argmap": 1,', '"title": "t",', '"claims": {},', '"bad": 1}']
    text = "".join(line + end for line, end in zip(body, [*ends, ""], strict=True))
    assert problems(text, "json")[0][:2] == where_in(text, '"bad"', _JSON_BREAK) == (4, 1)  # the locator
    dup = text.replace('"bad"', '"title"')
    assert one(dup, "json")[:2] == (4, 1)  # the careful parser
    broken = text.replace('"bad": 1', '"bad": x')
    assert one(broken, "json")[:2] == (4, 8)  # a syntax error
    lone = text.replace('"t"', '"\\ud800"')
    assert problems(lone, "json")[0][:2] == (2, 10)  # a surrogate escape
    raw = text.replace('"t"', '"\ud800"')
    assert one(raw, "json")[:2] == (2, 11)  # a str holding one


# -- messages: long values shortened, whole sentences --------------------------------------


def test_a_long_date_is_shortened_in_its_message() -> None:
    text = HEAD + f"date: 2023-{'1' * 5000}\nclaims: {{}}\n"
    _line, _col, msg = one(text)
    assert len(msg) < 200, msg
    assert msg.startswith("date: '2023-1111") and "(5,005 characters) is not a date" in msg


@pytest.mark.parametrize(
    "field",
    [
        "lang: {}",
        "claims: {{P1: {{kind: premise, text: a}}, {}: {{kind: premise, text: a}}}}",
        "claims: {{P1: {{kind: premise, text: a, {}: 1}}}}",
        "claims: {{P1: {{kind: premise, text: a}}}}\ninferences: {{I1: {{from: [{}], to: P1}}}}",
        "claims: {{P1: {{kind: premise, text: a}}}}\nignore: {{{}: [x]}}",
    ],
)
def test_a_long_value_is_shortened_in_every_message(field: str) -> None:
    text = HEAD + field.format("X" * 5000) + ("\nclaims: {}\n" if field.startswith("lang") else "\n")
    for _line, _col, msg in problems(text):
        assert len(msg) < 400, msg


@pytest.mark.parametrize(
    ("string", "message", "where"),
    [
        (
            '"a\x01b"',
            "the control character U+0001 cannot stand inside a JSON string: write it as \\u0001",
            3,
        ),
        ('"a\\qb"', "\\q is not a JSON escape: write a backslash inside a string as \\\\", 3),
        ('"a\\u12zz"', "a \\u escape needs four hexadecimal digits, such as \\u00e9", 3),
        ('"abc', "a string is not closed: it needs a double quote at its end", 1),
    ],
)
def test_a_bad_json_string_is_a_whole_sentence(string: str, message: str, where: int) -> None:
    text = '{"argmap": 1, "title": ' + string + ', "claims": {}}'
    if string == '"abc':
        text = '{"argmap": 1, "title": "abc'
    line, col, msg = one(text, "json")
    assert msg == f"JSON syntax error: {message}"
    assert (line, col) == (1, 24 + where - 1)


# -- numbers read strictly ---------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    ["0_1", "'0_1'", "1_0", "' 0.5 '", '"0.5\\n"', "\u0660.5", "\uff10.5", "infinity", "inf", "nan", "0x1",
     "½", "1e5_0", "'1 '"],
)  # fmt: skip
def test_a_strength_float_would_read_loosely_is_refused(value: str) -> None:
    text = (
        HEAD
        + f"claims: {{P1: {{kind: premise, text: a}}}}\ninferences:\n  I1: {{from: P1, to: P1, strength: {value}}}\n"
    )
    line, col, msg = one(text)
    assert (line, col) == after(text, "strength: ")
    assert msg.startswith("inference 'I1' strength: ")
    if "_" in value:
        assert "without '_'" in msg


@pytest.mark.parametrize("value", ["0.5", ".5", "1", "0", "1.0", "5e-1", "+0.5"])
def test_strengths_written_plainly_still_load(value: str) -> None:
    text = (
        HEAD
        + f"claims: {{P1: {{kind: premise, text: a}}}}\ninferences:\n  I1: {{from: P1, to: P1, strength: {value}}}\n"
    )
    assert argmap.loads(text).inferences["I1"].strength == float(value)


def test_a_json_strength_written_as_text_is_read_by_the_same_rule() -> None:
    tree = json_map()
    tree["inferences"]["I1"]["strength"] = "0_1"
    text = json.dumps(tree)
    assert load_clean_json(text, "m") is None
    assert "without '_'" in one(text, "json")[2]


@pytest.mark.parametrize("value", ["1_0", "'1_0'", "\u0661", "1e0", "' 1'", "'1 '", "1.0", "+1", "\uff11"])
def test_a_format_version_int_would_read_loosely_is_refused(value: str) -> None:
    text = f"argmap: {value}\ntitle: t\nclaims: {{}}\n"
    line, col, msg = one(text)
    assert (line, col) == (1, 9)
    assert msg.startswith("argmap (format version): expected a whole number")


@pytest.mark.parametrize("value", ["\uff12\uff10\uff12\uff13-05-09", "\u0662\u0660\u0662\u0663-05-09"])
def test_a_date_in_other_digits_is_refused(value: str) -> None:
    text = HEAD + f"date: {value}\nclaims: {{}}\n"
    assert one(text)[:2] == (3, 7)


# -- YAML tags and directives ----------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("!!python/object/apply:os.system [echo]", "!!python/object/apply:os.system"),
        ("!!python/name:os.system x", "!!python/name:os.system"),
        ("!!str x", "!!str"),
        ("!!int 1", "!!int"),
        ("!!map {a: b}", "!!map"),
        ("!!seq [a]", "!!seq"),
        ("! x", "!"),
        ("!local x", "!local"),
        ("!<tag:yaml.org,2002:str> x", "!!str"),
        ("!<tag:example.com,2000:x> y", "!<tag:example.com,2000:x>"),
        ("[!!str x]", "!!str"),
        ("{a: !!str x}", "!!str"),
    ],
)
def test_every_yaml_tag_is_refused_where_it_stands(value: str, shown: str) -> None:
    text = HEAD + f"claims:\n  P1: {{kind: premise, text: a, note: {value}}}\n"
    line, col, msg = one(text)
    tag = value.lstrip("[{a: ").split(" ")[0]
    assert (line, col) == where(text, tag)
    assert (
        msg
        == f"YAML tag {shown} is not allowed: no field of the format uses tags, write the value without it"
    )


def test_a_tag_on_a_key_is_refused() -> None:
    text = HEAD + "claims:\n  !!str P1: {kind: premise, text: a}\n"
    assert one(text)[:2] == (4, 3)


def test_a_tag_directive_is_refused_at_its_line() -> None:
    text = "%TAG !e! tag:example.com,2000:\n---\n" + HEAD + "claims: {}\n"
    assert one(text) == (1, 1, "YAML %TAG directive is not allowed: no field of the format uses tags")


def test_a_yaml_version_directive_is_allowed() -> None:
    for version in ("1.1", "1.2"):
        assert argmap.loads(f"%YAML {version}\n---\n" + HEAD + "claims: {}\n").title == "t"


@pytest.mark.parametrize("title", ["Wow! great", "a !b", "50% off", "!important?", "x&y", "3*4"])
def test_exclamation_and_percent_signs_in_text_are_text(title: str) -> None:
    quoted = f"'{title}'" if title.startswith("!") else title
    assert argmap.loads(f"argmap: 1\ntitle: {quoted}\nclaims: {{}}\n").title == title


def test_a_tag_right_after_the_colon_of_a_quoted_key_is_refused() -> None:
    text = '{"argmap": 1, "title":!!str t, "claims":!!map {}}\n'
    found = problems(text)
    assert [(line, col) for line, col, _ in found] == [where(text, "!!str"), where(text, "!!map")]


@pytest.mark.parametrize("key", ["[a]", "{a: b}"])
def test_a_list_or_mapping_as_an_element_id_is_a_located_problem(key: str) -> None:
    text = HEAD + f"claims:\n  ? {key}\n  : {{kind: premise, text: x}}\n  P1: {{kind: premise, text: a}}\n"
    assert one(text) == (*where(text, key), "a key must be a plain name, not a list or mapping")
