"""Red wavy underlines under the misspelt words of the headline and the deck.

The body's underlines come from its highlighter (:mod:`editor.ui.proofing.spell_layer`), per
paragraph as it is typed. The headline and deck are short: after each background pass the words
it found misspelt there are underlined wherever they stand in the field's current text, so an
underline moves with its word while the writer types elsewhere in the field, and a word typed
since the pass waits for the next one (half a second later), as in the body.

The deck (a plain-text field) shows them as extra selections, which are display only: they never
count as an edit. A ``QLineEdit`` has no such thing, so the headline gets a transparent overlay
that paints the same wave under each word, placed from the field's own cursor rectangle (the
only public way to know how far a long headline is scrolled).

A right-click on an underlined word puts the same commands as in the body (suggestions, "Add to
my dictionary", the blog's word list, "Ignore in this post") above the field's usual menu.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import partial

from PySide6.QtCore import QEvent, QObject, QPointF, QRect, Qt
from PySide6.QtGui import (
    QAction,
    QContextMenuEvent,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QTextCursor,
)
from PySide6.QtWidgets import QLineEdit, QMenu, QPlainTextEdit, QTextEdit, QWidget

from editor.proofing.problems import Problem
from editor.proofing.tokens import to_utf16, utf16_offsets
from editor.ui.proofing.spell_layer import spelling_red, underline_format

#: Wave of the headline's underline, in px (one period, and the height of a crest).
WAVE = 4.0

#: ``(menu, word, replace)`` -> the actions for a misspelt word; ``replace(text)`` puts
#: ``text`` in its place (one undo step in the field).
WordActions = Callable[[QMenu, str, Callable[[str], None]], list[QAction]]


def spans(text: str, words: Iterable[str]) -> list[tuple[int, int]]:
    """Where each of ``words`` stands whole in ``text`` (code points, sorted)."""
    found: set[tuple[int, int]] = set()
    for word in words:
        if not word:
            continue
        for m in re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", text):
            found.add((m.start(), m.end()))
    return sorted(found)


def misspelt_words(problems: Iterable[Problem], field: str) -> set[str]:
    return {p.word for p in problems if p.field == field and p.is_spelling}


class FieldUnderlines(QObject):
    """Keeps the headline's and the deck's underlines in step with the last pass."""

    def __init__(
        self, headline: QLineEdit, deck: QPlainTextEdit, word_actions: WordActions | None = None
    ) -> None:
        super().__init__(headline)
        self.headline = headline
        self.deck = deck
        self.word_actions = word_actions
        self.overlay = _LineUnderlines(headline)
        self._deck_words: set[str] = set()
        deck.textChanged.connect(self._mark_deck)
        headline.installEventFilter(self)
        deck.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.ContextMenu or self.word_actions is None:
            return False
        assert isinstance(event, QContextMenuEvent)
        if watched is self.headline:
            return self._menu(self.headline, event, self.headline.cursorPositionAt(event.pos()))
        if watched is self.deck.viewport():
            at = self.deck.cursorForPosition(event.pos()).position()
            return self._menu(self.deck, event, at)
        return False

    def _menu(self, field: QLineEdit | QPlainTextEdit, event: QContextMenuEvent, at: int) -> bool:
        """The field's own menu with the word's commands on top, when ``at`` (Qt's offset of
        the click) is on an underlined word; False (the usual menu) when it is not."""
        if isinstance(field, QLineEdit):
            text, words = field.text(), self.overlay.words
        else:
            text, words = field.toPlainText(), self._deck_words
        offsets = utf16_offsets(text)
        hit = next(((start, end) for start, end in spans(text, words)
                    if to_utf16(offsets, start) <= at <= to_utf16(offsets, end)), None)  # fmt: skip
        if hit is None or self.word_actions is None:
            return False
        start, end = hit
        menu = field.createStandardContextMenu()
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        begin, stop = to_utf16(offsets, start), to_utf16(offsets, end)
        actions = self.word_actions(menu, text[start:end], partial(_replace, field, begin, stop))
        first = menu.actions()[0] if menu.actions() else None
        menu.insertActions(first, actions)
        menu.insertSeparator(first)
        menu.popup(event.globalPos())
        return True

    def show(self, problems: Iterable[Problem]) -> None:
        problems = list(problems)
        self.overlay.words = misspelt_words(problems, "headline")
        self.overlay.update()
        self._deck_words = misspelt_words(problems, "deck")
        self._mark_deck()

    def clear(self) -> None:
        self.show([])

    def deck_underlined(self) -> list[str]:
        """The deck's underlined words, in order (what a person sees; for tests and tools)."""
        return [s.cursor.selectedText() for s in self.deck.extraSelections()]

    def _mark_deck(self) -> None:
        selections = []
        text = self.deck.toPlainText()
        offsets = utf16_offsets(text)  # Qt counts UTF-16 units (an emoji is two)
        for start, end in spans(text, self._deck_words):
            selection = QTextEdit.ExtraSelection()
            selection.format = underline_format()
            cursor = QTextCursor(self.deck.document())
            cursor.setPosition(to_utf16(offsets, start))
            cursor.setPosition(to_utf16(offsets, end), QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            selections.append(selection)
        self.deck.setExtraSelections(selections)


def _replace(field: QLineEdit | QPlainTextEdit, start: int, end: int, text: str) -> None:
    """Put ``text`` over ``field``'s ``[start, end)`` as typing would: one undo step, and the
    field's usual "edited" signals (so the post is saved)."""
    if isinstance(field, QLineEdit):
        field.setSelection(start, end - start)
        field.insert(text)  # textEdited, like typing
        return
    cursor = field.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    cursor.insertText(text)
    field.setTextCursor(cursor)


class _LineUnderlines(QWidget):
    """A transparent layer over a ``QLineEdit`` that draws a wave under words."""

    def __init__(self, field: QLineEdit) -> None:
        super().__init__(field)
        self.field = field
        self.words: set[str] = set()
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        field.installEventFilter(self)
        field.textChanged.connect(self.update)
        field.cursorPositionChanged.connect(self.update)  # the text may have scrolled
        self.setGeometry(field.rect())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Not on the field's Paint: repainting this layer repaints the field under it.
        if watched is self.field and event.type() == QEvent.Type.Resize:
            self.setGeometry(self.field.rect())
        return False

    def ranges(self) -> list[tuple[float, float]]:
        """Each underlined word's left and right edge, in the field's pixels, as shown now."""
        field = self.field
        text = field.displayText()
        if not self.words or not text or field.echoMode() != QLineEdit.EchoMode.Normal:
            return []
        metrics = QFontMetricsF(field.font(), field)
        caret = field.inputMethodQuery(Qt.InputMethodQuery.ImCursorRectangle)  # a QRect
        # Where the text's first letter is now: the caret (the middle of its rectangle) less
        # the width of the text before it.
        middle = caret.x() + caret.width() / 2
        origin = middle - metrics.horizontalAdvance(text[: field.cursorPosition()])
        return [
            (origin + metrics.horizontalAdvance(text[:start]),
             origin + metrics.horizontalAdvance(text[:end]))
            for start, end in spans(text, self.words)
        ]  # fmt: skip

    def paintEvent(self, event: QPaintEvent) -> None:
        found = self.ranges()
        if not found:
            return
        field = self.field
        metrics = QFontMetricsF(field.font(), field)
        inner: QRect = field.contentsRect()
        baseline = inner.center().y() + (metrics.ascent() - metrics.descent()) / 2
        y = min(baseline + metrics.descent() * 0.6 + 1, inner.bottom() - WAVE / 2)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setClipRect(inner)
        painter.setPen(QPen(spelling_red(), 1))
        for left, right in found:
            path = QPainterPath(QPointF(left, y))
            x, up = left, True
            while x < right:
                step = min(WAVE / 2, right - x)
                x += step
                path.lineTo(QPointF(x, y - WAVE / 2 if up else y))
                up = not up
            painter.drawPath(path)
        painter.end()
