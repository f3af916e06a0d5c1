"""Live updates in a window on PostgreSQL, with another connection writing (as another person's
Byline would): what is refreshed, what is never touched (unsaved typing, a comment being
written, the caret), and that closing the window leaves no listening thread."""

from __future__ import annotations

import threading

import pytest

from editor.model import PostContent
from editor.model.people import Person
from editor.services import comments, posts
from editor.services.blogs import default_blog
from editor.store.database import open_store
from editor.ui.live.text import changed_span
from tests.helpers.databases import fresh_postgres_database, postgres_available
from tests.helpers.services import require_service
from tests.ui.conftest import OPEN_TIMEOUT_MS, SAVE_TIMEOUT_MS, type_at_end, wait_idle

BODY = "First paragraph here.\n\nSecond paragraph, where the caret sits."
ARRIVAL_MS = 5000


@pytest.fixture
def pg_url():
    ok, reason = postgres_available()
    require_service(ok, reason)
    with fresh_postgres_database() as url:
        store = open_store(url)
        with store.session() as s:
            posts.create_post(s, PostContent(headline="Shared", body=BODY), blog=default_blog(s))
        store.close()
        yield url


@pytest.fixture
def marco(pg_url):
    """Another person's store on the same database."""
    store = open_store(pg_url)
    store.whoami = lambda: Person("Marco", "marco@example.org")
    yield store
    store.close()


def _listening(qtbot, w) -> None:
    qtbot.waitUntil(
        lambda: w.live.listening and w.live.bridge.listener.connected.is_set(),
        timeout=OPEN_TIMEOUT_MS,
    )


def _save_as(store, post_id: int, **fields) -> None:
    with store.session() as s:
        post = posts.get_post(s, post_id)
        content = post.content().to_json() | fields
        posts.save_post(s, post_id, PostContent(**content), expected_version=post.version)


def test_the_caret_a_comment_draft_and_the_scroll_stay_when_the_text_changes_elsewhere(
    qtbot, open_window, pg_url, marco
):
    w = open_window(pg_url)
    _listening(qtbot, w)
    post_id = w.controller.current.id
    caret = BODY.index("caret")
    cursor = w.body.textCursor()
    cursor.setPosition(caret)
    w.body.setTextCursor(cursor)
    w.review.panel.new_comment.setPlainText("A comment I am still writing")

    _save_as(marco, post_id, body="First paragraph, longer now.\n\n" + BODY.split("\n\n")[1])
    qtbot.waitUntil(lambda: "longer now" in w.body.toPlainText(), timeout=ARRIVAL_MS)
    moved = w.body.toPlainText().index("caret")
    assert w.body.textCursor().position() == moved  # the caret stayed on its word
    assert w.review.panel.new_comment.toPlainText() == "A comment I am still writing"
    assert not w.body.document().isUndoAvailable()  # Undo never takes back Marco's words
    assert not w.controller.autosave.dirty  # showing Marco's text is not an edit to save
    assert w.statusBar().currentMessage() == "Updated by Marco: text"


def test_unsaved_typing_is_kept_and_the_next_save_asks_whose_text_wins(
    qtbot, open_window, pg_url, marco, monkeypatch
):
    from editor.ui.writing.conflict_dialog import ConflictDialog

    asked: list[str] = []
    monkeypatch.setattr(ConflictDialog, "ask", classmethod(lambda c, p, h: asked.append(h) or True))
    w = open_window(pg_url)
    _listening(qtbot, w)
    post_id = w.controller.current.id
    autosave = w.controller.autosave
    autosave._idle.setInterval(600_000)  # hold the typing unsaved while Marco writes
    autosave._deadline.setInterval(600_000)
    type_at_end(qtbot, w, " Mine.")
    assert autosave.dirty

    with qtbot.waitSignal(w.live.refreshed, timeout=ARRIVAL_MS):
        _save_as(marco, post_id, deck="Marco's deck")
    wait_idle(qtbot, w)
    assert w.body.toPlainText() == BODY + " Mine."
    assert w.statusBar().currentMessage() == (
        "Updated by Marco: text; your unsaved text is kept, and saving asks whose version wins"
    )

    w.controller.flush()
    qtbot.waitUntil(lambda: asked == ["Shared"], timeout=SAVE_TIMEOUT_MS)
    wait_idle(qtbot, w)
    with marco.session() as s:
        assert posts.get_post(s, post_id).body == BODY + " Mine."
        assert "Their version" in [r.label for r in posts.list_revisions(s, post_id)]


def test_own_saves_are_not_news_and_others_comments_reach_the_review_panel(
    qtbot, open_window, pg_url, marco
):
    w = open_window(pg_url)
    _listening(qtbot, w)
    post_id = w.controller.current.id
    batches: list[list] = []
    w.live.refreshed.connect(batches.append)
    type_at_end(qtbot, w, " Saved by me.")
    w.controller.flush()
    wait_idle(qtbot, w)
    qtbot.waitUntil(lambda: not w.controller.autosave.dirty, timeout=SAVE_TIMEOUT_MS)

    with marco.session() as s:
        comments.add_comment(s, post_id, "Marco asks", field="post")
    qtbot.waitUntil(lambda: any(c.table == "comments" for b in batches for c in b),
                    timeout=ARRIVAL_MS)  # fmt: skip
    assert [c.table for b in batches for c in b] == ["comments"]  # my own save was no news
    qtbot.waitUntil(
        lambda: any("Marco asks" in v.text for v in (w.review.data.comments or [])),
        timeout=ARRIVAL_MS,
    )


