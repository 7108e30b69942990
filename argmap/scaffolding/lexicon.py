"""The marker lexicon of each language, read from ``markers_<lang>.toml`` beside this module.

>>> lex = lexicon("ja")
>>> "としています" in lex.attribution_final, "以上から" in lex.summary
(True, True)
>>> lexicon("en").attribution_verbs[0]
'said'
"""

from __future__ import annotations

import functools
import tomllib
from pathlib import Path
from typing import Any

import attrs

from argmap.errors import ArgmapError, Problem
from argmap.i18n import DEFAULT_LANGUAGE, LANGUAGES, N_, _, using

__all__ = ["LANGS", "NOTES", "Lexicon", "lexicon"]

#: Languages with a lexicon file.
LANGS = ("ja", "en")

_HERE = Path(__file__).resolve().parent


#: The notes the scaffold writes on what it drafts, in English (the words of
#: the code); each lexicon holds them in its own language, from the catalogue,
#: so a Japanese article's draft is annotated in Japanese.
NOTES = {
    "title": N_("Draft: {first}"),
    "evidence": N_('draft: attribution marker "{marker}" (article line {line}); sentence: {sentence}'),
    "conclusion": N_('draft: judgment marker "{marker}" (article line {line}); sentence: {sentence}'),
    "hypothesis": N_('draft: supposition marker "{marker}" (article line {line})'),
    "inference": N_('draft: marker "{marker}" (article line {line}); premises: {rule}'),
    "rule_summary": N_("every statement since the previous summary"),
    "rule_sequel": N_("the claim just before"),
    "rule_continuation": N_("the previous judgment"),
    "rule_paragraph": N_("the claims before it in its paragraph"),
    "rule_none": N_("none found, add them"),
    "rule_hypothesis": N_("the supposition"),
    # TRANSLATORS: joins the rules that chose an inference's premises: "the supposition + the claim just before"
    "rule_and": N_("{first} + {second}"),
}


def _longest_first(items: list[str]) -> tuple[str, ...]:
    return tuple(sorted(dict.fromkeys(items), key=len, reverse=True))


@attrs.frozen
class Lexicon:
    """The markers of one language; lists of markers are longest first."""

    lang: str
    attribution_final: tuple[str, ...]
    attribution_verbs: tuple[str, ...]
    attribution_phrase: tuple[str, ...]
    judgment_final: tuple[str, ...]
    judgment_anywhere: tuple[str, ...]
    drop_final: tuple[str, ...]
    summary: tuple[str, ...]
    sequel: tuple[str, ...]
    continuation: tuple[str, ...]
    supposition_open: tuple[str, ...]
    supposition_endings: tuple[tuple[str, str], ...]
    supposition_strong: tuple[str, ...]
    supposition_stem: dict[str, str]
    supposition_negating: tuple[str, ...]
    supposition_negated: str
    speaker_particles: tuple[str, ...]
    speaker_max_length: int
    speaker_max_words: int
    signoff: tuple[str, ...]
    navigation: tuple[str, ...]
    #: The notes of :data:`NOTES` in the lexicon's language.
    notes: dict[str, str]


def _get(data: dict[str, Any], table: str, key: str, default: Any) -> Any:
    return data.get(table, {}).get(key, default)


@functools.cache
def lexicon(lang: str) -> Lexicon:
    """The lexicon for ``lang`` (``"ja"`` or ``"en"``), read once."""
    if not isinstance(lang, str):
        raise TypeError(f"lexicon() needs the language as a str, not {type(lang).__name__}")
    if lang not in LANGS:
        raise ArgmapError(
            [
                Problem(
                    _("no marker lexicon for language {lang}: use one of {choices}").format(
                        lang=repr(lang), choices=", ".join(LANGS)
                    )
                )
            ]
        )
    with open(_HERE / f"markers_{lang}.toml", "rb") as f:
        data = tomllib.load(f)
    return Lexicon(
        lang=lang,
        attribution_final=_longest_first(_get(data, "attribution", "final", [])),
        attribution_verbs=tuple(_get(data, "attribution", "verbs", [])),
        attribution_phrase=_longest_first(_get(data, "attribution", "phrase", [])),
        judgment_final=_longest_first(_get(data, "judgment", "final", [])),
        judgment_anywhere=_longest_first(_get(data, "judgment", "anywhere", [])),
        drop_final=_longest_first(_get(data, "judgment", "drop_final", [])),
        summary=_longest_first(_get(data, "judgment", "summary", [])),
        sequel=_longest_first(_get(data, "judgment", "sequel", [])),
        continuation=_longest_first(_get(data, "judgment", "continuation", [])),
        supposition_open=_longest_first(_get(data, "supposition", "open", [])),
        supposition_endings=tuple((str(a), str(b)) for a, b in _get(data, "supposition", "endings", [])),
        supposition_strong=_longest_first(_get(data, "supposition", "strong", [])),
        supposition_stem=dict(_get(data, "supposition", "stem", {})),
        supposition_negating=tuple(_get(data, "supposition", "negating", [])),
        supposition_negated=str(_get(data, "supposition", "negated", "{clause}")),
        speaker_particles=tuple(_get(data, "speaker", "particles", [])),
        speaker_max_length=int(_get(data, "speaker", "max_length", 40)),
        speaker_max_words=int(_get(data, "speaker", "max_words", 10)),
        signoff=tuple(_get(data, "ignore", "signoff", [])),
        navigation=tuple(_get(data, "ignore", "navigation", [])),
        notes=_notes(lang),
    )


def _notes(lang: str) -> dict[str, str]:
    """:data:`NOTES` in ``lang``: a draft is annotated in its article's
    language (in English when argmap does not speak it)."""
    with using(lang if lang in LANGUAGES else DEFAULT_LANGUAGE):
        return {key: _(text) for key, text in NOTES.items()}
