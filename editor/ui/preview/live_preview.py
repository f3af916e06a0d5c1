"""The live preview beside the editor: the open post's page (the same renderer and page data as
the export), following the typing through the preview controller's DOM patches.

Page data (blog, photos with renditions, sidebar) is composed on a worker of its own, so image
work for a newly attached photo never delays an autosave; the fields being typed (headline, deck,
byline...) are laid over it on the GUI thread.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QDockWidget, QLabel, QMessageBox

from editor.ui.preview.dock_share import DockShare
from editor.ui.window.actions import Act
from editor.ui.window.docks import bind_panel

if TYPE_CHECKING:
    from editor.render.body import RenderedBody
    from editor.render.context import PageData
    from editor.render.themes import Theme
    from editor.ui.window.jobs import Opened, PostData
    from editor.ui.window.main_window import MainWindow


CURSOR_FOLLOW_MS = 150
REST_FALLBACK_MS = 1000  # a long post's rest, if the pane never paints its first screen
SHELL_PAGE = "<!doctype html><html lang=en><meta charset=utf-8><title>Preview</title><body>"
DOCK_SHARE = 0.41  # of the window at first: at 1920 px the page clears the 768 px breakpoint


def preview_media_dir(post_uuid: str) -> Path:
    from editor.paths import user_cache_dir

    return user_cache_dir() / "preview" / post_uuid


def compose_page(store: Any, post_id: int) -> tuple[PageData, Theme, Path]:
    """Worker job: the post's page data, its theme and the folder its images are in."""
    from editor.render.themes import load_theme
    from editor.services.pages import page_for_post
    from editor.services.posts import get_post

    with store.session() as session:
        post = get_post(session, post_id)
        folder = preview_media_dir(post.uuid)
        page = page_for_post(session, post, images_folder=folder)
        theme_name = post.blog.theme
    return page.data, load_theme(theme_name), folder


