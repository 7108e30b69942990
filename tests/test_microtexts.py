"""The microtexts' XML (arggraph): every construct of the hand-written files in
tests/data/microtexts, every warning, the errors that stop a file, hostile
XML (entity bombs, outside files), and round trips over random maps."""

from __future__ import annotations

import json
import re
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap import ArgmapError, ArgumentMap, Document, Kind, MapBuilder, Source
from argmap.formats import microtexts
from argmap.formats._foreign import Imported
from argmap.i18n import using
from tests.strategies import maps

DATA = Path(__file__).parent / "data" / "microtexts"
#: The files that load (the others are refused as a whole).
GOOD = ["support.xml", "dialectic.xml", "broken.xml"]
JAPANESE = re.compile("[\u3040-\u30ff\u4e00-\u9fff]")


def read(name: str, **kw: Any) -> Imported:
    path = DATA / name
    return microtexts.loads(path.read_text(encoding="utf-8"), name=str(path), **kw)


def line_of(name: str, needle: str) -> tuple[int, int]:
    """Where the element holding ``needle`` starts in a data file (line, column of its ``<``)."""
    for number, line in enumerate((DATA / name).read_text(encoding="utf-8").splitlines(), 1):
        if needle in line:
            return number, line.index("<") + 1
    raise AssertionError(needle)


def messages(imported: Imported) -> list[str]:
    return [w.message for w in imported.warnings]


def at(imported: Imported, *parts: str) -> tuple[int, int]:
    """The line and column of the one warning that says all of ``parts``."""
    found = [w for w in imported.warnings if all(p in w.message for p in parts)]
    assert len(found) == 1, (parts, messages(imported))
    location = found[0].location
    assert location is not None
    return location.line, location.column


# -- constructs ------------------------------------------------------------------------


def test_edus_make_claims_supports_examples_and_added_premises() -> None:
    got = read("support.xml")
    m = got.map
    assert got.warnings == ()
    assert {c.id: c.kind for c in m.claims.values()} == {
        "a1": Kind.CONCLUSION,  # the central claim
        "a2": Kind.PREMISE,
        "a3": Kind.PREMISE,  # an example the author gives is the author's premise
        "a4": Kind.PREMISE,
        "a5": Kind.PREMISE,
        "a6": Kind.ASSUMPTION,  # made of an implicit EDU: unstated, supplied by the annotators
    }
    # Several EDUs make one text, in the order of the file (not of the seg edges).
    assert (
        m.claims["a2"].text
        == "Most trips in town are shorter than three kilometres, a distance that is quick to ride."
    )
    # Through a joint too.
    assert m.claims["a4"].text == "Parents would finally let their children ride to school,"
    assert m.inferences["c1"].premises == ("a2", "a6")  # add on a support: a linked premise
    assert m.inferences["c4"].premises == ("a4", "a5")
    assert (m.inferences["c3"].premises, m.inferences["c3"].conclusion) == (("a3",), "a1")
    assert m.inferences["c3"].scheme == "example"
    assert m.inferences["c1"].scheme is None
    assert (m.title, m.document) == ("bike_lanes", Document(title="look_s01"))
    assert m.claims["a1"].tags == ("stance:pro",)
    assert set(m.attacks) == set()


def test_opponents_rebuttals_undercuts_and_counter_attacks() -> None:
    got = read("dialectic.xml")
    m = got.map
    assert {a.id: (a.source, a.target) for a in m.attacks.values()} == {
        "c1": ("a1", "a8"),  # reb: an attack on the claim
        "c2": ("a2", "c1"),  # und on a rebuttal: a counter-attack
        "c3": ("a3", "c1"),  # add on that counter-attack: an attack of its own on the same target
        "c6": ("a6", "c5"),  # und on a support: an attack on the inference
        "c7": ("a7", "c6"),  # und on an undercut
    }
    assert {c.id for c in m.claims.values() if "opponent" in c.tags} == {"a1", "a6"}
    # The central claim is implicit: a conclusion all the same, tagged.
    assert m.claims["a8"].kind is Kind.CONCLUSION
    assert m.claims["a8"].tags == ("implicit", "stance:con")
    assert m.claims["a4"].kind is Kind.CONCLUSION  # something supports it
    assert m.claims["a1"].kind is Kind.PREMISE
    [message] = messages(got)
    assert "'a3'" in message and "'c2'" in message and "'c3'" in message and "one source" in message
    assert at(got, "one source") == line_of("dialectic.xml", 'id="c3"')
    location = m.location("c6")
    assert location is not None and (location.line, location.column) == line_of("dialectic.xml", 'id="c6"')


