"""Stopping a push from another thread (the window closing): it stops at a safe point, records
nothing half-way, and an outbox run puts its item back in the queue, due at once."""

from __future__ import annotations

from datetime import timedelta

import pytest

from editor.model import OutboxItem, PostContent, utcnow
from editor.publish.cancel import Cancel, PushCancelled
from editor.publish.secrets import SecretStore
from editor.services import blogs, outbox, posts, targets
from editor.services.publish import push_post
from editor.services.publish_records import load_snapshot

SECRETS = SecretStore(env={"BYLINE_PASSWORD": "x"})


class _Site:
    """A fake site where the window closes while the marker search is on the network."""

    def __init__(self, cancel: Cancel) -> None:
        self.cancel, self.created = cancel, []

    def factory(self, _target, _password):
        return self

    def find_post_by_marker(self, _marker):
        self.cancel.cancel()  # the window closes now
        return None

    def create_post(self, fields):  # pragma: no cover - must not be reached
        self.created.append(fields)
        raise AssertionError("created after the cancel")

    def close(self) -> None:
        pass


def _setup(s) -> int:
    blog = blogs.get_or_create_blog(s, "Field Notes", site_url="https://notes.example")
    post = posts.create_post(s, PostContent(headline="Stopped", byline="Ada", body="Text."),
                             blog=blog)  # fmt: skip
    targets.add_target(s, name="site", kind="wordpress", site_url="https://example.org",
                       username="ada", api_url="https://example.org/wp-json/")  # fmt: skip
    return post.id


def test_a_cancelled_push_stops_before_the_next_step_and_records_nothing(store):
    with store.session() as s:
        post_id = _setup(s)
    cancel = Cancel()
    site = _Site(cancel)
    with pytest.raises(PushCancelled) as stopped:
        push_post(store, post_id, "site", secrets=SECRETS, photos=[], status="publish",
                  client_factory=site.factory, cancel=cancel)  # fmt: skip
    assert stopped.value.retryable and "window closed" in str(stopped.value)
    assert site.created == []
    assert load_snapshot(store, post_id, "site").remote is None  # nothing half-recorded


def test_a_stopped_outbox_run_queues_its_item_again_due_at_once(store):
    with store.session() as s:
        post_id = _setup(s)
        item_id = outbox.enqueue(s, post_id=post_id, target_name="site", status="publish",
                                 force=False, error="offline").id  # fmt: skip
    later = utcnow() + timedelta(hours=2)
    cancel = Cancel()
    [row] = outbox.process_outbox(store, later, secrets=SECRETS, photos_for=lambda _i: [],
                                  client_factory=_Site(cancel).factory, cancel=cancel)  # fmt: skip
    assert (row.id, row.state, row.attempts) == (item_id, "queued", 1)  # not counted as a try
    with store.session() as s:
        item = s.get(OutboxItem, item_id)
        assert item.next_attempt_at.replace(tzinfo=None) <= later.replace(tzinfo=None)
        assert "window closed" in item.last_error


def test_an_item_left_sending_by_a_killed_process_is_sent_at_the_next_run(store):
    with store.session() as s:
        post_id = _setup(s)
        item_id = outbox.enqueue(s, post_id=post_id, target_name="site", status="publish",
                                 force=False, error="offline").id  # fmt: skip
        item = s.get(OutboxItem, item_id)
        killed_at = utcnow() - timedelta(hours=1)
        item.state, item.updated_at, item.next_attempt_at = "sending", killed_at, killed_at
    cancel = Cancel()  # the fake site stops the run at its first network step
    [row] = outbox.process_outbox(store, secrets=SECRETS, photos_for=lambda _i: [],
                                  client_factory=_Site(cancel).factory, cancel=cancel)  # fmt: skip
    assert (row.id, row.state) == (item_id, "queued")  # it was picked up and tried again
    assert row.attempts == 2  # the interrupted try counts


def test_an_item_another_process_is_sending_now_is_left_alone(store):
    with store.session() as s:
        post_id = _setup(s)
        item_id = outbox.enqueue(s, post_id=post_id, target_name="site", status="publish",
                                 force=False, error="offline").id  # fmt: skip
        item = s.get(OutboxItem, item_id)
        item.state, item.updated_at = "sending", utcnow()
        attempts = item.attempts
    site = _Site(Cancel())
    assert outbox.process_outbox(store, utcnow() + timedelta(minutes=5), secrets=SECRETS,
                                 photos_for=lambda _i: [], client_factory=site.factory) == []  # fmt: skip
    with store.session() as s:
        item = s.get(OutboxItem, item_id)
        assert (item.state, item.attempts) == ("sending", attempts)
