"""Two people on one PostgreSQL database: Ana has the window open; Marco works from the command
line, in another process. Each of Marco's changes shows up in Ana's window by itself (the post
list, a comment in the Review panel, the status and its log, the open post's text and its
preview), and what Ana types while Marco writes is never lost: it stays in her editor and is
stored.

Waits are on what Ana sees, with generous timeouts that start once Marco's command has ended:
the test proves arrival, not speed (bench/bench_live.py measures the delay)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from editor.model import PostContent
from editor.services import posts
from editor.services.blogs import default_blog
from editor.store.database import open_store
from tests.helpers.databases import fresh_postgres_database, postgres_available
from tests.helpers.services import require_service

pytestmark = pytest.mark.postgres
ROOT = Path(__file__).resolve().parents[2]
ARRIVAL_MS = 5000  # after Marco's command has ended: live updates take well under a second
CLI_MS = 120_000  # a whole `byline` process on two busy cores
BODY = "The council met on Tuesday.\n\nThe vote on water rights was close."
NEW_BODY = "The council met on Tuesday.\n\nThe vote on water rights passed, seven to four."
WORDS = ["Ana", "keeps", "typing", "her", "own", "words", "while", "Marco", "works"]


@pytest.fixture
def pg_url():
    ok, reason = postgres_available()
    require_service(ok, reason)
    with fresh_postgres_database() as url:
        yield url


def _seed(url: str) -> int:
    store = open_store(url)
    try:
        with store.session() as s:
            blog = default_blog(s)
            posts.create_post(s, PostContent(headline="Older story", body="Old."), blog=blog)
            post = posts.create_post(s, PostContent(headline="Water rights", body=BODY), blog=blog)
            return post.id
    finally:
        store.close()


class Marco:
    """``byline`` commands run as Marco in a process of their own, while the window runs."""

    def __init__(self, j, url: str) -> None:
        self.j, self.url = j, url

    def start(self, *args: str, stdin: str | None = None) -> subprocess.Popen[str]:
        env = dict(os.environ, BYLINE_USER_NAME="Marco", BYLINE_USER_EMAIL="marco@example.org",
                   PYTHONPATH=str(ROOT))  # fmt: skip
        proc = subprocess.Popen(
            [sys.executable, "-m", "editor.cli.main", "--db", self.url, *args],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            env=env, cwd=ROOT,
        )  # fmt: skip
        assert proc.stdin is not None
        proc.stdin.write(stdin or "")
        proc.stdin.close()
        return proc

    def finish(self, proc: subprocess.Popen[str]) -> str:
        """Wait for the command (the window keeps running meanwhile); its stdout."""
        try:
            self.j.wait(lambda: proc.poll() is not None, CLI_MS)
            out, err = proc.stdout.read(), proc.stderr.read()  # type: ignore[union-attr]
        finally:
            proc.stdout.close()  # type: ignore[union-attr]
            proc.stderr.close()  # type: ignore[union-attr]
        assert proc.returncode == 0, err
        return out

    def run(self, *args: str, stdin: str | None = None) -> str:
        return self.finish(self.start(*args, stdin=stdin))


def _rows(w) -> list[str]:
    tree = w.post_list.tree
    return [f"{tree.topLevelItem(i).text(0)} | {tree.topLevelItem(i).text(1)}"
            for i in range(tree.topLevelItemCount())]  # fmt: skip


def _comments(panel) -> str:
    tree = panel.comments
    return "\n".join(tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount()))


def _log(panel) -> str:
    return "\n".join(panel.log.item(i).text() for i in range(panel.log.count()))


def test_marcos_changes_from_the_command_line_show_up_in_anas_window(journey, pg_url, monkeypatch):
    post_id = _seed(pg_url)
    monkeypatch.setenv("BYLINE_USER_NAME", "Ana")
    j = journey(pg_url)
    w = j.window
    marco = Marco(j, pg_url)
    panel = w.review.panel
    assert w.controller.current.id == post_id
    j.wait(lambda: w.live.bridge.listener is not None and w.live.bridge.listener.connected.is_set())
    j.shortcut("Ctrl+Alt+R")  # Ana keeps the Review panel open
    j.wait(lambda: "review_dock" in j.visible_docks())

    # Marco starts a post: it appears in Ana's list; her open post and selection stay.
    marco.run("new", "--headline", "Budget vote delayed")
    j.wait(lambda: "Budget vote delayed | Draft" in _rows(w), ARRIVAL_MS)
    assert w.controller.current.id == post_id
    assert w.post_list.tree.currentItem().text(0) == "Water rights"

    # Marco comments on Ana's post: the Review panel shows it, and says who.
    marco.run("comment", "add", str(post_id), "--on", "water rights", "--text", "Which river?")
    j.wait(lambda: "Which river?" in _comments(panel), ARRIVAL_MS)
    assert "Marco" in _comments(panel)
    assert j.status_text() == "Updated by Marco: comments"

    # Marco submits it, taking the post from Ana's window for a moment (she only reads): the
    # status, the log and the list row follow, and the post is hers to edit again.
    marco.run("status", str(post_id), "submitted", "--take-over")
    j.wait(lambda: panel.status.text() == "Status: Submitted", ARRIVAL_MS)
    j.wait(lambda: "Water rights | Submitted" in _rows(w), ARRIVAL_MS)
    assert "Submitted" in _log(panel) and "Marco" in _log(panel)
    j.wait(lambda: w.form.status.currentData() == "submitted", ARRIVAL_MS)

    # Marco rewrites a sentence while Ana only reads: her editor and the preview show it.
    marco.run("set", str(post_id), "--body-file", "-", "--take-over", stdin=NEW_BODY)
    j.wait(lambda: w.body.toPlainText() == NEW_BODY, ARRIVAL_MS)
    j.wait(lambda: "seven to four" in j.preview_text(), ARRIVAL_MS)
    j.wait_preview_matches()
    j.wait(lambda: not w.body.isReadOnly() and w.leases.held == post_id, ARRIVAL_MS)

    # Ana types at the end while Marco comments: her words stay, and his comment shows up.
    j.caret_to_end()
    comment = marco.start("comment", "add", str(post_id), "--on", "seven", "--text", "Source?")
    typed, words = "", iter(WORDS * 100)
    while comment.poll() is None or len(typed) < 30:
        chunk = " " + next(words)  # a word at a person's pace, then the next
        j.wait(j.type_at_pace(chunk, ms_per_key=60), CLI_MS)
        typed += chunk
    marco.finish(comment)
    j.wait(lambda: "Source?" in _comments(panel), ARRIVAL_MS)
    j.wait_saved()
    assert w.body.toPlainText() == NEW_BODY + typed

    # Marco moves the post on (taking it over for a moment): her saved words are in it.
    marco.run("status", str(post_id), "in_review", "--take-over")
    j.wait(lambda: panel.status.text() == "Status: In review", ARRIVAL_MS)
    store = open_store(pg_url)
    try:
        with store.session() as s:
            stored = posts.get_post(s, post_id)
            assert stored.body == NEW_BODY + typed
            assert stored.status == "in_review"
    finally:
        store.close()
    assert w.body.toPlainText() == NEW_BODY + typed
    j.wait_preview_matches()
