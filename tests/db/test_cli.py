"""The ``byline`` command end to end on a real SQLite file: output, exit codes, round trips."""

from __future__ import annotations

import json

import pytest

from editor.cli.main import main
from editor.paths import resources_root

SAMPLE = resources_root() / "sample" / "welcome.md"


def test_import_prints_ids_and_list_shows_them(run):
    code, out, _ = run("import", str(SAMPLE))
    assert code == 0 and out.strip() == "1"
    code, out, _ = run("list", "--json")
    rows = json.loads(out)
    assert rows[0]["headline"].startswith("In the high Andes")
    assert rows[0]["blog"] == "Latin America Blog"


def test_export_md_then_import_reproduces_the_post(run, tmp_path, capsys):
    run("import", str(SAMPLE))
    run("status", "1", "submitted")
    run("status", "1", "in_review")
    exported = tmp_path / "out.md"
    assert run("export-md", "1", "-o", str(exported))[0] == 0
    original = json.loads(run("show", "1", "--json")[1])

    fresh = str(tmp_path / "fresh.sqlite3")
    assert main(["--db", fresh, "import", str(exported)]) == 0
    capsys.readouterr()
    assert main(["--db", fresh, "show", "1", "--json"]) == 0
    copy = json.loads(capsys.readouterr().out)

    local_only = {"id", "blog_id", "version", "created_at", "updated_at"}
    assert {k: v for k, v in copy.items() if k not in local_only} == {
        k: v for k, v in original.items() if k not in local_only
    }
    assert main(["--db", fresh, "export-md", "1", "-o", str(tmp_path / "again.md")]) == 0
    assert (tmp_path / "again.md").read_text() == exported.read_text()


def test_malformed_file_names_file_and_line_and_imports_nothing(run, tmp_path):
    good = tmp_path / "good.md"
    good.write_text("---\nheadline: Fine\n---\nBody\n")
    bad = tmp_path / "bad.md"
    bad.write_text("---\nheadline: Broken\ntags: [a, b\n---\nBody\n")
    code, out, err = run("import", str(good), str(bad))
    assert code == 2
    assert f"{bad}:" in err and "invalid YAML" in err
    assert json.loads(run("list", "--json")[1]) == []


@pytest.mark.parametrize(
    ("args", "code", "needle"),
    [
        (("show", "42"), 2, "No post"),
        (("import", "/nonexistent/file.md"), 2, "no such file"),
        (("list", "--status", "lost"), 2, "unknown status"),
        (("list", "--blog", "Nope"), 2, "No blog"),
        (("revision", "1", "9"), 2, "no revision"),
    ],
)
def test_bad_input_exits_2_with_a_message(run, args, code, needle):
    run("import", str(SAMPLE))
    got, _, err = run(*args)
    assert got == code
    assert needle in err
    assert "Traceback" not in err


def test_unopenable_database_exits_1(tmp_path, capsys):
    notdb = tmp_path / "x.sqlite3"
    notdb.write_text("hello")
    assert main(["--db", str(notdb), "list"]) == 1
    assert "not a Byline database" in capsys.readouterr().err


def test_search_status_and_revisions(run):
    run("import", str(SAMPLE))
    _, out, _ = run("list", "--search", "stubbornness", "--json")
    assert [r["id"] for r in json.loads(out)] == [1]
    assert run("status", "1", "submitted")[0] == 0
    assert run("save-version", "1", "--label", "before edits")[0] == 0
    _, out, _ = run("revisions", "1", "--json")
    reasons = [r["reason"] for r in json.loads(out)]
    assert reasons == ["manual", "status", "import"]
    assert run("restore", "1", "1")[0] == 0
    _, out, _ = run("list", "--status", "draft", "--json")
    assert json.loads(out) == []  # restore brings back text, not the workflow status


def test_version_flag(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["--version"])
    assert exc.value.code == 0
    assert capsys.readouterr().out.startswith("byline ")


def test_import_attaches_the_front_matter_lead_photo(run, tmp_path):
    from tests.helpers.photos import jpeg_bytes

    (tmp_path / "pics").mkdir()
    (tmp_path / "pics" / "market.jpg").write_bytes(jpeg_bytes())
    md = tmp_path / "post.md"
    md.write_text(
        "---\nheadline: Market day\nlead_photo:\n  file: pics/market.jpg\n"
        "  caption: Stalls at dawn\n  credit: Ana Ruiz/Agencia Sur\n  alt: Rows of stalls\n---\nBody\n"
    )
    assert run("import", str(md))[0] == 0
    code, out, _ = run("photo", "list", "1", "--json")
    photos = json.loads(out)
    assert code == 0 and len(photos) == 1
    assert (photos[0]["role"], photos[0]["caption"], photos[0]["credit"], photos[0]["alt"]) == (
        "lead",
        "Stalls at dawn",
        "Ana Ruiz/Agencia Sur",
        "Rows of stalls",
    )


