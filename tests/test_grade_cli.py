"""``argmap grade``: students' map files graded against a key file, as JSON and as text."""

from __future__ import annotations

import codecs
import csv
import html
import io
import json
import re
from pathlib import Path

import attrs
import pytest
from click.testing import CliRunner

import argmap
from argmap.cli import main
from argmap.formats import dumps
from argmap.model import ArgumentMap, Kind
from tests.language import EN, JA, english_sentences

KEY = Path(__file__).resolve().parent.parent / "examples" / "nato-tokyo" / "map.argmap.yaml"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner(env=EN).invoke(main, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def renamed(amap: ArgumentMap, drop: str | None = None) -> ArgumentMap:
    """``amap`` with every id renamed, and the claim ``drop`` (if given) left out."""
    ids = [*amap.claims, *amap.inferences, *amap.attacks]
    rename = {i: f"s{n}" for n, i in enumerate(ids)}
    claims = [attrs.evolve(c, id=rename[c.id]) for c in amap.claims.values() if c.id != drop]
    infs = [
        attrs.evolve(
            i,
            id=rename[i.id],
            premises=tuple(rename[p] for p in i.premises if p != drop),
            conclusion=rename[i.conclusion],
        )
        for i in amap.inferences.values()
    ]
    atts = [
        attrs.evolve(a, id=rename[a.id], source=rename[a.source], target=rename[a.target])
        for a in amap.attacks.values()
        if drop not in (a.source, a.target)
    ]
    return ArgumentMap(
        title=amap.title,
        lang=amap.lang,
        claims={c.id: c for c in claims},
        inferences={i.id: i for i in infs if i.premises},
        attacks={a.id: a for a in atts},
    )


def students(tmp_path: Path) -> dict[str, Path]:
    key = argmap.load(KEY)
    hidden = next(k for k, c in key.claims.items() if c.kind is Kind.ASSUMPTION)
    files = {
        "copy": renamed(key),
        "no-assumption": renamed(key, drop=hidden),
        "empty": ArgumentMap(title="空", lang="ja"),
    }
    out = {}
    for name, amap in files.items():
        path = tmp_path / f"{name}.argmap.yaml"
        path.write_text(dumps(amap), encoding="utf-8")
        out[name] = path
    bad = tmp_path / "bad.argmap.yaml"
    bad.write_text("argmap: 1\nlang: ja\nclaims:\n  c1: [\n", encoding="utf-8")
    out["bad"] = bad
    return out


def test_json_grades_each_student_and_sums_up_the_class(tmp_path: Path) -> None:
    files = students(tmp_path)
    good = [str(files[n]) for n in ("copy", "no-assumption", "empty")]
    code, out, err = run("grade", str(KEY), *good, "--format", "json")
    assert code == 0, err
    report = json.loads(out)
    assert set(report) == {"key", "students", "class"}
    assert report["key"] == str(KEY)
    rows = {Path(r["file"]).name.split(".")[0]: r for r in report["students"]}
    assert [r["file"] for r in report["students"]] == good
    assert rows["copy"]["score"] >= 0.95
    assert rows["empty"]["score"] == 0
    hidden = next(k for k, c in argmap.load(KEY).claims.items() if c.kind is Kind.ASSUMPTION)
    assert hidden in rows["no-assumption"]["missed"]
    assert any(
        f["code"] == "missed-assumption" and f["key"] == hidden for f in rows["no-assumption"]["feedback"]
    )
    summary = report["class"]
    assert set(summary) == {"students", "mean_score", "elements"}
    assert summary["students"] == 3
    scores = [r["score"] for r in report["students"]]
    assert abs(summary["mean_score"] - sum(scores) / 3) < 1e-9
    elements = summary["elements"]
    assert all(set(e) == {"key", "found_by"} for e in elements)
    key = argmap.load(KEY)
    assert sorted(e["key"] for e in elements) == sorted([*key.claims, *key.inferences, *key.attacks])
    # an element is found by the students whose grade does not list it as missed
    for e in elements:
        missing = sum(e["key"] in r["missed"] for r in report["students"])
        assert abs(e["found_by"] - (1 - missing / 3)) < 1e-9
    found = [e["found_by"] for e in elements]
    assert found == sorted(found)
    by_key = {e["key"]: e["found_by"] for e in elements}
    assert by_key[hidden] == 1 / 3  # only the full copy has it
    assert max(found) == 2 / 3  # nobody but the two copies finds anything


def test_a_file_that_does_not_load_is_reported_and_the_others_graded(tmp_path: Path) -> None:
    files = students(tmp_path)
    code, out, err = run("grade", str(KEY), str(files["bad"]), str(files["copy"]), "--format", "json")
    assert code == 2
    assert str(files["bad"]) in err
    bad, copy = json.loads(out)["students"]
    assert bad["file"] == str(files["bad"]) and bad["score"] is None
    assert bad["errors"] and all(set(e) == {"line", "column", "message"} for e in bad["errors"])
    assert isinstance(bad["errors"][0]["line"], int) and bad["errors"][0]["message"]
    assert copy["score"] >= 0.95
    assert json.loads(out)["class"]["students"] == 1


def test_a_key_that_does_not_load_exits_2(tmp_path: Path) -> None:
    files = students(tmp_path)
    code, out, err = run("grade", str(files["bad"]), str(files["copy"]))
    assert code == 2 and out == "" and str(files["bad"]) in err


def test_text_for_the_japanese_key_is_japanese(tmp_path: Path) -> None:
    files = students(tmp_path)
    code, out, _ = run("grade", str(KEY), *(str(files[n]) for n in ("copy", "no-assumption", "empty")))
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith(f"{files['copy']}: ")
    assert any(line.startswith("  ") for line in lines)  # feedback, indented
    assert english_sentences(out) == []
    assert "0.00" in out


def test_lang_en_gives_english(tmp_path: Path) -> None:
    files = students(tmp_path)
    code, out, _ = run("grade", str(KEY), str(files["no-assumption"]), "--lang", "en")
    assert code == 0
    assert out.startswith(f"{files['no-assumption']}: score ")
    assert english_sentences(out)
    assert not any("\u3040" <= ch <= "\u30ff" for line in out.splitlines()[1:] for ch in line)


def test_output_file_is_written(tmp_path: Path) -> None:
    files = students(tmp_path)
    target = tmp_path / "grades.json"
    code, out, _ = run("grade", str(KEY), str(files["copy"]), "--format", "json", "-o", str(target))
    assert code == 0 and out == ""
    assert json.loads(target.read_text(encoding="utf-8"))["students"][0]["score"] >= 0.95


def test_output_never_over_an_input(tmp_path: Path) -> None:
    files = students(tmp_path)
    before = files["copy"].read_bytes()
    code, _, _ = run("grade", str(KEY), str(files["copy"]), "-o", str(files["copy"]))
    assert code != 0
    assert files["copy"].read_bytes() == before


# --------------------------------------------------------------------------- formats and files


def run_bytes(*args: str, env: dict[str, str | None] = EN) -> tuple[int, bytes, str]:
    result = CliRunner(env=env).invoke(main, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout_bytes, result.stderr


def good(files: dict[str, Path]) -> list[str]:
    return [str(files[n]) for n in ("copy", "no-assumption", "empty")]


def csv_table(data: bytes) -> list[list[str]]:
    assert data.startswith(codecs.BOM_UTF8)
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_every_format_goes_to_standard_output_without_o(tmp_path: Path) -> None:
    files = students(tmp_path)
    outputs = {}
    for fmt in ("text", "json", "csv", "html"):
        code, out, err = run_bytes("grade", str(KEY), *good(files), "--format", fmt)
        assert code == 0, err
        outputs[fmt] = out
    assert json.loads(outputs["json"])["class"]["students"] == 3
    assert len(csv_table(outputs["csv"])) == 3 + 2
    assert outputs["html"].startswith(b"<!DOCTYPE html>") and outputs["html"].rstrip().endswith(b"</html>")
    assert outputs["text"].decode().startswith(str(files["copy"]))


def test_csv_is_the_json_report_of_the_same_run(tmp_path: Path) -> None:
    files = students(tmp_path)
    inputs = [str(files[n]) for n in ("copy", "bad", "no-assumption", "empty")]
    code_json, out, _ = run_bytes("grade", str(KEY), *inputs, "--format", "json", "--lang", "en")
    code_csv, data, _ = run_bytes("grade", str(KEY), *inputs, "--format", "csv", "--lang", "en")
    assert code_json == code_csv == 2
    report = json.loads(out)
    header, *rows, last = csv_table(data)
    elements = [e["key"] for e in report["class"]["elements"]]
    assert header[-len(elements) :] == elements
    first = len(header) - len(elements)
    columns = dict(zip(header, range(len(header)), strict=True))
    parts = [
        ("Claims (F1)", "claims", "f1"),
        ("Kinds (accuracy)", "kinds", "accuracy"),
        ("Links (F1)", "links", "f1"),
        ("Hidden premises (recall)", "assumptions", "recall"),
        ("Attacks (F1)", "attacks", "f1"),
    ]
    assert len(rows) == len(report["students"])
    for student, row in zip(report["students"], rows, strict=True):
        assert row[columns["File"]] == student["file"]
        if student["score"] is None:
            assert row[columns["Score"]] == ""
            lines = row[columns["Why the file did not load"]].splitlines()
            assert lines == [
                f"{student['file']}:{e['line']}:{e['column']}: {e['message']}" for e in student["errors"]
            ]
            continue
        assert abs(float(row[columns["Score"]]) - student["score"]) < 5e-5
        for name, part, measure in parts:
            assert abs(float(row[columns[name]]) - student["scores"][part][measure]) < 5e-5
        assert int(row[columns["Feedback items"]]) == len(student["feedback"])
        found = set(elements) - set(student["missed"])
        assert row[first:] == ["1" if k in found else "0" for k in elements]
    assert abs(float(last[columns["Score"]]) - report["class"]["mean_score"]) < 5e-5
    for e, cell in zip(report["class"]["elements"], last[first:], strict=True):
        assert abs(float(cell) - e["found_by"]) < 5e-5


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("r.txt", "text"),
        ("r.json", "json"),
        ("r.JSON", "json"),
        ("r.csv", "csv"),
        ("r.html", "html"),
        ("r.htm", "html"),
        ("report", "text"),
    ],
)
def test_o_chooses_the_format_from_the_extension(tmp_path: Path, name: str, fmt: str) -> None:
    files = students(tmp_path)
    target = tmp_path / name
    code, out, err = run_bytes("grade", str(KEY), str(files["copy"]), "-o", str(target))
    assert code == 0 and out == b"", err
    assert sniff(target.read_bytes()) == fmt


