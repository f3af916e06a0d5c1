"""The Publish dialog before any publishing target exists (issue 9, item 5): the checks still
show, and "Add a target…" opens the Publishing Targets dialog and continues with the new one."""

from __future__ import annotations

import keyring
import pytest
from keyring.backends import fail
from PySide6.QtWidgets import QApplication

from editor.services import posts
from editor.services.sample import seed_sample_post
from editor.store.database import open_store
from editor.ui.publishing.targets_dialog import TargetsDialog
from editor.ui.window.actions import Act
from tests.ui.conftest import SAVE_TIMEOUT_MS
from tests.ui.publishing_support import closed_port


@pytest.fixture
def no_keychain(monkeypatch):
    before = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    monkeypatch.delenv("BYLINE_PASSWORD", raising=False)
    yield
    keyring.set_keyring(before)


def _checks(dialog) -> list[str]:
    return [dialog.checks.item(i).text() for i in range(dialog.checks.count())]


def _open_publish(qtbot, window):
    pub = window.publishing
    window.actions_[Act.PUBLISH].trigger()
    qtbot.waitUntil(lambda: pub.publish_dialog is not None, timeout=SAVE_TIMEOUT_MS)
    return pub.publish_dialog


def test_without_a_target_the_checks_still_show(qtbot, open_window, db_path):
    # The post loses its byline before the window opens it: changed under an open window, an
    # autosave racing the change would (rightly) ask whose text wins, and the test would hang.
    store = open_store(db_path)
    try:
        with store.session() as s:
            post = seed_sample_post(s)
            content = post.content()
            content.byline = ""
            posts.save_post(s, post.id, content, expected_version=post.version)
    finally:
        store.close()
    window = open_window(db_path)
    assert window.form.byline.text() == ""
    dialog = _open_publish(qtbot, window)
    items = _checks(dialog)
    assert "✖ byline: empty (who wrote it?)" in items, items
    assert any("no lead photo" in i for i in items), items
    # What a push would refuse or warn about shows here too (the sample post has words the
    # spelling flags).
    assert any(i.startswith("⚠ proofing:") for i in items), items
    assert not dialog.publish_button.isEnabled()
    assert dialog.add_target_button.isVisible()
    assert "No publishing target yet" in dialog.progress.text()
    dialog.close()


def test_add_a_target_opens_the_targets_dialog_and_continues(
    qtbot, open_window, db_path, no_keychain
):
    window = open_window(db_path)
    dialog = _open_publish(qtbot, window)
    assert dialog.target.count() == 0
    dialog.add_target_button.click()
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), TargetsDialog))
    targets = QApplication.activeModalWidget()
    port = closed_port()
    targets.name.setText("newsroom")
    targets.url.setText(f"http://127.0.0.1:{port}/")
    targets.user.setText("editor")
    targets.api_url.setText(f"http://127.0.0.1:{port}/wp-json/")  # no discovery
    targets.password.setText("app-password")
    targets.add_button.click()
    # Once the target is added, the Targets dialog closes and Publish goes on with it.
    qtbot.waitUntil(
        lambda: QApplication.activeModalWidget() is not targets, timeout=SAVE_TIMEOUT_MS
    )
    assert dialog.target.currentText() == "newsroom (wordpress)"
    assert "Added newsroom" in dialog.progress.text()
    items = _checks(dialog)
    assert items and not any(i.startswith("✖") for i in items), items  # nothing blocks
    assert dialog.publish_button.isEnabled()
    dialog.close()
