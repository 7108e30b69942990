"""``argmap worksheet``: the map file, the HTML handout and the PDF, and every way they can go wrong."""

from __future__ import annotations

import html.parser
import os
import re
import sys
import zlib
from pathlib import Path

import pytest
from click.testing import CliRunner

import argmap
from argmap.cli import main
from argmap.exercises.handout import MAX_ARTICLE_CHARS
from argmap.model import Kind
from tests.language import EN, JA, english_sentences

ROOT = Path(__file__).resolve().parent.parent
FLAGSHIP = ROOT / "examples" / "nato-tokyo" / "map.argmap.yaml"

KEY = """\
argmap: 1
title: 下書き：雨と地面
lang: ja
document:
  title: 六月の天気
  file: texts/article.txt
claims:
  P1:
    kind: premise
    text: 六月は毎日雨が降る
    note: 生徒：本当に「毎日」でしょうか
  A1:
    kind: assumption
    text: 雨が降ると地面がぬれる
    note: 答え：雨と地面を結ぶ前提
  C1:
    kind: conclusion
    text: 六月はいつも地面がぬれている
inferences:
  I1:
    from: [P1, A1]
    to: C1
    marker: だから
"""

ARTICLE = """\
天気のはなし

今年の六月は毎日雨が降ると予報されています。
公園のあじさいがきれいです。
だから、六月はいつも地面がぬれているといえます。

おわり
"""


def run(
    *args: str, env: dict[str, str | None] | None = None, cwd: Path | None = None
) -> tuple[int, str, str]:
    old = os.getcwd()
    if cwd is not None:
        os.chdir(cwd)
    try:
        result = CliRunner(env=env or EN).invoke(main, list(args))
    finally:
        os.chdir(old)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def key(tmp_path: Path) -> Path:
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "article.txt").write_text(ARTICLE, encoding="utf-8")
    path = tmp_path / "key.argmap.yaml"
    path.write_text(KEY, encoding="utf-8")
    return path


