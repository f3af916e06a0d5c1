"""The suggestions of the open post as a list: who suggested what, with Accept and Reject.

A self-contained widget so the Review panel can host it; until then it has a dock of its own
(:mod:`editor.ui.review.suggest_mount`)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from editor.review.suggestions import Mark

MARK_ROLE = Qt.ItemDataRole.UserRole


class SuggestionsList(QWidget):
    accept_requested = Signal(object)  # Mark
    reject_requested = Signal(object)  # Mark
    all_requested = Signal(bool)  # accept?
    jump_requested = Signal(int)  # a position in the body

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("suggestions")
        self.list = QListWidget(objectName="suggestions_list")
        self.list.setAccessibleName("Suggested edits")
        self.list.setWordWrap(True)
        self.empty = QLabel("No suggested edits in this post.", objectName="suggestions_empty")
        self.accept_button = QPushButton("&Accept", objectName="accept_suggestion")
        self.reject_button = QPushButton("&Reject", objectName="reject_suggestion")
        self.accept_all_button = QPushButton("Accept all", objectName="accept_all_suggestions")
        self.reject_all_button = QPushButton("Reject all", objectName="reject_all_suggestions")
        tips = (
            (self.accept_button, "Keep the suggested change"),
            (self.reject_button, "Keep the text as it was"),
            (self.accept_all_button, "Accept every suggestion in this post"),
            (self.reject_all_button, "Reject every suggestion in this post"),
        )
        for b, tip in tips:
            b.setToolTip(tip)
            b.setAccessibleName(b.text().replace("&", ""))
        one = QHBoxLayout()
        one.addWidget(self.accept_button)
        one.addWidget(self.reject_button)
        every = QHBoxLayout()
        every.addWidget(self.accept_all_button)
        every.addWidget(self.reject_all_button)
        box = QVBoxLayout(self)
        box.setContentsMargins(4, 4, 4, 4)
        box.addWidget(self.empty)
        box.addWidget(self.list, 1)
        box.addLayout(one)
        box.addLayout(every)
        self.accept_button.clicked.connect(lambda: self._one(self.accept_requested))
        self.reject_button.clicked.connect(lambda: self._one(self.reject_requested))
        self.accept_all_button.clicked.connect(lambda: self.all_requested.emit(True))
        self.reject_all_button.clicked.connect(lambda: self.all_requested.emit(False))
        self.list.itemActivated.connect(self._jump)
        self.list.itemClicked.connect(self._jump)
        self.list.currentItemChanged.connect(lambda *_: self._enable())
        self._writable = True
        self.show_marks([], {})

    def show_marks(self, marks: list[Mark], authors: dict[str, str]) -> None:
        """``authors``: a mark's text -> "Name, 2026-12-01 14:03" (marks nobody recorded yet
        are the ones being typed: shown as "you")."""
        row = self.list.currentRow()
        self.list.clear()
        for mark in marks:
            who = authors.get(mark.raw, "not saved yet")
            item = QListWidgetItem(f"{mark.summary(50)}\nline {mark.line} · {who}")
            item.setData(MARK_ROLE, mark)
            item.setToolTip(mark.raw if len(mark.raw) < 400 else mark.raw[:400] + "…")
            self.list.addItem(item)
        if marks:
            self.list.setCurrentRow(min(max(row, 0), len(marks) - 1))
        self.empty.setVisible(not marks)
        self._enable()

    def set_writable(self, writable: bool) -> None:
        self._writable = writable
        self._enable()

    def current_mark(self) -> Mark | None:
        item = self.list.currentItem()
        return item.data(MARK_ROLE) if item is not None else None

    def _enable(self) -> None:
        has_one = self._writable and self.current_mark() is not None
        self.accept_button.setEnabled(has_one)
        self.reject_button.setEnabled(has_one)
        self.accept_all_button.setEnabled(self._writable and self.list.count() > 0)
        self.reject_all_button.setEnabled(self._writable and self.list.count() > 0)

    def _one(self, signal: Signal) -> None:
        mark = self.current_mark()
        if mark is not None:
            signal.emit(mark)  # type: ignore[attr-defined]

    def _jump(self, item: QListWidgetItem) -> None:
        self.jump_requested.emit(item.data(MARK_ROLE).start)
