r"""What Graphviz can carry, and how argmap keeps every text within it.

Graphviz 2.4x has three limits that it enforces silently or with an
unlocated error:

- a *token* of DOT source (a run of a quoted string between backslashes, or
  a run of an HTML-like label between ``<`` and ``>``) of 16,384 bytes or
  more is refused: "syntax error in line N ... longer than 16384?";
- a label cell of more than 32,767 lines is drawn with none of them (the
  count is kept in a 16-bit number: 70,000 lines drew 4,464);
- cairo bitmaps (PNG) are at most 32,767 pixels a side: a larger drawing is
  scaled down, with only a line on stderr.

argmap keeps under the first two:

- long quoted strings (tooltips, long ids) and long bare ids are written as DOT
  concatenations, ``"…" + "…"``, of pieces under :data:`PIECE_BYTES`:
  Graphviz joins them back, so a tooltip of several megabytes reaches the
  SVG whole (:func:`split_long_strings`);
- a line of label text longer than :data:`MAX_LINE_BYTES` is broken into
  several lines, and a label shows at most :data:`MAX_LABEL_LINES` lines of
  one text; what is left out stays in the tooltip.

>>> s = 'a [tooltip="' + "x" * 20000 + '"]'
>>> out = split_long_strings(s)
>>> out.count('" + "'), out.replace('" + "', "") == s
(2, True)
"""

from __future__ import annotations

import re
import warnings

__all__ = [
    "MAX_HREF_BYTES",
    "MAX_LABEL_LINES",
    "MAX_LINE_BYTES",
    "PIECE_BYTES",
    "RenderWarning",
    "split_long_strings",
    "warn",
]

#: The most lines one text (a claim's text, a marker, a title) shows in a
#: label; the rest is left out of the drawing and kept in the tooltip.
MAX_LABEL_LINES = 1000
#: The most bytes (UTF-8, after escaping) of one line of label text; a
#: longer line is broken (Graphviz refuses a run of 16,384 bytes).
MAX_LINE_BYTES = 4000
#: The most bytes of one piece of a quoted DOT string.
PIECE_BYTES = 8000
#: The longest link (bytes, after escaping) written into a label; a longer
#: URL is not made a link (it stays in the tooltip).
MAX_HREF_BYTES = 8000


class RenderWarning(UserWarning):
    """Something about a drawing the user should know: Graphviz scaled a PNG
    down, or a label is drawn shortened in a format that cannot hold the
    rest. ``element`` is the id concerned, or None for the whole drawing.

    The message is one line fit to show a user.
    """

    def __init__(self, message: str, element: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.element = element

    def __str__(self) -> str:
        return self.message


def warn(message: str, element: str | None = None) -> None:
    """Issue a :class:`RenderWarning` (shown once per message by Python's default filter)."""
    warnings.warn(RenderWarning(message, element), stacklevel=3)


def _pieces(content: bytes) -> list[bytes]:
    """Cut the escaped content of a quoted string into pieces of at most
    :data:`PIECE_BYTES`, never inside a UTF-8 character and never after an
    odd number of backslashes (a piece ending ``\\`` would escape its quote)."""
    out = []
    start = 0
    n = len(content)
    while n - start > PIECE_BYTES:
        cut = start + PIECE_BYTES
        while cut > start + 1 and (content[cut] & 0xC0) == 0x80:  # a UTF-8 continuation byte
            cut -= 1
        run = 0
        while cut - 1 - run >= start and content[cut - 1 - run] == 0x5C:  # backslashes before the cut
            run += 1
        if run % 2:
            cut -= 1
        out.append(content[start:cut])
        start = cut
    out.append(content[start:])
    return out


def _quoted(content: str) -> str:
    data = content.encode("utf-8", "surrogatepass")
    if len(data) <= PIECE_BYTES:
        return f'"{content}"'
    return " + ".join(f'"{p.decode("utf-8", "surrogatepass")}"' for p in _pieces(data))


def split_long_strings(line: str) -> str:
    """``line`` of DOT source with every quoted string longer than
    :data:`PIECE_BYTES` written as a concatenation of shorter ones.

    HTML-like labels (``<…>``) are copied as they are: their text is kept
    short by the label builder.
    """
    if len(line) * 4 <= PIECE_BYTES:  # no string in it can be long: the common case
        return line
    out: list[str] = []
    i, n = 0, len(line)
    while i < n:
        ch = line[i]
        if ch == '"':
            j = i + 1
            while j < n and line[j] != '"':
                j += 2 if line[j] == "\\" else 1
            out.append(_quoted(line[i + 1 : j]))
            i = j + 1
        elif ch == "<":
            depth, j = 0, i
            while j < n:
                if line[j] == "<":
                    depth += 1
                elif line[j] == ">":
                    depth -= 1
                    if depth == 0:
                        break
                j += 1
            out.append(line[i : j + 1])
            i = j + 1
        else:
            j = i
            while j < n and line[j] not in '"<':
                j += 1
            # A bare ID (a long id of letters and digits) is a token too.
            out.append(_LONG_BARE.sub(lambda m: _quoted(m.group()), line[i:j]))
            i = j
    return "".join(out)


_LONG_BARE = re.compile(rf"\w{{{PIECE_BYTES // 4},}}")
