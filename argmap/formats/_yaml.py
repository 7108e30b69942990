"""Read YAML into a plain tree, every scalar a string, with located problems.

PyYAML's C parser composes the node tree (``CBaseLoader``: no implicit
typing, so ``no``, ``on``, ``1e3`` and ``2023-05-09`` stay the strings they
are); this module walks it in Python. Anchors, aliases and tags are refused,
so an alias bomb never expands.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from argmap.errors import Location, Problem, ProblemList
from argmap.formats import _typos
from argmap.formats._rules import _brief
from argmap.formats._tree import (
    MAX_VALUES,
    SECTIONS,
    YAML_BREAKS,
    ElementLocator,
    FileLocator,
    LineIndex,
    Path,
    Tree,
    too_many_values,
)
from argmap.i18n import N_, _, current

try:
    _Loader: Any = yaml.CBaseLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _Loader = yaml.BaseLoader

_STD = "tag:yaml.org,2002:"
#: The tags the composer gives untagged nodes; any other was written in the file.
_DEFAULT_TAGS = {
    yaml.ScalarNode: _STD + "str",
    yaml.SequenceNode: _STD + "seq",
    yaml.MappingNode: _STD + "map",
}
#: What may stand just before a tag (``!x``, ``!!x``, ``!<x>``): a tag starts
#: a token, after a space, a line break, a flow indicator or the colon after
#: a quoted key (``{"a":!!str x}``).
_BEFORE_TAG = frozenset(" \t\r\n\x85\u2028\u2029[{,:\ufeff")
_TAG_DIRECTIVE = re.compile(r"^%TAG\b", re.MULTILINE)
_NULLS = frozenset(("", "~", "null", "Null", "NULL"))
#: The format is never deeper than root/claims/E1/source/url; allow slack.
MAX_DEPTH = 12
_EMPTY = N_("the file is empty: expected a mapping with argmap:, title: and claims:")


def _null_message(value: str) -> str:
    return _(
        "the file holds only {value}, which YAML reads as null: a map is a mapping with argmap:, title: and claims:"
    ).format(value=repr(value))


class YamlLocator(FileLocator):
    """Finds paths by walking the composed node tree (only when asked)."""

    def __init__(self, file: str, root: yaml.Node, text: str, mistakes: list[_typos.Mistake]) -> None:
        super().__init__(file)
        self._root = root
        self._text = text
        self._mistakes = mistakes
        #: Whether the reader found a typing mistake (the map must not load).
        self.mistaken = bool(mistakes)
        self._index: dict[int, dict[str, tuple[yaml.Node, yaml.Node]]] = {}

    def explain(self, problems: list[Problem], missing: dict[Problem, str]) -> list[Problem]:
        """``problems`` with the typing mistakes of the text (:mod:`._typos`)
        in place of what they caused: the problems on their lines, and a
        missing field that a mistake misspelt."""
        mistakes = sorted({*self._mistakes, *_typos.scan(self._text)}, key=lambda m: (m.line, m.column))
        if not mistakes:
            return problems
        lines = {m.line for m in mistakes}
        keys = {m.key for m in mistakes if m.key}
        kept = [
            p
            for p in problems
            if (p.location is None or p.location.line not in lines) and missing.get(p) not in keys
        ]
        return kept + [Problem(m.message, Location(self.file, m.line, m.column)) for m in mistakes]

    def _pairs(self, node: yaml.MappingNode) -> dict[str, tuple[yaml.Node, yaml.Node]]:
        index = self._index.get(id(node))
        if index is None:
            index = {}
            for k, v in node.value:
                if isinstance(k, yaml.ScalarNode):
                    index.setdefault(k.value, (k, v))
            self._index[id(node)] = index
        return index

    def _walk(self, path: Path) -> tuple[yaml.Node, yaml.Node | None, int]:
        """The deepest value node on ``path``, its key node, and how far it got."""
        node: yaml.Node = self._root
        key_node: yaml.Node | None = None
        depth = 0
        for part in path:
            if isinstance(node, yaml.MappingNode) and isinstance(part, str):
                found = self._pairs(node).get(part)
                if found is None:
                    break
                key_node, node = found
            elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
                if not 0 <= part < len(node.value):
                    break
                key_node, node = None, node.value[part]
            else:
                break
            depth += 1
        return node, key_node, depth

    def _find(self, path: Path, key: bool) -> tuple[int, int]:
        node, key_node, depth = self._walk(path)
        if key and depth == len(path) and key_node is not None:
            node = key_node
        # else: the value, or where a missing part would be (its parent's value)
        mark = node.start_mark
        return mark.line + 1, mark.column + 1

    def _has(self, path: Path) -> bool:
        return self._walk(path)[2] == len(path)

    def for_elements(self) -> ElementLocator:
        """Keep only where each element's id stands, not the whole node tree."""
        positions: dict[str, tuple[int, int]] = {}
        if isinstance(self._root, yaml.MappingNode):
            for section_key, section in self._root.value:
                if section_key.value in SECTIONS and isinstance(section, yaml.MappingNode):
                    for key, _value in section.value:
                        if isinstance(key, yaml.ScalarNode):  # others are reported as problems
                            mark = key.start_mark
                            positions.setdefault(key.value, (mark.line + 1, mark.column + 1))
        return ElementLocator(self.file, positions)


