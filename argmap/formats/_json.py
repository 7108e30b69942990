"""Read JSON into a plain tree with located problems.

The fast path is the standard library's C parser. Positions are only needed
when something is wrong or a caller asks where an element is; then
:class:`JsonLocator` parses the text once more with a small position-keeping
parser (strings are decoded by the standard library's own ``scanstring``).
"""

from __future__ import annotations

import contextlib
import json
import re
from collections.abc import Iterable
from json.decoder import scanstring  # type: ignore[attr-defined]
from typing import Any

from argmap.errors import MAX_PROBLEMS, Location, Problem, ProblemList
from argmap.formats._rules import _brief
from argmap.formats._tree import MAX_VALUES, SECTIONS, FileLocator, LineIndex, Path, Tree, too_many_values
from argmap.i18n import _

MAX_DEPTH = 12

_WS = re.compile(r"[ \t\n\r]*")
_NUMBER = re.compile(r"-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?")
_LITERALS = {"true": True, "false": False, "null": None}


class _Duplicate(Exception):
    pass


def _no_constants(name: str) -> Any:
    raise ValueError(f"{name} is not allowed in JSON")


_SPACED_KEY_END = re.compile(r'"[ \t\n\r]+:')


def fast_parse(text: str) -> Tree:
    """``json.loads`` that refuses duplicate keys and NaN; raises on any problem.

    A plain ``json.loads`` keeps the last of two equal keys without a word.
    Rather than rebuild every object from its pairs, count: if the text has
    as many keys (:func:`keys_in_text`) as the parsed objects hold, none was
    dropped. Otherwise raise, and the position-keeping parser decides.
    """
    keys = 0

    def count(obj: dict[str, Any]) -> dict[str, Any]:
        nonlocal keys
        keys += len(obj)
        return obj

    tree = json.loads(text, object_hook=count, parse_constant=_no_constants)
    if keys_in_text(text) != keys:
        raise _Duplicate
    return tree


def keys_in_text(text: str | bytes) -> int:
    """How many ``"...":`` there are: the keys of the text, and more if a
    string value holds ``":``.

    >>> keys_in_text('{"a": 1, "b" : {"c": "x\\":"}}')
    4
    """
    if isinstance(text, bytes):
        # Without whitespace every key ends in '":'. Dropping whitespace inside
        # strings too can only add to the count, which errs on the safe side.
        # (In UTF-8, '"' and ':' are never part of another character.)
        return text.translate(None, b" \t\n\r").count(b'":')
    return text.count('":') + len(_SPACED_KEY_END.findall(text))


def value_bound(text: str | bytes) -> int:
    """At least as many as the values of the JSON ``text``, keys included:
    each value but the first follows ``:``, ``,`` or ``[``, and each key
    has its ``:``.

    >>> value_bound('{"a": [1, 2]}'), value_bound(b"[[], []]")
    (5, 5)
    """
    if isinstance(text, bytes):
        count = text.count
        return 1 + 2 * count(b":") + count(b",") + count(b"[")
    return 1 + 2 * text.count(":") + text.count(",") + text.count("[")


def count_values(tree: Tree, limit: int) -> int:
    """The values of a parsed tree, keys included; stops past ``limit``."""
    count = 0
    stack = [tree]
    while stack and count <= limit:
        value = stack.pop()
        count += 1
        if isinstance(value, dict):
            count += len(value)
            stack.extend(value.values())
        elif isinstance(value, list):
            stack.extend(value)
    return count


def value_problem(text: str | bytes, file: str, limit: int = MAX_VALUES) -> Problem | None:
    """A problem if ``text`` holds more than ``limit`` values. Free for every
    real map (:func:`value_bound` is under the limit); else the standard
    library's parser, which builds compact values, reads it and its values
    are counted. Text that is not JSON is left to the careful parser, which
    counts as it goes."""
    if value_bound(text) <= limit:
        return None
    try:
        tree = json.loads(text)
    except (ValueError, RecursionError):
        return None
    if count_values(tree, limit) <= limit:
        return None
    return Problem(too_many_values(limit), Location(file, 1, 1))


