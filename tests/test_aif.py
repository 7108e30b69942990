"""AIF JSON: every construct of the hand-written files in tests/data/aif, every
warning, the errors that stop a file, round trips and hostile input."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap import ArgmapError, ArgumentMap, Kind, MapBuilder, Source
from argmap.formats import aif
from tests.strategies import maps

DATA = Path(__file__).parent / "data" / "aif"
FILES = sorted(DATA.glob("*.json"))


def read(name: str) -> aif.Imported:
    path = DATA / name
    return aif.loads(path.read_text(encoding="utf-8"), name=str(path))


def warned(imported: aif.Imported) -> list[str]:
    return [w.message for w in imported.warnings]


def doc(nodes: list[Any], edges: list[Any] | None = None, **rest: Any) -> str:
    return json.dumps({"nodes": nodes, "edges": edges or [], **rest})


def edges(*pairs: tuple[str, str]) -> list[dict[str, str]]:
    return [{"edgeID": f"e{i}", "fromID": a, "toID": b} for i, (a, b) in enumerate(pairs)]


# -- constructs --------------------------------------------------------------


def test_support_i_nodes_and_ra_nodes() -> None:
    got = read("support.aif.json")
    m = got.map
    assert got.warnings == ()
    assert {c.id: c.kind for c in m.claims.values()} == {
        "n10": Kind.CONCLUSION,  # an RA concludes it, though it is a premise of another
        "n11": Kind.PREMISE,
        "n12": Kind.CONCLUSION,
        "n14": Kind.PREMISE,
    }
    assert m.claims["n14"].text == "The Met Office is an expert on weather"
    linked = m.inferences["r13"]
    assert set(linked.premises) == {"n10", "n11"} and linked.conclusion == "n12"
    assert linked.scheme is None  # "Default Inference" names no scheme
    assert m.inferences["r15"].scheme == "Argument From Expert Opinion"  # the scheme field first
    assert m.inferences["r16"].scheme == "Practical Reasoning"  # else the node's text
    assert m.title == "support"  # the file name without .aif.json
    assert m.lang == "en"


def test_conflicts_rebuttal_undercut_and_attack_on_attack() -> None:
    got = read("conflict.aif.json")
    attacks = {a.id: (a.source, a.target) for a in got.map.attacks.values()}
    assert attacks == {"x5": ("n4", "n2"), "x7": ("n6", "r3"), "x9": ("n8", "x5")}
    assert got.warnings == ()


def test_rephrase_is_an_inference_with_the_scheme_rephrase() -> None:
    got = read("rephrase.aif.json")
    m = got.map
    assert got.warnings == ()
    rephrase = m.inferences["m3"]
    assert (rephrase.premises, rephrase.conclusion, rephrase.scheme) == (("n1",), "n2", "rephrase")
    assert m.claims["n2"].kind is Kind.CONCLUSION
    assert m.inferences["r5"].premises == ("n2",)


def test_locutions_give_speaker_and_date_the_rest_of_the_dialogue_is_counted() -> None:
    got = read("dialogue.aif.json")
    m = got.map
    assert m.claims["n1"].source == Source(speaker="Alice Smith", date="2019-03-01")
    assert m.claims["n2"].source == Source(speaker="Bob")  # its locution has no time
    assert set(m.claims) == {"n1", "n2"} and set(m.inferences) == {"r3"}
    [message] = warned(got)
    assert "2 L, TA or YA nodes" in message and "0 locutions" in message  # the TA and the YA on the RA


def test_a_locution_without_speaker_or_time_gives_no_source() -> None:
    text = doc(
        [
            {"nodeID": "1", "text": "x", "type": "I"},
            {"nodeID": "2", "text": "x", "type": "L"},
            {"nodeID": "3", "text": "Asserting", "type": "YA"},
        ],
        edges(("2", "3"), ("3", "1")),
        locutions=[{"nodeID": "2", "personID": "9", "timestamp": "soon"}, "junk"],
        participants=[{"participantID": "8", "firstname": "Other"}],
    )
    got = aif.loads(text)
    assert got.map.claims["n1"].source is None
    [message] = warned(got)
    assert "2 L, TA or YA nodes" in message and "1 locutions" in message


def test_the_speaker_is_read_from_the_locution_text_when_no_participant_names_it() -> None:
    text = doc(
        [
            {"nodeID": "1", "text": "x", "type": "I"},
            {"nodeID": "2", "text": "CL : well, x", "type": "L"},
            {"nodeID": "3", "text": "Asserting", "type": "YA"},
        ],
        edges(("2", "3"), ("3", "1")),
        locutions=[{"nodeID": "2", "personID": "409", "timestamp": "2015-11-25 16:13:54"}],
    )
    got = aif.loads(text)
    assert got.map.claims["n1"].source == Source(speaker="CL", date="2015-11-25")
    assert got.warnings == ()


def test_what_argmap_cannot_represent_is_a_warning_naming_the_nodes() -> None:
    got = read("broken.aif.json")
    m = got.map
    messages = warned(got)

    def one(*parts: str) -> str:
        found = [w for w in messages if all(p in w for p in parts)]
        assert len(found) == 1, (parts, messages)
        return found[0]

    one("node '1' appears twice")
    one("nodes[9] is not an object")
    one("nodes[10] has no nodeID")
    one("edge '10'", "'999'")
    one("RA node '20' has 2 conclusions", "'2', '3'")
    one("RA node '21' has no conclusion")
    one("RA node '22' has no premise")
    one("I-node '41' has no text")
    one("CA node '30' has no attacker")
    one("CA node '31' has 2 targets", "'1', '2'")
    one("type 'PA'", "'40'")
    assert len(messages) == 11
    # The rest loads: the claims, an RA with no premise, a cycle of RAs.
    assert m.claims["n1"].text == "It will rain"  # the first node 1
    assert m.claims["n41"].blank
    assert set(m.inferences) == {"r22", "r50"} and m.inferences["r22"].premises == ()
    assert m.attacks == {}
    located = {w.message: w.location for w in got.warnings}
    loc = located[one("RA node '21'")]
    assert loc is not None and (loc.file, loc.line) == (str(DATA / "broken.aif.json"), 7)


def test_ca_with_two_attackers_is_one_attack_each_and_an_undercut_of_a_dropped_ra_is_not_kept() -> None:
    text = doc(
        [
            {"nodeID": "1", "text": "a", "type": "I"},
            {"nodeID": "2", "text": "b", "type": "I"},
            {"nodeID": "3", "text": "c", "type": "I"},
            {"nodeID": "4", "text": "Default Conflict", "type": "CA"},
            {"nodeID": "5", "text": "Default Inference", "type": "RA"},
            {"nodeID": "6", "text": "Default Conflict", "type": "CA"},
            {"nodeID": "7", "text": "Default Conflict", "type": "CA"},
        ],
        edges(("1", "4"), ("2", "4"), ("4", "3"), ("3", "6"), ("6", "5"), ("5", "1")),
    )
    got = aif.loads(text)
    assert {a.id: (a.source, a.target) for a in got.map.attacks.values()} == {
        "x4": ("n1", "n3"),
        "x4-2": ("n2", "n3"),
        "x6": ("n3", "r5"),
    }
    messages = warned(got)
    assert any("CA node '4' has 2 attackers" in w for w in messages)
    assert any("RA node '5' has no premise" in w for w in messages)
    assert any("CA node '7' has no attacker" in w for w in messages)
    assert "r5" in got.map.inferences and "x6" in got.map.attacks


def test_undercut_of_an_ra_that_was_not_kept() -> None:
    text = doc(
        [
            {"nodeID": "1", "text": "a", "type": "I"},
            {"nodeID": "5", "text": "Default Inference", "type": "RA"},
            {"nodeID": "6", "text": "Default Conflict", "type": "CA"},
        ],
        edges(("1", "5"), ("1", "6"), ("6", "5")),
    )
    got = aif.loads(text)
    assert got.map.attacks == {} and got.map.inferences == {}
    assert any("CA node '6' attacks '5', an inference that was not kept" in w for w in warned(got))


def test_an_ra_supporting_an_ra_is_not_kept_as_such() -> None:
    text = doc(
        [
            {"nodeID": "1", "text": "a", "type": "I"},
            {"nodeID": "2", "text": "b", "type": "I"},
            {"nodeID": "3", "text": "Default Inference", "type": "RA"},
            {"nodeID": "4", "text": "Default Inference", "type": "RA"},
        ],
        edges(("1", "3"), ("3", "2"), ("2", "4"), ("4", "3")),
    )
    got = aif.loads(text)
    assert any("RA node '4' supports an inference ('3')" in w for w in warned(got))
    assert any("RA node '4' has no conclusion" in w for w in warned(got))
    assert set(got.map.inferences) == {"r3"}


def test_attacks_on_attacks_in_a_cycle_are_kept_and_on_a_dropped_attack_not() -> None:
    text = doc(
        [
            {"nodeID": "1", "text": "a", "type": "I"},
            {"nodeID": "2", "text": "b", "type": "I"},
            {"nodeID": "3", "text": "Default Conflict", "type": "CA"},
            {"nodeID": "4", "text": "Default Conflict", "type": "CA"},
            {"nodeID": "5", "text": "Default Conflict", "type": "CA"},
            {"nodeID": "6", "text": "Default Conflict", "type": "CA"},
        ],
        edges(("1", "3"), ("3", "4"), ("2", "4"), ("4", "3"), ("1", "6"), ("6", "5")),
    )
    got = aif.loads(text)
    assert {a.id: (a.source, a.target) for a in got.map.attacks.values()} == {
        "x3": ("n1", "x4"),
        "x4": ("n2", "x3"),
    }
    assert any("CA node '5' has no attacker" in w for w in warned(got))
    assert any("CA node '6' attacks '5', an attack that was not kept" in w for w in warned(got))


def test_ids_are_made_valid_deterministically() -> None:
    text = doc(
        [
            {"nodeID": "a b/ç", "text": "one", "type": "I"},
            {"nodeID": "a_b__", "text": "two", "type": "I"},
            {"nodeID": 7, "text": "three", "type": "I"},
            {"nodeID": "x", "text": "four", "type": "I", "argmap": {"id": "na_b__"}},
        ]
    )
    got = aif.loads(text)
    assert [(c.id, c.text) for c in got.map.claims.values()] == [
        ("na_b__-2", "one"),
        ("na_b__-3", "two"),
        ("n7", "three"),
        ("na_b__", "four"),
    ]
    assert aif.loads(text).map == got.map


def test_xaif_wrapper_lang_and_title() -> None:
    text = json.dumps({"AIF": {"nodes": [{"nodeID": "1", "text": "日本", "type": "I"}], "edges": []}})
    got = aif.loads(text, name="dir/テスト.aif.json", lang="ja")
    assert (got.map.title, got.map.lang) == ("テスト", "ja")
    assert aif.loads(text).map.title == "AIF"


# -- errors that stop a file -------------------------------------------------


@pytest.mark.parametrize(
    ("text", "line", "column", "words"),
    [
        ('{"nodes": [\n  {"nodeID": 1,}\n]}', 2, 16, "not JSON"),
        ("", 1, 1, "not JSON"),
        ("[]", 1, 1, '"nodes" list'),
        ('"nodes"', 1, 1, '"nodes" list'),
        ("{}", 1, 1, 'needs a "nodes" list'),
        ('{"nodes": {}}', 1, 1, 'needs a "nodes" list'),
        ('{"nodes": [NaN]}', 1, 1, "NaN"),
        ("[" * 100_000, 1, 1, "nests too deep"),
    ],
)
def test_a_file_that_cannot_be_read_is_a_located_error(text: str, line: int, column: int, words: str) -> None:
    with pytest.raises(ArgmapError) as caught:
        aif.loads(text, name="m.aif.json")
    [problem] = caught.value.problems
    assert problem.location is not None
    assert (problem.location.file, problem.location.line, problem.location.column) == (
        "m.aif.json",
        line,
        column,
    )
    assert words in problem.message


def test_not_a_str_is_a_type_error() -> None:
    with pytest.raises(TypeError):
        aif.loads(b"{}")  # type: ignore[arg-type]


# -- hostile input -----------------------------------------------------------


def test_bom_huge_numbers_surrogates_and_junk_never_give_a_traceback() -> None:
    nodes = [
        {"nodeID": 10**60, "text": "huge id", "type": "I"},
        {"nodeID": "1" * 5000, "text": "long id", "type": "I"},
        {"nodeID": "s", "text": "half \ud800 pair", "type": "I"},
        {"nodeID": "\udc00", "text": "x", "type": "I"},
        {"nodeID": True, "text": "bool id", "type": "I"},
        {"nodeID": 1.5, "text": "float id", "type": "I"},
        {"nodeID": "t", "text": {"nested": [[[]]]}, "type": "I"},
        {"nodeID": "u", "text": "x", "type": ["I"]},
        {"nodeID": "v", "text": "x", "type": "RA", "scheme": 5, "argmap": {"id": 5, "strength": 1e308}},
        {
            "nodeID": "w",
            "text": "x",
            "type": "I",
            "argmap": {"kind": "nonsense", "source": {"date": "never"}},
        },
    ]
    text = "\ufeff" + json.dumps({"nodes": nodes, "edges": [1, {"fromID": [], "toID": {}}], "locutions": 5})
    text = text.replace(
        '"nodeID": 1000000000000000000000000000000000000000000000000000000000000', '"nodeID": ' + "9" * 5000
    )
    got = aif.loads(text, name="h.json")
    assert set(got.map.claims) == {"n" + "1" * 5000, "ns", "nt", "nw"}
    assert got.map.claims["ns"].text == "half \ufffd pair" and got.map.claims["nt"].blank
    assert got.map.claims["nw"].kind is Kind.PREMISE and got.map.claims["nw"].source is None
    assert len(got.warnings) >= 8
    json.loads(aif.dumps(got.map))  # what was read can be written


def test_a_file_of_ten_megabytes_loads() -> None:
    n = 40_000
    nodes = [{"nodeID": str(i), "text": f"claim {i} " + "x" * 150, "type": "I"} for i in range(n)]
    nodes += [{"nodeID": f"r{i}", "text": "Default Inference", "type": "RA"} for i in range(n - 1)]
    pairs = [(str(i), f"r{i}") for i in range(n - 1)] + [(f"r{i}", str(i + 1)) for i in range(n - 1)]
    text = doc(nodes, edges(*pairs))
    assert len(text) > 10_000_000
    got = aif.loads(text)
    assert len(got.map.claims) == n and len(got.map.inferences) == n - 1 and got.warnings == ()


def test_warnings_are_capped() -> None:
    text = doc([{"nodeID": str(i), "text": "x", "type": "CA"} for i in range(1500)])
    got = aif.loads(text)
    assert len(got.warnings) == 1001
    assert "500 more" in got.warnings[-1].message


JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=5),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3),
    max_leaves=12,
)
NODE = st.fixed_dictionaries(
    {
        "nodeID": st.sampled_from(["1", "2", "3", "4", 1, 2, None]),
        "type": st.sampled_from(["I", "RA", "CA", "MA", "L", "YA", "TA", "PA", 5]),
    },
    optional={"text": st.one_of(st.text(max_size=5), JSON), "scheme": JSON, "argmap": JSON},
)
EDGE = st.fixed_dictionaries(
    {
        "fromID": st.sampled_from(["1", "2", "3", "4", 1, "9"]),
        "toID": st.sampled_from(["1", "2", "3", "4", 2]),
    }
)


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(st.one_of(NODE, JSON), max_size=8), st.lists(st.one_of(EDGE, JSON), max_size=10), JSON)
def test_any_nodes_and_edges_give_a_map_and_warnings(
    nodes: list[Any], edge_list: list[Any], other: Any
) -> None:
    text = json.dumps({"nodes": nodes, "edges": edge_list, "locutions": other, "argmap": other})
    got = aif.loads(text)
    assert isinstance(got.map, ArgumentMap)
    again = aif.loads(aif.dumps(got.map)).map
    assert again == got.map


# -- round trips -------------------------------------------------------------


def graph(m: ArgumentMap) -> tuple[Any, ...]:
    return (
        {c.id: (c.text, c.kind, c.source, c.note, c.tags, c.blank, c.conditional) for c in m.claims.values()},
        {
            i.id: (frozenset(i.premises), i.conclusion, i.scheme, i.marker, i.strength, i.note, i.tags)
            for i in m.inferences.values()
        },
        dict(m.attacks),
        (m.title, m.lang, m.date),
    )


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(maps())
def test_export_then_import_gives_the_same_map(m: ArgumentMap) -> None:
    assert graph(aif.loads(aif.dumps(m)).map) == graph(m)


def strip_extras(text: str) -> tuple[str, dict[str, str]]:
    """The AIF a tool that ignores argmap's fields keeps, and nodeID -> argmap id."""
    tree = json.loads(text)
    ids = {}
    for node in tree["nodes"]:
        extra = node.pop("argmap", None)
        if extra is not None:
            ids[node["nodeID"]] = extra["id"]
    del tree["argmap"]
    return json.dumps(tree), ids


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(maps())
def test_plain_aif_keeps_the_graph_through_the_id_mapping(m: ArgumentMap) -> None:
    text, ids = strip_extras(aif.dumps(m))
    got = aif.loads(text).map
    back = {f"{prefix}{nid}": own for nid, own in ids.items() for prefix in "nrx"}

    def own(i: str) -> str:
        return back[i]

    assert {own(c.id): c.text for c in got.claims.values()} == {c.id: c.text for c in m.claims.values()}
    concluded = {i.conclusion for i in m.inferences.values()}
    assert {own(c.id): c.kind for c in got.claims.values()} == {
        c.id: Kind.CONCLUSION if c.id in concluded else Kind.PREMISE for c in m.claims.values()
    }
    assert {
        own(i.id): (frozenset(map(own, i.premises)), own(i.conclusion)) for i in got.inferences.values()
    } == {i.id: (frozenset(i.premises), i.conclusion) for i in m.inferences.values()}
    assert {own(a.id): (own(a.source), own(a.target)) for a in got.attacks.values()} == {
        a.id: (a.source, a.target) for a in m.attacks.values()
    }


