"""Journey: two people and one post. Ana has it open on her laptop (her edit lease); Lucía's
window opens it read-only under "Being edited by Ana Ruiz since …", takes it over, writes;
then Ana takes it back while Lucía has words not yet saved: Lucía's window turns read-only,
says who took it, and keeps those words in the post's history. Runs on one SQLite file (the
same code serves a shared PostgreSQL newsroom; tests/db covers that)."""

from __future__ import annotations

import dataclasses
import threading

import pytest

from editor.model import Person, PostContent, RevisionReason
from editor.services import blogs, leases, posts
from editor.store.database import open_store
from editor.ui.window.actions import Act

ANA = Person("Ana Ruiz", "ana@example.org")
HEADLINE = "Salt flats at dawn"


@pytest.fixture
def ana(db_path):
    """Ana's laptop: her own handle on the database, with the post open (leased)."""
    store = open_store(db_path)
    store.whoami = lambda: ANA
    with store.session() as s:
        post = posts.create_post(s, PostContent(headline=HEADLINE, body="Ana's first paragraph."),
                                 blog=blogs.default_blog(s))  # fmt: skip
    with store.session() as s:
        assert leases.acquire(s, post.id, "ana-laptop").held
    store.post_id = post.id
    yield store
    store.close()


def _stored(ana, post_id):
    with ana.session() as s:
        post = posts.get_post(s, post_id)
        kept = [r for r in posts.list_revisions(s, post_id)
                if r.reason == RevisionReason.TAKEN_OVER.value]  # fmt: skip
        return post.body, kept


def test_open_a_post_someone_is_editing_take_it_over_and_lose_it_back(
    journey, db_path, ana, monkeypatch
):
    monkeypatch.setenv("BYLINE_USER_NAME", "Lucía Ferreira")
    post_id = ana.post_id
    j = journey(db_path)
    w = j.window
    banner = w.leases.banner
    j.wait(lambda: w.controller.current is not None and w.controller.current.id == post_id)

    # Read-only, saying who has it and since when.
    j.wait(lambda: banner.isVisible() and "Being edited by Ana Ruiz since" in banner.text.text())
    assert w.body.isReadOnly() and w.form.headline.isReadOnly()
    assert banner.button.isVisible() and banner.button.text() == "Take over"
    j.focus(w.body)
    j.type("typed into a locked post")
    assert w.body.toPlainText() == "Ana's first paragraph."
    photos = w.panels.photo_panel  # nor can its photos change: no adding, pasting or dropping
    j.menu(w.actions_[Act.PHOTOS])
    j.wait(lambda: "photos_dock" in j.visible_docks())
    assert not photos.add_button.isEnabled() and not photos.paste_button.isEnabled()
    assert not photos.acceptDrops()

    # Take over: editable, and Ana's laptop finds its lease gone at its next renewal.
    j.click(banner.button)
    j.wait(lambda: not banner.isVisible() and not w.body.isReadOnly())
    assert "You took the post over from Ana Ruiz" in j.status_text()
    assert photos.add_button.isEnabled() and photos.acceptDrops()
    with ana.session() as s:
        lost = leases.renew(s, post_id, "ana-laptop")
    assert not lost.held and lost.lease.who == "Lucía Ferreira"
    j.caret_to_end()
    j.type(" Lucía adds a line.")
    j.wait_saved()
    assert _stored(ana, post_id)[0] == "Ana's first paragraph. Lucía adds a line."

    # Ana takes it back while Lucía has typed words not saved yet.
    w.leases.timer.setInterval(200)  # renew sooner than every 30 s, as the timer would
    j.type(" Words not saved yet.")
    with ana.session() as s:
        assert leases.acquire(s, post_id, "ana-laptop", take_over=True).held
    j.wait(lambda: banner.isVisible() and "Ana Ruiz took over this post" in banner.text.text())
    assert "Your unsaved text is kept in its history" in banner.text.text()
    j.wait(lambda: w.body.isReadOnly() and "Words not saved" not in w.body.toPlainText())
    body, kept = _stored(ana, post_id)
    assert body == "Ana's first paragraph. Lucía adds a line."  # Ana's copy was not overwritten
    assert len(kept) == 1 and kept[0].author_name == "Lucía Ferreira"
    assert kept[0].snapshot["body"].endswith("Lucía adds a line. Words not saved yet.")

    # Ana closes the post: Lucía's window finds it free at its next try and may write again.
    with ana.session() as s:
        leases.release(s, post_id, "ana-laptop")
    j.wait(lambda: not banner.isVisible() and not w.body.isReadOnly())

    # Closing the window gives the lease back.
    j.close()
    with ana.session() as s:
        assert leases.live_lease(s, post_id) is None


