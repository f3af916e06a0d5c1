"""What Byline sets up on a PostgreSQL connection so that other windows can tell who changed
what (see :mod:`editor.store.changes`): a unique ``application_name`` per open store (its
"origin": a window ignores its own changes) and, in each write transaction, the person it acts
for (``byline.person``)."""

from __future__ import annotations

import os
import secrets
from typing import Any

from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import URL, Engine
from sqlalchemy.orm import Session, sessionmaker

from editor.store.changes import PERSON_SETTING


def new_origin(label: str = "byline") -> str:
    """A name no other open store has (PostgreSQL keeps the first 63 bytes)."""
    return f"{label[:40]} {os.getpid()} {secrets.token_hex(4)}"


def postgres_engine(url: URL) -> tuple[Engine, str]:
    """The engine and its origin. An ``application_name`` given in the URL starts the origin
    (two people with the same URL must still be told apart)."""
    given = url.query.get("application_name")
    origin = new_origin(given if isinstance(given, str) and given else "byline")
    engine = create_engine(url, pool_pre_ping=True, connect_args={"application_name": origin})
    return engine, origin


def announce_person(sessions: sessionmaker[Session]) -> None:
    """Each write transaction tells the database who it acts for (``session.info["author"]``,
    set by :meth:`Store.session`), so the change notification can name them. Runs only when
    the transaction starts on a connection: a session that never touches the database costs
    nothing."""

    @event.listens_for(sessions, "after_begin")
    def _after_begin(session: Session, _transaction: Any, connection: Any) -> None:
        author = session.info.get("author")
        name = getattr(author, "short", "") if author is not None and author.known else ""
        if name:
            connection.execute(
                text(f"SELECT set_config('{PERSON_SETTING}', :name, true)"), {"name": name}
            )