def _mark_location(file: str, mark: Any) -> Location:
    if mark is None:
        return Location(file, 1, 1)
    return Location(file, mark.line + 1, mark.column + 1)


def _char_at(text: str, mark: Any) -> str:
    """The character at a mark (libyaml counts its index in characters)."""
    index: int = mark.index
    return text[index] if 0 <= index < len(text) else ""


def _may_hold_tag(text: str) -> bool:
    """Whether ``text`` may hold a tag or a directive (a cheap scan: most
    texts have no ``!`` at all, and a ``%`` only inside lines)."""
    if text.startswith("%") or "\n%" in text or "\r%" in text:
        return True
    find = text.find
    i = find("!")
    while i >= 0:
        if i == 0 or text[i - 1] in _BEFORE_TAG:
            return True
        i = find("!", i + 1)
    return False


def _shown_tag(tag: str) -> str:
    """The tag as it could be written: ``!!int``, ``!local``, ``!<tag:x,2000:y>``."""
    if tag.startswith(_STD):
        return "!!" + tag.removeprefix(_STD)
    return tag if tag.startswith("!") else f"!<{tag}>"


def _tag_message(tag: str) -> str:
    return _(
        "YAML tag {tag} is not allowed: no field of the format uses tags, write the value without it"
    ).format(tag=_shown_tag(tag))


def _escape(code: int) -> str:
    return f"\\x{code:02X}" if code < 0x100 else f"\\u{code:04X}"


def _reader_problem(file: str, exc: yaml.reader.ReaderError, text: str) -> Problem:
    """A character YAML does not allow (NUL, other control characters,
    U+FFFE...), located where it stands. libyaml counts the position in
    UTF-8 bytes; the location counts characters."""
    position: int = exc.position
    offset = len(text.encode("utf-8", "surrogatepass")[:position].decode("utf-8", "ignore"))
    code = exc.character if isinstance(exc.character, int) else ord(exc.character)
    control = code < 0x20 or 0x7F <= code <= 0x9F
    name = _("a control character") if control else _("not allowed in YAML text")
    return Problem(
        _(
            "the character {code} ({name}) cannot stand in a YAML file: "
            'if a text needs it, write it as "{escape}" inside double quotes'
        ).format(code=f"U+{code:04X}", name=name, escape=_escape(code)),
        Location(file, *LineIndex(text, YAML_BREAKS).position(offset)),
    )


#: What libyaml says when it stops, as argmap shows it in other languages
#: (in English, libyaml's own words are shown).
_YAML_PROBLEMS = (
    N_("mapping values are not allowed in this context"),
    N_("could not find expected ':'"),
    N_("did not find expected key"),
    N_("did not find expected '-' indicator"),
    N_("did not find expected node content"),
    N_("did not find expected ',' or '}'"),
    N_("did not find expected ',' or ']'"),
    N_("found character that cannot start any token"),
    N_("found unexpected end of stream"),
    N_("found unknown escape character"),
    N_("block sequence entries are not allowed in this context"),
    N_("did not find expected comment or line break"),
    N_("found a tab character that violates indentation"),
    N_("found a tab character where an indentation space is expected"),
    N_("found unexpected ':'"),
    N_("did not find expected <document start>"),
    N_("did not find expected hexdecimal number"),
    N_("found unexpected document indicator"),
    N_("found undefined tag handle"),
    N_("found duplicate %YAML directive"),
    N_("found incompatible YAML document"),
    N_("found an incorrect leading UTF-16 surrogate"),
    N_("a tab character: YAML does not allow tabs for indentation, use spaces"),
)
_YAML_CONTEXTS = (
    N_("while scanning a simple key"),
    N_("while parsing a block mapping"),
    N_("while parsing a block collection"),
    N_("while parsing a flow mapping"),
    N_("while parsing a flow sequence"),
    N_("while parsing a flow node"),
    N_("while parsing a block node"),
    N_("while scanning a quoted scalar"),
    N_("while scanning a plain scalar"),
    N_("while scanning a block scalar"),
    N_("while parsing a quoted scalar"),
    N_("while scanning a directive"),
    N_("while scanning a tag"),
    N_("while scanning an anchor"),
    N_("while scanning an alias"),
)