def test_getting_the_post_back_never_moves_the_caret_after_it_is_editable(
    journey, db_path, ana, monkeypatch
):
    """The post comes free; the window takes it back and reloads it, editable. Another try for
    the lease still on its way (the live update of the release, or the timer) must not reload
    it a second time: that put the caret back at the top just as she started typing (seen in
    CI: her words landed before the first paragraph), or replaced words already typed."""
    monkeypatch.setenv("BYLINE_USER_NAME", "Lucía Ferreira")
    post_id = ana.post_id
    j = journey(db_path)
    w = j.window
    j.wait(lambda: w.leases.banner.isVisible() and w.body.isReadOnly())
    w.leases.timer.setInterval(200)

    gate = threading.Event()

    def late_retry(_data):  # the reload that comes with getting it back: a retry right then
        w.controller.current_post_changed.disconnect(late_retry)
        w.leases.renew_now()
        # The database worker is slow now (a busy machine): what the retry asks for next
        # waits until she has begun typing.
        w.executor.submit(lambda: gate.wait(30))

    w.controller.current_post_changed.connect(late_retry)
    with ana.session() as s:
        leases.release(s, post_id, "ana-laptop")
    j.wait(lambda: not w.body.isReadOnly() and w.leases.held == post_id)
    j.caret_to_end()
    j.type(" Lucía's line.")
    gate.set()
    w.executor.wait_idle()
    j.qtbot.wait(300)  # she pauses: whatever was on its way has arrived
    assert w.body.textCursor().position() == len(w.body.toPlainText())
    j.type(" And another.")  # the caret is where she left it: her words go on at the end
    j.wait_saved()
    assert w.body.toPlainText() == "Ana's first paragraph. Lucía's line. And another."
    assert _stored(ana, post_id)[0] == "Ana's first paragraph. Lucía's line. And another."


def test_a_moment_s_take_over_leaves_the_writer_typing(journey, db_path, ana, monkeypatch):
    """An editor's one-off command takes the post for a moment and gives it back (`byline
    status ID … --take-over`). The writer's window keeps the post: it never turns read-only
    under her, her caret stays, and the editor's change arrives in the text."""
    monkeypatch.setenv("BYLINE_USER_NAME", "Lucía Ferreira")
    post_id = ana.post_id
    with ana.session() as s:
        leases.release(s, post_id, "ana-laptop")
    j = journey(db_path)
    w = j.window
    j.wait(lambda: w.leases.held == post_id and not w.body.isReadOnly())
    locked: list[bool] = []
    w.leases.lease_changed.connect(lambda editable: locked.append(not editable))
    j.caret_to_end()
    j.type(" Lucía writes on.")
    j.wait_saved()

    with ana.session() as s:  # Ana's command: take over, change the headline, give it back
        assert leases.acquire(s, post_id, "ana-cli", take_over=True).held
        post = posts.get_post(s, post_id)
        content = dataclasses.replace(post.content(), headline="Salt flats at first light")
        posts.save_post(s, post_id, content, expected_version=post.version)
    with ana.session() as s:
        leases.release(s, post_id, "ana-cli")
    j.wait(lambda: w.form.headline.text() == "Salt flats at first light")
    w.leases.renew_now()  # the 30 s timer's next tick finds the lease had gone for a moment
    w.executor.wait_idle()
    j.qtbot.wait(100)  # and its answers have come back
    assert w.leases.held == post_id
    assert locked == [] and not w.body.isReadOnly() and not w.leases.banner.isVisible()
    assert w.body.textCursor().position() == len(w.body.toPlainText())
    j.type(" And more.")
    j.wait_saved()
    body, kept = _stored(ana, post_id)
    assert body == "Ana's first paragraph. Lucía writes on. And more."
    assert kept == []
