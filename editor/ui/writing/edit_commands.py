"""The Edit menu's commands: clipboard and selection on the focused text field, find and
replace in the post's body.

Clipboard commands act on whichever text field has the keyboard (headline, deck, body, the post
search...), as in any application; from the menu the focus stays in that field, so the menu and
the shortcuts do the same. Find and Replace always search the body: it is the post's text
(headline and deck are a line or two, visible at a glance).

Shortcuts: Ctrl+F finds in the post (the convention of every editor and browser), F3 /
Shift+F3 next and previous, Ctrl+H replaces; searching all posts moved to Ctrl+E (as the search
box in browsers, Outlook and Explorer), since Ctrl+Shift+F is Photos.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QPlainTextEdit, QTextEdit, QWidget

from editor.ui.window.actions import Act, ActionRegistry
from editor.ui.writing.body_editor import BodyEditor

if TYPE_CHECKING:
    from PySide6.QtWidgets import QBoxLayout

    from editor.ui.writing.find_bar import FindBar

TextField = QLineEdit | QPlainTextEdit | QTextEdit


def focused_text_field() -> TextField | None:
    """The text field with the keyboard focus (an editable combo box's line edit counts)."""
    w: QWidget | None = QApplication.focusWidget()
    if isinstance(w, QComboBox) and w.isEditable():
        w = w.lineEdit()
    return w if isinstance(w, QLineEdit | QPlainTextEdit | QTextEdit) else None


def _focused_web_view() -> QWidget | None:
    """The web view (the preview) holding the focus, if any: its focus is on an inner widget."""
    w = QApplication.focusWidget()
    while w is not None and not hasattr(w, "triggerPageAction"):
        w = w.parentWidget()
    return w


def _focused_edit_target() -> Any:
    """The nearest widget around the focus that handles Edit commands itself: one with an
    ``edit_command(name) -> bool`` method (e.g. the Photos panel pastes images)."""
    w = QApplication.focusWidget()
    while w is not None and not hasattr(w, "edit_command"):
        w = w.parentWidget()
    return w


class EditCommands:
    """Connects the Edit menu's actions; the find bar is built on first use (not at start-up)."""

    def __init__(self, actions: ActionRegistry, body: BodyEditor, box: QBoxLayout) -> None:
        self.body = body
        self._box = box
        self._find_bar: FindBar | None = None
        actions.connect(Act.CUT, lambda: self._on_field("cut"))
        actions.connect(Act.COPY, lambda: self._on_field("copy"))
        actions.connect(Act.PASTE, lambda: self._on_field("paste"))
        actions.connect(Act.PASTE_PLAIN, self.paste_plain)
        actions.connect(Act.SELECT_ALL, lambda: self._on_field("selectAll"))
        actions.connect(Act.FIND, lambda: self.find_bar.open(replace=False))
        actions.connect(Act.REPLACE, lambda: self.find_bar.open(replace=True))
        actions.connect(Act.FIND_NEXT, lambda: self._find_again(backward=False))
        actions.connect(Act.FIND_PREVIOUS, lambda: self._find_again(backward=True))

    @property
    def find_bar(self) -> FindBar:
        if self._find_bar is None:
            from editor.ui.writing.find_bar import FindBar

            self._find_bar = FindBar(self.body)
            self._find_bar.hide()
            self._box.addWidget(self._find_bar)
        return self._find_bar

    def _on_field(self, method: str) -> None:
        field = focused_text_field()
        if field is not None:
            getattr(field, method)()
        elif (panel := _focused_edit_target()) is not None and panel.edit_command(method):
            pass  # a panel with its own meaning for the command (Paste in Photos adds a photo)
        elif (view := _focused_web_view()) is not None:  # the preview: copy from the page
            from PySide6.QtWebEngineCore import QWebEnginePage

            action = {"cut": "Cut", "copy": "Copy", "paste": "Paste", "selectAll": "SelectAll"}
            view.triggerPageAction(getattr(QWebEnginePage.WebAction, action[method]))

    def paste_plain(self) -> None:
        field = focused_text_field()
        if isinstance(field, BodyEditor):
            field.paste_plain()
        elif field is not None:
            field.paste()  # the other fields are plain text already

    def _find_again(self, *, backward: bool) -> None:
        bar = self.find_bar
        if not bar.find_text.text():
            bar.open()
        elif backward:
            bar.find_previous()
        else:
            bar.find_next()
