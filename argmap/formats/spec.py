"""The file format, declared once: one table of fields for each kind of element.

Each :class:`Field` says what a file calls it (``key``), which attribute of
the model holds it (``attr``), the :class:`Rule` its value follows, whether
it is required, what an absent value means (``default``) and one line of
documentation. Everything else is derived from these tables:

- the careful builder (``_schema``) checks and converts each element by
  looping over its fields;
- the quick JSON path (``_fastjson``) decodes into msgspec structures built
  from them (:func:`structure`);
- the writer (``_write``) writes the fields in their order, leaving out
  defaults;
- the JSON Schema shipped as ``argmap.schema.json`` is :func:`json_schema`;
- the field tables of ``docs/format.md`` are :func:`doc_table`.

Adding a field to the format is one row here (and its attribute on the
model). Regenerate the schema and the documentation tables with::

    python tools/format_spec.py        # from the project's root

>>> [f.key for f in CLAIM.fields]
['kind', 'text', 'conditional', 'source', 'note', 'tags', 'blank', 'prompt']
>>> INFERENCE.field("from").attr
'premises'
"""

from __future__ import annotations

import dataclasses
import functools
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, Literal

import attrs
import msgspec

from argmap.formats._rules import (
    FORMAT_VERSION,
    KIND_WORDS,
    bool_rule,
    date_rule,
    id_rule,
    ids_rule,
    kind_rule,
    lang_rule,
    strength_rule,
    tags_rule,
    text_rule,
    url_rule,
    version_rule,
)
from argmap.formats._tree import Tree
from argmap.i18n import N_
from argmap.model import ArgumentMap, Attack, Claim, Document, Inference, Source, prechecked

__all__ = ["ATTACK", "CLAIM", "DOCUMENT", "INFERENCE", "MAP", "SOURCE", "Element", "Field", "Rule"]


def _same(value: Any) -> Any:
    return value


def _listed(value: Any) -> Any:
    return list(value)


@dataclasses.dataclass(frozen=True, eq=False)
class Rule:
    """What a value of a field may be."""

    #: Its name, in the documentation of the rule.
    name: str
    #: Checks and converts a value from the tree (raises ``_Invalid``).
    convert: Callable[[Tree], Any]
    #: The JSON Schema of a value.
    schema: dict[str, Any]
    #: The type msgspec decodes a present JSON value into.
    quick: Any
    #: Turns the model's value back into the file's.
    write: Callable[[Any], Any] = _same


_ID_SCHEMA = {"$ref": "#/$defs/id"}

TEXT = Rule("text", text_rule, {"type": "string"}, str)
URL = Rule("url", url_rule, {"$ref": "#/$defs/url"}, str)
DATE = Rule("date", date_rule, {"$ref": "#/$defs/date"}, str, lambda d: d.isoformat())
LANG = Rule("lang", lang_rule, {"type": "string", "pattern": "^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$"}, str)
VERSION = Rule("version", version_rule, {"const": FORMAT_VERSION}, int)
#: A kind is written as its English name or a Japanese one (read as the
#: kind it names, written back in English).
KIND = Rule("kind", kind_rule, {"enum": list(KIND_WORDS)}, str, lambda k: k.value)
FLAG = Rule("flag", bool_rule, {"type": "boolean"}, bool)
STRENGTH = Rule(
    "strength",
    strength_rule,
    {"type": "number", "minimum": 0, "maximum": 1},
    Annotated[float, msgspec.Meta(ge=0.0, le=1.0)],
)
ID = Rule("id", id_rule, _ID_SCHEMA, str)
IDS = Rule(
    "ids",
    ids_rule,
    {"oneOf": [_ID_SCHEMA, {"type": "array", "items": _ID_SCHEMA}]},
    str | list[str],
    _listed,
)
NAMES = Rule("names", tags_rule, {"$ref": "#/$defs/names"}, str | list[str], _listed)


Shape = Literal["value", "element", "section", "ignore"]


@dataclasses.dataclass(frozen=True, eq=False)
class Field:
    """One field of an element: a row of the format's table."""

    key: str
    #: The model's attribute (None: the field is the file's own, like ``argmap``).
    attr: str | None
    rule: Rule | None
    doc: str
    required: bool = False
    #: What an absent value means.
    default: Any = None
    #: Written even when it holds its default.
    always_written: bool = False
    #: How the field is named in a message about its value ("" for none).
    label: str | None = None
    #: For a reference: the kinds of element it may name, and its role in messages.
    refers: tuple[str, ...] = ()
    role: str = ""
    #: For a nested element, or a section of elements: their table.
    element: Element | None = None
    shape: Shape = "value"

    @property
    def name(self) -> str:
        """The attribute's name, or the key for a field the model does not hold."""
        return self.attr or self.key

    @property
    def message_label(self) -> str:
        return self.key if self.label is None else self.label


