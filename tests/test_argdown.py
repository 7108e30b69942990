"""Argdown import and export: every construct from hand-written files, Argdown's
own example maps, and the round trip dumps -> loads over random maps."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import maps

from argmap import ArgumentMap, Kind
from argmap.formats import argdown
from argmap.formats._foreign import Imported
from argmap.model import ID_PATTERN

DATA = Path(__file__).parent / "data" / "argdown"
EXAMPLES = Path(__file__).parent.parent / "examples"


def words(text: str) -> str:
    """A text as Argdown keeps it: on one line, runs of white space as one space."""
    return " ".join(text.split())


def graph(amap: ArgumentMap) -> tuple[object, ...]:
    """What a round trip keeps: claims with kinds and texts, inferences, attacks (by
    ends); Argdown has no counterpart for an attack on an attack or on itself."""
    return (
        amap.title,
        amap.lang,
        {c.id: (c.kind, words(c.text)) for c in amap.claims.values()},
        {i.id: (i.premises, i.conclusion) for i in amap.inferences.values()},
        Counter(
            (a.source, a.target)
            for a in amap.attacks.values()
            if a.target not in amap.attacks and a.target != a.source
        ),
    )


def read(text: str) -> Imported:
    return argdown.loads(text, name="m.argdown")


def where(result: Imported) -> list[tuple[int, int]]:
    return [(w.location.line, w.location.column) for w in result.warnings if w.location is not None]


# -- statements, titles, ids ---------------------------------------------------------------------


def test_statements_become_claims_with_their_titles_as_ids() -> None:
    r = read("[A1]: Rain is coming.\n\n[B]: Take an umbrella.\n")
    assert r.warnings == ()
    assert {c.id: c.text for c in r.map.claims.values()} == {
        "A1": "Rain is coming.",
        "B": "Take an umbrella.",
    }
    assert all(c.kind is Kind.PREMISE for c in r.map.claims.values())


def test_titles_that_are_not_ids_become_slugs_or_numbered_ids() -> None:
    r = read("[Main Thesis]: x\n\n[主張]: y\n\n[Main-Thesis]: z\n\nAn untitled statement\n")
    ids = list(r.map.claims)
    assert all(ID_PATTERN.match(i) for i in ids)
    texts = {c.text: c.id for c in r.map.claims.values()}
    assert texts["z"] == "Main-Thesis"  # a title that is an id keeps it
    assert texts["x"] == "Main-Thesis-2"
    assert texts["y"].startswith("s") and texts["An untitled statement"].startswith("s")
    assert len(set(ids)) == 4


def test_same_title_is_one_claim_and_a_reference_adds_nothing() -> None:
    r = read("[T]: first text\n\n[T]\n\n[T]: first text\n")
    assert list(r.map.claims) == ["T"] and r.map.claims["T"].text == "first text"
    assert r.warnings == ()


def test_redefinition_with_another_text_keeps_the_first_and_warns_where() -> None:
    r = read("[T]: first\n\n[T]: second\n")
    assert r.map.claims["T"].text == "first"
    assert where(r) == [(3, 1)]


def test_a_statement_only_referred_to_is_a_blank_with_its_title_as_prompt() -> None:
    r = read("[Lonely one] #assumption\n\n[Other]: x\n  + [Lonely one]\n")
    claim = r.map.claims["Lonely-one"]
    assert (claim.text, claim.blank, claim.prompt, claim.kind) == ("", True, "Lonely one", Kind.ASSUMPTION)
    assert r.warnings == ()


def test_multi_line_statement_text_and_escapes() -> None:
    r = read("[A]: one \\# not a tag\n  and \\[two\\] lines \\\\ done\n")
    assert r.map.claims["A"].text == "one # not a tag and [two] lines \\ done"
    assert r.map.claims["A"].tags == ()


# -- kinds and tags ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("tag", "kind"),
    [
        ("#evidence", Kind.EVIDENCE),
        ("#premise", Kind.PREMISE),
        ("#assumption", Kind.ASSUMPTION),
        ("#hypothesis", Kind.HYPOTHESIS),
        ("#conclusion", Kind.CONCLUSION),
        ("#Evidence", Kind.EVIDENCE),
        ("#証拠", Kind.EVIDENCE),
        ("#前提", Kind.PREMISE),
        ("#隠れた前提", Kind.ASSUMPTION),
        ("#仮説", Kind.HYPOTHESIS),
        ("#結論", Kind.CONCLUSION),
        ("#(隠れた前提)", Kind.ASSUMPTION),
    ],
)
def test_kind_tags_set_the_kind_and_are_not_kept_as_tags(tag: str, kind: Kind) -> None:
    r = read(f"[A]: text {tag} #other #(with spaces)\n")
    claim = r.map.claims["A"]
    assert claim.kind is kind
    assert claim.tags == ("other", "with spaces")
    assert claim.text == "text"


def test_kinds_from_position() -> None:
    r = read("<a>\n\n(1) [p]: premise\n----\n(2) [c]: conclusion\n\n[c]\n  + [q]: support\n")
    kinds = {c.id: c.kind for c in r.map.claims.values()}
    assert kinds == {"p": Kind.PREMISE, "c": Kind.CONCLUSION, "q": Kind.PREMISE}


def test_two_kind_tags_warn_and_the_first_wins() -> None:
    r = read("[A]: x #evidence #hypothesis\n")
    assert r.map.claims["A"].kind is Kind.EVIDENCE
    assert where(r) == [(1, 1)]


def test_headings_become_tags_of_the_claims_under_them() -> None:
    r = read("# Economy\n\n[A]: x\n\n## Jobs #ignored\n\n[B]: y\n")
    assert r.map.claims["A"].tags == ("Economy",)
    assert r.map.claims["B"].tags == ("Jobs",)


# -- front matter and data -----------------------------------------------------------------------


def test_front_matter_title_and_lang() -> None:
    r = read("===\ntitle: 雨の日\nlang: ja\nauthor: x\n===\n\n[A]: x\n")
    assert (r.map.title, r.map.lang) == ("雨の日", "ja")
    assert r.warnings == ()


def test_the_front_matter_s_lang_wins_and_the_lang_argument_fills_in() -> None:
    # (the argument is also the language of the messages: `argmap convert --lang en` must not
    # turn a Japanese map into an English one)
    assert argdown.loads("===\nlang: ja\n===\n\n[A]: x\n", lang="en-GB").map.lang == "ja"
    assert argdown.loads("[A]: x\n", lang="en-GB").map.lang == "en-GB"
    r = argdown.loads("===\nlang: 日本\n===\n\n[A]: x\n", lang="ja")
    assert r.map.lang == "ja"
    assert r.warnings[0].message.isascii() is False  # said in Japanese


@pytest.mark.parametrize(
    ("text", "at"),
    [
        ("===\ntitle: [unclosed\n===\n\n[A]: x\n", (2, 1)),
        ("===\n- a list\n===\n\n[A]: x\n", (2, 1)),
        ("===\nlang: not a language!\n===\n\n[A]: x\n", (1, 1)),
        ("===\ntitle: never closed\n\n[A]: x\n", (1, 1)),
    ],
)
def test_bad_front_matter_warns_and_the_rest_loads(text: str, at: tuple[int, int]) -> None:
    r = read(text)
    assert at in where(r)
    assert "A" in r.map.claims or r.map.claims  # the statements still load


def test_data_is_read_and_not_kept_in_the_text() -> None:
    r = read("[A]: text {source: 'Met Office', year: 2020}\n")
    assert r.map.claims["A"].text == "text"
    assert r.warnings == ()


def test_comments_are_ignored() -> None:
    r = read("// a comment\n[A]: text /* inline */ more <!-- html -->\n")
    assert r.map.claims["A"].text == "text more"


# -- arguments and structures --------------------------------------------------------------------


def test_argument_with_structure_is_an_inference() -> None:
    text = (DATA / "pcs.argdown").read_text(encoding="utf-8")
    r = read(text)
    assert r.warnings == ()
    inf = r.map.inferences["Teleological-proof"]
    assert r.map.claims[inf.conclusion].text == "God exists."
    assert [r.map.claims[p].text for p in inf.premises][
        -1
    ] == "The only intelligent being that could design the world is God."
    step = next(i for i in r.map.inferences.values() if i.id != inf.id)
    assert step.conclusion in inf.premises  # the intermediate conclusion feeds the main step
    assert r.map.claims[step.conclusion].kind is Kind.CONCLUSION
    assert inf.note == "Because the world is intelligently designed there has to be an intelligent creator."


def test_expanded_inference_rules_and_uses() -> None:
    r = read(
        "<socrates>\n\n(1) [h]: All humans are mortal.\n(2) [s]: Socrates is a human.\n(3) [x]: unused\n"
        "--\nUniversal instantiation, Modus Ponens\n{uses: [1,2], logic: [deductive]}\n--\n(4) [m]: Socrates is mortal.\n"
    )
    inf = r.map.inferences["socrates"]
    assert inf.premises == ("h", "s")
    assert inf.scheme == "Universal instantiation, Modus Ponens"


def test_one_line_expanded_inference() -> None:
    r = read("<a>\n(1) [p]: x\n-- Modus ponens --\n(2) [c]: y\n")
    assert r.map.inferences["a"].scheme == "Modus ponens"
    assert r.map.inferences["a"].premises == ("p",)


def test_anonymous_argument() -> None:
    r = read("(1) [p]: x\n(2) [q]: y\n----\n(3) [c]: z\n")
    (inf,) = r.map.inferences.values()
    assert inf.premises == ("p", "q") and inf.conclusion == "c"
    assert ID_PATTERN.match(inf.id)


@pytest.mark.parametrize(
    ("text", "at"),
    [
        ("<a>\n\n(1) [p]: x\n(2) [q]: y\n", (3, 5)),  # no inference line
        ("<a>\n\n(1) [p]: x\n----\n", (4, 1)),  # no conclusion
        ("<a>\n\n----\n(1) [c]: x\n", (3, 1)),  # no premise
        ("<a>\n\n(1) [p]: x\n----\n(2) [c]: y\n\n<a>\n\n(1) [q]: x\n----\n(2) [d]: y\n", (9, 5)),
    ],
)
def test_malformed_structures_warn_where(text: str, at: tuple[int, int]) -> None:
    r = read(text)
    assert at in where(r)


def test_argument_alone_is_a_claim_or_left_out_with_a_warning() -> None:
    r = read("<Described>: the whole argument in a sentence\n\n<Empty>\n")
    assert r.map.claims["Described"].text == "the whole argument in a sentence"
    assert "Empty" not in r.map
    assert where(r) == [(3, 1)]


def test_argument_without_structure_supporting_a_statement() -> None:
    r = read("[C]: conclusion\n  + <Reason>: because of this\n  + <Bare>\n")
    bare = r.map.inferences["Bare"]
    assert bare.premises == () and bare.conclusion == "C"
    reason = next(i for i in r.map.inferences.values() if i.id != "Bare")
    assert reason.premises == ("Reason",) and r.map.claims["Reason"].text == "because of this"


# -- relations -----------------------------------------------------------------------------------


def test_relations_in_every_direction() -> None:
    r = read(
        "[a]: A\n  + [b]: B\n  <+ [c]: C\n  +> [d]: D\n  - [e]: E\n  <- [f]: F\n  -> [g]: G\n  >< [h]: H\n"
    )
    sup = {(i.premises, i.conclusion) for i in r.map.inferences.values()}
    assert sup == {(("b",), "a"), (("c",), "a"), (("a",), "d")}
    att = Counter((x.source, x.target) for x in r.map.attacks.values())
    assert att == Counter({("e", "a"): 1, ("f", "a"): 1, ("a", "g"): 1, ("h", "a"): 1, ("a", "h"): 1})


def test_nested_relations_belong_to_the_element_above() -> None:
    r = read(
        "[s1]: x\n    + [a]: y\n        - [b]: z\n            + [c]: w\n        + [d]: v\n    - [e]: u\n"
    )
    sup = {(i.premises, i.conclusion) for i in r.map.inferences.values()}
    assert sup == {(("a",), "s1"), (("c",), "b"), (("d",), "a")}
    assert {(x.source, x.target) for x in r.map.attacks.values()} == {("b", "a"), ("e", "s1")}


def test_undercuts_target_inferences() -> None:
    text = (DATA / "undercut.argdown").read_text(encoding="utf-8")
    r = read(text)
    assert r.warnings == ()
    targets = {x.source: x.target for x in r.map.attacks.values()}
    assert targets["u1"] == "a"  # `_> <a>`
    assert targets["u2"] in r.map.inferences and r.map.inferences[targets["u2"]].conclusion == "s3"
    assert targets["u3"] == "a"  # below the inference line of the last step


def test_attack_on_a_reconstructed_argument_targets_its_inference() -> None:
    r = read("<a>\n\n(1) [p]: x\n----\n(2) [c]: y\n\n<a>\n  - [o]: objection\n")
    assert {(x.source, x.target) for x in r.map.attacks.values()} == {("o", "a")}


def test_arguments_relations_use_their_conclusions() -> None:
    r = read("<a>\n\n(1) [p]: x\n----\n(2) [c]: y\n\n[t]: target\n  <- <a>\n  <+ <a>\n")
    assert {(x.source, x.target) for x in r.map.attacks.values()} == {("c", "t")}
    assert (("c",), "t") in {(i.premises, i.conclusion) for i in r.map.inferences.values()}


@pytest.mark.parametrize(
    ("text", "at"),
    [
        ("[a]: x\n\n  + [b]: y\n", (3, 5)),  # a relation after an empty line
        ("[a]: x\n  _ [b]: y\n", (2, 5)),  # an undercut of a statement no inference concludes
        ("<a>\n\n(1) [p]: x\n----\n(2) [c]: y\n\n<a>\n  + [s]: z\n", (8, 5)),  # support for an argument
    ],
)
def test_relations_without_counterpart_warn_where(text: str, at: tuple[int, int]) -> None:
    r = read(text)
    assert at in where(r)


# -- anything at all -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "",
        "\n\n\n",
        "\x00\x01 binary \ufffd",
        "{not: [closed",
        "<<<>>> [[[ ]]] ((( )))",
        "----\n----\n--\n",
        "(1)\n(2) \n",
        "  + [x]\n  - <y>",
        "[a]: x\n  _> [a]\n  _ <nothing>",
        "#\n##\n# \n",
        "<a>: x\n  +> <a>\n  -> <a>\n  _> <a>\n",
        '{"nodes": [], "edges": []}',
    ],
)
def test_any_text_loads_without_a_traceback(text: str) -> None:
    r = read(text)
    assert isinstance(r.map, ArgumentMap)
    assert all(w.location is not None and w.location.file == "m.argdown" for w in r.warnings)


def test_not_text_is_a_type_error() -> None:
    with pytest.raises(TypeError):
        argdown.loads(b"[a]: x")  # type: ignore[arg-type]


# -- writing and reading back --------------------------------------------------------------------


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
def kept(amap: ArgumentMap) -> tuple[object, ...]:
    """What the elements' ``{…}`` data and the front matter keep beyond the graph:
    each claim's source, condition and note, each inference's scheme, strength,
    marker and note (an inference without premises is written as a relation,
    which has no data), the map's date, document and accepted findings."""
    return (
        {c.id: (c.source, c.conditional, c.note) for c in amap.claims.values() if not c.blank},
        {i.id: (i.scheme, i.strength, i.marker, i.note) for i in amap.inferences.values() if i.premises},
        amap.date,
        amap.document,
        {k: v for k, v in amap.ignore.items() if k not in amap.attacks},  # attacks get new ids
    )


