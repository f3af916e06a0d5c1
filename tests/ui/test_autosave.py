"""Typing reaches the database by itself: after a pause, while typing goes on, on switching
posts, on focus loss and on close."""

from __future__ import annotations

from PySide6.QtCore import QTimer

from editor.model import PostContent
from editor.services import blogs, posts
from editor.store.database import open_store
from editor.ui.window.autosave import AutosaveTimer
from tests.ui.conftest import SAVE_TIMEOUT_MS, stored_post, type_at_end, wait_idle


def _add_post(path, headline: str, body: str = "Body.") -> int:
    store = open_store(path)
    try:
        with store.session() as s:
            blog = blogs.default_blog(s)
            return posts.create_post(s, PostContent(headline=headline, body=body), blog=blog).id
    finally:
        store.close()


def _never_by_timer(window) -> None:
    """Make the idle/max-wait timers irrelevant, so only the event under test can save."""
    window.controller.autosave._idle.setInterval(10 * 60 * 1000)
    window.controller.autosave._deadline.setInterval(10 * 60 * 1000)


def test_typing_is_saved_after_a_pause(qtbot, open_window, db_path):
    window = open_window(db_path)
    post_id = window.controller.current.id
    with qtbot.waitSignal(window.controller.post_saved, timeout=SAVE_TIMEOUT_MS) as saved:
        type_at_end(qtbot, window, " Typed by a test.")
    assert saved.args[0].post_id == post_id
    assert stored_post(db_path, post_id).body.endswith("Typed by a test.")
    assert window.saved_label.text().startswith("Saved")


def test_headline_edit_is_saved_and_slug_follows(qtbot, open_window, db_path):
    window = open_window(db_path)
    window.form.headline.selectAll()
    with qtbot.waitSignal(window.controller.post_saved, timeout=SAVE_TIMEOUT_MS):
        qtbot.keyClicks(window.form.headline, "Sun on the roof")
    stored = stored_post(db_path, window.controller.current.id)
    assert stored.headline == "Sun on the roof"
    assert stored.slug == "sun-on-the-roof"
    qtbot.waitUntil(lambda: window.form.slug.text() == "sun-on-the-roof")
    assert window.post_list.tree.topLevelItem(0).text(0) == "Sun on the roof"


def test_max_wait_saves_while_typing_goes_on(qtbot):
    timer = AutosaveTimer(idle_ms=200, max_wait_ms=400)
    touches = []

    def keystroke() -> None:
        touches.append(1)
        timer.touch()

    typing = QTimer(interval=20)
    typing.timeout.connect(keystroke)
    typing.start()
    with qtbot.waitSignal(timer.save_due, timeout=5000):
        pass
    # The idle delay never elapsed (a keystroke every 20 ms), yet the save came.
    assert typing.isActive() and len(touches) > 1
    typing.stop()


def test_switching_posts_saves_at_once(qtbot, open_window, db_path):
    window = open_window(db_path, show=True)  # seeds the sample post
    other = _add_post(db_path, "Another story")
    with qtbot.waitSignal(window.list_refreshed):
        window.refresh_list()
    _never_by_timer(window)
    first = window.controller.current.id
    type_at_end(qtbot, window, " switch")
    with qtbot.waitSignal(window.controller.current_post_changed, timeout=SAVE_TIMEOUT_MS):
        window.post_list.select(None)
        item = next(
            window.post_list.tree.topLevelItem(i)
            for i in range(window.post_list.tree.topLevelItemCount())
            if window.post_list.tree.topLevelItem(i).data(0, 256) == other
        )
        window.post_list.tree.setCurrentItem(item)
    assert window.controller.current.id == other
    assert stored_post(db_path, first).body.endswith(" switch")
    assert window.form.headline.text() == "Another story"


def test_close_saves(qtbot, open_window, db_path):
    window = open_window(db_path)
    _never_by_timer(window)
    post_id = window.controller.current.id
    type_at_end(qtbot, window, " closing words")
    assert not stored_post(db_path, post_id).body.endswith("closing words")
    window.close()
    assert stored_post(db_path, post_id).body.endswith(" closing words")


def test_focus_loss_saves(qtbot, open_window, db_path):
    window = open_window(db_path)
    _never_by_timer(window)
    post_id = window.controller.current.id
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    type_at_end(qtbot, window, " then the byline")
    qtbot.waitUntil(window.body.hasFocus)
    with qtbot.waitSignal(window.controller.post_saved, timeout=SAVE_TIMEOUT_MS):
        window.form.byline.setFocus()
    assert stored_post(db_path, post_id).body.endswith(" then the byline")


def test_read_only_store_says_so_and_blocks_editing(qtbot, open_window, db_path):
    first = open_window(db_path)
    first.close()
    window = open_window(db_path, read_only=True)
    assert window.controller.read_only
    assert "Read-only" in window.mode_label.text()
    assert window.body.isReadOnly() and window.form.headline.isReadOnly()
    with qtbot.assertNotEmitted(window.controller.save_started, wait=50):
        window.controller.flush()
    wait_idle(qtbot, window)
