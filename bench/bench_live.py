"""Live updates on PostgreSQL (issue 11): what the change triggers add to a save, and how long
a change takes to reach another connection's listener.

1. Saving a 20,000-word post with the ``posts_notify`` trigger, against the same save in a
   database whose triggers were dropped (paired runs). Target: <= 1.3x.
2. A comment committed through one store until a :class:`ChangeListener` on another connection
   has it, against the commit alone. Target: under a second ("within a second" in the issue).

Skipped (saying why) without a PostgreSQL server at ``$BYLINE_TEST_PG``.
"""

from __future__ import annotations

import os
import queue
import statistics
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

from bench.common import Figure, paired, report

ADMIN = os.environ.get("BYLINE_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")
WORDS = 20_000
REPEAT = 15


@contextmanager
def _database() -> Iterator[str]:
    import psycopg

    libpq = ADMIN.replace("postgresql+psycopg://", "postgresql://")
    name = f"byline_bench_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(libpq, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"{ADMIN.rsplit('/', 1)[0]}/{name}"
    finally:
        with psycopg.connect(libpq, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _saver(store, body: str):  # type: ignore[no-untyped-def]
    from editor.model import PostContent
    from editor.services import posts
    from editor.services.blogs import default_blog

    with store.session() as s:
        post = posts.create_post(s, PostContent(headline="Bench", body=body), blog=default_blog(s))
        post_id, version = post.id, post.version
    state = {"version": version, "n": 0}

    def save() -> None:
        state["n"] += 1
        content = PostContent(headline="Bench", body=f"{body} {state['n']}")
        with store.session() as s:
            r = posts.save_post(s, post_id, content, expected_version=state["version"])
        state["version"] = r.version

    return save, post_id


def run() -> list[Figure]:
    try:
        import psycopg

        psycopg.connect(
            ADMIN.replace("postgresql+psycopg://", "postgresql://"), connect_timeout=3
        ).close()
    except Exception as exc:  # any reason to skip is reported
        print(f"skipped: no PostgreSQL at {ADMIN} ({str(exc).splitlines()[0]})")
        return []
    from sqlalchemy import text

    from editor.services import comments
    from editor.store.database import open_store
    from editor.store.notify import ChangeListener

    body = ("Solar panels kept the station on the air through the storm. " * 20 + "\n\n") * (
        WORDS // 200
    )
    figures = []
    with _database() as with_url, _database() as without_url:
        noisy, quiet = open_store(with_url), open_store(without_url)
        with quiet.engine.begin() as conn:
            conn.execute(text("DROP TRIGGER posts_notify ON posts"))
        save_noisy, post_id = _saver(noisy, body)
        save_quiet, _ = _saver(quiet, body)
        cost, base = paired(save_noisy, save_quiet, repeat=REPEAT)
        figures.append(report(Figure(f"save {WORDS:,} words, with change trigger", cost,
                                     "without", base, "<= 1.3x", cost <= base * 1.3)))  # fmt: skip

        heard: queue.Queue[float] = queue.Queue()
        listener = ChangeListener(
            noisy.url, lambda c: c.table == "comments" and heard.put(time.perf_counter())
        )
        listener.start()
        listener.connected.wait(10)
        delays, commits = [], []
        for _ in range(REPEAT):
            start = time.perf_counter()
            with noisy.session() as s:
                comments.add_comment(s, post_id, "Bench", field="post")
            commits.append(time.perf_counter() - start)
            delays.append(heard.get(timeout=10) - start)
        listener.stop()
        noisy.close()
        quiet.close()
    delay, commit = statistics.median(delays), statistics.median(commits)
    figures.append(report(Figure("comment committed -> heard by another listener", delay,
                                 "commit alone", commit, "<= 1000 ms", delay <= 1.0)))  # fmt: skip
    return figures
