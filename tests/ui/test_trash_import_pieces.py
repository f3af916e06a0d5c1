"""Small rules behind Delete and Import in the window."""

from __future__ import annotations

from editor.ui.writing.import_ui import _bundle_roots
from editor.ui.writing.trash_ui import _neighbour


def test_the_post_below_takes_a_deleted_posts_place_else_the_one_above():
    assert _neighbour([5, 4, 3], 4) == 3
    assert _neighbour([5, 4, 3], 3) == 4
    assert _neighbour([5], 5) is None
    assert _neighbour([5, 4], 9) is None


def test_a_file_picked_inside_a_bundle_folder_stands_for_the_folder(tmp_path):
    bundle = tmp_path / "bundle"
    bundle.mkdir()
    (bundle / "post.json").write_text("{}")
    (bundle / "post.md").write_text("---\n---\n")
    loose = tmp_path / "post.md"  # a Markdown file that merely has the same name
    loose.write_text("---\n---\n")
    picked = [bundle / "post.json", bundle / "post.md", loose]
    assert _bundle_roots(picked) == [bundle, loose]


def test_leaving_the_trash_view_keeps_any_other_status_filter(qtbot):
    from editor.ui.writing.post_list import PostList

    posts = PostList()
    qtbot.addWidget(posts)
    posts.set_choices([(1, "Field Notes")], [("draft", "Draft"), ("published", "Published")])
    posts.status.setCurrentIndex(posts.status.findData("draft"))
    posts.show_trash(False)  # e.g. New Post: nothing to leave
    assert posts.status.currentData() == "draft" and not posts.in_trash()
    posts.show_trash(True)
    assert posts.in_trash() and posts.status.currentText() == "Trash"
    posts.set_choices([(1, "Field Notes")], [("draft", "Draft")])  # choices reloaded
    assert posts.in_trash()
    posts.show_trash(False)
    assert posts.status.currentData() is None and posts.status.currentText() == "Any status"


def test_a_post_left_open_when_it_went_to_the_trash_is_not_reopened(tmp_path):
    from editor.model import PostContent
    from editor.services import blogs, posts, trash
    from editor.store.database import open_store
    from editor.ui.window import jobs

    db = tmp_path / "byline.sqlite3"
    store = open_store(db)
    with store.session() as s:
        blog = blogs.default_blog(s)
        kept = posts.create_post(s, PostContent(headline="Kept"), blog=blog).id
        gone = posts.create_post(s, PostContent(headline="Gone"), blog=blog)
        gone_uuid = gone.uuid
        trash.trash_post(s, gone.id)
    store.close()
    opened = jobs.open_and_start(jobs.EditState(), str(db), False, gone_uuid)
    try:
        assert opened.post is not None and opened.post.id == kept
        assert [p.id for p in opened.posts] == [kept]
    finally:
        opened.store.close()
