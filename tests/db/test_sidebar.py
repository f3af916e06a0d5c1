"""The sidebar in a real database: links by hand, refresh from published posts, page entries."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from editor.errors import InputError, NotFoundError
from editor.model import LinkSource, PostContent, PostStatus
from editor.services import blogs, posts, sidebar
from editor.services.sidebar_merge import RecentPost, recent_from_rows

SITE = "https://news.example.org/blog"


def _blog(store, **settings):
    with store.session() as s:
        return blogs.create_blog(s, "Andes Desk", site_url=SITE, **settings)


def _published(store, blog, headline, when, status=PostStatus.PUBLISHED):
    with store.session() as s:
        post = posts.create_post(
            s, PostContent(headline=headline, published_at=when, published_tz="America/Lima"),
            blog=blogs.find_blog(s, blog.id), status=status,
        )  # fmt: skip
        return post


def _titles(store, blog):
    with store.session() as s:
        return [link.title for link in sidebar.list_links(s, blog)]


def test_add_edit_move_pin_remove(store):
    blog = _blog(store)
    with store.session() as s:
        a = sidebar.add_link(s, blog, title="  Alpha  ", url="/alpha")
        b = sidebar.add_link(s, blog, title="Beta", url="https://b.example/x")
        c = sidebar.add_link(s, blog, title="Gamma", url="http://c.example", index=0)
    assert a.url == "https://news.example.org/alpha"  # resolved against the blog's URL
    assert _titles(store, blog) == ["Gamma", "Alpha", "Beta"]
    with store.session() as s:
        sidebar.move_link(s, blog, c.id, 2)
        sidebar.set_pinned(s, blog, b.id, True)
        sidebar.edit_link(s, blog, a.id, title="Alpha 2", date=date(2026, 11, 2), label="News")
    with store.session() as s:
        links = sidebar.list_links(s, blog)
        assert [(link.title, link.position, link.pinned) for link in links] == [
            ("Alpha 2", 0, False), ("Beta", 1, True), ("Gamma", 2, False),
        ]  # fmt: skip
        assert links[0].date == date(2026, 11, 2)
        assert links[0].label == "News"
        sidebar.remove_link(s, blog, b.id)
    with store.session() as s:
        assert [(link.title, link.position) for link in sidebar.list_links(s, blog)] == [
            ("Alpha 2", 0), ("Gamma", 1),
        ]  # fmt: skip


def test_duplicates_bad_urls_and_unknown_links_are_refused(store):
    blog = _blog(store)
    with store.session() as s:
        sidebar.add_link(s, blog, title="A", url="https://x.org/a/")
    with pytest.raises(InputError, match="already in the sidebar"), store.session() as s:
        sidebar.add_link(s, blog, title="Again", url="HTTPS://X.ORG/a")
    with pytest.raises(InputError, match="only http"), store.session() as s:
        sidebar.add_link(s, blog, title="Bad", url="javascript:alert(1)")
    with pytest.raises(InputError, match="needs a title"), store.session() as s:
        sidebar.add_link(s, blog, title="  ", url="https://x.org/b")
    with pytest.raises(NotFoundError, match="position 5"), store.session() as s:
        sidebar.resolve_link(s, blog, "5")
    assert _titles(store, blog) == ["A"]


def test_refresh_fills_newest_published_posts_and_keeps_pinned(store):
    blog = _blog(store, sidebar_count=2)
    old = _published(store, blog, "Old story", datetime(2026, 1, 1, tzinfo=UTC))
    _published(store, blog, "Draft", None, status=PostStatus.DRAFT)
    mid = _published(store, blog, "Mid story", datetime(2026, 6, 1, tzinfo=UTC))
    with store.session() as s:
        sidebar.add_link(s, blog, title="Pinned", url=f"{SITE}/{old.slug}", pinned=True)
        result = sidebar.refresh_sidebar(s, blogs.find_blog(s, blog.id))
    assert [link.title for link in result.added] == ["Mid story"]
    assert _titles(store, blog) == ["Pinned", "Mid story"]
    new = _published(store, blog, "New story", datetime(2026, 11, 27, 3, tzinfo=UTC))
    with store.session() as s:
        sidebar.refresh_sidebar(s, blogs.find_blog(s, blog.id))
        sidebar.refresh_sidebar(s, blogs.find_blog(s, blog.id))  # twice: no change
        links = sidebar.list_links(s, blog)
    assert [link.title for link in links] == ["Pinned", "New story", "Mid story"]
    assert links[1].post_id == new.id
    assert links[1].source == LinkSource.AUTO
    assert links[1].url == f"{SITE}/new-story"
    assert links[1].date == date(2026, 11, 26)  # 03:00 UTC is still the 26th in Lima
    assert mid.id in {link.post_id for link in links}


def test_refresh_from_cms_rows_and_skips_bad_urls(store):
    blog = _blog(store, sidebar_auto=False)
    with store.session() as s:
        b = blogs.find_blog(s, blog.id)
        with pytest.raises(InputError, match="turned off"):
            sidebar.refresh_sidebar(s, b)
        rows = [("From CMS", "/2026/cms", datetime(2026, 3, 1, tzinfo=UTC)),
                ("Bad", "ftp://x.org/f", None)]  # fmt: skip
        result = sidebar.refresh_sidebar(s, b, recent_from_rows(rows))
    assert result.skipped == ["ftp://x.org/f"]
    with store.session() as s:
        (link,) = sidebar.list_links(s, blog)
    assert (link.title, link.url, link.source) == (
        "From CMS", "https://news.example.org/2026/cms", "cms",
    )  # fmt: skip


def test_refresh_needs_a_site_url(store):
    with store.session() as s:
        blog = blogs.create_blog(s, "No URL")
        with pytest.raises(InputError, match="no site URL"):
            sidebar.refresh_sidebar(s, blog)


def test_page_entries_never_list_the_post_itself(store):
    blog = _blog(store)
    a = _published(store, blog, "A story", datetime(2026, 5, 1, tzinfo=UTC))
    b = _published(store, blog, "B story", datetime(2026, 5, 2, tzinfo=UTC))
    with store.session() as s:
        # A under its old address (found by id) and B as the database has it
        sidebar.refresh_sidebar(s, blogs.find_blog(s, blog.id), [
            RecentPost("A story", f"{SITE}/old-a", date(2026, 5, 1), post_id=a.id),
            RecentPost("B story", f"{SITE}/b-story", date(2026, 5, 1), post_id=b.id),
        ])  # fmt: skip
        # A again, added by hand under another spelling of its address (found by URL)
        sidebar.add_link(s, blog, title="A <again>", url="https://NEWS.example.org/blog/a-story/")
        sidebar.add_link(s, blog, title="<b>Bold</b> & co", url="https://other.example/")
    with store.session() as s:
        page_a = sidebar.entries_for_page(s, blog, posts.get_post(s, a.id))
        page_b = sidebar.entries_for_page(s, blog, posts.get_post(s, b.id))
        snapshot = sidebar.sidebar_snapshot(s, blog, posts.get_post(s, a.id))
    assert [e["title"] for e in page_a] == ["B story", "<b>Bold</b> & co"]  # raw, not escaped
    assert [e["title"] for e in page_b] == ["A story", "A <again>", "<b>Bold</b> & co"]
    assert page_a[0]["date"] == date(2026, 5, 1)
    assert snapshot[0] == {"title": "B story", "url": f"{SITE}/b-story",
                           "date": "2026-05-01", "label": ""}  # fmt: skip


def test_replace_links_restores_removed_links_with_their_ids(store):
    blog = _blog(store)
    with store.session() as s:
        a = sidebar.add_link(s, blog, title="A", url="https://x.org/a")
        sidebar.add_link(s, blog, title="B", url="https://x.org/b")
        before = sidebar.link_specs(s, blog)
        sidebar.remove_link(s, blog, a.id)
    with store.session() as s:
        sidebar.replace_links(s, blog, before)
    with store.session() as s:
        assert sidebar.link_specs(s, blog) == before


def test_deleting_a_post_keeps_its_sidebar_link(store):
    blog = _blog(store)
    post = _published(store, blog, "Gone soon", datetime(2026, 5, 1, tzinfo=UTC))
    with store.session() as s:
        sidebar.refresh_sidebar(
            s,
            blogs.find_blog(s, blog.id),
            [RecentPost("Gone soon", f"{SITE}/gone-soon", post_id=post.id)],
        )
        s.delete(posts.get_post(s, post.id))
    with store.session() as s:
        (link,) = sidebar.list_links(s, blog)
        s.refresh(link)
    assert link.post_id is None
    assert link.title == "Gone soon"
