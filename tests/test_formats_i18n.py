"""The loader speaks the map's language, and understands what a Japanese input method types.

- every message is in the language chosen: ``lang=``, else the map's own
  ``lang:`` as the file writes it, else the language in force;
- the typing mistakes of a Japanese input method (a full-width colon or
  space, a long-vowel mark for a list item, no space after a colon, a
  hashtag read as a comment, full-width quotes) are reported on the line
  where they were typed, in the reader's language;
- Japanese kind names load as the kind they name and are written back in English.
"""

from __future__ import annotations

import json
import re
import textwrap
from pathlib import Path
from unittest import mock

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import argmap
from argmap import ArgmapError, Kind
from argmap.formats import json_schema, message_language, written_lang
from argmap.formats._fastjson import load_clean_json
from argmap.formats._rules import KIND_ALIASES, KIND_WORDS
from argmap.i18n import using
from tests.language import english_sentences
from tests.strategies import maps

JAPANESE = re.compile("[\u3040-\u30ff\u4e00-\u9fff]")


def located(text: str, fmt: argmap.formats.Format = "yaml", **kw: str) -> list[tuple[int, int, str]]:
    """The problems of a text that must not load, as (line, column, message)."""
    with pytest.raises(ArgmapError) as info:
        argmap.loads(text, fmt, name="m", **kw)
    out = []
    for p in info.value.problems:
        assert p.location is not None, p.message
        out.append((p.location.line, p.location.column, p.message))
    return out


def header(lang: str) -> str:
    return f"argmap: 1\ntitle: 雨の日\nlang: {lang}\n"


def column_of(text: str, line: int, needle: str) -> int:
    """The 1-based column of ``needle`` on 1-based ``line`` of ``text``."""
    return text.splitlines()[line - 1].index(needle) + 1


def line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


# -- typing mistakes, on their own line ---------------------------------------------

CLAIMS = "claims:\n  C1: {kind: conclusion, text: 傘を持つ}\n  E1:\n"

#: name -> (the claim E1 as typed, the line to point at, the text to point at on it,
#:          words the Japanese message must hold, words the English one must hold)
MISTAKES = {
    "full-width colon": (
        "    kind：evidence\n    text: 雨が降る\n",
        "kind：",
        "：",
        ["全角のコロン", "「: 」"],
        ["full-width colon", "': '"],
    ),
    "full-width colon on the last line": (
        "    text: 雨が降る\n    kind：evidence\n",
        "kind：",
        "：",
        ["全角のコロン"],
        ["full-width colon"],
    ),
    "no space after the colon": (
        "    kind:evidence\n    text: 雨が降る\n",
        "kind:evidence",
        "evidence",
        ["スペースがありません", "kind: evidence"],
        ["no space after the colon", "'kind: evidence'"],
    ),
    "a full-width space after the colon": (
        "    kind:\u3000evidence\n    text: 雨が降る\n",
        "kind:\u3000",
        "\u3000",
        ["全角スペース", "半角スペース"],
        ["full-width space follows the colon"],
    ),
    "a full-width space in the indentation": (
        "    kind: evidence\n  \u3000text: 雨が降る\n",
        "\u3000text:",
        "\u3000",
        ["字下げ", "全角スペース"],
        ["full-width space is used to indent"],
    ),
    "full-width spaces only as indentation": (
        "    kind: evidence\n\u3000\u3000text: 雨が降る\n",
        "\u3000text:",
        "\u3000",
        ["字下げ", "全角スペース"],
        ["full-width space is used to indent"],
    ),
    "a hashtag read as a comment": (
        "    kind: evidence\n    text: #MeToo運動が広がった\n",
        "#MeToo",
        "#",
        ["「#」", "囲んでください"],
        ["starts with '#'", "double quotes"],
    ),
    "full-width quotes around a text holding ': '": (
        "    kind: evidence\n    text: “大使: 開設に向けて調整中”\n",
        "“",
        "“",
        ["全角の引用符"],
        ["full-width quotes"],
    ),
    "a ': ' inside a text": (
        "    kind: evidence\n    text: 大使の発言: 開設に向けて調整中\n",
        "大使の発言",
        ": 開設",
        ["「: 」", "囲む"],
        ["': '", "double quotes"],
    ),
    "full-width colon in a flow mapping": (
        "    {kind：evidence, text: 雨が降る}\n",
        "kind：",
        "：",
        ["全角のコロン"],
        ["full-width colon"],
    ),
    "no space after the colon in a flow mapping": (
        "    {kind:evidence, text: 雨が降る}\n",
        "kind:evidence",
        "evidence",
        ["スペースがありません"],
        ["no space after the colon"],
    ),
}


