"""Argdown (``.argdown``, the 1.x syntax): read it into a map, write a map as Argdown.

Reading (:func:`loads`) maps Argdown's elements onto argmap's:

- a statement (an equivalence class: every ``[Title]: text`` with the same
  title) is a claim; an untitled statement is a claim of its own;
- an argument with a premise-conclusion structure (``(1) … ---- (n) …``) is an
  inference from its premises to its main conclusion; each further inference
  line of a multi-step structure is an inference of its own, to its
  intermediate conclusion (its premises: the previous conclusion and the
  statements since, or the numbers in ``{uses: [1, 2]}``);
- an argument without a structure that supports a statement is a claim holding
  its description (so the support is an inference with that one premise); an
  argument with neither structure nor description gives an inference without
  premises;
- ``+`` between two statements is an inference with that one premise; ``-`` is
  an attack (rebuttal); ``_`` an attack on an inference (undercut); ``><``
  (contradiction) two attacks, one each way;
- kinds come from tags (``#evidence``, ``#premise``, ``#assumption``,
  ``#hypothesis``, ``#conclusion``, ``#blank`` or their Japanese names such as
  ``#証拠``, ``#隠れた前提``); otherwise a claim an inference concludes is a
  conclusion and any other a premise;
- other tags are kept as tags; a heading is kept as a tag of the claims
  defined under it; the front matter's ``title`` and ``lang`` are the map's.

Titles become ids: a title that is a valid id stays as it is; another is
turned into a slug of its letters and digits (``[Main Thesis]`` ->
``Main-Thesis``) or, when nothing is left (``[主張]``), into ``s1``, ``s2``…
for statements and ``a1``, ``a2``… for arguments, with the title kept as the
claim's text when the statement has none. Attacks get ``x1``, ``x2``… and
inferences made from relations ``r1``, ``r2``….

Writing (:func:`dumps`) gives Argdown that Argdown 1.7 parses into the same
graph: each claim defined once with its id as title and its kind as a tag,
each inference an argument with a premise-conclusion structure, each attack a
relation. What Argdown holds no place for (notes, sources, strengths,
markers, attack ids) is not written.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Mapping
from typing import Any, TypeVar

import attrs
import yaml

from argmap.errors import Location, Problem
from argmap.formats._foreign import (
    Imported,
    Positions,
    map_data,
    map_fields,
    source_data,
    source_of,
    text_lang,
)
from argmap.formats._rules import KIND_WORDS
from argmap.i18n import _, choose, using
from argmap.model import ID_PATTERN, LANG_PATTERN, ArgumentMap, Attack, Claim, Inference, Kind, Source

__all__ = ["dumps", "loads"]

_TAG = re.compile(r"#(?:\(([^)\n]+)\)|([A-Za-z0-9\-_\u00a0-\ud7ff\uf900-\ufdcf\ufdf0-\uffef]+))")
_RELATION = re.compile(r"(<\+|<-|<_|\+>|->|_>|><|\+|-|_)[ \t]+(.*)\Z")
_PCS = re.compile(r"\((\d+)\)[ \t]+(.*)\Z")
_LIST_ITEM = re.compile(r"(?:\*|\d+\.)[ \t]+(.*)\Z")
_HEADING = re.compile(r"(#+)[ \t]+(.*)\Z")
_STATEMENT_HEAD = re.compile(r"\[([^\]\n]+?)\](:?)")
_ARGUMENT_HEAD = re.compile(r"<([^>\n]+?)>(:?)")
_INFERENCE = re.compile(r"--+")
_COMMENT = re.compile(r"<!--.*?-->|/\*.*?\*/|//[^\n]*", re.S)
_FRONT = re.compile(r"(===+|---)[ \t]*\Z")

_SURROGATE = re.compile("[\ud800-\udfff]")
_LOOSE_TO_INCOMING = {"+": "<+", "-": "<-", "_": "<_"}


@attrs.define
class _Item:
    """One element as written: a statement, an argument, a pcs line, an inference."""

    what: str  # "statement", "argument", "pcs", "inference"
    line: int
    column: int
    indent: int
    relation: str | None = None
    number: int | None = None
    lines: list[str] = attrs.field(factory=list)


@attrs.define
class _Statement:
    title: str
    line: int
    column: int
    text: str | None = None
    tags: list[str] = attrs.field(factory=list)
    data: dict[str, Any] | None = None  # the {…} data of its first definition that has some


@attrs.define
class _Step:
    premises: list[str]
    conclusion: str
    rules: str | None
    line: int
    column: int
    data: dict[str, Any] = attrs.field(factory=dict)  # the inference line's {…} data


@attrs.define
class _Argument:
    title: str
    line: int
    column: int
    text: str | None = None
    tags: list[str] = attrs.field(factory=list)
    steps: list[_Step] = attrs.field(factory=list)


Node = tuple[str, str, int]  # ("s", key, 0) | ("a", key, 0) | ("i", argument key, step)


@attrs.define
class _Relation:
    symbol: str
    source: Node
    target: Node
    line: int
    column: int


class _Reader:
    def __init__(self, text: str, name: str) -> None:
        self.name = name
        self.warnings: list[Problem] = []
        self.statements: dict[str, _Statement] = {}
        self.arguments: dict[str, _Argument] = {}
        self.relations: list[_Relation] = []
        self.meta: dict[str, Any] = {}
        self.anonymous = 0
        self.heading: str | None = None
        self.text = text

    def warn(self, message: str, line: int, column: int) -> None:
        self.warnings.append(Problem(message, Location(self.name, line, column)))

    # -- reading the text ---------------------------------------------------------------

    def read(self) -> None:
        text = self.text.replace("\r\n", "\n").replace("\r", "\n")
        if text.startswith("\ufeff"):
            text = text[1:]
        # Comments become spaces, so lines and columns stay where they were.
        original = text.split("\n")
        text = _COMMENT.sub(lambda m: re.sub(r"[^\n]", " ", m.group()), text)
        lines = text.split("\n")
        # A line that holds only a comment is no line at all (it ends no block).
        comment_only = {i for i, line in enumerate(lines) if not line.strip() and original[i].strip()}
        start = self.front_matter(lines)
        block: list[_Item] = []
        previous_top: Node | None = None
        for number in range(start, len(lines)):
            if number in comment_only:
                continue
            raw = lines[number].rstrip()
            if not raw.strip():
                if block:
                    previous_top = self.block(block, previous_top)
                    block = []
                continue
            self.line_item(raw, number + 1, block)
        if block:
            self.block(block, previous_top)

    def front_matter(self, lines: list[str]) -> int:
        first = next((i for i, line in enumerate(lines) if line.strip()), None)
        if first is None or _FRONT.match(lines[first].strip()) is None:
            return 0
        fence = lines[first].strip()
        for end in range(first + 1, len(lines)):
            if lines[end].strip() == fence or (
                fence.startswith("=") and re.fullmatch(r"===+", lines[end].strip())
            ):
                try:
                    data = yaml.safe_load("\n".join(lines[first + 1 : end]))
                except (
                    yaml.YAMLError,
                    ValueError,
                    RecursionError,
                ) as exc:  # ValueError: a date like 2024-13-40
                    mark = getattr(exc, "problem_mark", None)
                    line = first + 2 + (mark.line if mark is not None else 0)
                    self.warn(_("the front matter is not valid YAML; it is ignored"), line, 1)
                    data = None
                if isinstance(data, dict):
                    self.meta = data
                elif data is not None:
                    self.warn(
                        _("the front matter is not a mapping of names to values; it is ignored"), first + 2, 1
                    )
                return end + 1
        self.warn(
            _("the front matter is not closed with {fence}; it is read as text").format(fence=fence),
            first + 1,
            1,
        )
        return 0

    def line_item(self, raw: str, line: int, block: list[_Item]) -> None:
        body = raw.lstrip(" \t")
        indent = len(raw.expandtabs(4)) - len(body.expandtabs(4))
        column = len(raw) - len(body) + 1
        if not block and indent == 0 and (m := _HEADING.match(body)) is not None:
            heading, _tags, _data = _inline(m.group(2))
            self.heading = " ".join(heading.split()) or None
            return
        open_inference = (
            bool(block)
            and block[-1].what == "inference"
            and block[-1].lines[-1:] not in (["\0closed"], ["\0collapsed"])
        )
        if (m := _INFERENCE.match(body)) is not None and (
            not block or any(it.what in ("pcs", "inference") for it in block)
        ):
            if open_inference:  # the line that closes an expanded inference
                block[-1].lines.append("\0closed")
                return
            rest = body[m.end() :].strip()
            item = _Item("inference", line, column, indent)
            if re.fullmatch(r"-{4,}", body):
                item.lines = ["\0collapsed"]
            elif rest.endswith("--"):
                item.lines = [rest.rstrip("-").strip(), "\0closed"]
            else:
                item.lines = [rest] if rest else []
            block.append(item)
            return
        if open_inference:
            block[-1].lines.append(body)
            return
        if (m := _RELATION.match(body)) is not None and indent > 0:
            item = _Item("element", line, column + len(m.group(1)) + 1, indent, relation=m.group(1))
            item.column = column + m.start(2)
            item.lines = [m.group(2)]
            block.append(item)
            return
        if (m := _PCS.match(body)) is not None and (not block or block[-1].what != "element" or indent == 0):
            item = _Item("pcs", line, column + m.start(2), indent, number=int(m.group(1)))
            item.lines = [m.group(2)]
            block.append(item)
            return
        if (m := _LIST_ITEM.match(body)) is not None:  # each item of a list is a statement of its own
            block.append(_Item("element", line, column + m.start(1), indent, lines=[m.group(1)]))
            return
        if block and block[-1].what in ("element", "pcs"):
            block[-1].lines.append(body)
            return
        if block and block[-1].what == "inference":
            self.warn(
                _("text after an inference line is not a numbered statement; it is ignored"), line, column
            )
            return
        block.append(_Item("element", line, column, indent, lines=[body]))

    # -- a block of lines between empty lines ------------------------------------------

    def block(self, items: list[_Item], previous_top: Node | None) -> Node | None:
        first = items[0]
        if first.relation is not None:
            self.warn(
                _("a relation must follow the element it belongs to, not an empty line"),
                first.line,
                first.column,
            )
        pcs_argument: str | None = None
        stack: list[tuple[int, Node | None]] = []
        steps: list[tuple[_Item, Node | None]] = []  # pcs statements and inferences, in order
        top: Node | None = None
        for index, item in enumerate(items):
            node: Node | None
            if item.what == "inference":
                step = sum(1 for it, _n in steps if it.what == "inference")
                node = ("i", pcs_argument, step) if pcs_argument is not None else None
                steps.append((item, None))
            else:
                if item.what == "pcs" and pcs_argument is None:
                    if index == 0 and previous_top is not None and previous_top[0] == "a":
                        pcs_argument = previous_top[1]
                    elif index > 0 and top is not None and top[0] == "a":
                        pcs_argument = top[1]
                    else:
                        pcs_argument = self.new_argument(item.line, item.column)
                node = self.element(item)
                if index == 0:
                    top = node
                if item.what == "pcs":
                    steps.append((item, node))
            if item.relation is not None:
                parent = next((n for ind, n in reversed(stack) if ind < item.indent), None)
                if parent is None or node is None:
                    if index > 0:
                        self.warn(
                            _("this relation has no element above it to belong to; it is ignored"),
                            item.line,
                            item.column,
                        )
                else:
                    self.relate(item.relation, parent, node, item)
            while stack and stack[-1][0] >= item.indent:
                stack.pop()
            stack.append((item.indent, node))
        if pcs_argument is not None:
            self.structure(pcs_argument, steps)
            return None
        return top

    def element(self, item: _Item) -> Node:
        """Define or refer to the statement or argument ``item`` holds."""
        text = " ".join(item.lines)
        if item.what != "pcs" and (m := _ARGUMENT_HEAD.match(text)) is not None:
            title = " ".join(m.group(1).split())
            body, tags, _data = _inline(text[m.end() :])
            key = "a:" + title
            arg = self.arguments.get(key)
            if arg is None:
                arg = self.arguments[key] = _Argument(title, item.line, item.column)
            if m.group(2) and body and arg.text is None:
                arg.text = body
            arg.tags.extend(t for t in tags if t not in arg.tags)
            return ("a", key, 0)
        m = _STATEMENT_HEAD.match(text)
        if m is not None and (m.group(2) or not text[m.end() :].lstrip().startswith("(")):
            title = " ".join(m.group(1).split())
            body, tags, data = _inline(text[m.end() :])
            key = "s:" + title
        else:
            title = ""
            body, tags, data = _inline(text)
            self.anonymous += 1
            key = f"\0{self.anonymous}"
        st = self.statements.get(key)
        if st is None:
            st = self.statements[key] = _Statement(title, item.line, item.column)
        if body and (m is None or m.group(2) or not title):
            if st.text is None:
                st.text = body
            elif st.text != body:
                self.warn(
                    _(
                        "statement [{title}] is defined again with another text; the first text is kept"
                    ).format(title=title),
                    item.line,
                    item.column,
                )
        defines = m is None or bool(m.group(2))  # a reference adds no heading
        if defines and st.data is None and isinstance(data, dict) and data:
            st.data = data
        if defines and self.heading is not None and self.heading not in st.tags:
            st.tags.append(self.heading)
        st.tags.extend(t for t in tags if t not in st.tags)
        return ("s", key, 0)

    def new_argument(self, line: int, column: int) -> str:
        self.anonymous += 1
        key = f"\0{self.anonymous}"
        self.arguments[key] = _Argument("", line, column)
        return key

    def relate(self, symbol: str, parent: Node | None, child: Node, item: _Item) -> None:
        if parent is None:
            return
        symbol = _LOOSE_TO_INCOMING.get(symbol, symbol)
        if symbol == "><":
            self.relations.append(_Relation("><", child, parent, item.line, item.column))
        elif symbol.startswith("<"):  # the child acts on its parent
            self.relations.append(_Relation(symbol[1], child, parent, item.line, item.column))
        else:  # the parent acts on the child
            self.relations.append(_Relation(symbol[0], parent, child, item.line, item.column))

    def structure(self, key: str, steps: list[tuple[_Item, Node | None]]) -> None:
        argument = self.arguments[key]
        if argument.steps:
            self.warn(
                _(
                    "argument <{title}> has a second premise-conclusion structure; only the first is read"
                ).format(title=argument.title),
                steps[0][0].line,
                steps[0][0].column,
            )
            return
        numbered: dict[int, str] = {}
        pool: list[str] = []
        pending: _Item | None = None
        for item, node in steps:
            if item.what == "inference":
                if pending is not None:
                    self.warn(_("two inference lines in a row; the first is ignored"), item.line, item.column)
                if not pool:
                    self.warn(_("an inference line with no premise above it"), item.line, item.column)
                pending = item
                continue
            assert node is not None
            if item.number is not None:
                numbered[item.number] = node[1]
            if pending is None:
                pool.append(node[1])
                continue
            rules = [r for r in pending.lines if not r.startswith("\0")]
            rule_text, _tags, data = _inline(" ".join(rules))
            premises = list(pool)
            uses = data.get("uses") if isinstance(data, dict) else None
            if isinstance(uses, list) and all(isinstance(u, int) and u in numbered for u in uses):
                premises = [numbered[u] for u in uses]
            argument.steps.append(
                _Step(
                    premises,
                    node[1],
                    rule_text or None,
                    pending.line,
                    pending.column,
                    data if isinstance(data, dict) else {},
                )
            )
            pending = None
            pool = [node[1]]
        if pending is not None:
            self.warn(_("an inference line with no conclusion below it"), pending.line, pending.column)
        if not argument.steps and steps:
            self.warn(
                _(
                    "a premise-conclusion structure without an inference line has no conclusion; "
                    "its statements are kept as claims"
                ),
                steps[0][0].line,
                steps[0][0].column,
            )


def _inline(text: str) -> tuple[str, list[str], Any]:
    """Split an element's text into its words, its tags and its ``{…}`` data;
    escapes (``\\#``) are undone."""
    out: list[str] = []
    tags: list[str] = []
    data: Any = None
    i = 0
    n = len(text)
    while i < n:
        c = text[i]
        if c == "\\" and i + 1 < n:
            out.append(text[i + 1])
            i += 2
            continue
        if c == "#" and (m := _TAG.match(text, i)) is not None:
            tag = " ".join((m.group(1) or m.group(2)).split())
            if tag and tag not in tags:
                tags.append(tag)
            i = m.end()
            continue
        if c == "{":
            depth, j = 0, i
            while j < n:
                if text[j] == "{":
                    depth += 1
                elif text[j] == "}":
                    depth -= 1
                    if depth == 0:
                        break
                j += 1
            if j < n:
                try:
                    data = yaml.safe_load(text[i : j + 1])
                except (yaml.YAMLError, ValueError, RecursionError):  # ValueError: a date like 2024-13-40
                    data = None
                i = j + 1
                continue
        out.append(c)
        i += 1
    return " ".join("".join(out).split()), tags, data


# -- from what was read to a map ------------------------------------------------------------


def _slug(title: str) -> str:
    text = unicodedata.normalize("NFKD", title)
    text = re.sub(r"[^A-Za-z0-9_.\-]+", "-", text.encode("ascii", "ignore").decode()).strip("-.")
    text = re.sub(r"-{2,}", "-", text)
    return text if ID_PATTERN.match(text) else ""


class _Ids:
    def __init__(self) -> None:
        self.used: set[str] = set()
        self.counters: dict[str, int] = {}

    def reserve(self, wanted: str) -> str | None:
        if ID_PATTERN.match(wanted) and wanted not in self.used:
            self.used.add(wanted)
            return wanted
        return None

    def fresh(self, prefix: str) -> str:
        while True:
            self.counters[prefix] = self.counters.get(prefix, 0) + 1
            candidate = f"{prefix}{self.counters[prefix]}"
            if candidate not in self.used:
                self.used.add(candidate)
                return candidate

    def for_title(self, title: str, prefix: str) -> str:
        if title and (got := self.reserve(title)) is not None:
            return got
        slug = _slug(title)
        if slug:
            if (got := self.reserve(slug)) is not None:
                return got
            k = 2
            while (got := self.reserve(f"{slug}-{k}")) is None:
                k += 1
            return got
        return self.fresh(prefix)


def _kind_tag(tag: str) -> Kind | None:
    return KIND_WORDS.get(tag) or KIND_WORDS.get(tag.lower())


def _build(reader: _Reader, lang: str | None) -> ArgumentMap:
    meta = reader.meta
    title = meta.get("title")
    if not isinstance(title, str):
        title = reader.name
    map_lang = meta.get("lang")
    if not isinstance(map_lang, str) or LANG_PATTERN.match(map_lang) is None:
        fallback = text_lang((st.text for st in reader.statements.values()), lang)
        if map_lang is not None:
            reader.warn(
                _("the front matter's lang {lang} is not a language tag; {fallback} is used").format(
                    lang=repr(map_lang), fallback=fallback
                ),
                1,
                1,
            )
        map_lang = fallback
    ids = _Ids()
    # Titles that are valid ids keep them first, so a map written by dumps reads back with its ids.
    claim_of: dict[str, str] = {}
    argument_id: dict[str, str] = {}
    for key, st in reader.statements.items():
        if st.title and (got := ids.reserve(st.title)) is not None:
            claim_of[key] = got
    for key, arg in reader.arguments.items():
        if arg.title and (got := ids.reserve(arg.title)) is not None:
            argument_id[key] = got
    for key, st in reader.statements.items():
        if key not in claim_of:
            claim_of[key] = ids.for_title(st.title, "s")
    for key, arg in reader.arguments.items():
        if key not in argument_id:
            argument_id[key] = ids.for_title(arg.title, "a")

    inferences: dict[str, Inference] = {}
    attacks: list[tuple[str, str, int, int]] = []
    places: dict[str, tuple[int, int]] = {}  # where each element is written
    extra_claims: dict[str, tuple[str, list[str], int, int]] = {}  # arguments as claims
    main_inference: dict[str, str] = {}
    step_inference: dict[tuple[str, int], str] = {}  # (argument, step) -> the inference made of it
    support_inferences: dict[str, list[str]] = {}

    for key, arg in reader.arguments.items():
        for k, step in enumerate(arg.steps):
            last = k == len(arg.steps) - 1
            iid = argument_id[key] if last else ids.for_title(f"{argument_id[key]}.{k + 1}", "r")
            inferences[iid] = _inference(
                reader,
                iid,
                [claim_of[p] for p in step.premises],
                claim_of[step.conclusion],
                step,
                note=arg.text if last else None,
                tags=[t for t in arg.tags if _kind_tag(t) is None],
            )
            places[iid] = (step.line, step.column) if not last else (arg.line, arg.column)
            step_inference[key, k] = iid
            if last:
                main_inference[key] = iid

    def claim_for(node: Node, relation: _Relation) -> str | None:
        what, key, _step = node
        if what == "s":
            return claim_of[key]
        if what == "a":
            arg = reader.arguments[key]
            if arg.steps:
                return claim_of[arg.steps[-1].conclusion]
            cid = argument_id[key]
            if cid not in extra_claims:
                extra_claims[cid] = (arg.text or arg.title, arg.tags, arg.line, arg.column)
            return cid
        reader.warn(
            _("an inference cannot support or attack anything in argmap; this relation is ignored"),
            relation.line,
            relation.column,
        )
        return None

    def inference_for(node: Node, relation: _Relation) -> str | None:
        what, key, step = node
        if what == "i":
            return step_inference.get((key, step))
        if what == "a":
            if key in main_inference:
                return main_inference[key]
            made = support_inferences.get(key, [])
            if made:
                return made[0]
        reader.warn(
            _("an undercut must target an argument or an inference; this relation is ignored"),
            relation.line,
            relation.column,
        )
        return None

    # Arguments with neither structure nor description that only support statements
    # are inferences without premises; any other argument without a structure is a claim.
    bare = {key for key, arg in reader.arguments.items() if not arg.steps and not arg.text and arg.title}
    for rel in reader.relations:
        if rel.symbol != "+" or rel.target[0] != "s":
            bare.discard(rel.source[1])
        if rel.symbol != "_":
            bare.discard(rel.target[1])
    # Supports first, so that undercuts of an argument without a structure find its inference.
    ordered = [r for r in reader.relations if r.symbol == "+"] + [
        r for r in reader.relations if r.symbol != "+"
    ]
    for rel in ordered:
        src, tgt = rel.source, rel.target
        if rel.symbol == "+":
            if tgt[0] != "s":
                if tgt[0] == "a" and not reader.arguments[tgt[1]].steps:
                    conclusion = claim_for(tgt, rel)
                else:
                    reader.warn(
                        _(
                            "support for an argument or an inference has no counterpart in argmap; it is ignored"
                        ),
                        rel.line,
                        rel.column,
                    )
                    continue
            else:
                conclusion = claim_of[tgt[1]]
            if conclusion is None:
                continue
            premises: list[str]
            source_arg = reader.arguments.get(src[1]) if src[0] == "a" else None
            if source_arg is not None and src[1] in bare:
                iid = argument_id[src[1]] if src[1] not in support_inferences else ids.fresh("r")
                premises = []
            else:
                premise = claim_for(src, rel)
                if premise is None:
                    continue
                premises = [premise]
                iid = ids.fresh("r")
            inferences[iid] = Inference(iid, premises, conclusion)
            places.setdefault(iid, (rel.line, rel.column))
            if src[0] == "a":
                support_inferences.setdefault(src[1], []).append(iid)
        elif rel.symbol in ("-", "><"):
            source = claim_for(src, rel)
            if source is None:
                continue
            target: str | None
            if tgt[0] == "s":
                target = claim_of[tgt[1]]
            elif tgt[0] == "a" and reader.arguments[tgt[1]].steps:
                target = main_inference[tgt[1]]
            elif tgt[0] == "i":
                target = inference_for(tgt, rel)
            else:
                target = claim_for(tgt, rel)
            if target is None:
                continue
            attacks.append((source, target, rel.line, rel.column))
            if rel.symbol == "><" and tgt[0] == "s":
                back = claim_for(tgt, rel)
                if back is not None:
                    attacks.append((target, source, rel.line, rel.column))
        else:  # undercut
            source = claim_for(src, rel)
            if source is None:
                continue
            if tgt[0] == "s":
                target = _step_concluding(reader, claim_of, inferences, tgt[1])
                if target is None:
                    reader.warn(
                        _(
                            "an undercut of a statement that no inference concludes has no counterpart in argmap; it is ignored"
                        ),
                        rel.line,
                        rel.column,
                    )
                    continue
            else:
                target = inference_for(tgt, rel)
                if target is None:
                    continue
            attacks.append((source, target, rel.line, rel.column))

    for key, arg in reader.arguments.items():  # arguments that nothing above turned into anything
        if arg.steps or key in support_inferences or argument_id[key] in extra_claims:
            continue
        if arg.text:
            extra_claims[argument_id[key]] = (arg.text, arg.tags, arg.line, arg.column)
        else:
            reader.warn(
                _(
                    "argument <{title}> has no description, no premise-conclusion structure and no relation; it is left out"
                ).format(title=arg.title),
                arg.line,
                arg.column,
            )
    concluded = {inf.conclusion for inf in inferences.values()}
    claims: list[Claim] = []
    for key, st in reader.statements.items():
        cid = claim_of[key]
        places[cid] = (st.line, st.column)
        if st.text is None:  # only referred to: a slot to fill, as a blank
            claims.append(
                _claim(
                    reader,
                    cid,
                    "",
                    st.tags,
                    concluded=cid in concluded,
                    at=(st.line, st.column),
                    prompt=st.title,
                )
            )
            continue
        claims.append(
            _claim(
                reader,
                cid,
                st.text,
                st.tags,
                concluded=cid in concluded,
                at=(st.line, st.column),
                data=st.data or {},
            )
        )
    for cid, (text, tags, line, column) in extra_claims.items():
        claims.append(_claim(reader, cid, text or cid, tags, concluded=cid in concluded, at=(line, column)))
        places[cid] = (line, column)
    made_attacks = []
    for source, target, line, column in attacks:
        made_attacks.append(Attack(ids.fresh("x"), source, target))
        places[made_attacks[-1].id] = (line, column)
    extras, left = map_fields(reader.meta, places.keys())
    for message in left:
        reader.warn(message, 1, 1)
    parts: dict[str, Any] = {
        "lang": map_lang,
        "claims": {c.id: c for c in claims},
        "inferences": inferences,
        "attacks": {a.id: a for a in made_attacks},
        "origin": Positions(reader.name, {k: Location(reader.name, *at) for k, at in places.items()}),
    }
    try:
        return ArgumentMap(title, **parts, **extras)
    except (TypeError, ValueError) as exc:  # the front matter's fields do not fit this map
        reader.warn(
            _("the front matter's date, document or ignore is left out ({reason})").format(reason=exc), 1, 1
        )
        return ArgumentMap(title, **parts)


def _step_concluding(
    reader: _Reader, claim_of: dict[str, str], inferences: dict[str, Inference], key: str
) -> str | None:
    cid = claim_of[key]
    return next((i.id for i in inferences.values() if i.conclusion == cid), None)


def _claim(
    reader: _Reader,
    cid: str,
    text: str,
    tags: Iterable[str],
    *,
    concluded: bool,
    at: tuple[int, int],
    prompt: str | None = None,
    data: Mapping[str, Any] | None = None,
) -> Claim:
    kinds = [k for t in tags if (k := _kind_tag(t)) is not None]
    if len(set(kinds)) > 1:
        reader.warn(_("claim {id} has tags for more than one kind; the first is used").format(id=cid), *at)
    kind = kinds[0] if kinds else (Kind.CONCLUSION if concluded else Kind.PREMISE)
    try:
        kept = [t for t in tags if _kind_tag(t) is None]
        if prompt is not None:
            return Claim(cid, kind, "", tags=kept, blank=True, prompt=prompt or None)
        claim = Claim(cid, kind, text, tags=kept)
    except (TypeError, ValueError) as exc:
        reader.warn(str(exc), *at)
        return Claim(cid, kind, cid)
    return _with_data(reader, claim, data or {}, at)


def _with_data(reader: _Reader, element: _E, data: Mapping[str, Any], at: tuple[int, int]) -> _E:
    """``element`` with the fields of argmap's that its ``{…}`` data holds (as
    :func:`dumps` writes them); a field that does not fit is left out with a warning."""
    for key, value in data.items():
        if key not in _DATA_FIELDS[type(element)]:
            continue  # data of Argdown's own or of another tool: not argmap's to read
        try:
            field = value
            if key == "source" and isinstance(value, str):  # as Argdown users write it: a name or a link
                field = Source(url=value) if _LINK.match(value) else Source(title=value)
            elif key == "source":
                if not isinstance(value, Mapping):
                    raise TypeError(
                        _("a source is a text, or a mapping of url, title, speaker, date and quote")
                    )
                field = source_of(value)
            element = attrs.evolve(element, **{key: field})
        except (TypeError, ValueError) as exc:
            reader.warn(
                _("{id}: its data field {field} is left out ({reason})").format(
                    id=element.id, field=key, reason=exc
                ),
                *at,
            )
    return element


def _inference(
    reader: _Reader,
    iid: str,
    premises: list[str],
    conclusion: str,
    step: _Step,
    *,
    note: str | None,
    tags: list[str],
) -> Inference:
    inference = Inference(iid, premises, conclusion, scheme=step.rules, note=note, tags=tags)
    return _with_data(reader, inference, step.data, (step.line, step.column))


def loads(text: str, *, name: str = "<string>", lang: str | None = None) -> Imported:
    """Read Argdown ``text`` (named ``name`` in warnings) into a map.

    ``lang`` is the map's language when the front matter does not say it
    (else ``en``); warnings are in it when argmap speaks it, else in the
    language in force.
    """
    if not isinstance(text, str):
        raise TypeError(_("Argdown text must be a str, not {type}").format(type=type(text).__name__))
    reader = _Reader(_SURROGATE.sub("\ufffd", text), name)
    if (bad := _SURROGATE.search(text)) is not None:
        line = text.count("\n", 0, bad.start()) + 1
        reader.warn(
            _("the text holds half of a UTF-16 surrogate pair; it is read as U+FFFD"),
            line,
            bad.start() - text.rfind("\n", 0, bad.start()),
        )
    with using(None if lang is None else choose(None, lang)):
        reader.read()
        amap = _build(reader, lang)
    return Imported(
        amap,
        tuple(
            sorted(
                reader.warnings, key=lambda p: (p.location.line, p.location.column) if p.location else (0, 0)
            )
        ),
    )


# -- writing ----------------------------------------------------------------------------------

_ESCAPE = re.compile(r"([!-/:-@\[-`{-~])")


def _text(text: str) -> str:
    """A text as Argdown reads it back: on one line, every sign escaped."""
    return _ESCAPE.sub(r"\\\1", " ".join(text.split()))


def _yaml_string(text: str) -> str:
    out = []
    for c in text:
        if c in '\\"':
            out.append("\\" + c)
        elif c.isprintable() and c not in "\u2028\u2029\ufeff\x85":
            out.append(c)
        elif ord(c) <= 0xFFFF:
            out.append(f"\\u{ord(c):04x}")
        else:
            out.append(f"\\U{ord(c):08x}")
    return '"' + "".join(out) + '"'


#: argmap's fields that an element's ``{…}`` data carries in Argdown (what Argdown has no syntax for).
_DATA_FIELDS: dict[type, tuple[str, ...]] = {
    Claim: ("source", "conditional", "note"),
    Inference: ("scheme", "strength", "marker", "note"),
}
_E = TypeVar("_E", Claim, Inference)
_LINK = re.compile(r"https?://\S+\Z")
#: What a text inside ``{…}`` data may not hold even quoted: braces (they would end the data
#: for a reader that counts them) and the starts of comments.
_DATA_UNSAFE = re.compile("[{}/<]")


def _data_text(value: object) -> str:
    """One value of ``{…}`` data, in YAML's flow style (JSON's forms)."""
    if isinstance(value, Mapping):
        return "{" + ", ".join(f"{_data_text(k)}: {_data_text(v)}" for k, v in value.items()) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_data_text(v) for v in value) + "]"
    if isinstance(value, str):
        return _DATA_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", _yaml_string(value))
    if isinstance(value, float) and "e" in (text := repr(value)) and "." not in text:
        mantissa, exponent = text.split("e")
        return f"{mantissa}.0e{exponent}"  # YAML 1.1 reads 5e-324 as text, 5.0e-324 as a number
    return json.dumps(value)


