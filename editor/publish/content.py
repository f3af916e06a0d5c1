"""What a push sends: markers, the content HTML with the byline, image rewriting, fingerprints.

The byline travels in the content, as the first paragraph::

    <p class="byline">By <span class="byline-name">Ada Lovelace</span>,
    <span class="byline-role">Guest blogger</span></p>

WordPress's author field names a site account, which guest writers do not have; a paragraph in
the content shows on every theme and survives every API. Byline's post UUID travels as an HTML
comment ``<!-- byline:post:UUID -->`` before it (invisible to readers, kept by WordPress for
every role), so an interrupted push can find the post it created.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
from collections.abc import Callable, Mapping
from dataclasses import asdict
from typing import Any

import markdown
import nh3

from editor.publish.base import MediaItem, PhotoUpload, PostFields, RemoteEntry

RenderBody = Callable[[str], str]

_TAGS = {
    "a",
    "abbr",
    "b",
    "blockquote",
    "br",
    "caption",
    "cite",
    "code",
    "dd",
    "del",
    "div",
    "dl",
    "dt",
    "em",
    "figcaption",
    "figure",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "i",
    "img",
    "ins",
    "li",
    "mark",
    "ol",
    "p",
    "pre",
    "q",
    "s",
    "small",
    "span",
    "strong",
    "sub",
    "sup",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "u",
    "ul",
}
_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title", "width", "height", "class"},
    "figure": {"class"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
    "abbr": {"title"},
}
_IMG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
_ATTR = re.compile(r'\s([a-zA-Z-]+)="([^"]*)"')
_LONE_IMG = re.compile(r"<p>\s*(<img\b[^>]*>)\s*</p>", re.IGNORECASE)
_MARKER = re.compile(r"<!--\s*byline:post:[0-9a-f-]+\s*-->\s*")
_BYLINE_P = re.compile(r'<p class="byline">.*?</p>\s*', re.DOTALL)


def post_marker(post_uuid: str) -> str:
    return f"byline:post:{post_uuid}"


def photo_marker(sha256: str) -> str:
    return f"byline:photo:{sha256}"


_SCHEMES = {"http", "https", "mailto"}


def sanitize(body_html: str, *, keep_photo_refs: bool = False) -> str:
    """Clean HTML. ``keep_photo_refs`` keeps ``photo:UUID`` image references (Byline's own, for
    the rewrite that follows); what is finally sent never has them."""
    schemes = _SCHEMES | {"photo"} if keep_photo_refs else _SCHEMES
    return nh3.clean(
        body_html, tags=_TAGS, attributes=_ATTRIBUTES, link_rel="noopener", url_schemes=schemes
    )


def default_render_body(text: str) -> str:
    """Markdown to sanitised HTML; the render helper's renderer replaces this later."""
    html_text = markdown.markdown(text, extensions=["extra", "sane_lists"])
    return sanitize(html_text, keep_photo_refs=True)


def rewrite_images(body_html: str, uploaded: Mapping[str, tuple[PhotoUpload, MediaItem]]) -> str:
    """Point image references at the uploaded copies (``uploaded`` maps a ref to its upload).

    Images alone in a paragraph become a figure with the caption (credit included).
    """

    def match(src: str) -> tuple[PhotoUpload, MediaItem] | None:
        if src in uploaded:
            return uploaded[src]
        base = src.rsplit("/", 1)[-1]
        return uploaded.get(base)

    def img(m: re.Match[str]) -> str:
        attrs = dict(_ATTR.findall(m.group(0)))
        found = match(html.unescape(attrs.get("src", "")))
        if found is None:
            return m.group(0)
        photo, media = found
        attrs["src"] = media.url
        attrs["alt"] = html.unescape(attrs.get("alt") or photo.alt)
        if media.id:
            attrs["class"] = f"wp-image-{media.id}"
        return "<img " + " ".join(f'{k}="{html.escape(v)}"' for k, v in attrs.items()) + " />"

    def figure(m: re.Match[str]) -> str:
        src = dict(_ATTR.findall(m.group(1))).get("src", "")
        found = match(html.unescape(src))
        image = _IMG.sub(img, m.group(1))
        if found is None or not found[0].full_caption:
            return f"<p>{image}</p>"
        caption = html.escape(found[0].full_caption)
        return f'<figure class="wp-block-image">{image}<figcaption>{caption}</figcaption></figure>'

    return _IMG.sub(img, _LONE_IMG.sub(figure, body_html)) if uploaded else body_html


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
