"""Suggested edits in CriticMarkup: parsing, accepting, rejecting, and editing in Suggest mode."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from editor.review.suggest_typing import apply_live_edit, live_offset, marked_offset, suggest_edit
from editor.review.suggestions import (
    MarkupError,
    accepted,
    find_marks,
    mark_at,
    original,
    resolve,
    where,
)

# Braces and ``~`` cannot be carried inside CriticMarkup (refused); ``+`` and ``-`` can.
TEXT = st.text(alphabet="ab cd.,+-'\n", max_size=40)


def test_the_three_marks_and_the_two_views():
    text = "A {++big ++}dog {--really --}{~~ran~>walked~~} home.{>>why?<<}"
    kinds = [m.kind for m in find_marks(text)]
    assert kinds == ["insert", "delete", "replace", "comment"]
    assert accepted(text) == "A big dog walked home."
    assert original(text) == "A dog really ran home."


def test_accept_or_reject_one_mark_leaves_the_others():
    text = "{~~teh~>the~~} cat {--sat--}"
    first, second = find_marks(text)
    assert resolve(text, first, accept=True) == "the cat {--sat--}"
    assert resolve(text, second, accept=False) == "{~~teh~>the~~} cat sat"


def test_marks_know_their_line_and_where_says_it():
    text = "one\n\ntwo {++x++}\n\nthree {--y--}"
    marks = find_marks(text)
    assert [m.line for m in marks] == [3, 5]
    assert where({"body": marks, "headline": []}) == "body lines 3, 5"


def test_mark_at_a_caret_inside_or_just_after():
    text = "ab {--cd--} ef"
    assert mark_at(text, 5).kind == "delete"
    assert mark_at(text, 11).kind == "delete"
    assert mark_at(text, 1) is None


def test_typing_over_a_word_suggests_a_replacement_and_keeps_typing_inside_it():
    text = "The quick fox."
    marked = apply_live_edit(text, 4, 9, "s")
    assert marked == "The {~~quick~>s~~} fox."
    edit = suggest_edit(marked, marked.index("s~~") + 1, marked.index("s~~") + 1, "low")
    assert edit.apply(marked) == "The {~~quick~>slow~~} fox."
    assert edit.caret == edit.apply(marked).index("slow") + 4


def test_deleting_ones_own_suggestion_removes_it_and_backspace_caret_goes_before_struck_text():
    marked = apply_live_edit("ab", 2, 2, "cd")
    assert marked == "ab{++cd++}"
    assert apply_live_edit(marked, 2, 4, "") == "ab"
    edit = suggest_edit("abc", 2, 3, "")
    assert edit.apply("abc") == "ab{--c--}"
    assert edit.caret == 2


def test_typed_text_that_would_break_the_markup_is_refused():
    with pytest.raises(MarkupError):
        suggest_edit("abc", 1, 1, "}")


@st.composite
def rounds(draw):
    """An original text and a round of edits (each a live range and what replaces it)."""
    text = draw(TEXT)
    edits = []
    live = text
    for _ in range(draw(st.integers(0, 8))):
        a = draw(st.integers(0, len(live)))
        b = draw(st.integers(a, min(len(live), a + 6)))
        typed = draw(st.text(alphabet="xy z+-", max_size=4))
        edits.append((a, b, typed))
        live = live[:a] + typed + live[b:]
    return text, edits, live


@settings(max_examples=400, deadline=None)
@given(rounds())
def test_accept_all_gives_the_intended_text_and_reject_all_the_original(case):
    text, edits, intended = case
    marked = text
    for a, b, typed in edits:
        marked = apply_live_edit(marked, a, b, typed)
    assert accepted(marked) == intended
    assert original(marked) == text


@settings(max_examples=200, deadline=None)
@given(rounds(), st.data())
def test_accepting_and_rejecting_one_by_one_in_any_order_gives_a_consistent_text(case, data):
    text, edits, intended = case
    marked = text
    for a, b, typed in edits:
        marked = apply_live_edit(marked, a, b, typed)
    choices = []
    while marks := find_marks(marked):
        mark = marks[data.draw(st.integers(0, len(marks) - 1))]
        accept = data.draw(st.booleans())
        choices.append(accept)
        marked = resolve(marked, mark, accept=accept)
    if all(choices):
        assert marked == intended
    if not any(choices):
        assert marked == text


@settings(max_examples=200, deadline=None)
@given(rounds())
def test_live_and_marked_offsets_round_trip(case):
    text, edits, _ = case
    marked = text
    for a, b, typed in edits:
        marked = apply_live_edit(marked, a, b, typed)
    for live in range(len(accepted(marked)) + 1):
        assert live_offset(marked, marked_offset(marked, live)) == live