@dataclasses.dataclass(frozen=True, eq=False)
class Element:
    """A kind of element: the mapping a file holds for it, and its model class."""

    name: str
    model: type
    fields: tuple[Field, ...]
    #: A section heading in docs/format.md.
    title: str
    #: Whether the element is kept under an id (claims, inferences, attacks).
    has_id: bool = False

    def field(self, key: str) -> Field:
        return next(f for f in self.fields if f.key == key)

    @functools.cached_property
    def keys(self) -> tuple[str, ...]:
        return tuple(f.key for f in self.fields)

    @functools.cached_property
    def key_set(self) -> frozenset[str]:
        return frozenset(self.keys)

    @functools.cached_property
    def required(self) -> tuple[str, ...]:
        return tuple(f.key for f in self.fields if f.required)

    @functools.cached_property
    def make(self) -> Callable[..., Any]:
        """The model's constructor for values already checked (see ``prechecked``)."""
        return prechecked(self.model)

    @functools.cached_property
    def attrs_order(self) -> tuple[str, ...]:
        """The model's attributes, in the order ``make`` takes them."""
        return tuple(a.name for a in attrs.fields(self.model))


SOURCE = Element(
    "source",
    Source,
    (
        Field("url", "url", URL, "The address of the source: `http://` or `https://` only."),
        Field("title", "title", TEXT, "The title of the page or document."),
        Field("speaker", "speaker", TEXT, 'Who said it (冨田浩司駐アメリカ大使, "the Foreign Ministry").'),
        Field("date", "date", DATE, "When it was said (see *Dates*)."),
        Field(
            "quote",
            "quote",
            TEXT,
            "The source's own words, when the claim's `text` paraphrases them. The checks compare the two.",
        ),
    ),
    "Source",
)

DOCUMENT = Element(
    "document",
    Document,
    (
        Field("title", "title", TEXT, "The title of the analysed text."),
        Field("url", "url", URL, "Its address: `http://` or `https://` only."),
        Field("author", "author", TEXT, "Who wrote it."),
        Field("file", "file", TEXT, "Path of the analysed text, relative to the map file."),
    ),
    "Document",
)

CLAIM = Element(
    "claim",
    Claim,
    (
        Field(
            "kind",
            "kind",
            KIND,
            "One of `evidence`, `premise`, `assumption`, `hypothesis`, `conclusion` (below), `blank` "
            "in a worksheet, or its Japanese name (`証拠`, `前提`, `隠れた前提`, `仮説`, `結論`, and a few more: "
            "see *Kinds in Japanese*).",
            required=True,
            label="",
        ),
        Field(
            "text",
            "text",
            TEXT,
            "The claim in the author's words (or as close as a short sentence allows).",
            required=True,
        ),
        Field(
            "conditional",
            "conditional",
            FLAG,
            '`true` when the text itself is hedged as a conditional ("if …, then …", 「…となれば…」).',
            default=False,
        ),
        Field(
            "source",
            "source",
            None,
            "Where the claim comes from (below).",
            element=SOURCE,
            shape="element",
        ),
        Field(
            "note",
            "note",
            TEXT,
            "A remark for readers. One that starts with `student:` (or `生徒：`) is for students: "
            "`argmap worksheet` keeps it (see *Blanks for exercises*); any other stays with the teacher.",
        ),
        Field("tags", "tags", NAMES, "A list of names, for your own grouping.", default=()),
        Field(
            "blank",
            "blank",
            FLAG,
            "`true` for a blank a student fills in an exercise: its `text` may be empty (see *Blanks for "
            "exercises*).",
            default=False,
        ),
        Field("prompt", "prompt", TEXT, "For a blank: what the student should write there."),
    ),
    "Claims",
    has_id=True,
)

INFERENCE = Element(
    "inference",
    Inference,
    (
        Field(
            "from",
            "premises",
            IDS,
            "The premises: a list of claim ids, in the order the text gives them. `[]` loads (the checks "
            "report an inference with no premises); a single id may be written without brackets.",
            required=True,
            refers=("claim",),
            role="premise",
        ),
        Field(
            "to",
            "conclusion",
            ID,
            "The one claim the step concludes.",
            required=True,
            refers=("claim",),
            role="conclusion",
        ),
        Field(
            "marker",
            "marker",
            TEXT,
            'The words that signal the step: 「以上から…と判断されます」, "therefore".',
        ),
        Field(
            "scheme",
            "scheme",
            TEXT,
            "The kind of step, e.g. `causal`, `expert-opinion`, `analogy`, `consequences`, `sign`.",
        ),
        Field(
            "strength",
            "strength",
            STRENGTH,
            "How strongly the premises support the conclusion, a number from 0 to 1.",
        ),
        Field(
            "note", "note", TEXT, "A remark for readers (`student:` marks one for students, as for claims)."
        ),
        Field("tags", "tags", NAMES, "A list of names.", default=()),
    ),
    "Inferences",
    has_id=True,
)

