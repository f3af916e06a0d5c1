"""Comment anchors find their words again after edits, or say they are detached."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from editor.services.anchors import Anchor, anchor_at, locate

# The quote is made of letters the edits never type, so an edit can neither touch nor copy it.
QUOTE_WORDS = st.lists(st.text("abcdefghij", min_size=1, max_size=7), min_size=1, max_size=5)
OTHER_TEXT = st.text("klmnopqrstuvwxyz .,\n", max_size=60)


@st.composite
def edited(draw):
    quote = " ".join(draw(QUOTE_WORDS))
    before, after = draw(OTHER_TEXT), draw(OTHER_TEXT)
    text = before + quote + after
    anchor = anchor_at(text, len(before), len(before) + len(quote))
    # Random inserts, deletions and replacements, each wholly before or wholly after the quote.
    for _ in range(draw(st.integers(0, 8))):
        start = text.find(quote)  # the only place: no other text has its letters
        side = draw(st.sampled_from(["before", "after"]))
        lo, hi = (0, start) if side == "before" else (start + len(quote), len(text))
        a = draw(st.integers(lo, hi))
        b = draw(st.integers(a, min(hi, a + 10)))
        text = text[:a] + draw(OTHER_TEXT) + text[b:]
    return text, quote, anchor


@settings(max_examples=300, deadline=None)
@given(edited())
def test_edits_outside_the_quote_keep_the_comment_on_the_same_words(case):
    text, quote, anchor = case
    span = locate(text, anchor)
    assert span is not None and span.exact
    assert text[span.start : span.end] == quote
    assert span.start == text.find(quote)


@settings(max_examples=200, deadline=None)
@given(edited())
def test_deleting_the_words_detaches_the_comment(case):
    text, quote, anchor = case
    at = text.find(quote)
    gone = text[:at] + text[at + len(quote) :]
    assert locate(gone, anchor) is None
    assert anchor.quote == quote  # shown with its quote


def test_the_same_words_twice_are_told_apart_by_what_surrounds_them():
    text = "The station runs on sunlight. Nobody said the station is small."
    second = text.rfind("station")
    anchor = anchor_at(text, second, second + len("station"))
    edited = "Since 1994, " + text.replace("Nobody said", "Nobody ever said")
    span = locate(edited, anchor)
    assert span is not None and edited[span.start - 4 : span.end] == "the station"


def test_a_small_change_inside_the_words_is_found_fuzzily():
    text = "Intro. The volunteers built their own solar array on the roof. End."
    quote = "built their own solar array on the roof"
    start = text.find(quote)
    anchor = anchor_at(text, start, start + len(quote))
    edited = text.replace("solar array", "solar arrays").replace("Intro.", "A longer intro.")
    span = locate(edited, anchor)
    assert span is not None and not span.exact
    assert edited[span.start : span.end].startswith("built their own solar arrays")


def test_an_empty_quote_is_never_found():
    assert locate("anything", Anchor("")) is None
