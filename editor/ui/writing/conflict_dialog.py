"""Asking whose text wins when another window or process saved the same post meanwhile."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget


class ConflictDialog(QMessageBox):
    def __init__(self, parent: QWidget | None, headline: str) -> None:
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle("Changed elsewhere")
        self.setText(f"“{headline or 'This post'}” was changed in another window or program.")
        self.setInformativeText(
            "Keep your version, or take theirs? The other one is kept in the revision history, "
            "so nothing is lost."
        )
        self.mine = self.addButton("Keep mine", QMessageBox.ButtonRole.AcceptRole)
        self.theirs = self.addButton("Take theirs", QMessageBox.ButtonRole.RejectRole)
        self.setDefaultButton(self.mine)

    @classmethod
    def ask(cls, parent: QWidget | None, headline: str) -> bool:
        """True to keep mine, False to take theirs. Tests replace this method."""
        dialog = cls(parent, headline)
        dialog.exec()
        return dialog.clickedButton() is not dialog.theirs


class SaveVersionDialog:
    @classmethod
    def ask(cls, parent: QWidget | None) -> str | None:
        """A label for the snapshot, or None if cancelled. Tests replace this method."""
        from PySide6.QtWidgets import QInputDialog

        label, ok = QInputDialog.getText(parent, "Save version", "Label for this version:")
        return label if ok else None


class ErrorDialog:
    @classmethod
    def show(cls, parent: QWidget | None, title: str, message: str) -> None:
        """A plain message (never a traceback). Tests replace this method."""
        QMessageBox.critical(parent, title, message)