ATTACK = Element(
    "attack",
    Attack,
    (
        Field(
            "from",
            "source",
            ID,
            "The attacking claim's id.",
            required=True,
            refers=("claim",),
            role="source",
        ),
        Field(
            "to",
            "target",
            ID,
            "A claim id (a *rebuttal*: the claim is false), an inference id (an *undercut*: the step "
            'does not follow) or an attack id (a *counter-attack*: the objection fails, as in "granted, '
            '..., but ..."; an attack defeats nothing once a counter-attack on it stands).',
            required=True,
            refers=("claim", "inference", "attack"),
            role="target",
        ),
        Field("note", "note", TEXT, "Why it attacks (`student:` marks a note for students, as for claims)."),
        Field("tags", "tags", NAMES, "A list of names.", default=()),
    ),
    "Attacks",
    has_id=True,
)

MAP = Element(
    "map",
    ArgumentMap,
    (
        Field(
            "argmap",
            None,
            VERSION,
            f"The format version: `{FORMAT_VERSION}`.",
            required=True,
            default=FORMAT_VERSION,
            always_written=True,
            label=N_("argmap (format version)"),
        ),
        Field("title", "title", TEXT, "A title for the map.", required=True),
        Field(
            "lang",
            "lang",
            LANG,
            "The language of the texts, as a BCP-47 tag (`ja`, `en`, `en-GB`, `zh-Hant`). It chooses how "
            "labels wrap and which words the diagram uses.",
            default="en",
            always_written=True,
        ),
        Field(
            "date",
            "date",
            DATE,
            "When the analysed text was written (see *Dates*). Evidence dated later is reported by the checks.",
        ),
        Field(
            "document",
            "document",
            None,
            "The analysed text (below).",
            element=DOCUMENT,
            shape="element",
        ),
        Field(
            "claims",
            "claims",
            None,
            "A mapping from id to claim. May be empty (`claims: {}`).",
            required=True,
            element=CLAIM,
            shape="section",
        ),
        Field(
            "inferences",
            "inferences",
            None,
            "A mapping from id to inference.",
            element=INFERENCE,
            shape="section",
        ),
        Field("attacks", "attacks", None, "A mapping from id to attack.", element=ATTACK, shape="section"),
        Field(
            "ignore",
            "ignore",
            NAMES,
            "A mapping from element id to a list of rule names (or codes) whose findings you accept for "
            "that element.",
            shape="ignore",
        ),
    ),
    "Top level",
)


def elements(root: Element | None = None) -> list[Element]:
    """Every element kind below ``root`` (by default :data:`MAP`), root first."""
    out: list[Element] = []

    def walk(el: Element) -> None:
        if el not in out:
            out.append(el)
            for f in el.fields:
                if f.element is not None:
                    walk(f.element)

    walk(root or MAP)
    return out


def sections(root: Element | None = None) -> list[Field]:
    """The fields of the map that hold a section of elements, in order."""
    return [f for f in (root or MAP).fields if f.shape == "section"]


# -- msgspec structures ---------------------------------------------------------------


def structure(root: Element) -> type[msgspec.Struct]:
    """The msgspec structure of ``root`` (built once for each table)."""
    return _structures(root)[root]


@functools.lru_cache(maxsize=8)
def _structures(root: Element) -> dict[Element, type[msgspec.Struct]]:
    built: dict[Element, type[msgspec.Struct]] = {}

    def build(el: Element) -> type[msgspec.Struct]:
        if el in built:
            return built[el]
        fields: list[tuple[str, Any, Any]] = []
        for f in el.fields:
            kind: Any
            if f.shape == "element":
                assert f.element is not None
                kind = build(f.element)
            elif f.shape == "section":
                assert f.element is not None
                kind = dict[str, build(f.element)]  # type: ignore[misc]
            elif f.shape == "ignore":
                kind = dict[str, str | list[str] | None]
            else:
                assert f.rule is not None
                kind = f.rule.quick
            if f.required:
                fields.append((f.name, kind, msgspec.field(name=f.key)))
            else:
                optional = kind | None | msgspec.UnsetType
                fields.append((f.name, optional, msgspec.field(name=f.key, default=msgspec.UNSET)))
        built[el] = msgspec.defstruct(f"_{el.name.title()}", fields, forbid_unknown_fields=True, kw_only=True)
        return built[el]

    build(root)
    return built


