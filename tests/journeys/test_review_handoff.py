"""The offline hand-off of issue 11 between two SQLite databases, a writer's and an editor's,
through two review packages with conflicting edits, using the window's own menus, file dialogs
and a dropped file: the writer sends; the editor opens it, comments and edits; the writer edits
the same sentence and another paragraph meanwhile, then opens the editor's package: the other
paragraph merges by itself, the sentence comes as a suggestion in the Review panel, and the
writer resolves it with a click. The preview shows the result."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit, QMessageBox

from editor.ui.window.actions import Act
from tests.journeys.test_review import _as
from tests.journeys.test_suggest_and_compare import _select
from tests.ui.conftest import stored_post

BODY = (
    "The buses to Potosí leave before dawn.\n\n"
    "The quick driver sang all the way up the mountain.\n\n"
    "At the top, the air is thin and the market is loud."
)


def _seed(path: Path) -> int:
    from editor.model import Person, PostContent
    from editor.services import blogs, posts
    from editor.store.database import open_store

    store = open_store(path)
    store.whoami = lambda: Person("Lucía Ferreira", "lucia@example.org")
    try:
        with store.session() as s:
            content = PostContent(headline="Night bus to Potosí", byline="Lucía Ferreira",
                                  body=BODY)  # fmt: skip
            return posts.create_post(s, content, blog=blogs.default_blog(s)).id
    finally:
        store.close()


def _file_dialog(j, path: Path) -> None:
    """When the file dialog is up: type the file's path in its name box and press Enter."""

    def act(dialog) -> None:
        if not dialog.isActiveWindow():  # keys go to the active window only
            QTimer.singleShot(10, lambda: act(dialog))
            return
        name = dialog.findChild(QLineEdit, "fileNameEdit")
        name.selectAll()
        QTest.keyClicks(name, str(path))
        QTest.keyClick(name, Qt.Key.Key_Return)

    j.when_dialog(act)


def _ok(j, seen: list[str]) -> None:
    def act(box) -> None:
        seen.append(box.text())
        box.button(QMessageBox.StandardButton.Ok).click()

    j.when_dialog(act)


