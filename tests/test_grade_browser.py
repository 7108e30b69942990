"""The class view of ``argmap grade --format html``, opened in a real browser.

A small class is graded the way a teacher grades it (``argmap grade KEY STUDENT... -o class.html``)
and the page is opened from its file in the system's Chromium, driven by Playwright, as in
tests/test_html_browser.py. Chromium is a system requirement of the test suite (``make
system-deps`` installs it): without it these tests fail.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import argmap
from argmap.cli import main
from argmap.formats import dumps
from argmap.model import ArgumentMap, Kind
from tests.language import EN
from tests.test_grade_report import without

ROOT = Path(__file__).resolve().parent.parent
KEY = ROOT / "examples" / "nato-tokyo" / "map.argmap.yaml"
VIEWPORT = {"width": 1280, "height": 800}
#: A student file whose name would run a script if the page let it.
EVIL = "<img src=x onerror=\"document.title='pwned'\">.argmap.yaml"


def hidden_premise(key: ArgumentMap) -> str:
    return next(k for k, c in key.claims.items() if c.kind is Kind.ASSUMPTION)


@pytest.fixture(scope="module")
def graded(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any], str]:
    """A class of six graded into an HTML page (with a file that does not load): the page, the
    JSON report of the same class, and the element only one student found."""
    folder = tmp_path_factory.mktemp("class")
    key = argmap.load(KEY)
    hard = hidden_premise(key)
    ids = list(key.claims)
    maps = {
        "copy.argmap.yaml": key,
        "no-hidden.argmap.yaml": without(key, {hard}),
        "some.argmap.yaml": without(key, {hard, *ids[-4:]}),
        "half.argmap.yaml": without(key, {hard, *ids[: len(ids) // 2]}),
        EVIL: without(key, {hard, *ids[-8:]}),
        "empty.argmap.yaml": ArgumentMap(title="空", lang="ja"),
    }
    paths = []
    for name, amap in maps.items():
        path = folder / name
        path.write_text(dumps(amap), encoding="utf-8")
        paths.append(str(path))
    bad = folder / "bad.argmap.yaml"
    bad.write_text("argmap: 1\nlang: ja\nclaims:\n  c1: [\n", encoding="utf-8")
    paths.insert(1, str(bad))
    page = folder / "class.html"
    runner = CliRunner(env=EN)
    made = runner.invoke(main, ["grade", str(KEY), *paths, "-o", str(page)])
    assert made.exit_code == 2, made.output  # the bad file
    report = runner.invoke(main, ["grade", str(KEY), *paths, "--format", "json"])
    return page, json.loads(report.stdout), hard


@pytest.fixture
def opened(
    chromium: Any, graded: tuple[Path, dict[str, Any], str]
) -> Iterator[tuple[Any, list[str], list[str]]]:
    page_file, _report, _hard = graded
    context = chromium.new_context(viewport=VIEWPORT, locale="ja-JP")
    page = context.new_page()
    requests: list[str] = []
    errors: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(page_file.as_uri(), wait_until="load")
    try:
        yield page, requests, errors
    finally:
        context.close()


def bins(scores: list[float]) -> list[int]:
    """How many scores fall in 0-0.1, ..., 0.9-1.0 (1.0 in the last), counted in hundredths."""
    counts = [0] * 10
    for s in scores:
        counts[min(round(s * 10_000) // 1000, 9)] += 1
    return counts


def test_the_page_opens_alone_without_errors(
    opened: tuple[Any, list[str], list[str]], graded: tuple[Path, dict[str, Any], str]
) -> None:
    page, requests, errors = opened
    assert requests == [graded[0].as_uri()]
    assert errors == []
    assert page.title() != "pwned"
    assert page.locator("img").count() == 0
    assert EVIL in page.locator("#students").inner_text()
    font = page.evaluate("getComputedStyle(document.body).fontFamily")
    assert font.startswith('"Noto Sans CJK JP"')
    assert page.evaluate("document.documentElement.lang") == "ja"


def test_the_chart_is_drawn(
    opened: tuple[Any, list[str], list[str]], graded: tuple[Path, dict[str, Any], str]
) -> None:
    page, _, _ = opened
    _file, report, _hard = graded
    counts = bins([s["score"] for s in report["students"] if s["score"] is not None])
    assert sum(1 for c in counts if c) >= 3  # the class spreads over several bins
    bars = page.locator("#distribution svg rect.bar")
    assert bars.count() == sum(1 for c in counts if c)
    heights: dict[int, float] = {}
    for i in range(bars.count()):
        box = bars.nth(i).bounding_box()
        assert box is not None and box["width"] > 5 and box["height"] > 5
        count = int(bars.nth(i).get_attribute("data-count"))
        heights[count] = box["height"]
    assert sorted(heights, key=heights.__getitem__) == sorted(heights)
    chart = page.locator("#distribution svg").bounding_box()
    assert chart is not None and chart["width"] > 300 and chart["height"] > 120
    labels = page.locator("#distribution svg text").all_text_contents()
    assert {"0.0", "0.5", "1.0", "得点", "人数"} <= set(labels)
    written = page.locator("#distribution text.count").all_text_contents()
    assert written == [str(c) for c in counts if c]


def test_the_hardest_element_comes_first(
    opened: tuple[Any, list[str], list[str]], graded: tuple[Path, dict[str, Any], str]
) -> None:
    page, _, _ = opened
    _file, report, hard = graded
    rows = page.locator("#elements tbody tr")
    whole = argmap.load(KEY)
    assert rows.count() == len(whole.claims) + len(whole.inferences) + len(whole.attacks)
    first = rows.first
    assert first.get_attribute("data-key") == hard
    assert first.is_visible()
    cells = first.locator("td").all_inner_texts()
    key = argmap.load(KEY)
    assert cells[0] == hard and cells[1] == "隠れた前提" and cells[2] == key.claims[hard].text
    graded_count = report["class"]["students"]
    assert cells[3].strip() == f"{100 / graded_count:.0f}%"  # only the copy has it
    shares = [float(rows.nth(i).get_attribute("data-found-by")) for i in range(rows.count())]
    assert shares == sorted(shares)
    # as hard as the hidden premise: only it and the steps that need it
    hardest = {rows.nth(i).get_attribute("data-key") for i, share in enumerate(shares) if share == shares[0]}
    assert hardest == {hard} | {i for i, inf in key.inferences.items() if hard in inf.premises}


def test_the_file_that_did_not_load_is_listed_with_its_place(
    opened: tuple[Any, list[str], list[str]],
) -> None:
    page, _, _ = opened
    errors = page.locator("#errors li").all_inner_texts()
    assert len(errors) == 1 and re.search(r"bad\.argmap\.yaml:5:1: \S", errors[0])


def test_feedback_opens(opened: tuple[Any, list[str], list[str]]) -> None:
    page, _, _ = opened
    details = page.locator("#students details").first
    item = details.locator("li").first
    assert not item.is_visible()
    details.locator("summary").click()
    assert item.is_visible() and item.inner_text().strip()


def test_the_page_prints_on_a4(opened: tuple[Any, list[str], list[str]]) -> None:
    page, _, errors = opened
    page.emulate_media(media="print")
    page.set_viewport_size({"width": 794, "height": 1123})  # A4 at 96 dpi
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, "the printed page is wider than A4"
    pdf = page.pdf(format="A4", print_background=True)
    assert pdf.startswith(b"%PDF")
    pages = len(re.findall(rb"/Type\s*/Page(?!s)", pdf))
    assert 1 <= pages <= 4, pages
    assert errors == []
