"""Dates, comments links and tag pages as stored, imported, exported and rendered (issue 9)."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from editor.cli.main import main
from editor.model import PostContent, PostStatus
from editor.services import blogs, posts
from tests.helpers.html_tree import parse

OLD_POST = """---
blog: Archive Blog
headline: Lima's first community radio
date: 2011-05-03
timezone: America/Lima
status: published
tags: [radio, Peru]
comments_url: https://forum.example.org/t/lima-radio
---
It went on air in 1978.
"""


@pytest.fixture
def old_post(run, tmp_path):
    md = tmp_path / "old.md"
    md.write_text(OLD_POST)
    assert run("import", str(md))[0] == 0
    return md


def _page(run, *extra: str):
    code, html, err = run("render", "1", *extra)
    assert code == 0, err
    return parse(html)


def test_importing_an_old_post_shows_its_date_alone_and_no_update(run, old_post):
    doc = _page(run)
    header = doc.find("header", class_="post-header")
    assert header.find("time").text() == "May 3, 2011"
    assert header.find("time").attrs["datetime"] == "2011-05-03"
    assert "Updated" not in header.text() and "a.m." not in header.text()
    shown = json.loads(run("show", "1", "--json")[1])
    assert shown["published_date_only"] is True and shown["revised_at"] is None


def test_the_slug_keeps_the_apostrophe_word_whole(run, old_post):
    assert json.loads(run("show", "1", "--json")[1])["slug"] == "limas-first-community-radio"


def test_a_change_by_the_writer_after_publication_shows_updated(run, old_post):
    assert run("set", "1", "--deck", "Now with a deck")[0] == 0
    shown = json.loads(run("show", "1", "--json")[1])
    assert shown["revised_at"] is not None
    updated = _page(run).find(class_="updated")
    assert updated.text().startswith("Updated ")


def test_export_md_round_trip_is_exact(run, old_post, tmp_path, capsys):
    run("set", "1", "--deck", "Edited later")
    out = tmp_path / "out.md"
    assert run("export-md", "1", "-o", str(out))[0] == 0
    text = out.read_text()
    assert "date: 2011-05-03\n" in text and "timezone: America/Lima\n" in text
    assert "comments_url: https://forum.example.org/t/lima-radio\n" in text
    assert "\nupdated: " in text
    original = json.loads(run("show", "1", "--json")[1])
    fresh = str(tmp_path / "fresh.sqlite3")
    assert main(["--db", fresh, "import", str(out)]) == 0
    capsys.readouterr()
    assert main(["--db", fresh, "show", "1", "--json"]) == 0
    copy = json.loads(capsys.readouterr().out)
    local_only = {"id", "blog_id", "version", "created_at", "updated_at"}
    assert {k: v for k, v in copy.items() if k not in local_only} == {
        k: v for k, v in original.items() if k not in local_only
    }


def test_bundle_post_json_round_trip(run, old_post, tmp_path, capsys):
    run("set", "1", "--deck", "Edited later")
    bundle = tmp_path / "bundle.zip"
    assert run("export", "1", "-o", str(bundle))[0] == 0
    original = json.loads(run("show", "1", "--json")[1])
    fresh = str(tmp_path / "fresh.sqlite3")
    assert main(["--db", fresh, "import", str(bundle)]) == 0
    capsys.readouterr()
    assert main(["--db", fresh, "show", "1", "--json"]) == 0
    copy = json.loads(capsys.readouterr().out)
    for key in ("published_date_only", "published_at", "revised_at", "comments_url"):
        assert copy[key] == original[key], key


def test_comments_url_from_the_cli_wins_over_the_blog_pattern(run, old_post):
    assert run("blog", "set", "Archive Blog", "--url", "https://archive.example.org",
               "--comments-url", "{post_url}#comments")[0] == 0  # fmt: skip
    links = {a.attrs["href"] for a in _page(run).find_all("a", class_="button")}
    assert links == {"https://forum.example.org/t/lima-radio"}
    assert run("set", "1", "--comments-url", "https://talk.example.org/9")[0] == 0
    assert json.loads(run("show", "1", "--json")[1])["comments_url"] == (
        "https://talk.example.org/9"
    )
    assert run("set", "1", "--comments-url", "")[0] == 0
    links = {a.attrs["href"] for a in _page(run).find_all("a", class_="button")}
    assert links == {"https://archive.example.org/limas-first-community-radio/#comments"}


@pytest.mark.parametrize("url", ["javascript:alert(1)", "ftp://x.example/", "forum/t/1", "http://"])
def test_a_bad_comments_url_exits_2_and_changes_nothing(run, old_post, url):
    before = json.loads(run("show", "1", "--json")[1])
    code, _, err = run("set", "1", "--comments-url", url, "--deck", "not saved")
    assert code == 2 and err.count("\n") == 1 and "--comments-url" in err
    assert "Traceback" not in err
    assert json.loads(run("show", "1", "--json")[1]) == before


def test_a_bad_comments_url_in_front_matter_names_file_and_line(run, tmp_path):
    md = tmp_path / "bad.md"
    md.write_text("---\nheadline: X\ncomments_url: mailto:me@example.org\n---\nBody\n")
    code, _, err = run("import", str(md))
    assert code == 2 and f"{md}:3:" in err and "comments_url" in err


def test_set_date_alone_from_the_cli(run, old_post):
    assert run("set", "1", "--date", "2012-07-01")[0] == 0
    shown = json.loads(run("show", "1", "--json")[1])
    assert shown["published_date_only"] is True
    assert run("set", "1", "--date", "2012-07-01T09:15:00-05:00")[0] == 0
    assert json.loads(run("show", "1", "--json")[1])["published_date_only"] is False
    assert "9:15 a.m." in _page(run).find(class_="dateline").text()


def test_tag_url_pattern_links_tags_and_bad_patterns_exit_2(run, old_post):
    code, _, err = run("blog", "set", "Archive Blog", "--tag-url", "https://x.example/tags/")
    assert code == 2 and "{tag}" in err
    assert run("blog", "set", "Archive Blog", "--url", "https://archive.example.org",
               "--tag-url", "{blog_url}/tag/{tag}/")[0] == 0  # fmt: skip
    hrefs = [a.attrs["href"] for a in _page(run).find("ul", class_="tag-list").find_all("a")]
    assert hrefs == [
        "https://archive.example.org/tag/radio/", "https://archive.example.org/tag/peru/"]  # fmt: skip
    blog = json.loads(run("blog", "list", "--json")[1])[0]
    assert blog["tag_url_pattern"] == "{blog_url}/tag/{tag}/"


def test_a_language_must_be_a_language_tag(run, old_post):
    code, _, err = run("blog", "set", "Archive Blog", "--language", "English please")
    assert code == 2 and "language" in err
    assert run("blog", "set", "Archive Blog", "--language", "pt-BR")[0] == 0


def test_revised_only_when_the_writer_changes_a_published_post(store):
    now = datetime(2026, 12, 1, 10, tzinfo=UTC)
    with store.session() as s:
        blog = blogs.default_blog(s)
        draft = posts.create_post(
            s, PostContent(headline="Draft", published_at=datetime(2011, 5, 3, tzinfo=UTC)),
            blog=blog,
        )  # fmt: skip
        out = posts.create_post(
            s, PostContent(headline="Out", published_at=datetime(2011, 5, 3, tzinfo=UTC)),
            blog=blog, status=PostStatus.PUBLISHED,
        )  # fmt: skip
        ids = draft.id, out.id
    with store.session() as s:
        for post_id in ids:
            post = posts.get_post(s, post_id)
            posts.save_post(s, post_id, PostContent(**{**post.content().__dict__, "deck": "x"}),
                            expected_version=post.version, now=now)  # fmt: skip
    with store.session() as s:
        assert posts.get_post(s, ids[0]).revised_at is None
        assert posts.get_post(s, ids[1]).revised_at == now


def test_migration_0006_upgrades_a_0004_database_keeping_posts_and_search(tmp_path):
    from sqlalchemy import create_engine, text

    from editor.store.database import open_store
    from editor.store.migrations import upgrade

    url = f"sqlite:///{tmp_path / 'old.sqlite3'}"
    engine = create_engine(url)
    with engine.connect() as conn:
        upgrade(conn, "0004")
        conn.execute(text(
            "INSERT INTO blogs (name, site_url, description, theme, language, default_byline_role,"
            " comments_url_pattern, logo_path, sidebar_auto, sidebar_count, created_at) VALUES "
            "('Old', '', '', 'newsroom', 'en', '', '', '', 1, 5, CURRENT_TIMESTAMP)"
        ))  # fmt: skip
        conn.execute(text(
            "INSERT INTO posts (uuid, blog_id, headline, deck, byline, byline_role, published_tz,"
            " slug, slug_auto, tags, categories, body, editor_note, status, created_at,"
            " updated_at, version) VALUES ('u-1', 1, 'Solar radio', '', '', '', '', 'solar', 1,"
            " '[]', '[]', 'stubbornness', '', 'draft', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 1)"
        ))  # fmt: skip
        conn.commit()
    engine.dispose()
    store = open_store(url)
    try:
        with store.session() as s:
            post = posts.get_post(s, 1)
            assert (post.published_date_only, post.revised_at, post.comments_url) == (
                False, None, "")  # fmt: skip
            assert post.blog.tag_url_pattern == ""
            assert [r.id for r in posts.list_posts(s, search="stubbornness")] == [1]
            posts.save_post(s, 1, PostContent(**{**post.content().__dict__, "body": "sunlight"}),
                            expected_version=post.version)  # fmt: skip
        with store.session() as s:
            assert [r.id for r in posts.list_posts(s, search="sunlight")] == [1]
    finally:
        store.close()


def test_show_prints_a_date_alone_without_a_time(run, old_post):
    _, out, _ = run("show", "1")
    line = next(x for x in out.splitlines() if x.startswith("published_at"))
    assert line.split()[-1] == "2011-05-03"


def test_category_links_follow_the_blogs_category_base(run, old_post):
    assert run("blog", "set", "Archive Blog", "--url", "https://archive.example.org")[0] == 0
    assert run("set", "1", "--categories", "Local news")[0] == 0
    nav = [a.attrs["href"] for a in _page(run).find("nav", id="site-nav").find_all("a")]
    assert "https://archive.example.org/category/local-news/" in nav  # WordPress's default
    code, _, err = run("blog", "set", "Archive Blog", "--category-base", "local news")
    assert code == 2 and "category base" in err
    assert run("blog", "set", "Archive Blog", "--category-base", "/topics/")[0] == 0
    nav = [a.attrs["href"] for a in _page(run).find("nav", id="site-nav").find_all("a")]
    assert "https://archive.example.org/topics/local-news/" in nav
    assert not any("/category/" in href for href in nav)
    assert json.loads(run("blog", "list", "--json")[1])[0]["category_base"] == "topics"