def test_a_draft_goes_to_the_editor_and_back_with_conflicting_edits(journey, tmp_path, monkeypatch):
    writer_db, editor_db = tmp_path / "writer.sqlite3", tmp_path / "editor.sqlite3"
    post_id = _seed(writer_db)
    to_editor, to_writer = tmp_path / "to-editor.bylinereview", tmp_path / "to-writer.bylinereview"

    # The writer sends the draft: File ▸ Send for review…, a file name typed in the dialog.
    _as(monkeypatch, "Lucía Ferreira")
    j = journey(writer_db, preview=False)  # the window opens on the draft
    j.wait(lambda: j.window.form.headline.text() == "Night bus to Potosí")
    _file_dialog(j, to_editor)
    j.menu(j.window.actions_[Act.SEND_FOR_REVIEW])
    j.wait(lambda: "Sent post" in j.status_text())
    assert to_editor.is_file()
    j.close()

    # The editor drops the file on the post list: the post is created as it is.
    _as(monkeypatch, "Ana Ruiz")
    e = journey(editor_db, preview=False)
    w = e.window
    assert e.drop_files(w.post_list.tree, [to_editor])
    e.wait(lambda: w.form.headline.text() == "Night bus to Potosí")
    assert "Created post" in e.status_text() and w.body.toPlainText() == BODY
    # ... comments on the market, and edits the driver's sentence and the last paragraph
    e.focus(w.body)
    _select(e, "market")
    e.shortcut("Ctrl+Alt+M")
    e.wait(w.review.panel.new_comment.hasFocus)
    e.type("Which market? Name it.")
    e.click(w.review.panel.add_button)
    e.wait(lambda: w.review.panel.comments.topLevelItemCount() == 1)
    e.focus(w.body)
    _select(e, "quick")
    e.type("cheerful")
    _select(e, "loud")
    e.type("deafening")
    e.wait_saved()
    _file_dialog(e, to_writer)
    e.menu(w.actions_[Act.SEND_FOR_REVIEW])
    e.wait(lambda: "Sent post" in e.status_text() and to_writer.is_file())
    e.close()

    # Meanwhile the writer changed the same sentence and the first paragraph.
    _as(monkeypatch, "Lucía Ferreira")
    j = journey(writer_db)
    w = j.window
    j.wait(lambda: w.form.headline.text() == "Night bus to Potosí" and w.body.isEnabled())
    j.focus(w.body)
    _select(j, "quick")
    j.type("tired")
    _select(j, "before dawn")
    j.type("at four")
    j.wait_saved()

    # File ▸ Open review package…: the first paragraph and the last merge by themselves; the
    # driver's sentence is a suggestion with the editor's word, and the person is told.
    _file_dialog(j, to_writer)
    j.menu(w.actions_[Act.OPEN_REVIEW_PACKAGE])
    seen: list[str] = []
    _ok(j, seen)
    j.wait(lambda: bool(seen))
    assert "1 conflict(s) to resolve" in seen[0]
    j.wait(lambda: "{~~tired~>cheerful~~}" in w.body.toPlainText())
    assert w.body.toPlainText() == (
        "The buses to Potosí leave at four.\n\n"
        "The {~~tired~>cheerful~~} driver sang all the way up the mountain.\n\n"
        "At the top, the air is thin and the market is deafening."
    )
    assert "1 conflict(s) to resolve" in j.status_text()
    assert not w.body.isReadOnly() and not w.form.headline.isReadOnly()  # typing goes on
    listing = w.suggest.list
    j.wait(lambda: w.review.dock.isVisible() and listing.isVisible())
    j.wait(lambda: listing.list.count() == 1 and "Ana Ruiz" in listing.list.item(0).text())
    # the editor's comment came along
    assert w.review.panel.comments.topLevelItemCount() == 1
    assert "Which market?" in w.review.panel.comments.topLevelItem(0).text(0)

    # The writer takes the editor's word with a click.
    listing.list.setCurrentRow(0)
    j.click(listing.accept_button)
    j.wait(lambda: listing.list.count() == 0)
    final = (
        "The buses to Potosí leave at four.\n\n"
        "The cheerful driver sang all the way up the mountain.\n\n"
        "At the top, the air is thin and the market is deafening."
    )
    assert w.body.toPlainText() == final
    j.wait_saved()
    assert stored_post(writer_db, post_id).body == final
    j.wait_preview_matches()
    assert "cheerful driver" in j.preview_text() and "{~~" not in j.preview_text()
    # both sides' versions are in the history
    j.shortcut("Ctrl+Shift+H")
    j.wait(lambda: w.revisions.list.count() >= 4)
    reasons = " ".join(w.revisions.list.item(i).text() for i in range(w.revisions.list.count()))
    assert "Received from Ana Ruiz" in reasons and "Yours before merging" in reasons


def test_a_tampered_package_dropped_on_the_window_is_refused_and_changes_nothing(
    journey, tmp_path, monkeypatch
):
    import zipfile

    from tests.journeys.test_trash_and_import import _listed

    writer_db = tmp_path / "writer.sqlite3"
    post_id = _seed(writer_db)
    good = tmp_path / "good.bylinereview"
    from editor.cli.main import main

    assert main(["--db", str(writer_db), "review", "send", str(post_id), "-o", str(good)]) == 0
    bad = tmp_path / "bad.bylinereview"
    with zipfile.ZipFile(good) as old, zipfile.ZipFile(bad, "w") as new:
        for name in old.namelist():
            data = old.read(name)
            new.writestr(name, data.replace(b"quick driver", b"slow driver"))
    _as(monkeypatch, "Ana Ruiz")
    e = journey(tmp_path / "editor.sqlite3", preview=False)
    before = _listed(e)
    seen: list[str] = []

    def act(box) -> None:
        seen.append(box.informativeText())
        box.button(QMessageBox.StandardButton.Ok).click()

    e.when_dialog(act)
    assert e.drop_files(e.window.post_list.tree, [bad])
    e.wait(lambda: bool(seen))
    assert "bad.bylinereview" in seen[0] and "post.json" in seen[0]
    assert "Review package not opened" in e.status_text()
    assert _listed(e) == before
