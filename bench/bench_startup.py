"""Start-up of the ``byline`` window, each figure against a baseline measured in the same run.

- Cold start to the first painted main window, on a database of 10,000 posts, against a bare
  PySide6 main window (issues 2 and 15: at most 1.3x that floor).
- Cold start until the preview shows the opened 20,000-word post (its first screen; the whole
  post follows, reported beside it), against a bare PySide6 window whose QWebEngineView shows
  the same text converted by Python-Markdown (issue 15: at most 1.2 s; ReText took ~1.9-2.3 s
  on this machine, so this also keeps Byline under 0.5x of it).
- PSS of the whole process tree (the window and QtWebEngine's processes) with that post open,
  after 200 one-character edits 100 ms apart (issue 15: at most 300 MB), against the PSS of a
  bare PySide6 window with a web view showing the same page.

Offscreen (``QT_QPA_PLATFORM=offscreen``) unless the environment names another platform.
"""

from __future__ import annotations

import json
import os
import shutil
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
LONG_WORDS = 20_000
LONG_DB = Path(tempfile.gettempdir()) / f"byline-bench-post-{LONG_WORDS}.sqlite3"
SHOWN_TARGET_S = 1.2
EDITS = 200
EDIT_GAP_MS = 100
MEMORY_TARGET_MB = 300


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


def _long_post() -> tuple[Path, Path]:
    """A database holding one 20,000-word post, and the same text as a Markdown file."""
    from tests.helpers.preview import long_post

    text = long_post(LONG_WORDS)
    markdown = LONG_DB.with_suffix(".md")
    if not LONG_DB.exists():
        from editor.model.post import PostContent
        from editor.services.blogs import get_or_create_blog
        from editor.services.posts import create_post
        from editor.store.database import open_store

        store = open_store(LONG_DB)
        try:
            with store.session() as s:
                blog = get_or_create_blog(s, "Bench Blog")
                content = PostContent(headline="The long budget night", byline="Ana", body=text)
                create_post(s, content, blog=blog)
                s.commit()
        finally:
            store.close()
    markdown.write_text(text, encoding="utf-8")
    return LONG_DB, markdown


def _stamps(cmd: list[str], env: dict[str, str], *names: str) -> list[float]:
    """Seconds from starting ``cmd`` until each ``NAME T`` line it prints."""
    start = time.monotonic()
    out = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120, cwd=ROOT)
    found = {}
    for line in out.stdout.splitlines():
        name, _, value = line.partition(" ")
        if name in names:  # a time since the start, or a CPU time as it is
            found[name] = float(value) - (0 if name.startswith("cpu-") else start)
    if set(found) != set(names):
        raise RuntimeError(f"{cmd[-1]} did not report {names}: {out.stderr[-2000:]}")
    return [found[name] for name in names]


def _first_paint(cmd: list[str], env: dict[str, str]) -> float:
    return _stamps(cmd, env, "first-paint")[0]


def _environment() -> dict[str, str]:
    home = tempfile.mkdtemp(prefix="byline-bench-home-")
    path = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
    # XDG_CONFIG_HOME, not BYLINE_CONFIG_DIR: the real lookup (platformdirs) is part of start-up.
    env = dict(os.environ, XDG_CONFIG_HOME=home, XDG_DATA_HOME=home, XDG_CACHE_HOME=home,
               XDG_STATE_HOME=home, PYTHONPATH=path)  # fmt: skip
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env.pop("BYLINE_CONFIG_DIR", None)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # the warm-up start writes it, as an install has it
    return env


def _first_paint_figure(env: dict[str, str]) -> Figure:
    db = _ensure_database()
    env = dict(env, BYLINE_EXIT_AFTER_FIRST_PAINT="1")
    byline = [sys.executable, "-m", "editor", "--db", str(db)]
    bare = [sys.executable, str(ROOT / "bench" / "bare_window.py")]
    _first_paint(byline, env), _first_paint(bare, env)  # warm the file cache
    ours, floor = [], []
    for _ in range(RUNS):
        ours.append(_first_paint(byline, env))
        floor.append(_first_paint(bare, env))
    mine, base = statistics.median(ours), statistics.median(floor)
    return report(
        Figure(
            "cold start to first paint, 10,000 posts",
            mine,
            "bare PySide6 window",
            base,
            f"<= {TARGET}x",
            mine <= TARGET * base,
        )
    )


