"""The scaffold speaks its article's language: a Japanese article's draft has
Japanese notes, title and comment block, and Japanese lines on the terminal;
an English article's draft is as it has always been, whatever the locale."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.cli import main
from argmap.formats import loads
from argmap.i18n import LOCALE_VARIABLES
from argmap.scaffolding import Draft, draft, read_article
from argmap.scaffolding.draft import WHY
from tests.language import english_sentences

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "scaffold"
SEED = ROOT.parent / "shared" / "seed" / "000_0a022b3aaaa693fc.txt"
JAPANESE = [ROOT / "examples" / "articles" / "kitakawa-energy.txt", DATA / "ja_transit.txt", SEED]
ENGLISH = [DATA / "en_ports.txt", DATA / "en_water.txt"]

NO_LOCALE: dict[str, str | None] = dict.fromkeys(LOCALE_VARIABLES)
#: The comment line of a passage left out: "# 22-23 [why]: the passage".
PASSAGE = re.compile(r"# (\d+(?:-\d+)?) \[([^\]]*)\]: (.*)")


def scaffold(article: Path, *args: str, env: dict[str, str | None] | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["scaffold", str(article), *args], env=env or NO_LOCALE)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def article(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"the article is not at {path}")
    return path


def english_in(text: str) -> list[str]:
    """English phrases besides the command's name (``argmap scaffold:``)."""
    return english_sentences(text.replace("argmap scaffold:", " "))


def own_words(d: Draft) -> list[str]:
    """What the scaffold wrote in its own words on each element (its title and
    notes with the marker and the article's sentence taken out: those are
    the article's words, which may hold English such as NATO)."""
    out = [d.map.title.replace(d.map.title.split("：", 1)[-1], "")]
    elements = {**d.map.claims, **d.map.inferences}
    for eid, origin in d.origins.items():
        note = elements[eid].note or ""
        note = note.replace(" ".join(origin.sentence.split()), " ").replace(origin.marker, " ")
        out.append(note)
    return out


def comment_parts(text: str) -> tuple[list[str], list[tuple[str, str]]]:
    """The comment block of a written draft: its heading lines, and each
    passage's (why, passage)."""
    headings, passages = [], []
    for line in text.splitlines():
        if not line.startswith("#"):
            continue
        m = PASSAGE.fullmatch(line)
        if m:
            passages.append((m.group(2), m.group(3)))
        else:
            headings.append(line)
    return headings, passages


# ------------------------------------------------------------- Japanese


@pytest.mark.parametrize("path", JAPANESE, ids=lambda p: p.stem)
def test_a_japanese_articles_draft_is_written_in_japanese(tmp_path: Path, path: Path) -> None:
    out = tmp_path / "draft.argmap.yaml"
    code, stdout, stderr = scaffold(article(path), "-o", str(out))
    assert code == 0 and stdout == ""
    # the line on the terminal
    assert stderr.count("\n") == 1 and stderr.startswith(f"{out}: ")
    assert english_in(stderr.removeprefix(f"{out}: ")) == []
    # the comment block: its heading and why each passage was left out
    text = out.read_text(encoding="utf-8")
    headings, passages = comment_parts(text)
    assert headings and passages
    assert all(english_in(h) == [] for h in headings), headings
    whys = {why for why, _ in passages}
    assert all(english_in(w) == [] for w in whys), whys
    assert not whys & set(WHY)
    # the title and the notes
    d = draft(read_article(path))
    written = loads(text)
    assert (written.claims, written.inferences) == (d.map.claims, d.map.inferences)
    words = own_words(d)
    assert all(english_in(w) == [] for w in words), [w for w in words if english_in(w)]


def test_the_japanese_draft_does_not_depend_on_the_locale() -> None:
    path = article(JAPANESE[0])
    plain = scaffold(path)
    assert plain[0] == 0
    assert scaffold(path, env={**NO_LOCALE, "LANG": "en_US.UTF-8"}) == plain
    assert scaffold(path, env={**NO_LOCALE, "LANG": "ja_JP.UTF-8"}) == plain
    assert scaffold(path, "--lang", "ja") == plain


def test_a_japanese_drafts_comment_can_be_asked_for_in_english() -> None:
    d = draft(read_article(JAPANESE[0]))
    assert d.map.lang == "ja"
    headings, passages = comment_parts(d.comment("en"))
    assert headings == ["# Not in the map (line: text). Sentences with no marker may still matter:"]
    assert {why for why, _ in passages} <= set(WHY)
    assert comment_parts(d.comment())[0] != headings
    assert all(u.why in WHY for u in d.unmatched)  # the Python value stays a key in English


def test_the_warning_about_a_file_name_is_in_the_articles_language(tmp_path: Path) -> None:
    name = os.fsdecode("記事".encode() + b"\xff.txt")
    path = tmp_path / name
    path.write_text(
        "冨田大使は、日本は動いているとしています。\n以上から、妥当と判断されます。\n", encoding="utf-8"
    )
    out = tmp_path / "draft.argmap.yaml"
    code, _, stderr = scaffold(path, "-o", str(out))
    assert code == 0
    warning, summary = stderr.splitlines()
    assert "警告" in warning and english_in(warning) == []
    assert english_in(summary.removeprefix(f"{out}: ")) == []


def test_an_empty_article_is_reported_in_the_language_asked_for(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_text("\n \n", encoding="utf-8")
    code, _, stderr = scaffold(path, "--lang", "ja")
    assert code == 2 and stderr.startswith(f"{path}:1:1: ")
    assert english_in(stderr.removeprefix(f"{path}:1:1: ")) == []
    assert "the article is empty" in scaffold(path)[2]


# -------------------------------------------------------------- English


@pytest.mark.parametrize("path", ENGLISH, ids=lambda p: p.stem)
def test_an_english_articles_draft_is_english_whatever_the_locale(tmp_path: Path, path: Path) -> None:
    out = tmp_path / "draft.argmap.yaml"
    code, _, stderr = scaffold(path, "-o", str(out))
    assert code == 0
    assert stderr.startswith(f"{out}: drafted ") and stderr.isascii()
    text = out.read_text(encoding="utf-8")
    headings, passages = comment_parts(text)
    assert headings == ["# Not in the map (line: text). Sentences with no marker may still matter:"]
    assert {why for why, _ in passages} <= set(WHY)
    d = draft(read_article(path))
    assert d.map.title.startswith("Draft: ")
    assert all(
        (el.note or "").startswith("draft: ") for el in [*d.map.claims.values(), *d.map.inferences.values()]
    )
    japanese = CliRunner().invoke(
        main, ["scaffold", str(path), "-o", str(out)], env={**NO_LOCALE, "LANG": "ja_JP.UTF-8"}
    )
    assert japanese.exit_code == 0 and japanese.stderr == stderr
    assert out.read_text(encoding="utf-8") == text
