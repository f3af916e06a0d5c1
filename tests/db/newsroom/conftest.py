"""A shared PostgreSQL newsroom for the rules' tests: two real login roles (a writer and an
editor of one blog), a Byline store for each, and plain connections with no Byline code."""

from __future__ import annotations

import pytest

from editor.model import Person
from editor.store.database import Store, open_store
from tests.helpers.databases import postgres_available
from tests.helpers.newsroom import Newsroom, newsroom_database
from tests.helpers.services import require_service


@pytest.fixture(scope="module")
def room() -> Newsroom:
    ok, reason = postgres_available()
    require_service(ok, reason)
    with newsroom_database() as found:
        yield found


def _store(url: str, name: str) -> Store:
    st = open_store(url)
    st.whoami = lambda: Person(name, f"{name.split()[0].lower()}@example.org")
    return st


@pytest.fixture
def writer(room):
    st = _store(room.writer_url, "Wren Writer")
    yield st
    st.close()


@pytest.fixture
def editor(room):
    st = _store(room.editor_url, "Eda Editor")
    yield st
    st.close()


@pytest.fixture
def raw(room):
    """``raw(role)``: a plain psycopg connection as that role (autocommit), no Byline code."""
    import psycopg

    conns = []

    def connect(role: str):
        conn = psycopg.connect(room.libpq(role), autocommit=True)
        conns.append(conn)
        return conn

    yield connect
    for conn in conns:
        conn.close()
