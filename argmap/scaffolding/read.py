"""Read an article file as UTF-8 text, with located errors for bad input.

>>> import tempfile, os
>>> with tempfile.NamedTemporaryFile("wb", suffix=".txt", delete=False) as f:
...     _ = f.write("一行目\\n二行目".encode("utf-8") + b"\\xff")
>>> try:
...     read_article(f.name)
... except ArgmapError as exc:
...     print(str(exc).replace(f.name, "a.txt"))
a.txt:2:4: the article is not UTF-8 text: byte 0xff cannot be decoded (save the article as UTF-8)
>>> os.unlink(f.name)
"""

from __future__ import annotations

import os

from argmap.errors import ArgmapError, Location, Problem
from argmap.fileio import DEFAULT_MAX_BYTES, decode_utf8, read_input
from argmap.i18n import _

__all__ = ["read_article"]


def _fail(name: str, message: str, line: int = 1, column: int = 1) -> ArgmapError:
    return ArgmapError([Problem(message, Location(name, line, column))])


def read_article(path: str | os.PathLike[str], max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """The text of the article at ``path`` (a byte-order mark is dropped, CRLF read as LF).

    Raises :class:`~argmap.errors.ArgmapError` located at ``path:line:col``
    when the file cannot be read, is not a regular file, is larger than
    ``max_bytes``, is not UTF-8 or holds no text, and TypeError when ``path``
    is not a path (a str or an ``os.PathLike`` naming it as a str).
    """
    if not isinstance(path, (str, os.PathLike)):
        raise TypeError(f"read_article() needs a path (a str or os.PathLike), not {type(path).__name__}")
    name = os.fspath(path)
    if not isinstance(name, str):
        raise TypeError(f"read_article() needs a path that names a file as a str, not {type(name).__name__}")
    data = read_input(name, "an article", max_bytes)
    text = decode_utf8(data, name, "article")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise _fail(name, _("the article is empty: there is nothing to scaffold"))
    return text
