"""The limits that keep a hostile file from costing far more than its size.

A file of tiny values (``[[],[],…]``, ``x: [0,0,…]``) or of one bad
reference repeated (``from: [E1, E1, …]``) is valid enough to be read, and
used to cost hundreds of bytes of memory per byte of file, and a line of
output per problem. These tests hold the loader to: a cap on the values of a
file, refused before the tree is built; a cap on the problems listed; and
memory in proportion to the file on the careful JSON path.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
import yaml

import argmap
from argmap import ArgmapError
from argmap.errors import MAX_PROBLEMS, Location, Problem, ProblemList
from argmap.fileio import DEFAULT_MAX_BYTES
from argmap.formats import _json, _yaml
from argmap.formats._json import JsonLocator, count_values, value_bound
from argmap.formats._tree import BYTES_PER_VALUE, MAX_VALUES
from argmap.formats._yaml import node_bound

HEAD = "argmap: 1\ntitle: t\n"


def refused(text: str | bytes, fmt: argmap.formats.Format = "yaml", **options: Any) -> ArgmapError:
    with pytest.raises(ArgmapError) as info:
        argmap.loads(text, fmt, name="m", **options)
    return info.value


def yaml_nodes(text: str) -> int:
    kinds = (yaml.ScalarEvent, yaml.SequenceStartEvent, yaml.MappingStartEvent, yaml.AliasEvent)
    return sum(isinstance(e, kinds) for e in yaml.parse(text, Loader=yaml.CBaseLoader))


# -- the number of values -----------------------------------------------------------


def test_the_cap_leaves_room_for_a_real_map_as_large_as_the_size_limit() -> None:
    """A map like the benchmark's holds about 9 values an element, in YAML and
    JSON; one that fills the default size limit must still load, and raising
    the size limit raises the cap in step."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from bench.bench_load import generate

    m = generate(1000, 500)
    elements = len(m.claims) + len(m.inferences)
    for fmt in ("yaml", "json"):
        text = argmap.dumps(m, fmt)
        values = yaml_nodes(text) if fmt == "yaml" else count_values(json.loads(text), 10**9)
        assert 8 <= values / elements <= 11, (fmt, values / elements)
        assert DEFAULT_MAX_BYTES / len(text.encode()) * values < MAX_VALUES * 0.9
        assert len(text.encode()) / values > BYTES_PER_VALUE
        bound = node_bound(text) if fmt == "yaml" else value_bound(text)
        assert values <= bound  # so the exact count is never needed for it


@pytest.mark.parametrize(
    "text",
    [
        "a: [1, 2, {b: c, d}]\n",
        "- - a\n  - b\n- ? c\n  : d\n",
        "{a, b, c: [d, e]}\n",
        "[a: b, ? c, d]\n",
        "a:\nb:\n- \n-\n",
        "x\n",
        HEAD + "claims: {E1: {kind: evidence, text: 'a: b, [c]'}}\n",
    ],
)
def test_the_yaml_bound_is_never_below_the_real_count(text: str) -> None:
    assert yaml_nodes(text) <= node_bound(text)


@pytest.mark.parametrize("text", ['{"a": [1, 2, {"b": []}], "c": null}', "[[], [[]], {}]", "0", '"x"'])
def test_the_json_bound_is_never_below_the_real_count(text: str) -> None:
    assert count_values(json.loads(text), 10**9) <= value_bound(text) == value_bound(text.encode())


