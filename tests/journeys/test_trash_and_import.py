"""Journeys: deleting a post to the Trash and getting it back, emptying the Trash, and
importing posts by File ▸ Import… and by dropping files on the post list."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton

from editor.ui.window.actions import Act
from editor.ui.writing.import_ui import ImportFilesDialog

HEADLINES = ["Salt flats at dawn", "Quinoa harvest", "Market day in Oruro"]  # oldest first


def _seed(db_path: Path, headlines: list[str] = HEADLINES) -> list[int]:
    from editor.model import PostContent
    from editor.services import blogs, posts
    from editor.store.database import open_store

    store = open_store(db_path)
    start = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)
    try:
        with store.session() as s:
            blog = blogs.get_or_create_blog(s, "Field Notes", site_url="https://notes.example")
            return [
                posts.create_post(
                    s, PostContent(headline=h, byline="Ada", body=f"{h}, told slowly."),
                    blog=blog, now=start + timedelta(minutes=i),
                ).id
                for i, h in enumerate(headlines)
            ]  # fmt: skip
    finally:
        store.close()


def _listed(j) -> list[str]:
    tree = j.window.post_list.tree
    return [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]


def _open_headline(j) -> str:
    current = j.window.controller.current
    return current.fields["headline"] if current is not None else ""


def _preview_shows(j, headline: str) -> None:
    j.wait(lambda: j.preview_text("h1.headline") == headline)


def _click_row(j, headline: str) -> None:
    tree = j.window.post_list.tree
    item = tree.findItems(headline, Qt.MatchFlag.MatchExactly, 0)[0]
    j.focus(tree)
    rect = tree.visualItemRect(item)
    from PySide6.QtTest import QTest

    QTest.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_delete_with_the_keyboard_then_undo_brings_it_back(journey, db_path):
    _seed(db_path)
    j = journey(db_path)
    newest, middle = HEADLINES[2], HEADLINES[1]
    j.wait(lambda: _open_headline(j) == newest)
    _preview_shows(j, newest)

    # Delete in the text deletes a character, never the post.
    j.caret_to_end()
    before = j.window.body.toPlainText()
    j.press(Qt.Key.Key_Backspace)
    j.press(Qt.Key.Key_Delete)  # at the end: nothing to delete
    assert j.window.body.toPlainText() == before[:-1]
    combo = j.window.post_list.blog  # nor from any other part of the window (tabbed to)
    combo.setFocus(Qt.FocusReason.TabFocusReason)
    j.wait(combo.hasFocus)
    j.press(Qt.Key.Key_Delete)
    from tests.ui.conftest import wait_idle

    wait_idle(j.qtbot, j.window)
    assert _listed(j) == HEADLINES[::-1] and not j.window.trash.offer.isVisible()

    j.focus(j.window.post_list.tree)
    j.press(Qt.Key.Key_Delete)
    j.wait(lambda: newest not in _listed(j))
    assert _listed(j) == [middle, HEADLINES[0]]
    j.wait(lambda: _open_headline(j) == middle)  # the next post opens
    _preview_shows(j, middle)
    offer = j.window.trash.offer
    assert offer.isVisible() and f"“{newest}” moved to the Trash." == offer.label.text()
    j.window.statusBar().showMessage("Something else happened.", 5000)
    assert offer.isVisible()  # a passing message does not hide the way back
    assert j.window.post_list.tree.hasFocus()

    j.shortcut("Ctrl+Z")  # in the list, Undo undoes the delete
    j.wait(lambda: newest in _listed(j))
    assert _listed(j) == HEADLINES[::-1]  # back in its place
    j.wait(lambda: _open_headline(j) == newest)
    _preview_shows(j, newest)
    assert not offer.isVisible()
    assert "Restored" in j.status_text()
    assert j.window.body.toPlainText() == before[:-1]  # with the edit made before deleting

    # And by the status bar's Undo button.
    j.focus(j.window.post_list.tree)
    j.press(Qt.Key.Key_Delete)
    j.wait(lambda: newest not in _listed(j))
    j.click(offer.button)
    j.wait(lambda: newest in _listed(j) and _open_headline(j) == newest)


def test_delete_then_restore_it_from_the_trash(journey, db_path):
    _seed(db_path)
    j = journey(db_path)
    gone = HEADLINES[2]
    j.wait(lambda: _open_headline(j) == gone)
    j.window.actions_[Act.DELETE_POST].trigger()  # Edit ▸ Delete Post
    j.wait(lambda: gone not in _listed(j))

    j.window.actions_[Act.SHOW_TRASH].trigger()  # View ▸ Trash
    j.wait(lambda: _listed(j) == [gone])
    assert j.window.post_list.status.currentText() == "Trash"
    bar = j.window.trash.bar
    assert bar.isVisible() and j.window.trash.empty_button.isEnabled()
    assert not j.window.trash.restore_button.isEnabled()  # nothing from the Trash is open
    actions = j.window.actions_
    assert not actions[Act.RESTORE_POST].isEnabled() and not actions[Act.DELETE_POST].isEnabled()

    _click_row(j, gone)
    j.wait(lambda: _open_headline(j) == gone)
    _preview_shows(j, gone)
    j.wait(lambda: j.window.body.isReadOnly() and j.window.trash.restore_button.isEnabled())
    assert j.window.form.headline.isReadOnly()
    assert "in the Trash" in j.status_text()
    assert actions[Act.RESTORE_POST].isEnabled()

    j.click(j.window.trash.restore_button)
    j.wait(lambda: _listed(j) == HEADLINES[::-1])
    assert j.window.post_list.status.currentText() != "Trash" and not bar.isVisible()
    assert _open_headline(j) == gone and not j.window.body.isReadOnly()
    assert not j.window.form.headline.isReadOnly()
    j.caret_to_end()
    j.type(" Restored and edited.")
    j.wait_saved()
    from tests.ui.conftest import stored_post

    assert stored_post(db_path, j.window.controller.current.id).body.endswith("and edited.")


def test_empty_the_trash_asks_first_and_then_deletes_for_good(journey, db_path):
    ids = _seed(db_path)
    j = journey(db_path)
    j.wait(lambda: _open_headline(j) == HEADLINES[2])
    for _ in range(2):
        j.focus(j.window.post_list.tree)
        shown = _listed(j)
        j.press(Qt.Key.Key_Delete)
        j.wait(lambda shown=shown: _listed(j) == shown[1:] and _open_headline(j) == shown[1])
    assert _listed(j) == [HEADLINES[0]]
    j.window.actions_[Act.SHOW_TRASH].trigger()
    j.wait(lambda: len(_listed(j)) == 2)

    def cancel(dialog) -> None:
        assert "2 post(s)" in dialog.text()
        dialog.button(QMessageBox.StandardButton.Cancel).click()

    j.when_dialog(cancel)
    j.click(j.window.trash.empty_button)
    from tests.ui.conftest import wait_idle

    wait_idle(j.qtbot, j.window)
    assert len(_listed(j)) == 2  # cancelled: still there

    def confirm(dialog) -> None:
        [button] = [b for b in dialog.findChildren(QPushButton) if "for Good" in b.text()]
        button.click()

    j.when_dialog(confirm)
    j.click(j.window.trash.empty_button)
    j.wait(lambda: _listed(j) == [])
    assert "Deleted 2 post(s) for good" in j.status_text()
    assert not j.window.trash.empty_button.isEnabled()
    from editor.errors import NotFoundError
    from tests.ui.conftest import stored_post

    for post_id in ids[1:]:
        with pytest.raises(NotFoundError):
            stored_post(db_path, post_id)
    j.focus(j.window.post_list.tree)
    j.shortcut("Ctrl+N")  # a new post from the Trash view goes back to the posts
    j.wait(lambda: len(_listed(j)) == 2 and j.window.post_list.status.currentText() != "Trash")
    assert HEADLINES[0] in _listed(j) and not j.window.body.isReadOnly()


def test_deleting_the_last_post_leaves_an_empty_editor(journey, db_path):
    _seed(db_path, ["Only post"])
    j = journey(db_path)
    j.wait(lambda: _open_headline(j) == "Only post")
    j.focus(j.window.post_list.tree)
    j.press(Qt.Key.Key_Delete)
    j.wait(lambda: _listed(j) == [] and j.window.controller.current is None)
    assert j.window.form.headline.text() == "" and j.window.body.toPlainText() == ""
    j.click(j.window.trash.offer.button)
    j.wait(lambda: _listed(j) == ["Only post"] and _open_headline(j) == "Only post")


def _markdown(tmp_path: Path, name: str, headline: str) -> Path:
    path = tmp_path / name
    path.write_text(
        f"---\nheadline: {headline}\nbyline: Lucía Ferreira\nblog: Field Notes\n---\n"
        "The buses to Potosí leave before dawn.\n",
        encoding="utf-8",
    )
    return path


def test_import_a_markdown_file_by_file_import(journey, db_path, tmp_path, monkeypatch):
    _seed(db_path)
    source = _markdown(tmp_path, "potosi.md", "Night bus to Potosí")
    asked = []
    monkeypatch.setattr(
        ImportFilesDialog, "ask", classmethod(lambda cls, parent: asked.append(1) or [source])
    )
    j = journey(db_path)
    j.focus(j.window.body)
    j.shortcut("Ctrl+Shift+I")  # File ▸ Import…
    j.wait(lambda: "Night bus to Potosí" in _listed(j))
    assert asked == [1]
    j.wait(lambda: _open_headline(j) == "Night bus to Potosí")
    assert j.window.form.headline.text() == "Night bus to Potosí"
    _preview_shows(j, "Night bus to Potosí")
    assert "Imported 1 post." in j.status_text()


def test_import_by_dropping_a_file_and_a_bundle_on_the_post_list(journey, db_path, tmp_path):
    from editor.cli.main import main

    _seed(db_path)
    other = tmp_path / "other.sqlite3"
    source = _markdown(tmp_path, "uyuni.md", "Mirrors of Uyuni")
    assert main(["--db", str(other), "import", str(source)]) == 0
    bundle = tmp_path / "uyuni.zip"
    assert main(["--db", str(other), "export", "1", "-o", str(bundle)]) == 0
    dropped = _markdown(tmp_path, "potosi.md", "Night bus to Potosí")
    j = journey(db_path)

    assert j.drop_files(j.window.post_list.tree, [bundle, dropped])
    j.wait(lambda: {"Mirrors of Uyuni", "Night bus to Potosí"} <= set(_listed(j)))
    j.wait(lambda: _open_headline(j) == "Night bus to Potosí")  # the last one opens
    _preview_shows(j, "Night bus to Potosí")
    assert "Imported 2 posts." in j.status_text()


def test_a_bad_file_among_good_ones_imports_nothing_and_is_named(
    journey, db_path, tmp_path, monkeypatch
):
    _seed(db_path)
    good = _markdown(tmp_path, "good.md", "A good post")
    bad = tmp_path / "broken.md"
    bad.write_text("---\nheadline: [unclosed\n---\nBody\n", encoding="utf-8")
    shown: list[str] = []
    monkeypatch.setattr(
        ImportFilesDialog, "failed", classmethod(lambda cls, parent, msg: shown.append(msg))
    )
    j = journey(db_path)
    opened = _open_headline(j)
    assert j.drop_files(j.window.post_list.tree, [good, bad])
    j.wait(lambda: bool(shown))
    assert "broken.md" in shown[0] and "good.md" not in shown[0]
    from tests.ui.conftest import wait_idle

    wait_idle(j.qtbot, j.window)
    assert _listed(j) == HEADLINES[::-1]  # nothing half-imported
    assert _open_headline(j) == opened
    assert "Nothing was imported" in j.status_text()
