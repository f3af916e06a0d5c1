"""What a page shows, as plain values: built from the stored post, or by hand in tests.

``page_data_for`` leaves ``lead_photo`` empty and ``sidebar`` empty; the photo and sidebar
features fill them (they own those tables), so the renderer never queries the database.
Nothing here imports the ORM: ``byline render`` reads its post without it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, tzinfo
from typing import TYPE_CHECKING

from editor.render.views import PhotoView, SidebarEntry
from editor.values import DEFAULT_CATEGORY_BASE, DEFAULT_THEME

if TYPE_CHECKING:
    from editor.model import Post
    from editor.store.sqlite_read import PostRow

__all__ = ["BlogInfo", "PageData", "PhotoView", "SidebarEntry", "page_data_for"]


@dataclass(frozen=True)
class BlogInfo:
    name: str
    url: str = ""
    language: str = "en"
    description: str = ""
    comments_url_pattern: str = ""  # e.g. "{post_url}#comments"; also {slug}, {uuid}
    theme: str = DEFAULT_THEME
    tag_url_pattern: str = ""  # e.g. "{blog_url}/tag/{tag}/" ("" = tags are plain labels)
    category_base: str = DEFAULT_CATEGORY_BASE  # a category's page: {url}/{base}/{slug}/


@dataclass
class PageData:
    """Everything the page template needs besides the rendered body."""

    blog: BlogInfo
    headline: str
    body: str = ""  # Markdown
    deck: str = ""
    byline: str = ""
    role: str = ""
    published_at: datetime | None = None  # aware
    display_tz: str = ""  # IANA name or "+HH:MM"; empty means UTC
    date_only: bool = False  # the date is known, the time is not: the page shows the date
    updated_at: datetime | None = None  # the writer's last change after publication
    slug: str = ""
    tags: list[str] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)
    uuid: str = ""
    lead_photo: PhotoView | None = None
    sidebar: list[SidebarEntry] = field(default_factory=list)
    photos: dict[str, PhotoView] = field(default_factory=dict)  # ![alt](photo:ID) in the body
    own_comments_url: str = ""  # the post's own comments link; wins over the blog's pattern

    @property
    def canonical_url(self) -> str:
        """Blog URL + slug (empty when the blog has no URL yet)."""
        if not self.blog.url:
            return ""
        base = self.blog.url if self.blog.url.endswith("/") else self.blog.url + "/"
        return base + self.slug.strip("/") + "/" if self.slug else base

    @property
    def comments_url(self) -> str:
        if self.own_comments_url:
            return self.own_comments_url
        pattern = self.blog.comments_url_pattern.strip()
        if not pattern:
            return ""
        values = {"post_url": self.canonical_url, "slug": self.slug, "uuid": self.uuid,
                  "blog_url": self.blog.url}  # fmt: skip
        try:
            return pattern.format_map(values)
        except (KeyError, IndexError, ValueError):
            return ""  # a pattern with unknown placeholders shows no comment links

    @property
    def tag_links(self) -> list[tuple[str, str]]:
        """(tag, URL of its page) for each tag; the URL is "" when the blog has no pattern."""
        pattern = self.blog.tag_url_pattern.strip()
        if pattern:
            from editor.services.slugs import make_slug  # slugify: only for tag pages
        links = []
        for tag in self.tags:
            url = ""
            if pattern:
                values = {"tag": make_slug(tag), "blog_url": self.blog.url.rstrip("/")}
                try:
                    url = pattern.format_map(values)
                except (KeyError, IndexError, ValueError):
                    url = ""
            links.append((tag, url))
        return links

    @property
    def category_links(self) -> list[tuple[str, str]]:
        """(category, URL of its page) for each category, under the blog's category base as
        WordPress builds them; the URL is "" when the blog has no URL yet."""
        if not self.blog.url:
            return [(c, "") for c in self.categories]
        from editor.services.slugs import make_slug

        base = self.blog.category_base.strip("/") or DEFAULT_CATEGORY_BASE
        root = self.blog.url.rstrip("/")
        return [(c, f"{root}/{base}/{make_slug(c)}/") for c in self.categories]

    def local_published(self) -> datetime | None:
        return self.published_at.astimezone(_zone(self.display_tz)) if self.published_at else None

    def local_updated(self) -> datetime | None:
        return self.updated_at.astimezone(_zone(self.display_tz)) if self.updated_at else None


def page_data_for(post: Post | PostRow) -> PageData:
    """The page of a stored post (no lead photo, empty sidebar: their features add them),
    read through the ORM or, by ``byline render``, without it."""
    blog = post.blog
    return PageData(
        blog=BlogInfo(
            name=blog.name,
            url=blog.site_url,
            language=post.language or blog.language or "en",
            description=blog.description,
            comments_url_pattern=blog.comments_url_pattern,
            theme=blog.theme or DEFAULT_THEME,
            tag_url_pattern=blog.tag_url_pattern or "",
            category_base=blog.category_base or DEFAULT_CATEGORY_BASE,
        ),
        headline=post.headline,
        body=post.body,
        deck=post.deck,
        byline=post.byline,
        role=post.byline_role,
        published_at=post.published_at,
        display_tz=post.published_tz,
        date_only=bool(post.published_date_only),
        updated_at=post.revised_at,
        slug=post.slug,
        tags=list(post.tags or []),
        categories=list(post.categories or []),
        uuid=post.uuid,
        own_comments_url=post.comments_url or "",
    )


def _zone(label: str) -> tzinfo:
    # Imported here: the Markdown-file module brings YAML, which a page render never needs.
    from editor.formats.markdown_file import zone_for

    return zone_for(label)