class JsonSyntaxError(Exception):
    def __init__(self, message: str, offset: int) -> None:
        super().__init__(message)
        self.message = message
        self.offset = offset

    def problem(self, file: str, lines: LineIndex) -> Problem:
        return Problem(
            _("JSON syntax error: {what}").format(what=self.message),
            Location(file, *lines.position(self.offset)),
        )


class JsonNumberTooLong(JsonSyntaxError):
    """A number with more digits than Python turns into an int (4,300 by default)."""

    def problem(self, file: str, lines: LineIndex) -> Problem:
        return Problem(self.message, Location(file, *lines.position(self.offset)))


class JsonTooManyValues(JsonSyntaxError):
    def problem(self, file: str, lines: LineIndex) -> Problem:
        return Problem(self.message, Location(file, *lines.position(self.offset)))


def _string_error(text: str, exc: json.JSONDecodeError) -> JsonSyntaxError:
    """A whole sentence for what ``scanstring`` refused, where it stands."""
    pos = exc.pos
    if exc.msg.startswith("Invalid control character"):
        code = ord(text[pos])
        return JsonSyntaxError(
            _("the control character {code} cannot stand inside a JSON string: write it as {escape}").format(
                code=f"U+{code:04X}", escape=f"\\u{code:04x}"
            ),
            pos,
        )
    if exc.msg.startswith("Unterminated string"):
        return JsonSyntaxError(_("a string is not closed: it needs a double quote at its end"), pos)
    if exc.msg.startswith("Invalid \\uXXXX"):
        return JsonSyntaxError(_("a \\u escape needs four hexadecimal digits, such as \\u00e9"), pos - 1)
    shown = text[pos : pos + 2]
    return JsonSyntaxError(
        _("{escape} is not a JSON escape: write a backslash inside a string as \\\\").format(escape=shown),
        pos,
    )