# -- JSON Schema -------------------------------------------------------------------------

_DESCRIPTION = (
    "An argument map: claims joined by inferences and attacks. See docs/format.md. In YAML every scalar is "
    "read as text and converted by its field's rule, so this schema describes the JSON form; YAML files that "
    "pass argmap's loader also pass it once their values are typed."
)
_COMMON_DEFS: dict[str, Any] = {
    "id": {"type": "string", "pattern": "^[A-Za-z][A-Za-z0-9_.\\-]*$"},
    "date": {
        "type": "string",
        "pattern": "^[0-9]{4}([-./])[0-9]{1,2}\\1[0-9]{1,2}$",
        "description": "YYYY-MM-DD; YYYY.MM.DD and YYYY/MM/DD are accepted and normalised.",
    },
    "url": {"type": "string", "pattern": "^[Hh][Tt][Tt][Pp][Ss]?://[^\\s]+$"},
    "names": {"oneOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]},
}


def _plain(doc: str) -> str:
    """A documentation line without Markdown's backticks and stars."""
    return re.sub(r"[`*]", "", doc)


def _object_schema(el: Element) -> dict[str, Any]:
    properties: dict[str, Any] = {}
    for f in el.fields:
        if f.shape == "element":
            assert f.element is not None
            node: dict[str, Any] = {"$ref": f"#/$defs/{f.element.name}"}
        elif f.shape == "section":
            assert f.element is not None
            node = {
                "type": "object",
                "propertyNames": _ID_SCHEMA,
                "additionalProperties": {"$ref": f"#/$defs/{f.element.name}"},
            }
        elif f.shape == "ignore":
            node = {"type": "object", "propertyNames": _ID_SCHEMA, "additionalProperties": NAMES.schema}
        else:
            assert f.rule is not None
            node = dict(f.rule.schema)
            if f.default not in (None, ()) and not f.required:
                node["default"] = f.default
        properties[f.key] = {**node, "description": _plain(f.doc)}
    out: dict[str, Any] = {"type": "object"}
    if el.required:
        out["required"] = list(el.required)
    out["additionalProperties"] = False
    out["properties"] = properties
    return out


def json_schema(root: Element | None = None) -> dict[str, Any]:
    """The JSON Schema of the file format, generated from the tables."""
    root = root or MAP
    top = _object_schema(root)
    defs = dict(_COMMON_DEFS)
    defs.update({el.name: _object_schema(el) for el in elements(root)[1:]})
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://argmap.invalid/schema/argmap-{FORMAT_VERSION}.json",
        "title": f"argmap map file, format version {FORMAT_VERSION}",
        "description": _DESCRIPTION,
        **top,
        "$defs": defs,
    }


def schema_text(root: Element | None = None) -> str:
    """:func:`json_schema` as the text of ``argmap.schema.json``."""
    return json.dumps(json_schema(root), indent=2, ensure_ascii=False) + "\n"


# -- the documentation's tables ------------------------------------------------------------


def doc_table(el: Element) -> str:
    """The Markdown table of ``el``'s fields, as docs/format.md shows it."""
    lines = ["| field | required | what it holds |", "|---|---|---|"]
    for f in el.fields:
        doc = f.doc
        if f.default not in (None, ()) and not f.required:
            shown = json.dumps(f.default) if isinstance(f.default, bool) else f.default
            doc += f" Default `{shown}`."
        lines.append(f"| `{f.key}` | {'yes' if f.required else 'no'} | {doc} |")
    return "\n".join(lines) + "\n"


_MARKED = re.compile(r"(<!-- format:(\w+) -->\n)(.*?)(<!-- /format:\2 -->)", re.S)


def with_doc_tables(text: str, root: Element | None = None) -> str:
    """``text`` (docs/format.md) with each marked table regenerated."""
    tables = {el.name: el for el in elements(root)}

    def table(m: re.Match[str]) -> str:
        return m[1] + doc_table(tables[m[2]]) + m[4]

    return _MARKED.sub(table, text)


SCHEMA_PATH = Path(__file__).with_name("argmap.schema.json")


def write_generated(doc: Path) -> list[Path]:
    """Rewrite ``argmap.schema.json`` and the field tables of ``doc``
    (docs/format.md) from the tables; the files that changed."""
    changed = []
    for path, text in ((SCHEMA_PATH, schema_text()), (doc, with_doc_tables(doc.read_text(encoding="utf-8")))):
        if path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            changed.append(path)
    return changed
