"""A blog's category base, learned from its WordPress site on a push: the site's link to a
category's page shows the base its Permalinks settings use (``https://site/topics/harbour/``
→ ``topics``), so the exported page and the preview link categories where the site has them.
"""

from __future__ import annotations

import logging

from editor.errors import InputError
from editor.services import posts
from editor.services.blogs import check_category_base
from editor.store.database import Store

log = logging.getLogger(__name__)


def base_from_link(link: str, site_url: str, slug: str) -> str | None:
    """The base in ``link`` (a top-level category's page on the site at ``site_url``); None
    when the link does not have that shape (plain permalinks: ``?cat=3``)."""
    root = site_url.strip().rstrip("/") + "/"
    if not slug or not link.startswith(root) or "?" in link or "#" in link:
        return None
    path = link[len(root) :].strip("/")
    base, _, last = path.rpartition("/")
    if last != slug or not base:
        return None
    try:
        return check_category_base(base)
    except InputError:
        return None


def learn_category_base(
    store: Store, post_id: int, site_url: str, links: dict[str, tuple[str, str]]
) -> str | None:
    """Give the post's blog the base the site's category links show, if the blog is that
    site (or has no address yet); the new base, or None when nothing changed."""
    found = {base_from_link(link, site_url, slug) for slug, link in links.values()}
    bases = [b for b in found if b is not None]
    if len(bases) != 1 or None in found:
        return None
    base = bases[0]
    with store.session() as s:
        blog = posts.get_post(s, post_id).blog
        own = (blog.site_url or "").strip().rstrip("/").casefold()
        if own and own != site_url.strip().rstrip("/").casefold():
            return None  # pushed to another site than the blog's own: its links say nothing
        if blog.category_base == base:
            return None
        log.info("blog %s: category base %r → %r (the site's links)", blog.name,
                 blog.category_base, base)  # fmt: skip
        blog.category_base = base
    return base
