"""The Trash: deleting a post only hides it (``deleted_at``); restoring brings it back as it
was, with its revisions and photos; emptying the Trash is the one permanent delete.

Moving a post in or out of the Trash is not an edit: the post's version and ``updated_at`` stay
as they were, so a window that has it open keeps saving without a conflict, and a restored post
goes back to its place in the list.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import cast

from sqlalchemy import Table, delete, select, update
from sqlalchemy.orm import Session

from editor.errors import InputError
from editor.model import Blog, Photo, Post, PostStatus, utcnow
from editor.services import newsroom
from editor.services.posts import get_post

_table = cast(Table, Post.__table__)
_posts = _table.c


@dataclass(frozen=True)
class TrashedPost:
    id: int
    uuid: str
    headline: str
    blog_name: str
    status: PostStatus
    deleted_at: datetime

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "uuid": self.uuid,
            "headline": self.headline,
            "blog": self.blog_name,
            "status": self.status.value,
            "deleted_at": self.deleted_at.isoformat(),
        }


def is_trashed(session: Session, post_id: int) -> bool:
    return session.scalar(select(_posts.deleted_at).where(_posts.id == post_id)) is not None


def refuse_trashed(session: Session, ref: int | str, doing: str) -> None:
    """Bad input when the post is in the Trash: it is not ``doing`` (e.g. "pushed")."""
    post = get_post(session, ref)
    if post.deleted_at is not None:
        raise InputError(
            f"Post {post.id} is in the Trash and cannot be {doing}; "
            f"restore it first (byline trash restore {post.id})."
        )


def trash_post(session: Session, ref: int | str, *, now: datetime | None = None) -> TrashedPost:
    """Move a post to the Trash. A post already there is bad input (exit 2)."""
    post = get_post(session, ref)
    if post.deleted_at is not None:
        raise InputError(f"Post {post.id} is already in the Trash.")
    newsroom.check_trash(session, post)
    moment = now or utcnow()
    _set_deleted(session, post.id, moment)
    return _trashed(post, moment)


def restore_post(session: Session, ref: int | str) -> TrashedPost:
    """Take a post out of the Trash, exactly as it was when it was deleted."""
    post = get_post(session, ref)
    if post.deleted_at is None:
        raise InputError(f"Post {post.id} is not in the Trash.")
    newsroom.check_trash(session, post, doing="restore a post from the Trash")
    row = _trashed(post, post.deleted_at)
    _set_deleted(session, post.id, None)
    return row


def list_trash(session: Session) -> list[TrashedPost]:
    """Posts in the Trash, most recently deleted first."""
    stmt = (
        select(Post)
        .join(Blog, Blog.id == Post.blog_id)
        .where(_posts.deleted_at.is_not(None))
        .order_by(_posts.deleted_at.desc(), _posts.id.desc())
    )
    return [_trashed(p, p.deleted_at) for p in session.scalars(stmt) if p.deleted_at is not None]


def empty_trash(session: Session, ids: Sequence[int] | None = None) -> list[int]:
    """Delete posts in the Trash for good (all of them, or those of ``ids`` that are there),
    with their revisions, photos, publishing records and queued pushes. Returns their ids."""
    from editor.services.photos import delete_orphan_blobs

    stmt = select(_posts.id).where(_posts.deleted_at.is_not(None))
    if ids is not None:
        stmt = stmt.where(_posts.id.in_(list(ids)))
    doomed = list(session.scalars(stmt))
    if not doomed:
        return []
    for post_id in doomed:
        newsroom.check_trash(session, get_post(session, post_id), doing="empty the Trash")
    hashes = set(session.scalars(select(Photo.sha256).where(Photo.post_id.in_(doomed))))
    session.flush()
    # Core deletes: the database's ON DELETE rules remove revisions, photos, remote records
    # and outbox items (and unhook sidebar links) in the same transaction.
    session.execute(delete(_table).where(_posts.id.in_(doomed)))
    session.expire_all()
    if hashes:
        delete_orphan_blobs(session, sorted(hashes))
    return doomed


def _set_deleted(session: Session, post_id: int, moment: datetime | None) -> None:
    session.flush()
    # Core UPDATE: not an edit, so the ORM's version counter must not move.
    done = session.execute(update(_table).where(_posts.id == post_id).values(deleted_at=moment))
    if done.rowcount == 0:  # type: ignore[attr-defined]  # row-level security hid the row
        raise newsroom.refused_by_database("", "row-level security")
    session.expire_all()


def _trashed(post: Post, moment: datetime) -> TrashedPost:
    return TrashedPost(
        id=post.id,
        uuid=post.uuid,
        headline=post.headline,
        blog_name=post.blog.name,
        status=PostStatus(post.status),
        deleted_at=moment,
    )
