"""Helpers for the publishing integration tests: a local store with a post, photos, targets,
and what the WordPress site really holds (read with the admin's application password)."""

from __future__ import annotations

import hashlib
import io
import random
from dataclasses import dataclass
from pathlib import Path

import httpx
from PIL import Image

from editor.model import PostContent
from editor.publish.base import PhotoUpload
from editor.publish.clients import open_client
from editor.publish.secrets import SecretStore
from editor.services import blogs, photos, posts, targets
from editor.store.database import Store
from tests.helpers.photos import exiftool
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


@dataclass(frozen=True)
class Attached:
    """A photo attached through the photos service, as the tests need to find it again."""

    id: int
    uuid: str
    sha256: str
    filename: str
    credit: str
    alt: str


PHOTO_BODY = """The lamps along the harbour wall were switched on last night.

![Lamps at dusk](photo:{inline})

Fishermen said the quay had been dark for ten years.
"""


def credited_jpeg(path: Path, color: tuple[int, int, int], *, credit: str, caption: str,
                  alt: str, size: tuple[int, int] = (480, 320)) -> Path:  # fmt: skip
    """A JPEG as a camera and a picture desk leave it: credit and caption in IPTC and XMP,
    alt text in XMP, and the GPS position a published copy must not carry. Its pixels are new
    on every call, so no test sees another's uploads on the shared site."""
    path.write_bytes(jpeg(color, random.getrandbits(40), size))
    exiftool(path, f"-IPTC:Credit={credit}", f"-XMP-photoshop:Credit={credit}",
             f"-IPTC:Caption-Abstract={caption}", f"-XMP-dc:Description={caption}",
             f"-XMP-iptcCore:AltTextAccessibility={alt}", "-GPSLatitude=59.9127",
             "-GPSLatitudeRef=N", "-GPSLongitude=10.7461", "-GPSLongitudeRef=E")  # fmt: skip
    return path


def post_with_photos(
    store: Store, folder: Path, headline: str = "Harbour lights return", *, inline: int = 1
) -> tuple[int, list[Attached]]:
    """A post with a lead photo and ``inline`` inline photos attached from credited JPEGs; the
    body shows the first inline photo by its uuid (and the others by their number)."""
    post_id = new_post(store, headline=headline, body="Draft.")
    folder.mkdir(parents=True, exist_ok=True)
    attached: list[Attached] = []
    with store.session() as s:
        post = posts.get_post(s, post_id)
        for n in range(inline + 1):
            name = "lead.jpg" if n == 0 else f"harbour-{n}.jpg"
            credit = "Grace Hopper/Harbour Agency"
            alt = f"Alt text of {name}"
            path = credited_jpeg(folder / name, (200 - 30 * n, 30 + 20 * n, 30 + 40 * n),
                                 credit=credit, caption=f"Caption of {name}", alt=alt)  # fmt: skip
            photo = photos.attach(s, post, path, lead=n == 0)
            assert (photo.credit, photo.alt) == (credit, alt)  # read from the file
            attached.append(Attached(photo.id, photo.uuid, photo.sha256, name, credit, alt))
        content = post.content()
        content.body = PHOTO_BODY.format(inline=attached[1].uuid) + "".join(
            f"\n![]({'photo:'}{a.id})\n" for a in attached[2:]
        )
        posts.save_post(s, post_id, content, expected_version=post.version)
    return post_id, attached


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
