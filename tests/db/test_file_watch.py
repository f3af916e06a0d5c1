"""Two processes on one SQLite file: a change committed by the other one (here the ``byline``
command line) is noticed by polling ``PRAGMA data_version``; this process's own commits are
reported not reported; stopping leaves no thread."""

from __future__ import annotations

import os
import queue
import subprocess
import sys
import threading
import time
from pathlib import Path

from editor.model import PostContent
from editor.services import comments, posts
from editor.services.blogs import default_blog
from editor.store.database import open_store
from editor.store.file_watch import DataVersionWatcher

ROOT = Path(__file__).resolve().parents[2]
WAIT_S = 10.0  # generous: arrival is asserted, not its speed


def _watching(tmp_path):
    path = tmp_path / "shared.sqlite3"
    store = open_store(path)
    with store.session() as s:
        post_id = posts.create_post(s, PostContent(headline="One", body="Words."),
                                    blog=default_blog(s)).id  # fmt: skip
    heard: queue.Queue[str] = queue.Queue()
    watcher = DataVersionWatcher(path, lambda: heard.put("changed"), store.commits,
                                 poll_s=0.05)  # fmt: skip
    watcher.start()
    return store, post_id, heard, watcher


def test_a_comment_from_another_process_is_noticed_as_someone_elses(tmp_path):
    store, post_id, heard, watcher = _watching(tmp_path)
    try:
        env = dict(os.environ, PYTHONPATH=str(ROOT))
        done = subprocess.run(
            [sys.executable, "-m", "editor.cli.main", "--db", str(store.url.database),
             "comment", "add", str(post_id), "--on", "Words", "--text", "Why?"],
            capture_output=True, text=True, env=env, cwd=ROOT, timeout=120,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
        assert heard.get(timeout=WAIT_S) == "changed"
    finally:
        watcher.stop()
        store.close()
    assert not watcher.running


def _until(condition) -> None:
    deadline = time.monotonic() + WAIT_S
    while not condition():
        assert time.monotonic() < deadline, "the watcher stopped polling"
        time.sleep(0.01)


def test_own_commits_are_not_reported(tmp_path):
    store, post_id, heard, watcher = _watching(tmp_path)
    try:
        with store.session() as s:
            comments.add_comment(s, post_id, "Mine", field="post")
        seen, polls = store.commits.commits, watcher.polls
        _until(lambda: watcher.polls >= polls + 3)  # the watcher has looked since: nothing
        assert heard.empty()
        other = open_store(store.url.database)  # then someone else's, which is
        with other.session() as s:
            comments.add_comment(s, post_id, "Theirs", field="post")
        other.close()
        assert heard.get(timeout=WAIT_S) == "changed"
        assert store.commits.commits == seen
    finally:
        watcher.stop()
        store.close()
    assert heard.empty()  # one report: the other store's commit, not ours


def test_stop_ends_the_thread(tmp_path):
    store, _post_id, _heard, watcher = _watching(tmp_path)
    watcher.stop()
    store.close()
    assert not watcher.running
    assert not [t for t in threading.enumerate() if t.name == "byline-watch"]


def test_a_change_that_comes_with_our_own_is_reported_as_maybe(tmp_path):
    """Someone else commits just as this process does: SQLite cannot say whose the change is,
    so it is reported as "maybe" (the window then reads again, quietly) instead of dropped."""
    path = tmp_path / "shared.sqlite3"
    store = open_store(path)
    with store.session() as s:
        post_id = posts.create_post(s, PostContent(headline="One", body="Words."),
                                    blog=default_blog(s)).id  # fmt: skip
    heard: queue.Queue[str] = queue.Queue()
    watcher = DataVersionWatcher(path, lambda: heard.put("changed"), store.commits,
                                 poll_s=0.05, on_maybe=lambda: heard.put("maybe"))  # fmt: skip
    watcher.start()
    other = open_store(path)
    try:
        polls = watcher.polls
        _until(lambda: watcher.polls >= polls + 3)
        with store.session() as s:  # ours, then theirs at once
            comments.add_comment(s, post_id, "Mine", field="post")
        with other.session() as s:
            comments.add_comment(s, post_id, "Theirs", field="post")
        assert heard.get(timeout=WAIT_S) == "maybe"
    finally:
        watcher.stop()
        other.close()
        store.close()
