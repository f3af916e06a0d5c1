"""The headline's spelling wave sits under its word, also in a field scrolled to its end."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit

from editor.proofing.problems import Problem
from editor.ui.proofing.field_marks import FieldUnderlines, spans

HEADLINE = "In the high Andes a radio station runs on sunlight and stubborness"


def _problem(field: str, text: str, word: str) -> Problem:
    start = text.index(word)
    return Problem(field, start, start + len(word), word, "spelling", f"“{word}”: spelling?")


def test_spans_find_whole_words_only():
    assert spans("teh cat; tehran teh", {"teh"}) == [(0, 3), (16, 19)]
    assert spans("anything", {""}) == []


@pytest.mark.parametrize("caret", ["end", "start"])
def test_the_wave_is_under_the_word_where_the_field_shows_it(qtbot, caret):
    headline, deck = QLineEdit(HEADLINE), QPlainTextEdit("A deck with a tpyo.")
    qtbot.addWidget(headline)
    qtbot.addWidget(deck)
    headline.resize(220, 30)  # far narrower than the headline: it scrolls
    headline.show()
    qtbot.waitExposed(headline)
    headline.setCursorPosition(len(HEADLINE) if caret == "end" else 0)
    qtbot.wait(100)  # a QLineEdit scrolls to its caret when it paints (the layer paints after)
    marks = FieldUnderlines(headline, deck)
    marks.show([_problem("headline", HEADLINE, "stubborness"),
                _problem("deck", deck.toPlainText(), "tpyo")])  # fmt: skip
    assert marks.deck_underlined() == ["tpyo"]
    ranges = marks.overlay.ranges()
    assert len(ranges) == 1
    left, right = ranges[0]
    if caret == "start":
        assert left > headline.width()  # scrolled out of sight on the right: nothing to see
        return
    assert 0 < left < right <= headline.width()
    middle = QPoint(int((left + right) / 2), headline.height() // 2)
    start = HEADLINE.index("stubborness")
    assert start < headline.cursorPositionAt(middle) < start + len("stubborness")
