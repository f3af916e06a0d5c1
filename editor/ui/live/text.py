"""Putting another person's version of the body into the editor as a person would hardly
notice: only the changed stretch is replaced, so the caret, the selection and the scroll stay
where they were (Qt moves them with the text around them)."""

from __future__ import annotations

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QPlainTextEdit


def changed_span(old: str, new: str) -> tuple[int, int, str]:
    """(start, end) in ``old`` and the text that replaces it to give ``new``."""
    start = 0
    limit = min(len(old), len(new))
    while start < limit and old[start] == new[start]:
        start += 1
    end_old, end_new = len(old), len(new)
    while end_old > start and end_new > start and old[end_old - 1] == new[end_new - 1]:
        end_old -= 1
        end_new -= 1
    return start, end_old, new[start:end_new]


def replace_keeping_caret(editor: QPlainTextEdit, new: str) -> None:
    """Make ``editor`` hold ``new``. The undo history is cleared (as when a post is opened):
    Undo must never take back someone else's words as if they were the person's own."""
    doc = editor.document()
    old = editor.toPlainText()
    start, end, middle = changed_span(old, new)
    bar = editor.verticalScrollBar()
    scrolled = bar.value()
    doc.setUndoRedoEnabled(False)
    try:
        cursor = QTextCursor(doc)
        cursor.setPosition(_utf16(old, start))
        cursor.setPosition(_utf16(old, end), QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(middle)
    finally:
        doc.setUndoRedoEnabled(True)
    bar.setValue(min(scrolled, bar.maximum()))


def _utf16(text: str, index: int) -> int:
    """Qt counts positions in UTF-16 units: an emoji is two."""
    head = text[:index]
    return index + sum(1 for ch in head if ord(ch) > 0xFFFF)