@given(maps())
def test_round_trip_keeps_the_graph_and_what_the_data_carries(amap: ArgumentMap) -> None:
    r = argdown.loads(argdown.dumps(amap))
    assert graph(r.map) == graph(amap)
    assert kept(r.map) == kept(amap)
    assert r.warnings == ()


TRICKY = st.text(
    st.one_of(
        st.sampled_from("{}//<!--*/#\\\"'\n\t\u3000\u2028\x85\x7f\ufeff:[]<>-+ "),
        st.characters(codec="utf-8"),
    ),
    min_size=1,
    max_size=30,
).filter(lambda t: t.strip() != "" and "\x00" not in t)


@given(note=TRICKY, title=TRICKY, speaker=TRICKY, scheme=TRICKY)
def test_data_keeps_any_text_exactly(note: str, title: str, speaker: str, scheme: str) -> None:
    from argmap.model import MapBuilder, Source

    b = MapBuilder("t")
    where = Source(url="https://example.com/a//b<c>{d}", title=title, speaker=speaker, date="2024-02-29")
    b.evidence("E1", "It rains.", source=where)
    b.conclusion("C1", "Take an umbrella.", note=note, conditional=True)
    b.inference("I1", ["E1"], "C1", scheme=scheme, strength=0.25, marker=note, note=note)
    amap = b.build()
    r = argdown.loads(argdown.dumps(amap))
    assert r.warnings == ()
    assert kept(r.map) == kept(amap)


