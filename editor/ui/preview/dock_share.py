"""Keep a dock's share of the window's width when the window is resized.

A QMainWindow gives all of a resize to its central widget, so a docked preview stays as narrow
as it was when the window is maximised. This keeps the dock's fraction of the window instead;
the fraction is whatever the writer (or a restored layout) last made it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow

MAX_SHARE = 0.6  # leave the editor room whatever the window


class DockShare(QObject):
    def __init__(self, window: QMainWindow, dock: QDockWidget, share: float) -> None:
        super().__init__(dock)
        self._window = window
        self._dock = dock
        self.share = share
        self._window_width = window.width()
        self._applying = False
        window.installEventFilter(self)
        dock.installEventFilter(self)

    def _docked(self) -> bool:
        return (
            not self._dock.isFloating()
            and not self._dock.isHidden()
            and self._window.dockWidgetArea(self._dock)
            in (Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea)
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.Resize or self._applying:
            return False
        width = self._window.width()
        if watched is self._window:
            if width != self._window_width and self._docked():
                self._applying = True
                try:
                    target = round(min(self.share, MAX_SHARE) * width)
                    self._window.resizeDocks([self._dock], [target], Qt.Orientation.Horizontal)
                finally:
                    self._applying = False
            self._window_width = width
        elif width == self._window_width and width > 0 and self._docked():
            # The window kept its size: the writer dragged the splitter, or a layout was restored.
            self.share = self._dock.width() / width
        return False
