"""Refreshing a blog's "Recent posts" sidebar from its CMS, or from Byline's own posts.

The source, in order:

1. the target named by the caller (``byline sidebar refresh BLOG --from TARGET``): if it cannot
   be reached the refresh stops with a clear message and the sidebar is left as it was;
2. without one, the blog's default target, if it has one and answers;
3. otherwise Byline's own published posts of the blog (the refresh that needs no network).

The target's recent posts (published ones only, titles unescaped) are merged through
:func:`editor.services.sidebar.refresh_sidebar`, so its rules hold whatever the source: pinned
links stay, no URL twice, the order stable. No session is held open while the network is asked.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from editor.errors import BylineError, InputError
from editor.model import LinkSource
from editor.publish.errors import PublishError
from editor.publish.secrets import SecretStore
from editor.services import blogs, sidebar, targets
from editor.services.sidebar import RefreshResult
from editor.services.sidebar_merge import RecentPost, recent_from_rows
from editor.services.targets import ClientFactory
from editor.store.database import Store


@dataclass(frozen=True)
class SidebarSource:
    """Where a refresh took its posts from, in words for the writer."""

    target: str  # the target's name, or "" for Byline's own posts
    note: str = ""  # why the blog's default target was not used

    def describe(self) -> str:
        if self.target:
            return f"recent posts of target {self.target!r}"
        own = "Byline's own published posts"
        return f"{own} ({self.note})" if self.note else own


def recent_from_target(
    store: Store,
    target_name: str,
    *,
    secrets: SecretStore,
    limit: int,
    client_factory: ClientFactory | None = None,
) -> list[RecentPost]:
    """The target's newest published posts as merge input (newest first)."""
    with store.session() as s:
        target = targets.get_target(s, target_name)
        s.expunge(target)
    client = targets.connect(target, secrets, client_factory)
    try:
        entries = client.recent_posts(min(100, limit + 10))  # drafts are dropped below
    finally:
        client.close()
    rows = [
        (html.unescape(e.title).strip(), e.url, _day(e.date))
        for e in entries
        if e.status == "publish" and e.url
    ]
    return recent_from_rows(rows[:limit], source=LinkSource.CMS)


def refresh_blog_sidebar(
    store: Store,
    blog_name: str,
    *,
    secrets: SecretStore,
    source: str | None = None,
    client_factory: ClientFactory | None = None,
) -> tuple[RefreshResult, SidebarSource]:
    """Refresh ``blog_name``'s sidebar from ``source`` (a target name) or the default source."""
    with store.session() as s:
        blog = blogs.find_blog(s, blog_name)
        blog_id, name, count = blog.id, blog.name, blog.sidebar_count
        default = _default_target(s, blog_id, name) if source is None else None
    incoming: list[RecentPost] | None = None
    used = SidebarSource("")
    if source is not None:
        try:
            incoming = recent_from_target(store, source, secrets=secrets, limit=count,
                                          client_factory=client_factory)  # fmt: skip
        except PublishError as exc:
            raise BylineError(
                f"sidebar refresh from {source!r}: {exc}. The sidebar of {name!r} was not "
                "changed; try again when the site can be reached, or refresh without --from "
                "to use Byline's own published posts."
            ) from None
        used = SidebarSource(source)
    elif default is None:
        used = SidebarSource("", f"blog {name!r} has no default target")
    else:
        try:
            incoming = recent_from_target(store, default, secrets=secrets, limit=count,
                                          client_factory=client_factory)  # fmt: skip
            used = SidebarSource(default)
        except BylineError as exc:  # offline, or no password at hand: the local posts will do
            used = SidebarSource("", f"target {default!r} could not be reached: {exc}")
    with store.session() as s:
        blog = blogs.find_blog(s, blog_name)
        result = sidebar.refresh_sidebar(s, blog, incoming)
    return result, used


def _default_target(session: Session, blog_id: int, blog_name: str) -> str | None:
    try:
        return targets.default_target_name(session, blog_id, blog_name)
    except InputError:
        return None


def _day(text: str) -> date | None:
    try:
        return date.fromisoformat(text.strip()[:10]) if text else None
    except ValueError:
        return None