def test_a_source_written_as_a_name_or_a_link() -> None:
    # (a link is written with its slashes escaped: Argdown reads // as the start of a comment)
    r = read(
        '[A]: Rain. #evidence {source: 気象庁}\n\n[B]: Sun. #evidence {source: "https:\\u002f\\u002fexample.com"}\n'
    )
    assert r.warnings == ()
    assert (r.map.claims["A"].source.title, r.map.claims["A"].source.url) == ("気象庁", None)  # type: ignore[union-attr]
    assert r.map.claims["B"].source.url == "https://example.com"  # type: ignore[union-attr]


def test_data_that_does_not_fit_is_left_out_with_a_located_warning() -> None:
    text = (
        "[A]: Rain. {conditional: maybe, note: fine, source: {date: '2024-13-40'}}\n\n"
        "<I>\n\n(1) [A]\n-- {strength: 7} --\n(2) [B]: Wet.\n"
    )
    r = read(text)
    a = r.map.claims["A"]
    assert (a.note, a.conditional, a.source) == ("fine", False, None)
    assert r.map.inferences["I"].strength is None
    assert [(w.location.line, w.message.split(" (")[0]) for w in r.warnings if w.location] == [
        (1, "A: its data field conditional is left out"),
        (1, "A: its data field source is left out"),
        (6, "I: its data field strength is left out"),
    ]
    assert argdown.loads(text, lang="ja").warnings[0].message.startswith("A：データの conditional")


