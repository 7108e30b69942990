"""The command line in Japanese: the help of the group, validate and scaffold,
click's usage errors and validate's report, in the language chosen by
--lang, else the map's lang, else the locale; English unchanged."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from argmap.cli import main
from argmap.i18n import LOCALE_VARIABLES, _, ngettext, translations, using
from tests.language import english_sentences

ROOT = Path(__file__).resolve().parent.parent
JA_MAP = ROOT / "examples" / "nato-tokyo" / "map.argmap.yaml"
EN_MAP = ROOT / "examples" / "nato-tokyo" / "map.en.argmap.yaml"
ARTICLE = ROOT / "examples" / "articles" / "kitakawa-energy.txt"

#: No locale at all: English unless something else asks.
NO_LOCALE: dict[str, str | None] = dict.fromkeys(LOCALE_VARIABLES)
JA_LOCALE = {**NO_LOCALE, "LANG": "ja_JP.UTF-8"}
EN_LOCALE = {**NO_LOCALE, "LANG": "en_US.UTF-8"}

#: The commands whose help this file owns; check, explain and render are
#: tested with their own commands.
OWN = ("", "validate", "scaffold")
OTHERS = ("check", "explain", "render")


def run(*args: str, env: dict[str, str | None] | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(
        main, [a for a in args if a], env=NO_LOCALE if env is None else env, prog_name="argmap"
    )
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def english_in(text: str) -> list[str]:
    """The English phrases in a Japanese help or error, besides what is code:
    the command line (``argmap validate``), upper-case metavars (FILES,
    [OPTIONS]) and the choices of an option ([en|ja])."""
    commands = "|".join((*OWN[1:], *OTHERS))
    text = re.sub(rf"\bargmap(?: (?:{commands}))?\b", " ", text)
    text = re.sub(r"\[[a-z|]+\]", " ", text)  # [en|ja]
    text = re.sub(r"'[^'\s]*'", " ", text)  # what was typed, or may be: '--quiet', 'auto'
    text = re.sub(r"\b[A-Z]{2,}\b", " ", text)  # metavars
    return english_sentences(text)


def own_lines(help_text: str) -> str:
    """The group's help without the lines that list other helpers' commands."""
    return "\n".join(ln for ln in help_text.splitlines() if ln.split()[:1] not in ([c] for c in OTHERS))


# ------------------------------------------------------------------ help


@pytest.mark.parametrize("command", OWN)
@pytest.mark.parametrize("how", ["--lang", "locale"])
def test_help_is_japanese_with_lang_ja_or_a_japanese_locale(command: str, how: str) -> None:
    if how == "--lang":
        code, out, err = run(command, "--help", "--lang", "ja")
    else:
        code, out, err = run(command, "--help", env=JA_LOCALE)
    assert (code, err) == (0, "")
    assert out.startswith("使い方: argmap")
    assert "オプション:" in out and "この説明を表示して終わります。" in out
    assert english_in(own_lines(out)) == []


@pytest.mark.parametrize("command", OWN)
def test_english_help_is_the_same_however_english_is_asked_for(command: str) -> None:
    plain = run(command, "--help")
    assert plain[0] == 0
    assert plain == run(command, "--help", "--lang", "en")
    assert plain == run(command, "--help", env=EN_LOCALE)
    assert plain == run(command, "--help", "--lang", "en", env=JA_LOCALE)  # --lang beats the locale
    out = own_lines(plain[1])
    assert out.isascii(), [ln for ln in out.splitlines() if not ln.isascii()]
    assert out.startswith("Usage: argmap") and "Show this message and exit." in out


def test_japanese_help_wraps_by_the_columns_a_terminal_draws() -> None:
    from argmap.support import display_width

    _, out, _ = run("scaffold", "--help", "--lang", "ja")
    lines = out.splitlines()
    assert max(display_width(ln) for ln in lines) <= 80
    for before, after in itertools.pairwise(lines):
        if before.strip() and after.strip():
            assert after.lstrip()[0] not in "、。）」", (before, after)


def test_a_help_shown_in_one_language_does_not_stay_in_the_next() -> None:
    # click keeps the help option and the path metavars it makes: they must follow the language
    ja = run("scaffold", "--help", "--lang", "ja")[1]
    en = run("scaffold", "--help")[1]
    assert "この説明を表示して終わります。" in ja and "-o, --output FILE " in ja
    assert en.isascii() and "-o, --output FILE " in en
    assert run("scaffold", "--help", "--lang", "ja")[1] == ja


# --------------------------------------------------------- usage errors

USAGE_ERRORS = [
    ("validate",),  # a missing argument
    ("scaffold",),
    ("validate", "--quite", "x"),  # an unknown option, with a suggestion
    ("valdate",),  # an unknown command
    ("validate", "--max-size", "0", "x"),  # out of range
    ("validate", "--max-size", "nan", "x"),  # not a finite number
    ("validate", "--max-size", "abc", "x"),  # not a number
    ("validate", "x", "--max-size"),  # an option with no value
    ("scaffold", "--lang", "fr", "x"),  # not one of the choices
    ("validate", "--lang", "fr", "x"),
    ("scaffold", "a.txt", "b.txt"),  # an extra argument
    ("validate", "x", "--quiet=yes"),  # a flag given a value
]


@pytest.mark.parametrize("args", USAGE_ERRORS)
def test_usage_errors_are_japanese_with_lang_ja(args: tuple[str, ...]) -> None:
    if "--lang" in args:  # a second --lang would replace the bad one: the locale asks instead
        code, out, err = run(*args, env=JA_LOCALE)
    else:
        code, out, err = run(*args, "--lang", "ja")
    assert code == 2 and out == ""
    assert "エラー：" in err and english_in(err) == [], err
    if args[-1] not in ("--max-size", "--quiet=yes"):  # click shows no usage for these two
        assert "使い方: argmap" in err


@pytest.mark.parametrize("args", USAGE_ERRORS)
def test_usage_errors_are_japanese_in_a_japanese_locale_and_english_otherwise(args: tuple[str, ...]) -> None:
    code, _, err = run(*args, env=JA_LOCALE)
    assert code == 2 and "エラー：" in err and english_in(err) == [], err
    code, _, err = run(*args)
    assert code == 2 and err.isascii() and "Error: " in err
    if args[-1] not in ("--max-size", "--quiet=yes"):  # click shows no usage for these two
        assert "Usage: argmap" in err


def test_a_missing_command_is_japanese() -> None:
    code, _, err = run("--lang", "ja")
    assert code == 2 and "エラー：" in err and english_in(err) == []


def test_a_missing_argument_is_said_in_one_japanese_sentence() -> None:
    _, _, err = run("validate", "--lang", "ja")
    assert "FILES..." in err.splitlines()[-1]
    assert run("validate")[2].splitlines()[-1] == "Error: Missing argument 'FILES...'."


# ------------------------------------------- every click text translated


@pytest.fixture
def click_texts(monkeypatch: pytest.MonkeyPatch) -> set[str]:
    """The texts click sends through gettext while the test runs."""
    seen: set[str] = set()

    def recording(message: str) -> str:
        seen.add(message)
        return _(message)

    def recording_n(singular: str, plural: str, n: int) -> str:
        seen.add(singular)
        return ngettext(singular, plural, n)

    for name in ("core", "decorators", "exceptions", "formatting", "parser", "termui", "types", "utils"):
        module = getattr(click, name)
        if hasattr(module, "_"):
            monkeypatch.setattr(module, "_", recording)
        if hasattr(module, "ngettext"):
            monkeypatch.setattr(module, "ngettext", recording_n)
    return seen


def test_every_click_text_on_these_paths_is_translated(click_texts: set[str]) -> None:
    for command in OWN:
        run(command, "--help", "--lang", "ja")
    for args in USAGE_ERRORS:
        run(*args, env=JA_LOCALE)
    run("--lang", "ja")
    assert {"Usage:", "Options", "Commands", "Error: {message}", "Missing command."} <= click_texts
    catalogue = translations("ja")
    # "required" is shown only for a required option (none yet), from a variable no extractor sees
    untranslated = sorted(t for t in click_texts | {"required"} if catalogue.gettext(t) == t)
    assert untranslated == []


# ---------------------------------------------------- which language


def said(out: str, path: Path) -> str:
    (line,) = out.splitlines()
    assert line.startswith(f"{path}: ")
    return line.removeprefix(f"{path}: ")


def is_japanese(text: str) -> bool:
    return "件" in text and english_in(text) == []


def is_english(text: str) -> bool:
    return text.startswith("ok (") and text.isascii()


def test_lang_beats_the_map_which_beats_the_locale() -> None:
    assert is_japanese(said(run("validate", str(JA_MAP))[1], JA_MAP))
    assert is_english(said(run("validate", str(JA_MAP), "--lang", "en")[1], JA_MAP))
    assert is_japanese(said(run("validate", str(EN_MAP), "--lang", "ja")[1], EN_MAP))
    assert is_japanese(said(run("validate", str(JA_MAP), env=EN_LOCALE)[1], JA_MAP))
    assert is_english(said(run("validate", str(EN_MAP), env=JA_LOCALE)[1], EN_MAP))
    # --lang before the command, for the group, speaks for the command too
    assert is_english(said(run("--lang", "en", "validate", str(JA_MAP))[1], JA_MAP))


@pytest.mark.parametrize(
    ("locale", "japanese"),
    [
        ({"LANG": "ja_JP.UTF-8"}, True),
        ({"LANG": "en_US.UTF-8"}, False),
        ({"LANG": "C"}, False),
        ({"LC_MESSAGES": "ja_JP.UTF-8", "LANG": "en_US.UTF-8"}, True),
        ({"LC_ALL": "en_US.UTF-8", "LC_MESSAGES": "ja_JP.UTF-8"}, False),
        ({"LC_ALL": "ja_JP.UTF-8", "LANG": "en_US.UTF-8"}, True),
        ({"LANGUAGE": "ja", "LC_ALL": "en_US.UTF-8"}, True),
        ({"LANGUAGE": "fr:en", "LANG": "ja_JP.UTF-8"}, False),
    ],
)
def test_without_a_map_the_locale_decides_in_gettexts_order(
    tmp_path: Path, locale: dict[str, str], japanese: bool
) -> None:
    missing = tmp_path / "missing.argmap.yaml"
    code, _, err = run("validate", str(missing), env={**NO_LOCALE, **locale})
    assert code == 2 and err.startswith(f"{missing}:1:1: ")
    message = err.removeprefix(f"{missing}:1:1: ")
    assert message.isascii() != japanese
    if japanese:
        assert english_in(message) == []
        # and --lang still beats it
        assert run("validate", str(missing), "--lang", "en", env={**NO_LOCALE, **locale})[2].isascii()


def test_validate_counts_in_the_maps_language() -> None:
    with using("ja"):
        claims = ngettext("{n} claim", "{n} claims", 22).format(n=22)
    assert claims in run("validate", str(JA_MAP))[1]
    assert "(22 claims, 5 inferences, 2 attacks)" in run("validate", str(EN_MAP))[1]
