"""The Markdown body editor: a plain-text editor with formatting commands.

Undo steps: formatting edits and pastes go through one QTextCursor edit block each, so a single
undo reverts them. Typing is grouped into bursts: Qt merges every contiguous keystroke into one
undo step (a whole paragraph typed over ten minutes would vanish at once), so a pause of
:data:`BURST_PAUSE_MS` or a caret moved elsewhere starts a new step.

Pasting rich text (HTML from a browser, a word processor or the preview) inserts its Markdown;
:meth:`BodyEditor.paste_plain` inserts only the clipboard's plain text.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QMimeData, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QContextMenuEvent,
    QFocusEvent,
    QFontDatabase,
    QGuiApplication,
    QKeyEvent,
    QTextCursor,
)
from PySide6.QtWidgets import QMenu, QPlainTextEdit, QWidget

from editor.ui.writing.highlighter import MarkdownHighlighter

WORDS_PER_MINUTE = 230
BURST_PAUSE_MS = 1000  # typing after a pause this long is a new undo step
_WORD = re.compile(r"\w+(?:['’.-]\w+)*", re.UNICODE)
_LINE_PREFIX = re.compile(r"^(#{1,6}\s+|>\s?|[-*+]\s+|\d+[.)]\s+)")
_META = Qt.KeyboardModifier.MetaModifier


def count_words(text: str) -> int:
    return len(_WORD.findall(text))  # ~4 ms for 20,000 words


class WordCounter:
    """``count(text)`` is ``count_words(text)``, counting again only the lines that changed
    since the last call (~0.5 ms instead of ~4 ms at 20,000 words; no word spans a line)."""

    def __init__(self) -> None:
        self._lines: dict[str, int] = {}

    def count(self, text: str) -> int:
        known, self._lines = self._lines, {}
        total = 0
        for line in text.split("\n"):
            n = known.get(line)
            if n is None:
                n = count_words(line)
            self._lines[line] = n
            total += n
        return total


def reading_minutes(words: int) -> int:
    return max(1, round(words / WORDS_PER_MINUTE)) if words else 0


# (the menu, a cursor at the place clicked) -> the section's actions (a separator is an action)
MenuSection = Callable[[QMenu, QTextCursor], list[QAction]]


class BodyEditor(QPlainTextEdit):
    focus_lost = Signal()
    burst_ended = Signal()  # typing paused: the next keystroke starts a new undo step

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("body")
        self.setAccessibleName("Body")
        self.setPlaceholderText("Write the story here. Markdown: ## subhead, **bold**, _italic_…")
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont)
        font.setPointSizeF(max(font.pointSizeF(), 10.0) * 1.15)
        self.setFont(font)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.document().setDocumentMargin(12)
        self.highlighter = MarkdownHighlighter(self.document())
        self._pause = QTimer(self, singleShot=True, interval=BURST_PAUSE_MS)
        self._pause.timeout.connect(self._end_burst)
        self._burst_open = False
        self._caret_after_typing = -1
        self._menu_sections: list[MenuSection] = []

    # -- the right-click menu -----------------------------------------------------------------
    def add_menu_section(self, section: MenuSection) -> None:
        """A feature's own commands for the right-click menu, given the menu and the place
        clicked (spelling suggestions, Accept/Reject a suggestion...). Each section that has
        something to offer goes above the usual Undo/Cut/Copy/Paste, in the order added."""
        self._menu_sections.append(section)

    def build_context_menu(self, pos: QPoint) -> QMenu:
        menu = self.createStandardContextMenu(pos)
        menu.setObjectName("body_menu")
        first = menu.actions()[0] if menu.actions() else None
        at = self.cursorForPosition(pos)
        for section in self._menu_sections:
            actions = section(menu, at)
            if actions:
                for action in actions:
                    menu.insertAction(first, action)  # type: ignore[arg-type]
                menu.insertSeparator(first)  # type: ignore[arg-type]
        return menu

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.build_context_menu(event.pos())
        menu.aboutToHide.connect(menu.deleteLater)
        menu.popup(event.globalPos())

    # -- undo steps and pasting -------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not event.text():  # arrows, modifiers...: no edit
            super().keyPressEvent(event)
            return
        if event.modifiers() & (Qt.KeyboardModifier.ControlModifier | _META):
            super().keyPressEvent(event)  # a command (undo, paste...): typing after it is new
            self._burst_open = False
            return
        if not self._burst_open or self.textCursor().position() != self._caret_after_typing:
            self.end_undo_step()
        super().keyPressEvent(event)
        self._burst_open = True
        self._caret_after_typing = self.textCursor().position()
        self._pause.start()

    def end_undo_step(self) -> None:
        """The next edit starts a new undo step instead of merging into the last one.
        (QTextDocument merges typed characters only while the document counts as modified;
        nothing in Byline reads that flag: saving has its own.)"""
        self.document().setModified(False)
        self._burst_open = False

    def _end_burst(self) -> None:
        self.end_undo_step()
        self.burst_ended.emit()

    def insertFromMimeData(self, source: QMimeData) -> None:
        self._insert_pasted(source, plain=False)

    def paste_plain(self) -> None:
        """Paste the clipboard's plain text, whatever richer forms it also holds."""
        if not self.isReadOnly():
            self._insert_pasted(QGuiApplication.clipboard().mimeData(), plain=True)

    def _insert_pasted(self, source: QMimeData | None, *, plain: bool) -> None:
        from editor.formats.pasted_html import html_to_markdown, plain_text

        if source is None:
            return
        text = ""
        if source.hasHtml() and not plain:
            text = html_to_markdown(source.html())
        if not text and source.hasText():
            text = plain_text(source.text())
        if not text:
            return
        self.end_undo_step()
        cur = self.textCursor()
        cur.beginEditBlock()
        cur.insertText(text)
        cur.endEditBlock()
        self.setTextCursor(cur)
        self.ensureCursorVisible()
        self.end_undo_step()  # typing after the paste is a step of its own

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.focus_lost.emit()

    def set_text(self, text: str) -> None:
        """Replace the text without an undo step back into another post's text."""
        self.setPlainText(text)
        self.document().clearUndoRedoStacks()
        self.moveCursor(QTextCursor.MoveOperation.Start)

    # -- formatting -------------------------------------------------------------------------
    def wrap_selection(self, marker: str, placeholder: str = "text") -> None:
        """Bold/italic: wrap the selection (or a placeholder) in ``marker``; unwrap if wrapped."""
        cur = self.textCursor()
        text = cur.selectedText()
        n = len(marker)
        cur.beginEditBlock()
        if text.startswith(marker) and text.endswith(marker) and len(text) >= 2 * n:
            cur.insertText(text[n:-n])
        elif text:
            start = cur.selectionStart()
            cur.insertText(f"{marker}{text}{marker}")
            cur.setPosition(start + n)
            cur.setPosition(start + n + len(text), QTextCursor.MoveMode.KeepAnchor)
        else:
            start = cur.position()
            cur.insertText(f"{marker}{placeholder}{marker}")
            cur.setPosition(start + n)
            cur.setPosition(start + n + len(placeholder), QTextCursor.MoveMode.KeepAnchor)
        cur.endEditBlock()
        self.setTextCursor(cur)

    def insert_link(self, url: str = "https://") -> None:
        cur = self.textCursor()
        label = cur.selectedText() or "link text"
        cur.beginEditBlock()
        start = cur.selectionStart() if cur.hasSelection() else cur.position()
        cur.insertText(f"[{label}]({url})")
        url_start = start + len(label) + 3
        cur.setPosition(url_start)
        cur.setPosition(url_start + len(url), QTextCursor.MoveMode.KeepAnchor)
        cur.endEditBlock()
        self.setTextCursor(cur)

    def set_line_prefix(self, prefix: str) -> None:
        """Subhead, quote, list: prefix each selected line (or unprefix if all have it)."""
        cur = self.textCursor()
        doc = self.document()
        first = doc.findBlock(cur.selectionStart())
        last = doc.findBlock(cur.selectionEnd())
        blocks = [first]
        while blocks[-1] != last and blocks[-1].next().isValid():
            blocks.append(blocks[-1].next())
        remove = all(b.text().startswith(prefix) for b in blocks)
        cur.beginEditBlock()
        for block in blocks:
            line = QTextCursor(block)
            existing = _LINE_PREFIX.match(block.text())
            if existing:
                line.setPosition(block.position() + existing.end(), QTextCursor.MoveMode.KeepAnchor)
            line.insertText("" if remove else prefix)
        cur.endEditBlock()
