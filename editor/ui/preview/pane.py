"""The preview pane: a lazily created, locked-down QWebEngineView showing the rendered page.

A full page load (``show_page``) happens when a post is opened or something outside the body
changed; while the writer types, ``update_body`` patches only the changed top-level elements of
``#article-body`` through ``runJavaScript`` in the application world (the page's own JavaScript
stays off). Loads cost ~300 ms and leak ~4.6 MB of JavaScript garbage each; patches cost a few ms.
"""

from __future__ import annotations

import enum
import logging
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPointF, Qt, QTimer, QUrl, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from editor.ui.preview.blocks import Block, Body, block_start, diff_blocks, patch_script
from editor.ui.preview.engine_setup import MEDIA_SCHEME, register_media_scheme
from editor.ui.preview.page_width import FIT, fit
from editor.ui.preview.safety import MediaSchemeHandler, RemoteRequestBlocker
from editor.ui.preview.toolbar import PreviewToolbar

log = logging.getLogger(__name__)

# Replaced DOM nodes are JavaScript garbage that V8 collects late (the page's own scripts are
# off, so nothing else prompts it). With --js-flags=--expose-gc (engine_setup adds it) the pane
# collects after a pause in typing, and every GC_EVERY patches while typing goes on.
GC_IDLE_MS = 1000
GC_EVERY = 25
DEFAULT_BASE_URL = QUrl(f"{MEDIA_SCHEME}://post/")


class Patch(enum.Enum):
    """What :meth:`PreviewPane.update_body` did, and which answer (if any) will follow."""

    SENT = "sent"  # a patch is on its way: body_patched, or reload_needed, follows
    QUEUED = "queued"  # a page is loading: page_loaded follows (then the patch)
    UP_TO_DATE = "up to date"  # nothing to do: no answer follows
    NO_PAGE = "no page"  # nothing to patch: load the whole page instead

    @property
    def answered_later(self) -> bool:
        return self in (Patch.SENT, Patch.QUEUED)


