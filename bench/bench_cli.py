"""The command line starts instantly (issue 15): whole ``byline`` processes, timed from the
outside, against baselines run in the same rounds.

* ``byline --version`` against ``python -c pass``: target <= 1.5x.
* ``byline list`` (10 posts) against a script that imports SQLAlchemy and runs one query on the
  same file: target <= 1.3x.
* ``byline render ID -o out.html`` of a 20,000-word post against ``python -m markdown`` on the
  same text (target <= 1.5x) and pandoc (target: faster), when pandoc is installed. Byline keeps
  no rendered-body cache: every render converts the whole text (a cold render), which is the
  figure reported.

Each process is started as the ``byline`` console script does (``from editor.cli.main import
main``), from this source tree, with bytecode caching on (an installed Byline has its .pyc
files; the warm-up round writes them here). Medians of interleaved runs.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from bench.bench_render import article
from bench.common import Figure, report

ROOT = Path(__file__).resolve().parents[1]
BYLINE = "import sys; from editor.cli.main import main; sys.exit(main())"
ROUNDS = 15


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.pop("BYLINE_DB", None)
    return env


def _timed_rounds(commands: Sequence[Sequence[str]], rounds: int = ROUNDS) -> list[float]:
    """Median wall time of each command, run in turn within every round (after one warm-up
    round), so that load from elsewhere on the machine weighs on all alike."""
    env = _env()
    times: list[list[float]] = [[] for _ in commands]
    for round_ in range(rounds + 1):
        for command, bucket in zip(commands, times, strict=True):
            start = time.perf_counter()
            done = subprocess.run(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                                  stderr=subprocess.PIPE)  # fmt: skip
            elapsed = time.perf_counter() - start
            if done.returncode != 0:
                raise RuntimeError(f"{command}: exit {done.returncode}: {done.stderr[-500:]!r}")
            if round_:
                bucket.append(elapsed)
    return [statistics.median(bucket) for bucket in times]


def _byline(*args: str) -> list[str]:
    return [sys.executable, "-c", BYLINE, *args]


def _database(folder: Path) -> tuple[Path, int, Path]:
    """A fresh SQLite file with 10 short posts and one of 20,000 words; its id; its text."""
    from editor.model import PostContent
    from editor.services import blogs, posts
    from editor.store.database import open_store

    path = folder / "cli.sqlite3"
    text = article(20_000)
    store = open_store(path)
    with store.session() as s:
        blog = blogs.get_or_create_blog(s, "Bench Blog", site_url="https://example.org/")
        long_id = posts.create_post(
            s, PostContent(headline="A long read", byline="A. Writer", body=text), blog=blog
        ).id
        for i in range(9):
            content = PostContent(headline=f"Post {i}", byline="A. Writer", body=article(300, i))
            posts.create_post(s, content, blog=blog)
    store.close()
    source = folder / "long.md"
    source.write_text(text, encoding="utf-8")
    return path, long_id, source


def _query_script(db: Path) -> list[str]:
    code = (
        "import sqlalchemy as sa\n"
        f"engine = sa.create_engine('sqlite:///{db}')\n"
        "with engine.connect() as conn:\n"
        "    for row in conn.execute(sa.text('SELECT id, updated_at, status, headline FROM posts "
        "ORDER BY updated_at DESC LIMIT 200')):\n"
        "        print(*row)\n"
    )
    return [sys.executable, "-c", code]


def run() -> list[Figure]:
    folder = Path(tempfile.mkdtemp(prefix="byline-bench-cli-"))
    figures = []
    try:
        db, long_id, source = _database(folder)
        version, python = _timed_rounds([_byline("--version"), [sys.executable, "-c", "pass"]])
        figures.append(report(Figure("byline --version", version, "python -c pass", python,
                                     "<= 1.5x", version <= 1.5 * python)))  # fmt: skip

        listing, query = _timed_rounds([_byline("--db", str(db), "list"), _query_script(db)])
        figures.append(report(Figure("byline list (10 posts)", listing,
                                     "SQLAlchemy + one query", query, "<= 1.3x",
                                     listing <= 1.3 * query)))  # fmt: skip

        out = folder / "out.html"
        commands = [
            _byline("--db", str(db), "render", str(long_id), "-o", str(out)),
            [sys.executable, "-m", "markdown", "-f", str(folder / "md.html"), str(source)],
        ]
        # For the record, not a target: importing what a render needs (the floor under it).
        commands.append([sys.executable, "-c", "import editor.cli.render"])
        pandoc = shutil.which("pandoc")
        if pandoc:
            commands.append([pandoc, "-f", "markdown", "-t", "html", "-o",
                             str(folder / "pandoc.html"), str(source)])  # fmt: skip
        timings = _timed_rounds(commands, rounds=9)
        render, markdown, floor = timings[:3]
        print(f"(importing the renderer alone: {floor * 1000:.0f} ms, "
              f"{floor / markdown:.2f}x python -m markdown)")  # fmt: skip
        figures.append(report(Figure("byline render -o, 20,000 words", render,
                                     "python -m markdown", markdown, "<= 1.5x",
                                     render <= 1.5 * markdown)))  # fmt: skip
        if pandoc:
            figures.append(report(Figure("byline render -o, 20,000 words", render, "pandoc",
                                         timings[3], "< 1x", render < timings[3])))  # fmt: skip
        else:
            print("pandoc is not installed: `apt-get install pandoc` to compare with it")
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return figures