def sniff(data: bytes) -> str:
    """The format of a report, from its bytes."""
    if data.startswith(codecs.BOM_UTF8):
        return "csv"
    if data.startswith(b"<!DOCTYPE html>"):
        return "html"
    try:
        json.loads(data)
    except ValueError:
        return "text"
    return "json"


@pytest.mark.parametrize(("name", "fmt"), [("r", "csv"), ("r.CSV", "csv"), ("r.htm", "html")])
def test_format_and_extension_may_agree_or_the_name_have_none(tmp_path: Path, name: str, fmt: str) -> None:
    files = students(tmp_path)
    target = tmp_path / name
    code, _, err = run_bytes("grade", str(KEY), str(files["copy"]), "-o", str(target), "--format", fmt)
    assert code == 0, err
    assert sniff(target.read_bytes()) == fmt


@pytest.mark.parametrize(("name", "fmt"), [("r.csv", "json"), ("r.html", "csv"), ("r.json", "html")])
def test_a_format_that_contradicts_the_extension_is_refused(tmp_path: Path, name: str, fmt: str) -> None:
    files = students(tmp_path)
    target = tmp_path / name
    code, out, err = run_bytes("grade", str(KEY), str(files["copy"]), "-o", str(target), "--format", fmt)
    assert code == 2 and out == b""
    assert "contradicts" in err and name in err
    assert not target.exists()