@pytest.mark.parametrize("name", list(MISTAKES))
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_typing_mistake_is_reported_where_it_was_typed(name: str, lang: str) -> None:
    claim, on_line, at, ja_words, en_words = MISTAKES[name]
    text = header(lang) + CLAIMS + claim
    (problem,) = located(text)
    line, column, message = problem
    assert line == line_of(text, on_line), message
    assert column == column_of(text, line, at), message
    words = ja_words if lang == "ja" else en_words
    assert all(w in message for w in words), message
    if lang == "ja":
        assert english_sentences(message) == [], message
    else:
        assert JAPANESE.search(message.replace("：", "")) is None, message


@pytest.mark.parametrize("dash", ["ー", "－", "―", "‐", "—"])
@pytest.mark.parametrize("field", ["from", "tags"])
def test_a_dash_typed_for_a_list_mark_is_reported_on_each_item(dash: str, field: str) -> None:
    items = f"      {dash} E1\n      {dash}\u3000E2\n"
    inference = f"    {field}:\n{items}" + (
        "    to: C1\n" if field == "from" else "    from: [E1]\n    to: C1\n"
    )
    text = header("ja") + CLAIMS + "    {kind: evidence, text: 雨}\n  E2: {kind: evidence, text: 風}\n"
    text += "inferences:\n  I1:\n" + inference
    found = located(text)
    first = line_of(text, f"{dash} E1")
    assert [(line, column) for line, column, _m in found] == [(first, 7), (first + 1, 7)]
    for _line, _column, message in found:
        assert f"「{dash}」" in message and "「-」" in message
        assert english_sentences(message) == []


def test_a_dash_in_a_text_is_a_dash() -> None:
    """A long-vowel mark or dash that starts a line of a text is not a list mark."""
    text = header("ja") + textwrap.dedent("""\
        claims:
          E1:
            kind: evidence
            text:
              ――と大使は述べた
            note: |
              ー 一つ目の注意
              ー 二つ目の注意
        """)
    m = argmap.loads(text)
    assert m.claims["E1"].text == "――と大使は述べた"
    assert m.claims["E1"].note == "ー 一つ目の注意\nー 二つ目の注意\n"


def test_full_width_characters_inside_a_text_load_as_written() -> None:
    text = header("ja") + "claims:\n  E1: {kind: evidence, text: 注：「NATO」の連絡事務所}\n"
    text += "  E2:\n    kind: evidence\n    text: “大使”は「調整中」と述べた\n"
    m = argmap.loads(text)
    assert m.claims["E1"].text == "注：「NATO」の連絡事務所"
    assert m.claims["E2"].text == "“大使”は「調整中」と述べた"


def test_a_hashtag_in_an_optional_text_is_not_lost_silently() -> None:
    text = header("ja") + "claims:\n  E1:\n    kind: evidence\n    text: 雨\n    note: #拡散希望\n"
    ((line, column, message),) = located(text)
    assert (line, column) == (line_of(text, "note:"), column_of(text, line_of(text, "note:"), "#"))
    assert "note" in message


def test_a_comment_after_an_empty_optional_value_is_a_comment() -> None:
    text = header("ja") + "date:   # あとで書く\nclaims:\n  E1: {kind: evidence, text: 雨}\n"
    assert argmap.loads(text).date is None


