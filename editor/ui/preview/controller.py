"""Drives the preview from the editor: body edits become block patches, sent at once.

Per keystroke the GUI thread does a few ms of work: the body renderer's block cache converts only
the changed block (~1 ms), the pane diffs the block list and patches the DOM (~2-4 ms). An edit
made while the page is idle goes out in the same call, without waiting for a timer; edits made
while a patch is in flight wait for its answer and then go out as one patch with the latest text
(back-pressure, not a debounce: the page never falls behind by more than one patch). A change
outside the body (headline, deck, theme) reloads the whole page, debounced.
"""

from __future__ import annotations

import html as html_lib
import logging
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices

from editor.ui.preview.blocks import Body
from editor.ui.preview.pane import Patch, PreviewPane
from editor.ui.preview.safety import OPENABLE_SCHEMES, LinkDialog

log = logging.getLogger(__name__)

ANSWER_TIMEOUT_MS = 5000  # a patch is answered in a few ms, a 20,000-word load in ~300 ms

# (body, mode) -> the whole page's HTML; mode is "preview" or "export".
PageBuilder = Callable[[Body, str], str]
# folder -> the index.html written into it (e.g. the export bundle writer).
ExportWriter = Callable[[Path], Path]


class BodyRendererLike(Protocol):
    def render(self, markdown: str) -> Body: ...


