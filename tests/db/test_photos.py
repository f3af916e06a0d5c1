"""Photos in a real database (SQLite and PostgreSQL): attach, dedupe, user wins, lead, remove."""

from __future__ import annotations

import pytest
from PIL import Image
from sqlalchemy import func, select

from editor.errors import InputError
from editor.formats.markdown_file import LeadPhotoRef
from editor.model import Photo, PhotoBlob, PostContent
from editor.services import blogs, photos, posts
from tests.helpers.photos import exiftool, jpeg_bytes, write_jpeg


def _post(store, headline="Photos"):
    with store.session() as s:
        blog = blogs.get_or_create_blog(s, "Desk")
        return posts.create_post(s, PostContent(headline=headline), blog=blog)


def _counts(store):
    with store.session() as s:
        return (
            s.scalar(select(func.count()).select_from(Photo)),
            s.scalar(select(func.count()).select_from(PhotoBlob)),
        )


def test_attach_reads_credits_and_keeps_original(store, tmp_path):
    path = write_jpeg(tmp_path / "market.jpg")
    exiftool(path, "-codedcharacterset=utf8", "-IPTC:By-line=José Ñúñez",
             "-IPTC:Source=Agência Sul", "-IPTC:Caption-Abstract=Feira em Belém")  # fmt: skip
    post = _post(store)
    with store.session() as s:
        photo = photos.attach(s, s.get(type(post), post.id), path, lead=True)
        photo_id = photo.id
    with store.session() as s:
        photo = photos.get_photo(s, post.id, photo_id)
        assert photo.credit == "José Ñúñez/Agência Sul"
        assert photo.caption == "Feira em Belém"
        assert photo.is_lead
        assert (photo.width, photo.height, photo.mime) == (600, 400, "image/jpeg")
        assert photos.original_bytes(s, photo) == path.read_bytes()
        assert photo.missing == ["alt"]
        assert set(photo.file_fields) >= {"credit", "caption", "byline", "source"}


def test_user_text_wins_over_file_even_after_reread(store, tmp_path):
    path = write_jpeg(tmp_path / "a.jpg")
    exiftool(path, "-XMP-photoshop:Credit=File Credit", "-XMP-dc:Description=File caption")
    post = _post(store)
    with store.session() as s:
        photo = photos.attach(s, s.get(type(post), post.id), path, credit="Mine/Desk", alt="")
        photos.update_photo(s, photo, caption="My caption")
        photos.reread_metadata(s, photo)
        assert photo.credit == "Mine/Desk"
        assert photo.caption == "My caption"
        assert photo.alt == ""
        assert sorted(photo.user_fields) == ["alt", "caption", "credit"]


def test_same_file_is_stored_once(store, tmp_path):
    data = jpeg_bytes()
    a, b = _post(store, "A"), _post(store, "B")
    with store.session() as s:
        photos.attach(s, s.get(type(a), a.id), data, filename="x.jpg")
        photos.attach(s, s.get(type(b), b.id), data, filename="y.jpg")
    assert _counts(store) == (2, 1)
    with pytest.raises(InputError, match="already attached"), store.session() as s:
        photos.attach(s, s.get(type(a), a.id), data, filename="x.jpg")
    assert _counts(store) == (2, 1)


def test_one_lead_per_post(store):
    post = _post(store)
    with store.session() as s:
        p = s.get(type(post), post.id)
        first = photos.attach(s, p, jpeg_bytes((300, 200)), filename="1.jpg", lead=True)
        second = photos.attach(s, p, jpeg_bytes((200, 300)), filename="2.jpg", lead=True)
        ids = (first.id, second.id)
    with store.session() as s:
        listed = photos.list_photos(s, post.id)
        assert [(x.id, x.role) for x in listed] == [(ids[1], "lead"), (ids[0], "inline")]
        photos.set_lead(s, listed[1])
    with store.session() as s:
        assert photos.lead_photo(s, post.id).id == ids[0]


