"""Whatever the input, loading gives a map or an ArgmapError whose every
problem is located — never any other exception."""

from __future__ import annotations

import json
from urllib.parse import urlsplit

import yaml
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import argmap
from argmap import ArgmapError
from argmap.drawing.escape import html_url
from argmap.formats._json import count_values
from tests.strategies import maps

#: More digits than Python turns into an int by default.
HUGE = "1" * 5000
#: Shapes of hostile input: numbers Python reads too loosely or not at all,
#: lone surrogates, tags and directives, characters YAML refuses, URLs that
#: only a real parser refuses.
HOSTILE = [
    HUGE,
    "0." + HUGE,
    "0_1",
    "1_0",
    "\u0661",
    "\uff11",
    "infinity",
    '"\\ud800"',
    '"a\\udfffb"',
    "\ud800",
    "!!python/object/apply:os.system [echo]",
    "!!str x",
    "!!int 1",
    "! x",
    "!<tag:x,2000:y> z",
    "%TAG ! tag:x,2000:",
    "%TAG !e! tag:x,2000:\n---",
    "\x00",
    "\x01",
    "\x7f",
    "\ufffe",
    "https://[::1",
    "https://[notipv6]/x",
    "https://a\u2100b/x",
    "https://x:99999/",
    "https://@/",
    "null",
    "true",
]

FIELDS = [
    "argmap",
    "title",
    "lang",
    "date",
    "document",
    "claims",
    "inferences",
    "attacks",
    "ignore",
    "kind",
    "text",
    "conditional",
    "source",
    "note",
    "tags",
    "from",
    "to",
    "marker",
    "scheme",
    "strength",
    "url",
    "speaker",
    "quote",
    "E1",
    "C1",
    "I1",
    "X1",
]
VALUES = [
    "1",
    "evidence",
    "conclusion",
    "[E1]",
    "[]",
    "{}",
    "true",
    "yes",
    "0.5",
    "2",
    "2023.05.09",
    "https://x.org",
    "ftp://x",
    "&a x",
    "*a",
    "!t x",
    "'q'",
    '"d\\q"',
    "|",
    ">",
    "~",
    "-",
    "日本",
    "[E1, C1]",
    "{kind: premise, text: a}",
    "\t",
    "#c",
    "?",
    ":",
    "%YAML 1.1",
    "---",
    "...",
    *HOSTILE,
]


def assert_loads_or_located(data: str | bytes, fmt: argmap.formats.Format) -> None:
    try:
        m = argmap.loads(data, fmt, name="f")
    except ArgmapError as exc:
        assert exc.problems  # noqa: PT017 - loading may also succeed
        for p in exc.problems:
            assert p.location is not None, p.message
            assert p.location.line >= 1 and p.location.column >= 1
            assert p.message
    else:
        assert_writable_and_drawable(m)


def assert_writable_and_drawable(m: argmap.ArgumentMap) -> None:
    """What loads can be written out as UTF-8, and its links drawn."""
    argmap.dumps(m).encode("utf-8")
    argmap.dumps(m, "json").encode("utf-8")
    sources = [c.source for c in m.claims.values()]
    urls = [x.url for x in [m.document, *sources] if x is not None and x.url is not None]
    for url in urls:
        parts = urlsplit(url)
        assert parts.hostname
        parts.port  # noqa: B018 - reading it must not raise
        html_url(url).encode("utf-8")


@settings(max_examples=300)
@given(st.binary(max_size=200))
def test_random_bytes_yaml(data: bytes) -> None:
    assert_loads_or_located(data, "yaml")


@settings(max_examples=300)
@given(st.binary(max_size=200))
def test_random_bytes_json(data: bytes) -> None:
    assert_loads_or_located(data, "json")


yaml_lines = st.builds(
    lambda indent, key, sep, value: " " * indent + key + sep + value,
    st.integers(0, 6),
    st.sampled_from([*FIELDS, "- ", ""]),
    st.sampled_from([": ", ":", " ", ""]),
    st.sampled_from(VALUES) | st.text(max_size=5),
)


@settings(max_examples=500)
@given(st.lists(yaml_lines, max_size=15).map("\n".join))
def test_yaml_shaped_text(text: str) -> None:
    assert_loads_or_located(text, "yaml")


@settings(max_examples=300)
@given(maps(), st.data())
def test_mutated_valid_yaml(m: argmap.ArgumentMap, data: st.DataObject) -> None:
    text = argmap.dumps(m)
    i = data.draw(st.integers(0, len(text)))
    j = data.draw(st.integers(i, min(len(text), i + 10)))
    insert = data.draw(st.sampled_from(VALUES) | st.text(max_size=3))
    assert_loads_or_located(text[:i] + insert + text[j:], "yaml")


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.just(10**4000)
    | st.floats(allow_nan=False)
    | st.text(max_size=5)
    | st.sampled_from(HOSTILE),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from(FIELDS), inner, max_size=4),
    max_leaves=20,
)


