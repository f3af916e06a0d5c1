"""Blog settings: create, edit and delete blogs. Deleting a blog with posts asks what to do
with them (move or delete); nothing is lost without the user saying so.

The dialog is modal and its writes are a few rows, so it uses the store directly, one session
per button press.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from editor.errors import BylineError
from editor.formats.post_json import blog_to_json
from editor.model import (
    DEFAULT_CATEGORY_BASE,
    DEFAULT_ROLE,
    DEFAULT_SIDEBAR_COUNT,
    DEFAULT_THEME,
    MAX_SIDEBAR_COUNT,
)
from editor.services import blogs
from editor.ui.sidebar.blog_choices import LanguageBox, TargetBox, ThemeBox


@dataclass(frozen=True)
class PostsDecision:
    """What happens to a deleted blog's posts: moved to the blog ``move_to``, or deleted."""

    move_to: int | None = None
    delete_posts: bool = False


class DeleteBlogDialog(QDialog):
    def __init__(
        self, parent: QWidget | None, name: str, post_count: int, others: list[tuple[int, str]]
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Delete {name}")
        layout = QVBoxLayout(self)
        self.move = QRadioButton("&Move them to")
        self.delete = QRadioButton(f"&Delete the {post_count} posts too, with their history")
        self.target = QComboBox()
        self.target.setAccessibleName("Blog to move the posts to")
        for blog_id, other in others:
            self.target.addItem(other, blog_id)
        if post_count:
            layout.addWidget(QLabel(
                f"<b>{_escape(name)}</b> has {post_count} post{'s' if post_count != 1 else ''}. "
                "What should happen to them?"
            ))  # fmt: skip
            group = QButtonGroup(self)
            group.addButton(self.move)
            group.addButton(self.delete)
            row = QHBoxLayout()
            row.addWidget(self.move)
            row.addWidget(self.target, 1)
            layout.addLayout(row)
            layout.addWidget(self.delete)
            self.move.setEnabled(bool(others))
            self.target.setEnabled(bool(others))
            (self.move if others else self.delete).setChecked(True)
        else:
            layout.addWidget(QLabel(f"Delete <b>{_escape(name)}</b> and its sidebar links?"))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Delete blog")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._post_count = post_count

    def decision(self) -> PostsDecision:
        if not self._post_count:
            return PostsDecision()
        if self.move.isChecked():
            return PostsDecision(move_to=self.target.currentData())
        return PostsDecision(delete_posts=True)

    @classmethod
    def ask(
        cls, parent: QWidget | None, name: str, post_count: int, others: list[tuple[int, str]]
    ) -> PostsDecision | None:
        """The user's decision, or None to keep the blog. Tests replace this method."""
        dialog = cls(parent, name, post_count, others)
        return dialog.decision() if dialog.exec() == QDialog.DialogCode.Accepted else None


class LogoPicker:
    @classmethod
    def ask(cls, parent: QWidget | None) -> str | None:
        """An image file, or None. Tests replace this method."""
        path, _ = QFileDialog.getOpenFileName(
            parent, "Blog logo", "", "Images (*.png *.jpg *.jpeg *.svg *.webp *.gif)"
        )
        return path or None


class BlogForm(QWidget):
    """Every blog setting. :meth:`values` gives them named as :func:`blogs.update_blog` takes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Hints start with "e.g." or "None:", so an empty field never looks filled in.
        self.name = QLineEdit(objectName="blog_name")
        self.site_url = QLineEdit(objectName="blog_site_url")
        self.site_url.setPlaceholderText("e.g. https://blog.example.org")
        self.description = QPlainTextEdit()
        self.description.setFixedHeight(60)
        self.description.setTabChangesFocus(True)  # Tab goes on to the next field
        self.logo_path = QLineEdit(objectName="blog_logo")
        self.logo_path.setAccessibleName("Logo")
        self.logo_path.setPlaceholderText("None: the blog's name is shown instead")
        browse = QPushButton("Choose…", objectName="blog_logo_choose")
        browse.setAccessibleName("Choose a logo image")
        browse.clicked.connect(self._pick_logo)
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo_path, 1)
        logo_row.addWidget(browse)
        self.theme = ThemeBox()
        self.language = LanguageBox()
        self.default_byline_role = QLineEdit(objectName="blog_role")
        self.comments_url_pattern = QLineEdit(objectName="blog_comments_url")
        self.comments_url_pattern.setPlaceholderText(
            "None: no comment links (e.g. {post_url}#comments)"
        )
        self.tag_url_pattern = QLineEdit(objectName="blog_tag_url")
        self.tag_url_pattern.setPlaceholderText(
            "None: tags are plain labels (e.g. {blog_url}/tag/{tag}/)"
        )
        self.category_base = QLineEdit(objectName="blog_category_base")
        self.category_base.setPlaceholderText("e.g. topics (empty: category, WordPress's own)")
        self.category_base.setToolTip(
            "The path before a category's name in its links, as the site's Permalinks "
            "settings have it: 'topics' gives {site}/topics/news/"
        )
        self.default_target = TargetBox()
        self.sidebar_auto = QCheckBox("Fill with the newest published posts on refresh")
        self.sidebar_count = QSpinBox()
        self.sidebar_count.setRange(0, MAX_SIDEBAR_COUNT)
        self.sidebar_count.setSuffix(" posts")
        form = QFormLayout(self)
        form.addRow("&Name", self.name)
        form.addRow("Site &URL", self.site_url)
        form.addRow("&Description", self.description)
        form.addRow("Logo", logo_row)
        form.addRow("&Theme", self.theme)
        form.addRow("Lan&guage", self.language)
        form.addRow("Byline &role", self.default_byline_role)
        form.addRow("&Comments URL", self.comments_url_pattern)
        form.addRow("Tag &pages", self.tag_url_pattern)
        form.addRow("Categor&y base", self.category_base)
        form.addRow("Publishing &target", self.default_target)
        form.addRow("Sidebar", self.sidebar_auto)
        form.addRow("Recent posts &shown", self.sidebar_count)
        self.load(None)

    def load(self, data: dict[str, Any] | None) -> None:
        data = data or {
            "name": "", "site_url": "", "description": "", "logo_path": "",
            "theme": DEFAULT_THEME, "language": "en", "default_byline_role": DEFAULT_ROLE,
            "comments_url_pattern": "", "tag_url_pattern": "", "default_target": None,
            "category_base": DEFAULT_CATEGORY_BASE, "sidebar_auto": True,
            "sidebar_count": DEFAULT_SIDEBAR_COUNT,
        }  # fmt: skip
        for key in ("name", "site_url", "logo_path", "default_byline_role", "comments_url_pattern",
                    "tag_url_pattern", "category_base"):  # fmt: skip
            getattr(self, key).setText(data.get(key) or "")
        self.theme.set_theme(data["theme"] or DEFAULT_THEME)
        self.language.set_tag(data["language"] or "en")
        self.default_target.set_target(data["default_target"])
        self.description.setPlainText(data["description"] or "")
        self.sidebar_auto.setChecked(bool(data["sidebar_auto"]))
        self.sidebar_count.setValue(int(data["sidebar_count"]))

    def values(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            key: getattr(self, key).text()
            for key in ("name", "site_url", "logo_path", "default_byline_role",
                        "comments_url_pattern", "tag_url_pattern", "category_base")
        }  # fmt: skip
        data["theme"] = self.theme.theme()
        data["language"] = self.language.tag()
        data["default_target"] = self.default_target.target()
        data["description"] = self.description.toPlainText()
        data["sidebar_auto"] = self.sidebar_auto.isChecked()
        data["sidebar_count"] = self.sidebar_count.value()
        return data

    def _pick_logo(self) -> None:
        path = LogoPicker.ask(self)
        if path:
            self.logo_path.setText(path)


class BlogDialog(QDialog):
    """Blogs on the left, the selected one's settings on the right."""

    blogs_changed = Signal()

    def __init__(self, store: Any, parent: QWidget | None = None, select: int | None = None):
        super().__init__(parent)
        self.setWindowTitle("Blogs")
        self.store = store
        self.current_id: int | None = None
        self.list = QListWidget()
        self.list.setAccessibleName("Blogs")
        self.list.setMinimumWidth(170)
        self.new_button = QPushButton("&New blog")
        self.delete_button = QPushButton("&Delete…")
        self.form = BlogForm()
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b91c1c")
        self.save_button = QPushButton("&Save")
        self.save_button.setDefault(True)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)

        left = QVBoxLayout()
        left.addWidget(self.list, 1)
        left.addWidget(self.new_button)
        left.addWidget(self.delete_button)
        right = QVBoxLayout()
        right.addWidget(self.form)
        right.addWidget(self.error)
        right.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignRight)
        right.addStretch(1)
        body = QHBoxLayout()
        body.addLayout(left)
        body.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(close)

        self.list.currentItemChanged.connect(self._selected)
        self.new_button.clicked.connect(self.new_blog)
        self.delete_button.clicked.connect(self.delete_blog)
        self.save_button.clicked.connect(self.save)
        self.reload(select)

    def reload(self, select: int | None = None) -> None:
        from editor.services.targets import list_targets

        with self.store.session() as s:
            rows = [(b.id, b.name) for b in blogs.list_blogs(s)]
            self.form.default_target.set_targets([t.name for t in list_targets(s)])
        self.list.blockSignals(True)
        self.list.clear()
        for blog_id, name in rows:
            item = QListWidgetItem(name)
            item.setData(Qt.ItemDataRole.UserRole, blog_id)
            self.list.addItem(item)
        self.list.blockSignals(False)
        ids = [blog_id for blog_id, _ in rows]
        if select in ids:
            self.list.setCurrentRow(ids.index(select))
        elif rows:
            self.list.setCurrentRow(0)
        else:
            self.new_blog()

    def new_blog(self) -> None:
        self.list.blockSignals(True)
        self.list.clearSelection()
        self.list.setCurrentItem(None)
        self.list.blockSignals(False)
        self.current_id = None
        self.form.load(None)
        self.error.clear()
        self.delete_button.setEnabled(False)
        self.form.name.setFocus()

    def save(self) -> bool:
        values = self.form.values()
        try:
            with self.store.session() as s:
                if self.current_id is None:
                    blog = blogs.create_blog(s, **values)
                else:
                    blog = blogs.update_blog(s, blogs.find_blog(s, self.current_id), **values)
                saved = blog.id
        except BylineError as exc:
            self.error.setText(str(exc))
            return False
        self.error.clear()
        self.reload(saved)
        self.blogs_changed.emit()
        return True

    def delete_blog(self) -> None:
        if self.current_id is None:
            return
        with self.store.session() as s:
            blog = blogs.find_blog(s, self.current_id)
            name, count = blog.name, blogs.count_posts(s, blog)
            others = [(b.id, b.name) for b in blogs.list_blogs(s) if b.id != blog.id]
        decision = DeleteBlogDialog.ask(self, name, count, others)
        if decision is None:
            return
        try:
            with self.store.session() as s:
                blog = blogs.find_blog(s, self.current_id)
                target = blogs.find_blog(s, decision.move_to) if decision.move_to else None
                blogs.delete_blog(s, blog, move_posts_to=target,
                                  delete_posts=decision.delete_posts)  # fmt: skip
        except BylineError as exc:
            self.error.setText(str(exc))
            return
        self.reload(decision.move_to)
        self.blogs_changed.emit()

    def _selected(self, item: QListWidgetItem | None, _previous: object) -> None:
        self.error.clear()
        if item is None:
            return
        self.current_id = item.data(Qt.ItemDataRole.UserRole)
        with self.store.session() as s:
            data = blog_to_json(blogs.find_blog(s, self.current_id))
        self.form.load(data)
        self.delete_button.setEnabled(True)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