def test_a_yaml_file_of_too_many_values_is_refused_before_its_tree_is_built(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def no_compose(*args: Any, **kwargs: Any) -> Any:
        pytest.fail("the node tree was built")

    monkeypatch.setattr(yaml, "compose", no_compose)
    text = HEAD + "claims: {}\nx: [" + ", ".join(["[]"] * 200) + "]\n"
    err = refused(text, max_values=100)
    (problem,) = err.problems
    # The top mapping, argmap, 1, title, t, claims, {}, x and [ are 9 values:
    # the 92nd [] is the 101st.
    assert problem.location == Location("m", 4, 5 + 4 * 91)
    assert problem.message.startswith("the file holds more than 100 values (keys, texts, lists and mappings)")


def test_a_yaml_file_just_under_the_cap_is_read() -> None:
    text = HEAD + "claims: {P1: {kind: premise, text: a}}\n"
    assert len(argmap.loads(text, max_values=yaml_nodes(text)).claims) == 1
    refused(text, max_values=yaml_nodes(text) - 1)


def test_the_yaml_count_stops_at_the_cap(monkeypatch: pytest.MonkeyPatch) -> None:
    """Counting a huge file stops where the cap is passed, not at its end."""
    events = [0]
    real = yaml.parse

    def counted(*args: Any, **kwargs: Any) -> Any:
        for event in real(*args, **kwargs):
            events[0] += 1
            yield event

    monkeypatch.setattr(_yaml.yaml, "parse", counted)
    refused("x: [" + "0," * 100_000 + "]\n", max_values=1000)
    assert events[0] < 1010


@pytest.mark.parametrize("shape", ['[{"a": 1}, [], []]', '{"argmap": 1, "x": [0, 0, 0, 0]}'])
@pytest.mark.parametrize("as_bytes", [False, True])
def test_a_json_file_of_too_many_values_is_refused(shape: str, as_bytes: bool) -> None:
    text = shape.encode() if as_bytes else shape
    err = refused(text, "json", max_values=4)
    (problem,) = err.problems
    assert problem.location == Location("m", 1, 1)
    assert problem.message.startswith("the file holds more than 4 values")
    # Under the cap, the file reaches the usual checks.
    assert "more than" not in str(refused(text, "json", max_values=10))


def test_a_broken_json_file_of_too_many_values_is_refused_where_the_count_passes_the_cap() -> None:
    text = '{"argmap": 1,\n"x": [0, 0, 0, 0, 0, 0,'  # not JSON: the careful parser counts
    err = refused(text, "json", max_values=5)
    (problem,) = err.problems
    assert problem.location == Location("m", 2, 7)  # {, "argmap", 1, "x", [: the first 0 is the 6th
    assert problem.message.startswith("the file holds more than 5 values")


def test_a_valid_map_over_the_cap_is_refused_on_the_quick_json_path_too() -> None:
    tree = {
        "argmap": 1,
        "title": "t",
        "claims": {f"P{i}": {"kind": "premise", "text": "a"} for i in range(10)},
    }
    text = json.dumps(tree)
    assert len(argmap.loads(text, "json").claims) == 10
    assert "more than 20 values" in str(refused(text, "json", max_values=20))


def test_load_takes_the_cap(tmp_path: Path) -> None:
    path = tmp_path / "m.argmap.yaml"
    path.write_text(HEAD + "claims: {P1: {kind: premise, text: a}}\n", encoding="utf-8")
    assert "P1" in argmap.load(path).claims
    with pytest.raises(ArgmapError, match="more than 3 values"):
        argmap.load(path, max_values=3)


def test_raising_the_size_limit_raises_the_value_cap(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """With the cap at 1,000 values: a file of 1,200 is refused under a small
    size limit, and read when the size limit admits that many values."""
    monkeypatch.setattr(argmap.formats, "MAX_VALUES", 1000)
    path = tmp_path / "big.argmap.yaml"
    path.write_text(
        HEAD + "claims: {}\nx: {" + ",".join(f"k{i}: 0" for i in range(600)) + "}\n", encoding="utf-8"
    )
    with pytest.raises(ArgmapError, match="more than 1,000 values"):
        argmap.load(path, max_bytes=999 * BYTES_PER_VALUE)  # a lower size limit keeps the cap
    with pytest.raises(ArgmapError, match="unknown field 'x'"):  # read, and refused only for what it says
        argmap.load(path, max_bytes=2000 * BYTES_PER_VALUE)


@pytest.mark.parametrize(
    ("value", "error"), [(0, ValueError), (-1, ValueError), (1.5, TypeError), (True, TypeError)]
)
def test_a_bad_cap_is_a_plain_error(value: Any, error: type[Exception]) -> None:
    with pytest.raises(error, match="max_values"):
        argmap.loads(HEAD, max_values=value)


# -- the number of problems ---------------------------------------------------------


def repeated_reference(n: int) -> str:
    return (
        HEAD
        + "claims: {C1: {kind: conclusion, text: c}}\ninferences: {I1: {from: ["
        + ", ".join(["E1"] * n)
        + "], to: C1}}\n"
    )


@pytest.mark.parametrize("fmt", ["yaml", "json"])
def test_at_most_max_problems_are_listed_then_one_line_counts_the_rest(fmt: argmap.formats.Format) -> None:
    text = repeated_reference(5000)
    if fmt == "json":
        text = json.dumps(yaml.safe_load(text))
    err = refused(text, fmt)
    assert len(err.problems) == MAX_PROBLEMS + 1
    assert err.more == 5000 - MAX_PROBLEMS
    assert all(p.message == "inference 'I1': premise 'E1' does not exist" for p in err.problems[:-1])
    last = err.problems[-1]
    assert last.message == "… and 4,000 more problems, not listed (only the first 1,000 of a file are)"
    assert last.location == err.problems[-2].location
    assert str(err).count("\n") == MAX_PROBLEMS


def test_the_builder_keeps_no_more_than_it_lists(monkeypatch: pytest.MonkeyPatch) -> None:
    """Problems past the cap are counted, not kept (nor located, nor given a suggestion)."""
    kept: list[int] = []
    real = argmap.formats._schema._Builder.problems

    def spy(self: Any) -> list[Problem]:
        kept.append(len(self.pending))
        return real(self)

    monkeypatch.setattr(argmap.formats._schema._Builder, "problems", spy)
    refused(repeated_reference(3000))
    assert kept == [MAX_PROBLEMS]


@pytest.mark.parametrize(
    ("fmt", "text", "message"),
    [
        ("yaml", "{" + ", ".join(["a: 1"] * 1500) + "}", "duplicate key 'a'"),
        ("json", "{" + ", ".join(['"a": 1'] * 1500) + "}", "duplicate key 'a'"),
        (
            "yaml",
            "[" + ", ".join(["&a 1"] * 1500) + "]",
            "YAML anchor &a is not allowed: write each value out",
        ),
        ("yaml", "[" + ", ".join(["!x 1"] * 1500) + "]", "YAML tag !x is not allowed"),
        ("json", "[" + ", ".join(['"\\ud800"'] * 1500) + "]", "\\ud800 is half of a UTF-16 surrogate pair"),
    ],
)
def test_every_kind_of_problem_is_capped(fmt: argmap.formats.Format, text: str, message: str) -> None:
    err = refused(text, fmt)
    assert len(err.problems) == MAX_PROBLEMS + 1
    assert sum(p.message.startswith(message) for p in err.problems) >= MAX_PROBLEMS - 4
    assert err.problems[-1].message.startswith("… and ")
    assert err.problems[-1].location is not None


def test_a_problem_list_keeps_the_first_and_counts_the_rest() -> None:
    found = ProblemList()
    for i in range(MAX_PROBLEMS + 3):
        found.add(Problem(f"p{i}", Location("m", i + 1, 1)))
    err = ArgmapError(found, more=2)
    assert err.more == 5
    assert [p.message for p in err.problems[-2:]] == [
        "p999",
        "… and 5 more problems, not listed (only the first 1,000 of a file are)",
    ]


def test_a_short_list_of_problems_is_left_as_it_is() -> None:
    err = ArgmapError([Problem("a"), Problem("b")])
    assert err.more == 0
    assert [p.message for p in err.problems] == ["a", "b"]


# -- memory in proportion to the file ---------------------------------------------

#: A Python that reads a file and prints the growth of its peak memory in
#: bytes (ru_maxrss is in KiB on Linux), then what load said.
_MEASURE = textwrap.dedent(
    """
    import resource, sys
    import argmap
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    try:
        argmap.load(sys.argv[1])
        said = "loaded"
    except argmap.ArgmapError as exc:
        said = " | ".join(map(str, exc.problems))
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print((after - before) * 1024)
    print(said)
    """
)

SIZE = 4 * 1024 * 1024


@pytest.mark.skipif(sys.platform != "linux", reason="ru_maxrss in KiB is Linux's")
@pytest.mark.parametrize(
    ("name", "make", "said"),
    [
        (
            "zeros.argmap.json",
            lambda n: '{"argmap":1,"title":"t","claims":{},"x":[' + ",".join(["0"] * (n // 2)) + "]}",
            ":1:37: map: unknown field 'x'",
        ),
        (
            "lists.argmap.json",
            lambda n: "[" + ",".join(["[]"] * (n // 3)) + "]",
            ":1:1: an argument map must be a mapping",
        ),
        (
            "dup.argmap.json",
            lambda n: '{"argmap":1,"argmap":1,"x":[' + ",".join(["0"] * (n // 2)) + "]}",
            ":1:13: duplicate key 'argmap'",  # and 'title', 'claims' missing
        ),
        (
            "refs.argmap.json",
            lambda n: json.dumps(yaml.safe_load(repeated_reference(n // 5)), separators=(",", ":")),
            "premise 'E1' does not exist",
        ),
    ],
)
def test_a_hostile_json_file_costs_a_small_multiple_of_its_size(
    tmp_path: Path, name: str, make: Any, said: str
) -> None:
    """The careful JSON path used to record a position for every value of a
    file (or build them twice): 120-330 times the file in memory."""
    path = tmp_path / name
    path.write_text(make(SIZE), encoding="utf-8")
    size = path.stat().st_size
    out = subprocess.run(
        [sys.executable, "-c", _MEASURE, str(path)], capture_output=True, text=True, check=True
    ).stdout.splitlines()
    assert said in out[1]
    assert int(out[0]) <= 30 * size, f"{int(out[0]) / size:.0f} times the file"


def test_locating_problems_records_only_their_paths() -> None:
    text = json.dumps({"argmap": 1, "claims": {f"P{i}": {"text": "a"} for i in range(1000)}, "x": [0] * 1000})
    locator = JsonLocator("m", text)
    locator.prepare([("claims", "P5", "kind"), ("x",)])
    assert set(locator._positions) == {(), ("claims",), ("claims", "P5"), ("x",)}
    assert locator.at(("claims", "P5", "kind")) == locator.at(("claims", "P5"))
    assert locator.at(("x",), key=True) == Location("m", 1, text.index('"x"') + 1)


def test_the_careful_parser_without_positions_records_none() -> None:
    parser = _json._PositionParser('{"a": [1, 2, {"b": 3}], "a": 1}', None)
    assert parser.parse() == {"a": [1, 2, {"b": 3}]}
    assert parser.positions == {}
    assert parser.duplicates == [("a", 24)]