def test_after_a_dropped_connection_the_window_reads_everything_again(
    qtbot, open_window, pg_url, marco
):
    from sqlalchemy import text

    w = open_window(pg_url)
    _listening(qtbot, w)
    with marco.engine.connect() as conn:
        conn.execute(
            text("SELECT pg_terminate_backend(:pid)"), {"pid": w.live.bridge.listener.backend_pid}
        )
    qtbot.waitUntil(
        lambda: w.statusBar().currentMessage().startswith("Reconnected"), timeout=ARRIVAL_MS * 2
    )
    post_id = w.controller.current.id
    _save_as(marco, post_id, headline="After the drop")
    qtbot.waitUntil(lambda: w.form.headline.text() == "After the drop", timeout=ARRIVAL_MS)


def test_closing_the_window_stops_listening(qtbot, open_window, pg_url):
    w = open_window(pg_url)
    _listening(qtbot, w)
    w.close()
    assert not w.live.listening
    assert not [t for t in threading.enumerate() if t.name == "byline-listen"]


def test_a_window_on_sqlite_sees_a_comment_added_from_the_command_line(
    qtbot, open_window, tmp_path
):
    """No NOTIFY on SQLite: the window notices the other process's commit by the file's
    data_version and reads what it shows again."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    path = tmp_path / "one.sqlite3"
    w = open_window(path)
    assert w.live.bridge.listener is None and w.live.bridge.watcher is not None
    post_id = w.controller.current.id
    # The window has done its own writing (its edit lease): the watcher has looked since, so
    # the terminal's commit is certainly someone else's (one that comes together with the
    # window's own saves is read quietly: test_edit_leases covers that).
    watcher, own = w.live.bridge.watcher, w.controller.store.commits
    qtbot.waitUntil(lambda: own.busy == 0, timeout=ARRIVAL_MS)
    seen, polls = own.commits, watcher.polls
    qtbot.waitUntil(lambda: watcher.polls >= polls + 3, timeout=ARRIVAL_MS)
    assert own.commits == seen
    proc = subprocess.Popen(
        [sys.executable, "-m", "editor.cli.main", "--db", str(path), "comment", "add",
         str(post_id), "--field", "post", "--text", "From the terminal"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=root,
        env=dict(os.environ, PYTHONPATH=str(root)),
    )  # fmt: skip
    qtbot.waitUntil(lambda: proc.poll() is not None, timeout=120_000)
    assert proc.returncode == 0
    qtbot.waitUntil(
        lambda: any("From the terminal" in v.text for v in w.review.data.comments),
        timeout=ARRIVAL_MS,
    )
    assert w.statusBar().currentMessage() == "Updated in another window or program"
    w.close()
    assert not [t for t in threading.enumerate() if t.name == "byline-watch"]


def test_changed_span_finds_the_one_stretch_that_differs():
    assert changed_span("abcdef", "abXYef") == (2, 4, "XY")
    assert changed_span("same", "same") == (4, 4, "")
    assert changed_span("aaa", "aaaa") == (3, 3, "a")
    assert changed_span("", "new") == (0, 0, "new")


def test_redrawing_the_spelling_underlines_is_not_an_edit(qtbot, open_window, tmp_path):
    """Qt reports a re-highlight as a change of the text; counted as an edit, it made an
    autosave of nothing, and on a shared database a "changed elsewhere" question."""
    w = open_window(tmp_path / "one.sqlite3")
    w.controller.autosave.cancel()
    with qtbot.assertNotEmitted(w.controller.body_text_changed):
        w.body.highlighter.rehighlight()
        w.body.highlighter.rehighlightBlock(w.body.document().firstBlock())
    assert not w.controller.autosave.dirty
    type_at_end(qtbot, w, "x")  # typing still is
    assert w.controller.autosave.dirty


def test_two_windows_on_one_sqlite_file_follow_each_other(qtbot, open_window, tmp_path):
    path = tmp_path / "one.sqlite3"
    theirs, mine = open_window(path), open_window(path)
    with qtbot.waitSignal(theirs.controller.post_saved, timeout=SAVE_TIMEOUT_MS):
        type_at_end(qtbot, theirs, " THEIRS")
    qtbot.waitUntil(lambda: mine.body.toPlainText().endswith(" THEIRS"), timeout=ARRIVAL_MS)
    with qtbot.waitSignal(mine.controller.post_saved, timeout=SAVE_TIMEOUT_MS):
        type_at_end(qtbot, mine, " MINE")  # no conflict: mine had taken THEIRS in
    qtbot.waitUntil(lambda: theirs.body.toPlainText().endswith(" THEIRS MINE"), timeout=ARRIVAL_MS)


def test_news_of_the_list_alone_never_covers_a_message_on_screen(qtbot, open_window, tmp_path):
    """Emptying the Trash elsewhere announces the post's rows in two bursts: the second, about
    the list only, wrote "Updated by Marco: the post list" over "Marco deleted this post for
    good." (a race seen in `make test`). The list's news waits for a free status bar."""
    from editor.store.changes import Change

    w = open_window(tmp_path / "one.sqlite3")
    gone = Change("posts", "delete", post_id=999, blog_id=1, person="Marco")
    w.statusBar().showMessage("Marco deleted this post for good.")
    w.live._batch([gone])
    assert w.statusBar().currentMessage() == "Marco deleted this post for good."
    w.statusBar().clearMessage()
    w.live._batch([gone])
    assert w.statusBar().currentMessage() == "Updated by Marco: the post list"
