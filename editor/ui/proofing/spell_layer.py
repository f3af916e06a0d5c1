"""The spelling underlines the body's highlighter paints over its Markdown formats.

Per keystroke Qt re-highlights only the edited paragraph; this layer checks that paragraph's
words at once (a word costs ~4 µs the first time, a dictionary lookup after). Any other
paragraph (a post just opened, a paste of many) uses only words already known: the words never
asked about are checked by the background pass (:mod:`editor.ui.proofing.mount`), which then
asks for those paragraphs again. So opening a 20,000-word post never waits for the dictionary.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QColor, QTextBlock, QTextCharFormat

from editor.proofing.checker import Proofreader
from editor.proofing.tokens import (
    language_at,
    language_boxes,
    language_regions,
    to_utf16,
    utf16_offsets,
    words,
)

__all__ = ["SpellLayer", "box_lines", "is_underlined", "spelling_red", "underline_format"]


def spelling_red() -> QColor:
    """The scheme's "over" red: on a dark background the light scheme's red wave was 1.9:1."""
    from editor.ui.window.theme import colors

    return colors().over


def underline_format() -> QTextCharFormat:
    f = QTextCharFormat()
    f.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SpellCheckUnderline)
    f.setUnderlineColor(spelling_red())
    f.setProperty(QTextCharFormat.Property.UserProperty + 1, True)  # "misspelt", for tests/tools
    return f


class SpellLayer:
    """What to underline in one paragraph of the body."""

    def __init__(self, proofreader: Proofreader, current_block: Callable[[], int]) -> None:
        self.proofreader = proofreader
        self.language = "en"
        self.enabled = True
        self._current_block = current_block
        self._format = underline_format()
        self.deferred: set[int] = set()  # block numbers with words not yet asked about
        # ``::: lang xx`` boxes span paragraphs: (first line, last line, language) of the whole
        # body, refreshed by the background pass; a span inside a paragraph is found in it.
        self.box_lines: list[tuple[int, int, str]] = []

    def underlines(self, text: str, block: QTextBlock) -> list[tuple[int, int, QTextCharFormat]]:
        if not self.enabled:
            return []
        reader = self.proofreader
        number = block.blockNumber()
        live = number == self._current_block()
        inline = language_regions(text)
        found: list[tuple[int, int, QTextCharFormat]] = []
        offsets = None
        mapped = False
        waiting = False
        for start, end, word in words(text):
            lang = self._language(inline, start, number)
            known = reader.known(word, lang)
            if known is None:
                if not live:
                    waiting = True
                    continue
                known = reader.check_word(word, lang)
            if not known:
                if not mapped:
                    offsets, mapped = utf16_offsets(text), True
                begin = to_utf16(offsets, start)
                found.append((begin, to_utf16(offsets, end) - begin, self._format))
        if waiting:
            self.deferred.add(number)
        else:
            self.deferred.discard(number)
        return found

    def _language(self, inline: list[tuple[int, int, str]], start: int, line: int) -> str:
        lang = self.language
        for first, last, box_lang in self.box_lines:
            if first <= line <= last:
                lang = box_lang
        if inline:
            lang = language_at(inline, start, lang)
        return lang

    def misspelt_at(
        self, text: str, block: QTextBlock, utf16_index: int
    ) -> tuple[int, int, str, str] | None:
        """``(start, end, word, language)`` (UTF-16 offsets in the block) of the unknown word
        under ``utf16_index``, if there is one."""
        offsets = utf16_offsets(text)
        inline = language_regions(text)
        for start, end, word in words(text):
            begin, finish = to_utf16(offsets, start), to_utf16(offsets, end)
            if begin <= utf16_index <= finish:
                lang = self._language(inline, start, block.blockNumber())
                if self.proofreader.check_word(word, lang):
                    return None
                return begin, finish, word, lang
        return None


def is_underlined(fmt: QTextCharFormat) -> bool:
    return bool(fmt.property(QTextCharFormat.Property.UserProperty + 1)) and (
        fmt.underlineStyle() == QTextCharFormat.UnderlineStyle.SpellCheckUnderline
    )


def box_lines(body: str) -> list[tuple[int, int, str]]:
    """``(first line, last line, language)`` of each ``::: lang xx`` box (0-based lines)."""
    return [
        (body.count("\n", 0, start), body.count("\n", 0, max(start, end - 1)), lang)
        for start, end, lang in language_boxes(body)
    ]
