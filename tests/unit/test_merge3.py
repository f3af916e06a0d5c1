"""Three-way merges of texts and post states: what merges by itself, what becomes a
suggestion, and what is kept."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from editor.review import suggestions as critic
from editor.review.merge3 import diff3, merge_list, merge_text, merge_value
from editor.review.merge_state import merge_states

BASE = "One fine day.\n\nThe quick brown fox jumps.\n\nThe end is near."


def test_diff3_finds_the_stable_runs():
    chunks = diff3("abcde", "abXde", "abcdY")
    assert [c.stable for c in chunks] == [True, False, True, False]


def test_changes_in_different_paragraphs_merge_by_themselves():
    ours = BASE.replace("One fine day", "One rainy day")
    theirs = BASE.replace("The end is near", "The end is far")
    merged = merge_text(BASE, ours, theirs)
    assert merged.text == "One rainy day.\n\nThe quick brown fox jumps.\n\nThe end is far."
    assert merged.conflicts == 0


def test_changes_to_different_words_of_one_paragraph_merge_too():
    ours = BASE.replace("quick", "slow")
    theirs = BASE.replace("jumps", "sleeps")
    assert "The slow brown fox sleeps." in merge_text(BASE, ours, theirs).text


def test_the_same_words_changed_twice_become_a_suggestion_with_their_words():
    ours = BASE.replace("quick", "fast")
    theirs = BASE.replace("quick", "speedy")
    merged = merge_text(BASE, ours, theirs)
    assert merged.suggestions == ["{~~fast~>speedy~~}"]
    assert critic.accepted(merged.text) == theirs
    assert critic.original(merged.text) == ours


def test_one_side_unchanged_takes_the_other():
    changed = BASE.replace("fox", "dog")
    assert merge_text(BASE, BASE, changed).text == changed
    assert merge_text(BASE, changed, BASE).text == changed


def test_text_that_already_holds_marks_keeps_ours_and_counts_it():
    ours = BASE.replace("quick", "{~~quick~>fast~~}")
    theirs = BASE.replace("quick", "speedy")
    merged = merge_text(BASE, ours, theirs)
    assert merged.text == ours and merged.kept == 1


def test_values_and_lists():
    assert merge_value("a", "a", "b") == ("b", False)
    assert merge_value("a", "c", "b") == ("c", True)
    assert merge_list(["x", "y"], ["x", "y", "ours"], ["y", "theirs"]) == ["y", "ours", "theirs"]


def _state(**content):
    base = {"headline": "H", "deck": "", "body": BASE, "tags": [], "byline": "B"}
    return {"content": {**base, **content}, "status": "draft",
            "photos": {"p1": {"caption": "At dawn.", "credit": "Ana"}}}  # fmt: skip


def test_credit_changed_on_one_side_and_caption_on_the_other_keeps_both():
    base, ours, theirs = _state(), _state(), _state()
    ours["photos"]["p1"]["credit"] = "Ana Ruiz/AP"
    theirs["photos"]["p1"]["caption"] = "At dawn, in Potosí."
    merged = merge_states(base, ours, theirs)
    assert merged.state["photos"]["p1"] == {"caption": "At dawn, in Potosí.",
                                            "credit": "Ana Ruiz/AP"}  # fmt: skip
    assert not merged.kept


def test_without_a_base_every_difference_is_a_conflict_and_ours_stays_for_plain_fields():
    ours = _state(byline="Mine", body=BASE.replace("fox", "cat"))
    theirs = _state(byline="Theirs", body=BASE.replace("fox", "owl"))
    merged = merge_states(None, ours, theirs)
    assert merged.state["content"]["byline"] == "Mine" and "byline" in merged.kept
    body = merged.state["content"]["body"]
    assert critic.original(body) == ours["content"]["body"]
    assert critic.accepted(body) == theirs["content"]["body"]
    assert "One fine day." in body and "{~~" not in body.split("\n\n")[0]


def test_the_headline_merges_words_but_keeps_ours_where_both_changed_the_same_words():
    base = _state(headline="Night bus to Potosí")
    ours = _state(headline="Night bus to Potosí, at last")
    theirs = _state(headline="Night train to Potosí")
    merged = merge_states(base, ours, theirs)
    assert merged.state["content"]["headline"] == "Night train to Potosí, at last"
    ours = _state(headline="Late bus to Potosí")
    theirs = _state(headline="Early bus to Potosí")
    merged = merge_states(base, ours, theirs)
    assert merged.state["content"]["headline"] == "Late bus to Potosí"
    assert merged.kept == ["headline"] and not merged.suggestions


WORDS = ["radio", "the", "village", "power", "line", "solar", "bus", "market", "dawn", "."]


def _edit(base: list[str], edits: list[tuple[int, int, str]]) -> list[str]:
    out = list(base)
    for at, kind, word in sorted(edits, reverse=True):
        at %= len(out) + 1
        if kind == 0 and at < len(out):
            out[at] = word
        elif kind == 1 and at < len(out):
            del out[at]
        else:
            out.insert(at, word)
    return out


_edits = st.lists(st.tuples(st.integers(0, 60), st.integers(0, 2), st.sampled_from(WORDS)),
                  max_size=6)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.lists(st.sampled_from(WORDS), min_size=1, max_size=12), min_size=1, max_size=5),
    _edits,
    _edits,
)
def test_rejecting_every_suggestion_gives_ours_merged_and_accepting_gives_theirs(
    paragraphs, ours_edits, theirs_edits
):
    """Nothing is lost either way: with every suggestion rejected the merge is the merge that
    prefers ours, with every one accepted the merge that prefers theirs."""
    base_words = [w for p in paragraphs for w in (*p, "\n\n")][:-1]
    base = " ".join(base_words)
    ours = " ".join(_edit(base_words, ours_edits))
    theirs = " ".join(_edit(base_words, theirs_edits))
    ab, ba = merge_text(base, ours, theirs), merge_text(base, theirs, ours)
    if ab.kept or ba.kept:
        return
    assert critic.original(ab.text) == critic.accepted(ba.text)
    assert critic.accepted(ab.text) == critic.original(ba.text)
    if not ab.suggestions:  # a clean merge holds both sides' changes, in either order
        assert ab.text == ba.text
    if ours == base:
        assert ab.text == theirs
