"""The window as a newcomer meets it: the sample post, the list, search, formatting, state
that comes back at the next start, and a clear message for a bad database."""

from __future__ import annotations

import subprocess
import sys

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from editor.model import PostContent
from editor.services import blogs, posts
from editor.store.database import open_store
from editor.ui.window.actions import Act
from editor.ui.writing.conflict_dialog import ErrorDialog
from tests.ui.conftest import SAVE_TIMEOUT_MS, stored_post, wait_idle


def _seed(path, *items):
    store = open_store(path)
    try:
        with store.session() as s:
            ids = []
            for headline, body, blog in items:
                b = blogs.get_or_create_blog(s, blog)
                ids.append(
                    posts.create_post(s, PostContent(headline=headline, body=body), blog=b).id
                )
            return ids
    finally:
        store.close()


def test_first_run_opens_the_sample_post(qtbot, open_window, db_path):
    window = open_window(db_path)
    assert window.post_list.tree.topLevelItemCount() == 1
    assert window.form.headline.text().startswith("In the high Andes")
    assert window.form.blog.currentText() == "Latin America Blog"
    assert window.form.byline.text() == "Lucía Ferreira"
    assert window.form.zone.currentText() == "America/La_Paz"
    assert window.form.when.dateTime().toString("yyyy-MM-dd HH:mm") == "2026-11-20 08:30"
    assert "words" in window.words_label.text() and "min read" in window.words_label.text()
    assert window.form.headline_count.property("level") == "ok"


def test_search_and_filters_narrow_the_list(qtbot, open_window, db_path):
    ids = _seed(
        db_path,
        ("Glaciers in retreat", "Ice fields shrink every year.", "Latin America Blog"),
        ("Market day", "Quinoa prices rose.", "Latin America Blog"),
        ("Tokyo trains", "On time, always.", "Asia Blog"),
    )
    window = open_window(db_path)
    assert set(ids) <= set(window.post_list.row_ids())
    with qtbot.waitSignal(window.list_refreshed, timeout=SAVE_TIMEOUT_MS):
        window.post_list.search.setText("quinoa")
    assert window.post_list.row_ids() == [ids[1]]
    with qtbot.waitSignal(window.list_refreshed, timeout=SAVE_TIMEOUT_MS):
        window.post_list.search.clear()
    blog_box = window.post_list.blog
    with qtbot.waitSignal(window.list_refreshed, timeout=SAVE_TIMEOUT_MS):
        blog_box.setCurrentIndex(blog_box.findText("Asia Blog"))
    assert window.post_list.row_ids() == [ids[2]]


def test_new_post_and_status_change(qtbot, open_window, db_path):
    window = open_window(db_path)
    before = window.controller.current.id
    with qtbot.waitSignal(window.controller.current_post_changed, timeout=SAVE_TIMEOUT_MS):
        window.actions_[Act.NEW_POST].trigger()
    new_id = window.controller.current.id
    assert new_id != before and window.form.headline.text() == ""
    qtbot.keyClicks(window.form.headline, "Fresh piece")
    status = window.form.status
    with qtbot.waitSignal(window.controller.post_saved, timeout=SAVE_TIMEOUT_MS):
        status.setCurrentIndex(status.findData("submitted"))
    wait_idle(qtbot, window)
    stored = stored_post(db_path, new_id)
    assert (stored.headline, stored.status) == ("Fresh piece", "submitted")
    assert new_id in window.post_list.row_ids()


def test_formatting_actions_and_shortcuts(qtbot, open_window, db_path):
    window = open_window(db_path)
    body = window.body
    body.set_text("one two")
    body.setFocus()
    cur = body.textCursor()
    cur.setPosition(4)
    cur.setPosition(7, QTextCursor.MoveMode.KeepAnchor)
    body.setTextCursor(cur)
    window.actions_[Act.BOLD].trigger()
    assert body.toPlainText() == "one **two**"
    body.undo()
    assert body.toPlainText() == "one two"
    body.moveCursor(QTextCursor.MoveOperation.Start)
    window.actions_[Act.SUBHEAD].trigger()
    assert body.toPlainText() == "## one two"
    window.actions_[Act.QUOTE].trigger()
    assert body.toPlainText() == "> one two"
    body.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClick(body, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert body.toPlainText() == "> one two[link text](https://)"
    qtbot.keyClick(body, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    assert body.toPlainText().endswith("(_https://_)")  # the URL was selected


def test_highlighter_marks_headings_and_emphasis(qtbot, open_window, db_path):
    window = open_window(db_path)
    window.body.set_text("## Subhead\n\nSome **bold** words")
    doc = window.body.document()
    heading = doc.findBlockByNumber(0).layout().formats()
    para = doc.findBlockByNumber(2).layout().formats()
    assert heading and heading[0].format.fontWeight() >= 700
    assert any(f.start == 5 and f.length == 8 for f in para)


def test_layout_and_last_post_come_back(qtbot, open_window, db_path):
    other, newest = _seed(
        db_path,
        ("Older post", "Text.", "Latin America Blog"),
        ("Newest", "B.", "Latin America Blog"),
    )
    window = open_window(db_path)
    assert window.controller.current.id == newest
    with qtbot.waitSignal(window.controller.current_post_changed, timeout=SAVE_TIMEOUT_MS):
        window.controller.choose(other)
    window.resize(760, 560)  # inside the offscreen screen (800x600)
    window.splitter.setSizes([222, 530])
    sizes = window.splitter.sizes()
    window.close()

    again = open_window(db_path)
    assert again.controller.current.id == other
    assert (again.width(), again.height()) == (760, 560)
    assert again.splitter.sizes() == sizes


def test_bad_database_gets_a_clear_message(qtbot, tmp_path, monkeypatch):
    from editor.app import build_window
    from editor.ui.window.db_worker import DbExecutor

    bad = tmp_path / "notes.sqlite3"
    bad.write_text("not a database")
    shown = []
    monkeypatch.setattr(ErrorDialog, "show", classmethod(lambda cls, p, t, m: shown.append(m)))
    window = build_window(
        str(bad), False, executor=DbExecutor(), open_on_paint=False, preview=False
    )
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.open_failed, timeout=SAVE_TIMEOUT_MS):
        window.show()
    window.executor.shutdown()
    assert shown and "not a Byline database" in shown[0]
    assert bad.read_text() == "not a database"


def test_window_paints_before_sqlalchemy_is_imported():
    code = (
        "import sys, editor.app, editor.ui.window.main_window, editor.ui.writing.controller;"
        "print('sqlalchemy' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_dark_scheme_switches_palette_and_highlighter(qtbot, open_window, db_path, monkeypatch):
    from PySide6.QtGui import QPalette
    from PySide6.QtWidgets import QApplication

    from editor.ui.window.theme import DARK, LIGHT

    window = open_window(db_path)
    app = QApplication.instance()
    window_role = QPalette.ColorRole.Window
    try:
        monkeypatch.setenv("BYLINE_COLOR_SCHEME", "dark")
        window._scheme_changed()
        assert app.palette().color(window_role).lightness() < 100
        assert window.body.highlighter._heading.foreground().color() == DARK.heading
        assert window.form.headline_count.styleSheet().endswith(f"{DARK.ok.name()};")
        monkeypatch.setenv("BYLINE_COLOR_SCHEME", "light")
        window._scheme_changed()
        assert app.palette().color(window_role).lightness() > 150
        assert window.body.highlighter._heading.foreground().color() == LIGHT.heading
    finally:
        monkeypatch.delenv("BYLINE_COLOR_SCHEME")
        app.setPalette(app.style().standardPalette())