def test_import_with_a_broken_lead_photo_imports_nothing(run, tmp_path):
    (tmp_path / "fake.jpg").write_text("not a photo")
    md = tmp_path / "post.md"
    md.write_text("---\nheadline: Market day\nlead_photo: fake.jpg\n---\nBody\n")
    code, _, err = run("import", str(md))
    assert code == 2 and "fake.jpg" in err
    assert json.loads(run("list", "--json")[1]) == []


def test_export_bundle_carries_photos_and_sidebar_and_import_brings_them_back(run, tmp_path):
    from PIL import Image

    from tests.helpers.photos import jpeg_bytes

    run("import", str(SAMPLE))
    picture = tmp_path / "lead.jpg"
    picture.write_bytes(jpeg_bytes((1800, 1200)))
    assert (
        run(
            "photo",
            "add",
            "1",
            str(picture),
            "--lead",
            "--caption",
            "The studio",
            "--credit",
            "Ana Ruiz/Agencia Sur",
            "--alt",
            "A one-room studio",
        )[0]
        == 0
    )
    run("blog", "set", "Latin America Blog", "--url", "https://news.example/la")
    run("sidebar", "add", "Latin America Blog", "--title", "Older post", "--url", "/older")

    for target in (tmp_path / "bundle", tmp_path / "bundle.zip"):
        code, _, err = run("export", "1", "-o", str(target))
        assert code == 0, err
    manifest = json.loads((tmp_path / "bundle" / "post.json").read_text())
    (photo,) = manifest["photos"]
    assert (photo["caption"], photo["credit"]) == ("The studio", "Ana Ruiz/Agencia Sur")
    assert [e["title"] for e in manifest["sidebar"]] == ["Older post"]
    html = (tmp_path / "bundle" / "index.html").read_text()
    assert 'src="images/' in html and "Ana Ruiz/Agencia Sur" in html
    largest = max((tmp_path / "bundle" / "images").glob("*.jpg"), key=lambda f: f.stat().st_size)
    with Image.open(largest) as im:
        assert im.getexif().get_ifd(0x8825) == {}  # no GPS in a published copy

    fresh = str(tmp_path / "fresh.sqlite3")
    for bundle in ("bundle", "bundle.zip"):
        assert main(["--db", fresh, "import", str(tmp_path / bundle)]) == 0
    from editor.services import photos as photo_service
    from editor.store.database import open_store

    store = open_store(fresh)
    try:
        with store.session() as s:
            for post_id in (1, 2):
                (back,) = photo_service.list_photos(s, post_id)
                assert back.role == "lead"
                assert (back.caption, back.credit, back.alt) == (
                    "The studio",
                    "Ana Ruiz/Agencia Sur",
                    "A one-room studio",
                )
    finally:
        store.close()


def test_render_with_output_writes_the_photos_beside_the_page(run, tmp_path):
    from tests.helpers.photos import jpeg_bytes

    run("import", str(SAMPLE))
    picture = tmp_path / "lead.jpg"
    picture.write_bytes(jpeg_bytes((900, 600)))
    run("photo", "add", "1", str(picture), "--lead", "--credit", "A/B", "--alt", "x")
    out = tmp_path / "page" / "index.html"
    out.parent.mkdir()
    assert run("render", "1", "-o", str(out))[0] == 0
    html = out.read_text()
    src = html.split('src="images/', 1)[1].split('"', 1)[0]
    assert (out.parent / "images" / src).is_file()


def test_new_and_set_edit_a_post_headless(run, tmp_path):
    code, out, _ = run("new", "--headline", "Río abajo", "--byline", "Ana", "--tags", "a, b")
    assert code == 0
    post_id = out.strip()
    body = tmp_path / "body.md"
    body.write_text("## Subhead\n\nText.\n")
    code, _, err = run(
        "set",
        post_id,
        "--deck",
        "A deck",
        "--body-file",
        str(body),
        "--date",
        "2026-11-20T08:30:00-04:00",
        "--status",
        "submitted",
        "--blog",
        "Other Blog",
    )
    assert code == 0, err
    shown = json.loads(run("show", post_id, "--json")[1])
    assert (shown["headline"], shown["deck"], shown["body"]) == (
        "Río abajo",
        "A deck",
        body.read_text(),
    )
    assert (shown["status"], shown["blog"], shown["tags"]) == (
        "submitted",
        "Other Blog",
        ["a", "b"],
    )
    assert shown["slug"] == "rio-abajo" and shown["published_at"] == "2026-11-20T12:30:00+00:00"
    assert run("set", post_id, "--date", "yesterday")[0] == 2


def test_set_from_markdown_file_replaces_the_content(run, tmp_path):
    run("import", str(SAMPLE))
    edited = tmp_path / "edited.md"
    run("export-md", "1", "-o", str(edited))
    edited.write_text(edited.read_text().replace("In the high Andes", "High in the Andes"))
    assert run("set", "1", "--from-md", str(edited))[0] == 0
    assert json.loads(run("show", "1", "--json")[1])["headline"].startswith("High in the Andes")
