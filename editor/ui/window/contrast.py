"""WCAG 2 contrast: relative luminance and the ratio between two colours (4.5:1 for text,
3:1 for icons and other graphics a person needs to see)."""

from __future__ import annotations

from PySide6.QtGui import QColor

TEXT = 4.5
GRAPHICS = 3.0


def luminance(color: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(color.redF())
        + 0.7152 * channel(color.greenF())
        + 0.0722 * channel(color.blueF())
    )


def contrast_ratio(a: QColor, b: QColor) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)
