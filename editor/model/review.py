"""The review of a post: its status changes (a log that only grows) and the editors' comments,
each anchored to words of a field. Comments are never published."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from editor.model.base import Base, UTCDateTime, new_uuid, utcnow
from editor.model.people import Person


class _Authored:
    author_name: Mapped[str] = mapped_column(String(300), default="")
    author_email: Mapped[str] = mapped_column(String(300), default="")
    author_zone: Mapped[str] = mapped_column(String(64), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    @property
    def author(self) -> Person:
        return Person(self.author_name, self.author_email, self.author_zone)

    def set_author(self, person: Person) -> None:
        self.author_name, self.author_email, self.author_zone = (
            person.name,
            person.email,
            person.zone,
        )


class StatusChange(_Authored, Base):
    """One move of a post through the workflow: who, when, from, to, why."""

    __tablename__ = "status_changes"
    __table_args__ = (Index("ix_status_changes_post", "post_id", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    post_id: Mapped[int] = mapped_column(ForeignKey("posts.id", ondelete="CASCADE"))
    # A global id: merges by id across databases (review packages).
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    from_status: Mapped[str] = mapped_column(String(32), default="")
    to_status: Mapped[str] = mapped_column(String(32))
    note: Mapped[str] = mapped_column(Text, default="")
    forced: Mapped[bool] = mapped_column(Boolean, default=False)


class Comment(_Authored, Base):
    """A comment (``parent_id`` None) or a reply to one. A comment is anchored to ``quote`` in
    ``field`` ("body", "headline", "deck", "caption:PHOTO", "credit:PHOTO", or "post" for the
    whole post), with the text around it and its offset when made, so it can be found again
    after the text changes."""

    __tablename__ = "comments"
    __table_args__ = (Index("ix_comments_post", "post_id", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    post_id: Mapped[int] = mapped_column(ForeignKey("posts.id", ondelete="CASCADE"))
    # A global id: merges by id across databases (review packages).
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    parent_id: Mapped[int | None] = mapped_column(
        ForeignKey("comments.id", ondelete="CASCADE"), nullable=True, default=None
    )
    field: Mapped[str] = mapped_column(String(40), default="body")
    quote: Mapped[str] = mapped_column(Text, default="")
    prefix: Mapped[str] = mapped_column(String(200), default="")
    suffix: Mapped[str] = mapped_column(String(200), default="")
    start: Mapped[int] = mapped_column(Integer, default=0)
    quote_unique: Mapped[bool] = mapped_column(Boolean, default=True)
    text: Mapped[str] = mapped_column(Text)
    resolved: Mapped[bool] = mapped_column(Boolean, default=False)
    # Who last resolved or reopened it, and when.
    state_by_name: Mapped[str] = mapped_column(String(300), default="")
    state_by_email: Mapped[str] = mapped_column(String(300), default="")
    state_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True, default=None)
