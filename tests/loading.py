"""What the loading tests share."""

from __future__ import annotations

import textwrap

import pytest

import argmap
from argmap import ArgmapError


def problems(text: str | bytes, fmt: argmap.formats.Format = "yaml") -> list[tuple[int, int, str]]:
    """The problems of a text that must not load (``name="m"``), each as
    (line, column, message); every one must be located in that file."""
    if isinstance(text, str):
        text = textwrap.dedent(text)
    with pytest.raises(ArgmapError) as info:
        argmap.loads(text, fmt, name="m")
    out = []
    for p in info.value.problems:
        assert p.location is not None, f"unlocated problem: {p.message}"
        assert p.location.file == "m"
        out.append((p.location.line, p.location.column, p.message))
    return out