def test_what_argmap_cannot_represent_is_a_warning_at_its_element() -> None:
    name = "broken.xml"
    got = read(name)
    expected = {
        ("stance 'maybe' of the arggraph",): 'topic_id="homework_ban"',
        ("EDU 'e3' is part of no ADU",): 'id="e3"',
        ("id 'e2' is used twice",): "A second EDU",
        ("<edu> has no id",): "without an id",
        ("ADU 'a2' has the type 'both'",): 'id="a2"',
        ("ADU 'a3' has no text", "blank"): 'id="a3"',
        ("<comment> has no place",): "<comment>",
        ("edge 'c2' joins 'a9', which does not exist",): 'id="c2"',
        ("edge 'c3' has the type 'attack'",): 'id="c3"',
        ("edge 'c4' has no type",): 'id="c4"',
        ("edge 'c5' (und) targets the ADU 'a1'",): 'id="c5"',
        ("edge 'c6' (sup) cannot go from <edu> 'e2'",): 'id="c6"',
        ("edge 'c7' (und) targets edge 'c2', which was not kept",): 'id="c7"',
        ("edge 'c8' (add)", "'c10'"): 'id="c8"',
        ("edge 'c12' (sup)", "<edge (sup)> 'c9'"): 'id="c12"',
    }
    for parts, needle in expected.items():
        assert at(got, *parts) == line_of(name, needle), parts
    assert len(got.warnings) == len(expected)
    assert all(w.location is not None and w.location.file == str(DATA / name) for w in got.warnings)
    # The rest loads.
    m = got.map
    assert m.claims["a2"].text == "Children need time to play after school."  # the first e2
    assert m.claims["a3"].blank and m.claims["a3"].tags == ("opponent",)
    assert {i.id: (i.premises, i.conclusion) for i in m.inferences.values()} == {
        "c1": (("a2",), "a1"),
        "c9": (("a2",), "a2"),  # a claim supporting itself loads as it is (the checks report it)
    }
    assert {a.id: (a.source, a.target) for a in m.attacks.values()} == {"c5": ("a3", "a1")}
    assert "stance" not in " ".join(t for c in m.claims.values() for t in c.tags)


def test_cycles_of_supports_and_of_attacks_on_attacks_load_as_they_are() -> None:
    text = arggraph(
        ["a1", "a2", "a3"],
        [
            ("c1", "a1", "a2", "sup"),
            ("c2", "a2", "a1", "sup"),
            ("c3", "a3", "c4", "und"),
            ("c4", "a1", "c3", "und"),
        ],
    )
    got = microtexts.loads(text)
    assert got.warnings == ()
    assert {i.id: i.conclusion for i in got.map.inferences.values()} == {"c1": "a2", "c2": "a1"}
    assert {a.id: a.target for a in got.map.attacks.values()} == {"c3": "c4", "c4": "c3"}


def arggraph(adus: list[str], edges: list[tuple[str, str, str, str]], head: str = 'id="t"') -> str:
    """A small arggraph: one EDU for each ADU, then the edges (id, src, trg, type)."""
    lines = [f"<arggraph {head}>"]
    lines += [f'<edu id="e-{a}"><![CDATA[Text of {a}.]]></edu>' for a in adus]
    lines += [f'<adu id="{a}" type="pro"/>' for a in adus]
    lines += [f'<edge id="s-{a}" src="e-{a}" trg="{a}" type="seg"/>' for a in adus]
    lines += [f'<edge id="{e}" src="{s}" trg="{t}" type="{k}"/>' for e, s, t, k in edges]
    return "\n".join([*lines, "</arggraph>"])


