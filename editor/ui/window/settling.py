"""The end of start-up: the first post is on screen. What the first screen does not need (the
photo and outbox panels' contents, the first spelling pass and its dictionary, the outbox's
first send) waits for it, so that none of it delays the post's page. A window opened by a test
or a script settles as soon as its post is in the editor."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QDockWidget

if TYPE_CHECKING:
    from editor.ui.window.main_window import MainWindow

FALLBACK_MS = 3000  # after the store opened, settle even if the preview never showed the post


class Settling(QObject):
    settled = Signal()

    def __init__(self, window: MainWindow, *, wait_for_preview: bool) -> None:
        super().__init__(window)
        self.window = window
        self.done = False
        self._wait_for_preview = wait_for_preview
        self._jobs: list[Callable[[], None]] = []
        self._fallback = QTimer(self, singleShot=True, interval=FALLBACK_MS)
        self._fallback.timeout.connect(self.settle)
        window.controller.store_opened.connect(self._store_opened)
        window.controller.current_post_changed.connect(self._post_changed)

    def when_settled(self, job: Callable[[], None]) -> None:
        """Run ``job`` once start-up is over (now, if it is)."""
        if self.done:
            job()
        else:
            self._jobs.append(job)

    def settle_when_shown(self, dock: QDockWidget) -> None:
        """A panel whose contents wait: shown (by the writer, or a restored layout), it ends
        the wait at once rather than stay empty."""
        dock.visibilityChanged.connect(lambda visible: visible and self.settle())

    def settle(self) -> None:
        if self.done:
            return
        from editor import timeline

        self.done = True
        self._fallback.stop()
        timeline.mark("settled: the panels' contents and the spelling pass start")
        jobs, self._jobs = self._jobs, []
        for job in jobs:
            job()
        self.settled.emit()

    def _settle_soon(self) -> None:
        QTimer.singleShot(0, self.settle)  # once the paint that showed the post is done

    def _store_opened(self, opened: Any) -> None:
        if opened.post is None:
            self.settle()  # nothing to show
        else:
            self._fallback.start()

    def _post_changed(self, data: Any) -> None:
        if self.done:
            return
        preview = self.window.preview
        if self._wait_for_preview and data is not None and preview and preview.pane.isVisible():
            preview.post_shown.connect(self._settle_soon)
            return
        self.settle()
