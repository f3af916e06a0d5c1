"""Compare any two versions of a post: revisions or the current text, field by field, words
marked side by side and inline."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from editor.review.worddiff import FieldDiff, diff_snapshots, inline_html, side_html

CURRENT = -1  # the "revision number" of the text in the window
_STYLE = (
    "<style>del{background:#ffd7d5;color:#82071e}ins{background:#ccffd8;color:#055d20;"
    "text-decoration:none}td{vertical-align:top;padding:4px}h3{margin:10px 0 4px}</style>"
)


def side_by_side_html(diffs: list[FieldDiff]) -> str:
    parts = [_STYLE]
    for d in diffs:
        if d.changed:
            old, new = side_html(d.ops, "old"), side_html(d.ops, "new")
            parts.append(
                f"<h3>{d.label}</h3><table width='100%' border='1' cellspacing='0'><tr>"
                f"<td width='50%'>{old}</td><td width='50%'>{new}</td></tr></table>"
            )
    return "".join(parts) if len(parts) > 1 else "<p>No differences.</p>"


def inline_page(diffs: list[FieldDiff]) -> str:
    parts = [_STYLE]
    for d in diffs:
        if d.changed:
            added, removed = d.counts()
            parts.append(f"<h3>{d.label} <small>(+{added} −{removed} words)</small></h3>"
                         f"<p>{inline_html(d.ops)}</p>")  # fmt: skip
    return "".join(parts) if len(parts) > 1 else "<p>No differences.</p>"


class CompareDialog(QDialog):
    """``load(number, done)`` fetches a snapshot (a dict of fields) for a revision number or
    :data:`CURRENT` and calls ``done`` with it (off the GUI thread in the window)."""

    compared = Signal()

    def __init__(
        self,
        revisions: list[tuple[int, str]],
        load: Callable[[int, Callable[[dict[str, Any]], None]], None],
        *,
        first: int,
        second: int = CURRENT,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("compare_dialog")
        self.setWindowTitle("Compare versions")
        self.resize(900, 600)
        self._load = load
        self._snapshots: dict[int, dict[str, Any]] = {}
        self.old_choice = QComboBox(objectName="compare_from")
        self.new_choice = QComboBox(objectName="compare_to")
        for combo, label in ((self.old_choice, "From"), (self.new_choice, "To")):
            combo.setAccessibleName(label)
            combo.addItem("Current text", CURRENT)
            for number, text in revisions:
                combo.addItem(text, number)
        self.old_choice.setCurrentIndex(max(0, self.old_choice.findData(first)))
        self.new_choice.setCurrentIndex(max(0, self.new_choice.findData(second)))
        self.side = QTextBrowser(objectName="compare_side_by_side")
        self.inline = QTextBrowser(objectName="compare_inline")
        self.side.setAccessibleName("Side by side")
        self.inline.setAccessibleName("Inline")
        self.tabs = QTabWidget(objectName="compare_tabs")
        self.tabs.addTab(self.side, "&Side by side")
        self.tabs.addTab(self.inline, "&Inline")
        top = QHBoxLayout()
        for label, combo in (("&From:", self.old_choice), ("&To:", self.new_choice)):
            text = QLabel(label)
            text.setBuddy(combo)
            top.addWidget(text)
            top.addWidget(combo, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        self.note = QLabel(objectName="compare_note", wordWrap=True)
        self.note.setAccessibleName("Note")
        self.note.hide()
        box.addLayout(top)
        box.addWidget(self.note)
        box.addWidget(self.tabs, 1)
        box.addWidget(buttons)
        self.old_choice.currentIndexChanged.connect(lambda _i: self.refresh())
        self.new_choice.currentIndexChanged.connect(lambda _i: self.refresh())
        self.diffs: list[FieldDiff] = []
        self.refresh()

    def refresh(self) -> None:
        a, b = self.old_choice.currentData(), self.new_choice.currentData()
        for number in (a, b):
            if number not in self._snapshots:
                self._load(number, lambda snap, n=number: self._loaded(n, snap))
                return
        self.diffs, note = diff_snapshots(
            self._snapshots[a],
            self._snapshots[b],
            old_name=self.old_choice.currentText(),
            new_name=self.new_choice.currentText(),
        )
        self.note.setText(note)
        self.note.setVisible(bool(note))
        self.side.setHtml(side_by_side_html(self.diffs))
        self.inline.setHtml(inline_page(self.diffs))
        self.compared.emit()

    def _loaded(self, number: int, snapshot: dict[str, Any]) -> None:
        self._snapshots[number] = snapshot
        self.refresh()
