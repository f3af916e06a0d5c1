"""The live preview inside the real window: the open post's page, following the typing."""

from __future__ import annotations

import shiboken6

from tests.ui.conftest import OPEN_TIMEOUT_MS, type_at_end
from tests.ui.preview_support import js, noise

pytestmark = noise


def test_window_preview_shows_the_post_and_follows_typing_and_headline(qtbot, open_window, db_path):
    window = open_window(db_path, preview=True)  # fresh database: the sample post is open
    preview = window.preview
    pane = preview.pane
    qtbot.waitUntil(lambda: preview.data is not None, timeout=OPEN_TIMEOUT_MS)
    qtbot.waitUntil(
        lambda: (
            pane.view is not None
            and "radio station"
            in (js(qtbot, pane, "(document.querySelector('h1') || {}).textContent") or "")
        ),
        timeout=OPEN_TIMEOUT_MS,
    )
    assert js(qtbot, pane, "document.querySelectorAll('h1').length") == 1

    # Mark the first paragraph: a patch leaves it alone, a reload would replace it.
    js(
        qtbot,
        pane,
        "(document.querySelector('#article-body p') || document.body).setAttribute('data-mark', 'kept') || 1",
    )
    type_at_end(qtbot, window, " Zebra-crossing")
    qtbot.waitUntil(
        lambda: (
            "Zebra-crossing"
            in (
                js(qtbot, pane, "(document.getElementById('article-body') || {}).textContent") or ""
            )
        ),
        timeout=OPEN_TIMEOUT_MS,
    )
    assert (
        js(
            qtbot,
            pane,
            "(document.querySelector('#article-body p') || document.body).getAttribute('data-mark')",
        )
        == "kept"
    )

    # once typing pauses, the block being edited (the last one) is scrolled into view
    qtbot.waitUntil(lambda: (js(qtbot, pane, "window.scrollY") or 0) > 0, timeout=OPEN_TIMEOUT_MS)

    window.form.headline.selectAll()
    qtbot.keyClicks(window.form.headline, "A new headline for the station")  # as a writer types
    qtbot.waitUntil(
        lambda: (
            (js(qtbot, pane, "(document.querySelector('h1') || {}).textContent") or "").strip()
            == "A new headline for the station"
        ),
        timeout=OPEN_TIMEOUT_MS,
    )
    window.close()
    shiboken6.delete(pane)
