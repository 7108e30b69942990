"""The checks' Python API with arguments of the wrong type or value: a
TypeError or ValueError with a plain message, never an AttributeError from
deep inside."""

from __future__ import annotations

from collections.abc import Callable

import pytest

import argmap
from argmap.checks import Config, ConfigError, Diagnostic, Severity, check, find_rule, labelling, select_rules
from argmap.checks.output import counts, diagnostic_json, summary, text_line
from argmap.checks.registry import resolve
from argmap.errors import Location


def small_map() -> argmap.ArgumentMap:
    b = argmap.MapBuilder("t")
    b.premise("P1", "a")
    b.conclusion("C1", "b")
    b.inference("I1", ["P1"], "C1")
    return b.build()


M = small_map()
D = Diagnostic("AM201", "circular-support", Severity.ERROR, "m", ("C1",))

WRONG_TYPES: list[tuple[str, Callable[[], object], str]] = [
    ("check(None)", lambda: check(None), "check() takes an ArgumentMap, not None"),  # type: ignore[arg-type]
    ("check(5)", lambda: check(5), "check() takes an ArgumentMap, not int"),  # type: ignore[arg-type]
    ("config=5", lambda: check(M, config=5), "config must be a Config or None, not int"),  # type: ignore[arg-type]
    ("select=[5]", lambda: check(M, select=[5]), "select takes rule names, codes or prefixes (str), not int"),  # type: ignore[list-item]
    (
        "select=5",
        lambda: check(M, select=5),
        "select takes a rule name, code or prefix, or a list of them, not int",
    ),  # type: ignore[arg-type]
    ("select=b'AM1'", lambda: check(M, select=b"AM1"), "not bytes"),
    (
        "ignore=5",
        lambda: check(M, ignore=5),
        "ignore takes a rule name, code or prefix, or a list of them, not int",
    ),  # type: ignore[arg-type]
    (
        "ignore=[None]",
        lambda: check(M, ignore=[None]),
        "ignore takes rule names, codes or prefixes (str), not None",
    ),  # type: ignore[list-item]
    ("select_rules(5)", lambda: select_rules(5), "select takes"),  # type: ignore[arg-type]
    ("select_rules(config=5)", lambda: select_rules(config=5), "config must be a Config"),  # type: ignore[arg-type]
    ("find_rule(None)", lambda: find_rule(None), "a rule name, code or prefix must be a str, not None"),  # type: ignore[arg-type]
    ("find_rule(5)", lambda: find_rule(5), "must be a str, not int"),  # type: ignore[arg-type]
    ("resolve(5)", lambda: list(resolve(5)), "selectors must be a list"),  # type: ignore[arg-type]
    ("resolve([None])", lambda: list(resolve([None])), "must be a str, not None"),  # type: ignore[list-item]
    ("labelling(None)", lambda: labelling(None), "labelling() takes an ArgumentMap, not None"),  # type: ignore[arg-type]
    (
        "from_table(None)",
        lambda: Config.from_table(None, "x"),
        "table must be a mapping (a TOML table), not None",
    ),  # type: ignore[arg-type]
    ("from_table(5, 5)", lambda: Config.from_table(5, 5), "table must be a mapping"),  # type: ignore[arg-type]
    ("from_table({}, 5)", lambda: Config.from_table({}, 5), "file must be a str"),  # type: ignore[arg-type]
    ("from_pyproject(None)", lambda: Config.from_pyproject(None), "path must be a str or a path, not None"),  # type: ignore[arg-type]
    ("Config(select=5)", lambda: Config(select=5), "select must be a list of rule names or codes, not int"),  # type: ignore[arg-type]
    ("Config(ignore=[5])", lambda: Config(ignore=[5]), "ignore must hold rule names or codes (str), not int"),  # type: ignore[list-item]
    ("Config(thresholds=5)", lambda: Config(thresholds=5), "thresholds must be a mapping"),  # type: ignore[arg-type]
    (
        "Config(thresholds={'weak-support': 'x'})",
        lambda: Config(thresholds={"weak-support": "x"}),
        "number from 0 to 1, not str",
    ),  # type: ignore[dict-item]
    ("Config(file=5)", lambda: Config(file=5), "file must be a str"),  # type: ignore[arg-type]
    (
        "Diagnostic(code=5)",
        lambda: Diagnostic(5, "n", Severity.ERROR, "m", ("C1",)),
        "code must be a str, not int",
    ),  # type: ignore[arg-type]
    (
        "Diagnostic(severity=5)",
        lambda: Diagnostic("AM1", "n", 5, "m", ("C1",)),
        "severity must be a Severity",
    ),  # type: ignore[arg-type]
    (
        "Diagnostic(elements='C1')",
        lambda: Diagnostic("AM1", "n", Severity.ERROR, "m", "C1"),
        "tuple of element ids",
    ),  # type: ignore[arg-type]
    (
        "Diagnostic(location=5)",
        lambda: Diagnostic("AM1", "n", Severity.ERROR, "m", ("C1",), (), 5),
        "location must be a Location",
    ),  # type: ignore[arg-type]
    ("text_line(None)", lambda: text_line(None, "p"), "expected a Diagnostic, not None"),  # type: ignore[arg-type]
    ("text_line(d, None)", lambda: text_line(D, None), "path must be a str, not None"),  # type: ignore[arg-type]
    ("diagnostic_json(5)", lambda: diagnostic_json(5), "expected a Diagnostic, not int"),  # type: ignore[arg-type]
    ("summary(None)", lambda: summary(None), "expected findings"),  # type: ignore[arg-type]
    ("counts([5])", lambda: counts([5]), "expected a Diagnostic, not int"),  # type: ignore[list-item]
    (
        "Inference(strength='x')",
        lambda: argmap.Inference("I1", ["E1"], "C1", strength="x"),
        "strength must be a number",
    ),  # type: ignore[arg-type]
    ("parse_date(None)", lambda: argmap.model.parse_date(None), "a date must be text"),  # type: ignore[arg-type]
]


