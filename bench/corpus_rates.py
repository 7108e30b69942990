"""How often the heuristic rules disagree with human annotators, on the arg-microtexts corpus.

    .venv/bin/python bench/corpus_rates.py PATH              # prints, and writes docs/performance.md
    .venv/bin/python bench/corpus_rates.py PATH --no-write   # prints only

The corpus is the arg-microtexts corpus of Andreas Peldszus and Manfred Stede
("An annotated corpus of argumentative microtexts", ECA 2015): 112 short
argumentative texts, written in German and professionally translated into
English, each annotated by hand with its argumentation structure. Get it from
https://github.com/peldszus/arg-microtexts (``git clone``). It is licensed
under CC BY-NC-SA 4.0 (https://creativecommons.org/licenses/by-nc-sa/4.0/),
so it is not shipped with argmap and must not be committed to this
repository: the script reads it from wherever it is.

PATH is the folder that holds the English ``en/*.xml`` files (the clone's
``corpus`` folder), the clone itself, a folder of ``micro_*.xml`` files, or a
git directory (a bare clone is read with ``git cat-file``, without a work
tree).

Every text becomes an argmap map (``lang: en``):

* each ADU is a claim with the text of its EDU(s), tagged ``proponent`` or
  ``opponent``. The central claim (the one ADU with no outgoing edge) and
  every ADU that a ``sup`` or ``exa`` edge supports are conclusions; the
  rest are premises;
* each ``sup`` or ``exa`` edge is an inference (``exa`` with scheme
  ``example``) from its source to its target; the ADUs joined to that edge by
  ``add`` edges are further premises of the same, linked, inference;
* each ``reb`` edge is an attack on its target claim, each ``und`` edge on a
  support edge an attack on that inference. An ``und`` edge on an attack
  (argmap attacks claims and inferences, not attacks) becomes an attack on
  the attacking claim, which gives the same grounded labelling; an ``add``
  edge on an attack gives one more attack from the added ADU to the same
  target.

Then ``argmap.check(map, select=...)`` runs the heuristic rules that compare
a premise's wording with its conclusion's: weak-relevance (AM107) and
restated-premise (AM202). The annotators marked every support edge as a real
support, so each finding of these rules is a disagreement with them; the
figures are findings per 100 annotated support steps (inferences) and the
share of maps with a finding. paraphrase-drift (AM303) compares evidence with
its source's quote, and the corpus has no quotes, so it cannot fire.

Writes the "corpus" section of docs/performance.md unless ``--no-write``.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import argmap
from argmap import ArgumentMap, Diagnostic, MapBuilder
from argmap.checks.registry import find_rule
from argmap.checks.text import similarity
from bench._report import write_section

CORPUS = "arg-microtexts (Peldszus & Stede 2015)"
CORPUS_URL = "https://github.com/peldszus/arg-microtexts"
LICENCE = "CC BY-NC-SA 4.0"
#: The rules measured, and the one that cannot fire on this corpus.
RULES = ("AM107", "AM202")
NO_QUOTES = "AM303"
SAMPLES = 5
_EN_XML = re.compile(r"(?:^|/)en/[^/]+\.xml$")
_SUPPORT = ("sup", "exa")
_ATTACK = ("reb", "und")


@dataclass
class Text:
    """One annotated text of the corpus, as its XML gives it."""

    id: str
    topic: str | None
    stance: str | None
    #: ADU id -> (role "pro" or "opp", text), in document order
    adus: dict[str, tuple[str, str]]
    #: edge id -> (source, target, type), ``seg`` edges left out
    edges: dict[str, tuple[str, str, str]]


@dataclass(frozen=True)
class Sample:
    """One finding, with the texts a reader needs to judge it."""

    text: str
    inference: str
    premise: str
    conclusion: str
    roles: str
    similarity: float


@dataclass
class Counts:
    """What the conversion made of the corpus."""

    maps: int = 0
    adus: int = 0
    conclusions: int = 0
    inferences: int = 0
    linked: int = 0
    example: int = 0
    premise_links: int = 0
    attacks: int = 0
    on_attacks: int = 0
    findings: Counter[str] = field(default_factory=Counter)
    #: findings on a step into the central claim
    central: Counter[str] = field(default_factory=Counter)
    steps_with: Counter[str] = field(default_factory=Counter)
    maps_with: Counter[str] = field(default_factory=Counter)
    #: premise links whose premise shares no token with the conclusion
    no_shared: int = 0
    #: the premise link most similar to its conclusion, as a sample
    closest: Sample | None = None


# -- reading ---------------------------------------------------------------


def _is_git_dir(path: Path) -> bool:
    return (path / "HEAD").is_file() and (path / "objects").is_dir()


def _read_git(git_dir: Path) -> list[tuple[str, bytes]]:
    """The English XML files at HEAD of a git repository, read without a work tree."""
    git = ["git", f"--git-dir={git_dir}"]
    names = subprocess.run(
        [*git, "ls-tree", "-r", "--name-only", "HEAD"], capture_output=True, text=True, check=True
    ).stdout.splitlines()
    paths = sorted(n for n in names if _EN_XML.search(n))
    if not paths:
        return []
    batch = subprocess.run(
        [*git, "cat-file", "--batch"],
        input="".join(f"HEAD:{p}\n" for p in paths).encode(),
        capture_output=True,
        check=True,
    ).stdout
    out: list[tuple[str, bytes]] = []
    pos = 0
    for p in paths:
        header_end = batch.index(b"\n", pos)
        size = int(batch[pos:header_end].split()[2])
        out.append((Path(p).name, batch[header_end + 1 : header_end + 1 + size]))
        pos = header_end + 1 + size + 1  # the blob, then a newline
    return out


def read_corpus(path: Path) -> list[tuple[str, bytes]]:
    """(file name, XML) of every English text under ``path``, sorted by name."""
    if _is_git_dir(path):
        return _read_git(path)
    for folder in (path / "en", path / "corpus" / "en", path):
        files = sorted(folder.glob("*.xml"))
        if files:
            return [(f.name, f.read_bytes()) for f in files]
    if _is_git_dir(path / ".git"):
        return _read_git(path / ".git")
    return []


def parse(name: str, data: bytes) -> Text:
    """One text's XML: its ADUs with their texts, and its argumentative edges."""
    root = ET.fromstring(data)
    edus = {e.get("id", ""): " ".join((e.text or "").split()) for e in root.iter("edu")}
    joints = {j.get("id", "") for j in root.iter("joint")}
    roles = {a.get("id", ""): a.get("type", "") for a in root.iter("adu")}
    segs: dict[str, list[str]] = {}  # ADU or joint -> its EDUs or joint
    edges: dict[str, tuple[str, str, str]] = {}
    for e in root.iter("edge"):
        src, trg, kind = e.get("src", ""), e.get("trg", ""), e.get("type", "")
        if kind == "seg":
            segs.setdefault(trg, []).append(src)
        else:
            edges[e.get("id", "")] = (src, trg, kind)

    def words(node: str) -> list[str]:
        if node in joints:
            return [w for part in sorted(segs.get(node, ()), key=_number) for w in words(part)]
        return [edus[node]]

    adus = {
        a: (role, " ".join(w for part in sorted(segs.get(a, ()), key=_number) for w in words(part)))
        for a, role in sorted(roles.items(), key=lambda item: _number(item[0]))
    }
    return Text(root.get("id") or Path(name).stem, root.get("topic_id"), root.get("stance"), adus, edges)


