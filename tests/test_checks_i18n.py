"""The checks speak Japanese and English: findings, summaries, rule names,
explanations, errors, and the output of ``argmap check`` and ``argmap explain``."""

from __future__ import annotations

import json
import re
import string
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from argmap import loads
from argmap.checks import Config, ConfigError, UnknownRuleError, all_rules, check, find_rule
from argmap.checks.explain import catalogue_markdown, rule_markdown
from argmap.checks.output import summary
from argmap.i18n import LOCALE_DIR, using
from tests.language import JA, english_sentences


@pytest.fixture
def run(run_in_empty_dir):  # type: ignore[no-untyped-def]
    """argmap in an empty directory, in an English locale unless ``env`` says otherwise."""
    return run_in_empty_dir


ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
NATO = EXAMPLES / "nato-tokyo" / "map.argmap.yaml"
SMARTPHONE = EXAMPLES / "smartphone-ja.argmap.yaml"
CODES = [r.code for r in all_rules()]
KANA = re.compile("[\u3040-\u30ff]")


def every_rule_map(lang: str = "ja") -> str:
    """A map (YAML) on which every rule reports at least once, with the long
    forms of the messages: a knot, a long circle, many hypotheses."""
    ring = [f"R{i}" for i in range(10)]
    hyps = [f"H{i}" for i in range(1, 8)]
    lines = [
        "argmap: 1",
        "title: すべてのルールが指摘する地図",
        f"lang: {lang}",
        "date: 2024-01-10",
        "claims:",
        "  E1: {kind: evidence, text: 天気予報は雨と言っている, source: {title: 気象台, date: 2024-01-01}}",
        "  E2: {kind: evidence, text: その予報は先週出されたものだ, source: {title: 気象台, date: 2024-01-01}}",
        "  C1: {kind: conclusion, text: 今日は雨が降る}",
        "  E3: {kind: evidence, text: 失業者が減った, source: {title: 統計局, date: 2024-01-01}}",
        "  E4: {kind: evidence, text: 減ったのは季節のせいだ, source: {title: 新聞, date: 2024-01-01}}",
        "  E5: {kind: evidence, text: 季節による変動を除いた数字も減っている, source: {title: 統計局, date: 2024-01-01}}",
        "  C2: {kind: conclusion, text: その政策はうまくいった}",
        "  E6: {kind: evidence, text: 昨年、犯罪が増えた}",
        "  E7: {kind: evidence, text: 大使は平和が大切だと述べた, source: {title: 通信社}}",
        # the quote calls for vigilance; the text states a judgment (a hedge dropped)
        "  E8: {kind: evidence, text: 日本が中国にとって軍事的脅威になるものと判断している,"
        " source: {title: 新聞, date: 2024-01-01, quote: NATOの東方拡大に「高度の警戒」を呼びかけた}}",
        "  E9: {kind: evidence, text: 町の店は売り上げが増えたと報告した, source: {title: 町報, date: 2024-05-30}}",
        "  C3: {kind: conclusion, text: 物価は上がり続ける}",
        "  C4: {kind: conclusion, text: 町はもっと豊かになる}",
        "  C5: {kind: conclusion, text: 生徒の成績は上がる}",
        *(f"  {h}: {{kind: hypothesis, text: もし学校が規則{h}を変えれば}}" for h in hyps),
        "  C6: {kind: conclusion, text: 学校はよくなる}",
        "  A1: {kind: assumption, text: 成績が下がった原因はスマートフォンである}",
        "  C7: {kind: conclusion, text: 禁止すれば成績が上がる}",
        # an actor's feeling offered as a reason (an appeal to fame and feeling)
        "  P1: {kind: premise, text: 人気俳優の山田さんは「母校がなくなるのはさびしい」と語った}",
        "  C8: {kind: conclusion, text: 閉校は撤回すべきだ}",
        # the same content words in another voice
        "  P2: {kind: premise, text: 喫煙は肺がんを引き起こす}",
        "  C9: {kind: conclusion, text: 肺がんは喫煙によって引き起こされる}",
        "  P3: {kind: premise, text: 四つの段階を経る}",
        "  C10: {kind: conclusion, text: 段階を経て結論に至る}",
        "  K1: {kind: conclusion, text: 新聞は信頼できる}",
        "  K2: {kind: conclusion, text: 新聞の記事は信頼できる}",
        "  K3: {kind: conclusion, text: 新聞社は正直だ}",
        *(f"  {r}: {{kind: conclusion, text: 輪の主張{r}}}" for r in ring),
        "inferences:",
        "  I1: {from: [E1], to: C1}",
        "  I2: {from: [E3], to: C2}",
        "  I3: {from: [], to: C4}",
        "  I4: {from: [C3], to: C4}",
        f"  I5: {{from: [{', '.join(hyps)}], to: C6}}",
        "  I6: {from: [E1, A1], to: C7}",
        "  I7: {from: [P1], to: C8}",
        "  I8: {from: [P2], to: C9}",
        "  I9: {from: [P3], to: C10, strength: 0.3}",
        "  I10: {from: [K1], to: K2}",
        "  I11: {from: [K2], to: K1}",
        "  I12: {from: [K2], to: K3}",
        "  I13: {from: [K3], to: K2}",
        *(f"  J{i}: {{from: [{ring[i]}], to: {ring[(i + 1) % len(ring)]}}}" for i in range(len(ring))),
        "attacks:",
        "  X1: {from: E2, to: I1}",
        "  X2: {from: E4, to: I2}",
        "  X3: {from: E5, to: E4}",
        "  X4: {from: E4, to: E5}",
        "ignore:",
        "  E6: [循環論]",
    ]
    return "\n".join(lines) + "\n"


