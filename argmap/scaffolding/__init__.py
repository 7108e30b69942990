"""Draft an argument map from a raw article: ``argmap.scaffold(text)``.

The scaffold finds the signals an author leaves in the text — attributed
statements (「…としています」, "X said"), judgments (「…と判断されます」,
"therefore"), suppositions (「もし…すれば」, "if"), dates and source URLs —
and turns them into a draft map for an educator to correct. See
docs/scaffold.md.

This package and the function share the name ``scaffold``; once the package
is imported Python sets ``argmap.scaffold`` to the package, so the package
itself is callable and ``argmap.scaffold(text)`` works either way:

>>> import argmap
>>> argmap.scaffold("If it rains, the match will probably be cancelled.").claims["H1"].text
'it rains'
"""

from __future__ import annotations

import sys
import types
from typing import TYPE_CHECKING

from argmap.scaffold.draft import Draft, Origin, Unmatched, draft, scaffold
from argmap.scaffold.read import read_article

if TYPE_CHECKING:
    from argmap.model import ArgumentMap

__all__ = ["Draft", "Origin", "Unmatched", "draft", "read_article", "scaffold"]


class _CallablePackage(types.ModuleType):
    def __call__(self, text: str, lang: str | None = None) -> ArgumentMap:
        return scaffold(text, lang)


sys.modules[__name__].__class__ = _CallablePackage
