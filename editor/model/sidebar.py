"""A link in a blog's "Recent posts" sidebar."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from editor.model.base import Base, UTCDateTime, utcnow

# Apart so that the sidebar's pure rules need no ORM models; re-exported here.
from editor.values import LinkSource as LinkSource


class SidebarLink(Base):
    __tablename__ = "sidebar_links"
    __table_args__ = (Index("ix_sidebar_links_blog_position", "blog_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    blog_id: Mapped[int] = mapped_column(ForeignKey("blogs.id", ondelete="CASCADE"))
    title: Mapped[str] = mapped_column(String(500))
    url: Mapped[str] = mapped_column(String(2000))
    date: Mapped[date | None] = mapped_column(Date, nullable=True, default=None)
    label: Mapped[str] = mapped_column(String(100), default="")
    pinned: Mapped[bool] = mapped_column(Boolean, default=False)
    position: Mapped[int] = mapped_column(Integer, default=0)
    source: Mapped[str] = mapped_column(String(16), default=LinkSource.MANUAL.value)
    # The Byline post an AUTO link points to, so a page can leave itself out even if its
    # URL changed; cleared (not cascaded) when that post is deleted.
    post_id: Mapped[int | None] = mapped_column(
        ForeignKey("posts.id", ondelete="SET NULL"), nullable=True, default=None
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    def __repr__(self) -> str:
        return f"SidebarLink(id={self.id!r}, position={self.position!r}, url={self.url!r})"