def _post_shown_figure(env: dict[str, str]) -> Figure:
    db, markdown = _long_post()
    byline = [sys.executable, "-m", "bench._startup_session", "shown", str(db)]
    bare = [sys.executable, str(ROOT / "bench" / "bare_preview.py"), str(markdown)]
    names = ("first-paint", "post-shown", "whole-post", "cpu-post-shown")
    bare_names = ("post-shown", "cpu-post-shown")
    _stamps(byline, env, *names), _stamps(bare, env, *bare_names)  # warm the file cache
    ours, floor = [], []
    for _ in range(RUNS):
        ours.append(_stamps(byline, env, *names))
        floor.append(_stamps(bare, env, *bare_names))
    paint, shown, whole, cpu = (statistics.median(run[i] for run in ours) for i in range(4))
    base, base_cpu = (statistics.median(run[i] for run in floor) for i in range(2))
    figure = report(
        Figure(
            f"cold start to post shown, {LONG_WORDS:,} words",
            shown,
            "bare window + web view",
            base,
            f"<= {SHOWN_TARGET_S} s",
            shown <= SHOWN_TARGET_S,
        )
    )
    print(
        f"  (first paint {paint * 1000:.0f} ms; the whole post in the page {whole * 1000:.0f} ms;"
        f" CPU time until shown {cpu * 1000:.0f} ms, the bare one's {base_cpu * 1000:.0f} ms;"
        " ReText on a real X server ~1,900-2,300 ms, so <= 0.5x of it is ~950-1,150 ms)",
        flush=True,
    )
    return figure


def _memory_figure(env: dict[str, str]) -> Figure:
    from bench.bench_preview import MemoryFigure

    db, markdown = _long_post()
    work = Path(tempfile.mkdtemp(prefix="byline-bench-memory-")) / "post.sqlite3"
    shutil.copyfile(db, work)  # the edits are saved: keep the shared database as it was
    cmd = [sys.executable, "-m", "bench._startup_session", "memory", str(work), str(EDITS),
           str(EDIT_GAP_MS)]  # fmt: skip
    out = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300, cwd=ROOT)
    lines = [line for line in out.stdout.splitlines() if line.startswith("{")]
    if not lines:
        raise RuntimeError(f"the memory run failed: {out.stderr[-2000:]}")
    ours = json.loads(lines[-1])
    bare = _bare_preview_memory(env, markdown)
    figure = report(
        MemoryFigure(
            f"PSS of the process tree, {LONG_WORDS:,} words, {EDITS} edits",
            ours["tree_mb"],
            "bare window + web view",
            bare,
            f"<= {MEMORY_TARGET_MB} MB",
            ours["tree_mb"] <= MEMORY_TARGET_MB,
        )
    )
    print(
        f"  (window process {ours['main_mb']:.0f} MB PSS, {ours['main_private_mb']:.0f} MB its "
        f"own; web engine processes {ours['children_mb']:.0f} MB)",
        flush=True,
    )
    return figure


def _bare_preview_memory(env: dict[str, str], markdown: Path) -> float:
    """PSS of the bare preview's process tree a few seconds after its page was shown."""
    cmd = [sys.executable, str(ROOT / "bench" / "bare_preview.py"), str(markdown), "--memory"]
    out = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120, cwd=ROOT)
    lines = [line for line in out.stdout.splitlines() if line.startswith("{")]
    if not lines:
        raise RuntimeError(f"the bare preview's memory run failed: {out.stderr[-2000:]}")
    return float(json.loads(lines[-1])["tree_mb"])


def run() -> list[Figure]:
    env = _environment()
    return [_first_paint_figure(env), _post_shown_figure(env), _memory_figure(env)]