def test_an_extension_argmap_does_not_write_is_refused(tmp_path: Path) -> None:
    files = students(tmp_path)
    target = tmp_path / "grades.xlsx"
    code, out, err = run_bytes("grade", str(KEY), str(files["copy"]), "-o", str(target))
    assert code == 2 and out == b""
    assert ".xlsx" in err and "--format" in err and ".csv" in err
    assert not target.exists()
    code, _, err = run_bytes("grade", str(KEY), str(files["copy"]), "-o", str(target), "--format", "csv")
    assert code == 0 and sniff(target.read_bytes()) == "csv"


@pytest.mark.parametrize("fmt", ["text", "json", "csv", "html"])
def test_a_bad_file_among_good_ones_exits_2_and_the_others_are_written(tmp_path: Path, fmt: str) -> None:
    files = students(tmp_path)
    target = tmp_path / "out"
    args = ("grade", str(KEY), str(files["copy"]), str(files["bad"]), str(files["empty"]))
    code, _, err = run_bytes(*args, "--format", fmt, "-o", str(target))
    assert code == 2
    assert f"{files['bad']}:5:" in err  # located on standard error
    data = target.read_bytes()
    assert sniff(data) == fmt
    text = data.decode("utf-8-sig")
    assert str(files["copy"]) in text and str(files["empty"]) in text
    if fmt in ("csv", "html"):
        assert f"{files['bad']}:5:" in text  # and in the report, located


