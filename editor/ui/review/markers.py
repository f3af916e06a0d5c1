"""Comment markers in the body's left margin: a bar beside each line where an open comment's
words begin. Clicking one opens that comment in the Review panel."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QWidget

WIDTH = 5  # fits in the document's own margin, so no text is covered
COLOR = QColor(230, 160, 0)


class CommentMarkers(QWidget):
    clicked = Signal(int)  # comment id

    def __init__(self, body: QPlainTextEdit) -> None:
        super().__init__(body)
        self.setObjectName("comment_markers")
        self.setAccessibleName("Comment markers")
        self.setToolTip("A comment on these words: click to read it")
        self.body = body
        self._marks: list[tuple[int, int]] = []  # (comment id, position in the body)
        body.verticalScrollBar().valueChanged.connect(lambda _v: self.update())
        body.installEventFilter(self)
        self._place()

    def set_marks(self, marks: list[tuple[int, int]]) -> None:
        self._marks = marks
        self._place()
        self.setVisible(bool(marks))
        self.update()

    def shown(self) -> list[tuple[int, QRect]]:
        """The markers in view: comment id and where its bar is drawn."""
        doc, out = self.body.document(), []
        last = max(0, doc.characterCount() - 1)
        for comment_id, position in self._marks:
            cursor = QTextCursor(doc)
            cursor.setPosition(min(position, last))
            r = self.body.cursorRect(cursor)
            if r.bottom() >= 0 and r.top() <= self.height():
                out.append((comment_id, QRect(0, r.top(), WIDTH, r.height())))
        return out

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.LayoutRequest):
            self._place()
        return False

    def _place(self) -> None:
        viewport = self.body.viewport().geometry()
        self.setGeometry(viewport.x(), viewport.y(), WIDTH, viewport.height())
        self.raise_()

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        for _id, rect in self.shown():
            painter.fillRect(rect.adjusted(1, 1, 0, -1), COLOR)
        painter.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        at = QPoint(int(event.position().x()), int(event.position().y()))
        for comment_id, rect in self.shown():
            if rect.top() <= at.y() <= rect.bottom():
                self.clicked.emit(comment_id)
                return
        super().mousePressEvent(event)
