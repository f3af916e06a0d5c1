"""A post's revisions: the snapshots its history keeps (content and its photos' texts), who
made each and why. :mod:`editor.services.posts` takes them as it saves."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from editor.errors import NotFoundError
from editor.model import Photo, PhotoRole, Post, Revision, RevisionReason, author_of, utcnow


def list_revisions(session: Session, post_id: int) -> list[Revision]:
    stmt = select(Revision).where(Revision.post_id == post_id).order_by(Revision.number.desc())
    return list(session.scalars(stmt))


def get_revision(session: Session, post_id: int, number: int) -> Revision:
    rev = session.scalar(
        select(Revision).where(Revision.post_id == post_id, Revision.number == number)
    )
    if rev is None:
        raise NotFoundError(f"Post {post_id} has no revision {number}.")
    return rev


def photo_records(session: Session, post_id: int) -> list[dict[str, Any]]:
    """What a revision keeps of the post's photos: each one's caption and credit, by id (the
    ``caption:ID`` of comments), with its uuid and file name to tell it by."""
    lead_first = (Photo.role != PhotoRole.LEAD.value).asc()
    stmt = select(Photo).where(Photo.post_id == post_id).order_by(lead_first, Photo.position)
    return [
        {"id": p.id, "uuid": p.uuid, "filename": p.filename, "caption": p.caption,
         "credit": p.credit}
        for p in session.scalars(stmt)
    ]  # fmt: skip


def snapshot_of(session: Session, post: Post) -> dict[str, Any]:
    """The post as stored now, as a revision keeps it: its content and its photos' texts."""
    return {**post.content().to_json(), "photos": photo_records(session, post.id)}


def add_revision(
    session: Session,
    post: Post,
    reason: RevisionReason,
    *,
    label: str = "",
    now: datetime | None = None,
    snapshot: dict[str, Any] | None = None,
) -> Revision:
    number = (
        session.scalar(select(func.max(Revision.number)).where(Revision.post_id == post.id)) or 0
    ) + 1
    rev = Revision(
        post_id=post.id,
        number=number,
        created_at=now or utcnow(),
        reason=reason.value,
        label=label,
        status=post.status,
        post_version=post.version,
        snapshot=snapshot if snapshot is not None else snapshot_of(session, post),
    )
    who = author_of(session)
    rev.author_name, rev.author_email, rev.author_zone = who.name, who.email, who.zone
    session.add(rev)
    session.flush()
    return rev