def test_ids_that_are_not_argmap_ids_are_made_ones() -> None:
    text = arggraph(["_1", "a_1", "été"], [("x:1", "_1", "été", "sup"), ("c-2", "a_1", "été", "reb")])
    m = microtexts.loads(text).map
    assert [(c.id, c.text) for c in m.claims.values()] == [
        ("a_1-2", "Text of _1."),
        ("a_1", "Text of a_1."),
        ("a_t_", "Text of été."),
    ]
    assert m.inferences["cx_1"].premises == ("a_1-2",)
    assert m.attacks["c-2"].target == "a_t_"
    assert microtexts.loads(text).map == m  # the same every time


def test_title_document_and_language() -> None:
    got = microtexts.loads(arggraph(["a1"], [], head='id="micro_t1"'), name="dir/micro_t1.xml", lang="de")
    assert (got.map.title, got.map.lang, got.map.document) == ("micro_t1", "de", Document(title="micro_t1"))
    got = microtexts.loads(
        "<arggraph><edu id='e1'>x</edu><adu id='a1' type='pro'/></arggraph>", name="d/x.xml"
    )
    assert (got.map.title, got.map.document) == ("x", None)  # no id: the file's name
    assert microtexts.loads("<arggraph/>").map.title == "arggraph"


# -- errors that stop a file ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "needle", "words"),
    [
        ("not-xml.xml", "</arggraph>", "not XML: mismatched tag"),
        ("not-arggraph.xml", "<argument", "the root element is <argument>, not <arggraph>"),
        ("billion-laughs.xml", '<!ENTITY lol "lol">', "declares the entity 'lol'"),
        ("external-entity.xml", "<!ENTITY secret", "declares the entity 'secret'"),
        ("parameter-entity.xml", "<!ENTITY % remote", "declares the entity 'remote'"),
    ],
)
def test_a_file_that_cannot_be_read_is_a_located_error(name: str, needle: str, words: str) -> None:
    with pytest.raises(ArgmapError) as caught:
        read(name)
    [problem] = caught.value.problems
    assert words in problem.message
    assert problem.location is not None and problem.location.file == str(DATA / name)
    assert problem.location.line == line_of(name, needle)[0]


@pytest.mark.parametrize(
    ("text", "line", "column", "words"),
    [
        ("", 1, 1, "not XML: no element found"),
        ("plain words", 1, 1, "not XML: syntax error"),
        ("<arggraph>\n  <edu id='e1'>\x00</edu></arggraph>", 2, 16, "not XML"),
        ("<arggraph/><arggraph/>", 1, 12, "not XML: junk after document element"),
        ("<arggraph><edu id='e1'>&nothing;</edu></arggraph>", 1, 24, "not XML: undefined entity"),
        ("<?xml version='1.0'?>\n<html><body/></html>", 2, 1, "not an arggraph"),
    ],
)
def test_broken_xml_is_an_error_at_its_line_and_column(text: str, line: int, column: int, words: str) -> None:
    with pytest.raises(ArgmapError) as caught:
        microtexts.loads(text, name="m.xml")
    [problem] = caught.value.problems
    assert words in problem.message
    assert problem.location == problem.location.__class__("m.xml", line, column)


