"""Deleting posts in the window: Edit ▸ Delete Post (the Delete key in the post list) moves the
post to the Trash at once, with no question asked, and offers Undo in the status bar (and to
Ctrl+Z in the list) for a while. The Trash is the post list's "Trash" filter (View ▸ Trash),
with Restore and Empty Trash…; only emptying asks first, because it is the one permanent step.

Database work goes through the window's one worker; the functions at the bottom run there.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QPushButton, QWidget

from editor.ui.window.actions import Act

if TYPE_CHECKING:
    from editor.services.trash import TrashedPost
    from editor.store.database import Store
    from editor.ui.window.main_window import MainWindow

UNDO_OFFER_MS = 15_000


class EmptyTrashDialog:
    @classmethod
    def ask(cls, parent: QWidget | None, count: int) -> bool:
        """Whether to delete ``count`` posts for good (tests replace this)."""
        box = QMessageBox(parent, objectName="empty_trash_dialog")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle("Empty Trash")
        box.setText(f"Delete the {count} post(s) in the Trash for good?")
        box.setInformativeText("Their revisions and photos are deleted too. This cannot be undone.")
        delete = box.addButton("Delete for Good", QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is delete


class UndoOffer(QWidget):
    """ "“Headline” moved to the Trash. [Undo]" in the status bar, for a while."""

    undo_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="undo_offer")
        self.label = QLabel(objectName="undo_offer_text")
        self.button = QPushButton("Undo", objectName="undo_delete")
        self.button.setAccessibleName("Undo delete")
        self.button.setToolTip("Bring the post back from the Trash (Ctrl+Z in the post list)")
        box = QHBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.label)
        box.addWidget(self.button)
        self.button.clicked.connect(self.undo_clicked)
        self.hide()


class TrashUi(QObject):
    """Mounted by the main window once its controller exists."""

    post_deleted = Signal(int)
    post_restored = Signal(int)
    trash_emptied = Signal(list)  # ids deleted for good

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.controller = window.controller
        self.post_list = window.post_list
        self._undo: TrashedPost | None = None
        self._viewing_trashed = False
        self._leaving: set[int] = set()  # being deleted; the next post has not opened yet
        self.offer = UndoOffer()
        window.statusBar().insertPermanentWidget(0, self.offer)  # messages never cover it
        self._offer_timer = QTimer(self, singleShot=True, interval=UNDO_OFFER_MS)
        self._offer_timer.timeout.connect(self._withdraw_offer)
        self.offer.undo_clicked.connect(self.undo_delete)
        self.post_list.tree.undo_requested.connect(self.undo_delete)
        self.bar = self._trash_bar()
        a = window.actions_
        a[Act.SHOW_TRASH].setCheckable(True)
        a.connect(Act.DELETE_POST, self.delete_current)
        a.connect(Act.RESTORE_POST, self.restore_current)
        a.connect(Act.EMPTY_TRASH, self.empty)
        a.connect(Act.SHOW_TRASH, lambda: self.post_list.show_trash(not self.post_list.in_trash()))
        a.connect(Act.NEW_POST, lambda: self.post_list.show_trash(False))  # a new post is live
        # The Delete key deletes a post only from the list, never a character from the text.
        delete = a[Act.DELETE_POST]
        delete.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        window.removeAction(delete)
        self.post_list.tree.addAction(delete)
        window.list_refreshed.connect(self._follow_view)
        self.controller.current_post_changed.connect(lambda _data: self._follow_view())
        self._follow_view()

    def _trash_bar(self) -> QWidget:
        bar = QWidget(objectName="trash_bar")
        self.restore_button = QPushButton("Restore", objectName="restore_post")
        self.restore_button.setToolTip("Take the selected post out of the Trash")
        self.empty_button = QPushButton("Empty Trash…", objectName="empty_trash")
        self.empty_button.setToolTip("Delete every post in the Trash for good")
        box = QHBoxLayout(bar)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.restore_button)
        box.addWidget(self.empty_button)
        box.addStretch(1)
        self.restore_button.clicked.connect(self.restore_current)
        self.empty_button.clicked.connect(self.empty)
        self.post_list.layout().addWidget(bar)
        bar.hide()
        return bar

    # -- what the window shows --------------------------------------------------------------
    def _follow_view(self) -> None:
        """Trash view: its bar shows, and a post opened from it is read-only until restored."""
        in_trash = self.post_list.in_trash()
        rows = self.post_list.row_ids() if in_trash else []
        self.bar.setVisible(in_trash)
        current = self.controller.current
        trashed = current is not None and current.id in rows
        writable = not self.controller.read_only
        self.restore_button.setEnabled(trashed and writable)
        self.empty_button.setEnabled(bool(rows) and writable)
        a = self.window.actions_
        a[Act.RESTORE_POST].setEnabled(trashed and writable)
        a[Act.DELETE_POST].setEnabled(not in_trash and current is not None and writable)
        a[Act.SHOW_TRASH].setChecked(in_trash)
        if trashed != self._viewing_trashed:
            self._viewing_trashed = trashed
            locked = trashed or self.controller.read_only
            self.window.form.set_read_only(locked)
            self.window.body.setReadOnly(locked)
            if trashed:
                self.window.statusBar().showMessage(
                    "This post is in the Trash: Restore it to edit it.", 8000
                )

    def _store(self) -> Store | None:
        c = self.controller
        return None if c.store is None or c.read_only else c.store

    # -- delete and undo --------------------------------------------------------------------
    def delete_current(self) -> None:
        current = self.controller.current
        post_id = current.id if current is not None else self._selected()
        store = self._store()
        if store is None or post_id is None or self.post_list.in_trash():
            return
        if post_id in self._leaving:  # pressed again before the next post has opened
            return
        self._leaving.add(post_id)
        ids = self.post_list.row_ids()
        following = _neighbour(ids, post_id)
        list_had_focus = self.post_list.tree.hasFocus()
        self.controller.flush()  # the last keystrokes go into the post before it goes

        def done(row: TrashedPost) -> None:
            self._offer(row)
            self._open_after_removal(post_id, following)
            self.window.executor.submit(lambda: None, lambda _v: self._leaving.discard(post_id))
            if list_had_focus:
                self.post_list.tree.setFocus()
            self.post_deleted.emit(row.id)

        def failed(exc: BaseException) -> None:
            self._leaving.discard(post_id)
            self._failed(exc)

        self.window.executor.submit(lambda: trash_job(store, post_id), done, failed)

    def undo_delete(self) -> None:
        row, store = self._undo, self._store()
        if row is None or store is None:
            return
        self._withdraw_offer()

        def done(_row: Any) -> None:
            self.window.statusBar().showMessage(f"Restored “{_title(row.headline)}”.", 5000)
            self.window.refresh_list()
            self.controller.choose(row.id)
            self.post_restored.emit(row.id)

        self.window.executor.submit(lambda: restore_job(store, row.id), done, self._failed)

    def _offer(self, row: TrashedPost) -> None:
        self._undo = row
        self.offer.label.setText(f"“{_title(row.headline)}” moved to the Trash.")
        self.offer.show()
        self.post_list.tree.can_undo = True
        self._offer_timer.start()

    def _withdraw_offer(self) -> None:
        self._undo = None
        self._offer_timer.stop()
        self.offer.hide()
        self.post_list.tree.can_undo = False

    # -- the Trash view ---------------------------------------------------------------------
    def restore_current(self) -> None:
        current = self.controller.current
        in_view = self.post_list.row_ids() if self.post_list.in_trash() else []
        post_id = current.id if current is not None and current.id in in_view else None
        store = self._store()
        if store is None or post_id is None:
            return

        def done(row: TrashedPost) -> None:
            self.window.statusBar().showMessage(f"Restored “{_title(row.headline)}”.", 5000)
            if self._undo is not None and self._undo.id == row.id:
                self._withdraw_offer()
            self.post_list.show_trash(False)  # back to the posts, with this one open
            self.post_restored.emit(row.id)

        self.window.executor.submit(lambda: restore_job(store, post_id), done, self._failed)

    def empty(self) -> None:
        store = self._store()
        if store is None:
            return

        def counted(count: int) -> None:
            if count == 0:
                self.window.statusBar().showMessage("The Trash is empty.", 5000)
            elif EmptyTrashDialog.ask(self.window, count):
                self._empty(store)

        self.window.executor.submit(lambda: count_job(store), counted, self._failed)

    def _empty(self, store: Store) -> None:
        current = self.controller.current
        open_id = current.id if current is not None else None

        def done(gone: list[int]) -> None:
            if self._undo is not None and self._undo.id in gone:
                self._withdraw_offer()
            self.window.statusBar().showMessage(f"Deleted {len(gone)} post(s) for good.", 8000)
            if open_id in gone:
                self._open_after_removal(open_id, None)
            else:
                self.window.refresh_list()
            self.trash_emptied.emit(gone)

        self.window.executor.submit(lambda: empty_job(store), done, self._failed)

    # -- shared -----------------------------------------------------------------------------
    def _open_after_removal(self, post_id: int, following: int | None) -> None:
        """The list without ``post_id``; the open post moves on to ``following`` (else the
        newest post left, else none)."""
        self.window.refresh_list()
        current = self.controller.current
        if current is None or current.id != post_id:
            return
        if following is not None:
            self.controller.choose(following)
            return
        store = self.controller.store

        def newest(post_id: int | None) -> None:
            if post_id is not None:
                self.controller.choose(post_id)
            else:
                self.controller.close_post()

        self.window.executor.submit(lambda: newest_job(store), newest, self._failed)

    def _selected(self) -> int | None:
        item = self.post_list.tree.currentItem()
        return None if item is None else item.data(0, Qt.ItemDataRole.UserRole)

    def _failed(self, exc: BaseException) -> None:
        self.window.statusBar().showMessage(str(exc), 10000)


def _neighbour(ids: list[int], post_id: int) -> int | None:
    """The post that takes ``post_id``'s place in the list: the one below, else above."""
    if post_id not in ids:
        return None
    i = ids.index(post_id)
    rest = ids[i + 1 :] + ids[:i][::-1]
    return rest[0] if rest else None


def _title(headline: str) -> str:
    headline = headline or "Untitled"
    return headline if len(headline) <= 60 else headline[:59] + "…"


# -- run on the database worker --------------------------------------------------------------
def trash_job(store: Store, post_id: int) -> TrashedPost:
    from editor.services.trash import trash_post

    with store.session() as s:
        return trash_post(s, post_id)


def restore_job(store: Store, post_id: int) -> TrashedPost:
    from editor.services.trash import restore_post

    with store.session() as s:
        return restore_post(s, post_id)


def count_job(store: Store) -> int:
    from editor.services.trash import list_trash

    with store.session() as s:
        return len(list_trash(s))


def empty_job(store: Store) -> list[int]:
    from editor.services.trash import empty_trash

    with store.session() as s:
        return empty_trash(s)


def newest_job(store: Store) -> int | None:
    from editor.services.posts import list_posts

    with store.reading() as s:
        rows = list_posts(s, limit=1)
    return rows[0].id if rows else None
