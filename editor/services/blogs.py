"""Blogs: finding, creating and listing them."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from editor.errors import NotFoundError
from editor.model import DEFAULT_ROLE, Blog

DEFAULT_BLOG_NAME = "My Blog"


def list_blogs(session: Session) -> list[Blog]:
    return list(session.scalars(select(Blog).order_by(func.lower(Blog.name))))


def find_blog(session: Session, name_or_id: str | int) -> Blog:
    if isinstance(name_or_id, int) or str(name_or_id).isdigit():
        blog = session.get(Blog, int(name_or_id))
        if blog is not None:
            return blog
    blog = session.scalar(select(Blog).where(func.lower(Blog.name) == str(name_or_id).lower()))
    if blog is None:
        raise NotFoundError(f"No blog named {name_or_id!r}.")
    return blog


def get_or_create_blog(session: Session, name: str, **settings: str) -> Blog:
    try:
        return find_blog(session, name)
    except NotFoundError:
        blog = Blog(
            name=name.strip(),
            site_url=settings.get("site_url", ""),
            description=settings.get("description", ""),
            theme=settings.get("theme", "newsroom"),
            language=settings.get("language", "en"),
            default_byline_role=settings.get("default_byline_role", DEFAULT_ROLE),
            comments_url_pattern=settings.get("comments_url_pattern", ""),
        )
        session.add(blog)
        session.flush()
        return blog


def default_blog(session: Session) -> Blog:
    """The blog a new post goes to when none is named: the first one, created if need be."""
    blog = session.scalar(select(Blog).order_by(Blog.id).limit(1))
    return blog if blog is not None else get_or_create_blog(session, DEFAULT_BLOG_NAME)
