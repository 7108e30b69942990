"""The content words two sentences share (argmap.scaffolding.overlap), by
which a connective finds the earlier judgment it draws on."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from argmap.scaffolding.lexicon import lexicon
from argmap.scaffolding.overlap import units

FUNCTION_WORDS = lexicon("en").function_words


def test_japanese_units_are_kanji_pairs_and_katakana_words() -> None:
    assert units("開室時間の延長を望む声", "ja") == {"開室", "室時", "時間", "延長"}
    assert units("リンゴの高値", "ja") == {"リンゴ", "高値"}
    # a lone kanji, hiragana and punctuation say nothing of the subject
    assert units("水をやる。", "ja") == frozenset()


def test_english_units_drop_function_words_and_endings() -> None:
    assert units("The city's response is likely to be too small", "en", FUNCTION_WORDS) == {
        "city",
        "response",
        "small",
    }
    assert units("Cities walked; riders", "en", FUNCTION_WORDS) == {"city", "walk", "rider"}
    assert units("it is what it is", "en", FUNCTION_WORDS) == frozenset()


def test_the_same_word_in_another_form_is_shared() -> None:
    a = units("The promised savings will vanish once the hospital's costs are counted", "en", FUNCTION_WORDS)
    b = units("unless the council shows that its savings survive the hospital costs", "en", FUNCTION_WORDS)
    assert a & b == {"saving", "hospital", "cost"}


@given(st.text(max_size=60), st.text(max_size=60), st.sampled_from(["ja", "en"]))
def test_adding_text_never_loses_a_unit(a: str, b: str, lang: str) -> None:
    stop = FUNCTION_WORDS if lang == "en" else frozenset()
    assert units(a, lang, stop) <= units(a + " " + b, lang, stop)
    assert all(u and not u.isspace() for u in units(a, lang, stop))


def test_without_function_words_every_english_word_counts() -> None:
    assert units("it is what it is", "en") == {"what"}
