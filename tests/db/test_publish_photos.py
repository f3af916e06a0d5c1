"""The photos a push sends, built from a post's attached photos (no network here)."""

from __future__ import annotations

from editor.media.cache import RenditionCache
from editor.media.renditions import RenditionStats
from editor.model import PostContent
from editor.services import blogs, photos, posts
from editor.services.publish_photos import photos_for
from tests.helpers.photos import exiftool, read_tags, write_jpeg


def _post_with_photos(store, tmp_path):
    big = write_jpeg(tmp_path / "Quay at dusk.jpg", (2400, 1600))
    exiftool(big, "-IPTC:Credit=Ana Lima/Reuters", "-XMP-photoshop:Credit=Ana Lima/Reuters",
             "-XMP-dc:Description=The quay", "-XMP-photoshop:Headline=Quay",
             "-GPSLatitude=59.9", "-GPSLatitudeRef=N", "-GPSLongitude=10.7",
             "-GPSLongitudeRef=E", "-EXIF:BodySerialNumber=SN123")  # fmt: skip
    small = write_jpeg(tmp_path / "detail.png.jpg", (800, 600))
    with store.session() as s:
        post = posts.create_post(s, PostContent(headline="H", byline="Ada", body="B"),
                                 blog=blogs.default_blog(s))  # fmt: skip
        inline = photos.attach(s, post, small, credit="Ada", alt="A detail")
        lead = photos.attach(s, post, big, lead=True, alt="Lamps on the quay")
        return post.id, lead.uuid, lead.id, inline.uuid


def test_the_upload_is_the_1600px_jpeg_with_the_credit_and_without_gps(store, tmp_path):
    post_id, lead_uuid, lead_id, inline_uuid = _post_with_photos(store, tmp_path)
    cache = RenditionCache(tmp_path / "cache")
    lead, inline = photos_for(store, post_id, cache=cache)

    assert (lead.is_lead, inline.is_lead) == (True, False)  # the lead first
    assert (lead.ref, lead.aliases) == (f"photo:{lead_uuid}", (f"photo:{lead_id}",))
    assert inline.ref == f"photo:{inline_uuid}"
    assert (lead.width, lead.height) == (1600, 1067)
    assert (inline.width, inline.height) == (800, 600)  # a smaller original: its largest JPEG
    assert lead.filename == "Quay at dusk.jpg" and lead.mime == "image/jpeg"
    assert (lead.caption, lead.credit, lead.alt, lead.title) == (
        "The quay", "Ana Lima/Reuters", "Lamps on the quay", "Quay")  # fmt: skip
    assert lead.full_caption == "The quay (Photo: Ana Lima/Reuters)"
    assert inline.title == "detail.png"  # no headline: the file name without its extension
    assert lead.path is not None and lead.path.is_relative_to(cache.root)
    tags = read_tags(lead.path)
    assert tags["File:ImageWidth"] == 1600
    assert not [k for k in tags if k.startswith("GPS") or "Serial" in k]
    assert "Ana Lima/Reuters" in {str(v) for v in tags.values()}
    with store.session() as s:
        assert lead.sha256 == photos.get_photo(s, post_id, lead_id).sha256  # the original's


def test_a_second_call_does_no_image_work_and_the_dry_run_none_at_all(store, tmp_path):
    post_id, *_ = _post_with_photos(store, tmp_path)
    cache = RenditionCache(tmp_path / "cache")
    dry = photos_for(store, post_id, render=False, cache=cache)
    assert [p.path for p in dry] == [None, None]
    assert not cache.root.exists()
    assert (dry[0].width, dry[0].height) == (1600, 1067)  # the size it will have
    first = RenditionStats()
    photos_for(store, post_id, cache=cache, stats=first)
    assert first.encoded > 0
    again = RenditionStats()
    photos_for(store, post_id, cache=cache, stats=again)
    assert (again.decoded, again.encoded) == (0, 0)
