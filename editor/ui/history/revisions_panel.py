"""Revision history: a dockable list of snapshots, a read-only view of one, and Restore."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDockWidget,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from editor.ui.writing.post_list import when

if TYPE_CHECKING:
    from editor.ui.window.jobs import RevisionRow

NUMBER_ROLE = Qt.ItemDataRole.UserRole

REASONS = {
    "created": "Created",
    "editing": "Editing checkpoint",
    "status": "Status change",
    "manual": "Saved version",
    "restore": "Restore",
    "conflict": "Conflict",
    "import": "Imported",
}


class RevisionsPanel(QDockWidget):
    revision_chosen = Signal(int)
    restore_requested = Signal(int)
    save_version_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Revision history", parent)
        self.setObjectName("revisions_dock")
        self.list = QListWidget(objectName="revisions")
        self.view = QPlainTextEdit(objectName="revision_text", readOnly=True)
        self.view.setPlaceholderText("Pick a revision to read it.")
        self.list.setAccessibleName("Revisions")
        self.view.setAccessibleName("Revision text")
        self.restore_button = QPushButton("Restore", objectName="restore", enabled=False)
        self.save_button = QPushButton("Save version…", objectName="save_version")
        self._writable = True
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.list)
        split.addWidget(self.view)
        split.setStretchFactor(1, 2)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        buttons.addWidget(self.restore_button)
        body = QWidget()
        box = QVBoxLayout(body)
        box.setContentsMargins(4, 4, 4, 4)
        box.addWidget(split, 1)
        box.addLayout(buttons)
        self.setWidget(body)
        self.list.currentItemChanged.connect(self._current_changed)
        self.restore_button.clicked.connect(self._restore)
        self.save_button.clicked.connect(self.save_version_requested)

    def show_revisions(self, rows: list[RevisionRow], *, same_post: bool = True) -> None:
        """Fill the list; a refresh of the same post keeps the revision being read."""
        current = self.list.currentItem()
        keep = current.data(NUMBER_ROLE) if current is not None and same_post else None
        self.list.blockSignals(True)
        self.list.clear()
        for row in rows:
            reason = REASONS.get(row.reason, row.reason)
            text = f"#{row.number}  {when(row.created_at)}  {reason}"
            if row.label:
                text += f" — {row.label}"
            item = QListWidgetItem(text)
            item.setData(NUMBER_ROLE, row.number)
            item.setToolTip(f"{row.created_at.astimezone():%Y-%m-%d %H:%M:%S} · {row.status}")
            self.list.addItem(item)
            if row.number == keep:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        if self.list.currentItem() is None:
            self.view.clear()
        self.restore_button.setEnabled(self._writable and self.list.currentItem() is not None)

    def show_text(self, number: int, text: str) -> None:
        item = self.list.currentItem()
        if item is not None and item.data(NUMBER_ROLE) == number:
            self.view.setPlainText(text)

    def set_writable(self, writable: bool) -> None:
        self.save_button.setEnabled(writable)
        self._writable = writable
        self.restore_button.setEnabled(writable and self.list.currentItem() is not None)

    def _current_changed(self, item: QListWidgetItem | None, _prev: object) -> None:
        self.restore_button.setEnabled(item is not None and self._writable)
        if item is not None:
            self.revision_chosen.emit(item.data(NUMBER_ROLE))

    def _restore(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.restore_requested.emit(item.data(NUMBER_ROLE))
