"""``argmap explain [RULE]``: what a rule finds, why it matters, how to repair it.

The explanations are Markdown. On a terminal they are drawn, not shown as
source: headings and **bold** in bold, *emphasis* in italics, `code`
coloured, lists with bullets, paragraphs wrapped to the window by the
columns each character takes (a Japanese character takes two, and a line
may break between two of them, but never before 、。」 nor after 「（).
Where the output is not a terminal the styles are left out, so no
Markdown marker is ever printed. ``--format markdown`` prints the source.

>>> print(render_markdown("# Title\\n\\nSome **bold** and `code`.\\n\\n* one\\n* two", 40, styled=False), end="")
Title
<BLANKLINE>
Some bold and code.
<BLANKLINE>
  • one
  • two
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from typing import NamedTuple

import click

from argmap.cli import _common
from argmap.cli._common import lang_option, speaking
from argmap.i18n import N_, _
from argmap.support import char_width, display_width

#: The widest an explanation is drawn, however wide the terminal.
MAX_WIDTH = 100
MIN_WIDTH = 40

# Inline Markdown: `code`, **bold**, *emphasis*.
_INLINE = re.compile(r"`([^`]+)`|\*\*(.+?)\*\*|\*(?=\S)(.+?)(?<=\S)\*")
_LIST_ITEM = re.compile(r"([*-]|\d+\.) +")
# Never at the start of a line (closing marks, small kana, the long-vowel mark)...
_NO_START = frozenset(
    "、。，．,.)）」』】〕〉》’”！？!?：:；;ー…ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ々・"
)
# ... nor at the end of one (opening marks).
_NO_END = frozenset("（(「『【〔〈《‘“")


class _Piece(NamedTuple):
    text: str
    style: str  # "", "bold", "em", "code"


class _Atom(NamedTuple):
    text: str
    style: str
    width: int
    space: bool
    wide: bool


def _inline(text: str, base: str = "") -> list[_Piece]:
    pieces: list[_Piece] = []
    at = 0
    for m in _INLINE.finditer(text):
        if m.start() > at:
            pieces.append(_Piece(text[at : m.start()], base))
        if m.group(1) is not None:
            pieces.append(_Piece(m.group(1), "code"))
        elif m.group(2) is not None:
            pieces += _inline(m.group(2), "bold")
        else:
            pieces += _inline(m.group(3), base or "em")
        at = m.end()
    if at < len(text):
        pieces.append(_Piece(text[at:], base))
    return pieces


_ATOM = re.compile(r" +|[^\s]")


def _atoms(pieces: list[_Piece]) -> list[_Atom]:
    out = []
    for p in pieces:
        for m in _ATOM.finditer(p.text):
            t = m.group()
            w = display_width(t)
            out.append(_Atom(t, p.style, w, t.startswith(" "), char_width(t[0]) == 2))
    return out


def _chunks(atoms: list[_Atom]) -> Iterator[list[_Atom]]:
    """The atoms in runs a line may not break inside: words, a single wide
    character with the marks that cling to it, a run of spaces."""
    run: list[_Atom] = []
    for a in atoms:
        if run:
            prev = run[-1]
            if a.space or prev.space:
                breakable = True
            else:
                breakable = (prev.wide or a.wide) and a.text not in _NO_START and prev.text not in _NO_END
            if breakable:
                yield run
                run = []
        run.append(a)
    if run:
        yield run


def _styled(atoms: list[_Atom], styled: bool) -> str:
    out = []
    for a in atoms:
        if not styled or not a.style:
            out.append(a.text)
        elif a.style == "bold":
            out.append(click.style(a.text, bold=True))
        elif a.style == "em":
            out.append(click.style(a.text, italic=True))
        else:
            out.append(click.style(a.text, fg="cyan"))
    return "".join(out)


def _wrap(text: str, width: int, first: str, rest: str, *, styled: bool, base: str = "") -> list[str]:
    lines: list[list[_Atom]] = [[]]
    used = display_width(first)
    for chunk in _chunks(_atoms(_inline(text, base))):
        w = sum(a.width for a in chunk)
        line = lines[-1]
        if chunk[0].space:
            if line:
                line.extend(chunk)
                used += w
            continue
        if line and used + w > width:
            while line and line[-1].space:
                used -= line.pop().width
            lines.append([])
            line = lines[-1]
            used = display_width(rest)
        line.extend(chunk)
        used += w
    out = []
    for i, line in enumerate(lines):
        while line and line[-1].space:
            line.pop()
        out.append((first if i == 0 else rest) + _styled(line, styled))
    return out


def _join(lines: list[str]) -> str:
    """The lines of a paragraph as one text: a space between them, except
    between two wide (Japanese) characters."""
    text = ""
    for line in (raw.strip() for raw in lines):
        if text and line and not (char_width(text[-1]) == 2 and char_width(line[0]) == 2):
            text += " "
        text += line
    return text


def render_markdown(markdown: str, width: int | None = None, *, styled: bool = True) -> str:
    """The Markdown argmap writes (headings, paragraphs, lists, inline code,
    bold and emphasis, fenced code) drawn for a terminal ``width`` columns wide."""
    if width is None:
        width = max(MIN_WIDTH, min(MAX_WIDTH, shutil.get_terminal_size().columns - 1))
    out: list[str] = []
    blocks = re.split(r"\n[ \t]*\n", markdown.strip("\n"))
    for block in blocks:
        lines = block.split("\n")
        if lines[0].startswith("```"):
            out += ["    " + line for line in lines[1:-1]]
        elif lines[0].startswith("#"):
            out += _wrap(_join(lines).lstrip("#").strip(), width, "", "", styled=styled, base="bold")
        elif _LIST_ITEM.match(lines[0]):
            items: list[list[str]] = []
            for line in lines:
                if _LIST_ITEM.match(line):
                    items.append([_LIST_ITEM.sub("", line, count=1)])
                elif items:
                    items[-1].append(line)
            for item in items:
                out += _wrap(_join(item), width, "  • ", "    ", styled=styled)
        else:
            out += _wrap(_join(lines), width, "", "", styled=styled)
        out.append("")
    return "\n".join(out[:-1]) + "\n"


_FORMAT_HELP = N_("text: drawn for the terminal; markdown: the Markdown source.")


@_common.command(
    help=N_(
        "Explain RULE (a name such as circular-support or 循環論法, or a code such as AM201).\n\n"
        "Without RULE, list every rule with its code, severity and summary."
    )
)
@click.argument("rule", required=False)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "markdown"]),
    default="text",
    show_default=True,
    help=_FORMAT_HELP,
)
@lang_option(N_("The language of the explanation: ja or en (default: the locale's)."))
def command(rule: str | None, fmt: str, lang: str | None) -> None:
    """Explain RULE (a name such as circular-support, or a code such as AM201).

    Without RULE, list every rule with its code, severity and summary.
    """
    from argmap.checks.explain import catalogue_markdown, catalogue_rows, rule_markdown
    from argmap.checks.registry import UnknownRuleError

    with speaking(lang):
        if rule is None:
            if fmt == "markdown":
                click.echo(catalogue_markdown(), nl=False)
            else:
                _list(catalogue_rows())
            return
        try:
            text = rule_markdown(rule)
        except UnknownRuleError as exc:
            raise click.BadParameter(str(exc), param_hint="'RULE'") from None
        click.echo(text if fmt == "markdown" else render_markdown(text), nl=False)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - display_width(text))


#: The fewest columns a summary is wrapped to beside its rule; with fewer,
#: it is wrapped under the rule instead.
MIN_SUMMARY_WIDTH = 24


def _list(families: list[tuple[str, list[tuple[str, str, str, str]]]], width: int | None = None) -> None:
    """One rule a row: code, name, severity, then its summary, wrapped to
    the terminal (``width`` columns) under itself, or under the rule when
    the terminal is too narrow for both side by side."""
    if width is None:
        width = max(MIN_WIDTH, min(MAX_WIDTH, shutil.get_terminal_size().columns - 1))
    rows = [row for _heading, rows in families for row in rows]
    name_width = max(display_width(name) for _code, name, _sev, _summary in rows)
    severity_width = max(display_width(sev) for _code, _name, sev, _summary in rows)
    for heading, family in families:
        click.echo(click.style(heading, bold=True))
        for code, name, severity, summary in family:
            rule = f"  {code}  {_pad(name, name_width)}  {_pad(severity, severity_width)}  "
            if width - display_width(rule) >= MIN_SUMMARY_WIDTH:
                lines = _wrap(summary, width, rule, " " * display_width(rule), styled=False)
            else:
                lines = [rule.rstrip(), *_wrap(summary, width, "      ", "      ", styled=False)]
            for line in lines:
                click.echo(line)
    click.echo()
    for line in _wrap(
        _("argmap explain RULE prints the full explanation of one rule."), width, "", "", styled=False
    ):
        click.echo(line)
