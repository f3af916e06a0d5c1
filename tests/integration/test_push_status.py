"""After a push to the real local WordPress the local post's status follows the site's: publish
→ Published, future → Scheduled, a draft stays as it was; the status log says who pushed and
where. A push waiting in the outbox moves the status only once it is actually sent."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from editor.cli.main import main
from editor.model import Person, PostContent, PostStatus, utcnow
from editor.services import outbox, posts, publish_status, workflow
from editor.services.publish import push_post
from tests.integration.publishing import add_target, new_post, secrets_for

KINDS = ["wordpress", "metaweblog"]
PUSHER = Person("Eda Editor", "eda@example.org")


def _approved(store, headline: str) -> int:
    post_id = new_post(store, headline=headline)
    with store.session() as s:
        for to in ("submitted", "in_review", "approved"):
            workflow.change_status(s, post_id, PostStatus(to))
    return post_id


def _status(store, post_id: int) -> str:
    with store.session() as s:
        return posts.get_post(s, post_id).status


def _last_move(store, post_id: int) -> workflow.LogEntry:
    with store.session() as s:
        return workflow.status_log(s, post_id)[-1]


@pytest.mark.parametrize("kind", KINDS)
def test_publishing_makes_the_post_published_here_with_a_log_entry(kind, store, wordpress):
    store.whoami = lambda: PUSHER
    post_id = _approved(store, f"Lamps lit ({kind})")
    add_target(store, "newsroom", kind, wordpress.url)
    result = push_post(store, post_id, "newsroom", secrets=secrets_for(wordpress.app_password),
                       status="publish")  # fmt: skip

    assert result.status == "publish"
    assert _status(store, post_id) == "published"
    move = _last_move(store, post_id)
    assert (move.from_status, move.to_status, move.note) == ("approved", "published",
                                                             "pushed to newsroom")  # fmt: skip
    assert (move.author.name, move.author.email, move.forced) == (PUSHER.name, PUSHER.email, False)
    assert result.to_json()["local_status"] == "published"

    again = push_post(store, post_id, "newsroom", secrets=secrets_for(wordpress.app_password),
                      status="publish")  # fmt: skip
    assert again.action == "update" and again.followed is not None
    assert not again.followed.moved  # already published: no second log entry
    assert _last_move(store, post_id).id == move.id


@pytest.mark.parametrize("kind", KINDS)
def test_a_future_date_makes_it_scheduled_and_a_draft_push_changes_nothing(kind, store, wordpress):
    post_id = _approved(store, f"Ferry timetable ({kind})")
    with store.session() as s:
        post = posts.get_post(s, post_id)
        content = replace(post.content(), published_at=utcnow() + timedelta(days=3))
        posts.save_post(s, post_id, content, expected_version=post.version)
    add_target(store, "newsroom", kind, wordpress.url)
    secrets = secrets_for(wordpress.app_password)

    draft = push_post(store, post_id, "newsroom", secrets=secrets, status="draft")
    assert draft.status == "draft" and draft.followed is None
    assert _status(store, post_id) == "approved"

    result = push_post(store, post_id, "newsroom", secrets=secrets, status="future")
    assert result.status == {"wordpress": "future", "metaweblog": "publish"}[kind]  # sic
    assert result.link_verb == "Scheduled:"  # what the Publish dialog says, either way
    assert _status(store, post_id) == "scheduled"
    move = _last_move(store, post_id)
    assert (move.from_status, move.to_status, move.note) == ("approved", "scheduled",
                                                             "pushed to newsroom")  # fmt: skip


def test_an_outbox_push_moves_the_status_only_when_it_is_sent(store, wordpress):
    post_id = _approved(store, "Queued while offline")
    add_target(store, "newsroom", "wordpress", wordpress.url)
    with store.session() as s:
        outbox.enqueue(s, post_id=post_id, target_name="newsroom", status="publish", force=False,
                       error="the network is down", now=utcnow() - timedelta(hours=1))  # fmt: skip
    assert _status(store, post_id) == "approved"  # queued is not published

    [row] = outbox.process_outbox(store, secrets=secrets_for(wordpress.app_password))
    assert row.state == "done"
    assert _status(store, post_id) == "published"
    assert _last_move(store, post_id).note == "pushed to newsroom"


def test_a_window_behind_by_only_the_push_builds_on_it_but_not_over_other_changes(store, wordpress):
    post_id = _approved(store, "Two windows")
    with store.session() as s:
        seen = posts.get_post(s, post_id).version  # what an open window last saved
    add_target(store, "newsroom", "wordpress", wordpress.url)
    push_post(store, post_id, "newsroom", secrets=secrets_for(wordpress.app_password),
              status="publish")  # fmt: skip
    with store.session() as s:
        now = posts.get_post(s, post_id).version
        assert publish_status.pushed_since(s, post_id, seen) == (now, "approved")
        assert publish_status.pushed_since(s, post_id, now) is None  # nothing new
        post = posts.get_post(s, post_id)
        content = PostContent.from_json({**post.content().to_json(), "deck": "Someone's edit"})
        posts.save_post(s, post_id, content, expected_version=now)
    with store.session() as s:
        assert publish_status.pushed_since(s, post_id, seen) is None  # a text change too


def test_cli_push_says_the_post_is_now_published(tmp_path, monkeypatch, capsys, wordpress):
    import json

    monkeypatch.setenv("BYLINE_DB", str(tmp_path / "cli.sqlite3"))
    monkeypatch.setenv("BYLINE_PASSWORD", wordpress.app_password)
    md = tmp_path / "post.md"
    md.write_text("---\nheadline: Quay lamps\nbyline: Ada Lovelace\n---\nThe lamps are back.\n")
    assert main(["import", str(md), "--json"]) == 0
    [post_id] = json.loads(capsys.readouterr().out)
    assert main(["target", "add", "site", "--kind", "wordpress", "--url", wordpress.url,
                 "--user", wordpress.user]) == 0  # fmt: skip
    capsys.readouterr()
    assert main(["push", str(post_id), "--to", "site", "--status", "publish"]) == 0
    out, err = capsys.readouterr()
    assert out.startswith("Published at ") and len(out.splitlines()) == 1  # scripts read it
    assert f"Post {post_id} is now published here (was draft)." in err
    assert main(["log", str(post_id), "--json"]) == 0
    last = json.loads(capsys.readouterr().out)[-1]
    assert (last["from"], last["to"], last["note"]) == ("draft", "published", "pushed to site")
