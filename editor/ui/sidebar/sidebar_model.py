"""The sidebar panel's list: a model over plain :class:`LinkSpec` values and a two-line delegate.

The model never changes its rows itself. A drop or a keyboard move becomes
``move_requested(from_row, to_index)``; the controller asks the services and reloads, so the
database stays the single source of truth and every change can be undone.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from editor.services.sidebar_merge import LinkSpec

MIME_TYPE = "application/x-byline-sidebar-row"
LinkRole = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex


class LinksModel(QAbstractListModel):
    move_requested = Signal(int, int)  # from row, index the link should end up at

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._links: list[LinkSpec] = []

    # reading
    def links(self) -> list[LinkSpec]:
        return list(self._links)

    def set_links(self, links: list[LinkSpec]) -> None:
        self.beginResetModel()
        self._links = list(links)
        self.endResetModel()

    def row_of(self, link_id: int | None) -> int:
        for row, link in enumerate(self._links):
            if link.id == link_id:
                return row
        return -1

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._links)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._links):
            return None
        link = self._links[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return link.title
        if role == Qt.ItemDataRole.ToolTipRole:
            return link.url
        if role == LinkRole:
            return link
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:
            return ("pinned, " if link.pinned else "") + link.url
        return None

    # drag and drop: rows move only through move_requested
    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.isValid():
            return base | Qt.ItemFlag.ItemIsDragEnabled
        return Qt.ItemFlag.ItemIsDropEnabled  # drops land between rows, never on one

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def mimeData(self, indexes) -> QMimeData:
        """Carries link ids, not rows, so a drop is checked against what this list shows."""
        mime = QMimeData()
        ids = [str(self._links[i.row()].id) for i in indexes if i.isValid()]
        mime.setData(MIME_TYPE, QByteArray(",".join(ids).encode()))
        return mime

    def dropMimeData(self, data, action, row, column, parent) -> bool:
        if action != Qt.DropAction.MoveAction or not data.hasFormat(MIME_TYPE):
            return False
        ids = [x for x in bytes(data.data(MIME_TYPE).data()).decode().split(",") if x]
        if len(ids) != 1 or not ids[0].isdigit():
            return False
        source = self.row_of(int(ids[0]))
        if source < 0:  # a row from another list or blog
            return False
        target = row if row >= 0 else (parent.row() if parent.isValid() else len(self._links))
        return self._request(source, target)

    def moveRows(self, source_parent, source_row, count, destination_parent, destination) -> bool:
        """What QListView calls for an internal move; ``destination`` is a row *before* which
        the link goes, counted before it is taken out."""
        if count != 1 or source_parent.isValid() or destination_parent.isValid():
            return False
        return self._request(source_row, destination)

    def _request(self, source_row: int, before_row: int) -> bool:
        if not 0 <= source_row < len(self._links):
            return False
        to_index = before_row - 1 if before_row > source_row else before_row
        to_index = max(0, min(to_index, len(self._links) - 1))
        if to_index != source_row:
            self.move_requested.emit(source_row, to_index)
        return True


class LinkDelegate(QStyledItemDelegate):
    """Title on the first line (with "pinned" and source badges), URL, date and label below."""

    PAD = 6

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        fm = QFontMetrics(option.font)
        return QSize(200, fm.height() * 2 + self.PAD * 3)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        link: LinkSpec | None = index.data(LinkRole)
        if link is None:
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        group = QPalette.ColorGroup.Active
        text_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        text = opt.palette.color(group, text_role)
        muted = QColor(text)
        muted.setAlpha(150)

        painter.save()
        rect = opt.rect.adjusted(self.PAD + 2, self.PAD, -self.PAD, -self.PAD)
        fm = QFontMetrics(opt.font)
        line = fm.height()
        right = rect.right()
        small = QFont(opt.font)
        small.setPointSizeF(max(opt.font.pointSizeF() * 0.85, 6.0))
        badges = []
        if link.pinned:
            badges.append(("pinned", opt.palette.color(group, QPalette.ColorRole.Highlight)))
        if link.source.value != "manual":
            badges.append((link.source.value, QColor("#6b7280")))
        painter.setFont(small)
        sfm = QFontMetrics(small)
        for word, colour in reversed(badges):
            width = sfm.horizontalAdvance(word) + 10
            badge = QRect(right - width, rect.top() + 1, width, line - 2)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor("#ffffff") if selected else colour)
            painter.drawRoundedRect(badge, 4, 4)
            painter.setPen(colour if selected else QColor("#ffffff"))
            painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, word)
            right = badge.left() - 4

        title_font = QFont(opt.font)
        title_font.setBold(True)
        painter.setFont(title_font)
        painter.setPen(text)
        title_rect = QRect(rect.left(), rect.top(), right - rect.left(), line)
        title = QFontMetrics(title_font).elidedText(
            link.title, Qt.TextElideMode.ElideRight, title_rect.width()
        )
        painter.drawText(title_rect, Qt.AlignmentFlag.AlignVCenter, title)

        details = " · ".join(
            part
            for part in (link.url, link.date.isoformat() if link.date else "", link.label)
            if part
        )
        painter.setFont(small)
        painter.setPen(muted)
        detail_rect = QRect(rect.left(), rect.top() + line + self.PAD // 2, rect.width(), line)
        painter.drawText(
            detail_rect,
            Qt.AlignmentFlag.AlignVCenter,
            sfm.elidedText(details, Qt.TextElideMode.ElideMiddle, detail_rect.width()),
        )
        painter.restore()
