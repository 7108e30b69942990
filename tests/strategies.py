"""Hypothesis strategies for argument maps, shared by the property tests."""

from __future__ import annotations

from hypothesis import strategies as st

from argmap import ArgumentMap, Attack, Claim, Document, Inference, Kind, Source

# Text of every sort a map may hold: Japanese, emoji, quotes, backslashes,
# newlines, control characters, empty strings.
TRICKY = st.sampled_from(
    [
        "",
        "日本",
        "「以上から」",
        "😀",
        '"',
        "'",
        "\\",
        "\\N",
        "\n",
        "\r\n",
        " ",
        "#",
        ": ",
        "- ",
        "~",
        "null",
        "no",
        "1e3",
        "2023-05-09",
        "<Q&A>",
        "\t",
        "\x00",
        "\u2028",
        "\ufeff",
        "{}|",
        "&a",
        "*a",
        "!x",
        # Text that looks like a tag, a directive or a loose number is text.
        "!!str x",
        "! x",
        "!<tag:x> y",
        "%TAG ! tag:x,2000:",
        "\n%YAML 1.1",
        "0_1",
        "\u0661",
        "1" * 50,
    ]
)
TEXT = st.one_of(
    st.text(max_size=30),
    st.lists(st.one_of(TRICKY, st.text(max_size=4)), max_size=6).map("".join),
)
OPTIONAL_TEXT = st.none() | TEXT
#: A claim's text is not empty (only a blank's may be).
CLAIM_TEXT = TEXT.map(lambda t: t if t.strip() else t + "x")
IDS = st.from_regex(r"[A-Za-z][A-Za-z0-9_.\-]{0,6}", fullmatch=True)
URLS = st.builds(
    lambda scheme, rest: f"{scheme}://example.org/{rest}",
    st.sampled_from(["http", "https"]),
    st.from_regex(r"[A-Za-z0-9._~/?=&%-]{0,20}", fullmatch=True),
)
DATES = st.none() | st.dates()
TAGS = st.lists(TEXT, max_size=3).map(tuple)

SOURCES = st.none() | st.builds(
    Source, url=st.none() | URLS, title=OPTIONAL_TEXT, speaker=OPTIONAL_TEXT, date=DATES, quote=OPTIONAL_TEXT
)
DOCUMENTS = st.none() | st.builds(
    Document, title=OPTIONAL_TEXT, url=st.none() | URLS, author=OPTIONAL_TEXT, file=OPTIONAL_TEXT
)


@st.composite
def maps(draw: st.DrawFn, max_claims: int = 8, counter_attacks: bool = False) -> ArgumentMap:
    """Structurally sound maps: every reference points at an element of the right kind.

    With ``counter_attacks`` an attack may also target an attack (itself
    included): a counter-attack.
    """
    ids = draw(st.lists(IDS, min_size=1, max_size=max_claims * 2, unique=True))
    n_claims = draw(st.integers(1, max(1, len(ids) * 2 // 3)))
    claim_ids, rest = ids[:n_claims], ids[n_claims:]
    n_inf = draw(st.integers(0, len(rest)))
    inf_ids, att_ids = rest[:n_inf], rest[n_inf:]
    claims = [
        Claim(
            cid,
            draw(st.sampled_from(list(Kind))),
            draw(CLAIM_TEXT),
            conditional=draw(st.booleans()),
            source=draw(SOURCES),
            note=draw(OPTIONAL_TEXT),
            tags=draw(TAGS),
        )
        for cid in claim_ids
    ]
    claim_choice = st.sampled_from(claim_ids)
    inferences = [
        Inference(
            iid,
            tuple(draw(st.lists(claim_choice, max_size=4))),
            draw(claim_choice),
            marker=draw(OPTIONAL_TEXT),
            scheme=draw(OPTIONAL_TEXT),
            strength=draw(st.none() | st.floats(0, 1)),
            note=draw(OPTIONAL_TEXT),
            tags=draw(TAGS),
        )
        for iid in inf_ids
    ]
    targets = st.sampled_from(claim_ids + inf_ids + (att_ids if counter_attacks else []))
    attacks = [
        Attack(aid, draw(claim_choice), draw(targets), note=draw(OPTIONAL_TEXT), tags=draw(TAGS))
        for aid in att_ids
    ]
    ignore = draw(
        st.dictionaries(st.sampled_from(ids), st.lists(TEXT, min_size=1, max_size=2).map(tuple), max_size=2)
    )
    return ArgumentMap(
        draw(TEXT),
        lang=draw(st.sampled_from(["en", "ja", "en-GB", "zh-Hant"])),
        date=draw(DATES),
        document=draw(DOCUMENTS),
        claims=claims,
        inferences=inferences,
        attacks=attacks,
        ignore=ignore,
    )