def _number(element_id: str) -> tuple[int, str]:
    """Sort key of ``a12``-style ids: by number, so a2 comes before a10."""
    digits = "".join(ch for ch in element_id if ch.isdigit())
    return (int(digits) if digits else 0, element_id)


# -- mapping ---------------------------------------------------------------


def to_map(text: Text, counts: Counts) -> ArgumentMap:
    """The map of one text (see the module docstring), counting what it holds."""
    edges = text.edges
    added: dict[str, list[str]] = {}  # edge -> the add edges that give it further sources
    for eid, (_src, trg, kind) in edges.items():
        if kind == "add":
            added.setdefault(trg, []).append(eid)
    outgoing = {src for src, _trg, _kind in edges.values()}
    supported = {trg for _src, trg, kind in edges.values() if kind in _SUPPORT}
    central = [a for a in text.adus if a not in outgoing]

    url = f"{CORPUS_URL}/blob/master/corpus/en/{text.id}.txt"
    b = MapBuilder(text.id, lang="en", document=argmap.Document(title=text.id, url=url))
    for aid, (role, words) in text.adus.items():
        tags = ["proponent" if role == "pro" else "opponent"]
        if aid in supported or aid in central:
            if aid in central:
                tags.append("central-claim")
            b.conclusion(aid, words, tags=tags)
            counts.conclusions += 1
        else:
            b.premise(aid, words, tags=tags)
    for eid, (src, trg, kind) in edges.items():
        if kind not in _SUPPORT:
            continue
        premises = sorted([src, *(edges[a][0] for a in added.get(eid, ()))], key=_number)
        b.inference(eid, premises, trg, scheme="example" if kind == "exa" else None)
        counts.inferences += 1
        counts.premise_links += len(premises)
        counts.linked += len(premises) > 1
        counts.example += kind == "exa"

    for eid, (src, trg, kind) in edges.items():
        if kind not in _ATTACK:
            continue
        # a claim or an inference; an attack on an attack goes to the attacking claim
        on_attack = trg in edges and edges[trg][2] in _ATTACK
        aim = edges[trg][0] if on_attack else trg
        for attack_id, attacker in [(eid, src), *((a, edges[a][0]) for a in added.get(eid, ()))]:
            b.attack(attack_id, attacker, aim)
            counts.attacks += 1
            counts.on_attacks += on_attack
    counts.maps += 1
    counts.adus += len(text.adus)
    return b.build()


