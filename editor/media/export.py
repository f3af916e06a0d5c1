"""A post's photos for the page and the export bundle: renditions on disk, data for templates.

``images/`` in an export folder holds ``<photo uuid>-<width>.jpg|webp`` for every rendition;
``post.json`` carries :func:`write_post_renditions`'s list (one entry per photo, the lead first).
"""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from editor.errors import BylineError
from editor.formats.photo_json import photo_to_json
from editor.media.cache import RenditionCache
from editor.media.privacy import Credits
from editor.media.renditions import (
    Cancel,
    Progress,
    Rendition,
    RenditionJob,
    RenditionSettings,
    RenditionStats,
    cached_renditions,
    render_many,
)
from editor.model import Photo

#: How wide the photo shows on the page: full width on phones, the text column (~48rem) beyond.
DEFAULT_SIZES = "(min-width: 50rem) 48rem, 100vw"
IMAGES_DIR = "images"


def credits_of(photo: Photo) -> Credits:
    return Credits(
        caption=photo.caption, credit=photo.credit, copyright=photo.copyright,
        byline=photo.byline, source=photo.source, headline=photo.headline, alt=photo.alt,
    )  # fmt: skip


def job_for(session: Session, photo: Photo, cache: RenditionCache,
            settings: RenditionSettings) -> RenditionJob:  # fmt: skip
    """A rendition job; the original is read from the database now (sessions stay on this
    thread), and only when the cache does not already hold every rendition."""
    job = RenditionJob(
        key=photo.uuid, sha256=photo.sha256, width=photo.width, height=photo.height,
        credits=credits_of(photo), load=_missing, name=photo.filename or f"photo {photo.id}",
    )  # fmt: skip
    if cached_renditions(job, cache, settings) is None:
        from editor.services.photos import original_bytes

        data = original_bytes(session, photo)
        job.load = lambda: data
    return job


def _missing() -> bytes:  # pragma: no cover - only called if the cache vanished mid-run
    raise BylineError("a cached rendition disappeared during the export; run it again")


def render_photos(
    session: Session,
    photos: Sequence[Photo],
    *,
    cache: RenditionCache | None = None,
    settings: RenditionSettings | None = None,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
    stats: RenditionStats | None = None,
) -> dict[str, list[Rendition]]:
    """Renditions (cached files) of ``photos``, by photo uuid."""
    cache = cache or RenditionCache()
    settings = settings or RenditionSettings()
    jobs = [job_for(session, p, cache, settings) for p in photos]
    return render_many(jobs, cache, settings, progress=progress, cancel=cancel, stats=stats)


def rendition_name(photo: Photo, rendition: Rendition) -> str:
    return f"{photo.uuid}-{rendition.width}.{rendition.extension}"


def photo_view_data(
    photo: Photo,
    renditions: Sequence[Rendition],
    url_prefix: str,
    *,
    fmt: str = "jpeg",
    sizes: str = DEFAULT_SIZES,
) -> dict[str, Any]:
    """What the page template needs (the render branch's ``PhotoView`` fields): ``src`` is the
    largest rendition up to 1024 px, ``srcset`` lists every width of ``fmt``, ``webp_srcset``
    every WebP width (for ``<picture>``; empty without WebP renditions)."""
    prefix = url_prefix if not url_prefix or url_prefix.endswith("/") else url_prefix + "/"

    def widths(fmt: str) -> list[Rendition]:
        return sorted((r for r in renditions if r.format == fmt), key=lambda r: r.width)

    def srcset(chosen: list[Rendition]) -> str:
        return ", ".join(f"{prefix}{rendition_name(photo, r)} {r.width}w" for r in chosen)

    chosen = widths(fmt)
    if not chosen:
        raise BylineError(f"photo {photo.id} has no {fmt} renditions")
    default = ([r for r in chosen if r.width <= 1024] or chosen)[-1]
    return {
        "src": prefix + rendition_name(photo, default),
        "srcset": srcset(chosen),
        "sizes": sizes,
        "webp_srcset": srcset(widths("webp")) if fmt != "webp" else "",
        "width": default.width,
        "height": default.height,
        "alt": photo.alt,
        "caption": photo.caption,
        "credit": photo.credit,
        "copyright": photo.copyright,
    }


def write_post_renditions(
    session: Session,
    photos: Sequence[Photo],
    folder: Path,
    *,
    cache: RenditionCache | None = None,
    settings: RenditionSettings | None = None,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
    stats: RenditionStats | None = None,
) -> list[dict[str, Any]]:
    """Write the renditions of ``photos`` (e.g. ``list_photos(session, post.id)``) into
    ``folder/images/`` and return each photo's metadata for the bundle's ``post.json``."""
    made = render_photos(session, photos, cache=cache, settings=settings, progress=progress,
                         cancel=cancel, stats=stats)  # fmt: skip
    images = folder / IMAGES_DIR
    try:
        images.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BylineError(f"{images}: cannot create the folder ({exc.strerror})") from None
    entries: list[dict[str, Any]] = []
    for photo in photos:
        renditions = made[photo.uuid]
        files = []
        for r in renditions:
            name = rendition_name(photo, r)
            try:
                shutil.copyfile(r.path, images / name)
            except OSError as exc:
                raise BylineError(f"{images / name}: cannot write ({exc.strerror})") from None
            files.append({"file": f"{IMAGES_DIR}/{name}", "width": r.width,
                          "height": r.height, "format": r.format, "mime": r.mime})  # fmt: skip
        entry = photo_to_json(photo)
        entry["renditions"] = files
        entry["view"] = photo_view_data(photo, renditions, IMAGES_DIR)
        entries.append(entry)
    return entries


def export_post_photos(
    session: Session, post_id: int, folder: Path, **options: Any
) -> list[dict[str, Any]]:
    """:func:`write_post_renditions` for all of a post's photos, the lead first."""
    from editor.services.photos import list_photos

    return write_post_renditions(session, list_photos(session, post_id), folder, **options)
