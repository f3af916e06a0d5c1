"""A window's saves over a push's status move (the window's database jobs, without Qt and
without a site: the move is made the way a push makes it, from another thread's session).

Words typed while the push ran are saved on top of it without a "changed elsewhere" question,
and the status the form showed before the push does not undo it; anyone else's change still
stops the save and asks."""

from __future__ import annotations

from dataclasses import asdict, replace

import pytest

from editor.errors import ConflictError
from editor.model import PostContent, PostStatus
from editor.services import blogs, posts, workflow
from editor.services.publish_status import follow_remote_status
from editor.ui.publishing import jobs as publishing_jobs
from editor.ui.window import jobs


def _post(store, *moves: str) -> int:
    with store.session() as s:
        post = posts.create_post(s, PostContent(headline="Quay lamps", byline="Ada",
                                                body="The lamps are back."),
                                 blog=blogs.default_blog(s))  # fmt: skip
        for to in moves:
            workflow.change_status(s, post.id, PostStatus(to))
        return post.id


def _typed(store, post_id: int, words: str) -> dict:
    with store.session() as s:
        content = posts.get_post(s, post_id).content()
    return asdict(replace(content, body=content.body + words))


def _stored(store, post_id: int) -> tuple[str, str]:
    with store.session() as s:
        post = posts.get_post(s, post_id)
        return post.status, post.body


def test_words_typed_during_the_push_are_saved_on_top_of_it(store):
    post_id = _post(store, "submitted", "in_review", "approved")
    state = jobs.EditState()
    data = jobs.load_post(store, state, post_id)
    fields = _typed(store, post_id, " Typed while it sent.")
    assert follow_remote_status(store, post_id, "publish", "newsroom").moved  # the push

    out = jobs.save(store, state, post_id, fields, "approved", data.blog_id)  # the stale form

    assert out is not None and out.changed and post_id not in state.conflicted
    assert _stored(store, post_id) == ("published", "The lamps are back. Typed while it sent.")


def test_the_status_shown_before_the_push_does_not_undo_it_until_the_form_caught_up(store):
    post_id = _post(store, "submitted", "in_review")  # in review → published → in review is a
    state = jobs.EditState()  # move the workflow allows: only a deliberate pick may make it
    data = jobs.load_post(store, state, post_id)
    follow_remote_status(store, post_id, "publish", "newsroom")
    review = publishing_jobs.follow_push(store, state, post_id)
    assert (review.status, review.log[-1].note) == ("published", "pushed to newsroom")

    jobs.save(store, state, post_id, _typed(store, post_id, " One."), "in_review", data.blog_id)
    assert _stored(store, post_id)[0] == "published"

    publishing_jobs.form_caught_up(state, post_id)  # the combo shows Published now
    jobs.save(store, state, post_id, _typed(store, post_id, " Two."), "in_review", data.blog_id)
    assert _stored(store, post_id) == ("in_review", "The lamps are back. One. Two.")


def test_someone_elses_edit_besides_the_push_still_asks(store):
    post_id = _post(store, "submitted", "in_review", "approved")
    state = jobs.EditState()
    data = jobs.load_post(store, state, post_id)
    with store.session() as s:  # another window's save
        post = posts.get_post(s, post_id)
        theirs = replace(post.content(), deck="Their deck")
        posts.save_post(s, post_id, theirs, expected_version=post.version)
    follow_remote_status(store, post_id, "publish", "newsroom")

    with pytest.raises(ConflictError):
        jobs.save(store, state, post_id, _typed(store, post_id, " Mine."), "approved", data.blog_id)
    assert post_id in state.conflicted  # the window asks whose text wins, as before


def test_a_draft_or_pending_site_status_leaves_the_local_one(store):
    post_id = _post(store, "submitted")
    assert follow_remote_status(store, post_id, "draft", "newsroom") is None
    assert follow_remote_status(store, post_id, "pending", "newsroom") is None
    assert _stored(store, post_id)[0] == "submitted"


def test_a_save_racing_the_status_move_is_retried_and_a_refusal_is_reported(store, monkeypatch):
    from editor.errors import PermissionDeniedError

    post_id = _post(store, "submitted", "in_review", "approved")
    other = _post(store, "submitted")
    real, calls = posts.set_status, []

    def racing(*args, **kwargs):
        calls.append(1)
        if len(calls) == 1:
            raise ConflictError(post_id, 1, 2)  # a window's save got there first
        return real(*args, **kwargs)

    monkeypatch.setattr(posts, "set_status", racing)
    followed = follow_remote_status(store, post_id, "publish", "newsroom")
    assert followed is not None and followed.moved and len(calls) == 2
    assert _stored(store, post_id)[0] == "published"

    def refused(*args, **kwargs):
        raise PermissionDeniedError("Only the blog's editors can publish a post.")

    monkeypatch.setattr(posts, "set_status", refused)  # a writer on a newsroom database
    followed = follow_remote_status(store, other, "publish", "newsroom")
    assert followed is not None and not followed.moved
    assert followed.problem == (
        "the post's status stays submitted: Only the blog's editors can publish a post.")  # fmt: skip
    assert _stored(store, other)[0] == "submitted"
