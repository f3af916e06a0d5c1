"""From the listener's thread to the GUI thread: each announced change arrives by a queued
signal, and a burst (a status change writes the post, a revision and a log entry; a script may
write dozens) is handed on as one batch a moment after its first change."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from editor.store.changes import Change

COALESCE_MS = 150  # a batch closes this long after its first change


class LiveBridge(QObject):
    """Owns a :class:`editor.store.notify.ChangeListener` (started by :meth:`listen`)."""

    batch_ready = Signal(list)  # [Change], others' changes only, in arrival order
    reconnected = Signal()  # the connection dropped and is back: refresh everything
    file_changed = Signal()  # SQLite: another connection committed to the file
    file_maybe_changed = Signal()  # SQLite: a change came with our own commits: whose?
    _arrived = Signal(object)  # Change, emitted on the listener's thread
    _came_back = Signal()
    _file_changed = Signal()
    _file_maybe = Signal()

    def __init__(self, parent: QObject | None = None, *, coalesce_ms: int = COALESCE_MS) -> None:
        super().__init__(parent)
        self.origin = ""  # changes made through this window's own store are not news
        self.listener: Any = None
        self.watcher: Any = None
        self._batch: list[Change] = []
        self._timer = QTimer(self, singleShot=True, interval=coalesce_ms)
        self._timer.timeout.connect(self._flush)
        queued = Qt.ConnectionType.QueuedConnection
        self._arrived.connect(self._collect, queued)
        self._came_back.connect(self._reconnected, queued)
        self._file_changed.connect(self._file_touched, queued)
        self._file_maybe.connect(self._file_maybe_touched, queued)

    def listen(self, url: Any, origin: str) -> None:
        from editor.store.notify import ChangeListener

        self.origin = origin
        self.listener = ChangeListener(url, self._arrived.emit, self._came_back.emit)
        self.listener.start()

    def watch_file(self, path: Any, own: Any) -> None:
        """SQLite: two processes on one file (see :mod:`editor.store.file_watch`)."""
        from editor.store.file_watch import DataVersionWatcher

        self.watcher = DataVersionWatcher(path, self._file_changed.emit, own,
                                          on_maybe=self._file_maybe.emit)  # fmt: skip
        self.watcher.start()

    def _file_touched(self) -> None:
        if self.watcher is not None:
            self.file_changed.emit()

    def _file_maybe_touched(self) -> None:
        if self.watcher is not None:
            self.file_maybe_changed.emit()

    def _collect(self, change: Change) -> None:
        if self.listener is None or (self.origin and change.origin == self.origin):
            return
        self._batch.append(change)
        if not self._timer.isActive():  # not restarted: a long burst still shows every 150 ms
            self._timer.start()

    def _flush(self) -> None:
        batch, self._batch = self._batch, []
        if batch:
            self.batch_ready.emit(batch)

    def _reconnected(self) -> None:
        if self.listener is not None:
            self.reconnected.emit()

    def stop(self) -> None:
        """Stop listening (a listener still connecting to an unreachable server ends by itself,
        without calling back: closing a window offline is not held up)."""
        listener, self.listener = self.listener, None
        watcher, self.watcher = self.watcher, None
        self._timer.stop()
        self._batch = []
        if listener is not None:
            listener.stop()
        if watcher is not None:
            watcher.stop()
