"""Pulling posts from a target: remote posts become local drafts linked to their remote ids,
so they can be edited and pushed back as updates. The same data feeds the blog's sidebar."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from markdownify import markdownify
from sqlalchemy import select
from sqlalchemy.orm import Session

from editor.model import Post, PostContent, RemotePost, utcnow
from editor.publish.base import RemoteEntry
from editor.publish.content import remote_fingerprint, strip_byline_markup
from editor.publish.secrets import SecretStore
from editor.services import blogs, posts, targets
from editor.services.targets import ClientFactory
from editor.store.database import Store

_UUID_MARK = re.compile(r"<!--\s*byline:post:([0-9a-f-]{36})\s*-->")
_BYLINE = re.compile(
    r'<p class="byline">By <span class="byline-name">(.*?)</span>'
    r'(?:, <span class="byline-role">(.*?)</span>)?</p>',
    re.DOTALL,
)
_TAG = re.compile(r"<[^>]+>")


@dataclass(frozen=True)
class SidebarItem:
    title: str
    url: str
    date: str


@dataclass
class PullResult:
    created: list[int] = field(default_factory=list)
    already_linked: list[int] = field(default_factory=list)
    sidebar: list[SidebarItem] = field(default_factory=list)


def html_to_markdown(content: str) -> str:
    return markdownify(content, heading_style="ATX", bullets="-").strip() + "\n"


def pull_posts(
    store: Store,
    target_name: str,
    *,
    secrets: SecretStore,
    limit: int = 20,
    blog: str | None = None,
    client_factory: ClientFactory | None = None,
) -> PullResult:
    with store.session() as s:
        target = targets.get_target(s, target_name)
        s.expunge(target)
    client = targets.connect(target, secrets, client_factory)
    try:
        entries = client.recent_posts(limit)
    finally:
        client.close()
    result = PullResult(
        sidebar=[
            SidebarItem(html.unescape(e.title), e.url, e.date)
            for e in entries
            if e.status == "publish"
        ]
    )
    for entry in entries:
        with store.session() as s:
            post_id = _link_or_create(s, target.id, entry, blog)
        (result.created if post_id > 0 else result.already_linked).append(abs(post_id))
    return result


def _link_or_create(s: Session, target_id: int, entry: RemoteEntry, blog: str | None) -> int:
    """The local post id (negative when it existed already) for a remote entry."""
    linked = s.scalar(
        select(RemotePost).where(
            RemotePost.target_id == target_id, RemotePost.remote_id == entry.id
        )
    )
    if linked is not None:
        return -linked.post_id
    mark = _UUID_MARK.search(entry.content)
    local = s.scalar(select(Post).where(Post.uuid == mark.group(1))) if mark else None
    if local is None:
        byline = _BYLINE.search(entry.content)
        content = PostContent(
            headline=html.unescape(entry.title) or "Untitled",
            deck=html.unescape(_TAG.sub("", entry.excerpt)).strip(),
            byline=html.unescape(byline.group(1)) if byline else "",
            byline_role=html.unescape(byline.group(2) or "") if byline else "",
            slug=entry.slug,
            tags=entry.tags,
            categories=entry.categories,
            body=html_to_markdown(strip_byline_markup(entry.content)),
        )
        the_blog = blogs.find_blog(s, blog) if blog else blogs.default_blog(s)
        local = posts.create_post(s, content, blog=the_blog, uuid=mark.group(1) if mark else None)
        s.flush()
        created = True
    else:
        created = False
        has_link = s.scalar(
            select(RemotePost.id).where(
                RemotePost.post_id == local.id, RemotePost.target_id == target_id
            )
        )
        if has_link is not None:  # linked to another remote copy: leave that link alone
            return -local.id
    s.add(
        RemotePost(
            post_id=local.id,
            target_id=target_id,
            remote_id=entry.id,
            url=entry.url,
            fingerprint="pulled",
            remote_modified=entry.modified,
            remote_fingerprint=remote_fingerprint(entry),
            remote_status=entry.status,
            media_ids={},
            term_ids={},
            pushed_at=utcnow(),
        )
    )
    return local.id if created else -local.id
