"""Argdown's own parser (``@argdown/cli`` 1.7.5, on Node) reads what :func:`argmap.formats.argdown.dumps`
writes into the same graph: statements, arguments with their premise-conclusion
structures, and relations. Skipped, with the reason, where Node or the Argdown
command is absent (``bash tools/argdown-deps.sh`` installs it into ``.argdown/``).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import maps

from argmap import ArgumentMap, Attack, Claim, Inference, Kind
from argmap.formats import argdown, load
from argmap.formats._foreign import source_of

ROOT = Path(__file__).parent.parent
UPSTREAM = Path(__file__).parent / "data" / "argdown" / "upstream"


def _argdown_command() -> list[str] | None:
    candidates = [
        os.environ.get("ARGMAP_ARGDOWN"),
        str(ROOT / ".argdown" / "node_modules" / ".bin" / "argdown"),
        "/tmp/argdown-cli/node_modules/.bin/argdown",
        shutil.which("argdown"),
    ]
    for c in candidates:
        if c and Path(c).is_file() and os.access(c, os.X_OK):
            return [c]
    return None


ARGDOWN = _argdown_command()
pytestmark = [
    pytest.mark.skipif(
        shutil.which("node") is None, reason="Node is not installed (see tools/argdown-deps.sh)"
    ),
    pytest.mark.skipif(
        ARGDOWN is None, reason="the Argdown command is not installed: run bash tools/argdown-deps.sh"
    ),
]


def parse_with_argdown(texts: dict[str, str], tmp: Path, *, strict: bool = True) -> dict[str, dict[str, Any]]:
    """Argdown's JSON export of each text, by name (one run of the command for all);
    ``strict``: every text must parse without a syntax error."""
    src = tmp / "in"
    out = tmp / "out"
    src.mkdir()
    for name, text in texts.items():
        (src / f"{name}.argdown").write_text(text, encoding="utf-8")
    assert ARGDOWN is not None
    done = subprocess.run(
        [*ARGDOWN, "json", str(src / "*.argdown"), str(out)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0 or not strict, done.stderr
    result = {}
    for name in texts:
        path = out / f"{name}.json"
        if not strict and not path.exists():
            continue
        assert path.exists(), f"Argdown wrote no JSON for {name}: {done.stdout}{done.stderr}"
        result[name] = json.loads(path.read_text(encoding="utf-8"))
    return result


def words(text: str) -> str:
    return " ".join(text.split())


def _tagless(member: dict[str, Any]) -> str:
    """A statement's text without its tags (Argdown keeps them in the text, and says where)."""
    units = member["text"].encode("utf-16-le", "surrogatepass")  # Argdown counts UTF-16 units
    for r in sorted(member.get("ranges", []), key=lambda r: -int(r["start"])):
        if r.get("type") == "tag":
            units = units[: 2 * r["start"]] + " ".encode("utf-16-le") + units[2 * (r["stop"] + 1) :]
    return words(units.decode("utf-16-le", "surrogatepass"))


def argdown_graph(data: dict[str, Any]) -> tuple[object, ...]:
    """The graph Argdown parsed, in argmap's terms."""
    claims = {}
    for title, ec in data["statements"].items():
        texts = [m for m in ec["members"] if m.get("text") is not None]
        tags = ec.get("tags", [])
        kinds = [Kind(t) for t in tags if t in {k.value for k in Kind}]
        claims[title] = (kinds[0] if kinds else None, _tagless(texts[0]) if texts else "")
    inferences = {}
    for title, arg in data["arguments"].items():
        pcs = arg.get("pcs", [])
        if pcs:
            premises = tuple(m["title"] for m in pcs if m.get("role") == "premise")
            inferences[title] = (premises, pcs[-1]["title"])
    attacks = set()
    supports = set()
    for rel in data["relations"]:
        kind, frm, to = rel["relationType"], rel["from"], rel["to"]
        rebuttal = kind == "attack" and rel["fromType"] == rel["toType"] == "equivalence-class"
        undercut = kind == "undercut" and rel["toType"] in ("inference", "argument")
        if rebuttal or undercut:
            attacks.add((frm, to))
        elif kind == "support" and rel["fromType"] == "argument" and rel["toType"] == "equivalence-class":
            supports.add((frm, to))
    for frm, to in supports:
        inferences[frm] = ((), to)
    return claims, inferences, attacks


def argmap_graph(amap: ArgumentMap) -> tuple[object, ...]:
    claims = {c.id: (c.kind, words(c.text)) for c in amap.claims.values()}
    inferences = {i.id: (i.premises, i.conclusion) for i in amap.inferences.values()}
    attacks = {
        (a.source, a.target)
        for a in amap.attacks.values()
        if a.target not in amap.attacks and a.target != a.source
    }
    return claims, inferences, attacks


def example_maps() -> Iterator[tuple[str, ArgumentMap]]:
    for path in sorted((ROOT / "examples").rglob("*.argmap.yaml")):
        yield path.name.removesuffix(".argmap.yaml"), load(path)


def test_examples_export_as_argdown_parses_them(tmp_path: Path) -> None:
    found = dict(example_maps())
    assert found
    parsed = parse_with_argdown({n: argdown.dumps(m) for n, m in found.items()}, tmp_path)
    for name, amap in found.items():
        assert argdown_graph(parsed[name]) == argmap_graph(amap), name


