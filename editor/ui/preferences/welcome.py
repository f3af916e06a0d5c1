"""The first-run welcome: asks once for the name new posts' bylines carry. Skippable; it is
not shown again either way (``welcome.done`` in the config)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)


class WelcomeDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="welcome_dialog")
        self.setWindowTitle("Welcome to Byline")
        self.setAccessibleName("Welcome to Byline")
        self.setMinimumWidth(440)
        title = QLabel("<b>Welcome to Byline</b>")
        intro = QLabel(
            "What name should your posts carry? It goes in the byline of each post you start "
            "(“By …”). You can change it at any time in Edit ▸ Preferences…",
            wordWrap=True,
        )
        self.name = QLineEdit(objectName="welcome_name", placeholderText="e.g. Lucía Ferreira")
        self.name.setAccessibleName("Your name")
        self.name.setMaxLength(300)
        buddy = QLabel("Your &name")
        buddy.setBuddy(self.name)
        self.buttons = QDialogButtonBox()
        self.start = self.buttons.addButton(
            "&Start writing", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.start.setObjectName("welcome_start")
        self.skip = self.buttons.addButton("S&kip", QDialogButtonBox.ButtonRole.RejectRole)
        self.skip.setObjectName("welcome_skip")
        self.skip.setToolTip("Leave the byline empty for now")
        self.start.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(buddy, self.name)
        box = QVBoxLayout(self)
        box.addWidget(title)
        box.addWidget(intro)
        box.addLayout(form)
        box.addWidget(self.buttons)
        self.name.setFocus()

    def chosen_name(self) -> str:
        """The name typed, when the dialog was accepted; else empty."""
        accepted = self.result() == QDialog.DialogCode.Accepted
        return self.name.text().strip() if accepted else ""