def test_no_entity_is_expanded_and_no_outside_file_is_read(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET", encoding="utf-8")
    for declaration in (
        f'<!ENTITY s SYSTEM "{secret.as_uri()}">',
        '<!ENTITY % p SYSTEM "' + secret.as_uri() + '"> %p;',
        '<!ENTITY s "a">',
        f'<!NOTATION n SYSTEM "x"><!ENTITY s SYSTEM "{secret.as_uri()}" NDATA n>',
    ):
        text = f"<!DOCTYPE arggraph [{declaration}]><arggraph id='t'><edu id='e1'>&s;</edu></arggraph>"
        with pytest.raises(ArgmapError) as caught:
            microtexts.loads(text)
        assert "SECRET" not in str(caught.value.problems) and "entity" in caught.value.problems[0].message
    # A DOCTYPE naming the DTD's file, as the corpus's tools write it, is read without reading the DTD.
    text = f'<!DOCTYPE arggraph SYSTEM "{secret.as_uri()}">' + arggraph(["a1"], [])
    assert microtexts.loads(text).map.claims["a1"].text == "Text of a1."


def test_too_many_elements_is_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(microtexts, "MAX_ELEMENTS", 5)
    with pytest.raises(ArgmapError) as caught:
        microtexts.loads(arggraph(["a1", "a2"], [("c1", "a1", "a2", "sup")]))
    [problem] = caught.value.problems
    assert "more than 5 elements" in problem.message
    assert problem.location is not None and problem.location.line == 7  # the sixth element


def test_not_a_str_is_a_type_error() -> None:
    with pytest.raises(TypeError):
        microtexts.loads(b"<arggraph/>")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        microtexts.dumps("<arggraph/>")  # type: ignore[arg-type]


# -- hostile and odd input ------------------------------------------------------------------


def test_bom_surrogates_nesting_and_stray_text_never_give_a_traceback() -> None:
    text = (
        "\ufeff<arggraph id='t'>stray\n"
        "<edu id='e1'>half \ud800 pair<b>bold</b></edu>"
        + "<x>" * 50_000
        + "</x>" * 50_000
        + "<adu id='a1' type='pro'>inside</adu><edge id='c1' src='e1' trg='a1' type='seg'/></arggraph>"
    )
    got = microtexts.loads(text, name="h.xml")
    assert got.map.claims["a1"].text == "half \ufffd pair"
    said = messages(got)
    assert any("surrogate" in w for w in said)
    assert sum("<b> has no place" in w for w in said) == 1
    assert sum("<x> has no place" in w for w in said) == 1  # once, not for every element inside it
    assert sum("text outside an EDU" in w for w in said) == 1
    assert len(said) == 4


def test_warnings_are_capped() -> None:
    text = "<arggraph id='t'>" + "<edge/>" * 1500 + "</arggraph>"
    got = microtexts.loads(text)
    assert len(got.warnings) == 1001
    assert "501 more" in got.warnings[-1].message  # 1,500 edges without an id and an empty map


def test_a_file_of_ten_megabytes_loads() -> None:
    n = 30_000
    b = MapBuilder("big")
    for i in range(n):
        b.premise(f"P{i}", f"claim {i} " + "x" * 200)
    for i in range(n - 1):
        b.inference(f"I{i}", [f"P{i}"], f"P{i + 1}")
    m = b.build()
    text = microtexts.dumps(m)
    assert len(text) > 10_000_000
    got = microtexts.loads(text)
    assert got.map == m and got.warnings == ()


EDGE_TYPES = st.sampled_from(["seg", "sup", "exa", "add", "reb", "und", "att", ""])
NODE_IDS = st.sampled_from(["e1", "e2", "j1", "a1", "a2", "a3", "c1", "c2", "c3", "c4", "zz"])


@st.composite
def graphs(draw: st.DrawFn) -> str:
    """Arggraph-like XML: known and unknown elements, attributes present or not, ids right or wrong."""
    parts = []
    for _ in range(draw(st.integers(0, 14))):
        tag = draw(st.sampled_from(["edu", "joint", "adu", "edge", "edge", "edge", "other"]))
        attributes = {"id": draw(NODE_IDS)} if draw(st.integers(0, 9)) else {}
        if tag == "edge":
            for key in ("src", "trg"):
                if draw(st.integers(0, 9)):
                    attributes[key] = draw(NODE_IDS)
            if draw(st.integers(0, 9)):
                attributes["type"] = draw(EDGE_TYPES)
        if tag == "adu":
            attributes["type"] = draw(st.sampled_from(["pro", "opp", "x"]))
        if tag == "edu" and draw(st.booleans()):
            attributes["implicit"] = "true"
        written = " ".join(f'{k}="{v}"' for k, v in attributes.items())
        body = draw(
            st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs", "Cc"]), max_size=8)
        )
        body = body.replace("]]>", "")
        parts.append(f"<{tag} {written}><![CDATA[{body}]]></{tag}>")
    if draw(st.booleans()):
        parts.append("<?argmap " + json.dumps(draw(JSON)).replace(">", "\\u003e") + "?>")
    return "<arggraph id='g' topic_id='t' stance='pro'>" + "".join(parts) + "</arggraph>"


JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.text(max_size=5)
    | st.sampled_from(["a1", "c1", "premise"]),
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(
            st.sampled_from(
                ["claims", "inferences", "attacks", "a1", "c1", "kind", "text", "tags", "ignore", "title"]
            ),
            inner,
            max_size=3,
        )
    ),
    max_leaves=12,
)


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(graphs())
def test_any_arggraph_gives_a_map_and_warnings_that_write_back(text: str) -> None:
    got = microtexts.loads(text, name="g.xml")
    assert isinstance(got.map, ArgumentMap)
    assert all(w.location is not None and w.location.file == "g.xml" for w in got.warnings)
    again = microtexts.loads(microtexts.dumps(got.map))
    assert again.map == got.map
    # Only an empty map is said again (an arggraph holds one ADU or more).
    assert [w.message for w in again.warnings] == (
        [] if got.map.claims else ["the arggraph holds no ADU: the map is empty"]
    )