def test_plain_aif_keeps_scheme_speaker_and_date() -> None:
    b = MapBuilder("t")
    b.evidence(
        "E1", "It rains", source=Source(speaker="Met Office", date="2023-05-09", url="https://example.org/")
    )
    b.hypothesis("C1", "Take an umbrella", source=Source(speaker="Met Office"))
    b.inference("I1", ["E1"], "C1", scheme="practical reasoning")
    text, _ids = strip_extras(aif.dumps(b.build()))
    got = aif.loads(text)
    m = got.map
    assert m.claims["n1"].source == Source(speaker="Met Office", date="2023-05-09")
    assert m.claims["n2"].source == Source(speaker="Met Office")
    assert m.inferences["r3"].scheme == "practical reasoning"
    assert got.warnings == ()
    tree = json.loads(text)
    assert len(tree["participants"]) == 1 and len(tree["locutions"]) == 2


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_hand_written_files_import_export_import_to_the_same_map(path: Path) -> None:
    first = aif.loads(path.read_text(encoding="utf-8"), name=str(path)).map
    again = aif.loads(aif.dumps(first))
    assert again.map == first
    # Only what argmap holds but AIF calls odd is said again: an inference with no premise.
    no_premise = {i.id for i in first.inferences.values() if not i.premises}
    assert len(again.warnings) == len(no_premise)
    assert all("has no premise" in w.message for w in again.warnings)