@pytest.mark.parametrize("fmt", ["text", "csv", "html"])
def test_output_is_refused_over_any_input(tmp_path: Path, fmt: str) -> None:
    files = students(tmp_path)
    key = tmp_path / "key.argmap.yaml"
    key.write_bytes(KEY.read_bytes())
    for victim in (files["copy"], files["bad"], key):
        before = victim.read_bytes()
        code, out, err = run_bytes(
            "grade", str(key), str(files["copy"]), str(files["bad"]), "--format", fmt, "-o", str(victim)
        )
        assert code == 2 and out == b""
        assert f"{victim}: is an input of this command" in err
        assert victim.read_bytes() == before


def test_html_of_the_class_in_japanese_and_in_english(tmp_path: Path) -> None:
    files = students(tmp_path)
    code, out, _ = run_bytes("grade", str(KEY), *good(files), "--format", "html", env=JA)
    assert code == 0
    page = out.decode()
    assert '<html lang="ja">' in page
    visible = re.sub(r"<style>.*?</style>|<[^>]+>", "\n", page, flags=re.DOTALL)
    assert "得点の分布" in visible and english_sentences(html.unescape(visible)) == []
    code, out, _ = run_bytes("grade", str(KEY), *good(files), "--format", "html", "--lang", "en", env=JA)
    page = out.decode()
    assert code == 0 and '<html lang="en">' in page and "Score distribution" in page
    assert "得点の分布" not in page


def test_csv_headings_follow_the_language(tmp_path: Path) -> None:
    files = students(tmp_path)
    _, ja, _ = run_bytes("grade", str(KEY), str(files["copy"]), "--format", "csv", env=JA)
    _, en, _ = run_bytes("grade", str(KEY), str(files["copy"]), "--format", "csv", "--lang", "en", env=JA)
    ja_header, en_header = csv_table(ja)[0], csv_table(en)[0]
    assert ja_header[:2] == ["ファイル", "得点"] and en_header[:2] == ["File", "Score"]
    assert english_sentences(" ".join(ja_header)) == []
    assert ja_header[9:] == en_header[9:]  # the key's ids, whatever the language


