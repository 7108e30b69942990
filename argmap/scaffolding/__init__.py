"""Draft an argument map from a raw article: ``argmap.scaffold(text)``.

The scaffold finds the signals an author leaves in the text — attributed
statements (「…としています」, "X said"), judgments (「…と判断されます」,
"therefore"), suppositions (「もし…すれば」, "if"), dates and source URLs —
and turns them into a draft map for an educator to correct. See
docs/scaffold.md.

The package is named ``scaffolding`` so that ``argmap.scaffold`` is always
the function:

>>> import argmap
>>> argmap.scaffold("If it rains, the match will probably be cancelled.").claims["H1"].text
'it rains'
"""

from __future__ import annotations

from argmap.scaffolding.draft import Draft, Origin, Unmatched, draft, scaffold
from argmap.scaffolding.read import read_article

__all__ = ["Draft", "Origin", "Unmatched", "draft", "read_article", "scaffold"]
