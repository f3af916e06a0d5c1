"""The "Recent posts" sidebar panel: the current blog's links, edited by hand, reordered by drag
and drop or Ctrl+Shift+Up/Down, pinned, refreshed from published posts, and undoable."""

from __future__ import annotations

from datetime import date
from html import escape
from typing import Any

from PySide6.QtCore import QEvent, QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMessageBox,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from editor.model import LinkSource
from editor.services.sidebar_merge import LinkSpec
from editor.ui.sidebar.sidebar_controller import SidebarController
from editor.ui.sidebar.sidebar_model import LinkDelegate, LinkRole, LinksModel

Key = QKeySequence.StandardKey


class ErrorMessage:
    @classmethod
    def show(cls, parent: QWidget | None, title: str, message: str) -> None:
        """A plain message (never a traceback). Tests replace this method."""
        QMessageBox.warning(parent, title, message)


class LinkDialog(QDialog):
    """Title, URL, optional date and label (and, for a new link, whether to pin it)."""

    def __init__(self, parent: QWidget | None, initial: LinkSpec | None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Edit link" if initial else "Add link")
        self.title = QLineEdit(initial.title if initial else "")
        self.url = QLineEdit(initial.url if initial else "")
        self.url.setPlaceholderText("https://… or /path on the blog")
        self.date = QLineEdit(initial.date.isoformat() if initial and initial.date else "")
        self.date.setPlaceholderText("YYYY-MM-DD (optional)")
        self.label = QLineEdit(initial.label if initial else "")
        self.label.setPlaceholderText("e.g. Opinion (optional)")
        self.pinned = QCheckBox("Pin (keep it in place through every refresh)")
        self.pinned.setChecked(bool(initial and initial.pinned))
        self.pinned.setVisible(initial is None)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b91c1c")
        self.error.setWordWrap(True)
        form = QFormLayout()
        form.addRow("&Title", self.title)
        form.addRow("&URL", self.url)
        form.addRow("&Date", self.date)
        form.addRow("&Label", self.label)
        form.addRow("", self.pinned)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.result_spec: LinkSpec | None = None

    def _accept(self) -> None:
        text = self.date.text().strip()
        try:
            when = date.fromisoformat(text) if text else None
        except ValueError:
            self.error.setText(f"Date: {text!r} is not a date like 2026-11-28.")
            return
        if not self.title.text().strip() or not self.url.text().strip():
            self.error.setText("A link needs a title and a URL.")
            return
        self.result_spec = LinkSpec(
            title=self.title.text(), url=self.url.text(), date=when,
            label=self.label.text(), pinned=self.pinned.isChecked(),
        )  # fmt: skip
        self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None, initial: LinkSpec | None = None) -> LinkSpec | None:
        """The link as entered, or None if cancelled. Tests replace this method."""
        dialog = cls(parent, initial)
        dialog.exec()
        return dialog.result_spec


