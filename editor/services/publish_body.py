"""The body a push sends: the page's own renderer, with photos pointing at their uploaded copies.

The content is :meth:`BodyRenderer.render_full`'s HTML, the same sanitised HTML the page shows
(boxes, footnotes, tables, allowlisted embeds). The renderer resolves ``![alt](photo:UUID)``
(or ``photo:ID``) through a callback; here that callback answers with a
:class:`~editor.render.views.PhotoView` whose ``src`` is the uploaded media URL, so an inline
photo becomes ``<figure class="inline-photo">`` with the uploaded image and a figcaption. On the
CMS the credit is written into the caption text (``Caption (Photo: Credit)``, the media caption's
rule) rather than a separate ``credit`` span, because the site's theme does not know Byline's
classes and would run the two together. Each image also gets WordPress's ``wp-image-ID`` class,
which the site uses to find the attachment (responsive sizes, the media library's "used in").

Before the upload (the dry run) a photo not yet on the target points at
``pending-upload/FILENAME``; what the sanitiser removed is reported as warnings.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Mapping, Sequence

from editor.publish.base import MediaItem, PhotoUpload
from editor.render.body import BodyRenderer, RenderedBody
from editor.render.views import PhotoView

RenderBody = Callable[[str, Mapping[str, PhotoView]], RenderedBody]
PENDING = "pending-upload/"


def render_body(markdown: str, views: Mapping[str, PhotoView]) -> RenderedBody:
    """The page's body renderer, photos resolved from ``views`` (keyed by what follows
    ``photo:`` in the Markdown: a uuid or a number)."""
    return BodyRenderer(views.get).render_full(markdown)


def photo_views(
    photos: Sequence[PhotoUpload], media: Mapping[str, MediaItem]
) -> dict[str, PhotoView]:
    """A view per name of each photo; ``media`` maps a photo's sha256 to its uploaded copy."""
    views: dict[str, PhotoView] = {}
    for photo in photos:
        item = media.get(photo.sha256)
        view = PhotoView(
            src=item.url if item is not None and item.url else PENDING + photo.filename,
            width=photo.width,
            height=photo.height,
            alt=photo.alt,
            caption=photo.full_caption,
        )
        for name in (photo.ref, *photo.aliases):
            if name:
                views[name.split(":", 1)[1] if name.startswith("photo:") else name] = view
    return views


def cms_body(
    markdown: str,
    photos: Sequence[PhotoUpload],
    media: Mapping[str, MediaItem],
    render: RenderBody = render_body,
) -> tuple[str, list[str]]:
    """The body HTML to send, and what the sanitiser took out (as warnings)."""
    body = render(markdown, photo_views(photos, media))
    out = _SIZELESS.sub("", body.html)
    for item in media.values():
        if item.id and item.url:
            out = _wp_image_class(out, item)
    return out, [f"body: {removal}" for removal in body.removed]


_SIZELESS = re.compile(r'\s(?:width|height)="0"')


def _wp_image_class(body_html: str, item: MediaItem) -> str:
    src = re.escape(html.escape(item.url, quote=True))
    pattern = re.compile(rf'<img\b(?![^>]*\sclass=)([^>]*?\ssrc="{src}")')
    return pattern.sub(rf'<img class="wp-image-{item.id}"\1', body_html)
