"""Closing the window while a push is on the network: the push stops at a safe point, no thread
outlives the window, the outbox keeps the push, and the next window sends it again."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest

from editor.model import utcnow
from editor.services import outbox
from editor.store.database import open_store
from editor.ui.window.actions import Act
from tests.ui.conftest import SAVE_TIMEOUT_MS
from tests.ui.publishing_support import SilentServer
from tests.ui.test_publishing_ui import no_keychain  # noqa: F401  (a fixture)


@pytest.fixture
def silent_site():
    server = SilentServer()
    yield server
    server.stop()


def _rows(db_path):
    store = open_store(db_path)
    try:
        with store.session() as s:
            return outbox.list_outbox(s, include_finished=True)
    finally:
        store.close()


@pytest.mark.parametrize("dialog_closed_first", [False, True], ids=["dialog-open", "dialog-closed"])
def test_closing_the_window_mid_push_stops_it_and_the_outbox_keeps_it(
    dialog_closed_first,
    qtbot,
    open_window,
    db_path,
    monkeypatch,
    silent_site,
    no_keychain,  # noqa: F811
):
    monkeypatch.setattr("editor.ui.publishing.mount.FINISH_GRACE", 0.3, raising=False)
    target = silent_site.add_target(db_path)
    window = open_window(db_path)
    pub = window.publishing
    post_id = window.controller.current.id
    pub.worker.wait_idle()  # the outbox run at start (nothing queued) is over
    window.actions_[Act.PUBLISH].trigger()
    qtbot.waitUntil(lambda: pub.publish_dialog is not None, timeout=SAVE_TIMEOUT_MS)
    dialog = pub.publish_dialog
    assert dialog.target.currentText() == f"{target} (wordpress)"
    before = set(threading.enumerate())
    messages: list[str] = []
    window.statusBar().messageChanged.connect(messages.append)

    dialog.publish_button.click()
    qtbot.waitUntil(silent_site.requested.is_set, timeout=SAVE_TIMEOUT_MS)  # on the network now
    assert not dialog.publish_button.isEnabled()  # still sending
    if dialog_closed_first:  # the writer closes the Publish dialog; the push goes on
        dialog.close()
        assert not dialog.isVisible()
    window.close()

    left = [t.name for t in set(threading.enumerate()) - before if t.is_alive()]
    assert left == [], f"threads outlived the window: {left}"
    assert not any(t.is_alive() for t in (pub.worker._pool._threads if pub.worker._pool else ()))
    (row,) = _rows(db_path)
    assert (row.post_id, row.target, row.state) == (post_id, target, "queued")
    assert "window closed" in row.last_error
    first_attempts = row.attempts
    assert "Finishing the publish…" in messages  # said while the window waited

    silent_site.stop()  # the site is down now: the retry fails fast, and is seen to happen
    again = open_window(db_path)
    again.publishing.worker.wait_idle()
    qtbot.waitUntil(lambda: again.publishing.queued_label.text() == "1 queued")
    panel = again.publishing.outbox
    assert panel.table.rowCount() == 1
    assert panel.table.item(0, 1).text() == target
    assert panel.table.item(0, 3).text() == "queued"
    (row,) = _rows(db_path)
    assert row.attempts == first_attempts + 1  # sent again at start, due at once
    assert "window closed" not in row.last_error and "connect" in row.last_error.lower()


def test_closing_the_window_during_the_outbox_run_at_start_keeps_the_item_queued(
    qtbot,
    open_window,
    db_path,
    monkeypatch,
    silent_site,
    no_keychain,  # noqa: F811
):
    monkeypatch.setattr("editor.ui.publishing.mount.FINISH_GRACE", 0.3, raising=False)
    target = silent_site.add_target(db_path)
    first = open_window(db_path)  # seeds the sample post
    post_id = first.controller.current.id
    first.close()
    store = open_store(db_path)
    try:
        with store.session() as s:
            item = outbox.enqueue(s, post_id=post_id, target_name=target, status="draft",
                                  force=False, error="offline",
                                  now=utcnow() - timedelta(hours=1))  # fmt: skip
            item_id, attempts = item.id, item.attempts
    finally:
        store.close()
    before = set(threading.enumerate())

    window = open_window(db_path)  # sends the outbox at once: the site takes it and stalls
    qtbot.waitUntil(silent_site.requested.is_set, timeout=SAVE_TIMEOUT_MS)
    window.close()

    editing = set(window.executor._pool._threads)  # the editor's own worker: the fixture's
    left = [t.name for t in set(threading.enumerate()) - before - editing if t.is_alive()]
    assert left == [], f"threads outlived the window: {left}"
    (row,) = [r for r in _rows(db_path) if r.id == item_id]
    assert (row.state, row.attempts) == ("queued", attempts)  # stopped, not a failed try
    assert "window closed" in row.last_error
