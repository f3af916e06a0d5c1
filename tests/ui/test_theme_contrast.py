"""Light and dark both read: text against its background at 4.5:1 or more, and the icons a
person must see (toolbar, dock float/close buttons) at 3:1 or more (WCAG 2)."""

from __future__ import annotations

import statistics

import pytest
from PySide6.QtGui import QColor, QIcon, QImage, QPainter, QPalette
from PySide6.QtWidgets import QAbstractButton, QApplication

from editor.ui.window.actions import Act
from editor.ui.window.contrast import GRAPHICS, TEXT, contrast_ratio
from editor.ui.window.theme import apply_palette, colors

R = QPalette.ColorRole
TEXT_PAIRS = [
    (R.Text, R.Base),
    (R.WindowText, R.Window),
    (R.ButtonText, R.Button),
    (R.PlaceholderText, R.Base),
    (R.PlaceholderText, R.Window),
    (R.HighlightedText, R.Highlight),
    (R.ToolTipText, R.ToolTipBase),
    (R.Link, R.Base),
]
OWN_COLOURS = ["heading", "emphasis", "link", "quote", "list_marker", "code", "ok", "near", "over"]


@pytest.fixture(params=["light", "dark"])
def scheme(request, qapp, monkeypatch):
    """The app in one scheme for the test; the palette and style the other tests use after."""
    saved = QPalette(qapp.palette())
    monkeypatch.setenv("BYLINE_COLOR_SCHEME", request.param)
    apply_palette(qapp)
    yield request.param
    qapp.setStyle("Fusion")
    qapp.setPalette(saved)


def test_text_reads_against_its_background(scheme):
    palette = QApplication.palette()
    low = []
    for fg, bg in TEXT_PAIRS:
        ratio = contrast_ratio(palette.color(fg), palette.color(bg))
        if ratio < TEXT:
            low.append(f"{fg.name} on {bg.name}: {ratio:.2f}")
    c = colors()
    for name in OWN_COLOURS:
        for bg in (R.Base, R.Window):  # the editor's page and the form around it
            ratio = contrast_ratio(getattr(c, name), palette.color(bg))
            if ratio < TEXT:
                low.append(f"{name} on {bg.name}: {ratio:.2f}")
    assert not low, f"{scheme}: text below {TEXT}:1: {low}"


def icon_contrast(icon: QIcon, background: QColor, size: int = 24) -> float:
    """The median contrast of the icon's visible pixels against the background it sits on."""
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(background)
    painter = QPainter(image)
    icon.paint(painter, 0, 0, size, size)
    painter.end()
    shape = icon.pixmap(size).toImage().convertToFormat(QImage.Format.Format_ARGB32)
    ratios = [
        contrast_ratio(image.pixelColor(x, y), background)
        for y in range(min(size, shape.height()))
        for x in range(min(size, shape.width()))
        if shape.pixelColor(x, y).alpha() >= 128
    ]
    assert ratios, "the icon draws nothing"
    return statistics.median(ratios)


def test_toolbar_and_dock_button_icons_stand_out(scheme, open_window, db_path, qtbot):
    window = open_window(db_path)
    qtbot.waitUntil(lambda: not window.actions_[Act.PUBLISH].icon().isNull())
    window.actions_[Act.HISTORY].trigger()
    qtbot.waitUntil(window.revisions.isVisible)
    background = QApplication.palette().color(R.Window)
    low = []
    for act in (Act.NEW_POST, Act.SAVE_VERSION, Act.PUBLISH):
        ratio = icon_contrast(window.actions_[act].icon(), background)
        if ratio < GRAPHICS:
            low.append(f"{act.name}: {ratio:.2f}")
    buttons = [
        b for b in window.revisions.findChildren(QAbstractButton)
        if b.objectName() in ("qt_dockwidget_closebutton", "qt_dockwidget_floatbutton")
    ]  # fmt: skip
    assert len(buttons) == 2
    for button in buttons:
        ratio = icon_contrast(button.icon(), background, 16)
        if ratio < GRAPHICS:
            low.append(f"{button.objectName()}: {ratio:.2f}")
    assert not low, f"{scheme}: icons below {GRAPHICS}:1 against the window: {low}"


def test_a_disabled_icon_is_still_drawn_but_fainter(scheme):
    from editor.ui.window.icons import themed_icon

    icon = themed_icon("publish")
    normal = icon.pixmap(24, QIcon.Mode.Normal).toImage()
    disabled = icon.pixmap(24, QIcon.Mode.Disabled).toImage()
    background = QApplication.palette().color(R.Window)
    found = [
        (normal.pixelColor(x, y), disabled.pixelColor(x, y))
        for y in range(24)
        for x in range(24)
        if normal.pixelColor(x, y).alpha() == 255
    ]
    assert found
    on, off = found[0]
    assert contrast_ratio(on, background) > contrast_ratio(off, background) > 1.0


def test_the_spelling_wave_stands_out_in_either_scheme(scheme):
    """The red wave under a misspelt word is a graphic a person must notice: at least 3:1 on
    the editor's page (the light scheme's red was 1.9:1 on the dark page)."""
    from editor.ui.proofing.spell_layer import underline_format

    page = QApplication.palette().color(R.Base)
    ratio = contrast_ratio(underline_format().underlineColor(), page)
    assert ratio >= GRAPHICS, f"{scheme}: {ratio:.2f}"