# -- Japanese --------------------------------------------------------------------------------


def test_messages_are_in_japanese_for_a_japanese_map() -> None:
    got = read("broken.xml", lang="ja")
    assert got.map.lang == "ja"
    assert all(JAPANESE.search(w.message) for w in got.warnings), messages(got)
    # The same warnings, at the same places, as in English.
    english = read("broken.xml", lang="en")
    assert [w.location for w in got.warnings] == [w.location for w in english.warnings]
    with pytest.raises(ArgmapError) as caught:
        read("billion-laughs.xml", lang="ja")
    assert JAPANESE.search(caught.value.problems[0].message)
    with pytest.raises(ArgmapError) as caught:
        read("not-arggraph.xml", lang="ja")
    assert JAPANESE.search(caught.value.problems[0].message)


def test_without_lang_the_language_in_force_speaks() -> None:
    with using("ja"):
        got = read("dialectic.xml")
    assert got.map.lang == "en"
    assert JAPANESE.search(got.warnings[0].message)


# -- writing and reading back ----------------------------------------------------------------


@pytest.mark.parametrize("name", GOOD)
def test_hand_written_files_read_write_read_to_the_same_map(name: str) -> None:
    first = read(name).map
    text = microtexts.dumps(first)
    again = microtexts.loads(text)
    assert again.map == first and again.warnings == ()
    if name != "broken.xml":  # the arggraph alone holds all these maps say
        assert "<?argmap" not in text


@settings(max_examples=200, deadline=None, suppress_health_check=list(HealthCheck))
@given(maps(counter_attacks=True))
def test_write_then_read_gives_the_same_map(m: ArgumentMap) -> None:
    got = microtexts.loads(microtexts.dumps(m))
    assert got.map == m
    assert got.warnings == ()


