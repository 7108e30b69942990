"""Tell Japanese from English text (``--lang auto``).

>>> detect("日本は東京に事務所を開設する方向で動いているとしています。")
'ja'
>>> detect("The ambassador said Japan was moving to open an office in Tokyo.")
'en'
>>> detect("NATO 2023 東京")
'ja'
"""

from __future__ import annotations

import re

__all__ = ["detect"]

_KANA = re.compile(r"[\u3040-\u30ff]")
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
_LATIN = re.compile(r"[A-Za-z]")


def detect(text: str, sample: int = 20_000) -> str:
    """``"ja"`` when kana or kanji make up a tenth of the letters (of the first
    ``sample`` characters), else ``"en"``. Kana decide it: English text with a
    few Japanese names stays English."""
    head = text[:sample]
    kana = len(_KANA.findall(head))
    han = len(_HAN.findall(head))
    latin = len(_LATIN.findall(head))
    japanese = kana + han
    if japanese == 0:
        return "en"
    if kana == 0 and han < 10:
        return "ja" if latin < han * 10 else "en"
    return "ja" if japanese * 10 >= latin else "en"
