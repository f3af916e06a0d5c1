"""Glue between the Qt-free renderer and the preview: the page builder and cursor -> block."""

from __future__ import annotations

from collections.abc import Callable

from editor.render.blocks import normalize, split_blocks
from editor.render.body import RenderedBody
from editor.render.context import PageData
from editor.render.page import render_page
from editor.render.themes import Theme
from editor.ui.preview.engine_setup import MEDIA_SCHEME

ASSET_URL = f"{MEDIA_SCHEME}://assets/"  # the pane serves the theme's assets/ folder here


def page_builder_for(data: PageData, theme: Theme) -> Callable[[RenderedBody, str], str]:
    """A ``PreviewController`` page builder for this post's page data and theme.

    The preview's page takes theme files from ``byline-media://assets/`` (so call
    ``pane.set_roots(assets=theme.assets_dir, ...)``); "Open in browser" gets the export's
    relative ``assets/`` links.
    """

    def build(body: RenderedBody, mode: str) -> str:
        prefix = ASSET_URL if mode == "preview" else "assets/"
        page = render_page(
            data, theme=theme, mode="preview" if mode == "preview" else "export",
            asset_prefix=prefix, body=body,
        )  # fmt: skip
        return page.html

    return build


FIRST_SCREEN_CHARS = 6000  # more than a tall preview shows of a post's start (~1,000 words)


def first_screen(markdown: str, chars: int = FIRST_SCREEN_CHARS) -> str | None:
    """The start of a long post, whole blocks of about ``chars`` characters: what the preview
    shows of a just-opened post, so it appears without converting and laying out the whole
    page first. None when the post is short, or renders whole (document-global Markdown)."""
    if len(markdown) < 2 * chars:
        return None
    plain = normalize(markdown)
    blocks = split_blocks(plain)
    if not blocks:
        return None
    position = 0
    for source in blocks:
        start = plain.find(source, position)
        if start < 0:
            return None
        position = start + len(source)
        if position >= chars:
            break
    return plain[:position] if position < len(plain) else None


def block_index_at(markdown: str, offset: int) -> int | None:
    """Index of the top-level block holding character ``offset`` of ``markdown`` (the
    editor's cursor), counted as the body renderer splits; None when it renders whole."""
    plain = normalize(markdown)
    blocks = split_blocks(plain)
    if not blocks:
        return None
    cursor = len(normalize(markdown[:offset]))
    position = 0
    for index, source in enumerate(blocks):
        start = plain.find(source, position)
        if start < 0:
            return None
        end = start + len(source)
        if cursor <= end:
            return index
        position = end
    return len(blocks) - 1
