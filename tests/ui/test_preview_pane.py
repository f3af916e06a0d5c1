"""The live preview follows typing by patching the DOM, and keeps its fences up."""

from __future__ import annotations

import shiboken6

from tests.helpers.preview import long_post
from tests.ui.preview_support import js, make_preview, noise

__all__ = ["make_preview"]  # the fixture

pytestmark = noise

TEXT = "First paragraph.\n\nSecond paragraph.\n\nThird paragraph."


def body_texts(qtbot, pane):
    return js(
        qtbot,
        pane,
        "Array.from(document.getElementById('article-body').children)"
        ".map(e => e.tagName + ':' + e.textContent)",
    )


def test_view_is_created_after_the_pane_paints(qtbot):
    from editor.ui.preview.pane import PreviewPane

    pane = PreviewPane()
    assert pane.view is None
    with qtbot.waitSignal(pane.view_created, timeout=10_000):
        pane.show()
    assert pane.view is not None
    pane.shutdown()
    assert pane.view is None
    shiboken6.delete(pane)


def test_typed_change_is_patched_without_reloading(qtbot, make_preview):
    pane, controller = make_preview(TEXT)
    assert body_texts(qtbot, pane) == [
        "P:First paragraph.",
        "P:Second paragraph.",
        "P:Third paragraph.",
    ]
    js(qtbot, pane, "document.getElementById('article-body').children[0].dataset.mark = 'kept'")

    seen: list[str] = []  # in order: a paint must follow the patch (it may come at once,
    pane.body_patched.connect(lambda *_a: seen.append("patched"))  # before a wait on it starts)
    pane.painted.connect(lambda *_a: seen.append("painted"))
    with qtbot.assertNotEmitted(pane.view.loadStarted, wait=50):
        with qtbot.waitSignal(pane.body_patched, timeout=5_000) as patched:
            controller.body_edited(TEXT.replace("Second", "Seconds"), cursor_block=1)
        qtbot.waitUntil(lambda: "painted" in seen[seen.index("patched") :], timeout=5_000)
    assert patched.args == [3]
    assert body_texts(qtbot, pane) == [
        "P:First paragraph.",
        "P:Seconds paragraph.",
        "P:Third paragraph.",
    ]
    # The untouched first paragraph is the same DOM node, not a re-created one.
    assert (
        js(qtbot, pane, "document.getElementById('article-body').children[0].dataset.mark")
        == "kept"
    )


def test_added_and_removed_blocks_are_patched(qtbot, make_preview):
    pane, controller = make_preview(TEXT)
    with qtbot.waitSignal(pane.body_patched, timeout=5_000):
        controller.body_edited(
            "First paragraph.\n\n## A subhead\n\n- one\n- two\n\nThird paragraph."
        )
    assert body_texts(qtbot, pane) == [
        "P:First paragraph.",
        "H2:A subhead",
        "UL:\none\ntwo\n",
        "P:Third paragraph.",
    ]
    with qtbot.waitSignal(pane.body_patched, timeout=5_000) as patched:
        controller.body_edited("Third paragraph.")
    assert patched.args == [1]
    assert body_texts(qtbot, pane) == ["P:Third paragraph."]


def test_headline_change_reloads_the_page(qtbot, make_preview):
    pane, controller = make_preview(TEXT)
    from tests.helpers.preview import stand_in_page

    controller.set_page_builder(lambda body, mode: stand_in_page(body, mode, headline="New head"))
    with qtbot.waitSignal(pane.page_loaded, timeout=10_000):
        pass
    assert js(qtbot, pane, "document.querySelector('h1').textContent") == "New head"


def test_broken_page_patch_falls_back_to_a_reload(qtbot, make_preview):
    pane, controller = make_preview(TEXT)
    js(qtbot, pane, "document.getElementById('article-body').remove()")
    with qtbot.waitSignal(pane.page_loaded, timeout=10_000):
        controller.body_edited(TEXT + "\n\nFourth.")
    assert body_texts(qtbot, pane)[-1] == "P:Fourth."


def test_width_switch_changes_the_page_viewport(qtbot, make_preview):
    pane, _controller = make_preview(TEXT)
    # Fit, the default: as wide as the pane, at full size
    assert pane.page_width == 0
    assert js(qtbot, pane, "window.innerWidth") == pane.view.width()
    assert pane.view.zoomFactor() == 1
    for px in (768, 375, 1280):
        pane.width_actions[px].trigger()
        assert pane.page_width == px
        qtbot.waitUntil(lambda px=px: js(qtbot, pane, "window.innerWidth") == px, timeout=10_000)