def test_export_writes_aifdb_nodes_and_edges() -> None:
    b = MapBuilder("t")
    b.premise("P", "p")
    b.conclusion("C", "c")
    b.inference("I", ["P"], "C")
    b.attack("A", "P", "I")
    tree = json.loads(aif.dumps(b.build()))
    types = {n["argmap"]["id"]: (n["type"], n["text"]) for n in tree["nodes"]}
    assert types == {
        "P": ("I", "p"),
        "C": ("I", "c"),
        "I": ("RA", "Default Inference"),
        "A": ("CA", "Default Conflict"),
    }
    by_id = {n["nodeID"]: n["argmap"]["id"] for n in tree["nodes"]}
    assert sorted((by_id[e["fromID"]], by_id[e["toID"]]) for e in tree["edges"]) == [
        ("A", "I"),
        ("I", "C"),
        ("P", "A"),
        ("P", "I"),
    ]
    assert all(isinstance(n["nodeID"], str) for n in tree["nodes"])


if __name__ == "__main__":  # pragma: no cover
    sys.exit(pytest.main([__file__]))


def test_the_corpus_script_reads_a_folder_and_times_generated_maps(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "corpus_aif", Path(__file__).parent.parent / "bench" / "corpus_aif.py"
    )
    assert spec is not None and spec.loader is not None
    bench = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, "corpus_aif", bench)
    spec.loader.exec_module(bench)
    (tmp_path / "bad.json").write_text("[1, 2", encoding="utf-8")
    out = tmp_path / "figures.json"
    assert (
        bench.main(
            [str(DATA), str(tmp_path / "bad.json"), "--generate", "30", "--workers", "1", "--json", str(out)]
        )
        == 0
    )
    figures = json.loads(out.read_text(encoding="utf-8"))
    corpus = figures["corpus"]
    assert (corpus["files"], corpus["read"], corpus["round trip equal"]) == (
        len(FILES) + 1,
        len(FILES),
        len(FILES),
    )
    assert [key.startswith("not JSON") for key in corpus["not read"]] == [True]
    assert corpus["without warnings"] == sum(not read(p.name).warnings for p in FILES)
    generated = figures["generated"]
    assert generated["read"] == generated["round trip equal"] == 30
    low, high = (int(n) for n in generated["nodes"].split(",")[0].split("-"))
    assert low >= 10 and high <= 50
    assert json.loads(capsys.readouterr().out) == figures


def test_argmap_s_own_map_fields_that_do_not_fit_are_left_out_with_warnings() -> None:
    text = json.dumps(
        {
            "nodes": [{"nodeID": "1", "text": "Rain", "type": "I"}],
            "edges": [],
            "argmap": {
                "date": "2024-13-40",
                "document": {"pages": 3},
                "ignore": {"n9": ["AM305"], "n1": "AM305"},
            },
        }
    )
    r = aif.loads(text, name="m.aif.json")
    assert list(r.map.claims) == ["n1"]
    assert (r.map.date, r.map.document, dict(r.map.ignore)) == (None, None, {})
    assert [(w.location.line, w.message.split(" (")[0]) for w in r.warnings if w.location] == [
        (1, "the map's date is left out"),
        (1, "the map's document is left out"),
        (1, "the map's ignore is left out"),
        (1, "the map's ignore is left out"),
    ]
