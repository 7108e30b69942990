"""Drawing argument maps with Graphviz.

- :func:`to_dot` builds a :class:`graphviz.Digraph` (Jupyter shows it inline);
- :func:`render` writes svg, png, pdf or the DOT source to a file.

The visual grammar and the handling of text (wrapping by display width,
BudouX phrases, escaping) are described in docs/rendering.md.
"""

from __future__ import annotations

import sys
import types
from typing import Any

from argmap.render.dot import RenderOptions, legend_graph, to_dot
from argmap.render.output import FORMATS, RenderError, format_for, mimebundle, render, run_graphviz

__all__ = [
    "FORMATS",
    "RenderError",
    "RenderOptions",
    "format_for",
    "legend_graph",
    "mimebundle",
    "render",
    "run_graphviz",
    "to_dot",
]


class _CallableModule(types.ModuleType):
    """``argmap.render`` is both this package and the function :func:`render`:
    once the package is imported, Python binds the name ``argmap.render`` to
    it, so the package forwards calls to the function."""

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return render(*args, **kwargs)


sys.modules[__name__].__class__ = _CallableModule
