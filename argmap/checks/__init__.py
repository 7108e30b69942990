"""Checks: find unsupported leaps, circular reasoning and weak evidence.

>>> import argmap
>>> b = argmap.MapBuilder("Circle")
>>> b.premise("P1", "The Bible says God exists")
>>> b.conclusion("C1", "God exists")
>>> b.conclusion("C2", "The Bible is the word of God")
>>> b.inference("I1", ["P1", "C2"], "C1"); b.inference("I2", ["C1"], "C2")
>>> [(d.code, d.name, d.path) for d in check(b.build(), select=["circular-support"])]
[('AM201', 'circular-support', ('C1', 'I2', 'C2', 'I1', 'C1'))]

The rules, their codes and explanations are in :func:`all_rules`
(``argmap explain`` prints them); :func:`labelling` gives the dialectical
status of every claim and inference.
"""

from __future__ import annotations

from argmap.checks.config import Config, ConfigError
from argmap.checks.diagnostic import Diagnostic, Severity
from argmap.checks.dialectic import labelling
from argmap.checks.engine import check, select_rules
from argmap.checks.explain import rule_markdown as explain
from argmap.checks.graph import Status
from argmap.checks.registry import Rule, UnknownRuleError, all_rules, find_rule

__all__ = [
    "Config",
    "ConfigError",
    "Diagnostic",
    "Rule",
    "Severity",
    "Status",
    "UnknownRuleError",
    "all_rules",
    "check",
    "explain",
    "find_rule",
    "labelling",
    "select_rules",
]
