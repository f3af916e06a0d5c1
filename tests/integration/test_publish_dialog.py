"""The Publish dialog and the outbox panel, against the real local WordPress."""

from __future__ import annotations

from concurrent.futures import Executor, Future

from editor.model import RemotePost, utcnow
from editor.services import outbox, posts
from editor.ui.publishing.outbox_panel import OutboxPanel
from editor.ui.publishing.publish_dialog import PublishDialog
from tests.integration.publishing import SiteView, add_target, new_post, secrets_for, two_photos


class InlineExecutor(Executor):
    """Runs the push at once, on the test's thread: no waiting, no races."""

    def submit(self, fn, /, *args, **kwargs):  # type: ignore[override]
        future: Future = Future()
        future.set_result(fn(*args, **kwargs))
        return future


def test_publish_dialog_checks_pushes_and_links_to_the_post(qtbot, store, wordpress, tmp_path):
    post_id = new_post(store, headline="From the dialog")
    add_target(store, "site", "wordpress", wordpress.url)
    photos = two_photos()
    photos[1].alt = ""  # a blocking check first
    dialog = PublishDialog(
        store,
        post_id,
        secrets_for(wordpress.app_password),
        photos_for=lambda _pid: photos,
        executor=InlineExecutor(),
    )
    qtbot.addWidget(dialog)
    dialog.status.setCurrentIndex(dialog.status.findData("publish"))
    items = [dialog.checks.item(i).text() for i in range(dialog.checks.count())]
    assert "✖ photo harbour.jpg: no alt text" in items
    assert not dialog.publish_button.isEnabled()

    photos[1].alt = "Harbour at night"
    dialog.run_checks()
    assert dialog.publish_button.isEnabled()
    with qtbot.waitSignal(dialog.published) as signal:
        dialog.publish_button.click()
    url = signal.args[0]
    assert url.startswith(wordpress.url)
    assert f'href="{url}"' in dialog.result.text()
    assert dialog.progress.text() == ""
    dialog.resize(560, 420)
    dialog.grab().save(str(tmp_path / "publish-dialog.png"))
    dialog.grab().save("/tmp/byline-publish-dialog.png")
    with store.session() as s:
        uuid = posts.get_post(s, post_id).uuid
    assert len(SiteView(wordpress).posts_with_marker(uuid)) == 1


def test_a_conflict_asks_before_overwriting(qtbot, store, wordpress, monkeypatch):
    post_id = new_post(store, headline="Dialog conflict")
    add_target(store, "site", "wordpress", wordpress.url)
    site = SiteView(wordpress)
    dialog = PublishDialog(
        store, post_id, secrets_for(wordpress.app_password), executor=InlineExecutor()
    )
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.published):
        dialog.start()
    with store.session() as s:
        remote_id = s.query(RemotePost).filter_by(post_id=post_id).one().remote_id
    site.edit_post(remote_id, title="Editor's title")
    asked = []
    monkeypatch.setattr(
        PublishDialog,
        "ask_overwrite",
        classmethod(lambda cls, parent, detail: asked.append(detail) or False),
    )
    dialog.start()
    assert asked and "changed on the site" in asked[0]
    assert "site's version was kept" in dialog.progress.text()
    assert site.post(remote_id)["title"]["raw"] == "Editor's title"


def test_outbox_panel_lists_and_cancels(qtbot, store, wordpress):
    post_id = new_post(store, headline="Waiting")
    add_target(store, "site", "wordpress", wordpress.url)
    with store.session() as s:
        outbox.enqueue(
            s,
            post_id=post_id,
            target_name="site",
            status="publish",
            force=False,
            error="creating the post: cannot connect",
            now=utcnow(),
        )
    panel = OutboxPanel(store)
    qtbot.addWidget(panel)
    assert panel.table.rowCount() == 1
    assert panel.table.item(0, 0).text() == "Waiting"
    assert panel.table.item(0, 3).text() == "queued"
    panel.resize(760, 220)
    panel.grab().save("/tmp/byline-outbox-panel.png")
    panel.table.selectRow(0)
    panel.cancel_selected()
    assert panel.table.rowCount() == 0
    assert panel.summary.text() == "Nothing waiting to be sent."
