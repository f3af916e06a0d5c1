"""Suggest mode in the body editor, key by key: what each key records and what undo takes back."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest

from editor.review.suggestions import accepted, original
from editor.ui.review.compare_dialog import CURRENT, CompareDialog
from editor.ui.review.suggest_mode import SuggestMode
from editor.ui.review.suggestions_list import SuggestionsList
from editor.ui.writing.body_editor import BodyEditor


def _editor(qtbot, text):
    body = BodyEditor()
    qtbot.addWidget(body)
    body.set_text(text)
    mode = SuggestMode(body)
    mode.set_on(True)
    return body, mode


def _caret(body, pos):
    cur = body.textCursor()
    cur.setPosition(pos)
    body.setTextCursor(cur)


def test_typing_backspace_delete_and_enter_are_recorded(qtbot):
    body, _ = _editor(qtbot, "abc def")
    _caret(body, 3)
    QTest.keyClicks(body, "XY")
    assert body.toPlainText() == "abc{++XY++} def"
    QTest.keyClick(body, Qt.Key.Key_Backspace)  # own suggestion: removed outright
    assert body.toPlainText() == "abc{++X++} def"
    _caret(body, body.toPlainText().index("def") + 1)
    QTest.keyClick(body, Qt.Key.Key_Backspace)  # someone's words: struck
    QTest.keyClick(body, Qt.Key.Key_Delete)
    assert body.toPlainText() == "abc{++X++} {--de--}f"
    QTest.keyClick(body, Qt.Key.Key_Return)
    text = body.toPlainText()
    assert accepted(text) == "abcX \nf" and original(text) == "abc def"


def test_a_burst_of_typing_is_one_undo_step_and_off_means_plain_typing(qtbot):
    body, mode = _editor(qtbot, "one two")
    _caret(body, 3)
    QTest.keyClicks(body, " and")
    assert body.toPlainText() == "one{++ and++} two"
    body.undo()
    assert body.toPlainText() == "one two"
    mode.set_on(False)
    body.moveCursor(QTextCursor.MoveOperation.End)
    QTest.keyClicks(body, "!")
    assert body.toPlainText() == "one two!"


def test_accept_all_is_one_undo_step(qtbot):
    body, mode = _editor(qtbot, "a {++b++} {--c--} {~~d~>e~~}")
    assert mode.resolve_all(accept=True) == 3
    assert body.toPlainText() == "a b  e"
    body.undo()
    assert body.toPlainText() == "a {++b++} {--c--} {~~d~>e~~}"


def test_a_brace_is_refused_with_a_message(qtbot):
    body, mode = _editor(qtbot, "abc")
    with qtbot.waitSignal(mode.refused) as got:
        QTest.keyClicks(body, "{")
    assert "'{'" in got.args[0] and body.toPlainText() == "abc"


def test_the_list_offers_accept_and_reject(qtbot):
    from editor.review.suggestions import find_marks

    widget = SuggestionsList()
    qtbot.addWidget(widget)
    marks = find_marks("x {++y++}")
    widget.show_marks(marks, {marks[0].raw: "Ana, 2026-12-01 10:00"})
    assert "Ana" in widget.list.item(0).text() and widget.accept_button.isEnabled()
    with qtbot.waitSignal(widget.accept_requested) as got:
        QTest.mouseClick(widget.accept_button, Qt.MouseButton.LeftButton)
    assert got.args[0] == marks[0]


def test_compare_dialog_shows_both_views(qtbot):
    snaps = {1: {"headline": "Old", "body": "a b c"}, CURRENT: {"headline": "New", "body": "a x c"}}
    dialog = CompareDialog([(1, "#1")], lambda n, done: done(snaps[n]), first=1)
    qtbot.addWidget(dialog)
    assert {d.field for d in dialog.diffs if d.changed} == {"headline", "body"}
    assert "Old" in dialog.side.toPlainText() and "New" in dialog.side.toPlainText()
    dialog.new_choice.setCurrentIndex(dialog.new_choice.findData(1))
    assert dialog.inline.toPlainText() == "No differences."
