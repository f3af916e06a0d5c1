"""Publishing in the real window: the outbox dock, File > Export, the targets dialog, the menus.
(The Publish action against the real WordPress is in tests/integration/.)"""

from __future__ import annotations

import json
import zipfile

import keyring
import pytest
from keyring.backends import fail
from PySide6.QtWidgets import QMenu, QPushButton

from editor.model import utcnow
from editor.publish.secrets import SecretStore
from editor.services import outbox
from editor.store.database import open_store
from editor.ui.publishing.export_dialog import ExportMessage, ExportPathDialog
from editor.ui.window.actions import Act
from tests.ui.conftest import SAVE_TIMEOUT_MS
from tests.ui.publishing_support import GatedExecutor, add_offline_target, attach_photos

EXPORT_TIMEOUT_MS = 30000


@pytest.fixture
def no_keychain(monkeypatch):
    """A machine without a keychain, whatever this one has; scripts give $BYLINE_PASSWORD."""
    before = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    monkeypatch.setenv("BYLINE_PASSWORD", "not-a-real-password")
    yield
    keyring.set_keyring(before)


def test_every_shortcut_is_used_once_and_publishing_sits_in_the_file_menu(open_window, db_path):
    window = open_window(db_path)
    keys = [window.actions_[a].shortcut().toString() for a in Act]
    keys = [k for k in keys if k]
    assert len(keys) == len(set(keys)), keys
    owners = window.actions_[Act.QUIT].associatedObjects()
    texts = [a.text() for a in next(m for m in owners if isinstance(m, QMenu)).actions()]
    assert texts.index("&Publish…") < texts.index("&Quit")
    assert texts.index("&Export…") < texts.index("&Quit")


def test_a_failed_push_is_queued_shown_in_the_outbox_dock_and_cancelled(
    qtbot, open_window, db_path, monkeypatch, no_keychain
):
    monkeypatch.setattr("editor.services.publish.RETRY_PAUSE", 0.0)
    add_offline_target(db_path)
    window = open_window(db_path)
    pub = window.publishing
    assert pub.outbox_dock.isHidden()
    window.actions_[Act.PUBLISH].trigger()  # the dialog opens after the flushed save
    qtbot.waitUntil(lambda: pub.publish_dialog is not None, timeout=SAVE_TIMEOUT_MS)
    dialog = pub.publish_dialog
    assert dialog.target.currentText() == "offline (wordpress)"
    assert dialog.publish_button.isEnabled()  # the sample post passes the checks
    with qtbot.waitSignal(dialog.push_finished, timeout=EXPORT_TIMEOUT_MS) as finished:
        dialog.publish_button.click()
    assert finished.args[0].retryable
    assert "Queued in the outbox" in dialog.progress.text()
    assert pub.queued_label.text() == "1 queued"

    window.actions_[Act.OUTBOX].trigger()
    assert not pub.outbox_dock.isHidden()
    panel = pub.outbox
    assert panel.table.rowCount() == 1
    assert panel.table.item(0, 1).text() == "offline"
    assert panel.table.item(0, 3).text() == "queued"
    window.statusBar().layout().activate()
    window.grab().save("/tmp/byline-outbox-dock.png")
    panel.table.selectRow(0)
    with qtbot.waitSignal(pub.outbox_refreshed) as refreshed:
        panel.cancel_button.click()
    assert refreshed.args == [0]
    assert panel.table.rowCount() == 0
    assert pub.queued_label.text() == ""
    dialog.close()


def test_the_outbox_is_sent_when_the_store_opens(qtbot, open_window, db_path, no_keychain):
    add_offline_target(db_path)
    window = open_window(db_path)  # seeds the sample post; nothing queued yet
    post_id = window.controller.current.id
    window.close()
    store = open_store(db_path)
    try:
        with store.session() as s:
            item = outbox.enqueue(s, post_id=post_id, target_name="offline", status="draft",
                                  force=False, error="cannot connect",
                                  now=utcnow().replace(year=2020))  # fmt: skip
            item_id = item.id
    finally:
        store.close()

    again = open_window(db_path)
    again.publishing.worker.wait_idle()
    qtbot.waitUntil(lambda: again.publishing.queued_label.text() == "1 queued")
    store = open_store(db_path)
    try:
        with store.session() as s:
            (row,) = [r for r in outbox.list_outbox(s) if r.id == item_id]
    finally:
        store.close()
    assert row.attempts == 2  # tried at start: still offline, so queued again with backoff
    assert again.publishing.timer.isActive() and again.publishing.timer.interval() == 60_000
    assert row.state == "queued"
    assert "127.0.0.1" in row.last_error or "connect" in row.last_error.lower()


