"""Windows on real SQLite files, with the real single database worker thread."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from editor.app import build_window
from editor.ui.window.db_worker import DbExecutor
from editor.ui.window.main_window import MainWindow

OPEN_TIMEOUT_MS = 15000
SAVE_TIMEOUT_MS = 5000


@pytest.fixture
def db_path(tmp_path) -> Path:
    return tmp_path / "byline.sqlite3"


@pytest.fixture
def open_window(qtbot) -> Iterator[Callable[..., MainWindow]]:
    """``open_window(path, read_only=False)`` -> a shown window whose post list has loaded."""
    windows: list[MainWindow] = []

    def make(
        path: Path, *, read_only: bool = False, show: bool = True, preview: bool = False
    ) -> MainWindow:
        # The preview (a web engine per window) has its own tests; most need only the editor.
        window = build_window(
            str(path), read_only, executor=DbExecutor(), open_on_paint=False, preview=preview
        )
        qtbot.addWidget(window)
        windows.append(window)
        with qtbot.waitSignal(window.list_refreshed, timeout=OPEN_TIMEOUT_MS):
            if show:
                window.show()
        if show:
            qtbot.waitExposed(window)
        wait_idle(qtbot, window)
        return window

    yield make
    for window in windows:
        window.close()
        window.executor.shutdown()
        if window.controller.store is not None:
            window.controller.store.close()


def wait_idle(qtbot, window: MainWindow) -> None:
    """Let every queued database job finish and deliver its result."""
    window.executor.wait_idle()
    done = []
    window.executor.submit(lambda: None, lambda _v: done.append(True))
    qtbot.waitUntil(lambda: bool(done), timeout=SAVE_TIMEOUT_MS)


def stored_post(path: Path, post_id: int):
    from editor.services.posts import get_post
    from editor.store.database import open_store

    store = open_store(path)
    try:
        with store.session() as s:
            post = get_post(s, post_id)
            _ = post.body
            s.expunge(post)
            return post
    finally:
        store.close()


def type_at_end(qtbot, window: MainWindow, text: str) -> None:
    from PySide6.QtGui import QTextCursor

    window.body.setFocus()
    window.body.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(window.body, text)
