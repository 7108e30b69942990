"""Dependencies point one way: model <- formats <- (checks, drawing, scaffolding) <- exercises <- cli
(exercises, worksheets and grading, use the checks and the drawing).

errors, support, i18n and fileio are leaves every layer may use."""

from __future__ import annotations

import ast
from pathlib import Path

PKG = Path(__file__).resolve().parent.parent / "argmap"

#: What each layer may import: its own modules and the layers below it.
_BASE = {"errors", "support", "i18n", "fileio", "model"}
ALLOWED = {
    "i18n": set(),
    "errors": {"i18n"},
    "support": {"i18n"},
    "fileio": {"errors", "i18n"},
    "model": {"errors", "support", "i18n"},
    "formats": _BASE | {"formats"},
    "checks": _BASE | {"formats", "checks"},
    "drawing": _BASE | {"formats", "checks", "drawing"},
    "scaffolding": _BASE | {"formats", "scaffolding"},
    "exercises": _BASE | {"formats", "checks", "drawing", "exercises"},
    "cli": _BASE | {"formats", "checks", "drawing", "scaffolding", "exercises", "cli"},
}


def layer(path: Path) -> str:
    rel = path.relative_to(PKG)
    return rel.parts[0].removesuffix(".py")


def module_level_imports(path: Path) -> set[str]:
    """argmap submodules imported at module level (deferred imports in functions are allowed
    only for the documented Jupyter hook)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in tree.body:
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module]
        elif isinstance(node, ast.If):  # TYPE_CHECKING blocks count too
            for sub in ast.walk(node):
                if isinstance(sub, ast.ImportFrom) and sub.module:
                    names.append(sub.module)
        for name in names:
            parts = name.split(".")
            if parts[0] == "argmap" and len(parts) > 1:
                found.add(parts[1])
    return found


def test_layers_import_only_downwards() -> None:
    checked = 0
    for path in PKG.rglob("*.py"):
        if path.parent == PKG and path.name in ("__init__.py", "__main__.py"):
            continue  # the package front door re-exports everything
        own = layer(path)
        assert own in ALLOWED, f"{path} is in no known layer"
        bad = module_level_imports(path) - ALLOWED[own]
        assert not bad, f"{path.relative_to(PKG)} imports {sorted(bad)}"
        checked += 1
    assert checked >= 8


def test_nothing_imports_the_cli() -> None:
    for path in PKG.rglob("*.py"):
        if layer(path) in ("cli", "__main__"):
            continue
        source = path.read_text(encoding="utf-8")
        assert "argmap.cli" not in source, path
