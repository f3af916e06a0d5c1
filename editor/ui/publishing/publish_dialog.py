"""Publish dialog: pick a target and a status, see the checks, push with progress, get a link.

The push runs on a worker (an injectable executor, synchronous in tests); progress comes back
by signal. The password is asked on the GUI thread before the worker starts, so the worker never
needs a dialog. A conflict (the post was changed on the site) asks before overwriting.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from concurrent.futures import Executor, Future, ThreadPoolExecutor
from contextlib import suppress
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from editor.errors import BylineError
from editor.publish.base import PhotoUpload
from editor.publish.cancel import Cancel
from editor.publish.errors import PublishError, RemoteConflict
from editor.publish.secrets import SecretStore
from editor.services import outbox, targets
from editor.services.publish import PushResult, check_only, push_post
from editor.services.publish_checks import CheckReport
from editor.store.database import Store

PhotosFor = Callable[[int], list[PhotoUpload]]
NO_TARGET = "No publishing target yet: add one with “Add a target…”."


def gui_prompt(parent: QWidget | None) -> Callable[[str], str]:
    """A password prompt for ``SecretStore`` (GUI thread only)."""

    def ask(text: str) -> str:
        value, ok = QInputDialog.getText(parent, "Password", text, QLineEdit.EchoMode.Password)
        return value if ok else ""

    return ask


class _Relay(QObject):
    """Carries worker events to the GUI thread."""

    progressed = Signal(str)
    finished = Signal(object)  # PushResult or an exception


class PublishDialog(QDialog):
    published = Signal(str)  # the post's URL

    def __init__(
        self,
        store: Store,
        post_id: int,
        secrets: SecretStore,
        *,
        photos_for: PhotosFor | None = None,
        executor: Executor | None = None,
        targets_worker: Any = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Publish")
        self._store, self._post_id, self._secrets = store, post_id, secrets
        # None: push_post sends the post's own attached photos (rendered on the worker).
        self._photos_for = photos_for
        self._executor = executor or ThreadPoolExecutor(1, thread_name_prefix="byline-publish")
        self._future: Future[None] | None = None
        self._cancel = Cancel()
        self._outcome: object = None  # the running push's result or error, once it has one
        self._stopping = False
        self._pushed: tuple[str, str, bool] = ("", "", False)  # target, status, force
        self._relay = _Relay()
        self._relay.progressed.connect(self._on_progress)
        self._relay.finished.connect(self._on_finished)
        self._force = False
        self._targets_worker = targets_worker  # runs the Targets dialog's site look-ups

        self.target = QComboBox(objectName="publish_target")
        self.add_target_button = QPushButton("&Add a target…", objectName="add_target")
        self.add_target_button.setToolTip("Add a WordPress or MetaWeblog site to publish to")
        self.add_target_button.clicked.connect(self.add_target)
        self.status = QComboBox(objectName="publish_status")
        for value, label in (
            ("draft", "Draft"),
            ("publish", "Publish now"),
            ("future", "Schedule (post date)"),
        ):
            self.status.addItem(label, value)
        self.checks = QListWidget(objectName="publish_checks")
        self.checks.setAccessibleName("Checks")
        self.progress = QLabel("")
        self.progress.setWordWrap(True)
        self.result = QLabel("")
        self.result.setTextFormat(Qt.TextFormat.RichText)
        self.result.setOpenExternalLinks(True)
        self.publish_button = QPushButton("&Publish")
        self.publish_button.setDefault(True)
        self.publish_button.clicked.connect(self.start)

        form = QFormLayout()
        target_row = QHBoxLayout()
        target_row.addWidget(self.target, 1)
        target_row.addWidget(self.add_target_button)
        form.addRow("&Target:", target_row)
        form.labelForField(target_row).setBuddy(self.target)  # type: ignore[attr-defined]
        form.addRow("&Status:", self.status)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.publish_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self._close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel("Checks:"))
        layout.addWidget(self.checks)
        layout.addWidget(self.progress)
        layout.addWidget(self.result)
        layout.addWidget(buttons)
        self._load_targets()
        self.target.currentIndexChanged.connect(self.run_checks)
        self.status.currentIndexChanged.connect(self.run_checks)
        self.run_checks()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        # The button box orders its buttons' focus chain when shown (Close before Publish), and
        # Tab then went from the checks to Publish and on past Close: put Close after Publish.
        QWidget.setTabOrder(self.publish_button, self._close_button)

    def _load_targets(self, select: str | None = None) -> None:
        with self._store.session() as s:
            rows = [(t.name, t.kind, t.username) for t in targets.list_targets(s)]
        self.target.blockSignals(True)
        self.target.clear()
        for name, kind, user in rows:
            self.target.addItem(f"{name} ({kind})", (name, user))
            if name == select:
                self.target.setCurrentIndex(self.target.count() - 1)
        self.target.blockSignals(False)
        if not rows:
            self.progress.setText(NO_TARGET)
            self.publish_button.setEnabled(False)
        elif self.progress.text() == NO_TARGET:
            self.progress.setText("")

    def add_target(self) -> None:
        """Open the Publishing Targets dialog over this one; once a target is added, close it
        and go on publishing to the new target."""
        from editor.ui.publishing.targets_dialog import TargetsDialog
        from editor.ui.window.db_worker import DbExecutor

        worker = self._targets_worker or DbExecutor(self)
        dialog = TargetsDialog(self._store, self._secrets, worker, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        before = set(dialog.names())

        def finished(ok: bool, message: str) -> None:
            added = [n for n in dialog.names() if n not in before]
            self._load_targets(select=added[0] if added else self._choice()[0] or None)
            self.run_checks()
            if ok and added:
                self.progress.setText(message)
                dialog.accept()

        dialog.job_finished.connect(finished)
        dialog.targets_changed.connect(lambda: self._load_targets(select=self._choice()[0]))
        dialog.open()

    def _choice(self) -> tuple[str, str, str]:
        name, user = self.target.currentData() or ("", "")
        return name, user, str(self.status.currentData())

    def run_checks(self) -> bool:
        """The dry run (no network): list errors and warnings; Publish only when none block."""
        name, _, status = self._choice()
        self.checks.clear()
        photos = self._photos_for(self._post_id) if self._photos_for else None
        if not name:  # the post's own checks, while no target is chosen
            report = check_only(self._store, self._post_id, status=status, photos=photos)
            self._show_checks(report, "✔ Ready to publish once a target is added")
            self.publish_button.setEnabled(False)
            return False
        result = push_post(
            self._store,
            self._post_id,
            name,
            secrets=self._secrets,
            status=status,
            dry_run=True,
            photos=photos,
        )
        self._show_checks(result.checks, "✔ Ready to publish")
        self.publish_button.setEnabled(result.checks.ok)
        return result.checks.ok

    def _show_checks(self, report: CheckReport, ready: str) -> None:
        for e in report.errors:
            self.checks.addItem(f"✖ {e}")
        for w in report.warnings:
            self.checks.addItem(f"⚠ {w}")
        if report.ok and not report.warnings:
            self.checks.addItem(ready)

    def start(self) -> None:
        name, user, status = self._choice()
        if not self.run_checks():
            return
        try:
            self._secrets.get(name, user)  # asks here, on the GUI thread, if it must
        except BylineError as exc:
            self.progress.setText(str(exc))
            return
        self.publish_button.setEnabled(False)
        self.result.setText("")
        photos = self._photos_for(self._post_id) if self._photos_for else None
        force, self._force = self._force, False
        self._cancel, self._outcome, self._pushed = Cancel(), None, (name, status, force)
        self._future = self._executor.submit(self._work, name, status, force, photos)

    def _work(self, name: str, status: str, force: bool, photos: list[PhotoUpload] | None) -> None:
        outcome: Any
        try:
            outcome = push_post(
                self._store,
                self._post_id,
                name,
                secrets=self._secrets,
                status=status,
                force=force,
                photos=photos,
                progress=self._relay.progressed.emit,
                cancel=self._cancel,
            )
        except Exception as exc:  # handed to the GUI thread, shown there
            outcome = exc
        self._outcome = outcome
        self._relay.finished.emit(outcome)

    def pushing(self) -> bool:
        return self._future is not None and not self._future.done()

    def stop_push(self, grace: float, *, limit: float = 15.0) -> None:
        """The window is closing: let a running push finish for up to ``grace`` seconds, then
        stop it at a safe point (a call waiting on the network is woken). A push that did not
        finish is kept in the outbox, due at once, so the next start sends it. The worker
        thread has ended when this returns (``limit`` only guards against a hung worker)."""
        self._stopping = True
        future = self._future
        if future is not None and not future.done():
            try:
                future.result(timeout=grace)
            except TimeoutError:
                self._cancel.cancel()
                with suppress(TimeoutError):  # a hung worker: the push stays queued anyway
                    future.result(timeout=limit)
        if isinstance(self._executor, ThreadPoolExecutor):
            self._executor.shutdown(wait=future is None or future.done())
        if future is None:
            return
        outcome = self._outcome
        if outcome is None or (isinstance(outcome, PublishError) and outcome.retryable):
            name, status, force = self._pushed
            with self._store.session() as s:
                why = str(outcome or "the window closed during the push")
                item = outbox.enqueue(s, post_id=self._post_id, target_name=name, status=status,
                                      force=force, error=why)  # fmt: skip
                item.next_attempt_at = item.updated_at  # due at the next start

    def _on_progress(self, message: str) -> None:
        self.progress.setText(message)

    def _on_finished(self, outcome: object) -> None:
        if self._stopping:  # the window closed meanwhile: stop_push recorded it
            return
        self.publish_button.setEnabled(True)
        if isinstance(outcome, PushResult):
            url = html.escape(outcome.url)
            verb = outcome.link_verb
            self.result.setText(f'{verb} <a href="{url}">{url}</a>')
            self.progress.setText("")  # the link says it all
            self.published.emit(outcome.url)
            return
        if isinstance(outcome, RemoteConflict):
            if self.ask_overwrite(self, outcome.detail):
                self._force = True
                self.start()
            else:
                self.progress.setText("Not published: the site's version was kept.")
            return
        if isinstance(outcome, PublishError) and outcome.retryable:
            name, _, status = self._choice()
            with self._store.session() as s:
                item = outbox.enqueue(
                    s,
                    post_id=self._post_id,
                    target_name=name,
                    status=status,
                    force=False,
                    error=str(outcome),
                )
                when = item.next_attempt_at.astimezone().strftime("%H:%M")
            self.progress.setText(f"{outcome}\nQueued in the outbox; next try at {when}.")
            return
        self.progress.setText(
            str(outcome) if isinstance(outcome, BylineError) else f"Unexpected error: {outcome!r}"
        )

    @classmethod
    def ask_overwrite(cls, parent: QWidget | None, detail: str) -> bool:
        """Whether to overwrite an editor's change on the site (tests replace this)."""
        answer = QMessageBox.question(
            parent,
            "Changed on the site",
            f"{detail}\n\nOverwrite the site's version with yours?",
        )
        return answer == QMessageBox.StandardButton.Yes
