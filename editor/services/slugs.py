"""URL slugs: readable, ASCII-safe and unique within a blog."""

from __future__ import annotations

from typing import TYPE_CHECKING

from slugify import slugify

if TYPE_CHECKING:  # make_slug is for pages too, which are rendered without the ORM
    from sqlalchemy.orm import Session

MAX_SLUG = 80
# An apostrophe joins a word ("Lima's" is one word, so ``limas``, not ``lima-s``).
_APOSTROPHES = [[mark, ""] for mark in ("'", "\u2019", "\u2018", "\u02bc", "`", "\u00b4")]


def make_slug(text: str) -> str:
    return (
        slugify(text, max_length=MAX_SLUG, word_boundary=True, replacements=_APOSTROPHES) or "post"
    )


def unique_slug(session: Session, blog_id: int, wanted: str, *, exclude_post: int | None) -> str:
    from sqlalchemy import select

    from editor.model import Post

    base = make_slug(wanted)
    stmt = select(Post.slug).where(Post.blog_id == blog_id, Post.slug.like(f"{base}%"))
    if exclude_post is not None:
        stmt = stmt.where(Post.id != exclude_post)
    taken = set(session.scalars(stmt))
    if base not in taken:
        return base
    n = 2
    while f"{base}-{n}" in taken:
        n += 1
    return f"{base}-{n}"
