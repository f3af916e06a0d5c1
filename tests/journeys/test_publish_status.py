"""An editor publishes an approved post from the window to the local WordPress and keeps
typing while it sends: the form's status, the post list's row and the Review panel's log say
Published once the site has it, without reopening the post, and every word typed stays (saved
on top of the push, no "changed elsewhere" question).

Needs the local WordPress of tests/integration (skipped, saying why, where it cannot run;
CI sets BYLINE_REQUIRE_SERVICES=1 and fails instead)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from editor.model import PostContent, PostStatus
from editor.services import blogs, posts, targets, workflow
from editor.store.database import open_store
from editor.ui.writing.conflict_dialog import ConflictDialog
from tests.integration import conftest as wp
from tests.journeys.test_publish_wordpress import PUSH_TIMEOUT_MS, _open_publish
from tests.ui.conftest import SAVE_TIMEOUT_MS

wordpress_instance, wordpress = wp.wordpress_instance, wp.wordpress  # the site's fixtures
BEFORE = " Typed before publishing."
DURING = " Typed while it sends."


@pytest.fixture
def approved_post(db_path, wordpress, monkeypatch) -> int:
    """An approved post, and the site as its blog's default target (the password from the
    environment, as on a machine without a keychain)."""
    monkeypatch.setenv("BYLINE_PASSWORD", wordpress.app_password)
    config = db_path.parent / "user-config" / "config.toml"  # who the window says acts
    config.write_text(config.read_text() + '\n[user]\nname = "Eda Editor"\n')
    store = open_store(db_path)
    try:
        with store.session() as s:
            blog = blogs.default_blog(s)
            post = posts.create_post(
                s,
                PostContent(headline="Quay lamps lit again", byline="Ada Lovelace",
                            deck="After ten years.", body="The lamps are back."),
                blog=blog,
            )  # fmt: skip
            for to in ("submitted", "in_review", "approved"):
                workflow.change_status(s, post.id, PostStatus(to))
            targets.add_target(s, name="newsroom", kind="wordpress", site_url=wordpress.url,
                               username=wordpress.user, api_url=wordpress.url + "/wp-json/")  # fmt: skip
            blog.default_target = "newsroom"
            return post.id
    finally:
        store.close()


def _row_status(window, post_id: int) -> str:
    tree = window.post_list.tree
    for i in range(tree.topLevelItemCount()):
        item = tree.topLevelItem(i)
        if item.data(0, Qt.ItemDataRole.UserRole) == post_id:
            return item.text(1)
    return ""


def test_publishing_shows_published_in_the_form_list_and_log_and_keeps_typing(
    journey, db_path, approved_post, monkeypatch
):
    asked: list[str] = []
    monkeypatch.setattr(ConflictDialog, "ask", classmethod(lambda cls, _p, h: asked.append(h)))
    j = journey(db_path, preview=False)
    w = j.window
    assert w.controller.current.id == approved_post
    assert w.form.status.currentText() == "Approved"
    assert _row_status(w, approved_post) == "Approved"

    j.caret_to_end()
    j.type(BEFORE)
    dialog = _open_publish(j)  # File ▸ Publish… saves what is typed first
    j.wait(lambda: dialog.publish_button.isEnabled())
    assert dialog.target.currentText() == "newsroom (wordpress)"
    dialog.activateWindow()
    j.wait(dialog.isActiveWindow)
    j.press(Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier, dialog)  # the "&Status:" label
    j.wait(dialog.status.hasFocus)
    while dialog.status.currentData() != "publish":
        j.press(Qt.Key.Key_Down)
    with j.qtbot.waitSignal(w.publishing.follower.followed, timeout=PUSH_TIMEOUT_MS) as moved:
        j.click(dialog.publish_button)
        j.type(DURING, w.body)  # the dialog is not modal: the writer goes on
    assert moved.args == ["published"]
    assert dialog.result.text().startswith("Published at <a href=")

    assert w.form.status.currentText() == "Published"
    j.wait(lambda: _row_status(w, approved_post) == "Published")
    review = w.review.panel.log.item(0).text()  # newest first
    assert review.startswith("Approved → Published") and "“pushed to newsroom”" in review
    assert "Eda" in review  # who pushed
    assert w.body.toPlainText() == "The lamps are back." + BEFORE + DURING

    dialog.close()
    j.wait(lambda: not w.controller.autosave.dirty, SAVE_TIMEOUT_MS)
    j.wait_saved()
    with w.controller.store.session() as s:
        post = posts.get_post(s, approved_post)
        assert (post.status, post.body) == ("published", "The lamps are back." + BEFORE + DURING)
        last = workflow.status_log(s, approved_post)[-1]
        assert (last.from_status, last.to_status, last.note) == (
            "approved", "published", "pushed to newsroom")  # fmt: skip
        assert last.author.name == "Eda Editor"
    assert asked == []  # no "changed elsewhere" question
    assert w.form.status.currentText() == "Published"
    assert _row_status(w, approved_post) == "Published"


def test_a_push_waiting_in_the_outbox_moves_the_status_when_it_is_sent(
    journey, db_path, approved_post
):
    """Queued while offline: still Approved in the list; once the outbox sends it (here at
    the window's start), the open post and its row say Published."""
    from datetime import timedelta

    from editor.model import utcnow
    from editor.services import outbox

    store = open_store(db_path)
    with store.session() as s:
        outbox.enqueue(s, post_id=approved_post, target_name="newsroom", status="publish",
                       force=False, error="the network is down",
                       now=utcnow() - timedelta(hours=1))  # fmt: skip
    store.close()
    j = journey(db_path, preview=False)
    w = j.window
    w.publishing.send_outbox()  # also sent once start-up settles (one run at a time)
    j.wait(lambda: w.form.status.currentText() == "Published", PUSH_TIMEOUT_MS)
    j.wait(lambda: _row_status(w, approved_post) == "Published")
    assert "pushed to newsroom" in w.review.panel.log.item(0).text()
    assert w.publishing.queued_label.text() == ""
