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
    chunks: list[list[str]] = []
    current: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if not line.strip(" \t"):
            if current:
                chunks.append(current)
                current = []
            i += 1
            continue
        fence = _FENCE.match(line)
        if fence:
            end = _closing(lines, i + 1, fence.group(1))
            if end is None:
                return None
            current.extend(lines[i : end + 1])
            i = end + 1
            continue
        box = BOX_OPEN.match(line)
        if box and box.group(1) in BOX_KINDS and not current:
            end = next((j for j in range(i + 1, len(lines)) if BOX_CLOSE.match(lines[j])), None)
            stop = len(lines) if end is None else end + 1
            current.extend(lines[i:stop])
            current.append("\x00box")  # marker: this chunk holds a box
            i = stop
            continue
        current.append(line)
        i += 1
    if current:
        chunks.append(current)
    return _group(chunks)


def _closing(lines: list[str], start: int, fence: str) -> int | None:
    for j in range(start, len(lines)):
        if lines[j].rstrip(" ") == fence:
            return j
    return None


def _group(chunks: list[list[str]]) -> list[str]:
    groups: list[list[list[str]]] = []
    absorb_next = False
    for chunk in chunks:
        first = chunk[0]
        is_box = chunk[-1] == "\x00box"
        if is_box:
            chunk = chunk[:-1]
        previous = groups[-1] if groups else None
        joins = previous is not None and (
            absorb_next
            or first[:1] in (" ", "\t")
            or (_LIST.match(first) and _LIST.match(previous[-1][0]))
            or (_QUOTE.match(first) and _QUOTE.match(previous[-1][0]))
        )
        if joins and previous is not None:
            previous.append(chunk)
        else:
            groups.append([chunk])
        absorb_next = is_box
    return ["\n\n".join("\n".join(chunk) for chunk in group) for group in groups]