def check_structure(text: str) -> ET.Element:
    """Assert ``text`` is an arggraph as the corpus's DTD (corpus/arggraph.dtd) describes it:
    edu+, joint*, adu+, edge+ in this order, the attributes each declares (and part 2's
    ``implicit`` on an EDU), unique ids, and references to ids that exist."""
    root = ET.fromstring(text)
    assert root.tag == "arggraph"
    assert set(root.attrib) <= {"id", "topic_id", "stance"} and "id" in root.attrib
    assert root.attrib.get("stance", "pro") in ("pro", "con", "unclear")
    assert re.fullmatch(r"[A-Za-z0-9_.:\-]+", root.attrib.get("topic_id", "x"))
    order = [child.tag for child in root]
    assert re.fullmatch(r"(edu )+(joint )*(adu )+(edge )+", "".join(t + " " for t in order)), order
    declared = {"edu": {"id"}, "joint": {"id"}, "adu": {"id", "type"}, "edge": {"id", "src", "trg", "type"}}
    ids = Counter([root.attrib["id"], *(child.attrib["id"] for child in root)])
    assert max(ids.values()) == 1
    for child in root:
        allowed = declared[child.tag] | ({"implicit"} if child.tag == "edu" else set())
        assert declared[child.tag] <= set(child.attrib) <= allowed
        if child.tag != "edu":
            assert len(child) == 0 and not (child.text or "").strip()
        if child.tag == "adu":
            assert child.attrib["type"] in ("pro", "opp")
        if child.tag == "edge":
            assert child.attrib["type"] in ("seg", "sup", "exa", "add", "reb", "und")
            assert child.attrib["src"] in ids and child.attrib["trg"] in ids
    return root


@settings(max_examples=100, deadline=None, suppress_health_check=list(HealthCheck))
@given(maps(counter_attacks=True))
def test_written_arggraphs_follow_the_dtd(m: ArgumentMap) -> None:
    if not m.claims:
        return
    check_structure(microtexts.dumps(m))


def without_extra(text: str) -> str:
    return re.sub(r"<\?argmap .*?\?>", "", text, flags=re.S)


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(maps(counter_attacks=True))
def test_tools_that_drop_argmaps_data_keep_the_graph(m: ArgumentMap) -> None:
    got = microtexts.loads(without_extra(microtexts.dumps(m))).map
    assert {c.id: c.text for c in got.claims.values()} == {
        c.id: microtexts._as_read(c.text) for c in m.claims.values()
    }
    assert {c.id for c in got.claims.values() if "opponent" in c.tags} == {
        c.id for c in m.claims.values() if "opponent" in c.tags
    }
    assert {i.id: (i.premises, i.conclusion) for i in got.inferences.values()} == {
        i.id: (i.premises, i.conclusion) for i in m.inferences.values() if i.premises
    }
    written = {a.id: (a.source, a.target) for a in got.attacks.values()}
    assert written.items() <= {a.id: (a.source, a.target) for a in m.attacks.values()}.items()
    # Only attacks on what the XML cannot hold (an inference without premises) are left out.
    for a in m.attacks.values():
        if a.id not in written:
            assert a.target not in m.claims


def test_what_the_arggraph_cannot_say_is_kept_in_one_instruction() -> None:
    b = MapBuilder("Umbrellas and rain", lang="ja")
    b.evidence("E1", "It rains ]]> now\r\n", source=Source(speaker="Met Office", date="2023-05-09"), note="n")
    b.hypothesis("H1", "If it rains\x00", tags=["opponent", "stance:con"])
    b.conclusion("C1", "Take an umbrella", conditional=True)
    b.claim("B1", "blank", "", blank=True, prompt="what?")
    b.inference("I1", ["E1", "H1"], "C1", scheme="causal", marker="so", strength=0.5)
    b.inference("I2", [], "C1")
    b.attack("X1", "B1", "I2", tags=["t"])
    b.attack("X2", "H1", "X1")
    b.attack("X3", "E1", "C1")
    b.ignore("C1", "AM101")
    m = b.build()
    text = microtexts.dumps(m)
    root = check_structure(text)
    assert root.attrib == {"id": "arggraph", "stance": "con"}  # the title is no NMTOKEN
    edges = {e.attrib["id"]: e.attrib for e in root.iter("edge")}
    assert edges["I1"]["src"] == "E1" and edges["I1"]["type"] == "sup"
    assert [e["src"] for e in edges.values() if e["type"] == "add"] == ["H1"]
    assert edges["X3"]["type"] == "reb"
    assert "I2" not in edges and "X1" not in edges and "X2" not in edges  # no premise to draw from
    assert {a.attrib["id"]: a.attrib["type"] for a in root.iter("adu")}["H1"] == "opp"
    edus = [e.text for e in root.iter("edu")]
    assert edus[0] == "It rains ]]> now\n" and edus[1] == "If it rains\ufffd"
    [extra] = re.findall(r"<\?argmap (.*?)\?>", text, flags=re.S)
    assert extra.isascii() and ">" not in extra
    assert json.loads(extra)["lang"] == "ja"
    got = microtexts.loads(text)
    assert got.map == m and got.warnings == ()


