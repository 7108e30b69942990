"""The marker lexicon of each language, read from ``markers_<lang>.toml`` beside this module.

>>> lex = lexicon("ja")
>>> "としています" in lex.attribution_final, "以上から" in lex.summary
(True, True)
>>> lexicon("en").attribution_verbs[:3]
('say', 'says', 'said')
"""

from __future__ import annotations

import functools
import re
import tomllib
from pathlib import Path
from typing import Any

import attrs

from argmap.errors import ArgmapError, Problem
from argmap.i18n import DEFAULT_LANGUAGE, LANGUAGES, N_, _, using
from argmap.scaffolding.verbs import en_forms

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
    "rule_run": N_("the sentences since the previous judgment"),
    "rule_unused": N_(
        "the last judgment of each paragraph since the previous summary and the statements since the last"
        " judgment (the first of each source)"
    ),
    "rule_shared": N_("the earlier judgments that share its words"),
    "premise": N_(
        'draft: a sentence with no marker that the connective "{marker}" refers back to (article line {line})'
    ),
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
    # the structure of reported speech (Japanese: see markers_ja.toml)
    quote: tuple[str, ...] = ()
    request: tuple[str, ...] = ()
    gap: int = 20
    say: tuple[tuple[str, ...], ...] = ()
    think: tuple[tuple[str, ...], ...] = ()
    ask: tuple[tuple[str, ...], ...] = ()
    opinion_nouns: tuple[str, ...] = ()
    opinion_verbs: tuple[tuple[str, ...], ...] = ()
    object_verbs: tuple[tuple[str, ...], ...] = ()
    companion: tuple[str, ...] = ()
    masu: tuple[str, ...] = ()
    te: tuple[str, ...] = ()
    final_particles: tuple[str, ...] = ()
    hearsay: tuple[str, ...] = ()
    #: Any verb after a quoting と (``[attribution] any_endings``, ``any_after``, ``not_say``).
    any_endings: tuple[str, ...] = ()
    any_after: tuple[str, ...] = ()
    #: A two-kanji する verb after と (``[attribution] kango_after``, ``kango_not_say``).
    kango_after: tuple[str, ...] = ()
    kango_not_say: tuple[str, ...] = ()
    not_say: tuple[str, ...] = ()
    not_say_start: tuple[str, ...] = ()
    # English: verbs taking the person told, words that are also nouns, look-alikes
    en_object_verbs: tuple[str, ...] = ()
    #: Verbs whose object is what is reported ("put the saving at £410,000").
    en_bare_verbs: tuple[str, ...] = ()
    ambiguous: tuple[str, ...] = ()
    not_reports: tuple[str, ...] = ()
    need_comma: tuple[str, ...] = ()
    #: Sentence-initial connectives described by their shape (``[judgment]
    #: summary_shapes``, ``sequel_shapes``): regular expressions matched at the
    #: sentence's start, followed by a comma or 、.
    summary_shapes: tuple[re.Pattern[str], ...] = ()
    sequel_shapes: tuple[re.Pattern[str], ...] = ()
    #: Sentence openers that look like a connective but are none ("So far").
    not_connectives: tuple[str, ...] = ()
    supposition_not_after: tuple[str, ...] = ()
    not_suppositions: tuple[str, ...] = ()
    supposition_inverted: tuple[str, ...] = ()
    speaker_titles: frozenset[str] = frozenset()
    speaker_research: frozenset[str] = frozenset()
    speaker_author: tuple[str, ...] = ()
    speaker_anaphora: tuple[str, ...] = ()
    speaker_function: frozenset[str] = frozenset()
    speaker_not_in: frozenset[str] = frozenset()
    speaker_generic: frozenset[str] = frozenset()
    speaker_nouns: frozenset[str] = frozenset()
    speaker_not_names: frozenset[str] = frozenset()
    speaker_openers: frozenset[str] = frozenset()
    speaker_kana_suffixes: tuple[str, ...] = ()
    not_judgments: tuple[str, ...] = ()
    title_labels: tuple[str, ...] = ()
    date_labels: tuple[str, ...] = ()
    #: Words by which a statement says it is from the occasion of the one before (``[dates] same_occasion``).
    same_occasion: tuple[str, ...] = ()
    source_labels: tuple[str, ...] = ()
    #: Contrasts that set aside the judgment before them (``[judgment] contrast``).
    contrast: tuple[str, ...] = ()
    #: Words that say nothing of a sentence's subject (``[overlap] function_words``).
    function_words: frozenset[str] = frozenset()


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
        attribution_verbs=tuple(
            dict.fromkeys(f for entry in _get(data, "attribution", "verbs", []) for f in en_forms(str(entry)))
        ),
        attribution_phrase=_longest_first(_get(data, "attribution", "phrase", [])),
        judgment_final=_longest_first(_get(data, "judgment", "final", [])),
        judgment_anywhere=_longest_first(_get(data, "judgment", "anywhere", [])),
        drop_final=_longest_first(_get(data, "judgment", "drop_final", [])),
        summary=_longest_first(_get(data, "judgment", "summary", [])),
        sequel=_longest_first(_get(data, "judgment", "sequel", [])),
        continuation=_longest_first(_get(data, "judgment", "continuation", [])),
        contrast=tuple(str(c).lower() for c in _get(data, "judgment", "contrast", [])),
        function_words=frozenset(str(w).lower() for w in _get(data, "overlap", "function_words", [])),
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
        quote=_longest_first(_get(data, "attribution", "quote", [])),
        request=_longest_first(_get(data, "attribution", "request", [])),
        gap=int(_get(data, "attribution", "gap", 20)),
        say=_verbs(_get(data, "attribution", "say", [])),
        think=_verbs(_get(data, "attribution", "think", [])),
        ask=_verbs(_get(data, "attribution", "ask", [])),
        opinion_nouns=_longest_first(_get(data, "attribution", "opinion_nouns", [])),
        opinion_verbs=_verbs(_get(data, "attribution", "opinion_verbs", [])),
        object_verbs=_verbs(_get(data, "attribution", "object_verbs", [])) if lang == "ja" else (),
        companion=tuple(_get(data, "attribution", "companion", [])),
        masu=tuple(_get(data, "attribution", "masu", [])),
        te=tuple(_get(data, "attribution", "te", [])),
        final_particles=_longest_first(_get(data, "attribution", "final_particles", [])),
        hearsay=_longest_first(_get(data, "attribution", "hearsay", [])),
        any_endings=_longest_first(_get(data, "attribution", "any_endings", [])),
        any_after=tuple(_get(data, "attribution", "any_after", [])),
        kango_after=tuple(_get(data, "attribution", "kango_after", [])),
        kango_not_say=_longest_first(_get(data, "attribution", "kango_not_say", [])),
        not_say=_longest_first(_get(data, "attribution", "not_say", [])),
        not_say_start=_longest_first(_get(data, "attribution", "not_say_start", [])),
        en_object_verbs=_en_object_verbs(data),
        en_bare_verbs=_en_object_verbs(data, "bare_verbs"),
        ambiguous=tuple(_get(data, "attribution", "ambiguous", [])),
        not_reports=_longest_first(_get(data, "attribution", "not_reports", [])),
        need_comma=tuple(_get(data, "judgment", "need_comma", [])),
        summary_shapes=_shapes(_get(data, "judgment", "summary_shapes", [])),
        sequel_shapes=_shapes(_get(data, "judgment", "sequel_shapes", [])),
        not_connectives=_longest_first(_get(data, "judgment", "not_connectives", [])),
        supposition_not_after=tuple(_get(data, "supposition", "not_after", [])),
        not_suppositions=_longest_first(_get(data, "supposition", "not_suppositions", [])),
        supposition_inverted=tuple(_get(data, "supposition", "inverted", [])),
        speaker_titles=frozenset(_get(data, "speaker", "titles", [])),
        speaker_research=frozenset(_get(data, "speaker", "research", [])),
        speaker_author=_longest_first(_get(data, "speaker", "author", [])),
        speaker_anaphora=_longest_first(_get(data, "speaker", "anaphora", [])),
        speaker_function=frozenset(_get(data, "speaker", "function", [])),
        speaker_not_in=frozenset(_get(data, "speaker", "not_in", [])),
        speaker_generic=frozenset(_get(data, "speaker", "generic", [])),
        speaker_nouns=frozenset(_get(data, "speaker", "nouns", [])),
        speaker_not_names=frozenset(_get(data, "speaker", "not_names", [])),
        speaker_openers=frozenset(_get(data, "speaker", "clause_openers", [])),
        speaker_kana_suffixes=_longest_first(_get(data, "speaker", "kana_suffixes", [])),
        not_judgments=_longest_first(_get(data, "judgment", "not_judgments", [])),
        title_labels=_longest_first(_get(data, "article", "title_labels", [])),
        date_labels=_longest_first(_get(data, "article", "date_labels", [])),
        same_occasion=_longest_first(_get(data, "dates", "same_occasion", [])),
        source_labels=_longest_first(_get(data, "source", "labels", [])),
    )


def _en_object_verbs(data: dict[str, Any], key: str = "object_verbs") -> tuple[str, ...]:
    """The forms of the English verbs that take the person told, irregular
    ones as the verb list gives them ("tell" is "tell told" there: told)."""
    entries = {str(e).split()[0]: str(e) for e in _get(data, "attribution", "verbs", [])}
    return tuple(
        f
        for v in _get(data, "attribution", key, [])
        if isinstance(v, str)
        for f in en_forms(entries.get(v, v))
    )


def _shapes(entries: list[Any]) -> tuple[re.Pattern[str], ...]:
    """Each shape, anchored at the start and ending where a comma or 、 follows."""
    return tuple(re.compile(rf"(?:{e})(?=\s*[、,，])", re.IGNORECASE) for e in entries)


def _verbs(entries: list[Any]) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(str(x) for x in e) for e in entries)


def _notes(lang: str) -> dict[str, str]:
    """:data:`NOTES` in ``lang``: a draft is annotated in its article's
    language (in English when argmap does not speak it)."""
    with using(lang if lang in LANGUAGES else DEFAULT_LANGUAGE):
        return {key: _(text) for key, text in NOTES.items()}
