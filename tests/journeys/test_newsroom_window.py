"""Journeys on a shared PostgreSQL newsroom, each person in their own role: the editor's
window opens a post the writer holds from another process (`byline lease take`), takes it
over, and the writer's command line is then refused with the editor's name; the writer's
window opens a post the rules do not let them change read-only, saying why."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers.databases import postgres_available
from tests.helpers.newsroom import Newsroom, newsroom_database
from tests.helpers.services import require_service
from tests.ui.conftest import wait_idle

pytestmark = pytest.mark.postgres
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def room() -> Newsroom:
    ok, reason = postgres_available()
    require_service(ok, reason)
    with newsroom_database() as found:
        yield found


def byline(url: str, *args: str, who: str) -> subprocess.CompletedProcess[str]:
    """The `byline` command in a process of its own, as ``who``."""
    env = {**os.environ, "BYLINE_USER_NAME": who, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "editor", "--db", url, *args], env=env,
                          capture_output=True, text=True, cwd=ROOT, timeout=120)  # fmt: skip


def _open(j, post_id: int) -> None:
    if j.window.controller.current is None or j.window.controller.current.id != post_id:
        j.window.controller.choose(post_id)
    j.wait(lambda: j.window.controller.current is not None
           and j.window.controller.current.id == post_id)  # fmt: skip


def test_editor_takes_over_a_post_the_writer_holds_in_another_process(journey, room, monkeypatch):
    made = byline(room.writer_url, "new", "--blog", room.blog, "--headline", "Salt flats",
                  who="Wren Writer")  # fmt: skip
    assert made.returncode == 0, made.stderr
    post_id = int(made.stdout.strip())
    taken = byline(room.writer_url, "lease", "take", str(post_id), who="Wren Writer")
    assert taken.returncode == 0, taken.stderr

    monkeypatch.setenv("BYLINE_USER_NAME", "Eda Editor")
    j = journey(room.editor_url, preview=False)
    w, banner = j.window, j.window.leases.banner
    _open(j, post_id)
    j.wait(lambda: banner.isVisible() and "Being edited by Wren Writer since" in banner.text.text())
    assert w.body.isReadOnly()

    j.click(banner.button)
    j.wait(lambda: not banner.isVisible() and not w.body.isReadOnly())
    shown = byline(room.writer_url, "lease", "show", str(post_id), who="Wren Writer")
    assert "Being edited by Eda Editor since" in shown.stdout
    refused = byline(room.writer_url, "set", str(post_id), "--headline", "Mine",
                     who="Wren Writer")  # fmt: skip
    assert refused.returncode == 1 and "Traceback" not in refused.stderr
    assert f"Post {post_id} is being edited by Eda Editor since" in refused.stderr

    j.caret_to_end()
    j.type("The editor's line.")
    j.wait_saved()
    show = byline(room.writer_url, "show", str(post_id), "--json", who="Wren Writer")
    assert "The editor's line." in show.stdout


def test_writer_window_opens_a_submitted_post_read_only_saying_why(journey, room, monkeypatch):
    made = byline(room.writer_url, "new", "--blog", room.blog, "--headline", "Sent in",
                  "--status", "submitted", who="Wren Writer")  # fmt: skip
    assert made.returncode == 0, made.stderr
    post_id = int(made.stdout.strip())

    monkeypatch.setenv("BYLINE_USER_NAME", "Wren Writer")
    j = journey(room.writer_url, preview=False)
    w, banner = j.window, j.window.leases.banner
    _open(j, post_id)
    j.wait(lambda: banner.isVisible() and "only the blog's editors can change it now"
           in banner.text.text())  # fmt: skip
    assert w.body.isReadOnly() and not banner.button.isVisible()
    approve = byline(room.writer_url, "status", str(post_id), "in_review", who="Wren Writer")
    assert approve.returncode == 1
    assert approve.stderr == "byline status: Only the blog's editors can take a post into review.\n"


def test_writer_keeps_typing_while_the_editor_takes_the_post_into_review(
    journey, room, monkeypatch
):
    """The editor moves the post on (their Review panel takes no lease) while the writer's
    window has words not yet saved: the save is refused by the rules, the words are kept in
    the post's history, and the window says why it is read-only now."""
    from editor.model import Person, PostStatus, RevisionReason
    from editor.services import posts, workflow
    from editor.store.database import open_store

    made = byline(room.writer_url, "new", "--blog", room.blog, "--headline", "Moving on",
                  who="Wren Writer")  # fmt: skip
    post_id = int(made.stdout.strip())
    monkeypatch.setenv("BYLINE_USER_NAME", "Wren Writer")
    j = journey(room.writer_url, preview=False)
    w, banner = j.window, j.window.leases.banner
    _open(j, post_id)
    j.wait(lambda: w.leases.held == post_id)
    assert not w.body.isReadOnly() and not banner.isVisible()

    editor = open_store(room.editor_url)
    editor.whoami = lambda: Person("Eda Editor")
    try:
        with editor.session() as s:
            workflow.change_status(s, post_id, PostStatus.SUBMITTED, force=True)
            workflow.change_status(s, post_id, PostStatus.IN_REVIEW)
        j.caret_to_end()
        j.type("A last sentence.")
        j.window.controller.flush()
        j.wait(lambda: banner.isVisible() and "is in_review: only the blog's editors can change "
               "it now" in banner.text.text())  # fmt: skip
        assert "Your unsaved text is kept in its history" in banner.text.text()
        assert w.body.isReadOnly() and not banner.button.isVisible()
        wait_idle(j.qtbot, w)  # the words are written on the window's database worker
        with editor.session() as s:
            kept = [r for r in posts.list_revisions(s, post_id)
                    if r.reason == RevisionReason.TAKEN_OVER.value]  # fmt: skip
            assert [r.snapshot["body"] for r in kept] == ["A last sentence."]
            assert posts.get_post(s, post_id).body == ""
    finally:
        editor.close()
