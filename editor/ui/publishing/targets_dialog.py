"""File > Publishing Targets…: add (the API is discovered from the site), test the login,
remove, and make a target a blog's default. The password goes to the OS keychain through
:class:`SecretStore` (in memory for this session when there is none), never to the database.
Adding and testing talk to the site, so they run on the worker; the dialog stays responsive."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from editor.publish.secrets import SecretStore
from editor.store.database import Store

KINDS = (("wordpress", "WordPress (REST API)"), ("metaweblog", "MetaWeblog XML-RPC"))


class TargetsDialog(QDialog):
    targets_changed = Signal()
    job_finished = Signal(bool, str)  # ok, what the status line says

    def __init__(
        self, store: Store, secrets: SecretStore, worker: Any, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Publishing Targets")
        self._store, self._secrets, self._worker = store, secrets, worker
        self.list = QListWidget(objectName="targets_list")
        self.test_button = QPushButton("&Test login")
        self.remove_button = QPushButton("&Remove")
        self.list.setAccessibleName("Publishing targets")
        self.blog = QComboBox()
        self.blog.setAccessibleName("Blog to make it the default of")
        self.default_button = QPushButton("Make &default for blog")
        self.name = QLineEdit(placeholderText="e.g. newsroom-site")
        self.kind = QComboBox()
        for value, label in KINDS:
            self.kind.addItem(label, value)
        self.url = QLineEdit(placeholderText="https://blog.example.org/")
        self.user = QLineEdit()
        self.password = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText("an Application Password for WordPress")
        self.api_url = QLineEdit(placeholderText="optional: found from the site when empty")
        self.allow_http = QCheckBox(
            "Allow plain http to another machine (the password travels unencrypted)"
        )
        self.add_button = QPushButton("&Add target")
        self.status = QLabel("", objectName="targets_status", wordWrap=True)
        self._build()
        self.list.currentRowChanged.connect(lambda _r: self._selection_changed())
        self.test_button.clicked.connect(self.test_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        self.default_button.clicked.connect(self.make_default)
        self.add_button.clicked.connect(self.add)
        self.refresh()

    def _build(self) -> None:
        row = QHBoxLayout()
        for w in (self.test_button, self.remove_button):
            row.addWidget(w)
        row.addStretch(1)
        row.addWidget(self.blog)
        row.addWidget(self.default_button)
        form = QFormLayout()
        form.addRow("&Name:", self.name)
        form.addRow("&Kind:", self.kind)
        form.addRow("Site &URL:", self.url)
        form.addRow("U&ser:", self.user)
        form.addRow("&Password:", self.password)
        form.addRow("API URL:", self.api_url)
        form.addRow("", self.allow_http)
        form.addRow("", self.add_button)
        group = QGroupBox("New target")
        group.setLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addLayout(row)
        layout.addWidget(group)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.resize(620, 520)

    def refresh(self, select: str | None = None) -> None:
        from editor.services import targets
        from editor.services.blogs import list_blogs

        with self._store.session() as s:
            blogs = [(b.id, b.name) for b in list_blogs(s)]
            rows = [(t.name, t.kind, t.username, t.site_url) for t in targets.list_targets(s)]
            defaults = {b.default_target: b.name for b in list_blogs(s) if b.default_target}
        current = select or self.selected()
        self.list.clear()
        for name, kind, user, site in rows:
            text = f"{name} — {kind}, {user} at {site}"
            if name in defaults:
                text += f"  (default for {defaults[name]})"
            item = QListWidgetItem(text)
            item.setData(256, name)
            self.list.addItem(item)
            if name == current:
                self.list.setCurrentItem(item)
        self.blog.clear()
        for blog_id, name in blogs:
            self.blog.addItem(name, blog_id)
        self._selection_changed()

    def names(self) -> list[str]:
        return [self.list.item(i).data(256) for i in range(self.list.count())]

    def selected(self) -> str | None:
        item = self.list.currentItem()
        return item.data(256) if item is not None else None

    def _selection_changed(self) -> None:
        chosen = self.selected() is not None
        for w in (self.test_button, self.remove_button, self.default_button):
            w.setEnabled(chosen)

    def _say(self, text: str, ok: bool = True) -> None:
        self.status.setText(text)
        self.status.setStyleSheet("" if ok else "color: #b00020;")

    # -- actions ----------------------------------------------------------------------------
    def add(self) -> None:
        name, kind = self.name.text().strip(), str(self.kind.currentData())
        url, user = self.url.text().strip(), self.user.text().strip()
        password, api_url = self.password.text(), self.api_url.text().strip()
        allow_http = self.allow_http.isChecked()
        if not password:
            self._say("Password: give the password (or Application Password) for this user.", False)
            return
        store, secrets = self._store, self._secrets

        def job() -> str:
            from editor.services import targets

            with store.session() as s:
                target = targets.add_target(s, name=name, kind=kind, site_url=url, username=user,
                                            allow_http=allow_http, api_url=api_url)  # fmt: skip
                found = target.api_url
            kept = secrets.set(name, password)
            where = "in the keychain" if kept else "in memory for this session (no keychain)"
            return f"Added {name}: API at {found}; password kept {where}."

        def done(message: str) -> None:
            self.password.clear()
            for w in (self.name, self.url, self.user, self.api_url):
                w.clear()
            self.refresh(select=name)
            self.targets_changed.emit()
            self._finish(True, message)

        self._run("Looking for the site's API…", job, done)

    def test_selected(self) -> None:
        name = self.selected()
        if name is None:
            return
        from editor.services import targets

        with self._store.session() as s:
            target = targets.get_target(s, name)
            s.expunge(target)
        try:
            self._secrets.get(name, target.username)  # a prompt, if any, on the GUI thread
        except Exception as exc:  # InputError: no password
            self._say(str(exc), False)
            return
        secrets = self._secrets
        self._run(
            f"Logging in to {name}…",
            lambda: f"{name}: logged in as {targets.test_target(target, secrets)}.",
            lambda message: self._finish(True, message),
        )

    def remove_selected(self) -> None:
        name = self.selected()
        if name is None:
            return
        from editor.services import targets

        with self._store.session() as s:
            targets.remove_target(s, name, self._secrets)
        self.refresh()
        self.targets_changed.emit()
        self._finish(True, f"Removed {name} and its stored password.")

    def make_default(self) -> None:
        name, blog_id = self.selected(), self.blog.currentData()
        if name is None or blog_id is None:
            return
        from editor.services import targets

        with self._store.session() as s:
            targets.set_default(s, name, int(blog_id))
        self.refresh(select=name)
        self.targets_changed.emit()
        self._finish(True, f"{name} is now the default target of {self.blog.currentText()}.")

    def _run(self, what: str, job: Any, done: Any) -> None:
        self._say(what)
        self.setEnabled(False)
        self._worker.submit(job, lambda v: (self.setEnabled(True), done(v)), self._failed)

    def _failed(self, exc: BaseException) -> None:
        from editor.errors import BylineError

        self.setEnabled(True)
        text = str(exc) if isinstance(exc, BylineError) else f"Unexpected error: {exc!r}"
        self._finish(False, text)

    def _finish(self, ok: bool, message: str) -> None:
        self._say(message, ok)
        self.job_finished.emit(ok, message)
