"""The sidebar panel's logic: every change goes through the services in one session per action
and lands on an undo stack as a before/after snapshot of the blog's links.

Jobs run on an injectable executor (the window's database worker, or at once in tests); results
come back as signals, so widgets never hold a session.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from editor.errors import BylineError
from editor.services import blogs, sidebar
from editor.services.sidebar_merge import LinkSpec
from editor.store.database import Store

log = logging.getLogger(__name__)
Change = Callable[[Any, Any], object]  # (session, blog) -> anything


class ImmediateExecutor:
    """Runs a job at once on the caller's thread (tests, or a window without a worker)."""

    def submit(self, job, on_done=None, on_error=None):
        try:
            value = job()
        except BaseException as exc:  # handed to on_error like a worker would
            if on_error is None:
                raise
            on_error(exc)
            return None
        if on_done is not None:
            on_done(value)
        return None


class SnapshotCommand(QUndoCommand):
    """An applied change: undo puts the links back as they were; redo as they became."""

    def __init__(self, controller: SidebarController, text: str, before, after) -> None:
        super().__init__(text)
        self._controller = controller
        self._before: list[LinkSpec] = before
        self._after: list[LinkSpec] = after
        self._applied = True  # pushed after the change was made: the first redo does nothing

    def redo(self) -> None:
        if self._applied:
            self._applied = False
            return
        self._controller.apply_snapshot(self._after)

    def undo(self) -> None:
        self._controller.apply_snapshot(self._before)


class SidebarController(QObject):
    links_loaded = Signal(object)  # list[LinkSpec], after any load or change
    failed = Signal(str)  # a message for the user

    def __init__(self, store: Store, executor: Any = None, parent: QObject | None = None):
        super().__init__(parent)
        self.store = store
        self.executor = executor or ImmediateExecutor()
        self.stack = QUndoStack(self)
        self.blog_id: int | None = None

    def set_blog(self, blog_id: int | None) -> None:
        """Show another blog's sidebar. Undo history belongs to one blog, so it is cleared."""
        self.blog_id = blog_id
        self.stack.clear()
        self.reload()

    def reload(self) -> None:
        if self.blog_id is None:
            self.links_loaded.emit([])
            return
        blog_id = self.blog_id

        def job() -> list[LinkSpec]:
            with self.store.session() as s:
                return sidebar.link_specs(s, blogs.find_blog(s, blog_id))

        self.executor.submit(job, self.links_loaded.emit, self._failed)

    # changes
    def add(self, spec: LinkSpec, index: int | None = None) -> None:
        self._change("Add link", lambda s, b: sidebar.add_link(
            s, b, title=spec.title, url=spec.url, date=spec.date, label=spec.label,
            pinned=spec.pinned, index=index,
        ))  # fmt: skip

    def edit(self, link_id: int, spec: LinkSpec) -> None:
        self._change("Edit link", lambda s, b: sidebar.edit_link(
            s, b, link_id, title=spec.title, url=spec.url, date=spec.date, label=spec.label,
        ))  # fmt: skip

    def remove(self, link_id: int) -> None:
        self._change("Remove link", lambda s, b: sidebar.remove_link(s, b, link_id))

    def move(self, link_id: int, to_index: int) -> None:
        self._change("Move link", lambda s, b: sidebar.move_link(s, b, link_id, to_index))

    def set_pinned(self, link_id: int, pinned: bool) -> None:
        text = "Pin link" if pinned else "Unpin link"
        self._change(text, lambda s, b: sidebar.set_pinned(s, b, link_id, pinned))

    def refresh(self) -> None:
        self._change("Refresh sidebar", lambda s, b: sidebar.refresh_sidebar(s, b))

    def apply_snapshot(self, specs: list[LinkSpec]) -> None:
        blog_id = self.blog_id

        def job() -> list[LinkSpec]:
            with self.store.session() as s:
                blog = blogs.find_blog(s, blog_id)  # type: ignore[arg-type]
                sidebar.replace_links(s, blog, specs)
                return sidebar.link_specs(s, blog)

        self.executor.submit(job, self.links_loaded.emit, self._failed)

    def _change(self, text: str, change: Change) -> None:
        if self.blog_id is None:
            return
        blog_id = self.blog_id

        def job() -> tuple[list[LinkSpec], list[LinkSpec]]:
            with self.store.session() as s:
                blog = blogs.find_blog(s, blog_id)
                before = sidebar.link_specs(s, blog)
                change(s, blog)
                return before, sidebar.link_specs(s, blog)

        def done(result: tuple[list[LinkSpec], list[LinkSpec]]) -> None:
            before, after = result
            if before != after and blog_id == self.blog_id:
                self.stack.push(SnapshotCommand(self, text, before, after))
            self.links_loaded.emit(after)

        self.executor.submit(job, done, self._failed)

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, BylineError):
            self.failed.emit(str(exc))
        else:
            log.error("sidebar action failed", exc_info=exc)
            self.failed.emit(f"Unexpected error: {exc!r}")
