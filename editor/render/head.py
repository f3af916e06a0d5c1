"""The page's head: meta description, canonical URL, OpenGraph, Twitter card and JSON-LD.

Computed here rather than in each theme, so every theme gets the same, complete metadata.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import urljoin

from editor.render.context import PageData


@dataclass(frozen=True)
class MetaTag:
    attribute: str  # "name" or "property"
    key: str
    content: str


def absolute(data: PageData, url: str) -> str:
    """``url`` made absolute against the canonical URL when there is one (social cards and
    search engines need absolute image URLs); unchanged otherwise."""
    return urljoin(data.canonical_url, url) if data.canonical_url and url else url


def _iso(moment: datetime | None) -> str:
    return moment.isoformat(timespec="seconds") if moment else ""


def _published_iso(data: PageData) -> str:
    """The publication moment, or its date alone when no time is known (never a made-up
    midnight)."""
    published = data.local_published()
    if published is not None and data.date_only:
        return published.date().isoformat()
    return _iso(published)


def meta_tags(data: PageData) -> list[MetaTag]:
    tags: list[MetaTag] = []

    def add(attribute: str, key: str, content: str | None) -> None:
        if content:
            tags.append(MetaTag(attribute, key, content))

    add("name", "description", data.deck)
    if data.byline:
        add("name", "author", data.byline)
    add("property", "og:type", "article")
    add("property", "og:title", data.headline)
    add("property", "og:description", data.deck)
    add("property", "og:url", data.canonical_url)
    add("property", "og:site_name", data.blog.name)
    add("property", "og:locale", data.blog.language.replace("-", "_"))
    photo = data.lead_photo
    if photo is not None:
        add("property", "og:image", absolute(data, photo.src))
        add("property", "og:image:width", str(photo.width))
        add("property", "og:image:height", str(photo.height))
        add("property", "og:image:alt", photo.alt)
    add("property", "article:published_time", _published_iso(data))
    add("property", "article:modified_time", _iso(data.local_updated()))
    for section in data.categories[:1]:
        add("property", "article:section", section)
    for tag in data.tags:
        add("property", "article:tag", tag)
    add("name", "twitter:card", "summary_large_image" if photo else "summary")
    add("name", "twitter:title", data.headline)
    add("name", "twitter:description", data.deck)
    if photo is not None:
        add("name", "twitter:image", absolute(data, photo.src))
        add("name", "twitter:image:alt", photo.alt)
    return tags


def json_ld(data: PageData) -> dict[str, Any]:
    """schema.org ``NewsArticle`` for the page."""
    published = _published_iso(data)
    modified = _iso(data.local_updated()) or published
    article: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": data.headline,
        "description": data.deck,
        "inLanguage": data.blog.language,
    }
    if published:
        article["datePublished"] = published
    if modified:
        article["dateModified"] = modified
    if data.byline:
        author: dict[str, Any] = {"@type": "Person", "name": data.byline}
        if data.role:
            author["jobTitle"] = data.role
        article["author"] = author
    publisher: dict[str, Any] = {"@type": "Organization", "name": data.blog.name}
    if data.blog.url:
        publisher["url"] = data.blog.url
    article["publisher"] = publisher
    if data.canonical_url:
        article["url"] = data.canonical_url
        article["mainEntityOfPage"] = {"@type": "WebPage", "@id": data.canonical_url}
    if data.uuid:
        article["identifier"] = data.uuid
    if data.categories:
        article["articleSection"] = (
            data.categories[0] if len(data.categories) == 1 else list(data.categories)
        )
    if data.tags:
        article["keywords"] = list(data.tags)
    photo = data.lead_photo
    if photo is not None:
        image: dict[str, Any] = {
            "@type": "ImageObject",
            "url": absolute(data, photo.src),
            "width": photo.width,
            "height": photo.height,
        }
        if photo.caption:
            image["caption"] = photo.caption
        if photo.credit:
            image["creditText"] = photo.credit
        if photo.copyright:
            image["copyrightNotice"] = photo.copyright
        article["image"] = image
    return article


def json_ld_script(data: PageData) -> str:
    """JSON-LD text safe inside ``<script>`` (``<``, ``>`` and ``&`` escaped as JSON escapes)."""
    text = json.dumps(json_ld(data), ensure_ascii=False, indent=2)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
