"""Edit leases in the window: opening a post for writing takes its lease, renewed every
30 seconds while the post stays open. A post the newsroom's rules do not let this person
change (someone else's, or their own once submitted) opens read-only with the reason and
takes no lease. When someone else holds it, the post opens read-only
under a banner ("Being edited by Ana Ruiz since 10:42") with a **Take over** button; when
someone takes it from this window, the next renewal (or save) notices, keeps what was not yet
saved as a revision, and the post turns read-only with a message saying who took it.

Database work runs on the window's one worker; the functions at the bottom run there.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton

if TYPE_CHECKING:
    from editor.errors import LeaseLostError
    from editor.services.leases import LeaseInfo, LeaseResult
    from editor.store.database import Store
    from editor.ui.window.jobs import EditState, Opened, PostData
    from editor.ui.window.main_window import MainWindow

RENEW_MS = 30_000  # editor.services.leases.RENEW_SECONDS (not imported: it brings SQLAlchemy)


class LeaseBanner(QFrame):
    """ "Being edited by NAME since 10:42  [Take over]" above the post's fields."""

    take_over_clicked = Signal()

    def __init__(self) -> None:
        super().__init__(objectName="lease_banner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName("Edit lease")
        self.text = QLabel(objectName="lease_text", wordWrap=True)
        self.text.setAccessibleName("Who is editing this post")
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.button = QPushButton("Take over", objectName="take_over")
        self.button.setAccessibleName("Take over editing")
        self.button.setToolTip(
            "Edit this post yourself: the other person's window turns read-only and keeps "
            "their unsaved text in the post's history"
        )
        box = QHBoxLayout(self)
        box.setContentsMargins(8, 4, 8, 4)
        box.addWidget(self.text, 1)
        box.addWidget(self.button)
        self.button.clicked.connect(self.take_over_clicked)
        self.hide()

    def show_message(self, text: str, *, can_take_over: bool = True) -> None:
        self.text.setText(text)
        self.button.setEnabled(True)
        self.button.setVisible(can_take_over)
        self.show()


class LeaseUi(QObject):
    """Mounted by the main window once its controller exists."""

    lease_changed = Signal(bool)  # whether this window may edit the open post

    def __init__(self, window: MainWindow, *, renew_ms: int = RENEW_MS) -> None:
        super().__init__(window)
        self.window = window
        self.controller = c = window.controller
        self.banner = LeaseBanner()
        window._editor_box.insertWidget(0, self.banner)
        # This install's token: another computer (or person) is someone else.
        self.token = window.settings.lease_token()
        self.held: int | None = None
        self._enabled = False
        self._notes: dict[int, str] = {}  # post id -> why it is read-only (taken from us)
        self._took_from: str | None = None
        # Counts the tries to take the post: a retry whose answer comes after a newer try
        # began (the post reloaded meanwhile, which tries again) is left to that newer one.
        self._tries = 0
        self.timer = QTimer(self, interval=renew_ms)
        self.timer.timeout.connect(self.renew_now)
        c.store_opened.connect(self._store_opened)
        c.current_post_changed.connect(self._post_changed)
        c.lease_lost.connect(self._lost_on_save)
        c.edit_refused.connect(self._refused_on_save)
        self.banner.take_over_clicked.connect(self.take_over)

    # -- following the open post ------------------------------------------------------------
    def _store_opened(self, opened: Opened) -> None:
        self._enabled = not opened.store.read_only

    def _post_changed(self, data: PostData | None) -> None:
        if not self._enabled:
            return
        previous, self.held = self.held, None
        if previous is not None and (data is None or previous != data.id):
            self._submit(lambda s, st: release_job(s, st, previous, self.token))
        if data is None:
            self.timer.stop()
            self._unlock()
            return
        self._acquire(data.id, take_over=False)

    def _acquire(self, post_id: int, *, take_over: bool) -> None:
        self._tries += 1
        token = self.token
        self._submit(
            lambda s, st: acquire_job(s, st, post_id, token, take_over),
            lambda found: self._acquired(post_id, found, take_over),
        )

    def _acquired(self, post_id: int, found: Acquired, take_over: bool) -> None:
        result, refused = found
        current = self.controller.current
        if current is None or current.id != post_id:  # moved on meanwhile
            if result is not None and result.held:
                self._submit(lambda s, st: release_job(s, st, post_id, self.token))
            return
        if result is None:
            self.timer.stop()
            self._refused(refused or "")
            return
        self.timer.start()  # renews a held lease; retries one that someone else has
        if not result.held:
            self.held = None
            self._lock(post_id, result.lease)
            return
        self.held = post_id
        if take_over:
            who = result.taken_from.who if result.taken_from is not None else None
            self._took_from = who
            self.controller.reload_current()  # their last saved text, to go on from
            return
        self._unlock()
        if self._took_from:
            self.window.statusBar().showMessage(f"You took the post over from {self._took_from}.")
            self._took_from = None

    # -- renewing ---------------------------------------------------------------------------
    def renew_now(self) -> None:
        """What the timer does: renew the lease held, or try again to take one someone else
        held (free now that they closed the post: the post reloads, editable)."""
        current = self.controller.current
        if not self._enabled or current is None:
            return
        if self.held is None:
            self._tries += 1
            tries = self._tries
            self._submit(
                lambda s, st: acquire_job(s, st, current.id, self.token, False),
                lambda found: self._retried(current.id, found[0], tries),
            )
            return
        post_id, token = self.held, self.token
        self._submit(
            lambda s, st: renew_job(s, post_id, token),
            lambda result: self._renewed(post_id, result),
        )

    def _retried(self, post_id: int, result: LeaseResult | None, tries: int) -> None:
        if self.held == post_id or tries != self._tries:
            # Got back already, or a newer try is on its way (the post reloaded meanwhile)
            # and ends by making it editable: reloading again after that would put the caret
            # at the top and drop the words typed since (found in CI).
            return
        current = self.controller.current
        if result is not None and result.held and current is not None and current.id == post_id:
            self.held = post_id
            note = self._notes.pop(post_id, None)
            if note:  # what happened meanwhile stays said
                self.window.statusBar().showMessage(note.strip())
            self.controller.reload_current()

    def _renewed(self, post_id: int, result: LeaseResult) -> None:
        if result.held or self.held != post_id:
            return
        if result.lease is None or not result.lease.live:
            # Taken and given back at once (an editor's `byline status … --take-over`): take
            # it again as it is, without turning read-only and reloading under the writer's
            # caret. What they wrote arrives as a live update; words typed here meanwhile meet
            # it through the usual "whose version wins" check when saved.
            tries = self._tries = self._tries + 1
            self._submit(
                lambda s, st: acquire_job(s, st, post_id, self.token, False),
                lambda found: self._regained(post_id, found, tries),
            )
            return
        self._lost(post_id, result.lease.who, result.lease)

    def _regained(self, post_id: int, found: Acquired, tries: int) -> None:
        if tries != self._tries or self.held != post_id:
            return  # the post changed meanwhile; its own try decides
        result, refused = found
        if result is None:  # e.g. submitted meanwhile: the rules no longer let this person edit
            self.held = None
            self.timer.stop()
            c = self.controller
            if c.autosave.dirty:  # words typed meanwhile are kept in the history
                self._refused_on_save(refused or "", c.collect()[0])
            else:
                self._refused(refused or "")
        elif not result.held:  # someone else has it now, for longer
            self._lost(post_id, result.lease.who if result.lease else "Someone", result.lease)

    def _lost_on_save(self, exc: LeaseLostError) -> None:
        if self.held == exc.post_id or self.held is None:
            self._lost(exc.post_id, exc.holder, None, kept=True)

    def _lost(self, post_id: int, who: str, lease: LeaseInfo | None, kept: bool = False) -> None:
        """Someone took the post: keep what was typed since the last save, stop saving, and
        show the post as they keep it."""
        c = self.controller
        self.held = None
        if not kept and c.autosave.dirty and c.current is not None and c.current.id == post_id:
            fields = c.collect()[0]
            c.autosave.cancel()
            self._submit(lambda s, st: keep_job(s, st, post_id, fields, who))
            kept = True
        when = f" at {lease.taken_at.astimezone():%H:%M}" if lease is not None else ""
        self._notes[post_id] = f"{who} took over this post{when}. " + (
            "Your unsaved text is kept in its history (Revision history)." if kept else ""
        )
        self._lock(post_id, lease)
        c.reload_current()

    # -- taking over ------------------------------------------------------------------------
    def take_over(self) -> None:
        current = self.controller.current
        if current is None or not self._enabled:
            return
        self.banner.button.setEnabled(False)
        self._notes.pop(current.id, None)
        self._acquire(current.id, take_over=True)

    # -- what the window shows --------------------------------------------------------------
    def _lock(self, post_id: int, lease: LeaseInfo | None) -> None:
        c, w = self.controller, self.window
        c.lease_locked = True
        c.autosave.cancel()
        w.form.set_read_only(True)
        w.body.setReadOnly(True)
        note = self._notes.get(post_id)
        text = note or (lease.describe() if lease is not None else "Someone else is editing")
        self.banner.show_message(text.strip().rstrip(".") + ". Read-only until you take it over.")
        self.lease_changed.emit(False)

    def _refused_on_save(self, why: str, fields: dict[str, Any]) -> None:
        """A save the rules refused (the post was submitted or moved meanwhile): keep the
        text as a revision, then show the post read-only."""
        current = self.controller.current
        if current is None:
            return
        post_id, label = current.id, "Unsaved text the newsroom's rules refused"
        self._submit(lambda s, st: keep_job(s, st, post_id, fields, "", label))
        self._refused(f"{why} Your unsaved text is kept in its history.")

    def _refused(self, why: str) -> None:
        """The newsroom's rules do not let this person change the post: read-only, saying
        why; nothing to take over."""
        c, w = self.controller, self.window
        c.lease_locked = True
        c.autosave.cancel()
        w.form.set_read_only(True)
        w.body.setReadOnly(True)
        self.banner.show_message(f"{why} Read-only here.", can_take_over=False)
        self.lease_changed.emit(False)

    def _unlock(self) -> None:
        c, w = self.controller, self.window
        self.banner.hide()
        if not c.lease_locked:
            return
        c.lease_locked = False
        w.form.set_read_only(c.read_only)
        w.body.setReadOnly(c.read_only)
        self.lease_changed.emit(True)

    def close(self) -> None:
        """The window closes: give the lease back (after the last save is written)."""
        self.timer.stop()
        if self.held is not None and self._enabled:
            post_id, self.held = self.held, None
            self._submit(lambda s, st: release_job(s, st, post_id, self.token))
            self.window.executor.wait_idle()

    def _submit(self, job: Any, done: Any = None) -> None:
        store, state = self.controller.store, self.controller._state
        if store is None:
            return
        self.window.executor.submit(
            lambda: job(store, state), done or (lambda _r: None), self._failed
        )

    def _failed(self, exc: BaseException) -> None:
        self.window.statusBar().showMessage(f"Edit lease: {exc}", 10000)


# -- run on the database worker --------------------------------------------------------------
Acquired = tuple["LeaseResult | None", "str | None"]  # (the lease, or why it is not editable)


def acquire_job(
    store: Store, state: EditState, post_id: int, token: str, take_over: bool
) -> Acquired:
    from editor.services import leases, newsroom, posts

    state.lease_token = token  # from now on every save checks this window holds the post
    with store.session() as s:
        refused = newsroom.may_edit(s, posts.get_post(s, post_id))
        if refused:
            return None, refused
        result = leases.acquire(s, post_id, token, take_over=take_over)
    if result.held:
        state.leased.add(post_id)
    return result, None


def renew_job(store: Store, post_id: int, token: str) -> LeaseResult:
    from editor.services import leases

    with store.session() as s:
        return leases.renew(s, post_id, token)


def release_job(store: Store, state: EditState, post_id: int, token: str) -> None:
    from editor.services import leases

    state.leased.discard(post_id)
    with store.session() as s:
        leases.release(s, post_id, token)


def keep_job(
    store: Store, state: EditState, post_id: int, fields: dict[str, Any], who: str, label: str = ""
) -> int:
    from editor.model import PostContent
    from editor.services import leases

    state.leased.discard(post_id)
    with store.session() as s:
        return leases.keep_unsaved(s, post_id, PostContent(**fields), who, label=label)
