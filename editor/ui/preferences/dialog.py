"""Edit ▸ Preferences…: the writer's name and e-mail, the role and language new work starts
with, and the window's colour scheme (applied as soon as it is picked, undone by Cancel).

A view: it is filled from and hands back a plain dict (:data:`FIELDS`); ``mount.py`` reads and
writes the config file.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from editor.config import LANGUAGE, ROLE, SCHEME, USER_EMAIL, USER_NAME, Setting
from editor.errors import InputError

FIELDS: dict[str, Setting[str]] = {
    "name": USER_NAME, "email": USER_EMAIL, "role": ROLE, "language": LANGUAGE, "scheme": SCHEME,
}  # fmt: skip

LANGUAGES = [
    ("en", "English"), ("es", "Spanish"), ("pt", "Portuguese"), ("fr", "French"),
    ("de", "German"), ("it", "Italian"), ("ca", "Catalan"), ("nl", "Dutch"), ("pl", "Polish"),
    ("qu", "Quechua"), ("ay", "Aymara"), ("gn", "Guarani"),
]  # fmt: skip
SCHEMES = [("system", "Follow the system"), ("light", "Light"), ("dark", "Dark")]


class PreferencesDialog(QDialog):
    scheme_chosen = Signal(str)  # a colour scheme was picked (before OK: applied live)

    def __init__(
        self, values: dict[str, str], overridden: dict[str, str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent, objectName="preferences_dialog")
        self.setWindowTitle("Preferences")
        self.setAccessibleName("Preferences")
        self.setMinimumWidth(480)
        self.name = QLineEdit(objectName="pref_name", placeholderText="e.g. Lucía Ferreira")
        self.email = QLineEdit(objectName="pref_email", placeholderText="name@example.org")
        self.role = QLineEdit(
            objectName="pref_role", placeholderText="The blog's default (e.g. Guest blogger)"
        )
        self.language = QComboBox(objectName="pref_language")
        for code, label in LANGUAGES:
            self.language.addItem(f"{label} ({code})", code)
        self.schemes = QButtonGroup(self)
        self.scheme_buttons: dict[str, QRadioButton] = {}
        for code, label in SCHEMES:
            button = QRadioButton(label, objectName=f"scheme_{code}")
            button.setAccessibleName(f"Appearance: {label}")
            self.schemes.addButton(button)
            self.scheme_buttons[code] = button
            button.toggled.connect(lambda on, c=code: on and self.scheme_chosen.emit(c))
        self.problem = QLabel(objectName="pref_problem", wordWrap=True)
        self.problem.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._layout(overridden)
        self.set_values(values)

    def _layout(self, overridden: dict[str, str]) -> None:
        form = QFormLayout()
        for label, field, help_text in (
            ("Your &name", self.name, "Shown as “By …” on each post you start"),
            ("&E-mail", self.email, "Recorded with your revisions; never published"),
            ("Byline &role", self.role, "The role new posts start with; empty: the blog's own"),
            ("&Language", self.language, "The language new blogs start with"),
        ):
            field.setToolTip(help_text)
            buddy = QLabel(label)
            buddy.setBuddy(field)
            field.setAccessibleName(label.replace("&", ""))
            form.addRow(buddy, field)
        schemes = QHBoxLayout()
        for button in self.scheme_buttons.values():
            schemes.addWidget(button)
        schemes.addStretch(1)
        form.addRow(QLabel("Appearance"), schemes)
        box = QVBoxLayout(self)
        box.addLayout(form)
        for key, variable in overridden.items():  # e.g. BYLINE_USER_NAME
            note = QLabel(
                f"{variable} is set, so it is used instead of {FIELDS[key].key} here while it "
                "is; what you enter is kept for when it is not.",
                objectName=f"pref_override_{key}",
                wordWrap=True,
            )
            box.addWidget(note)
        box.addWidget(self.problem)
        box.addWidget(self.buttons)
        self.name.setFocus()

    def set_values(self, values: dict[str, str]) -> None:
        self.name.setText(values.get("name", ""))
        self.email.setText(values.get("email", ""))
        self.role.setText(values.get("role", ""))
        code = values.get("language", "en")
        if self.language.findData(code) < 0:
            self.language.addItem(code, code)
        self.language.setCurrentIndex(self.language.findData(code))
        button = self.scheme_buttons.get(values.get("scheme", ""), self.scheme_buttons["system"])
        button.blockSignals(True)
        button.setChecked(True)
        button.blockSignals(False)

    def values(self) -> dict[str, str]:
        chosen = next(c for c, b in self.scheme_buttons.items() if b.isChecked())
        return {
            "name": self.name.text().strip(),
            "email": self.email.text().strip(),
            "role": self.role.text().strip(),
            "language": str(self.language.currentData()),
            "scheme": chosen,
        }

    def accept(self) -> None:
        """Only values every setting accepts; otherwise say which field is wrong, keep open."""
        fields: dict[str, Any] = {
            "name": self.name, "email": self.email, "role": self.role,
            "language": self.language,
        }  # fmt: skip
        for key, text in self.values().items():
            try:
                FIELDS[key].parse(text)
            except InputError as exc:
                field = fields.get(key)
                label = field.accessibleName() if field is not None else key
                self.problem.setText(f"{label}: {str(exc).split(': ', 1)[-1]}")
                self.problem.show()
                if field is not None:
                    field.setFocus()
                return
        super().accept()
