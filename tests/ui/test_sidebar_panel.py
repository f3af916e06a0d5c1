"""The sidebar panel driven like a user: keyboard and drag-and-drop reordering, editing, pinning,
refresh and undo, each checked in the database."""

from __future__ import annotations

import warnings
from datetime import date

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from editor.model import PostContent, PostStatus
from editor.services import blogs, posts, sidebar
from editor.services.sidebar_merge import LinkSpec
from editor.ui.sidebar import sidebar_panel
from editor.ui.sidebar.sidebar_panel import SidebarPanel

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def blog_id(store):
    with store.session() as s:
        blog = blogs.create_blog(s, "Andes Desk", site_url="https://andes.example.org")
        for title in ("One", "Two", "Three", "Four"):
            sidebar.add_link(s, blog, title=title, url=f"/{title.lower()}")
        return blog.id


@pytest.fixture
def panel(qtbot, store, blog_id):
    widget = SidebarPanel(store)
    qtbot.addWidget(widget)
    widget.resize(360, 400)
    with qtbot.waitSignal(widget.links_shown):
        widget.set_blog(blog_id, "Andes Desk")
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)
    return widget


def stored(store, blog_id):
    with store.session() as s:
        return [link.title for link in sidebar.list_links(s, blogs.find_blog(s, blog_id))]


def shown(panel):
    return [link.title for link in panel.model.links()]


