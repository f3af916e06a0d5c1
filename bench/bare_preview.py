"""Baseline for start-up to "post shown": a bare PySide6 window with a QWebEngineView that
shows a Markdown file converted by Python-Markdown (no store, no editor, no theme), the least a
Qt live-preview application pays. ``python bench/bare_preview.py POST.md`` prints ``post-shown T``
(``time.monotonic()``) when the view first paints the loaded page, then exits, as the
``_startup_session`` run of ``byline`` does; with ``--memory`` it prints the PSS of its process
tree (JSON) three seconds later instead. Qt's and Chromium's defaults (what a plain application
gets), with ``--no-sandbox`` when run as root, as Chromium requires."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer

os.environ["QTWEBENGINE_CHROMIUM_FLAGS"] = " ".join(
    [os.environ.get("QTWEBENGINE_CHROMIUM_FLAGS", ""), "--no-sandbox"]
    if hasattr(os, "geteuid") and os.geteuid() == 0
    else [os.environ.get("QTWEBENGINE_CHROMIUM_FLAGS", "")]
).strip()
QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)


class _FirstPaint(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.done = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self.done:
            self.done = True
            QTimer.singleShot(0, _report)
        return False


def _report() -> None:
    if "--memory" in sys.argv:
        QTimer.singleShot(3000, _report_memory)
        return
    print(f"post-shown {time.monotonic():.6f}", flush=True)
    print(f"cpu-post-shown {time.process_time():.6f}", flush=True)
    os._exit(0)


def _report_memory() -> None:
    import json

    from bench.memory import tree_pss_mb

    print(json.dumps(tree_pss_mb(os.getpid())), flush=True)
    os._exit(0)


def main(path: str) -> None:
    import markdown
    from PySide6.QtWebEngineWidgets import QWebEngineView
    from PySide6.QtWidgets import QApplication, QMainWindow, QPlainTextEdit, QSplitter

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    splitter = QSplitter()
    text = Path(path).read_text(encoding="utf-8")
    editor = QPlainTextEdit()
    editor.setPlainText(text)
    view = QWebEngineView()
    splitter.addWidget(editor)
    splitter.addWidget(view)
    window.setCentralWidget(splitter)
    window.resize(1280, 820)
    spy = _FirstPaint()

    def loaded(_ok: bool) -> None:
        view.focusProxy().installEventFilter(spy)

    view.loadFinished.connect(loaded)
    view.setHtml(f"<!doctype html><meta charset=utf-8><body>{markdown.markdown(text)}</body>")
    window.show()
    app.exec()


if __name__ == "__main__":
    main(sys.argv[1])
