"""Review on SQLite and PostgreSQL: people on revisions, the status workflow and its log,
comments anchored to the text."""

from __future__ import annotations

from dataclasses import replace

import pytest

from editor.errors import InputError, NotFoundError
from editor.model import Person, PostContent, PostStatus
from editor.services import blogs, comments, photos, posts, workflow
from tests.helpers.photos import jpeg_bytes

WRITER = Person("Wren Writer", "wren@example.org", "America/La_Paz")
EDITOR = Person("Eda Editor", "eda@example.org", "Europe/Madrid")
BODY = "The station runs on sunlight. Its volunteers built the panels. The station is small."


def _as(store, person):
    store.whoami = lambda: person
    return store


def _new(store, body=BODY) -> int:
    with _as(store, WRITER).session() as s:
        blog = blogs.get_or_create_blog(s, "Latin America Blog")
        return posts.create_post(s, PostContent(headline="Solar radio", body=body), blog=blog).id


def _move(store, post_id, status, person=WRITER, **kw):
    with _as(store, person).session() as s:
        return workflow.change_status(s, post_id, status, **kw)


def test_revisions_record_who_made_them_and_their_zone(store):
    post_id = _new(store)
    _move(store, post_id, PostStatus.SUBMITTED, EDITOR)
    with store.session() as s:
        revs = posts.list_revisions(s, post_id)
    assert [r.author for r in revs] == [EDITOR, WRITER]


def test_the_workflow_refuses_other_moves_naming_the_allowed_ones(store):
    post_id = _new(store)
    with pytest.raises(InputError, match="from draft it can go to submitted"):
        _move(store, post_id, PostStatus.APPROVED)
    _move(store, post_id, PostStatus.SUBMITTED)
    _move(store, post_id, PostStatus.IN_REVIEW, EDITOR)
    with pytest.raises(InputError, match="--note"):
        _move(store, post_id, PostStatus.CHANGES_REQUESTED, EDITOR)
    _move(store, post_id, PostStatus.CHANGES_REQUESTED, EDITOR, note="Name the station")
    _move(store, post_id, PostStatus.SUBMITTED)  # the back edge after changes
    with store.session() as s:
        assert posts.get_post(s, post_id).status == "submitted"
        log = workflow.status_log(s, post_id)
    assert [(e.from_status, e.to_status, e.author.name) for e in log] == [
        ("", "draft", "Wren Writer"),
        ("draft", "submitted", "Wren Writer"),
        ("submitted", "in_review", "Eda Editor"),
        ("in_review", "changes_requested", "Eda Editor"),
        ("changes_requested", "submitted", "Wren Writer"),
    ]
    assert log[3].note == "Name the station" and not any(e.forced for e in log)
    assert log[2].author.zone == "Europe/Madrid" and log[2].when.tzinfo is not None


def test_a_forced_move_is_logged_as_forced_and_an_approval_from_submitted_passes_review(store):
    post_id = _new(store)
    _move(store, post_id, PostStatus.PUBLISHED, force=True)
    _move(store, post_id, PostStatus.IN_REVIEW)  # published -> in_review: a correction
    with _as(store, EDITOR).session() as s:
        workflow.review_decision(s, post_id, PostStatus.APPROVED)
    with store.session() as s:
        log = workflow.status_log(s, post_id)
    assert [(e.to_status, e.forced) for e in log[1:]] == [
        ("published", True), ("in_review", False), ("approved", False)]  # fmt: skip
    second = _new(store)
    _move(store, second, PostStatus.SUBMITTED)
    with _as(store, EDITOR).session() as s:
        workflow.review_decision(s, second, PostStatus.CHANGES_REQUESTED, note="Shorter")
        moves = [(e.from_status, e.to_status) for e in workflow.status_log(s, second)]
    assert moves[-2:] == [("submitted", "in_review"), ("in_review", "changes_requested")]


