"""Keep the translation catalogues in step with the code.

    python tools/i18n.py update [DOMAIN...]   # add new texts to the .po files, drop unused ones
    python tools/i18n.py compile [DOMAIN...]  # write the .mo files argmap reads
    python tools/i18n.py check [DOMAIN...]    # exit 1 if a text has no translation or a .mo is stale

DOMAIN is one of core, formats, checks, drawing, scaffold, cli, click (default: all).

Texts are found by Babel's extractor: every ``_("...")``, ``N_("...")`` and
``ngettext("...", "...", n)`` in argmap's code. Each part of argmap has its
own catalogue (``argmap/locale/ja/LC_MESSAGES/<domain>.po``); the ``click``
catalogue holds the texts of click, the command-line library, found in the
installed click. The compiled ``.mo`` files are committed, so every install
(a wheel, ``pip install .``, ``pip install -e .``) has them without a build step.
"""

from __future__ import annotations

import io
import string
import sys
from collections.abc import Iterator
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
PKG = ROOT / "argmap"
sys.path.insert(0, str(ROOT))

from argmap.i18n import DOMAINS, LANGUAGES, LOCALE_DIR  # noqa: E402

#: The source files of each domain: each part of argmap, with the command that speaks for it.
SOURCES = {
    "core": ["argmap/*.py"],
    "formats": ["argmap/formats/**/*.py"],
    "checks": ["argmap/checks/**/*.py", "argmap/cli/check.py", "argmap/cli/explain.py"],
    "drawing": ["argmap/drawing/**/*.py", "argmap/cli/render.py"],
    "scaffold": ["argmap/scaffolding/**/*.py", "argmap/cli/scaffold.py"],
    "exercises": ["argmap/exercises/**/*.py", "argmap/cli/grade.py", "argmap/cli/worksheet.py"],
    "cli": [
        "argmap/cli/__init__.py",
        "argmap/cli/_common.py",
        "argmap/cli/_pool.py",
        "argmap/cli/convert.py",
        "argmap/cli/validate.py",
        "argmap/cli/serve.py",
    ],
}
TRANSLATED = [lang for lang in LANGUAGES if lang != "en"]


def _click_dir() -> Path:
    import click

    return Path(click.__file__).resolve().parent


def extract(domain: str) -> Catalog:
    """The template catalogue of ``domain``: every marked text in its code."""
    template = Catalog(domain=domain, project="argmap", fuzzy=False)
    if domain == "click":
        found: Iterator[tuple[str, int, str | tuple[str, ...], list[str], str | None]] = extract_from_dir(
            str(_click_dir()), method_map=[("**.py", "python")], keywords=DEFAULT_KEYWORDS
        )
        for filename, lineno, message, comments, context in found:
            template.add(
                message, locations=[(f"click/{filename}", lineno)], auto_comments=comments, context=context
            )
        return template
    for path in sorted({p for pattern in SOURCES[domain] for p in ROOT.glob(pattern)}):
        for filename, lineno, message, comments, context in _extract_file(path):
            template.add(message, locations=[(filename, lineno)], auto_comments=comments, context=context)
    return template


def _extract_file(path: Path) -> Iterator[tuple[str, int, str | tuple[str, ...], list[str], str | None]]:
    from babel.messages.extract import extract

    with path.open("rb") as f:
        for lineno, message, comments, context in extract(
            "python", f, keywords=DEFAULT_KEYWORDS, comment_tags=("TRANSLATORS:",)
        ):
            yield str(path.relative_to(ROOT)), lineno, message, comments, context


def po_path(lang: str, domain: str) -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{domain}.po"


def read(lang: str, domain: str) -> Catalog:
    path = po_path(lang, domain)
    if not path.exists():
        return Catalog(locale=lang, domain=domain, project="argmap", fuzzy=False)
    with path.open("rb") as f:
        return read_po(f, locale=lang, domain=domain)