def test_an_edited_edu_text_wins_over_argmaps_copy() -> None:
    b = MapBuilder("t")
    b.conclusion("C1", "  spaced  ")
    text = microtexts.dumps(b.build())
    assert '"text":"  spaced  "' in text
    got = microtexts.loads(text.replace("<![CDATA[  spaced  ]]>", "<![CDATA[edited]]>"))
    assert got.map.claims["C1"].text == "edited"
    assert "another text than its EDUs" in got.warnings[0].message


@pytest.mark.parametrize(
    ("extra", "words"),
    [
        ("not json", "not hold a JSON object"),
        ("[1, 2]", "not hold a JSON object"),
        ('{"claims": {"a9": {"kind": "premise"}}}', "'a9' is not used (no ADU has this id)"),
        ('{"claims": {"a1": 5}}', "'a1' is not used (not a JSON object)"),
        ('{"claims": {"a1": {"kind": "wrong"}}}', "'a1' is not used (unknown kind"),
        ('{"claims": {"a1": {"source": {"date": "never"}}}}', "'a1' is not used"),
        ('{"claims": {"a1": {"tags": "\\ud800"}}}', "'a1' is not used"),
        (
            '{"inferences": {"r1": {"premises": ["a1"], "conclusion": "a9"}}}',
            "'r1' is not used ('a9' is not a claim)",
        ),
        ('{"inferences": {"r1": {"premises": ["a1"]}}}', "'r1' is not used (no edge has this id)"),
        (
            '{"inferences": {"a1": {"premises": [], "conclusion": "a1"}}}',
            "'a1' is not used (the id is taken)",
        ),
        ('{"inferences": {"r1": 1}}', "'r1' is not used (not a JSON object)"),
        (
            '{"attacks": {"x1": {"source": "a1", "target": "a9"}}}',
            "'x1' is not used ('a9' is not an element)",
        ),
        ('{"attacks": {"x1": {"source": "a9", "target": "a1"}}}', "'x1' is not used (no edge has this id)"),
        ('{"attacks": {"x1": []}}', "'x1' is not used (not a JSON object)"),
        ('{"date": "soon"}', "the map's date is left out"),
        ('{"document": {"url": "ftp://x"}}', "the map's document is left out"),
        ('{"document": {"title": "\\ud800"}}', "the map's document is left out"),
        ('{"ignore": {"a9": ["AM101"]}}', "'a9' is not used (no element has this id)"),
    ],
)
def test_bad_argmap_data_is_a_warning_and_the_rest_loads(extra: str, words: str) -> None:
    text = arggraph(["a1"], []).replace("</arggraph>", f"<?argmap {extra}?>\n</arggraph>")
    got = microtexts.loads(text)
    [message] = messages(got)
    assert words in message
    assert got.map.claims["a1"].text == "Text of a1."
    assert at(got, words) == (5, 1)


