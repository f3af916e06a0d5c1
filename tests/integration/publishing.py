"""Helpers for the publishing integration tests: a local store with a post, photos, targets,
and what the WordPress site really holds (read with the admin's application password)."""

from __future__ import annotations

import hashlib
import io
import random
from dataclasses import dataclass

import httpx
from PIL import Image

from editor.model import PostContent
from editor.publish.base import PhotoUpload
from editor.publish.clients import open_client
from editor.publish.secrets import SecretStore
from editor.services import blogs, posts, targets
from editor.store.database import Store
from tests.integration.wordpress.server import Site

BODY = """The lamps along the harbour wall were switched on last night.

![Lamps at dusk](harbour.jpg)

Fishermen said the quay had been dark for ten years.
"""


def jpeg(color: tuple[int, int, int], bits: int, size: tuple[int, int] = (64, 48)) -> bytes:
    """A small JPEG: a flat colour with ``bits`` drawn as black and white 8x8 blocks, so
    different numbers give different files (flat colours alone may encode alike)."""
    img = Image.new("RGB", size, color)
    for i in range((size[0] // 8) * (size[1] // 8)):
        if bits >> i & 1:
            x, y = (i % (size[0] // 8)) * 8, (i // (size[0] // 8)) * 8
            img.paste((255, 255, 255), (x, y, x + 8, y + 8))
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=90)
    return buf.getvalue()


def photo(name: str, color: tuple[int, int, int], *, lead: bool = False) -> PhotoUpload:
    data = jpeg(color, random.getrandbits(40))
    return PhotoUpload(
        filename=name, mime="image/jpeg", sha256=hashlib.sha256(data).hexdigest(), data=data,
        caption=f"Caption of {name}", credit="Photo: Grace Hopper", alt=f"Alt text of {name}",
        title=name.rsplit(".", 1)[0], is_lead=lead,
    )  # fmt: skip


def two_photos() -> list[PhotoUpload]:
    """A lead and an inline photo, with bytes no other call returns (so no test sees another's
    uploads on the shared site)."""
    return [photo("lead.jpg", (200, 30, 30), lead=True), photo("harbour.jpg", (20, 40, 220))]


def new_post(store: Store, headline: str = "Harbour lights return", body: str = BODY) -> int:
    with store.session() as s:
        post = posts.create_post(
            s,
            PostContent(headline=headline, deck="The old lamps shine again.",
                        byline="Ada Lovelace", byline_role="Harbour correspondent",
                        tags=["harbour", "lights"], categories=["Local news"], body=body),
            blog=blogs.default_blog(s),
        )  # fmt: skip
        return post.id


def add_target(store: Store, name: str, kind: str, base_url: str, user: str = "editor") -> None:
    api = base_url + ("/wp-json/" if kind == "wordpress" else "/xmlrpc.php")
    with store.session() as s:
        targets.add_target(s, name=name, kind=kind, site_url=base_url, username=user, api_url=api)


def secrets_for(password: str) -> SecretStore:
    return SecretStore(env={"BYLINE_PASSWORD": password})


def short_timeout_factory(seconds: float = 2.0):  # type: ignore[no-untyped-def]
    def factory(target, password):  # type: ignore[no-untyped-def]
        return open_client(target.kind, target.api_url, target.username, password,
                           allow_http=target.allow_http, timeout=httpx.Timeout(seconds),
                           sleep=lambda _s: None)  # fmt: skip

    return factory


@dataclass
class SiteView:
    """The site as an admin sees it through REST, for assertions."""

    site: Site

    def _get(self, route: str, **params: object) -> httpx.Response:
        r = httpx.get(f"{self.site.url}/wp-json/wp/v2/{route}", params=params,
                      auth=(self.site.user, self.site.app_password), timeout=30)  # fmt: skip
        r.raise_for_status()
        return r

    def posts_with_marker(self, post_uuid: str) -> list[dict]:
        found = self._get("posts", search=post_uuid, context="edit", per_page=100,
                          status="publish,future,draft,pending,private").json()  # fmt: skip
        return [p for p in found if f"byline:post:{post_uuid}" in p["content"]["raw"]]

    def media_with_sha(self, sha: str) -> list[dict]:
        found = self._get("media", per_page=100, context="edit").json()
        return [m for m in found if sha in m["description"]["raw"] or sha[:12] in m["source_url"]]

    def post(self, remote_id: str) -> dict:
        return self._get(f"posts/{remote_id}", context="edit").json()

    def media(self, media_id: int | str) -> dict:
        return self._get(f"media/{media_id}", context="edit").json()

    def term_names(self, taxonomy: str, ids: list[int]) -> set[str]:
        if not ids:
            return set()
        found = self._get(taxonomy, include=",".join(map(str, ids)), per_page=100).json()
        return {t["name"] for t in found}

    def edit_post(self, remote_id: str, **fields: object) -> None:
        r = httpx.post(f"{self.site.url}/wp-json/wp/v2/posts/{remote_id}", json=fields,
                       auth=(self.site.user, self.site.app_password), timeout=30)  # fmt: skip
        r.raise_for_status()