def test_several_mistakes_are_each_reported_and_what_they_caused_is_not() -> None:
    text = header("ja") + textwrap.dedent("""\
        claims:
          E1:
            kind：evidence
            text: 雨が降る
          C1:
            kind:conclusion
            text: 傘を持つ
        """)
    found = located(text)
    assert [line for line, _c, _m in found] == [line_of(text, "kind："), line_of(text, "kind:conclusion")]
    assert all(english_sentences(m) == [] for _l, _c, m in found)


def test_a_mistake_in_a_map_that_parses_replaces_what_it_caused() -> None:
    """In a flow mapping, ``kind：evidence`` is a key: without the mistake
    found, the map would report an unknown field and a missing kind."""
    text = header("en") + "claims:\n  E1: {kind：evidence, text: rain}\n"
    ((line, column, message),) = located(text)
    assert (line, column) == (5, column_of(text, 5, "："))
    assert "unknown field" not in message and "missing" not in message


def test_a_tab_in_the_indentation_is_said_in_japanese() -> None:
    text = header("ja") + "claims:\n  E1:\n    kind: evidence\n\ttext: a\n"
    ((line, column, message),) = located(text)
    assert (line, column) == (7, 1)
    assert "タブ" in message and english_sentences(message) == []


@pytest.mark.parametrize(
    ("typed", "ascii_char"), [("：", ":"), ("，", ","), ("“", '"'), ("｝", "}"), ("\u3000", " ")]
)
def test_a_full_width_character_in_json_is_said_where_it_is(typed: str, ascii_char: str) -> None:
    good = '{"argmap": 1, "lang": "ja", "title": "t", "claims": {}}'
    where = {":": good.index(": 1"), ",": good.index(", "), '"': good.index('"t"'), "}": len(good) - 1}
    where[" "] = good.index(' "lang"')
    i = where[ascii_char]
    text = good[:i] + typed + good[i + 1 :]
    ((line, column, message),) = located(text, "json")
    assert (line, column) == (1, i + 1)
    assert "全角" in message and english_sentences(message) == []


def test_mistakes_never_hang_or_crash_on_odd_texts() -> None:
    odd = [
        "ー\n",
        "：\n",
        "\u3000\n",
        "a:\n\u3000\u3000ー\n",
        "{kind：a, kind:b, ：：}\n",
        "from:\n  ー\n  ー ー ー\n",
        "note: |\n  ー a\n\u3000ー b\n",
        "\r\n".join(["claims:", "  E1:", "    kind：evidence", "    text: a"]),
        "\r".join(["claims:", "  E1:", "    kind：evidence", "    text: a"]),
        "x: 1\u2028kind：a\u2029",
        "kind：" * 10_000,
        "- ー\n" * 2_000 + "kind：x\n",
    ]
    for text in odd:
        with pytest.raises(ArgmapError) as info:
            argmap.loads(text, name="m")
        for p in info.value.problems:
            assert p.location is not None
            assert 1 <= p.location.line <= len(re.split("\r\n|[\n\r\u2028\u2029]", text))


def test_a_mistake_on_a_crlf_or_cr_line_is_on_its_line() -> None:
    for newline in ("\r\n", "\r"):
        text = newline.join(
            ["argmap: 1", "title: t", "lang: ja", "claims:", "  E1:", "    kind：evidence", "    text: a", ""]
        )
        ((line, column, _message),) = located(text)
        assert (line, column) == (6, 9)


# -- the language of the messages -------------------------------------------------

