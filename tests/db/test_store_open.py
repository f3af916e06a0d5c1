"""Opening databases that are not what they should be: refused clearly, never modified."""

from __future__ import annotations

import hashlib
import sqlite3

import pytest
from sqlalchemy import text

from editor.errors import ReadOnlyStoreError, StoreError
from editor.model import PostContent
from editor.services import blogs, posts
from editor.store import database
from editor.store.database import open_store
from tests.helpers.databases import fresh_postgres_database, postgres_available
from tests.helpers.services import require_service


def _digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _seeded(path):
    st = open_store(path)
    with st.session() as s:
        blog = blogs.get_or_create_blog(s, "B")
        posts.create_post(s, PostContent(headline="Kept", body="text"), blog=blog)
    st.close()
    return path


def test_new_database_is_created_with_wal_and_foreign_keys(tmp_path):
    st = open_store(tmp_path / "sub" / "new.sqlite3")
    with st.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    assert not st.read_only
    st.close()


def test_default_location_is_the_user_data_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("BYLINE_DATA_DIR", str(tmp_path / "data"))
    st = open_store()
    assert st.url.database == str(tmp_path / "data" / "byline.sqlite3")
    st.close()


def test_byline_db_environment_variable(tmp_path, monkeypatch):
    monkeypatch.setenv("BYLINE_DB", str(tmp_path / "env.sqlite3"))
    st = open_store()
    assert st.url.database == str(tmp_path / "env.sqlite3")
    st.close()


def test_text_file_is_refused_and_untouched(tmp_path):
    path = tmp_path / "notes.sqlite3"
    path.write_text("my shopping list\n")
    before = _digest(path)
    with pytest.raises(StoreError, match="not a Byline database"):
        open_store(path)
    assert _digest(path) == before
    assert not (tmp_path / "notes.sqlite3-wal").exists()


def test_corrupt_database_is_refused_and_untouched(tmp_path):
    path = _seeded(tmp_path / "db.sqlite3")
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # smash the schema page, keep the header
    path.write_bytes(bytes(data))
    before = _digest(path)
    with pytest.raises(StoreError, match="damaged"):
        open_store(path)
    assert _digest(path) == before


def test_database_from_newer_byline_is_refused_and_untouched(tmp_path):
    path = _seeded(tmp_path / "db.sqlite3")
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_future'")
    before = _digest(path)
    with pytest.raises(StoreError, match="newer version of Byline"):
        open_store(path)
    assert _digest(path) == before


def test_another_applications_database_is_refused(tmp_path):
    path = tmp_path / "other.sqlite3"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE contacts (name TEXT)")
    before = _digest(path)
    with pytest.raises(StoreError, match="another application"):
        open_store(path)
    assert _digest(path) == before


def test_folder_is_refused(tmp_path):
    with pytest.raises(StoreError, match="folder"):
        open_store(tmp_path)


def test_read_only_open_reads_and_refuses_writes(tmp_path):
    path = _seeded(tmp_path / "db.sqlite3")
    before = _digest(path)
    st = open_store(path, read_only=True)
    assert st.read_only
    with st.session() as s:
        assert [p.headline for p in posts.list_posts(s)] == ["Kept"]
    with pytest.raises(ReadOnlyStoreError), st.session() as s:
        blogs.get_or_create_blog(s, "New blog")
    st.close()
    assert _digest(path) == before


def test_unwritable_file_opens_read_only_by_itself(tmp_path, monkeypatch):
    path = _seeded(tmp_path / "db.sqlite3")
    real_access = database.os.access
    monkeypatch.setattr(
        database.os,
        "access",
        lambda p, mode: False if mode & database.os.W_OK else real_access(p, mode),
    )
    st = open_store(path)
    assert st.read_only
    st.close()


def test_postgres_newer_schema_is_refused():
    ok, reason = postgres_available()
    require_service(ok, reason)
    with fresh_postgres_database() as url:
        open_store(url).close()
        st = open_store(url)
        with st.engine.begin() as conn:
            conn.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
        st.close()
        with pytest.raises(StoreError, match="newer version of Byline"):
            open_store(url)


def test_unreachable_postgres_is_a_clear_error():
    with pytest.raises(StoreError, match="Cannot open"):
        open_store("postgresql+psycopg://nobody@127.0.0.1:1/none?connect_timeout=2")


def test_upgrade_from_the_first_schema_keeps_posts_and_revisions(tmp_path):
    """A database made by the first release, with posts, upgrades in place (SQLite rebuilds
    altered tables; foreign keys must not get in the way or be left broken)."""
    from sqlalchemy import create_engine

    from editor.store.migrations import upgrade

    path = tmp_path / "old.sqlite3"
    engine = create_engine(f"sqlite:///{path}")
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA foreign_keys=ON")
        upgrade(conn, "0001")
        conn.exec_driver_sql(
            "INSERT INTO blogs (id, name, created_at) VALUES (1, 'Old', '2026-01-01 00:00:00')"
        )
        conn.exec_driver_sql(
            "INSERT INTO posts (id, uuid, blog_id, slug, tags, categories, created_at, updated_at, "
            "version, body) VALUES (1, 'u-1', 1, 'old-post', '[]', '[]', '2026-01-01 00:00:00', "
            "'2026-01-01 00:00:00', 1, 'Old words')"
        )
        conn.exec_driver_sql(
            "INSERT INTO revisions (post_id, number, created_at, reason, status, post_version, "
            "snapshot) VALUES (1, 1, '2026-01-01 00:00:00', 'created', 'draft', 1, '{}')"
        )
        conn.commit()
    engine.dispose()

    st = open_store(path)
    with st.session() as s:
        post = posts.get_post(s, 1)
        assert (post.body, post.blog.name) == ("Old words", "Old")
        assert len(posts.list_revisions(s, 1)) == 1
        assert posts.list_posts(s, search="words")[0].id == 1
    with st.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall() == []
    st.close()
