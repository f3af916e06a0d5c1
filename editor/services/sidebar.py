"""A blog's "Recent posts" sidebar: links kept by hand, filled from published posts on refresh.

Every function takes the session of the user action. The rules themselves (URL checks, the
merge) are pure functions in :mod:`editor.services.sidebar_merge`.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import select
from sqlalchemy.orm import Session

from editor.errors import InputError, NotFoundError
from editor.model import Blog, LinkSource, Post, PostStatus, SidebarLink, utcnow
from editor.services import newsroom
from editor.services.sidebar_merge import (
    LinkSpec,
    RecentPost,
    merge_links,
    moved,
    normalise_url,
    page_entries,
    post_url,
    to_spec,
    validate_url,
)

log = logging.getLogger(__name__)

MAX_TITLE = 500
LINKS = "change its Recent posts links"  # the newsroom's words (editors only)
MAX_LABEL = 100
UNSET: Any = object()


@dataclass(frozen=True)
class RefreshResult:
    before: list[LinkSpec]
    after: list[LinkSpec]
    skipped: list[str] = field(default_factory=list)  # incoming rows with unusable URLs

    @property
    def added(self) -> list[LinkSpec]:
        old = {normalise_url(link.url) for link in self.before}
        return [link for link in self.after if normalise_url(link.url) not in old]

    @property
    def removed(self) -> list[LinkSpec]:
        new = {normalise_url(link.url) for link in self.after}
        return [link for link in self.before if normalise_url(link.url) not in new]


def list_links(session: Session, blog: Blog) -> list[SidebarLink]:
    stmt = (
        select(SidebarLink)
        .where(SidebarLink.blog_id == blog.id)
        .order_by(SidebarLink.position, SidebarLink.id)
    )
    return list(session.scalars(stmt))


def link_specs(session: Session, blog: Blog) -> list[LinkSpec]:
    return [to_spec(link) for link in list_links(session, blog)]


def get_link(session: Session, blog: Blog, link_id: int) -> SidebarLink:
    link = session.get(SidebarLink, link_id)
    if link is None or link.blog_id != blog.id:
        raise NotFoundError(f"Blog {blog.name!r} has no sidebar link with id {link_id}.")
    return link


def resolve_link(session: Session, blog: Blog, ref: str) -> SidebarLink:
    """A link named the way ``byline sidebar list`` shows it: its position (1 = top) or its URL."""
    links = list_links(session, blog)
    text = ref.strip()
    if text.isdigit():
        n = int(text)
        if 1 <= n <= len(links):
            return links[n - 1]
        raise NotFoundError(
            f"Blog {blog.name!r} has no sidebar link at position {n} "
            f"(it has {len(links)} link{'s' if len(links) != 1 else ''})."
        )
    key = normalise_url(text)
    for link in links:
        if normalise_url(link.url) == key:
            return link
    raise NotFoundError(f"Blog {blog.name!r} has no sidebar link to {text!r}.")


def add_link(
    session: Session,
    blog: Blog,
    *,
    title: str,
    url: str,
    date: date | None = None,
    label: str = "",
    pinned: bool = False,
    index: int | None = None,
    source: LinkSource = LinkSource.MANUAL,
    post_id: int | None = None,
) -> SidebarLink:
    """Add a link (at the end, or at ``index``). Refuses a URL already in the sidebar."""
    newsroom.check_blog(session, blog.id, doing=LINKS)
    links = list_links(session, blog)
    checked_url = validate_url(url, base=blog.site_url)
    _refuse_duplicate(links, checked_url, except_id=None)
    now = utcnow()
    link = SidebarLink(
        blog_id=blog.id, title=_title(title), url=checked_url, date=date, label=_label(label),
        pinned=pinned, source=source.value, post_id=post_id, created_at=now, updated_at=now,
    )  # fmt: skip
    session.add(link)
    where = len(links) if index is None else max(0, min(index, len(links)))
    links.insert(where, link)
    _renumber(links)
    session.flush()
    return link


def edit_link(
    session: Session,
    blog: Blog,
    link_id: int,
    *,
    title: str = UNSET,
    url: str = UNSET,
    date: date | None = UNSET,
    label: str = UNSET,
) -> SidebarLink:
    newsroom.check_blog(session, blog.id, doing=LINKS)
    link = get_link(session, blog, link_id)
    if title is not UNSET:
        link.title = _title(title)
    if url is not UNSET:
        checked = validate_url(url, base=blog.site_url)
        _refuse_duplicate(list_links(session, blog), checked, except_id=link.id)
        link.url = checked
    if date is not UNSET:
        link.date = date
    if label is not UNSET:
        link.label = _label(label)
    link.updated_at = utcnow()
    session.flush()
    return link


def remove_link(session: Session, blog: Blog, link_id: int) -> LinkSpec:
    newsroom.check_blog(session, blog.id, doing=LINKS)
    link = get_link(session, blog, link_id)
    spec = to_spec(link)
    session.delete(link)
    session.flush()
    _renumber(list_links(session, blog))
    session.flush()
    return spec


def move_link(session: Session, blog: Blog, link_id: int, to_index: int) -> list[SidebarLink]:
    """Put a link at ``to_index`` (0 = top, clamped to the list); the others close up."""
    newsroom.check_blog(session, blog.id, doing=LINKS)
    links = list_links(session, blog)
    link = get_link(session, blog, link_id)
    items = moved(links, links.index(link), to_index)
    _renumber(items)
    session.flush()
    return items


def set_pinned(session: Session, blog: Blog, link_id: int, pinned: bool) -> SidebarLink:
    newsroom.check_blog(session, blog.id, doing=LINKS)
    link = get_link(session, blog, link_id)
    link.pinned = pinned
    link.updated_at = utcnow()
    session.flush()
    return link


def replace_links(session: Session, blog: Blog, specs: Sequence[LinkSpec]) -> list[SidebarLink]:
    """Make the stored sidebar exactly ``specs``, in order, keeping ids where given.

    Used to apply a refresh and by the window's undo, which puts back an earlier snapshot.
    """
    newsroom.check_blog(session, blog.id, doing=LINKS)
    existing = {link.id: link for link in list_links(session, blog)}
    wanted_ids = {spec.id for spec in specs if spec.id is not None}
    for link_id, link in existing.items():
        if link_id not in wanted_ids:
            session.delete(link)
    session.flush()
    now = utcnow()
    result: list[SidebarLink] = []
    for spec in specs:
        if spec.post_id is not None and session.get(Post, spec.post_id) is None:
            spec = replace(spec, post_id=None)  # that post was deleted since the snapshot
        found = existing.get(spec.id) if spec.id is not None else None
        if found is not None:
            link = found
        else:
            link = SidebarLink(blog_id=blog.id, created_at=now)
            if spec.id is not None and session.get(SidebarLink, spec.id) is None:
                link.id = spec.id  # an undone removal comes back as the same link
            session.add(link)
        changed = (link.title, link.url, link.date, link.label, link.pinned, link.source,
                   link.post_id) != (spec.title, spec.url, spec.date, spec.label, spec.pinned,
                                     spec.source.value, spec.post_id)  # fmt: skip
        link.title, link.url, link.date, link.label = spec.title, spec.url, spec.date, spec.label
        link.pinned, link.source, link.post_id = spec.pinned, spec.source.value, spec.post_id
        if changed:
            link.updated_at = now
        result.append(link)
    _renumber(result)
    session.flush()
    return result


def canonical_url(blog: Blog, slug: str) -> str:
    """A post's address on its blog: the blog's site URL followed by the slug."""
    return post_url(blog.site_url, slug)


def recent_posts(session: Session, blog: Blog, limit: int) -> list[RecentPost]:
    """The blog's newest ``limit`` published posts in Byline's own database, newest first."""
    if limit <= 0:
        return []
    if not blog.site_url.strip():
        raise InputError(
            f"Blog {blog.name!r} has no site URL, so its posts have no address to link to; "
            "set the blog's site URL first."
        )
    validate_url(blog.site_url, field="blog site URL")
    stmt = (
        select(Post.id, Post.headline, Post.slug, Post.published_at, Post.published_tz)
        .where(
            Post.blog_id == blog.id,
            Post.status == PostStatus.PUBLISHED.value,
            Post.deleted_at.is_(None),
        )
        .order_by(Post.published_at.is_(None), Post.published_at.desc(), Post.id.desc())
        .limit(limit)
    )
    return [
        RecentPost(
            title=headline or slug,
            url=canonical_url(blog, slug),
            date=_local_date(published_at, tz),
            source=LinkSource.AUTO,
            post_id=post_id,
        )
        for post_id, headline, slug, published_at, tz in session.execute(stmt)
    ]


def refresh_sidebar(
    session: Session, blog: Blog, incoming: Sequence[RecentPost] | None = None
) -> RefreshResult:
    """Merge the newest posts into the sidebar (see :func:`merge_links` for the rules).

    Without ``incoming`` the posts come from Byline's own database, which needs the blog's
    auto-fill on; a publishing target passes its CMS's recent posts instead.
    """
    newsroom.check_blog(session, blog.id, doing=LINKS)
    if incoming is None:
        if not blog.sidebar_auto:
            raise InputError(
                f"Blog {blog.name!r} has automatic sidebar filling turned off; turn it on in "
                "the blog's settings to refresh from its published posts."
            )
        incoming = recent_posts(session, blog, blog.sidebar_count)
    usable: list[RecentPost] = []
    skipped: list[str] = []
    for post in incoming:
        try:
            url = validate_url(post.url, base=blog.site_url)
        except InputError as exc:
            log.warning("sidebar refresh of %s: skipped %s", blog.name, exc)
            skipped.append(post.url)
            continue
        title = post.title.strip()[:MAX_TITLE] or url
        usable.append(RecentPost(title, url, post.date, post.source, post.post_id))
    before = link_specs(session, blog)
    after = merge_links(before, usable, limit=blog.sidebar_count)
    stored = replace_links(session, blog, after)
    return RefreshResult(before=before, after=[to_spec(link) for link in stored], skipped=skipped)


def entries_for_page(session: Session, blog: Blog, post: Post | None) -> list[dict[str, Any]]:
    """The sidebar a post's page shows: ``title``, ``url``, ``date`` (a date or None) and
    ``label`` for each link, in order, never the post itself. Titles are raw text: the template
    escapes them."""
    return page_entries(link_specs(session, blog), site_url=blog.site_url,
                        post_id=post.id if post is not None else None,
                        slug=post.slug if post is not None else None)  # fmt: skip


def sidebar_snapshot(session: Session, blog: Blog, post: Post | None) -> list[dict[str, Any]]:
    """The sidebar as it is now, JSON-ready, for an export bundle's post.json."""
    return [
        {**entry, "date": entry["date"].isoformat() if entry["date"] else None}
        for entry in entries_for_page(session, blog, post)
    ]


def _local_date(when: Any, tz: str) -> date | None:
    if when is None:
        return None
    if tz:
        try:
            return when.astimezone(ZoneInfo(tz)).date()
        except (ZoneInfoNotFoundError, ValueError):
            pass
    return when.date()


def _renumber(links: Sequence[SidebarLink]) -> None:
    for position, link in enumerate(links):
        if link.position != position:
            link.position = position


def _refuse_duplicate(links: Sequence[SidebarLink], url: str, *, except_id: int | None) -> None:
    key = normalise_url(url)
    for position, link in enumerate(links, start=1):
        if link.id != except_id and normalise_url(link.url) == key:
            raise InputError(
                f"url: {url} is already in the sidebar (position {position}, {link.title!r})."
            )


def _title(title: str) -> str:
    text = " ".join(title.split())
    if not text:
        raise InputError("title: a link needs a title.")
    if len(text) > MAX_TITLE:
        raise InputError(f"title: longer than {MAX_TITLE} characters.")
    return text


def _label(label: str) -> str:
    text = " ".join(label.split())
    if len(text) > MAX_LABEL:
        raise InputError(f"label: longer than {MAX_LABEL} characters.")
    return text
