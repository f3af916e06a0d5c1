"""What edit leases and the newsroom's rules add to a save from the window (the database
worker's whole ``jobs.save``): a window that holds the post's lease checks it before every
save. Baseline: the same save with leases off (a read-only-capable store that never leased).
On PostgreSQL as well when one answers at 127.0.0.1 (the rules check adds a query there).
"""

from __future__ import annotations

import os
import tempfile

from bench.common import Figure, paired, report

TARGET_RATIO = 1.5
WORDS = 1_000


def _case(location: str, label: str) -> Figure:
    from editor.model import PostContent
    from editor.services import blogs, leases, posts
    from editor.store.database import open_store
    from editor.ui.window import jobs

    store = open_store(location)
    body = " ".join(["Solar panels kept the station on the air"] * (WORDS // 8))
    with store.session() as s:
        post = posts.create_post(s, PostContent(headline="Bench", body=body),
                                 blog=blogs.default_blog(s))  # fmt: skip
    fields = PostContent(headline="Bench", body=body).to_json() | {"published_at": None}
    plain, leased = jobs.EditState(), jobs.EditState(lease_token="bench")
    for state in (plain, leased):
        state.versions[post.id] = post.version
    with store.session() as s:
        leases.acquire(s, post.id, "bench")
    leased.leased.add(post.id)
    n = [0]

    def save(state: jobs.EditState) -> None:
        n[0] += 1
        text = {**fields, "body": f"{body} {n[0]}"}
        outcome = jobs.save(store, state, post.id, text, "draft", post.blog_id)
        assert outcome is not None
        plain.versions[post.id] = leased.versions[post.id] = outcome.version

    cost, baseline = paired(lambda: save(leased), lambda: save(plain), repeat=25)
    store.close()
    return report(Figure(f"save with a held lease ({label})", cost, "no leases", baseline,
                         f"<= {TARGET_RATIO}x", cost <= baseline * TARGET_RATIO))  # fmt: skip


def run() -> list[Figure]:
    home = tempfile.mkdtemp(prefix="byline-bench-")
    figures = [_case(os.path.join(home, "leases.sqlite3"), "SQLite")]
    try:
        from tests.helpers.databases import fresh_postgres_database, postgres_available
    except ImportError:
        return figures
    if postgres_available()[0]:
        with fresh_postgres_database() as url:
            figures.append(_case(url, "PostgreSQL"))
    return figures
