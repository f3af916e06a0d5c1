"""Outbox view: pushes waiting for the network, with Retry now and Cancel.

Reads the outbox in one short session per refresh; sending is the app's job
(``editor.services.outbox.process_outbox``), so this widget never blocks on the network.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from editor.errors import BylineError
from editor.services import outbox
from editor.store.database import Store

COLUMNS = ("Post", "Target", "Status", "State", "Attempts", "Next try", "Last error")


class OutboxPanel(QWidget):
    retry_requested = Signal()  # the app sends what is due (off the GUI thread)

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setAccessibleName("Pushes waiting to be sent")
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(
            len(COLUMNS) - 1, QHeaderView.ResizeMode.Stretch
        )
        self.summary = QLabel("")
        self.retry_button = QPushButton("&Retry now")
        self.cancel_button = QPushButton("&Cancel")
        self.retry_button.clicked.connect(self.retry_selected)
        self.cancel_button.clicked.connect(self.cancel_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(self.summary, 1)
        buttons.addWidget(self.retry_button)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self._ids: list[int] = []
        self.refresh()

    def refresh(self) -> None:
        with self._store.session() as s:
            rows = outbox.list_outbox(s)
        self._ids = [r.id for r in rows]
        self.table.setRowCount(len(rows))
        for i, r in enumerate(rows):
            values = (
                r.headline,
                r.target,
                r.requested_status,
                r.state,
                str(r.attempts),
                r.next_attempt_at.astimezone().strftime("%Y-%m-%d %H:%M"),
                r.last_error,
            )
            for j, value in enumerate(values):
                self.table.setItem(i, j, QTableWidgetItem(value))
        self.summary.setText(f"{len(rows)} waiting" if rows else "Nothing waiting to be sent.")
        self.retry_button.setEnabled(bool(rows))
        self.cancel_button.setEnabled(bool(rows))

    def selected_id(self) -> int | None:
        row = self.table.currentRow()
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def retry_selected(self) -> None:
        item_id = self.selected_id()
        if item_id is None:
            return
        self._act(lambda s: outbox.retry_now(s, item_id))
        self.retry_requested.emit()

    def cancel_selected(self) -> None:
        item_id = self.selected_id()
        if item_id is not None:
            self._act(lambda s: outbox.cancel(s, item_id))

    def _act(self, action) -> None:  # type: ignore[no-untyped-def]
        try:
            with self._store.session() as s:
                action(s)
        except BylineError as exc:
            self.summary.setText(str(exc))
            return
        self.refresh()
