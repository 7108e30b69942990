"""Shared by the bench scripts: write one section of docs/performance.md.

Each script owns the part between ``<!-- bench:NAME -->`` and
``<!-- /bench:NAME -->`` and rewrites only that, so the scripts can run in
any order.
"""

from __future__ import annotations

import platform
import re
import subprocess
from pathlib import Path

DOC = Path(__file__).resolve().parent.parent / "docs" / "performance.md"
HEADER = """# Performance

Every figure here was written by a script in `bench/`, which times argmap and
what it is compared with side by side in one run. Re-run a script to refresh
its section; the command is given in each section.
"""


def machine() -> str:
    """A one-line description of the machine the figures come from."""
    try:
        cpu = next(
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        )
    except (OSError, StopIteration):
        cpu = platform.processor() or "unknown CPU"
    cores = subprocess.run(["nproc"], capture_output=True, text=True, check=False).stdout.strip() or "?"
    return f"{cpu}, {cores} cores, Python {platform.python_version()}"


def write_section(name: str, body: str) -> None:
    """Replace (or append) the section ``name`` of docs/performance.md."""
    text = DOC.read_text(encoding="utf-8") if DOC.exists() else HEADER
    block = f"<!-- bench:{name} -->\n{body.strip()}\n<!-- /bench:{name} -->"
    pattern = re.compile(rf"<!-- bench:{re.escape(name)} -->.*?<!-- /bench:{re.escape(name)} -->", re.S)
    # replace the section where it stands, or add it at the end
    text = pattern.sub(lambda _m: block, text) if pattern.search(text) else f"{text.rstrip()}\n\n{block}\n"
    DOC.parent.mkdir(exist_ok=True)
    DOC.write_text(text, encoding="utf-8")