def argdown_data(data: dict[str, Any]) -> tuple[object, ...]:
    """The ``{…}`` data Argdown read for each statement and each inference, in argmap's terms."""
    claims = {}
    for title, ec in data["statements"].items():
        found = [m["data"] for m in ec["members"] if m.get("data")]
        if found:
            fields = dict(found[0])
            if "source" in fields:
                fields["source"] = source_of(fields["source"])
            claims[title] = fields
    inferences = {}
    for title, arg in data["arguments"].items():
        pcs = arg.get("pcs", [])
        step = pcs[-1].get("inference", {}) if pcs else {}
        if step.get("data"):
            inferences[title] = dict(step["data"])
    return claims, inferences


def argmap_data(amap: ArgumentMap) -> tuple[object, ...]:
    """The same, as the map holds it."""
    claims = {}
    for c in amap.claims.values():
        fields = {"source": c.source, "conditional": c.conditional or None, "note": c.note}
        if (kept := {k: v for k, v in fields.items() if v is not None}) and not c.blank:
            claims[c.id] = kept
    inferences = {}
    for i in amap.inferences.values():
        fields = {"scheme": i.scheme, "strength": i.strength, "marker": i.marker, "note": i.note}
        if (kept := {k: v for k, v in fields.items() if v is not None}) and i.premises:
            inferences[i.id] = kept
    return claims, inferences


def test_argdown_reads_the_data_argmap_writes(tmp_path: Path) -> None:
    """Sources, conditions, notes, schemes, strengths and markers travel in Argdown's own
    ``{…}`` data, which Argdown's parser reads as argmap wrote it."""
    found = dict(example_maps())
    parsed = parse_with_argdown({n: argdown.dumps(m) for n, m in found.items()}, tmp_path)
    assert any(argmap_data(m)[0] for m in found.values())
    for name, amap in found.items():
        assert argdown_data(parsed[name]) == argmap_data(amap), name


#: Texts that Argdown reads as syntax unless they are escaped.
TRICKY = st.sampled_from(
    [
        "#tag",
        "#(a tag)",
        "[x]",
        "[x]: y",
        "<a>",
        "<a>: b",
        "+ s",
        "- s",
        "_ s",
        "+> [x]",
        "<- x",
        "><",
        "{a: 1}",
        "}",
        "(1) x",
        "----",
        "-- r --",
        "// c",
        "/* c */",
        "<!-- c -->",
        ":heart:",
        ".v.",
        "@[x]",
        "@<a>",
        "*b*",
        "__i__",
        "[l](https://example.org)",
        "\\",
        "\\#",
        "===",
        "1.",
        "* x",
        "日本語の主張",
        "「以上から」",
        "😀",
        "a\nb",
        "\n\n",
        "  ",
    ]
)
TEXTS = st.lists(st.one_of(TRICKY, st.text("abc xyz", max_size=5)), min_size=1, max_size=5).map(" ".join)


@st.composite
def tricky_maps(draw: st.DrawFn) -> ArgumentMap:
    amap = draw(maps(max_claims=6))
    claims = [
        Claim(c.id, c.kind, t if (t := draw(TEXTS)).strip() else "x" + t, tags=c.tags)
        for c in amap.claims.values()
    ]
    inferences = [Inference(i.id, i.premises, i.conclusion) for i in amap.inferences.values()]
    attacks = [Attack(a.id, a.source, a.target) for a in amap.attacks.values()]
    return ArgumentMap(amap.title, lang=amap.lang, claims=claims, inferences=inferences, attacks=attacks)


def test_generated_maps_with_tricky_texts(tmp_path: Path) -> None:
    """Random maps (texts full of Argdown's signs among them), all parsed by one run of Argdown."""
    batch: list[ArgumentMap] = []

    @settings(max_examples=40, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(st.one_of(maps(max_claims=6), tricky_maps()))
    def collect(amap: ArgumentMap) -> None:
        batch.append(amap)

    collect()
    parsed = parse_with_argdown({f"m{k}": argdown.dumps(m) for k, m in enumerate(batch)}, tmp_path)
    for k, amap in enumerate(batch):
        assert argdown_graph(parsed[f"m{k}"]) == argmap_graph(amap), argdown.dumps(amap)


def test_argdowns_own_maps_read_alike(tmp_path: Path) -> None:
    """On Argdown's own maps, argmap finds the statements and the reconstructed arguments Argdown finds."""
    paths = sorted(UPSTREAM.glob("*.argdown"))
    assert paths
    parsed = parse_with_argdown(
        {p.stem: p.read_text(encoding="utf-8") for p in paths}, tmp_path, strict=False
    )
    assert len(parsed) >= len(paths) // 2
    for path in paths:
        if path.stem not in parsed:
            continue  # a test of Argdown's own error messages
        mine = argdown.loads(path.read_text(encoding="utf-8"), name=path.name).map
        theirs = parsed[path.stem]
        reconstructed = [a for a in theirs["arguments"].values() if a.get("pcs")]
        steps = sum(
            1
            for a in reconstructed
            for m in a["pcs"]
            if m.get("role") in ("main-conclusion", "intermediary-conclusion")
        )
        assert steps <= len(mine.inferences), path.name
        assert len(theirs["statements"]) <= len(mine.claims), path.name
