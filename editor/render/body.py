"""The article body: Markdown -> sanitised HTML, with a cache of converted blocks.

The preview calls :meth:`BodyRenderer.render` on every pause in typing: only blocks whose
source changed are converted again, and :class:`RenderedBlock` tells the preview how many
top-level elements of ``#article-body`` each block owns, so it can replace just those.
The export calls :meth:`BodyRenderer.render_full`; both give the same HTML for the same text.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field

from editor.render.batch import batchable, convert_batch
from editor.render.blocks import normalize
from editor.render.headings import number_headings
from editor.render.markdown_ext import PhotoResolver, byline_markdown
from editor.render.resplit import BlockSplitter
from editor.render.sanitize import Policy, Removal, Sanitizer
from editor.render.toplevel import fix_nesting, top_level

__all__ = ["BodyRenderer", "Removal", "RenderedBlock", "RenderedBody"]


@dataclass(frozen=True)
class RenderedBlock:
    """One top-level block: ``key`` identifies its source (and the photos it shows), ``nodes``
    is how many top-level elements its ``html`` puts in ``#article-body``."""

    key: str
    html: str
    nodes: int
    removed: tuple[Removal, ...] = ()
    ids: tuple[str, ...] = field(default=(), repr=False, compare=False)  # every id="" in html


@dataclass(frozen=True)
class RenderedBody:
    html: str
    blocks: list[RenderedBlock]
    removed: list[Removal] = field(default_factory=list)
    whole: bool = False  # converted as one block (document-global features, or render_full)


_PHOTO_REF = re.compile(r"photo:\s*([^\s)\"']+)")
_RAW_HTML = re.compile(r"<[A-Za-z/!?]")
_ID = re.compile(r'\sid="([^"]*)"')


class BodyRenderer:
    """Renders post bodies for one page (preview or export). Not thread-safe: one per thread.

    ``resolve_photo(id)`` returns the :class:`~editor.render.views.PhotoView` for a photo of
    the post, or ``None`` (the photo is then reported and left out).
    """

    def __init__(self, resolve_photo: PhotoResolver | None = None) -> None:
        self.resolve_photo = resolve_photo
        self._md, self._ext = byline_markdown(resolve_photo)
        self._policy = Policy()
        self._sanitizer = Sanitizer(self._policy)
        self._cache: dict[str, RenderedBlock] = {}
        self._splitter = BlockSplitter()  # re-splits only around the last edit
        self.batch_min = 8  # this many new blocks are converted in one Markdown run

    def clear_cache(self) -> None:
        """Forget converted blocks (call when the post's photos change)."""
        self._cache.clear()

    def render(self, markdown: str) -> RenderedBody:
        """The body, converting only blocks not seen in the last render."""
        sources = self._splitter.split(markdown)
        if sources is None:
            return self.render_full(markdown)
        keys = [self._key(source) for source in sources]
        batched = self._convert_missing(sources, keys)
        blocks: list[RenderedBlock] = []
        fresh: dict[str, RenderedBlock] = {}
        for source, key in zip(sources, keys, strict=True):
            block = fresh.get(key) or self._cache.get(key) or batched.get(key)
            if block is None:
                block = self._convert_block(key, source)
                if block is None:  # the block's output needs the whole document
                    return self.render_full(markdown)
            fresh[key] = block
            blocks.append(block)
        self._cache = fresh
        if _duplicate_ids(blocks):
            numbered = number_headings(sources, blocks)
            if numbered is None:  # not the simple case of repeated subheads: convert whole
                return self.render_full(markdown)
            blocks = numbered
        removed = [r for b in blocks for r in b.removed]
        return RenderedBody(
            html="\n".join(b.html for b in blocks if b.html), blocks=blocks, removed=removed
        )

    def render_full(self, markdown: str) -> RenderedBody:
        """The body converted as one document (the export's path; no cache)."""
        text = normalize(markdown)
        html, removed = self._convert(text)
        html, nodes = top_level(fix_nesting(html), wrap=True)
        key = self._key(text)
        block = RenderedBlock(key=key, html=html, nodes=nodes, removed=tuple(removed))
        return RenderedBody(html=html, blocks=[block], removed=list(removed), whole=True)

    def _key(self, source: str) -> str:
        digest = hashlib.sha1(source.encode("utf-8"))
        if self.resolve_photo is not None and "photo:" in source:
            for photo_id in _PHOTO_REF.findall(source):
                digest.update(repr(self.resolve_photo(photo_id)).encode("utf-8"))
        return digest.hexdigest()

    def _convert(self, source: str) -> tuple[str, list[Removal]]:
        self._md.reset()
        raw = self._md.convert(source)
        removed = list(self._ext.removed)
        self._policy.trusted_images = set(self._ext.trusted)
        markdown_only = "{" not in source and not _RAW_HTML.search(source)
        removed.extend(self._sanitizer.audit(raw, markdown_only=markdown_only))
        return self._sanitizer.clean(raw), removed

    def _convert_missing(self, sources: list[str], keys: list[str]) -> dict[str, RenderedBlock]:
        """New blocks converted together when there are many (see :mod:`batch`)."""
        missing: dict[str, str] = {}
        for source, key in zip(sources, keys, strict=True):
            if key not in self._cache and key not in missing and batchable(source):
                missing[key] = source
        if len(missing) < self.batch_min:
            return {}
        results = convert_batch(self._md, self._ext, self._sanitizer, list(missing.values()))
        if results is None:
            return {}
        converted: dict[str, RenderedBlock] = {}
        for key, result in zip(missing, results, strict=True):
            block = self._block(key, *result) if result is not None else None
            if block is not None:
                converted[key] = block
        return converted

    def _convert_block(self, key: str, source: str) -> RenderedBlock | None:
        html, removed = self._convert(source)
        return self._block(key, html, removed)

    def _block(self, key: str, html: str, removed: list[Removal]) -> RenderedBlock | None:
        result = top_level(html, wrap=False)
        if result is None:
            return None
        return RenderedBlock(key=key, html=html, nodes=result[1], removed=tuple(removed),
                             ids=tuple(_ID.findall(html)))  # fmt: skip


def _duplicate_ids(blocks: list[RenderedBlock]) -> bool:
    counts = Counter(ident for b in blocks for ident in b.ids)
    return any(n > 1 for n in counts.values())
