"""Journeys: the real main window on a real SQLite file with the real QtWebEngine preview,
driven by real key and mouse events, asserting what the person would see.

``journey(...)`` opens a window and returns a :class:`Journey` with the few verbs every journey
needs (type, press, wait for the preview to match a fresh render, read the page). Tests wait on
signals and conditions, never on fixed sleeps.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import shiboken6

from tests.journeys.harness import Journey
from tests.ui.conftest import OPEN_TIMEOUT_MS, wait_idle
from tests.ui.preview_support import noise


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every journey tolerates the web engine's harmless offscreen warnings."""
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(noise)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "byline.sqlite3"


@pytest.fixture
def journey(qtbot: Any) -> Iterator[Callable[..., Journey]]:
    """``journey(path, size=(1280, 800), preview=True)`` -> a shown, fully opened window.
    ``path``: an SQLite file, or a database URL (``postgresql+psycopg://…``) as ``--db``
    takes it."""
    from editor.app import build_window
    from editor.ui.window.db_worker import DbExecutor

    opened: list[Journey] = []

    def make(
        path: Path | str, *, size: tuple[int, int] = (1280, 800), preview: bool = True
    ) -> Journey:
        window = build_window(
            str(path), False, executor=DbExecutor(), open_on_paint=False, preview=preview
        )
        qtbot.addWidget(window)
        window.resize(*size)
        with qtbot.waitSignal(window.list_refreshed, timeout=OPEN_TIMEOUT_MS):
            window.show()
        qtbot.waitExposed(window)
        wait_idle(qtbot, window)
        j = Journey(qtbot, window)
        opened.append(j)
        if preview:
            j.wait_preview_ready()
        return j

    yield make
    for j in opened:
        window = j.window
        pane = window.preview.pane if window.preview is not None else None
        window.close()
        window.executor.shutdown()
        if window.controller.store is not None:
            window.controller.store.close()
        if pane is not None:
            shiboken6.delete(pane)
