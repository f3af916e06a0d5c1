"""A post's whole page as plain values: the post and blog, its photos (with renditions on
disk) and the blog's sidebar. One function serves the preview, the export and publishing, so
all three show the same page; ``byline render`` reads the same page without the ORM when it
can (:func:`read_page`).

Importing this module loads neither SQLAlchemy nor the models (the ORM-free read needs it).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from editor.render.context import PageData, page_data_for
from editor.render.views import PhotoView, SidebarEntry
from editor.services.sidebar_merge import page_entries, to_spec

if TYPE_CHECKING:  # Pillow is imported only when a page has photos to write
    from sqlalchemy.orm import Session

    from editor.media.renditions import Cancel, Progress, RenditionStats
    from editor.model import Photo, Post

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
    from editor.model import PhotoRole
    from editor.services.photos import list_photos
    from editor.services.sidebar import entries_for_page, sidebar_snapshot

    data = page_data_for(post)
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


def read_page(
    location: str | os.PathLike[str] | None, ref: str, *, images_folder: Path | None = None
) -> PageData | None:
    """The page :func:`page_for_post` makes for post ``ref`` of the database at ``location``,
    read without the ORM; None when that read does not apply (see
    :mod:`editor.store.sqlite_read`), or when ``images_folder`` is given and the post has
    photos (writing their renditions needs the photos' rows and Pillow: the full way)."""
    import sqlite3

    from editor.store import sqlite_read

    conn = sqlite_read.open_current(location)
    if conn is None:
        return None
    try:
        post = sqlite_read.read_post(conn, ref)
        if post is None or (images_folder is not None and sqlite_read.has_photos(conn, post.id)):
            return None
        links = [to_spec(link) for link in sqlite_read.read_links(conn, post.blog.id)]
    except sqlite3.Error:  # whatever it is, the full way reports it properly
        return None
    finally:
        conn.close()
    data = page_data_for(post)
    entries = page_entries(links, site_url=post.blog.site_url, post_id=post.id, slug=post.slug)
    data.sidebar = [SidebarEntry(**entry) for entry in entries]
    return data


def show_suggestions(data: Any, *, marked: bool) -> None:
    """Make a page's text fields show every suggestion accepted, or (``marked``) the body
    with its suggestions as struck and added words. For the preview and ``byline render``;
    an export refuses marks instead (``services.suggestions.refuse_markup``)."""
    if not any("{" in text for text in (data.headline, data.deck, data.body)):
        return  # every CriticMarkup mark starts with "{": nothing to show (or to import)
    from editor.review import suggestions as critic

    data.headline = critic.accepted(data.headline)
    data.deck = critic.accepted(data.deck)
    data.body = critic.with_marks_as_html(data.body) if marked else critic.accepted(data.body)
