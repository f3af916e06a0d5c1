"""Who suggested an edit and when. The edit itself lives in the text as CriticMarkup
(:mod:`editor.review.suggestions`); this row is matched to its mark by the mark's text."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from editor.model.base import Base, UTCDateTime, new_uuid, utcnow


class Suggestion(Base):
    __tablename__ = "suggestions"
    __table_args__ = (Index("ix_suggestions_post", "post_id", "field"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    post_id: Mapped[int] = mapped_column(ForeignKey("posts.id", ondelete="CASCADE"))
    # A global id: merges by id across databases (review packages).
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    field: Mapped[str] = mapped_column(String(64), default="body")
    kind: Mapped[str] = mapped_column(String(16))
    mark: Mapped[str] = mapped_column(Text)  # the CriticMarkup as it stands in the field
    author_name: Mapped[str] = mapped_column(String(300), default="")
    author_email: Mapped[str] = mapped_column(String(300), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    created_tz: Mapped[str] = mapped_column(String(64), default="")  # the author's display zone