def test_export_action_writes_a_bundle_with_the_photo_renditions(
    qtbot, open_window, db_path, tmp_path, monkeypatch
):
    window = open_window(db_path)
    attach_photos(db_path, window.controller.current.id, count=2)
    target = tmp_path / "out" / "radio.zip"
    target.parent.mkdir()
    asked = []
    monkeypatch.setattr(ExportPathDialog, "ask",
                        classmethod(lambda cls, parent, suggested: asked.append(suggested)
                                    or target))  # fmt: skip
    exporter = window.publishing.exporter
    shots = []

    def shoot(done: int, total: int) -> None:
        dialog = exporter.progress_dialog
        if dialog is not None and not shots and 0 < done < total:
            dialog.resize(420, 130)
            dialog.grab().save("/tmp/byline-export-progress.png")
            shots.append((done, total, dialog.labelText(), dialog.value(), dialog.maximum()))

    exporter._relay.progressed.connect(shoot)  # after the exporter's own slot
    with qtbot.waitSignal(exporter.exported, timeout=EXPORT_TIMEOUT_MS) as signal:
        window.actions_[Act.EXPORT].trigger()
    assert asked and asked[0].name.startswith("in-the-high-andes")
    result = signal.args[0]
    with zipfile.ZipFile(target) as bundle:
        names = bundle.namelist()
        manifest = json.loads(bundle.read("post.json"))
        page = bundle.read("index.html").decode()
    images = [n for n in names if n.startswith("images/") and n != "images/"]
    # Two photos 900 and 940 px wide: 320, 640 and their own width (never upscaled), JPEG + WebP.
    assert len(images) == 2 * 3 * 2
    assert len(manifest["photos"]) == 2
    listed = {r["file"] for p in manifest["photos"] for r in p["renditions"]}
    assert listed == set(images)
    assert 'srcset="images/' in page
    assert result.target == target
    assert "Exported to" in window.statusBar().currentMessage()
    assert shots and shots[0][2] == "Making photo renditions: 1 of 2…"
    assert exporter.progress_dialog is None


def test_cancelling_an_export_writes_nothing(qtbot, open_window, db_path, tmp_path, monkeypatch):
    window = open_window(db_path)
    attach_photos(db_path, window.controller.current.id, count=1)
    target = tmp_path / "bundle"
    monkeypatch.setattr(ExportPathDialog, "ask", classmethod(lambda cls, p, s: target))
    exporter = window.publishing.exporter
    exporter.executor = gated = GatedExecutor()
    window.actions_[Act.EXPORT].trigger()
    qtbot.waitUntil(lambda: exporter.progress_dialog is not None, timeout=SAVE_TIMEOUT_MS)
    cancel = exporter.progress_dialog.findChild(QPushButton)
    assert cancel.text() == "Cancel"
    with qtbot.waitSignal(exporter.cancelled, timeout=EXPORT_TIMEOUT_MS):
        cancel.click()
        gated.gate.set()
    gated.shutdown()
    assert not target.exists()
    assert list(tmp_path.glob(".bundle*")) == []  # no temporary leftovers beside it
    assert window.statusBar().currentMessage() == "Export cancelled; nothing was written."


def test_a_failed_export_says_why(qtbot, open_window, db_path, tmp_path, monkeypatch):
    window = open_window(db_path)
    target = tmp_path / "missing-folder" / "bundle.zip"
    monkeypatch.setattr(ExportPathDialog, "ask", classmethod(lambda cls, p, s: target))
    told = []
    monkeypatch.setattr(ExportMessage, "failed", classmethod(lambda cls, p, m: told.append(m)))
    with qtbot.waitSignal(window.publishing.exporter.failed, timeout=EXPORT_TIMEOUT_MS):
        window.actions_[Act.EXPORT].trigger()
    assert told and "does not exist" in told[0] and "missing-folder" in told[0]


