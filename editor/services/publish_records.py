"""What a push reads from and writes to the database, each in its own short session.

Remote ids are written the moment they are known, so an interrupted push leaves a record the
next push builds on (see ``editor.services.publish``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select

from editor.model import Post, RemoteMedia, RemotePost, utcnow
from editor.publish.base import MediaItem, PhotoUpload, PostFields, RemoteEntry
from editor.publish.content import fields_fingerprint, remote_fingerprint
from editor.services import posts, targets
from editor.store.database import Store


@dataclass
class Snapshot:
    """Everything a push needs from the database, read in one short session."""

    post_id: int
    uuid: str
    headline: str
    deck: str
    byline: str
    role: str
    body: str
    slug: str
    tags: list[str]
    categories: list[str]
    published_at: datetime | None
    target_id: int
    target: Any  # a detached Target
    remote: dict[str, Any] | None
    media: dict[str, dict[str, str]]


def load_snapshot(store: Store, post_ref: int | str, target_name: str) -> Snapshot:
    with store.session() as s:
        post: Post = posts.get_post(s, post_ref)
        target = targets.get_target(s, target_name)
        rec = s.scalar(
            select(RemotePost).where(
                RemotePost.post_id == post.id, RemotePost.target_id == target.id
            )
        )
        media = {
            m.sha256: {
                "media_id": m.media_id,
                "url": m.url,
                "fields_fingerprint": m.fields_fingerprint,
            }
            for m in s.scalars(select(RemoteMedia).where(RemoteMedia.target_id == target.id))
        }
        snap = Snapshot(
            post_id=post.id,
            uuid=post.uuid,
            headline=post.headline,
            deck=post.deck,
            byline=post.byline,
            role=post.byline_role,
            body=post.body,
            slug=post.slug,
            tags=list(post.tags or []),
            categories=list(post.categories or []),
            published_at=post.published_at,
            target_id=target.id,
            target=target,
            remote=None
            if rec is None
            else {
                "remote_id": rec.remote_id,
                "fingerprint": rec.fingerprint,
                "remote_modified": rec.remote_modified,
                "remote_fingerprint": rec.remote_fingerprint,
                "term_ids": dict(rec.term_ids or {}),
            },
            media=media,
        )
        s.expunge(target)
    return snap


def record_media(store: Store, target_id: int, sha: str, media: MediaItem, fp: str) -> None:
    with store.session() as s:
        row = s.scalar(
            select(RemoteMedia).where(RemoteMedia.target_id == target_id, RemoteMedia.sha256 == sha)
        )
        if row is None:
            row = RemoteMedia(target_id=target_id, sha256=sha)
            s.add(row)
        row.media_id, row.url, row.fields_fingerprint = media.id, media.url, fp


def record_post(
    store: Store,
    snap: Snapshot,
    entry: RemoteEntry,
    *,
    fields: PostFields | None,
    media: dict[str, tuple[PhotoUpload, MediaItem]],
    terms: dict[str, int] | None = None,
) -> None:
    """Record the remote post. ``fields`` None: created but not yet complete (no fingerprint,
    so the next push does not mistake the half-done state for an editor's change)."""
    with store.session() as s:
        row = s.scalar(
            select(RemotePost).where(
                RemotePost.post_id == snap.post_id, RemotePost.target_id == snap.target_id
            )
        )
        if row is None:
            row = RemotePost(post_id=snap.post_id, target_id=snap.target_id)
            s.add(row)
        row.remote_id, row.url, row.remote_status = entry.id, entry.url, entry.status
        row.media_ids = {p.sha256: m.id for p, m in media.values()}
        row.term_ids = terms or row.term_ids or {}
        if fields is not None:
            row.fingerprint = fields_fingerprint(fields)
            row.remote_modified = entry.modified
            row.remote_fingerprint = remote_fingerprint(entry)
            row.pushed_at = utcnow()
        else:
            row.fingerprint = row.remote_modified = row.remote_fingerprint = ""
