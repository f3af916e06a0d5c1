"""Suggest mode: while on, typing, deleting and replacing in the body record suggested edits
(CriticMarkup, :mod:`editor.review.suggestions`) instead of changing the text. Also accepting
and rejecting marks in the body, each one undo step.

An event filter on the body editor, so the editor itself stays a plain text editor."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeyEvent, QKeySequence, QTextCursor
from PySide6.QtWidgets import QMenu, QPlainTextEdit

from editor.review import suggest_typing
from editor.review import suggestions as critic
from editor.review.suggestions import Mark, MarkupError

_COMMANDS = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.MetaModifier
BURST_MS = 1000  # typing within this long, caret unmoved, joins the last undo step


class SuggestMode(QObject):
    toggled = Signal(bool)
    refused = Signal(str)  # a keystroke that cannot be recorded as a suggestion, and why
    resolved = Signal(bool, int)  # accepted?, how many marks

    def __init__(self, body: QPlainTextEdit, parent: QObject | None = None) -> None:
        super().__init__(parent or body)
        self.body = body
        self.on = False
        self._last_caret = -1
        self._burst = QTimer(self, singleShot=True, interval=BURST_MS)
        body.installEventFilter(self)
        if hasattr(body, "add_menu_section"):  # the window's body editor
            body.add_menu_section(self._menu_section)

    def set_on(self, on: bool) -> None:
        if on != self.on:
            self.on = on
            self._burst.stop()
            self.toggled.emit(on)

    # -- typing -------------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            self.on
            and watched is self.body
            and event.type() == QEvent.Type.KeyPress
            and not self.body.isReadOnly()
        ):
            return self._key(event)  # type: ignore[arg-type]
        return False

    def _key(self, event: QKeyEvent) -> bool:
        key = event.key()
        cur = self.body.textCursor()
        if event.matches(QKeySequence.StandardKey.Paste):
            text = QGuiApplication.clipboard().text()
            if text:
                self._suggest(cur.selectionStart(), cur.selectionEnd(), text, typing=False)
            return True
        if event.matches(QKeySequence.StandardKey.Cut):
            if cur.hasSelection():
                QGuiApplication.clipboard().setText(cur.selectedText().replace("\u2029", "\n"))
                self._suggest(cur.selectionStart(), cur.selectionEnd(), "", typing=False)
            return True
        if key in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete) and not (event.modifiers() & _COMMANDS):
            if cur.hasSelection():
                self._suggest(cur.selectionStart(), cur.selectionEnd(), "", typing=False)
            else:
                self._delete_one(forward=key == Qt.Key.Key_Delete)
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._suggest(cur.selectionStart(), cur.selectionEnd(), "\n", typing=True)
            return True
        text = event.text()
        if text and text.isprintable() and not (event.modifiers() & _COMMANDS):
            self._suggest(cur.selectionStart(), cur.selectionEnd(), text, typing=True)
            return True
        # word deletion is not recorded as a suggestion: swallowed; caret moves and
        # shortcuts pass
        return bool(event.modifiers() & _COMMANDS) and key in (
            Qt.Key.Key_Backspace,
            Qt.Key.Key_Delete,
        )

    def _delete_one(self, *, forward: bool) -> None:
        marked = self.body.toPlainText()
        live = suggest_typing.live_offset(marked, self.body.textCursor().position())
        end = len(critic.accepted(marked))
        a, b = (live, live + 1) if forward else (live - 1, live)
        if a < 0 or b > end:
            return
        self._apply(suggest_typing.suggest_live(marked, a, b, ""), typing=False)

    def _suggest(self, start: int, end: int, typed: str, *, typing: bool) -> None:
        marked = self.body.toPlainText()
        try:
            edit = suggest_typing.suggest_edit(marked, start, end, typed)
        except MarkupError as exc:
            self.refused.emit(f"Not suggested: {exc}.")
            return
        self._apply(edit, typing=typing)

    def _apply(self, edit: suggest_typing.Edit, *, typing: bool) -> None:
        cur = QTextCursor(self.body.document())
        join = (
            typing
            and self._burst.isActive()
            and self.body.textCursor().position() == (self._last_caret)
        )
        if join:
            cur.joinPreviousEditBlock()
        else:
            cur.beginEditBlock()
        cur.setPosition(edit.start)
        cur.setPosition(edit.end, QTextCursor.MoveMode.KeepAnchor)
        cur.insertText(edit.text)
        cur.endEditBlock()
        caret = QTextCursor(self.body.document())
        caret.setPosition(edit.caret)
        self.body.setTextCursor(caret)
        self.body.ensureCursorVisible()
        self._last_caret = edit.caret
        if typing:
            self._burst.start()
        else:
            self._burst.stop()

    # -- accepting and rejecting --------------------------------------------------------------
    def mark_at_caret(self) -> Mark | None:
        return critic.mark_at(self.body.toPlainText(), self.body.textCursor().position())

    def resolve_at_caret(self, *, accept: bool) -> bool:
        mark = self.mark_at_caret()
        if mark is None:
            self.refused.emit("The caret is not on a suggestion.")
            return False
        self.resolve_marks([mark], accept=accept)
        return True

    def resolve_all(self, *, accept: bool) -> int:
        marks = critic.find_marks(self.body.toPlainText())
        self.resolve_marks(marks, accept=accept)
        return len(marks)

    def resolve_marks(self, marks: list[Mark], *, accept: bool) -> None:
        """Accept or reject ``marks`` as one undo step."""
        if not marks:
            return
        self._burst.stop()
        cur = QTextCursor(self.body.document())
        cur.beginEditBlock()
        for mark in sorted(marks, key=lambda m: m.start, reverse=True):
            cur.setPosition(mark.start)
            cur.setPosition(mark.end, QTextCursor.MoveMode.KeepAnchor)
            cur.insertText(mark.new if accept else mark.old)
        cur.endEditBlock()
        self.resolved.emit(accept, len(marks))

    def _menu_section(self, menu: QMenu, at: QTextCursor) -> list[QAction]:
        """Accept/Reject first in the body's right-click menu when the click is on a mark."""
        mark = critic.mark_at(self.body.toPlainText(), at.position())
        if mark is None:
            return []
        accept = QAction(f"Accept: {mark.summary(30)}", menu, objectName="accept_suggestion_here")
        accept.triggered.connect(lambda: self.resolve_marks([mark], accept=True))
        reject = QAction(f"Reject: {mark.summary(30)}", menu, objectName="reject_suggestion_here")
        reject.triggered.connect(lambda: self.resolve_marks([mark], accept=False))
        return [accept, reject]
