"""Snapshots of a post's content. Never updated or deleted: history only grows."""

from __future__ import annotations

import enum
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from editor.model.base import Base, UTCDateTime, new_uuid, utcnow
from editor.model.people import Person


class RevisionReason(enum.StrEnum):
    CREATED = "created"
    EDITING = "editing"  # a checkpoint taken while typing, at most every few minutes
    STATUS = "status"
    MANUAL = "manual"  # "Save version"
    RESTORE = "restore"
    CONFLICT = "conflict"  # the losing side of a concurrent edit
    IMPORT = "import"
    SENT = "sent"  # the post as it was put in a review package
    RECEIVED = "received"  # the version a review package brought in
    MERGED = "merged"  # a three-way merge with a review package (and the local side before it)


class Revision(Base):
    __tablename__ = "revisions"
    __table_args__ = (Index("ix_revisions_post_created", "post_id", "created_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    post_id: Mapped[int] = mapped_column(ForeignKey("posts.id", ondelete="CASCADE"))
    # A global id: merges by id across databases (review packages).
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    number: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    reason: Mapped[str] = mapped_column(String(32))
    label: Mapped[str] = mapped_column(String(300), default="")
    status: Mapped[str] = mapped_column(String(32))
    post_version: Mapped[int] = mapped_column(Integer)
    snapshot: Mapped[dict[str, Any]] = mapped_column(JSON)
    # Who made it ("" for revisions from before people were recorded) and their display zone.
    author_name: Mapped[str] = mapped_column(String(300), default="")
    author_email: Mapped[str] = mapped_column(String(300), default="")
    author_zone: Mapped[str] = mapped_column(String(64), default="")

    @property
    def author(self) -> Person:
        return Person(self.author_name, self.author_email, self.author_zone)
