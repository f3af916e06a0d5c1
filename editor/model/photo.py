"""Photos attached to posts, and the original files they were made from.

Where the originals live: in the database, in ``photo_blobs``, one row per distinct file keyed by
its SHA-256. Chosen over a content-addressed folder beside the SQLite file because

- a shared PostgreSQL newsroom database then carries the photos to every desk with the posts,
  with nothing else to mount or sync;
- backing up or moving a user's data stays one step: copy the ``.sqlite3`` file (or dump the
  PostgreSQL database). There is no second folder to forget, and no dangling reference when only
  one of the two is restored;
- attaching is one transaction: a failed attach leaves neither a row nor an orphan file behind.

The originals are kept byte for byte (never re-encoded); renditions are derived and cached on
disk (see ``editor.media.cache``), so the database never holds anything that can be rebuilt.
"""

from __future__ import annotations

import enum
import uuid
from datetime import datetime

from sqlalchemy import JSON, ForeignKey, Index, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, deferred, mapped_column, relationship

from editor.model.base import Base, UTCDateTime, utcnow

#: The text fields a photo carries; each may come from the file or from the user.
PHOTO_TEXT_FIELDS: tuple[str, ...] = (
    "caption", "credit", "alt", "copyright", "source", "headline", "byline",
)  # fmt: skip


class PhotoRole(enum.StrEnum):
    LEAD = "lead"
    INLINE = "inline"


class PhotoBlob(Base):
    """An original image file, stored once however many posts use it."""

    __tablename__ = "photo_blobs"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(Integer)
    data: Mapped[bytes] = deferred(mapped_column(LargeBinary))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Photo(Base):
    """A photo as used in one post: its place, and its caption, credit and alt text.

    ``user_fields`` lists the text fields the user typed: re-reading the file's metadata fills
    only the others, so what the user typed always wins.
    """

    __tablename__ = "photos"
    __table_args__ = (Index("ix_photos_post_position", "post_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=lambda: str(uuid.uuid4()))
    post_id: Mapped[int] = mapped_column(ForeignKey("posts.id", ondelete="CASCADE"))
    sha256: Mapped[str] = mapped_column(ForeignKey("photo_blobs.sha256", ondelete="RESTRICT"))
    filename: Mapped[str] = mapped_column(String(500), default="")
    mime: Mapped[str] = mapped_column(String(50))
    width: Mapped[int] = mapped_column(Integer)
    height: Mapped[int] = mapped_column(Integer)
    role: Mapped[str] = mapped_column(String(16), default=PhotoRole.INLINE.value)
    position: Mapped[int] = mapped_column(Integer, default=0)
    caption: Mapped[str] = mapped_column(Text, default="")
    credit: Mapped[str] = mapped_column(String(500), default="")
    alt: Mapped[str] = mapped_column(Text, default="")
    copyright: Mapped[str] = mapped_column(String(500), default="")
    source: Mapped[str] = mapped_column(String(500), default="")
    headline: Mapped[str] = mapped_column(String(500), default="")
    byline: Mapped[str] = mapped_column(String(300), default="")
    user_fields: Mapped[list[str]] = mapped_column(JSON, default=list)
    file_fields: Mapped[list[str]] = mapped_column(JSON, default=list)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    blob: Mapped[PhotoBlob] = relationship(lazy="select")

    @property
    def is_lead(self) -> bool:
        return self.role == PhotoRole.LEAD.value

    @property
    def missing(self) -> list[str]:
        """Fields a published photo must have and this one lacks (the publishing checks block)."""
        return [name for name in ("alt", "credit") if not getattr(self, name).strip()]

    def __repr__(self) -> str:
        return f"Photo(id={self.id!r}, post_id={self.post_id!r}, role={self.role!r})"