def mo_bytes(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_mo(out, catalog, use_fuzzy=False)
    return out.getvalue()


def update(domains: tuple[str, ...] = DOMAINS) -> None:
    for lang in TRANSLATED:
        for domain in domains:
            catalog = read(lang, domain)
            catalog.update(extract(domain), no_fuzzy_matching=True)
            catalog.obsolete.clear()
            path = po_path(lang, domain)
            path.parent.mkdir(parents=True, exist_ok=True)
            out = io.BytesIO()
            write_po(out, catalog, width=100, omit_header=False, include_lineno=False, sort_output=False)
            path.write_bytes(out.getvalue())
            print(f"{path.relative_to(ROOT)}: {len(catalog)} texts, {len(missing(catalog))} untranslated")


def compile_all(domains: tuple[str, ...] = DOMAINS) -> None:
    for lang in TRANSLATED:
        for domain in domains:
            path = po_path(lang, domain)
            if path.exists():
                path.with_suffix(".mo").write_bytes(mo_bytes(read(lang, domain)))


def missing(catalog: Catalog) -> list[str]:
    """The texts of ``catalog`` with no translation (or only a fuzzy one)."""
    out = []
    for message in catalog:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple | list) else (message.string,)
        if message.fuzzy or not all(strings):
            out.append(message.id if isinstance(message.id, str) else message.id[0])
    return out


def fields(text: str) -> set[str] | None:
    """The ``{placeholders}`` of a text, None when it is no format string."""
    try:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}
    except ValueError:  # not a format string (a text shown as it is, with a lone brace)
        return None


#: Placeholders a translation may leave out, with why: click fills
#: ``{number_type}`` with English words ("integer range") that a Japanese
#: sentence reads better without.
MAY_DROP = {"{value!r} is not a valid {number_type}.": {"number_type"}}


def placeholder_problems(catalog: Catalog) -> list[str]:
    """Translations whose ``{placeholders}`` differ from their text's: one
    the text does not fill would fail when shown; one left out drops a word."""
    out = []
    for message in catalog:
        if not message.id or message.fuzzy:
            continue
        ids = message.id if isinstance(message.id, tuple | list) else (message.id,)
        strings = message.string if isinstance(message.string, tuple | list) else (message.string,)
        parsed = [fields(i) for i in ids]
        if any(f is None for f in parsed):
            continue  # shown as it is, never filled in
        # what a translation may use: any name the code fills in; what it must
        # keep: the names of the text (of its plural, when it has one, since
        # a language with one form, like Japanese, says every count with it)
        known: set[str] = set().union(*(f for f in parsed if f is not None))
        want = parsed[-1] or set()
        allowed_drop = MAY_DROP.get(ids[0], set())
        for text in strings:
            if not text:
                continue
            got = fields(text)
            if got is None:
                out.append(f"not a format string (a lone brace?): {ids[0]!r} -> {text!r}")
            elif got - known:
                out.append(f"a placeholder the text does not fill: {ids[0]!r} -> {text!r}")
            elif want - got - allowed_drop:
                out.append(f"a placeholder left out: {ids[0]!r} -> {text!r}")
    return out


def problems(domains: tuple[str, ...] = DOMAINS) -> list[str]:
    """What is wrong with the catalogues: untranslated or unknown texts,
    placeholders that differ, stale .mo files."""
    out = []
    for lang in TRANSLATED:
        for domain in domains:
            catalog = read(lang, domain)
            template = extract(domain)
            known = {m.id for m in catalog if m.id}
            for message in template:
                if message.id and message.id not in known and domain != "click":
                    out.append(f"{lang}/{domain}: not in the catalogue: {message.id!r}")
            for text in missing(catalog):
                if domain != "click" or (catalog.get(text) is not None and template.get(text) is not None):
                    out.append(f"{lang}/{domain}: no translation: {text!r}")
            out.extend(f"{lang}/{domain}: {problem}" for problem in placeholder_problems(catalog))
            mo = po_path(lang, domain).with_suffix(".mo")
            if po_path(lang, domain).exists() and (not mo.exists() or mo.read_bytes() != mo_bytes(catalog)):
                out.append(f"{mo.relative_to(ROOT)} is stale: run python tools/i18n.py compile")
    return out


def main(argv: list[str]) -> int:
    command, domains = (argv[0], tuple(argv[1:]) or DOMAINS) if argv else ("", DOMAINS)
    if unknown := set(domains) - set(DOMAINS):
        print(f"unknown domain: {', '.join(sorted(unknown))}; the domains are {', '.join(DOMAINS)}")
        return 2
    if command == "update":
        update(domains)
        return 0
    if command == "compile":
        compile_all(domains)
        return 0
    if command == "check":
        found = problems(domains)
        for line in found:
            print(line)
        return 1 if found else 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