class _PositionParser:
    """A small JSON parser that checks what the standard library does not
    (duplicate keys, nesting, the number of values) and, when asked,
    records where keys and values start.

    With ``wanted`` (a set of paths, closed under prefixes) it records the
    positions of those paths only, and skips every other value with the
    standard library's C scanner: the text must then be valid JSON. With
    None, it records no position and counts the values, refusing past
    ``max_values``: either way its memory is that of the values, never a
    record for each. By default (``ALL``) it records every position, which
    only a test comparing it with :func:`element_offsets` can afford.
    """

    ALL: frozenset[Path] = frozenset({("<every path>",)})

    def __init__(self, text: str, wanted: frozenset[Path] | None = ALL, max_values: int = MAX_VALUES) -> None:
        self.text = text
        self.record_all = wanted is self.ALL
        self.wanted = None if self.record_all else wanted
        #: The wanted paths that lead to another: the only ones to walk into.
        self.through = {p[:-1] for p in self.wanted if p} if self.wanted is not None else set()
        self.max_values = max_values
        self.count = 0
        #: path -> (offset of key or None, offset of value)
        self.positions: dict[Path, tuple[int | None, int]] = {}
        self.duplicates: list[tuple[str, int]] = []
        self.more_duplicates = 0

    def _skip(self, i: int) -> int:
        return _WS.match(self.text, i).end()  # type: ignore[union-attr]

    def parse(self) -> Tree:
        """The value of the text (with ``wanted``, a skeleton: only the
        paths walked into are built, with None for every other value)."""
        i = self._skip(0)
        if self.wanted is not None and () not in self.through:  # only the top value is wanted
            self.positions[()] = (None, i)
            return None
        value, i = self._value(i, (), None, 0)
        i = self._skip(i)
        if i != len(self.text):
            raise JsonSyntaxError(_("extra data after the JSON value"), i)
        return value

    def _value(self, i: int, path: Path, key_at: int | None, depth: int) -> tuple[Tree, int]:
        text = self.text
        if self.record_all:
            self.positions[path] = (key_at, i)
        elif self.wanted is not None:
            if path in self.wanted:
                self.positions[path] = (key_at, i)
            if path not in self.through:  # skip it in C, and drop what it built
                return None, _scan_value(text, i)[1]
        else:
            self.count += 1
            if self.count > self.max_values:
                raise JsonTooManyValues(too_many_values(self.max_values), i)
        if i >= len(text):
            raise JsonSyntaxError(_("expected a value, found the end of the file"), i)
        ch = text[i]
        if ch == '"':
            try:
                return scanstring(text, i + 1, True)  # type: ignore[no-any-return]
            except json.JSONDecodeError as exc:
                raise _string_error(text, exc) from None
        if ch in "{[":
            if depth >= MAX_DEPTH:
                raise JsonSyntaxError(_("too deeply nested: the format has at most 5 levels"), i)
            return self._object(i, path, depth) if ch == "{" else self._array(i, path, depth)
        m = _NUMBER.match(text, i)
        if m:
            s = m.group()
            if any(c in s for c in ".eE"):
                return float(s), m.end()
            try:
                return int(s), m.end()
            except ValueError:  # more digits than Python converts (json.loads fails alike)
                raise JsonNumberTooLong(
                    _(
                        "a number of {digits} digits is too long: no field of the format holds such a number"
                    ).format(digits=len(s.lstrip("-"))),
                    i,
                ) from None
        for word, value in _LITERALS.items():
            if text.startswith(word, i):
                return value, i + len(word)
        raise JsonSyntaxError(_("expected a value"), i)

    def _object(self, i: int, path: Path, depth: int) -> tuple[Tree, int]:
        out: dict[str, Tree] = {}
        i = self._skip(i + 1)
        if self.text.startswith("}", i):
            return out, i + 1
        while True:
            if not self.text.startswith('"', i):
                raise JsonSyntaxError(_("expected a key in double quotes"), i)
            key_at = i
            if self.wanted is None:  # counted, checked as any string, maybe recorded
                key, i = self._value(i, (*path, "\0key"), None, depth + 1)
            else:  # valid JSON: only its text is needed
                key, i = scanstring(self.text, i + 1, True)
            i = self._skip(i)
            if not self.text.startswith(":", i):
                raise JsonSyntaxError(_("expected ':' after the key"), i)
            i = self._skip(i + 1)
            if key in out:
                if len(self.duplicates) < MAX_PROBLEMS:
                    self.duplicates.append((key, key_at))
                else:
                    self.more_duplicates += 1
                _skipped, i = self._value(i, (*path, "\0dup"), key_at, depth + 1)
            else:
                out[key], i = self._value(i, (*path, key), key_at, depth + 1)
            i = self._skip(i)
            if self.text.startswith(",", i):
                i = self._skip(i + 1)
            elif self.text.startswith("}", i):
                return out, i + 1
            else:
                raise JsonSyntaxError(_("expected ',' or '}'"), i)

    def _array(self, i: int, path: Path, depth: int) -> tuple[Tree, int]:
        out: list[Tree] = []
        i = self._skip(i + 1)
        if self.text.startswith("]", i):
            return out, i + 1
        while True:
            item, i = self._value(i, (*path, len(out)), None, depth + 1)
            out.append(item)
            i = self._skip(i)
            if self.text.startswith(",", i):
                i = self._skip(i + 1)
            elif self.text.startswith("]", i):
                return out, i + 1
            else:
                raise JsonSyntaxError(_("expected ',' or ']'"), i)


_scan_value = json.scanner.make_scanner(json.JSONDecoder())  # type: ignore[attr-defined]


def element_offsets(text: str) -> dict[str, int]:
    """Where each element id's key starts, in the JSON text of a map.

    Only the top level and the three sections are walked; every other value
    is skipped by the standard library's C scanner. Raises ValueError,
    StopIteration or IndexError if the text is not a JSON object.

    >>> element_offsets('{"title": "t", "claims": {"E1": {"text": "a"}}, "ignore": {"E2": []}}')
    {'E1': 26}
    """
    offsets: dict[str, int] = {}

    def skip(i: int) -> int:
        return _WS.match(text, i).end()  # type: ignore[union-attr]

    def members(i: int, inside: bool) -> int:
        """Walk the object starting at ``i``; return the offset after it."""
        if text[i] != "{":
            raise ValueError("expected an object")
        i = skip(i + 1)
        if text[i] == "}":
            return i + 1
        while True:
            key_at = i
            key, i = scanstring(text, i + 1, True)
            i = skip(i)
            if text[i] != ":":
                raise ValueError("expected ':'")
            i = skip(i + 1)
            if inside:
                offsets.setdefault(key, key_at)
            descend = not inside and key in SECTIONS and text[i] == "{"
            i = members(i, inside=True) if descend else _scan_value(text, i)[1]
            i = skip(i)
            if text[i] == "}":
                return i + 1
            if text[i] != ",":
                raise ValueError("expected ',' or '}'")
            i = skip(i + 1)

    members(skip(0), inside=False)
    return offsets


