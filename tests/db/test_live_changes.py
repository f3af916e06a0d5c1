"""Live updates on a shared PostgreSQL database: every change, from any connection or process,
is announced on ``byline_changes`` (migration 0011's triggers) and reaches a listener; the
listener comes back after its connection is killed, and stops without leaving a thread.

Waits are generous (arrival is what is checked, never how fast: see bench/ for speed)."""

from __future__ import annotations

import os
import queue
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from editor.model import PostContent
from editor.services import comments, posts
from editor.services.blogs import default_blog
from editor.store.changes import Change, trigger_sql
from editor.store.database import open_store
from editor.store.notify import ChangeListener
from tests.helpers.databases import fresh_postgres_database, postgres_available
from tests.helpers.services import require_service

pytestmark = pytest.mark.postgres
ROOT = Path(__file__).resolve().parents[2]
WAIT_S = 10.0  # generous: arrival is asserted, not its speed


@pytest.fixture(scope="module")
def pg_url():
    ok, reason = postgres_available()
    require_service(ok, reason)
    with fresh_postgres_database() as url:
        open_store(url).close()  # schema created once for the module
        yield url


@pytest.fixture
def pg(pg_url):
    store = open_store(pg_url)
    yield store
    store.close()


class Inbox:
    """What a listener heard, to wait on."""

    def __init__(self) -> None:
        self.changes: queue.Queue[Change] = queue.Queue()
        self.reconnects = threading.Event()

    def wait_for(self, match, timeout: float = WAIT_S) -> Change:
        seen = []
        while True:
            try:
                change = self.changes.get(timeout=timeout)
            except queue.Empty:
                raise AssertionError(f"no matching change arrived; saw {seen}") from None
            seen.append(change)
            if match(change):
                return change


@pytest.fixture
def listening(pg):
    inbox = Inbox()
    listener = ChangeListener(pg.url, inbox.changes.put, inbox.reconnects.set)
    listener.start()
    assert listener.connected.wait(WAIT_S), "the listener never connected"
    yield listener, inbox
    listener.stop()
    assert not listener.running


def _new_post(store, body: str = "First words.") -> int:
    with store.session() as s:
        return posts.create_post(
            s, PostContent(headline="Live", body=body), blog=default_blog(s)
        ).id


def _cli(url: str, *args: str, name: str = "Marco") -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, BYLINE_USER_NAME=name, PYTHONPATH=str(ROOT))
    return subprocess.run(
        [sys.executable, "-m", "editor.cli.main", "--db", url, *args],
        capture_output=True, text=True, env=env, cwd=ROOT, timeout=120,
    )  # fmt: skip


def test_a_comment_added_by_another_process_arrives_naming_who(pg, listening):
    _listener, inbox = listening
    post_id = _new_post(pg)
    done = _cli(str(pg.url.render_as_string(False)), "comment", "add", str(post_id),
                "--on", "First", "--text", "Source?", name="Marco")  # fmt: skip
    assert done.returncode == 0, done.stderr
    change = inbox.wait_for(lambda c: c.table == "comments")
    assert (change.op, change.post_id, change.person) == ("insert", post_id, "Marco")
    assert change.origin and change.origin != pg.origin  # another process, another origin


def test_a_save_through_another_connection_carries_version_origin_and_person(pg, pg_url, listening):
    from editor.model.people import Person

    _listener, inbox = listening
    post_id = _new_post(pg)
    other = open_store(pg_url)
    other.whoami = lambda: Person("Ana Ruiz", "ana@example.org")
    try:
        with other.session() as s:
            version = posts.get_post(s, post_id).version
            saved = posts.save_post(s, post_id, PostContent(headline="Live", body="New words."),
                                    expected_version=version)  # fmt: skip
    finally:
        other.close()
    change = inbox.wait_for(lambda c: c.table == "posts" and c.version == saved.version)
    assert (change.op, change.post_id, change.person) == ("update", post_id, "Ana Ruiz")
    assert change.origin == other.origin != pg.origin


def test_own_changes_are_announced_with_the_stores_own_origin(pg, listening):
    _listener, inbox = listening
    post_id = _new_post(pg)
    with pg.session() as s:
        comments.add_comment(s, post_id, "Check this", field="post")
    change = inbox.wait_for(lambda c: c.table == "comments" and c.post_id == post_id)
    assert change.origin == pg.origin


def test_the_listener_comes_back_after_its_connection_is_killed(pg, listening):
    listener, inbox = listening
    killed = listener.backend_pid
    with pg.engine.connect() as conn:
        from sqlalchemy import text

        conn.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": killed})
    assert inbox.reconnects.wait(WAIT_S), "no reconnect was announced"
    assert listener.connected.wait(WAIT_S)
    assert listener.backend_pid != killed
    post_id = _new_post(pg)  # and changes arrive again
    inbox.wait_for(lambda c: c.table == "posts" and c.post_id == post_id and c.op == "insert")


