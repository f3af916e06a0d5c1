"""File ▸ Send for review… and File ▸ Open review package… (also a ``.bylinereview`` dropped
on the post list): the window's side of review packages. The work runs on the database worker
(:mod:`editor.services.handoff_send`, :mod:`editor.services.handoff_open`); the status bar says
what happened, and when the merge left conflicts a message says so and the Review panel opens
at its Suggestions tab, where the person accepts (their words) or rejects (ours) each one.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from editor.ui.window.actions import Act

if TYPE_CHECKING:
    from editor.ui.window.main_window import MainWindow

SUFFIX = ".bylinereview"
FILTER = "Review packages (*.bylinereview);;All files (*)"


class PackageDialogs:
    """The file dialogs and messages (tests may replace them; journeys use them as they are)."""

    @classmethod
    def ask_save(cls, parent: QWidget | None, suggested: Path) -> Path | None:
        dialog = QFileDialog(parent, "Send for review", str(suggested.parent), FILTER)
        dialog.setObjectName("send_review_dialog")
        dialog.setAccessibleName("Send for review: choose where to save the package")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix(SUFFIX.lstrip("."))
        dialog.selectFile(suggested.name)
        if not dialog.exec() or not dialog.selectedFiles():
            return None
        return Path(dialog.selectedFiles()[0])

    @classmethod
    def ask_open(cls, parent: QWidget | None, folder: Path) -> Path | None:
        dialog = QFileDialog(parent, "Open review package", str(folder), FILTER)
        dialog.setObjectName("open_review_dialog")
        dialog.setAccessibleName("Open review package: choose the file")
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        if not dialog.exec() or not dialog.selectedFiles():
            return None
        return Path(dialog.selectedFiles()[0])

    @classmethod
    def tell(cls, parent: QWidget | None, title: str, text: str, detail: str, *,
             warning: bool = False, name: str = "review_package_message") -> None:  # fmt: skip
        box = QMessageBox(parent, objectName=name)
        box.setIcon(QMessageBox.Icon.Warning if warning else QMessageBox.Icon.Information)
        box.setWindowTitle(title)
        box.setText(text)
        box.setInformativeText(detail)
        box.setAccessibleName(title)
        box.exec()


class HandoffUi(QObject):
    sent = Signal(object)  # SendResult
    opened = Signal(object)  # OpenResult
    failed = Signal(str)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.folder = Path.home()
        window.actions_.connect(Act.SEND_FOR_REVIEW, self.ask_and_send)
        window.actions_.connect(Act.OPEN_REVIEW_PACKAGE, self.ask_and_open)

    # -- sending ------------------------------------------------------------------------------
    def ask_and_send(self) -> None:
        c = self.window.controller
        if c.store is None or c.current is None or c.read_only:
            return
        slug = c.current.fields.get("slug") or f"post-{c.current.id}"
        target = PackageDialogs.ask_save(self.window, self.folder / f"{slug}{SUFFIX}")
        if target is not None:
            self.send(target)

    def send(self, target: Path) -> None:
        c = self.window.controller
        if c.store is None or c.current is None:
            return
        self.folder = target.parent
        store, post_id = c.store, c.current.id
        c.flush()
        self.window.statusBar().showMessage(f"Writing {target.name}…")
        self.window.executor.submit(lambda: send_job(store, post_id, target), self._sent,
                                    lambda exc: self._failed(exc, "not sent"))  # fmt: skip

    def _sent(self, result: Any) -> None:
        self.window.statusBar().showMessage(result.summary(), 15000)
        self.window.controller.load_revisions()
        self.sent.emit(result)

    # -- opening ------------------------------------------------------------------------------
    def ask_and_open(self) -> None:
        path = PackageDialogs.ask_open(self.window, self.folder)
        if path is not None:
            self.open_file(path)

    def open_file(self, path: Path) -> None:
        c = self.window.controller
        if c.store is None:
            return
        if c.read_only:
            self.window.statusBar().showMessage(
                "This database is read-only: the review package cannot be opened.", 8000
            )
            return
        self.folder = path.parent
        self.window.statusBar().showMessage(f"Opening {path.name}…")
        c.change_outside(lambda store: open_job(store, path), self._opened,
                         lambda exc: self._failed(exc, "not opened"))  # fmt: skip

    def _opened(self, result: Any) -> None:
        self.window.statusBar().showMessage(result.summary(), 20000)
        self.opened.emit(result)
        if result.conflicts:
            suggest = getattr(self.window, "suggest", None)
            if suggest is not None:
                suggest.show_list()
            PackageDialogs.tell(
                self.window, "Conflicts to resolve",
                f"{result.sender} and you changed the same words: {result.conflicts} "
                "conflict(s) to resolve.",
                "Each is a suggestion with their words: accept it to take their words, reject "
                "it to keep yours (Review ▸ Accept/Reject Suggestion, or the Suggestions tab). "
                "Both versions are kept in the revision history.\n\n" + result.summary(),
            )  # fmt: skip

    def _failed(self, exc: BaseException, what: str) -> None:
        from editor.errors import BylineError

        message = str(exc) if isinstance(exc, BylineError) else f"Unexpected error: {exc!r}"
        self.window.statusBar().showMessage(f"Review package {what}.", 10000)
        self.failed.emit(message)
        PackageDialogs.tell(self.window, f"Review package {what}",
                            f"The review package was {what}; nothing was changed.", message,
                            warning=True, name="review_package_failed")  # fmt: skip


def is_package(path: Path) -> bool:
    return path.suffix.lower() == SUFFIX


def send_job(store: Any, post_id: int, target: Path) -> Any:
    from editor.services.handoff_send import send_post

    with store.session() as session:
        return send_post(session, post_id, target)


def open_job(store: Any, path: Path) -> tuple[int, Any]:
    """Check the whole package first, then merge it in one transaction."""
    from editor.formats.review_package import read_package
    from editor.services.handoff_open import open_package

    package = read_package(path)
    with store.session() as session:
        result = open_package(session, package)
    return result.post_id, result
