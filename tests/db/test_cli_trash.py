"""``byline delete`` and ``byline trash`` on a real SQLite file: output and exit codes."""

from __future__ import annotations

import json


def _two_posts(run, tmp_path) -> None:
    for n, headline in enumerate(("Salt flats at dawn", "Quinoa harvest"), 1):
        path = tmp_path / f"p{n}.md"
        path.write_text(f"---\nheadline: {headline}\nbyline: Ada\n---\nBody {n}\n")
        assert run("import", str(path))[0] == 0


def test_delete_list_restore_round_trip(run, tmp_path):
    _two_posts(run, tmp_path)
    code, out, err = run("delete", "2")
    assert (code, err) == (0, "") and "moved post 2 to the Trash" in out
    assert [r["id"] for r in json.loads(run("list", "--json")[1])] == [1]
    assert run("list", "--search", "quinoa")[1] == ""
    code, out, _ = run("trash", "list", "--json")
    [row] = json.loads(out)
    assert (row["id"], row["headline"], row["status"]) == (2, "Quinoa harvest", "draft")
    assert "Quinoa harvest" in run("trash", "list")[1]
    code, _, err = run("show", "2")
    assert code == 0 and "in the Trash" in err
    assert run("trash", "restore", "2") == (0, "restored post 2 from the Trash\n", "")
    assert [r["id"] for r in json.loads(run("list", "--json")[1])] == [2, 1]
    assert json.loads(run("trash", "list", "--json")[1]) == []


def test_bad_references_exit_2_with_one_line(run, tmp_path):
    _two_posts(run, tmp_path)
    for args, message in (
        (("delete", "9"), "No post with id '9'"),
        (("trash", "restore", "1"), "Post 1 is not in the Trash."),
    ):
        code, out, err = run(*args)
        assert (code, out) == (2, "") and message in err and len(err.splitlines()) == 1
    run("delete", "1")
    code, _, err = run("delete", "1")
    assert code == 2 and err == "byline delete: Post 1 is already in the Trash.\n"


def test_empty_asks_for_yes_without_a_terminal_and_then_deletes_for_good(run, tmp_path):
    _two_posts(run, tmp_path)
    assert run("trash", "empty") == (0, "the Trash is empty\n", "")
    run("delete", "1")
    code, out, err = run("trash", "empty")  # stdin is not a terminal under pytest
    assert (code, out) == (2, "") and "pass --yes" in err and len(err.splitlines()) == 1
    assert [r["id"] for r in json.loads(run("trash", "list", "--json")[1])] == [1]
    assert run("trash", "empty", "--yes") == (0, "deleted 1 post(s) for good\n", "")
    assert json.loads(run("trash", "list", "--json")[1]) == []
    code, _, err = run("show", "1")
    assert code == 2 and "No post with id '1'" in err
    assert [r["id"] for r in json.loads(run("list", "--json")[1])] == [2]


def test_a_post_in_the_trash_is_not_pushed(run, tmp_path):
    _two_posts(run, tmp_path)
    run("target", "add", "site", "--kind", "wordpress", "--url", "https://example.org",
        "--user", "ada")  # fmt: skip
    run("delete", "1")
    code, out, err = run("push", "1", "--to", "site", "--dry-run")
    assert (code, out) == (2, "") and "in the Trash" in err and "restore it first" in err
