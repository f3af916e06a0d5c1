"""Word diffs: words, never characters; both texts are always recoverable from the result."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from editor.review.worddiff import diff_fields, diff_words, inline_html, inline_text, side_html

WORDS = st.lists(st.sampled_from(["the", "cat", "sat", "on", "mat", ".", "\n\n", "a", "dog!"]),
                 max_size=60).map(" ".join)  # fmt: skip


def test_a_changed_word_is_one_whole_word_not_letters():
    ops = diff_words("The cat sat on the mat.", "The cat stood on the mat.")
    changes = [op for op in ops if op.tag != "equal"]
    assert [(op.old, op.new) for op in changes] == [("sat", "stood")]
    assert inline_text(ops) == "The cat [-sat-]{+stood+} on the mat."


def test_neighbouring_changed_words_read_as_one_change():
    ops = diff_words("one two three four", "one 2 3 four")
    assert inline_text(ops) == "one [-two three-]{+2 3+} four"


def test_html_views_escape_and_mark_both_sides():
    ops = diff_words("a <b> c", "a <i> c")
    assert "<del>b</del>" in inline_html(ops) and "&lt;" in inline_html(ops)
    assert "<ins>i</ins>" in side_html(ops, "new") and "<del>" not in side_html(ops, "new")


def test_fields_are_compared_one_by_one_and_lists_as_text():
    diffs = {
        d.field: d
        for d in diff_fields(
            {"headline": "Old title", "tags": ["a", "b"], "body": "x"},
            {"headline": "New title", "tags": ["a", "c"], "body": "x"},
        )
    }
    assert diffs["headline"].changed and diffs["tags"].changed
    assert not diffs["body"].changed
    assert diffs["headline"].counts() == (1, 1)


@settings(max_examples=300, deadline=None)
@given(WORDS, WORDS)
def test_the_diff_holds_both_texts_exactly(a, b):
    ops = diff_words(a, b)
    assert "".join(op.old for op in ops) == a
    assert "".join(op.new for op in ops) == b
    for op in ops:
        assert (op.tag == "equal") == (op.old == op.new)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(["alpha", "beta", "gamma."]), min_size=1, max_size=200))
def test_an_unchanged_long_text_is_one_equal_piece(words):
    text = " ".join(words)
    assert [op.tag for op in diff_words(text, text)] == ["equal"]


def test_diff_snapshots_compares_photo_texts_by_id_with_file_names_in_labels():
    from editor.review.worddiff import diff_snapshots

    photo = {"id": 4, "uuid": "u", "filename": "mast.jpg", "caption": "At dawn.", "credit": "Ana"}
    old = {"headline": "Radio", "photos": [photo]}
    new = {"headline": "Radio", "photos": [{**photo, "caption": "At noon."}]}
    diffs, note = diff_snapshots(old, new)
    changed = {d.field: d for d in diffs if d.changed}
    assert note == "" and list(changed) == ["photo:4:caption"]
    assert changed["photo:4:caption"].label == "Photo “mast.jpg” caption"
    gone, _ = diff_snapshots(old, {"headline": "Radio", "photos": []})
    assert {d.field for d in gone if d.changed} == {"photo:4:caption", "photo:4:credit"}
    _, note = diff_snapshots({"headline": "Radio"}, new, old_name="revision 2")
    assert note.startswith("No photos recorded in revision 2")