#: Bad maps: each holds one kind of problem the loader reports.
BAD = {
    "unknown field": "claims:\n  E1: {kind: evidence, text: 雨, txt: a}\n",
    "unknown field at the top": "titel: x\nclaims: {}\n",
    "bad kind": "claims:\n  E1: {kind: evidense, text: 雨}\n",
    "a word that is no kind": "claims:\n  E1: {kind: 主張, text: 雨}\n",
    "missing text": "claims:\n  E1: {kind: evidence}\n",
    "empty text": "claims:\n  E1: {kind: evidence, text: }\n",
    "bad reference": "claims:\n  E1: {kind: evidence, text: 雨}\n  C1: {kind: conclusion, text: 傘}\n"
    "inferences:\n  I1: {from: [E2], to: C1}\n",
    "reference to the wrong kind": "claims:\n  E1: {kind: evidence, text: 雨}\n  C1: {kind: conclusion, text: 傘}\n"
    "inferences:\n  I1: {from: [E1], to: C1}\nattacks:\n  X1: {from: I1, to: C1}\n",
    "bad date": "date: 2023-13-01\nclaims: {}\n",
    "a date that is no date": "date: 2023年5月9日\nclaims: {}\n",
    "a date in full-width digits": "date: ２０２３-０５-０９\nclaims: {}\n",
    "duplicate id": "claims:\n  E1: {kind: evidence, text: 雨}\nattacks:\n  E1: {from: E1, to: E1}\n",
    "duplicate key": "claims:\n  E1: {kind: evidence, text: 雨}\n  E1: {kind: evidence, text: 風}\n",
    "bad id": "claims:\n  1st: {kind: evidence, text: 雨}\n",
    "bad true/false": "claims:\n  E1: {kind: evidence, text: 雨, conditional: はい}\n",
    "bad strength": "claims:\n  E1: {kind: evidence, text: 雨}\n  C1: {kind: conclusion, text: 傘}\n"
    "inferences:\n  I1: {from: [E1], to: C1, strength: 1.5}\n",
    "a strength in full-width digits": "claims:\n  E1: {kind: evidence, text: 雨}\n  C1: {kind: conclusion, text: 傘}\n"
    "inferences:\n  I1: {from: [E1], to: C1, strength: ０.５}\n",
    "ignore of no element": "claims:\n  E1: {kind: evidence, text: 雨}\nignore:\n  C9: [weak-relevance]\n",
    "claims as a list": "claims:\n  - 雨\n",
    "a claim as a text": "claims:\n  E1: 雨\n",
    "tags as a mapping": "claims:\n  E1: {kind: evidence, text: 雨, tags: {a: b}}\n",
    "an anchor": "claims:\n  E1: &x {kind: evidence, text: 雨}\n",
    "a tag": "claims:\n  E1: !!map {kind: evidence, text: 雨}\n",
    "an unclosed flow mapping": "claims:\n  E1: {kind: evidence, text: 雨\n",
    "an unclosed quote": 'claims:\n  E1: {kind: evidence, text: "雨}\n',
    "a bad indentation": "claims:\n  E1:\n    kind: evidence\n   text: 雨\n",
    "a control character": "claims:\n  E1: {kind: evidence, text: 雨\x01}\n",
    "a bad version": "claims: {}\n",
}


def bad_map(name: str, lang: str = "ja") -> str:
    body = BAD[name]
    head = header(lang)
    if name == "a bad version":
        head = head.replace("argmap: 1", "argmap: 2")
    return head + body


@pytest.mark.parametrize("name", list(BAD))
def test_a_japanese_map_is_told_in_japanese(name: str) -> None:
    found = located(bad_map(name))
    for _line, _column, message in found:
        assert english_sentences(message) == [], message
        assert JAPANESE.search(message), message


@pytest.mark.parametrize("name", list(BAD))
def test_an_english_map_is_told_in_english(name: str) -> None:
    for _line, _column, message in located(bad_map(name, "en")):
        assert not JAPANESE.search(re.sub(r"'[^']*'", "", message)), message


@pytest.mark.parametrize("name", ["bad kind", "missing text", "bad reference", "duplicate id"])
def test_the_message_is_on_the_same_place_in_either_language(name: str) -> None:
    ja = located(bad_map(name, "ja"))
    en = located(bad_map(name, "en"))
    assert [(line, column) for line, column, _m in ja] == [(line, column) for line, column, _m in en]


def test_a_suggestion_is_made_in_japanese_too() -> None:
    ((_line, _column, message),) = located(bad_map("bad kind"))
    assert "'evidence' のまちがいですか？" in message
    assert "evidence（証拠）" in message  # the Japanese names beside the English ones
    text = header("ja") + "claims:\n  E1: {kind: evidence, text: 雨}\n  C1: {kind: conclusion, text: 傘}\n"
    text += "inferences:\n  I1: {from: [E11], to: C1}\n"
    ((_line, _column, message),) = located(text)
    assert "'E1' のまちがいですか？" in message


