"""Maps in other tools' formats on the command line: `argmap convert`, and
`check`, `validate`, `render` reading Argdown and AIF directly (each format
told by the file's name, its bytes, or --from)."""

from __future__ import annotations

import json
import os
import shutil
import stat
import warnings
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

import argmap
from argmap.cli import main
from argmap.formats import FORMATS, ForeignFormatWarning, dumps, format_of, read, reads
from tests.language import EN, JA

ROOT = Path(__file__).resolve().parent.parent
FLAGSHIP = ROOT / "examples" / "nato-tokyo" / "map.argmap.yaml"
AIF_DATA = ROOT / "tests" / "data" / "aif"
ARGDOWN_DATA = ROOT / "tests" / "data" / "argdown"
NAMES = {
    "yaml": "out.argmap.yaml",
    "json": "out.argmap.json",
    "argdown": "out.argdown",
    "aif": "out.aif.json",
    "microtexts": "out.xml",
}


@pytest.fixture
def run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """argmap in an empty folder, in English unless ``env`` says otherwise."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("argmap.checks.config.find_pyproject", lambda start=".": None)

    def invoke(*args: str, env: dict[str, str | None] | None = None) -> Result:
        return CliRunner().invoke(main, list(args), env={**EN, **(env or {})})

    return invoke


def graph(amap: argmap.ArgumentMap) -> tuple[object, ...]:
    """What every format keeps: the claims' ids, kinds and texts, the inferences and the attacks."""
    return (
        sorted((c.id, c.kind.value, " ".join(c.text.split())) for c in amap.claims.values()),
        sorted((i.id, tuple(i.premises), i.conclusion) for i in amap.inferences.values()),
        sorted((a.source, a.target) for a in amap.attacks.values()),
    )


# -- which format a file is in ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("m.argmap.yaml", None, "yaml"),
        ("m.yml", None, "yaml"),
        ("notes.txt", None, "yaml"),
        ("m.argmap.json", b'{"nodes": []}', "json"),  # the name says argmap, whatever the bytes
        ("m.json", b'{"argmap": 1, "title": "t", "claims": {}}', "json"),
        ("m.json", None, "json"),
        ("nodeset6064.json", b'{"nodes": [], "edges": [], "locutions": []}', "aif"),
        ("xaif.json", b'{"AIF": {"nodes": []}}', "aif"),
        ("m.json", b'{"argmap": 1, "claims": {"C1": {"text": "\\"nodes\\": 1"}}}', "json"),
        ("M.AIF.JSON", None, "aif"),
        ("map.Argdown", None, "argdown"),
        ("micro_b001.xml", None, "microtexts"),
    ],
)
def test_format_of_follows_the_name_then_the_bytes(name: str, data: bytes | None, expected: str) -> None:
    assert format_of(name, data) == expected


def test_read_returns_the_warnings_and_load_turns_them_into_python_warnings() -> None:
    path = AIF_DATA / "dialogue.aif.json"
    imported = read(path)
    assert imported.warnings, "this file has a dialogue argmap does not keep"
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        amap = argmap.load(path)
    assert amap == imported.map
    assert [str(w.message) for w in caught if issubclass(w.category, ForeignFormatWarning)] == [
        str(p) for p in imported.warnings
    ]
    assert all(str(p).startswith(f"{path}:") for p in imported.warnings)


def test_findings_on_a_foreign_file_name_the_place_in_that_file() -> None:
    amap = read(AIF_DATA / "conflict.aif.json").map
    text = (AIF_DATA / "conflict.aif.json").read_text(encoding="utf-8").splitlines()
    for cid in amap.claims:
        where = amap.location(cid)
        assert where is not None
        node = cid.removeprefix("n")
        assert f'"nodeID": "{node}"' in text[where.line - 1]
    down = ARGDOWN_DATA / "pcs.argdown"
    amap = read(down).map
    lines = down.read_text(encoding="utf-8").splitlines()
    for cid, claim in amap.claims.items():
        where = amap.location(cid)
        assert where is not None and where.file == str(down)
        assert cid in lines[where.line - 1] or claim.text.split()[0] in lines[where.line - 1]


