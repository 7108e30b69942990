"""The scaffold against hostile input: wrong types, odd characters, sizes and shapes.

Whatever the article, the draft loads back (``argmap.loads``) as the map it
is, holds no character YAML cannot carry, and is made in time that grows with
the article (the pathological shapes here took minutes before).
"""

from __future__ import annotations

import os
import re
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import argmap
from argmap.cli import main
from argmap.errors import ArgmapError
from argmap.formats import loads
from argmap.model import Document, Kind
from argmap.scaffolding import draft, read_article, scaffold
from argmap.scaffolding.draft import PARAGRAPH_PREMISES
from argmap.scaffolding.lexicon import lexicon

# ------------------------------------------------------------ wrong types

# Typed as Any: these calls break the signatures on purpose.
_scaffold: Any = scaffold
_draft: Any = draft
_read_article: Any = read_article
_lexicon: Any = lexicon
_argmap_scaffold: Any = argmap.scaffold


@pytest.mark.parametrize(
    ("call", "words"),
    [
        (
            lambda: _scaffold(b"The minister said that rates would rise."),
            ["scaffold()", "str", "bytes", "decode"],
        ),
        (lambda: _argmap_scaffold(bytearray(b"x")), ["scaffold()", "str", "bytearray"]),
        (lambda: _scaffold(None), ["scaffold()", "str", "NoneType"]),
        (lambda: _scaffold(12), ["scaffold()", "str", "int"]),
        (lambda: _scaffold("text", 3), ["scaffold()", "lang", "int"]),
        (lambda: _draft(["a list"]), ["draft()", "str", "list"]),
        (lambda: _draft("text", "en", document="a.txt"), ["draft()", "document", "str"]),
        (lambda: _read_article(None), ["read_article()", "path", "NoneType"]),
        (lambda: _read_article(3), ["read_article()", "path", "int"]),
        (lambda: _read_article(b"/tmp/a.txt"), ["read_article()", "path", "bytes"]),
        (lambda: _lexicon(None), ["lexicon()", "str", "NoneType"]),
    ],
)
def test_wrong_types_are_a_plain_type_error(call: Any, words: list[str]) -> None:
    with pytest.raises(TypeError) as info:
        call()
    message = str(info.value)
    assert all(w in message for w in words), message


@pytest.mark.parametrize(
    "call",
    [
        lambda: _draft("The minister said that rates would rise.", lang="xx"),
        lambda: _scaffold("text", "EN"),
        lambda: _scaffold("text", ""),
        lambda: _lexicon("fr"),
    ],
)
def test_an_unknown_language_is_an_argmap_error(call: Any) -> None:
    with pytest.raises(ArgmapError) as info:
        call()
    message = str(info.value)
    assert "language" in message and "ja" in message and "en" in message


