"""A blog: the publication a post belongs to, with its page settings."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from editor.model.base import Base, UTCDateTime, utcnow

DEFAULT_ROLE = "Guest blogger"
DEFAULT_THEME = "newsroom"


class Blog(Base):
    __tablename__ = "blogs"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    site_url: Mapped[str] = mapped_column(String(500), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    theme: Mapped[str] = mapped_column(String(100), default=DEFAULT_THEME)
    language: Mapped[str] = mapped_column(String(35), default="en")
    default_byline_role: Mapped[str] = mapped_column(String(200), default=DEFAULT_ROLE)
    comments_url_pattern: Mapped[str] = mapped_column(String(500), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    def __repr__(self) -> str:
        return f"Blog(id={self.id!r}, name={self.name!r})"
