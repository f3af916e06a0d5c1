"""Find and replace in the post's body: a bar under the editor, as in a browser or a code editor.

Typing in the find field jumps to the next match from the caret; Enter / F3 finds the next,
Shift+Enter / Shift+F3 the previous (both wrap around); the count says "3 of 12". Replace All is
one edit block, so a single undo brings the whole post back. Esc closes the bar and gives the
keyboard back to the body with the last match selected.

Matching uses QTextDocument.find, so positions are the editor's own (UTF-16, emoji-safe) and
"whole words" means what Qt's word boundaries mean.
"""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QWidget,
)

from editor.ui.window.theme import colors
from editor.ui.writing.body_editor import BodyEditor

Flag = QTextDocument.FindFlag
COUNT_DELAY_MS = 150  # recount this long after the body changes, not per keystroke


def find_all(
    doc: QTextDocument, needle: str, flags: QTextDocument.FindFlag
) -> list[tuple[int, int]]:
    """(start, end) of every match of ``needle`` in ``doc``, in order."""
    found: list[tuple[int, int]] = []
    if not needle:
        return found
    cur = QTextCursor(doc)
    while True:
        cur = doc.find(needle, cur, flags)
        if cur.isNull():
            return found
        found.append((cur.selectionStart(), cur.selectionEnd()))


