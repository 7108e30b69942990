"""The value rules of the format: each turns a value from the tree into the
field's value, or raises :class:`_Invalid` with a message a person can act on.

The careful builder (``_schema``) applies them field by field; the quick JSON
path (``_fastjson``) applies them where a column holds more than its types can
say. Which field follows which rule is declared in :mod:`argmap.formats.spec`.
"""

from __future__ import annotations

import datetime as _dt
import math
import re
import unicodedata
from collections.abc import Iterable

from argmap.formats._tree import Tree
from argmap.i18n import N_, _, current, translations
from argmap.model import ID_PATTERN, LANG_PATTERN, Kind, check_url, parse_date
from argmap.model import _brief as brief_text
from argmap.support import closest

#: The format version this argmap reads and writes.
FORMAT_VERSION = 1
#: Kind names as written in a file (what ``dump`` writes).
KINDS = {k.value: k for k in Kind}
#: Other names a file may use for a kind: the Japanese a teacher types.
#: They load as the kind they name and are written back in English.
KIND_ALIASES: dict[str, Kind] = {
    "証拠": Kind.EVIDENCE,
    "根拠": Kind.EVIDENCE,
    "前提": Kind.PREMISE,
    "隠れた前提": Kind.ASSUMPTION,
    "暗黙の前提": Kind.ASSUMPTION,
    "仮定": Kind.ASSUMPTION,
    "仮説": Kind.HYPOTHESIS,
    "もし": Kind.HYPOTHESIS,
    "結論": Kind.CONCLUSION,
    "空欄": Kind.BLANK,
    "？": Kind.BLANK,
}
#: Every word a file may use for a kind.
KIND_WORDS: dict[str, Kind] = {**KINDS, **KIND_ALIASES}
#: The Japanese name of each kind, shown beside the English one in messages.
KIND_JA = {
    Kind.EVIDENCE: "証拠",
    Kind.PREMISE: "前提",
    Kind.ASSUMPTION: "隠れた前提",
    Kind.HYPOTHESIS: "仮説",
    Kind.CONCLUSION: "結論",
    Kind.BLANK: "空欄",
}
#: The words a YAML scalar may use for true and false (YAML itself types nothing).
TRUE_WORDS = frozenset(("true", "True", "TRUE"))
FALSE_WORDS = frozenset(("false", "False", "FALSE"))
#: Japanese words for true and false: refused (the format keeps one
#: spelling), with a message that says what to write instead.
_JA_TRUE = frozenset(("はい", "真", "正しい", "あり"))
_JA_FALSE = frozenset(("いいえ", "偽", "正しくない", "なし"))

_LANG = LANG_PATTERN  # one rule for files and for maps built in code


def pgettext(context: str, message: str) -> str:
    """``message`` in the language in force, as meant in ``context`` (for
    short words that other parts of argmap may translate otherwise)."""
    return translations(current()).pgettext(context, message)


def _type_name(value: Tree) -> str:
    """What a value is, as a message names it."""
    if value is None:
        return pgettext("value", "nothing")
    if isinstance(value, bool):
        return pgettext("value", "true/false")
    if isinstance(value, (int, float)):
        return pgettext("value", "a number")
    if isinstance(value, str):
        return pgettext("value", "text")
    if isinstance(value, list):
        return pgettext("value", "a list")
    return pgettext("value", "a mapping")


def suggestion(best: str | None) -> str:
    """`` (did you mean 'x'?)`` for a choice found, in the language in force."""
    return "" if best is None else _(" (did you mean {choice}?)").format(choice=repr(best))


def _suggest(word: str, choices: tuple[str, ...] | list[str]) -> str:
    return suggestion(closest(word, choices))


def listing(items: Iterable[str]) -> str:
    """Items as a message lists them: ``a, b, c`` (``a、b、c`` in Japanese)."""
    return pgettext("list", ", ").join(items)


def kinds_listing() -> str:
    """The kinds, as a message lists them (with their Japanese names in Japanese);
    ``blank``, a kind only a worksheet leaves to choose, is not offered."""
    kinds = [k for k in Kind if k is not Kind.BLANK]
    if current() == "ja":
        return listing([f"{k.value}（{KIND_JA[k]}）" for k in kinds])
    return listing([k.value for k in kinds])


