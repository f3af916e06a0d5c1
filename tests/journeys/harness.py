"""The verbs of a journey: what a person does to the window and what they see in it."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import Qt
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
    def click(self, widget: QWidget, button: Qt.MouseButton = Qt.MouseButton.LeftButton) -> None:
        QTest.mouseClick(widget, button)

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

    def menu(self, title: str, item: str) -> None:
        """Choose ``item`` from the menu bar's ``title`` menu with the mouse, as a person would
        (texts without their ``&`` mnemonics, e.g. ``menu("View", "Photos")``)."""
        from PySide6.QtWidgets import QMenu

        bar = self.window.menuBar()
        top = next(a for a in bar.actions() if _plain(a.text()) == title)
        QTest.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.actionGeometry(top).center())
        menu = top.menu()
        assert isinstance(menu, QMenu)
        self.wait(menu.isVisible)
        action = next(a for a in menu.actions() if _plain(a.text()) == item)
        QTest.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(action).center())
        self.wait(lambda: not menu.isVisible())

    def caret_to_end(self) -> None:
        self.focus(self.window.body)
        self.window.body.moveCursor(QTextCursor.MoveOperation.End)

    # -- waiting ------------------------------------------------------------------------------
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
        by the page's own HTML parser, so attribute quoting and entities compare equal)."""
        expected = json.dumps(self.fresh_render_html())
        return bool(
            self.js(
                f"(function(){{var t=document.createElement('div'); t.innerHTML={expected};"
                f" var a={ARTICLE}; return !!a && a.innerHTML.trim() === t.innerHTML.trim();}})()"
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

    def focused_in(self, widget: QWidget) -> bool:
        """The keyboard focus is on ``widget`` or inside it."""
        focus = QApplication.focusWidget()
        return focus is not None and (focus is widget or widget.isAncestorOf(focus))

    def status_text(self) -> str:
        return self.window.statusBar().currentMessage()


def _plain(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")