class LivePreview(QObject):
    post_shown = Signal()  # the pane painted a just-opened post's page

    def __init__(self, window: MainWindow) -> None:
        from editor.render.body import BodyRenderer
        from editor.ui.preview.controller import PreviewController
        from editor.ui.preview.pane import PreviewPane
        from editor.ui.window.db_worker import DbExecutor

        super().__init__(window)
        self.window = window
        self.store: Any = None
        self.data: PageData | None = None
        self.theme: Theme | None = None
        self._post_id: int | None = None
        self._pages = DbExecutor()  # its own thread: renditions may take a while
        self.pane = PreviewPane()
        self.renderer = BodyRenderer(self._resolve_photo)
        self.controller = PreviewController(self.pane, self.renderer, self._build_page)
        self.dock = QDockWidget("Preview", window, objectName="preview_dock")
        self.dock.setWidget(self.pane)
        window.add_side_panel(self.dock)
        # A useful first size (a saved layout, restored afterwards, wins), kept as a share of
        # the window when it grows or shrinks.
        window.resizeDocks(
            [self.dock], [max(480, round(window.width() * DOCK_SHARE))], Qt.Orientation.Horizontal
        )
        self.dock_share = DockShare(window, self.dock, DOCK_SHARE)
        self._remember_page_width(window.settings)
        self.blocked_label = QLabel(objectName="preview_blocked")
        self.removed_label = QLabel(objectName="preview_removed")
        for label in (self.removed_label, self.blocked_label):
            window.statusBar().addPermanentWidget(label)
        self.removed_label.mousePressEvent = lambda _e: self.show_removed()  # type: ignore[method-assign]
        self._removed: list[Any] = []
        self._cursor_timer = QTimer(self, singleShot=True, interval=CURSOR_FOLLOW_MS)
        self._cursor_timer.timeout.connect(self._follow_cursor)
        # F8 shows or hides the preview; the keyboard stays in the text.
        bind_panel(window, Act.PREVIEW, self.dock, focus=False)
        c = window.controller
        c.store_opened.connect(self._store_opened)
        c.current_post_changed.connect(self._post_changed)
        c.body_text_changed.connect(self._body_edited)
        c.post_saved.connect(self._saved)
        window.form.edited.connect(self._fields_edited)
        window.body.cursorPositionChanged.connect(self._cursor_moved)
        self._showing_post = False
        self.pane.page_loaded.connect(self._page_loaded)
        self.pane.painted.connect(self._painted)
        self.pane.blocked_count_changed.connect(self._blocked)
        self.controller.rendered.connect(self._rendered)

    def start_engine(self) -> None:
        """Create the web view now (not at the pane's first paint) and load an empty page:
        Chromium starts the page's process, which works in parallel while the window is built
        and the post read, so the post's page later loads into a process that is ready. (A
        load still under way is simply replaced.)"""
        from editor import timeline

        if self.pane.view is not None:
            return
        self.pane.ensure_view()
        timeline.mark("web engine started (view created)")
        if not self.pane.loading and self.data is None:
            self.pane.show_page(SHELL_PAGE)

    def _page_loaded(self, _ok: bool) -> None:
        self._showing_post = self.data is not None

    def _painted(self) -> None:
        if self._showing_post:
            self._showing_post = False
            self.post_shown.emit()

    def _remember_page_width(self, settings: Any) -> None:
        """The page width choice (Fit, Desktop...) is the one made last time."""
        from editor.ui.preview.page_width import mode_of, name_of

        self.pane.set_page_width(mode_of(settings.preview_width()))
        self.pane.page_width_changed.connect(lambda px: settings.set_preview_width(name_of(px)))

    # -- page data --------------------------------------------------------------------------
    def _store_opened(self, opened: Opened) -> None:
        self.store = opened.store
        if opened.post is None:  # else the post, loaded next, opens its page (none before it)
            self._post_changed(self.window.controller.current)

    def _post_changed(self, data: PostData | None) -> None:
        if self.store is None:
            return
        if data is None:
            self._post_id = None
            self.data = None
            self.controller.open_post("")
            return
        moved = data.id != self._post_id
        self._post_id = data.id
        self.reload_page_data(full=moved)

    def reload_page_data(self, *, full: bool = True) -> None:
        """Compose the page again (photos or sidebar changed, or another post opened)."""
        if self.store is None or self._post_id is None:
            return
        post_id, store = self._post_id, self.store
        self._pages.submit(
            lambda: compose_page(store, post_id),
            lambda result: self._composed(post_id, result, full),
            lambda error: self.window.statusBar().showMessage(f"Preview: {error}", 10000),
        )

    def _composed(self, post_id: int, result: tuple[PageData, Theme, Path], full: bool) -> None:
        if post_id != self._post_id:
            return  # another post was opened meanwhile
        self.data, self.theme, folder = result
        self._overlay_fields()
        self.renderer.clear_cache()  # photo views may have changed
        if full:
            from editor import timeline
            from editor.ui.preview.wiring import first_screen

            timeline.mark("post's page data composed")
            text = self.window.controller.body_text()
            head = first_screen(text) if self.pane.isVisible() else None
            self.controller.open_post(head or text, post_media=folder, assets=self.theme.assets_dir)
            timeline.mark(
                "post's page sent to the web engine" + (" (first screen)" if head else "")
            )
            if head is not None:
                self._rest_after_first_screen(post_id)
        else:
            self.pane.set_roots(post_media=folder, assets=self.theme.assets_dir)
            self.controller.page_edited()

    def _rest_after_first_screen(self, post_id: int) -> None:
        """The page shows the post's start; once it is painted, the rest goes in as an edit's
        patch would. (Converting the rest blocks this thread ~0.1 s: done before that paint,
        it would hold the paint up. Should the pane not paint, the rest goes a moment after
        the load.)"""
        fallback = QTimer(self, singleShot=True, interval=REST_FALLBACK_MS)
        self.pane.page_loaded.connect(fallback.start, Qt.ConnectionType.SingleShotConnection)

        def rest() -> None:
            fallback.stop()
            fallback.timeout.disconnect(rest)
            self.post_shown.disconnect(rest)
            fallback.deleteLater()
            if self._post_id == post_id:
                self.controller.body_edited(self.window.controller.body_text())

        self.post_shown.connect(rest)
        fallback.timeout.connect(rest)

    def _overlay_fields(self) -> None:
        """Lay the form's current (maybe unsaved) fields over the stored page data."""
        if self.data is None:
            return
        fields, _status, _blog = self.window.form.values()
        self.data = dataclasses.replace(
            self.data,
            headline=fields.get("headline", ""),
            deck=fields.get("deck", ""),
            byline=fields.get("byline", ""),
            role=fields.get("byline_role", ""),
            published_at=fields.get("published_at"),
            display_tz=fields.get("published_tz", ""),
            date_only=bool(fields.get("published_date_only")),
            slug=fields.get("slug", self.data.slug) or self.data.slug,
            tags=list(fields.get("tags") or []),
            categories=list(fields.get("categories") or []),
        )

    def _build_page(self, body: RenderedBody, mode: str) -> str:
        from editor.ui.preview.wiring import page_builder_for

        if self.data is None or self.theme is None:
            return "<!doctype html><title>Preview</title><p>No post is open.</p>"
        return page_builder_for(self.data, self.theme)(body, mode)

    def _resolve_photo(self, ref: str) -> Any:
        return self.data.photos.get(ref) if self.data is not None else None

    # -- following the writer ---------------------------------------------------------------
    def _body_edited(self) -> None:
        current = self.window.controller.current
        if self.data is None or current is None or current.id != self._post_id:
            return  # a post just opened: its page, being composed, will show this text
        self.controller.body_edited(self.window.controller.body_text())
        self._cursor_timer.start()

    def _cursor_moved(self) -> None:
        if self.data is not None:  # else a post is opening: its page starts at the top anyway
            self._cursor_timer.start()

    def _follow_cursor(self) -> None:
        """Once typing or moving pauses: keep the block under the cursor in view. (Finding it
        splits the whole body, ~4 ms at 20,000 words: too much for every keystroke.)"""
        from editor.ui.preview.wiring import block_index_at

        text = self.window.controller.body_text()
        index = block_index_at(text, self.window.body.textCursor().position())
        if index is not None:
            self.controller.cursor_moved(index)

    def _fields_edited(self) -> None:
        self._overlay_fields()
        self.controller.page_edited()

    def _saved(self, outcome: Any) -> None:
        if self.data is not None and outcome.changed and outcome.slug != self.data.slug:
            self.data = dataclasses.replace(self.data, slug=outcome.slug)
            self.controller.page_edited()

    # -- what the writer is told ------------------------------------------------------------
    def _blocked(self, count: int) -> None:
        self.blocked_label.setText(f"{count} remote requests blocked" if count else "")
        self.blocked_label.setToolTip(
            "The preview loads nothing from the network: remote images and scripts are blocked."
        )

    def _rendered(self, body: RenderedBody) -> None:
        self._removed = list(body.removed)
        n = len(self._removed)
        self.removed_label.setText(f"⚠ {n} unsafe item{'s' if n != 1 else ''} removed" if n else "")
        self.removed_label.setToolTip(
            "\n".join(f"{r.what}: {r.why}" for r in self._removed) + "\n(click for the list)"
            if n
            else ""
        )

    def show_removed(self) -> None:
        if not self._removed:
            return
        QMessageBox.information(
            self.window,
            "Removed from the page",
            "These parts of the draft are not shown and will not be published:\n\n"
            + "\n".join(f"• {r.what} — {r.why}" for r in self._removed),
        )

    def close(self) -> None:
        """The window is closing: stop following it (saves may still report back)."""
        c = self.window.controller
        for signal, slot in (
            (c.store_opened, self._store_opened),
            (c.current_post_changed, self._post_changed),
            (c.body_text_changed, self._body_edited),
            (c.post_saved, self._saved),
            (self.window.form.edited, self._fields_edited),
            (self.window.body.cursorPositionChanged, self._cursor_moved),
        ):
            signal.disconnect(slot)
        self._post_id = None
        self._cursor_timer.stop()
        self._pages.shutdown()
