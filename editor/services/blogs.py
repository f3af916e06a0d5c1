"""Blogs: finding, creating, changing, listing and deleting them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from editor.errors import InputError, NotFoundError
from editor.formats.urls import check_web_url
from editor.model import DEFAULT_CATEGORY_BASE, DEFAULT_ROLE, MAX_SIDEBAR_COUNT, Blog, Post
from editor.services import newsroom
from editor.services.sidebar_merge import validate_url
from editor.services.slugs import unique_slug

DEFAULT_BLOG_NAME = "My Blog"

# The settings a user can change, each with the check it must pass.
EDITABLE = (
    "name", "site_url", "description", "theme", "language", "default_byline_role",
    "comments_url_pattern", "tag_url_pattern", "logo_path", "sidebar_auto", "sidebar_count",
    "default_target", "style_off", "category_base",
)  # fmt: skip


class BlogHasPostsError(InputError):
    """Deleting a blog that still has posts needs a decision about them."""

    def __init__(self, blog: Blog, count: int) -> None:
        super().__init__(
            f"Blog {blog.name!r} has {count} post{'s' if count != 1 else ''}; nothing was "
            "deleted. Say whether to move them to another blog or to delete them too."
        )
        self.post_count = count


@dataclass(frozen=True)
class BlogDeleted:
    name: str
    moved_posts: int = 0
    deleted_posts: int = 0
    moved_to: str | None = None
    renamed_slugs: tuple[tuple[str, str], ...] = ()  # (old, new) where the target had the slug


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
        newsroom.check_new_blog(session)
        # Settings from an imported bundle pass the same checks as the Blogs dialog's.
        checked = {
            key: _check(session, Blog(), key, settings[key]) if settings.get(key) else ""
            for key in ("site_url", "comments_url_pattern", "tag_url_pattern")
        }
        blog = Blog(
            name=name.strip(),
            site_url=checked["site_url"],
            description=settings.get("description", ""),
            theme=settings.get("theme", "newsroom"),
            language=settings.get("language", "en"),
            default_byline_role=settings.get("default_byline_role", DEFAULT_ROLE),
            comments_url_pattern=checked["comments_url_pattern"],
            tag_url_pattern=checked["tag_url_pattern"],
            category_base=check_category_base(settings.get("category_base", "")),
        )
        # Another process may create the same blog at the same moment (an import of a bundle
        # from the same blog): the unique name decides, and the loser uses the winner's blog.
        try:
            with session.begin_nested():
                session.add(blog)
                session.flush()
        except IntegrityError:
            session.expunge(blog) if blog in session else None
            return find_blog(session, name)
        return blog


def default_blog(session: Session) -> Blog:
    """The blog a new post goes to when none is named: the first one, created if need be."""
    blog = session.scalar(select(Blog).order_by(Blog.id).limit(1))
    return blog if blog is not None else get_or_create_blog(session, DEFAULT_BLOG_NAME)


def create_blog(session: Session, name: str, **settings: Any) -> Blog:
    """A new blog. Refuses a name already taken (names compare without case)."""
    newsroom.check_new_blog(session)
    blog = Blog(name="", site_url="", description="", theme="newsroom", language="en",
                default_byline_role=DEFAULT_ROLE, comments_url_pattern="", tag_url_pattern="",
                logo_path="", sidebar_auto=True, sidebar_count=5, default_target=None,
                style_off="", category_base=DEFAULT_CATEGORY_BASE)  # fmt: skip
    _apply(session, blog, {"name": name, **settings})
    session.add(blog)
    session.flush()
    return blog


def update_blog(session: Session, blog: Blog, **changes: Any) -> Blog:
    """Change some settings; each is checked, and nothing changes if one is wrong."""
    newsroom.check_blog(session, blog.id)
    _apply(session, blog, changes)
    session.flush()
    return blog


def count_posts(session: Session, blog: Blog) -> int:
    return session.scalar(select(func.count(Post.id)).where(Post.blog_id == blog.id)) or 0


def delete_blog(
    session: Session,
    blog: Blog,
    *,
    move_posts_to: Blog | None = None,
    delete_posts: bool = False,
) -> BlogDeleted:
    """Delete a blog and its sidebar. Its posts go to ``move_posts_to``, or are deleted with
    their revisions when ``delete_posts``; with neither, a blog with posts is refused."""
    newsroom.check_blog(session, blog.id, doing="delete the blog")
    if move_posts_to is not None and delete_posts:
        raise InputError("Either move the posts to another blog or delete them, not both.")
    if move_posts_to is not None and move_posts_to.id == blog.id:
        raise InputError("Posts cannot be moved to the blog that is being deleted.")
    count = count_posts(session, blog)
    posts = list(session.scalars(select(Post).where(Post.blog_id == blog.id).order_by(Post.id)))
    result = BlogDeleted(name=blog.name)
    if count and move_posts_to is None and not delete_posts:
        raise BlogHasPostsError(blog, count)
    if move_posts_to is not None:
        renamed: list[tuple[str, str]] = []
        for post in posts:
            slug = unique_slug(session, move_posts_to.id, post.slug, exclude_post=post.id)
            if slug != post.slug:
                renamed.append((post.slug, slug))
            post.blog_id = move_posts_to.id
            post.blog = move_posts_to
            post.slug = slug
            session.flush()  # one at a time, so the next slug check sees this one
        result = BlogDeleted(blog.name, moved_posts=count, moved_to=move_posts_to.name,
                             renamed_slugs=tuple(renamed))  # fmt: skip
    elif delete_posts:
        for post in posts:
            session.delete(post)
        session.flush()
        result = BlogDeleted(blog.name, deleted_posts=count)
    session.delete(blog)
    session.flush()
    return result


def _apply(session: Session, blog: Blog, changes: dict[str, Any]) -> None:
    unknown = sorted(set(changes) - set(EDITABLE))
    if unknown:
        raise InputError(f"Unknown blog setting: {', '.join(unknown)}.")
    values = {key: _check(session, blog, key, value) for key, value in changes.items()}
    for key, value in values.items():
        setattr(blog, key, value)


# BCP 47 in the shape pages use: a 2-3 letter language, then subtags (script, region, variant).
LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*")


# One or more URL path segments of unreserved characters, e.g. "category", "topics", "news/t".
CATEGORY_BASE = re.compile(r"[A-Za-z0-9._~-]+(?:/[A-Za-z0-9._~-]+)*")


def check_category_base(text: str) -> str:
    """A category base as WordPress's Permalinks screen takes it ("/topics/" is "topics");
    empty is WordPress's own default, "category"."""
    base = str(text or "").strip().strip("/")
    if not base:
        return DEFAULT_CATEGORY_BASE
    if not CATEGORY_BASE.fullmatch(base) or ".." in base.split("/"):
        raise InputError(
            f"category base: {text!r} is not a path such as category or topics (letters, "
            "digits, '-', '_', '.', '~' and '/' between parts)."
        )
    return base


