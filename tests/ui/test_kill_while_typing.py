"""SIGKILL while typing loses at most the last 2 seconds of it (the issue's promise)."""

from __future__ import annotations

import os
import random
import selectors
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from editor.model import PostContent
from editor.services import blogs, posts
from editor.store.database import open_store
from tests.ui.typing_driver import typed_text

ROOT = Path(__file__).resolve().parents[2]
DRIVER = Path(__file__).with_name("typing_driver.py")
LOSS_ALLOWED_S = 2.0
START = "Typed after this:"
DEADLINE_S = 60


def _lines(proc: subprocess.Popen[str]):
    """The child's lines as they come; gives up (killing it) if it stops talking."""
    sel = selectors.DefaultSelector()
    sel.register(proc.stdout, selectors.EVENT_READ)
    give_up = time.monotonic() + DEADLINE_S
    while True:
        if not sel.select(timeout=max(0.0, give_up - time.monotonic())):
            proc.kill()
            pytest.fail(f"the typing child went silent for {DEADLINE_S} s")
        line = proc.stdout.readline()
        if not line:
            pytest.fail(f"the typing child exited early: {proc.wait()}\n{proc.stderr.read()}")
        yield line.split()


@pytest.mark.slow
@pytest.mark.parametrize("seed", [1, 2])
def test_sigkill_loses_at_most_two_seconds_of_typing(tmp_path, seed):
    db = tmp_path / "kill.sqlite3"
    store = open_store(db)
    with store.session() as s:
        post = posts.create_post(s, PostContent(headline="Kill me", body=START),
                                 blog=blogs.default_blog(s))  # fmt: skip
        post_id = post.id
    store.close()

    path = os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH", "")) if p)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=path)
    proc = subprocess.Popen(
        [sys.executable, str(DRIVER), str(db)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT,
    )  # fmt: skip
    progress: list[tuple[int, float]] = []
    try:
        kill_after = random.Random(seed).uniform(2.5, 5.0)  # seconds of typing
        for parts in _lines(proc):
            if parts[0] != "typed":
                continue
            progress.append((int(parts[1]), float(parts[2])))
            if progress[-1][1] - progress[0][1] >= kill_after:
                break
        killed_at = time.monotonic()
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.kill()
        proc.wait()
        proc.stdout.close()
        proc.stderr.close()
    assert proc.returncode == -signal.SIGKILL

    must_have = max((n for n, t in progress if t <= killed_at - LOSS_ALLOWED_S), default=0)
    assert must_have > 0, "typing never ran 2 s before the kill"

    store = open_store(db)
    try:
        with store.session() as s:
            body = posts.get_post(s, post_id).body
    finally:
        store.close()
    assert body.startswith(START)
    saved = len(body) - len(START)
    assert body == START + typed_text(saved), "the stored text is not what was typed"
    assert saved >= must_have, (
        f"lost typing older than {LOSS_ALLOWED_S} s: {saved} characters saved, "
        f"{must_have} were typed by {LOSS_ALLOWED_S} s before the kill"
    )
