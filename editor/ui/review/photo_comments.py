"""Comments on a photo's caption or credit in the window: Ctrl+Alt+M with words selected in a
photo card's field anchors the comment to ``caption:ID`` / ``credit:ID`` (as ``byline comment
--field`` does), and jumping to it opens the Photos panel and selects the words in that card."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QScrollArea, QWidget

from editor.ui.photos.photo_card import PhotoCard
from editor.ui.window.docks import open_panel

if TYPE_CHECKING:
    from editor.ui.window.main_window import MainWindow

PHOTO_FIELDS = ("caption", "credit")


def _card_of(widget: QWidget | None) -> PhotoCard | None:
    while widget is not None and not isinstance(widget, PhotoCard):
        widget = widget.parentWidget()
    return widget


def selection_in_card(focus: QWidget | None) -> tuple[str, tuple[int, int], str] | None:
    """The field, span and words selected in a photo card's caption or credit that has the
    keyboard; None when the focus is elsewhere or nothing is selected there."""
    card = _card_of(focus)
    if card is None:
        return None
    name = next((n for n in PHOTO_FIELDS if card.fields[n] is focus), None)
    if name is None:
        return None
    if isinstance(focus, QLineEdit):
        if not focus.hasSelectedText():
            return None
        start = focus.selectionStart()
        words = focus.selectedText()
        return f"{name}:{card.item.id}", (start, start + len(words)), words
    assert isinstance(focus, QPlainTextEdit)
    cursor = focus.textCursor()
    if not cursor.hasSelection():
        return None
    start, end = cursor.selectionStart(), cursor.selectionEnd()
    return f"{name}:{card.item.id}", (start, end), focus.toPlainText()[start:end]


def field_widget(window: MainWindow, field: str) -> QLineEdit | QPlainTextEdit | None:
    """The card field a ``caption:ID`` / ``credit:ID`` comment is on (None: no such card)."""
    name, _, photo_id = field.partition(":")
    if name not in PHOTO_FIELDS or not photo_id.isdigit():
        return None
    panel = window.panels.photo_panel
    card = next((c for c in panel.cards if c.item.id == int(photo_id)), None)
    return None if card is None else card.fields[name]


def select_in_card(window: MainWindow, view: Any, *, focus: bool = True) -> str:
    """Open the Photos panel and select the comment's words in its card; "" when done, else
    what went wrong (for the status bar)."""
    from editor.services.anchors import locate

    widget = field_widget(window, view.field)
    if widget is None:
        return "That photo is no longer in the post."
    open_panel(window.panels.photo_dock, focus=False)
    span = locate(widget.text(), view.anchor)
    if span is None:
        name = view.field.partition(":")[0]
        return f"The words “{view.anchor.quote}” are no longer in the photo's {name}."
    if isinstance(widget, QLineEdit):
        widget.setSelection(span.start, span.end - span.start)
    else:
        cursor = widget.textCursor()
        cursor.setPosition(span.start)
        cursor.setPosition(span.end, QTextCursor.MoveMode.KeepAnchor)
        widget.setTextCursor(cursor)
        widget.ensureCursorVisible()
    card = _card_of(widget)
    scroll = window.panels.photo_panel.findChild(QScrollArea)
    if card is not None and scroll is not None:
        scroll.ensureWidgetVisible(card)
    if focus:
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
    return ""
