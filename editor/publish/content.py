"""What a push sends: markers, the content HTML with the byline, fingerprints.

The byline travels in the content, as the first paragraph::

    <p class="byline">By <span class="byline-name">Ada Lovelace</span>,
    <span class="byline-role">Guest blogger</span></p>

WordPress's author field names a site account, which guest writers do not have; a paragraph in
the content shows on every theme and survives every API. Byline's post UUID travels as an HTML
comment ``<!-- byline:post:UUID -->`` before it (invisible to readers, kept by WordPress for
every role), so an interrupted push can find the post it created. The body itself comes from
the page's renderer (see ``editor.services.publish_body``).
"""

from __future__ import annotations

import hashlib
import html
import json
import re
from dataclasses import asdict
from typing import Any

from editor.publish.base import PhotoUpload, PostFields, RemoteEntry

_MARKER = re.compile(r"<!--\s*byline:post:[0-9a-f-]+\s*-->\s*")
_BYLINE_P = re.compile(r'<p class="byline">.*?</p>\s*', re.DOTALL)


def post_marker(post_uuid: str) -> str:
    return f"byline:post:{post_uuid}"


def photo_marker(sha256: str) -> str:
    return f"byline:photo:{sha256}"


def byline_html(name: str, role: str) -> str:
    role_part = f', <span class="byline-role">{html.escape(role)}</span>' if role else ""
    return (
        f'<p class="byline">By <span class="byline-name">{html.escape(name)}</span>{role_part}</p>'
    )


def build_content(post_uuid: str, byline: str, role: str, body_html: str) -> str:
    return f"<!-- {post_marker(post_uuid)} -->\n{byline_html(byline, role)}\n{body_html}"


def strip_byline_markup(content: str) -> str:
    """The content without Byline's marker and byline paragraph (for pulling posts back)."""
    return _BYLINE_P.sub("", _MARKER.sub("", content), count=1)


def fields_fingerprint(fields: PostFields) -> str:
    data: dict[str, Any] = asdict(fields)
    data["date"] = fields.date.isoformat() if fields.date else None
    data.pop("term_ids", None)
    return _sha(data)


def remote_fingerprint(entry: RemoteEntry) -> str:
    """What an editor on the site might change: title, content, excerpt."""
    return _sha(
        {"title": entry.title, "content": entry.content.strip(), "excerpt": entry.excerpt.strip()}
    )


def photo_fields_fingerprint(photo: PhotoUpload) -> str:
    return _sha({"title": photo.title, "caption": photo.full_caption, "alt": photo.alt})


def _sha(data: Any) -> str:
    return hashlib.sha256(json.dumps(data, sort_keys=True).encode("utf-8")).hexdigest()
