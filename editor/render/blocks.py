"""Splitting a Markdown body into top-level blocks that convert independently.

Converting the blocks one by one and joining the results must give exactly what converting the
whole text gives, so the splitter only cuts where no state crosses the cut, and gives up (returns
``None``: convert the whole text) when the text uses something document-global.
"""

from __future__ import annotations

import re

from editor.render.markdown_ext import BOX_CLOSE, BOX_KINDS, BOX_OPEN

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


def normalize(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def document_global(text: str) -> bool:
    """True when the text uses something whose meaning depends on the whole document."""
    return _GLOBAL.search(text) is not None


def split_blocks(text: str) -> list[str] | None:
    """The top-level blocks of ``text`` (normalised), or ``None`` when it must be converted
    whole. Never cuts inside a fenced code block or a box, nor between the parts of a list or
    a blockquote, and keeps a box together with the block after it (its skip link's target)."""
    text = normalize(text)
    if document_global(text):
        return None
    lines = text.split("\n")
    if lines[0] and not lines[0].strip(" \t"):
        return None  # Python-Markdown keeps a first line of spaces: it joins the next block
    chunks: list[tuple[int, int, bool]] = []  # (first line, line after the last, holds a box)
    start: int | None = None
    boxed = False
    i = 0
    while i < len(lines):
        line = lines[i]
        if not line.strip(" \t"):
            if start is not None:
                chunks.append((start, i, boxed))
                start, boxed = None, False
            i += 1
            continue
        if start is None:
            start = i
        fence = _FENCE.match(line)
        if fence:
            end = _closing(lines, i + 1, fence.group(1))
            if end is None:
                return None
            i = end + 1
            continue
        box = BOX_OPEN.match(line)
        if box and box.group(1) in BOX_KINDS:
            end = next((j for j in range(i + 1, len(lines)) if BOX_CLOSE.match(lines[j])), None)
            i = len(lines) if end is None else end + 1
            boxed = True
            continue
        i += 1
    if start is not None:
        chunks.append((start, len(lines), boxed))
    return [_text(lines, group) for group in _group(lines, chunks)]


def _closing(lines: list[str], start: int, fence: str) -> int | None:
    for j in range(start, len(lines)):
        if lines[j].rstrip(" ") == fence:
            return j
    return None


def _group(lines: list[str], chunks: list[tuple[int, int, bool]]) -> list[list[tuple[int, int]]]:
    groups: list[list[tuple[int, int]]] = []
    absorb_next = False
    for start, stop, is_box in chunks:
        first = lines[start]
        previous = groups[-1] if groups else None
        # Lists and blockquotes may start inside a block (after a heading line, say) and go on
        # in the next one: join when the previous group has any line that starts one.
        body = lines[previous[0][0] : previous[-1][1]] if previous else []
        joins = previous is not None and (
            absorb_next
            or first[:1] in (" ", "\t")
            or (_LIST.match(first) and any(_LIST.match(line) for line in body))
            or (_QUOTE.match(first) and any(_QUOTE.match(line) for line in body))
        )
        if joins and previous is not None:
            previous.append((start, stop))
        else:
            groups.append([(start, stop)])
        absorb_next = is_box
    return groups


def _text(lines: list[str], group: list[tuple[int, int]]) -> str:
    """The group's exact source, blank lines between its chunks included."""
    return "\n".join(lines[group[0][0] : group[-1][1]])
