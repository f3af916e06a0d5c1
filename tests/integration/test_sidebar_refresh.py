"""The blog's "Recent posts" sidebar refreshed from the real local WordPress (REST and XML-RPC),
with the fallbacks when the site cannot be reached."""

from __future__ import annotations

import json

import keyring
import pytest
from keyring.backends import fail

from editor.cli.main import main
from editor.errors import BylineError
from editor.model import LinkSource
from editor.services import blogs, sidebar, targets
from editor.services.publish import push_post
from editor.services.sidebar_remote import refresh_blog_sidebar
from tests.integration.publishing import add_target, new_post, secrets_for

KINDS = ["wordpress", "metaweblog"]
DEAD = "http://127.0.0.1:9"  # the discard port: nothing listens


def _blog(store, url="https://blog.example/"):
    with store.session() as s:
        blog = blogs.default_blog(s)
        blog.site_url = url
        sidebar.add_link(s, blog, title="Pinned: about us", url="https://blog.example/about",
                         pinned=True)  # fmt: skip
        return blog.name


def _links(store, name):
    with store.session() as s:
        return sidebar.link_specs(s, blogs.find_blog(s, name))


@pytest.mark.parametrize("kind", KINDS)
def test_refresh_from_the_target_merges_its_published_posts(kind, store, wordpress):
    name = _blog(store)
    add_target(store, "site", kind, wordpress.url)
    secrets = secrets_for(wordpress.app_password)
    pushed = push_post(store, new_post(store, headline=f"Quay & lamps ({kind})"), "site",
                       secrets=secrets, status="publish")  # fmt: skip
    push_post(store, new_post(store, headline=f"Still a draft ({kind})"), "site", secrets=secrets)

    result, used = refresh_blog_sidebar(store, name, secrets=secrets, source="site")

    assert used.target == "site" and "target 'site'" in used.describe()
    links = _links(store, name)
    by_url = {link.url: link for link in links}
    assert by_url[pushed.url].title == f"Quay & lamps ({kind})"  # unescaped once, not &amp;
    assert by_url[pushed.url].source == LinkSource.CMS
    assert by_url[pushed.url].date is not None
    assert not any(link.title.startswith("Still a draft") for link in links)  # drafts stay out
    assert by_url["https://blog.example/about"].pinned  # a refresh never drops a pinned link
    assert len(by_url) == len(links)  # no URL twice
    assert pushed.url in {link.url for link in result.added}

    again, _ = refresh_blog_sidebar(store, name, secrets=secrets, source="site")
    assert again.added == [] and again.removed == []  # stable
    assert [link.url for link in _links(store, name)] == [link.url for link in links]


def test_without_from_the_blogs_default_target_is_used(store, wordpress):
    name = _blog(store)
    add_target(store, "site", "wordpress", wordpress.url)
    with store.session() as s:
        targets.set_default(s, "site", blogs.find_blog(s, name).id)
    _, used = refresh_blog_sidebar(store, name, secrets=secrets_for(wordpress.app_password))
    assert used.target == "site"
    assert any(link.source == LinkSource.CMS for link in _links(store, name))


def test_an_unreachable_target_changes_nothing_and_says_so(store):
    name = _blog(store)
    add_target(store, "away", "wordpress", DEAD)
    before = _links(store, name)
    with pytest.raises(BylineError, match=r"'away'.*cannot connect.*was not changed"):
        refresh_blog_sidebar(store, name, secrets=secrets_for("pw"), source="away")
    assert _links(store, name) == before


def test_an_unreachable_default_target_falls_back_to_bylines_own_posts(store):
    name = _blog(store)
    add_target(store, "away", "wordpress", DEAD)
    with store.session() as s:
        targets.set_default(s, "away", blogs.find_blog(s, name).id)
    _, used = refresh_blog_sidebar(store, name, secrets=secrets_for("pw"))
    assert used.target == ""
    assert "Byline's own published posts" in used.describe()
    assert "'away' could not be reached" in used.describe()
    assert [link.pinned for link in _links(store, name)] == [True]  # nothing lost


def test_the_cli_says_which_source_it_used(tmp_path, monkeypatch, capsys, wordpress):
    before = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        monkeypatch.setenv("BYLINE_DB", str(tmp_path / "cli.sqlite3"))
        monkeypatch.setenv("BYLINE_PASSWORD", wordpress.app_password)
        assert main(["blog", "add", "News", "--url", "https://blog.example/"]) == 0
        assert main(["target", "add", "site", "--kind", "wordpress", "--url", wordpress.url,
                     "--user", wordpress.user]) == 0  # fmt: skip
        capsys.readouterr()
        assert main(["sidebar", "refresh", "News", "--from", "site"]) == 0
        out = capsys.readouterr().out
        assert out.startswith("source: recent posts of target 'site'")
        assert "Hello world!" in out  # WordPress's own first post
        assert main(["sidebar", "refresh", "News"]) == 0
        out = capsys.readouterr().out
        assert "source: Byline's own published posts (blog 'News' has no default target)" in out
        assert main(["sidebar", "list", "News", "--json"]) == 0
        listed = json.loads(capsys.readouterr().out)
        assert all(row["source"] != "cms" for row in listed)  # the local refresh replaced them
    finally:
        keyring.set_keyring(before)
