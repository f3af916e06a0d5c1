"""Blog profiles in a real database: create, change, and delete without losing posts."""

from __future__ import annotations

import pytest

from editor.errors import InputError
from editor.model import PostContent, Revision
from editor.services import blogs, posts, sidebar


def _post(store, blog_name, headline):
    with store.session() as s:
        blog = blogs.find_blog(s, blog_name)
        return posts.create_post(s, PostContent(headline=headline), blog=blog)


def test_create_and_update_check_every_field(store, tmp_path):
    logo = tmp_path / "logo.png"
    logo.write_bytes(b"\x89PNG\r\n\x1a\n")
    with store.session() as s:
        blog = blogs.create_blog(
            s, " Andes Desk ", site_url="https://andes.example.org/", language="es",
            comments_url_pattern="{post_url}#comments", sidebar_count=3, logo_path=str(logo),
        )  # fmt: skip
    assert (blog.name, blog.sidebar_count, blog.sidebar_auto) == ("Andes Desk", 3, True)
    assert blog.default_target is None
    with store.session() as s:
        blog = blogs.find_blog(s, "andes desk")
        blogs.update_blog(s, blog, default_target="wp-main", sidebar_auto=False, theme="ink")
    with store.session() as s:
        blog = blogs.find_blog(s, blog.id)
        assert (blog.default_target, blog.sidebar_auto, blog.theme) == ("wp-main", False, "ink")
        assert blog.logo_path == str(logo.resolve())


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"site_url": "ftp://x.org"}, "only http"),
        ({"sidebar_count": 99}, "between 0 and 50"),
        ({"sidebar_count": "many"}, "not a number"),
        ({"comments_url_pattern": "https://x.org/c"}, "post_url"),
        ({"logo_path": "/nonexistent/logo.png"}, "not a file"),
        ({"name": "OTHER"}, "already a blog"),
        ({"name": " "}, "needs a name"),
        ({"colour": "red"}, "Unknown blog setting"),
    ],
)
def test_bad_settings_change_nothing(store, change, message):
    with store.session() as s:
        blogs.create_blog(s, "Other")
        blogs.create_blog(s, "Mine", site_url="https://mine.example")
    with pytest.raises(InputError, match=message), store.session() as s:
        blogs.update_blog(s, blogs.find_blog(s, "Mine"), **change)
    with store.session() as s:
        blog = blogs.find_blog(s, "Mine")
        assert (blog.site_url, blog.sidebar_count) == ("https://mine.example", 5)


def test_duplicate_name_is_refused(store):
    with store.session() as s:
        blogs.create_blog(s, "Desk")
    with pytest.raises(InputError, match="already a blog"), store.session() as s:
        blogs.create_blog(s, "DESK")


def test_deleting_a_blog_with_posts_needs_a_decision(store):
    with store.session() as s:
        blogs.create_blog(s, "Desk")
    _post(store, "Desk", "Kept")
    refused = pytest.raises(blogs.BlogHasPostsError, match="1 post; nothing was deleted")
    with refused as err, store.session() as s:
        blogs.delete_blog(s, blogs.find_blog(s, "Desk"))
    assert err.value.post_count == 1
    with store.session() as s:
        assert blogs.count_posts(s, blogs.find_blog(s, "Desk")) == 1


def test_delete_moving_posts_renames_clashing_slugs(store):
    with store.session() as s:
        blogs.create_blog(s, "Old")
        blogs.create_blog(s, "New")
    moving = _post(store, "Old", "Same title")
    _post(store, "New", "Same title")
    with store.session() as s:
        blog = blogs.find_blog(s, "Old")
        sidebar.add_link(s, blog, title="Link", url="https://x.org/")
        result = blogs.delete_blog(s, blog, move_posts_to=blogs.find_blog(s, "New"))
    assert (result.moved_posts, result.moved_to) == (1, "New")
    assert result.renamed_slugs == (("same-title", "same-title-2"),)
    with store.session() as s:
        post = posts.get_post(s, moving.id)
        assert (post.blog.name, post.slug) == ("New", "same-title-2")
        assert [b.name for b in blogs.list_blogs(s)] == ["New"]
        assert len(posts.list_revisions(s, moving.id)) >= 1


def test_delete_with_posts_removes_them_and_their_revisions(store):
    with store.session() as s:
        blogs.create_blog(s, "Gone")
        blogs.create_blog(s, "Stays")
    doomed = _post(store, "Gone", "Doomed")
    kept = _post(store, "Stays", "Kept")
    with store.session() as s:
        result = blogs.delete_blog(s, blogs.find_blog(s, "Gone"), delete_posts=True)
    assert result.deleted_posts == 1
    with store.session() as s:
        assert [p.id for p in posts.list_posts(s)] == [kept.id]
        assert s.query(Revision).filter_by(post_id=doomed.id).count() == 0


def test_delete_refuses_contradictions(store):
    with store.session() as s:
        a = blogs.create_blog(s, "A")
        with pytest.raises(InputError, match="not both"):
            blogs.delete_blog(s, a, move_posts_to=blogs.create_blog(s, "B"), delete_posts=True)
        with pytest.raises(InputError, match="being deleted"):
            blogs.delete_blog(s, a, move_posts_to=a)
