"""Connects a :class:`PhotoPanel` to the store: one session per user action.

Attaching (which decodes the whole image to check it) runs on a single worker thread, so the
window never stalls on a 24 MP photo and writes stay in order; results come back by signal.
"""

from __future__ import annotations

from concurrent.futures import Executor, ThreadPoolExecutor
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from editor.errors import BylineError
from editor.model import Post
from editor.services import photos
from editor.store.database import Store
from editor.ui.photos.photo_card import PhotoItem
from editor.ui.photos.photo_panel import PhotoPanel


class PhotoPanelController(QObject):
    photos_changed = Signal(int)  # post id: the lead photo or a caption may have changed
    error_occurred = Signal(str)
    _attached = Signal(int, str, str)  # post id, message, error message (worker -> GUI)

    def __init__(self, store: Store, panel: PhotoPanel, *,
                 write_executor: Executor | None = None) -> None:  # fmt: skip
        super().__init__(panel)
        self.store = store
        self.panel = panel
        self.post_id: int | None = None
        self._writes = write_executor or ThreadPoolExecutor(1, "photo-writes")
        panel.load_original = self._original
        panel.files_dropped.connect(self.add_files)
        panel.image_pasted.connect(self.add_bytes)
        panel.field_edited.connect(self.edit_field)
        panel.lead_requested.connect(self.set_lead)
        panel.remove_requested.connect(self.remove)
        self._attached.connect(self._after_attach)

    def show_post(self, post_id: int | None) -> None:
        if post_id != self.post_id:
            self.panel.show_message("")  # "Added x.jpg as the lead photo." was the last post's
        self.post_id = post_id
        self.panel.setEnabled(post_id is not None)
        self.refresh()

    def refresh(self) -> None:
        if self.post_id is None:
            self.panel.set_photos([])
            return
        with self.store.session() as session:
            items = [_item(p) for p in photos.list_photos(session, self.post_id)]
        self.panel.set_photos(items)

    def _original(self, photo_id: int) -> bytes:
        with self.store.session() as session:
            assert self.post_id is not None
            return photos.original_bytes(session, photos.get_photo(session, self.post_id, photo_id))

    # --- actions ---------------------------------------------------------------------------

    def add_files(self, paths: list[str]) -> None:
        for path in paths:
            self._attach(Path(path), None)

    def add_bytes(self, data: bytes, name: str) -> None:
        self._attach(data, name)

    def _attach(self, source: Path | bytes, name: str | None) -> None:
        post_id = self.post_id
        if post_id is None:
            return
        self.panel.show_message("Adding photo…")

        def work() -> None:
            try:
                with self.store.session() as session:
                    post = session.get(Post, post_id)
                    if post is None:
                        raise BylineError(f"post {post_id} no longer exists")
                    first = photos.lead_photo(session, post_id) is None
                    photo = photos.attach(session, post, source, filename=name, lead=first)
                    text = f"Added {photo.filename}" + (" as the lead photo." if first else ".")
            except BylineError as exc:
                self._attached.emit(post_id, "", str(exc))
            except Exception as exc:  # a bug: report it, never lose it in a thread
                self._attached.emit(post_id, "", f"unexpected error: {exc!r}")
            else:
                self._attached.emit(post_id, text, "")

        self._writes.submit(work)

    def _after_attach(self, post_id: int, message: str, error: str) -> None:
        if error:
            self.panel.show_message(error, error=True)
            self.error_occurred.emit(error)
        else:
            self.panel.show_message(message)
        if post_id == self.post_id:
            self.refresh()
            if not error:
                self.photos_changed.emit(post_id)

    def edit_field(self, photo_id: int, name: str, text: str) -> None:
        self._do(lambda s, p: photos.update_photo(s, p, **{name: text}), photo_id, refresh=False)

    def set_lead(self, photo_id: int) -> None:
        self._do(photos.set_lead, photo_id)

    def remove(self, photo_id: int) -> None:
        self._do(photos.remove_photo, photo_id)

    def _do(self, action, photo_id: int, *, refresh: bool = True) -> None:  # type: ignore[no-untyped-def]
        if self.post_id is None:
            return
        try:
            with self.store.session() as session:
                action(session, photos.get_photo(session, self.post_id, photo_id))
        except BylineError as exc:
            self.panel.show_message(str(exc), error=True)
            self.error_occurred.emit(str(exc))
            return
        if refresh:
            self.refresh()
        self.photos_changed.emit(self.post_id)

    def close(self) -> None:
        self._writes.shutdown(wait=True)


def _item(photo) -> PhotoItem:  # type: ignore[no-untyped-def]
    return PhotoItem(
        id=photo.id, sha256=photo.sha256, filename=photo.filename, width=photo.width,
        height=photo.height, is_lead=photo.is_lead, caption=photo.caption, credit=photo.credit,
        alt=photo.alt, from_file=list(photo.file_fields or []),
    )  # fmt: skip
