"""The few rows a post's page needs, read with the standard library's ``sqlite3``, without
SQLAlchemy.

``byline render`` of one post spent more time importing SQLAlchemy and setting up the ORM
models (~0.3 s) than converting 20,000 words. This read covers the everyday case only: an
SQLite file, writable, stamped with this Byline's schema. :func:`open_current` returns None
for anything else (a URL, a missing, foreign, damaged or read-only file, an older or newer
schema), and the caller goes through :func:`editor.store.database.open_store` as every other
command does, with its checks, upgrades and messages.

The ORM models stay the one description of the schema: the columns read here are the fields
of :class:`PostRow`, :class:`BlogRow` and :class:`LinkRow`, named as the models name them,
and ``tests/db/test_sqlite_read.py`` checks them against the models and every page read this
way against the page read through the ORM.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, fields
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from editor.store.location import SQLITE_MAGIC, resolve_location
from editor.store.schema import SCHEMA_HEAD


@dataclass(frozen=True)
class BlogRow:
    """The columns of ``blogs`` a page shows (attributes named as on ``Blog``)."""

    id: int
    name: str
    site_url: str
    description: str
    theme: str
    language: str
    comments_url_pattern: str
    tag_url_pattern: str
    category_base: str


@dataclass(frozen=True)
class PostRow:
    """The columns of ``posts`` a page shows, and its blog (attributes named as on ``Post``,
    so :func:`editor.render.context.page_data_for` reads either)."""

    id: int
    uuid: str
    blog_id: int
    headline: str
    deck: str
    byline: str
    byline_role: str
    published_at: datetime | None
    published_tz: str
    published_date_only: bool
    revised_at: datetime | None
    slug: str
    tags: list[str]
    categories: list[str]
    body: str
    comments_url: str
    language: str
    blog: BlogRow


@dataclass(frozen=True)
class LinkRow:
    """The columns of ``sidebar_links`` a page needs (attributes named as on ``SidebarLink``)."""

    id: int
    title: str
    url: str
    date: date | None
    label: str
    pinned: bool
    source: str
    post_id: int | None


def _utc(value: str | None) -> datetime | None:
    """As ``editor.model.UTCDateTime`` gives it: stored naive in UTC, handed back aware."""
    return datetime.fromisoformat(value).replace(tzinfo=UTC) if value is not None else None


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value is not None else None


def _json(value: str | None) -> Any:
    return json.loads(value) if value is not None else None


def _bool(value: int | None) -> bool | None:
    return bool(value) if value is not None else None


# How SQLAlchemy stores these column types in SQLite, turned back as it turns them.
_CONVERT: dict[str, Callable[[Any], Any]] = {
    "published_at": _utc, "revised_at": _utc, "published_date_only": _bool,
    "tags": _json, "categories": _json, "date": _date, "pinned": _bool,
}  # fmt: skip


def columns(row_type: type) -> list[str]:
    return [f.name for f in fields(row_type) if f.name != "blog"]


def _select(row_type: type, table: str, where: str) -> str:
    return f"SELECT {', '.join(columns(row_type))} FROM {table} WHERE {where}"


def _values(row_type: type, row: tuple[Any, ...]) -> dict[str, Any]:
    names = columns(row_type)
    return {n: _CONVERT[n](v) if n in _CONVERT else v for n, v in zip(names, row, strict=True)}


def open_current(location: str | os.PathLike[str] | None) -> sqlite3.Connection | None:
    """A read-only connection to the SQLite database at ``location`` (as ``--db`` names it),
    or None unless it is a writable file of this Byline's schema (see the module's doc)."""
    where = resolve_location(location)
    if "://" in where:
        return None
    path = Path(where).expanduser().resolve()
    try:
        with path.open("rb") as fh:
            if fh.read(len(SQLITE_MAGIC)) != SQLITE_MAGIC:
                return None
    except OSError:
        return None
    if not (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)):
        return None  # opened read-only by the store, which says so
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error:
        return None
    try:
        stamped = conn.execute("SELECT version_num FROM alembic_version").fetchall()
    except sqlite3.Error:
        stamped = []
    if stamped != [(SCHEMA_HEAD,)]:
        conn.close()
        return None
    return conn


def read_post(conn: sqlite3.Connection, ref: int | str) -> PostRow | None:
    """The post ``byline`` names ``ref`` (its id, or a prefix of its UUID of 6 characters or
    more, as ``services.posts.get_post`` reads it) with its blog; None when there is no such
    post or more than one (``get_post`` then says which)."""
    text = str(ref).strip()
    value: int | str
    if text.isdigit() and text.isascii() and len(text) < 19:  # an SQLite integer
        where, value = "id = ?", int(text)
    elif len(text) >= 6:
        where, value = "uuid LIKE ? || '%'", text  # as SQLAlchemy's startswith() compiles
    else:
        return None
    found = conn.execute(_select(PostRow, "posts", where) + " LIMIT 2", (value,)).fetchall()
    if len(found) != 1:
        return None
    post = _values(PostRow, found[0])
    row = conn.execute(_select(BlogRow, "blogs", "id = ?"), (post["blog_id"],)).fetchone()
    if row is None:
        return None
    return PostRow(**post, blog=BlogRow(**_values(BlogRow, row)))


def read_links(conn: sqlite3.Connection, blog_id: int) -> list[LinkRow]:
    """The blog's sidebar links in their order (as ``services.sidebar.list_links``)."""
    query = _select(LinkRow, "sidebar_links", "blog_id = ?") + " ORDER BY position, id"
    return [LinkRow(**_values(LinkRow, row)) for row in conn.execute(query, (blog_id,))]


def has_photos(conn: sqlite3.Connection, post_id: int) -> bool:
    found = conn.execute("SELECT 1 FROM photos WHERE post_id = ? LIMIT 1", (post_id,))
    return found.fetchone() is not None