def _said(words: str, known: tuple[str, ...]) -> str:
    """libyaml's words in the language in force: translated when known;
    in English as they are; else a general reason."""
    if words in known or current() == "en":
        return _(words)
    return _("the YAML text cannot be read here")


def _syntax_problem(file: str, exc: yaml.YAMLError, text: str) -> Problem:
    if isinstance(exc, yaml.reader.ReaderError):
        return _reader_problem(file, exc, text)
    if isinstance(exc, yaml.MarkedYAMLError):
        mark = exc.problem_mark or exc.context_mark
        what = exc.problem or exc.context or "invalid YAML"
        if mark is not None and _char_at(text, mark) == "\t":
            what = "a tab character: YAML does not allow tabs for indentation, use spaces"
        what = _said(what, _YAML_PROBLEMS)
        if (
            exc.context
            and exc.problem
            and exc.context_mark is not None
            and mark is not None
            and exc.context_mark.line != mark.line
        ):
            message = _("YAML syntax error: {what} ({context} at line {line})").format(
                what=what, context=_said(exc.context, _YAML_CONTEXTS), line=exc.context_mark.line + 1
            )
        else:
            message = _("YAML syntax error: {what}").format(what=what)
        return Problem(message, _mark_location(file, mark))
    return Problem(_("YAML error: {error}").format(error=_said(str(exc), ())), Location(file, 1, 1))


def _syntax_problems(file: str, exc: yaml.YAMLError, text: str) -> list[Problem]:
    """The problem of a YAML syntax error; if a typing mistake caused it
    (:mod:`._typos`), that mistake instead, where it was typed."""
    problem = _syntax_problem(file, exc, text)
    if isinstance(exc, yaml.reader.ReaderError) or problem.location is None:
        return [problem]
    found = _typos.scan(text)
    where = problem.location
    if not any(m.line <= where.line for m in found) and isinstance(exc, yaml.MarkedYAMLError):
        reason = _typos.explain_syntax_error(text, where.line, where.column, exc.problem or "")
        if reason is not None:
            found.insert(0, reason)
    explained = any(m.line <= where.line for m in found)
    return ([] if explained else [problem]) + [
        Problem(m.message, Location(file, m.line, m.column)) for m in found
    ]


def _anchor_problems(file: str, text: str) -> list[Problem]:
    """Refuse anchors, aliases, tags and ``%TAG`` directives, located; only
    run when the text may hold one (& or *, or ! or % where a tag or a
    directive could start)."""
    problems = ProblemList()
    for event in yaml.parse(text, Loader=_Loader):
        if (tag := getattr(event, "tag", None)) is not None:
            problems.add(Problem(_tag_message(tag), _mark_location(file, event.start_mark)))
        if isinstance(event, yaml.DocumentStartEvent) and event.tags:
            m = _TAG_DIRECTIVE.search(text)
            where = Location(file, *LineIndex(text, YAML_BREAKS).position(m.start())) if m else None
            problems.add(
                Problem(
                    _("YAML %TAG directive is not allowed: no field of the format uses tags"),
                    where or _mark_location(file, event.start_mark),
                )
            )
        if isinstance(event, yaml.AliasEvent):
            problems.add(
                Problem(
                    _("YAML alias {alias} is not allowed: write the value out").format(
                        alias=f"*{event.anchor}"
                    ),
                    _mark_location(file, event.start_mark),
                )
            )
        elif (anchor := getattr(event, "anchor", None)) is not None:
            problems.add(
                Problem(
                    _("YAML anchor {anchor} is not allowed: write each value out").format(
                        anchor=f"&{anchor}"
                    ),
                    _mark_location(file, event.start_mark),
                )
            )
    return problems


