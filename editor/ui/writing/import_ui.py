"""File ▸ Import… and files dropped on the post list: Markdown files with front matter and
export bundles (folders or .zip files), several at once, through the same import service as
``byline import``. The files are read and stored on the database worker in one transaction, so
a bad file imports nothing and is named in the message; the last imported post opens.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from editor.ui.window.actions import Act

if TYPE_CHECKING:
    from editor.store.database import Store
    from editor.ui.window.main_window import MainWindow

BUNDLE_MEMBERS = ("post.json", "post.md", "index.html")


class ImportFilesDialog:
    @classmethod
    def ask(cls, parent: QWidget | None) -> list[Path] | None:
        """The files to import (tests replace this). A bundle folder is picked by any of its
        files (post.json, post.md or index.html)."""
        paths, _chosen = QFileDialog.getOpenFileNames(
            parent,
            "Import posts",
            str(Path.home()),
            "Posts and bundles (*.md *.markdown *.txt *.zip post.json);;All files (*)",
        )
        return [Path(p) for p in paths] or None

    @classmethod
    def failed(cls, parent: QWidget | None, message: str) -> None:
        """Say what could not be imported (tests replace this)."""
        box = QMessageBox(parent, objectName="import_failed_dialog")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle("Nothing imported")
        box.setText("Nothing was imported.")
        box.setInformativeText(message)
        box.exec()


class ImportUi(QObject):
    imported = Signal(list)  # new post ids
    import_failed = Signal(str)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        window.actions_.connect(Act.IMPORT, self.ask_and_import)
        window.post_list.tree.files_dropped.connect(self.import_files)

    def ask_and_import(self) -> None:
        paths = ImportFilesDialog.ask(self.window)
        if paths:
            self.import_files(paths)

    def import_files(self, paths: list[Path]) -> None:
        c = self.window.controller
        if c.store is None:
            return
        if c.read_only:
            self.window.statusBar().showMessage(
                "This database is read-only: nothing can be imported.", 8000
            )
            return
        from editor.ui.review.handoff import is_package

        handoff = getattr(self.window, "handoff", None)
        if handoff is not None and any(is_package(p) for p in paths):
            for package in (p for p in paths if is_package(p)):  # review packages merge
                handoff.open_file(package)
            paths = [p for p in paths if not is_package(p)]
            if not paths:
                return
        store, paths = c.store, _bundle_roots(paths)
        names = ", ".join(p.name for p in paths)
        self.window.statusBar().showMessage(f"Importing {names}…")
        c.flush()
        self.window.executor.submit(lambda: import_job(store, paths), self._done, self._failed)

    def _done(self, ids: list[int]) -> None:
        n = len(ids)
        self.window.statusBar().showMessage(f"Imported {n} post{'s' if n != 1 else ''}.", 8000)
        if self.window.post_list.in_trash():
            self.window.post_list.show_trash(False)  # refreshes the list
        else:
            self.window.refresh_list()
        if ids:
            self.window.controller.choose(ids[-1])
        self.imported.emit(ids)

    def _failed(self, exc: BaseException) -> None:
        from editor.errors import BylineError
        from editor.services.importing import UnreadableFilesError

        if isinstance(exc, UnreadableFilesError):
            message = "\n".join(exc.problems)
        elif isinstance(exc, BylineError):
            message = str(exc)
        else:
            message = f"Unexpected error: {exc!r}"
        self.window.statusBar().showMessage("Nothing was imported.", 10000)
        self.import_failed.emit(message)
        ImportFilesDialog.failed(self.window, message)


def _bundle_roots(paths: list[Path]) -> list[Path]:
    """A file picked inside an export bundle folder stands for the folder (photos included)."""
    out: list[Path] = []
    for path in paths:
        if path.name in BUNDLE_MEMBERS and (path.parent / "post.json").is_file():
            path = path.parent
        if path not in out:
            out.append(path)
    return out


def import_job(store: Store, paths: list[Path]) -> list[int]:
    """Runs on the database worker: read everything, then store it all in one transaction."""
    from editor.services.importing import import_items, read_import_files

    items = read_import_files(paths)
    with store.session() as s:
        return [post.id for post in import_items(s, items)]
