"""Publish to the local WordPress from the window, as a first-time writer does: File ▸ Publish…
shows the post's checks before any site is set up, "Add a target…" adds the site, Publish
sends the post and links to it; an edit published again updates the same post in place.

Needs the local WordPress of tests/integration (skipped, saying why, where it cannot run;
CI sets BYLINE_REQUIRE_SERVICES=1 and fails instead)."""

from __future__ import annotations

import keyring
import pytest
from keyring.backends import fail
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from editor.services import posts
from editor.ui.publishing.targets_dialog import TargetsDialog
from tests.integration import conftest as wp
from tests.integration.publishing import SiteView
from tests.ui.conftest import SAVE_TIMEOUT_MS

PUSH_TIMEOUT_MS = 60_000
wordpress_instance, wordpress = wp.wordpress_instance, wp.wordpress  # the site's fixtures


@pytest.fixture
def no_keychain(monkeypatch):
    """No keychain and no $BYLINE_PASSWORD: the password typed in the dialog is the one used."""
    before = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    monkeypatch.delenv("BYLINE_PASSWORD", raising=False)
    yield
    keyring.set_keyring(before)


def _checks(dialog) -> list[str]:
    return [dialog.checks.item(i).text() for i in range(dialog.checks.count())]


def _open_publish(j):
    pub = j.window.publishing
    j.focus(j.window.body)
    j.shortcut("Ctrl+Alt+P")  # File ▸ Publish…
    j.wait(lambda: pub.publish_dialog is not None and pub.publish_dialog.isVisible())
    return pub.publish_dialog


def _fill(j, field, text: str) -> None:
    j.focus(field)
    j.type(text)


def _publish_now(j, dialog) -> str:
    """Status "Publish now" by keyboard, click Publish, wait for the link; the URL."""
    dialog.activateWindow()
    j.wait(dialog.isActiveWindow)
    j.press(Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier, dialog)  # the "&Status:" label
    j.wait(dialog.status.hasFocus)
    while dialog.status.currentData() != "publish":
        j.press(Qt.Key.Key_Down)
    with j.qtbot.waitSignal(dialog.published, timeout=PUSH_TIMEOUT_MS) as published:
        j.click(dialog.publish_button)
    url = published.args[0]
    j.wait(lambda: dialog.result.text().startswith("Published at <a href="))
    assert f'href="{url}"' in dialog.result.text()
    return url


def test_publish_to_wordpress_and_update_in_place(journey, db_path, wordpress, no_keychain):
    j = journey(db_path, preview=False)
    w = j.window

    dialog = _open_publish(j)
    assert "No publishing target yet" in dialog.progress.text()
    items = _checks(dialog)  # what the push would say, before any target exists
    assert items[0] == "⚠ no lead photo: the post will have no featured image", items
    assert len(items) == 2 and items[1].startswith("⚠ proofing: "), items
    assert not dialog.publish_button.isEnabled()

    j.click(dialog.add_target_button)
    j.wait(lambda: isinstance(QApplication.activeModalWidget(), TargetsDialog))
    targets = QApplication.activeModalWidget()
    _fill(j, targets.name, "newsroom")
    _fill(j, targets.url, wordpress.url)
    _fill(j, targets.user, wordpress.user)
    _fill(j, targets.password, wordpress.app_password)
    j.click(targets.add_button)
    j.wait(lambda: QApplication.activeModalWidget() is not targets, PUSH_TIMEOUT_MS)
    assert dialog.target.currentText() == "newsroom (wordpress)"
    assert "Added newsroom: API at" in dialog.progress.text()
    assert dialog.publish_button.isEnabled()

    url = _publish_now(j, dialog)
    assert url.startswith(wordpress.url)
    site = SiteView(wordpress)
    with w.controller.store.session() as s:
        uuid = posts.get_post(s, w.controller.current.id).uuid
    (remote,) = site.posts_with_marker(uuid)
    assert remote["status"] == "publish"
    assert remote["title"]["raw"].startswith("In the high Andes")
    assert remote["link"] == url
    dialog.close()

    j.caret_to_end()
    j.type("\n\nAn update typed after publishing.")
    dialog = _open_publish(j)
    assert dialog.target.currentText() == "newsroom (wordpress)"
    assert _publish_now(j, dialog) == url
    (again,) = site.posts_with_marker(uuid)  # the same post, updated in place
    assert again["id"] == remote["id"]
    assert "An update typed after publishing." in again["content"]["raw"]
    dialog.close()
    j.wait(lambda: not w.controller.autosave.dirty, SAVE_TIMEOUT_MS)
