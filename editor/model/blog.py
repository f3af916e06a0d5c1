"""A blog: the publication a post belongs to, with its page and sidebar settings."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from editor.model.base import Base, UTCDateTime, utcnow
from editor.values import DEFAULT_CATEGORY_BASE as DEFAULT_CATEGORY_BASE
from editor.values import DEFAULT_THEME as DEFAULT_THEME

DEFAULT_ROLE = "Guest blogger"
DEFAULT_SIDEBAR_COUNT = 5
MAX_SIDEBAR_COUNT = 50


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
    # Where a tag's page is, e.g. "{blog_url}/tag/{tag}/" ("" = tags are shown as plain labels).
    tag_url_pattern: Mapped[str] = mapped_column(String(500), default="")
    # The path segment of a category's page: "{site_url}/{category_base}/{category slug}/".
    category_base: Mapped[str] = mapped_column(
        String(200), default=DEFAULT_CATEGORY_BASE, server_default=DEFAULT_CATEGORY_BASE
    )
    # A path to an image file on this computer ("" for none). Kept as a path, not bytes, so the
    # database stays small and the render step copies the file into the export like any asset.
    logo_path: Mapped[str] = mapped_column(String(1000), default="")
    # "Recent posts": fill the sidebar with the newest N published posts on refresh.
    sidebar_auto: Mapped[bool] = mapped_column(Boolean, default=True)
    sidebar_count: Mapped[int] = mapped_column(Integer, default=DEFAULT_SIDEBAR_COUNT)
    # The name of the publishing target posts of this blog go to by default (publishing issue).
    default_target: Mapped[str | None] = mapped_column(String(200), nullable=True, default=None)
    # House-style rules switched off for this blog, comma-separated ids (editor.proofing.style).
    style_off: Mapped[str] = mapped_column(String(1000), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    def __repr__(self) -> str:
        return f"Blog(id={self.id!r}, name={self.name!r})"


class BlogWord(Base):
    """A word the blog's spelling accepts ("Humala"): shared by every writer of the blog."""

    __tablename__ = "blog_words"
    __table_args__ = (UniqueConstraint("blog_id", "word", name="uq_blog_words_blog_word"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    blog_id: Mapped[int] = mapped_column(ForeignKey("blogs.id", ondelete="CASCADE"), index=True)
    word: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
