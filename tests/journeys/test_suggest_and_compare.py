"""An editor reviews a draft in Suggest mode, the writer accepts and rejects from the body's
context menu, and Compare shows the words that changed since the first revision."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu

from editor.ui.window.actions import Act

SHIFT = Qt.KeyboardModifier.ShiftModifier
WORD = "corrugated"
SENTENCE = "The regional power line reached the village in 2004. "


def _select(j, text: str) -> None:
    """Caret before ``text`` in the body, then Shift+Right over it, as a person selects."""
    body = j.window.body
    cur = body.textCursor()
    cur.setPosition(body.toPlainText().index(text))
    body.setTextCursor(cur)
    for _ in text:
        j.press(Qt.Key.Key_Right, SHIFT, widget=body)
    assert body.textCursor().selectedText() == text


def _context_menu_choose(j, needle: str, action_name: str) -> None:
    """Right-click on the mark holding ``needle`` and choose ``action_name``."""
    body = j.window.body
    cur = body.textCursor()
    cur.setPosition(body.toPlainText().index(needle) + 1)
    pos = body.cursorRect(cur).center()
    QTest.mouseClick(
        body.viewport(), Qt.MouseButton.RightButton, Qt.KeyboardModifier.NoModifier, pos
    )
    # the offscreen platform makes no context-menu event of a right click: send the one a
    # desktop sends after it
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos, body.viewport().mapToGlobal(pos))
    QApplication.sendEvent(body.viewport(), event)
    j.wait(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    menu = QApplication.activePopupWidget()
    action = next(a for a in menu.actions() if a.objectName() == action_name)
    QTest.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(action).center())
    j.wait(lambda: QApplication.activePopupWidget() is None)


def _struck_and_added(body) -> tuple[bool, bool]:
    struck = added = False
    block = body.document().firstBlock()
    while block.isValid():
        for r in block.layout().formats():
            struck |= r.format.fontStrikeOut()
            added |= r.format.fontUnderline() and r.format.foreground().color().green() > 100
        block = block.next()
    return struck, added


def test_suggest_by_typing_accept_and_reject_from_the_menu_undo_and_compare(
    journey, db_path, monkeypatch
):
    monkeypatch.setenv("BYLINE_USER_NAME", "Ana Editor")
    j = journey(db_path)
    w = j.window
    original = w.body.toPlainText()
    assert WORD in original and SENTENCE in original

    j.focus(w.body)
    j.shortcut("Ctrl+Alt+S")
    assert w.actions_[Act.SUGGEST_MODE].isChecked()
    assert w.suggest.state_label.text() == "Suggesting"
    assert w.settings.flag(w.suggest._setting_key())  # remembered for this person

    _select(j, WORD)
    j.type("tin")
    _select(j, SENTENCE)
    j.press(Qt.Key.Key_Backspace)
    text = w.body.toPlainText()
    assert "{~~corrugated~>tin~~}" in text
    assert "{--" + SENTENCE + "--}" in text
    assert _struck_and_added(w.body) == (True, True)
    j.wait_preview_idle()
    j.wait(
        lambda: " tin roof" in j.preview_text() and "regional power line" not in j.preview_text()
    )
    assert "{~~" not in j.preview_text()
    # the other view: the preview marks them, struck and added
    j.menu(w.actions_[Act.PREVIEW_MARKS])
    j.wait(lambda: j.js("document.querySelectorAll('#article-body del.suggested').length") == 2)
    assert j.js("document.querySelector('#article-body ins.suggested').textContent") == "tin"
    j.menu(w.actions_[Act.PREVIEW_MARKS])
    j.wait(lambda: j.js("document.querySelectorAll('#article-body del').length") == 0)

    # the list beside the body shows both, with who suggested them once saved
    j.wait_saved()
    j.shortcut("Ctrl+Alt+G")
    j.wait(lambda: w.suggest.list.list.count() == 2)
    j.wait(lambda: "Ana Editor" in w.suggest.list.list.item(0).text())

    # the writer: Suggest mode off, accept the word from the context menu
    j.focus(w.body)
    j.shortcut("Ctrl+Alt+S")
    assert not w.actions_[Act.SUGGEST_MODE].isChecked()
    _context_menu_choose(j, "~>tin", "accept_suggestion_here")
    assert "tin roof" in w.body.toPlainText() and "{~~" not in w.body.toPlainText()
    j.shortcut("Ctrl+Z")  # one undo step brings the suggestion back
    assert "{~~corrugated~>tin~~}" in w.body.toPlainText()
    _context_menu_choose(j, "~>tin", "accept_suggestion_here")
    _context_menu_choose(j, "regional power", "reject_suggestion_here")
    expected = original.replace(WORD, "tin")
    assert w.body.toPlainText() == expected
    j.wait(lambda: w.suggest.list.list.count() == 0)
    j.wait_preview_matches()

    # Compare the first revision with now: the word changes, nothing else
    j.wait_saved()
    j.focus(w.body)  # back in the text (the context menu took the window's activation)
    j.shortcut("Ctrl+Shift+H")
    j.wait(lambda: "revisions_dock" in j.visible_docks())
    panel = w.revisions
    j.wait(lambda: panel.list.count() >= 1)
    panel.list.setCurrentRow(panel.list.count() - 1)  # the first revision is at the bottom
    j.click(panel.compare_button)
    j.wait(lambda: w.suggest.compare is not None and w.suggest.compare.isVisible())
    dialog = w.suggest.compare
    j.wait(lambda: bool(dialog.diffs))
    changed = {d.field: d for d in dialog.diffs if d.changed}
    assert set(changed) == {"body"}
    assert [(op.old, op.new) for op in changed["body"].ops if op.tag != "equal"] == [(WORD, "tin")]
    assert "corrugated" in dialog.side.toPlainText() and "tin" in dialog.inline.toPlainText()
    dialog.close()


def test_accept_all_then_ctrl_z_brings_every_suggestion_back(journey, db_path):
    """The status bar says "Ctrl+Z undoes it": after Accept all the keyboard is back in the
    text, so it does (it went on to the post search, where Ctrl+Z undid nothing)."""
    from editor.model import PostContent
    from editor.services import blogs, posts
    from editor.store.database import open_store

    marked = "The {~~old~>new~~} roof.\n\nPanels {++on the school++} now."
    store = open_store(db_path)
    with store.session() as s:
        posts.create_post(s, PostContent(headline="Roofs", byline="Ana", body=marked),
                          blog=blogs.default_blog(s))  # fmt: skip
    store.close()
    j = journey(db_path)
    w = j.window
    j.wait(lambda: w.body.toPlainText() == marked)
    j.focus(w.body)
    j.shortcut("Ctrl+Alt+G")
    j.wait(lambda: w.suggest.list.list.count() == 2)
    j.click(w.suggest.list.accept_all_button)
    assert w.body.toPlainText() == "The new roof.\n\nPanels on the school now."
    j.wait(lambda: j.focused_in(w.body))
    assert "Ctrl+Z undoes it" in j.status_text()
    j.shortcut("Ctrl+Z")
    assert w.body.toPlainText() == marked
    j.wait(lambda: w.suggest.list.list.count() == 2)
