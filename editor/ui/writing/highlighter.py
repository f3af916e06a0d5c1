"""Markdown syntax highlighting: headings, emphasis, links, quotes, lists and code spans, and
suggested edits (CriticMarkup) as coloured insertions and struck deletions."""

from __future__ import annotations

import re
from typing import Protocol

from PySide6.QtGui import (
    QColor,
    QFont,
    QSyntaxHighlighter,
    QTextBlock,
    QTextCharFormat,
    QTextDocument,
)

from editor.ui.window.theme import Colors, colors

_HEADING = re.compile(r"^(#{1,6})\s+.*$")
_QUOTE = re.compile(r"^\s{0,3}>.*$")
_LIST = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
# One marker, not two: ``**bold**`` must not also match as italic (it used to, and the italic
# format painted over the bold one).
_EMPH = re.compile(r"(?<![*_\w])([*_])(?![*_\s])(.+?)(?<![*_\s])\1(?![*_\w])")
_LINK = re.compile(r"!?\[[^\]\n]*\]\([^)\n]*\)|<https?://[^>\s]+>")
_CODE = re.compile(r"`[^`\n]+`")
# CriticMarkup (suggested edits): the delimiters, in the order a mark uses them
_CRITIC = re.compile(r"\{\+\+|\+\+\}|\{--|--\}|\{~~|~>|~~\}")
_OPEN = {"{++": 1, "{--": 2, "{~~": 3}


class SpellingLayer(Protocol):
    def underlines(
        self, text: str, block: QTextBlock
    ) -> list[tuple[int, int, QTextCharFormat]]: ...


class MarkdownHighlighter(QSyntaxHighlighter):
    """Works block by block, so typing in a 20,000-word body re-highlights one paragraph."""

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        # Spelling (editor/ui/proofing/spell_layer.py) underlines on top of the Markdown formats:
        # one highlighter per document, so the layer hands ranges back rather than formatting.
        self.spelling: SpellingLayer | None = None
        # True while formats are redrawn on request: Qt reports that as a change of the text
        # (textChanged), which must not count as an edit (an autosave of nothing, and on a
        # shared database a needless "changed elsewhere" question).
        self.reformatting = False
        self.set_colors(colors())

    def rehighlight(self) -> None:
        self.reformatting = True
        try:
            super().rehighlight()
        finally:
            self.reformatting = False

    def rehighlightBlock(self, block: QTextBlock) -> None:
        self.reformatting = True
        try:
            super().rehighlightBlock(block)
        finally:
            self.reformatting = False

    def set_colors(self, c: Colors) -> None:
        def fmt(color, *, bold=False, italic=False, underline=False) -> QTextCharFormat:
            f = QTextCharFormat()
            f.setForeground(color)
            if bold:
                f.setFontWeight(QFont.Weight.Bold)
            f.setFontItalic(italic)
            f.setFontUnderline(underline)
            return f

        self._heading = fmt(c.heading, bold=True)
        self._quote = fmt(c.quote, italic=True)
        self._list = fmt(c.list_marker, bold=True)
        self._strong = fmt(c.emphasis, bold=True)
        self._emph = fmt(c.emphasis, italic=True)
        self._link = fmt(c.link, underline=True)
        self._code = fmt(c.code)
        # suggested edits: added words green and underlined, deleted ones red and struck
        self._added = fmt(QColor("#1f883d"), underline=True)
        self._added.setBackground(QColor(46, 160, 67, 40))
        self._deleted = fmt(QColor("#cf222e"))
        self._deleted.setFontStrikeOut(True)
        self._deleted.setBackground(QColor(207, 34, 46, 30))
        self._critic_mark = fmt(c.list_marker)
        self.rehighlight()

    def highlightBlock(self, text: str) -> None:
        self._markdown(text)
        if self.spelling is not None and text:
            for start, length, underline in self.spelling.underlines(text, self.currentBlock()):
                merged = QTextCharFormat(self.format(start))
                merged.merge(underline)
                self.setFormat(start, length, merged)

    def _markdown(self, text: str) -> None:
        if _HEADING.match(text):
            self.setFormat(0, len(text), self._heading)
            self._highlight_suggestions(text)
            return
        if _QUOTE.match(text):
            self.setFormat(0, len(text), self._quote)
        m = _LIST.match(text)
        if m:
            self.setFormat(0, m.end(), self._list)
        for rx, f in ((_STRONG, self._strong), (_EMPH, self._emph), (_LINK, self._link)):
            for m in rx.finditer(text):
                merged = QTextCharFormat(self.format(m.start()))  # italic inside bold: both
                merged.merge(f)
                self.setFormat(m.start(), m.end() - m.start(), merged)
        for m in _CODE.finditer(text):
            self.setFormat(m.start(), m.end() - m.start(), self._code)
        self._highlight_suggestions(text)

    def _highlight_suggestions(self, text: str) -> None:
        """Marks may span paragraphs: the block state carries where the last one left off
        (0 outside, 1 added, 2 deleted, 3 replaced (old part), 4 replaced (new part))."""
        state = max(0, self.previousBlockState())
        if not state and "{" not in text:
            self.setCurrentBlockState(0)
            return
        pos = 0
        for m in _CRITIC.finditer(text):
            token = m.group()
            if state == 0 and token in _OPEN:
                new_state = _OPEN[token]
            elif (state, token) in ((1, "++}"), (2, "--}"), (4, "~~}")):
                new_state = 0
            elif state == 3 and token == "~>":
                new_state = 4
            else:
                continue
            self._paint_run(state, pos, m.start())
            self.setFormat(m.start(), len(token), self._critic_mark)
            state, pos = new_state, m.end()
        self._paint_run(state, pos, len(text))
        self.setCurrentBlockState(state)

    def _paint_run(self, state: int, start: int, end: int) -> None:
        if state and end > start:
            f = self._added if state in (1, 4) else self._deleted
            for i in range(start, end):  # keep bold/italic underneath
                merged = QTextCharFormat(self.format(i))
                merged.merge(f)
                self.setFormat(i, 1, merged)
