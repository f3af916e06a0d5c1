"""Export bundles of stored posts, and importing them back (``byline export`` / ``import``)."""

from __future__ import annotations

import tempfile
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from editor.formats.bundle import MARKDOWN, PAGE, BundleError, open_bundle
from editor.formats.checks import FieldError, check_content, check_moment, check_uuid
from editor.formats.markdown_file import ParsedPost, check_comments_url
from editor.formats.post_json import blog_to_json, post_to_json
from editor.media.export import IMAGES_DIR
from editor.media.renditions import Cancel, Cancelled, Progress, RenditionStats, is_cancelled
from editor.model import CONTENT_FIELDS, PHOTO_TEXT_FIELDS, Post, PostContent, PostStatus
from editor.render.bundle import ExportResult, build_bundle, write_bundle
from editor.render.themes import require_theme
from editor.services.blogs import get_or_create_blog
from editor.services.importing import export_markdown, import_parsed
from editor.services.pages import page_for_post
from editor.services.proofing import add_blog_words, blog_words, post_words, take_post_words

_TEXT = ("headline", "deck", "byline", "byline_role", "published_tz", "slug", "body",
         "editor_note")  # fmt: skip


def export_post(
    session: Session,
    post: Post,
    target: Path,
    *,
    theme: str | None = None,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
    stats: RenditionStats | None = None,
) -> ExportResult:
    """Write ``post``'s bundle to ``target`` (a folder, or a zip when it ends in ``.zip``): the
    page as the preview shows it, with the photos' renditions in ``images/`` (made through the
    rendition cache, with ``progress``/``cancel`` for the image work) and the sidebar as it is
    now. Nothing is written at ``target`` unless every step succeeds. Refused while suggested
    edits (CriticMarkup) remain in the post."""
    from editor.services.suggestions import refuse_markup

    refuse_markup(post, "exported")
    with tempfile.TemporaryDirectory(prefix="byline-export-") as scratch:
        page = page_for_post(session, post, images_folder=Path(scratch), progress=progress,
                             cancel=cancel, stats=stats)  # fmt: skip
        folder = Path(scratch) / IMAGES_DIR
        images = (
            {f.name: f.read_bytes() for f in sorted(folder.iterdir())} if folder.is_dir() else {}
        )
        files, rendered = build_bundle(
            page.data,
            theme=require_theme(theme or post.blog.theme),
            # "Ignore in this post" goes with the post: a reviewer's spelling agrees too.
            post_json={**post_to_json(post), "ignored_words": post_words(session, post.id)},
            # The blog's word list travels with the post: a reviewer's spelling agrees.
            blog_json={**blog_to_json(post.blog), "words": blog_words(session, post.blog)},
            markdown=export_markdown(post),
            images=images,
            photos=page.photo_entries,
        )
    if is_cancelled(cancel):  # asked to stop after the last photo was made: still write nothing
        raise Cancelled("export cancelled; nothing was written")
    write_bundle(target, files)
    return ExportResult(target=target, files=sorted(files), page=rendered)


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
        uuid = _uuid(path, post_data.get("uuid"))
        photos = _photos(path, bundle.manifest.get("photos"))
        members = {
            f["file"]: bundle.verified(f["file"])
            for entry in photos for f in entry["renditions"] if f.get("format") == "jpeg"
        }  # fmt: skip
    parsed = ParsedPost(source=str(path), content=content, blog=blog_name, status=status,
                        uuid=uuid, comments_url=_comments_url(path, post_data),
                        revised_at=_moment(path, post_data, "revised_at"))  # fmt: skip
    settings = {k: v for k, v in blog_data.items() if isinstance(v, str) and k != "name"}
    settings.pop("site_url", None)
    if len(blog_name.strip()) > 200:
        raise BundleError(path, "post.json: blog.name: longer than 200 characters")
    blog = get_or_create_blog(session, blog_name, site_url=str(blog_data.get("site_url") or ""),
                              **settings)  # fmt: skip
    words = blog_data.get("words")
    if isinstance(words, list):
        add_blog_words(session, blog, [w for w in words if isinstance(w, str) and _one_word(w)])
    post = import_parsed(session, parsed)
    take_post_words(session, post.id, post_data)
    if photos:
        from editor.services.photos import attach_from_bundle

        def read(name: str) -> bytes:
            if name not in members:
                raise BundleError(path, f"post.json names {name}, which is not in the bundle")
            return members[name]

        attach_from_bundle(session, post, read, photos, source=str(path))
    return post


