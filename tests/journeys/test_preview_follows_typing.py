"""Issue 9, item 1: the live preview keeps following the text after Enter, also after a restart.

A writer types a paragraph, presses Enter twice and keeps typing. The first Enter changes no
block of the page (a trailing newline renders the same), and that "nothing to patch" answer
used to leave the preview waiting forever for a reply that never came.
"""

from __future__ import annotations

PARAGRAPH = "The council met at nine and voted before ten."
NEXT = "Nobody asked about the budget, which was the point."
THIRD = "A third paragraph, typed after another Enter."


def _writes_three_paragraphs(j) -> None:
    j.caret_to_end()
    j.type("\n\n" + PARAGRAPH)
    j.wait_preview_matches()
    j.type("\n", paced=True)  # an Enter that changes nothing on the page, then a pause
    j.type("\n" + NEXT)
    j.wait_preview_matches()
    assert NEXT in j.preview_text()
    j.type("\n\n" + THIRD)
    j.wait_preview_matches()
    assert j.preview_text().rstrip().endswith(THIRD)
    j.wait_preview_idle()


def test_typing_on_after_enter_twice_shows_in_the_preview(journey, db_path):
    _writes_three_paragraphs(journey(db_path))


def test_after_a_restart_the_preview_still_follows_enter_and_typing(journey, db_path):
    first = journey(db_path)
    _writes_three_paragraphs(first)
    first.wait_saved()
    first.window.close()

    again = journey(db_path)  # the same database and settings: reopens the same post
    assert THIRD in again.window.body.toPlainText()
    again.wait_preview_matches()
    again.caret_to_end()
    again.type("\n", paced=True)
    again.type("\nWritten after the restart.")
    again.wait_preview_matches()
    assert again.preview_text().rstrip().endswith("Written after the restart.")
    again.wait_preview_idle()
