"""Migration 0003 upgrades a foundation database in place, keeping its blogs."""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine, text

from editor.services import blogs, sidebar
from editor.store.database import open_store
from editor.store.migrations import upgrade
from tests.helpers.databases import fresh_postgres_database, postgres_available
from tests.helpers.services import require_service


def _upgrade_from_0001(url: str) -> None:
    engine = create_engine(url)
    with engine.connect() as conn:
        upgrade(conn, "0001")
        conn.execute(text(
            "INSERT INTO blogs (name, site_url, description, theme, language, "
            "default_byline_role, comments_url_pattern, created_at) "
            "VALUES ('Old Blog', 'https://old.example', '', 'newsroom', 'en', '', '', "
            "CURRENT_TIMESTAMP)"
        ))  # fmt: skip
        conn.commit()
    engine.dispose()
    store = open_store(url)
    try:
        with store.session() as s:
            blog = blogs.find_blog(s, "Old Blog")
            assert (blog.sidebar_auto, blog.sidebar_count, blog.default_target) == (True, 5, None)
            assert blog.logo_path == ""
            sidebar.add_link(s, blog, title="Works", url="/a")
        with store.session() as s:
            assert [link.url for link in sidebar.list_links(s, blogs.find_blog(s, "Old Blog"))] == [
                "https://old.example/a"
            ]
    finally:
        store.close()


@pytest.mark.parametrize(
    "backend", ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
)
def test_upgrade_from_foundation_keeps_blogs(backend, tmp_path):
    if backend == "sqlite":
        _upgrade_from_0001(f"sqlite:///{tmp_path / 'old.sqlite3'}")
        return
    ok, reason = postgres_available()
    require_service(ok, reason)
    with fresh_postgres_database() as url:
        _upgrade_from_0001(url)
