"""``argmap scaffold ARTICLE.txt``: draft a map from a raw article."""

from __future__ import annotations

import os

import click

from argmap.cli._common import max_bytes, max_size_option, say


@click.command()
@click.argument("article", type=click.Path(dir_okay=True))
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False),
    help="Write the draft here instead of to standard output (never over the article itself).",
)
@click.option(
    "--lang",
    type=click.Choice(["ja", "en", "auto"]),
    default="auto",
    show_default=True,
    help="The article's language; auto tells Japanese from English.",
)
@max_size_option("articles")
def command(article: str, output: str | None, lang: str, max_size: float) -> None:
    """Draft an argument map from the raw text of ARTICLE.

    Attributed statements become evidence (speaker, date, source URL and
    title), judgments become conclusions with inferences, suppositions become
    hypotheses. Every element's note tells the marker and the article line it
    came from; sentences with no marker are listed in a comment at the end.
    See docs/scaffold.md. Exits 0, or 2 for an unreadable article.
    """
    from argmap.fileio import write_output
    from argmap.model import Document
    from argmap.scaffolding import draft, read_article

    if output == "-":
        output = None
    # An unreadable article or an output that cannot be written is reported by
    # the command group, as for every command.
    text = read_article(article, max_bytes(max_size))
    base = os.path.dirname(os.path.abspath(output)) if output else os.getcwd()
    relative = os.path.relpath(os.path.abspath(article), base)
    document = None
    if _is_utf8(relative):
        document = Document(file=relative)
    else:  # bytes that are not UTF-8 (kept by surrogateescape) cannot go into a UTF-8 file
        say(
            f"argmap scaffold: warning: the article's file name {article} is not UTF-8 text, "
            f"so the draft does not name it (document: file:)",
            err=True,
        )
    result = draft(text, None if lang == "auto" else lang, document=document)
    data = result.to_yaml()
    # Standard output too: `argmap scaffold a.txt >> a.txt` must not append to the article.
    write_output(output or "-", data.encode("utf-8"), inputs=[article])
    if output is not None:
        m = result.map
        say(
            f"{output}: drafted {len(m.claims)} claims and {len(m.inferences)} inferences; "
            f"{len(result.unmatched)} passages left out (listed at the end of the file)",
            err=True,
        )


def _is_utf8(name: str) -> bool:
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