@pytest.mark.parametrize(
    ("call", "message"), [(c, m) for _, c, m in WRONG_TYPES], ids=[n for n, _, _ in WRONG_TYPES]
)
def test_a_wrong_type_is_a_plain_type_error(call: Callable[[], object], message: str) -> None:
    with pytest.raises(TypeError) as info:
        call()
    assert message in str(info.value)


BAD_VALUES: list[tuple[str, Callable[[], object], type[Exception], str]] = [
    (
        "Inference(strength=10**5000)",
        lambda: argmap.Inference("I1", ["E1"], "C1", strength=10**5000),
        ValueError,
        "strength must be a number from 0 to 1, not a whole number of about 5,001 digits",
    ),
    (
        "Inference(strength=-10**5000)",
        lambda: argmap.Inference("I1", ["E1"], "C1", strength=-(10**5000)),
        ValueError,
        "not a whole number of about 5,001 digits",
    ),
    (
        "Config(thresholds={'weak-support': 2})",
        lambda: Config(thresholds={"weak-support": 2}),
        ValueError,
        "the threshold of weak-support must be a number from 0 to 1",
    ),
    (
        "Config(thresholds={'weak-support': nan})",
        lambda: Config(thresholds={"weak-support": float("nan")}),
        ValueError,
        "from 0 to 1",
    ),
    (
        "from_table(thresholds={5: 0.1})",
        lambda: Config.from_table({"thresholds": {5: 0.1}}, "p.toml"),
        ConfigError,
        "p.toml: [tool.argmap.thresholds]: 5 is not a rule with a threshold",
    ),
    (
        "Diagnostic(severity='fatal')",
        lambda: Diagnostic("AM1", "n", "fatal", "m", ("C1",)),
        ValueError,  # type: ignore[arg-type]
        "unknown severity 'fatal'",
    ),
    ("find_rule('nope')", lambda: find_rule("nope"), ValueError, "unknown rule 'nope'"),
]


@pytest.mark.parametrize(
    ("call", "error", "message"), [(c, e, m) for _, c, e, m in BAD_VALUES], ids=[n for n, *_ in BAD_VALUES]
)
def test_a_bad_value_is_a_plain_value_error(
    call: Callable[[], object], error: type[Exception], message: str
) -> None:
    with pytest.raises(error) as info:
        call()
    assert message in str(info.value)


def test_the_usual_arguments_still_work() -> None:
    assert check(M, select="AM1", ignore=("unused-claim",), config=Config()) == check(M, select=["AM1"])
    assert Config(select=["AM1"], ignore="AM305").ignore == ("AM305",)
    assert Config(select=["AM1"]).select == ("AM1",)
    d = Diagnostic("AM201", "circular-support", "error", "m", ["C1"], ["C1", "C1"], Location("m", 1, 1))  # type: ignore[arg-type]
    assert d.severity is Severity.ERROR and d.elements == ("C1",) and d.path == ("C1", "C1")
    assert summary([d, D]) == "2 errors, 0 warnings, 0 info"


def test_a_long_value_is_shortened_in_a_message() -> None:
    with pytest.raises(ValueError, match="is not a date") as info:
        argmap.model.parse_date("2023-" + "1" * 5000)
    assert len(str(info.value)) < 200
    assert "(5,005 characters)" in str(info.value)


def test_findings_of_a_checked_map_are_well_formed() -> None:
    found = check(M)
    assert all(isinstance(d.elements, tuple) and isinstance(d.severity, Severity) for d in found)
