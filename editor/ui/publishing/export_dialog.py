"""File > Export…: where to (a folder, or a .zip), then the bundle is written on a worker with a
progress dialog whose Cancel stops the image work. A cancelled or failed export writes nothing
(the bundle is written atomically, last); a failure is said in plain words."""

from __future__ import annotations

import threading
from concurrent.futures import Executor, ThreadPoolExecutor
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QWidget

from editor.store.database import Store


class ExportPathDialog:
    @classmethod
    def ask(cls, parent: QWidget | None, suggested: Path) -> Path | None:
        """Where to export (tests replace this). A name ending in .zip makes a zip file, any
        other name a folder."""
        path, chosen = QFileDialog.getSaveFileName(
            parent,
            "Export post",
            str(suggested),
            "Folder (any name) (*);;Zip file (*.zip)",
        )
        if not path:
            return None
        if chosen.startswith("Zip") and not path.lower().endswith(".zip"):
            path += ".zip"
        return Path(path)


class ExportMessage:
    @classmethod
    def failed(cls, parent: QWidget | None, message: str) -> None:
        """Say why the export failed (tests replace this)."""
        QMessageBox.warning(parent, "Export failed", message)


class _Relay(QObject):
    progressed = Signal(int, int)
    finished = Signal(object)  # ExportResult or the exception


class Exporter(QObject):
    """Runs one export at a time for the window."""

    exported = Signal(object)  # ExportResult
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, window: Any, store: Store, *, executor: Executor | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.store = store
        self.executor: Executor = executor or ThreadPoolExecutor(
            max_workers=1, thread_name_prefix="byline-export"
        )
        self.progress_dialog: QProgressDialog | None = None
        self._cancel = threading.Event()
        self._running = False
        self._relay = _Relay()
        self._relay.progressed.connect(self._progressed)
        self._relay.finished.connect(self._finished)

    @property
    def running(self) -> bool:
        return self._running

    def ask_and_start(self, post_id: int, suggested: str) -> None:
        if self._running:
            self.window.statusBar().showMessage("An export is already running.", 5000)
            return
        target = ExportPathDialog.ask(self.window, Path.home() / suggested)
        if target is not None:
            self.start(post_id, target)

    def start(self, post_id: int, target: Path) -> None:
        from editor.services.bundle_export import export_post_with_photos

        self._running = True
        self._cancel = cancel = threading.Event()
        dialog = QProgressDialog(
            f"Exporting to {target.name}…",
            "Cancel",
            0,
            0,
            self.window,
            objectName="export_progress",
        )
        dialog.setWindowTitle("Export")
        # Not modal: a modal QProgressDialog runs the event loop inside setValue(), which would
        # deliver the next progress (or the end) re-entrantly. The writer may keep working.
        dialog.setWindowModality(Qt.WindowModality.NonModal)
        dialog.setMinimumDuration(300)  # a text-only export is done before it would flash
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(self._cancel_requested)
        self.progress_dialog = dialog
        store, relay = self.store, self._relay

        def work() -> None:
            outcome: Any
            try:
                outcome = export_post_with_photos(
                    store, post_id, target, progress=relay.progressed.emit, cancel=cancel
                )
            except Exception as exc:  # shown on the GUI thread
                outcome = exc
            relay.finished.emit(outcome)

        self.executor.submit(work)

    def _cancel_requested(self) -> None:
        self._cancel.set()
        if self.progress_dialog is not None:
            self.progress_dialog.setLabelText("Cancelling…")
            self.progress_dialog.setCancelButtonText("")  # asked once is enough

    def _progressed(self, done: int, total: int) -> None:
        dialog = self.progress_dialog
        if dialog is None or self._cancel.is_set():
            return
        dialog.setLabelText(f"Making photo renditions: {done} of {total}…")
        dialog.setMaximum(total)
        dialog.setValue(done)

    def _finished(self, outcome: object) -> None:
        from editor.errors import BylineError
        from editor.media.renditions import Cancelled
        from editor.render.bundle import ExportResult

        self._running = False
        if self.progress_dialog is not None:
            self.progress_dialog.close()
            self.progress_dialog.deleteLater()
            self.progress_dialog = None
        bar = self.window.statusBar()
        if isinstance(outcome, ExportResult):
            bar.showMessage(f"Exported to {outcome.target} ({len(outcome.files)} files)", 10000)
            self.exported.emit(outcome)
        elif isinstance(outcome, Cancelled):
            bar.showMessage("Export cancelled; nothing was written.", 8000)
            self.cancelled.emit()
        else:
            message = (
                str(outcome)
                if isinstance(outcome, BylineError)
                else f"The export stopped unexpectedly: {outcome!r}"
            )
            ExportMessage.failed(self.window, message)
            self.failed.emit(message)

    def close(self) -> None:
        self._cancel.set()
        if isinstance(self.executor, ThreadPoolExecutor):
            self.executor.shutdown(wait=True)
