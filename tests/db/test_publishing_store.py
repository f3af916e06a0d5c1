"""Publishing tables on SQLite and PostgreSQL: targets hold no secret, the outbox queues."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import inspect

from editor.errors import InputError
from editor.model import PostContent, utcnow
from editor.services import blogs, outbox, posts, targets
from editor.store.migrations import upgrade
from editor.store.schema import SCHEMA_HEAD


def _post(s) -> int:
    return posts.create_post(s, PostContent(headline="H", byline="B", body="x"),
                             blog=blogs.default_blog(s)).id  # fmt: skip


def _target(s, name="blog"):
    return targets.add_target(s, name=name, kind="wordpress", site_url="https://example.org",
                              username="ada", api_url="https://example.org/wp-json/")  # fmt: skip


PUBLISHING_TABLES = {"targets", "remote_posts", "remote_media", "outbox"}


def test_the_publishing_migration_goes_down_and_up_again(store):
    from alembic import command

    from editor.store.migrations import _config

    assert set(inspect(store.engine).get_table_names()) >= PUBLISHING_TABLES
    with store.engine.begin() as conn:
        command.downgrade(_config(conn), "0001")
    assert not PUBLISHING_TABLES & set(inspect(store.engine).get_table_names())
    with store.engine.begin() as conn:
        upgrade(conn, SCHEMA_HEAD)
    assert set(inspect(store.engine).get_table_names()) >= PUBLISHING_TABLES


def test_targets_have_no_column_for_a_secret(store):
    columns = {c["name"] for c in inspect(store.engine).get_columns("targets")}
    assert {"name", "kind", "site_url", "username", "allow_http"} <= columns
    assert not {c for c in columns if "pass" in c or "secret" in c or "token" in c}


def test_target_names_are_unique_and_plain_http_needs_the_opt_in(store):
    with store.session() as s:
        _target(s)
    with store.session() as s, pytest.raises(InputError, match="exists already"):
        _target(s)
    with store.session() as s, pytest.raises(InputError, match="plain http"):
        targets.add_target(s, name="x", kind="wordpress", site_url="http://example.org",
                           username="ada", api_url="http://example.org/wp-json/")  # fmt: skip
    with store.session() as s:
        t = targets.add_target(s, name="x", kind="metaweblog", site_url="http://example.org",
                               username="ada", api_url="http://example.org/xmlrpc.php",
                               allow_http=True)  # fmt: skip
        assert t.allow_http
        assert [t.name for t in targets.list_targets(s)] == ["blog", "x"]
        targets.remove_target(s, "x")
        assert [t.name for t in targets.list_targets(s)] == ["blog"]


def test_outbox_queues_once_per_post_and_target_backs_off_and_cancels(store):
    now = utcnow()
    with store.session() as s:
        post_id = _post(s)
        _target(s)
        first = outbox.enqueue(s, post_id=post_id, target_name="blog", status="publish",
                               force=False, error="offline", now=now)  # fmt: skip
        again = outbox.enqueue(s, post_id=post_id, target_name="blog", status="publish",
                               force=False, error="still offline", now=now)  # fmt: skip
        assert first.id == again.id and again.attempts == 2
        assert again.next_attempt_at == now + outbox.backoff(2)
        [row] = outbox.list_outbox(s)
        assert (row.state, row.last_error, row.target) == ("queued", "still offline", "blog")
        outbox.retry_now(s, row.id, now=now)
        assert outbox.list_outbox(s)[0].next_attempt_at == now
        outbox.cancel(s, row.id)
        assert outbox.list_outbox(s) == []
        with pytest.raises(InputError):
            outbox.retry_now(s, row.id)


def test_backoff_doubles_up_to_an_hour():
    assert [outbox.backoff(n) for n in (1, 2, 3)] == [
        timedelta(seconds=30), timedelta(seconds=60), timedelta(seconds=120)]  # fmt: skip
    assert outbox.backoff(40) == timedelta(hours=1)


def test_a_blog_names_one_default_target(store):
    with store.session() as s:
        blog = blogs.default_blog(s)
        _target(s, "first")
        _target(s, "second")
        with pytest.raises(InputError, match="no default target"):
            targets.default_target_name(s, blog.id, blog.name)
        targets.set_default(s, "first", blog.id)
        targets.set_default(s, "second", blog.id)
        assert targets.default_target_name(s, blog.id, blog.name) == "second"
