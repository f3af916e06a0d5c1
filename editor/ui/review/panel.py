"""The Review panel: the post's status with Submit / Request changes / Approve, and tabs for
the comments (with replies, resolve, and a box for a new one) and the status log.

Layout only; :class:`editor.ui.review.mount.ReviewUi` does the work. Other review tools (the
suggested edits) add their own tab to :attr:`ReviewPanel.tabs`.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

ID_ROLE = Qt.ItemDataRole.UserRole
FILTERS = (("Open", "open"), ("Resolved", "resolved"), ("All", "all"))
FIELD_NAMES = {"body": "body", "headline": "headline", "deck": "deck", "post": "whole post"}


def shown_time(moment: datetime, zone: str = "") -> str:
    """A time in the viewer's local zone, short (the author's zone is kept in the store)."""
    return moment.astimezone().strftime("%d %b %H:%M")


def status_label(value: str) -> str:
    return value.replace("_", " ").capitalize() if value else ""


class ReviewPanel(QWidget):
    submit_clicked = Signal()
    request_changes_clicked = Signal()
    approve_clicked = Signal()
    comment_requested = Signal(str)  # the new comment's text
    reply_requested = Signal(int, str)  # comment id, text
    resolve_requested = Signal(int, bool)  # comment id, resolved?
    jump_requested = Signal(int, bool)  # comment id, move the keyboard to the text?
    filter_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._writable = True
        self.status = QLabel(objectName="review_status")
        self.note = QLineEdit(objectName="review_note")
        self.note.setPlaceholderText("Note for the status change (needed to request changes)")
        self.note.setAccessibleName("Note for the status change")
        self.submit = QPushButton("Submit for review", objectName="review_submit")
        self.request_changes = QPushButton("Request changes", objectName="review_request_changes")
        self.approve = QPushButton("Approve", objectName="review_approve")
        self.tabs = QTabWidget(objectName="review_tabs")
        self.tabs.setAccessibleName("Review")
        self.tabs.addTab(self._comments_tab(), "Comments")
        self.log = QListWidget(objectName="review_log")
        self.log.setAccessibleName("Status log")
        self.log.setWordWrap(True)
        self.tabs.addTab(self.log, "Log")
        self._layout()
        self._connect()

    def _comments_tab(self) -> QWidget:
        self.filter = QComboBox(objectName="comment_filter")
        self.filter.setAccessibleName("Show comments")
        for label, value in FILTERS:
            self.filter.addItem(label, value)
        self.comments = QTreeWidget(objectName="comments")
        self.comments.setAccessibleName("Comments")
        self.comments.setHeaderHidden(True)
        self.comments.setWordWrap(True)
        self.comments.setAlternatingRowColors(True)
        self.comments.setMinimumHeight(self.comments.fontMetrics().lineSpacing() * 9)
        self.reply_text = QLineEdit(objectName="reply_text")
        self.reply_text.setPlaceholderText("Reply to the chosen comment")
        self.reply_text.setAccessibleName("Reply")
        self.reply_button = QPushButton("Reply", objectName="reply", enabled=False)
        self.resolve_button = QPushButton("Resolve", objectName="resolve", enabled=False)
        self.new_quote = QLabel("Select words and press Ctrl+Alt+M to comment on them.",
                                objectName="new_comment_quote", wordWrap=True)  # fmt: skip
        self.new_comment = QPlainTextEdit(objectName="new_comment")
        self.new_comment.setPlaceholderText("Your comment")
        self.new_comment.setAccessibleName("New comment")
        self.new_comment.setTabChangesFocus(True)
        self.new_comment.setMaximumHeight(self.new_comment.fontMetrics().lineSpacing() * 3)
        self.add_button = QPushButton("Comment", objectName="add_comment")
        tab = QWidget()
        box = QVBoxLayout(tab)
        row = QHBoxLayout()
        label = QLabel("&Show:")
        label.setBuddy(self.filter)
        row.addWidget(label)
        row.addWidget(self.filter, 1)
        box.addLayout(row)
        box.addWidget(self.comments, 1)
        row = QHBoxLayout()
        row.addWidget(self.reply_text, 1)
        row.addWidget(self.reply_button)
        row.addWidget(self.resolve_button)
        box.addLayout(row)
        box.addWidget(self.new_quote)
        row = QHBoxLayout()
        row.addWidget(self.new_comment, 1)
        row.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignBottom)
        box.addLayout(row)
        return tab

    def _layout(self) -> None:
        box = QVBoxLayout(self)
        box.addWidget(self.status)
        box.addWidget(self.note)
        row = QHBoxLayout()
        for button in (self.submit, self.request_changes, self.approve):
            row.addWidget(button)
        box.addLayout(row)
        box.addWidget(self.tabs, 1)

    def _connect(self) -> None:
        self.submit.clicked.connect(self.submit_clicked)
        self.request_changes.clicked.connect(self.request_changes_clicked)
        self.approve.clicked.connect(self.approve_clicked)
        self.add_button.clicked.connect(
            lambda: self.comment_requested.emit(self.new_comment.toPlainText())
        )
        self.reply_button.clicked.connect(self._reply)
        self.reply_text.returnPressed.connect(self._reply)
        self.resolve_button.clicked.connect(self._resolve)
        self.comments.currentItemChanged.connect(lambda *_: self._chosen())
        self.comments.itemActivated.connect(lambda item, _c: self._jump(item, True))
        self.comments.itemClicked.connect(lambda item, _c: self._jump(item, False))
        self.filter.currentIndexChanged.connect(lambda _i: self.filter_changed.emit())

    # -- showing ----------------------------------------------------------------------------
    def show_status(self, status: str, allowed: tuple[str, ...], writable: bool) -> None:
        self.status.setText(f"Status: {status_label(status)}" if status else "No post")
        review = status in ("submitted", "in_review")
        self.submit.setEnabled(writable and "submitted" in allowed)
        self.request_changes.setEnabled(writable and review)
        self.approve.setEnabled(writable and review)
        for w in (self.note, self.new_comment, self.add_button, self.reply_text):
            w.setEnabled(writable and bool(status))
        self._writable = writable

    def show_log(self, entries: list[Any]) -> None:
        self.log.clear()
        for e in reversed(entries):  # newest first
            move = (f"{status_label(e.from_status)} → {status_label(e.to_status)}"
                    if e.from_status else f"Created ({status_label(e.to_status)})")  # fmt: skip
            forced = " (forced)" if e.forced else ""
            text = f"{move}{forced}\n{e.author.short} · {shown_time(e.when, e.author.zone)}"
            if e.note:
                text += f"\n“{e.note}”"
            item = QListWidgetItem(text)
            item.setToolTip(e.author.label)
            self.log.addItem(item)

    def show_comments(self, views: list[Any]) -> None:
        wanted = self.filter.currentData()
        chosen = self.chosen_id()
        self.comments.clear()
        for v in views:
            if (wanted == "open" and v.resolved) or (wanted == "resolved" and not v.resolved):
                continue
            item = QTreeWidgetItem([self._comment_text(v)])
            item.setData(0, ID_ROLE, v.id)
            item.setData(0, ID_ROLE + 1, v.resolved)
            item.setToolTip(0, v.author.label)
            for r in v.replies:
                child = QTreeWidgetItem([f"{r.text}\n{r.author.short} · {shown_time(r.when)}"])
                child.setData(0, ID_ROLE, v.id)
                child.setData(0, ID_ROLE + 1, v.resolved)
                child.setToolTip(0, r.author.label)
                item.addChild(child)
            self.comments.addTopLevelItem(item)
            item.setExpanded(True)
            if v.id == chosen:
                self.comments.setCurrentItem(item)
        self._chosen()

    @staticmethod
    def _comment_text(v: Any) -> str:
        field = FIELD_NAMES.get(v.field, v.field.replace(":", " of photo "))
        if v.field == "post":
            where = "On the whole post"
        elif v.detached:
            where = f"Detached (its words are gone): “{v.anchor.quote}” in the {field}"
        else:
            where = f"“{v.anchor.quote}” in the {field}"
        state = " · resolved" if v.resolved else ""
        return f"{where}\n{v.text}\n{v.author.short} · {shown_time(v.when)}{state}"

    def chosen_id(self) -> int | None:
        item = self.comments.currentItem()
        return item.data(0, ID_ROLE) if item is not None else None

    def choose(self, comment_id: int) -> None:
        for i in range(self.comments.topLevelItemCount()):
            item = self.comments.topLevelItem(i)
            if item.data(0, ID_ROLE) == comment_id:
                self.comments.setCurrentItem(item)
                self.comments.scrollToItem(item)

    def set_new_quote(self, quote: str, field: str) -> None:
        name = FIELD_NAMES.get(field, field.replace(":", " of photo "))
        self.new_quote.setText(
            "On the whole post:" if field == "post" else f"On “{quote}” in the {name}:"
        )

    def clear_new_comment(self) -> None:
        self.new_comment.clear()
        self.new_quote.setText("Select words and press Ctrl+Alt+M to comment on them.")

    # -- internals --------------------------------------------------------------------------
    def _chosen(self) -> None:
        item = self.comments.currentItem()
        self.reply_button.setEnabled(item is not None and self._writable)
        self.resolve_button.setEnabled(item is not None and self._writable)
        resolved = bool(item.data(0, ID_ROLE + 1)) if item is not None else False
        self.resolve_button.setText("Reopen" if resolved else "Resolve")

    def _reply(self) -> None:
        chosen = self.chosen_id()
        if chosen is not None and self.reply_text.text().strip():
            self.reply_requested.emit(chosen, self.reply_text.text())

    def _resolve(self) -> None:
        item = self.comments.currentItem()
        if item is not None:
            self.resolve_requested.emit(item.data(0, ID_ROLE), not item.data(0, ID_ROLE + 1))

    def _jump(self, item: QTreeWidgetItem, focus: bool) -> None:
        self.jump_requested.emit(item.data(0, ID_ROLE), focus)
