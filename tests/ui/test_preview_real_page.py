"""The preview with the real renderer and newsroom theme: assets load, typing patches the page."""

from __future__ import annotations

import shiboken6

from editor.render.body import BodyRenderer
from editor.render.themes import load_theme
from editor.ui.preview.wiring import block_index_at, page_builder_for
from tests.helpers.render_samples import RICH_BODY, rich_page
from tests.ui.preview_support import js, noise

pytestmark = noise


def test_rich_post_previews_with_theme_and_patches(qtbot):
    from editor.ui.preview.controller import PreviewController
    from editor.ui.preview.pane import PreviewPane

    data = rich_page()
    theme = load_theme(data.blog.theme)
    pane = PreviewPane()
    pane.resize(1320, 800)
    controller = PreviewController(
        pane, BodyRenderer(data.photos.get), page_builder_for(data, theme)
    )
    try:
        with qtbot.waitSignal(pane.view_created, timeout=10_000):
            pane.show()
        with qtbot.waitSignal(pane.page_loaded, timeout=10_000):
            controller.open_post(data.body, assets=theme.assets_dir)
        # The theme's stylesheet came through byline-media://assets/ (its rules apply).
        qtbot.waitUntil(lambda: js(qtbot, pane, "document.styleSheets.length") >= 1, timeout=10_000)
        sheets = js(
            qtbot, pane, "Array.from(document.styleSheets).map(s => s.cssRules.length).join(',')"
        )
        assert sheets and all(int(n) > 0 for n in sheets.split(","))
        assert pane.blocked_urls == []

        offset = RICH_BODY.index("She has done it")
        edited = RICH_BODY.replace("eleven ministers", "twelve ministers")
        with (
            qtbot.assertNotEmitted(pane.view.loadStarted, wait=50),
            qtbot.waitSignal(pane.body_patched, timeout=5_000),
        ):
            controller.body_edited(edited, block_index_at(edited, offset))
        text = js(qtbot, pane, "document.getElementById('article-body').textContent")
        assert "twelve ministers" in text and "eleven ministers" not in text
    finally:
        pane.shutdown()
        shiboken6.delete(pane)


def test_block_index_follows_the_renderers_split():
    text = "One.\n\nTwo\nstill two.\n\n## Three"
    assert block_index_at(text, 0) == 0
    assert block_index_at(text, text.index("still")) == 1
    assert block_index_at(text, len(text)) == 2
    assert block_index_at("Note[^1].\n\n[^1]: A footnote.", 3) is None  # rendered whole
