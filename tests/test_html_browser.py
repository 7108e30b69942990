"""The HTML view and the live preview, opened in a real browser.

The pages are made the way a user makes them (``argmap render --format
html`` and ``argmap serve``) and opened in the system's Chromium, driven by
Playwright. One browser is launched for the whole session; each test opens
its pages in a fresh context. Chromium is a system requirement of the test
suite (``make system-deps`` installs it): without it these tests fail.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

import argmap
from tests.language import EN, english_sentences

ROOT = Path(__file__).resolve().parent.parent
FLAGSHIP = ROOT / "examples" / "nato-tokyo" / "map.argmap.yaml"
FLAGSHIP_EN = ROOT / "examples" / "nato-tokyo" / "map.en.argmap.yaml"
SMARTPHONE = ROOT / "examples" / "smartphone-ja.argmap.yaml"
MAPS = {"nato-ja": FLAGSHIP, "nato-en": FLAGSHIP_EN, "smartphone-ja": SMARTPHONE}
VIEWPORT = {"width": 1280, "height": 800}
#: How long the live preview may take to show a change (it polls every 500 ms).
LIVE_LIMIT_MS = 3000

#: argmap run as a user runs it: an English locale, so the map's lang decides.
ENV = {k: v for k, v in os.environ.items() if k not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES")}
ENV.update({k: v for k, v in EN.items() if v is not None})


def argmap_cli(*args: str | Path, cwd: Path = ROOT, check: bool = True) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run(
        [sys.executable, "-m", "argmap", *map(str, args)],
        check=False,
        cwd=cwd,
        env=ENV,
        capture_output=True,
        text=True,
        timeout=300,
    )
    if check and proc.returncode not in (0, 1):
        raise AssertionError(f"argmap {' '.join(map(str, args))} exited {proc.returncode}:\n{proc.stderr}")
    return proc


def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


# --------------------------------------------------------------------------- browser


@dataclass
class Opened:
    """A page and what it did: every request, every console error."""

    page: Any
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


@pytest.fixture
def open_page(chromium: Any) -> Iterator[Callable[[str], Opened]]:
    """Open a URL in a fresh context (no cache, no cookies), recording requests and errors."""
    contexts: list[Any] = []

    def opener(url: str) -> Opened:
        context = chromium.new_context(viewport=VIEWPORT, locale="en-US")
        contexts.append(context)
        page = context.new_page()
        opened = Opened(page)
        page.on("request", lambda r: opened.requests.append(r.url))
        page.on("console", lambda m: opened.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: opened.errors.append(str(e)))
        page.goto(url, wait_until="load")
        return opened

    yield opener
    for context in contexts:
        context.close()


# --------------------------------------------------------------------------- pages


@dataclass
class Made:
    """A page written by ``argmap render --format html`` and what ``argmap check`` says of its map."""

    map_path: Path
    html: Path
    amap: argmap.ArgumentMap
    findings: list[dict[str, Any]]

    @property
    def url(self) -> str:
        return self.html.as_uri()


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> Callable[..., Made]:
    """Render a map to HTML once per module (Graphviz takes a moment)."""
    cache: dict[tuple[str, tuple[str, ...]], Made] = {}
    out_dir = tmp_path_factory.mktemp("html")

    def make(name: str, *flags: str) -> Made:
        key = (name, flags)
        if key not in cache:
            path = MAPS[name]
            html = out_dir / f"{name}{''.join(flags).replace('-', '_')}.html"
            argmap_cli("render", path, "--format", "html", "-o", html, "--quiet", *flags)
            report = json.loads(argmap_cli("check", path, "--format", "json").stdout)
            (found,) = report["files"]
            cache[key] = Made(path, html, argmap.load(path), found["findings"])
        return cache[key]

    return make


def claims_of(amap: argmap.ArgumentMap) -> list[Any]:
    return list(amap.claims.values())


# JavaScript helpers evaluated in the page.
VISIBLE_TEXT_JS = """([root, needle]) => {
    // Is some element under root, showing text that contains needle, rendered visibly?
    const scope = document.querySelector(root) || document.body;
    const norm = s => s.replace(/\\s+/g, ' ');
    for (const el of scope.querySelectorAll('*')) {
        const own = [...el.childNodes].filter(n => n.nodeType === 3).map(n => n.textContent).join('');
        if (!norm(own).includes(needle)) continue;
        if (el.checkVisibility({checkOpacity: true, checkVisibilityCSS: true})) return true;
    }
    return false;
}"""

BOXES_JS = """(ids) => ids.map(id => {
    const els = [...document.querySelectorAll(`#diagram [data-element="${CSS.escape(id)}"]`)];
    return els.map(el => {
        const r = el.getBoundingClientRect();
        return {id, highlight: el.classList.contains('highlight'),
                left: r.left, top: r.top, right: r.right, bottom: r.bottom};
    });
}).flat()"""

VISIBLE_AREA_JS = """() => {
    const r = document.querySelector('#diagram').getBoundingClientRect();
    return {left: Math.max(r.left, 0), top: Math.max(r.top, 0),
            right: Math.min(r.right, window.innerWidth), bottom: Math.min(r.bottom, window.innerHeight)};
}"""


def inside(box: dict[str, float], area: dict[str, float], slack: float = 1.0) -> bool:
    return (
        box["left"] >= area["left"] - slack
        and box["top"] >= area["top"] - slack
        and box["right"] <= area["right"] + slack
        and box["bottom"] <= area["bottom"] + slack
    )


# --------------------------------------------------------------------------- opening


@pytest.mark.parametrize("name", list(MAPS))
def test_page_opens_without_errors_or_requests(
    name: str, made: Callable[..., Made], open_page: Callable[[str], Opened], record_property: Any
) -> None:
    page = made(name)
    opened = open_page(page.url)
    assert opened.errors == [], f"console errors: {opened.errors}"
    opened.page.wait_for_timeout(300)  # anything the script might fetch after the load event
    assert opened.requests == [page.url], f"requests other than the page itself: {opened.requests}"
    # no web fonts, no stylesheets or scripts from elsewhere
    assert opened.page.evaluate("[...document.fonts].length") == 0
    assert opened.page.evaluate("document.querySelectorAll('[src], link[href]').length") == 0
    lang = opened.page.evaluate("document.documentElement.lang")
    assert lang == page.amap.lang
    # recorded, not asserted: the timed figure is bench/bench_html.py's
    load = opened.page.evaluate("performance.getEntriesByType('navigation')[0].loadEventEnd")
    record_property("load_ms", round(load, 1))
    assert 0 < load < 30_000
    # the diagram is there, one group per element
    amap = page.amap
    for element in [*amap.claims, *amap.inferences, *amap.attacks]:
        assert opened.page.locator(f'#diagram [data-element="{element}"]').count() >= 1, element


# --------------------------------------------------------------------------- findings


def panel_findings(opened: Opened) -> list[dict[str, Any]]:
    return list(
        opened.page.evaluate(
            """() => [...document.querySelectorAll('#findings li.finding')].map(li => ({
                code: li.dataset.code, rule: li.dataset.rule, severity: li.dataset.severity,
                elements: (li.dataset.elements || '').split(/\\s+/).filter(Boolean),
                text: li.innerText, tabindex: li.getAttribute('tabindex')}))"""
        )
    )


@pytest.mark.parametrize("name", list(MAPS))
def test_findings_panel_lists_what_check_reports(
    name: str, made: Callable[..., Made], open_page: Callable[[str], Opened]
) -> None:
    page = made(name)
    assert page.findings, "the example maps are chosen for having findings"
    opened = open_page(page.url)
    shown = panel_findings(opened)
    assert len(shown) == len(page.findings)
    left = list(shown)
    for expected in page.findings:
        key = (expected["code"], expected["name"], expected["severity"], expected["elements"])
        message = normalise(expected["message"])
        match = next(
            (
                s
                for s in left
                if (s["code"], s["rule"], s["severity"], s["elements"]) == key
                and message in normalise(s["text"])
            ),
            None,
        )
        assert match is not None, f"not in the panel: {key} {message}"
        assert match["tabindex"] == "0"
        left.remove(match)
    # one list per severity present, in the page's language
    severities = {f["severity"] for f in page.findings}
    assert opened.page.locator("#findings ol").count() == len(severities)
    if page.amap.lang == "ja":
        panel = opened.page.inner_text("#findings")
        assert english_sentences(panel) == []
        labels = opened.page.evaluate(
            """() => [...document.querySelectorAll('label, [aria-label], h1, h2, h3, button')]
                .map(e => (e.getAttribute('aria-label') || '') + '\\n' + e.innerText).join('\\n')"""
        )
        assert english_sentences(labels) == []


def test_clicking_a_finding_highlights_its_elements_and_shows_them(
    made: Callable[..., Made], open_page: Callable[[str], Opened]
) -> None:
    page = made("nato-ja")
    opened = open_page(page.url)
    area = opened.page.evaluate(VISIBLE_AREA_JS)
    every = [*page.amap.claims, *page.amap.inferences, *page.amap.attacks]
    findings = opened.page.locator("#findings li.finding")
    for i in range(findings.count()):
        item = findings.nth(i)
        wanted = set(item.get_attribute("data-elements").split())
        item.click()
        opened.page.wait_for_timeout(50)
        boxes = opened.page.evaluate(BOXES_JS, every)
        lit = {b["id"] for b in boxes if b["highlight"]}
        assert lit == wanted, f"finding {i}: highlighted {lit}, expected {wanted}"
        for box in boxes:
            if box["id"] in wanted:
                assert inside(box, opened.page.evaluate(VISIBLE_AREA_JS)), f"{box['id']} not in view: {box}"
    assert opened.errors == []
    assert opened.requests == [page.url]
    assert area["right"] > area["left"] and area["bottom"] > area["top"]


def test_a_finding_brings_a_far_element_into_view_by_keyboard(
    made: Callable[..., Made], open_page: Callable[[str], Opened]
) -> None:
    """Zoomed in on one corner, Enter on a finding about one element moves the view to it."""
    page = made("nato-ja")
    opened = open_page(page.url)
    single = opened.page.locator('#findings li.finding[data-elements]:not([data-elements*=" "])')
    assert single.count() > 0
    area = opened.page.evaluate(VISIBLE_AREA_JS)
    tried = 0
    for i in range(single.count()):
        item = single.nth(i)
        element = item.get_attribute("data-elements").strip()
        opened.page.evaluate("window.argmap.fit(); window.argmap.zoom(3)")
        (before,) = opened.page.evaluate(BOXES_JS, [element])[:1]
        if inside(before, area):
            continue  # already in view: proves nothing
        tried += 1
        item.focus()
        opened.page.keyboard.press("Enter")
        opened.page.wait_for_timeout(50)
        (after,) = opened.page.evaluate(BOXES_JS, [element])[:1]
        assert after["highlight"]
        assert inside(after, area), f"{element} not brought into view: {after} (view {area})"
    assert tried > 0, "zoomed in three times, every finding's element was still in view"


# --------------------------------------------------------------------------- details and outline


@pytest.mark.parametrize("name", ["nato-ja", "smartphone-ja", "nato-en"])
def test_clicking_an_element_shows_its_full_text_and_note(
    name: str, made: Callable[..., Made], open_page: Callable[[str], Opened]
) -> None:
    page = made(name)
    opened = open_page(page.url)
    for claim in claims_of(page.amap):
        node = opened.page.locator(f'#diagram [data-element="{claim.id}"]').first
        node.click()
        details = normalise(opened.page.inner_text("#details"))
        assert claim.id in details
        assert normalise(claim.text) in details, f"{claim.id}: full text not in #details: {details}"
        if claim.note:
            assert normalise(claim.note) in details, f"{claim.id}: note not in #details"
        if claim.source is not None and claim.source.speaker:
            assert normalise(claim.source.speaker) in details
    for inference in page.amap.inferences.values():
        if inference.note:
            opened.page.locator(f'#diagram [data-element="{inference.id}"]').first.click()
            assert normalise(inference.note) in normalise(opened.page.inner_text("#details"))
    assert opened.errors == []


OWN_TEXT_JS = """() => {
    const top = document.querySelector('#outline ul, #outline ol');
    return [...top.children].filter(e => e.tagName === 'LI').map(li => {
        const copy = li.cloneNode(true);
        copy.querySelectorAll('ul, ol').forEach(l => l.remove());
        return copy.textContent;
    });
}"""


@pytest.mark.parametrize("name", list(MAPS))
def test_outline_holds_every_claim(
    name: str, made: Callable[..., Made], open_page: Callable[[str], Opened]
) -> None:
    page = made(name)
    opened = open_page(page.url)
    outline = normalise(opened.page.evaluate("document.querySelector('#outline').textContent"))
    for claim in claims_of(page.amap):
        assert normalise(claim.text) in outline, f"{claim.id} not in the outline"
    # the final conclusions (used as no inference's premise) head the outline
    amap = page.amap
    used = {p for inf in amap.inferences.values() for p in inf.premises}
    concluded = {inf.conclusion for inf in amap.inferences.values()}
    finals = [
        c for c in claims_of(amap) if c.id in concluded and c.id not in used and c.kind.value == "conclusion"
    ]
    assert finals
    heads = [normalise(t) for t in opened.page.evaluate(OWN_TEXT_JS)]
    for claim in finals:
        assert any(normalise(claim.text) in h for h in heads), f"final conclusion {claim.id} not at the top"


# --------------------------------------------------------------------------- toggles and zoom


def test_toggles_hide_and_show_findings_and_notes(
    made: Callable[..., Made], open_page: Callable[[str], Opened]
) -> None:
    page = made("nato-ja")
    opened = open_page(page.url)
    p = opened.page
    # a badge names its rule: the Japanese rule name of a finding drawn in the diagram
    from argmap.checks import find_rule

    rule = find_rule(page.findings[0]["name"])
    badge = rule.display_name("ja")

    def shown(root: str, text: str) -> bool:
        return bool(p.evaluate(VISIBLE_TEXT_JS, [root, text]))

    note = next(c.note for c in claims_of(page.amap) if c.note)
    assert note is not None
    note_start = note[:10]

    assert p.is_checked("#toggle-findings") and not p.is_checked("#toggle-notes")
    assert p.is_visible("#findings") and shown("#diagram", badge)
    assert not shown("#argmap", note_start), "notes are shown before asking for them"

    p.click("#toggle-findings")
    assert not p.is_visible("#findings")
    assert not shown("#diagram", badge), "badges still shown with findings off"
    p.click("#toggle-findings")
    assert p.is_visible("#findings") and shown("#diagram", badge)

    p.click("#toggle-notes")
    assert shown("#argmap", note_start), "notes not shown with notes on"
    p.click("#toggle-notes")
    assert not shown("#argmap", note_start)
    assert opened.errors == []


def test_keyboard_zoom_changes_the_view(
    made: Callable[..., Made], open_page: Callable[[str], Opened]
) -> None:
    opened = open_page(made("nato-ja").url)
    p = opened.page

    def state() -> str:
        return json.dumps(p.evaluate("window.argmap.state()"), sort_keys=True)

    def drawn_width() -> float:
        # the drawing's width on screen, whether the zoom is a transform or the viewBox
        return float(p.evaluate("document.querySelector('#diagram svg g').getBoundingClientRect().width"))

    fitted, fitted_width = state(), drawn_width()
    assert fitted_width > 0
    p.focus("#diagram")
    p.keyboard.press("+")
    assert state() != fitted
    assert drawn_width() > fitted_width * 1.05
    p.keyboard.press("0")
    assert state() == fitted
    p.keyboard.press("-")
    assert state() != fitted
    assert drawn_width() < fitted_width * 0.95
    p.keyboard.press("0")
    assert state() == fitted
    p.keyboard.press("ArrowLeft")
    assert state() != fitted
    p.keyboard.press("0")
    assert state() == fitted
    # the same through the API the tests and the bench use
    p.evaluate("window.argmap.zoom(2)")
    assert drawn_width() == pytest.approx(fitted_width * 2, rel=0.05)
    p.evaluate("window.argmap.fit()")
    assert state() == fitted
    assert opened.errors == []


# --------------------------------------------------------------------------- fonts


def test_japanese_is_drawn_with_the_cjk_font(
    made: Callable[..., Made], open_page: Callable[[str], Opened]
) -> None:
    fc = subprocess.run(
        ["fc-match", "-f", "%{family}", "Noto Sans CJK JP"], check=False, capture_output=True, text=True
    )
    assert "Noto Sans CJK JP" in fc.stdout, "the font Noto Sans CJK JP is missing: run `make system-deps`"
    opened = open_page(made("nato-ja").url)
    p = opened.page
    families = p.evaluate(
        """() => ['#outline li', '#diagram text'].map(s => {
            const el = document.querySelector(s); return el ? getComputedStyle(el).fontFamily : '';
        })"""
    )
    assert all("Noto Sans CJK JP" in f for f in families), families
    # Drawn in that font, each kanji or kana is a full em wide; a missing glyph
    # (tofu) or a Latin fallback would not give exactly 1 em per character.
    widths = p.evaluate(
        """() => {
            const out = [];
            for (const s of ['論証マップの指摘', '東京連絡事務所']) {
                const span = document.createElement('span');
                span.textContent = s;
                span.style.cssText = 'font-size:40px;white-space:nowrap;position:absolute;' +
                                     'font-family:' + getComputedStyle(document.querySelector('#outline li')).fontFamily;
                document.querySelector('#outline').appendChild(span);
                out.push([s.length, span.getBoundingClientRect().width]);
                span.remove();
            }
            return out;
        }"""
    )
    for length, width in widths:
        assert width == pytest.approx(length * 40, abs=2), widths
    # the glyphs come from a real font (an installed face renders the text, not .notdef boxes)
    assert p.evaluate("document.fonts.check('40px \"Noto Sans CJK JP\"', '論証')")


# --------------------------------------------------------------------------- handout


def test_no_findings_page_has_no_findings(
    made: Callable[..., Made], open_page: Callable[[str], Opened]
) -> None:
    page = made("nato-ja", "--no-findings")
    html = page.html.read_text(encoding="utf-8")
    for found in made("nato-ja").findings:
        assert found["message"] not in html
    opened = open_page(page.url)
    assert opened.page.locator("#findings").count() == 0
    assert opened.page.locator(".finding, [data-code]").count() == 0
    assert opened.errors == []
    # the rest of the page still works
    claim = claims_of(page.amap)[0]
    opened.page.locator(f'#diagram [data-element="{claim.id}"]').first.click()
    assert normalise(claim.text) in normalise(opened.page.inner_text("#details"))


# --------------------------------------------------------------------------- live preview


class Server:
    """``argmap serve FILE --port 0``, its URL read from what it prints."""

    def __init__(self, path: Path) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "argmap", "serve", str(path), "--port", "0"],
            cwd=path.parent,
            env=ENV,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        self.output: list[str] = []
        found = threading.Event()
        self.url = ""

        def read() -> None:
            assert self.proc.stdout is not None
            for line in self.proc.stdout:
                self.output.append(line)
                m = re.search(r"http://[\w.\[\]:-]+:\d+/?", line)
                if m and not self.url:
                    self.url = m.group().rstrip("/") + "/"
                    found.set()

        threading.Thread(target=read, daemon=True).start()
        if not found.wait(30):
            self.stop()
            raise AssertionError(f"argmap serve printed no URL: {''.join(self.output)}")

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[Server, Path]]:
    path = tmp_path / "map.argmap.yaml"
    shutil.copyfile(SMARTPHONE, path)
    server = Server(path)
    try:
        yield server, path
    finally:
        server.stop()


def write_soon(path: Path, text: str) -> float:
    """Replace the file's text (a save by an editor); the time it was written."""
    time.sleep(0.05)
    path.write_text(text, encoding="utf-8")
    return time.monotonic()


