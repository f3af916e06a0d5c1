"""`byline status`, `byline log` and `byline comment` end to end, and comments never leaving
the house: not in an export's files, not in what a push sends."""

from __future__ import annotations

import json

import pytest

from editor.cli.main import main
from editor.publish.secrets import SecretStore
from editor.services import targets
from editor.services.bundle_export import export_post_with_photos
from editor.services.publish import push_post
from editor.store.database import open_store

BODY = "The station runs on sunlight. The station is small.\n"
SECRET_COMMENT = "ZQX-comment-never-published"
SECRET_REPLY = "ZQX-reply-never-published"


@pytest.fixture
def run(tmp_path, capsys, monkeypatch):
    db = str(tmp_path / "cli.sqlite3")

    def _run(*args: str, who: str = "Wren Writer") -> tuple[int, str, str]:
        monkeypatch.setenv("BYLINE_USER_NAME", who)
        monkeypatch.setenv("BYLINE_USER_EMAIL", who.split()[0].lower() + "@example.org")
        code = main(["--db", db, *args])
        out, err = capsys.readouterr()
        return code, out, err

    body = tmp_path / "body.md"
    body.write_text(BODY)
    assert _run("new", "--headline", "Solar radio", "--body-file", str(body))[0] == 0
    _run.db = db
    return _run


def test_status_follows_the_workflow_and_log_says_who(run):
    assert run("status", "1", "approved") == (
        2, "", "byline status: a draft post cannot become approved; from draft it can go to "
        "submitted (byline status --force overrides).\n")  # fmt: skip
    assert run("status", "1", "submitted")[0] == 0
    assert run("status", "1", "in_review", who="Eda Editor")[0] == 0
    code, _, err = run("status", "1", "changes_requested", who="Eda Editor")
    assert code == 2 and "--note" in err and "Traceback" not in err
    assert run("status", "1", "changes_requested", "--note", "Name it", who="Eda Editor")[0] == 0
    assert run("status", "1", "published", "--force")[0] == 0
    code, out, _ = run("log", "1")
    lines = out.splitlines()
    assert code == 0 and len(lines) == 5
    assert "Wren Writer <wren@example.org>  created draft" in lines[0]
    assert "Eda Editor <eda@example.org>  in_review → changes_requested: Name it" in lines[3]
    assert lines[4].endswith("changes_requested → published (forced)")
    log = json.loads(run("log", "1", "--json")[1])
    assert [(e["from"], e["to"], e["author"]["name"]) for e in log][1:3] == [
        ("draft", "submitted", "Wren Writer"), ("submitted", "in_review", "Eda Editor")]  # fmt: skip
    assert log[4]["forced"] is True and log[3]["note"] == "Name it"
    revisions = json.loads(run("revisions", "1", "--json")[1])
    assert revisions[0]["author"]["name"] == "Wren Writer"
    assert "Eda Editor" in run("revisions", "1")[1].splitlines()[1]


def test_comment_add_list_reply_resolve_reopen(run):
    code, _, err = run("comment", "add", "1", "--on", "The station", "--text", "Which?")
    assert code == 2 and err == (
        "byline comment: --on: 'The station' occurs 2 times in the body; choose one with "
        "--nth 1..2.\n")  # fmt: skip
    code, _, err = run("comment", "add", "1", "--on", "moon", "--field", "deck", "--text", "x")
    assert (code, err) == (2, "byline comment: --on: 'moon' is not in the deck.\n")
    code, _, err = run("comment", "add", "1", "--on", "x", "--field", "lede", "--text", "x")
    assert code == 2 and "--field: 'lede'" in err
    code, out, _ = run("comment", "add", "1", "--on", "The station", "--nth", "2",
                       "--text", "Which?", who="Eda Editor")  # fmt: skip
    assert (code, out) == (0, "1\n")
    code, out, _ = run("comment", "add", "1", "--field", "post", "--text", "Nice", "--json")
    assert json.loads(out) == {"id": 2, "post": 1}
    assert run("comment", "reply", "1", "1", "--text", "The small one")[1] == "3\n"
    assert run("comment", "resolve", "1", "1")[0] == 0
    listed = json.loads(run("comment", "list", "1", "--json")[1])
    assert [c["id"] for c in listed] == [2]
    [first, _] = json.loads(run("comment", "list", "1", "--all", "--json")[1])
    assert (first["quote"], first["start"], first["resolved"]) == ("The station", 30, True)
    assert first["author"]["name"] == "Eda Editor" and first["state_by"]["name"] == "Wren Writer"
    assert [r["text"] for r in first["replies"]] == ["The small one"]
    assert run("comment", "reopen", "1", "1")[0] == 0
    out = run("comment", "list", "1")[1]
    assert "#1 [open] body “The station”" in out and "↳ #3 Wren Writer" in out
    assert run("comment", "resolve", "1", "99")[0] == 2


def test_comments_are_in_no_export_file_and_no_push(run, tmp_path):
    run("comment", "add", "1", "--on", "sunlight", "--text", SECRET_COMMENT)
    run("comment", "reply", "1", "1", "--text", SECRET_REPLY)
    run("comment", "add", "1", "--field", "post", "--text", SECRET_COMMENT)
    store = open_store(run.db)
    try:
        target = export_post_with_photos(store, 1, tmp_path / "bundle").target
        files = [p for p in target.rglob("*") if p.is_file()]
        assert {p.name for p in files} >= {"index.html", "post.md", "post.json"}
        md = tmp_path / "post.md"
        assert run("export-md", "1", "-o", str(md))[0] == 0
        files.append(md)
        for path in files:
            data = path.read_bytes()
            assert b"ZQX" not in data, path
            assert SECRET_COMMENT.encode() not in data
        with store.session() as s:
            targets.add_target(s, name="site", kind="wordpress", site_url="https://example.org",
                               username="ada", api_url="https://example.org/wp-json/")  # fmt: skip
        sent = push_post(store, 1, "site", secrets=SecretStore(env={"BYLINE_PASSWORD": "x"}),
                         photos=[], dry_run=True)  # fmt: skip
        payload = json.dumps(sent.would_send, default=str)
        assert "sunlight" in payload and "ZQX" not in payload
    finally:
        store.close()
