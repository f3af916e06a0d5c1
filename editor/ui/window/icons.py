"""Icons that follow the palette: drawn in the text colour of the scheme in use, so they read
on a dark window as well as on a light one.

Fusion's own icons for the dock title buttons, the toolbar overflow and the arrows are dark
pictures (nearly invisible on a dark window); :class:`ThemedStyle` hands out tinted copies. The
toolbar's own icons are line drawings in ``resources/icons`` (``themed_icon("publish")``),
tinted the same way. The tint is taken from the application palette when the icon is drawn,
so a change of scheme needs no reloading.

The style goes in after the first paint (:func:`install_themed_style`): PySide builds its
``QStyle.StandardPixmap`` enum (~25 ms) the first time a Python ``standardIcon`` is called.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QIconEngine, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle, QStyleOption, QWidget

TINTED = (
    "SP_TitleBarMinButton", "SP_TitleBarMaxButton", "SP_TitleBarCloseButton",
    "SP_TitleBarNormalButton", "SP_TitleBarShadeButton", "SP_TitleBarUnshadeButton",
    "SP_TitleBarContextHelpButton", "SP_TitleBarMenuButton", "SP_DockWidgetCloseButton",
    "SP_ToolBarHorizontalExtensionButton", "SP_ToolBarVerticalExtensionButton",
    "SP_ArrowUp", "SP_ArrowDown", "SP_ArrowLeft", "SP_ArrowRight", "SP_ArrowBack",
    "SP_ArrowForward", "SP_BrowserReload", "SP_BrowserStop",
)  # fmt: skip


def tint_color(mode: QIcon.Mode) -> QColor:
    palette = QApplication.palette()
    if mode == QIcon.Mode.Disabled:
        return palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText)
    if mode == QIcon.Mode.Selected:
        return palette.color(QPalette.ColorRole.HighlightedText)
    return palette.color(QPalette.ColorRole.WindowText)


class TintedIconEngine(QIconEngine):
    """Draws ``source``'s shape (its opaque pixels) in the palette's text colour."""

    def __init__(self, source: QIcon) -> None:
        super().__init__()
        self._source = source
        self._cache: dict[tuple[int, int, int, int], QPixmap] = {}

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        color = tint_color(mode)
        key = (size.width(), size.height(), int(state.value), color.rgba())
        if (cached := self._cache.get(key)) is not None:
            return cached
        shape = self._source.pixmap(size, QIcon.Mode.Normal, state)
        out = QPixmap(shape.size())
        out.setDevicePixelRatio(shape.devicePixelRatio())
        out.fill(Qt.GlobalColor.transparent)
        painter = QPainter(out)
        painter.drawPixmap(0, 0, shape)
        painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceIn)
        painter.fillRect(out.rect(), color)
        painter.end()
        if len(self._cache) > 64:
            self._cache.clear()
        self._cache[key] = out
        return out

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        painter.drawPixmap(rect, self.pixmap(rect.size(), mode, state))

    def actualSize(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QSize:
        return self._source.actualSize(size, mode, state)

    def clone(self) -> QIconEngine:
        return TintedIconEngine(self._source)


def tinted(source: QIcon) -> QIcon:
    return QIcon(TintedIconEngine(source))


def themed_icon(name: str) -> QIcon:
    """``resources/icons/<name>.svg``, drawn in the palette's text colour."""
    from editor.paths import resources_root

    return tinted(QIcon(str(resources_root() / "icons" / f"{name}.svg")))


class ThemedStyle(QProxyStyle):
    """Fusion, with its dark picture icons replaced by tinted ones."""

    def __init__(self) -> None:
        super().__init__("Fusion")
        self._tinted = {getattr(QStyle.StandardPixmap, name) for name in TINTED}
        self._icons: dict[QStyle.StandardPixmap, QIcon] = {}

    def standardIcon(
        self,
        icon: QStyle.StandardPixmap,
        option: QStyleOption | None = None,
        widget: QWidget | None = None,
    ) -> QIcon:
        if icon not in self._tinted:
            return super().standardIcon(icon, option, widget)
        if icon not in self._icons:
            self._icons[icon] = tinted(super().standardIcon(icon, option, widget))
        return self._icons[icon]


def install_themed_style(app: QApplication) -> None:
    """Fusion with tinted icons, keeping the palette in use (once the window has painted)."""
    if isinstance(app.style(), ThemedStyle):
        return
    palette = QPalette(app.palette())
    app.setStyle(ThemedStyle())
    app.setPalette(palette)
