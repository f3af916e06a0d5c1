"""The Publish dialog as the window opens it: the blog's default target preselected, a busy bar
while the push runs, and a ``push_finished`` signal so the outbox view can refresh. Plus the
small question "which target?" for File > Open from Blog."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QInputDialog, QProgressBar, QWidget

from editor.services.publish import PushResult
from editor.ui.publishing.publish_dialog import PublishDialog


class WindowPublishDialog(PublishDialog):
    push_finished = Signal(object)  # PushResult or the exception, after the dialog showed it

    def __init__(self, *args, default_target: str | None = None, **kwargs) -> None:  # type: ignore[no-untyped-def]
        # Without photos_for, the checks (a dry run) see the post's attached photos without
        # image work, and the push renders them on the worker.
        super().__init__(*args, **kwargs)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.busy = QProgressBar(objectName="publish_busy")
        self.busy.setRange(0, 0)  # the steps are not countable: a busy bar
        self.busy.setTextVisible(False)
        self.busy.hide()
        layout = self.layout()
        layout.insertWidget(layout.indexOf(self.progress), self.busy)  # type: ignore[attr-defined]
        if default_target:
            for i in range(self.target.count()):
                if (self.target.itemData(i) or ("",))[0] == default_target:
                    self.target.setCurrentIndex(i)
                    break
        self.resize(560, 440)
        self._delete_when_done = False

    def done(self, result: int) -> None:
        """Closed while a push is on its way: the push goes on, and the dialog (hidden) is
        kept until it ends, so its outcome still reaches the outbox and a closing window can
        still stop it."""
        if self.pushing():
            self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
            self._delete_when_done = True
        super().done(result)

    def start(self) -> None:
        super().start()
        if not self.publish_button.isEnabled():  # the push is on its way
            self.busy.show()
            self.progress.setText(self.progress.text() or "Connecting…")

    def _on_finished(self, outcome: object) -> None:
        self.busy.hide()
        super()._on_finished(outcome)
        if isinstance(outcome, PushResult) and outcome.url:
            self._show_link(outcome)
        self.push_finished.emit(outcome)
        if self._delete_when_done and not self.isVisible():
            self.deleteLater()

    def _show_link(self, outcome: PushResult) -> None:
        """The base dialog's link, with a long URL shortened in the middle to fit (the link
        itself and the tooltip keep the whole address)."""
        verb = outcome.link_verb
        room = max(self.result.width(), self.width() - 40) - self.fontMetrics().horizontalAdvance(
            verb + "  "
        )
        shown = self.fontMetrics().elidedText(outcome.url, Qt.TextElideMode.ElideMiddle, room)
        href = html.escape(outcome.url)
        self.result.setText(f'{verb} <a href="{href}">{html.escape(shown)}</a>')
        self.result.setToolTip(outcome.url)


class TargetChoice:
    @classmethod
    def ask(cls, parent: QWidget | None, names: list[str], default: str | None) -> str | None:
        """Which target to pull from (tests replace this)."""
        current = names.index(default) if default in names else 0
        name, ok = QInputDialog.getItem(
            parent, "Open from Blog", "Bring recent posts in from:", names, current, False
        )
        return name if ok and name else None
