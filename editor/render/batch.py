"""Converting many new blocks in one Markdown run (a preview's first render).

Python-Markdown has a fixed cost per conversion (~0.2 ms), so converting 300 blocks one by one
costs much more than converting them together. Blocks whose output cannot depend on their
neighbours are joined with a sentinel rule between them, converted once and cut apart at
the sentinels. Anything that might differ from a block-by-block conversion (images, boxes,
attribute lists, numbered or reserved ids) is left out, or makes the caller convert one by one.
"""

from __future__ import annotations

import re

import markdown

from editor.render.markdown_ext import BylineExtension
from editor.render.sanitize import RESERVED_IDS, Removal, Sanitizer

# A thematic break: the cheapest block Markdown passes through on its own (no inline work; an
# HTML comment went through the raw-HTML stash and cost 15% of the whole conversion). Blocks
# that could draw a rule themselves are left out of the batch, and the count of pieces is
# checked, so a rule in the output is always a sentinel.
_JOIN = "\n\n* * *\n\n"
_SENTINEL_HTML = "<hr>"
_RULE_LINE = re.compile(r"^[ \t>]*(?:[-*_][ \t]*){3,}$", re.M)
_SUSPECT_ID = re.compile(
    r'\sid="(?:[^"]*_\d+|(?:' + "|".join(map(re.escape, sorted(RESERVED_IDS))) + r')-\d+)"'
)


def batchable(source: str) -> bool:
    return (
        source[:1] not in (" ", "\t")
        and "![" not in source
        and ":::" not in source
        and "{" not in source
        and "<hr" not in source.lower()
        and _RULE_LINE.search(source) is None
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