def test_data_of_other_tools_is_not_argmap_s_and_stays_quiet() -> None:
    r = read("[A]: Rain. {color: red, isInMap: true}\n")
    assert r.warnings == ()
    assert r.map.claims["A"].note is None


def test_data_yaml_cannot_build_is_not_a_crash() -> None:
    r = read("===\ndate: 2024-13-40\n===\n\n[A]: Rain. {source: {date: 2024-13-40}}\n")
    assert r.map.claims["A"].text == "Rain."
    assert [w.location.line for w in r.warnings if w.location] == [2]  # the front matter, located


@pytest.mark.parametrize("path", sorted(EXAMPLES.rglob("*.argmap.yaml")), ids=lambda p: p.name)
def test_examples_round_trip(path: Path) -> None:
    from argmap.formats import load

    amap = load(path)
    r = argdown.loads(argdown.dumps(amap))
    assert graph(r.map) == graph(amap)
    assert r.warnings == ()


def test_export_escapes_what_argdown_reads_as_syntax() -> None:
    from argmap.model import MapBuilder

    b = MapBuilder("t")
    tricky = "[x]: <y> #tag {a: 1} + - _ // c /* d */ <!-- e --> (1) ---- :happy: .v. @[x] \\"
    b.premise("p", tricky)
    b.conclusion("c", "# heading?\n+ relation?\n(2) item?")
    b.inference("i", ["p"], "c")
    text = argdown.dumps(b.build())
    r = argdown.loads(text)
    assert r.map.claims["p"].text == tricky
    assert r.map.claims["c"].text == "# heading? + relation? (2) item?"
    assert r.warnings == ()


