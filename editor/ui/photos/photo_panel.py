"""The photo panel (a view): a post's photos as cards, with add, drop and paste.

It holds no session and changes nothing itself: it shows :class:`PhotoItem` lists given to
:meth:`PhotoPanel.set_photos` and reports what the user asked for through signals, which
:class:`~editor.ui.photos.photo_controller.PhotoPanelController` turns into service calls.
Thumbnails are made on worker threads (an injectable executor) and arrive by signal.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import Executor, ThreadPoolExecutor
from itertools import pairwise

from PySide6.QtCore import QBuffer, QByteArray, QEvent, QIODevice, QObject, Qt, Signal
from PySide6.QtGui import (
    QDragEnterEvent,
    QDropEvent,
    QGuiApplication,
    QPalette,
    QPixmap,
)
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from editor.ui.photos.photo_card import STACK_BELOW, PhotoCard, PhotoItem
from editor.ui.window.theme import colors

IMAGE_FILTER = "Images (*.jpg *.jpeg *.png *.webp *.gif *.tif *.tiff)"


class _ThumbnailSignals(QObject):
    """Lives on the GUI thread; emitting from a worker queues the call onto the GUI thread."""

    ready = Signal(str, bytes)  # sha256, PNG bytes
    failed = Signal(str, str)  # sha256, message


class PhotoPanel(QWidget):
    files_dropped = Signal(list)  # local file paths (str), from the dialog or a drop
    image_pasted = Signal(bytes, str)  # image bytes, a file name for messages
    field_edited = Signal(int, str, str)  # photo id, field, text
    lead_requested = Signal(int)
    remove_requested = Signal(int)
    insert_requested = Signal(int)  # photo id: reference it in the body
    thumbnails_done = Signal()

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        thumbnail_executor: Executor | None = None,
        load_original: Callable[[int], bytes] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setAcceptDrops(True)
        self._executor = thumbnail_executor or ThreadPoolExecutor(2, "thumbnails")
        self._owns_executor = thumbnail_executor is None
        self.load_original = load_original  # photo id -> original bytes (set by the controller)
        self._thumbs: dict[str, QPixmap] = {}
        self._pending: set[str] = set()
        self._signals = _ThumbnailSignals(self)
        self._signals.ready.connect(self._thumbnail_ready)
        self._signals.failed.connect(self._thumbnail_failed)
        self.cards: list[PhotoCard] = []
        self.read_only = False  # someone else is editing the post (see set_read_only)

        self.add_button = QPushButton("Add photos…", objectName="add_photos")
        self.add_button.clicked.connect(self.choose_files)
        self.paste_button = QPushButton("Paste", objectName="paste_photo")
        self.paste_button.setToolTip("Add the image (or image file) on the clipboard (Ctrl+V)")
        self.paste_button.clicked.connect(self.paste)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setObjectName("message")
        self.empty = QLabel("No photos yet. Add, drop or paste one: a post needs a lead photo.")
        self.empty.setWordWrap(True)
        self.empty.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.empty.setMargin(12)

        buttons = QHBoxLayout()  # the dock's title says "Photos": no second heading here
        buttons.addStretch(1)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.paste_button)
        self._list = QVBoxLayout()
        self._list.addWidget(self.empty)
        self._list.addStretch(1)
        inner = QWidget()
        inner.setLayout(self._list)
        scroll = self._scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        # Cards follow the panel's width (their fields wrap) instead of scrolling sideways.
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(inner)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the cards' fields
        scroll.viewport().installEventFilter(self)  # cards stack in a narrow panel
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(scroll, 1)
        self.message.hide()

    # --- showing --------------------------------------------------------------------------

    def set_photos(self, items: Sequence[PhotoItem]) -> None:
        for card in self.cards:
            card.setParent(None)
            card.deleteLater()
        self.cards = []
        for index, item in enumerate(items):
            card = PhotoCard(item)
            card.field_edited.connect(self.field_edited)
            card.lead_requested.connect(self.lead_requested)
            card.remove_requested.connect(self.remove_requested)
            card.insert_requested.connect(self.insert_requested)
            card.set_stacked(self._narrow())
            self._list.insertWidget(index, card)
            self.cards.append(card)
            if item.sha256 in self._thumbs:
                card.set_thumbnail(self._thumbs[item.sha256])
            else:
                self._request_thumbnail(item)
        self.empty.setVisible(not items)
        self.set_read_only(self.read_only)
        chain = [self.paste_button]  # cards come last in the window's chain: Tab from Paste
        for card in self.cards:  # goes on into them, in the order they are shown
            chain += [*card.fields.values(), card.insert_button, card.lead_button,
                      card.remove_button]  # fmt: skip
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)
        if not self._pending:
            self.thumbnails_done.emit()

    def _narrow(self) -> bool:
        """Whether a card gets less than :data:`STACK_BELOW` px (the list's margins aside)."""
        margins = self._list.contentsMargins()
        room = self._scroll.viewport().width() - margins.left() - margins.right()
        return room < STACK_BELOW

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The viewport, not the panel: a scroll bar coming or going changes the room too.
        if watched is self._scroll.viewport() and event.type() == QEvent.Type.Resize:
            for card in self.cards:
                card.set_stacked(self._narrow())
        return super().eventFilter(watched, event)

    def set_read_only(self, read_only: bool) -> None:
        """While someone else holds the post (or the rules keep it from this person), its
        photos can be seen and copied but not added, removed or re-captioned."""
        self.read_only = read_only
        self.setAcceptDrops(not read_only)
        for button in (self.add_button, self.paste_button):
            button.setEnabled(not read_only)
        for card in self.cards:
            for edit in card.fields.values():
                edit.setReadOnly(read_only)
            for button in (card.insert_button, card.lead_button, card.remove_button):
                button.setEnabled(not read_only)

    def show_message(self, text: str, *, error: bool = False) -> None:
        c = colors()
        self.message.setStyleSheet(f"color: {(c.over if error else c.ok).name()};")
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def card(self, photo_id: int) -> PhotoCard:
        return next(c for c in self.cards if c.item.id == photo_id)

    # --- thumbnails (off the GUI thread) ------------------------------------------------------

    def _request_thumbnail(self, item: PhotoItem) -> None:
        if self.load_original is None or item.sha256 in self._pending:
            return
        try:
            data = self.load_original(item.id)  # read on this thread: sessions stay here
        except Exception as exc:  # e.g. the photo was removed meanwhile
            self.card(item.id).set_thumbnail_error(str(exc))
            return
        from editor.media.thumbnails import make_thumbnail  # Pillow: not before a photo shows

        self._pending.add(item.sha256)
        signals = self._signals

        def work() -> None:
            try:
                png = make_thumbnail(data, 2 * 120)
            except Exception as exc:  # reported on the card, never raised in a worker
                signals.failed.emit(item.sha256, str(exc))
            else:
                signals.ready.emit(item.sha256, png)

        self._executor.submit(work)

    def _thumbnail_ready(self, sha256: str, png: bytes) -> None:
        pixmap = QPixmap()
        pixmap.loadFromData(png, "PNG")
        pixmap = pixmap.scaled(120, 120, Qt.AspectRatioMode.KeepAspectRatio,
                               Qt.TransformationMode.SmoothTransformation)  # fmt: skip
        self._thumbs[sha256] = pixmap
        for card in self.cards:
            if card.item.sha256 == sha256:
                card.set_thumbnail(pixmap)
        self._finish(sha256)

    def _thumbnail_failed(self, sha256: str, message: str) -> None:
        for card in self.cards:
            if card.item.sha256 == sha256:
                card.set_thumbnail_error(message)
        self._finish(sha256)

    def _finish(self, sha256: str) -> None:
        self._pending.discard(sha256)
        if not self._pending:
            self.thumbnails_done.emit()

    def has_thumbnail(self, photo_id: int) -> bool:
        pixmap = self.card(photo_id).thumbnail.pixmap()
        return pixmap is not None and not pixmap.isNull()

    # --- adding ----------------------------------------------------------------------------

    @classmethod
    def ask_files(cls, parent: QWidget) -> list[str]:
        """The file dialog (a classmethod so tests can replace it)."""
        files, _ = QFileDialog.getOpenFileNames(parent, "Add photos", "", IMAGE_FILTER)
        return list(files)

    def choose_files(self) -> None:
        files = self.ask_files(self)
        if files:
            self.files_dropped.emit(files)

    def edit_command(self, name: str) -> bool:
        """Edit ▸ Paste (Ctrl+V) with the focus in the panel adds the clipboard's image."""
        if name != "paste":
            return False
        self.paste()
        return True

    def paste(self) -> None:
        self.accept_mime(QGuiApplication.clipboard().mimeData(), source="clipboard")

    def accept_mime(self, mime, *, source: str) -> bool:  # type: ignore[no-untyped-def]
        """Files (URLs) or raw image data from a drop or the clipboard."""
        if mime is None:
            return False
        if self.read_only:
            self.show_message("This post is read-only here: its photos cannot change.", error=True)
            return False
        files = [u.toLocalFile() for u in mime.urls() if u.isLocalFile()] if mime.hasUrls() else []
        if files:
            self.files_dropped.emit(files)
            return True
        if mime.hasImage():
            image = mime.imageData()
            data = QByteArray()
            buffer = QBuffer(data)
            buffer.open(QIODevice.OpenModeFlag.WriteOnly)
            image.save(buffer, "PNG")
            buffer.close()
            self.image_pasted.emit(bytes(data.data()), f"image from the {source}.png")
            return True
        self.show_message(f"Nothing to add: the {source} holds no image or image file.",
                          error=True)  # fmt: skip
        return False

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        mime = event.mimeData()
        if mime.hasUrls() or mime.hasImage():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        if self.accept_mime(event.mimeData(), source="drop"):
            event.acceptProposedAction()

    def closeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if self._owns_executor:
            self._executor.shutdown(wait=False, cancel_futures=True)
        super().closeEvent(event)
