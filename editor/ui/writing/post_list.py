"""The post list: filters, a search box and the newest posts first. A view: it reports what
the user picked and shows the rows it is given."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QDropEvent, QKeyEvent, QKeySequence, QPainter, QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

SEARCH_DELAY_MS = 250
# Narrower than this, the list shows each post on two lines (the headline, then its status and
# time) instead of three columns that left the headline a few letters ("In t…").
TWO_LINES_BELOW = 420
ID_ROLE = Qt.ItemDataRole.UserRole
TRASH = "trash"  # the status filter's value for the Trash (see editor.ui.window.jobs)


def when(dt: datetime) -> str:
    local = dt.astimezone()
    today = datetime.now().astimezone().date()
    return local.strftime("%H:%M") if local.date() == today else local.strftime("%Y-%m-%d")


class PostTree(QTreeWidget):
    """The list itself. Takes dropped files (``files_dropped``) and, while a deleted post can be
    brought back (``can_undo``), answers Undo with ``undo_requested`` instead of the editor."""

    files_dropped = Signal(list)  # [Path]
    undo_requested = Signal()
    can_undo = False

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="posts")
        self.setAcceptDrops(True)
        self.viewport().setAcceptDrops(True)
        self.two_lines = False
        self.setItemDelegateForColumn(0, _HeadlineDelegate(self))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.set_two_lines(event.size().width() < TWO_LINES_BELOW)

    def set_two_lines(self, two: bool) -> None:
        """Each post on two lines (narrow list) or in three columns (wide enough)."""
        if two == self.two_lines:
            return
        self.two_lines = two
        self.setHeaderHidden(two)
        for column in (1, 2):
            self.setColumnHidden(column, two)
        self.scheduleDelayedItemsLayout()  # the rows' height changes

    def undo(self) -> None:  # Edit > Undo while the list has the focus
        if self.can_undo:
            self.undo_requested.emit()

    def event(self, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and self.can_undo
            and isinstance(event, QKeyEvent)
            and event.matches(QKeySequence.StandardKey.Undo)
        ):
            event.accept()  # Ctrl+Z here undoes the delete, not the last edit of the body
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.can_undo and event.matches(QKeySequence.StandardKey.Undo):
            self.undo_requested.emit()
            return
        super().keyPressEvent(event)

    def dragEnterEvent(self, event: Any) -> None:
        if _local_files(event):
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event: Any) -> None:
        if _local_files(event):
            event.acceptProposedAction()
        else:
            super().dragMoveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        files = _local_files(event)
        if not files:
            super().dropEvent(event)
            return
        event.acceptProposedAction()
        self.files_dropped.emit(files)


class _HeadlineDelegate(QStyledItemDelegate):
    """The headline column; on two lines (``PostTree.two_lines``) it also shows the status and
    time from the hidden columns, below the headline in the same colour, the headline bold."""

    def __init__(self, tree: PostTree) -> None:
        super().__init__(tree)
        self.tree = tree

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        size = super().sizeHint(option, index)
        if self.tree.two_lines:
            size.setHeight(2 * option.fontMetrics.height() + 8)
        return size

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        if not self.tree.two_lines:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        headline, opt.text = opt.text, ""
        style = self.tree.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, self.tree)
        rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, self.tree)
        rect = rect.adjusted(2, 4, -2, -4)
        meta = " · ".join(
            str(index.siblingAtColumn(c).data() or "")
            for c in (1, 2)
            if index.siblingAtColumn(c).data()
        )
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        group = (
            QPalette.ColorGroup.Normal
            if opt.state & QStyle.StateFlag.State_Enabled
            else QPalette.ColorGroup.Disabled
        )
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.save()
        painter.setPen(opt.palette.color(group, role))
        line = opt.fontMetrics.height()
        bold = opt.font
        bold.setBold(True)
        painter.setFont(bold)
        top = rect.adjusted(0, 0, 0, -(rect.height() - line))
        flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        elided = painter.fontMetrics().elidedText(
            headline, Qt.TextElideMode.ElideRight, rect.width()
        )
        painter.drawText(top, flags, elided)
        painter.setFont(option.font)
        bottom = top.translated(0, line)
        painter.drawText(
            bottom,
            flags,
            opt.fontMetrics.elidedText(meta, Qt.TextElideMode.ElideRight, rect.width()),
        )
        painter.restore()


def _local_files(event: Any) -> list[Path]:
    mime = event.mimeData()
    if mime is None or not mime.hasUrls():
        return []
    return [Path(u.toLocalFile()) for u in mime.urls() if u.isLocalFile()]


class PostList(QWidget):
    filters_changed = Signal()
    post_chosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._showing = False
        self._shown: list[tuple[Any, str]] | None = None  # the rows last shown, as shown
        self.search = QLineEdit(objectName="search", placeholderText="Search headline, text, tags…")
        self.search.setClearButtonEnabled(True)
        self.blog = QComboBox(objectName="blog_filter")
        self.status = QComboBox(objectName="status_filter")
        self.tree = PostTree()
        for widget, name in (
            (self.search, "Search posts"),
            (self.blog, "Show posts of blog"),
            (self.status, "Show posts with status"),
            (self.tree, "Posts"),
        ):
            widget.setAccessibleName(name)  # fmt: skip
        self.tree.setHeaderLabels(["Headline", "Status", "Updated"])
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(0, self.tree.header().ResizeMode.Stretch)
        for col in (1, 2):
            self.tree.header().setSectionResizeMode(
                col, self.tree.header().ResizeMode.ResizeToContents
            )
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)

        filters = QHBoxLayout()
        filters.addWidget(self.blog, 1)
        filters.addWidget(self.status, 1)
        box = QVBoxLayout(self)
        box.setContentsMargins(6, 6, 0, 6)
        box.addWidget(self.search)
        box.addLayout(filters)
        box.addWidget(self.tree, 1)

        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.search.returnPressed.connect(self._search_now)
        self._search_timer.timeout.connect(self.filters_changed)
        self.blog.currentIndexChanged.connect(self._filter_changed)
        self.status.currentIndexChanged.connect(self._filter_changed)
        self.tree.currentItemChanged.connect(self._current_changed)
        self.set_choices([], [])

    def set_choices(self, blogs: list[tuple[int, str]], statuses: list[tuple[str, str]]) -> None:
        self._showing = True
        for combo, everything, items in (
            (self.blog, "All blogs", blogs),
            (self.status, "Any status", statuses),
        ):
            current = combo.currentData()
            combo.clear()
            combo.addItem(everything, None)
            for value, label in items:
                combo.addItem(label, value)
            if combo is self.status:
                combo.insertSeparator(combo.count())
                combo.addItem("Trash", TRASH)
            i = combo.findData(current)
            combo.setCurrentIndex(max(i, 0))
        self._showing = False

    def filters(self) -> dict[str, Any]:
        return {
            "blog": self.blog.currentData(),
            "status": self.status.currentData(),
            "search": self.search.text().strip(),
        }

    def show_posts(self, rows: list[Any], current_id: int | None) -> None:
        """Rows are PostSummary objects; keeps ``current_id`` selected without re-announcing it,
        and the list scrolled where it was (a refresh after someone else's change)."""
        shown = [(row, when(row.updated_at)) for row in rows]
        if shown == self._shown:  # a refresh that found nothing new (after each own save)
            self.select(current_id)
            return
        self._shown = shown
        self._showing = True
        scrolled = self.tree.verticalScrollBar().value()
        self.tree.clear()
        items = []
        for row in rows:
            item = QTreeWidgetItem(
                [row.headline or "(untitled)", row.status.label, when(row.updated_at)]
            )
            item.setData(0, ID_ROLE, row.id)
            item.setToolTip(0, f"{row.headline}\n{row.byline} · {row.blog_name}")
            _read_whole(item)
            items.append(item)
        self.tree.addTopLevelItems(items)
        self.select(current_id)
        self.tree.verticalScrollBar().setValue(scrolled)
        self._showing = False

    def select(self, post_id: int | None) -> None:
        was = self._showing
        self._showing = True
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            if item.data(0, ID_ROLE) == post_id:
                self.tree.setCurrentItem(item)
                break
        else:
            self.tree.setCurrentItem(None)
        self._showing = was

    def update_top_row(self, post_id: int, headline: str, status: str, updated: datetime) -> bool:
        """Refresh the row of a just-saved post in place when it already leads the list (the
        usual case while typing); False when the list must be reloaded to reorder it."""
        item = self.tree.topLevelItem(0)
        if item is None or item.data(0, ID_ROLE) != post_id:
            return False
        self._shown = None  # changed in place: the next refresh rebuilds
        item.setText(0, headline or "(untitled)")
        item.setText(1, status)
        item.setText(2, when(updated))
        _read_whole(item)
        return True

    def in_trash(self) -> bool:
        """The list shows the posts in the Trash."""
        return self.status.currentData() == TRASH

    def show_trash(self, shown: bool) -> None:
        """Switch to the Trash, or from it back to every post (another filter stays as it is)."""
        if shown != self.in_trash():
            self.status.setCurrentIndex(max(self.status.findData(TRASH if shown else None), 0))

    def row_ids(self) -> list[int]:
        return [
            self.tree.topLevelItem(i).data(0, ID_ROLE) for i in range(self.tree.topLevelItemCount())
        ]

    def _search_now(self) -> None:
        self._search_timer.stop()
        self.filters_changed.emit()

    def _filter_changed(self, _index: int) -> None:
        if not self._showing:
            self.filters_changed.emit()

    def _current_changed(self, item: QTreeWidgetItem | None, _previous: object) -> None:
        if item is not None and not self._showing:
            self.post_chosen.emit(item.data(0, ID_ROLE))


def _read_whole(item: QTreeWidgetItem) -> None:
    """A screen reader hears the whole row from its first cell, as the two-line list shows it."""
    whole = f"{item.text(0)}, {item.text(1)}, updated {item.text(2)}"
    item.setData(0, Qt.ItemDataRole.AccessibleTextRole, whole)
