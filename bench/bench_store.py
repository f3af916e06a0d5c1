"""Issue 2: the post list and full-text search on 10,000 posts of ~1,000 words, each against a
raw SQL query for the same rows in the same run."""

from __future__ import annotations

import random
import sqlite3
from datetime import timedelta
from pathlib import Path

from sqlalchemy import insert

from bench.common import Figure, paired, report
from bench.corpus import article, rare_word
from editor.model import Blog, Post, utcnow
from editor.services.posts import list_posts
from editor.store.database import open_store
from editor.store.search import fts5_expression

OUT = Path(__file__).parent / "out"
POSTS = 10_000


def corpus_db() -> Path:
    """A 10,000-post database, built once and kept in bench/out/."""
    path = OUT / "store-10k-v3.sqlite3"
    if path.exists():
        return path
    OUT.mkdir(exist_ok=True)
    tmp = path.with_suffix(".building")
    for leftover in OUT.glob(tmp.name + "*"):
        leftover.unlink()
    store = open_store(tmp)
    rng = random.Random(20261128)
    now = utcnow()
    with store.session() as s:
        blog = Blog(name="Latin America Blog")
        s.add(blog)
        s.flush()
        rows = []
        for i in range(POSTS):
            when = now - timedelta(minutes=i * 7)
            rows.append({
                "uuid": f"00000000-0000-4000-8000-{i:012d}", "blog_id": blog.id,
                "headline": article(rng, 9).strip().replace("\n", " ")[:90],
                "deck": article(rng, 30).strip().replace("\n", " ")[:220],
                "byline": "Bench Writer", "byline_role": "Guest blogger",
                "slug": f"post-{i}", "slug_auto": False, "tags": ["bench", f"t{i % 50}"],
                "categories": [], "body": article(rng, 1000), "editor_note": "",
                "status": ("draft", "published", "in_review")[i % 3],
                "created_at": when, "updated_at": when, "version": 1,
            })  # fmt: skip
        s.execute(insert(Post), rows)
    store.close()
    with sqlite3.connect(tmp) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    tmp.rename(path)
    return path


def run() -> list[Figure]:
    path = corpus_db()
    store = open_store(path)
    raw = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    figures = []

    def orm_list() -> None:
        with store.reading() as s:
            assert len(list_posts(s, limit=200)) == 200

    def raw_list() -> None:
        rows = raw.execute(
            "SELECT p.id, p.uuid, p.headline, p.byline, p.blog_id, b.name, p.status, "
            "p.updated_at, p.version FROM posts p JOIN blogs b ON b.id = p.blog_id "
            "ORDER BY p.updated_at DESC LIMIT 200"
        ).fetchall()
        assert len(rows) == 200

    t, base = paired(orm_list, raw_list, repeat=31)
    figures.append(
        report(
            Figure(
                "newest 200 of 10,000 posts (list_posts)",
                t,
                "raw SQL",
                base,
                "<= 5 ms, <= 3x",
                t <= 0.005 and t <= 3 * base,
            )
        )
    )

    # A reader searches for a name or a topic: two fairly rare words (in a few hundred posts
    # each). The second query adds a word found in most posts: the ranking must then score
    # thousands of rows, and the raw query is slow too.
    queries = [
        ("selective", f"{rare_word(3000)} {rare_word(900)}"),
        ("with a common word", f"{rare_word(3000)} {rare_word(40)}"),
    ]
    for label, word in queries:

        def orm_search(word: str = word) -> None:
            with store.reading() as s:
                list_posts(s, search=word, limit=50)

        def raw_search(word: str = word) -> None:
            raw.execute(
                "SELECT p.id, p.uuid, p.headline, p.byline, p.blog_id, b.name, p.status, "
                "p.updated_at, p.version FROM posts p JOIN blogs b ON b.id = p.blog_id "
                "JOIN (SELECT rowid, bm25(posts_fts, 10.0, 5.0, 1.0, 5.0) AS rank FROM posts_fts "
                "WHERE posts_fts MATCH ?) f ON f.rowid = p.id ORDER BY f.rank, p.updated_at DESC "
                "LIMIT 50",
                (fts5_expression(word.split()),),
            ).fetchall()

        with store.reading() as s:
            hits = len(list_posts(s, search=word, limit=None))
        t, base = paired(orm_search, raw_search, repeat=21)
        figures.append(
            report(
                Figure(
                    f"ranked search, {label} ({hits} hits)",
                    t,
                    "raw SQL",
                    base,
                    "<= 5 ms, <= 3x",
                    t <= 0.005 and t <= 3 * base,
                )
            )
        )
    raw.close()
    store.close()
    return figures
