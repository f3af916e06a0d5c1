"""The post list reads the newest posts through the updated_at index on SQLite, instead of
sorting every post (what the planner chose once the Trash added `deleted_at IS NULL`)."""

from __future__ import annotations

from sqlalchemy import event

from editor.model import PostContent
from editor.services import blogs, posts
from editor.store.database import open_store
from editor.store.listing import list_posts


def test_the_list_uses_the_updated_at_index_without_sorting(tmp_path):
    store = open_store(tmp_path / "plan.sqlite3")
    with store.session() as s:
        blog = blogs.get_or_create_blog(s, "Plan Blog", site_url="https://example.org/")
        for i in range(3):
            posts.create_post(s, PostContent(headline=f"Post {i}"), blog=blog)
    seen: list[tuple[str, tuple]] = []

    def capture(_conn, _cursor, statement, parameters, _context, _many):
        seen.append((statement, parameters))

    event.listen(store.engine, "before_cursor_execute", capture)
    with store.connect() as conn:
        rows = list_posts(conn, limit=200)
    assert [r.headline for r in rows] == ["Post 2", "Post 1", "Post 0"]
    (statement, parameters) = seen[-1]
    with store.connect() as conn:
        plan = " | ".join(
            str(row[-1])
            for row in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", parameters)
        )
    store.close()
    assert "ix_posts_updated_at" in plan, plan
    assert "TEMP B-TREE" not in plan, plan
