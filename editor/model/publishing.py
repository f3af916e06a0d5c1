"""Publishing: where posts go (targets), what is already there (remote posts and media), and
the durable queue of pushes waiting for the network (the outbox).

No secret is ever stored here: a target's password lives in the OS keychain.
"""

from __future__ import annotations

import enum
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from editor.model.base import Base, UTCDateTime, utcnow


class TargetKind(enum.StrEnum):
    WORDPRESS = "wordpress"
    METAWEBLOG = "metaweblog"


class OutboxState(enum.StrEnum):
    QUEUED = "queued"
    SENDING = "sending"
    DONE = "done"
    FAILED = "failed"
    CANCELLED = "cancelled"


class Target(Base):
    """A site Byline publishes to. ``allow_http`` opts in to plain HTTP beyond localhost."""

    __tablename__ = "targets"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    kind: Mapped[str] = mapped_column(String(20))
    site_url: Mapped[str] = mapped_column(String(500))
    api_url: Mapped[str] = mapped_column(String(500), default="")
    username: Mapped[str] = mapped_column(String(200))
    allow_http: Mapped[bool] = mapped_column(Boolean, default=False)
    default_for_blog_id: Mapped[int | None] = mapped_column(
        ForeignKey("blogs.id", ondelete="SET NULL"), nullable=True
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    def __repr__(self) -> str:
        return f"Target(name={self.name!r}, kind={self.kind!r}, url={self.site_url!r})"


class RemotePost(Base):
    """A post as last pushed to (or pulled from) one target."""

    __tablename__ = "remote_posts"
    __table_args__ = (UniqueConstraint("post_id", "target_id", name="uq_remote_posts_post_target"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    post_id: Mapped[int] = mapped_column(ForeignKey("posts.id", ondelete="CASCADE"))
    target_id: Mapped[int] = mapped_column(ForeignKey("targets.id", ondelete="CASCADE"))
    remote_id: Mapped[str] = mapped_column(String(64))
    url: Mapped[str] = mapped_column(String(1000), default="")
    fingerprint: Mapped[str] = mapped_column(String(64), default="")
    remote_fingerprint: Mapped[str] = mapped_column(String(64), default="")
    remote_modified: Mapped[str] = mapped_column(String(40), default="")
    remote_status: Mapped[str] = mapped_column(String(20), default="")
    media_ids: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    term_ids: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    pushed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)

    target: Mapped[Target] = relationship(lazy="joined")


class RemoteMedia(Base):
    """A photo already uploaded to a target, keyed by the SHA-256 of the bytes sent."""

    __tablename__ = "remote_media"
    __table_args__ = (UniqueConstraint("target_id", "sha256", name="uq_remote_media_target_sha"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    target_id: Mapped[int] = mapped_column(ForeignKey("targets.id", ondelete="CASCADE"))
    sha256: Mapped[str] = mapped_column(String(64))
    media_id: Mapped[str] = mapped_column(String(64))
    url: Mapped[str] = mapped_column(String(1000), default="")
    fields_fingerprint: Mapped[str] = mapped_column(String(64), default="")


class OutboxItem(Base):
    """A push waiting for the network, retried with exponential backoff."""

    __tablename__ = "outbox"
    __table_args__ = (Index("ix_outbox_state_next", "state", "next_attempt_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    post_id: Mapped[int] = mapped_column(ForeignKey("posts.id", ondelete="CASCADE"))
    target_id: Mapped[int] = mapped_column(ForeignKey("targets.id", ondelete="CASCADE"))
    requested_status: Mapped[str] = mapped_column(String(20), default="draft")
    force: Mapped[bool] = mapped_column(Boolean, default=False)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_error: Mapped[str] = mapped_column(Text, default="")
    state: Mapped[str] = mapped_column(String(20), default=OutboxState.QUEUED.value)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    target: Mapped[Target] = relationship(lazy="joined")
