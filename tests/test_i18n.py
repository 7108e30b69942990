"""The translation catalogues: complete, in step with the code, and installed.

Every text marked in the code has a Japanese translation with the same
``{placeholders}``; every compiled ``.mo`` is what its ``.po`` compiles to;
a wheel and an editable install both carry the catalogues and speak Japanese.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
import zipfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from argmap import i18n
from argmap.i18n import DOMAINS, _, choose, from_locale, language_of, using

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
import i18n as catalogue_tool  # noqa: E402  (tools/i18n.py)


@pytest.mark.parametrize("domain", DOMAINS)
def test_every_text_has_a_japanese_translation_with_the_same_placeholders(domain: str) -> None:
    assert catalogue_tool.problems((domain,)) == []


def test_the_checker_finds_missing_translations_and_placeholders_that_differ() -> None:
    from babel.messages.catalog import Catalog

    catalog = Catalog(locale="ja", domain="core")
    catalog.add("{n} claims", "主張 {count} 件")  # a name the code does not fill: KeyError when shown
    catalog.add("{path}: too large", "大きすぎます")  # the path left out
    catalog.add("{n} claim", "主張 {n} 件")
    catalog.add(("{n} claim", "{n} claims"), ("主張 {n} 件",))
    catalog.add(("one claim", "{n} claims"), ("主張 {n} 件",))  # a plural's names may be used
    catalog.add("a {lone brace", "{ひとつ")  # shown as it is
    catalog.add("untranslated", "")
    assert catalogue_tool.missing(catalog) == ["untranslated"]
    found = catalogue_tool.placeholder_problems(catalog)
    assert len(found) == 2
    assert "does not fill" in found[0] and "{count}" in found[0]
    assert "left out" in found[1] and "{path}" in found[1]


def test_every_domain_has_a_compiled_catalogue_that_gettext_reads() -> None:
    for domain in DOMAINS:
        mo = i18n.LOCALE_DIR / "ja" / "LC_MESSAGES" / f"{domain}.mo"
        assert mo.is_file(), mo
    assert _("Usage:") == "Usage:" or i18n.current() != "en"
    with using("ja"):
        assert _("Usage:") != "Usage:"


@given(st.sampled_from(["ja", "ja_JP", "ja-JP", "ja_JP.UTF-8", "JA", "ja_JP@euro"]))
def test_japanese_locale_names_mean_japanese(tag: str) -> None:
    assert language_of(tag) == "ja"


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({}, None),
        ({"LANG": "ja_JP.UTF-8"}, "ja"),
        ({"LANG": "en_US.UTF-8"}, "en"),
        ({"LANG": "C.UTF-8"}, None),
        ({"LC_MESSAGES": "ja_JP.UTF-8", "LANG": "en_US.UTF-8"}, "ja"),
        ({"LC_ALL": "en_US.UTF-8", "LC_MESSAGES": "ja_JP.UTF-8"}, "en"),
        ({"LANGUAGE": "ja", "LC_ALL": "en_US.UTF-8"}, "ja"),
        ({"LANGUAGE": "de:fr", "LANG": "ja_JP.UTF-8"}, "ja"),
        ({"LANGUAGE": "", "LANG": "ja_JP.UTF-8"}, "ja"),
        ({"LANG": "fr_FR.UTF-8"}, None),
    ],
)
def test_the_locale_is_read_in_gettexts_order(env: dict[str, str], expected: str | None) -> None:
    assert from_locale(env) == expected


def test_an_explicit_choice_beats_the_map_which_beats_the_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANGUAGE", "ja")
    assert choose() == "ja"
    assert choose(None, "en") == "en"
    assert choose(None, "fr") == "en"  # a language argmap does not speak: English, not the locale
    assert choose("en", "ja") == "en"
    with pytest.raises(ValueError, match="lang must be one of"):
        choose("fr")


def test_each_thread_keeps_its_own_language() -> None:
    seen: dict[str, list[str]] = {"ja": [], "en": []}
    barrier = threading.Barrier(2)

    def speak(lang: str) -> None:
        with using(lang):
            barrier.wait()
            for _i in range(200):
                seen[lang].append(_("Usage:"))

    threads = [threading.Thread(target=speak, args=(lang,)) for lang in ("ja", "en")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert set(seen["en"]) == {"Usage:"}
    assert "Usage:" not in seen["ja"]


def _source_copy(tmp_path: Path) -> Path:
    """A copy of the source tree without build leftovers (a stale build/
    folder would hide a file missing from the package data)."""
    src = tmp_path / "src"
    shutil.copytree(
        ROOT,
        src,
        ignore=shutil.ignore_patterns(
            ".git", ".venv", "build", "dist", "*.egg-info", "__pycache__", ".*_cache", ".hypothesis", "docs"
        ),
    )
    return src


def _pip(cwd: Path, *args: str) -> None:
    r = subprocess.run(
        [sys.executable, "-m", "pip", "--disable-pip-version-check", "--quiet", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert r.returncode == 0, r.stderr


def _fresh_venv(tmp_path: Path) -> Path:
    """A new virtual environment holding no argmap, which finds argmap's
    dependencies (but not argmap) in this environment's site-packages."""
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=120)
    (site,) = venv.glob("lib/python*/site-packages")
    deps = [p for p in sys.path if p.endswith("site-packages") and Path(p).is_dir()]
    (site / "argmap_test_deps.pth").write_text("\n".join(deps) + "\n", encoding="utf-8")
    return venv


