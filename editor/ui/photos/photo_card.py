"""One photo in the photo panel: thumbnail, lead badge, caption/credit/alt fields, actions."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

THUMB = 120
MISSING_STYLE = "QLineEdit { border: 2px solid #c62828; background: #fff3f3; }"
WARNING_STYLE = "color: #c62828; font-weight: bold;"


@dataclass
class PhotoItem:
    """What the panel shows of a photo (plain data: the panel never holds a session)."""

    id: int
    sha256: str
    filename: str
    width: int
    height: int
    is_lead: bool
    caption: str = ""
    credit: str = ""
    alt: str = ""
    from_file: list[str] = field(default_factory=list)

    @property
    def missing(self) -> list[str]:
        return [name for name in ("alt", "credit") if not getattr(self, name).strip()]


class PhotoCard(QFrame):
    """Edits are reported when a field loses focus or Enter is pressed, never per keystroke."""

    field_edited = Signal(int, str, str)  # photo id, field name, new text
    lead_requested = Signal(int)
    remove_requested = Signal(int)
    insert_requested = Signal(int)  # put the photo in the body at the cursor

    def __init__(self, item: PhotoItem, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item = item
        self.setObjectName(f"photo-card-{item.id}")
        self.setFrameShape(QFrame.Shape.StyledPanel)

        self.thumbnail = QLabel("…")
        self.thumbnail.setFixedSize(THUMB, THUMB)
        self.thumbnail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.thumbnail.setStyleSheet("background: #eceff1; color: #78909c;")

        self.badge = QLabel("LEAD PHOTO" if item.is_lead else f"{item.width}×{item.height}")
        if item.is_lead:
            self.badge.setStyleSheet("color: white; background: #1565c0; padding: 1px 6px;")
        self.name = QLabel(item.filename)
        self.name.setStyleSheet("color: #546e7a;")

        self.fields: dict[str, QLineEdit] = {}
        form = QFormLayout()
        for name, label, hint in (
            ("caption", "Caption", "What the photo shows, for readers"),
            ("credit", "Credit", "Required: Photographer/Agency"),
            ("alt", "Alt text", "Required: describe the photo for blind readers"),
        ):
            edit = QLineEdit(getattr(item, name))
            edit.setObjectName(name)
            edit.setPlaceholderText(hint)
            if name in item.from_file:
                edit.setToolTip("Read from the file's metadata; what you type replaces it.")
            edit.editingFinished.connect(lambda n=name: self._edited(n))
            self.fields[name] = edit
            form.addRow(label, edit)

        self.warning = QLabel()
        self.warning.setObjectName("missing")
        self.warning.setStyleSheet(WARNING_STYLE)

        self.lead_button = QPushButton("Set as lead")
        self.lead_button.setEnabled(not item.is_lead)
        self.lead_button.clicked.connect(lambda: self.lead_requested.emit(self.item.id))
        self.insert_button = QPushButton("Insert in body", objectName="insert_photo")
        self.insert_button.setToolTip("Show this photo in the body at the cursor, as a figure "
                                      "with its caption and credit")  # fmt: skip
        self.insert_button.clicked.connect(lambda: self.insert_requested.emit(self.item.id))
        self.remove_button = QPushButton("Remove")
        self.remove_button.clicked.connect(lambda: self.remove_requested.emit(self.item.id))

        header = QHBoxLayout()
        header.addWidget(self.badge)
        header.addWidget(self.name, 1)
        actions = QHBoxLayout()  # below the fields: a narrow panel has room for them there
        actions.addWidget(self.insert_button)
        actions.addWidget(self.lead_button)
        actions.addWidget(self.remove_button)
        actions.addStretch(1)
        right = QVBoxLayout()
        right.addLayout(header)
        right.addLayout(form)
        right.addWidget(self.warning)
        right.addLayout(actions)
        row = QHBoxLayout(self)
        row.addWidget(self.thumbnail, 0, Qt.AlignmentFlag.AlignTop)
        row.addLayout(right, 1)
        self._mark_missing()

    def set_thumbnail(self, pixmap: QPixmap) -> None:
        self.thumbnail.setPixmap(pixmap)

    def set_thumbnail_error(self, message: str) -> None:
        self.thumbnail.setText("no preview")
        self.thumbnail.setToolTip(message)

    def _edited(self, name: str) -> None:
        text = self.fields[name].text().strip()
        if text == getattr(self.item, name):
            return
        setattr(self.item, name, text)
        self._mark_missing()
        self.field_edited.emit(self.item.id, name, text)

    def _mark_missing(self) -> None:
        missing = self.item.missing
        for name in ("alt", "credit"):
            self.fields[name].setStyleSheet(MISSING_STYLE if name in missing else "")
        labels = {"alt": "alt text", "credit": "credit"}
        if missing:
            self.warning.setText("Missing " + " and ".join(labels[n] for n in missing)
                                 + ": publishing is blocked until it is filled in.")  # fmt: skip
        else:
            self.warning.setText("")
        self.warning.setVisible(bool(missing))
