"""``byline render`` reads its post without the ORM when the database is a current SQLite file
(:mod:`editor.store.sqlite_read`): the same page, byte for byte, as the full way through the
store, for every kind of post; and every other case still goes the full way."""

from __future__ import annotations

import sqlite3
from dataclasses import fields
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bench.bench_render import article
from editor.cli import render as render_cli
from editor.cli.main import main
from editor.model import Base, PostContent
from editor.services import blogs, photos, posts, sidebar, trash
from editor.services.pages import page_for_post, read_page
from editor.store import database, sqlite_read
from editor.store.database import open_store
from tests.helpers.photos import jpeg_bytes

FOOTNOTES = 'Radio "Pachamama" -- on air since \'78.[^1] It\'s loud...\n\n[^1]: Says the "mayor".\n'
SUGGESTED = "The {--old--}{++new++} transmitter is {~~big~>huge~~}.{>>check<<}\n"


@pytest.fixture
def db(tmp_path) -> tuple[Path, dict[str, int]]:
    """A database with one post of each kind a page shows differently; their ids by kind."""
    path = tmp_path / "read.sqlite3"
    store = open_store(path)
    ids: dict[str, int] = {}
    with store.session() as s:
        blog = blogs.get_or_create_blog(s, "Andes Radio")
        blog.site_url = "https://radio.example/"
        blog.description = 'The "altiplano" -- in print...'
        blog.comments_url_pattern = "{post_url}#comments"
        blog.tag_url_pattern = "{blog_url}/tag/{tag}/"
        blog.category_base = "temas"  # not WordPress's default: both ways must read it
        blog.language = "es"

        def make(kind: str, **content: object) -> None:
            post = posts.create_post(s, PostContent(**content), blog=blog)  # type: ignore[arg-type]
            ids[kind] = post.id

        make("long", headline="A long read", byline="A. Writer", body=article(3000))
        make("footnotes", headline="It's 'quoted' -- twice", deck='A "deck"...', body=FOOTNOTES,
             tags=["radio", "Perú"], categories=["Culture", "Bolivia"], byline_role="Stringer",
             published_at=datetime(2026, 3, 4, 5, 6, 7, 891011, tzinfo=UTC),
             published_tz="America/La_Paz", language="qu")  # fmt: skip
        make("date_only", headline="Old", body="From 2011.", published_tz="America/Lima",
             published_at=datetime(2011, 5, 3, 5, tzinfo=UTC), published_date_only=True)  # fmt: skip
        make("suggested", headline="A {++new++} radio", deck="{--Old--} deck", body=SUGGESTED)
        make("boxes", headline="Boxes", body='Intro.\n\n::: factbox "Facts"\n- one\n- two\n'
             ":::\n\nAfter <b>bold</b> <script>x()</script> [bad](javascript:x).\n")  # fmt: skip
        photographed = posts.create_post(s, PostContent(headline="Pictured", body="x"), blog=blog)
        lead = photos.attach(s, photographed, jpeg_bytes((1200, 800)), filename="lead.jpg",
                             lead=True, caption='The "market"', credit="Ana", alt="Stalls")  # fmt: skip
        inline = photos.attach(s, photographed, jpeg_bytes((900, 600)), filename="in.jpg",
                               caption="Scales", alt="A scale")  # fmt: skip
        photographed.body = f"Intro.\n\n![A scale](photo:{inline.uuid})\n\nBye.\n"
        ids["photos"] = photographed.id
        assert lead.id
        make("trashed", headline="Binned", body="Gone?")
        s.flush()
        sidebar.add_link(s, blog, title="Older <post>", url="/older")
        sidebar.add_link(s, blog, title="Itself", url="https://radio.example/a-long-read")
        sidebar.add_link(s, blog, title="Dated", url="https://radio.example/d",
                         date=datetime(2026, 1, 2).date(), label="Live")  # fmt: skip
    with store.session() as s:
        posts.get_post(s, ids["long"]).revised_at = datetime(2026, 5, 6, 7, 8, tzinfo=UTC)
        trash.trash_post(s, ids["trashed"])
    store.close()
    return path, ids


def _render(path: Path, *args: str, full: bool, monkeypatch, capsys) -> tuple[int, str, str]:
    with monkeypatch.context() as m:
        if full:
            m.setattr(render_cli, "read_page", lambda *a, **k: None)
        else:  # the ORM-free way must not open the store at all
            m.setattr(database, "open_store", _no_store)
        code = main(["--db", str(path), "render", *args])
    out, err = capsys.readouterr()
    return code, out, err


def _no_store(*_args: object, **_kwargs: object) -> None:
    raise AssertionError("the store was opened")


