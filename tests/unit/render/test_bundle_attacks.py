"""A bundle is untrusted input: every way out of it, and every malformed part, is refused."""

from __future__ import annotations

import json
import os
import stat
import zipfile

import pytest

from editor.errors import InputError
from editor.formats import bundle as bundle_format
from editor.render.bundle import build_bundle, write_bundle
from editor.render.themes import require_theme
from editor.services.bundles import import_bundle
from tests.helpers.render_samples import rich_page

POST = {"uuid": "6f0c3a52-8a3e-4f55-9a57-3b1f3c2d9e10", "status": "draft", "headline": "Hi",
        "body": "Text.", "tags": ["a"], "categories": [], "slug": "hi", "slug_auto": True,
        "published_at": None}  # fmt: skip
BLOG = {"name": "Desk", "site_url": "", "language": "en"}


@pytest.fixture
def files():
    built, _ = build_bundle(
        rich_page(), theme=require_theme("newsroom"), post_json=dict(POST),
        blog_json=dict(BLOG), markdown="---\nheadline: Hi\n---\nText.\n",
    )  # fmt: skip
    return built


def _import(store, path):
    with store.session() as s:
        return import_bundle(s, path).headline


def _zip(path, files, extra=()):
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in files.items():
            archive.writestr(name, data)
        for info, data in extra:
            archive.writestr(info, data)
    return path


def _manifest(base, /, **changes):
    manifest = json.loads(base["post.json"])
    manifest.update(changes)
    return {**base, "post.json": json.dumps(manifest).encode()}


def test_a_good_bundle_imports(store, tmp_path, files):
    assert _import(store, _zip(tmp_path / "ok.zip", files)) == "Hi"


@pytest.mark.parametrize(
    ("name", "message"),
    [("../evil.txt", "points outside the bundle"), ("/etc/cron.d/evil", "absolute path"),
     ("assets/../../evil", "points outside the bundle"), ("C:/evil", "absolute path"),
     ("a\\..\\evil", "unsafe name")],
)  # fmt: skip
def test_members_escaping_the_bundle_are_refused(store, tmp_path, files, name, message):
    path = _zip(tmp_path / "bad.zip", files, extra=[(zipfile.ZipInfo(name), b"x")])
    with pytest.raises(InputError, match=message):
        _import(store, path)
    assert not (tmp_path.parent / "evil.txt").exists()


def test_symlink_members_are_refused(store, tmp_path, files):
    link = zipfile.ZipInfo("images/passwd")
    link.external_attr = (stat.S_IFLNK | 0o777) << 16
    path = _zip(tmp_path / "link.zip", files, extra=[(link, b"/etc/passwd")])
    with pytest.raises(InputError, match="is a link"):
        _import(store, path)


def test_symlinks_in_a_folder_bundle_are_refused(store, tmp_path, files):
    write_bundle(tmp_path / "folder", files)
    os.symlink("/etc/passwd", tmp_path / "folder" / "images" / "passwd")
    with pytest.raises(InputError, match="images/passwd is a link"):
        _import(store, tmp_path / "folder")


def test_oversized_members_are_refused(store, tmp_path, files, monkeypatch):
    monkeypatch.setattr(bundle_format, "MAX_MEMBER_BYTES", 100_000)
    path = _zip(tmp_path / "big.zip", {**files, "images/huge.jpg": b"\0" * 100_001})
    with pytest.raises(InputError, match=r"images/huge.jpg is too large"):
        _import(store, path)


def test_too_many_members_are_refused(store, tmp_path, files, monkeypatch):
    monkeypatch.setattr(bundle_format, "MAX_MEMBERS", 3)
    with pytest.raises(InputError, match="more than 3 files"):
        _import(store, _zip(tmp_path / "many.zip", files))


@pytest.mark.parametrize(
    ("manifest", "message"),
    [
        (b"{not json", "post.json is not valid JSON"),
        (b"[]", "not a Byline bundle manifest"),
        (json.dumps({"format": "other"}).encode(), "not a Byline bundle manifest"),
    ],
)
def test_malformed_manifests_are_refused(store, tmp_path, files, manifest, message):
    path = _zip(tmp_path / "m.zip", {**files, "post.json": manifest})
    with pytest.raises(InputError, match=message):
        _import(store, path)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"schema_version": 99}, "newer Byline"),
        ({"schema_version": "1"}, "schema_version must be"),
        ({"files": "all"}, "'files' is missing or malformed"),
        ({"post": None}, "'post' is missing or malformed"),
        ({"files": [{"path": "../x", "sha256": "0"}]}, "points outside"),
        ({"files": [{"path": "post.md"}]}, r"files\[0\] needs"),
    ],
)
def test_manifest_fields_are_checked(store, tmp_path, files, changes, message):
    with pytest.raises(InputError, match=message):
        _import(store, _zip(tmp_path / "f.zip", _manifest(files, **changes)))


def test_post_fields_are_checked(store, tmp_path, files):
    manifest = json.loads(files["post.json"])
    manifest["post"]["tags"] = "not a list"
    path = _zip(tmp_path / "t.zip", {**files, "post.json": json.dumps(manifest).encode()})
    with pytest.raises(InputError, match="'tags' must be a list"):
        _import(store, path)


def test_files_changed_after_export_are_refused(store, tmp_path, files):
    path = _zip(tmp_path / "h.zip", {**files, "post.md": b"---\nheadline: Evil\n---\n"})
    with pytest.raises(InputError, match=r"post.md does not match its SHA-256"):
        _import(store, path)


def test_not_a_zip(store, tmp_path):
    path = tmp_path / "fake.zip"
    path.write_bytes(b"PK but not really")
    with pytest.raises(InputError, match="not a readable zip file"):
        _import(store, path)


def test_a_folder_without_manifest_is_not_a_bundle(store, tmp_path):
    (tmp_path / "empty").mkdir()
    with pytest.raises(InputError, match=r"no post.json"):
        _import(store, tmp_path / "empty")


def test_nothing_is_stored_when_a_bundle_is_refused(store, tmp_path, files):
    with pytest.raises(InputError):
        _import(store, _zip(tmp_path / "m.zip", {**files, "post.json": b"{"}))
    from editor.services.posts import list_posts

    with store.session() as s:
        assert list_posts(s) == []
