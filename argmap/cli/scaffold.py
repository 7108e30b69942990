"""``argmap scaffold ARTICLE.txt``: draft a map from a raw article."""

from __future__ import annotations

import os

import click

from argmap.cli import _common
from argmap.cli._common import max_bytes, max_size_option, say
from argmap.i18n import N_, _, using


@_common.command(
    help=N_(
        "Draft an argument map from the raw text of ARTICLE.\n\n"
        "Attributed statements become evidence (speaker, date, source URL and title), "
        "judgments become conclusions with inferences, suppositions become hypotheses. "
        "Every element's note tells the marker and the article line it came from; "
        "sentences with no marker are listed in a comment at the end. "
        "The notes, the comment and the messages are in the article's language. "
        "See docs/scaffold.md. Exits 0, or 2 for an unreadable article."
    )
)
@click.argument("article", type=_common.Path(dir_okay=True))
@click.option(
    "-o",
    "--output",
    type=_common.Path(dir_okay=False),
    help=N_("Write the draft here instead of to standard output (never over the article itself)."),
)
@click.option(
    "--lang",
    type=click.Choice(["ja", "en", "auto"]),
    default="auto",
    show_default=True,
    help=N_(
        "The article's language, which is also the language of the draft's notes and of the "
        "messages; auto tells Japanese from English."
    ),
)
@max_size_option("articles")
def command(article: str, output: str | None, lang: str, max_size: float) -> None:
    """Draft an argument map from the raw text of ARTICLE.

    Attributed statements become evidence (speaker, date, source URL and
    title), judgments become conclusions with inferences, suppositions become
    hypotheses. Every element's note tells the marker and the article line it
    came from; sentences with no marker are listed in a comment at the end.
    The notes, the comment and the messages are in the article's language.
    See docs/scaffold.md. Exits 0, or 2 for an unreadable article.
    """
    from argmap.fileio import write_output
    from argmap.model import Document
    from argmap.scaffolding import draft, read_article
    from argmap.scaffolding.detect import detect

    if output == "-":
        output = None
    # An unreadable article or an output that cannot be written is reported by
    # the command group, as for every command: an article that cannot be read
    # is reported in the language of --lang, else of the locale.
    text = read_article(article, max_bytes(max_size))
    article_lang = detect(text) if lang == "auto" else lang
    with using(article_lang):
        base = os.path.dirname(os.path.abspath(output)) if output else os.getcwd()
        relative = os.path.relpath(os.path.abspath(article), base)
        document = None
        if _is_utf8(relative):
            document = Document(file=relative)
        else:  # bytes that are not UTF-8 (kept by surrogateescape) cannot go into a UTF-8 file
            say(
                _(
                    "argmap scaffold: warning: the article's file name {name} is not UTF-8 text, "
                    "so the draft does not name it (document: file:)"
                ).format(name=article),
                err=True,
            )
        result = draft(text, article_lang, document=document)
        data = result.to_yaml()
        # Standard output too: `argmap scaffold a.txt >> a.txt` must not append to the article.
        write_output(output or "-", data.encode("utf-8"), inputs=[article])
        if output is not None:
            m = result.map
            say(
                _(
                    "{output}: drafted {claims} claims and {inferences} inferences; "
                    "{left} passages left out (listed at the end of the file)"
                ).format(
                    output=output,
                    claims=len(m.claims),
                    inferences=len(m.inferences),
                    left=len(result.unmatched),
                ),
                err=True,
            )


def _is_utf8(name: str) -> bool:
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
