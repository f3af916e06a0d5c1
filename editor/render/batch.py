"""Converting many new blocks in one Markdown run (a preview's first render).

Python-Markdown has a fixed cost per conversion (~0.2 ms), so converting 300 blocks one by one
costs much more than converting them together. Blocks whose output cannot depend on their
neighbours are joined with a sentinel paragraph between them, converted once and cut apart at
the sentinels. Anything that might differ from a block-by-block conversion (images, boxes,
attribute lists, numbered or reserved ids) is left out, or makes the caller convert one by one.
"""

from __future__ import annotations

import re

import markdown

from editor.render.markdown_ext import BylineExtension
from editor.render.sanitize import RESERVED_IDS, Removal, Sanitizer

# An HTML comment: Markdown passes it through as a block of its own without inline processing
# (a paragraph would cost as much as a real one).
SENTINEL = "bylineblocksentinel4d1f9a"
_SENTINEL_HTML = f"<!--{SENTINEL}-->"
_JOIN = f"\n\n{_SENTINEL_HTML}\n\n"
_SUSPECT_ID = re.compile(
    r'\sid="(?:[^"]*_\d+|(?:' + "|".join(map(re.escape, sorted(RESERVED_IDS))) + r')-\d+)"'
)


def batchable(source: str) -> bool:
    return (
        source[:1] not in (" ", "\t")
        and "![" not in source
        and ":::" not in source
        and "{" not in source
        and SENTINEL not in source
    )


def convert_batch(
    md: markdown.Markdown, ext: BylineExtension, sanitizer: Sanitizer, sources: list[str]
) -> list[tuple[str, list[Removal]] | None] | None:
    """Each source's (clean HTML, removals), as converting it alone would give; ``None`` for
    a block (or the whole batch) whose result the batch cannot promise."""
    md.reset()
    raw = md.convert(_JOIN.join(sources))
    if ext.removed:
        return None
    pieces = raw.split(_SENTINEL_HTML)
    if len(pieces) != len(sources):
        return None
    results: list[tuple[str, list[Removal]] | None] = []
    for piece in pieces:
        piece = piece.strip("\n")
        if _SUSPECT_ID.search(piece):
            results.append(None)  # toc numbered a repeated subhead, or renamed a reserved id
            continue
        results.append((sanitizer.clean(piece), sanitizer.audit(piece, markdown_only=True)))
    return results