class FindBar(QWidget):
    closed = Signal()
    replaced = Signal(int)  # how many matches were replaced

    def __init__(self, editor: BodyEditor, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="find_bar")
        self.editor = editor
        self.setAccessibleName("Find and replace")
        self.find_text = _field("find_text", "Find in post")
        self.replace_text = _field("replace_text", "Replace with")
        self.previous = _button(
            "find_previous", "Previous", "Previous match (Shift+Enter, Shift+F3)"
        )
        self.next = _button("find_next", "Next", "Next match (Enter, F3)")
        # Compact toggles beside the field, as in browsers and code editors: as labelled check
        # boxes they took the row, and at 1280x800 the find field was left ~35 px ("onal").
        self.match_case = _toggle("match_case", "Aa", "Match case")
        self.whole_word = _toggle("whole_word", "W", "Whole words only")
        self.count = QLabel(objectName="find_count")
        self.count.setAccessibleName("Matches")
        self.replace = _button("replace", "Replace", "Replace this match and find the next")
        self.replace_all = _button("replace_all", "Replace All", "Replace every match (one undo)")
        self.close_button = QToolButton(objectName="find_close", text="✕", autoRaise=True)
        self.close_button.setToolTip("Close (Esc)")
        self.close_button.setAccessibleName("Close find bar")
        self._recount = QTimer(self, singleShot=True, interval=COUNT_DELAY_MS)
        self._layout()
        self._connect()

    def _layout(self) -> None:
        grid = QGridLayout(self)
        grid.setContentsMargins(8, 4, 8, 4)
        grid.setVerticalSpacing(4)
        options = QHBoxLayout()
        options.setSpacing(2)
        options.addWidget(self.match_case)
        options.addWidget(self.whole_word)
        grid.addWidget(self.find_text, 0, 0)
        grid.addLayout(options, 0, 1)
        grid.addWidget(self.previous, 0, 2)
        grid.addWidget(self.next, 0, 3)
        grid.addWidget(self.count, 0, 4)
        grid.addWidget(self.close_button, 0, 5)
        grid.addWidget(self.replace_text, 1, 0)
        grid.addWidget(self.replace, 1, 2)
        grid.addWidget(self.replace_all, 1, 3, 1, 2)
        grid.setColumnStretch(0, 1)
        for field in (self.find_text, self.replace_text):  # a phrase reads whole
            field.setMinimumWidth(field.fontMetrics().horizontalAdvance("x" * 16))
        self.count.setMinimumWidth(self.count.fontMetrics().horizontalAdvance("999 of 999 "))
        order = [self.find_text, self.replace_text, self.previous, self.next, self.replace,
                 self.replace_all, self.match_case, self.whole_word, self.close_button]  # fmt: skip
        for a, b in pairwise(order):
            QWidget.setTabOrder(a, b)

    def _connect(self) -> None:
        self.find_text.textEdited.connect(self._search_as_typed)
        self.find_text.installEventFilter(self)
        self.replace_text.returnPressed.connect(self.replace_one)
        self.previous.clicked.connect(self.find_previous)
        self.next.clicked.connect(self.find_next)
        self.replace.clicked.connect(self.replace_one)
        self.replace_all.clicked.connect(self.replace_every)
        self.match_case.toggled.connect(self._options_changed)
        self.whole_word.toggled.connect(self._options_changed)
        self.close_button.clicked.connect(self.close_bar)
        self._recount.timeout.connect(self.update_count)
        self.editor.document().contentsChanged.connect(self._body_changed)

    # -- opening and closing ----------------------------------------------------------------
    def open(self, *, replace: bool = False) -> None:
        """Show the bar (with the replace row if asked), seeded with a one-line selection."""
        selected = self.editor.textCursor().selectedText()
        if selected and "\u2029" not in selected:
            self.find_text.setText(selected)
        for w in (self.replace_text, self.replace, self.replace_all):
            w.setVisible(replace or self.replace_text.isVisible())
        self._set_writable()
        self.show()
        self.find_text.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.find_text.selectAll()
        self.update_count()

    def close_bar(self) -> None:
        self.hide()
        self.editor.setFocus(Qt.FocusReason.OtherFocusReason)
        self.closed.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close_bar()
            return
        super().keyPressEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.find_text and event.type() == QEvent.Type.KeyPress:
            key = event.key()  # type: ignore[attr-defined]
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:  # type: ignore[attr-defined]
                    self.find_previous()
                else:
                    self.find_next()
                return True
        return super().eventFilter(watched, event)

    # -- finding ----------------------------------------------------------------------------
    def flags(self) -> QTextDocument.FindFlag:
        flags = Flag(0)
        if self.match_case.isChecked():
            flags |= Flag.FindCaseSensitively
        if self.whole_word.isChecked():
            flags |= Flag.FindWholeWords
        return flags

    def find_next(self) -> bool:
        return self._find(backward=False)

    def find_previous(self) -> bool:
        return self._find(backward=True)

    def _find(self, *, backward: bool, start: QTextCursor | None = None) -> bool:
        needle = self.find_text.text()
        if not needle:
            return False
        doc = self.editor.document()
        flags = self.flags() | (Flag.FindBackward if backward else Flag(0))
        found = doc.find(needle, start or self.editor.textCursor(), flags)
        if found.isNull():  # wrap around
            edge = QTextCursor(doc)
            edge.movePosition(
                QTextCursor.MoveOperation.End if backward else QTextCursor.MoveOperation.Start
            )
            found = doc.find(needle, edge, flags)
        if not found.isNull():
            self.editor.setTextCursor(found)
            self.editor.centerCursor()
        self.update_count()
        return not found.isNull()

    def _search_as_typed(self, _text: str) -> None:
        start = QTextCursor(self.editor.textCursor())
        start.setPosition(start.selectionStart())  # a longer needle may still match here
        self._find(backward=False, start=start)

    def _options_changed(self) -> None:
        self._search_as_typed(self.find_text.text())

    def matches(self) -> list[tuple[int, int]]:
        return find_all(self.editor.document(), self.find_text.text(), self.flags())

    def _current_is_match(self) -> bool:
        cur = self.editor.textCursor()
        return cur.hasSelection() and (cur.selectionStart(), cur.selectionEnd()) in self.matches()

    def update_count(self) -> None:
        needle = self.find_text.text()
        found = self.matches()
        cur = self.editor.textCursor()
        here = (cur.selectionStart(), cur.selectionEnd())
        if not needle:
            text, level = "", "ok"
        elif not found:
            text, level = "No matches", "over"
        elif here in found:
            text, level = f"{found.index(here) + 1} of {len(found)}", "ok"
        else:
            text, level = f"{len(found)} match{'es' if len(found) != 1 else ''}", "ok"
        self.count.setText(text)
        self.count.setStyleSheet(f"color: {getattr(colors(), level).name()};")

    def _body_changed(self) -> None:
        if self.isVisible():
            self._recount.start()

    # -- replacing --------------------------------------------------------------------------
    def _set_writable(self) -> None:
        writable = not self.editor.isReadOnly()
        for w in (self.replace_text, self.replace, self.replace_all):
            w.setEnabled(writable)

    def replace_one(self) -> None:
        """Replace the selected match (if the selection is one) and go to the next."""
        if self.editor.isReadOnly() or not self.find_text.text():
            return
        if self._current_is_match():
            cur = self.editor.textCursor()
            self.editor.end_undo_step()
            cur.insertText(self.replace_text.text())  # one undo step (an edit block inside)
            self.editor.setTextCursor(cur)
            self.editor.end_undo_step()
            self.replaced.emit(1)
        self.find_next()

    def replace_every(self) -> int:
        """Replace every match in one undo step; returns how many."""
        if self.editor.isReadOnly():
            return 0
        found = self.matches()
        if not found:
            self.update_count()
            return 0
        replacement = self.replace_text.text()
        cur = QTextCursor(self.editor.document())
        self.editor.end_undo_step()
        cur.beginEditBlock()
        for start, end in reversed(found):  # from the end: earlier positions stay valid
            cur.setPosition(start)
            cur.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            cur.insertText(replacement)
        cur.endEditBlock()
        self.editor.end_undo_step()
        self._recount.stop()  # keep "Replaced N" until the next change
        self.update_count()
        self.count.setText(f"Replaced {len(found)}")  # done, not "No matches": not red
        self.count.setStyleSheet(f"color: {colors().ok.name()};")
        self.replaced.emit(len(found))
        return len(found)


def _field(name: str, label: str) -> QLineEdit:
    field = QLineEdit(objectName=name, placeholderText=label, clearButtonEnabled=True)
    field.setAccessibleName(label)
    return field


def _toggle(name: str, text: str, label: str) -> QToolButton:
    button = QToolButton(objectName=name, text=text, checkable=True)
    button.setToolTip(label)
    button.setAccessibleName(label)
    return button


def _button(name: str, text: str, tip: str) -> QPushButton:
    button = QPushButton(text, objectName=name, autoDefault=False)
    button.setToolTip(tip)
    return button
