"""Posts and revisions as plain JSON-ready dictionaries (``--json`` output, manifests)."""

from __future__ import annotations

from typing import Any

from editor.model import Blog, Post, Revision


def blog_to_json(blog: Blog) -> dict[str, Any]:
    return {
        "id": blog.id,
        "name": blog.name,
        "site_url": blog.site_url,
        "description": blog.description,
        "theme": blog.theme,
        "language": blog.language,
        "default_byline_role": blog.default_byline_role,
        "comments_url_pattern": blog.comments_url_pattern,
        "tag_url_pattern": blog.tag_url_pattern,
        "category_base": blog.category_base,
        "logo_path": blog.logo_path,
        "sidebar_auto": blog.sidebar_auto,
        "sidebar_count": blog.sidebar_count,
        "default_target": blog.default_target,
        "style_off": blog.style_off or "",
    }


def post_to_json(post: Post) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": post.id,
        "uuid": post.uuid,
        "blog": post.blog.name,
        "blog_id": post.blog_id,
        "status": post.status,
        "version": post.version,
        "created_at": post.created_at.isoformat(),
        "updated_at": post.updated_at.isoformat(),
    }
    data.update(post.content().to_json())
    data["revised_at"] = post.revised_at.isoformat() if post.revised_at else None
    data["comments_url"] = post.comments_url
    return data


def revision_to_json(rev: Revision, *, with_snapshot: bool = False) -> dict[str, Any]:
    data: dict[str, Any] = {
        "number": rev.number,
        "created_at": rev.created_at.isoformat(),
        "reason": rev.reason,
        "label": rev.label,
        "status": rev.status,
        "post_version": rev.post_version,
        "headline": rev.snapshot.get("headline", ""),
        "words": len(str(rev.snapshot.get("body", "")).split()),
        "author": rev.author.to_json(),
    }
    if with_snapshot:
        data["snapshot"] = rev.snapshot
    return data