def _tag_pattern(text: str) -> str:
    if "{tag}" not in text:
        raise InputError("tag URL pattern: must contain {tag}, e.g. {blog_url}/tag/{tag}/.")
    try:
        url = text.format_map({"tag": "t", "blog_url": "https://blog.example"})
    except (KeyError, IndexError, ValueError):
        raise InputError(
            "tag URL pattern: only {tag} and {blog_url} can be filled in, e.g. "
            "{blog_url}/tag/{tag}/."
        ) from None
    if url.startswith("/") and not url.startswith("//"):
        return text  # relative to the blog
    try:
        check_web_url(url, field="tag URL pattern")
    except InputError:
        raise InputError("tag URL pattern: must start with {blog_url}, http(s):// or /.") from None
    return text


def _check(session: Session, blog: Blog, key: str, value: Any) -> Any:
    if key in ("sidebar_auto",):
        return bool(value)
    if key == "sidebar_count":
        try:
            count = int(value)
        except (TypeError, ValueError):
            raise InputError(f"sidebar count: {value!r} is not a number.") from None
        if not 0 <= count <= MAX_SIDEBAR_COUNT:
            raise InputError(f"sidebar count: must be between 0 and {MAX_SIDEBAR_COUNT}.")
        return count
    if key == "default_target":
        text = str(value or "").strip()
        return text or None
    if key == "category_base":
        return check_category_base(value)
    text = str(value if value is not None else "").strip()
    if key == "name":
        if not text:
            raise InputError("name: a blog needs a name.")
        if len(text) > 200:
            raise InputError("name: longer than 200 characters.")
        clash = session.scalar(
            select(Blog).where(func.lower(Blog.name) == text.lower(), Blog.id != blog.id)
            if blog.id is not None
            else select(Blog).where(func.lower(Blog.name) == text.lower())
        )
        if clash is not None:
            raise InputError(f"name: there is already a blog named {clash.name!r}.")
        return text
    if key == "site_url":
        return validate_url(text, field="site URL") if text else ""
    if key == "comments_url_pattern" and text:
        return _comments_pattern(text)
    if key == "tag_url_pattern" and text:
        return _tag_pattern(text)
    if key == "logo_path" and text:
        path = Path(text).expanduser()
        if not path.is_file():
            raise InputError(f"logo: {path} is not a file.")
        return str(path.resolve())
    if key == "language":
        if not text:
            raise InputError("language: give a language code such as en or es.")
        if not LANGUAGE_TAG.fullmatch(text):
            raise InputError(
                f"language: {text!r} is not a language tag (BCP 47), e.g. en, es or pt-BR."
            )
    if key == "theme" and not text:
        raise InputError("theme: give a theme name.")
    if key == "style_off":
        from editor.proofing.style import RULES

        rules = [r.strip() for r in text.replace(";", ",").split(",") if r.strip()]
        unknown = [r for r in rules if r not in RULES]
        if unknown:
            raise InputError(
                f"style_off: unknown rule {unknown[0]!r} (one of: {', '.join(RULES)})."
            )
        return ",".join(rules)
    return text


def _comments_pattern(text: str) -> str:
    """A pattern whose every expansion is a web link (checked on a sample post's values)."""
    if "{post_url}" not in text:
        raise InputError("comments URL pattern: must contain {post_url}, e.g. {post_url}#comments.")
    sample = {
        "post_url": "https://blog.example/a-post/",
        "slug": "a-post",
        "uuid": "00000000-0000-4000-8000-000000000000",
        "blog_url": "https://blog.example/",
    }
    try:
        url = text.format_map(sample)
    except (KeyError, IndexError, ValueError):
        raise InputError("comments URL pattern: use only {post_url}, {slug}, {uuid} and "
                         "{blog_url} as placeholders.") from None  # fmt: skip
    try:
        check_web_url(url, field="comments URL pattern")
    except InputError:
        raise InputError(f"comments URL pattern: {text!r} does not give an http:// or https:// "
                         "address.") from None  # fmt: skip
    return text