def test_a_bad_max_bytes_is_a_type_error(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("The minister said that rates would rise.\n", encoding="utf-8")
    with pytest.raises(TypeError, match="max_bytes"):
        _read_article(article, "1")
    assert draft(read_article(os.fspath(article)), document=Document(file="a.txt")).map.claims


# ------------------------------------------------------------ odd articles


def _loads_back(text: str, lang: str | None = None) -> argmap.ArgumentMap:
    d = draft(text, lang)
    written = d.to_yaml()
    written.encode("utf-8")  # never a lone surrogate
    assert loads(written) == d.map
    return d.map


def test_only_whitespace_gives_an_empty_map() -> None:
    for text in ("   ", "\n\n\t\n", "\u3000\u3000\n \n", "\r\r\n\r"):
        m = _loads_back(text)
        assert dict(m.claims) == {}


def test_only_urls_are_listed_as_sources_with_no_statement() -> None:
    urls = [f"https://example.org/{i}" for i in range(5)]
    d = draft("\n".join(urls) + "\n", "en")
    assert dict(d.map.claims) == {}
    assert [u.why for u in d.unmatched] == ["source with no statement before it"] * 5
    assert all(url in " ".join(u.text for u in d.unmatched) for url in urls)


def test_control_characters_and_nul_never_reach_the_draft() -> None:
    text = (
        "The minister\x00 said that\x1b rates\x07 would\x7f rise\x9b.\n\x0c以上から、\x00妥当と判断されます。"
    )
    for lang in ("en", "ja"):
        d = draft(text, lang)
        m = _loads_back(text, lang)
        strings = [c.text for c in m.claims.values()] + [c.note or "" for c in m.claims.values()]
        strings += [u.text for u in d.unmatched]
        for s in strings:
            assert not [ch for ch in s if unicodedata.category(ch) == "Cc" and ch != "\n"], s
    assert draft(text, "en").map.claims["E1"].text == "rates would rise"


def test_lone_surrogates_and_non_characters_become_spaces() -> None:
    text = "2023.05.09大使は、日本は\ud800東京に\udfff動いている\ufffeとしています。"
    m = _loads_back(text, "ja")
    assert m.claims["E1"].text.replace(" ", "") == "日本は東京に動いている"


@pytest.mark.parametrize("end", ["\r", "\r\n", "\n"])
def test_every_line_ending_ends_a_line(end: str) -> None:
    lines = [
        "The minister said that rates would rise.",
        "",
        "https://example.com/rates",
        "Rates | Daily",
        "",
        "Therefore, borrowing will cost more.",
    ]
    d = draft(end.join(lines), "en")
    assert [(c.id, d.origins[c.id].line) for c in d.map.claims.values()] == [("E1", 1), ("C1", 6)]
    source = d.map.claims["E1"].source
    assert source is not None and (source.url, source.title) == ("https://example.com/rates", "Rates | Daily")


def test_deep_quote_nesting() -> None:
    depth = 50_000
    text = (
        "大使は、" + "「" * depth + "日本" + "」" * depth + "としています。\n以上から、妥当と判断されます。"
    )
    m = _loads_back(text, "ja")
    assert [c.kind for c in m.claims.values()] == [Kind.EVIDENCE, Kind.CONCLUSION]
    assert m.claims["E1"].text.count("「") == depth


MB = 1_000_000


@pytest.mark.parametrize(
    ("make", "lang"),
    [
        # many quoted pieces and reporting verbs in one sentence
        (lambda: '"a, b," c said, ' * (MB // 16), "en"),
        (lambda: "the minister said that prices rise, " * (MB // 36), "en"),
        (lambda: "if a, b would c if d, " * (MB // 22), "en"),
        (lambda: 'x, " said y ' * (MB // 12), "en"),
        (lambda: "( " * (MB // 2), "en"),
        (lambda: "大使は、日本は動いている" * (MB // 36), "ja"),
        (lambda: "「『（" * (MB // 9), "ja"),
        # openers, then closers of another kind: none pairs, none may search them all
        (lambda: "「" * (MB // 6) + "』" * (MB // 6), "ja"),
        (lambda: "(" * (MB // 2) + "]" * (MB // 2) + ")" * 10, "en"),
        # bracketed links, runs of quotes and of spaces: each used to be read once per character
        (lambda: "(https://" * (MB // 9), "en"),
        (lambda: "（https://" * (MB // 9) + "としています。", "ja"),
        (lambda: "a" + '"' * MB + " b said", "en"),
        (lambda: "日本" + " " * MB + "は", "ja"),
    ],
)
def test_one_huge_line_with_no_sentence_end(make: Any, lang: str) -> None:
    text = make()  # about 1 MB on one line, one sentence
    d = draft(text, lang)
    assert len(d.map.claims) + len(d.unmatched) >= 1
    assert loads(d.to_yaml()) == d.map


def test_a_judgment_rests_on_at_most_a_few_claims_of_its_paragraph() -> None:
    statements = [f"Official {i} said that output fell by {i}%." for i in range(40)]
    text = " ".join([*statements, "Prices will probably rise."])  # one paragraph
    m = scaffold(text, "en")
    (inference,) = m.inferences.values()
    evidence = [c.id for c in m.claims.values() if c.kind is Kind.EVIDENCE]
    assert len(evidence) == 40
    assert inference.premises == tuple(evidence[-PARAGRAPH_PREMISES:])


# ------------------------------------------------------------ properties

# Characters of every sort an article may hold: the markers' scripts, quotes,
# control characters, NUL, separators, surrogates, non-characters, emoji.
ODD = st.characters(codec=None, categories=None)
PIECES = st.sampled_from(
    [
        "としています。",
        "と判断されます。",
        "以上から、",
        "もし、",
        "すれば、",
        " said that ",
        "Therefore, ",
        "If it rains, ",
        "\nhttps://example.org/x?a=1\n",
        "Title | Paper\n",
        "May 5, 2023",
        "2023.05.09",
        "「",
        "」",
        '"',
        "\n\n",
        "\r",
        "\r\n",
        "\x00",
        "\x1b[2J",
        "\u2028",
        "\x85",
        "\ud800",
        "\ufeff",
        "\uffff",
        "#",
        ": ",
        "- ",
        "&a *a !x |",
        "'",
        "\\",
    ]
)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.one_of(PIECES, st.text(ODD, max_size=6)), max_size=30), st.sampled_from(["ja", "en", None])
)
def test_any_article_drafts_to_yaml_that_loads(pieces: list[str], lang: str | None) -> None:
    _loads_back("".join(pieces), lang)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.one_of(PIECES, st.text(ODD, max_size=6)), min_size=1, max_size=30))
def test_the_draft_written_by_the_command_always_loads(tmp_path: Path, pieces: list[str]) -> None:
    text = "".join(pieces)
    article = tmp_path / "article.txt"
    article.write_bytes(text.encode("utf-8", "surrogatepass"))
    out = tmp_path / "draft.argmap.yaml"
    out.unlink(missing_ok=True)
    result = CliRunner().invoke(main, ["scaffold", str(article), "-o", str(out)])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    if result.exit_code == 2:  # not UTF-8 (a surrogate) or nothing but spaces: one located line
        assert result.stderr.startswith(f"{article}:") and result.stderr.count("\n") == 1
        assert not out.exists()
        return
    assert result.exit_code == 0, result.stderr
    amap = argmap.loads(out.read_text(encoding="utf-8"))
    assert amap.document is not None and amap.document.file == "article.txt"
    stdout = CliRunner().invoke(main, ["scaffold", str(article), "-o", "-"]).stdout
    assert argmap.loads(stdout).claims == amap.claims


def test_the_command_escapes_file_names_and_survives_names_that_are_not_utf8(tmp_path: Path) -> None:
    name = os.fsdecode(b"a\xff\x1b[2J.txt")
    article = tmp_path / name
    article.write_text("The minister said that rates would rise.\n", encoding="utf-8")
    out = tmp_path / "o\x1b]0;x\x07.yaml"
    result = CliRunner().invoke(main, ["scaffold", str(article), "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f]", result.stderr), result.stderr
    assert "not UTF-8" in result.stderr
    amap = argmap.load(out)
    assert amap.claims["E1"].text == "rates would rise"
