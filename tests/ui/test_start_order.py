"""The real start (the window paints, then builds the rest and opens the database): the post
reaches the preview before anything the first screen does not need. The hidden panels are
filled and the first spelling pass runs only once the post is on screen ("settled")."""

from __future__ import annotations

import shiboken6
from PySide6.QtWidgets import QScrollArea

from editor.app import build_window
from editor.ui.window.actions import Act
from editor.ui.window.db_worker import DbExecutor
from tests.ui.conftest import OPEN_TIMEOUT_MS
from tests.ui.preview_support import noise


@noise
def test_hidden_panels_and_spelling_wait_until_the_post_is_on_screen(qtbot, db_path):
    window = build_window(str(db_path), False, executor=DbExecutor(), preview=True)
    qtbot.addWidget(window)
    seen: dict[str, object] = {}

    def complete() -> None:
        def shown() -> None:
            seen.setdefault("photos when shown", window.panels.photos)
            seen.setdefault("spelling when shown", window.proofing.layer.enabled)

        window.preview.post_shown.connect(shown)

    window.ready.connect(complete)
    with qtbot.waitSignal(window.ready, timeout=OPEN_TIMEOUT_MS):
        window.show()
    with qtbot.waitSignal(window.settling.settled, timeout=OPEN_TIMEOUT_MS):
        pass
    try:
        assert window.controller.current is not None  # the sample post of a new database
        assert seen == {"photos when shown": None, "spelling when shown": False}
        assert window.panels.photos is not None  # filled once settled
        assert window.proofing.layer.enabled
        assert window.publishing.exporter is not None
    finally:
        pane = window.preview.pane
        window.close()
        window.executor.shutdown()
        if window.controller.store is not None:
            window.controller.store.close()
        shiboken6.delete(pane)


def _open(qtbot, db_path, **kwargs):
    window = build_window(str(db_path), False, executor=DbExecutor(), preview=True, **kwargs)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.list_refreshed, timeout=OPEN_TIMEOUT_MS):
        window.show()
    return window


def _close(window) -> None:
    pane = window.preview.pane
    window.close()
    window.executor.shutdown()
    window.controller.store.close()
    shiboken6.delete(pane)


@noise
def test_a_preview_closed_last_time_starts_no_web_engine_next_time(qtbot, db_path):
    first = _open(qtbot, db_path, open_on_paint=False)
    assert first.preview.pane.view is not None  # started while the window was built
    first.preview.dock.hide()  # F8
    _close(first)
    second = _open(qtbot, db_path, open_on_paint=False)
    try:
        assert second.preview.dock.isHidden()
        assert second.preview.pane.view is None  # no Chromium for a preview nobody sees
    finally:
        _close(second)


@noise
def test_a_waiting_panel_opened_early_is_filled_at_once(qtbot, db_path):
    window = build_window(str(db_path), False, executor=DbExecutor(), preview=True)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.ready, timeout=OPEN_TIMEOUT_MS):
        window.show()
    try:
        assert not window.settling.done  # the post is not on screen yet
        window.actions_[Act.PHOTOS].trigger()  # the writer opens Photos right away
        assert window.settling.done
        qtbot.waitUntil(lambda: window.panels.photos is not None, timeout=OPEN_TIMEOUT_MS)
        qtbot.waitUntil(lambda: window.proofing.post_id is not None, timeout=OPEN_TIMEOUT_MS)
    finally:
        window.executor.wait_idle()
        qtbot.waitUntil(lambda: window.controller.store is not None, timeout=OPEN_TIMEOUT_MS)
        _close(window)


@noise
def test_the_page_fits_the_pane_after_a_real_start(qtbot, db_path):
    """The web view is made before the window is laid out: it must follow the pane's final
    size (Fit: as wide as the pane, nothing to scroll sideways)."""
    window = build_window(str(db_path), False, executor=DbExecutor(), preview=True)
    qtbot.addWidget(window)
    window.resize(1600, 900)
    with qtbot.waitSignal(window.ready, timeout=OPEN_TIMEOUT_MS):
        window.show()
    with qtbot.waitSignal(window.settling.settled, timeout=OPEN_TIMEOUT_MS):
        pass
    try:
        pane = window.preview.pane
        viewport = pane.findChild(QScrollArea).viewport()
        assert pane.view.width() == viewport.width() > 400
    finally:
        _close(window)
