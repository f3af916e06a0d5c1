"""The last check before a URL reaches the page (defence in depth): whatever way a blog's site
URL, comments URL or a sidebar link came in, the page only emits http(s), mailto and tel links
or links relative to the blog. Anything else is dropped and reported like a body removal."""

from __future__ import annotations

from dataclasses import replace

from editor.formats.urls import is_safe_link
from editor.render.context import PageData
from editor.render.sanitize import Removal

_WHY = "pages link only to http, https, mailto or tel addresses"


def safe_page_data(data: PageData) -> tuple[PageData, list[Removal]]:
    removed: list[Removal] = []
    blog = data.blog
    if blog.url and not is_safe_link(blog.url, allow_relative=False):
        removed.append(Removal(f"blog site URL {_short(blog.url)}", _WHY))
        blog = replace(blog, url="")
    if blog.comments_url_pattern:
        candidate = replace(data, blog=blog).comments_url
        if candidate and not is_safe_link(candidate):
            removed.append(Removal(f"comments link {_short(candidate)}", _WHY))
            blog = replace(blog, comments_url_pattern="")
    sidebar = []
    for entry in data.sidebar:
        if is_safe_link(entry.url, allow_relative=False):
            sidebar.append(entry)
        else:
            removed.append(Removal(f"sidebar link {_short(entry.url)}", _WHY))
    if not removed:
        return data, removed
    return replace(data, blog=blog, sidebar=sidebar), removed


def _short(url: str, limit: int = 60) -> str:
    text = repr(url)
    return text if len(text) <= limit else text[: limit - 1] + "…"
