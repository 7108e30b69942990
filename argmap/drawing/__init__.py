"""Drawing argument maps with Graphviz.

- :func:`to_dot` builds a :class:`graphviz.Digraph` (Jupyter shows it inline);
- :func:`render` writes svg, png, pdf, the DOT source or an HTML page to a file;
- :func:`to_html` gives the HTML page: the drawing (pan, zoom), the findings,
  each element in full and the reasoning as text, in one self-contained file;
- :func:`focus`, :func:`select` and :func:`split` give a :class:`View`: the
  part of a large map to draw (``render(view.map, …)``), with markers for
  what lies beyond.

The visual grammar and the handling of text (wrapping by display width,
BudouX phrases, escaping) are described in docs/rendering.md.

The package is named ``drawing`` so that ``argmap.render`` is always the
function, whatever has been imported.
"""

from __future__ import annotations

from argmap.drawing.dot import PAPERS, PRESETS, RenderOptions, legend_graph, to_dot
from argmap.drawing.html import to_html
from argmap.drawing.limits import RenderWarning
from argmap.drawing.output import FORMATS, RenderError, mimebundle, output_format, render, run_graphviz
from argmap.drawing.views import View, ViewError, focus, select, split


def __getattr__(name: str) -> object:
    if name == "format_for":  # the old name, before it could be confused with argmap.formats.format_for
        import warnings

        warnings.warn(
            "argmap.drawing.format_for is now argmap.drawing.output_format", DeprecationWarning, stacklevel=2
        )
        return output_format
    raise AttributeError(f"module 'argmap.drawing' has no attribute {name!r}")


__all__ = [
    "FORMATS",
    "PAPERS",
    "PRESETS",
    "RenderError",
    "RenderOptions",
    "RenderWarning",
    "View",
    "ViewError",
    "focus",
    "legend_graph",
    "mimebundle",
    "output_format",
    "render",
    "run_graphviz",
    "select",
    "split",
    "to_dot",
    "to_html",
]