def test_a_second_instruction_is_ignored_and_an_attack_on_an_argmap_only_attack_kept() -> None:
    extra = (
        '{"attacks": {"x1": {"source": "a1", "target": "x2"}, "x2": {"source": "a1", "target": "x1"}},'
        ' "title": "T", "ignore": {"x1": ["AM401"]}}'
    )
    text = arggraph(["a1"], []).replace(
        "</arggraph>", f'<?argmap {extra}?><?argmap {{"title": "U"}}?></arggraph>'
    )
    got = microtexts.loads(text)
    assert {a.id: a.target for a in got.map.attacks.values()} == {"x1": "x2", "x2": "x1"}
    assert got.map.title == "T" and dict(got.map.ignore) == {"x1": ("AM401",)}
    [message] = messages(got)
    assert "second <?argmap?>" in message


# -- the corpus script -------------------------------------------------------------------------


def corpus_script(monkeypatch: pytest.MonkeyPatch) -> Any:
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "corpus_microtexts", Path(__file__).parent.parent / "bench" / "corpus_microtexts.py"
    )
    assert spec is not None and spec.loader is not None
    bench = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, "corpus_microtexts", bench)
    spec.loader.exec_module(bench)
    return bench


def test_the_corpus_script_gives_the_figures_of_a_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import shutil

    bench = corpus_script(monkeypatch)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in ("support.xml", "dialectic.xml", "not-xml.xml"):
        shutil.copy(DATA / name, corpus / name)
    out = tmp_path / "figures.json"
    assert bench.main([str(corpus), "--workers", "1", "--json", str(out)]) == 0
    figures = json.loads(out.read_text(encoding="utf-8"))
    got = figures[str(corpus)]
    assert (got["files"], got["read"], got["without warnings"]) == (3, 2, 1)
    [(error, files)] = got["not read"].items()
    assert error.startswith("not XML") and files == 1
    [(warning, files)] = got["files with each warning"].items()
    assert files == 1 and "one source" in warning and "'" not in warning  # its ids are taken out
    assert (got["claims"], got["inferences"], got["attacks"], got["attacks on attacks"]) == (14, 5, 5, 3)
    assert (got["round trip equal"]["microtexts"], got["round trip equal"]["AIF"]) == (2, 2)
    assert got["round trip breaks"]["microtexts"] == got["round trip breaks"]["AIF"] == {}
    # Argdown has no attack on an attack and no attack ids: what breaks dialectic.xml's round trip is named.
    argdown_breaks = got["round trip breaks"]["Argdown"]
    assert (argdown_breaks["attacks on attacks"], argdown_breaks["attack ids"]) == (1, 1)
    assert got["round trip equal"]["Argdown"] <= 1
    # dialectic.xml: the central claim and a4 stand while the counter-attacks are kept, fall without them.
    assert got["maps with defeated-conclusion (AM401)"] == {
        "counter-attacks kept": 0,
        "counter-attacks dropped": 1,
    }
    assert json.loads(capsys.readouterr().out) == figures


def test_the_corpus_script_names_what_a_round_trip_breaks(monkeypatch: pytest.MonkeyPatch) -> None:
    bench = corpus_script(monkeypatch)
    m = read("dialectic.xml").map
    assert bench.breaks(m, m) == []
    b = m.edit()
    b.remove("c7")
    b.remove("c1")
    b.remove("c2")
    b.remove("c3")
    b.attack("c1", "a1", "a8")
    b.attack("y", "a2", "c1")
    b.attack("z", "a3", "c1", note="n")
    changed = b.build()
    assert bench.breaks(m, changed) == ["attack ids", "attacks on attacks"]
    b = m.edit()
    b.remove("a1")
    b.claim("a1", "evidence", "Other words.", tags=["opponent"])
    assert bench.breaks(m, b.build()) == ["claim texts", "claim kinds"]
    assert not bench.without_counter_attacks(m).graph.attackers_of("c1")
    assert set(bench.without_counter_attacks(m).attacks) == {"c1", "c6"}


if __name__ == "__main__":  # pragma: no cover
    sys.exit(pytest.main([__file__]))
