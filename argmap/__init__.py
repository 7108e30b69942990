"""argmap: map the reasoning of a text as a typed graph, check it, draw it.

>>> import argmap
>>> b = argmap.MapBuilder("Rain")
>>> b.evidence("E1", "The forecast says rain")
>>> b.conclusion("C1", "Take an umbrella")
>>> b.inference("I1", ["E1"], "C1", marker="so")
>>> print(argmap.dumps(b.build()), end="")
argmap: 1
title: Rain
lang: en
claims:
  E1:
    kind: evidence
    text: The forecast says rain
  C1:
    kind: conclusion
    text: Take an umbrella
inferences:
  I1:
    from:
    - E1
    to: C1
    marker: so
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

# Public names and the module each comes from. They are imported on first
# use, so that ``argmap --help`` does not pay for YAML, attrs or Graphviz.
_EXPORTS = {
    "ArgmapError": "argmap.errors",
    "ArgmapException": "argmap.errors",
    "Location": "argmap.errors",
    "Problem": "argmap.errors",
    "Diagnostic": "argmap.checks",
    "Severity": "argmap.checks",
    "check": "argmap.checks",
    "explain": "argmap.checks",
    "dump": "argmap.formats",
    "dumps": "argmap.formats",
    "load": "argmap.formats",
    "loads": "argmap.formats",
    "ArgumentMap": "argmap.model",
    "Attack": "argmap.model",
    "Claim": "argmap.model",
    "Document": "argmap.model",
    "Graph": "argmap.model",
    "Inference": "argmap.model",
    "Kind": "argmap.model",
    "MapBuilder": "argmap.model",
    "Source": "argmap.model",
    "RenderError": "argmap.drawing",
    "RenderOptions": "argmap.drawing",
    "RenderWarning": "argmap.drawing",
    "render": "argmap.drawing",
    "to_dot": "argmap.drawing",
    "scaffold": "argmap.scaffolding",
}

__all__ = [
    "ArgmapError",
    "ArgmapException",
    "ArgumentMap",
    "Attack",
    "Claim",
    "Diagnostic",
    "Document",
    "Graph",
    "Inference",
    "Kind",
    "Location",
    "MapBuilder",
    "Problem",
    "RenderError",
    "RenderOptions",
    "RenderWarning",
    "Severity",
    "Source",
    "__version__",
    "check",
    "dump",
    "dumps",
    "explain",
    "load",
    "loads",
    "render",
    "scaffold",
    "to_dot",
]

if TYPE_CHECKING:
    from argmap.checks import Diagnostic, Severity, check, explain
    from argmap.drawing import RenderError, RenderOptions, RenderWarning, render, to_dot
    from argmap.errors import ArgmapError, ArgmapException, Location, Problem
    from argmap.formats import dump, dumps, load, loads
    from argmap.model import (
        ArgumentMap,
        Attack,
        Claim,
        Document,
        Graph,
        Inference,
        Kind,
        MapBuilder,
        Source,
    )
    from argmap.scaffolding import scaffold


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        from argmap.i18n import _  # here, so that importing argmap stays light

        raise AttributeError(_("module 'argmap' has no attribute {name}").format(name=repr(name)))
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__
