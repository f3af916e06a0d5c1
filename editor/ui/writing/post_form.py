"""The post's fields above the body: a view. It reports edits and hands back what it holds."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, QDateTime, QTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QWidget,
)

from editor.ui.window.text_fields import GrowingTextEdit
from editor.ui.window.theme import colors

if TYPE_CHECKING:
    from zoneinfo import ZoneInfo

HEADLINE_TARGET = 70
DECK_TARGET = 200
WITH_TIME, DATE_ONLY = "yyyy-MM-dd HH:mm", "yyyy-MM-dd"
COMMON_ZONES = ["UTC", "America/New_York", "America/La_Paz", "Europe/London", "Asia/Tokyo"]


def guidance(length: int, target: int) -> tuple[str, str]:
    """(label text, level) for a length against a soft target; never blocks anything."""
    if length <= target:
        return f"{length} / ~{target}", "ok"
    if length <= target * 1.25:
        return f"{length} / ~{target} · a little long", "near"
    return f"{length} / ~{target} · consider shortening", "over"


def split_list(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


class _Short(GrowingTextEdit):
    """A few lines of plain text (deck, editor's note), as high as the text needs: whole
    lines only (a fixed height showed half of the deck's fourth line)."""

    def __init__(self, lines: int, placeholder: str) -> None:
        super().__init__(min_lines=lines, max_lines=lines + 2)
        self.setPlaceholderText(placeholder)


class PostForm(QWidget):
    edited = Signal()
    slug_reset = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loading = False
        self._slug_auto = True
        self.blog = QComboBox(objectName="blog")
        self.status = QComboBox(objectName="status")
        self.blog.currentTextChanged.connect(self.blog.setToolTip)  # whole when the row is narrow
        self.headline = QLineEdit(objectName="headline", placeholderText="Headline")
        self.headline_count = QLabel(objectName="headline_count")
        self.deck = _Short(3, "Deck: one or two sentences that sell the story")
        self.deck.setObjectName("deck")
        self.deck_count = QLabel(objectName="deck_count")
        self.byline = QLineEdit(objectName="byline", placeholderText="Author's name")
        self.byline_role = QLineEdit(objectName="byline_role", placeholderText="Guest blogger")
        # Not "Published ☑": on a draft that read as if the post were out already.
        self.dated = QCheckBox("Fixed", objectName="dated")
        self.dated.setAccessibleName("Fixed publish date")
        self.dated.setToolTip(
            "Give the post a fixed publication date, shown on the page and sent to the blog.\n"
            "Unticked, the blog dates the post when it is published."
        )
        self.when = QDateTimeEdit(objectName="when", calendarPopup=True)
        self.when.setDisplayFormat(WITH_TIME)
        self.when.setAccessibleName("Publication date")
        # Unticked: the date alone is known, and the page shows no time (none is made up).
        self.timed = QCheckBox("Time", objectName="timed", checked=True)
        self.timed.setToolTip("Untick when only the date is known: the page shows no time")
        self.zone = QComboBox(objectName="zone", editable=True)
        self.zone.addItems(COMMON_ZONES)
        self.slug = QLineEdit(objectName="slug")
        self.slug_auto_button = QToolButton(text="Auto", checkable=True, objectName="slug_auto")
        self.slug_auto_button.setToolTip("Follow the headline")
        self.tags = QLineEdit(objectName="tags", placeholderText="comma, separated")
        self.categories = QLineEdit(objectName="categories", placeholderText="comma, separated")
        self.editor_note = _Short(2, "Editor's note (internal, never published)")
        self.editor_note.setObjectName("editor_note")
        # The post's language for spelling and the page ("" = the blog's).
        self.language = QComboBox(objectName="language", editable=True)
        self.language.addItem("Blog's", "")
        self.language.addItems(["en", "en-GB", "es", "pt-BR", "pt-PT", "fr"])
        self.language.setAccessibleName("Post language")
        self.language.lineEdit().setAccessibleName("Post language")  # the part that takes typing
        self.language.setToolTip("This post's language, for spelling and the page")
        self._layout()
        self._connect()
        self._name_fields()

    def _layout(self) -> None:
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setContentsMargins(8, 8, 8, 4)
        # The status is read whole ("Changes requested", not "Changes") and the language keeps
        # room for "Blog's" / "pt-BR"; the blog's name takes what is left (its tooltip is whole).
        self.status.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        for combo, letters in ((self.blog, 8), (self.language, 6)):
            combo.setMinimumContentsLength(letters)  # the blog may shrink: the form's minimum
            combo.setSizeAdjustPolicy(  # width is the preview's loss on a small screen
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
        top = QHBoxLayout()
        top.addWidget(self.blog, 1)
        top.addWidget(QLabel("Status"))
        top.addWidget(self.status)
        top.addWidget(QLabel("Language"))
        top.addWidget(self.language)
        form.addRow("Blog", top)
        form.addRow("Headline", _with(self.headline, self.headline_count))
        form.addRow("Deck", _with(self.deck, self.deck_count))
        who = QHBoxLayout()
        who.addWidget(self.byline, 3)
        who.addWidget(QLabel("Role"))
        who.addWidget(self.byline_role, 2)
        form.addRow("Byline", who)
        date = QHBoxLayout()
        date.addWidget(self.dated)
        date.addWidget(self.when, 2)
        date.addWidget(self.timed)
        date.addWidget(self.zone, 2)
        form.addRow("Publish date", date)
        slug = QHBoxLayout()
        slug.addWidget(self.slug, 1)
        slug.addWidget(self.slug_auto_button)
        form.addRow("Slug", slug)
        lists = QHBoxLayout()
        lists.addWidget(self.tags, 1)
        lists.addWidget(QLabel("Categories"))
        lists.addWidget(self.categories, 1)
        form.addRow("Tags", lists)
        form.addRow("Note", self.editor_note)

    def _name_fields(self) -> None:
        """Accessible names: the row labels sit beside layouts, so they are nobody's buddy."""
        for widget, name in (
            (self.blog, "Blog"), (self.status, "Status"), (self.headline, "Headline"),
            (self.deck, "Deck"), (self.byline, "Byline"), (self.byline_role, "Byline role"),
            (self.when, "Publication date and time"), (self.zone, "Time zone"),
            (self.slug, "Slug"), (self.tags, "Tags"), (self.categories, "Categories"),
        ):  # fmt: skip
            widget.setAccessibleName(name)
        self.zone.lineEdit().setAccessibleName("Time zone")

    def _connect(self) -> None:
        for line in (self.headline, self.byline, self.byline_role, self.tags, self.categories):
            line.textEdited.connect(self._changed)
        for box in (self.deck, self.editor_note):
            box.textChanged.connect(self._changed)
        for combo in (self.blog, self.status):
            combo.currentIndexChanged.connect(self._changed)
        self.zone.currentTextChanged.connect(self._changed)
        self.language.currentTextChanged.connect(self._changed)
        self.when.dateTimeChanged.connect(self._changed)
        self.dated.toggled.connect(self.when.setEnabled)
        self.dated.toggled.connect(self.zone.setEnabled)
        self.dated.toggled.connect(self.timed.setEnabled)
        self.dated.toggled.connect(self._changed)
        self.timed.toggled.connect(self._timed_toggled)
        self.slug.textEdited.connect(self._slug_edited)
        self.slug_auto_button.toggled.connect(self._slug_auto_toggled)
        self.headline.textChanged.connect(self._update_counts)
        self.deck.textChanged.connect(self._update_counts)

    # -- filling --------------------------------------------------------------------------
    def set_choices(self, blogs: list[tuple[int, str]], statuses: list[tuple[str, str]]) -> None:
        self._loading = True
        current_blog, current_status = self.blog.currentData(), self.status.currentData()
        self.blog.clear()
        for blog_id, name in blogs:
            self.blog.addItem(name, blog_id)
        self.status.clear()
        for value, label in statuses:
            self.status.addItem(label, value)
        _select(self.blog, current_blog)
        _select(self.status, current_status)
        self._loading = False

    def show_post(self, blog_id: int, status: str, f: dict[str, Any]) -> None:
        self._loading = True
        _select(self.blog, blog_id)
        _select(self.status, status)
        self.headline.setText(f["headline"])
        self.deck.setPlainText(f["deck"])
        self.byline.setText(f["byline"])
        self.byline_role.setText(f["byline_role"])
        language = f.get("language", "")
        if language:
            self.language.setCurrentText(language)
        else:
            self.language.setCurrentIndex(0)
        zone = f["published_tz"] or "UTC"
        if self.zone.findText(zone) < 0:
            self.zone.addItem(zone)
        self.zone.setCurrentText(zone)
        when: datetime | None = f["published_at"]
        self.dated.setChecked(when is not None)
        self.when.setEnabled(when is not None)
        self.zone.setEnabled(when is not None)
        self.timed.setEnabled(when is not None)
        self.timed.setChecked(not f.get("published_date_only", False))
        if when is not None:
            local = when.astimezone(_zone(zone))
            self.when.setDateTime(
                QDateTime(
                    QDate(local.year, local.month, local.day), QTime(local.hour, local.minute)
                )
            )
        self._slug_auto = bool(f["slug_auto"])
        self.slug_auto_button.setChecked(self._slug_auto)
        self.slug.setText(f["slug"])
        self.tags.setText(", ".join(f["tags"]))
        self.categories.setText(", ".join(f["categories"]))
        self.editor_note.setPlainText(f["editor_note"])
        for line in self._lines():  # open each field at its first word, not scrolled to its end
            line.setCursorPosition(0)
        self._loading = False
        self._update_counts()

    def show_slug(self, slug: str) -> None:
        """The slug the store settled on (it follows the headline until edited)."""
        if self._slug_auto and self.slug.text() != slug:
            self.slug.setText(slug)
            if not self.slug.hasFocus():
                self.slug.setCursorPosition(0)

    def _lines(self) -> tuple[QLineEdit, ...]:
        return (self.headline, self.byline, self.byline_role, self.slug, self.tags,
                self.categories)  # fmt: skip

    def set_read_only(self, read_only: bool) -> None:
        for w in (self.headline, self.byline, self.byline_role, self.slug, self.tags,
                  self.categories):  # fmt: skip
            w.setReadOnly(read_only)
        for box in (self.deck, self.editor_note):
            box.setReadOnly(read_only)
        for w in (self.blog, self.status, self.dated, self.when, self.timed, self.zone,
                  self.language, self.slug_auto_button):  # fmt: skip
            w.setEnabled(not read_only)

    def refresh_colors(self) -> None:
        self._update_counts()

    # -- reading back ---------------------------------------------------------------------
    def post_language(self) -> str:
        """The chosen language tag, "" for the blog's (or for something that is not a tag)."""
        if self.language.currentIndex() == 0 and self.language.currentText() == "Blog's":
            return ""
        text = self.language.currentText().strip()
        return text if re.fullmatch(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*", text) else ""

    def values(self) -> tuple[dict[str, Any], str, int]:
        """(PostContent fields without the body, status, blog id)."""
        zone = self.zone.currentText().strip() or "UTC"
        when = None
        date_only = self.dated.isChecked() and not self.timed.isChecked()
        if self.dated.isChecked():
            d, t = self.when.date(), self.when.time()
            if date_only:
                t = QTime(0, 0)
            naive = datetime(d.year(), d.month(), d.day(), t.hour(), t.minute())
            when = naive.replace(tzinfo=_zone(zone)).astimezone(UTC)
        fields = {
            "headline": self.headline.text(),
            "deck": self.deck.toPlainText(),
            "byline": self.byline.text(),
            "byline_role": self.byline_role.text(),
            "published_at": when,
            "published_tz": zone if when is not None else "",
            "published_date_only": date_only,
            "slug": self.slug.text(),
            "slug_auto": self._slug_auto,
            "tags": split_list(self.tags.text()),
            "categories": split_list(self.categories.text()),
            "editor_note": self.editor_note.toPlainText(),
            "language": self.post_language(),
        }
        return fields, self.status.currentData() or "draft", self.blog.currentData() or 0

    # -- internals ------------------------------------------------------------------------
    def _changed(self, *_args: object) -> None:
        if not self._loading:
            self.edited.emit()

    def _timed_toggled(self, on: bool) -> None:
        self.when.setDisplayFormat(WITH_TIME if on else DATE_ONLY)
        self._changed()

    def _slug_edited(self, _text: str) -> None:
        self._slug_auto = False
        self.slug_auto_button.setChecked(False)
        self._changed()

    def _slug_auto_toggled(self, on: bool) -> None:
        if self._loading or on == self._slug_auto:
            return
        self._slug_auto = on
        self._changed()

    def _update_counts(self) -> None:
        c = colors()
        for label, length, target in (
            (self.headline_count, len(self.headline.text()), HEADLINE_TARGET),
            (self.deck_count, len(self.deck.toPlainText()), DECK_TARGET),
        ):
            text, level = guidance(length, target)
            label.setText(text)
            label.setProperty("level", level)
            label.setStyleSheet(f"color: {getattr(c, level).name()};")


def _with(field: QWidget, count: QLabel) -> QHBoxLayout:
    row = QHBoxLayout()
    row.addWidget(field, 1)
    row.addWidget(count)
    # Room for the count; the advice ("a little long") wraps under it rather than taking
    # ~150 px from the field in every post.
    count.setWordWrap(True)
    count.setFixedWidth(count.fontMetrics().horizontalAdvance("200 / ~200 · a little") + 4)
    return row


def _select(combo: QComboBox, data: object) -> None:
    i = combo.findData(data)
    if i >= 0:
        combo.setCurrentIndex(i)


def _zone(name: str) -> ZoneInfo:
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError  # not needed before the first paint

    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")
