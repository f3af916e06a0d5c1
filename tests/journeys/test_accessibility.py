"""Every control of the main window (with every panel open) and of every dialog has an
accessible name, and Tab walks the window in reading order.

To cover a new dialog, add a :class:`Dialog` to ``DIALOGS``: how a person opens it, and (for a
dialog that is not modal) how to find it once open. Modal dialogs are found as the active modal
widget, looked at and closed from inside their own event loop.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QDockWidget, QWidget

from editor.services.sample import seed_sample_post
from editor.store.database import open_store
from editor.ui.window.actions import Act
from tests.journeys.accessibility import unnamed_controls
from tests.journeys.harness import Journey
from tests.ui.publishing_support import GatedExecutor, add_offline_target, attach_photos

PANELS = ("Ctrl+Shift+F", "Ctrl+Shift+R", "Ctrl+Shift+H", "Ctrl+Alt+O")
STABLE_NAMES = ("posts", "search", "headline", "deck", "byline", "body", "preview")
DOCKS = ("preview_dock", "photos_dock", "sidebar_dock", "revisions_dock", "outbox_dock")


def _act(act: Act) -> Callable[[Journey], None]:
    return lambda j: j.window.actions_[act].trigger()


def _modal(_j: Journey) -> QWidget | None:
    return QApplication.activeModalWidget()


@dataclass(frozen=True)
class Dialog:
    name: str
    open: Callable[[Journey], object]
    find: Callable[[Journey], QWidget | None] = _modal


def _conflict(j: Journey) -> None:
    from editor.ui.writing.conflict_dialog import ConflictDialog

    ConflictDialog.ask(j.window, "A headline")


def _open_from_blog(j: Journey) -> None:
    from editor.ui.publishing.publish_window_dialog import TargetChoice

    TargetChoice.ask(j.window, ["offline"], None)


def _password(j: Journey) -> None:
    from editor.ui.publishing.publish_dialog import gui_prompt

    gui_prompt(j.window)("Password for editor on target offline: ")


def _delete_blog(j: Journey) -> None:
    from editor.ui.sidebar.blog_dialog import DeleteBlogDialog

    DeleteBlogDialog.ask(j.window, "Latin America Blog", 3, [(2, "Another blog")])


def _error(j: Journey) -> None:
    from editor.ui.writing.conflict_dialog import ErrorDialog

    ErrorDialog.show(j.window, "Cannot open the database", "The file is not a database.")


def _export(j: Journey) -> None:
    """The export's progress dialog, the export held back until the dialog was looked at."""
    exporter = j.window.publishing.exporter
    held = GatedExecutor()
    exporter.executor = held
    exporter.start(j.window.controller.current.id, Path(tempfile.mkdtemp()) / "post.zip")
    exporter.progress_dialog.canceled.connect(held.gate.set)  # then the export gives up


def _welcome(j: Journey) -> None:
    from editor.ui.preferences.welcome import WelcomeDialog

    dialog = WelcomeDialog(j.window)
    j.window.preferences.welcome = dialog
    dialog.open()


def _empty_trash(j: Journey) -> None:
    from editor.ui.writing.trash_ui import EmptyTrashDialog

    EmptyTrashDialog.ask(j.window, 3)


def _import_failed(j: Journey) -> None:
    from editor.ui.writing.import_ui import ImportFilesDialog

    ImportFilesDialog.failed(j.window, "notes.md, line 3: the date is not a date.")


def _package_message(j: Journey) -> None:
    from editor.ui.review.handoff import PackageDialogs

    PackageDialogs.tell(j.window, "Conflicts to resolve", "1 conflict(s) to resolve.", "…")


def _package_failed(j: Journey) -> None:
    from editor.ui.review.handoff import PackageDialogs

    PackageDialogs.tell(j.window, "Review package not opened", "Nothing was changed.",
                        "x.bylinereview: post.json does not match its SHA-256", warning=True,
                        name="review_package_failed")  # fmt: skip


DIALOGS = [
    Dialog("Blogs", _act(Act.BLOGS)),
    Dialog("Delete blog", _delete_blog),
    Dialog("Publishing Targets", _act(Act.TARGETS)),
    Dialog("Publish", _act(Act.PUBLISH), lambda j: j.window.publishing.publish_dialog),
    Dialog("Export", _export, lambda j: j.window.publishing.exporter.progress_dialog),
    Dialog("Save Version", _act(Act.SAVE_VERSION)),
    Dialog("Conflict", _conflict),
    Dialog("Open from Blog", _open_from_blog),
    Dialog("Password", _password),
    Dialog("Error", _error),
    Dialog("Preferences", _act(Act.PREFERENCES), lambda j: j.window.preferences.dialog),
    Dialog("Welcome", _welcome, lambda j: j.window.preferences.welcome),
    Dialog("Empty Trash", _empty_trash),
    Dialog("Import failed", _import_failed),
    Dialog("Review package message", _package_message),
    Dialog("Review package failed", _package_failed),
    Dialog("Send for review", _act(Act.SEND_FOR_REVIEW)),
    Dialog("Open review package", _act(Act.OPEN_REVIEW_PACKAGE)),
]