def _japanese_help(venv: Path, tmp_path: Path, source: Path) -> str:
    """``argmap --lang ja --help`` run by ``venv``'s Python from a folder
    away from the source tree; fails unless argmap was imported from under ``source``."""
    code = (
        "import sys, argmap; from argmap.cli import main\n"
        "assert argmap.__file__.startswith(sys.argv[1]), argmap.__file__\n"
        "sys.argv = ['argmap', '--lang', 'ja', '--help']; main()"
    )
    r = subprocess.run(
        [str(venv / "bin" / "python"), "-c", code, str(source)],
        cwd=tmp_path,
        env={k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert r.returncode == 0, r.stderr
    return r.stdout


def test_a_wheel_carries_the_catalogues_and_speaks_japanese(tmp_path: Path) -> None:
    src = _source_copy(tmp_path)
    _pip(src, "wheel", "--no-deps", "-w", str(tmp_path / "dist"), ".")
    (wheel,) = (tmp_path / "dist").glob("argmap-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for domain in DOMAINS:
        assert f"argmap/locale/ja/LC_MESSAGES/{domain}.mo" in names
    venv = _fresh_venv(tmp_path)
    _pip(src, "--python", str(venv / "bin" / "python"), "install", "--no-deps", "--no-index", str(wheel))
    out = _japanese_help(venv, tmp_path, venv)
    with using("ja"):
        assert _("Usage:") in out
        assert _("Show this message and exit.") in out


def test_an_editable_install_speaks_japanese(tmp_path: Path) -> None:
    src = _source_copy(tmp_path)
    venv = _fresh_venv(tmp_path)
    _pip(src, "--python", str(venv / "bin" / "python"), "install", "--no-deps", "-e", ".")
    out = _japanese_help(venv, tmp_path, src / "argmap")
    with using("ja"):
        assert _("Usage:") in out


def _calls_inside_fstrings(source: str) -> list[tuple[int, str]]:
    """Translation calls written inside an f-string: the extractor cannot see them there."""
    import io
    import re
    import tokenize

    call = re.compile(r"\b(?:N_|_|ngettext)\(\s*['\"]")
    found = []
    for tok in tokenize.generate_tokens(io.StringIO(source).readline):
        kind = tok.type
        fstring = kind == tokenize.STRING and "f" in tok.string.split("'")[0].split('"')[0].lower()
        if getattr(tokenize, "FSTRING_START", None) is not None and kind == tokenize.FSTRING_MIDDLE:
            fstring = False  # Python 3.12 tokenizes f-strings in parts; their calls are seen
        if fstring and call.search(tok.string):
            found.append((tok.start[0], tok.string[:60]))
    return found


def test_the_finder_of_calls_inside_fstrings_finds_one() -> None:
    assert _calls_inside_fstrings("""x = f"<h2>{_('Task')}</h2>"\n""") or sys.version_info >= (3, 12)
    assert not _calls_inside_fstrings("""x = f"<h2>{words['task']}</h2>"\n""")


def test_no_text_to_translate_is_written_inside_an_fstring() -> None:
    bad = []
    for path in sorted((ROOT / "argmap").rglob("*.py")):
        bad += [
            (path.relative_to(ROOT), line, text)
            for line, text in _calls_inside_fstrings(path.read_text("utf-8"))
        ]
    assert not bad, bad
