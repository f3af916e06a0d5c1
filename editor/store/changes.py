"""What another connection changed, as PostgreSQL announces it on the ``byline_changes``
channel (migration 0011 creates the trigger function): the table, the row's post and blog, the
operation, the post's version, and who wrote it (the writing connection's ``application_name``,
its "origin", and the person it acted for). Qt-free and driver-free.

A table added later reuses the trigger function by attaching it with :func:`trigger_sql`
(e.g. ``op.execute(trigger_sql("leases"))``): the post is read from the row's ``post_id``
column, or from the column named as the trigger's argument (``id`` for ``posts``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass

CHANNEL = "byline_changes"
PERSON_SETTING = "byline.person"  # set per write transaction by Store (editor.store.database)

# The words a status bar uses for each table ("Updated by Marco: comments").
TABLE_WORDS = {
    "posts": "text",
    "comments": "comments",
    "suggestions": "suggestions",
    "status_changes": "status",
    "revisions": "history",
    "photos": "photos",
    "sidebar_links": "sidebar",
    "blogs": "blog settings",  # migration 0015
    "leases": "who is editing",  # edit leases, when a migration attaches trigger_sql("leases")
}


def trigger_sql(table: str, post_column: str = "post_id", blog_column: str = "blog_id") -> str:
    """The statement that makes every row change of ``table`` announce itself (a
    ``blog_column`` other than ``blog_id`` needs migration 0015's function)."""
    arg = "" if post_column == "post_id" else f"'{post_column}'"
    if blog_column != "blog_id":
        arg = f"'{post_column}', '{blog_column}'"
    return (
        f"CREATE TRIGGER {table}_notify AFTER INSERT OR UPDATE OR DELETE ON {table} "
        f"FOR EACH ROW EXECUTE FUNCTION byline_notify_change({arg})"
    )


def drop_trigger_sql(table: str) -> str:
    return f"DROP TRIGGER IF EXISTS {table}_notify ON {table}"


@dataclass(frozen=True)
class Change:
    """One changed row, as announced."""

    table: str
    op: str  # insert | update | delete
    post_id: int | None = None
    blog_id: int | None = None
    version: int | None = None
    origin: str = ""
    person: str = ""

    @classmethod
    def from_payload(cls, payload: str) -> Change | None:
        """The change in a notification's payload; None for anything that is not one of ours."""
        try:
            raw = json.loads(payload)
        except ValueError:
            return None
        if not isinstance(raw, dict) or not isinstance(raw.get("table"), str):
            return None

        def number(key: str) -> int | None:
            value = raw.get(key)
            return value if isinstance(value, int) and not isinstance(value, bool) else None

        return cls(
            table=raw["table"],
            op=str(raw.get("op") or ""),
            post_id=number("post_id"),
            blog_id=number("blog_id"),
            version=number("version"),
            origin=str(raw.get("origin") or ""),
            person=str(raw.get("person") or ""),
        )
