"""The post list at the widths people give it: narrow, each post is two lines (the headline in
full width, then its status and time); wide enough, three columns. Either way every row can be
read whole by a screen reader."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage

from editor.model import PostStatus
from editor.ui.writing.post_list import TWO_LINES_BELOW, PostList

HEADLINE = "In the high Andes, a radio station runs on sunlight and stubbornness"


@dataclass
class _Row:
    id: int
    headline: str
    status: PostStatus
    updated_at: datetime
    byline: str = "Lucía Ferreira"
    blog_name: str = "Latin America Blog"


def _shown(qtbot, width: int) -> PostList:
    posts = PostList()
    qtbot.addWidget(posts)
    posts.resize(width, 400)
    posts.show()
    qtbot.waitExposed(posts)
    when = datetime(2026, 11, 20, 8, 30, tzinfo=UTC)
    posts.show_posts([_Row(1, HEADLINE, PostStatus.CHANGES_REQUESTED, when)], 1)
    return posts


def _ink_columns(image: QImage, top: int, bottom: int) -> int:
    """How many pixel columns between ``top`` and ``bottom`` hold text (differ from the row's
    background at its left edge)."""
    background = image.pixelColor(1, (top + bottom) // 2)
    inked = 0
    for x in range(image.width()):
        if any(_differs(image.pixelColor(x, y), background) for y in range(top, bottom)):
            inked += 1
    return inked


def _differs(a: QColor, b: QColor) -> bool:
    return abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue()) > 60


def test_a_narrow_list_gives_the_headline_the_whole_width_and_a_second_line(qtbot):
    posts = _shown(qtbot, TWO_LINES_BELOW - 150)
    tree = posts.tree
    qtbot.waitUntil(lambda: tree.two_lines)
    assert tree.isHeaderHidden() and tree.isColumnHidden(1) and tree.isColumnHidden(2)
    item = tree.topLevelItem(0)
    rect = tree.visualItemRect(item)
    line = tree.fontMetrics().height()
    assert rect.height() >= 2 * line  # the headline, then "Changes requested · …"
    assert rect.width() >= tree.viewport().width() - 2
    image = tree.viewport().grab().toImage()
    # Both lines carry text across most of the row: the headline is not cut to a few letters.
    assert _ink_columns(image, rect.top() + 2, rect.top() + line) > rect.width() // 2
    assert _ink_columns(image, rect.top() + line + 2, rect.bottom() - 2) > 60
    whole = item.data(0, Qt.ItemDataRole.AccessibleTextRole)
    assert whole.startswith(HEADLINE) and "Changes requested" in whole


def test_a_wide_list_keeps_its_three_columns(qtbot):
    posts = _shown(qtbot, TWO_LINES_BELOW + 200)
    tree = posts.tree
    qtbot.waitUntil(lambda: not tree.isColumnHidden(1))
    assert not tree.two_lines and not tree.isHeaderHidden() and not tree.isColumnHidden(2)
    assert tree.topLevelItem(0).text(1) == "Changes requested"
    posts.resize(TWO_LINES_BELOW - 100, 400)  # the writer narrows it: two lines from then on
    qtbot.waitUntil(lambda: tree.two_lines)
