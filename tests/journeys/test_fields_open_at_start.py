"""Fields open at their first word: a headline, slug or tag list longer than its field shows its
beginning, not its end; a photo's caption and alt text are a few lines high and show the
whole of a short paragraph."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QScrollArea

from editor.services import photos
from editor.services.sample import seed_sample_post
from editor.store.database import open_store
from tests.helpers.photos import jpeg_bytes

CAPTION = (
    "Volunteers carry a solar panel across the school yard in Achacachi, 3,900 metres up. "
    "The station has run on the twelve panels since 2019."
)
ALT = "Four people carry a large solar panel across a dusty yard under a bright sky."


def _overflows(field: QLineEdit) -> bool:
    return field.fontMetrics().horizontalAdvance(field.text()) > field.contentsRect().width()


def _shows_start(field: QLineEdit) -> bool:
    """The caret (and so the view) is at the first character, at the field's left edge."""
    return field.cursorPosition() == 0 and field.cursorRect().left() < 10


def test_long_single_line_fields_show_their_beginning(journey, db_path):
    j = journey(db_path)  # the sample post, at the default window size
    form = j.window.form
    long_ones = [f for f in (form.headline, form.slug, form.tags) if _overflows(f)]
    assert len(long_ones) >= 2, "the sample post should have fields longer than their boxes"
    for field in (form.headline, form.slug, form.tags, form.byline, form.categories):
        assert _shows_start(field), f"{field.objectName()} opened scrolled to its end"


def test_caption_and_alt_text_are_paragraphs_shown_from_the_start(journey, db_path):
    store = open_store(db_path)
    try:
        with store.session() as s:
            post = seed_sample_post(s)
            assert post is not None
            post_id = post.id
            photos.attach(s, post, jpeg_bytes(), filename="a-long-file-name-from-the-camera.jpg",
                          lead=True, caption=CAPTION, credit="Ana Lima/AP")  # fmt: skip
            s.commit()
    finally:
        store.close()
    j = journey(db_path)
    j.focus(j.window.body)
    j.shortcut("Ctrl+Shift+F")
    panel = j.window.panels.photo_panel
    j.wait(lambda: len(panel.cards) == 1 and panel.cards[0].isVisible())
    card = panel.cards[0]
    caption, alt = card.fields["caption"], card.fields["alt"]
    line = caption.fontMetrics().lineSpacing()
    for field in (caption, alt):
        assert field.viewport().height() >= 2 * line, f"{field.objectName()} is one line high"
    assert caption.toPlainText() == CAPTION
    assert caption.verticalScrollBar().value() == 0
    j.wait(lambda: caption.verticalScrollBar().maximum() == 0)  # the whole caption in view
    assert caption.cursorRect().top() < line  # the first word is in view
    assert _shows_start(card.fields["credit"])
    # The card fits the panel: nothing, not even Remove, is cut off at the right.
    scroll = panel.findChild(QScrollArea)
    assert card.width() <= scroll.viewport().width()
    assert card.remove_button.geometry().right() <= card.width()
    assert scroll.horizontalScrollBar().maximum() == 0

    # Alt text is typed as a sentence; Enter finishes it (no line break in it) and saves it.
    j.focus(alt)
    j.type(ALT)
    j.press(Qt.Key.Key_Return)
    j.wait(lambda: card.warning.isHidden() or "alt" not in card.warning.text())
    j.wait(lambda: _alts(db_path, post_id) == [ALT])


def _alts(db_path, post_id) -> list[str]:
    store = open_store(db_path)
    try:
        with store.session() as s:
            return [p.alt for p in photos.list_photos(s, post_id)]
    finally:
        store.close()
