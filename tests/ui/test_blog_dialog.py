"""The blog settings dialog: create, edit and delete blogs, never losing posts silently."""

from __future__ import annotations

import pytest

from editor.model import PostContent
from editor.services import blogs, posts
from editor.store.database import open_store
from editor.ui.sidebar import blog_dialog
from editor.ui.sidebar.blog_dialog import BlogDialog, PostsDecision


@pytest.fixture
def store(tmp_path):
    st = open_store(tmp_path / "byline.sqlite3")
    with st.session() as s:
        desk = blogs.create_blog(s, "Andes Desk", site_url="https://andes.example.org")
        blogs.create_blog(s, "Latin America Blog", site_url="https://latam.example.org")
        posts.create_post(s, PostContent(headline="Kept"), blog=desk)
    yield st
    st.close()


@pytest.fixture
def dialog(qtbot, store):
    widget = BlogDialog(store)
    qtbot.addWidget(widget)
    return widget


def names(store):
    with store.session() as s:
        return [b.name for b in blogs.list_blogs(s)]


def test_create_a_blog(qtbot, dialog, store, tmp_path, monkeypatch):
    logo = tmp_path / "logo.png"
    logo.write_bytes(b"\x89PNG\r\n\x1a\n")
    monkeypatch.setattr(blog_dialog.LogoPicker, "ask", classmethod(lambda cls, p: str(logo)))
    qtbot.mouseClick(dialog.new_button, blog_dialog.Qt.MouseButton.LeftButton)
    qtbot.keyClicks(dialog.form.name, "Coast Desk")
    qtbot.keyClicks(dialog.form.site_url, "https://coast.example.org")
    dialog.form.sidebar_count.setValue(8)
    dialog.form.sidebar_auto.setChecked(False)
    dialog.form._pick_logo()
    with qtbot.waitSignal(dialog.blogs_changed):
        assert dialog.save()
    assert names(store) == ["Andes Desk", "Coast Desk", "Latin America Blog"]
    with store.session() as s:
        blog = blogs.find_blog(s, "Coast Desk")
        assert (blog.sidebar_count, blog.sidebar_auto, blog.logo_path) == (8, False, str(logo))
    assert dialog.list.currentItem().text() == "Coast Desk"


def test_edit_shows_errors_inline_and_keeps_data(qtbot, dialog, store):
    assert dialog.form.name.text() == "Andes Desk"
    dialog.form.site_url.setText("ftp://andes.example.org")
    assert not dialog.save()
    assert "only http" in dialog.error.text()
    dialog.form.site_url.setText("https://new.example.org/")
    dialog.form.default_target.set_target("wp-main")
    assert dialog.save()
    with store.session() as s:
        blog = blogs.find_blog(s, "Andes Desk")
        assert (blog.site_url, blog.default_target) == ("https://new.example.org/", "wp-main")


def test_delete_asks_and_cancel_keeps_everything(dialog, store, monkeypatch):
    asked = []

    def ask(cls, parent, name, count, others):
        asked.append((name, count, others))
        return None

    monkeypatch.setattr(blog_dialog.DeleteBlogDialog, "ask", classmethod(ask))
    dialog.delete_blog()
    assert asked == [("Andes Desk", 1, [(2, "Latin America Blog")])]
    assert names(store) == ["Andes Desk", "Latin America Blog"]


def test_delete_moving_posts(qtbot, dialog, store, monkeypatch):
    monkeypatch.setattr(blog_dialog.DeleteBlogDialog, "ask", classmethod(
        lambda cls, parent, name, count, others: PostsDecision(move_to=others[0][0])))  # fmt: skip
    with qtbot.waitSignal(dialog.blogs_changed):
        dialog.delete_blog()
    assert names(store) == ["Latin America Blog"]
    with store.session() as s:
        assert [p.blog_name for p in posts.list_posts(s)] == ["Latin America Blog"]
    assert dialog.list.currentItem().text() == "Latin America Blog"


def test_delete_with_posts(dialog, store, monkeypatch):
    monkeypatch.setattr(blog_dialog.DeleteBlogDialog, "ask", classmethod(
        lambda cls, parent, name, count, others: PostsDecision(delete_posts=True)))  # fmt: skip
    dialog.delete_blog()
    assert names(store) == ["Latin America Blog"]
    with store.session() as s:
        assert posts.list_posts(s) == []


def test_delete_dialog_offers_only_what_is_possible(qtbot):
    alone = blog_dialog.DeleteBlogDialog(None, "Only", 2, [])
    qtbot.addWidget(alone)
    assert not alone.move.isEnabled()
    assert alone.decision() == PostsDecision(delete_posts=True)
    choice = blog_dialog.DeleteBlogDialog(None, "A", 2, [(7, "B")])
    qtbot.addWidget(choice)
    assert choice.decision() == PostsDecision(move_to=7)
    empty = blog_dialog.DeleteBlogDialog(None, "Empty", 0, [(7, "B")])
    qtbot.addWidget(empty)
    assert empty.decision() == PostsDecision()


def test_empty_fields_show_hints_that_cannot_pass_for_values(dialog):
    from PySide6.QtWidgets import QLineEdit

    dialog.new_blog()
    for line in dialog.form.findChildren(QLineEdit):
        hint = line.placeholderText()
        if hint and not line.text():
            assert hint.startswith(("e.g.", "None", "a language tag")), hint
    assert dialog.form.default_byline_role.text() == blog_dialog.DEFAULT_ROLE  # a real default
    assert dialog.form.default_target.currentText().startswith("None")


def test_theme_and_language_are_choices(qtbot, dialog, store):
    themes = [dialog.form.theme.itemData(i) for i in range(dialog.form.theme.count())]
    assert {"newsroom", "plain"} <= set(themes)
    assert dialog.form.theme.theme() == "newsroom"
    assert dialog.form.language.currentText() == "English \u2014 en"
    dialog.form.theme.setCurrentIndex(themes.index("plain"))
    dialog.form.language.setCurrentIndex(dialog.form.language.findData("es-419"))
    dialog.form.tag_url_pattern.setText("{blog_url}/tag/{tag}/")
    assert dialog.form.category_base.text() == "category"  # WordPress's, until told otherwise
    dialog.form.category_base.setText("/topics/")
    assert dialog.save()
    with store.session() as s:
        blog = blogs.find_blog(s, "Andes Desk")
        assert (blog.theme, blog.language, blog.tag_url_pattern, blog.category_base) == (
            "plain", "es-419", "{blog_url}/tag/{tag}/", "topics")  # fmt: skip


def test_a_language_tag_can_be_typed_and_a_bad_one_is_refused(qtbot, dialog, store):
    box = dialog.form.language
    box.lineEdit().selectAll()
    qtbot.keyClicks(box.lineEdit(), "sr-Latn")
    assert dialog.save()
    with store.session() as s:
        assert blogs.find_blog(s, "Andes Desk").language == "sr-Latn"
    assert box.currentText() == "sr-Latn"
    box.lineEdit().selectAll()
    qtbot.keyClicks(box.lineEdit(), "Klingon please")
    assert not dialog.save()
    assert "language" in dialog.error.text()


def test_a_theme_that_is_not_installed_stays_selected_and_says_so(qtbot, store):
    with store.session() as s:
        blogs.update_blog(s, blogs.find_blog(s, "Andes Desk"), theme="gone")
    widget = BlogDialog(store)
    qtbot.addWidget(widget)
    assert widget.form.theme.currentText() == "gone \u2014 not installed"
    assert widget.form.theme.theme() == "gone"
