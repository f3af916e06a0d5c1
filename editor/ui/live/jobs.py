"""Database work of live updates, on the window's database worker (after any save queued
before it, so a version written by this window is never mistaken for someone else's)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from editor.store.database import Store
    from editor.ui.window.jobs import EditState, PostData


def newer_post(store: Store, state: EditState, post_id: int) -> PostData | None:
    """The post as stored, when someone else saved it since this window last did (None
    otherwise, or while a conflict over it waits for the writer's decision)."""
    from editor.errors import NotFoundError
    from editor.services.posts import get_post
    from editor.ui.window.jobs import _data

    if post_id in state.conflicted or post_id not in state.versions:
        return None
    with store.reading() as s:
        try:
            post = get_post(s, post_id)
        except NotFoundError:
            return None
        if post.version <= state.versions[post_id]:
            return None
        return _data(post)


def adopt(state: EditState, post_id: int, version: int) -> None:
    """The window now shows ``version``: the next save builds on it."""
    if post_id not in state.conflicted:
        state.versions[post_id] = max(state.versions.get(post_id, 0), version)


def post_gone(store: Store, post_id: int) -> str | None:
    """ "trashed", "deleted" (gone for good) or None (still live)."""
    from editor.model import Post

    with store.reading() as s:
        post = s.get(Post, post_id, populate_existing=True)
        if post is None:
            return "deleted"
        return "trashed" if post.deleted_at is not None else None


def keep_as_draft(store: Store, fields: dict[str, Any], blog_id: int | None) -> int:
    """Words typed into a post deleted meanwhile, kept as a new draft of this person's."""
    from editor.model import Blog, PostContent
    from editor.services import blogs, posts

    content = PostContent(**fields)
    with store.session() as s:
        blog = (s.get(Blog, blog_id) if blog_id else None) or blogs.default_blog(s)
        return posts.create_post(s, content, blog=blog).id
