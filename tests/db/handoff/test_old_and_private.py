"""A package from an older Byline (version 1, written here by hand) opens; a package's photos
carry no GPS, serial numbers or owner names; migration 0010 gives existing rows their ids."""

from __future__ import annotations

import json
import zipfile
from io import BytesIO

import pytest
from PIL import Image
from sqlalchemy import create_engine, text

from editor.formats.bundle import sha256
from editor.formats.review_entries import state_of
from editor.formats.review_package import state_hash
from editor.services import comments, posts
from tests.db.handoff.conftest import BODY, new_post

POST_UUID = "0b6f7c1e-3c8e-4d7a-9d55-4f1c2a9e8b10"


def _v1_package(path, body: str = BODY) -> None:
    """The layout version 1 had: no status log, no revision list, no ids on comments."""
    post = {"uuid": POST_UUID, "blog": "Field Notes", "status": "submitted",
            "headline": "Salt flats at noon", "deck": "", "byline": "Lucía Ferreira",
            "byline_role": "Guest blogger", "published_at": None, "published_tz": "",
            "published_date_only": False, "slug": "salt-flats", "slug_auto": True, "tags": [],
            "categories": [], "body": body, "editor_note": "", "language": ""}  # fmt: skip
    post_json = {"post": post, "blog": {"name": "Field Notes"}, "photos": []}
    files = {
        "post.json": json.dumps(post_json).encode(),
        "review.json": json.dumps(
            {
                "comments": [
                    {
                        "id": 1,
                        "field": "body",
                        "quote": "buses",
                        "text": "Which buses?",
                        "author": {"name": "Lucía Ferreira", "email": "lucia@example.org"},
                        "created_at": "2026-11-30T10:00:00+00:00",
                    },
                    {
                        "id": 2,
                        "parent_id": 1,
                        "field": "body",
                        "text": "The 5 a.m. ones.",
                        "author": {"name": "Lucía Ferreira"},
                        "created_at": "2026-11-30T10:05:00+00:00",
                    },
                ],
                "suggestions": [],
            }
        ).encode(),
    }
    head = {"revision": "5b0d8a39-0e0f-4a51-8f7e-1f7a8e9c0d21",
            "hash": state_hash(state_of(post, []))}  # fmt: skip
    manifest = {
        "format": "byline-review",
        "version": 1,
        "head": head,
        "base": None,
        "sender": {"name": "Lucía Ferreira"},
        "files": [{"path": n, "sha256": sha256(d)} for n, d in files.items()],
    }
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("manifest.json", json.dumps(manifest))
        for name, data in files.items():
            z.writestr(name, data)


def test_a_version_1_package_opens_and_opening_it_twice_adds_nothing(desks, tmp_path):
    _writer, editor = desks
    old = tmp_path / "old.bylinereview"
    _v1_package(old)
    result = editor.open(old)
    assert result.outcome == "created"
    again = editor.open(old)
    assert again.outcome == "unchanged" and not any(again.added.values())
    with editor.store.session() as s:
        post = posts.get_post(s, POST_UUID)
        assert (post.headline, post.status) == ("Salt flats at noon", "submitted")
        [view] = comments.list_comments(s, post.id)
        assert view.text == "Which buses?" and [r.text for r in view.replies] == [
            "The 5 a.m. ones."]  # fmt: skip
    # and it goes on: the editor sends a version 2 package back
    assert editor.send(POST_UUID, "back.bylinereview").is_file()


def _private_jpeg() -> bytes:
    exif = Image.Exif()
    exif[0x013B] = "Lucia Ferreira"  # Artist: kept
    exif.get_ifd(0x8825).update({1: "S", 2: (19.0, 35.0, 0.0)})  # GPS latitude
    exif.get_ifd(0x8769).update({0xA430: "Jane Owner", 0xA431: "SN-123456", 0xA435: "LENS-9"})
    buffer = BytesIO()
    Image.new("RGB", (64, 48), (200, 40, 40)).save(buffer, "JPEG", exif=exif.tobytes())
    return buffer.getvalue()


def test_photos_travel_without_gps_serial_numbers_or_owner_names(desks):
    from editor.services.photos import attach, list_photos

    writer, editor = desks
    uuid = new_post(writer)
    with writer.store.session() as s:
        attach(s, posts.get_post(s, uuid), _private_jpeg(), filename="salar.jpg",
               caption="Salt at noon.", credit="Lucía Ferreira")  # fmt: skip
    path = writer.send(uuid, "photo.bylinereview")
    with zipfile.ZipFile(path) as z:
        [member] = [n for n in z.namelist() if n.startswith("photos/")]
        data = z.read(member)
    with Image.open(BytesIO(data)) as im:
        exif = im.getexif()
        assert exif.get(0x013B) == "Lucia Ferreira"
        assert not exif.get_ifd(0x8825)
        assert not {0xA430, 0xA431, 0xA435} & set(exif.get_ifd(0x8769))
        im.load()
    assert b"SN-123456" not in data and b"Jane Owner" not in data
    editor.open(path)
    with editor.store.session() as s:
        [photo] = list_photos(s, posts.get_post(s, uuid).id)
        assert (photo.caption, photo.credit) == ("Salt at noon.", "Lucía Ferreira")


@pytest.mark.parametrize(
    "backend", ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
)
def test_migration_0010_gives_existing_rows_ids(tmp_path, backend):
    if backend == "sqlite":
        _upgrade_from_0009(f"sqlite:///{tmp_path / 'old.sqlite3'}")
        return
    from tests.helpers.databases import fresh_postgres_database, postgres_available
    from tests.helpers.services import require_service

    ok, reason = postgres_available()
    require_service(ok, reason)
    with fresh_postgres_database() as url:
        _upgrade_from_0009(url)


def _upgrade_from_0009(url: str) -> None:
    from editor.store.database import open_store
    from editor.store.migrations import upgrade

    engine = create_engine(url)
    with engine.connect() as conn:
        upgrade(conn, "0009")
        conn.execute(text("INSERT INTO blogs (name, created_at) VALUES ('B', CURRENT_TIMESTAMP)"))
        conn.execute(text(
            "INSERT INTO posts (uuid, blog_id, slug, tags, categories, created_at, updated_at, "
            "version) VALUES ('9d1c', 1, 's', '[]', '[]', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 1)"
        ))  # fmt: skip
        for k in range(3):
            conn.execute(text("INSERT INTO comments (post_id, text, created_at) "
                              f"VALUES (1, 'c{k}', CURRENT_TIMESTAMP)"))  # fmt: skip
        conn.commit()
    engine.dispose()
    store = open_store(url)
    with store.session() as s:
        ids = [r[0] for r in s.execute(text("SELECT uuid FROM comments"))]
        assert len(set(ids)) == 3 and all(len(i) == 36 for i in ids)
        from editor.services.handoff import database_id

        assert len(database_id(s)) == 36
    store.close()
