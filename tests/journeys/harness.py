"""The verbs of a journey: what a person does to the window and what they see in it."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from tests.ui.conftest import OPEN_TIMEOUT_MS, SAVE_TIMEOUT_MS, wait_idle

ARTICLE = "document.getElementById('article-body')"


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
        """Click ``widget`` (in its middle, or at ``at``: e.g. on a radio button's circle)."""
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

    def type(self, text: str, widget: QWidget | None = None) -> None:
        """Type ``text`` key by key into ``widget`` (default: whatever has the focus);
        a newline is the Enter key."""
        target = widget or QApplication.focusWidget() or self.window.body
        for part in text.split("\n")[:-1]:
            if part:
                QTest.keyClicks(target, part)
            QTest.keyClick(target, Qt.Key.Key_Return)
        last = text.split("\n")[-1]
        if last:
            QTest.keyClicks(target, last)

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

    def menu(self, action: Any) -> None:
        """Choose ``action`` from its menu with the mouse, as a person would (the keyboard
        focus stays where it was, as with a real menu)."""
        from PySide6.QtWidgets import QMenu

        menu = next(m for m in self.window.menuBar().findChildren(QMenu) if action in m.actions())
        bar = self.window.menuBar()
        menu.popup(bar.mapToGlobal(bar.actionGeometry(menu.menuAction()).bottomLeft()))
        self.qtbot.waitExposed(menu)
        QTest.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(action).center())
        self.wait(lambda: not menu.isVisible())

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

    def fresh_render_html(self) -> str:
        """The article body as a fresh, cache-less render of the body being edited."""
        from editor.render.body import BodyRenderer

        preview = self.window.preview
        return BodyRenderer(preview._resolve_photo).render(self.window.body.toPlainText()).html

    def preview_matches_fresh_render(self) -> bool:
        """The page's #article-body is what a fresh render of the body gives (both serialised
        by the page's own HTML parser, so attribute quoting and entities compare equal).
        Whitespace-only text between the body's blocks is left out on both sides: it never
        shows, and a block patch leaves it behind where a full render has a single newline."""
        expected = json.dumps(self.fresh_render_html())
        return bool(
            self.js(
                "(function(){function blocks(el){return Array.prototype.filter.call("
                "el.childNodes, function(n){return n.nodeType !== 3 || n.textContent.trim();})"
                ".map(function(n){return n.nodeType === 3 ? n.textContent : n.outerHTML;})"
                ".join('');}"
                f" var t=document.createElement('div'); t.innerHTML={expected};"
                f" var a={ARTICLE}; return !!a && blocks(a) === blocks(t);}})()"
            )
        )

    def wait_preview_matches(self, timeout: int = OPEN_TIMEOUT_MS) -> None:
        """Until the preview shows a fresh render of the body (fails with both texts)."""
        try:
            self.wait(self.preview_matches_fresh_render, timeout)
        except Exception as error:
            shown = self.js(f"{ARTICLE} ? {ARTICLE}.innerHTML : null")
            raise AssertionError(
                f"the preview did not follow the text.\nshown:\n{shown}\n"
                f"expected:\n{self.fresh_render_html()}"
            ) from error

    def visible_docks(self) -> set[str]:
        from PySide6.QtWidgets import QDockWidget

        return {
            d.objectName()
            for d in self.window.findChildren(QDockWidget)
            if d.isVisible() and not d.visibleRegion().isEmpty()
        }

    def status_text(self) -> str:
        return self.window.statusBar().currentMessage()