def tab_traps(root: QWidget) -> list[str]:
    """Press Tab from the first control of ``root`` (a dialog, or a panel) until focus comes
    back round or leaves it; every control a person can Tab to in it must be reached on the
    way, and none may keep the Tab key for itself."""
    from PySide6.QtTest import QTest

    reachable = [
        w for w in root.findChildren(QWidget)
        if w.isVisible() and w.isEnabled() and w.focusPolicy() & Qt.FocusPolicy.TabFocus
        and w.focusProxy() is None and not w.objectName().startswith("qt_")
    ]  # fmt: skip
    if len(reachable) < 2:
        return []
    root.activateWindow()
    start = root.focusWidget() if root.isWindow() else None
    if start is None or start not in reachable:
        start = root.nextInFocusChain()
        while start not in reachable:
            start = start.nextInFocusChain()
        start.setFocus(Qt.FocusReason.TabFocusReason)
    if root.window().focusWidget() is not start:
        return [
            f"{_name(start)} does not take the focus (focus is on {_name(root.window().focusWidget())})"
        ]
    current, reached = start, [start]
    for _ in range(60):
        QTest.keyClick(current, Qt.Key.Key_Tab)
        now = root.window().focusWidget()
        if now is current:
            return [f"{_name(now)} keeps the Tab key"]
        if now is start or now is None or not root.isAncestorOf(now):
            break
        current = now
        reached.append(current)
    return [
        f"{_name(w)} is never reached by Tab (Tab went: {[_name(r) for r in reached]})"
        for w in reachable
        if w not in reached
    ]


def _name(widget: QWidget) -> str:
    text = getattr(widget, "text", lambda: "")()
    return f"{type(widget).__name__} {widget.objectName() or text!r}"


def look_at(j: Journey, dialog: Dialog) -> list[str]:
    """Open ``dialog`` as a person would, list its unnamed controls and Tab traps, close it."""
    found: list[list[str]] = []

    def look() -> None:
        shown = dialog.find(j)
        if shown is None or not shown.isVisible() or shown is j.window:
            QTimer.singleShot(20, look)
            return
        found.append(unnamed_controls(shown) + tab_traps(shown))
        if isinstance(shown, QDialog):
            shown.reject()
        else:
            shown.close()

    QTimer.singleShot(0, look)
    dialog.open(j)  # a modal dialog returns once look() closed it
    j.wait(lambda: bool(found))
    return found[0]


def test_the_main_window_with_every_panel_open_names_every_control(journey, db_path):
    store = open_store(db_path)
    with store.session() as s:
        post_id = seed_sample_post(s).id
    store.close()
    attach_photos(db_path, post_id, count=1)  # a photo card too
    j = journey(db_path)
    for shortcut in PANELS:
        j.focus(j.window.body)
        j.shortcut(shortcut)
    j.focus(j.window.body)
    j.shortcut("Ctrl+H")  # the find and replace bar too
    j.wait(lambda: len(j.window.panels.photo_panel.cards) == 1)
    problems = unnamed_controls(j.window)
    assert not problems, "\n".join(problems)
    for name in STABLE_NAMES:  # what automation and tests find the window's parts by
        assert j.window.findChild(QWidget, name) is not None, name
    assert set(DOCKS) <= {d.objectName() for d in j.window.findChildren(QDockWidget)}


@pytest.mark.parametrize("name", DOCKS)
def test_each_panel_works_from_the_keyboard(journey, db_path, name):
    """Tab goes through each panel's controls in turn, and none keeps the Tab key."""
    store = open_store(db_path)
    with store.session() as s:
        post_id = seed_sample_post(s).id
    store.close()
    attach_photos(db_path, post_id, count=2)
    j = journey(db_path, preview=name == "preview_dock")
    for shortcut in PANELS:
        j.focus(j.window.body)
        j.shortcut(shortcut)
    j.focus(j.window.body)
    j.shortcut("Ctrl+H")  # the find and replace bar too
    dock = j.window.findChild(QDockWidget, name)
    dock.raise_()  # (its tab chosen, where panels share a place)
    j.wait(dock.widget().isVisible)
    problems = tab_traps(dock.widget())
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("dialog", DIALOGS, ids=[d.name for d in DIALOGS])
def test_every_dialog_names_every_control(journey, db_path, dialog):
    add_offline_target(db_path)
    j = journey(db_path, preview=False)
    problems = look_at(j, dialog)
    assert not problems, "\n".join(problems)


def test_tab_walks_the_window_in_reading_order(journey, db_path):
    j = journey(db_path, preview=False)
    w = j.window
    j.shortcut("Ctrl+E")  # Search posts
    j.wait(w.post_list.search.hasFocus)
    order = [QApplication.focusWidget().objectName()]
    while order[-1] != "body" and len(order) < 40:
        j.press(Qt.Key.Key_Tab)
        order.append(QApplication.focusWidget().objectName())
    wanted = ["search", "posts", "headline", "deck", "byline", "body"]
    assert [name for name in order if name in wanted] == wanted, order