def test_every_format_writes_what_it_reads_back() -> None:
    amap = argmap.load(FLAGSHIP)
    for fmt in FORMATS:
        back = reads(dumps(amap, fmt), fmt)
        assert graph(back.map) == graph(amap), fmt
        assert back.warnings == (), fmt
    assert reads(dumps(amap, "aif"), "aif").map == amap  # AIF keeps everything
    back = reads(dumps(amap, "argdown"), "argdown").map  # Argdown all but the attacks' ids
    assert (back.claims, back.inferences, back.date, back.document, back.ignore) == (
        amap.claims,
        amap.inferences,
        amap.date,
        amap.document,
        amap.ignore,
    )


def test_unknown_formats_are_refused_in_python() -> None:
    amap = argmap.load(FLAGSHIP)
    with pytest.raises(ValueError, match="unknown format 'xml'"):
        dumps(amap, "xml")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="unknown format"):
        read(FLAGSHIP, "graphml")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        reads(b"x", 3)  # type: ignore[arg-type]


# -- argmap convert ---------------------------------------------------------------------------


@pytest.mark.parametrize("source", sorted(NAMES))
@pytest.mark.parametrize("target", sorted(NAMES))
def test_convert_between_every_pair_of_formats(run, tmp_path: Path, source: str, target: str) -> None:  # type: ignore[no-untyped-def]
    first = tmp_path / f"in.{NAMES[source]}"
    first.write_text(dumps(argmap.load(FLAGSHIP), source), encoding="utf-8")  # type: ignore[arg-type]
    r = run("convert", str(first), NAMES[target])
    assert r.exit_code == 0, r.output
    assert r.stderr == ""
    out = read(tmp_path / NAMES[target])
    assert format_of(NAMES[target]) == target
    assert graph(out.map) == graph(argmap.load(FLAGSHIP))


def test_convert_prints_what_was_lost_and_still_writes(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    source = AIF_DATA / "dialogue.aif.json"
    r = run("convert", str(source), "out.argmap.yaml")
    assert r.exit_code == 0
    expected = read(source).warnings
    assert r.stderr.splitlines() == [f"{p.location}: warning: {p.message}" for p in expected]
    assert argmap.load(tmp_path / "out.argmap.yaml") == read(source).map


def test_convert_speaks_japanese(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    r = run("convert", str(AIF_DATA / "dialogue.aif.json"), "out.argmap.yaml", env=JA)
    assert r.exit_code == 0
    assert r.stderr and all(": 警告: " in line for line in r.stderr.splitlines())
    r = run("convert", "missing.argdown", "out.argmap.yaml", env=JA)
    assert r.exit_code == 2
    assert "missing.argdown:1:1:" in r.stderr and "Traceback" not in r.output


def test_convert_takes_the_formats_from_the_options(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    corpus_like = tmp_path / "nodeset1.json"
    shutil.copy(AIF_DATA / "support.aif.json", corpus_like)
    r = run("convert", str(corpus_like), "-", "--to", "argdown")
    assert r.exit_code == 0, r.output
    assert graph(reads(r.stdout, "argdown").map) == graph(read(AIF_DATA / "support.aif.json").map)
    # a file named as argmap's YAML, read as AIF because --from says so
    disguised = tmp_path / "disguised.argmap.yaml"
    shutil.copy(AIF_DATA / "support.aif.json", disguised)
    assert run("convert", str(disguised), "a.argmap.json").exit_code == 2  # AIF is not YAML argmap reads
    r = run("convert", str(disguised), "a.argmap.json", "--from", "aif")
    assert r.exit_code == 0
    # .json admits AIF as well as argmap's JSON
    r = run("convert", str(FLAGSHIP), "nodeset.json", "--to", "aif")
    assert r.exit_code == 0
    assert format_of("nodeset.json", (tmp_path / "nodeset.json").read_bytes()) == "aif"


def test_standard_output_gets_yaml_unless_asked(run) -> None:  # type: ignore[no-untyped-def]
    r = run("convert", str(FLAGSHIP), "-")
    assert r.exit_code == 0
    assert argmap.loads(r.stdout) == argmap.load(FLAGSHIP)


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["out.txt"], "cannot tell the format from the name out.txt"),
        (["out", "--to", "xml"], "'xml' is not one of"),
        (["out.argdown", "--to", "aif"], "--to aif contradicts the extension of out.argdown"),
        (["out.argmap.json", "--to", "yaml"], "--to yaml contradicts"),
        (["out.argmap.yaml", "--from", "docx"], "'docx' is not one of"),
    ],
)
def test_convert_usage_errors_write_nothing(run, tmp_path: Path, args: list[str], says: str) -> None:  # type: ignore[no-untyped-def]
    r = run("convert", str(FLAGSHIP), *args)
    assert r.exit_code == 2
    assert says in r.output
    assert list(tmp_path.iterdir()) == []


