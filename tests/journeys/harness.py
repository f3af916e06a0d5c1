"""The verbs of a journey: what a person does to the window and what they see in it."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QKeyEvent, QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from tests.ui.conftest import OPEN_TIMEOUT_MS, SAVE_TIMEOUT_MS, wait_idle

ARTICLE = "document.getElementById('article-body')"
# The top-level nodes of an element, serialised one per line, blank text nodes left out.
_TOP_LEVEL = (
    "(function(e){return Array.from(e.childNodes)"
    ".filter(function(n){return n.nodeType !== 3 || n.textContent.trim();})"
    ".map(function(n){return n.nodeType === 1 ? n.outerHTML : n.textContent.trim();})"
    ".join('\\n');})"
)


class Journey:
    def __init__(self, qtbot: Any, window: Any) -> None:
        self.qtbot = qtbot
        self.window = window

    # -- doing --------------------------------------------------------------------------------
    def click(
        self,
        widget: QWidget,
        button: Qt.MouseButton = Qt.MouseButton.LeftButton,
        at: QPoint | None = None,
    ) -> None:
        """Click ``widget`` (in its middle, or at ``at``: e.g. on a radio button's circle), once
        it is on screen as a person would see it: a button just added is laid out a moment
        later (until then it is 0 px high and the click lands on whatever is there)."""
        self.wait(lambda: widget.isVisible() and not widget.visibleRegion().isEmpty())
        if at is None:
            QTest.mouseClick(widget, button)
        else:
            QTest.mouseClick(widget, button, Qt.KeyboardModifier.NoModifier, at)

    def focus(self, widget: QWidget) -> None:
        """Click into ``widget`` as a person would, and wait until it has the keyboard."""
        widget.activateWindow()
        QTest.mouseClick(widget, Qt.MouseButton.LeftButton)
        widget.setFocus(Qt.FocusReason.MouseFocusReason)
        self.qtbot.waitUntil(widget.hasFocus, timeout=OPEN_TIMEOUT_MS)

    def type(self, text: str, widget: QWidget | None = None, *, paced: bool = False) -> None:
        """Type ``text`` key by key into ``widget`` (default: whatever has the focus);
        a newline is the Enter key. ``paced``: after each key into the body, wait until the
        preview has taken the edit in, as when a person types slower than its debounce
        (otherwise keys arrive faster than any timer can fire)."""
        target = widget or QApplication.focusWidget() or self.window.body
        if paced and target is self.window.body:
            for char in text:
                with self.qtbot.waitSignal(self.window.preview.controller.rendered):
                    self.type(char, target)
            return
        for part in text.split("\n")[:-1]:
            _key_clicks(target, part)
            QTest.keyClick(target, Qt.Key.Key_Return)
        _key_clicks(target, text.split("\n")[-1])

    def press(
        self,
        key: Qt.Key,
        modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
        widget: QWidget | None = None,
    ) -> None:
        target = widget or QApplication.focusWidget() or self.window
        QTest.keyClick(target, key, modifiers)

    def shortcut(self, sequence: str) -> None:
        """Press a key sequence such as ``"Ctrl+Shift+H"`` on the focused widget."""
        from PySide6.QtGui import QKeySequence

        combo = QKeySequence(sequence)[0]
        target = QApplication.focusWidget() or self.window
        QTest.keyClick(target, combo.key(), combo.keyboardModifiers())

    def menu(self, target: Any, item: str | None = None) -> None:
        """Choose a menu command with the mouse, as a person would: ``menu(action)`` or
        ``menu("View", "Photos")`` (texts without their ``&`` mnemonics). The keyboard focus
        stays where it was, as with a real menu."""
        from PySide6.QtWidgets import QMenu

        bar = self.window.menuBar()
        if item is None:
            action = target
            top = next(
                a for a in bar.actions() if a.menu() is not None and action in a.menu().actions()
            )
        else:
            top = next(a for a in bar.actions() if _plain(a.text()) == target)
        QTest.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.actionGeometry(top).center())
        menu = top.menu()
        assert isinstance(menu, QMenu)
        self.wait(menu.isVisible)
        if item is not None:
            action = next(a for a in menu.actions() if _plain(a.text()) == item)
        QTest.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(action).center())
        self.wait(lambda: not menu.isVisible())

    def context_menu(self, widget: QWidget, at: QPoint) -> Any:
        """Right-click ``widget`` at ``at`` (viewport coordinates for a scroll area) and return
        the menu once it is shown."""
        from PySide6.QtGui import QContextMenuEvent
        from PySide6.QtWidgets import QMenu

        target = widget.viewport() if hasattr(widget, "viewport") else widget
        QTest.mouseClick(target, Qt.MouseButton.RightButton, Qt.KeyboardModifier.NoModifier, at)
        event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, at, target.mapToGlobal(at))
        QApplication.sendEvent(target, event)
        found: list[QMenu] = []

        def shown() -> bool:
            popup = QApplication.activePopupWidget()
            if isinstance(popup, QMenu) and popup.isVisible():
                found[:] = [popup]
                return True
            return False

        self.wait(shown)
        return found[0]

    def choose(self, menu: Any, item: str) -> None:
        """Click the item of an open (context) menu whose text is ``item``."""
        action = next(a for a in menu.actions() if _plain(a.text()) == item)
        QTest.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(action).center())

    def type_at_pace(self, text: str, ms_per_key: int = 80) -> Callable[[], bool]:
        """Start typing ``text`` into the focused widget one key every ``ms_per_key`` (the event
        loop runs in between, as for a person); returns ``finished()`` to wait on."""
        from PySide6.QtCore import QTimer

        keys = iter(text)
        timer = QTimer(self.window, interval=ms_per_key)

        def key() -> None:
            ch = next(keys, None)
            if ch is None:
                timer.stop()
                return
            self.type(ch)

        timer.timeout.connect(key)
        timer.start()
        return lambda: not timer.isActive()

    def drop_files(self, widget: QWidget, paths: list[Any]) -> bool:
        """Drag files from a file manager onto ``widget`` (its viewport, for a list) and drop
        them: enter, move, drop, as the window system delivers them. True if it was taken."""
        import warnings

        from PySide6.QtCore import QMimeData, QPoint, QPointF, QUrl
        from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent

        target = widget.viewport() if hasattr(widget, "viewport") else widget
        mime = QMimeData()
        mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
        point = QPoint(target.width() // 2, target.height() // 2)
        copy, buttons = Qt.DropAction.CopyAction, Qt.MouseButton.LeftButton
        mods = Qt.KeyboardModifier.NoModifier
        with warnings.catch_warnings():  # PySide marks the QPoint constructors deprecated
            warnings.simplefilter("ignore", DeprecationWarning)
            enter = QDragEnterEvent(point, copy, mime, buttons, mods)
            move = QDragMoveEvent(point, copy, mime, buttons, mods)
        QApplication.sendEvent(target, enter)
        if not enter.isAccepted():
            return False
        QApplication.sendEvent(target, move)
        drop = QDropEvent(QPointF(point), copy, mime, buttons, mods)
        drop.setAccepted(False)  # as the window system delivers it: nobody has taken it yet
        QApplication.sendEvent(target, drop)
        return drop.isAccepted()

    def when_dialog(self, act: Any) -> None:
        """Call ``act(dialog)`` once a modal dialog is up (for dialogs opened by the next
        step, which blocks in the dialog's own event loop until ``act`` closes it)."""
        from PySide6.QtCore import QTimer

        def look() -> None:
            dialog = QApplication.activeModalWidget()
            if dialog is None:
                QTimer.singleShot(10, look)
            else:
                act(dialog)

        QTimer.singleShot(0, look)

    def caret_to_end(self) -> None:
        self.focus(self.window.body)
        self.window.body.moveCursor(QTextCursor.MoveOperation.End)

    def close(self) -> None:
        """Close the window as a person quits (saving, then releasing the database), e.g. to
        open a new window on the same files as after a restart."""
        self.window.close()
        self.window.executor.shutdown()
        if self.window.controller.store is not None:
            self.window.controller.store.close()

    # -- waiting ------------------------------------------------------------------------------
    def wait_dialog(self, object_name: str, timeout: int = OPEN_TIMEOUT_MS) -> Any:
        """The modal dialog named ``object_name`` once it is shown (and has the keyboard)."""
        found: list[QWidget] = []

        def shown() -> bool:
            w = QApplication.activeModalWidget()
            if w is not None and w.objectName() == object_name and w.isVisible():
                found[:] = [w]
                return True
            return False

        self.wait(shown, timeout)
        return found[0]

    def wait(self, condition: Any, timeout: int = OPEN_TIMEOUT_MS) -> None:
        self.qtbot.waitUntil(condition, timeout=timeout)

    def wait_saved(self) -> None:
        """Until the autosave has written everything typed so far."""
        self.window.controller.flush()
        wait_idle(self.qtbot, self.window)
        self.wait(lambda: not self.window.controller.autosave.dirty, SAVE_TIMEOUT_MS)

    def wait_preview_ready(self) -> None:
        preview = self.window.preview
        self.wait(lambda: preview.data is not None)
        self.wait(lambda: preview.pane.view is not None)
        self.wait(lambda: self.js(f"{ARTICLE} ? 1 : 0") == 1)

    def wait_preview_idle(self) -> None:
        """Until the preview has nothing in flight and nothing waiting (no patch unanswered)."""
        controller = self.window.preview.controller
        self.wait(lambda: controller.idle)

    # -- seeing -------------------------------------------------------------------------------
    def js(self, expression: str) -> Any:
        """Evaluate ``expression`` in the preview page (through JSON) and wait for its value."""
        pane = self.window.preview.pane
        box: list[Any] = []
        pane.run_js(f"JSON.stringify({expression})", box.append)
        self.qtbot.waitUntil(lambda: bool(box), timeout=10_000)
        return None if box[0] in ("", None) else json.loads(box[0])

    def preview_text(self, selector: str = "#article-body") -> str:
        got = self.js(f"(document.querySelector({json.dumps(selector)}) || {{}}).textContent")
        return got or ""

    def fresh_render_html(self, *, full: bool = False) -> str:
        """The article body as a fresh, cache-less render of the body being edited
        (``full``: converted as one document, as the export does)."""
        from editor.render.body import BodyRenderer

        renderer = BodyRenderer(self.window.preview._resolve_photo)
        text = self.window.body.toPlainText()
        return (renderer.render_full(text) if full else renderer.render(text)).html

    def preview_matches_fresh_render(self, *, full: bool = False) -> bool:
        """The page's #article-body is what a fresh render of the body gives (both serialised
        by the page's own HTML parser, so attribute quoting and entities compare equal; the
        blank text between top-level elements, which patches do not keep, is not compared)."""
        expected = json.dumps(self.fresh_render_html(full=full))
        return bool(
            self.js(
                f"(function(){{var t=document.createElement('div'); t.innerHTML={expected};"
                f" var a={ARTICLE}; return !!a && {_TOP_LEVEL}(a) === {_TOP_LEVEL}(t);}})()"
            )
        )

    def wait_preview_matches(
        self, timeout: int = OPEN_TIMEOUT_MS, *, full: bool = False, context: str = ""
    ) -> None:
        """Until the preview shows a fresh render of the body with nothing pending (a page
        reload after a field edit would blank it for a moment); fails with both texts."""
        controller = self.window.preview.controller
        try:
            self.wait(
                lambda: controller.idle and self.preview_matches_fresh_render(full=full), timeout
            )
        except Exception as error:
            shown = self.js(f"{ARTICLE} ? {_TOP_LEVEL}({ARTICLE}) : null")
            raise AssertionError(
                f"the preview did not follow the text.{context}\nshown:\n{shown}\n"
                f"expected:\n{self.fresh_render_html(full=full)}"
            ) from error

    def visible_docks(self) -> set[str]:
        from PySide6.QtWidgets import QDockWidget

        return {
            d.objectName()
            for d in self.window.findChildren(QDockWidget)
            if d.isVisible() and not d.visibleRegion().isEmpty()
        }

    def focused_in(self, widget: QWidget) -> bool:
        """The keyboard focus is on ``widget`` or inside it."""
        focus = QApplication.focusWidget()
        return focus is not None and (focus is widget or widget.isAncestorOf(focus))

    def status_text(self) -> str:
        return self.window.statusBar().currentMessage()


def _key_clicks(target: QWidget, text: str) -> None:
    """QTest.keyClicks for any text: characters beyond ASCII (accents, typographic quotes)
    arrive as key events carrying their text, as from a compose key or input method."""
    run = ""
    for char in text:
        if ord(char) < 0x80:
            run += char
            continue
        if run:
            QTest.keyClicks(target, run)
            run = ""
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(target, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))
    if run:
        QTest.keyClicks(target, run)


def _plain(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")
