"""Two windows on one file never overwrite each other silently; history can be read and
restored."""

from __future__ import annotations

import pytest

from editor.services import posts
from editor.store.database import open_store
from editor.ui.writing.conflict_dialog import ConflictDialog, SaveVersionDialog
from tests.ui.conftest import SAVE_TIMEOUT_MS, stored_post, type_at_end, wait_idle


def _revisions(path, post_id):
    store = open_store(path)
    try:
        with store.session() as s:
            return [
                (r.reason, r.label, r.snapshot["body"]) for r in posts.list_revisions(s, post_id)
            ]
    finally:
        store.close()


@pytest.mark.parametrize("keep_mine", [True, False])
def test_conflict_between_two_windows(qtbot, open_window, db_path, monkeypatch, keep_mine):
    asked = []

    def ask(cls, parent, headline):
        asked.append(headline)
        return keep_mine

    monkeypatch.setattr(ConflictDialog, "ask", classmethod(ask))
    theirs = open_window(db_path)
    mine = open_window(db_path)
    # Both type before seeing the other's text: without this, "mine" could take THEIRS in
    # live (tests/ui/test_live_updates.py) before typing, and there would be no conflict.
    mine.live.close()
    post_id = mine.controller.current.id
    assert theirs.controller.current.id == post_id

    with qtbot.waitSignal(theirs.controller.post_saved, timeout=SAVE_TIMEOUT_MS):
        type_at_end(qtbot, theirs, " THEIRS")
    with qtbot.waitSignal(mine.controller.conflict_resolved, timeout=SAVE_TIMEOUT_MS):
        type_at_end(qtbot, mine, " MINE")
    wait_idle(qtbot, mine)

    assert asked == [mine.form.headline.text()]
    stored = stored_post(db_path, post_id).body
    loser = [body for reason, _label, body in _revisions(db_path, post_id) if reason == "conflict"]
    if keep_mine:
        assert stored.endswith(" MINE") and " THEIRS" not in stored
        assert any(b.endswith(" THEIRS") for b in loser)
    else:
        assert stored.endswith(" THEIRS") and " MINE" not in stored
        assert any(b.endswith(" MINE") for b in loser)
        assert mine.body.toPlainText().endswith(" THEIRS")

    # Saving goes on normally after the decision.
    with qtbot.waitSignal(mine.controller.post_saved, timeout=SAVE_TIMEOUT_MS):
        type_at_end(qtbot, mine, " again")
    assert stored_post(db_path, post_id).body.endswith(" again")


def test_revisions_panel_lists_views_and_restores(qtbot, open_window, db_path, monkeypatch):
    window = open_window(db_path)
    post_id = window.controller.current.id
    original = window.body.toPlainText()
    with qtbot.waitSignal(window.controller.post_saved, timeout=SAVE_TIMEOUT_MS):
        type_at_end(qtbot, window, " LATER EDIT")

    monkeypatch.setattr(SaveVersionDialog, "ask", classmethod(lambda cls, parent: "Before edit"))
    with qtbot.waitSignal(window.controller.revisions_loaded, timeout=SAVE_TIMEOUT_MS):
        window.actions_[
            __import__("editor.ui.window.actions").ui.window.actions.Act.SAVE_VERSION
        ].trigger()
    window.revisions.show()
    qtbot.waitUntil(lambda: window.revisions.list.count() >= 2, timeout=SAVE_TIMEOUT_MS)
    texts = [window.revisions.list.item(i).text() for i in range(window.revisions.list.count())]
    assert "Before edit" in texts[0]

    first = window.revisions.list.item(window.revisions.list.count() - 1)  # revision 1
    with qtbot.waitSignal(window.controller.revision_text_loaded, timeout=SAVE_TIMEOUT_MS):
        window.revisions.list.setCurrentItem(first)
    assert "LATER EDIT" not in window.revisions.view.toPlainText()
    assert original[:60] in window.revisions.view.toPlainText()

    with qtbot.waitSignal(window.controller.current_post_changed, timeout=SAVE_TIMEOUT_MS):
        window.revisions.restore_button.click()
    assert window.body.toPlainText() == original
    assert stored_post(db_path, post_id).body == original
    reasons = [r[0] for r in _revisions(db_path, post_id)]
    assert reasons[0] == "restore" and "manual" in reasons  # history only grows
