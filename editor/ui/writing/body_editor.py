"""The Markdown body editor: a plain-text editor with formatting commands.

Formatting edits go through one QTextCursor edit block each, so a single undo reverts them.
"""

from __future__ import annotations

import re

from PySide6.QtCore import Signal
from PySide6.QtGui import QFocusEvent, QFontDatabase, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from editor.ui.writing.highlighter import MarkdownHighlighter

WORDS_PER_MINUTE = 230
_WORD = re.compile(r"\w+(?:['’.-]\w+)*", re.UNICODE)
_LINE_PREFIX = re.compile(r"^(#{1,6}\s+|>\s?|[-*+]\s+|\d+[.)]\s+)")


def count_words(text: str) -> int:
    return sum(1 for _ in _WORD.finditer(text))


def reading_minutes(words: int) -> int:
    return max(1, round(words / WORDS_PER_MINUTE)) if words else 0


class BodyEditor(QPlainTextEdit):
    focus_lost = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("body")
        self.setAccessibleName("Body")
        self.setPlaceholderText("Write the story here. Markdown: ## subhead, **bold**, _italic_…")
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont)
        font.setPointSizeF(max(font.pointSizeF(), 10.0) * 1.15)
        self.setFont(font)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.document().setDocumentMargin(12)
        self.highlighter = MarkdownHighlighter(self.document())

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.focus_lost.emit()

    def set_text(self, text: str) -> None:
        """Replace the text without an undo step back into another post's text."""
        self.setPlainText(text)
        self.document().clearUndoRedoStacks()
        self.moveCursor(QTextCursor.MoveOperation.Start)

    # -- formatting -------------------------------------------------------------------------
    def wrap_selection(self, marker: str, placeholder: str = "text") -> None:
        """Bold/italic: wrap the selection (or a placeholder) in ``marker``; unwrap if wrapped."""
        cur = self.textCursor()
        text = cur.selectedText()
        n = len(marker)
        cur.beginEditBlock()
        if text.startswith(marker) and text.endswith(marker) and len(text) >= 2 * n:
            cur.insertText(text[n:-n])
        elif text:
            start = cur.selectionStart()
            cur.insertText(f"{marker}{text}{marker}")
            cur.setPosition(start + n)
            cur.setPosition(start + n + len(text), QTextCursor.MoveMode.KeepAnchor)
        else:
            start = cur.position()
            cur.insertText(f"{marker}{placeholder}{marker}")
            cur.setPosition(start + n)
            cur.setPosition(start + n + len(placeholder), QTextCursor.MoveMode.KeepAnchor)
        cur.endEditBlock()
        self.setTextCursor(cur)

    def insert_link(self, url: str = "https://") -> None:
        cur = self.textCursor()
        label = cur.selectedText() or "link text"
        cur.beginEditBlock()
        start = cur.selectionStart() if cur.hasSelection() else cur.position()
        cur.insertText(f"[{label}]({url})")
        url_start = start + len(label) + 3
        cur.setPosition(url_start)
        cur.setPosition(url_start + len(url), QTextCursor.MoveMode.KeepAnchor)
        cur.endEditBlock()
        self.setTextCursor(cur)

    def set_line_prefix(self, prefix: str) -> None:
        """Subhead, quote, list: prefix each selected line (or unprefix if all have it)."""
        cur = self.textCursor()
        doc = self.document()
        first = doc.findBlock(cur.selectionStart())
        last = doc.findBlock(cur.selectionEnd())
        blocks = [first]
        while blocks[-1] != last and blocks[-1].next().isValid():
            blocks.append(blocks[-1].next())
        remove = all(b.text().startswith(prefix) for b in blocks)
        cur.beginEditBlock()
        for block in blocks:
            line = QTextCursor(block)
            existing = _LINE_PREFIX.match(block.text())
            if existing:
                line.setPosition(block.position() + existing.end(), QTextCursor.MoveMode.KeepAnchor)
            line.insertText("" if remove else prefix)
        cur.endEditBlock()
