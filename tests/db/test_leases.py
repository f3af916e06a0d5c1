"""Edit leases on SQLite and PostgreSQL: taken, renewed, lapsed, taken over (the first
holder's unsaved text kept as a revision), respected by the CLI; and on PostgreSQL two
``byline`` processes racing for one post never both hold it."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import timedelta

import pytest

from editor.cli.main import main
from editor.errors import LeaseHeldError
from editor.model import Person, PostContent, RevisionReason
from editor.services import blogs, leases, posts
from editor.store.database import Store, open_store
from tests.helpers.databases import fresh_postgres_database, postgres_available
from tests.helpers.services import require_service

ANA = Person("Ana Ruiz", "ana@example.org")
LUCIA = Person("Lucía Ferreira", "lucia@example.org")


def _as(store: Store, who: Person) -> Store:
    """A second handle on the same database, acting for ``who`` (another laptop)."""
    other = open_store(store.url.render_as_string(hide_password=False))
    other.whoami = lambda: who
    return other


@pytest.fixture
def two(store):
    """(Ana's store, Lucía's store, a post id) on one database."""
    store.whoami = lambda: ANA
    lucia = _as(store, LUCIA)
    with store.session() as s:
        post = posts.create_post(s, PostContent(headline="Shared", body="Old text."),
                                 blog=blogs.default_blog(s))  # fmt: skip
    yield store, lucia, post.id
    lucia.close()


def test_taken_then_refused_to_another_then_renewed(two):
    ana, lucia, post_id = two
    with ana.session() as s:
        first = leases.acquire(s, post_id, "ana-window")
    assert first.held and first.lease.who == "Ana Ruiz" and first.lease.live
    with lucia.session() as s:
        second = leases.acquire(s, post_id, "lucia-window")
    assert not second.held and second.lease.token == "ana-window"
    assert second.lease.describe().startswith("Being edited by Ana Ruiz since ")
    with ana.session() as s:
        later = leases.db_now(s) + timedelta(seconds=100)
        renewed = leases.renew(s, post_id, "ana-window", now=later)
    assert renewed.held
    assert renewed.lease.expires_at == later + timedelta(seconds=leases.LEASE_SECONDS)
    assert renewed.lease.taken_at == first.lease.taken_at  # "since" stays


def test_a_lease_not_renewed_lapses_and_anyone_may_take_it(two):
    ana, lucia, post_id = two
    with ana.session() as s:
        taken = leases.acquire(s, post_id, "ana-window", seconds=60)
    expiry = taken.lease.expires_at
    with lucia.session() as s:
        assert not leases.acquire(s, post_id, "lucia", now=expiry - timedelta(seconds=1)).held
        result = leases.acquire(s, post_id, "lucia", now=expiry + timedelta(seconds=1))
    assert result.held and result.taken_from is None  # a lapsed lease is free, not taken over
    with ana.session() as s:
        back = leases.renew(s, post_id, "ana-window")
    assert not back.held and back.lease.who == "Lucía Ferreira"


def test_take_over_keeps_the_first_holders_unsaved_text(two):
    ana, lucia, post_id = two
    with ana.session() as s:
        leases.acquire(s, post_id, "ana-window")
    with lucia.session() as s:
        result = leases.acquire(s, post_id, "lucia-window", take_over=True)
    assert result.held and result.taken_from.who == "Ana Ruiz"
    # Ana's window notices at its next renewal and keeps what it had not saved.
    with ana.session() as s:
        lost = leases.renew(s, post_id, "ana-window")
        assert not lost.held and lost.lease.who == "Lucía Ferreira"
        assert not leases.holds(s, post_id, "ana-window")
        number = leases.keep_unsaved(
            s, post_id, PostContent(headline="Shared", body="Ana's unsaved paragraph."),
            lost.lease.who,
        )  # fmt: skip
    with ana.session() as s:
        rev = posts.get_revision(s, post_id, number)
        assert rev.reason == RevisionReason.TAKEN_OVER.value
        assert rev.snapshot["body"] == "Ana's unsaved paragraph."
        assert rev.label == "Unsaved text when Lucía Ferreira took over"
        assert rev.author_name == "Ana Ruiz"
        assert posts.get_post(s, post_id).body == "Old text."  # the post itself is untouched


def test_release_frees_the_post_and_keeps_who_had_it(two):
    ana, lucia, post_id = two
    with ana.session() as s:
        leases.acquire(s, post_id, "ana-window")
        assert leases.release(s, post_id, "ana-window")
    with lucia.session() as s:
        assert leases.live_lease(s, post_id) is None
        assert leases.current(s, post_id).who == "Ana Ruiz"
        assert leases.acquire(s, post_id, "lucia-window").held


def test_check_free_refuses_others_not_the_holder_themselves(two):
    ana, lucia, post_id = two
    with ana.session() as s:
        leases.acquire(s, post_id, "ana-window")
        leases.check_free(s, post_id)  # Ana's own command line while her window is open
    with (
        pytest.raises(LeaseHeldError, match="being edited by Ana Ruiz since"),
        lucia.session() as s,
    ):
        leases.check_free(s, post_id)


def test_cli_respects_a_live_lease_and_can_take_over(two, capsys, monkeypatch):
    ana, lucia, post_id = two
    db = ana.url.render_as_string(hide_password=False)
    with ana.session() as s:
        leases.acquire(s, post_id, "ana-window")
    monkeypatch.setenv("BYLINE_USER_NAME", LUCIA.name)
    monkeypatch.setenv("BYLINE_USER_EMAIL", LUCIA.email)
    for args in (["set", str(post_id), "--headline", "Mine"], ["status", str(post_id), "submitted"],
                 ["delete", str(post_id)], ["restore", str(post_id), "1"],
                 ["suggest", str(post_id), "--replace", "Old", "--with", "New"],
                 ["photo", "remove", str(post_id), "1"]):  # fmt: skip
        assert main(["--db", db, *args]) == 1
        err = capsys.readouterr().err
        assert f"Post {post_id} is being edited by Ana Ruiz since" in err and "--take-over" in err
    assert main(["--db", db, "lease", "show", str(post_id)]) == 0
    assert "Being edited by Ana Ruiz since" in capsys.readouterr().out
    assert main(["--db", db, "set", str(post_id), "--headline", "Mine", "--take-over"]) == 0
    assert "took post" in capsys.readouterr().err
    with ana.session() as s:
        assert posts.get_post(s, post_id).headline == "Mine"
        assert not leases.renew(s, post_id, "ana-window").held  # Ana's window will notice
        assert leases.live_lease(s, post_id) is None  # the command's own lease ended with it


def test_lease_commands(two, capsys, monkeypatch):
    ana, _lucia, post_id = two
    db = ana.url.render_as_string(hide_password=False)
    monkeypatch.setenv("BYLINE_USER_NAME", LUCIA.name)
    assert main(["--db", db, "lease", "show", str(post_id)]) == 0
    assert "nobody is editing it" in capsys.readouterr().out
    assert main(["--db", db, "lease", "take", str(post_id), "--minutes", "5"]) == 0
    assert main(["--db", db, "lease", "show", str(post_id), "--json"]) == 0
    assert '"name": "Lucía Ferreira"' in capsys.readouterr().out
    monkeypatch.setenv("BYLINE_USER_NAME", ANA.name)
    assert main(["--db", db, "lease", "take", str(post_id)]) == 1
    assert main(["--db", db, "lease", "release", str(post_id)]) == 1
    assert "Being edited by Lucía Ferreira" in capsys.readouterr().err
    assert main(["--db", db, "lease", "take", str(post_id), "--minutes", "0"]) == 2
    assert main(["--db", db, "lease", "show", "999"]) == 2
    monkeypatch.setenv("BYLINE_USER_NAME", LUCIA.name)
    assert main(["--db", db, "lease", "release", str(post_id)]) == 0


@pytest.mark.postgres
def test_two_processes_never_both_hold_a_lease():
    """Two `byline lease take` processes, started together on one PostgreSQL database as two
    people: exactly one holds the post, the other is told who does. Three rounds."""
    ok, reason = postgres_available()
    require_service(ok, reason)
    with fresh_postgres_database() as url:
        st = open_store(url)
        with st.session() as s:
            ids = [posts.create_post(s, PostContent(headline=f"Race {i}"),
                                     blog=blogs.default_blog(s)).id for i in range(3)]  # fmt: skip
        st.close()
        here = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
        for post_id in ids:
            procs = []
            for name in ("Ana Ruiz", "Lucía Ferreira"):
                env = {**os.environ, "BYLINE_USER_NAME": name, "PYTHONPATH": here}
                procs.append(subprocess.Popen(
                    [sys.executable, "-m", "editor", "--db", url, "lease", "take", str(post_id)],
                    env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=here,
                ))  # fmt: skip
            results = [(p.wait(timeout=120), *p.communicate()) for p in procs]
            codes = sorted(code for code, _out, _err in results)
            assert codes == [0, 1], results
            loser = next(err for code, _out, err in results if code == 1)
            assert "Being edited by" in loser and "Traceback" not in loser