DIAGRAM_HAS_JS = (
    """(text) => document.querySelector('#diagram').textContent.replace(/\\s+/g, '').includes(text)"""
)


def wait_for_text(page: Any, text: str) -> None:
    """Wait until the diagram shows ``text`` (its lines joined), at most LIVE_LIMIT_MS."""
    page.wait_for_function(DIAGRAM_HAS_JS, arg=text, timeout=LIVE_LIMIT_MS)


def test_live_preview_follows_edits_errors_and_repairs(
    served: tuple[Server, Path], open_page: Callable[[str], Opened]
) -> None:
    server, path = served
    original = path.read_text(encoding="utf-8")
    old = "    text: 学校の決めた校則は正しい\n"
    assert old in original
    line = original[: original.index(old)].count("\n") + 1

    opened = open_page(server.url)
    p = opened.page
    assert "学校の決めた校則は正しい" in p.inner_text("#argmap")
    assert p.locator("#errors").count() == 0 or not p.is_visible("#errors")

    # 1. a changed claim text appears, and the view stays where the reader put it
    view = "() => { const s = window.argmap.state(); delete s.version; return s; }"
    p.evaluate("window.argmap.zoom(2)")
    zoomed = p.evaluate(view)
    changed = original.replace(old, "    text: 校則はいつも見直されるべきだ\n")
    write_soon(path, changed)
    wait_for_text(p, "校則はいつも見直されるべきだ")
    assert p.evaluate(view) == zoomed
    assert p.locator('#diagram [data-element="C2"]').count() >= 1

    # 2. a full-width colon: a located error, the last diagram kept and greyed out
    broken = changed.replace(
        "    text: 校則はいつも見直されるべきだ\n", "    text： 校則はいつも見直されるべきだ\n"
    )
    write_soon(path, broken)
    p.wait_for_selector("#errors li", state="visible", timeout=LIVE_LIMIT_MS)
    errors = p.locator("#errors li").all_inner_texts()
    assert any(re.search(rf":{line}:\d+:", e) for e in errors), f"no error located on line {line}: {errors}"
    assert any("：" in e for e in errors), errors  # it names the full-width colon, in Japanese
    assert p.locator("#errors").get_attribute("role") == "alert"
    stale = p.evaluate(
        """() => { const s = document.querySelector('.stale');
                   return !!s && (s.id === 'diagram' || !!s.querySelector('svg') || s.tagName === 'svg'); }"""
    )
    assert stale, "the last good diagram is not marked stale"
    assert "校則はいつも見直されるべきだ" in re.sub(
        r"\s+", "", p.evaluate("document.querySelector('#diagram').textContent")
    )

    # 3. repaired: errors gone, diagram current again, with the newest text
    repaired = changed.replace(
        "    text: 校則はいつも見直されるべきだ\n", "    text: 校則は生徒と話し合って決めるべきだ\n"
    )
    write_soon(path, repaired)
    wait_for_text(p, "校則は生徒と話し合って決めるべきだ")
    p.wait_for_function(
        "() => !document.querySelector('.stale') && !document.querySelector('#errors li')",
        timeout=LIVE_LIMIT_MS,
    )
    # the page only ever talks to its own server
    origin = server.url.rstrip("/")
    assert all(u.startswith(origin + "/") or u == origin for u in opened.requests), opened.requests
    assert opened.errors == [], opened.errors
