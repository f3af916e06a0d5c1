"""The editing logic behind the window: which post is open, when it is saved, conflicts,
history. Views are passed in; all database work goes through the one worker executor.

Signals for other panels (preview, photos, sidebar):
``current_post_changed(PostData | None)`` when another post is shown (or reloaded), and
``body_text_changed()`` on every edit of the body (read it with :meth:`body_text`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from editor.errors import (
    ConflictError,
    LeaseLostError,
    PermissionDeniedError,
    ReadOnlyStoreError,
)
from editor.ui.window.autosave import AutosaveTimer
from editor.ui.window.db_worker import Executor
from editor.ui.writing.body_editor import BodyEditor
from editor.ui.writing.post_form import PostForm

if TYPE_CHECKING:
    from editor.ui.window.jobs import EditState, Opened, PostData, SaveOutcome

AskConflict = Callable[[str], bool]  # headline -> keep mine?


class EditorController(QObject):
    store_opened = Signal(object)  # Opened
    store_failed = Signal(str)
    choices_loaded = Signal(object)  # jobs.Choices
    current_post_changed = Signal(object)  # PostData | None
    body_text_changed = Signal()
    save_started = Signal()
    post_saved = Signal(object)  # SaveOutcome
    save_failed = Signal(str)
    conflict_resolved = Signal(object)  # PostData after the decision
    posts_changed = Signal()  # the list should be refreshed
    revisions_loaded = Signal(int, list)  # post id, [RevisionRow]
    revision_text_loaded = Signal(int, str)
    lease_lost = Signal(object)  # LeaseLostError: a save found the post taken over
    edit_refused = Signal(str, dict)  # the newsroom's rules refused a save: why, the fields

    def __init__(
        self,
        form: PostForm,
        body: BodyEditor,
        executor: Executor,
        ask_conflict: AskConflict,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.form = form
        self.body = body
        self.executor = executor
        self._ask_conflict = ask_conflict
        self.store: Any = None
        self.read_only = False
        # Someone else holds the open post's edit lease (editor.ui.writing.lease_banner):
        # nothing typed is saved until this window takes it over.
        self.lease_locked = False
        self.current: PostData | None = None
        self._state: EditState | None = None  # touched only by jobs on the worker
        self._jobs: Any = None  # editor.ui.window.jobs, imported once the window has painted
        self._resolving = False
        self.autosave = AutosaveTimer(self)
        self.autosave.save_due.connect(self.save_now)
        form.edited.connect(self._edited)
        body.textChanged.connect(self._body_changed)
        body.focus_lost.connect(self.flush)

    # -- opening ----------------------------------------------------------------------------
    def open(self, location: str | None, read_only: bool, last_uuid: str | None) -> None:
        from editor.ui.window import jobs  # after the first paint: it brings dataclasses in

        self._jobs = jobs
        self._state = state = jobs.EditState()
        self.executor.submit(
            lambda: jobs.open_and_start(state, location, read_only, last_uuid),
            self._opened,
            lambda exc: self.store_failed.emit(str(exc)),
        )

    def _opened(self, opened: Opened) -> None:
        self.store = opened.store
        self.read_only = opened.store.read_only
        self.choices_loaded.emit(opened.choices)
        self.store_opened.emit(opened)
        if opened.post is not None:
            self._loaded(opened.post)

    # -- which post -------------------------------------------------------------------------
    def choose(self, post_id: int) -> None:
        if self.store is None or (self.current is not None and self.current.id == post_id):
            return
        self.flush()
        store, state = self.store, self._state
        self.executor.submit(lambda: self._jobs.load_post(store, state, post_id), self._loaded)

    def new_post(self, blog_id: int | None = None, fields: dict[str, str] | None = None) -> None:
        """Create a post (in ``blog_id``, else the current post's blog) starting with
        ``fields`` (e.g. the writer's byline), and open it."""
        if self.store is None or self.read_only:
            return
        self.flush()
        store, state = self.store, self._state
        blog = blog_id or (self.current.blog_id if self.current else None)

        def done(data: PostData) -> None:
            self._loaded(data)
            self.posts_changed.emit()
            self.form.headline.setFocus()

        self.executor.submit(
            lambda: self._jobs.new_post(store, state, blog, fields), done, self._failed
        )

    def reload_current(self) -> None:
        """Show the open post as it is stored now (e.g. after someone else's edits)."""
        if self.store is None or self.current is None:
            return
        store, state, post_id = self.store, self._state, self.current.id
        self.executor.submit(lambda: self._jobs.load_post(store, state, post_id), self._loaded)

    def reload_choices(self) -> None:
        store = self.store
        self.executor.submit(lambda: self._jobs.choices(store), self.choices_loaded.emit)

    def _loaded(self, data: PostData) -> None:
        self.autosave.cancel()
        self.current = data
        self.form.show_post(data.blog_id, data.status, data.fields)
        self.body.set_text(data.fields["body"])
        self.autosave.cancel()  # filling the views is not an edit
        self.current_post_changed.emit(data)
        self.load_revisions()

    def close_post(self) -> None:
        """Show no post (the last one went to the Trash): empty views, nothing to save."""
        from editor.model import PostContent

        self.autosave.cancel()
        self.current = None
        blog = self.form.blog.currentData()
        self.form.show_post(blog, "draft", PostContent().to_json() | {"published_at": None})
        self.body.set_text("")
        self.autosave.cancel()
        self.current_post_changed.emit(None)

    def body_text(self) -> str:
        return self.body.toPlainText()

    # -- saving -----------------------------------------------------------------------------
    def _edited(self) -> None:
        if self.current is not None and not self.read_only and not self.lease_locked:
            self.autosave.touch()

    def _body_changed(self) -> None:
        if self.body.highlighter.reformatting:
            return  # only the spelling underlines were redrawn
        self._edited()
        self.body_text_changed.emit()

    def collect(self) -> tuple[dict[str, Any], str, int]:
        """What the views hold now. Runs on the GUI thread for every save: keep it cheap."""
        fields, status, blog = self.form.values()
        fields["body"] = self.body.toPlainText()
        return fields, status, blog

    def save_now(self) -> None:
        if self.current is None or self.store is None or self.read_only or self._resolving:
            return
        if self.lease_locked:
            return
        fields, status, blog = self.collect()
        post_id, store, state = self.current.id, self.store, self._state
        self.save_started.emit()
        self.executor.submit(
            lambda: self._jobs.save(store, state, post_id, fields, status, blog),
            self._saved,
            lambda exc: self._save_error(exc, post_id, fields),
        )

    def flush(self) -> None:
        """Save at once if anything is unsaved (switching posts, focus loss, close)."""
        self.autosave.flush()

    def close(self) -> None:
        """Save what is unsaved and wait for every queued write to reach the database."""
        self.flush()
        self.executor.wait_idle()

    def _saved(self, outcome: SaveOutcome | None) -> None:
        if outcome is None:
            return
        if self.current is not None and self.current.id == outcome.post_id:
            self.form.show_slug(outcome.slug)
        self.post_saved.emit(outcome)  # the window updates its list row (or reloads the list)
        if outcome.revision_added:
            self.load_revisions()

    def _save_error(self, exc: BaseException, post_id: int, fields: dict[str, Any]) -> None:
        if isinstance(exc, LeaseLostError):
            self.lease_lost.emit(exc)
        elif isinstance(exc, PermissionDeniedError):
            self.save_failed.emit(str(exc))  # not retried: it would be refused again
            self.edit_refused.emit(str(exc), fields)
        elif isinstance(exc, ConflictError):
            self._conflict(post_id, fields)
        elif isinstance(exc, ReadOnlyStoreError):
            self.read_only = True
            self.save_failed.emit(str(exc))
        else:
            self.save_failed.emit(str(exc))
            self.autosave.touch()  # try again shortly: nothing typed is dropped

    def _conflict(self, post_id: int, fields: dict[str, Any]) -> None:
        if self._resolving:
            return
        self._resolving = True
        try:
            keep_mine = self._ask_conflict(fields.get("headline", ""))
        finally:
            self._resolving = False
        if self.current is not None and self.current.id == post_id:
            fields = self.collect()[0]  # whatever was typed while the question was open
            self.autosave.cancel()
        store, state = self.store, self._state

        def done(data: PostData) -> None:
            if self.current is not None and self.current.id == data.id:
                if keep_mine:
                    self.current = data
                else:
                    self._loaded(data)
            self.conflict_resolved.emit(data)
            self.posts_changed.emit()
            self.load_revisions()

        self.executor.submit(
            lambda: self._jobs.resolve(store, state, post_id, fields, keep_mine), done, self._failed
        )

    def _failed(self, exc: BaseException) -> None:
        self.save_failed.emit(str(exc))

    # -- history ----------------------------------------------------------------------------
    def load_revisions(self) -> None:
        if self.current is None or self.store is None:
            return
        post_id, store = self.current.id, self.store
        self.executor.submit(
            lambda: self._jobs.revisions(store, post_id),
            lambda rows: self.revisions_loaded.emit(post_id, rows),
        )

    def show_revision(self, number: int) -> None:
        if self.current is None:
            return
        post_id, store = self.current.id, self.store
        self.executor.submit(
            lambda: self._jobs.revision_text(store, post_id, number),
            lambda text: self.revision_text_loaded.emit(number, text),
        )

    def restore(self, number: int) -> None:
        if self.current is None or self.read_only:
            return
        self.flush()
        post_id, store, state = self.current.id, self.store, self._state

        def done(data: PostData) -> None:
            self._loaded(data)
            self.posts_changed.emit()

        self.executor.submit(
            lambda: self._jobs.restore(store, state, post_id, number), done, self._failed
        )

    def change_outside(
        self, job: Callable[[Any], tuple[int, Any]], on_done: Callable[[Any], None],
        on_failed: Callable[[BaseException], None],
    ) -> None:  # fmt: skip
        """Run ``job(store)`` on the database worker (it changes a post, e.g. opening a review
        package, and returns the post's id and its own result), then open that post as stored
        so the next autosave starts from it; ``on_done`` gets the job's result. Typing waits
        meanwhile: words typed during the job would be replaced by the stored post."""
        if self.store is None or self.read_only:
            return
        self.flush()
        store, state = self.store, self._state
        was_read_only = self.body.isReadOnly()
        self.body.setReadOnly(True)
        self.form.set_read_only(True)

        def writable_again() -> None:
            self.body.setReadOnly(was_read_only)
            self.form.set_read_only(was_read_only)

        def work() -> tuple[Any, PostData]:
            post_id, result = job(store)
            return result, self._jobs.load_post(store, state, post_id)

        def done(pair: tuple[Any, PostData]) -> None:
            writable_again()
            self._loaded(pair[1])
            self.posts_changed.emit()
            on_done(pair[0])

        def failed(exc: BaseException) -> None:
            writable_again()
            on_failed(exc)

        self.executor.submit(work, done, failed)

    def save_version(self, label: str) -> None:
        if self.current is None or self.read_only:
            return
        self.flush()
        post_id, store = self.current.id, self.store
        self.executor.submit(
            lambda: self._jobs.save_version(store, post_id, label),
            lambda _n: self.load_revisions(),
            self._failed,
        )
