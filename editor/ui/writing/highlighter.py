"""Markdown syntax highlighting: headings, emphasis, links, quotes, lists and code spans."""

from __future__ import annotations

import re
from typing import Protocol

from PySide6.QtGui import QFont, QSyntaxHighlighter, QTextBlock, QTextCharFormat, QTextDocument

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
        self.set_colors(colors())

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
