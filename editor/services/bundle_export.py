"""Exporting a stored post as a bundle with its photos (File > Export in the window).

The page comes from :func:`editor.services.pages.page_for_post`, so the bundle shows what the
preview shows; the renditions are written to a private temporary folder first and only go
into the bundle once every one is made. A cancel (or any failure) before the bundle is written
therefore leaves nothing at the target: ``write_bundle`` is atomic, and it is the last step.

Takes the store, not a session: the window runs it on a worker thread, which opens its own.
(``bundles.export_post`` on main now takes ``progress``/``cancel`` as well; once merged this
can become a session plus that call.)
"""

from __future__ import annotations

import tempfile
import threading
from pathlib import Path

from editor.media.renditions import Cancel, Cancelled, Progress
from editor.render.bundle import ExportResult
from editor.store.database import Store


def export_post_with_photos(
    store: Store,
    post_id: int,
    target: Path,
    *,
    theme: str | None = None,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> ExportResult:
    """Write post ``post_id``'s bundle (a folder, or a zip when ``target`` ends in ``.zip``).

    ``progress(done, total)`` follows the image work; ``cancel`` (an Event or a callable) stops
    it with :class:`Cancelled` and nothing is written.
    """
    from editor.formats.post_json import blog_to_json, post_to_json
    from editor.render.bundle import build_bundle, write_bundle
    from editor.render.themes import require_theme
    from editor.services import posts
    from editor.services.importing import export_markdown
    from editor.services.pages import IMAGES_PREFIX, page_for_post

    with tempfile.TemporaryDirectory(prefix="byline-export-") as scratch:
        folder = Path(scratch)
        with store.session() as session:
            post = posts.get_post(session, post_id)
            page = page_for_post(
                session, post, images_folder=folder, progress=progress, cancel=cancel
            )
            images_dir = folder / IMAGES_PREFIX
            images = (
                {p.name: p.read_bytes() for p in sorted(images_dir.iterdir()) if p.is_file()}
                if images_dir.is_dir()
                else {}
            )
            files, rendered = build_bundle(
                page.data,
                theme=require_theme(theme or post.blog.theme),
                post_json=post_to_json(post),
                blog_json=blog_to_json(post.blog),
                markdown=export_markdown(post),
                images=images,
                photos=page.photo_entries,
            )
    if _cancelled(cancel):
        raise Cancelled("export cancelled; nothing was written")
    write_bundle(target, files)
    return ExportResult(target=target, files=sorted(files), page=rendered)


def _cancelled(cancel: Cancel | None) -> bool:
    if cancel is None:
        return False
    if isinstance(cancel, threading.Event):
        return cancel.is_set()
    return bool(cancel())
