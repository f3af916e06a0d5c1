"""The photo panel with a real database: add by dialog, drop and paste; edit; lead; remove."""

from __future__ import annotations

import threading
from concurrent.futures import Future

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDropEvent, QGuiApplication, QImage

from editor.media import thumbnails
from editor.model import PostContent
from editor.services import blogs, photos, posts
from editor.store.database import open_store
from editor.ui.photos.photo_controller import PhotoPanelController
from editor.ui.photos.photo_panel import PhotoPanel
from tests.helpers.photos import exiftool, write_jpeg


class InlineExecutor:
    """Runs work at once on the calling thread (for the write worker in tests)."""

    def submit(self, fn, *args, **kwargs):
        future: Future = Future()
        future.set_result(fn(*args, **kwargs))
        return future

    def shutdown(self, wait=True):
        pass


@pytest.fixture
def setup(qtbot, tmp_path):
    store = open_store(tmp_path / "ui.sqlite3")
    with store.session() as s:
        blog = blogs.get_or_create_blog(s, "Desk")
        post = posts.create_post(s, PostContent(headline="Photo panel"), blog=blog)
    panel = PhotoPanel()
    qtbot.addWidget(panel)
    controller = PhotoPanelController(store, panel, write_executor=InlineExecutor())
    controller.show_post(post.id)
    panel.resize(720, 560)
    yield store, post.id, panel, controller
    controller.close()
    store.close()


def _db_photos(store, post_id):
    with store.session() as s:
        return [(p.filename, p.role, p.caption, p.credit, p.alt)
                for p in photos.list_photos(s, post_id)]  # fmt: skip


def test_add_by_dialog_makes_lead_with_thumbnail_off_the_gui_thread(setup, qtbot, tmp_path,
                                                                    monkeypatch):  # fmt: skip
    store, post_id, panel, _ = setup
    path = write_jpeg(tmp_path / "harbour.jpg", size=(900, 600))
    exiftool(path, "-IPTC:By-line=Ana Lima", "-IPTC:Source=AP", "-IPTC:Caption-Abstract=Boats")
    threads: list[str] = []
    real = thumbnails.make_thumbnail

    def spy(data, size=160):
        threads.append(threading.current_thread().name)
        return real(data, size)

    monkeypatch.setattr(thumbnails, "make_thumbnail", spy)  # looked up when needed
    monkeypatch.setattr(PhotoPanel, "ask_files", classmethod(lambda cls, parent: [str(path)]))
    with qtbot.waitSignal(panel.thumbnails_done, timeout=10_000):
        qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    assert _db_photos(store, post_id) == [("harbour.jpg", "lead", "Boats", "Ana Lima/AP", "")]
    (card,) = panel.cards
    assert card.badge.text() == "LEAD PHOTO"
    assert card.fields["credit"].text() == "Ana Lima/AP"
    assert panel.has_thumbnail(card.item.id)
    assert threads and all(t != threading.main_thread().name for t in threads)
    assert not card.warning.isHidden() and "alt text" in card.warning.text()
    assert "c62828" in card.fields["alt"].styleSheet()
    assert card.fields["credit"].styleSheet() == ""


def test_typing_alt_and_credit_clears_the_warning_and_is_saved(setup, qtbot):
    store, post_id, panel, controller = setup
    controller.add_bytes(_png(), "pasted.png")
    card = panel.cards[0]
    assert "alt text and credit" in card.warning.text()
    for name, text in (("alt", "A crane over the harbour"), ("credit", "Me/Desk")):
        edit = card.fields[name]
        edit.setFocus()
        qtbot.keyClicks(edit, text)
        qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert card.warning.isHidden()
    assert _db_photos(store, post_id)[0][3:] == ("Me/Desk", "A crane over the harbour")


def _png(color=(200, 40, 40)) -> bytes:
    from io import BytesIO

    from PIL import Image

    buf = BytesIO()
    Image.new("RGB", (300, 200), color).save(buf, "PNG")
    return buf.getvalue()


def test_drop_files_and_a_bad_file(setup, qtbot, tmp_path):
    store, post_id, panel, _ = setup
    good = write_jpeg(tmp_path / "good.jpg")
    bad = tmp_path / "bad.jpg"
    bad.write_text("not an image")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(good)), QUrl.fromLocalFile(str(bad))])
    event = QDropEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)  # fmt: skip
    panel.dropEvent(event)
    assert [row[0] for row in _db_photos(store, post_id)] == ["good.jpg"]
    assert "bad.jpg: not an image" in panel.message.text()
    assert "c62828" in panel.message.styleSheet()
    assert len(panel.cards) == 1


def test_paste_image_from_clipboard(setup, qtbot):
    store, post_id, panel, _ = setup
    image = QImage(320, 240, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.darkGreen)
    QGuiApplication.clipboard().setImage(image)
    panel.paste()
    assert [row[0] for row in _db_photos(store, post_id)] == ["image from the clipboard.png"]
    assert panel.cards[0].item.width == 320


def test_set_lead_and_remove(setup, qtbot):
    store, post_id, panel, controller = setup
    controller.add_bytes(_png((10, 10, 200)), "one.png")
    controller.add_bytes(_png((10, 200, 10)), "two.png")
    assert [c.item.is_lead for c in panel.cards] == [True, False]
    second = panel.cards[1]
    with qtbot.waitSignal(controller.photos_changed):
        qtbot.mouseClick(second.lead_button, Qt.MouseButton.LeftButton)
    assert [r[:2] for r in _db_photos(store, post_id)] == [
        ("two.png", "lead"),
        ("one.png", "inline"),
    ]
    qtbot.mouseClick(panel.cards[1].remove_button, Qt.MouseButton.LeftButton)
    assert [r[:2] for r in _db_photos(store, post_id)] == [("two.png", "lead")]
    assert len(panel.cards) == 1


def test_a_message_about_one_post_goes_when_another_is_shown(setup, qtbot):
    store, post_id, panel, controller = setup
    panel.show_message("Added harbour.jpg as the lead photo.")
    controller.show_post(post_id)  # the same post again (a refresh): the message stays
    assert panel.message.text() == "Added harbour.jpg as the lead photo."
    with store.session() as s:
        other = posts.create_post(s, PostContent(headline="Another"), blog=blogs.default_blog(s))
    controller.show_post(other.id)
    assert panel.message.text() == "" and panel.message.isHidden()