KINDS = ["long", "footnotes", "date_only", "suggested", "boxes", "trashed"]


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("options", [[], ["--suggestions"], ["--theme", "newsroom", "--report"]])
def test_the_page_is_the_one_the_store_gives(db, kind, options, monkeypatch, capsys):
    path, ids = db
    quick = _render(path, str(ids[kind]), *options, full=False, monkeypatch=monkeypatch,
                    capsys=capsys)  # fmt: skip
    full = _render(path, str(ids[kind]), *options, full=True, monkeypatch=monkeypatch,
                   capsys=capsys)  # fmt: skip
    assert quick[0] == 0, quick[2]
    assert quick == full


@pytest.mark.parametrize("kind", [*KINDS, "photos"])
def test_the_file_is_the_one_the_store_writes(db, kind, tmp_path, monkeypatch, capsys):
    """With -o a post with photos takes the full way (its renditions are written): the same
    file either way."""
    path, ids = db
    files = []
    for full in (False, True):
        out = tmp_path / ("full" if full else "quick") / "page.html"
        out.parent.mkdir()
        with monkeypatch.context() as m:
            if full:
                m.setattr(render_cli, "read_page", lambda *a, **k: None)
            code = main(["--db", str(path), "render", str(ids[kind]), "-o", str(out)])
        assert code == 0, capsys.readouterr().err
        files.append((out.read_bytes(), sorted(p.name for p in out.parent.rglob("*"))))
    assert files[0] == files[1]
    assert ("images" in files[0][1]) == (kind == "photos")


def test_page_data_is_equal_field_by_field(db):
    path, ids = db
    store = open_store(path)
    try:
        for kind, post_id in ids.items():
            with store.reading() as s:
                through_store = page_for_post(s, posts.get_post(s, post_id)).data
            assert read_page(path, str(post_id)) == through_store, kind
    finally:
        store.close()


def test_a_uuid_prefix_names_the_same_post(db):
    path, ids = db
    # A fixed one: a random uuid starting with six digits made "uuid[:6]" an id (one run in
    # about ten), as it is for the store's own lookup.
    uuid = "c0ffee42-1d2e-4f3a-9b8c-7d6e5f4a3b2c"
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("UPDATE posts SET uuid = ? WHERE id = ?", (uuid, ids["long"]))
    conn.close()
    for ref in (uuid, uuid[:6], uuid[:8].upper(), f"  {uuid[:10]} "):
        data = read_page(path, ref)
        assert data is not None and data.headline == "A long read", ref
    assert read_page(path, uuid[:5]) is None  # too short: the store's lookup says so


def test_the_columns_are_the_models_columns():
    for row_type, table in ((sqlite_read.PostRow, "posts"), (sqlite_read.BlogRow, "blogs"),
                            (sqlite_read.LinkRow, "sidebar_links")):  # fmt: skip
        model_columns = set(Base.metadata.tables[table].columns.keys())
        assert set(sqlite_read.columns(row_type)) <= model_columns, table
    assert {f.name for f in fields(sqlite_read.PostRow)} >= {"blog", "body", "uuid"}


def test_every_other_case_goes_the_full_way(db, tmp_path, monkeypatch, capsys):
    path, ids = db
    assert read_page(path, "999") is None
    assert read_page(path, str(ids["photos"]), images_folder=tmp_path) is None
    assert read_page(path, str(ids["photos"])) is not None  # no -o: no renditions to write
    assert read_page(tmp_path / "missing.sqlite3", "1") is None
    assert read_page("postgresql://nobody@127.0.0.1:1/none", "1") is None
    (tmp_path / "text.sqlite3").write_text("not a database")
    assert read_page(tmp_path / "text.sqlite3", "1") is None

    older = tmp_path / "older.sqlite3"
    older.write_bytes(path.read_bytes())
    conn = sqlite3.connect(older)
    conn.execute("UPDATE alembic_version SET version_num = '0011'")
    conn.commit()
    conn.close()
    assert read_page(older, "1") is None  # the store upgrades it first

    with monkeypatch.context() as m:  # (chmod would not stop root, who runs CI here)
        m.setattr(sqlite_read.os, "access", lambda *_: False)
        assert read_page(path, "1") is None  # the store opens it read-only and says so

    code, out, err = main(["--db", str(path), "render", "999"]), *capsys.readouterr()
    assert (code, out, err) == (2, "", "byline render: No post with id '999'.\n")


def test_it_sees_what_another_process_just_saved(db):
    """A window keeps the database open in WAL mode: a save it has not checkpointed yet is
    read all the same."""
    path, ids = db
    writer = sqlite3.connect(path)
    try:
        writer.execute("PRAGMA journal_mode=WAL")
        writer.execute("UPDATE posts SET headline = 'Saved a moment ago' WHERE id = ?",
                       (ids["long"],))  # fmt: skip
        writer.commit()
        data = read_page(path, str(ids["long"]))
        assert data is not None and data.headline == "Saved a moment ago"
    finally:
        writer.close()
