"""How wide the preview lays the page out, and how far it scales it down to fit the pane.

"Fit" (the default) lays the page out as wide as the pane, at full size: the theme's own media
queries then choose its phone, tablet or desktop layout, and the text is as large as a reader's
browser would show it. Desktop, Tablet and Phone lay the page out at that device's width to check
the layout; a page wider than the pane is drawn smaller, whole, as a browser's device mode does
(never below ``MIN_ZOOM``; the pane then scrolls sideways), and the pane says by how much.
"""

from __future__ import annotations

FIT = 0
WIDTHS = {"Fit": FIT, "Desktop": 1280, "Tablet": 768, "Phone": 375}
NARROWEST = 320  # the themes are made for 320 px and up: a narrower pane scales that down
MIN_ZOOM = 0.3  # below this even the layout cannot be made out: scroll sideways instead

TIPS = {
    "Fit": "Lay the page out as wide as this pane, at full size "
    "(the theme picks its phone, tablet or desktop layout)",
    "Desktop": "Lay the page out 1280 px wide, as on a desktop (scaled down to fit the pane)",
    "Tablet": "Lay the page out 768 px wide, as on a tablet (scaled down to fit the pane)",
    "Phone": "Lay the page out 375 px wide, as on a phone",
}


def fit(mode: int, room: int) -> tuple[int, float]:
    """``(width the page is laid out at in CSS px, zoom factor)`` for a pane ``room`` px wide;
    ``mode`` is one of :data:`WIDTHS`' values."""
    width = max(room, NARROWEST) if mode == FIT else mode
    if room <= 0 or room >= width:
        return width, 1.0
    return width, max(MIN_ZOOM, room / width)


def name_of(mode: int) -> str:
    """The choice's name ("Fit", "Desktop"...), as remembered in the settings."""
    return next((name for name, px in WIDTHS.items() if px == mode), "Fit")


def mode_of(name: str | None) -> int:
    """The choice named ``name``; Fit for anything unknown (e.g. an older settings file)."""
    return WIDTHS.get(name or "", FIT)
