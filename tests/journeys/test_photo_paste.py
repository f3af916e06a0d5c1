"""Attach a photo by paste: copy a credited JPEG (as a file manager copies it: the file's URL
and its pixels), paste it into the Photos panel, see its card with the caption and credit read
from the file, put it in the body with the card's "Insert in body" and see the figure with its
credit in the preview."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, Qt, QUrl
from PySide6.QtGui import QGuiApplication, QImage

from tests.helpers.photos import exiftool, write_jpeg

CAPTION = "Lamps along the harbour wall at dusk"
CREDIT = "Grace Hopper/Harbour Agency"
ALT = "A row of lit lamps along a stone quay"


@pytest.fixture
def clipboard():
    """The system clipboard, emptied afterwards (data left in it crashes Qt at exit)."""
    board = QGuiApplication.clipboard()
    yield board
    board.clear()


def _copied(path) -> QMimeData:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    mime.setImageData(QImage(str(path)))
    return mime


def test_a_pasted_photo_gets_a_card_and_a_credited_figure_in_the_page(
    journey, db_path, tmp_path, clipboard
):
    photo = write_jpeg(tmp_path / "harbour.jpg", (900, 600))
    exiftool(photo, f"-IPTC:Credit={CREDIT}", f"-IPTC:Caption-Abstract={CAPTION}",
             f"-XMP-iptcCore:AltTextAccessibility={ALT}")  # fmt: skip
    j = journey(db_path)
    w = j.window
    panel = w.panels.photo_panel

    j.focus(w.body)
    j.shortcut("Ctrl+Shift+F")  # View ▸ Photos
    j.wait(lambda: "photos_dock" in j.visible_docks())  # on screen, not behind a tab
    clipboard.setMimeData(_copied(photo))
    j.click(panel.paste_button)

    j.wait(lambda: len(panel.cards) == 1)
    card = panel.cards[0]
    assert card.fields["caption"].text() == CAPTION
    assert card.fields["credit"].text() == CREDIT
    assert card.fields["alt"].text() == ALT
    assert card.badge.text() == "LEAD PHOTO"  # the first photo of a post leads it
    assert "Added harbour.jpg as the lead photo." in panel.message.text()
    assert not card.warning.isVisible()  # nothing missing: publishing is not blocked

    j.caret_to_end()
    j.click(card.insert_button)  # "Insert in body": after the paragraph the caret is in
    assert w.body.toPlainText().endswith(f"\n\n![{ALT}](photo:{card.item.id})")
    assert w.body.hasFocus()  # back to writing
    j.wait_preview_matches()
    j.wait(lambda: j.preview_text("#article-body figure .credit") == CREDIT)
    assert CAPTION in j.preview_text("#article-body figure figcaption")
    assert j.js("document.querySelector('#article-body figure img').alt") == ALT
    # The image is there (a rendition served to the page), not a broken link.
    j.wait(lambda: j.js("document.querySelector('#article-body figure img').naturalWidth") > 0)


def test_pasting_text_into_the_photos_panel_says_what_is_missing(journey, db_path, clipboard):
    j = journey(db_path, preview=False)
    w = j.window
    panel = w.panels.photo_panel
    j.focus(w.body)
    j.shortcut("Ctrl+Shift+F")
    j.wait(lambda: "photos_dock" in j.visible_docks())  # on screen, not behind a tab
    mime = QMimeData()
    mime.setText("not a photo")
    clipboard.setMimeData(mime)
    panel.add_button.setFocus(Qt.FocusReason.TabFocusReason)  # (a click would open the dialog)
    j.wait(panel.add_button.hasFocus)
    j.press(Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    j.wait(lambda: panel.message.isVisible())
    assert panel.message.text() == "Nothing to add: the clipboard holds no image or image file."
    assert panel.cards == []


@pytest.mark.parametrize(
    ("body", "caret", "expected"),
    [
        ("One.\n\nTwo.", 2, "One.\n\n![{alt}](photo:{id})\n\nTwo."),  # after the paragraph
        ("One.\n", 5, "One.\n\n![{alt}](photo:{id})"),  # on the empty last line
        ("", 0, "![{alt}](photo:{id})"),
    ],
)
def test_insert_in_body_puts_the_photo_on_a_line_of_its_own(
    journey, db_path, tmp_path, clipboard, body, caret, expected
):
    photo = write_jpeg(tmp_path / "harbour.jpg", (300, 200))
    exiftool(photo, f"-IPTC:Credit={CREDIT}", f"-XMP-iptcCore:AltTextAccessibility={ALT}")
    j = journey(db_path, preview=False)
    w, panel = j.window, j.window.panels.photo_panel
    j.focus(w.body)
    j.shortcut("Ctrl+Shift+F")
    j.wait(lambda: "photos_dock" in j.visible_docks())  # on screen, not behind a tab
    clipboard.setMimeData(_copied(photo))
    j.click(panel.paste_button)
    j.wait(lambda: len(panel.cards) == 1)
    w.body.setPlainText(body)
    cursor = w.body.textCursor()
    cursor.setPosition(caret)
    w.body.setTextCursor(cursor)
    j.click(panel.cards[0].insert_button)
    assert w.body.toPlainText() == expected.format(alt=ALT, id=panel.cards[0].item.id)
    w.body.undo()  # one step
    assert w.body.toPlainText() == body
