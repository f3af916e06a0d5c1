"""A shared PostgreSQL newsroom for tests: a fresh database with two real login roles, a
writer and an editor of one blog, set up through Byline's own ``newsroom`` service. Both roles
and the database are dropped afterwards (the group role ``byline_member`` is cluster-wide and
stays: other test databases may hold grants to it)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from tests.helpers.databases import PG_ADMIN_URL, _libpq, fresh_postgres_database

BLOG = "Altiplano"


@dataclass(frozen=True)
class Newsroom:
    owner_url: str
    writer: str
    editor: str
    blog: str = BLOG

    def url_for(self, role: str) -> str:
        return self.owner_url.replace("://postgres@", f"://{role}@", 1)

    @property
    def writer_url(self) -> str:
        return self.url_for(self.writer)

    @property
    def editor_url(self) -> str:
        return self.url_for(self.editor)

    def libpq(self, role: str) -> str:
        return _libpq(self.url_for(role))


@contextmanager
def newsroom_database() -> Iterator[Newsroom]:
    import psycopg

    from editor.services import blogs
    from editor.services import newsroom_admin as admin
    from editor.store.database import open_store

    suffix = uuid.uuid4().hex[:8]
    roles = (f"writer_{suffix}", f"editor_{suffix}")
    try:
        with fresh_postgres_database() as url:
            room = Newsroom(url, *roles)
            owner = open_store(url)
            try:
                with owner.session() as s:
                    blogs.get_or_create_blog(s, BLOG)
                    admin.setup(s)
                    admin.add_person(s, room.writer)
                    admin.add_person(s, room.editor, editor_of=[BLOG])
            finally:
                owner.close()
            yield room
    finally:
        # The database is gone, with every grant in it: the roles can go too.
        with psycopg.connect(_libpq(PG_ADMIN_URL), autocommit=True) as conn:
            for role in roles:
                conn.execute(f'DROP ROLE IF EXISTS "{role}"')


def new_post(store, room: Newsroom, headline: str, status=None, body: str = "salt and sky") -> int:
    """A post in the newsroom's blog (a draft unless ``status``), made through ``store`` (so as
    that store's role)."""
    from editor.model import PostContent, PostStatus
    from editor.services import blogs, posts

    status = status or PostStatus.DRAFT

    with store.session() as s:
        blog = blogs.find_blog(s, room.blog)
        return posts.create_post(s, PostContent(headline=headline, body=body), blog=blog,
                                 status=status).id  # fmt: skip
