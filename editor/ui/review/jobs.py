"""Database work of the Review panel, run on the window's database worker."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from editor.store.database import Store
    from editor.ui.window.jobs import EditState


@dataclass(frozen=True)
class ReviewData:
    post_id: int
    status: str
    version: int
    allowed: tuple[str, ...]  # statuses the workflow allows next
    comments: list[Any]  # editor.services.comments.CommentView
    log: list[Any]  # editor.services.workflow.LogEntry


def load(store: Store, post_id: int) -> ReviewData:
    from editor.model import PostStatus
    from editor.services import comments, posts, workflow

    with store.reading() as s:
        post = posts.get_post(s, post_id)
        allowed = tuple(t.value for t in workflow.allowed_from(PostStatus(post.status)))
        views, log = comments.list_comments(s, post.id), workflow.status_log(s, post.id)
        return ReviewData(post.id, post.status, post.version, allowed, views, log)


def change_status(
    store: Store, state: EditState, post_id: int, target: str, note: str
) -> ReviewData:
    """Submit (→ submitted), or an editor's decision (Request changes / Approve)."""
    from editor.model import PostStatus
    from editor.services import workflow

    with store.session() as s:
        to = PostStatus(target)
        if to == PostStatus.SUBMITTED:
            r = workflow.change_status(s, post_id, to, note=note)
        else:
            r = workflow.review_decision(s, post_id, to, note=note)
    state.versions[post_id] = r.version  # the next autosave builds on this version
    return load(store, post_id)


def add_comment(
    store: Store, post_id: int, field: str, span: tuple[int, int], quote: str, text: str
) -> ReviewData:
    """Comment on ``span`` of ``field`` as stored; if the stored text moved meanwhile, on the
    quoted words nearest the span."""
    from editor.errors import InputError
    from editor.services import comments, posts
    from editor.services.anchors import Anchor, locate

    with store.session() as s:
        if field != comments.WHOLE_POST:
            source = comments.field_text(s, posts.get_post(s, post_id), field)
            if source[span[0] : span[1]] != quote:
                found = locate(source, Anchor(quote, start=span[0], unique=False))
                if found is None:
                    raise InputError(f"The words “{quote}” are no longer in the {field}.")
                span = (found.start, found.end)
        comments.add_comment(s, post_id, text, field=field, span=span)
    return load(store, post_id)


def reply(store: Store, post_id: int, comment_id: int, text: str) -> ReviewData:
    from editor.services import comments

    with store.session() as s:
        comments.reply(s, post_id, comment_id, text)
    return load(store, post_id)


def set_resolved(store: Store, post_id: int, comment_id: int, resolved: bool) -> ReviewData:
    from editor.services import comments

    with store.session() as s:
        comments.set_resolved(s, post_id, comment_id, resolved)
    return load(store, post_id)
