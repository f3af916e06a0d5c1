"""The window's File > Publish… and File > Open from Blog… against the real local WordPress."""

from __future__ import annotations

import httpx
import keyring
import pytest
from keyring.backends import fail

from editor.services import posts
from editor.store.database import open_store
from editor.ui.publishing.publish_window_dialog import TargetChoice
from editor.ui.window.actions import Act
from tests.integration.publishing import SiteView, add_target
from tests.ui import conftest as ui
from tests.ui.conftest import SAVE_TIMEOUT_MS, type_at_end

db_path = ui.db_path  # the window fixtures of tests/ui, here beside the WordPress ones
open_window = ui.open_window

PUSH_TIMEOUT_MS = 60000


@pytest.fixture
def site_password(monkeypatch, wordpress):
    """No keychain on this machine, whatever it has: the password comes from $BYLINE_PASSWORD."""
    before = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    monkeypatch.setenv("BYLINE_PASSWORD", wordpress.app_password)
    yield wordpress.app_password
    keyring.set_keyring(before)


def _blog_default(path, name: str) -> None:
    from editor.services import targets
    from editor.services.blogs import find_blog

    store = open_store(path)
    try:
        with store.session() as s:
            targets.set_default(s, name, find_blog(s, "Latin America Blog").id)
    finally:
        store.close()


def test_publish_action_sends_what_was_typed_and_links_to_the_post(
    qtbot, open_window, db_path, wordpress, site_password
):
    window = open_window(db_path)
    add_target(window.controller.store, "site", "wordpress", wordpress.url)
    add_target(window.controller.store, "other", "metaweblog", wordpress.url)
    _blog_default(db_path, "site")
    type_at_end(qtbot, window, " Typed just before publishing.")
    pub = window.publishing
    window.actions_[Act.PUBLISH].trigger()  # flushes the autosave first
    qtbot.waitUntil(lambda: pub.publish_dialog is not None, timeout=SAVE_TIMEOUT_MS)
    dialog = pub.publish_dialog
    assert dialog.target.currentText() == "site (wordpress)"  # the blog's default target
    items = [dialog.checks.item(i).text() for i in range(dialog.checks.count())]
    # Nothing blocks: the sample has no lead photo, and its names and British spellings are a
    # proofing warning (issue 12); neither blocks.
    assert items[0] == "⚠ no lead photo: the post will have no featured image", items
    assert len(items) == 2 and items[1].startswith("⚠ proofing: "), items
    assert dialog.publish_button.isEnabled()
    dialog.status.setCurrentIndex(dialog.status.findData("publish"))
    with qtbot.waitSignal(dialog.published, timeout=PUSH_TIMEOUT_MS) as published:
        dialog.publish_button.click()
        assert dialog.busy.isVisible()  # the push runs on a worker: the dialog stays live
        dialog.grab().save("/tmp/byline-publish-dialog-sending.png")
        assert window.body.isEnabled()
    url = published.args[0]
    assert url.startswith(wordpress.url)
    assert dialog.result.text().startswith("Published at <a href=")
    assert f'href="{url}"' in dialog.result.text()
    assert dialog.result.openExternalLinks()
    assert not dialog.busy.isVisible()
    dialog.grab().save("/tmp/byline-publish-dialog.png")

    with window.controller.store.session() as s:
        uuid = posts.get_post(s, window.controller.current.id).uuid
    (remote,) = SiteView(wordpress).posts_with_marker(uuid)
    assert "Typed just before publishing." in remote["content"]["raw"]
    assert pub.queued_label.text() == ""
    dialog.close()


def test_a_conflict_on_the_site_asks_before_overwriting(
    qtbot, open_window, db_path, wordpress, site_password, monkeypatch
):
    from editor.model import RemotePost
    from editor.ui.publishing.publish_window_dialog import WindowPublishDialog

    window = open_window(db_path)
    add_target(window.controller.store, "site", "wordpress", wordpress.url)
    pub = window.publishing
    window.actions_[Act.PUBLISH].trigger()
    qtbot.waitUntil(lambda: pub.publish_dialog is not None, timeout=SAVE_TIMEOUT_MS)
    dialog = pub.publish_dialog
    with qtbot.waitSignal(dialog.published, timeout=PUSH_TIMEOUT_MS):
        dialog.publish_button.click()
    with window.controller.store.session() as s:
        post_id = window.controller.current.id
        remote_id = s.query(RemotePost).filter_by(post_id=post_id).one().remote_id
    SiteView(wordpress).edit_post(remote_id, title="An editor's title")
    asked = []
    monkeypatch.setattr(WindowPublishDialog, "ask_overwrite",
                        classmethod(lambda cls, p, detail: asked.append(detail) or False))  # fmt: skip
    with qtbot.waitSignal(dialog.push_finished, timeout=PUSH_TIMEOUT_MS):
        dialog.publish_button.click()
    assert asked and "changed on the site" in asked[0]
    assert "site's version was kept" in dialog.progress.text()
    assert SiteView(wordpress).post(remote_id)["title"]["raw"] == "An editor's title"
    dialog.close()


