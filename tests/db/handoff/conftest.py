"""Two databases, a writer's and an editor's, and the verbs of a hand-off between them."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from editor.formats.review_package import read_package
from editor.model import Person, PostContent
from editor.services import blogs, posts
from editor.services.handoff_open import OpenResult, open_package
from editor.services.handoff_send import send_post
from editor.store.database import Store, open_store
from tests.helpers.databases import fresh_postgres_database, postgres_available
from tests.helpers.services import require_service

BODY = (
    "The buses to Potosí leave before dawn.\n\n"
    "The quick driver sang all the way up the mountain.\n\n"
    "At the top, the air is thin and the market is loud."
)


@dataclass
class Desk:
    """One side of the hand-off: a store acting for one person."""

    store: Store
    folder: Path
    name: str

    def send(self, post_ref: int | str, name: str) -> Path:
        target = self.folder / name
        with self.store.session() as s:
            send_post(s, post_ref, target)
        return target

    def open(self, path: Path) -> OpenResult:
        package = read_package(path)
        with self.store.session() as s:
            return open_package(s, package)

    def post(self, uuid: str) -> Any:
        with self.store.session() as s:
            post = posts.get_post(s, uuid)
            _ = post.body  # deferred: load it before the session ends
            s.expunge(post)
            return post

    def edit(self, uuid: str, **changes: Any) -> None:
        """Replace words in the body (``body=[(old, new), …]``) or set other fields."""
        with self.store.session() as s:
            post = posts.get_post(s, uuid)
            content = post.content()
            for old, new in changes.pop("body", []):
                assert old in content.body, old
                content.body = content.body.replace(old, new)
            for key, value in changes.items():
                setattr(content, key, value)
            posts.save_post(s, post.id, content, expected_version=post.version)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def desks(request, tmp_path) -> Iterator[tuple[Desk, Desk]]:
    """The writer's SQLite file and the editor's database (SQLite, then PostgreSQL)."""
    writer = open_store(tmp_path / "writer.sqlite3")
    writer.whoami = lambda: Person("Lucía Ferreira", "lucia@example.org", "America/La_Paz")
    if request.param == "sqlite":
        editor = open_store(tmp_path / "editor.sqlite3")
        cleanup = None
    else:
        ok, reason = postgres_available()
        require_service(ok, reason)
        cleanup = fresh_postgres_database()
        editor = open_store(cleanup.__enter__())
    editor.whoami = lambda: Person("Ana Ruiz", "ana@example.org", "Europe/Madrid")
    yield Desk(writer, tmp_path, "writer"), Desk(editor, tmp_path, "editor")
    writer.close()
    editor.close()
    if cleanup is not None:
        cleanup.__exit__(None, None, None)


def new_post(desk: Desk, body: str = BODY, **fields: Any) -> str:
    with desk.store.session() as s:
        content = PostContent(headline="Night bus to Potosí", body=body, byline="Lucía Ferreira")
        for key, value in fields.items():
            setattr(content, key, value)
        return posts.create_post(s, content, blog=blogs.default_blog(s)).uuid
