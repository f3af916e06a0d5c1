"""Export bundles of stored posts, and importing them back (``byline export`` / ``import``)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from editor.formats.bundle import MARKDOWN, PAGE, BundleError, open_bundle
from editor.formats.markdown_file import ParsedPost
from editor.formats.post_json import blog_to_json, post_to_json
from editor.model import CONTENT_FIELDS, Post, PostContent, PostStatus
from editor.render.bundle import ExportResult, build_bundle, write_bundle
from editor.render.context import PageData, page_data_for
from editor.render.themes import require_theme
from editor.services.blogs import get_or_create_blog
from editor.services.importing import export_markdown, import_parsed

_TEXT = ("headline", "deck", "byline", "byline_role", "published_tz", "slug", "body",
         "editor_note")  # fmt: skip


def export_post(
    session: Session,
    post: Post,
    target: Path,
    *,
    theme: str | None = None,
    data: PageData | None = None,
    images: Mapping[str, bytes] | None = None,
    photos: list[dict[str, Any]] | None = None,
) -> ExportResult:
    """Write ``post``'s bundle to ``target`` (a folder, or a zip when it ends in ``.zip``).

    ``data`` replaces the default page data (the photo and sidebar features pass theirs, with
    ``lead_photo``/``sidebar`` filled and photo ``src`` values under ``images/``); ``images``
    are the rendition files those point at, ``photos`` their manifest entries.
    """
    page_data = data or page_data_for(session, post)
    files, page = build_bundle(
        page_data,
        theme=require_theme(theme or post.blog.theme),
        post_json=post_to_json(post),
        blog_json=blog_to_json(post.blog),
        markdown=export_markdown(post),
        images=images,
        photos=photos,
    )
    write_bundle(target, files)
    return ExportResult(target=target, files=sorted(files), page=page)


def import_bundle(session: Session, path: Path) -> Post:
    """Create the post a bundle holds (same content, status and id when that id is free)."""
    with open_bundle(path) as bundle:
        bundle.verified(MARKDOWN)  # integrity: the files are as exported
        if PAGE in bundle.file_hashes():
            bundle.verified(PAGE)
        post_data = bundle.manifest["post"]
        blog_data = bundle.manifest["blog"]
        content = _content(path, post_data)
        status = _status(path, post_data)
        blog_name = blog_data.get("name") or post_data.get("blog")
        if not isinstance(blog_name, str) or not blog_name.strip():
            raise BundleError(path, "post.json: the blog has no name")
        uuid = post_data.get("uuid") if isinstance(post_data.get("uuid"), str) else None
    parsed = ParsedPost(source=str(path), content=content, blog=blog_name, status=status,
                        uuid=uuid)  # fmt: skip
    settings = {k: v for k, v in blog_data.items() if isinstance(v, str) and k != "name"}
    settings.pop("site_url", None)
    get_or_create_blog(session, blog_name, site_url=str(blog_data.get("site_url") or ""),
                       **settings)  # fmt: skip
    return import_parsed(session, parsed)


def _content(source: Path, data: dict[str, Any]) -> PostContent:
    for key in _TEXT:
        if not isinstance(data.get(key, ""), str):
            raise BundleError(source, f"post.json: '{key}' must be text")
    for key in ("tags", "categories"):
        value = data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise BundleError(source, f"post.json: '{key}' must be a list of words")
    if not isinstance(data.get("slug_auto", True), bool):
        raise BundleError(source, "post.json: 'slug_auto' must be true or false")
    published = data.get("published_at")
    if published is not None:
        try:
            moment = datetime.fromisoformat(str(published))
        except ValueError:
            raise BundleError(
                source, f"post.json: published_at {published!r} is not a date"
            ) from None
        if moment.tzinfo is None:
            raise BundleError(source, "post.json: published_at needs a UTC offset")
    return PostContent.from_json({k: data[k] for k in CONTENT_FIELDS if k in data})


def _status(source: Path, data: dict[str, Any]) -> PostStatus:
    try:
        return PostStatus.parse(str(data.get("status") or "draft"))
    except ValueError as exc:
        raise BundleError(source, f"post.json: {exc}") from None