def test_stop_ends_the_thread_even_while_the_server_is_unreachable(pg):
    from sqlalchemy.engine import make_url

    nowhere = make_url("postgresql+psycopg://postgres@127.0.0.1:1/none")
    listener = ChangeListener(nowhere, lambda _c: None)
    listener.start()
    assert listener.running
    listener.stop()
    assert not listener.running
    assert not [t for t in threading.enumerate() if t.name == "byline-listen"]


def test_closing_while_a_server_does_not_answer_is_not_held_up(monkeypatch):
    """A server that takes the connection and never answers (a dead VPN, a laptop offline
    behind a proxy): stop() does not wait for the attempt to give up; the thread ends by
    itself afterwards and calls nobody back."""
    import socket
    import time

    from sqlalchemy.engine import make_url

    from editor.store import notify

    monkeypatch.setattr(notify, "CONNECT_TIMEOUT_S", 2)  # libpq's shortest
    silent = socket.create_server(("127.0.0.1", 0))
    port = silent.getsockname()[1]
    calls: list[object] = []
    listener = ChangeListener(make_url(f"postgresql+psycopg://postgres@127.0.0.1:{port}/x"),
                              calls.append, lambda: calls.append("reconnect"))  # fmt: skip
    listener.start()
    conn, _ = silent.accept()  # the listener is waiting for an answer now
    try:
        listener.stop(timeout=0.2)
        assert listener.running  # not waited for: it is still in its attempt
        deadline = time.monotonic() + 30
        while listener.running:
            assert time.monotonic() < deadline, "the listener never ended"
            time.sleep(0.05)
        assert calls == []
    finally:
        conn.close()
        silent.close()


def test_a_table_added_later_reuses_the_trigger_function(pg, listening):
    """How the edit leases (another branch) announce themselves: one CREATE TRIGGER."""
    from sqlalchemy import text

    _listener, inbox = listening
    post_id = _new_post(pg)
    with pg.engine.begin() as conn:
        conn.execute(text("CREATE TABLE IF NOT EXISTS leases_probe "
                          "(post_id int, holder_name text, version int)"))  # fmt: skip
        conn.execute(text("DROP TRIGGER IF EXISTS leases_probe_notify ON leases_probe"))
        conn.execute(text(trigger_sql("leases_probe")))
        conn.execute(text("INSERT INTO leases_probe VALUES (:p, 'Ana', 1)"), {"p": post_id})
    change = inbox.wait_for(lambda c: c.table == "leases_probe")
    assert (change.op, change.post_id) == ("insert", post_id)


def test_sqlite_has_no_triggers_and_stays_current(tmp_path):
    from sqlalchemy import text

    from editor.store.schema import SCHEMA_HEAD

    store = open_store(tmp_path / "one.sqlite3")
    try:
        with store.engine.connect() as conn:
            head = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
            names = conn.execute(text("SELECT name FROM sqlite_master WHERE type='trigger'"))
            assert not [n for (n,) in names if n.endswith("_notify")]
        assert head == SCHEMA_HEAD
        assert store.origin == ""
    finally:
        store.close()


def test_a_payload_that_is_not_ours_is_ignored():
    assert Change.from_payload("not json") is None
    assert Change.from_payload('["a"]') is None
    got = Change.from_payload('{"table": "posts", "op": "update", "post_id": 3, "version": true}')
    assert got == Change("posts", "update", post_id=3, version=None)


def test_an_application_name_in_the_url_still_gives_each_store_its_own_origin(pg_url):
    url = f"{pg_url}?application_name=newsroom"
    one, two = open_store(url), open_store(url)
    try:
        assert one.origin.startswith("newsroom ") and two.origin.startswith("newsroom ")
        assert one.origin != two.origin
        with one.engine.connect() as conn:
            from sqlalchemy import text

            assert conn.execute(text("SHOW application_name")).scalar() == one.origin
    finally:
        one.close()
        two.close()


def test_an_edit_lease_taken_over_is_announced(pg, listening):
    """Migration 0012 attaches the trigger to ``leases``: the window that lost its post hears it
    at once instead of at its next renewal."""
    from editor.services import leases

    _listener, inbox = listening
    post_id = _new_post(pg)
    with pg.session() as s:
        leases.acquire(s, post_id, leases.new_token())
    assert inbox.wait_for(lambda c: c.table == "leases").post_id == post_id
    with pg.session() as s:
        leases.acquire(s, post_id, leases.new_token(), take_over=True)
    assert inbox.wait_for(lambda c: c.table == "leases" and c.op == "update").post_id == post_id
