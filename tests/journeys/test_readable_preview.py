"""Issue 9, item 3: the preview is readable at the window's usual sizes.

By default the page is laid out as wide as the pane at full size (the theme's breakpoints pick
its layout), so body text is at least 12 px on screen; the pane grows with the window; Desktop,
Tablet and Phone are explicit choices, drawn smaller when the pane is narrower, and the choice
is remembered across restarts.
"""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QToolBar

READABLE_PX = 12
FIRST_PARAGRAPH = "document.querySelector('#article-body p')"


def on_screen_text_px(j) -> float:
    """Body text height on screen: the CSS font size times the view's zoom."""
    css = j.js(f"parseFloat(getComputedStyle({FIRST_PARAGRAPH}).fontSize)")
    return css * j.window.preview.pane.view.zoomFactor()


def page_width(j) -> int:
    return j.js("window.innerWidth")


def choose(j, name: str) -> None:
    """Click the width choice ``name`` in the preview's toolbar."""
    pane = j.window.preview.pane
    action = next(a for a in pane.width_actions.values() if a.text() == name)
    button = pane.findChild(QToolBar, "preview_toolbar").widgetForAction(action)
    j.click(button)
    assert action.isChecked()


@pytest.mark.parametrize("size", [(1280, 800), (1920, 1080)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_body_text_is_readable_by_default(journey, db_path, size):
    j = journey(db_path, size=size)
    pane = j.window.preview.pane
    j.wait_preview_matches()
    assert pane.view.zoomFactor() == 1.0
    # The page is laid out as wide as the pane: the theme, not a scale factor, fits it.
    j.wait(lambda: abs(page_width(j) - pane.view.width()) <= 1)
    assert pane.view.width() >= j.window.width() * 0.35
    assert on_screen_text_px(j) >= READABLE_PX
    assert j.window.preview.pane.zoom_label.text() == ""


def test_the_pane_grows_with_the_window(journey, db_path):
    j = journey(db_path, size=(1280, 800))
    dock = j.window.preview.dock
    narrow = dock.width()
    j.window.resize(1920, 1080)
    j.wait(lambda: dock.width() >= narrow * 1.35)
    j.wait(lambda: abs(page_width(j) - j.window.preview.pane.view.width()) <= 1)
    assert on_screen_text_px(j) >= READABLE_PX
    j.window.resize(1280, 800)
    j.wait(lambda: abs(dock.width() - narrow) <= 8)


def test_desktop_is_a_choice_drawn_to_fit_and_remembered(journey, db_path):
    j = journey(db_path, size=(1280, 800))
    pane = j.window.preview.pane
    choose(j, "Desktop")
    j.wait(lambda: page_width(j) == 1280)
    assert pane.view.zoomFactor() < 1  # the whole desktop layout, drawn smaller
    assert pane.view.width() <= pane.width()
    assert pane.zoom_label.text().endswith("%")
    j.window.close()

    again = journey(db_path, size=(1280, 800))
    pane = again.window.preview.pane
    assert pane.width_actions[1280].isChecked()
    again.wait(lambda: page_width(again) == 1280)
    choose(again, "Phone")
    again.wait(lambda: page_width(again) == 375)
    choose(again, "Fit")
    again.wait(lambda: abs(page_width(again) - pane.view.width()) <= 1)
    assert pane.view.zoomFactor() == 1.0
    again.window.close()

    third = journey(db_path, size=(1280, 800))
    assert third.window.preview.pane.width_actions[0].isChecked()  # Fit, remembered
