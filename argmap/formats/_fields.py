"""The fields of the format, and the words its value rules accept.

These tables are the format: ``docs/format.md`` and the shipped JSON Schema
describe the same fields, and ``tests/test_schema.py`` keeps the three in
step. Both the careful builder (``_schema``) and the bulk one (``_bulk``)
read them from here.
"""

from __future__ import annotations

from argmap.model import Kind

FORMAT_VERSION = 1

TOP_FIELDS = ("argmap", "title", "lang", "date", "document", "claims", "inferences", "attacks", "ignore")
TOP_REQUIRED = ("argmap", "title", "claims")
DOCUMENT_FIELDS = ("title", "url", "author", "file")
SOURCE_FIELDS = ("url", "title", "speaker", "date", "quote")
CLAIM_FIELDS = ("kind", "text", "conditional", "source", "note", "tags")
CLAIM_REQUIRED = ("kind", "text")
INFERENCE_FIELDS = ("from", "to", "marker", "scheme", "strength", "note", "tags")
INFERENCE_REQUIRED = ("from", "to")
ATTACK_FIELDS = ("from", "to", "note", "tags")
ATTACK_REQUIRED = ("from", "to")

SOURCE_SET = frozenset(SOURCE_FIELDS)
CLAIM_SET = frozenset(CLAIM_FIELDS)
INFERENCE_SET = frozenset(INFERENCE_FIELDS)
ATTACK_SET = frozenset(ATTACK_FIELDS)

#: Kind names as written in a file.
KINDS = {k.value: k for k in Kind}
#: The words a YAML scalar may use for true and false (YAML itself types nothing).
TRUE_WORDS = frozenset(("true", "True", "TRUE"))
FALSE_WORDS = frozenset(("false", "False", "FALSE"))
