"""Regenerate what is derived from the file format's tables (argmap/formats/spec.py):
the JSON Schema argmap/formats/argmap.schema.json and the field tables of
docs/format.md. Tests fail while either is stale.

    .venv/bin/python tools/format_spec.py
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from argmap.formats.spec import write_generated  # noqa: E402

if __name__ == "__main__":
    changed = write_generated(ROOT / "docs" / "format.md")
    for path in changed:
        print(f"rewrote {path.relative_to(ROOT)}")
    if not changed:
        print("up to date")
