"""Live updates mounted on the main window: on a PostgreSQL database it listens for other
people's changes and refreshes what they touched, and says so in the status bar ("Updated by
Marco: comments").

The open post is replaced only while this window holds no unsaved typing, and only if nothing
was typed between asking the database and hearing back; otherwise the typing stays and the next
save meets the changed version and asks whose text wins (the conflict dialog, as before).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication

from editor.store.changes import TABLE_WORDS, Change
from editor.ui.live.bridge import LiveBridge
from editor.ui.live.gone import GoneWatch
from editor.ui.live.text import replace_keeping_caret

if TYPE_CHECKING:
    from editor.ui.window.jobs import Opened, PostData
    from editor.ui.window.main_window import MainWindow

REVIEW_TABLES = {"comments", "suggestions", "status_changes", "posts"}
HISTORY_TABLES = {"revisions", "status_changes"}
LIST_TABLES = {"posts", "status_changes"}
KEPT = "your unsaved text is kept, and saving asks whose version wins"


class LiveUi(QObject):
    refreshed = Signal(list)  # [Change] a batch has been taken in (tests wait on it)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.store: Any = None
        self.bridge = LiveBridge(self)
        self.gone = GoneWatch(window)
        self._edits = 0  # counts every edit in the form and the body
        self.bridge.batch_ready.connect(self._batch)
        self.bridge.reconnected.connect(
            lambda: self._refresh_all("Reconnected to the database: showing the latest")
        )
        self.bridge.file_changed.connect(
            lambda: self._refresh_all("Updated in another window or program")
        )
        self.bridge.file_maybe_changed.connect(self._maybe_changed)
        c = window.controller
        c.store_opened.connect(self._store_opened)
        c.body_text_changed.connect(self._edited)
        window.form.edited.connect(self._edited)

    @property
    def listening(self) -> bool:
        return self.bridge.listener is not None or self.bridge.watcher is not None

    def _store_opened(self, opened: Opened) -> None:
        store = self.store = opened.store
        if store.dialect == "postgresql":
            self.bridge.listen(store.url, store.origin)
        elif store.dialect == "sqlite" and store.url.database not in (None, "", ":memory:"):
            from pathlib import Path

            self.bridge.watch_file(Path(str(store.url.database)), store.commits)

    def _edited(self) -> None:
        self._edits += 1

    # -- what changed -----------------------------------------------------------------------
    def _batch(self, changes: list[Change]) -> None:
        current = self.window.controller.current
        here = [c for c in changes if current is not None and c.post_id == current.id]
        tables = {c.table for c in here}
        kept = False
        if any(c.table in LIST_TABLES for c in changes):
            self.window.refresh_list(announce=False)
        if current is not None and here:
            if "posts" in tables:
                kept = not self._check_post(current.id, _people(here))
                self.gone.check(current.id, _people([c for c in here if c.table == "posts"]))
            if tables & REVIEW_TABLES:
                self.window.review.reload()
                self.window.suggest.load_authors()  # and the list, from the body
            if tables & HISTORY_TABLES:
                self.window.controller.load_revisions()
            if "photos" in tables:
                self._photos_changed()
            if "leases" in tables:  # taken over, released or renewed: the banner says which
                self.window.leases.renew_now()
        if current is not None and any(
            c.table == "sidebar_links" and c.blog_id == current.blog_id for c in changes
        ):
            self._sidebar_changed()
        if any(c.table == "blogs" for c in changes):
            self._blogs_changed(current.blog_id if current is not None else None, changes)
        self._say(changes, here, kept)
        self.refreshed.emit(changes)

    def _say(self, changes: list[Change], here: list[Change], kept: bool) -> None:
        """ "Updated by Marco: comments" (``here``: the changes to the open post)."""
        tables = {c.table for c in here} - {"leases"}  # the lease banner says it
        if "status_changes" in tables:  # a status change also writes the post and a revision
            tables -= {"posts", "revisions"}
        if any(c.table == "blogs" for c in changes):  # a blog's own row names no post
            tables.add("blogs")
            here = here + [c for c in changes if c.table == "blogs"]
        words = sorted(TABLE_WORDS.get(t, t) for t in tables)
        if not words and any(c.table in LIST_TABLES for c in changes):
            if self.window.statusBar().currentMessage():
                return  # the least news there is: never over "Marco deleted this post for good."
            words = ["the post list"]
        if words:
            who = _people(here or changes)
            self._status(f"Updated by {who}: {', '.join(words)}" + (f"; {KEPT}" if kept else ""))

    def _refresh_all(self, message: str) -> None:
        """Read everything shown again: after a dropped connection (changes made meanwhile
        were not announced), or when another process wrote to the same SQLite file (SQLite
        does not say what changed). ``message``: what the status bar says (nothing if empty)."""
        current = self.window.controller.current
        self.window.refresh_list(announce=False)
        if current is not None:
            self._check_post(current.id, None)
            self.window.review.reload()
            self.window.controller.load_revisions()
            self._photos_changed()
        if message:
            self._status(message)

    def _maybe_changed(self) -> None:
        """A change to the SQLite file that came with this window's own saves: most likely
        ours, perhaps someone else's too (a command run just as the window saved). Only what
        would be lost is looked at again: the list, and the open post (replaced, and that said,
        only if it is newer than here). Reading every panel again after each autosave made the
        preview reload photos while typing; other panels wait for the next certain change."""
        current = self.window.controller.current
        self.window.refresh_list(announce=False)
        if current is not None:
            self._check_post(current.id, None)

    # -- the open post ----------------------------------------------------------------------
    def _check_post(self, post_id: int, who: str | None) -> bool:
        """Ask for the stored post, to show it if it is newer; False (nothing asked) while
        this window holds unsaved typing."""
        c = self.window.controller
        if c.autosave.dirty:
            return False
        from editor.ui.live import jobs

        store, state, asked_at = self.store, c._state, self._edits
        self.window.executor.submit(
            lambda: jobs.newer_post(store, state, post_id),
            lambda data: self._post_loaded(data, asked_at, who),
            lambda exc: self._status(f"Live update: {exc}"),
        )
        return True

    def _post_loaded(self, data: PostData | None, asked_at: int, who: str | None) -> None:
        c = self.window.controller
        if data is None or c.current is None or c.current.id != data.id:
            return
        if self._edits != asked_at or c.autosave.dirty or c._resolving:
            self._status(f"Updated by {who or 'someone else'}: text; {KEPT}")  # typed meanwhile
            return
        from editor.ui.live import jobs

        state = c._state
        self.window.executor.submit(lambda: jobs.adopt(state, data.id, data.version))
        c.current = data
        self._show(data)
        if who is None:  # SQLite or after a reconnection: nobody announced it
            self._status("Updated in another window or program: text")

    def _show(self, data: PostData) -> None:
        """Put the stored post in the views without a jump: only fields that differ are set,
        the body by its changed part, so the caret and scroll stay where the person left them."""
        w, c = self.window, self.window.controller
        fields, status, blog = w.form.values()
        differs = status != data.status or blog != data.blog_id or any(
            fields.get(k) != v for k, v in data.fields.items() if k != "body"
        )  # fmt: skip
        if differs:
            w.form.show_post(data.blog_id, data.status, data.fields)
        if w.body.toPlainText() != data.fields["body"]:
            replace_keeping_caret(w.body, data.fields["body"])  # the preview follows the body
        c.autosave.cancel()  # filling the views is not an edit
        if differs and w.preview is not None:
            w.preview.reload_page_data(full=False)
        headline = data.fields["headline"]
        w.setWindowTitle(f"{headline or 'Untitled'} — Byline")

    # -- panels -----------------------------------------------------------------------------
    def _photos_changed(self) -> None:
        panels = self.window.panels
        if panels.photos is not None and not _focus_in(panels.photo_panel):
            panels.photos.refresh()  # never under a caption being typed
        if self.window.preview is not None:
            self.window.preview.reload_page_data(full=False)

    def _sidebar_changed(self) -> None:
        panels = self.window.panels
        if not _focus_in(panels.sidebar):
            panels.sidebar.controller.reload()
        if self.window.preview is not None:
            self.window.preview.reload_page_data(full=False)

    def _blogs_changed(self, blog_id: int | None, changes: list[Change]) -> None:
        """A blog renamed, added, removed or its settings changed: the blog menus read again,
        and the open post's page when its own blog changed (theme, site, language…)."""
        self.window.controller.reload_choices()
        self.window.refresh_list(announce=False)
        mine = any(c.table == "blogs" and c.blog_id == blog_id for c in changes)
        if mine and self.window.preview is not None:
            self.window.preview.reload_page_data(full=True)

    def _status(self, message: str) -> None:
        self.window.statusBar().showMessage(message, 8000)

    def close(self) -> None:
        self.bridge.stop()


def _people(changes: list[Change]) -> str:
    names = list(dict.fromkeys(c.person for c in changes if c.person))
    return ", ".join(names) if names else "someone else"


def _focus_in(widget: Any) -> bool:
    focus = QApplication.focusWidget()
    return focus is not None and (focus is widget or widget.isAncestorOf(focus))
