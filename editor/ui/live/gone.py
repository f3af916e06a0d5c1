"""The open post went to the Trash (or was deleted for good) in someone else's window, the
command line or psql: this window stops editing it and says who did it ("Marco moved this post
to the Trash"), keeping the words it had not saved: as a revision of the trashed post (like the
take-over path), or as a new draft when the post itself is gone. A post restored meanwhile
becomes editable again.

Database work runs on the window's one worker (``editor.ui.live.jobs``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from editor.ui.window.main_window import MainWindow

KEPT = " Your unsaved text is kept in its history (Revision history)."


class GoneWatch:
    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self._locked: set[int] = set()  # trashed posts this window made read-only

    def check(self, post_id: int, who: str) -> None:
        """Someone changed (or deleted) the open post: ask whether it is still live."""
        from editor.ui.live import jobs

        store = self.window.controller.store
        if store is None:
            return
        self.window.executor.submit(
            lambda: jobs.post_gone(store, post_id),
            lambda state: self._found(post_id, who, state),
        )

    def _found(self, post_id: int, who: str, state: str | None) -> None:
        c = self.window.controller
        if c.current is None or c.current.id != post_id:
            return
        if state is None:
            if post_id in self._locked:  # restored: editable again, if the rules allow
                self._locked.discard(post_id)
                self.window.leases.renew_now()
            return
        fields = self._unsaved()
        if state == "trashed":
            self._trashed(post_id, who, fields)
        else:
            self._deleted(post_id, who, fields)

    def _unsaved(self) -> dict[str, Any] | None:
        c = self.window.controller
        if not c.autosave.dirty:
            return None
        fields = c.collect()[0]
        c.autosave.cancel()  # never save over a post that went
        return fields

    def _trashed(self, post_id: int, who: str, fields: dict[str, Any] | None) -> None:
        if post_id in self._locked and fields is None:
            return  # said already
        self._locked.add(post_id)
        leases, c = self.window.leases, self.window.controller
        if fields is not None:
            from editor.ui.writing.lease_banner import keep_job

            label = f"Unsaved text when {who} moved the post to the Trash"
            leases._submit(
                lambda s, st: keep_job(s, st, post_id, fields, who, label),
                lambda _n: c.load_revisions(),
            )
        message = f"{who} moved this post to the Trash." + (KEPT if fields is not None else "")
        leases.held = None  # the lease lapses by itself; nothing more is saved here
        leases.timer.stop()
        leases._refused(message)
        self.window.statusBar().showMessage(message)

    def _deleted(self, post_id: int, who: str, fields: dict[str, Any] | None) -> None:
        c = self.window.controller
        said = f"{who} deleted this post for good."
        blog_id = self.window.form.blog.currentData()
        self.window.leases.held = None
        c.close_post()
        if fields is None:
            self.window.statusBar().showMessage(said)
            return
        from editor.ui.live import jobs

        store = c.store
        self.window.executor.submit(
            lambda: jobs.keep_as_draft(store, fields, blog_id),
            lambda new_id: self._kept_as_draft(said, new_id),
            lambda exc: self.window.statusBar().showMessage(f"{said} Keeping your text: {exc}"),
        )

    def _kept_as_draft(self, said: str, new_id: int) -> None:
        self.window.statusBar().showMessage(
            f"{said} Your unsaved text is kept as a new draft (post {new_id})."
        )
        self.window.controller.posts_changed.emit()
