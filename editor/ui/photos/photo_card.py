"""One photo in the photo panel: thumbnail, lead badge, caption/credit/alt fields, actions.

In a wide panel the thumbnail and the buttons are a column on the left, the fields beside them.
In a narrow one (the Photos dock at the default window size is under 400 px) that column would
leave the fields ~150 px and cut a credit like "Ana Lima/Radio Illimani": there the thumbnail and
the buttons are a row on top and the fields get the card's whole width below. Caption and alt
text are often several sentences, so they are a few lines high and open at their first word."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette, QPixmap
from PySide6.QtWidgets import (
    QBoxLayout,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from editor.ui.window.text_fields import ParagraphEdit
from editor.ui.window.theme import colors

THUMB = 120
#: A card narrower than this has its fields below the thumbnail instead of beside it.
STACK_BELOW = 480


def missing_style(kind: str) -> str:
    """A red frame around a required field left empty (readable text in either scheme)."""
    return f"{kind} {{ border: 2px solid {colors().over.name()}; }}"


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
        self.thumbnail.setAutoFillBackground(True)
        self.thumbnail.setBackgroundRole(QPalette.ColorRole.AlternateBase)
        self.thumbnail.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.thumbnail.setAccessibleName(f"Thumbnail of {item.filename}")

        self.badge = QLabel("LEAD PHOTO" if item.is_lead else f"{item.width}×{item.height}")
        if item.is_lead:
            self.badge.setStyleSheet("color: white; background: #1565c0; padding: 1px 6px;")
        self.name = QLabel(item.filename)
        self.name.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.name.setToolTip(item.filename)
        # A long file name is cut, never widening the card past the panel.
        self.name.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

        self.fields: dict[str, QLineEdit | ParagraphEdit] = {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for name, label, hint, lines in (
            ("caption", "&Caption", "What the photo shows, for readers", 5),
            ("credit", "C&redit", "Required: Photographer/Agency", 1),
            ("alt", "&Alt text", "Required: describe the photo for blind readers", 4),
        ):
            edit: QLineEdit | ParagraphEdit
            if lines == 1:
                edit = QLineEdit(getattr(item, name))
                edit.setCursorPosition(0)
            else:
                edit = ParagraphEdit(getattr(item, name), min_lines=2, max_lines=lines)
            edit.setObjectName(name)
            edit.setPlaceholderText(hint)
            if name in item.from_file:
                edit.setToolTip("Read from the file's metadata; what you type replaces it.")
            edit.editingFinished.connect(lambda n=name: self._edited(n))
            self.fields[name] = edit
            form.addRow(label, edit)  # the label is the field's buddy: its accessible name

        self.warning = QLabel()
        self.warning.setObjectName("missing")
        self.warning.setWordWrap(True)

        self.lead_button = QPushButton("Set as lead", objectName="set_lead")
        self.lead_button.setEnabled(not item.is_lead)
        self.lead_button.clicked.connect(lambda: self.lead_requested.emit(self.item.id))
        self.insert_button = QPushButton("Insert in body", objectName="insert_photo")
        self.insert_button.setToolTip("Show this photo in the body at the cursor, as a figure "
                                      "with its caption and credit")  # fmt: skip
        self.insert_button.clicked.connect(lambda: self.insert_requested.emit(self.item.id))
        self.remove_button = QPushButton("Remove", objectName="remove_photo")
        self.remove_button.setToolTip("Remove this photo from the post")
        self.remove_button.clicked.connect(lambda: self.remove_requested.emit(self.item.id))

        actions = QVBoxLayout()
        actions.addWidget(self.insert_button)
        actions.addWidget(self.lead_button)
        actions.addWidget(self.remove_button)
        actions.addStretch(1)
        self._left = QBoxLayout(QBoxLayout.Direction.TopToBottom)
        self._left.addWidget(self.thumbnail, 0, Qt.AlignmentFlag.AlignTop)
        self._left.addLayout(actions)
        header = QHBoxLayout()
        header.addWidget(self.badge)
        header.addWidget(self.name, 1)
        right = QVBoxLayout()
        right.addLayout(form)
        right.addWidget(self.warning)
        right.addStretch(1)
        self._row = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self._row.addLayout(self._left)
        self._row.addLayout(right, 1)
        card = QVBoxLayout(self)
        card.addLayout(header)
        card.addLayout(self._row, 1)
        self._mark_missing()

    @property
    def stacked(self) -> bool:
        """Whether the fields are below the thumbnail (a narrow panel)."""
        return self._row.direction() == QBoxLayout.Direction.TopToBottom

    def set_stacked(self, stack: bool) -> None:
        """Fields below the thumbnail (``True``) or beside it. The panel decides from the width
        it has to give, not the card from its own: beside the thumbnail the card is at least
        ~490 px wide, so in a narrower panel it would be made that wide and never stack."""
        if stack != self.stacked:
            Direction = QBoxLayout.Direction
            self._row.setDirection(Direction.TopToBottom if stack else Direction.LeftToRight)
            self._left.setDirection(Direction.LeftToRight if stack else Direction.TopToBottom)

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
            edit = self.fields[name]
            kind = "QLineEdit" if isinstance(edit, QLineEdit) else "QPlainTextEdit"
            edit.setStyleSheet(missing_style(kind) if name in missing else "")
        self.warning.setStyleSheet(f"color: {colors().over.name()}; font-weight: bold;")
        labels = {"alt": "alt text", "credit": "credit"}
        if missing:
            self.warning.setText("Missing " + " and ".join(labels[n] for n in missing)
                                 + ": publishing is blocked until it is filled in.")  # fmt: skip
        else:
            self.warning.setText("")
        self.warning.setVisible(bool(missing))