class JsonLocator(FileLocator):
    """Positions from :class:`_PositionParser`, computed on first use.

    ``text`` may be the file's UTF-8 bytes, already known to decode; they are
    decoded on first use too (and take half the memory of the text meanwhile).
    """

    def __init__(self, file: str, text: str | bytes) -> None:
        super().__init__(file)
        self._text = text
        #: The paths asked for so far, with their prefixes, and where they are.
        self._wanted: set[Path] = set()
        self._positions: dict[Path, tuple[int | None, int]] = {}
        self._lines: LineIndex | None = None
        self._elements: dict[str, int] | None = None

    def _decoded(self) -> str:
        text = self._text
        if isinstance(text, bytes):
            text = self._text = text.decode("utf-8")
        if self._lines is None:
            self._lines = LineIndex(text)
        return text

    def prepare(self, paths: Iterable[Path]) -> None:
        """Find where ``paths`` are, all in one pass over the text.

        Only these paths (and their prefixes) are recorded, and every other
        value is skipped in C: locating a few problems in a file of millions
        of values costs the memory of a few positions.
        """
        new = {path[:n] for path in paths for n in range(len(path) + 1)} - self._wanted
        if not new:
            return
        self._wanted |= new
        parser = _PositionParser(self._decoded(), frozenset(self._wanted))
        # Keep the positions recorded so far (the text is valid JSON, but be safe).
        with contextlib.suppress(JsonSyntaxError, ValueError, StopIteration, RecursionError):
            parser.parse()
        self._positions = parser.positions

    def locate(self, element_id: str) -> Location | None:
        """Where an element's id stands.

        Locating the findings of a large map should not parse it all again
        in Python: a shallow scan (:func:`element_offsets`) finds the ids,
        and the full position parser is kept for problems.
        """
        if self._elements is None:
            try:
                self._elements = element_offsets(self._decoded())
            except (ValueError, StopIteration, IndexError):  # not a map's JSON after all
                self._elements = {}
        offset = self._elements.get(element_id)
        if offset is None:
            return super().locate(element_id) if not self._elements else None
        return self.offset_location(offset)

    def offset_location(self, offset: int) -> Location:
        self._decoded()
        assert self._lines is not None
        return Location(self.file, *self._lines.position(offset))

    def _find(self, path: Path, key: bool) -> tuple[int, int]:
        self.prepare((path,))
        positions = self._positions
        n = len(path)
        while n > 0 and path[:n] not in positions:
            n -= 1
        key_at, value_at = positions.get(path[:n], (None, 0))
        offset = key_at if key and key_at is not None and n == len(path) else value_at
        assert self._lines is not None
        return self._lines.position(offset)

    def _has(self, path: Path) -> bool:
        self.prepare((path,))
        return path in self._positions


#: A JSON escape of half a surrogate pair: the text may hold a lone one.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def _lone_surrogates(tree: Tree) -> list[tuple[Path, bool, str]]:
    """Each text (value or key) holding a lone surrogate: its path, whether
    it is a key, and the first surrogate; one more than are listed at most."""
    found: list[tuple[Path, bool, str]] = []
    stack: list[tuple[Path, Tree]] = [((), tree)]
    while stack and len(found) <= MAX_PROBLEMS:
        path, value = stack.pop()
        if isinstance(value, str):
            if (m := _SURROGATE.search(value)) is not None:
                found.append((path, False, m.group()))
        elif isinstance(value, list):
            stack.extend(((*path, i), v) for i, v in enumerate(value))
        elif isinstance(value, dict):
            for k, v in value.items():
                if (m := _SURROGATE.search(k)) is not None:
                    found.append(((*path, k), True, m.group()))
                stack.append(((*path, k), v))
    return found


