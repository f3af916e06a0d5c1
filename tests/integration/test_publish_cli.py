"""The byline command against the real local WordPress: targets, push, pull, outbox."""

from __future__ import annotations

import json

import keyring
import pytest
from keyring.backends import fail

from editor.cli.main import main
from tests.integration.publishing import SiteView

POST = """---
headline: Lamps on the quay
deck: Lit again after ten years.
byline: Ada Lovelace
tags: [quay]
categories: [Harbour]
---
The lamps are back.
"""


@pytest.fixture
def cli(tmp_path, monkeypatch, capsys, wordpress):
    before = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())  # a machine without a keychain, whatever this one has
    monkeypatch.setenv("BYLINE_DB", str(tmp_path / "cli.sqlite3"))
    monkeypatch.setenv("BYLINE_PASSWORD", wordpress.app_password)

    def run(*argv: str) -> tuple[int, str, str]:
        code = main(list(argv))
        out, err = capsys.readouterr()
        assert wordpress.app_password not in out + err  # never printed
        return code, out, err

    yield run
    keyring.set_keyring(before)


@pytest.mark.parametrize(
    ("kind", "api"), [("wordpress", "/wp-json/"), ("metaweblog", "/xmlrpc.php")]
)
def test_target_add_discovers_the_api_tests_the_login_lists_and_removes(
    kind, api, cli, wordpress, tmp_path, monkeypatch
):
    code, out, err = cli("target", "add", "site", "--kind", kind, "--url", wordpress.url,
                         "--user", wordpress.user)  # fmt: skip
    assert code == 0, err
    assert f"API at {wordpress.url}{api}" in out
    assert "no OS keychain" in err  # this machine has none, and Byline says so
    code, out, _ = cli("target", "test", "site")
    assert code == 0 and "site: logged in as editor" in out
    code, out, _ = cli("target", "list", "--json")
    [row] = json.loads(out)
    assert (row["name"], row["kind"], row["user"]) == ("site", kind, "editor")
    assert wordpress.app_password.encode() not in (tmp_path / "cli.sqlite3").read_bytes()

    monkeypatch.setenv("BYLINE_PASSWORD", "wrong")
    code, _, err = cli("target", "test", "site")
    assert code == 1 and "checking the login: wrong user name" in err
    code, out, _ = cli("target", "remove", "site")
    assert code == 0
    assert json.loads(cli("target", "list", "--json")[1]) == []


def test_push_dry_run_then_push_then_pull_round_trip(cli, wordpress, tmp_path):
    site = SiteView(wordpress)
    (tmp_path / "post.md").write_text(POST, encoding="utf-8")
    assert cli("import", str(tmp_path / "post.md"))[0] == 0
    assert cli("target", "add", "site", "--kind", "wordpress", "--url", wordpress.url,
               "--user", wordpress.user, "--default-for", "My Blog")[0] == 0  # fmt: skip

    code, out, _ = cli("push", "1", "--to", "site", "--dry-run", "--json")
    dry = json.loads(out)
    assert (code, dry["action"], dry["would_send"]["fields"]["title"]) == (
        0, "dry-run", "Lamps on the quay")  # fmt: skip
    code, out, err = cli("push", "1", "--status", "publish")  # the blog's default target
    assert code == 0, err
    url = out.strip().removeprefix("Published at ")
    assert url.startswith(wordpress.url) and "lamps-on-the-quay" in url

    code, out, _ = cli("pull", "--from", "site", "--limit", "5", "--json")
    pulled = json.loads(out)
    assert 1 in pulled["already_linked"]  # our own post is recognised, not copied
    assert any(r["title"] == "Lamps on the quay" and r["url"] == url for r in pulled["recent"])
    [hello_id] = pulled["created"]  # WordPress's sample post, now a local draft
    code, out, _ = cli("show", str(hello_id), "--json")
    assert json.loads(out)["headline"] == "Hello world!"
    code, out, err = cli("push", str(hello_id), "--to", "site", "--json")
    assert code == 2 and "byline: empty" in err  # a pulled post needs a byline first

    code, out, _ = cli("outbox", "list", "--json")
    assert json.loads(out) == []
    assert len(site.posts_with_marker(_uuid_of(cli, 1))) == 1


def _uuid_of(cli, post_id: int) -> str:
    return json.loads(cli("show", str(post_id), "--json")[1])["uuid"]


def test_a_push_while_offline_is_queued_listed_and_cancellable(cli, tmp_path):
    (tmp_path / "post.md").write_text(POST, encoding="utf-8")
    assert cli("import", str(tmp_path / "post.md"))[0] == 0
    dead = "http://127.0.0.1:9"  # the discard port: nothing listens
    assert cli("target", "add", "away", "--kind", "wordpress", "--url", dead,
               "--user", "ada", "--api-url", dead + "/wp-json/")[0] == 0  # fmt: skip
    code, _, err = cli("push", "1", "--to", "away", "--status", "publish")
    assert code == 1
    assert "cannot connect" in err and "queued as outbox item 1" in err
    [item] = json.loads(cli("outbox", "--json")[1])
    assert (item["post_id"], item["target"], item["state"]) == (1, "away", "queued")
    assert cli("outbox", "cancel", "1")[0] == 0
    assert json.loads(cli("outbox", "--json")[1]) == []


def test_dry_run_lists_what_the_sanitiser_removes_as_warnings(cli, wordpress, tmp_path):
    hostile = POST.replace(
        "The lamps are back.",
        "The lamps are back.<script>alert(1)</script>\n\n![x](https://tracker.example/p.gif)",
    )
    (tmp_path / "post.md").write_text(hostile, encoding="utf-8")
    assert cli("import", str(tmp_path / "post.md"))[0] == 0
    assert cli("target", "add", "site", "--kind", "wordpress", "--url", wordpress.url,
               "--user", wordpress.user)[0] == 0  # fmt: skip
    code, out, err = cli("push", "1", "--to", "site", "--dry-run")
    assert code == 0
    assert "warning: body: script element: scripts never run in the page" in err
    assert "warning: body: remote image https://tracker.example/p.gif" in err
    sent = json.loads(out)["fields"]["content"]
    assert "<script" not in sent and "tracker.example" not in sent
    assert '<p class="byline">By <span class="byline-name">Ada Lovelace</span>' in sent
