"""The re-split after an edit (editor/render/resplit.py) gives exactly the whole split."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from editor.render.blocks import split_blocks
from editor.render.resplit import BlockSplitter
from tests.helpers.preview import long_post

PIECES = [
    "Plain words here.", "## A subhead", "- item one\n- item two", "> quoted\n> more",
    "```\ncode\n\nmore code\n```", '::: related "See"\n[a link](https://x.org)\n:::',
    "    indented code", "1. first", "A [link](https://x.org) too.", "Some <b>raw</b>",
    "Note[^1].\n\n[^1]: The note.", "Title\n=====", "***", "tab\there", "  two spaces",
    "::: lang fr\nBonjour.\n:::", "",
]  # fmt: skip
SNIPPETS = ["x", " ", "\n", "\n\n", "\n\n\n", "- ", "> ", "```", ":::", "    ", "[^", "<",
            "word ", "## ", "1. ", "\t", "~~~", "\r\n"]  # fmt: skip


@st.composite
def texts_and_edits(draw):
    parts = draw(st.lists(st.sampled_from(PIECES), min_size=0, max_size=10))
    text = "\n\n".join(parts)
    edits = []
    for _ in range(draw(st.integers(1, 8))):
        where = draw(st.integers(0, len(text)))
        if draw(st.booleans()):
            cut = draw(st.integers(0, min(6, len(text) - where)))
            text = text[:where] + text[where + cut :]
        else:
            text = text[:where] + draw(st.sampled_from(SNIPPETS)) + text[where:]
        edits.append(text)
    return "\n\n".join(parts), edits


@settings(max_examples=400, deadline=None)
@given(texts_and_edits())
def test_every_edit_splits_as_the_whole_text_does(case):
    first, edits = case
    splitter = BlockSplitter()
    assert splitter.split(first) == split_blocks(first)
    for text in edits:
        assert splitter.split(text) == split_blocks(text), repr(text)


def test_typing_in_a_long_post_takes_the_short_way():
    """A letter, then Enter twice and a new paragraph, in a 20,000-word post: re-split around
    the edit (the shortcut is what makes it cheap; the whole split would give the same)."""
    text = long_post(20_000)
    splitter = BlockSplitter()
    splitter.split(text)
    middle = text.index("Paragraph 200.")
    for edited in (
        text[:middle] + "x" + text[middle:],
        text[:middle] + "x\n\nA new paragraph.\n\n" + text[middle:],
    ):
        assert splitter._resplit(edited) is not None
        assert splitter.split(edited) == split_blocks(edited)