@pytest.fixture
def every_rule(tmp_path: Path) -> Path:
    p = tmp_path / "every-rule.argmap.yaml"
    p.write_text(every_rule_map(), encoding="utf-8")
    return p


def test_the_every_rule_map_triggers_every_rule_with_the_long_message_forms(every_rule: Path) -> None:
    found = check(loads(every_rule.read_text(encoding="utf-8"), name=str(every_rule)), lang="en")
    assert sorted({d.code for d in found}) == CODES
    messages = "\n".join(d.message for d in found)
    for long_form in (
        "part of a knot",
        "steps)",
        "and 2 more",
        "no inference concludes it",
        "with no premises",
    ):
        assert long_form in messages


@pytest.mark.parametrize("name", ["nato", "smartphone", "every-rule"])
def test_a_japanese_map_is_checked_in_japanese_with_no_english_sentence(
    run, every_rule: Path, name: str
) -> None:  # type: ignore[no-untyped-def]
    path = {"nato": NATO, "smartphone": SMARTPHONE, "every-rule": every_rule}[name]
    r = run("check", str(path))
    assert r.exit_code in (0, 1), r.output
    assert english_sentences(r.output) == []
    lines = r.stdout.splitlines()
    assert lines[-1].startswith(f"{path}: エラー ")
    for line in lines[:-1]:
        assert KANA.search(line.split(": ", 2)[2]), line  # every message is Japanese
    if name == "every-rule":
        assert {c for c in CODES if f" {c} " in r.stdout} == set(CODES)
        assert (
            f"{path}:" in r.stderr and "警告" in r.stderr and "「循環論法」" in r.stderr
        )  # the ignore: typo


def test_a_japanese_map_in_json_has_english_keys_and_japanese_messages(run, every_rule: Path) -> None:  # type: ignore[no-untyped-def]
    r = run("check", "--format", "json", str(every_rule))
    data = json.loads(r.stdout)
    findings = data["files"][0]["findings"]
    assert {f["code"] for f in findings} == set(CODES)
    for f in findings:
        assert re.fullmatch(r"[a-z]+(-[a-z]+)*", f["name"]) and f["severity"] in ("error", "warning", "info")
        assert english_sentences(f["message"]) == [], f["message"]
        assert KANA.search(f["message"])
    assert set(data["files"][0]["summary"]) == {"error", "warning", "info"}


def test_lang_en_on_a_japanese_map_gives_english(run, every_rule: Path) -> None:  # type: ignore[no-untyped-def]
    r = run("check", "--lang", "en", str(every_rule))
    amap = loads(every_rule.read_text(encoding="utf-8"), name=str(every_rule))
    english = check(amap, lang="en")
    for d in english:
        assert f": {d.code} {d.name}: {d.message}" in r.stdout
    assert re.search(r": \d+ errors?, \d+ warnings?, \d+ info$", r.stdout.splitlines()[-1])
    assert "件" not in r.stdout
    assert "warning: ignore list of E6: unknown rule '循環論' (did you mean '循環論法'?)" in r.stderr