def _data(element: Claim | Inference) -> str:
    """`` {…}``: the element's fields that Argdown has no syntax for, or nothing."""
    values: dict[str, object] = {}
    for key in _DATA_FIELDS[type(element)]:
        value = getattr(element, key)
        if key == "source" and value is not None:
            value = source_data(value)
        if value is not None and value is not False:
            values[key] = value
    return f" {_data_text(values)}" if values else ""


def _tags(tags: Iterable[str]) -> str:
    out = []
    for tag in tags:
        words = " ".join(tag.split())
        if words and ")" not in words and "\\" not in words and _kind_tag(words) is None:
            out.append(f" #({words})")
    return "".join(out)


def dumps(amap: ArgumentMap) -> str:
    """The map as Argdown 1.x text."""
    parts = ["===", f"title: {_yaml_string(amap.title)}", f"lang: {amap.lang}"]
    fields = map_data(amap)
    if "ignore" in fields:  # an attack gets a new id when read back: what was accepted of it cannot follow
        fields["ignore"] = {k: v for k, v in fields["ignore"].items() if k not in amap.attacks}
    parts.extend(f"{key}: {_data_text(value)}" for key, value in fields.items())
    parts.append("===")
    for claim in amap.claims.values():
        parts.append("")
        text = _text(claim.text)
        if text:
            parts.append(f"[{claim.id}]: {text} #{claim.kind.value}{_tags(claim.tags)}{_data(claim)}")
        else:  # a blank to fill: referred to, never given a text
            parts.append(f"[{claim.id}] #{claim.kind.value}{_tags(claim.tags)}")
    for inf in amap.inferences.values():
        parts.append("")
        if not inf.premises:
            parts.append(f"<{inf.id}>")
            parts.append(f"  +> [{inf.conclusion}]")
            continue
        parts.append(f"<{inf.id}>{_tags(inf.tags)}")
        parts.append("")
        for n, premise in enumerate(inf.premises, 1):
            parts.append(f"({n}) [{premise}]")
        data = _data(inf)
        parts.append(f"--{data} --" if data else "----")
        parts.append(f"({len(inf.premises) + 1}) [{inf.conclusion}]")
    for att in amap.attacks.values():
        parts.append("")
        if att.target in amap.attacks:  # Argdown's relations are not elements: nothing can attack them
            parts.append(
                f"// attack {att.id}: [{att.source}] on attack {att.target} (no counterpart in Argdown)"
            )
            continue
        if att.target == att.source:  # Argdown drops a relation of a statement with itself
            parts.append(f"// attack {att.id}: [{att.source}] on itself (no counterpart in Argdown)")
            continue
        parts.append(f"[{att.source}]")
        if att.target in amap.claims:
            parts.append(f"  -> [{att.target}]")
        else:
            parts.append(f"  _> <{att.target}>")
    return "\n".join(parts) + "\n"
