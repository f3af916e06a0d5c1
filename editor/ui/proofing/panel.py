"""The Proofing panel: every spelling and house-style problem of the post, with jump-to."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from editor.proofing.problems import Problem

ROLE = Qt.ItemDataRole.UserRole


def describe(problem: Problem) -> str:
    where = problem.field if problem.field != "body" else f"line {problem.line}"
    if problem.is_spelling:
        hint = f" → {', '.join(problem.suggestions[:3])}" if problem.suggestions else ""
        return f"{where}: “{problem.word}” ({problem.language}){hint}"
    return f"{where}: {problem.message}"


def summary(problems: list[Problem]) -> str:
    if not problems:
        return "No spelling or style problems"
    spelling = sum(p.is_spelling for p in problems)
    return f"{spelling} spelling · {len(problems) - spelling} style"


class ProofingPanel(QWidget):
    """A view: the owner fills it and reacts to ``problem_chosen``."""

    problem_chosen = Signal(object)  # Problem

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("proofing_panel")
        self.summary = QLabel("Not checked yet", objectName="proofing_summary")
        self.list = QListWidget(objectName="proofing_list")
        self.list.setAccessibleName("Spelling and style problems")
        self.list.setWordWrap(True)  # the panel is narrow: messages wrap rather than scroll
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.summary.setBuddy(self.list)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)
        self.list.itemActivated.connect(self._chosen)
        self.list.itemClicked.connect(self._chosen)
        self.setFocusProxy(self.list)

    def show_problems(self, problems: list[Problem]) -> None:
        self.summary.setText(summary(problems))
        self.list.clear()
        for problem in problems:
            item = QListWidgetItem(describe(problem))
            item.setData(ROLE, problem)
            item.setToolTip(problem.message)
            self.list.addItem(item)

    def problems(self) -> list[Problem]:
        return [self.list.item(i).data(ROLE) for i in range(self.list.count())]

    def _chosen(self, item: QListWidgetItem) -> None:
        self.problem_chosen.emit(item.data(ROLE))