# -- Argdown's own maps --------------------------------------------------------------------------

OWN = sorted((DATA / "upstream").glob("*.argdown"))


@pytest.mark.parametrize("path", OWN, ids=lambda p: p.name)
def test_argdowns_own_maps_load_and_round_trip(path: Path) -> None:
    r = argdown.loads(path.read_text(encoding="utf-8"), name=path.name)
    assert r.map.claims or r.warnings
    again = argdown.loads(argdown.dumps(r.map))
    assert graph(again.map) == graph(r.map)
    assert again.warnings == ()


def test_attacks_argdown_cannot_hold_are_written_as_comments() -> None:
    from argmap.model import MapBuilder

    b = MapBuilder("t")
    b.premise("p", "x")
    b.premise("q", "y")
    b.attack("a1", "p", "q")
    b.attack("self", "q", "q")
    try:
        b.attack("a2", "q", "a1")
        amap = b.build()
    except (ValueError, TypeError):  # a model without attacks on attacks
        b.remove("a2")
        amap = b.build()
    text = argdown.dumps(amap)
    assert "// attack self: [q] on itself" in text
    assert ("a2" in amap.attacks) == ("// attack a2: [q] on attack a1" in text)
    r = argdown.loads(text)
    assert {(a.source, a.target) for a in r.map.attacks.values()} == {("p", "q")}
    assert r.warnings == ()