def test_targets_dialog_adds_sets_default_and_removes(qtbot, open_window, db_path, no_keychain):
    from editor.ui.publishing.targets_dialog import TargetsDialog

    window = open_window(db_path)
    pub = window.publishing
    notices = []
    secrets = SecretStore(notify=notices.append)
    dialog = TargetsDialog(window.controller.store, secrets, pub.worker, window)
    qtbot.addWidget(dialog)
    dialog.name.setText("newsroom")
    dialog.url.setText("http://127.0.0.1:9/")
    dialog.user.setText("editor")
    dialog.api_url.setText("http://127.0.0.1:9/wp-json/")  # no discovery: nothing listens
    dialog.password.setText("s3cret-app-password")
    with qtbot.waitSignal(dialog.job_finished, timeout=SAVE_TIMEOUT_MS) as done:
        dialog.add_button.click()
    assert done.args[0], done.args[1]
    assert "in memory for this session (no keychain)" in done.args[1]
    assert notices and "no OS keychain" in notices[0]
    assert dialog.names() == ["newsroom"]
    assert dialog.password.text() == ""

    dialog.make_default()
    assert "default for Latin America Blog" in dialog.list.item(0).text()

    store = open_store(db_path)
    try:
        with store.session() as s:
            from editor.model import Target

            (row,) = s.query(Target).all()
            stored = {c.name: getattr(row, c.name) for c in Target.__table__.columns}
    finally:
        store.close()
    assert "s3cret-app-password" not in json.dumps(stored, default=str)  # never in the database

    dialog.remove_selected()
    assert dialog.names() == []
    assert "Removed newsroom" in dialog.status.text()


def test_targets_dialog_reports_a_refused_url(qtbot, open_window, db_path, no_keychain):
    from editor.ui.publishing.targets_dialog import TargetsDialog

    window = open_window(db_path)
    dialog = TargetsDialog(window.controller.store, SecretStore(), window.publishing.worker)
    qtbot.addWidget(dialog)
    dialog.name.setText("remote")
    dialog.url.setText("http://blog.example.org/")
    dialog.user.setText("editor")
    dialog.password.setText("x")
    with qtbot.waitSignal(dialog.job_finished, timeout=SAVE_TIMEOUT_MS) as done:
        dialog.add_button.click()
    assert not done.args[0]
    assert "plain http" in dialog.status.text()
    assert dialog.names() == []


def test_the_publish_dialog_checks_the_attached_photos(qtbot, open_window, db_path, no_keychain):
    add_offline_target(db_path)
    window = open_window(db_path)
    store = open_store(db_path)
    try:
        with store.session() as s:
            from editor.services import photos, posts

            post = posts.get_post(s, window.controller.current.id)
            from tests.helpers.photos import jpeg_bytes

            photos.attach(s, post, jpeg_bytes(), filename="noalt.jpg", lead=True, credit="X")
    finally:
        store.close()
    pub = window.publishing
    window.actions_[Act.PUBLISH].trigger()
    qtbot.waitUntil(lambda: pub.publish_dialog is not None, timeout=SAVE_TIMEOUT_MS)
    dialog = pub.publish_dialog
    items = [dialog.checks.item(i).text() for i in range(dialog.checks.count())]
    dialog.close()
    assert any("no alt text" in i for i in items), items


def test_without_a_password_the_outbox_waits_and_asks_once(
    qtbot, open_window, db_path, monkeypatch, no_keychain
):
    monkeypatch.delenv("BYLINE_PASSWORD")
    asked = []
    monkeypatch.setattr("editor.ui.publishing.publish_dialog.gui_prompt",
                        lambda parent: lambda text: asked.append(text) or "")  # fmt: skip
    add_offline_target(db_path)
    window = open_window(db_path)
    post_id = window.controller.current.id
    store = window.controller.store
    with store.session() as s:
        outbox.enqueue(s, post_id=post_id, target_name="offline", status="draft", force=False,
                       error="cannot connect", now=utcnow().replace(year=2020))  # fmt: skip
    pub = window.publishing
    for _ in range(2):  # two timer ticks: asked once, then it just waits
        with qtbot.waitSignal(pub.outbox_processed, timeout=SAVE_TIMEOUT_MS):
            pub.timer.timeout.emit()
    assert asked == ["Password for editor on target offline: "]
    assert "waits for the password of offline" in window.statusBar().currentMessage()
    with store.session() as s:
        (row,) = outbox.list_outbox(s)
    assert (row.state, row.attempts) == ("queued", 1)  # untouched: not failed for lack of it
    assert pub.queued_label.text() == "1 queued"