def test_lang_overrides_the_map() -> None:
    ja_map = bad_map("bad kind", "ja")
    en_map = bad_map("bad kind", "en")
    ((_l, _c, told),) = located(ja_map, lang="en")
    assert "unknown kind" in told
    ((_l, _c, told),) = located(en_map, lang="ja")
    assert "種類はありません" in told


def test_without_a_lang_in_the_file_the_language_in_force_speaks() -> None:
    text = "argmap: 1\ntitle: t\nclaims:\n  E1: {kind: evidense, text: a}\n"
    with using("ja"):
        ((_l, _c, told),) = located(text)
    assert "種類はありません" in told
    with using("en"):
        ((_l, _c, told),) = located(text)
    assert "unknown kind" in told


def test_the_map_lang_wins_over_the_language_in_force() -> None:
    with using("en"):
        ((_l, _c, told),) = located(bad_map("bad kind", "ja"))
    assert "種類はありません" in told
    with using("ja"):
        ((_l, _c, told),) = located(bad_map("bad kind", "en-GB"))
    assert "unknown kind" in told


def test_a_language_argmap_does_not_speak_gives_english() -> None:
    with using("ja"):
        ((_l, _c, told),) = located(bad_map("bad kind", "fr"))
    assert "unknown kind" in told


def test_a_file_that_does_not_parse_still_has_its_language() -> None:
    text = "argmap: 1\nlang: ja\ntitle: t\nclaims:\n  E1: {kind: evidence, text: a\n"
    with using("en"):
        found = located(text)
    assert all(english_sentences(m) == [] and JAPANESE.search(m) for _l, _c, m in found)


@pytest.mark.parametrize(
    ("text", "fmt", "written"),
    [
        ("argmap: 1\nlang: ja\n", "yaml", "ja"),
        ("lang: 'ja-JP'\n", "yaml", "ja-JP"),
        ("lang：ja\n", "yaml", "ja"),
        ("lang:\u3000ja\n", "yaml", "ja"),
        ("claims:\n  lang: ja\n", "yaml", None),
        ("# lang: ja\n", "yaml", None),
        ('{"title": "t", "lang": "ja"}', "json", "ja"),
        ('{"title": "say \\"lang\\": \\"ja\\""}', "json", None),
    ],
)
def test_the_language_written_in_a_file_is_found_without_parsing(
    text: str, fmt: argmap.formats.Format, written: str | None
) -> None:
    assert written_lang(text, fmt) == written
    assert written_lang(text.encode(), fmt) == written


def test_a_language_name_written_for_its_tag_still_chooses_the_language() -> None:
    assert message_language("lang: 日本語\n") == "ja"
    ((_l, _c, told),) = located("argmap: 1\ntitle: t\nlang: 日本語\nclaims: {}\n")
    assert "'ja' のまちがいですか？" in told


def test_load_takes_lang(tmp_path: Path) -> None:
    path = tmp_path / "m.argmap.yaml"
    path.write_text(bad_map("bad kind", "en"), encoding="utf-8")
    with pytest.raises(ArgmapError) as info:
        argmap.load(path, lang="ja")
    assert "種類はありません" in info.value.problems[0].message
    with pytest.raises(ArgmapError) as info:
        argmap.load(path)
    assert "unknown kind" in info.value.problems[0].message
    with pytest.raises(ValueError, match="lang must be one of"):
        argmap.load(path, lang="fr")


def test_the_language_in_force_is_restored_after_loading() -> None:
    with using("en"):
        with pytest.raises(ArgmapError):
            argmap.loads(bad_map("bad kind", "ja"))
        from argmap.i18n import current

        assert current() == "en"


# -- kinds in Japanese ----------------------------------------------------------------

ALIASES = sorted(KIND_ALIASES.items())


