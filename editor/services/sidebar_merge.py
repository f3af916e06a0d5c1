"""The sidebar's rules as pure functions: URL checks and the merge a refresh performs.

No database here, so the rules can be tested exhaustively (see tests/unit/test_sidebar_merge.py).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, TypeVar
from urllib.parse import urljoin, urlsplit, urlunsplit

from editor.errors import InputError
from editor.formats.urls import check_web_url
from editor.values import LinkSource

if TYPE_CHECKING:
    from editor.model import SidebarLink
    from editor.store.sqlite_read import LinkRow

MAX_URL = 2000
_DEFAULT_PORTS = {"http": 80, "https": 443}
T = TypeVar("T")


@dataclass(frozen=True)
class LinkSpec:
    """A sidebar link as a plain value: what the merge, the undo stack and the window pass around.

    ``id`` is the stored link's id, or None for a link not stored yet.
    """

    title: str
    url: str
    date: date | None = None
    label: str = ""
    pinned: bool = False
    source: LinkSource = LinkSource.MANUAL
    post_id: int | None = None
    id: int | None = None

    @property
    def replaceable(self) -> bool:
        """A refresh may replace it: filled in automatically and not pinned."""
        return not self.pinned and self.source != LinkSource.MANUAL


def to_spec(link: SidebarLink | LinkRow) -> LinkSpec:
    """A stored link (read through the ORM, or without it by ``byline render``) as a value."""
    return LinkSpec(
        title=link.title, url=link.url, date=link.date, label=link.label, pinned=link.pinned,
        source=LinkSource(link.source), post_id=link.post_id, id=link.id,
    )  # fmt: skip


@dataclass(frozen=True)
class RecentPost:
    """One recent post from any source: Byline's own database or a CMS's recent-posts list.

    A publishing target turns its ``(title, url, date)`` rows into these with
    :func:`recent_from_rows`; the merge does not care where they came from.
    """

    title: str
    url: str
    date: date | None = None
    source: LinkSource = LinkSource.AUTO
    post_id: int | None = None


def recent_from_rows(
    rows: Iterable[tuple[str, str, date | datetime | None]], *, source: LinkSource = LinkSource.CMS
) -> list[RecentPost]:
    """Newest-first ``(title, url, date)`` rows (e.g. from a CMS) as merge input."""
    return [RecentPost(title, url, as_date(when), source=source) for title, url, when in rows]


def as_date(value: date | datetime | None) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    return value


def normalise_url(url: str) -> str:
    """The form two URLs are compared in: scheme and host lower-cased, default port and trailing
    slash dropped. Path, query and fragment keep their case."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    try:
        port = parts.port
    except ValueError:
        port = None
    netloc = host if port in (None, _DEFAULT_PORTS.get(scheme)) else f"{host}:{port}"
    if parts.username or parts.password:
        netloc = f"{parts.username or ''}{':' + parts.password if parts.password else ''}@{netloc}"
    path = parts.path.rstrip("/")
    return urlunsplit((scheme, netloc, path, parts.query, parts.fragment))


def validate_url(url: str, *, base: str = "", field: str = "url") -> str:
    """An absolute http(s) URL, or raise :class:`InputError` naming ``field``.

    A relative URL (``/2026/story`` or ``story``) is resolved against ``base``, the blog's URL.
    """
    text = url.strip()
    if not text:
        raise InputError(f"{field}: a URL is required.")
    if any(ch.isspace() or ord(ch) < 32 for ch in text):
        raise InputError(f"{field}: {text!r} contains spaces or control characters.")
    if len(text) > MAX_URL:
        raise InputError(f"{field}: the URL is longer than {MAX_URL} characters.")
    parts = urlsplit(text)
    if not parts.scheme and not text.startswith("//"):
        if not base.strip():
            raise InputError(
                f"{field}: {text!r} is a relative URL and the blog has no site URL to resolve it "
                "against; give a full http:// or https:// address."
            )
        base_url = validate_url(base, field="blog site URL")
        text = urljoin(base_url if base_url.endswith("/") else base_url + "/", text)
    elif text.startswith("//"):
        text = "https:" + text
    parts = urlsplit(text)
    if parts.scheme.lower() not in _DEFAULT_PORTS:
        raise InputError(
            f"{field}: {url.strip()!r} is not a web link (only http:// and https:// are allowed)."
        )
    try:
        parts.port  # noqa: B018 - raises on a malformed port
    except ValueError:
        raise InputError(f"{field}: {url.strip()!r} has an invalid port.") from None
    if not parts.hostname:
        raise InputError(f"{field}: {url.strip()!r} has no host name.")
    return check_web_url(text, field=field)  # and as a browser reads it (WHATWG)


