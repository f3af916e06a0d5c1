"""Repeated subheads in the block-by-block path, numbered as a whole-document conversion would.

Python-Markdown's ``toc`` gives the second "## Background" the id ``background_1``, the third
``background_2``: a document-global rule that converting blocks one by one cannot see. In the
common case (ids only from subheads, none already ending in ``_N``) the numbering is simple to
reproduce over the converted blocks; anything else returns ``None`` and the caller converts the
whole document instead.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import replace
from typing import TYPE_CHECKING

from editor.render.sanitize import RESERVED_IDS

if TYPE_CHECKING:
    from editor.render.body import RenderedBlock

_HEADING_ID = re.compile(r'<h([1-6]) id="([^"]*)"')
_NUMBERED = re.compile(r"_\d+$")


def number_headings(sources: list[str], blocks: list[RenderedBlock]) -> list[RenderedBlock] | None:
    if any("{" in source for source in sources):
        return None  # attribute lists may set ids of their own
    headings = [[m.group(2) for m in _HEADING_ID.finditer(b.html)] if b.ids else [] for b in blocks]
    others = Counter(i for b in blocks for i in b.ids)
    for ids in headings:
        others.subtract(ids)
    other_ids = {i for i, n in (+others).items()}
    if any(n > 1 for n in (+others).values()):
        return None
    seen: Counter[str] = Counter()
    final_ids: set[str] = set()
    renames: list[dict[str, str]] = []
    for ids in headings:
        block_renames: dict[str, str] = {}
        for ident in ids:
            if not ident or _NUMBERED.search(ident) or _reserved(ident):
                return None
            new = ident if not seen[ident] else f"{ident}_{seen[ident]}"
            seen[ident] += 1
            if new in final_ids or new in other_ids or (new != ident and new in block_renames):
                return None
            final_ids.add(new)
            if new != ident:
                if ident in block_renames:
                    return None  # the same subhead twice in one block: convert whole
                block_renames[ident] = new
        renames.append(block_renames)
    return [
        _renamed(block, names) if names else block
        for block, names in zip(blocks, renames, strict=True)
    ]


def _reserved(ident: str) -> bool:
    return any(ident.startswith(f"{r}-") for r in RESERVED_IDS)


def _renamed(block: RenderedBlock, names: dict[str, str]) -> RenderedBlock:
    html = block.html
    for old, new in names.items():
        html = re.sub(rf'(<h[1-6] id="){re.escape(old)}"', rf'\g<1>{new}"', html, count=1)
        html = html.replace(
            f'<a class="box-skip" href="#{old}">', f'<a class="box-skip" href="#{new}">'
        )
    key = hashlib.sha1((block.key + repr(sorted(names.items()))).encode()).hexdigest()
    ids = tuple(names.get(i, i) for i in block.ids)
    return replace(block, key=key, html=html, ids=ids)