def surrogate_message(char: str) -> str:
    return _(
        "{escape} is half of a UTF-16 surrogate pair without its other half: "
        "it is not a character, and a text holding it cannot be written as UTF-8"
    ).format(escape=f"\\u{ord(char):04x}")


def _checked(tree: Tree, locator: JsonLocator, text: str, problems: ProblemList) -> ProblemList:
    """``problems`` and one for each text holding a lone surrogate (from an
    escape such as ``\\ud800``), which nothing after loading could write out."""
    if _SURROGATE_ESCAPE.search(text) is None:
        return problems
    found = _lone_surrogates(tree)
    locator.prepare(path for path, _key, _char in found)
    for path, key, char in found:
        problems.add(Problem(surrogate_message(char), locator.at(path, key=key)))
    return problems


def read_json(
    text: str, file: str, max_values: int = MAX_VALUES
) -> tuple[Tree, JsonLocator | None, list[Problem]]:
    """Parse ``text``; return the tree, a locator and the problems found.

    The caller has refused a valid JSON text of more than ``max_values``
    values (:func:`value_problem`); the careful parser counts them in any
    other text."""
    locator = JsonLocator(file, text)
    if not text.strip():
        return (
            None,
            None,
            [
                Problem(
                    _("the file is empty: expected a JSON object with argmap, title and claims"),
                    Location(file, 1, 1),
                )
            ],
        )
    try:
        tree = fast_parse(text)
    except (ValueError, _Duplicate, RecursionError):
        pass
    else:
        if tree is None:
            return None, None, [_null_problem(text, file)]
        return tree, locator, _checked(tree, locator, text, ProblemList())
    # Something is wrong: parse again, in Python, to say what and where.
    parser = _PositionParser(text, None, max_values)
    lines = LineIndex(text)
    try:
        tree = parser.parse()
    except JsonSyntaxError as exc:
        return None, None, [_full_width_problem(text, file, lines, exc) or exc.problem(file, lines)]
    if tree is None:
        return None, None, [_null_problem(text, file)]
    problems = ProblemList(
        Problem(_("duplicate key {key}").format(key=_brief(key)), Location(file, *lines.position(at)))
        for key, at in parser.duplicates
    )
    problems.more = parser.more_duplicates
    # No duplicates: the fast path was only unsure (a text value holds '":').
    return tree, locator, _checked(tree, locator, text, problems)


def _null_problem(text: str, file: str) -> Problem:
    offset = _WS.match(text).end()  # type: ignore[union-attr]
    return Problem(
        _("an argument map must be a JSON object with argmap, title and claims, not null"),
        Location(file, *LineIndex(text).position(offset)),
    )


#: Full-width characters an input method types for JSON's own, and what to type instead.
_FULL_WIDTH = {
    "：": ":",
    "，": ",",
    "“": '"',
    "”": '"',
    "＂": '"',
    "｛": "{",
    "｝": "}",
    "［": "[",
    "］": "]",
}
_FULL_WIDTH["\u3000"] = " "


def _full_width_problem(text: str, file: str, lines: LineIndex, exc: JsonSyntaxError) -> Problem | None:
    """A syntax error at a full-width character typed for one of JSON's own
    (a colon, a comma, a quote, a brace, a space), said as such."""
    if type(exc) is not JsonSyntaxError or not 0 <= exc.offset < len(text):
        return None
    char = text[exc.offset]
    ascii_char = _FULL_WIDTH.get(char)
    if ascii_char is None:
        return None
    if char == "\u3000":
        message = _("a full-width space is used: JSON takes half-width spaces only")
    else:
        message = _("a full-width {char} is used: type the half-width {ascii}").format(
            char=repr(char), ascii=repr(ascii_char)
        )
    return Problem(
        _("JSON syntax error: {what}").format(what=message), Location(file, *lines.position(exc.offset))
    )
