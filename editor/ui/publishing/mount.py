"""Publishing in the main window: File > Publish…, Export…, Open from Blog…, Publishing
Targets…, and View > Outbox, mounted like :class:`editor.ui.window.panels.Panels`.

Network and image work run on this class's own worker thread (never the database worker the
editor saves through, so typing and saving never wait on a slow site); results come back to the
GUI thread by signal. The outbox is sent once the store is open and then every minute; the
outbox itself decides what is due (its backoff), so a tick with nothing due costs one query.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QDockWidget, QLabel, QWidget

from editor.ui.publishing.follow import StatusFollower
from editor.ui.window.actions import Act
from editor.ui.window.db_worker import DbExecutor
from editor.ui.window.docks import bind_panel

if TYPE_CHECKING:
    from editor.publish.secrets import SecretStore
    from editor.ui.publishing.export_dialog import Exporter
    from editor.ui.publishing.gui_secrets import GuiSecrets
    from editor.ui.publishing.outbox_panel import OutboxPanel
    from editor.ui.publishing.publish_window_dialog import WindowPublishDialog
    from editor.ui.window.jobs import Opened
    from editor.ui.window.main_window import MainWindow

log = logging.getLogger(__name__)

OUTBOX_INTERVAL_MS = 60_000
FINISH_GRACE = 3.0  # seconds a closing window lets a running push finish before stopping it
PhotosFor = Callable[[int], list[Any]]


class PublishingUi(QObject):
    outbox_refreshed = Signal(int)  # items waiting
    outbox_processed = Signal(object)  # list[OutboxRow] the run touched
    pulled = Signal(object)  # PullResult
    pull_failed = Signal(str)

    def __init__(self, window: MainWindow, *, worker: Any = None) -> None:
        super().__init__(window)
        self.window = window
        self.store: Any = None
        self.worker = worker or DbExecutor(self)
        self._passwords: GuiSecrets | None = None
        self.photos_for: PhotosFor | None = None  # stored photos -> uploads (see the report)
        self.outbox: OutboxPanel | None = None
        self.exporter: Exporter | None = None
        self.publish_dialog: WindowPublishDialog | None = None
        self._dialogs: list[WindowPublishDialog] = []  # every one alive, pushing ones included
        self._sending = False
        self._send_future: Any = None
        self._send_cancel: Any = None
        self._closed = False
        self._outbox_sized = False
        self.queued_label = QLabel(objectName="outbox_state")
        self.queued_label.setStyleSheet("font-weight: bold;")
        window.statusBar().addPermanentWidget(self.queued_label)
        self.outbox_dock = self._outbox_dock()
        self.follower = StatusFollower(window)
        self.timer = QTimer(self, interval=OUTBOX_INTERVAL_MS)
        self.timer.timeout.connect(self.send_outbox)
        a = window.actions_
        a.connect(Act.PUBLISH, self.publish)
        a.connect(Act.EXPORT, self.export)
        a.connect(Act.OPEN_FROM_BLOG, self.open_from_blog)
        a.connect(Act.TARGETS, self.edit_targets)
        self._order_file_menu()
        window.controller.store_opened.connect(self._store_opened)
        window.installEventFilter(self)

    @property
    def passwords(self) -> GuiSecrets:
        """Made at first use: the keyring and the publishing stack it brings in (~60 ms of
        imports) are not needed to open the window."""
        if self._passwords is None:
            from editor.ui.publishing.gui_secrets import GuiSecrets

            status = self.window.statusBar()
            self._passwords = GuiSecrets(
                self.window, notify=lambda why: status.showMessage(f"Passwords: {why}", 10000)
            )
        return self._passwords

    @property
    def secrets(self) -> SecretStore:
        return self.passwords.store

    # -- mounting ---------------------------------------------------------------------------
    def _outbox_dock(self) -> QDockWidget:
        dock = QDockWidget("Outbox", self.window, objectName="outbox_dock")
        dock.setWidget(QLabel("Opening the database…"))
        # Below the editor: the queue is a wide table (post, target, state, next try, error).
        self.window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
        dock.hide()
        bind_panel(self.window, Act.OUTBOX, dock)
        self.window.settling.settle_when_shown(dock)
        self.window.actions_[Act.OUTBOX].toggled.connect(self._size_outbox_once)
        return dock

    def _size_outbox_once(self, shown: bool) -> None:
        """A few rows high the first time (the saved window state keeps the writer's size)."""
        if shown and not self._outbox_sized:
            self._outbox_sized = True
            self.window.resizeDocks([self.outbox_dock], [200], Qt.Orientation.Vertical)

    def _order_file_menu(self) -> None:
        """The registry appends new actions last; in the File menu they belong before Quit."""
        from PySide6.QtWidgets import QMenu

        a = self.window.actions_
        quit_ = a[Act.QUIT]
        menus = [m for m in quit_.associatedObjects() if isinstance(m, QMenu)]
        if not menus:
            return
        menu = menus[0]
        for act in (Act.PUBLISH, Act.EXPORT, Act.OPEN_FROM_BLOG, Act.TARGETS):
            menu.removeAction(a[act])
            menu.insertAction(quit_, a[act])
        menu.insertSeparator(quit_)

    def _store_opened(self, opened: Opened) -> None:
        self.store = opened.store
        self.window.settling.when_settled(self._fill)  # the outbox waits for the post

    def _fill(self) -> None:
        from editor.ui.publishing.export_dialog import Exporter
        from editor.ui.publishing.outbox_panel import OutboxPanel

        if self.store is None or self._closed:
            return
        self.exporter = Exporter(self.window, self.store)
        self.outbox = OutboxPanel(self.store)
        self.outbox.retry_requested.connect(lambda: self.send_outbox(interactive=True))
        self.outbox.cancel_button.clicked.connect(self._outbox_changed)
        self.outbox_dock.setWidget(self.outbox)
        self._outbox_changed()
        if not self.store.read_only:
            self.send_outbox()
            self.timer.start()

    # -- outbox -----------------------------------------------------------------------------
    def send_outbox(self, *, interactive: bool = False) -> None:
        """Send what is due, on the worker; one run at a time. Passwords are made ready here
        first (a prompt, if any, on the GUI thread); while one is missing the queue waits."""
        if self.store is None or self._sending or self._closed or self.store.read_only:
            return
        from editor.services.outbox import process_outbox

        missing = self.passwords.ready(_due_targets(self.store), interactive=interactive)
        if missing:
            self.window.statusBar().showMessage(
                f"Outbox waits for the password of {', '.join(missing)}: "
                "View ▸ Outbox ▸ Retry now to give it",
                15000,
            )
            self._outbox_changed()
            self.outbox_processed.emit([])
            return
        from editor.publish.cancel import Cancel

        self._sending = True
        store, secrets, photos_for = self.store, self.secrets, self.photos_for
        self._send_cancel = cancel = Cancel()

        def run() -> list[Any]:
            return process_outbox(store, secrets=secrets, photos_for=photos_for, cancel=cancel)

        self._send_future = self.worker.submit(run, self._outbox_sent, self._outbox_failed)

    def _outbox_sent(self, rows: list[Any]) -> None:
        self._sending = False
        sent = [r for r in rows if r.state == "done"]
        if sent:
            self.window.statusBar().showMessage(f"Outbox: {len(sent)} post(s) sent", 8000)
            self.follower.follow({r.post_id for r in sent})
        self._outbox_changed()
        self.outbox_processed.emit(rows)

    def _outbox_failed(self, exc: BaseException) -> None:
        self._sending = False
        log.warning("outbox run failed: %s", exc)
        self.window.statusBar().showMessage(f"Outbox: {exc}", 10000)
        self._outbox_changed()
        self.outbox_processed.emit([])

    def _outbox_changed(self) -> None:
        if self.outbox is None:
            return
        self.outbox.refresh()
        waiting = self.outbox.table.rowCount()
        self.queued_label.setText(f"{waiting} queued" if waiting else "")
        self.queued_label.setToolTip("Pushes waiting in the outbox (View ▸ Outbox)")
        self.outbox_refreshed.emit(waiting)

    # -- publish ----------------------------------------------------------------------------
    def publish(self) -> None:
        """Save what is typed, then (once the save is in the database) open the dialog."""
        c = self.window.controller
        if self.store is None or c.current is None:
            return
        post_id, blog_id = c.current.id, c.current.blog_id
        c.flush()
        store = self.store
        self.window.executor.submit(  # after the flushed save, on the same worker
            lambda: _default_target(store, blog_id),
            lambda default: self._open_publish(post_id, default),
        )

    def _open_publish(self, post_id: int, default: str | None) -> None:
        from editor.ui.publishing.publish_window_dialog import WindowPublishDialog

        if self.publish_dialog is not None:
            self.publish_dialog.close()
        dialog = WindowPublishDialog(
            self.store,
            post_id,
            self.secrets,
            photos_for=self.photos_for,
            default_target=default,
            targets_worker=self.worker,
            parent=self.window,
        )
        dialog.push_finished.connect(self._push_finished)
        dialog.destroyed.connect(lambda _o=None: self._forget_dialog(dialog))
        self.publish_dialog = dialog
        self._dialogs.append(dialog)
        dialog.show()  # not modal: the writer can keep working while it sends

    def _push_finished(self, outcome: object) -> None:
        from editor.services.publish_result import PushResult

        self._outbox_changed()
        if isinstance(outcome, PushResult) and outcome.followed is not None:
            if outcome.followed.problem:
                self.window.statusBar().showMessage(outcome.followed.problem, 15000)
            if outcome.followed.moved:
                self.follower.follow({outcome.post_id})

    def _forget_dialog(self, dialog: QWidget) -> None:
        self._dialogs = [d for d in self._dialogs if d is not dialog]
        if self.publish_dialog is dialog:
            self.publish_dialog = None

    # -- export, targets, pull ---------------------------------------------------------------
    def export(self) -> None:
        c = self.window.controller
        self.window.settling.settle()  # asked for before start-up was over: fill now
        if self.exporter is None or c.current is None:
            return
        post_id = c.current.id
        suggested = c.current.fields.get("slug") or f"post-{post_id}"
        c.flush()
        exporter = self.exporter
        self.window.executor.submit(  # after the flushed save
            lambda: None, lambda _v: exporter.ask_and_start(post_id, suggested)
        )

    def edit_targets(self) -> None:
        if self.store is None:
            return
        from editor.ui.publishing.targets_dialog import TargetsDialog

        dialog = TargetsDialog(self.store, self.secrets, self.worker, self.window)
        dialog.exec()

    def open_from_blog(self) -> None:
        if self.store is None:
            return
        from editor.services import targets
        from editor.ui.publishing.publish_window_dialog import TargetChoice

        c = self.window.controller
        with self.store.session() as s:
            names = [t.name for t in targets.list_targets(s)]
        if not names:
            self.window.statusBar().showMessage(
                "No publishing target yet: File ▸ Publishing Targets…", 10000
            )
            return
        default = _default_target(self.store, c.current.blog_id) if c.current else None
        name = TargetChoice.ask(self.window, names, default)
        if name is None:
            return
        try:
            self.secrets.get(name, _user_of(self.store, name))  # asks here, on the GUI thread
        except Exception as exc:  # an InputError: no password given
            self.window.statusBar().showMessage(str(exc), 10000)
            return
        from editor.services.pull import pull_posts

        store, secrets = self.store, self.secrets
        self.window.statusBar().showMessage(f"Bringing recent posts in from {name}…")
        self.worker.submit(
            lambda: pull_posts(store, name, secrets=secrets), self._pulled, self._pull_failed
        )

    def _pulled(self, result: Any) -> None:
        self.window.statusBar().showMessage(
            f"{len(result.created)} new draft(s) from the blog; "
            f"{len(result.already_linked)} already here",
            10000,
        )
        self.window.refresh_list()
        self.pulled.emit(result)

    def _pull_failed(self, exc: BaseException) -> None:
        self.window.statusBar().showMessage(f"Open from Blog: {exc}", 15000)
        self.pull_failed.emit(str(exc))

    # -- leaving ----------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Close:
            self.close()
        return super().eventFilter(watched, event)

    def close(self) -> None:
        """Stop the timer; a running push or outbox run gets :data:`FINISH_GRACE` seconds to
        finish, then stops at a safe point and stays queued in the outbox (due at the next
        start). Every publishing thread has ended, and recorded its outcome, before the store
        closes."""
        if self._closed:
            return
        self._closed = True
        self.timer.stop()
        if self.exporter is not None:
            self.exporter.close()
        dialogs, sending = list(self._dialogs), self._sending
        if sending or any(d.pushing() for d in dialogs):
            self.window.statusBar().showMessage("Finishing the publish…")
            self.window.statusBar().repaint()
        for dialog in dialogs:  # one at a time; rarely is more than one pushing
            dialog.stop_push(FINISH_GRACE)
        if sending and self._send_future is not None:
            try:
                self._send_future.exception(timeout=FINISH_GRACE)
            except TimeoutError:
                self._send_cancel.cancel()
        self.worker.shutdown()


def _default_target(store: Any, blog_id: int) -> str | None:
    from editor.errors import BylineError
    from editor.services import targets
    from editor.services.blogs import find_blog

    with store.session() as s:
        try:
            return targets.default_target_name(s, blog_id, find_blog(s, blog_id).name)
        except BylineError:
            return None


def _due_targets(store: Any) -> list[tuple[str, str]]:
    """(target, user) of every queued item that is due now."""
    from editor.model import utcnow
    from editor.services import outbox, targets

    now = utcnow()
    with store.session() as s:
        names = sorted(
            {r.target for r in outbox.list_outbox(s) if r.state == "queued"
             and r.next_attempt_at <= now}
        )  # fmt: skip
        return [(n, targets.get_target(s, n).username) for n in names]


def _user_of(store: Any, name: str) -> str:
    from editor.services import targets

    with store.session() as s:
        return targets.get_target(s, name).username