def merge_links(
    current: Sequence[LinkSpec], incoming: Sequence[RecentPost], *, limit: int
) -> list[LinkSpec]:
    """The sidebar after a refresh with ``incoming`` (newest first).

    - Pinned and hand-added links are never dropped and keep their place.
    - The newest ``limit`` distinct incoming posts are shown; those already present as a kept
      link are represented by it (never a duplicate URL).
    - Replaceable links (unpinned auto/cms) give their slots to the fresh links, in incoming
      order; a fresh link matching an old one keeps its id. Extra fresh links go right after the
      last such slot (at the end if there was none); unused slots close up.
    - The same refresh twice gives the same list.
    """
    kept_urls = {normalise_url(link.url) for link in current if not link.replaceable}
    old_by_url: dict[str, LinkSpec] = {}
    for link in current:
        if link.replaceable:
            old_by_url.setdefault(normalise_url(link.url), link)

    newest: list[RecentPost] = []
    seen: set[str] = set()
    for post in incoming:
        if len(newest) >= limit:
            break
        key = normalise_url(post.url)
        if key not in seen:
            seen.add(key)
            newest.append(post)
    fresh: list[LinkSpec] = []
    for post in newest:
        key = normalise_url(post.url)
        if key in kept_urls:
            continue
        old = old_by_url.get(key)
        fresh.append(
            LinkSpec(
                title=post.title,
                url=post.url,
                date=post.date,
                label=old.label if old else "",
                pinned=False,
                source=post.source,
                post_id=post.post_id,
                id=old.id if old else None,
            )
        )

    result: list[LinkSpec] = []
    pending = list(fresh)
    last_slot = -1
    for link in current:
        if link.replaceable:
            if pending:
                result.append(pending.pop(0))
                last_slot = len(result) - 1
        else:
            result.append(link)
    insert_at = last_slot + 1 if last_slot >= 0 else len(result)
    result[insert_at:insert_at] = pending
    return result


def exclude_post(
    links: Sequence[LinkSpec], *, post_id: int | None, post_url: str | None
) -> list[LinkSpec]:
    """The links a post's page shows: never the post itself, by id or by URL."""
    own = normalise_url(post_url) if post_url else None
    return [
        link
        for link in links
        if not (post_id is not None and link.post_id == post_id)
        and not (own is not None and normalise_url(link.url) == own)
    ]


def post_url(site_url: str, slug: str) -> str:
    """A post's address on its blog: the blog's site URL followed by the slug."""
    return f"{site_url.strip().rstrip('/')}/{slug}"


def page_entries(
    links: Sequence[LinkSpec], *, site_url: str, post_id: int | None, slug: str | None
) -> list[dict[str, Any]]:
    """The sidebar a post's page shows: ``title``, ``url``, ``date`` (a date or None) and
    ``label`` for each link, in order, never the post itself (``slug`` None: no post)."""
    if slug is not None:
        own_url = post_url(site_url, slug) if site_url.strip() and slug else None
        links = exclude_post(links, post_id=post_id, post_url=own_url)
    return [
        {"title": link.title, "url": link.url, "date": link.date, "label": link.label}
        for link in links
    ]


def moved(links: Sequence[T], from_index: int, to_index: int) -> list[T]:
    """``links`` with one link taken out and put back at ``to_index`` (clamped)."""
    items = list(links)
    if not 0 <= from_index < len(items):
        raise InputError(f"There is no link at position {from_index + 1}.")
    link = items.pop(from_index)
    items.insert(max(0, min(to_index, len(items))), link)
    return items


__all__ = [
    "LinkSpec",
    "RecentPost",
    "as_date",
    "exclude_post",
    "merge_links",
    "moved",
    "normalise_url",
    "page_entries",
    "post_url",
    "recent_from_rows",
    "to_spec",
    "validate_url",
]