def test_open_from_blog_brings_remote_posts_in_and_refreshes_the_list(
    qtbot, open_window, db_path, wordpress, site_password, monkeypatch
):
    made = httpx.post(f"{wordpress.url}/wp-json/wp/v2/posts",
                      json={"title": "Written on the site", "status": "publish",
                            "content": "<p>From the web editor.</p>"},
                      auth=(wordpress.user, wordpress.app_password), timeout=30)  # fmt: skip
    made.raise_for_status()
    window = open_window(db_path)
    add_target(window.controller.store, "site", "wordpress", wordpress.url)
    offered = []
    monkeypatch.setattr(TargetChoice, "ask",
                        classmethod(lambda cls, p, names, d: offered.append(names) or "site"))  # fmt: skip
    pub = window.publishing
    with (
        qtbot.waitSignal(window.list_refreshed, timeout=PUSH_TIMEOUT_MS),
        qtbot.waitSignal(pub.pulled, timeout=PUSH_TIMEOUT_MS) as pulled,
    ):
        window.actions_[Act.OPEN_FROM_BLOG].trigger()
    assert offered == [["site"]]
    created = pulled.args[0].created
    assert created
    assert set(created) <= set(window.post_list.row_ids())
    tree = window.post_list.tree
    headlines = [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]
    assert "Written on the site" in headlines
    assert "new draft(s) from the blog" in window.statusBar().currentMessage()


def test_targets_dialog_discovers_the_api_and_tests_the_login(
    qtbot, open_window, db_path, wordpress, site_password
):
    from editor.publish.secrets import SecretStore
    from editor.ui.publishing.targets_dialog import TargetsDialog

    window = open_window(db_path)
    dialog = TargetsDialog(window.controller.store, SecretStore(), window.publishing.worker, window)
    qtbot.addWidget(dialog)
    dialog.name.setText("newsroom")
    dialog.url.setText(wordpress.url)
    dialog.user.setText(wordpress.user)
    dialog.password.setText(wordpress.app_password)
    with qtbot.waitSignal(dialog.job_finished, timeout=PUSH_TIMEOUT_MS) as added:
        dialog.add_button.click()
    assert added.args[0], added.args[1]
    assert f"API at {wordpress.url}/wp-json/" in added.args[1]
    with qtbot.waitSignal(dialog.job_finished, timeout=PUSH_TIMEOUT_MS) as tested:
        dialog.test_button.click()
    assert tested.args[0]
    assert tested.args[1].startswith(f"newsroom: logged in as {wordpress.user}")
    dialog.grab().save("/tmp/byline-targets-dialog.png")


def test_publish_action_sends_the_attached_photos(
    qtbot, open_window, db_path, wordpress, site_password
):
    from tests.helpers.photos import jpeg_bytes

    window = open_window(db_path)
    store = window.controller.store
    with store.session() as s:
        from editor.services import photos

        post = posts.get_post(s, window.controller.current.id)
        photos.attach(s, post, jpeg_bytes((1000, 700)), filename="studio.jpg", lead=True,
                      caption="The studio", credit="Photo: Ana Quispe",
                      alt="A one-room studio with a corrugated roof")  # fmt: skip
    add_target(store, "site", "wordpress", wordpress.url)
    pub = window.publishing
    window.actions_[Act.PUBLISH].trigger()
    qtbot.waitUntil(lambda: pub.publish_dialog is not None, timeout=SAVE_TIMEOUT_MS)
    dialog = pub.publish_dialog
    with qtbot.waitSignal(dialog.push_finished, timeout=PUSH_TIMEOUT_MS) as finished:
        dialog.publish_button.click()
    result = finished.args[0]
    dialog.close()
    assert getattr(result, "uploaded", None) == ["studio.jpg"], result
    remote = SiteView(wordpress).post(result.remote_id)
    assert remote["featured_media"]
    media = SiteView(wordpress).media(remote["featured_media"])
    assert media["alt_text"] == "A one-room studio with a corrugated roof"
    assert "Photo: Ana Quispe" in media["caption"]["raw"]
