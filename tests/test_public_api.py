"""The package's front door: the three lists of public names agree, and each
name is what its home module defines."""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import argmap

INIT = Path(argmap.__file__)


def _type_checking_names() -> set[str]:
    """Names imported in ``if TYPE_CHECKING:`` of argmap/__init__.py."""
    tree = ast.parse(INIT.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.If) and getattr(node.test, "id", None) == "TYPE_CHECKING":
            for sub in ast.walk(node):
                if isinstance(sub, ast.ImportFrom):
                    names |= {a.asname or a.name for a in sub.names}
    return names


def test_all_exports_and_type_checking_block_agree() -> None:
    exports = set(argmap._EXPORTS)
    assert set(argmap.__all__) == exports | {"__version__"}
    assert _type_checking_names() == exports
    assert len(argmap.__all__) == len(set(argmap.__all__))


def test_every_public_name_resolves_to_its_home_module() -> None:
    for name, module in argmap._EXPORTS.items():
        value = getattr(argmap, name)
        assert value is getattr(importlib.import_module(module), name), name


def test_type_checking_imports_name_the_same_modules_as_exports() -> None:
    tree = ast.parse(INIT.read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.If) and getattr(node.test, "id", None) == "TYPE_CHECKING":
            for sub in ast.walk(node):
                if isinstance(sub, ast.ImportFrom):
                    for alias in sub.names:
                        assert argmap._EXPORTS[alias.name] == sub.module, alias.name


def test_dir_lists_the_public_names() -> None:
    assert sorted(dir(argmap)) == sorted(argmap.__all__)


def test_explain_speaks_the_language_asked_else_the_one_in_force() -> None:
    from argmap.i18n import using
    from tests.language import english_sentences

    ja = argmap.explain("conditional-leap", lang="ja")
    en = argmap.explain("仮定の上の断定", lang="en")
    assert english_sentences(ja) == []
    assert "conditional-leap" in en.splitlines()[0]
    assert len(english_sentences(en)) > 5
    with using("ja"):
        assert argmap.explain("AM103") == ja
    with using("en"):
        assert argmap.explain("AM103") == en
