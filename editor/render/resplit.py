"""Splitting the body again after a keystroke without walking the whole text.

:func:`~editor.render.blocks.split_blocks` walks every blank line of the body: ~3 ms at 20,000
words, on every keystroke. A keystroke changes one place, so :class:`BlockSplitter` keeps the
last text's block spans, finds the changed stretch (common prefix and suffix: a few slice
comparisons in C), and splits again only the blocks around it, plus one block either side.

That is only the same as a whole split when nothing there can join blocks or change the
meaning of the rest of the text, so the shortcut is taken only for plain prose in the window
(old and new): no fence, box, list, quote, indented line, raw HTML or reference mark (see
:func:`_plain`); anything else falls back to the whole split. tests/unit/test_resplit.py checks
random edits against the whole split.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from editor.render.blocks import block_spans, normalize

Spans = list[tuple[int, int]]

# Anything that lets a block reach into its neighbours or the whole document (blocks.py).
_NOT_PLAIN = re.compile(r"[`~<\[\]\t\x02\x03]|:::|^[ >]|^ {0,3}(?:[*+-]|\d+[.)])(?:[ \t]|$)", re.M)


def _plain(text: str) -> bool:
    return _NOT_PLAIN.search(text) is None


class BlockSplitter:
    """``split(text)`` gives what ``split_blocks(text)`` gives, faster after a small edit."""

    def __init__(self) -> None:
        self._text = ""
        self._spans: Spans | None = None
        self._starts: list[int] = []
        self._ends: list[int] = []

    def split(self, markdown: str) -> list[str] | None:
        text = normalize(markdown)
        spans = self._resplit(text) if self._spans else None
        if spans is None:
            spans = block_spans(text)
        self._text, self._spans = text, spans
        self._starts = [start for start, _end in spans or ()]
        self._ends = [end for _start, end in spans or ()]
        return None if spans is None else [text[start:end] for start, end in spans]

    def _resplit(self, text: str) -> Spans | None:
        old, spans = self._text, self._spans
        assert spans is not None
        if text == old:
            return spans
        head = _common_prefix(old, text)
        tail = _common_suffix(old, text, min(len(old), len(text)) - head)
        # The blocks the edit touches, and one more on either side.
        first = bisect_left(self._ends, head)
        last = bisect_right(self._starts, len(old) - tail) - 1
        lo, hi = max(0, min(first, last) - 1), min(len(spans) - 1, max(first, last) + 1)
        start = 0 if lo == 0 else spans[lo][0]
        old_end = len(old) if hi == len(spans) - 1 else spans[hi][1]
        shift = len(text) - len(old)
        new_end = old_end + shift
        window = text[start:new_end]
        if not (_plain(old[start:old_end]) and _plain(window)):
            return None
        middle = block_spans(window)
        if middle is None:
            return None
        return [
            *spans[:lo],
            *((start + a, start + b) for a, b in middle),
            *((a + shift, b + shift) for a, b in spans[hi + 1 :]),
        ]


def _common_prefix(a: str, b: str) -> int:
    """Length of the longest common prefix (binary search over slices, compared in C)."""
    lo, hi = 0, min(len(a), len(b))
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if a[lo:mid] == b[lo:mid]:
            lo = mid
        else:
            hi = mid - 1
    return lo


def _common_suffix(a: str, b: str, limit: int) -> int:
    """Length of the longest common suffix, at most ``limit``."""
    lo, hi = 0, limit
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if a[len(a) - mid : len(a) - lo] == b[len(b) - mid : len(b) - lo]:
            lo = mid
        else:
            hi = mid - 1
    return lo
