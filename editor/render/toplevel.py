"""Counting (and tidying) the top-level nodes of sanitised HTML.

The preview patches ``#article-body`` element by element, so every top-level node of the body
must be an element: text left at the top (a disallowed block tag whose text nh3 kept) is wrapped
in a ``<p>``. nh3's output is well-formed, which is what makes a tag scan enough here.
"""

from __future__ import annotations

import re
from typing import Literal, overload


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_TAG = re.compile(r"""<(/?)([a-zA-Z][a-zA-Z0-9-]*)(?:[^>"']|"[^"]*"|'[^']*')*>""")
VOID = _words("area base br col embed hr img input link meta source track wbr")
PHRASING = _words(
    "a abbr b br cite code del em i iframe img ins kbd mark q s samp small span strong sub "
    "sup time u"
)


def _items(html: str) -> list[tuple[int, int, str | None]]:
    """Top-level items as (start, end, tag); tag is None for a text run."""
    items: list[tuple[int, int, str | None]] = []
    depth = 0
    pos = 0
    start = 0
    top_tag = ""
    for match in _TAG.finditer(html):
        closing, tag = match.group(1), match.group(2).lower()
        if depth == 0 and match.start() > pos:
            items.append((pos, match.start(), None))
        if closing:
            depth -= 1
            if depth == 0:
                items.append((start, match.end(), top_tag))
        elif tag in VOID:
            if depth == 0:
                items.append((match.start(), match.end(), tag))
        else:
            if depth == 0:
                start, top_tag = match.start(), tag
            depth += 1
        pos = match.end()
    if pos < len(html):
        items.append((pos, len(html), None))
    return items


@overload
def top_level(html: str, *, wrap: Literal[True]) -> tuple[str, int]: ...
@overload
def top_level(html: str, *, wrap: Literal[False]) -> tuple[str, int] | None: ...
def top_level(html: str, *, wrap: bool) -> tuple[str, int] | None:
    """``(html, number of top-level elements)``. Text at the top level is wrapped in ``<p>``
    when ``wrap``; otherwise its presence returns ``None``."""
    items = _items(html)
    stray = any(tag is None and html[a:b].strip() for a, b, tag in items)
    if not stray:
        return html, sum(1 for _, _, tag in items if tag is not None)
    if not wrap:
        return None
    parts: list[str] = []
    run: list[tuple[int, int, str | None]] = []
    nodes = 0

    def flush() -> None:
        nonlocal nodes
        if not run:
            return
        text = html[run[0][0] : run[-1][1]]
        if any(tag is None and html[a:b].strip() for a, b, tag in run):
            parts.append(f"<p>{text.strip()}</p>")
            nodes += 1
        else:
            parts.append(text)
            nodes += sum(1 for _, _, tag in run if tag is not None)
        run.clear()

    for item in items:
        if item[2] is None or item[2] in PHRASING:
            run.append(item)
        else:
            flush()
            parts.append(html[item[0] : item[1]])
            nodes += 1
    flush()
    return "".join(parts), nodes


BLOCK = _words(
    "address article aside blockquote caption dd details div dl dt figcaption figure footer "
    "form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section table tbody td tfoot th "
    "thead tr ul"
)
# Inline elements that may not hold blocks (``a``, ``ins`` and ``del`` are transparent).
INLINE_ONLY = PHRASING - {"a", "ins", "del", "iframe", "img", "br"}


def fix_nesting(html: str) -> str:
    """Unwrap inline elements that ended up holding blocks.

    Broken HTML such as ``<b>bold <i>text</div>`` makes an HTML5 parser (nh3's) re-open the
    formatting elements around everything after, giving ``<b><i><p>…</p></i></b>``, which is
    not valid HTML. The content is kept; only the stray formatting tags go.
    """
    if not any(f"<{tag}" in html for tag in INLINE_ONLY):
        return html
    tokens: list[tuple[int, int, int]] = []  # (start, end, element id) of each tag
    stack: list[tuple[str, int]] = []
    unwrap: set[int] = set()
    counter = 0
    for match in _TAG.finditer(html):
        closing, tag = match.group(1), match.group(2).lower()
        if closing:
            while stack:
                open_tag, ident = stack.pop()
                if open_tag == tag:
                    tokens.append((match.start(), match.end(), ident))
                    break
            continue
        if tag in BLOCK:
            unwrap.update(ident for open_tag, ident in stack if open_tag in INLINE_ONLY)
        counter += 1
        tokens.append((match.start(), match.end(), counter))
        if tag not in VOID:
            stack.append((tag, counter))
    if not unwrap:
        return html
    parts: list[str] = []
    pos = 0
    for start, end, ident in tokens:
        if ident in unwrap:
            parts.append(html[pos:start])
            pos = end
    parts.append(html[pos:])
    return "".join(parts)