def _one_word(text: str) -> bool:
    return bool(text.strip()) and not any(c.isspace() for c in text.strip()) and len(text) <= 200


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
    if not isinstance(data.get("published_date_only", False), bool):
        raise BundleError(source, "post.json: 'published_date_only' must be true or false")
    moment = _moment(source, data, "published_at")
    if moment is not None:
        try:
            check_moment(moment, "")
        except FieldError as exc:
            raise BundleError(source, f"post.json: published_at: {exc.problem}") from None
    content = PostContent.from_json({k: data[k] for k in CONTENT_FIELDS if k in data})
    try:
        check_content(content, imported=True)
    except FieldError as exc:
        key = {"timezone": "published_tz", "date": "published_at"}.get(exc.field, exc.field)
        raise BundleError(source, f"post.json: {key}: {exc.problem}") from None
    return content


def _uuid(source: Path, value: Any) -> str | None:
    if value in (None, ""):
        return None
    try:
        return check_uuid(value) if isinstance(value, str) else check_uuid(repr(value))
    except FieldError as exc:
        raise BundleError(source, f"post.json: uuid: {exc.problem}") from None


def _photos(source: Path, value: Any) -> list[dict[str, Any]]:
    """The manifest's photos, each with a list of renditions that name a member and a width."""
    if value is None:
        return []
    if not isinstance(value, list):
        raise BundleError(source, "post.json: photos must be a list")
    for index, entry in enumerate(value):
        where = f"post.json: photos[{index}]"
        if not isinstance(entry, dict):
            raise BundleError(source, f"{where} must be an object (in photos)")
        renditions = entry.get("renditions")
        if not isinstance(renditions, list):
            raise BundleError(source, f"{where}.renditions must be a list")
        for number, rendition in enumerate(renditions):
            at = f"{where}.renditions[{number}]"
            if not isinstance(rendition, dict):
                raise BundleError(source, f"{at} must be an object")
            if not isinstance(rendition.get("file"), str) or not rendition["file"]:
                raise BundleError(source, f"{at}.file must name a file in the bundle")
            width = rendition.get("width", 0)
            if not isinstance(width, int) or isinstance(width, bool) or width < 0:
                raise BundleError(source, f"{at}.width must be a whole number")
        for name in ("filename", "role", "uuid", *PHOTO_TEXT_FIELDS):
            if name in entry and entry[name] is not None and not isinstance(entry[name], str):
                raise BundleError(source, f"{where}.{name} must be text")
    return value


def _moment(source: Path, data: dict[str, Any], key: str) -> datetime | None:
    value = data.get(key)
    if value is None:
        return None
    try:
        moment = datetime.fromisoformat(str(value))
    except ValueError:
        raise BundleError(source, f"post.json: {key} {value!r} is not a date") from None
    if moment.tzinfo is None:
        raise BundleError(source, f"post.json: {key} needs a UTC offset")
    return moment


def _comments_url(source: Path, data: dict[str, Any]) -> str:
    value = data.get("comments_url") or ""
    if not isinstance(value, str):
        raise BundleError(source, "post.json: 'comments_url' must be text")
    try:
        return check_comments_url(value) if value.strip() else ""
    except ValueError as exc:
        raise BundleError(source, f"post.json: {exc}") from None


def _status(source: Path, data: dict[str, Any]) -> PostStatus:
    try:
        return PostStatus.parse(str(data.get("status") or "draft"))
    except ValueError as exc:
        raise BundleError(source, f"post.json: {exc}") from None