def test_keyboard_reorder_and_undo_redo(qtbot, panel, store, blog_id):
    panel.select_row(0)
    panel.view.setFocus()
    qtbot.waitUntil(panel.view.hasFocus)
    qtbot.keyClick(panel.view, Qt.Key.Key_Down, CTRL_SHIFT)
    qtbot.keyClick(panel.view, Qt.Key.Key_Down, CTRL_SHIFT)
    assert stored(store, blog_id) == ["Two", "Three", "One", "Four"]
    assert panel.selected_link().title == "One"  # the selection follows the moved link
    qtbot.keyClick(panel.view, Qt.Key.Key_Up, CTRL_SHIFT)
    assert stored(store, blog_id) == ["Two", "One", "Three", "Four"]

    qtbot.keyClick(panel.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored(store, blog_id) == ["Two", "Three", "One", "Four"]
    qtbot.keyClick(panel.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(panel.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored(store, blog_id) == ["One", "Two", "Three", "Four"]
    assert shown(panel) == stored(store, blog_id)
    qtbot.keyClick(panel.view, Qt.Key.Key_Z, CTRL_SHIFT)
    assert stored(store, blog_id) == ["Two", "One", "Three", "Four"]


def test_move_actions_stop_at_the_ends(panel, store, blog_id):
    panel.select_row(0)
    assert not panel.move_up_action.isEnabled()
    panel.select_row(3)
    assert not panel.move_down_action.isEnabled()
    panel.move_down_action.trigger()
    assert stored(store, blog_id) == ["One", "Two", "Three", "Four"]
    assert panel.controller.stack.count() == 0


def _drop(qtbot, panel, source_row: int, target_row: int, *, below: bool) -> None:
    """Drag row ``source_row`` onto the upper or lower edge of ``target_row`` and drop it.

    The offscreen platform has no drag loop (QDrag.exec returns at once), so the events a
    window system would deliver are sent to the viewport: enter, move, drop.
    """
    view = panel.view
    mime: QMimeData = panel.model.mimeData([panel.model.index(source_row, 0)])
    rect = view.visualRect(panel.model.index(target_row, 0))
    point = QPoint(rect.center().x(), rect.bottom() - 1 if below else rect.top() + 1)
    buttons, mods = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    move_action = Qt.DropAction.MoveAction
    with warnings.catch_warnings():  # PySide marks the QPoint constructors deprecated
        warnings.simplefilter("ignore", DeprecationWarning)
        enter = QDragEnterEvent(point, move_action, mime, buttons, mods)
        move = QDragMoveEvent(point, move_action, mime, buttons, mods)
    QApplication.sendEvent(view.viewport(), enter)
    assert enter.isAccepted()
    QApplication.sendEvent(view.viewport(), move)
    assert move.isAccepted()
    drop = QDropEvent(QPointF(point), move_action, mime, buttons, mods)
    drop.setAccepted(False)  # as the window system delivers it: nobody has taken it yet
    QApplication.sendEvent(view.viewport(), drop)
    assert drop.isAccepted()


def test_drag_and_drop_reorders_in_the_database(qtbot, panel, store, blog_id):
    with qtbot.waitSignal(panel.links_shown):
        _drop(qtbot, panel, 0, 2, below=True)  # "One" below "Three"
    assert stored(store, blog_id) == ["Two", "Three", "One", "Four"]
    with qtbot.waitSignal(panel.links_shown):
        _drop(qtbot, panel, 3, 0, below=False)  # "Four" above "Two"
    assert stored(store, blog_id) == ["Four", "Two", "Three", "One"]
    assert shown(panel) == stored(store, blog_id)
    panel.undo_action.trigger()
    panel.undo_action.trigger()
    assert stored(store, blog_id) == ["One", "Two", "Three", "Four"]


def test_internal_move_rows_as_qlistview_requests_them(panel, store, blog_id):
    """QListView's own internal move calls moveRows(source, destination-before-row)."""
    root = panel.model.index(-1, 0)
    assert panel.model.moveRows(root, 0, 1, root, 4)  # to the end
    assert stored(store, blog_id) == ["Two", "Three", "Four", "One"]
    assert panel.model.moveRows(root, 2, 1, root, 0)
    assert stored(store, blog_id) == ["Four", "Two", "Three", "One"]


def test_add_edit_pin_remove_with_undo(qtbot, panel, store, blog_id, monkeypatch):
    answers = [
        LinkSpec("New <i>one</i>", "/new", date(2026, 11, 2), "Opinion", pinned=True),
        LinkSpec("Renamed", "https://elsewhere.example/x", None, ""),
    ]
    monkeypatch.setattr(sidebar_panel.LinkDialog, "ask", classmethod(
        lambda cls, parent, initial=None: answers.pop(0)))  # fmt: skip
    panel.select_row(1)
    panel.add_action.trigger()  # lands after the selected link
    assert stored(store, blog_id) == ["One", "Two", "New <i>one</i>", "Three", "Four"]
    with store.session() as s:
        new = sidebar.resolve_link(s, blogs.find_blog(s, blog_id), "3")
        assert (new.url, new.pinned, new.label) == (
            "https://andes.example.org/new",
            True,
            "Opinion",
        )
    panel.select_row(0)
    panel.edit_action.trigger()
    panel.pin_action.trigger()
    assert panel.pin_action.isChecked()
    panel.select_row(3)
    panel.remove_action.trigger()
    assert stored(store, blog_id) == ["Renamed", "Two", "New <i>one</i>", "Four"]
    for _ in range(4):
        panel.undo_action.trigger()
    assert stored(store, blog_id) == ["One", "Two", "Three", "Four"]
    with store.session() as s:
        assert not any(link.pinned for link in sidebar.list_links(s, blogs.find_blog(s, blog_id)))


def test_refresh_and_its_undo(qtbot, panel, store, blog_id):
    with store.session() as s:
        blog = blogs.find_blog(s, blog_id)
        blogs.update_blog(s, blog, sidebar_count=2)
        for headline in ("Fresh A", "Fresh B", "Fresh C"):
            posts.create_post(s, PostContent(headline=headline), blog=blog,
                              status=PostStatus.PUBLISHED)  # fmt: skip
    panel.refresh_action.trigger()
    assert stored(store, blog_id) == ["One", "Two", "Three", "Four", "Fresh C", "Fresh B"]
    panel.undo_action.trigger()
    assert stored(store, blog_id) == ["One", "Two", "Three", "Four"]
    panel.redo_action.trigger()
    assert shown(panel) == ["One", "Two", "Three", "Four", "Fresh C", "Fresh B"]


def test_a_bad_url_shows_a_message_and_changes_nothing(panel, store, blog_id, monkeypatch):
    messages = []
    monkeypatch.setattr(sidebar_panel.LinkDialog, "ask", classmethod(
        lambda cls, parent, initial=None: LinkSpec("Bad", "javascript:alert(1)")))  # fmt: skip
    monkeypatch.setattr(sidebar_panel.ErrorMessage, "show", classmethod(
        lambda cls, parent, title, message: messages.append(message)))  # fmt: skip
    panel.add_action.trigger()
    assert len(messages) == 1
    assert "only http:// and https://" in messages[0]
    assert stored(store, blog_id) == ["One", "Two", "Three", "Four"]
    assert panel.controller.stack.count() == 0


def test_link_dialog_checks_the_date(qtbot):
    dialog = sidebar_panel.LinkDialog(None, None)
    qtbot.addWidget(dialog)
    dialog.title.setText("T")
    dialog.url.setText("/t")
    dialog.date.setText("tomorrow")
    dialog._accept()
    assert dialog.result_spec is None
    assert "not a date" in dialog.error.text()
    dialog.date.setText("2026-11-28")
    dialog._accept()
    assert dialog.result_spec == LinkSpec("T", "/t", date(2026, 11, 28), "", False)


def test_a_drop_from_another_list_is_refused(panel, store, blog_id):
    mime = QMimeData()
    mime.setData("application/x-byline-sidebar-row", b"99999")
    root = panel.model.index(-1, 0)
    assert not panel.model.dropMimeData(mime, Qt.DropAction.MoveAction, 0, 0, root)
    assert stored(store, blog_id) == ["One", "Two", "Three", "Four"]