class LinksView(QListView):
    """The list; like a text field, it takes Ctrl+Z / Ctrl+Shift+Z for itself when focused."""

    def __init__(self, controller: SidebarController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._controller = controller
        # DragDrop rather than InternalMove: a move within the list still goes through the
        # model's moveRows, and a drop without a drag source (accessibility tools, tests)
        # reaches dropMimeData, which accepts only this list's own links.
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDragDropOverwriteMode(False)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setUniformItemSizes(True)
        self.setAlternatingRowColors(True)

    def event(self, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and (event.matches(Key.Undo) or event.matches(Key.Redo))
        ):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(Key.Undo):
            self._controller.stack.undo()
        elif event.matches(Key.Redo):
            self._controller.stack.redo()
        else:
            super().keyPressEvent(event)


class SidebarPanel(QWidget):
    links_shown = Signal(object)  # list[LinkSpec], each time the list is (re)loaded

    def __init__(self, store: Any, executor: Any = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sidebar_panel")
        self.controller = SidebarController(store, executor, self)
        self.model = LinksModel(self)
        self.view = LinksView(self.controller, self)
        self.view.setAccessibleName("Recent posts links")
        self.view.setModel(self.model)
        self.view.setItemDelegate(LinkDelegate(self.view))
        # The dock's title says "Recent posts"; the heading names the blog whose links these are.
        self.heading = QLabel(objectName="sidebar_blog")
        self.empty = QLabel(
            "No links yet. Add one by hand, or Refresh to fill in the newest published posts."
        )
        self.empty.setWordWrap(True)
        self.empty.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.toolbar = QToolBar("Sidebar", self, objectName="sidebar_toolbar")
        # Every command with its name on it: a row of unlabelled arrows and icons beside "Add"
        # and "Edit" left people guessing.
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self._select_id: int | None = None
        self._build_actions()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.heading)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty)

        self.model.move_requested.connect(self._move_row)
        self.controller.links_loaded.connect(self._show)
        self.controller.failed.connect(lambda msg: ErrorMessage.show(self, "Sidebar", msg))
        self.view.doubleClicked.connect(lambda _i: self.edit_selected())
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update_actions())
        self._update_actions()

    def _build_actions(self) -> None:
        def act(text: str, handler, shortcut=None, tip="") -> QAction:
            action = QAction(text, self)
            action.setObjectName(f"sidebar_{text.lower().replace(' ', '_')}")
            if shortcut is not None:
                action.setShortcut(QKeySequence(shortcut))
                action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.setToolTip(f"{tip or text} ({QKeySequence(shortcut).toString()})"
                              if shortcut else tip or text)  # fmt: skip
            action.triggered.connect(lambda _checked=False: handler())
            self.addAction(action)
            self._add_tool(action)
            return action

        self.add_action = act("Add", self.add_link, "Ctrl+Shift+N", tip="Add a link")
        self.edit_action = act("Edit", self.edit_selected, "F2", tip="Edit the link")
        self.remove_action = act("Remove", self.remove_selected, Key.Delete, "Remove the link")
        self.move_up_action = act("Up", lambda: self.move_selected(-1), "Ctrl+Shift+Up",
                                  "Move the link up")  # fmt: skip
        self.move_down_action = act("Down", lambda: self.move_selected(+1), "Ctrl+Shift+Down",
                                    "Move the link down")  # fmt: skip
        self.pin_action = act("Pin", self.toggle_pin, "Ctrl+Shift+P",
                              tip="Pin: keep the link in place through every refresh")  # fmt: skip
        self.pin_action.setCheckable(True)
        self.refresh_action = act("Refresh", self.controller.refresh, Key.Refresh,
                                  "Fill in the blog's newest published posts")  # fmt: skip
        self.toolbar.addSeparator()
        self.undo_action = self.controller.stack.createUndoAction(self, "Undo")
        self.undo_action.setObjectName("sidebar_undo")
        self.redo_action = self.controller.stack.createRedoAction(self, "Redo")
        self.redo_action.setObjectName("sidebar_redo")
        for action, short in ((self.undo_action, "Undo"), (self.redo_action, "Redo")):
            action.setIconText(short)  # the button keeps its width; the tooltip names the step
        self._add_tool(self.undo_action)
        self._add_tool(self.redo_action)

    def _add_tool(self, action: QAction) -> None:
        """A toolbar button named for the command, for screen readers and automation."""
        self.toolbar.addAction(action)
        button = self.toolbar.widgetForAction(action)
        if button is not None:
            button.setObjectName(f"{action.objectName()}_button")
            button.setAccessibleName(action.iconText().replace("&", ""))

    # public
    def set_blog(self, blog_id: int | None, name: str = "") -> None:
        self.heading.setText(f"<b>{escape(name)}</b>" if name else "No blog")
        self.heading.setToolTip(f"The links shown under “Recent posts” on {name or 'the blog'}")
        self.controller.set_blog(blog_id)

    def selected_link(self) -> LinkSpec | None:
        index = self.view.currentIndex()
        selected = self.view.selectionModel().isSelected(index) if index.isValid() else False
        return index.data(LinkRole) if selected else None

    def select_row(self, row: int) -> None:
        index = self.model.index(row, 0)
        self.view.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
        )

    def add_link(self) -> None:
        spec = LinkDialog.ask(self)
        if spec is not None:
            current = self.selected_link()
            index = self.model.row_of(current.id) + 1 if current else None
            self._select_id = None
            self.controller.add(spec, index)

    def edit_selected(self) -> None:
        link = self.selected_link()
        if link is None or link.id is None:
            return
        spec = LinkDialog.ask(self, link)
        if spec is not None:
            self._select_id = link.id
            self.controller.edit(link.id, spec)

    def remove_selected(self) -> None:
        link = self.selected_link()
        if link is not None and link.id is not None:
            self.controller.remove(link.id)

    def move_selected(self, step: int) -> None:
        link = self.selected_link()
        if link is None or link.id is None:
            return
        row = self.model.row_of(link.id)
        target = row + step
        if 0 <= target < self.model.rowCount():
            self._select_id = link.id
            self.controller.move(link.id, target)

    def toggle_pin(self) -> None:
        link = self.selected_link()
        if link is not None and link.id is not None:
            self._select_id = link.id
            self.controller.set_pinned(link.id, not link.pinned)

    # internals
    def _move_row(self, from_row: int, to_index: int) -> None:
        link = self.model.links()[from_row]
        if link.id is not None:
            self._select_id = link.id
            self.controller.move(link.id, to_index)

    def _show(self, links: list[LinkSpec]) -> None:
        keep = self._select_id
        if keep is None and (current := self.selected_link()) is not None:
            keep = current.id
        self.model.set_links(links)
        self._select_id = None
        row = self.model.row_of(keep)
        if row >= 0:
            self.select_row(row)
        self.empty.setVisible(not links)
        self._update_actions()
        self.links_shown.emit(links)

    def _update_actions(self) -> None:
        link = self.selected_link()
        has_blog = self.controller.blog_id is not None
        row = self.model.row_of(link.id) if link else -1
        self.add_action.setEnabled(has_blog)
        self.refresh_action.setEnabled(has_blog)
        for action in (self.edit_action, self.remove_action, self.pin_action):
            action.setEnabled(link is not None)
        self.move_up_action.setEnabled(row > 0)
        self.move_down_action.setEnabled(0 <= row < self.model.rowCount() - 1)
        self.pin_action.setChecked(bool(link and link.pinned))
        self.pin_action.setText("Unpin" if link and link.pinned else "Pin")
        if (pin := self.toolbar.widgetForAction(self.pin_action)) is not None:
            pin.setAccessibleName(self.pin_action.text())
        source = link.source if link else None
        self.remove_action.setToolTip(
            "Remove the link (a refresh may bring an automatic link back)"
            if source in (LinkSource.AUTO, LinkSource.CMS) else "Remove the link"
        )  # fmt: skip
