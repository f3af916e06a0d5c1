"""A post moved to the Trash by someone else while it is open in a writer's window: the window
says who did it ("Marco moved this post to the Trash"), turns read-only, and keeps the words
the writer had typed but not saved as a revision of the post. When Marco then deletes it for
good, the window closes the post to the list and says so. Two real PostgreSQL roles: the
writer's window, the editor (Marco) from the command line in a process of his own."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from editor.model import Person, PostContent, RevisionReason
from editor.services import blogs, posts, trash
from editor.store.database import open_store
from tests.helpers.databases import postgres_available
from tests.helpers.newsroom import Newsroom, newsroom_database
from tests.helpers.services import require_service
from tests.ui.conftest import wait_idle

pytestmark = pytest.mark.postgres
ROOT = Path(__file__).resolve().parents[2]
ARRIVAL_MS = 10_000  # after Marco's command has ended: proves arrival, not speed
UNSAVED = "Words not saved yet."


@pytest.fixture(scope="module")
def room() -> Newsroom:
    ok, reason = postgres_available()
    require_service(ok, reason)
    with newsroom_database() as found:
        yield found


def test_a_post_trashed_elsewhere_turns_read_only_keeping_unsaved_words(journey, room, monkeypatch):
    writer = open_store(room.writer_url)
    writer.whoami = lambda: Person("Wren Writer")
    with writer.session() as s:
        blog = blogs.find_blog(s, room.blog)
        post_id = posts.create_post(s, PostContent(headline="Salt roads", body="Saved."),
                                    blog=blog).id  # fmt: skip
    writer.close()
    monkeypatch.setenv("BYLINE_USER_NAME", "Wren Writer")
    j = journey(room.writer_url, preview=False)
    w, banner = j.window, j.window.leases.banner
    w.controller.choose(post_id)
    j.wait(lambda: w.leases.held == post_id and not w.body.isReadOnly())
    j.wait(lambda: w.live.bridge.listener is not None and w.live.bridge.listener.connected.is_set())

    # Wren types; autosave waits longer than this test (as for a slow typist), so the words
    # are not yet saved when Marco acts.
    w.controller.autosave._idle.setInterval(600_000)
    w.controller.autosave._deadline.setInterval(600_000)
    j.caret_to_end()
    j.type(" " + UNSAVED)
    assert w.controller.autosave.dirty

    env = {**os.environ, "BYLINE_USER_NAME": "Marco", "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-m", "editor", "--db", room.editor_url, "delete", str(post_id),
         "--take-over"], env=env, capture_output=True, text=True, cwd=ROOT, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr

    j.wait(lambda: banner.isVisible() and "Marco moved this post to the Trash." in
           banner.text.text(), ARRIVAL_MS)  # fmt: skip
    assert "Your unsaved text is kept in its history" in banner.text.text()
    assert w.body.isReadOnly() and not banner.button.isVisible()
    assert j.status_text().startswith("Marco moved this post to the Trash.")
    assert UNSAVED in w.body.toPlainText()  # still on screen, to read or copy

    wait_idle(j.qtbot, w)  # the words are written on the window's database worker
    editor = open_store(room.editor_url)
    editor.whoami = lambda: Person("Marco")
    try:
        with editor.session() as s:
            kept = [r for r in posts.list_revisions(s, post_id)
                    if r.reason == RevisionReason.TAKEN_OVER.value]  # fmt: skip
            assert [r.label for r in kept] == [
                "Unsaved text when Marco moved the post to the Trash"
            ]
            assert kept[0].snapshot["body"] == "Saved. " + UNSAVED
            assert posts.get_post(s, post_id).body == "Saved."
        # Marco empties the Trash: the window closes the post to the list and says so.
        with editor.session() as s:
            assert trash.empty_trash(s, [post_id]) == [post_id]
    finally:
        editor.close()
    j.wait(lambda: w.controller.current is None, ARRIVAL_MS)
    j.wait(lambda: j.status_text() == "Marco deleted this post for good.", ARRIVAL_MS)
    assert w.body.toPlainText() == ""


def test_a_blog_renamed_elsewhere_shows_in_the_window(journey, room, monkeypatch):
    """Blogs are announced too (migration 0015): the writer's blog menus follow a rename by
    the blog's editor, and the status bar says who and what. The writer may not rename it."""
    monkeypatch.setenv("BYLINE_USER_NAME", "Wren Writer")
    j = journey(room.writer_url, preview=False)
    w = j.window
    j.wait(lambda: w.live.bridge.listener is not None and w.live.bridge.listener.connected.is_set())
    env = {**os.environ, "BYLINE_USER_NAME": "Marco", "PYTHONPATH": str(ROOT)}

    def blog_set(url: str, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "editor", "--db", url, "blog", "set", *args],
                              env=env, capture_output=True, text=True, cwd=ROOT, timeout=120)  # fmt: skip

    refused = blog_set(room.writer_url, room.blog, "--name", "Mine now")
    assert refused.returncode == 1 and "Only the blog's editors can change its settings" in (
        refused.stderr
    )
    renamed = blog_set(room.editor_url, room.blog, "--name", "Altiplano Norte")
    assert renamed.returncode == 0, renamed.stderr
    try:
        names = lambda combo: [combo.itemText(i) for i in range(combo.count())]  # noqa: E731
        j.wait(lambda: "Altiplano Norte" in names(w.form.blog), ARRIVAL_MS)
        j.wait(lambda: "Altiplano Norte" in names(w.post_list.blog), ARRIVAL_MS)
        assert room.blog not in names(w.form.blog)
        assert j.status_text() == "Updated by Marco: blog settings"
    finally:
        back = blog_set(room.editor_url, "Altiplano Norte", "--name", room.blog)
        assert back.returncode == 0, back.stderr