class _Converter:
    def __init__(self, file: str, text: str) -> None:
        self.file = file
        self.text = text
        self.problems = ProblemList()
        #: Values left empty by a '#' YAML read as a comment (see _typos.hashtag).
        self.mistakes: list[_typos.Mistake] = []

    def problem(self, message: str, node: yaml.Node) -> None:
        self.problems.add(Problem(message, _mark_location(self.file, node.start_mark)))

    def convert(self, node: yaml.Node, depth: int = 0) -> Tree:
        # Every tag is refused where the text is scanned for them first
        # (_anchor_problems); this catches any the scan let through but
        # the three a node has without a tag.
        if node.tag != _DEFAULT_TAGS[type(node)]:
            self.problem(_tag_message(node.tag), node)
        if isinstance(node, yaml.ScalarNode):
            if not node.style and node.value in _NULLS:  # plain style: None, or '' from libyaml
                return None
            return node.value
        if depth >= MAX_DEPTH:
            self.problem(_("too deeply nested: the format has at most 5 levels"), node)
            return None
        if isinstance(node, yaml.SequenceNode):
            return [self.convert(item, depth + 1) for item in node.value]
        out: dict[str, Tree] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                self.problem(_("a key must be a plain name, not a list or mapping"), key_node)
                continue
            key = key_node.value
            if key in out:
                self.problem(_("duplicate key {key}").format(key=_brief(key)), key_node)
                continue
            out[key] = self.convert(value_node, depth + 1)
            if isinstance(value_node, yaml.ScalarNode) and not value_node.style:
                self.typed(key, key_node, value_node)
        return out

    def typed(self, key: str, key_node: yaml.Node, node: yaml.ScalarNode) -> None:
        """Note a typing mistake YAML read as something else: a hashtag read
        as a comment (the value is empty), a list typed with dashes (one text)."""
        if not node.value:
            where = _typos.hashtag(self.text, key, key_node.end_mark.index)
            if where is not None:
                line, column = LineIndex(self.text, YAML_BREAKS).position(where)
                self.mistakes.append(_typos.Mistake(line, column, _typos.hashtag_message(key), key))
        elif (dash := _typos.list_typed_with_dashes(key, node.value)) is not None:
            mark = node.start_mark
            self.mistakes.append(_typos.Mistake(mark.line + 1, mark.column + 1, _typos.dash_message(dash)))


def node_bound(text: str) -> int:
    """At least as many as the nodes of the YAML ``text`` (keys included),
    from the characters that start one: ``:`` a key and its value, ``-`` a
    block item, ``,`` ``[`` ``{`` ``?`` a flow item, or a key and its
    empty value. Characters inside texts and comments only add to it.

    >>> node_bound("a: [1, 2]"), node_bound("{a, b}")
    (7, 5)
    """
    count = text.count
    return 2 * (count(":") + count(",") + count("[") + count("{") + count("?")) + count("-") + 1


def _value_problem(file: str, text: str, limit: int) -> Problem | None:
    """A problem if ``text`` holds more than ``limit`` nodes, located at the
    first one past the limit. Cheap for every real map (the bound above is
    under the limit); else the nodes are counted as the parser meets them,
    before any tree is built. A syntax error is left to the composer."""
    if node_bound(text) <= limit:
        return None
    nodes = (yaml.ScalarEvent, yaml.SequenceStartEvent, yaml.MappingStartEvent, yaml.AliasEvent)
    count = 0
    try:
        for event in yaml.parse(text, Loader=_Loader):
            if isinstance(event, nodes):
                count += 1
                if count > limit:
                    return Problem(too_many_values(limit), _mark_location(file, event.start_mark))
    except yaml.YAMLError:
        pass
    return None


def read_yaml(
    text: str, file: str, max_values: int = MAX_VALUES
) -> tuple[Tree, YamlLocator | None, list[Problem]]:
    """Parse ``text``; return the tree, a locator and the problems found.

    The tree is None when nothing usable could be read.
    """
    if (too_many := _value_problem(file, text, max_values)) is not None:
        return None, None, [too_many]
    if "&" in text or "*" in text or _may_hold_tag(text):
        try:
            problems = _anchor_problems(file, text)
        except yaml.YAMLError as exc:
            return None, None, _syntax_problems(file, exc, text)
        if problems:
            return None, None, problems
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError as exc:
        return None, None, _syntax_problems(file, exc, text)
    except RecursionError:
        return None, None, [Problem(_("too deeply nested"), Location(file, 1, 1))]
    if root is None:
        return None, None, [Problem(_(_EMPTY), Location(file, 1, 1))]
    conv = _Converter(file, text)
    tree = conv.convert(root)
    if tree is None and not conv.problems:  # a lone "~" or "null"
        value = root.value if isinstance(root, yaml.ScalarNode) else ""
        message = _null_message(value) if value else _(_EMPTY)  # a document of only "---"
        return None, None, [Problem(message, _mark_location(file, root.start_mark))]
    return tree, YamlLocator(file, root, text, conv.mistakes), conv.problems
