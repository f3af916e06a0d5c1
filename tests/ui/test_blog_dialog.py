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
    dialog.form.default_target.setText("wp-main")
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
