"""Exporting a stored post with its photos (what File > Export runs on its worker)."""

from __future__ import annotations

import json
import threading

import pytest

from editor.media.renditions import Cancelled
from editor.model import PostContent
from editor.services import blogs, photos, posts
from editor.services.bundle_export import export_post_with_photos
from editor.services.bundles import import_bundle
from tests.helpers.photos import jpeg_bytes


def _post_with_photo(store, tmp_path) -> tuple[int, str]:
    picture = tmp_path / "square.jpg"
    picture.write_bytes(jpeg_bytes((700, 500)))
    with store.session() as s:
        blog = blogs.get_or_create_blog(s, "Latin America Blog")
        post = posts.create_post(s, PostContent(headline="Square", body="Text."), blog=blog)
        photo = photos.attach(s, post, picture, lead=True, caption="The square",
                              credit="Ana/Sur", alt="A square at noon")  # fmt: skip
        return post.id, photo.uuid


def test_export_holds_the_renditions_the_page_links_and_imports_back(store, tmp_path):
    post_id, photo_uuid = _post_with_photo(store, tmp_path)
    seen: list[tuple[int, int]] = []
    result = export_post_with_photos(
        store, post_id, tmp_path / "out", progress=lambda d, t: seen.append((d, t))
    )
    out = result.target
    names = sorted(p.name for p in (out / "images").iterdir())
    assert names == sorted(
        f"{photo_uuid}-{w}.{ext}" for w in (320, 640, 700) for ext in ("jpg", "webp")
    )
    page = (out / "index.html").read_text(encoding="utf-8")
    assert f'src="images/{photo_uuid}-700.jpg"' in page  # the largest up to 1024 px
    manifest = json.loads((out / "post.json").read_text(encoding="utf-8"))
    assert manifest["photos"][0]["credit"] == "Ana/Sur"
    assert seen[-1] == (1, 1)
    with store.session() as s:
        s.delete(posts.get_post(s, post_id))
    with store.session() as s:
        back = import_bundle(s, out)
        assert back.headline == "Square"


def test_a_cancelled_export_writes_nothing(store, tmp_path):
    post_id, _ = _post_with_photo(store, tmp_path)
    cancel = threading.Event()
    cancel.set()
    target = tmp_path / "out.zip"
    with pytest.raises(Cancelled):
        export_post_with_photos(store, post_id, target, cancel=cancel)
    assert not target.exists()
    assert list(tmp_path.glob(".out*")) == []  # no temporary file beside it either
