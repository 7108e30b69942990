"""Score the scaffold against hand-made reference annotations (tests/data/scaffold/*.ref.yaml).

For each text: claims found with the right kind (and scaffold claims that are
not in the reference), evidence dates, URLs and speakers, premises found for
each inference, and whether each summary inference (以上から, "taken together")
is linked to exactly the right statements. The scores are printed (even
without -s) and recorded in docs/scaffold.md; the targets of issue 6 are
asserted.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from argmap.model import Kind
from argmap.scaffolding import draft

DATA = Path(__file__).parent / "data" / "scaffold"
SEED = Path(__file__).resolve().parents[1].parent / "shared" / "seed" / "000_0a022b3aaaa693fc.txt"
REFS = sorted(DATA.glob("*.ref.yaml"))


def _article(ref: dict[str, Any]) -> str:
    if ref["article"] == "seed":
        if not SEED.exists():
            pytest.skip(f"the seed article is not at {SEED} (it lives in the shared folder beside the repo)")
        return SEED.read_text(encoding="utf-8")
    return (DATA / ref["article"]).read_text(encoding="utf-8")


def _ratio(hit: int, total: int) -> float:
    return 1.0 if total == 0 else hit / total


def score(ref: dict[str, Any]) -> dict[str, Any]:
    """Compare the scaffold's draft of the article with the reference."""
    result = draft(_article(ref), ref["lang"])
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

    def field_score(name: str) -> tuple[int, int, list[str]]:
        hit, total, bad = 0, 0, []
        for rc in evidence:
            if rc.get(name) is None:
                continue
            total += 1
            cid = matched.get(rc["ref"])
            source = amap.claims[cid].source if cid else None
            got = getattr(source, name, None) if source else None
            ok = (
                got is not None and str(rc[name]) in got
                if name == "speaker"
                else (got is not None and str(got) == str(rc[name]))
            )
            hit += ok
            if not ok:
                bad.append(f"{rc['ref']}={got}")
        return hit, total, bad

    premise_hit = premise_total = 0
    summary_ok = summary_total = summary_covered = 0
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
        if rc.get("link") == "summary":
            summary_total += 1
            summary_ok += want == got
            summary_covered += want <= got
            if want != got:
                premise_bad.append(f"{rc['ref']} (summary) has {sorted(got)} want {sorted(want)}")
    conditional = [rc for rc in ref["claims"] if rc["kind"] == "conclusion"]
    cond_hit = sum(
        1
        for rc in conditional
        if rc["ref"] in matched
        and amap.claims[matched[rc["ref"]]].conditional == rc.get("conditional", False)
    )
    date = field_score("date")
    url = field_score("url")
    speaker = field_score("speaker")
    return {
        "name": ref["article"],
        "kind": (kind_hits, kind_total),
        "hypotheses": (sum(1 for h in hyps if h["ref"] in matched), len(hyps)),
        "extra": (len(extra), len(amap.claims)),
        "date": date[:2],
        "url": url[:2],
        "speaker": speaker[:2],
        "premises": (premise_hit, premise_total),
        "summary": (summary_ok, summary_total),
        "summary_covered": (summary_covered, summary_total),
        "conditional": (cond_hit, len(conditional)),
        "problems": wrong_kind + date[2] + url[2] + speaker[2] + premise_bad + [f"extra {e}" for e in extra],
    }


def _fmt(pair: tuple[int, int]) -> str:
    return f"{pair[0]}/{pair[1]} ({_ratio(*pair):.0%})"


@pytest.mark.parametrize("ref_path", REFS, ids=[p.name.removesuffix(".ref.yaml") for p in REFS])
def test_accuracy(ref_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ref = yaml.safe_load(ref_path.read_text(encoding="utf-8"))
    s = score(ref)
    precision = 1 - _ratio(*s["extra"])
    with capsys.disabled():
        print(
            f"\nscaffold accuracy {s['name']}: kind {_fmt(s['kind'])}, hypotheses {_fmt(s['hypotheses'])}, "
            f"not in reference {s['extra'][0]} of {s['extra'][1]}, dates {_fmt(s['date'])}, "
            f"urls {_fmt(s['url'])}, speakers {_fmt(s['speaker'])}, premises {_fmt(s['premises'])}, "
            f"summary links exact {_fmt(s['summary'])} / covering {_fmt(s['summary_covered'])}, "
            f"conditional {_fmt(s['conditional'])}"
        )
        for p in s["problems"]:
            print(f"    {p}")
    # the targets of issue 6
    assert _ratio(*s["kind"]) >= 0.9, s["problems"]
    assert _ratio(*s["hypotheses"]) >= 0.9, s["problems"]
    assert _ratio(*s["date"]) >= 0.9, s["problems"]
    assert _ratio(*s["url"]) >= 0.9, s["problems"]
    assert _ratio(*s["speaker"]) >= 0.8, s["problems"]
    assert precision >= 0.8, s["problems"]
    assert _ratio(*s["conditional"]) >= 0.8, s["problems"]
    assert _ratio(*s["premises"]) >= 0.5, s["problems"]
    # a summary inference (以上から) always reaches every statement it rests on
    assert s["summary_covered"][0] == s["summary_covered"][1], s["problems"]
    # a summary inference (以上から) always reaches every statement it rests on
    assert s["summary_covered"][0] == s["summary_covered"][1], s["problems"]
    if ref["article"] == "seed":
        # every 以上から inference linked to exactly the right two statements
        assert s["summary"][0] == s["summary"][1] >= 1, s["problems"]
