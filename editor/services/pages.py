"""A post's whole page as plain values: the post and blog, its photos (with renditions on
disk) and the blog's sidebar. One function serves the preview, the export and publishing, so
all three show the same page."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from editor.model import Photo, PhotoRole, Post
from editor.render.context import PageData, page_data_for
from editor.render.views import PhotoView, SidebarEntry

if TYPE_CHECKING:  # Pillow is imported only when a page has photos to write
    from editor.media.renditions import Cancel, Progress, RenditionStats

IMAGES_PREFIX = "images/"


@dataclass
class PostPage:
    data: PageData
    photos: list[Photo] = field(default_factory=list)
    photo_entries: list[dict[str, object]] = field(default_factory=list)  # for post.json
    sidebar_snapshot: list[dict[str, object]] = field(default_factory=list)


def page_for_post(
    session: Session,
    post: Post,
    *,
    images_folder: Path | None = None,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
    stats: RenditionStats | None = None,
) -> PostPage:
    """The page of ``post``. With ``images_folder``, the photos' renditions are written to
    ``images_folder/images/`` (cached: only new or changed photos cost image work) and the page
    links them relatively, as the export bundle does; without it the page has no photos."""
    from editor.services.photos import list_photos
    from editor.services.sidebar import entries_for_page, sidebar_snapshot

    data = page_data_for(session, post)
    data.sidebar = [SidebarEntry(**entry) for entry in entries_for_page(session, post.blog, post)]
    page = PostPage(data=data, sidebar_snapshot=sidebar_snapshot(session, post.blog, post))
    if images_folder is None:
        return page
    photos = list_photos(session, post.id)
    page.photos = photos
    if not photos:
        return page
    from editor.media.export import write_post_renditions

    entries = write_post_renditions(
        session, photos, images_folder, progress=progress, cancel=cancel, stats=stats
    )
    page.photo_entries = entries
    for photo, entry in zip(photos, entries, strict=True):
        view = PhotoView(**entry["view"])
        data.photos[photo.uuid] = view
        data.photos[str(photo.id)] = view
        if photo.role == PhotoRole.LEAD.value and data.lead_photo is None:
            data.lead_photo = view
    return page
