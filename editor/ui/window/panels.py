"""The right-hand panels (photos, Recent posts sidebar) and the Blogs dialog, mounted on the
main window once its database is open. They follow the post the writer has open."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDockWidget

from editor.ui.window.actions import Act
from editor.ui.window.docks import bind_panel

if TYPE_CHECKING:
    from editor.ui.photos.photo_controller import PhotoPanelController
    from editor.ui.sidebar.sidebar_panel import SidebarPanel
    from editor.ui.window.jobs import Choices, Opened, PostData
    from editor.ui.window.main_window import MainWindow


class Panels(QObject):
    """Built with the window's second step (so saved dock state applies to them); filled from
    the store once start-up is over (``window.settling``). Hidden until the writer shows them
    from the View menu."""

    page_changed = Signal()  # photos or sidebar links changed: the page needs composing again

    def __init__(self, window: MainWindow) -> None:
        from editor.ui.photos.photo_panel import PhotoPanel
        from editor.ui.sidebar.sidebar_panel import SidebarPanel

        super().__init__(window)
        self.window = window
        self.store: Any = None
        self.photos: PhotoPanelController | None = None
        self._blog_names: dict[int, str] = {}
        self._links_blog: int | None = None
        self._links: list[Any] | None = None
        self.photo_panel = PhotoPanel()
        self.photo_panel.setEnabled(False)
        self.photo_dock = self._dock("Photos", "photos_dock", self.photo_panel, Act.PHOTOS)
        self.sidebar: SidebarPanel = SidebarPanel(None)
        self.sidebar.setEnabled(False)
        self.sidebar_dock = self._dock("Recent posts", "sidebar_dock", self.sidebar, Act.SIDEBAR)
        c = window.controller
        c.store_opened.connect(self._store_opened)
        c.choices_loaded.connect(self._choices)
        c.current_post_changed.connect(self._post_changed)
        window.actions_.connect(Act.BLOGS, self.open_blogs)
        self.photo_panel.insert_requested.connect(self.insert_photo)

    def _dock(self, title: str, name: str, widget: Any, act: Act) -> QDockWidget:
        dock = QDockWidget(title, self.window, objectName=name)
        dock.setWidget(widget)
        dock.hide()
        self.window.add_side_panel(dock)
        bind_panel(self.window, act, dock)
        self.window.settling.settle_when_shown(dock)
        return dock

    def _store_opened(self, opened: Opened) -> None:
        self.store = opened.store
        self._choices(opened.choices)
        self.window.settling.when_settled(self._fill)  # hidden panels wait for the post

    def _fill(self) -> None:
        from editor.ui.photos.photo_controller import PhotoPanelController

        if self.store is None:
            return
        self.photos = PhotoPanelController(self.store, self.photo_panel)
        self.photos.photos_changed.connect(lambda _post: self.page_changed.emit())
        self.photos.error_occurred.connect(
            lambda message: self.window.statusBar().showMessage(message, 10000)
        )
        self.sidebar.controller.store = self.store
        self.sidebar.links_shown.connect(self._links_shown)
        self.sidebar.setEnabled(True)
        self._post_changed(self.window.controller.current)

    def _links_shown(self, links: list[Any]) -> None:
        """The sidebar list (re)loaded: only an edit of the links changes the page."""
        before, self._links = self._links, list(links)
        if before is not None and before != self._links:
            self.page_changed.emit()

    def _choices(self, choices: Choices) -> None:
        self._blog_names = dict(choices.blogs)

    def _post_changed(self, data: PostData | None) -> None:
        if self.photos is None:
            return  # not filled yet: filling shows the post then
        self.photos.show_post(data.id if data else None)
        if self.store is not None:
            blog = data.blog_id if data else None
            if blog != self._links_blog:
                self._links_blog, self._links = blog, None
            self.sidebar.set_blog(blog, self._blog_names.get(blog, "") if blog else "")

    def open_blogs(self) -> None:
        if self.store is None:
            return
        from editor.ui.sidebar.blog_dialog import BlogDialog

        current = self.window.controller.current
        dialog = BlogDialog(self.store, self.window, select=current.blog_id if current else None)
        dialog.blogs_changed.connect(self.window.controller.reload_choices)
        dialog.exec()

    def insert_photo(self, photo_id: int) -> None:
        """``![alt](photo:ID)`` on a line of its own after the cursor's paragraph (one undo)."""
        from PySide6.QtGui import QTextCursor

        alt = self.photo_panel.card(photo_id).item.alt.replace("]", "\\]")
        body = self.window.body
        cursor = body.textCursor()
        cursor.beginEditBlock()
        cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
        block = cursor.block()
        above = block.previous().text().strip() if block.previous().isValid() else ""
        lead = "\n\n" if block.text().strip() else "\n" if above else ""  # a blank line before
        below = block.next().text().strip() if block.next().isValid() else ""
        tail = "\n" if below else ""  # and after
        cursor.insertText(f"{lead}![{alt}](photo:{photo_id}){tail}")
        cursor.endEditBlock()
        body.setTextCursor(cursor)
        body.setFocus()

    def close(self) -> None:
        if self.photos is not None:
            self.photos.close()
