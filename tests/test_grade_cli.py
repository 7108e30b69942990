"""``argmap grade``: students' map files graded against a key file, as JSON and as text."""

from __future__ import annotations

import json
from pathlib import Path

import attrs
from click.testing import CliRunner

import argmap
from argmap.cli import main
from argmap.formats import dumps
from argmap.model import ArgumentMap, Kind
from tests.language import EN, english_sentences

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
    assert sorted(e["key"] for e in elements) == sorted(argmap.load(KEY).claims)
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