@pytest.mark.parametrize(("word", "kind"), ALIASES)
def test_a_japanese_kind_loads_as_its_kind_and_is_written_in_english(word: str, kind: Kind) -> None:
    text = header("ja") + f"claims:\n  E1: {{kind: {word}, text: 雨}}\n"
    m = argmap.loads(text)
    assert m.claims["E1"].kind is kind
    for fmt in ("yaml", "json"):
        written = argmap.dumps(m, fmt)  # type: ignore[arg-type]
        assert word not in written
        assert argmap.loads(written, fmt) == m  # type: ignore[arg-type]
    tree = json.loads(argmap.dumps(m, "json"))
    tree["claims"]["E1"]["kind"] = word
    as_json = json.dumps(tree, ensure_ascii=False)
    assert load_clean_json(as_json, "m.json") == m  # the quick path
    with mock.patch("argmap.formats.load_clean_json", return_value=None):
        assert argmap.loads(as_json, "json") == m  # the careful path
    jsonschema.validate(tree, json_schema())  # the schema accepts what the loader does


def test_the_flagship_loads_with_japanese_kinds() -> None:
    flagship = Path(__file__).resolve().parent.parent / "examples" / "nato-tokyo" / "map.argmap.yaml"
    m = argmap.load(flagship)
    names = {kind: word for word, kind in KIND_ALIASES.items()}
    assert set(names) == set(Kind)  # every kind has a Japanese name
    tree = json.loads(argmap.dumps(m, "json"))
    for claim in tree["claims"].values():
        claim["kind"] = names[Kind(claim["kind"])]
    text = json.dumps(tree, ensure_ascii=False)
    assert argmap.loads(text, "json") == m


def test_a_word_that_is_no_kind_is_refused_by_both_paths_and_the_schema() -> None:
    tree = {"argmap": 1, "title": "t", "claims": {"E1": {"kind": "主張", "text": "a"}}}
    text = json.dumps(tree, ensure_ascii=False)
    assert load_clean_json(text, "m.json") is None
    with pytest.raises(ArgmapError):
        argmap.loads(text, "json")
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(tree, json_schema())


def test_every_kind_word_is_documented() -> None:
    doc = (Path(__file__).resolve().parent.parent / "docs" / "format.md").read_text(encoding="utf-8")
    for word in KIND_WORDS:
        assert f"`{word}`" in doc, word


@settings(max_examples=150, deadline=None)
@given(maps(), st.data())
def test_the_quick_and_careful_paths_agree_with_japanese_kinds(
    m: argmap.ArgumentMap, data: st.DataObject
) -> None:
    tree = json.loads(argmap.dumps(m, "json"))
    words = [*KIND_WORDS, "主張", "Evidence", "ｅｖｉｄｅｎｃｅ", ""]
    for claim in tree["claims"].values():
        if data.draw(st.booleans()):
            claim["kind"] = data.draw(st.sampled_from(words))
    text = json.dumps(tree, ensure_ascii=False)
    quick = load_clean_json(text, "m.json")
    try:
        with mock.patch("argmap.formats.load_clean_json", return_value=None):
            careful = argmap.loads(text, "json", name="m.json")
    except ArgmapError:
        assert quick is None
        assert any(c["kind"] not in KIND_WORDS for c in tree["claims"].values())
    else:
        assert quick is None or quick == careful
        assert all(careful.claims[i].kind is KIND_WORDS[c["kind"]] for i, c in tree["claims"].items())
        # and YAML reads the same words the same way
        assert argmap.loads(argmap.dumps(careful)) == careful


def test_mistakes_after_a_syntax_error_are_each_reported_on_their_line() -> None:
    text = header("ja") + textwrap.dedent("""\
        claims:
          E1:
            kind：証拠
            text: 日本は連絡事務所を開設する方向で動いている
          C1:
            kind: 結論
            text: #NATO 連絡事務所は加盟とは別の話
        inferences:
          I1:
            from:
              ー E1
            to: C1
        """)
    found = located(text)
    assert [(line, column) for line, column, _m in found] == [
        (line_of(text, "kind："), column_of(text, line_of(text, "kind："), "：")),
        (line_of(text, "#NATO"), column_of(text, line_of(text, "#NATO"), "#")),
        (line_of(text, "ー E1"), column_of(text, line_of(text, "ー E1"), "ー")),
    ]
    assert all(english_sentences(m) == [] for _l, _c, m in found)