def test_fit_follows_the_pane_at_full_size_down_to_the_narrowest_layout(qtbot, make_preview):
    pane, _controller = make_preview(TEXT)
    for width in (900, 500):
        pane.resize(width, 800)
        qtbot.waitUntil(
            lambda: abs(js(qtbot, pane, "window.innerWidth") - pane.view.width()) <= 1,
            timeout=10_000,
        )
        assert pane.view.zoomFactor() == 1
        assert pane.view.width() >= width - 4
    pane.resize(200, 800)  # narrower than any theme's layout: the 320 px page, scaled
    qtbot.waitUntil(lambda: pane.view.zoomFactor() < 1, timeout=5_000)
    qtbot.waitUntil(lambda: abs(js(qtbot, pane, "window.innerWidth") - 320) <= 2, timeout=10_000)
    assert pane.zoom_label.text().endswith("%")


def test_a_narrow_pane_scales_the_desktop_page_to_fit(qtbot, make_preview):
    pane, _controller = make_preview(TEXT)
    pane.width_actions[1280].trigger()
    pane.resize(700, 800)
    qtbot.waitUntil(lambda: pane.view.zoomFactor() < 1, timeout=5_000)
    assert pane.view.width() <= pane.width()
    # still laid out as a desktop page, only drawn smaller
    qtbot.waitUntil(lambda: abs(js(qtbot, pane, "window.innerWidth") - 1280) <= 2, timeout=10_000)
    pane.width_actions[375].trigger()
    qtbot.waitUntil(lambda: pane.view.zoomFactor() == 1, timeout=5_000)
    qtbot.waitUntil(lambda: js(qtbot, pane, "window.innerWidth") == 375, timeout=10_000)


def test_edited_block_is_scrolled_into_view(qtbot, make_preview):
    text = long_post(3000)
    pane, controller = make_preview(text)
    assert js(qtbot, pane, "window.scrollY") == 0
    blocks = text.split("\n\n")
    blocks[-1] += " Edited at the end."
    with qtbot.waitSignal(pane.body_patched, timeout=5_000):
        controller.body_edited("\n\n".join(blocks), cursor_block=len(blocks) - 1)
    visible = (
        "(function(){var el=document.getElementById('article-body').lastElementChild;"
        "var r=el.getBoundingClientRect();return r.top>=0&&r.top<window.innerHeight;})()"
    )
    assert js(qtbot, pane, "window.scrollY") > 0
    assert js(qtbot, pane, visible) is True

    controller.cursor_moved(0)
    qtbot.waitUntil(lambda: js(qtbot, pane, "window.scrollY") < 500, timeout=5_000)


def test_scroll_position_survives_a_full_reload(qtbot, make_preview):
    pane, controller = make_preview(long_post(3000))
    js(qtbot, pane, "window.scrollTo(0, 1500)")
    qtbot.waitUntil(lambda: pane.view.page().scrollPosition().y() >= 1400, timeout=5_000)
    with qtbot.waitSignal(pane.page_loaded, timeout=10_000):
        controller.reload()
    qtbot.waitUntil(lambda: js(qtbot, pane, "window.scrollY") >= 1400, timeout=5_000)


def test_hidden_pane_renders_nothing_until_shown(qtbot, make_preview):
    pane, controller = make_preview(TEXT)
    pane.hide()
    with qtbot.assertNotEmitted(controller.rendered, wait=100):
        controller.body_edited("Hidden edit.")
    with qtbot.waitSignal(pane.page_loaded, timeout=10_000):
        pane.show()
    assert body_texts(qtbot, pane) == ["P:Hidden edit."]


def test_replaced_nodes_are_collected_after_typing_pauses(qtbot, make_preview):
    pane, controller = make_preview(TEXT)
    assert js(qtbot, pane, "typeof gc") == "function"  # --js-flags=--expose-gc took effect
    calls = []
    original = pane.run_js
    pane.run_js = lambda script, *rest: (calls.append(script), original(script, *rest))
    with qtbot.waitSignal(pane.body_patched, timeout=5_000):
        controller.body_edited(TEXT + "\n\nMore.")
    qtbot.waitUntil(lambda: any("gc()" in c for c in calls), timeout=5_000)


def test_an_edit_that_changes_no_element_leaves_the_preview_following(qtbot, make_preview):
    """Issue 9, item 1: Enter at the end of a paragraph renders the same page; the preview
    used to wait for ever for the answer to a patch it never sent."""
    pane, controller = make_preview(TEXT)
    with qtbot.waitSignal(controller.rendered, timeout=5_000):
        controller.body_edited(TEXT + "\n")
    with qtbot.waitSignal(pane.body_patched, timeout=5_000):
        controller.body_edited(TEXT + "\n\nFourth.")
    assert body_texts(qtbot, pane)[-1] == "P:Fourth."
    qtbot.waitUntil(lambda: controller.idle, timeout=5_000)
