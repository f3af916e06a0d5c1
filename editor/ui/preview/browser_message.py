"""When "Open in browser" cannot show the page: say why, and offer the file's path.

Two cases the system does not report: no browser could be started at all
(``QDesktopServices.openUrl`` returns False: no default browser, no ``xdg-open``), and Byline
running as root, where Chromium and Chrome refuse to start without ``--no-sandbox`` and
``xdg-open`` still reports success. The message is not modal: the writer can copy the path,
or just carry on.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox, QWidget


def running_as_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


def why_not_shown(opened: bool, as_root: bool) -> str | None:
    """The explanation to show, or None when the browser can be trusted to have opened."""
    if as_root:
        return (
            "Byline is running as the root user. Chromium and Google Chrome refuse to run as "
            "root (they would need --no-sandbox), so the page may not have appeared"
            + ("" if opened else ", and no browser could be started")
            + ". Run Byline as an ordinary user, or open the file below in a browser yourself."
        )
    if not opened:
        return (
            "No web browser could be started: the system has no default browser set up "
            "(xdg-open or an equivalent is missing or failed). Open the file below in a "
            "browser yourself."
        )
    return None


def show_not_opened(parent: QWidget, index: Path, reason: str) -> QMessageBox:
    """A non-modal message with the reason, the path and a "Copy Path" button."""
    box = QMessageBox(parent, objectName="browser_not_opened")
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle("Open in browser")
    box.setText("The page was written, but may not be showing in a browser.")
    box.setInformativeText(f"{reason}\n\n{index}")
    copy = box.addButton("Copy Path", QMessageBox.ButtonRole.ActionRole)
    copy.setObjectName("copy_path")
    copy.setToolTip("Copy the page's file path to the clipboard")
    box.addButton(QMessageBox.StandardButton.Close)
    copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(str(index)))
    box.setModal(False)
    box.show()
    return box