def test_comments_anchor_reply_resolve_and_survive_edits(store):
    post_id = _new(store)
    with _as(store, EDITOR).session() as s:
        first = comments.add_comment(s, post_id, "Which one?", quote="The station", nth=2).id
        whole = comments.add_comment(s, post_id, "Lovely piece", field="post").id
        with pytest.raises(InputError, match="occurs 2 times in the body; choose one with --nth"):
            comments.add_comment(s, post_id, "x", quote="The station")
    with pytest.raises(InputError, match="is not in the headline"), store.session() as s:
        comments.add_comment(s, post_id, "x", quote="sunlight", field="headline")
    with _as(store, WRITER).session() as s:
        comments.reply(s, post_id, first, "The one in Achacachi")
        post = posts.get_post(s, post_id)
        edited = "Since 1994: " + BODY.replace("built", "made")
        posts.save_post(s, post_id, replace(post.content(), body=edited),
                        expected_version=post.version)  # fmt: skip
        comments.set_resolved(s, post_id, first, True)
    with store.session() as s:
        assert [v.id for v in comments.list_comments(s, post_id, include_resolved=False)] == [whole]
        view = comments.list_comments(s, post_id)[0]
    assert (view.author, view.resolved, view.state_by.name) == (EDITOR, True, "Wren Writer")
    assert edited[view.span.start : view.span.end] == "The station"
    assert view.span.start == edited.rfind("The station")
    assert [(r.author.name, r.text) for r in view.replies] == [
        ("Wren Writer", "The one in Achacachi")]  # fmt: skip
    with store.session() as s:
        comments.set_resolved(s, post_id, first, False)
        post = posts.get_post(s, post_id)
        gone = edited.replace("The station is small.", "")
        posts.save_post(s, post_id, replace(post.content(), body=gone),
                        expected_version=post.version)  # fmt: skip
        view = comments.list_comments(s, post_id, include_resolved=False)[0]
    assert (view.resolved, view.detached, view.anchor.quote) == (False, True, "The station")
    with pytest.raises(NotFoundError), store.session() as s:
        comments.reply(s, post_id + 1, first, "wrong post")


def test_comments_on_a_photo_caption_and_bad_fields(store, tmp_path):
    post_id = _new(store)
    picture = tmp_path / "p.jpg"
    picture.write_bytes(jpeg_bytes((64, 48)))
    with store.session() as s:
        photo = photos.attach(s, posts.get_post(s, post_id), picture, caption="Panels at noon",
                              credit="Ana/Sur")  # fmt: skip
        c = comments.add_comment(s, post_id, "Which year?", quote="at noon",
                                 field=f"caption:{photo.id}")  # fmt: skip
        [view] = comments.list_comments(s, post_id)
        assert (c.field, view.span.start, view.detached) == (f"caption:{photo.id}", 7, False)
        with pytest.raises(InputError, match="--field: 'lede'"):
            comments.add_comment(s, post_id, "x", quote="at", field="lede")
        with pytest.raises(InputError, match="has no photo 999"):
            comments.add_comment(s, post_id, "x", quote="at", field="credit:999")


def test_migration_0007_keeps_revisions_with_the_author_unknown_and_rebuilds_the_log(tmp_path):
    from sqlalchemy import create_engine, text

    from editor.store.database import open_store
    from editor.store.migrations import upgrade

    url = f"sqlite:///{tmp_path / 'old.sqlite3'}"
    engine = create_engine(url)
    with engine.connect() as conn:
        upgrade(conn, "0006")
        conn.execute(text(
            "INSERT INTO blogs (name, site_url, description, theme, language, default_byline_role,"
            " comments_url_pattern, logo_path, sidebar_auto, sidebar_count, created_at) VALUES "
            "('Old', '', '', 'newsroom', 'en', '', '', '', 1, 5, CURRENT_TIMESTAMP)"
        ))  # fmt: skip
        conn.execute(text(
            "INSERT INTO posts (uuid, blog_id, headline, deck, byline, byline_role, published_tz,"
            " slug, slug_auto, tags, categories, body, editor_note, status, created_at,"
            " updated_at, version) VALUES ('u-1', 1, 'Solar radio', '', '', '', '', 'solar', 1,"
            " '[]', '[]', 'sunlight', '', 'in_review', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 3)"
        ))  # fmt: skip
        for number, status in ((1, "draft"), (2, "draft"), (3, "submitted"), (4, "in_review")):
            conn.execute(text(
                "INSERT INTO revisions (post_id, number, created_at, reason, label, status,"
                f" post_version, snapshot) VALUES (1, {number}, '2026-11-0{number} 10:00:00',"
                f" 'status', '', '{status}', {number}, '{{}}')"
            ))  # fmt: skip
        conn.commit()
    engine.dispose()
    store = open_store(url)
    try:
        with store.session() as s:
            revs = posts.list_revisions(s, 1)
            assert len(revs) == 4 and {r.author.known for r in revs} == {False}
            log = workflow.status_log(s, 1)
        assert [(e.from_status, e.to_status, e.author.label) for e in log] == [
            ("draft", "submitted", "unknown"), ("submitted", "in_review", "unknown")]  # fmt: skip
        assert log[0].when.day == 3
    finally:
        store.close()


def test_emptying_the_trash_removes_the_posts_comments_and_log(store):
    from sqlalchemy import func, select

    from editor.model import Comment, StatusChange
    from editor.services import trash

    post_id = _new(store)
    with store.session() as s:
        c = comments.add_comment(s, post_id, "Hmm", quote="sunlight")
        comments.reply(s, post_id, c.id, "Yes")
        trash.trash_post(s, post_id)
        trash.empty_trash(s)
    with store.session() as s:
        assert s.scalar(select(func.count()).select_from(Comment)) == 0
        assert s.scalar(select(func.count()).select_from(StatusChange)) == 0