def test_convert_never_replaces_its_input_nor_a_file_when_the_input_is_bad(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    down = tmp_path / "m.argdown"
    down.write_text(dumps(argmap.load(FLAGSHIP), "argdown"), encoding="utf-8")
    before = down.read_bytes()
    for same in ("m.argdown", "./m.argdown", str(down)):
        r = run("convert", "m.argdown", same, "--to", "argdown")
        assert r.exit_code == 2, same
        assert "is an input" in r.stderr
        assert down.read_bytes() == before
    os.link(down, tmp_path / "hard.argdown")
    assert run("convert", "m.argdown", "hard.argdown").exit_code == 2
    assert down.read_bytes() == before
    kept = tmp_path / "kept.argmap.yaml"
    kept.write_text("precious\n", encoding="utf-8")
    (tmp_path / "bad.aif.json").write_text('{"nodes": 3}', encoding="utf-8")
    r = run("convert", "bad.aif.json", "kept.argmap.yaml")
    assert r.exit_code == 2
    assert r.stderr.startswith("bad.aif.json:1:1: ")
    assert kept.read_text(encoding="utf-8") == "precious\n"


def test_convert_to_a_device_writes_into_it_and_refuses_a_folder(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    r = run("convert", str(FLAGSHIP), "/dev/null", "--to", "aif")
    assert r.exit_code == 0
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)
    (tmp_path / "dir.argdown").mkdir()
    r = run("convert", str(FLAGSHIP), "dir.argdown")
    assert r.exit_code == 2
    assert "directory" in r.stderr
    r = run("convert", str(tmp_path), "x.argdown")
    assert r.exit_code == 2
    assert "Traceback" not in r.output


# -- check, validate and render on foreign files ------------------------------------------------


def test_check_reads_argdown_and_aif_and_reports_located_findings(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    amap = argmap.load(FLAGSHIP)
    (tmp_path / "m.aif.json").write_text(dumps(amap, "aif"), encoding="utf-8")
    ours = run("check", str(FLAGSHIP), "--format", "json", "--lang", "en")
    theirs = run("check", "m.aif.json", "--format", "json", "--lang", "en")
    assert ours.exit_code == theirs.exit_code
    mine = json.loads(ours.stdout)["files"][0]["findings"]
    other = json.loads(theirs.stdout)["files"][0]["findings"]
    # the same findings (AIF keeps everything), each located in the AIF file
    assert sorted((f["code"], f["elements"]) for f in mine) == sorted(
        (f["code"], f["elements"]) for f in other
    )
    assert all(f["location"] and f["location"]["file"] == "m.aif.json" for f in other)


def test_check_json_carries_each_file_s_warnings(run) -> None:  # type: ignore[no-untyped-def]
    source = AIF_DATA / "dialogue.aif.json"
    r = run("check", str(source), "--format", "json")
    entry = json.loads(r.stdout)["files"][0]
    assert entry["warnings"] == [
        {
            "message": p.message,
            "location": {"file": str(source), "line": p.location.line, "column": p.location.column},
        }
        for p in read(source).warnings
        if p.location is not None
    ]
    assert entry["loaded"] is True


def test_validate_and_render_take_foreign_files(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    r = run("validate", str(ARGDOWN_DATA / "pcs.argdown"))
    assert r.exit_code == 0
    amap = read(ARGDOWN_DATA / "pcs.argdown").map
    assert f"({len(amap.claims)} claim" in r.stdout
    shutil.copy(AIF_DATA / "dialogue.aif.json", tmp_path / "d.json")
    r = run("validate", "d.json", "--from", "aif")
    assert r.exit_code == 0
    assert ": warning: " in r.stderr
    r = run("render", str(AIF_DATA / "conflict.aif.json"), "-o", "c.svg", "--no-findings")
    assert r.exit_code == 0, r.output
    assert (tmp_path / "c.svg").read_text(encoding="utf-8").lstrip().startswith(("<?xml", "<svg"))


# -- argmap check over many files -------------------------------------------------------------


def corpus(folder: Path) -> list[str]:
    """A folder of maps in every format, one that does not load, and files that are not maps."""
    folder.mkdir()
    flagship = argmap.load(FLAGSHIP)
    for n in range(3):
        for fmt, name in NAMES.items():
            (folder / f"{n}-{name}").write_text(dumps(flagship, fmt), encoding="utf-8")  # type: ignore[arg-type]
    shutil.copy(AIF_DATA / "dialogue.aif.json", folder / "dialogue.aif.json")
    (folder / "sub").mkdir()
    shutil.copy(ROOT / "examples" / "circular.argmap.yaml", folder / "sub" / "circular.argmap.yaml")
    (folder / "sub" / "broken.argmap.yaml").write_text("argmap: 1\ntitle: t\nclaims: 3\n", encoding="utf-8")
    (folder / ".hidden").mkdir()
    (folder / ".hidden" / "x.argmap.yaml").write_text("not looked at", encoding="utf-8")
    (folder / "notes.txt").write_text("not a map", encoding="utf-8")
    (folder / "article.xml").write_text("<html/>", encoding="utf-8")  # XML, but not an arggraph
    return sorted(
        str(p.relative_to(folder.parent))
        for p in folder.rglob("*")
        if p.is_file() and p.name not in {"notes.txt", "article.xml"} and ".hidden" not in p.parts
    )


def test_a_folder_is_every_map_file_in_it_sorted_and_the_summary_counts_them_all(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    expected = corpus(tmp_path / "maps")
    r = run("check", "maps", "--format", "json", "--jobs", "1")
    assert r.exit_code == 2  # one file does not load
    document = json.loads(r.stdout)
    files = [entry["file"] for entry in document["files"]]
    assert sorted(files) == expected
    assert files == sorted(files[: len(files) - 2]) + sorted(files[-2:])  # the folder, then its subfolder
    summary = document["summary"]
    assert summary["files"] == len(expected)
    assert summary["loaded"] == len(expected) - 1
    found = [f for entry in document["files"] for f in entry["findings"]]
    assert summary["findings"] == {
        s: sum(f["severity"] == s for f in found) for s in ("error", "warning", "info")
    }
    codes: dict[str, int] = {}
    for f in found:
        codes[f["code"]] = codes.get(f["code"], 0) + 1
    assert summary["rules"] == codes
    r = run("check", "maps", "--from", "aif", "--format", "json")
    only = [entry["file"] for entry in json.loads(r.stdout)["files"]]
    assert only and all(name.endswith(".json") for name in only)
    r = run("check", "maps", "--from", "microtexts", "--format", "json")
    entries = json.loads(r.stdout)["files"]
    assert [e["file"] for e in entries] == [
        "maps/0-out.xml",
        "maps/1-out.xml",
        "maps/2-out.xml",
        "maps/article.xml",
    ]
    assert [e["loaded"] for e in entries] == [True, True, True, False]  # --from takes every .xml at its word


def test_many_files_in_parallel_print_exactly_what_one_process_prints(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    corpus(tmp_path / "maps")
    for args in (["--format", "json"], ["--statistics"], ["--lang", "ja", "--strict"]):
        alone = run("check", "maps", "--jobs", "1", *args)
        together = run("check", "maps", "--jobs", "3", *args)
        assert (together.exit_code, together.stdout, together.stderr) == (
            alone.exit_code,
            alone.stdout,
            alone.stderr,
        )


def test_the_summary_and_statistics_of_many_files(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    corpus(tmp_path / "maps")
    data = json.loads(run("check", "maps", "--format", "json").stdout)
    r = run("check", "maps", "--statistics")
    lines = r.stdout.splitlines()
    total = data["summary"]
    findings = total["findings"]
    head = f"{total['files']} files checked: {findings['error']} errors, {findings['warning']} warnings, {findings['info']} info"
    at = lines.index(head)
    assert lines[at + 1] == "1 file could not be read (see the messages above)"
    table = lines[at + 2 :]
    assert len(table) == len(total["rules"])
    for line in table:
        count, code = line.split()[:2]
        assert total["rules"][code] == int(count)
        files = sum(any(f["code"] == code for f in entry["findings"]) for entry in data["files"])
        assert line.endswith(f"(in {files} file{'s' if files != 1 else ''})")
    assert [int(line.split()[0]) for line in table] == sorted(
        (int(line.split()[0]) for line in table), reverse=True
    )
    # one file: its own summary line and no total
    one = run("check", str(FLAGSHIP)).stdout.splitlines()
    assert one[-1].startswith(f"{FLAGSHIP}: ") and "files checked" not in one[-1]
    ja = run("check", "maps", "--lang", "ja").stdout.splitlines()
    assert any(line.startswith(f"{total['files']} 個のファイルを調べました") for line in ja)


def test_an_empty_folder_and_a_folder_link_loop_are_bad_input_not_a_hang(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "empty").mkdir()
    r = run("check", "empty")
    assert r.exit_code == 2
    assert "empty" in r.stderr
    loop = tmp_path / "loop"
    loop.mkdir()
    (loop / "self").symlink_to(loop)
    shutil.copy(ROOT / "examples" / "clean.argmap.yaml", loop / "clean.argmap.yaml")
    r = run("check", "loop")
    assert r.exit_code == 0
    assert r.stdout.count("clean.argmap.yaml") == 1


# -- the page that documents it ---------------------------------------------------------------

DOC = ROOT / "docs" / "interop.md"


def _block(kind: str, after: str) -> str:
    text = DOC.read_text(encoding="utf-8")
    section = text[text.index(after) :]
    start = section.index(f"```{kind}\n") + len(kind) + 4
    return section[start : section.index("```", start)]


def _scratch(tmp_path: Path) -> None:
    """The files the page's examples name."""
    flagship = argmap.load(FLAGSHIP)
    (tmp_path / "debate.argdown").write_text(dumps(flagship, "argdown"), encoding="utf-8")
    shutil.copy(AIF_DATA / "conflict.aif.json", tmp_path / "nodeset6064.json")
    shutil.copy(AIF_DATA / "dialogue.aif.json", tmp_path / "debate.aif.json")
    shutil.copy(FLAGSHIP, tmp_path / "map.argmap.yaml")
    (tmp_path / "corpus").mkdir()
    for name in ("support", "conflict", "rephrase"):
        shutil.copy(AIF_DATA / f"{name}.aif.json", tmp_path / "corpus" / f"nodeset-{name}.json")
    shutil.copy(ROOT / "tests" / "data" / "microtexts" / "support.xml", tmp_path / "micro_b001.xml")


def test_the_commands_on_the_page_run_as_it_says(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _scratch(tmp_path)
    lines = [line.split("#")[0].split() for line in _block("", "## On the command line").splitlines() if line]
    assert len(lines) == 6
    for words in lines:
        assert words[0] == "argmap"
        r = run(*words[1:])
        assert r.exit_code in (0, 1), (words, r.output)  # 1: findings of error level, as check reports them
        assert "Traceback" not in r.output
    assert read(tmp_path / "debate.argmap.yaml").map == read(tmp_path / "debate.aif.json").map
    assert graph(read(tmp_path / "map.argdown").map) == graph(argmap.load(FLAGSHIP))
    assert (tmp_path / "debate.svg").exists()


def test_the_python_on_the_page_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _scratch(tmp_path)
    monkeypatch.chdir(tmp_path)
    exec(compile(_block("python", "## From Python"), str(DOC), "exec"), {})
    out = capsys.readouterr().out
    assert all(
        f"debate.aif.json:{p.location.line}:" in out
        for p in read(tmp_path / "debate.aif.json").warnings
        if p.location
    )


def test_the_command_line_names_the_formats_as_the_library_does() -> None:
    """The CLI keeps the formats and their file endings as constants (so --help imports
    nothing of the library): they must say what argmap.formats does."""
    from argmap.cli._common import MAP_EXTENSIONS, MAP_FORMATS

    assert MAP_FORMATS == FORMATS
    for end, formats in MAP_EXTENSIONS.items():
        assert set(formats) <= set(FORMATS)
        assert format_of(f"m{end}") == formats[0], end
    assert list(MAP_EXTENSIONS) == sorted(MAP_EXTENSIONS, key=lambda end: -end.count("."))  # longest first
