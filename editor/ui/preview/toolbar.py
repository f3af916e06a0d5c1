"""The preview's toolbar: the page width choices, the scale the page is drawn at, what the
page tried to load from the network, and "Open in browser"."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QLabel, QSizePolicy, QToolBar, QWidget

from editor.ui.preview.page_width import TIPS, WIDTHS


class PreviewToolbar(QToolBar):
    width_chosen = Signal(int)  # one of page_width.WIDTHS' values
    open_requested = Signal()

    def __init__(self, chosen: int, parent: QWidget | None = None) -> None:
        super().__init__("Preview", parent)
        self.setObjectName("preview_toolbar")
        group = QActionGroup(self)
        self.width_actions: dict[int, QAction] = {}
        for name, px in WIDTHS.items():
            action = QAction(name, self, checkable=True)
            action.setObjectName(f"preview_width_{name.lower()}")
            action.setToolTip(TIPS[name])
            action.setChecked(px == chosen)
            action.triggered.connect(lambda _checked=False, px=px: self.width_chosen.emit(px))
            group.addAction(action)
            self.addAction(action)
            self.width_actions[px] = action
        spacer = QWidget(self)
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.addWidget(spacer)
        self.zoom_label = QLabel("", self, objectName="preview_zoom")
        self.zoom_label.setAccessibleName("Preview scale")
        self.addWidget(self.zoom_label)
        self.blocked_label = QLabel("", self, objectName="preview_blocked_count")
        self.blocked_label.setAccessibleName("Blocked remote requests")
        self.addWidget(self.blocked_label)
        self.open_action = QAction("Open in browser", self)
        self.open_action.setObjectName("preview_open_in_browser")
        self.open_action.setToolTip("Show a temporary export of this post in your web browser")
        self.open_action.triggered.connect(self.open_requested)
        self.addAction(self.open_action)

    def show_choice(self, px: int) -> None:
        if px in self.width_actions:
            self.width_actions[px].setChecked(True)

    def show_scale(self, width: int, zoom: float) -> None:
        """Say when the page is drawn smaller than its size, and why."""
        shrunk = zoom < 0.995
        self.zoom_label.setText(f"{zoom:.0%}" if shrunk else "")
        self.zoom_label.setToolTip(
            f"The {width} px page is drawn at {zoom:.0%} to fit the pane; "
            "choose Fit to read it at full size, or widen the pane"
            if shrunk
            else ""
        )

    def show_blocked(self, urls: list[str]) -> None:
        self.blocked_label.setText(f"{len(urls)} blocked" if urls else "")
        self.blocked_label.setToolTip("\n".join(urls))
