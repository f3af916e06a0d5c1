"""Where the window's panels go, and how their View-menu commands open and close them.

The default layout: the live preview fills the right-hand column; the tool panels (revision
history, photos, Recent posts) share one tabbed group below it, so opening one never hides the
preview (a photo's caption or a restored revision is checked in the page at once) and the editor
keeps its width. The outbox, a wide table, sits below the editor.

A panel's command (shortcut or View menu) brings the panel into sight: it is shown, its tab is
raised, and the keyboard moves into it. The same command on a panel already in sight closes it,
and the keyboard goes back to the editor.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDockWidget, QWidget

if TYPE_CHECKING:
    from editor.ui.window.actions import Act
    from editor.ui.window.main_window import MainWindow

# Passed to saveState/restoreState: a layout saved by an older arrangement (everything tabbed
# behind the preview) is dropped instead of restored.
LAYOUT_VERSION = 2
PREVIEW = "preview_dock"
RIGHT = Qt.DockWidgetArea.RightDockWidgetArea


def _tools(window: MainWindow, but: QDockWidget | None = None) -> list[QDockWidget]:
    return [
        d for d in window.findChildren(QDockWidget)
        if d is not but and d.objectName() != PREVIEW and window.dockWidgetArea(d) == RIGHT
    ]  # fmt: skip


def add_side_panel(window: MainWindow, dock: QDockWidget) -> None:
    """The preview into the right-hand column; any other panel into the tabbed group below it."""
    preview = window.findChild(QDockWidget, PREVIEW)
    tools = _tools(window, dock)
    window.addDockWidget(RIGHT, dock)
    if dock.objectName() == PREVIEW:
        if tools:  # tools came first: put them back below the preview
            window.splitDockWidget(dock, tools[0], Qt.Orientation.Vertical)
            for other in tools[1:]:
                window.tabifyDockWidget(tools[0], other)
    elif tools:
        window.tabifyDockWidget(tools[0], dock)
    elif preview is not None and window.dockWidgetArea(preview) == RIGHT:
        window.splitDockWidget(preview, dock, Qt.Orientation.Vertical)


def hidden_by_choice(dock: QDockWidget) -> bool:
    """Hidden by the writer or a restored layout (not merely not shown yet, as a new dock is)."""
    return dock.isHidden() and dock.testAttribute(Qt.WidgetAttribute.WA_WState_ExplicitShowHide)


def in_sight(dock: QDockWidget) -> bool:
    """Shown, its tab in front, and some of it on screen."""
    return dock.isVisible() and not dock.visibleRegion().isEmpty()


def bind_panel(window: MainWindow, act: Act, dock: QDockWidget, *, focus: bool = True) -> None:
    """Make ``act`` the panel's command: a tick while it is open, open/close on trigger."""
    action = window.actions_[act]
    action.setCheckable(True)
    action.setChecked(not dock.isHidden())
    action.triggered.connect(lambda _checked=False: toggle(window, dock, focus=focus))
    dock.visibilityChanged.connect(lambda _v: action.setChecked(not dock.isHidden()))


def toggle(window: MainWindow, dock: QDockWidget, *, focus: bool = True) -> None:
    if in_sight(dock):
        close_panel(window, dock)
    else:
        open_panel(dock, focus=focus)


def open_panel(dock: QDockWidget, *, focus: bool = True) -> None:
    dock.show()
    dock.raise_()  # brings its tab to the front when it shares a tabbed group
    if dock.isFloating():
        dock.activateWindow()
    if focus and (target := focus_target(dock)) is not None:
        target.setFocus(Qt.FocusReason.ShortcutFocusReason)


def close_panel(window: MainWindow, dock: QDockWidget) -> None:
    focus = QApplication.focusWidget()
    had_focus = focus is not None and dock.isAncestorOf(focus)
    dock.hide()
    if had_focus:
        window.body.setFocus(Qt.FocusReason.OtherFocusReason)


def focus_target(dock: QDockWidget) -> QWidget | None:
    """The panel's focus proxy, else the first control in it that takes the Tab key."""
    if (proxy := dock.focusProxy()) is not None:
        return proxy
    start = dock.widget()
    if start is None:
        return None
    if start.focusPolicy() & Qt.FocusPolicy.TabFocus and start.isEnabled():
        return start
    w = start.nextInFocusChain()
    while w is not None and w is not start:
        if (
            start.isAncestorOf(w)
            and w.focusPolicy() & Qt.FocusPolicy.TabFocus
            and w.isEnabled()
            and w.isVisibleTo(dock)
        ):
            return w
        w = w.nextInFocusChain()
    return None
