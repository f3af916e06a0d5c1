"""The Trash on SQLite and PostgreSQL: a deleted post leaves lists, search, the sidebar and the
outbox, comes back as it was, and only emptying the Trash removes it (with its revisions and
photos)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, inspect, select, text

from editor.errors import InputError
from editor.model import OutboxItem, Photo, PhotoBlob, PostContent, PostStatus, Revision, utcnow
from editor.publish.errors import PublishError
from editor.publish.secrets import SecretStore
from editor.services import blogs, outbox, photos, posts, sidebar, targets, trash
from editor.services.publish import push_post
from tests.helpers.photos import jpeg_bytes


def _post(s, headline: str, body: str = "Quinoa farmers in the altiplano.", **kw) -> int:
    blog = blogs.get_or_create_blog(s, "Field Notes", site_url="https://notes.example")
    content = PostContent(headline=headline, byline="Ada", body=body)
    return posts.create_post(s, content, blog=blog, **kw).id


def test_a_deleted_post_leaves_the_list_and_search_and_comes_back_as_it_was(store):
    with store.session() as s:
        keep = _post(s, "Kept post")
        gone = _post(s, "Quinoa harvest")
        posts.save_version(s, gone, "before deleting")
        before = posts.get_post(s, gone)
        version, updated = before.version, before.updated_at
    with store.session() as s:
        row = trash.trash_post(s, gone)
        assert (row.id, row.headline, row.blog_name) == (gone, "Quinoa harvest", "Field Notes")
    with store.reading() as s:
        assert [r.id for r in posts.list_posts(s)] == [keep]
        assert [r.id for r in posts.list_posts(s, search="quinoa")] == [keep]
        assert [r.id for r in posts.list_posts(s, status=PostStatus.DRAFT)] == [keep]
        assert [r.id for r in posts.list_posts(s, trashed=True)] == [gone]
        assert [r.id for r in posts.list_posts(s, trashed=True, search="harvest")] == [gone]
    with store.session() as s:
        assert [r.id for r in trash.list_trash(s)] == [gone]
        post = posts.get_post(s, gone)  # still there by id, for show and restore
        assert post.deleted_at is not None
        assert (post.version, post.updated_at) == (version, updated)  # not an edit
        trash.restore_post(s, gone)
    with store.session() as s:
        assert [r.id for r in posts.list_posts(s)] == [gone, keep]  # back in its place
        assert trash.list_trash(s) == []
        post = posts.get_post(s, gone)
        assert (post.deleted_at, post.version, post.headline) == (None, version, "Quinoa harvest")
        assert posts.list_revisions(s, gone)[0].label == "before deleting"


def test_trash_and_restore_refuse_the_wrong_post_with_bad_input(store):
    with store.session() as s:
        post_id = _post(s, "Once")
    with store.session() as s, pytest.raises(InputError, match="not in the Trash"):
        trash.restore_post(s, post_id)
    with store.session() as s:
        trash.trash_post(s, post_id)
    with store.session() as s, pytest.raises(InputError, match="already in the Trash"):
        trash.trash_post(s, post_id)
    with store.session() as s, pytest.raises(InputError, match="No post"):
        trash.trash_post(s, 999)


def test_a_post_in_the_trash_leaves_the_recent_posts_sidebar(store):
    with store.session() as s:
        shown = _post(s, "Shown", status=PostStatus.PUBLISHED)
        hidden = _post(s, "Hidden", status=PostStatus.PUBLISHED)
        trash.trash_post(s, hidden)
    with store.session() as s:
        blog = blogs.find_blog(s, "Field Notes")
        assert [p.post_id for p in sidebar.recent_posts(s, blog, 5)] == [shown]


def test_emptying_removes_posts_revisions_and_photos_but_keeps_shared_originals(store):
    shared, own = jpeg_bytes((300, 200)), jpeg_bytes((320, 200))
    with store.session() as s:
        keep = _post(s, "Kept")
        gone = _post(s, "Gone")
        photos.attach(s, posts.get_post(s, keep), shared, filename="shared.jpg")
        photos.attach(s, posts.get_post(s, gone), shared, filename="shared.jpg")
        photos.attach(s, posts.get_post(s, gone), own, filename="own.jpg")
        _post(s, "Gone too")
        trash.trash_post(s, gone)
        trash.trash_post(s, gone + 1)
    with store.session() as s:  # in the Trash, everything is still kept
        assert s.scalar(select(func.count(Photo.id)).where(Photo.post_id == gone)) == 2
        assert s.scalar(select(func.count(PhotoBlob.sha256))) == 2
    with store.session() as s:
        assert sorted(trash.empty_trash(s)) == [gone, gone + 1]
    with store.session() as s:
        assert trash.list_trash(s) == []
        assert [r.id for r in posts.list_posts(s)] == [keep]
        assert s.scalar(select(func.count(Revision.id)).where(Revision.post_id == gone)) == 0
        assert s.scalar(select(func.count(Photo.id))) == 1
        assert s.scalar(select(func.count(PhotoBlob.sha256))) == 1  # the shared one stays
        assert trash.empty_trash(s) == []


def test_emptying_only_some_posts_leaves_the_rest_and_never_touches_live_ones(store):
    with store.session() as s:
        live, a, b = _post(s, "Live"), _post(s, "A"), _post(s, "B")
        trash.trash_post(s, a)
        trash.trash_post(s, b)
    with store.session() as s:
        assert trash.empty_trash(s, [a, live]) == [a]
    with store.session() as s:
        assert [r.id for r in trash.list_trash(s)] == [b]
        assert {r.id for r in posts.list_posts(s)} == {live}


def _failing_client(calls: list[int]):
    def factory(_target, _password):
        calls.append(1)
        raise PublishError("connect", "the test's site refuses every push")

    return factory


def test_the_outbox_does_not_push_a_post_in_the_trash_until_it_is_restored(store):
    with store.session() as s:
        post_id = _post(s, "Queued")
        targets.add_target(s, name="site", kind="wordpress", site_url="https://example.org",
                           username="ada", api_url="https://example.org/wp-json/")  # fmt: skip
        item_id = outbox.enqueue(s, post_id=post_id, target_name="site", status="publish",
                                 force=False, error="offline").id  # fmt: skip
        trash.trash_post(s, post_id)
    later, calls = utcnow() + timedelta(hours=2), []
    secrets = SecretStore(env={"BYLINE_PASSWORD": "x"})
    kwargs = {
        "secrets": secrets,
        "client_factory": _failing_client(calls),
        "photos_for": lambda _i: [],
    }
    assert outbox.process_outbox(store, later, **kwargs) == []
    with store.session() as s:
        assert s.get(OutboxItem, item_id).state == "queued"  # waiting, not failed
        [row] = outbox.list_outbox(s)
        assert row.headline == "Queued (in the Trash: waits until restored)"
    with pytest.raises(InputError, match="in the Trash"):
        push_post(store, post_id, "site", secrets=secrets, photos=[],
                  client_factory=_failing_client(calls))  # fmt: skip
    assert calls == []
    with store.session() as s:
        trash.restore_post(s, post_id)
    [row] = outbox.process_outbox(store, later, **kwargs)
    assert (row.id, row.state) == (item_id, "failed") and calls  # sent (and refused by the site)


def test_the_trash_migration_upgrades_a_0004_database_and_goes_down_again(store):
    from alembic import command

    from editor.store.migrations import _config, upgrade

    with store.session() as s:
        post_id = _post(s, "Older than the Trash")
    with store.engine.begin() as conn:
        command.downgrade(_config(conn), "0004")
    assert "deleted_at" not in {c["name"] for c in inspect(store.engine).get_columns("posts")}
    with store.engine.begin() as conn:
        upgrade(conn, "head")
        assert conn.execute(text("SELECT deleted_at FROM posts")).scalar_one() is None
    with store.session() as s:  # search still follows edits after the upgrade (SQLite triggers)
        posts.save_post(s, post_id, PostContent(headline="Renamed altiplano", byline="Ada"),
                        expected_version=posts.get_post(s, post_id).version)  # fmt: skip
    with store.reading() as s:
        assert [r.id for r in posts.list_posts(s, search="altiplano")] == [post_id]
