"""Baseline for the start-up benchmark: a bare PySide6 main window with an editor.

Prints ``first-paint T`` (system monotonic clock) at its first paint, then exits, exactly as
``byline`` does with BYLINE_EXIT_AFTER_FIRST_PAINT=1. ``bare_window.py WxH stay``: that size,
and it stays open (``bench.screen`` watches its first paint on the screen).
"""

from __future__ import annotations

import os
import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QPlainTextEdit


class _FirstPaint(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, _report)  # once this paint is flushed, as byline does
        return False


def _report() -> None:
    print(f"first-paint {time.monotonic():.6f}", flush=True)
    if "stay" not in sys.argv[2:]:
        os._exit(0)


def main() -> None:
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setCentralWidget(QPlainTextEdit())
    spy = _FirstPaint()
    window.statusBar().installEventFilter(spy)
    width, height = (int(n) for n in (sys.argv[1:] or ["1280x820"])[0].split("x"))
    window.resize(width, height)
    window.show()
    app.exec()


if __name__ == "__main__":
    main()
