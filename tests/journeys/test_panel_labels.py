"""What the panels and the form say: each panel is titled once, every command in the Recent posts
toolbar carries its name, and a draft's form does not say "Published"."""

from __future__ import annotations

import re

from PySide6.QtWidgets import QCheckBox, QDockWidget, QLabel, QToolButton

PANEL_SHORTCUTS = {
    "revisions_dock": "Ctrl+Shift+H",
    "photos_dock": "Ctrl+Shift+F",
    "sidebar_dock": "Ctrl+Shift+R",
    "outbox_dock": "Ctrl+Alt+O",
}


def _plain(text: str) -> str:
    return re.sub(r"<[^>]+>", "", text).replace("&", "").strip().lower()


def test_each_panel_is_titled_once(journey, db_path):
    j = journey(db_path)
    j.focus(j.window.body)
    for name, shortcut in PANEL_SHORTCUTS.items():
        j.shortcut(shortcut)
        j.wait(lambda n=name: n in j.visible_docks())
        dock = j.window.findChild(QDockWidget, name)
        title = _plain(dock.windowTitle())
        repeats = [
            label.text() for label in dock.widget().findChildren(QLabel)
            if label.isVisible() and _plain(label.text()).startswith(title)
        ]  # fmt: skip
        assert not repeats, f"{name} says {title!r} again inside: {repeats}"


def test_every_recent_posts_command_is_named_on_screen_and_for_screen_readers(journey, db_path):
    j = journey(db_path)
    j.focus(j.window.body)
    j.shortcut("Ctrl+Shift+R")
    j.wait(lambda: "sidebar_dock" in j.visible_docks())
    toolbar = j.window.panels.sidebar.toolbar
    buttons = [b for b in toolbar.findChildren(QToolButton) if b.defaultAction() is not None]
    assert len(buttons) >= 9
    for button in buttons:
        action = button.defaultAction()
        assert button.text().strip(), f"{action.objectName()} is an unlabelled icon"
        assert button.accessibleName().strip(), f"{action.objectName()} has no accessible name"
        assert action.toolTip().strip(), f"{action.objectName()} has no tooltip"


def test_a_draft_with_a_date_does_not_say_published(journey, db_path):
    j = journey(db_path)  # the sample post: a draft with a date
    form = j.window.form
    assert form.status.currentText().lower() == "draft" and form.dated.isChecked()
    words = [_plain(label.text()) for label in form.findChildren(QLabel) if label.isVisible()]
    words += [_plain(box.text()) for box in form.findChildren(QCheckBox) if box.isVisible()]
    assert "published" not in words, words
    assert form.dated.accessibleName() or form.dated.text()
