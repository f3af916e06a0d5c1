"""Cold start of ``byline`` to its first painted main window, on a database of 10,000 posts,
against a bare PySide6 main window (issue 2: at most 1.3x that floor)."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.common import Figure, report

ROOT = Path(__file__).resolve().parent.parent
POSTS = 10_000
RUNS = 7
TARGET = 1.3
DB = Path(tempfile.gettempdir()) / f"byline-bench-{POSTS}.sqlite3"


def _ensure_database() -> Path:
    """10,000 posts of about 1,000 words (built once, kept in the temp folder)."""
    from sqlalchemy import func, insert, select

    from editor.model import Post, utcnow
    from editor.services.blogs import get_or_create_blog
    from editor.store.database import open_store

    store = open_store(DB)
    try:
        with store.session() as s:
            if (s.scalar(select(func.count(Post.id))) or 0) >= POSTS:
                return DB
            blog = get_or_create_blog(s, "Bench Blog")
            words = [
                "the",
                "station",
                "kept",
                "broadcasting",
                "through",
                "drought",
                "and",
                "flood",
                "and",
                "storm",
            ]
            body = "\n\n".join(" ".join(words[(i + j) % len(words)] for j in range(100))
                               for i in range(10))  # fmt: skip
            now = utcnow()
            rows = [
                {
                    "blog_id": blog.id,
                    "headline": f"Post number {n}",
                    "slug": f"post-{n}",
                    "body": body,
                    "version": 1,
                    "created_at": now,
                    "updated_at": now,
                    "tags": ["bench"],
                    "categories": [],
                }
                for n in range(POSTS)
            ]
            s.execute(insert(Post), rows)
    finally:
        store.close()
    return DB


def _first_paint(cmd: list[str], env: dict[str, str]) -> float:
    start = time.monotonic()
    out = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120, cwd=ROOT)
    for line in out.stdout.splitlines():
        if line.startswith("first-paint "):
            return float(line.split()[1]) - start
    raise RuntimeError(f"{cmd[-1]} did not report a first paint: {out.stderr[-2000:]}")


def run() -> list[Figure]:
    db = _ensure_database()
    home = tempfile.mkdtemp(prefix="byline-bench-home-")
    path = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
    # XDG_CONFIG_HOME, not BYLINE_CONFIG_DIR: the real lookup (platformdirs) is part of start-up.
    env = dict(os.environ, BYLINE_EXIT_AFTER_FIRST_PAINT="1", XDG_CONFIG_HOME=home,
               PYTHONPATH=path)  # fmt: skip
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env.pop("BYLINE_CONFIG_DIR", None)
    byline = [sys.executable, "-m", "editor", "--db", str(db)]
    bare = [sys.executable, str(ROOT / "bench" / "bare_window.py")]
    _first_paint(byline, env), _first_paint(bare, env)  # warm the file cache
    ours, floor = [], []
    for _ in range(RUNS):
        ours.append(_first_paint(byline, env))
        floor.append(_first_paint(bare, env))
    mine, base = statistics.median(ours), statistics.median(floor)
    return [
        report(
            Figure(
                "cold start to first paint, 10,000 posts",
                mine,
                "bare PySide6 window",
                base,
                f"<= {TARGET}x",
                mine <= TARGET * base,
            )
        )
    ]
