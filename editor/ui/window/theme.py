"""Light and dark: Fusion with a palette that follows the system colour scheme, and the few
colours of our own (highlighter, length guidance) chosen to read well on either."""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication


class Colors:
    """The colours of one scheme (a plain class: no dataclass compile before first paint)."""

    def __init__(self, **colors: QColor) -> None:
        self.heading = colors["heading"]
        self.emphasis = colors["emphasis"]
        self.link = colors["link"]
        self.quote = colors["quote"]
        self.list_marker = colors["list_marker"]
        self.code = colors["code"]
        self.ok = colors["ok"]
        self.near = colors["near"]
        self.over = colors["over"]


LIGHT = Colors(
    heading=QColor("#1f4e8c"),
    emphasis=QColor("#7a3e9d"),
    link=QColor("#0b6e6e"),
    quote=QColor("#5c6670"),
    list_marker=QColor("#9e4f00"),
    code=QColor("#8a1538"),
    ok=QColor("#28702c"),
    near=QColor("#8a5300"),
    over=QColor("#c62828"),
)
DARK = Colors(
    heading=QColor("#8cb8ff"),
    emphasis=QColor("#d7a6f5"),
    link=QColor("#6fd6d0"),
    quote=QColor("#a3adb8"),
    list_marker=QColor("#ffb36b"),
    code=QColor("#ff8fa8"),
    ok=QColor("#81c784"),
    near=QColor("#ffcc66"),
    over=QColor("#ff8a80"),
)


_chosen = "system"  # Preferences ▸ Appearance (system|light|dark), set by set_color_scheme()


def is_dark() -> bool:
    """The scheme in use: ``BYLINE_COLOR_SCHEME`` (light|dark) wins, then the writer's choice
    in Preferences, then the system's."""
    forced = os.environ.get("BYLINE_COLOR_SCHEME", "").lower()
    if forced in ("light", "dark"):
        return forced == "dark"
    if _chosen in ("light", "dark"):
        return _chosen == "dark"
    scheme = QGuiApplication.styleHints().colorScheme()
    if scheme == Qt.ColorScheme.Unknown:
        return _system_palette_is_dark()
    return scheme == Qt.ColorScheme.Dark


_system_dark: bool | None = None


def _system_palette_is_dark() -> bool:
    """Whether the platform's own palette is dark, read once before ours replaces it (read
    later, the app's palette would be our own dark one, and "system" could never go light)."""
    global _system_dark
    if _system_dark is None:
        window = QGuiApplication.palette().color(QPalette.ColorRole.Window)
        _system_dark = window.lightness() < 128
    return _system_dark


def colors() -> Colors:
    return DARK if is_dark() else LIGHT


def dark_palette() -> QPalette:
    p = QPalette()
    role = QPalette.ColorRole
    window, base, text = QColor("#2b2d30"), QColor("#1e1f22"), QColor("#dfe1e5")
    for r, c in (
        (role.Window, window),
        (role.WindowText, text),
        (role.Base, base),
        (role.AlternateBase, QColor("#26282b")),
        (role.ToolTipBase, window),
        (role.ToolTipText, text),
        (role.PlaceholderText, QColor("#999da3")),
        (role.Text, text),
        (role.Button, QColor("#35373b")),
        (role.ButtonText, text),
        (role.BrightText, QColor("#ff6b6b")),
        (role.Link, QColor("#7ab4ff")),
        (role.Highlight, QColor("#2f65ca")),
        (role.HighlightedText, QColor("#ffffff")),
        (role.Light, QColor("#4a4d52")),
        (role.Midlight, QColor("#3c3f43")),
        (role.Mid, QColor("#2f3134")),
        (role.Dark, QColor("#1a1b1d")),
        (role.Shadow, QColor("#000000")),
    ):
        p.setColor(r, c)
    disabled = QPalette.ColorGroup.Disabled
    for r in (role.Text, role.WindowText, role.ButtonText):
        p.setColor(disabled, r, QColor("#6f737a"))
    return p


def light_palette(app: QApplication) -> QPalette:
    """Fusion's light palette, with a selection and placeholder text dark enough to read
    (Fusion's #308cc6 under white text is 3.6:1, its placeholder grey 3.9:1 on white)."""
    p = app.style().standardPalette()
    role = QPalette.ColorRole
    p.setColor(role.Highlight, QColor("#2163a8"))
    p.setColor(role.HighlightedText, QColor("#ffffff"))
    p.setColor(role.PlaceholderText, QColor("#5f6267"))
    return p


def apply_palette(app: QApplication) -> None:
    """Fusion, in the scheme the system asks for; call again when the scheme changes.
    (Fusion with tinted icons once the window has painted: see ``window/icons.py``.)"""
    _system_palette_is_dark()  # before the first palette of ours
    # The tinted style is only in use once its module is loaded (after the first paint):
    # importing it here would cost the first paint ~8 ms for an isinstance check.
    icons = sys.modules.get("editor.ui.window.icons")
    if icons is not None and isinstance(app.style(), icons.ThemedStyle):
        app.setStyle(icons.ThemedStyle())
    else:
        app.setStyle("Fusion")
    app.setPalette(dark_palette() if is_dark() else light_palette(app))


def set_color_scheme(app: QApplication, scheme: str) -> None:
    """Use ``scheme`` (system|light|dark) from now on and apply it; windows refresh their own
    colours (``MainWindow._scheme_changed``). The platform is asked too, where it can (Qt 6.8+),
    so native title bars and dialogs follow."""
    global _chosen
    _chosen = scheme if scheme in ("light", "dark") else "system"
    hints = app.styleHints()
    if hasattr(hints, "setColorScheme"):
        if _chosen == "system":
            hints.unsetColorScheme()
        else:
            dark = _chosen == "dark"
            hints.setColorScheme(Qt.ColorScheme.Dark if dark else Qt.ColorScheme.Light)
    apply_palette(app)