def test_hostile_file_names_in_csv_and_html(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    files = students(tmp_path)
    monkeypatch.chdir(tmp_path)
    names = [
        "=cmd|' -C calc'!A0.argmap.yaml",
        '<script>alert("x").argmap.yaml',
        'a,b"c\nd.argmap.yaml',
        "\"'><img src=x onerror=alert(1)>.argmap.yaml",
    ]
    for name in names:
        (tmp_path / name).write_bytes(files["no-assumption"].read_bytes())
    code, data, err = run_bytes("grade", str(KEY), *names, "--format", "csv")
    assert code == 0, err
    cells = [row[0] for row in csv_table(data)[1:-1]]
    assert cells == ["'" + names[0], *names[1:]]
    code, data, err = run_bytes("grade", str(KEY), *names, "--format", "html")
    page = data.decode()
    assert code == 0, err
    assert "<script>" not in page and "<img" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;).argmap.yaml" in page
    assert "&quot;&#x27;&gt;&lt;img src=x onerror=alert(1)&gt;.argmap.yaml" in page


def test_formula_file_names_are_text_in_the_spreadsheet(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = students(tmp_path)
    monkeypatch.chdir(tmp_path)
    for name in ("=1+1.argmap.yaml", "+1.argmap.yaml", "-1.argmap.yaml", "@A1.argmap.yaml"):
        (tmp_path / name).write_bytes(files["copy"].read_bytes())
    args = ["=1+1.argmap.yaml", "+1.argmap.yaml", "./-1.argmap.yaml", "@A1.argmap.yaml"]
    code, data, err = run_bytes("grade", str(KEY), *args, "--format", "csv")
    assert code == 0, err
    cells = [row[0] for row in csv_table(data)[1:-1]]
    assert cells == ["'=1+1.argmap.yaml", "'+1.argmap.yaml", "./-1.argmap.yaml", "'@A1.argmap.yaml"]


def test_help_names_the_formats_and_where_they_go() -> None:
    code, out, _ = run("grade", "--help")
    assert code == 0
    flat = " ".join(out.split())
    for word in ("text", "json", "csv", "html", ".csv", ".html", "without -o it goes to standard output"):
        assert word in flat


def test_on_a_terminal_csv_and_html_are_shown_safely(tmp_path: Path) -> None:
    """On a terminal: no byte order mark, CRLF shown as new lines, control characters as escapes."""
    files = students(tmp_path)
    evil = tmp_path / "a\x1b]0;pwned\x07.argmap.yaml"
    evil.write_bytes(files["copy"].read_bytes())
    for fmt in ("csv", "html"):
        shown = on_a_terminal(["grade", str(KEY), str(evil), "--format", fmt])
        assert "\x1b" not in shown and "\x07" not in shown and "\ufeff" not in shown
        assert "\\x1b]0;pwned\\x07" in shown


def on_a_terminal(args: list[str]) -> str:
    """What argmap ARGS prints to a terminal (a pseudo-terminal), as text."""
    import os
    import pty
    import subprocess
    import sys

    leader, follower = pty.openpty()
    env = {k: v for k, v in os.environ.items() if k not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES")}
    env["LANG"] = "C.UTF-8"
    proc = subprocess.Popen(
        [sys.executable, "-m", "argmap", *args], stdout=follower, stderr=subprocess.DEVNULL, env=env
    )
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal closed
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(leader)
    assert proc.wait(timeout=120) == 0
    return b"".join(chunks).decode("utf-8").replace("\r\n", "\n")


def test_the_class_line_counts_in_english_grammar(tmp_path: Path) -> None:
    files = students(tmp_path)
    code, out, err = run("grade", str(KEY), str(files["copy"]), "--lang", "en")
    assert code == 0, err
    assert "Class: 1 student graded," in out
    code, out, err = run("grade", str(KEY), str(files["copy"]), str(files["empty"]), "--lang", "en")
    assert "Class: 2 students graded," in out
