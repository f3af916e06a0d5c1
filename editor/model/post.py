"""A post and the plain value types that travel between the store, the CLI and the window."""

from __future__ import annotations

import uuid
from dataclasses import asdict, dataclass, field, fields
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, deferred, mapped_column, relationship

from editor.model.base import Base, UTCDateTime, utcnow
from editor.model.blog import Blog

# PostStatus lives apart so that the post list needs no ORM models; re-exported here.
from editor.post_status import PostStatus as PostStatus


@dataclass
class PostContent:
    """Everything a writer edits in a post: what autosave sends and what a revision keeps."""

    headline: str = ""
    deck: str = ""
    byline: str = ""
    byline_role: str = ""
    published_at: datetime | None = None
    published_tz: str = ""
    # The date is known but not the time (a front-matter ``date: 2011-05-03``): the page shows
    # the date alone, and ``published_at`` holds midnight of that day in ``published_tz``.
    published_date_only: bool = False
    slug: str = ""
    slug_auto: bool = True
    tags: list[str] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)
    body: str = ""
    editor_note: str = ""
    # The post's language for spelling and the page's lang= ("" = the blog's language).
    language: str = ""

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["published_at"] = self.published_at.isoformat() if self.published_at else None
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> PostContent:
        known = {f.name for f in fields(cls)}
        values = {k: v for k, v in data.items() if k in known}
        if values.get("published_at"):
            values["published_at"] = datetime.fromisoformat(values["published_at"])
        values["tags"] = list(values.get("tags") or [])
        values["categories"] = list(values.get("categories") or [])
        return cls(**values)


CONTENT_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(PostContent))


class Post(Base):
    __tablename__ = "posts"
    __table_args__ = (
        UniqueConstraint("blog_id", "slug", name="uq_posts_blog_slug"),
        Index("ix_posts_updated_at", "updated_at"),
        Index("ix_posts_status_updated_at", "status", "updated_at"),
        Index("ix_posts_blog_updated_at", "blog_id", "updated_at"),
        Index("ix_posts_deleted_at", "deleted_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=lambda: str(uuid.uuid4()))
    blog_id: Mapped[int] = mapped_column(ForeignKey("blogs.id", ondelete="RESTRICT"))
    headline: Mapped[str] = mapped_column(String(500), default="")
    deck: Mapped[str] = mapped_column(Text, default="")
    byline: Mapped[str] = mapped_column(String(300), default="")
    byline_role: Mapped[str] = mapped_column(String(200), default="")
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    published_tz: Mapped[str] = mapped_column(String(64), default="")
    published_date_only: Mapped[bool] = mapped_column(Boolean, default=False)
    slug: Mapped[str] = mapped_column(String(200))
    slug_auto: Mapped[bool] = mapped_column(Boolean, default=True)
    tags: Mapped[list[str]] = mapped_column(JSON, default=list)
    categories: Mapped[list[str]] = mapped_column(JSON, default=list)
    body: Mapped[str] = deferred(mapped_column(Text, default=""))
    editor_note: Mapped[str] = mapped_column(Text, default="")
    language: Mapped[str] = mapped_column(String(35), default="")
    status: Mapped[str] = mapped_column(String(32), default=PostStatus.DRAFT.value)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # When the writer last changed the text of the post after it was published: the page's
    # "Updated" line. Not ``updated_at``, which also moves on imports, moves and status changes.
    revised_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True, default=None)
    # This post's own comments page ("" = the blog's comments URL pattern decides).
    comments_url: Mapped[str] = mapped_column(String(1000), default="")
    version: Mapped[int] = mapped_column(Integer, nullable=False)
    # Set while the post is in the Trash: hidden from lists, search, the sidebar and the outbox.
    deleted_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True, default=None)
    # The PostgreSQL role that created the post (the database fills it in: ``current_user``);
    # row-level security lets only that writer change it while it is a draft. "" on SQLite.
    owner: Mapped[str] = mapped_column(String(63), server_default="")

    blog: Mapped[Blog] = relationship(lazy="joined")

    __mapper_args__ = {"version_id_col": version}

    def content(self) -> PostContent:
        return PostContent(
            headline=self.headline,
            deck=self.deck,
            byline=self.byline,
            byline_role=self.byline_role,
            published_at=self.published_at,
            published_tz=self.published_tz,
            published_date_only=bool(self.published_date_only),
            slug=self.slug,
            slug_auto=self.slug_auto,
            tags=list(self.tags or []),
            categories=list(self.categories or []),
            body=self.body,
            editor_note=self.editor_note,
            language=self.language or "",
        )

    def apply(self, content: PostContent) -> None:
        for name in CONTENT_FIELDS:
            setattr(self, name, getattr(content, name))

    def __repr__(self) -> str:
        return f"Post(id={self.id!r}, headline={self.headline!r}, v{self.version})"


class PostWord(Base):
    """A word spelling accepts in this post only (the writer's "Ignore in this post")."""

    __tablename__ = "post_words"
    __table_args__ = (UniqueConstraint("post_id", "word", name="uq_post_words_post_word"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    post_id: Mapped[int] = mapped_column(ForeignKey("posts.id", ondelete="CASCADE"), index=True)
    word: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
