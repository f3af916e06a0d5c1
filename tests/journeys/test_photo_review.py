"""Reviewing a photo's texts in the window: an editor selects words of a caption, comments on
them with Ctrl+Alt+M, and the comment in the Review panel leads back to those words in the
photo's card; Compare lists a caption's changed words beside the post's fields."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from editor.model import PostContent
from editor.services import blogs, photos, posts
from editor.store.database import open_store
from tests.helpers.photos import jpeg_bytes

SHIFT, CTRL = Qt.KeyboardModifier.ShiftModifier, Qt.KeyboardModifier.ControlModifier
CAPTION = "Volunteers raise the mast at dawn."
WORDS = "the mast"
COMMENT = "Which mast? The old one fell in 2019."


def _seed(db_path) -> int:
    store = open_store(db_path)
    try:
        with store.session() as s:
            blog = blogs.get_or_create_blog(s, "Latin America Blog")
            post = posts.create_post(
                s, PostContent(headline="Solar radio", body="The station runs on sunlight."),
                blog=blog,
            )  # fmt: skip
            photo = photos.attach(s, post, jpeg_bytes((300, 200)), filename="mast.jpg",
                                  caption=CAPTION, credit="Ana Ruiz", alt="A mast")  # fmt: skip
            posts.save_version(s, post.id, "With the photo")
            return photo.id
    finally:
        store.close()


def _open_photos(j):
    w = j.window
    panel = w.panels.photo_panel
    j.focus(w.body)
    if "photos_dock" not in j.visible_docks():
        j.shortcut("Ctrl+Shift+F")
    j.wait(lambda: "photos_dock" in j.visible_docks() and len(panel.cards) == 1)
    return panel.cards[0]


def _select_in(j, edit, words: str) -> None:
    """Caret to the start, Right up to the words, Shift+Right over them: as a person selects."""
    j.focus(edit)
    j.press(Qt.Key.Key_Home, CTRL, widget=edit)
    for _ in range(edit.toPlainText().index(words)):
        j.press(Qt.Key.Key_Right, widget=edit)
    for _ in words:
        j.press(Qt.Key.Key_Right, SHIFT, widget=edit)
    assert edit.textCursor().selectedText() == words


def test_comment_on_caption_words_and_jump_back_to_them(journey, db_path):
    photo_id = _seed(db_path)
    j = journey(db_path)
    w = j.window
    panel = w.review.panel
    j.wait(lambda: w.controller.current is not None and w.form.headline.text()
           == "Solar radio")  # fmt: skip
    caption = _open_photos(j).fields["caption"]

    _select_in(j, caption, WORDS)
    j.shortcut("Ctrl+Alt+M")
    j.wait(panel.new_comment.hasFocus)
    assert panel.new_quote.text() == f"On “{WORDS}” in the caption of photo {photo_id}:"
    j.type(COMMENT)
    j.click(panel.add_button)
    j.wait(lambda: panel.comments.topLevelItemCount() == 1)
    item = panel.comments.topLevelItem(0)
    assert COMMENT in item.text(0) and f"“{WORDS}” in the caption of photo" in item.text(0)
    assert [(c.field, c.anchor.quote) for c in w.review.data.comments] == [
        (f"caption:{photo_id}", WORDS)
    ]

    # Elsewhere now: the caption's selection gone and the Photos panel closed.
    j.focus(caption)
    j.press(Qt.Key.Key_End, CTRL, widget=caption)
    assert not caption.textCursor().hasSelection()
    j.focus(w.body)
    j.shortcut("Ctrl+Shift+F")  # closes the panel, or first brings its tab to the front
    if "photos_dock" in j.visible_docks():
        j.shortcut("Ctrl+Shift+F")
    j.wait(lambda: w.panels.photo_dock.isHidden())
    if "review_dock" not in j.visible_docks():
        j.shortcut("Ctrl+Alt+R")
    j.wait(lambda: "review_dock" in j.visible_docks())

    # A click on the comment opens the Photos panel with the words selected in the caption.
    item = panel.comments.topLevelItem(0)
    rect = panel.comments.visualItemRect(item)
    QTest.mouseClick(panel.comments.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    j.wait(lambda: "photos_dock" in j.visible_docks())
    j.wait(lambda: caption.textCursor().selectedText() == WORDS)
    assert caption.toPlainText() == CAPTION  # selected, never changed


def test_compare_lists_a_changed_caption(journey, db_path):
    photo_id = _seed(db_path)
    j = journey(db_path)
    w = j.window
    j.wait(lambda: w.controller.current is not None and w.form.headline.text()
           == "Solar radio")  # fmt: skip
    caption = _open_photos(j).fields["caption"]
    _select_in(j, caption, "dawn")
    j.type("noon")
    j.press(Qt.Key.Key_Tab, widget=caption)  # the edit is reported when the field is left

    j.focus(w.body)
    j.shortcut("Ctrl+Shift+H")
    history = w.revisions
    j.wait(lambda: history.list.count() >= 1)
    history.list.setCurrentRow(0)  # the newest revision: "With the photo"
    assert "With the photo" in history.list.currentItem().text()
    j.click(history.compare_button)
    j.wait(lambda: w.suggest.compare is not None and w.suggest.compare.isVisible())
    dialog = w.suggest.compare
    j.wait(lambda: bool(dialog.diffs))
    changed = {d.field: d for d in dialog.diffs if d.changed}
    key = f"photo:{photo_id}:caption"
    assert set(changed) == {key}
    assert [(op.old, op.new) for op in changed[key].ops if op.tag != "equal"] == [("dawn", "noon")]
    assert "Photo “mast.jpg” caption" in dialog.side.toPlainText()
    assert "noon" in dialog.inline.toPlainText() and not dialog.note.isVisible()
    dialog.close()


def test_comment_on_a_credit_and_jump_back(journey, db_path):
    photo_id = _seed(db_path)
    j = journey(db_path)
    w, panel = j.window, j.window.review.panel
    j.wait(lambda: w.form.headline.text() == "Solar radio")
    credit = _open_photos(j).fields["credit"]
    j.focus(credit)
    j.press(Qt.Key.Key_End, widget=credit)
    for _ in "Ruiz":
        j.press(Qt.Key.Key_Left, SHIFT, widget=credit)
    assert credit.selectedText() == "Ruiz"
    j.shortcut("Ctrl+Alt+M")
    j.wait(panel.new_comment.hasFocus)
    assert panel.new_quote.text() == f"On “Ruiz” in the credit of photo {photo_id}:"
    j.type("Spelled Ruíz?")
    j.click(panel.add_button)
    j.wait(lambda: panel.comments.topLevelItemCount() == 1)
    j.focus(credit)
    j.press(Qt.Key.Key_Home, widget=credit)
    assert not credit.hasSelectedText()
    item = panel.comments.topLevelItem(0)
    rect = panel.comments.visualItemRect(item)
    QTest.mouseClick(panel.comments.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    j.wait(lambda: credit.selectedText() == "Ruiz")
