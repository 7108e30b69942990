"""The worksheet handout (``argmap worksheet --format html``), opened and printed in a real browser.

The handout is made the way a teacher makes it and opened from its file in the
system's Chromium, driven by Playwright, as in tests/test_html_browser.py.
Chromium is a system requirement of the test suite (``make system-deps``
installs it): without it these tests fail.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import argmap
from argmap.cli import main
from argmap.model import Kind
from tests.language import EN

ROOT = Path(__file__).resolve().parent.parent
KEY = ROOT / "examples" / "nato-tokyo" / "map.argmap.yaml"


def handout(tmp_path: Path, *args: str) -> Path:
    out = tmp_path / "handout.html"
    result = CliRunner(env=EN).invoke(main, ["worksheet", str(KEY), "-o", str(out), *args])
    assert result.exit_code == 0, result.stderr
    return out


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_handout_shows_its_blanks_and_prints_on_a4(chromium: Any, tmp_path: Path, lang: str) -> None:
    key = argmap.load(KEY)
    blanks = sum(c.kind is Kind.ASSUMPTION for c in key.claims.values())
    out = handout(tmp_path, "--lang", lang)
    context = chromium.new_context(viewport={"width": 900, "height": 1200})
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(out.as_uri())
    # the diagram is drawn, with a numbered box for each blank
    box = page.locator("section.diagram svg").bounding_box()
    assert box is not None and box["width"] > 300 and box["height"] > 100
    word = "空欄" if lang == "ja" else "Blank"
    drawn = page.locator("section.diagram svg text").all_text_contents()
    marks = [t for t in drawn if re.fullmatch(rf"{word}\s*[①-⑳]", t.strip())]
    assert len(marks) == blanks, drawn
    # one question for each blank, numbered as the diagram numbers them, with lines to write on
    questions = page.locator("ol.questions li")
    assert questions.count() == blanks
    assert [m.strip() for m in page.locator("ol.questions .mark").all_text_contents()] == ["①", "②", "③"][
        :blanks
    ]
    assert page.locator("ol.questions li .line").count() == blanks * 3
    assert page.evaluate("document.documentElement.lang") == lang
    # printed: A4 pages, the diagram on a page of its own
    pdf = page.pdf(prefer_css_page_size=True)
    pages = re.findall(rb"/Type\s*/Page[^s]", pdf)
    assert len(pages) >= 2
    assert not errors, errors
    context.close()


def test_the_handout_runs_nothing_and_fetches_nothing(chromium: Any, tmp_path: Path) -> None:
    out = handout(tmp_path, "--hide", "links,attacks")
    context = chromium.new_context()
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(out.as_uri())
    assert requests == [out.as_uri()]
    assert page.evaluate("document.scripts.length") == 0
    context.close()