class PreviewPane(QWidget):
    """Shows the page; see the module docstring. Signals are past-tense events."""

    view_created = Signal()
    page_loaded = Signal(bool)  # a full load finished (ok)
    body_patched = Signal(int)  # a patch was applied; element count of #article-body
    painted = Signal()  # the view painted after the last load or patch
    reload_needed = Signal()  # a patch could not be applied: load the whole page again
    blocked_count_changed = Signal(int)  # distinct remote URLs blocked on the current page
    link_clicked = Signal(QUrl)  # a link in the page was clicked (never followed in the pane)
    open_in_browser_requested = Signal()
    page_width_changed = Signal(int)
    shown_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None, *, create_delay_ms: int = 0) -> None:
        super().__init__(parent)
        register_media_scheme()  # before the first WebEngine object below
        self._create_delay_ms = create_delay_ms
        self._creation_scheduled = False
        self._view: Any = None  # QWebEngineView, imported lazily
        self._profile: Any = None
        self._handler = MediaSchemeHandler(self)
        self._blocker = RemoteRequestBlocker(self)
        self._blocker.blocked_count_changed.connect(self._on_blocked)
        self._shown_blocks: Sequence[Block] | None = None
        self._loading = False
        self._page_serial = 0  # counts full loads; a patch's answer names the page it was for
        self._pending_body: tuple[Body, int | None] | None = None
        self._pending_page: tuple[str, QUrl, Body | None] | None = None
        self._restore_scroll: QPointF | None = None
        self._fresh = False  # the next page is another post's: do not keep the scroll
        self._await_paint = False
        self._page_width = FIT
        self._patches_since_gc = 0
        self._gc_timer = QTimer(self)
        self._gc_timer.setSingleShot(True)
        self._gc_timer.setInterval(GC_IDLE_MS)
        self._gc_timer.timeout.connect(self.collect_garbage)
        self._build_ui()

    # -- layout -------------------------------------------------------------------------------

    def _build_ui(self) -> None:
        self._toolbar = PreviewToolbar(self._page_width, self)
        self._toolbar.width_chosen.connect(self.set_page_width)
        self._toolbar.open_requested.connect(self.open_in_browser_requested)
        self.width_actions = self._toolbar.width_actions
        self.open_action = self._toolbar.open_action
        self.zoom_label = self._toolbar.zoom_label

        self._holder = QWidget()
        self._holder_layout = QHBoxLayout(self._holder)
        self._holder_layout.setContentsMargins(0, 0, 0, 0)
        self._placeholder = QLabel("Preparing the preview…", self._holder)
        self._placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._holder_layout.addWidget(self._placeholder)
        self._scroll = QScrollArea(self)
        self._scroll.setWidgetResizable(True)
        self._scroll.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self._scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._scroll.setWidget(self._holder)
        self._scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the page itself
        # Fit to the viewport's own size: when the pane is resized, the viewport is not yet.
        self._scroll.viewport().installEventFilter(self)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self._toolbar)
        layout.addWidget(self._scroll, 1)

    # -- the view, created lazily -------------------------------------------------------------

    @property
    def view(self) -> Any:
        """The QWebEngineView, or None before it was created."""
        return self._view

    @property
    def loading(self) -> bool:
        """A full page load is under way (patches wait for it)."""
        return self._loading

    @property
    def blocked_urls(self) -> list[str]:
        return self._blocker.blocked_urls

    def paintEvent(self, event: Any) -> None:
        super().paintEvent(event)
        if self._view is None and not self._creation_scheduled:
            # The window has painted: now pay for the web engine (~150 ms, ~120 MB).
            self._creation_scheduled = True
            QTimer.singleShot(self._create_delay_ms, self.ensure_view)

    def ensure_view(self) -> Any:
        """Create the web view now if it does not exist yet."""
        if self._view is not None:
            return self._view
        from PySide6.QtWebEngineCore import QWebEngineProfile, QWebEngineSettings
        from PySide6.QtWebEngineWidgets import QWebEngineView

        from editor.ui.preview.safety import PreviewPage

        self._view = QWebEngineView(self._holder)
        self._view.setObjectName("preview")
        self._view.setAccessibleName("Page preview")
        self._profile = QWebEngineProfile()  # off the record: no disk cache, no cookies
        self._profile.setUrlRequestInterceptor(self._blocker)
        self._profile.installUrlSchemeHandler(MEDIA_SCHEME.encode(), self._handler)
        # Outlive the profile's own destructor, which may still talk to them.
        self._handler.setParent(self._profile)
        self._blocker.setParent(self._profile)
        page = PreviewPage(self._profile, self._view)
        # The page must go before its profile: the page owns the profile, the view the page.
        self._profile.setParent(page)
        attr = QWebEngineSettings.WebAttribute
        settings = page.settings()
        for attribute, on in (
            (attr.JavascriptEnabled, False),
            (attr.JavascriptCanOpenWindows, False),
            (attr.LocalContentCanAccessRemoteUrls, False),
            (attr.LocalContentCanAccessFileUrls, False),
            (attr.PluginsEnabled, False),
            (attr.AutoLoadIconsForPage, False),
            (attr.NavigateOnDropEnabled, False),
            (attr.ErrorPageEnabled, False),
        ):
            settings.setAttribute(attribute, on)
        page.link_clicked.connect(self.link_clicked)
        page.renderProcessTerminated.connect(self._on_render_process_gone)
        self._view.setPage(page)
        self._view.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self._view.loadFinished.connect(self._on_load_finished)
        self._fit()
        self._placeholder.hide()
        self._holder_layout.addWidget(self._view, 0, Qt.AlignmentFlag.AlignHCenter)
        self._view.show()
        self._paint_watch = _PaintWatch(self._on_view_painted, self)
        self._watched: QObject | None = None
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)
        self.view_created.emit()
        if self._pending_page is not None:
            html, base_url, body = self._pending_page
            self._pending_page = None
            self.show_page(html, base_url, body)
        return self._view

    def shutdown(self) -> None:
        """Delete the web view (and its page and profile) now; the pane shows its placeholder.

        QtWebEngine complains when pages outlive the engine at exit: the app calls this on quit.
        """
        if self._view is None:
            return
        view, self._view = self._view, None
        self._shown_blocks = None
        self._watched = None
        view.hide()
        shiboken6.delete(view)
        self._placeholder.show()

    # -- showing pages ------------------------------------------------------------------------

    def set_roots(self, *, post_media: Path | None = None, assets: Path | None = None) -> None:
        """Folders served as ``byline-media://post/...`` and ``byline-media://assets/...``."""
        self._handler.set_roots({"post": post_media, "assets": assets})

    def forget_scroll(self) -> None:
        """The next page shown is another post: it opens at its top, not where the last one
        was scrolled to (a page reloaded for the same post keeps its place)."""
        self._fresh = True

    def show_page(
        self, html: str, base_url: QUrl = DEFAULT_BASE_URL, body: Body | None = None
    ) -> None:
        """Load a whole page; ``body`` is what its ``#article-body`` holds (for later patches)."""
        if self._view is None:
            self._pending_page = (html, base_url, body)
            if self.isVisible():
                self.ensure_view()
            return
        if len(html.encode()) > 2_000_000:
            log.warning("preview page is over 2 MB; the web engine may refuse to show it")
        self._shown_blocks = list(body.blocks) if body is not None else None
        self._pending_body = None
        if self._fresh:  # another post: it opens at its top
            self._fresh, self._restore_scroll = False, None
        elif self._view.url().isValid() and not self._view.url().isEmpty():
            self._restore_scroll = self._view.page().scrollPosition()
        self._blocker.reset()
        self._loading = True
        self._page_serial += 1
        self._view.setHtml(html, base_url)

    def update_body(self, body: Body, focus_block: int | None = None) -> Patch:
        """Patch ``#article-body`` to show ``body``. The outcome says whether an answer will
        follow (see :class:`Patch`); none is ever emitted before this returns."""
        if self._loading:
            self._pending_body = (body, focus_block)
            return Patch.QUEUED
        if self._view is None or self._shown_blocks is None:
            return Patch.NO_PAGE
        new_blocks = list(body.blocks)
        patch = diff_blocks(self._shown_blocks, new_blocks)
        focus = None if focus_block is None else block_start(new_blocks, focus_block)
        if patch.empty and focus is None:
            return Patch.UP_TO_DATE
        self._shown_blocks = new_blocks
        page = self._page_serial
        self.run_js(
            patch_script(patch, focus), lambda count: self._on_patched(page, count, patch.total)
        )
        return Patch.SENT

    def scroll_to_block(self, index: int) -> None:
        """Bring block ``index`` of the shown body into view if it is off screen."""
        if self._view is None or self._shown_blocks is None or self._loading:
            return
        focus = block_start(self._shown_blocks, index)
        self.run_js(patch_script(diff_blocks([], []), focus))

    def collect_garbage(self) -> None:
        """Ask V8 for a full collection (a no-op unless Chromium runs with --expose-gc)."""
        self._gc_timer.stop()
        self._patches_since_gc = 0
        if self._view is not None and not self._loading:
            self.run_js("if (typeof gc === 'function') { gc(); }")

    def run_js(self, script: str, callback: Callable[[Any], None] | None = None) -> None:
        """Run ``script`` in the application world (works with page JavaScript off)."""
        from PySide6.QtWebEngineCore import QWebEngineScript

        world = QWebEngineScript.ScriptWorldId.ApplicationWorld
        if callback is None:
            self._view.page().runJavaScript(script, world)
        else:
            self._view.page().runJavaScript(script, world, callback)

    # -- width and visibility -----------------------------------------------------------------

    @property
    def page_width(self) -> int:
        """The chosen width: one of ``page_width.WIDTHS`` (``FIT``, 0, follows the pane)."""
        return self._page_width

    def set_page_width(self, px: int) -> None:
        """Lay the page out ``px`` wide (``FIT``: as wide as the pane), centred, scaled down to
        fit when the pane is narrower (see :mod:`editor.ui.preview.page_width`)."""
        self._page_width = px
        self._toolbar.show_choice(px)
        self._fit()
        self.page_width_changed.emit(px)

    def _fit(self) -> None:
        width, zoom = fit(self._page_width, self._scroll.viewport().width())
        self._toolbar.show_scale(width, zoom)
        if self._view is None:
            return
        self._view.setZoomFactor(zoom)
        self._view.setFixedWidth(round(width * zoom))

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self._fit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and watched is self._scroll.viewport():
            self._fit()
        return super().eventFilter(watched, event)

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self.shown_changed.emit(True)

    def hideEvent(self, event: Any) -> None:
        super().hideEvent(event)
        self.shown_changed.emit(False)

    # -- engine callbacks ---------------------------------------------------------------------

    def _watch_paints(self) -> None:
        # The widget that shows the page's frames exists only once a page rendered, and a new
        # one replaces it if the render process restarts.
        target = self._view.focusProxy()
        if target is not None and target is not self._watched:
            target.installEventFilter(self._paint_watch)
            self._watched = target

    def _on_load_finished(self, ok: bool) -> None:
        if not self._loading:
            return  # a refused navigation (a link click) reports a failed load: ignore it
        self._loading = False
        self._watch_paints()
        if self._restore_scroll is not None:
            pos, self._restore_scroll = self._restore_scroll, None
            self.run_js(f"window.scrollTo({pos.x():.0f}, {pos.y():.0f})")
        self._await_paint = True
        self.page_loaded.emit(ok)
        if self._pending_body is not None:
            body, focus = self._pending_body
            self._pending_body = None
            self.update_body(body, focus)

    def _on_patched(self, page: int, count: Any, expected: int) -> None:
        if page != self._page_serial:
            return  # sent to a page since replaced: its page_loaded answers for it
        if not isinstance(count, int | float) or int(count) != expected:
            log.warning("preview patch failed (got %r, expected %d): reloading", count, expected)
            self._shown_blocks = None
            self.reload_needed.emit()
            return
        self._watch_paints()
        self._await_paint = True
        self._patches_since_gc += 1
        if self._patches_since_gc >= GC_EVERY:
            self.collect_garbage()
        else:
            self._gc_timer.start()
        self.body_patched.emit(int(count))

    def _on_render_process_gone(self, status: Any, _code: int) -> None:
        # Patches sent to the dead process are never answered; a fresh load starts a new one.
        log.warning("the preview's render process ended (%s): reloading", status)
        self._loading = False
        self._shown_blocks = None
        self._page_serial += 1
        self.reload_needed.emit()

    def _on_view_painted(self) -> None:
        if self._await_paint:
            self._await_paint = False
            self.painted.emit()

    def _on_blocked(self, count: int) -> None:
        self._toolbar.show_blocked(self._blocker.blocked_urls)
        self.blocked_count_changed.emit(count)


class _PaintWatch(QObject):
    """Reports paint events of the view's render widget (the page's frames reaching the screen)."""

    def __init__(self, on_paint: Callable[[], None], parent: QObject) -> None:
        super().__init__(parent)
        self._on_paint = on_paint

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self._on_paint()
        return False