class Suggester:
    """ "Did you mean" for references to missing ids, with bounded work.

    Comparing a missing id with every id of the map costs time in
    proportion to the map; doing it for every bad reference of a large map
    made the work quadratic (10,000 bad references in a map of 20,000
    claims took minutes). Each load has a budget of comparisons: while it
    lasts, suggestions are made as before; after that, the problems are
    still reported, without a suggestion.

    >>> s = Suggester(budget=3)
    >>> s("Hokaido", ["Hokkaido", "Tokyo"]), s("Tokio", ["Hokkaido", "Tokyo"])
    (" (did you mean 'Hokkaido'?)", '')
    """

    #: Candidate comparisons per load: a fraction of a second of difflib.
    BUDGET = 100_000

    def __init__(self, budget: int = BUDGET) -> None:
        self.budget = budget

    def __call__(self, word: str, choices: list[str]) -> str:
        if len(choices) > self.budget:
            self.budget = 0
            return ""
        self.budget -= len(choices)
        # A map's ids may be many more than did_you_mean compares by default;
        # the budget bounds the work here instead.
        return suggestion(closest(word, choices, max_candidates=None))


def _brief(value: object, limit: int = 40) -> str:
    """``repr(value)`` cut to about ``limit`` characters, to quote in a message.

    >>> _brief("1" * 100)
    "'1111111111111111111111111111111111111…' (100 characters)"
    """
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 128:
        try:
            return _("a whole number of {digits} digits").format(digits=len(str(abs(value))))
        except ValueError:  # more digits than Python writes out
            digits = math.ceil(value.bit_length() * math.log10(2))
            return _("a whole number of about {digits} digits").format(digits=digits)
    if isinstance(value, str):
        return brief_text(value, limit)
    shown = repr(value)
    return shown if len(shown) <= limit else f"{shown[: limit - 1]}…"


class _Invalid(Exception):
    """A field value broke its rule; the message says how."""

    #: Whether the message stands alone, without the field's name before it.
    alone = False


class _Unsupported(_Invalid):
    """A format version this argmap does not read."""

    alone = True


def text_rule(value: Tree) -> str:
    if isinstance(value, str):
        return value
    raise _Invalid(_("expected text, found {found}").format(found=_type_name(value)))


def kind_of(word: str) -> Kind | None:
    """The kind a file's word names (an English kind or a Japanese alias), or None.

    >>> kind_of("evidence"), kind_of("証拠"), kind_of("proof")
    (<Kind.EVIDENCE: 'evidence'>, <Kind.EVIDENCE: 'evidence'>, None)
    """
    return KIND_WORDS.get(word)


def _kind_hint(value: str) -> str:
    """A suggestion for a word that is not a kind: a kind written in
    full-width letters or capitals, or the closest kind name."""
    folded = unicodedata.normalize("NFKC", value).strip().lower()
    if folded in KIND_WORDS:
        return suggestion(KIND_WORDS[folded].value if folded.isascii() else folded)
    return suggestion(closest(value, list(KIND_WORDS)))


def kind_rule(value: Tree) -> Kind:
    if isinstance(value, str):
        kind = KIND_WORDS.get(value)
        if kind is not None:
            return kind
        raise _Invalid(
            _("unknown kind {value}{suggestion}; kinds: {kinds}").format(
                value=_brief(value), suggestion=_kind_hint(value), kinds=kinds_listing()
            )
        )
    raise _Invalid(
        _("kind must be one of {kinds}, not {found}").format(kinds=kinds_listing(), found=_type_name(value))
    )


def bool_rule(value: Tree) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        if value in TRUE_WORDS:
            return True
        if value in FALSE_WORDS:
            return False
        word = unicodedata.normalize("NFKC", value).strip()
        meant = "true" if word in _JA_TRUE or word in TRUE_WORDS else "false"
        if (word != value and (word in TRUE_WORDS or word in FALSE_WORDS)) or word in _JA_TRUE | _JA_FALSE:
            raise _Invalid(
                _("expected true or false, found {value}: write {meant}").format(
                    value=_brief(value), meant=meant
                )
            )
    raise _Invalid(_("expected true or false, found {value}").format(value=_brief(value)))


#: The longest whole number read: more digits than any field can use, and far
#: below Python's limit on converting digits to a number (4,300).
MAX_DIGITS = 18
#: A decimal number as the format writes it: ASCII digits, no ``_``, no spaces.
_DECIMAL = re.compile(r"[-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?\Z", re.ASCII)
_WHOLE = re.compile(r"[0-9]+\Z", re.ASCII)

_A_WHOLE_NUMBER = N_("a whole number")
_A_STRENGTH = N_("a number from 0 to 1")


def _not_a_number(value: str, expected: str) -> _Invalid:
    if "_" in value:
        hint = _(" (write numbers without '_')")
    elif value != unicodedata.normalize("NFKC", value):
        hint = _(" (write numbers with half-width digits 0-9)")
    else:
        hint = ""
    return _Invalid(
        _("expected {expected}, found {value}{hint}").format(
            expected=_(expected), value=_brief(value), hint=hint
        )
    )


