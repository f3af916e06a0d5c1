"""When to save: shortly after typing stops, and never later than a deadline while it goes on.

The issue allows at most 2 s of typing to be lost. The idle delay and the maximum wait are kept
well under that so the save itself (queued on the worker, a few ms) still lands in time.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

IDLE_MS = 750
MAX_WAIT_MS = 1000


class AutosaveTimer(QObject):
    """Call :meth:`touch` on every edit; ``save_due`` fires when the edits should be saved."""

    save_due = Signal()

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        idle_ms: int = IDLE_MS,
        max_wait_ms: int = MAX_WAIT_MS,
    ) -> None:
        super().__init__(parent)
        self._idle = QTimer(self, singleShot=True, interval=idle_ms)
        self._deadline = QTimer(self, singleShot=True, interval=max_wait_ms)
        self._idle.timeout.connect(self._fire)
        self._deadline.timeout.connect(self._fire)
        self._dirty = False

    @property
    def dirty(self) -> bool:
        return self._dirty

    def touch(self) -> None:
        self._dirty = True
        self._idle.start()  # restarts: counts from the last keystroke
        if not self._deadline.isActive():
            self._deadline.start()  # does not restart: bounds the age of unsaved typing

    def flush(self) -> None:
        """Save now if anything is unsaved (switching posts, focus loss, close)."""
        if self._dirty:
            self._fire()

    def cancel(self) -> None:
        self._idle.stop()
        self._deadline.stop()
        self._dirty = False

    def _fire(self) -> None:
        self._idle.stop()
        self._deadline.stop()
        if self._dirty:
            self._dirty = False
            self.save_due.emit()
