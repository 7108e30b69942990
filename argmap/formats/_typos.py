"""Typing mistakes a Japanese input method makes in YAML, found where they are.

With a Japanese input method on, a writer easily types a full-width colon
(``kind：evidence``), a full-width space (U+3000) in the indentation or after
a colon, a long-vowel mark or a full-width dash for a list item (``ー E1``),
or no space after the colon (``kind:evidence``). YAML reads most of these as
part of a text, and complains only on a later line ("mapping values are not
allowed in this context") or not at all (an unknown field, a bad id).

This module looks at the lines of the text for such mistakes, so that the
loader can say what happened on the line where it happened. It is only run
when something is already wrong (a syntax error, or problems in the map), so
a good map costs nothing. A value that starts with ``#`` (a hashtag copied
from an article, which YAML reads as a comment) is found by the YAML reader
itself (:func:`hashtag`), since only the parsed tree knows the value is empty.

>>> [(m.line, m.column) for m in scan("argmap: 1\\ntitle：t\\n")]
[(2, 6)]
>>> [(m.line, m.column) for m in scan("from:\\n  ー E1\\n  - E2\\n")]
[(2, 3)]
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Iterable

from argmap.errors import MAX_PROBLEMS
from argmap.formats import spec
from argmap.formats._tree import YAML_BREAKS
from argmap.i18n import _


@dataclasses.dataclass(frozen=True)
class Mistake:
    """A typing mistake: where (1-based line and column) and what to do."""

    line: int
    column: int
    message: str
    #: The field the mistake broke, when known (so a "missing field" it
    #: causes elsewhere need not be reported as well).
    key: str | None = None


def _keys() -> tuple[frozenset[str], frozenset[str]]:
    """Every field name of the format, and those whose value is a text."""
    fields = {f.key for el in spec.elements() for f in el.fields}
    texts = {f.key for el in spec.elements() for f in el.fields if f.rule is spec.TEXT}
    return frozenset(fields), frozenset(texts)


FIELD_KEYS, TEXT_KEYS = _keys()
#: The fields that hold a list (a single value may be written without one).
LIST_KEYS = frozenset(f.key for el in spec.elements() for f in el.fields if f.rule in (spec.IDS, spec.NAMES))

#: Characters an input method types for the '-' of a list item: the
#: long-vowel mark, full-width hyphen-minus, dashes, the minus sign.
DASHES = "ー－―‐—–−"
#: Full-width quotes that do not quote anything in YAML.
FULL_WIDTH_QUOTES = "“”「」『』＂‘’"

_BREAK = "[" + "".join(YAML_BREAKS) + "]"
_LINE_START = rf"(?:\A|(?<={_BREAK}))"
_KEY = r"[A-Za-z_][A-Za-z0-9_.\-]*"
_SPACE = "[ \t\u3000]"
#: Where a mistake may be: found with one search over the text, then each
#: such line is looked at closely.
_CANDIDATE = re.compile(
    rf"{_LINE_START}[ \t]*\u3000"
    rf"|{_LINE_START}{_SPACE}*(?:-[ \t]+)*(?:[{DASHES}]|{_KEY}{_SPACE}*：|{_KEY}:(?:[^\s]|\u3000))"
    rf"|[{{,]{_SPACE}*{_KEY}{_SPACE}*(?:：|:[^\s,}}\]])"
    rf"|{_LINE_START}[ \t]*(?:-[ \t]+)*{_KEY}:[ \t]+#[^\s#]"
)
_LINE_END = re.compile(_BREAK)
_INDENT = re.compile(f"{_SPACE}*")
_LIST_ITEM = re.compile(r"-(?:[ \t]+|\Z)")
_FULL_WIDTH_COLON = re.compile(rf"({_KEY}){_SPACE}*：")
_FLOW_FULL_WIDTH_COLON = re.compile(rf"(?<=[{{,]){_SPACE}*({_KEY}){_SPACE}*：")
_COLON_THEN_WIDE_SPACE = re.compile(rf"({_KEY}):\u3000+")
_NO_SPACE = re.compile(rf"({_KEY}):(?=[^\s:/,\]}}])")
_FLOW_NO_SPACE = re.compile(rf"(?<=[{{,])[ \t]*({_KEY}):(?=[^\s,\]}}])")
_DASH_ITEM = re.compile(rf"[{DASHES}]+(?={_SPACE}|[A-Za-z0-9]|\Z)")
#: A line that is a key with no value after it: a block (mapping or list) follows.
_OPEN_KEY = re.compile(rf"({_KEY}|\"[^\"]*\"|'[^']*')[ \t]*:[ \t]*(?:#.*)?\Z")
_KEY_LINE = re.compile(rf"({_KEY}|\"[^\"]*\"|'[^']*')[ \t]*:(?:[ \t]|\Z)")


def _full_width_colon() -> str:
    return _("a full-width colon '：' is used: type a half-width ': ' (a colon and a space)")


def dash_message(dash: str) -> str:
    return _(
        "'{dash}' is not a list mark: start each item of a list with a half-width '-' and a space ('- E1')"
    ).format(dash=dash)


def list_typed_with_dashes(key: str, value: str) -> str | None:
    """The dash, if ``value`` (the plain text YAML read for the list field
    ``key``) is a list typed with a dash in place of '-' (``ー E1 ー E2``)."""
    if key not in LIST_KEYS:
        return None
    m = _DASH_ITEM.match(value)
    return None if m is None else m.group()


def _no_space(written: str, fixed: str) -> str:
    return _("there is no space after the colon in '{written}': type a space after it ('{fixed}')").format(
        written=written, fixed=fixed
    )


class _OutOfTime(Exception):
    """The scan has looked at enough lines."""


#: A line that opens a block of text: ``note: |``, ``- >-``, ``|``.
_BLOCK_OPENER = re.compile(
    rf"{_LINE_START}( *)(?:-[ \t]+)*(?:(?:{_KEY}|\"[^\"\n]*\"|'[^'\n]*')[ \t]*:[ \t]+)?"
    rf"[|>][-+0-9]*[ \t]*(?:#[^\n\r]*)?(?={_BREAK}|\Z)"
)


class _Lines:
    """The lines of a text as YAML counts them, and where its blocks of
    text (``|``, ``>``) are, in which nothing is a mistake."""

    #: Lines looked back at, in all, for one text: past it, the scan stops
    #: (a text made of many candidate lines must not take long).
    BUDGET = 200_000

    def __init__(self, text: str) -> None:
        self.text = text
        #: The line breaks the text holds (looking for the others would read it all).
        self.breaks = tuple(b for b in YAML_BREAKS if b in text) or ("\n",)
        self.budget = self.BUDGET
        self._offset = 0
        self._line = 1
        self.blocks = self._blocks()

    def _blocks(self) -> list[tuple[int, int]]:
        """The (start, end) offsets of the blocks of text, in order."""
        text = self.text
        blocks: list[tuple[int, int]] = []
        end = 0
        enders: dict[int, re.Pattern[str]] = {}
        for m in _BLOCK_OPENER.finditer(text):
            if m.start() < end:
                continue  # inside a block found before
            indent = len(m.group(1))
            ender = enders.get(indent)
            if ender is None:
                ender = enders[indent] = re.compile(rf"{_BREAK} {{0,{indent}}}[^ {''.join(YAML_BREAKS)}]")
            stop = ender.search(text, m.end())
            end = stop.start() if stop else len(text)
            blocks.append((m.end(), end))
        return blocks

    def in_block(self, offset: int) -> bool:
        i = bisect.bisect_right(self.blocks, (offset, len(self.text) + 1)) - 1
        return i >= 0 and self.blocks[i][0] <= offset < self.blocks[i][1]

    def line_at(self, offset: int) -> tuple[int, int]:
        """The number of the line holding ``offset`` and where that line
        starts (offsets asked for in order, so each is counted from the last)."""
        text = self.text
        if offset < self._offset:
            self._offset, self._line = 0, 1
        lines = sum(text.count(b, self._offset, offset) for b in self.breaks)
        lines -= text.count("\r\n", self._offset, offset)
        if self._offset > 0 and text[self._offset - 1] == "\r" and text.startswith("\n", self._offset):
            lines -= 1  # the LF of a CRLF counted from its middle
        self._line += lines
        self._offset = offset
        start = max(text.rfind(b, 0, offset) for b in self.breaks) + 1
        return self._line, start

    def content(self, start: int) -> str:
        m = _LINE_END.search(self.text, start)
        return self.text[start : m.start() if m else len(self.text)]

    def previous(self, start: int) -> Iterable[str]:
        """The lines before the one starting at ``start``, nearest first."""
        text = self.text
        end = start
        while end > 0:
            self.budget -= 1
            if self.budget < 0:
                raise _OutOfTime
            stop = end - 1
            if text[stop] == "\n" and stop > 0 and text[stop - 1] == "\r":
                stop -= 1
            begin = max(text.rfind(b, 0, stop) for b in self.breaks) + 1
            yield text[begin:stop]
            end = begin


def _no_space_mistake(line: int, column: int, key: str, value: str) -> Mistake:
    """``key:value`` typed with no space after the colon, at ``line``, ``column``."""
    return Mistake(line, column, _no_space(f"{key}:{value}", f"{key}: {value}"), key)


def _spaces(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _context(lines: _Lines, start: int) -> tuple[bool, str | None, bool]:
    """What comes before the line starting at ``start``: whether it is inside
    a block of text (``|``, ``>``), the key of the nearest line above if that
    line opens a block (``from:``), and whether that line is a list item."""
    if lines.in_block(start):
        return True, None, False
    above: str | None = None
    for line in lines.previous(start):
        stripped = line.strip(" \t\u3000")
        if stripped and not stripped.startswith("#"):
            above = line
            break
    if above is None:
        return False, None, False
    body = above.lstrip(" \t\u3000")
    while (item := _LIST_ITEM.match(body)) is not None:
        body = body[item.end() :]
    is_item = body != above.lstrip(" \t\u3000") or _DASH_ITEM.match(body) is not None
    m = _OPEN_KEY.match(body)
    return False, (m.group(1).strip("'\"") if m else None), is_item


def _look(lines: _Lines, start: int, line_no: int) -> list[Mistake]:
    """The mistakes on the line starting at ``start``."""
    line = lines.content(start)
    indent = _INDENT.match(line).end()  # type: ignore[union-attr]
    body = line[indent:]
    if not body or body.startswith("#"):
        return []
    found: list[Mistake] = []
    known: list[tuple[bool, str | None, bool]] = []

    def context() -> tuple[bool, str | None, bool]:
        """What is above the line (looked at only when needed: it costs more)."""
        if not known:
            known.append(_context(lines, start))
        return known[0]

    col = indent  # 0-based column where ``body`` starts
    while (item := _LIST_ITEM.match(body)) is not None:
        body, col = body[item.end() :], col + item.end()
    key_match = _KEY_LINE.match(body) or _FULL_WIDTH_COLON.match(body)
    if "\u3000" in line[:indent] and (key_match or _DASH_ITEM.match(body) or col > indent):
        found.append(
            Mistake(
                line_no,
                line.index("\u3000") + 1,
                _("a full-width space is used to indent this line: indent with half-width spaces only"),
                key_match.group(1) if key_match else None,
            )
        )
    dash = _DASH_ITEM.match(body)
    if dash is not None and not context()[0] and (context()[1] not in TEXT_KEYS | {None} or context()[2]):
        found.append(
            Mistake(
                line_no,
                col + 1,
                dash_message(dash.group()),
            )
        )
        body, col = (
            body[dash.end() :].lstrip(" \t\u3000"),
            col + len(body) - len(body[dash.end() :].lstrip(" \t\u3000")),
        )
    if (m := _FULL_WIDTH_COLON.match(body)) is not None:
        found.append(Mistake(line_no, col + m.end(), _full_width_colon(), m.group(1)))
    elif (m := _COLON_THEN_WIDE_SPACE.match(body)) is not None:
        found.append(
            Mistake(
                line_no,
                col + len(m.group(1)) + 2,
                _(
                    "a full-width space follows the colon: type a half-width space after it ('{fixed}')"
                ).format(fixed=f"{m.group(1)}: {body[m.end() :].strip()}"[:40]),
                m.group(1),
            )
        )
    elif (m := _NO_SPACE.match(body)) is not None and m.group(1) in FIELD_KEYS:
        value = body[m.end() :].split(",")[0].split("}")[0].strip()[:30]
        found.append(_no_space_mistake(line_no, col + m.end() + 1, m.group(1), value))
    if (m := _KEY_LINE.match(body)) is not None and (
        where := hashtag(body, m.group(1), m.end(1))
    ) is not None:
        found.append(Mistake(line_no, col + where + 1, hashtag_message(m.group(1)), m.group(1)))
    if "{" in body:
        for m in _FLOW_FULL_WIDTH_COLON.finditer(body):
            found.append(Mistake(line_no, col + m.end(), _full_width_colon(), m.group(1)))
        for m in _FLOW_NO_SPACE.finditer(body):
            if m.group(1) in FIELD_KEYS:
                value = re.split(r"[,}\]]", body[m.end() :])[0].strip()[:30]
                found.append(_no_space_mistake(line_no, col + m.end() + 1, m.group(1), value))
    if not found or context()[0]:  # nothing, or inside a block of text (| or >)
        return []
    return sorted(set(found), key=lambda x: x.column)


def scan(text: str) -> list[Mistake]:
    """The typing mistakes in the YAML ``text``, in file order."""
    lines = _Lines(text)
    found: list[Mistake] = []
    done: set[int] = set()
    for m in _CANDIDATE.finditer(text):
        line_no, start = lines.line_at(m.start())
        if line_no in done:
            continue
        done.add(line_no)
        try:
            found.extend(_look(lines, start, line_no))
        except _OutOfTime:
            break
        if len(found) >= MAX_PROBLEMS:
            break
    return found[:MAX_PROBLEMS]


def explain_syntax_error(text: str, line: int, column: int, problem: str) -> Mistake | None:
    """A plain reason for a YAML syntax error at ``line``:``column`` (1-based)
    caused by something typed on that line: full-width quotes around a text
    that holds ': ', or a ': ' inside a text."""
    if "mapping values are not allowed" not in problem:
        return None
    lines = _Lines(text)
    start = 0
    for _n in range(line - 1):
        m = _LINE_END.search(text, start)
        if m is None:
            return None
        start = m.end() + (1 if m.group() == "\r" and text.startswith("\n", m.end()) else 0)
    content = lines.content(start)
    indent = _INDENT.match(content).end()  # type: ignore[union-attr]
    body = content[indent:]
    offset = indent
    while (item := _LIST_ITEM.match(body)) is not None:
        body, offset = body[item.end() :], offset + item.end()
    key = _KEY_LINE.match(body)
    if key is None or offset + key.end() >= column:
        return None
    value = body[key.end() :].lstrip(" \t")
    value_col = offset + len(body) - len(value) + 1
    if value and value[0] in FULL_WIDTH_QUOTES:
        return Mistake(
            line,
            value_col,
            _(
                'full-width quotes {quote} do not quote a text in YAML: use half-width double quotes ("…")'
            ).format(quote=value[0]),
            key.group(1),
        )
    return Mistake(
        line,
        column,
        _(
            "the text holds ': ' (a colon and a space), which YAML reads as the start of a new field: "
            "put the whole text in double quotes (\"…\"), or use a full-width colon '：'"
        ),
        key.group(1),
    )


_HASHTAG = re.compile(r"[ \t]*:[ \t]+(#[^\s#])")


def hashtag(text: str, key: str, key_end: int) -> int | None:
    """Where the ``#`` is, if the value after the key ending at ``key_end``
    (an offset) is a ``#`` with no space after it, which YAML read as a
    comment (a hashtag such as ``#MeToo``); only for fields that hold text."""
    if key not in TEXT_KEYS:
        return None
    m = _HASHTAG.match(text, key_end)
    return None if m is None else m.start(1)


def hashtag_message(key: str) -> str:
    return _(
        "{key}: the value starts with '#', which YAML reads as the start of a comment, so {key} is left empty: "
        'put the value in double quotes ({key}: "#…")'
    ).format(key=key)
