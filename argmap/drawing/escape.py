r"""Text made safe for Graphviz: HTML-like labels, tooltips and links.

argmap writes every label as a Graphviz HTML-like label and escapes the
text itself; the ``graphviz`` package would otherwise take a text such as
``<Q&A>`` for HTML and ``\N`` for the node's name.

In label text, ``& < > "`` become entities and a backslash is doubled
(Graphviz expands ``\N``, ``\G`` ... even inside HTML-like labels):

>>> html_text('<Q&A> "C:\\Notes"')
'&lt;Q&amp;A&gt; &quot;C:\\\\Notes&quot;'

**Characters SVG cannot carry.** XML 1.0, and so SVG, cannot hold most
control characters, and Graphviz drops tabs and carriage returns. Before
anything else, every text is passed through :func:`printable`:

- a line end written ``\r\n`` or ``\r`` is a line break, like ``\n``;
- a tab is a space;
- any other C0 control character (U+0000 to U+001F) is shown as its
  Unicode *control picture* (U+2400 + code: ``\x1b`` is drawn ``␛``);
- U+FFFE and U+FFFF, which XML forbids, and unpaired surrogates become
  U+FFFD (the replacement character).

Everything else, including DEL, C1 controls, right-to-left text, emoji,
zero-width and combining characters, is kept exactly.

>>> printable("a\tb\r\nc\x1bd\ufffe")
'a b\nc␛d�'

Two facts about Graphviz's SVG (not changes of the text) matter to anyone
parsing it: a line of a label is one ``<text>`` element and an empty line
gives none (its height is kept), and the second and later spaces of a run
are written as no-break spaces (U+00A0) so that browsers keep them.
"""

from __future__ import annotations

import re

__all__ = ["html_attr", "html_text", "html_url", "printable", "tooltip"]

_NEWLINES = re.compile(r"\r\n?")
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\ufffe\uffff\ud800-\udfff]")


def _picture(m: re.Match[str]) -> str:
    ch = m.group()
    code = ord(ch)
    return chr(0x2400 + code) if code < 0x20 else "\ufffd"


def printable(text: str) -> str:
    """``text`` with line ends unified and the characters XML cannot carry
    replaced, as documented above."""
    text = _NEWLINES.sub("\n", text).replace("\t", " ")
    return _UNSAFE.sub(_picture, text)


_HTML = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\\": "\\\\"})


def html_text(text: str) -> str:
    """One line of text for an HTML-like label (no line breaks in it)."""
    return printable(text).translate(_HTML)


def html_attr(text: str) -> str:
    """A value for an attribute inside an HTML-like label (same escaping as text;
    a line break becomes ``&#10;``)."""
    return html_text(text).replace("\n", "&#10;")


_URL_UNSAFE = re.compile(r"[^A-Za-z0-9\-._~:/?#\[\]@!$&\'()*+,;=%]")


def html_url(url: str) -> str:
    r"""An http(s) URL for ``HREF`` in an HTML-like label.

    Characters not allowed in a URL are percent-encoded; ``&`` is escaped
    twice because Graphviz 2.4x writes ``HREF`` into SVG without escaping it.

    >>> html_url("https://example.org/a b?x=1&y=<2>")
    'https://example.org/a%20b?x=1&amp;amp;y=%3C2%3E'
    """
    encoded = _URL_UNSAFE.sub(lambda m: "".join(f"%{b:02X}" for b in m.group().encode("utf-8")), url)
    return encoded.replace("&", "&amp;amp;")


_ENTITY_LIKE = re.compile(r"&(?=#?\w+;)")


def tooltip(text: str) -> str:
    r"""A value for the ``tooltip`` attribute of a node or edge (a quoted DOT string).

    Graphviz removes two levels of backslashes from it and copies anything
    that looks like an entity (``&amp;``) into SVG as it is; both are undone
    here so the tooltip shows the text as written. Line breaks are written
    ``&#10;``.

    >>> tooltip("C:\\N &amp;")
    'C:\\\\\\\\N &amp;amp;'
    """
    text = printable(text).replace("\\", "\\\\\\\\")
    # A line break as a character reference: a raw one after a backslash
    # would be a DOT line continuation.
    return _ENTITY_LIKE.sub("&amp;", text).replace("\n", "&#10;")