def test_every_construct_in_one_file() -> None:
    r = read((DATA / "constructs.argdown").read_text(encoding="utf-8"))
    m = r.map
    assert r.warnings == ()
    assert (m.title, m.lang) == ("傘を持っていくか", "ja")
    forecast = next(c for c in m.claims.values() if c.text.startswith("天気予報"))
    assert forecast.kind is Kind.EVIDENCE and forecast.tags == ("天気",)  # a Japanese title gets s1
    assert m.claims["Rain"].kind is Kind.CONCLUSION and m.claims["Rain"].tags == ("天気",)
    assert m.claims["Soak"].kind is Kind.ASSUMPTION
    assert m.claims["Never-wet"].kind is Kind.HYPOTHESIS
    assert m.claims["Sunny-sky"].tags == ("天気", "observation")
    keep = m.inferences["Keep-dry"]
    assert (keep.premises, keep.conclusion, keep.scheme) == (("Rain", "Soak"), "Umbrella", "Modus ponens")
    supports = {(i.premises, i.conclusion) for i in m.inferences.values() if i.id != "Keep-dry"}
    assert supports == {((forecast.id,), "Rain"), (("Listed",), "Umbrella")}
    assert Counter((a.source, a.target) for a in m.attacks.values()) == Counter(
        {
            ("Sunny-sky", "Rain"): 1,
            ("Dry", "Rain"): 1,
            ("Rain", "Dry"): 1,
            ("Heavy-bag", "Keep-dry"): 1,
            ("Never-wet", "Keep-dry"): 1,
        }
    )


PIECES = st.sampled_from(
    [
        "[a]",
        "[a]:",
        "<b>",
        "<b>:",
        "(1)",
        "(2)",
        "----",
        "--",
        "-- r --",
        "+",
        "-",
        "_",
        "<+",
        "+>",
        "<-",
        "->",
        "<_",
        "_>",
        "><",
        "#",
        "#t",
        "#(t",
        ")",
        "{",
        "}",
        "{uses: [1, 9]}",
        "===",
        "---",
        "//",
        "/*",
        "*/",
        "<!--",
        "-->",
        "\\",
        "*",
        "1.",
        "@[a]",
        "x",
        "日本",
        "\t",
        "  ",
        "\n",
        "\n\n",
        "\r",
    ]
)


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(PIECES, st.text(max_size=3)), max_size=40).map("".join))
def test_fragments_of_argdown_never_crash(text: str) -> None:
    r = argdown.loads(text, name="f.argdown")
    assert isinstance(r.map, ArgumentMap)
    assert all(w.location is not None for w in r.warnings)


def test_half_a_surrogate_pair_is_replaced_with_a_warning() -> None:
    r = read("[a]: ok\n\n<b>\n(1) [a]\n-- x\ud800 --\n(2) [c]: y\ud800\n")
    assert r.map.inferences["b"].scheme == "x\ufffd"
    assert r.map.claims["c"].text == "y\ufffd"
    assert where(r) == [(5, 5)]


def test_front_matter_fields_that_do_not_fit_are_left_out_with_warnings() -> None:
    text = (
        "===\ntitle: t\ndate: yesterday\ndocument: [a]\nignore: {A: [AM305], Z: [AM101]}\n===\n\n[A]: Rain.\n"
    )
    r = read(text)
    assert (r.map.date, r.map.document, dict(r.map.ignore)) == (None, None, {"A": ("AM305",)})
    assert [w.message.split(" (")[0] for w in r.warnings] == [
        "the map's date is left out",
        "the map's document is left out",
        "the map's ignore is left out",
    ]
