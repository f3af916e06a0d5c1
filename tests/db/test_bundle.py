"""Export bundles of stored posts, and importing them back exactly."""

from __future__ import annotations

import json
import zipfile
from datetime import UTC, datetime

import pytest

from editor.cli.main import main
from editor.errors import BylineError, InputError
from editor.formats.bundle import sha256
from editor.model import PostContent, PostStatus
from editor.render import bundle as bundle_module
from editor.services import blogs, posts
from editor.services.bundles import export_post, import_bundle
from editor.store.database import open_store
from tests.helpers.render_samples import RICH_BODY

CONTENT = PostContent(
    headline="In the high Andes, a radio station runs on sunlight",
    deck="When the grid failed, its volunteers built their own.",
    byline="Lucía Ferreira",
    byline_role="Correspondent",
    published_at=datetime(2026, 11, 20, 12, 30, tzinfo=UTC),
    published_tz="America/La_Paz",
    slug="radio-sunlight",
    slug_auto=False,
    tags=["radio", "energy"],
    categories=["Dispatches"],
    body=RICH_BODY,
    editor_note="Check the figures with the cooperative.",
)


def _stored(store):
    with store.session() as s:
        blog = blogs.get_or_create_blog(
            s, "Latin America Blog", site_url="https://example.org/la/",
            comments_url_pattern="{post_url}#comments", language="es",
        )  # fmt: skip
        post = posts.create_post(s, CONTENT, blog=blog, status=PostStatus.APPROVED)
        return post.id, post.uuid


def _export(store, post_id, target):
    with store.session() as s:
        return export_post(s, posts.get_post(s, post_id), target)


@pytest.mark.parametrize("name", ["bundle", "bundle.zip"])
def test_export_then_import_restores_the_post_exactly(store, tmp_path, name):
    post_id, uuid = _stored(store)
    result = _export(store, post_id, tmp_path / name)
    assert {"index.html", "post.md", "post.json", "assets/style.css"} <= set(result.files)
    with store.session() as s:  # the original makes way (id and slug): the bundle restores it
        original = posts.get_post(s, post_id)
        original.uuid, original.slug = "moved-away", "moved-away"
    with store.session() as s:
        restored = import_bundle(s, tmp_path / name)
        assert restored.content() == CONTENT
        assert restored.uuid == uuid
        assert restored.status == PostStatus.APPROVED.value
        assert restored.blog.name == "Latin America Blog"


def test_import_creates_the_blog_with_its_settings(store, tmp_path):
    post_id, _ = _stored(store)
    _export(store, post_id, tmp_path / "b.zip")
    fresh = open_store(tmp_path / "fresh.sqlite3")
    try:
        with fresh.session() as s:
            post = import_bundle(s, tmp_path / "b.zip")
            assert post.blog.site_url == "https://example.org/la/"
            assert post.blog.comments_url_pattern == "{post_url}#comments"
            assert post.blog.language == "es"
    finally:
        fresh.close()


def test_manifest_lists_every_file_with_its_hash(store, tmp_path):
    post_id, uuid = _stored(store)
    _export(store, post_id, tmp_path / "out")
    manifest = json.loads((tmp_path / "out" / "post.json").read_text(encoding="utf-8"))
    assert manifest["format"] == "byline-bundle" and manifest["schema_version"] == 1
    assert manifest["byline_version"] and manifest["photos"] == [] and manifest["sidebar"] == []
    assert manifest["post"]["uuid"] == uuid and manifest["post"]["slug_auto"] is False
    assert manifest["blog"]["name"] == "Latin America Blog"
    for entry in manifest["files"]:
        data = (tmp_path / "out" / entry["path"]).read_bytes()
        assert sha256(data) == entry["sha256"] and len(data) == entry["size"]
    listed = {e["path"] for e in manifest["files"]}
    on_disk = {p.relative_to(tmp_path / "out").as_posix()
               for p in (tmp_path / "out").rglob("*") if p.is_file()}  # fmt: skip
    assert on_disk == listed | {"post.json"}
    assert (tmp_path / "out" / "images").is_dir()


def test_index_html_uses_relative_links_only(store, tmp_path):
    post_id, _ = _stored(store)
    _export(store, post_id, tmp_path / "out")
    html = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert 'href="assets/style.css"' in html
    assert "file:" not in html and str(tmp_path) not in html


def test_failed_export_leaves_the_earlier_one_intact(store, tmp_path, monkeypatch):
    post_id, _ = _stored(store)
    for name in ("out", "out.zip"):
        _export(store, post_id, tmp_path / name)
    before = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}

    def disk_full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(bundle_module.zipfile.ZipFile, "writestr", disk_full)
    with pytest.raises(BylineError, match=r"No space left on device.*earlier export"):
        _export(store, post_id, tmp_path / "out.zip")
    monkeypatch.setattr(bundle_module, "_write_file", disk_full)
    with pytest.raises(BylineError, match=r"No space left on device.*earlier export"):
        _export(store, post_id, tmp_path / "out")
    monkeypatch.undo()
    after = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    assert after == before  # no temporary files left behind either


def test_export_never_replaces_a_folder_that_is_not_an_export(store, tmp_path):
    post_id, _ = _stored(store)
    precious = tmp_path / "documents"
    precious.mkdir()
    (precious / "thesis.odt").write_text("years of work", encoding="utf-8")
    with pytest.raises(InputError, match="not an earlier Byline export"):
        _export(store, post_id, precious)
    assert (precious / "thesis.odt").read_text(encoding="utf-8") == "years of work"


def test_cli_render_export_and_import(tmp_path, capsys):
    db = str(tmp_path / "cli.sqlite3")
    source = tmp_path / "post.md"
    source.write_text(
        "---\nblog: Desk\nheadline: Hello\n---\nBody <script>x()</script> text.\n",
        encoding="utf-8",
    )
    assert main(["--db", db, "import", str(source)]) == 0
    capsys.readouterr()
    assert main(["--db", db, "render", "1", "--report", "-o", str(tmp_path / "p.html")]) == 0
    out = capsys.readouterr().out
    assert "removed script element: scripts never run in the page" in out
    assert "<h1" in (tmp_path / "p.html").read_text(encoding="utf-8")
    assert main(["--db", db, "export", "1", "-o", str(tmp_path / "b.zip")]) == 0
    assert "exported post 1" in capsys.readouterr().out
    with zipfile.ZipFile(tmp_path / "b.zip") as archive:
        assert "index.html" in archive.namelist()
    assert main(["--db", db, "import", str(tmp_path / "b.zip"), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == [2]
    assert main(["--db", db, "export", "1", "-o", str(tmp_path / "b.zip"),
                 "--theme", "nosuch"]) == 2  # fmt: skip
    assert "theme 'nosuch' not found" in capsys.readouterr().err


def test_page_data_for_a_stored_post(store):
    from editor.render.context import page_data_for

    post_id, uuid = _stored(store)
    with store.session() as s:
        data = page_data_for(posts.get_post(s, post_id))
    assert data.blog.name == "Latin America Blog" and data.blog.language == "es"
    assert data.headline == CONTENT.headline and data.role == "Correspondent"
    assert data.published_at == CONTENT.published_at and data.display_tz == "America/La_Paz"
    assert data.local_published().isoformat() == "2026-11-20T08:30:00-04:00"
    assert data.canonical_url == "https://example.org/la/radio-sunlight/"
    assert data.comments_url == "https://example.org/la/radio-sunlight/#comments"
    assert data.uuid == uuid and data.tags == ["radio", "energy"]
    assert data.lead_photo is None and data.sidebar == []