def test_remove_deletes_unused_original_only(store):
    data = jpeg_bytes()
    a, b = _post(store, "A"), _post(store, "B")
    with store.session() as s:
        pa = photos.attach(s, s.get(type(a), a.id), data, filename="x.jpg")
        pb = photos.attach(s, s.get(type(b), b.id), data, filename="x.jpg")
        ids = pa.id, pb.id
    with store.session() as s:
        photos.remove_photo(s, photos.get_photo(s, a.id, ids[0]))
    assert _counts(store) == (1, 1)
    with store.session() as s:
        photos.remove_photo(s, photos.get_photo(s, b.id, ids[1]))
    assert _counts(store) == (0, 0)


def test_bad_file_leaves_post_unchanged(store, tmp_path):
    post = _post(store)
    with store.session() as s:
        photos.attach(s, s.get(type(post), post.id), jpeg_bytes(), filename="ok.jpg", lead=True)
    bad = tmp_path / "notes.jpg"
    bad.write_text("not a photo at all")
    with pytest.raises(InputError, match=r"notes\.jpg"), store.session() as s:
        photos.attach(s, s.get(type(post), post.id), bad, lead=True)
    assert _counts(store) == (1, 1)
    with store.session() as s:
        assert photos.lead_photo(s, post.id).filename == "ok.jpg"


def test_deleting_post_cascades_to_photos(store):
    post = _post(store)
    with store.session() as s:
        photos.attach(s, s.get(type(post), post.id), jpeg_bytes(), filename="ok.jpg")
    with store.session() as s:
        s.delete(s.get(type(post), post.id))
    assert _counts(store)[0] == 0


def test_lead_photo_from_front_matter(store, tmp_path):
    path = write_jpeg(tmp_path / "lead.jpg")
    exiftool(path, "-IPTC:Credit=File/Agency")
    post = _post(store)
    ref = LeadPhotoRef(file=path, caption="From front matter", alt="A market at dawn")
    with store.session() as s:
        photo = photos.attach_lead_from_front_matter(s, s.get(type(post), post.id), ref)
        assert photo.is_lead
        assert (photo.caption, photo.credit, photo.alt) == (
            "From front matter", "File/Agency", "A market at dawn",
        )  # fmt: skip


def test_export_writes_renditions_and_bundle_round_trips(store, tmp_path):
    from editor.media.cache import RenditionCache
    from editor.media.export import write_post_renditions
    from editor.media.renditions import RenditionStats

    path = write_jpeg(tmp_path / "big.jpg", size=(2000, 1000))
    exiftool(path, "-IPTC:By-line=Ana", "-IPTC:Source=AP", "-GPS:GPSLatitude=51.5",
             "-GPS:GPSLatitudeRef=N")  # fmt: skip
    post, other = _post(store, "Out"), _post(store, "Back")
    cache = RenditionCache(tmp_path / "cache")
    with store.session() as s:
        p = s.get(type(post), post.id)
        photos.attach(s, p, path, lead=True, alt="A wide street", caption="Rain")
        entries = write_post_renditions(s, photos.list_photos(s, post.id), tmp_path / "bundle",
                                        cache=cache)  # fmt: skip
    (entry,) = entries
    view = entry["view"]
    assert view["src"] == f"images/{entry['uuid']}-1024.jpg"
    assert view["srcset"].count("w,") == 3 and view["srcset"].endswith("1600w")
    assert (view["width"], view["height"]) == (1024, 512)
    assert (view["alt"], view["caption"], view["credit"]) == ("A wide street", "Rain", "Ana/AP")
    names = sorted(f["file"] for f in entry["renditions"])
    assert len(names) == 8
    with Image.open(tmp_path / "bundle" / names[0]) as im:
        assert im.getexif().get_ifd(0x8825) == {}

    stats = RenditionStats()
    with store.session() as s:
        write_post_renditions(s, photos.list_photos(s, post.id), tmp_path / "again",
                              cache=cache, stats=stats)  # fmt: skip
    assert (stats.decoded, stats.cached) == (0, 8)

    with store.session() as s:
        read = lambda name: (tmp_path / "bundle" / name).read_bytes()  # noqa: E731
        (back,) = photos.attach_from_bundle(s, s.get(type(other), other.id), read, entries)
        assert back.is_lead
        assert (back.alt, back.caption, back.credit) == ("A wide street", "Rain", "Ana/AP")
        assert (back.width, back.height) == (1600, 800)
