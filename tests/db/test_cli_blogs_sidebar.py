"""``byline blog`` and ``byline sidebar`` end to end, through main() on a temporary database."""

from __future__ import annotations

import json

import pytest

from editor.cli.main import main
from editor.model import PostContent, PostStatus
from editor.services import blogs, posts
from editor.store.database import open_store


@pytest.fixture
def db(tmp_path):
    return str(tmp_path / "cli.sqlite3")


def run(db, *args):
    return main(["--db", db, *args])


def _json(capsys, db, *args):
    capsys.readouterr()
    assert run(db, *args, "--json") == 0
    return json.loads(capsys.readouterr().out)


def test_blog_add_list_set_remove(db, capsys):
    assert run(db, "blog", "add", "Andes Desk", "--url", "https://andes.example.org",
               "--language", "es", "--sidebar-count", "3", "--comments-url",
               "{post_url}#comments") == 0  # fmt: skip
    assert run(db, "blog", "set", "andes desk", "--sidebar-auto", "off", "--target", "wp") == 0
    (blog,) = _json(capsys, db, "blog", "list")
    assert (blog["name"], blog["language"], blog["sidebar_count"]) == ("Andes Desk", "es", 3)
    assert (blog["sidebar_auto"], blog["default_target"], blog["posts"]) == (False, "wp", 0)
    assert run(db, "blog", "remove", "Andes Desk") == 0
    assert _json(capsys, db, "blog", "list") == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["blog", "add", "X", "--url", "gopher://x"], "only http"),
        (["blog", "add", "X", "--url", "https://x.org", "--sidebar-count", "500"], "between 0"),
        (["blog", "set", "Nope", "--theme", "ink"], "No blog named 'Nope'"),
        (["blog", "set", "Desk"], "nothing to change"),
        (["sidebar", "add", "Desk", "--title", "T", "--url", "mailto:a@b.c"], "only http"),
        (["sidebar", "add", "Desk", "--title", "T", "--url", "/x", "--date", "soon"], "not a date"),
        (["sidebar", "move", "Desk", "7", "--to", "1"], "no sidebar link at position 7"),
        (["sidebar", "remove", "Desk", "https://nowhere.example"], "no sidebar link to"),
    ],
)
def test_bad_input_exits_2_with_a_clear_message(db, capsys, args, message):
    assert run(db, "blog", "add", "Desk", "--url", "https://desk.example") == 0
    capsys.readouterr()
    assert run(db, *args) == 2
    err = capsys.readouterr().err
    assert message in err
    assert "Traceback" not in err


def test_remove_blog_with_posts_needs_a_choice(db, capsys):
    run(db, "blog", "add", "Old", "--url", "https://old.example")
    run(db, "blog", "add", "New", "--url", "https://new.example")
    store = open_store(db)
    with store.session() as s:
        posts.create_post(s, PostContent(headline="Keep me"), blog=blogs.find_blog(s, "Old"))
    store.close()
    capsys.readouterr()
    assert run(db, "blog", "remove", "Old") == 2
    assert "--move-posts-to BLOG or --delete-posts" in capsys.readouterr().err
    assert run(db, "blog", "remove", "Old", "--move-posts-to", "New") == 0
    (post,) = _json(capsys, db, "list")
    assert (post["headline"], post["blog"]) == ("Keep me", "New")


def test_sidebar_commands(db, capsys):
    run(db, "blog", "add", "Desk", "--url", "https://desk.example/blog", "--sidebar-count", "2")
    assert run(db, "sidebar", "add", "Desk", "--title", "Pinned <b>", "--url", "/about",
               "--pin") == 0  # fmt: skip
    assert run(db, "sidebar", "add", "Desk", "--title", "Other", "--url", "https://o.example",
               "--date", "2026-11-02", "--label", "Partner") == 0  # fmt: skip
    assert run(db, "sidebar", "move", "Desk", "2", "--to", "1") == 0
    links = _json(capsys, db, "sidebar", "list", "Desk")
    assert [(x["position"], x["title"], x["pinned"]) for x in links] == [
        (1, "Other", False), (2, "Pinned <b>", True),
    ]  # fmt: skip
    assert links[1]["url"] == "https://desk.example/about"
    assert links[0]["date"] == "2026-11-02"

    store = open_store(db)
    with store.session() as s:
        desk = blogs.find_blog(s, "Desk")
        for headline in ("One", "Two", "Three"):
            posts.create_post(s, PostContent(headline=headline), blog=desk,
                              status=PostStatus.PUBLISHED)  # fmt: skip
    store.close()
    capsys.readouterr()
    assert run(db, "sidebar", "refresh", "Desk") == 0
    assert "2 added" in capsys.readouterr().out
    titles = [x["title"] for x in _json(capsys, db, "sidebar", "list", "Desk")]
    assert titles == ["Other", "Pinned <b>", "Three", "Two"]

    assert run(db, "sidebar", "unpin", "Desk", "https://DESK.example/about/") == 0
    assert run(db, "sidebar", "pin", "Desk", "3") == 0
    assert run(db, "sidebar", "edit", "Desk", "1", "--title", "Partner site") == 0
    assert run(db, "sidebar", "remove", "Desk", "2") == 0
    links = _json(capsys, db, "sidebar", "list", "Desk")
    assert [(x["title"], x["pinned"], x["source"]) for x in links] == [
        ("Partner site", False, "manual"), ("Three", True, "auto"), ("Two", False, "auto"),
    ]  # fmt: skip
    capsys.readouterr()
    assert run(db, "sidebar", "list", "Desk") == 0
    assert "Partner site" in capsys.readouterr().out


def test_sidebar_check_reports_without_removing(db, capsys, monkeypatch):
    from editor.services.linkcheck import DeadLink

    def fake_check(links, timeout):
        return [DeadLink(link.title, link.url, 404, "404 Not Found") for link in links]

    monkeypatch.setattr("editor.cli.sidebar.check_links", fake_check)
    run(db, "blog", "add", "Desk", "--url", "https://desk.example")
    run(db, "sidebar", "add", "Desk", "--title", "Gone", "--url", "/gone")
    capsys.readouterr()
    assert run(db, "sidebar", "check", "Desk") == 1
    assert "404 Not Found" in capsys.readouterr().out
    assert len(_json(capsys, db, "sidebar", "list", "Desk")) == 1