# -- running ---------------------------------------------------------------


def _sample(m: ArgumentMap, d: Diagnostic) -> Sample:
    inference = next(e for e in d.elements if e in m.inferences)
    premise, conclusion = (e for e in d.elements if e in m.claims)
    if d.code == "AM202":  # (conclusion, premise, inference)
        premise, conclusion = conclusion, premise
    return _link(m, inference, premise, conclusion)


def _link(m: ArgumentMap, inference: str, premise: str, conclusion: str) -> Sample:
    p, c = m.claims[premise], m.claims[conclusion]
    return Sample(
        m.title,
        inference,
        f"{premise}: {p.text}",
        f"{conclusion}: {c.text}",
        f"{p.tags[0]} -> {c.tags[0]}",
        similarity(p.text, c.text),
    )


def run(files: Sequence[tuple[str, bytes]]) -> tuple[Counts, dict[str, list[Sample]]]:
    """Map every text, check it, count the findings of each rule."""
    counts = Counts()
    found: dict[str, list[Sample]] = {code: [] for code in (*RULES, NO_QUOTES)}
    for name, data in files:
        m = to_map(parse(name, data), counts)
        for inf in m.inferences.values():
            conclusion = m.claims[inf.conclusion]
            for pid in inf.premises:
                sim = similarity(m.claims[pid].text, conclusion.text)
                counts.no_shared += sim == 0
                if counts.closest is None or sim > counts.closest.similarity:
                    counts.closest = _link(m, inf.id, pid, inf.conclusion)
        codes: set[str] = set()
        steps: set[tuple[str, str]] = set()
        for d in argmap.check(m, select=[*RULES, NO_QUOTES]):
            counts.findings[d.code] += 1
            codes.add(d.code)
            if d.code in RULES:
                sample = _sample(m, d)
                found[d.code].append(sample)
                steps.add((d.code, sample.inference))
                conclusion = m.claims[m.inferences[sample.inference].conclusion]
                counts.central[d.code] += "central-claim" in conclusion.tags
        counts.steps_with.update(code for code, _step in steps)
        counts.maps_with.update(codes)
    return counts, found


