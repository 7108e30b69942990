"""``argmap scaffold``: output, validation of the draft, bad input, atomic writes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.cli import main
from argmap.formats import load

DATA = Path(__file__).parent / "data" / "scaffold"
SEED = Path(__file__).resolve().parents[1].parent / "shared" / "seed" / "000_0a022b3aaaa693fc.txt"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("name", ["../../../examples/articles/kitakawa-energy.txt", "en_ports.txt", "seed"])
def test_draft_written_with_o_validates(tmp_path: Path, name: str) -> None:
    article = SEED if name == "seed" else DATA / name
    if not article.exists():
        pytest.skip(f"the seed article is not at {article}")
    out = tmp_path / "draft.argmap.yaml"
    code, stdout, stderr = run("scaffold", str(article), "-o", str(out))
    assert code == 0, stderr
    assert stdout == ""
    english = name == "en_ports.txt"
    # the summary, like the notes and the comment block, is in the article's language
    assert stderr.startswith(f"{out}: ") and (("drafted" in stderr) == english)
    assert run("validate", str(out))[0] == 0
    amap = load(out)
    assert amap.claims
    assert amap.document is not None and amap.document.file is not None
    assert (out.parent / amap.document.file).resolve() == article.resolve()
    text = out.read_text(encoding="utf-8")
    assert ("# Not in the map" in text) == english
    assert ("# 論証マップに入っていない部分" in text) == (not english)


def test_draft_to_stdout_and_lang_option(tmp_path: Path) -> None:
    code, stdout, _ = run("scaffold", str(DATA / "en_water.txt"))
    assert code == 0
    assert "lang: en" in stdout and "kind: evidence" in stdout
    code, stdout, _ = run("scaffold", "--lang", "ja", str(DATA / "en_water.txt"))
    assert code == 0 and "lang: ja" in stdout
    assert run("scaffold", "--lang", "fr", str(DATA / "en_water.txt"))[0] == 2


def _bad(tmp_path: Path, name: str, data: bytes | None) -> tuple[Path, Path]:
    article = tmp_path / name
    if data is not None:
        article.write_bytes(data)
    out = tmp_path / "out.argmap.yaml"
    out.write_text("previous draft\n", encoding="utf-8")
    return article, out


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("missing.txt", None, ":1:1: cannot read: No such file or directory"),
        ("latin1.txt", "一行目\nCafé".encode() + b"\xe9", ":2:5: the article is not UTF-8 text: byte 0xe9"),
        ("empty.txt", b"", ":1:1: the article is empty"),
        ("blank.txt", b" \n\n\t\n", ":1:1: the article is empty"),
    ],
)
def test_bad_article_is_a_located_one_line_error(
    tmp_path: Path, name: str, data: bytes | None, message: str
) -> None:
    article, out = _bad(tmp_path, name, data)
    code, stdout, stderr = run("scaffold", str(article), "-o", str(out))
    assert code == 2
    assert stdout == ""
    assert stderr.count("\n") == 1 and "Traceback" not in stderr
    assert stderr.startswith(f"{article}{message}"), stderr
    assert out.read_text(encoding="utf-8") == "previous draft\n"  # never truncated


def test_directory_is_a_located_error(tmp_path: Path) -> None:
    code, _, stderr = run("scaffold", str(tmp_path))
    assert code == 2
    assert stderr == f"{tmp_path}:1:1: is a directory, not an article\n"


@pytest.mark.parametrize("name", ["ja_transit.txt", "en_water.txt"])
def test_unwritable_output_leaves_no_partial_file(tmp_path: Path, name: str) -> None:
    out = tmp_path / "no-such-dir" / "draft.argmap.yaml"
    code, _, stderr = run("scaffold", str(DATA / name), "-o", str(out))
    assert code == 2
    assert stderr.count("\n") == 1 and str(out) in stderr and "Traceback" not in stderr
    if name.startswith("en"):
        assert "cannot write" in stderr
    assert not out.exists()


def test_help_stays_light() -> None:
    code = (
        "import sys\n"
        "from click.testing import CliRunner\n"
        "from argmap.cli import main\n"
        "r = CliRunner().invoke(main, ['scaffold', '--help'])\n"
        "assert r.exit_code == 0, r.output\n"
        "heavy = [m for m in ('argmap.scaffolding', 'yaml', 'budoux') if m in sys.modules]\n"
        "print(heavy)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