class Page(html.parser.HTMLParser):
    """The parts of a handout a test looks at."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []
        self.lang: str | None = None
        self.scripts = 0
        self.questions = 0
        self.lines = 0
        self._in: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        self.tags.append(tag)
        if tag == "html":
            self.lang = a.get("lang")
        if tag == "script":
            self.scripts += 1
        if tag in ("style", "title"):
            self._skip += 1
        if tag == "li" and self._in and self._in[-1] == "questions":
            self.questions += 1
        if tag == "ol" and a.get("class") == "questions":
            self._in.append("questions")
        if tag == "div" and a.get("class") == "line":
            self.lines += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "ol" and self._in:
            self._in.pop()
        if tag in ("style", "title"):
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.text.append(data)


def page(text: str) -> Page:
    p = Page()
    p.feed(text)
    return p


def test_the_map_file_goes_to_standard_output_and_loads(key: Path) -> None:
    code, out, err = run("worksheet", str(key))
    assert code == 0, err
    ws = argmap.loads(out)
    assert ws.title == "雨と地面"
    assert ws.claims["A1"].blank and ws.claims["A1"].text == ""
    assert ws.claims["P1"].note == "本当に「毎日」でしょうか"
    assert "雨と地面を結ぶ前提" not in out  # the teacher's note stays with the teacher
    assert out.startswith("# ") and "①" in out
    assert not english_sentences(out.partition("argmap: 1")[0])


def test_the_map_file_written_elsewhere_still_finds_the_article(key: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "class" / "week1"
    elsewhere.mkdir(parents=True)
    out = elsewhere / "ws.argmap.yaml"
    code, stdout, err = run("worksheet", str(key), "-o", str(out))
    assert code == 0, err
    assert stdout.strip() == str(out)
    document = argmap.load(out).document
    assert document is not None and document.file is not None
    assert (out.parent / document.file).resolve() == (key.parent / "texts" / "article.txt").resolve()
    # and from standard output, relative to where the command ran
    code, stdout, err = run("worksheet", str(key), cwd=elsewhere)
    document = argmap.loads(stdout).document
    assert document is not None and document.file is not None
    assert (elsewhere / document.file).resolve() == (key.parent / "texts" / "article.txt").resolve()


def test_the_handout_has_the_task_the_article_the_diagram_and_the_questions(
    key: Path, tmp_path: Path
) -> None:
    out = tmp_path / "handout.html"
    code, _, err = run("worksheet", str(key), "-o", str(out), "--hide", "assumptions,links")
    assert code == 0, err
    text = out.read_text(encoding="utf-8")
    p = page(text)
    assert p.lang == "ja" and p.scripts == 0
    assert "<svg" in text and "種類は？" not in text
    body = "".join(p.text)
    # the article's lines the map comes from, in order, and a mark where lines are left out
    assert body.index("毎日雨が降る") < body.index("地面がぬれている")
    assert "あじさい" not in body and "［…］" in body
    # a question per blank and per step to link, each with lines to write on
    assert p.questions == 2
    assert p.lines == 2 * 3
    assert "本当に「毎日」でしょうか" in body  # the note for students
    assert "雨と地面を結ぶ前提" not in body
    assert "size: A4" in text
    assert not english_sentences(body), english_sentences(body)


def test_the_handout_speaks_english_when_asked(key: Path, tmp_path: Path) -> None:
    out = tmp_path / "handout.html"
    code, _, err = run("worksheet", str(key), "-o", str(out), "--lang", "en")
    assert code == 0, err
    p = page(out.read_text(encoding="utf-8"))
    assert p.lang == "en"
    body = "".join(p.text)
    assert "Questions" in body and "問い" not in body


def test_a_long_article_without_the_maps_claims_is_printed_cut_with_a_note(key: Path, tmp_path: Path) -> None:
    (key.parent / "texts" / "article.txt").write_text("あ" * (MAX_ARTICLE_CHARS + 5), encoding="utf-8")
    out = tmp_path / "handout.html"
    code, _, err = run("worksheet", str(key), "-o", str(out))
    assert code == 0, err
    body = "".join(page(out.read_text(encoding="utf-8")).text)
    assert "あ" * MAX_ARTICLE_CHARS in body and "あ" * (MAX_ARTICLE_CHARS + 1) not in body
    assert "5 文字" in body


def test_texts_of_the_map_cannot_break_out_of_the_handout(tmp_path: Path) -> None:
    hostile = "<script>alert(1)</script>\"'&"
    key = tmp_path / "key.argmap.yaml"
    key.write_text(
        KEY.replace("六月は毎日雨が降る", hostile.replace("'", "''").join(["'", "'"]))
        .replace("だから", "<b>x</b>")
        .replace("  file: texts/article.txt\n", ""),
        encoding="utf-8",
    )
    out = tmp_path / "h.html"
    code, _, err = run("worksheet", str(key), "-o", str(out), "--hide", "links")
    assert code == 0, err
    text = out.read_text(encoding="utf-8")
    assert "<script>" not in text and "<b>x</b>" not in text
    assert "&lt;b&gt;x&lt;/b&gt;" in text


def test_the_pdf_is_a4(key: Path, tmp_path: Path) -> None:
    out = tmp_path / "handout.pdf"
    code, _, err = run("worksheet", str(key), "-o", str(out))
    assert code == 0, err
    data = out.read_bytes()
    assert data.startswith(b"%PDF-")
    # the page objects may sit in compressed object streams: read those too
    streams = [
        zlib.decompress(m.group(1))
        for m in re.finditer(rb"/FlateDecode[^>]*>>\s*stream\r?\n(.*?)\r?\nendstream", data, re.S)
    ]
    boxes = re.findall(rb"/MediaBox\s*\[\s*0 0 ([0-9.]+) ([0-9.]+)\s*\]", b"\n".join([data, *streams]))
    assert boxes
    sizes = {(round(float(w)), round(float(h))) for w, h in boxes}
    assert sizes <= {(595, 842), (842, 595)}  # A4 portrait pages, and the diagram's page in landscape
    assert (842, 595) in sizes


def test_the_format_comes_from_the_name_or_the_option(key: Path, tmp_path: Path) -> None:
    for name, start in (
        ("w.yaml", b"# "),
        ("w.yml", b"# "),
        ("w.htm", b"<!DOCTYPE html>"),
        ("W.HTML", b"<!DOCTYPE"),
    ):
        code, _, err = run("worksheet", str(key), "-o", str(tmp_path / name))
        assert code == 0, err
        assert (tmp_path / name).read_bytes().startswith(start), name
    code, out, err = run("worksheet", str(key), "--format", "html")
    assert code == 0 and out.startswith("<!DOCTYPE html>")


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["-o", "w.txt"], "w.txt"),
        (["-o", "w.pdf", "--format", "html"], "--format html"),
        (["--hide", "lnks"], "links"),
        (["--hide", "E9"], "E9"),
        (["--hide", ","], "''"),
    ],
)
def test_a_bad_request_is_refused_in_one_line(key: Path, tmp_path: Path, args: list[str], said: str) -> None:
    args = [a if not a.startswith("w.") else str(tmp_path / a) for a in args]
    code, out, err = run("worksheet", str(key), *args, env=EN)
    assert code == 2
    assert out == ""
    assert "Traceback" not in err and said in err
    assert err.startswith("argmap worksheet: ")
    assert not any(tmp_path.glob("w.*"))


def test_the_key_and_the_article_are_never_overwritten(key: Path) -> None:
    article = key.parent / "texts" / "article.txt"
    for target in (key, article):
        before = target.read_bytes()
        code, _, err = run("worksheet", str(key), "-o", str(target), "--format", "yaml")
        assert code == 2 and "input" in err
        assert target.read_bytes() == before
    code, _, err = run("worksheet", str(key), "-o", str(article.with_suffix(".html")))
    assert code == 0, err
    before = article.read_bytes()
    code, _, err = run("worksheet", str(key), "-o", str(article), "--format", "html")
    assert code == 2 and article.read_bytes() == before


def test_a_missing_article_is_a_located_error(key: Path, tmp_path: Path) -> None:
    (key.parent / "texts" / "article.txt").unlink()
    code, _, err = run("worksheet", str(key), "-o", str(tmp_path / "h.html"))
    assert code == 2
    assert "article.txt" in err and "Traceback" not in err
    assert not (tmp_path / "h.html").exists()
    # the map file needs no article
    code, _, err = run("worksheet", str(key), "-o", str(tmp_path / "w.yaml"))
    assert code == 0, err


def test_an_article_that_is_not_utf8_is_a_located_error(key: Path, tmp_path: Path) -> None:
    (key.parent / "texts" / "article.txt").write_bytes("六月".encode("shift_jis"))
    code, _, err = run("worksheet", str(key), "-o", str(tmp_path / "h.html"))
    assert code == 2
    assert re.search(r"article\.txt:1:\d+: ", err), err


def test_a_bad_key_is_a_located_error(tmp_path: Path) -> None:
    key = tmp_path / "key.argmap.yaml"
    key.write_text("argmap: 1\ntitle: t\nclaims:\n  A1: {kind: assumpton, text: a}\n", encoding="utf-8")
    code, out, err = run("worksheet", str(key))
    assert code == 2 and out == ""
    assert f"{key}:4:" in err


def test_a_pdf_is_not_printed_on_a_terminal(key: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    from argmap.cli import worksheet as cli

    with pytest.raises(argmap.errors.ArgmapException, match="terminal"):
        cli.command.callback(str(key), out=None, hide="assumptions", fmt="pdf", max_size=10.0, lang="en")  # type: ignore[misc]


def test_the_flagship_makes_every_kind_of_worksheet_in_both_languages(tmp_path: Path) -> None:
    for hide in ("assumptions", "links", "kinds", "attacks", "conclusions", "A1,I3,X1"):
        for env, lang in ((JA, "ja"), (EN, "en")):
            out = tmp_path / f"{hide}-{lang}.argmap.yaml"
            code, _, err = run(
                "worksheet", str(FLAGSHIP), "--hide", hide, "--lang", lang, "-o", str(out), env=env
            )
            assert code == 0, (hide, err)
            text = out.read_text(encoding="utf-8")
            head = text.partition("argmap: 1")[0]
            if lang == "ja":
                assert not english_sentences(head), english_sentences(head)
            else:
                assert "Questions:" in head
            ws = argmap.load(out)
            if hide == "kinds":
                assert all(c.kind is Kind.BLANK for c in ws.claims.values())
