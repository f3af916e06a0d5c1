"""Text fields a few lines high (a deck, a caption, alt text) that grow with their text.

A fixed height either wastes room or shows half of a last line, and a one-line field scrolls a
sentence out of sight. These show ``min_lines`` to ``max_lines`` whole lines, as many as the
text needs at the field's width, and scroll beyond that.
"""

from __future__ import annotations

import math

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import QPlainTextEdit, QSizePolicy


class GrowingTextEdit(QPlainTextEdit):
    def __init__(self, text: str = "", *, min_lines: int = 2, max_lines: int = 5) -> None:
        super().__init__(text)
        self.min_lines, self.max_lines = min_lines, max_lines
        self.setTabChangesFocus(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.textChanged.connect(self._fit)
        self._fit()

    def text(self) -> str:
        return self.toPlainText()

    def lines_for(self, count: int) -> int:
        """The height that shows exactly ``count`` lines."""
        margin = 2 * self.document().documentMargin() + 2 * self.frameWidth()
        # +2: QPlainTextEdit scrolls unless the last line clears the bottom margin strictly.
        return math.ceil(count * self._line_height() + margin) + 2

    def _line_height(self) -> float:
        """As laid out (the font's height, which is not always its line spacing)."""
        layout = self.document().firstBlock().layout()
        if layout is not None and layout.lineCount():
            return layout.lineAt(0).height()
        return float(self.fontMetrics().height())

    def _fit(self) -> None:
        # A plain-text document's height is counted in (wrapped) lines.
        wanted = int(self.document().size().height()) or 1
        lines = max(self.min_lines, min(self.max_lines, wanted))
        # No scroll bar while the text fits: one shown for a moment narrows the lines, and the
        # layout kept that width once it went (a caption's full stop ran past the edge).
        policy = Qt.ScrollBarPolicy
        fits = wanted <= self.max_lines
        self.setVerticalScrollBarPolicy(
            policy.ScrollBarAlwaysOff if fits else policy.ScrollBarAsNeeded
        )
        height = self.lines_for(lines)
        if self.height() != height:
            self.setFixedHeight(height)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            self._fit()  # rewrapped at the new width


class ParagraphEdit(GrowingTextEdit):
    """A form field of a sentence or two: Enter (without Shift) finishes the edit, and
    ``editingFinished`` comes on Enter or when the focus leaves, as for a QLineEdit."""

    editingFinished = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if enter and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            self.editingFinished.emit()
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.editingFinished.emit()
