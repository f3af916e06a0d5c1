"""The photos a push sends: a post's attached photos as :class:`PhotoUpload` values.

Each photo travels as the rendition the CMS should use: the 1600 px JPEG (or, for a smaller
original, its largest JPEG rendition), made by :func:`editor.media.export.render_photos` through
the rendition cache. That copy is upright, sRGB, carries the credit and copyright and never GPS
or camera serials (see :mod:`editor.media.privacy`); a re-push finds it in the cache and does no
image work.

What the media fields say:

- title: the photo's headline, else its file name without the extension;
- caption: :func:`editor.publish.base.caption_with_credit`, e.g. ``Caption (Photo: Credit)``;
- alt text: the photo's alt text (the pre-send checks block a photo without alt text or credit).

The photo is known on the target by its original's SHA-256, so a re-push or a caption edit
updates the media fields and never uploads the photo again.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from editor.media.cache import RenditionCache
from editor.media.renditions import Rendition, RenditionSettings, RenditionStats
from editor.model import Photo
from editor.publish.base import PhotoUpload
from editor.store.database import Store

#: The width a CMS gets when the photo is at least that wide.
CMS_WIDTH = 1600


def photos_for(
    store: Store,
    post_ref: int | str,
    *,
    render: bool = True,
    cache: RenditionCache | None = None,
    settings: RenditionSettings | None = None,
    stats: RenditionStats | None = None,
) -> list[PhotoUpload]:
    """The post's photos as uploads, the lead first. ``render=False`` (the dry run, the checks)
    fills every field but the file, so it costs no image work."""
    from editor.media.export import render_photos
    from editor.services.photos import list_photos
    from editor.services.posts import get_post

    with store.session() as s:
        post = get_post(s, post_ref)
        photos = list_photos(s, post.id)
        made = {}
        if render and photos:
            made = render_photos(s, photos, cache=cache, settings=settings, stats=stats)
        return [upload_for(p, made.get(p.uuid)) for p in photos]


def cms_rendition(renditions: list[Rendition]) -> Rendition | None:
    """The 1600 px JPEG, else the largest JPEG."""
    jpegs = sorted((r for r in renditions if r.format == "jpeg"), key=lambda r: r.width)
    exact = [r for r in jpegs if r.width == CMS_WIDTH]
    chosen = exact or jpegs
    return chosen[-1] if chosen else None


def upload_for(photo: Photo, renditions: list[Rendition] | None) -> PhotoUpload:
    stem = PurePosixPath(photo.filename or f"photo-{photo.id}").stem or f"photo-{photo.id}"
    chosen = cms_rendition(renditions) if renditions else None
    width, height = _fit(photo.width, photo.height)
    return PhotoUpload(
        filename=f"{stem}.jpg",
        mime="image/jpeg",
        sha256=photo.sha256,
        caption=photo.caption,
        credit=photo.credit,
        alt=photo.alt,
        title=photo.headline.strip() or stem,
        is_lead=photo.is_lead,
        path=Path(chosen.path) if chosen is not None else None,
        ref=f"photo:{photo.uuid}",
        aliases=(f"photo:{photo.id}",),
        width=chosen.width if chosen is not None else width,
        height=chosen.height if chosen is not None else height,
    )


def _fit(width: int, height: int) -> tuple[int, int]:
    """The rendition's size before it is made (the dry run shows it)."""
    if width <= CMS_WIDTH or width <= 0:
        return width, height
    return CMS_WIDTH, round(height * CMS_WIDTH / width)
