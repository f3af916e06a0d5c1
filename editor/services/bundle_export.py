"""Exporting a stored post as a bundle with its photos from a worker thread (File > Export).

Takes the store, not a session: the window runs it on a worker thread, which opens its own.
The work itself is :func:`editor.services.bundles.export_post`: renditions are made in a
private temporary folder and the bundle is written (atomically) only once all of them are
made, so a cancel or a failure leaves nothing at the target.
"""

from __future__ import annotations

from pathlib import Path

from editor.media.renditions import Cancel, Progress
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
    it with :class:`~editor.media.renditions.Cancelled` and nothing is written.
    """
    from editor.services import posts
    from editor.services.bundles import export_post

    with store.session() as session:
        post = posts.get_post(session, post_id)
        return export_post(session, post, target, theme=theme, progress=progress, cancel=cancel)
