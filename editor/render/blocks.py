"""Splitting a Markdown body into top-level blocks that convert independently.

Converting the blocks one by one and joining the results must give exactly what converting the
whole text gives, so the splitter only cuts where no state crosses the cut, and gives up (returns
``None``: convert the whole text) when the text uses something document-global.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from editor.render.fenced import BOX_CLOSE
from editor.render.lang_ext import LANG_BOX_OPEN
from editor.render.markdown_ext import BOX_KINDS, BOX_OPEN

# Document-global Markdown: footnotes, reference definitions, abbreviations, raw HTML (an open
# tag changes how everything after it parses) and Python-Markdown's own placeholder characters.
_GLOBAL = re.compile(
    r"\[\^"  # footnote reference or definition
    r"|^ {0,3}\[[^\]\n]*\]:"  # reference link definition
    r"|^ {0,3}\*\["  # abbreviation definition
    r"|<[A-Za-z/!?]"  # raw HTML
    r"|[\x02\x03]",
    re.M,
)
_FENCE = re.compile(r"^(`{3,}|~{3,})")
_LIST = re.compile(r"^ {0,3}(?:[*+-]|\d+[.)])(?:[ \t]|$)")
_QUOTE = re.compile(r"^ {0,3}>")
_LIST_LINE = re.compile(_LIST.pattern, re.M)
_QUOTE_LINE = re.compile(_QUOTE.pattern, re.M)
_BLANKS = re.compile(r"\n(?:[ \t]*\n)+")  # a run of blank lines (spaces and tabs count as blank)
_SPECIAL = re.compile(r"^(?:`{3,}|~{3,}|:::)", re.M)


def normalize(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def document_global(text: str) -> bool:
    """True when the text uses something whose meaning depends on the whole document."""
    if not any(mark in text for mark in ("[^", "]:", "*[", "<", "\x02", "\x03")):
        return False  # the common case, without running the regex over the whole post
    return _GLOBAL.search(text) is not None


def split_blocks(text: str) -> list[str] | None:
    """The top-level blocks of ``text`` (normalised), or ``None`` when it must be converted
    whole. Never cuts inside a fenced code block or a box, nor between the parts of a list or
    a blockquote, and keeps a box together with the block after it (its skip link's target).
    Each block is an exact slice of the text, blank lines inside it included."""
    text = normalize(text)
    spans = block_spans(text)
    return None if spans is None else [text[start:end] for start, end in spans]


def block_spans(text: str) -> list[tuple[int, int]] | None:
    """Where :func:`split_blocks` cuts the (normalised) ``text``: each block's (start, end)."""
    if document_global(text):
        return None
    first_end = text.find("\n")
    first = text if first_end < 0 else text[:first_end]
    if first and not first.strip(" \t"):
        return None  # Python-Markdown keeps a first line of spaces: it joins the next block
    regions = _regions(text)
    if regions is None:
        return None
    box_starts = [r[0] for r in regions if r[2]]
    chunks: list[tuple[int, int, bool]] = []  # (start, end, holds a box)
    start = len(text) - len(text.lstrip("\n"))
    region_index = 0
    for blank in _BLANKS.finditer(text, start):
        while region_index < len(regions) and regions[region_index][1] <= blank.start():
            region_index += 1
        if region_index < len(regions) and regions[region_index][0] < blank.start():
            continue  # inside a fence or a box: not a boundary
        _add_chunk(text, chunks, start, blank.start(), box_starts)
        start = blank.end()
    _add_chunk(text, chunks, start, len(text), box_starts)
    return _group(text, chunks)


def _regions(text: str) -> list[tuple[int, int, bool]] | None:
    """Fenced code blocks and boxes as (start, end, is box), in order; ``None`` for a fence
    that never closes (Python-Markdown then reads it differently)."""
    regions: list[tuple[int, int, bool]] = []
    pos = 0
    while True:
        match = _SPECIAL.search(text, pos)
        if match is None:
            return regions
        line_end = text.find("\n", match.start())
        line_end = len(text) if line_end < 0 else line_end
        line = text[match.start() : line_end]
        fence = _FENCE.match(line)
        if fence:
            close = re.compile(rf"^{re.escape(fence.group(1))} *$", re.M).search(text, line_end)
            if close is None:
                return None
            regions.append((match.start(), close.end(), False))
            pos = close.end()
            continue
        box = BOX_OPEN.match(line)
        if (box and box.group(1) in BOX_KINDS) or LANG_BOX_OPEN.match(line):
            close = _BOX_CLOSE_LINE.search(text, line_end)
            end = len(text) if close is None else close.end()
            regions.append((match.start(), end, True))
            pos = end
            continue
        pos = line_end


_BOX_CLOSE_LINE = re.compile(BOX_CLOSE.pattern, re.M)


def _add_chunk(
    text: str, chunks: list[tuple[int, int, bool]], start: int, end: int,
    box_starts: list[int],
) -> None:  # fmt: skip
    while True:  # drop blank lines at the very end of the text
        newline = text.rfind("\n", start, end)
        if newline < 0 or text[newline + 1 : end].strip(" \t"):
            break
        end = newline
    if end <= start or not text[start:end].strip(" \t\n"):
        return
    index = bisect_left(box_starts, start)
    boxed = index < len(box_starts) and box_starts[index] < end
    chunks.append((start, end, boxed))


def _group(text: str, chunks: list[tuple[int, int, bool]]) -> list[tuple[int, int]]:
    groups: list[list[int]] = []  # [start, end]
    absorb_next = False
    for start, end, is_box in chunks:
        newline = text.find("\n", start, end)
        first = text[start : end if newline < 0 else newline]
        previous = groups[-1] if groups else None
        # Lists and blockquotes may start inside a block (after a heading line, say) and go on
        # in the next one: join when the previous group has any line that starts one.
        joins = previous is not None and (
            absorb_next
            or first[:1] in (" ", "\t")
            or (_LIST.match(first) is not None and _has_line(_LIST_LINE, text, previous))
            or (_QUOTE.match(first) is not None and _has_line(_QUOTE_LINE, text, previous))
        )
        if joins and previous is not None:
            previous[1] = end
        else:
            groups.append([start, end])
        absorb_next = is_box
    return [(g[0], g[1]) for g in groups]


def _has_line(pattern: re.Pattern[str], text: str, span: list[int]) -> bool:
    return pattern.search(text[span[0] : span[1]]) is not None