class PreviewController(QObject):
    """Connect the editor's text changes to :meth:`body_edited`; see the README's wiring notes."""

    rendered = Signal(object)  # the RenderedBody just shown (its ``removed`` list for the GUI)
    link_opened = Signal(QUrl)  # a link the writer agreed to open in the system browser
    browser_opened = Signal(Path)  # "Open in browser" wrote and opened this file

    def __init__(
        self,
        pane: PreviewPane,
        renderer: BodyRendererLike,
        page_builder: PageBuilder,
        *,
        debounce_ms: int = 0,
        page_debounce_ms: int = 150,
        export_writer: ExportWriter | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent or pane)
        self.pane = pane
        self._renderer = renderer
        self._page_builder = page_builder
        self._export_writer = export_writer
        self._text = ""
        self.text_filter: Callable[[str], str] = _same
        self._cursor_block: int | None = None
        self._body: Body | None = None
        self._stale = False
        self._export_dir: Path | None = None
        self._in_flight = False  # a patch was sent and the page has not answered yet
        self._dirty = False  # an edit arrived meanwhile
        # After an answer, the edits that waited go out this much later (one patch).
        self._body_timer = _single_shot(self, debounce_ms, self._apply_body)
        self._page_timer = _single_shot(self, page_debounce_ms, self.reload)
        # The last line of defence: an answer that never comes costs one reload, not the preview.
        self._answer_timer = _single_shot(self, ANSWER_TIMEOUT_MS, self._answer_overdue)
        pane.reload_needed.connect(self.reload)
        pane.body_patched.connect(self._answered)
        pane.page_loaded.connect(self._answered)
        pane.link_clicked.connect(self._on_link_clicked)
        pane.open_in_browser_requested.connect(self.open_in_browser)
        pane.shown_changed.connect(self._on_shown_changed)

    # -- slots for the editor -----------------------------------------------------------------

    def open_post(
        self, markdown: str, *, post_media: Path | None = None, assets: Path | None = None
    ) -> None:
        """Show a newly opened post (full load, now), from its top."""
        self.pane.set_roots(post_media=post_media, assets=assets)
        self.pane.forget_scroll()
        self._text = markdown
        self._cursor_block = None
        self.reload()

    def body_edited(self, markdown: str, cursor_block: int | None = None) -> None:
        """The body text changed; ``cursor_block`` is the index of the block being edited.

        Patched at once when the page is idle; otherwise once it has answered (see above)."""
        self._text = markdown
        self._cursor_block = cursor_block
        if self._in_flight:
            self._dirty = True
        elif not self._body_timer.isActive():  # else the timer sends this text shortly
            self._apply_body()

    def page_edited(self) -> None:
        """Something outside the body changed (headline, deck, byline, photo, theme)."""
        self._body_timer.stop()
        self._page_timer.start()

    def cursor_moved(self, block_index: int) -> None:
        """The cursor moved to another block: keep it in view."""
        self._cursor_block = block_index
        self.pane.scroll_to_block(block_index)

    def set_text_filter(self, text_filter: Callable[[str], str]) -> None:
        """How the body's Markdown is shown (e.g. suggested edits accepted or marked)."""
        self.text_filter = text_filter
        if self._body is not None:  # else nothing was shown yet: the first page will use it
            self.page_edited()

    def set_page_builder(self, page_builder: PageBuilder) -> None:
        """A different post context or theme: reload with the new builder."""
        self._page_builder = page_builder
        self.page_edited()

    # -- work ---------------------------------------------------------------------------------

    @property
    def idle(self) -> bool:
        """Nothing is waiting: no edit pending, no patch or load unanswered."""
        return not (
            self._in_flight
            or self._dirty
            or self._body_timer.isActive()
            or self._page_timer.isActive()
            or self.pane.loading
        )

    def reload(self) -> None:
        """Render everything and load the whole page."""
        self._body_timer.stop()
        self._page_timer.stop()
        self._answer_timer.stop()
        self._in_flight = self._dirty = False
        if not self.pane.isVisible():
            self._stale = True
            return
        self._stale = False
        body = self._render_body()
        if body is None:
            return
        try:
            page = self._page_builder(body, "preview")
        except Exception as error:  # a broken theme must show its error, never crash the app
            log.exception("preview page failed to render")
            page = _error_page(f"The page could not be rendered: {error}")
        self.pane.show_page(page, body=body)
        self.rendered.emit(body)

    def _apply_body(self) -> None:
        if not self.pane.isVisible():
            self._stale = True
            return
        if self._in_flight:
            # Back-pressure instead of a long debounce: one patch at a time, the latest text next.
            self._dirty = True
            return
        body = self._render_body()
        if body is None:
            return
        # Marked before sending, so even an answer given at once finds the mark to clear.
        self._in_flight = True
        outcome = self.pane.update_body(body, self._cursor_block)
        if outcome is Patch.NO_PAGE:
            self.reload()
            return
        if not outcome.answered_later:
            self._answered()  # up to date: no answer will come
        elif self._in_flight:
            self._answer_timer.start()
        self.rendered.emit(body)

    def _answered(self, *_args: object) -> None:
        """The page answered (patched, or loaded), or there was nothing to wait for."""
        self._answer_timer.stop()
        self._in_flight = False
        if self._dirty:
            self._dirty = False
            self._body_timer.start()

    def _answer_overdue(self) -> None:
        log.warning("the preview did not answer a patch within %d ms: reloading", ANSWER_TIMEOUT_MS)
        self.reload()

    def _render_body(self) -> Body | None:
        try:
            self._body = self._renderer.render(self.text_filter(self._text))
        except Exception as error:
            log.exception("preview body failed to render")
            self.pane.show_page(_error_page(f"The text could not be rendered: {error}"))
            return None
        return self._body

    def _on_shown_changed(self, shown: bool) -> None:
        if shown and self._stale:
            self.reload()

    # -- leaving the preview ------------------------------------------------------------------

    def _on_link_clicked(self, url: QUrl) -> None:
        if url.scheme().lower() not in OPENABLE_SCHEMES:
            log.info("preview ignored a link to %s", url.toString())
            return
        if LinkDialog.ask(self.pane, url):
            QDesktopServices.openUrl(url)
            self.link_opened.emit(url)

    def open_in_browser(self) -> Path | None:
        """Write a temporary export of the post and open it in the system browser."""
        if self._export_dir is None:
            self._export_dir = Path(tempfile.mkdtemp(prefix="byline-preview-"))
        try:
            if self._export_writer is not None:
                index = self._export_writer(self._export_dir)
            else:
                body = self._body or self._renderer.render(self.text_filter(self._text))
                index = self._export_dir / "index.html"
                index.write_text(self._page_builder(body, "export"), encoding="utf-8")
        except Exception:
            log.exception("could not write the temporary export")
            return None
        from editor.ui.preview import browser_message as msg

        opened = QDesktopServices.openUrl(QUrl.fromLocalFile(str(index)))
        if (reason := msg.why_not_shown(opened, msg.running_as_root())) is not None:
            log.info("open in browser: %s (%s)", reason, index)
            msg.show_not_opened(self.pane, index, reason)
        self.browser_opened.emit(index)
        return index


def _same(text: str) -> str:
    return text


def _single_shot(parent: QObject, ms: int, slot: Callable[[], None]) -> QTimer:
    timer = QTimer(parent)
    timer.setSingleShot(True)
    timer.setTimerType(Qt.TimerType.PreciseTimer)  # a coarse 5 ms timer may fire 1 ms late
    timer.setInterval(ms)
    timer.timeout.connect(slot)
    return timer


def _error_page(message: str) -> str:
    return (
        "<!doctype html><html lang=en><meta charset=utf-8><title>Preview error</title>"
        "<body style='font:16px sans-serif;padding:2em;color:#900'>"
        f"<p role=alert>{html_lib.escape(message)}</p><div id=article-body></div></body></html>"
    )