def test_lang_ja_on_an_english_map_gives_japanese(run) -> None:  # type: ignore[no-untyped-def]
    r = run("check", "--lang", "ja", str(EXAMPLES / "leaping.argmap.yaml"))
    assert english_sentences(re.sub("「[^」]*」", "", r.stdout)) == []  # the map's own English texts aside
    assert "AM103 仮定の上の断定: " in r.stdout


def test_the_map_lang_wins_over_the_locale(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    body = "argmap: 1\ntitle: t\nlang: en\nclaims:\n  C1: {kind: conclusion, text: Cats purr}\n"
    (tmp_path / "en.argmap.yaml").write_text(body, encoding="utf-8")
    assert (
        'AM101 unsupported-conclusion: C1 "Cats purr" is a conclusion'
        in run("check", "en.argmap.yaml", env=JA).stdout
    )
    assert "AM101 根拠のない結論: C1「Cats purr」は" in run("check", "--lang", "ja", "en.argmap.yaml").stdout


def test_check_api_speaks_the_map_language_unless_told() -> None:
    amap = loads(SMARTPHONE.read_text(encoding="utf-8"), name=str(SMARTPHONE))
    ja = check(amap)
    en = check(amap, lang="en")
    assert [(d.code, d.name, d.elements, d.path) for d in ja] == [
        (d.code, d.name, d.elements, d.path) for d in en
    ]
    assert all(KANA.search(d.message) and not english_sentences(d.message) for d in ja)
    assert all(english_sentences(d.message) for d in en)
    assert summary(ja, "ja").startswith("エラー 3 件")
    with pytest.raises(ValueError, match="lang must be one of"):
        check(amap, lang="fr")


def test_defeated_conclusion_does_not_say_the_conclusion_is_false() -> None:
    amap = loads(NATO.read_text(encoding="utf-8"), name=str(NATO))
    for lang, says in (("ja", "示せていません"), ("en", "is not established by the argument as mapped")):
        found = check(amap, select=["defeated-conclusion"], lang=lang)
        assert found
        for d in found:
            assert says in d.message
            assert d.elements[1] in d.message  # the attack is named
        text = find_rule("defeated-conclusion").explanation_in(lang)
        assert (
            ("まちがっている" in text) if lang == "ja" else ("does not say the conclusion is false" in text)
        )


def test_every_problem_finding_in_japanese_ends_with_a_question(every_rule: Path) -> None:
    amap = loads(every_rule.read_text(encoding="utf-8"), name=str(every_rule))
    for d in check(amap, lang="ja"):
        assert d.message.endswith("？"), d.message


def test_every_rule_has_a_japanese_name_summary_and_a_four_part_explanation() -> None:
    heads = re.compile(r"^\*\*(.+?)\*\*。", re.M)
    names = [r.ja_name for r in all_rules()]
    assert len(set(names)) == len(names) == 16
    for r in all_rules():
        assert r.display_name("ja") == r.ja_name and r.display_name("en") == r.name
        summary_ja, text = r.summary_in("ja"), r.explanation_in("ja")
        assert summary_ja != r.summary and KANA.search(summary_ja)
        assert text != r.explanation
        parts = heads.findall(text)
        assert len(parts) == 4, (r.code, parts)
        assert parts[0] == "何を見つけるか" and parts[1] == "例" and parts[3] == "直し方"
        assert parts[2].startswith("なぜ")
        assert english_sentences(text) == [], (r.code, english_sentences(text))
        if r.threshold is not None:
            assert KANA.search(r.threshold_meaning("ja") or "")
    assert len(re.findall(r"^\*\*", find_rule("AM101").explanation_in("en"), re.M)) == 4


def _example_map(claims: dict[str, tuple[str, str]], inferences: dict[str, tuple[list[str], str]]) -> str:
    """A Japanese map (YAML, written as JSON) from kinds and texts."""
    return json.dumps(
        {
            "argmap": 1,
            "title": "説明の例",
            "lang": "ja",
            "claims": {i: {"kind": kind, "text": text} for i, (kind, text) in claims.items()},
            "inferences": {i: {"from": frm, "to": to} for i, (frm, to) in inferences.items()},
        },
        ensure_ascii=False,
    )


def test_the_examples_of_the_japanese_explanations_are_what_the_heuristic_rules_report() -> None:
    """An explanation that says "this is what the rule finds" must not show a case the rule misses."""
    quoted = re.compile(r"\b([PC]\d)「([^」]*)」")
    kinds = {"P": "premise", "C": "conclusion"}

    # weak-relevance: the premise that appeals to fame and feeling is reported, the reason is not
    text = find_rule("weak-relevance").explanation_in("ja").split("**例**", 1)[1].split("**", 1)[0]
    claims = {i: (kinds[i[0]], t) for i, t in quoted.findall(text)}
    premises = sorted(i for i in claims if i.startswith("P"))
    assert len(premises) == 2 and "C1" in claims
    found = check(loads(_example_map(claims, {"I1": (premises, "C1")})), select=["weak-relevance"])
    reported = [d.elements for d in found]
    assert len(reported) == 1 and reported[0][0] == "I1" and reported[0][-1] == "C1"
    (named,) = reported[0][1:-1]
    assert f"{named} が指摘されます" in text

    # restated-premise: the conclusion in the example restates its premise
    text = find_rule("restated-premise").explanation_in("ja").split("**例**", 1)[1].split("**", 1)[0]
    claims = {i: (kinds[i[0]], t) for i, t in quoted.findall(text)}
    assert sorted(claims) == ["C1", "P1"]
    found = check(loads(_example_map(claims, {"I1": (["P1"], "C1")})), select=["restated-premise"])
    assert [d.elements for d in found] == [("C1", "P1", "I1")]

    # paraphrase-drift: the evidence text of the example drops the quote's hedge
    text = find_rule("paraphrase-drift").explanation_in("ja")
    example = re.search(r"引用は「(.*?)」なのに、証拠の文は「(.*?)」", text)
    assert example
    quote, said = example.groups()
    amap = {
        "argmap": 1,
        "title": "説明の例",
        "lang": "ja",
        "claims": {
            "E1": {"kind": "evidence", "text": said, "source": {"title": "新聞", "quote": quote}},
            "C1": {"kind": "conclusion", "text": "日本は備えを急ぐべきだ"},
        },
        "inferences": {"I1": {"from": ["E1"], "to": "C1"}},
    }
    found = check(loads(json.dumps(amap, ensure_ascii=False)), select=["paraphrase-drift"])
    assert [d.elements for d in found] == [("E1",)]


def test_english_explanations_speak_plainly() -> None:
    for r in all_rules():
        for jargon in ("G0", "G1", "G2", "labelling", "strongly connected"):
            assert jargon not in r.explanation, (r.code, jargon)


@pytest.mark.parametrize("how", ["--lang", "locale"])
def test_explain_in_japanese_is_drawn_with_no_markdown_marker_and_no_english(run, how: str) -> None:  # type: ignore[no-untyped-def]
    r = (
        run("explain", "--lang", "ja", "conditional-leap")
        if how == "--lang"
        else run("explain", "conditional-leap", env=JA)
    )
    assert r.exit_code == 0, r.output
    assert r.stdout.startswith("AM103 仮定の上の断定（警告・推論の飛躍）\n")
    for marker in ("**", "`", "# ", "*"):
        assert marker not in r.stdout
    assert english_sentences(r.stdout) == []
    for part in ("何を見つけるか", "例。", "なぜ", "直し方"):
        assert part in r.stdout
    source = run("explain", "--lang", "ja", "--format", "markdown", "conditional-leap").stdout
    assert source == rule_markdown("conditional-leap", "ja")
    assert "**何を見つけるか**" in source


def test_explain_lines_fit_the_terminal_by_display_width(run) -> None:  # type: ignore[no-untyped-def]
    from argmap.support import display_width

    r = run("explain", "--lang", "ja", "AM106", env={"COLUMNS": "60"})
    lines = r.stdout.splitlines()
    assert max(display_width(line) for line in lines) <= 59
    assert not any(line.startswith(("、", "。", "）", "」")) for line in lines)


def test_explain_list_in_japanese(run) -> None:  # type: ignore[no-untyped-def]
    r = run("explain", "--lang", "ja")
    assert r.exit_code == 0
    assert english_sentences(r.stdout.replace("argmap explain", "")) == []
    for rule in all_rules():
        assert rule.ja_name in r.stdout
    assert "循環（AM2xx）" in r.stdout and "エラー" in r.stdout
    md = run("explain", "--lang", "ja", "--format", "markdown").stdout
    assert md == catalogue_markdown("ja") and "**AM201** 循環論法（エラー）" in md


def test_japanese_rule_names_work_everywhere(run, tmp_path: Path, every_rule: Path) -> None:  # type: ignore[no-untyped-def]
    assert run("explain", "循環論法").stdout == run("explain", "AM201").stdout
    assert find_rule(" 循環論法 ") is find_rule("circular-support")
    r = run("check", "--format", "json", str(every_rule), "--select", "循環論法,仮定の上の断定")
    assert {f["code"] for f in json.loads(r.stdout)["files"][0]["findings"]} == {"AM201", "AM103"}
    r = run("check", "--format", "json", str(every_rule), "--ignore", "使われていない主張")
    assert "AM305" not in {f["code"] for f in json.loads(r.stdout)["files"][0]["findings"]}
    silenced = every_rule.read_text(encoding="utf-8").replace("E6: [循環論]", "E6: [出典のない証拠]")
    assert "AM301" not in {d.code for d in check(loads(silenced), lang="en")}
    (tmp_path / "pyproject.toml").write_text(
        '[tool.argmap]\nselect = ["支えの弱い結論", "弱い関連"]\nignore = ["弱い関連"]\n'
        '[tool.argmap.thresholds]\n"支えの弱い結論" = 0.2\n',
        encoding="utf-8",
    )
    r = run("check", "--format", "json", str(every_rule))
    assert {f["code"] for f in json.loads(r.stdout)["files"][0]["findings"]} == set()  # C10 at 0.3 passes 0.2
    config = Config.from_table({"thresholds": {"弱い関連": 0.5}}, "p.toml")
    assert config.thresholds == {"weak-relevance": 0.5}


def test_did_you_mean_suggests_japanese_names_in_japanese(run) -> None:  # type: ignore[no-untyped-def]
    r = run("check", "--lang", "ja", str(NATO), "--select", "循環論")
    assert r.exit_code == 2
    assert "「循環論」というルールはありません（もしかして「循環論法」ですか？）" in r.output
    assert english_sentences(r.stderr.replace("argmap check", "")) == [] or "Usage" not in r.stderr
    r = run("explain", "--lang", "ja", "隠れた前堤")
    assert r.exit_code == 2 and "「隠れた前提」" in r.output
    with pytest.raises(UnknownRuleError, match="did you mean '根拠のない結論'"):
        find_rule("根拠のない結")


def test_config_errors_in_japanese(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    cases = [
        '[tool.argmap]\nignore = ["unused-claims"]\n',
        '[tool.argmap.thresholds]\n"弱い関" = 0.1\n',
        "[tool.argmap.thresholds]\nunused-claim = 0.1\n",
        "[tool.argmap.thresholds]\nweak-support = 2\n",
        "[tool.argmap]\nselect = 3\n",
        "tool = 1\n",
        "[tool.argmap\n",
    ]
    for body in cases:
        (tmp_path / "pyproject.toml").write_text(body, encoding="utf-8")
        r = run("check", "--lang", "ja", str(NATO))
        assert r.exit_code == 2, body
        assert "pyproject.toml" in r.stderr
        message = r.stderr.split("pyproject.toml", 1)[1]
        assert english_sentences(message) == [], (body, r.stderr)
        assert KANA.search(message), r.stderr
    with using("ja"), pytest.raises(ConfigError, match="もしかして「弱い関連」"):
        Config.from_table({"thresholds": {"弱い関": 0.1}}, "p.toml")


def test_check_help_in_japanese(run) -> None:  # type: ignore[no-untyped-def]
    r = run("check", "--help", env=JA)
    assert "論証マップのファイル" in r.stdout and "--lang" in r.stdout
    r = run("explain", "--help", "--lang", "ja")
    assert "ルール RULE を説明します" in r.stdout


def test_placeholders_agree_in_the_catalogue() -> None:
    def fields(text: str) -> set[str]:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}

    with (LOCALE_DIR / "ja" / "LC_MESSAGES" / "checks.po").open("rb") as f:
        catalogue = read_po(f, locale="ja", domain="checks")
    checked = 0
    for m in catalogue:
        if not m.id:
            continue
        ids = [m.id] if isinstance(m.id, str) else list(m.id)
        strings = [m.string] if isinstance(m.string, str) else list(m.string)
        for s in strings:
            assert s, ids[0]
            assert fields(s) == fields(ids[0]) or fields(s) == fields(ids[-1]), (ids[0], s)
            checked += 1
    assert checked > 100


def test_the_catalogue_is_complete_and_compiled() -> None:
    r = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "i18n.py"), "check", "checks"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert r.stdout == "" and r.returncode == 0, r.stdout