@settings(max_examples=300)
@given(st.dictionaries(st.sampled_from(FIELDS), json_values, max_size=6))
def test_json_shaped_data(tree: dict[str, object]) -> None:
    assert_loads_or_located(json.dumps(tree), "json")
    assert_loads_or_located(json.dumps(tree, ensure_ascii=False), "json")


@settings(max_examples=100)
@given(json_values)
def test_json_top_level_values(value: object) -> None:
    assert_loads_or_located(json.dumps(value), "json")
    assert_loads_or_located(json.dumps(value, ensure_ascii=False), "json")


# Any code point, lone surrogates included: a str may hold them, bytes may not.
any_text = st.text(st.sampled_from(["\ud800", "\udfff", '"', ":", "\\", "a", "日"]), max_size=5) | st.text(
    st.characters(exclude_categories=()), max_size=5
)


@settings(max_examples=200)
@given(maps(), any_text, st.booleans())
def test_any_code_point_in_a_json_text(m: argmap.ArgumentMap, text: str, as_bytes: bool) -> None:
    tree = json.loads(argmap.dumps(m, "json"))
    tree["title"] = text
    data = json.dumps(tree, ensure_ascii=False)
    if as_bytes:
        assert_loads_or_located(data.encode("utf-8", errors="surrogatepass"), "json")
    else:
        assert_loads_or_located(data, "json")


@settings(max_examples=200)
@given(maps(), any_text, st.sampled_from(["title", "text", "url"]))
def test_any_code_point_in_a_yaml_text(m: argmap.ArgumentMap, text: str, field: str) -> None:
    tree = json.loads(argmap.dumps(m, "json"))
    if field == "title":
        tree["title"] = text
    else:
        claim = next(iter(tree["claims"].values()))
        claim["text" if field == "text" else "source"] = (
            text if field == "text" else {"url": "https://" + text}
        )
    # JSON is YAML: a str holding any code point, written the YAML way or not.
    assert_loads_or_located(json.dumps(tree, ensure_ascii=False), "yaml")


@settings(max_examples=300)
@given(maps(), st.data())
def test_mutated_valid_json(m: argmap.ArgumentMap, data: st.DataObject) -> None:
    text = argmap.dumps(m, "json")
    i = data.draw(st.integers(0, len(text)))
    j = data.draw(st.integers(i, min(len(text), i + 5)))
    inserts = ['"', ",", "{", "}", "[", "]", ":", "1", '"kind"', "null", "NaN", HUGE, "0." + HUGE, "-" + HUGE]
    inserts += ['"\\ud800"', "\\udc00", '"\\ud83d\\ude00"', '"https://[::1"', '"0_1"', "\x00"]
    insert = data.draw(st.sampled_from(inserts))
    assert_loads_or_located(text[:i] + insert + text[j:], "json")


@settings(max_examples=200)
@given(maps(), st.data(), st.sampled_from(["\r", "\r\n"]))
def test_problems_are_located_alike_whatever_ends_the_lines(
    m: argmap.ArgumentMap, data: st.DataObject, eol: str
) -> None:
    """A file whose lines end in CR or CRLF has its problems on the same
    lines and columns as the same file with LF."""
    fmt: argmap.formats.Format = data.draw(st.sampled_from(["yaml", "json"]))
    text = argmap.dumps(m, fmt)
    assume("\r" not in text)
    i = data.draw(st.integers(0, len(text)))
    insert = data.draw(st.sampled_from([v for v in [*VALUES, "x: 1", '"x": 1,', "\x00"] if "\n" not in v]))
    text = text[:i] + insert + text[i:]

    def located(data: str) -> list[tuple[int, int]]:
        try:
            argmap.loads(data, fmt, name="f")
        except ArgmapError as exc:
            return [(p.location.line, p.location.column) for p in exc.problems if p.location is not None]
        return []

    assert located(text.replace("\n", eol)) == located(text)


@settings(max_examples=100)
@given(maps(), st.sampled_from(["yaml", "json"]))
def test_a_map_of_n_values_loads_under_a_cap_of_n_and_not_under_n_minus_one(
    m: argmap.ArgumentMap, fmt: argmap.formats.Format
) -> None:
    text = argmap.dumps(m, fmt)
    if fmt == "yaml":
        kinds = (yaml.ScalarEvent, yaml.SequenceStartEvent, yaml.MappingStartEvent)
        n = sum(isinstance(e, kinds) for e in yaml.parse(text, Loader=yaml.CBaseLoader))
    else:
        n = count_values(json.loads(text), 10**9)
    assert argmap.loads(text, fmt, max_values=n) == m
    try:
        argmap.loads(text, fmt, max_values=n - 1, lang="en")  # the message is checked in English
    except ArgmapError as exc:
        assert exc.problems[0].message.startswith(f"the file holds more than {n - 1:,} values")  # noqa: PT017
    else:
        raise AssertionError("a map over the cap loaded")