def spread(items: Sequence[Sample], n: int) -> list[Sample]:
    """``n`` items spread evenly over ``items`` (all when there are fewer)."""
    if len(items) <= n:
        return list(items)
    return [items[i * len(items) // n] for i in range(n)]


# -- reporting -------------------------------------------------------------


def _name(code: str) -> str:
    """``weak-relevance (AM107)``."""
    return f"{find_rule(code).name} ({code})"


def describe(path: Path) -> str:
    """Where the corpus was read from, for the report: a git commit when there is one."""
    git_dir = path if _is_git_dir(path) else path / ".git" if _is_git_dir(path / ".git") else None
    if git_dir is None:
        return "a folder"
    commit = subprocess.run(
        ["git", f"--git-dir={git_dir}", "rev-parse", "--short=12", "HEAD"],
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()
    return f"commit {commit}" if commit else "a git directory"


def report(counts: Counts, found: dict[str, list[Sample]], source: str) -> str:
    """The section of docs/performance.md, in Markdown."""
    c = counts
    per_step = c.inferences or 1
    lines = [
        "## Heuristic rules on a human-annotated corpus (`bench/corpus_rates.py`)",
        "",
        f"Corpus: {CORPUS}, English texts ({CORPUS_URL}), licensed {LICENCE}: not shipped with "
        "argmap; the script reads it from a clone. Each text is mapped as its annotators drew it: every "
        "ADU a claim (the central claim and every supported ADU a conclusion, the rest premises), every "
        "`sup`/`exa` edge an inference whose premises are its source and the ADUs `add`ed to it, every "
        "`reb`/`und` edge an attack. The annotators marked every support step as a real support, so "
        "each finding of these rules is a disagreement with them. "
        f"Command: `.venv/bin/python bench/corpus_rates.py PATH` (argmap {argmap.__version__}; "
        f"corpus read from {source}).",
        "",
        f"{c.maps} maps, {c.adus:,} ADUs ({c.conclusions} conclusions), {c.inferences} annotated "
        f"support steps ({c.example} by example, {c.linked} linked with several premises), "
        f"{c.premise_links} premise links, {c.attacks} attacks ({c.on_attacks} of them on an attack, "
        "mapped to the attacking claim). "
        f"{c.no_shared} of the {c.premise_links} premise links share not one word with their conclusion "
        "(by the rules' measure of similarity).",
        "",
        "| rule | findings | per 100 support steps | support steps with a finding | "
        "findings on a step into the central claim | maps with a finding |",
        "|---|---|---|---|---|---|",
    ]
    for code in RULES:
        n = c.findings[code]
        lines.append(
            f"| {_name(code)} | {n} | {100 * n / per_step:.1f} | {c.steps_with[code]} | "
            f"{c.central[code]} | {c.maps_with[code]} of {c.maps} ({100 * c.maps_with[code] / (c.maps or 1):.0f}%) |"
        )
    lines.append(
        f"| {_name(NO_QUOTES)} | {c.findings[NO_QUOTES]} | cannot fire: "
        "it compares evidence with its source's quote, and the corpus has no quotes | | | |"
    )
    for code in RULES:
        samples = spread(found[code], SAMPLES)
        if not samples:
            lines += ["", f"{_name(code)}: no findings."]
        else:
            lines += [
                "",
                f"{_name(code)}: {len(samples)} of {len(found[code])} findings, spread evenly over the "
                "corpus in file order (text, inference, similarity, roles; premise, then conclusion):",
                "",
            ]
        for s in samples:
            lines += [
                f"- {s.text} {s.inference}, similarity {s.similarity:.2f}, {s.roles}",
                f"  - premise {s.premise}",
                f"  - conclusion {s.conclusion}",
            ]
        top = c.closest
        if code == "AM202" and not samples and top is not None:
            threshold = find_rule(code).threshold
            limit = f" (the rule's threshold is {threshold.default:.2f})" if threshold is not None else ""
            lines += [
                f"The premise most similar to its conclusion in the whole corpus ({top.text} "
                f"{top.inference}, {top.roles}) has similarity {top.similarity:.2f}{limit}:",
                "",
                f"- premise {top.premise}",
                f"- conclusion {top.conclusion}",
            ]
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("path", type=Path, help="the corpus folder (with en/*.xml), a clone, or a git dir")
    ap.add_argument("--no-write", action="store_true", help="print only; leave docs/performance.md alone")
    args = ap.parse_args()

    start = time.perf_counter()
    files = read_corpus(args.path)
    if not files:
        sys.exit(f"{args.path}: no English XML files (en/*.xml) of the arg-microtexts corpus found")
    counts, found = run(files)
    body = report(counts, found, describe(args.path))
    print(body)
    print(f"\n({len(files)} files read, mapped and checked in {time.perf_counter() - start:.2f} s)")
    if not args.no_write:
        write_section("corpus", body)
        print("written to the 'corpus' section of docs/performance.md")


if __name__ == "__main__":
    main()