def int_rule(value: Tree) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        if value.bit_length() > 60:
            raise _Invalid(_("{value} is too large").format(value=_brief(value)))
        return value
    if isinstance(value, str) and _WHOLE.match(value) is not None:
        if len(value.lstrip("0")) > MAX_DIGITS:
            raise _Invalid(_("a whole number of {digits} digits is too large").format(digits=len(value)))
        return int(value)
    if isinstance(value, str):
        raise _not_a_number(value, _A_WHOLE_NUMBER)
    raise _Invalid(
        _("expected {expected}, found {value}{hint}").format(
            expected=_(_A_WHOLE_NUMBER), value=_brief(value), hint=""
        )
    )


def version_rule(value: Tree) -> int:
    version = int_rule(value)
    if version != FORMAT_VERSION:
        raise _Unsupported(
            _("format version {version} is not supported: this argmap reads version {supported}").format(
                version=version, supported=FORMAT_VERSION
            )
        )
    return version


def strength_rule(value: Tree) -> float:
    number: float
    if isinstance(value, int) and not isinstance(value, bool):
        # JSON integers are unbounded; one too large for a float is out of range anyway.
        number = float(value) if abs(value) <= 1 else 2.0
    elif isinstance(value, float):
        number = value
    elif isinstance(value, str):
        # float() would also take '0_1', ' 1 ', Arabic-Indic digits and 'infinity'.
        if _DECIMAL.match(value) is None:
            raise _not_a_number(value, _A_STRENGTH)
        number = float(value)
    else:
        raise _Invalid(
            _("expected {expected}, found {value}{hint}").format(
                expected=_(_A_STRENGTH), value=_type_name(value), hint=""
            )
        )
    if not (0.0 <= number <= 1.0) or math.isnan(number):
        shown = value if isinstance(value, str) and len(value) <= 40 else _brief(value)
        raise _Invalid(_("{value} is out of range: strength is a number from 0 to 1").format(value=shown))
    return number


_DATE = re.compile(r"(\d{4})([-./])(\d{1,2})\2(\d{1,2})\Z", re.ASCII)


def _date_problem(text: str) -> str:
    """Why ``text`` is not a date (it failed :func:`argmap.model.parse_date`)."""
    m = _DATE.match(text.strip())
    if m is None:
        if text != unicodedata.normalize("NFKC", text) and _DATE.match(
            unicodedata.normalize("NFKC", text).strip()
        ):
            return _("{value} is not a date: write it with half-width digits, such as 2023-05-09").format(
                value=_brief(text)
            )
        return _("{value} is not a date: write YYYY-MM-DD (or YYYY.MM.DD, YYYY/MM/DD)").format(
            value=_brief(text)
        )
    year, month = int(m[1]), int(m[3])
    if year < 1:
        reason = _("year {year} is out of range").format(year=year)
    elif not 1 <= month <= 12:
        reason = _("month must be in 1..12")
    else:
        reason = _("day is out of range for month")
    return _("{value} is not a date: {reason}").format(value=_brief(text), reason=reason)


def date_rule(value: Tree) -> _dt.date:
    if isinstance(value, str):
        try:
            return parse_date(value)
        except ValueError:
            raise _Invalid(_date_problem(value)) from None
    raise _Invalid(_("expected a date such as 2023-05-09, found {found}").format(found=_type_name(value)))


def url_rule(value: Tree) -> str:
    url = text_rule(value)
    try:
        check_url(url)
    except ValueError as exc:
        raise _Invalid(str(exc)) from None
    return url


#: Names of a language a writer may put for its tag.
_LANGUAGE_NAMES = {
    "日本語": "ja",
    "にほんご": "ja",
    "japanese": "ja",
    "英語": "en",
    "english": "en",
    "ｊａ": "ja",
}


def lang_rule(value: Tree) -> str:
    lang = text_rule(value)
    if _LANG.match(lang) is None:
        tag = _LANGUAGE_NAMES.get(unicodedata.normalize("NFKC", lang).strip().lower())
        hint = suggestion(tag) if tag is not None else ""
        raise _Invalid(
            _("{value} is not a BCP-47 language tag such as 'ja' or 'en-GB'{suggestion}").format(
                value=_brief(lang), suggestion=hint
            )
        )
    return lang


def id_rule(value: Tree) -> str:
    if isinstance(value, str) and ID_PATTERN.match(value) is not None:
        return value
    if isinstance(value, str):
        raise _Invalid(_("{value} is not a valid id").format(value=_brief(value)))
    raise _Invalid(_("expected an element id, found {found}").format(found=_type_name(value)))


def ids_rule(value: Tree) -> tuple[str, ...]:
    if isinstance(value, str):
        return (id_rule(value),)
    if isinstance(value, list):
        return tuple(id_rule(v) for v in value)
    raise _Invalid(_("expected a list of claim ids, found {found}").format(found=_type_name(value)))


def tags_rule(value: Tree) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise _Invalid(_("expected a list of names"))
