"""The status bar's permanent part: whether the post is saved, its word count and reading time,
and a read-only database's warning. The window says what happened; this says it in words."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QLabel, QStatusBar

from editor.ui.window.theme import colors
from editor.ui.writing.body_editor import BodyEditor, WordCounter, reading_minutes

STATS_DELAY_MS = 250  # the word count follows typing at most this late (a throttle)


class StatusLine(QObject):
    def __init__(self, bar: QStatusBar, body: BodyEditor) -> None:
        super().__init__(bar)
        self.body = body
        self.words = QLabel(objectName="word_count")
        self.saved = QLabel(objectName="save_state")
        self.mode = QLabel(objectName="mode")
        for label in (self.mode, self.saved, self.words):
            bar.addPermanentWidget(label)
        self._counter = WordCounter()
        self._count_timer = QTimer(self, singleShot=True, interval=STATS_DELAY_MS)
        self._count_timer.timeout.connect(self.count_now)

    def count_soon(self) -> None:
        if not self._count_timer.isActive():  # not restarted per keystroke: counts while typing
            self._count_timer.start()

    def count_now(self) -> None:
        words = self._counter.count(self.body.toPlainText())
        self.words.setText(f"{words:,} words · {reading_minutes(words)} min read")

    def say(self, state: str) -> None:
        """ "Edited", "Saving…", "Not saved", "" (no post)…"""
        self.saved.setText(state)

    def saved_at(self, when: datetime) -> None:
        self.saved.setText(f"Saved {when.astimezone():%H:%M:%S}")

    def read_only(self) -> None:
        self.mode.setText("Read-only: changes are not saved")
        self.mode.setStyleSheet(f"color: {colors().over.name()}; font-weight: bold;")
