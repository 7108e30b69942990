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
from argmap.formats import decode_utf8

__all__ = ["read_article"]


def _fail(name: str, message: str, line: int = 1, column: int = 1) -> ArgmapError:
    return ArgmapError([Problem(message, Location(name, line, column))])


def read_article(path: str | os.PathLike[str]) -> str:
    """The text of the article at ``path`` (a byte-order mark is dropped, CRLF read as LF).

    Raises :class:`~argmap.errors.ArgmapError` located at ``path:line:col``
    when the file cannot be read, is not UTF-8 or holds no text.
    """
    name = os.fspath(path)
    try:
        with open(path, "rb") as f:
            data = f.read()
    except IsADirectoryError:
        raise _fail(name, "is a directory, not an article") from None
    except OSError as exc:
        raise _fail(name, f"cannot read: {exc.strerror or exc}") from None
    text = decode_utf8(data, name, "article")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise _fail(name, "the article is empty: there is nothing to scaffold")
    return text
