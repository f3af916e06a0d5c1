"""``byline suggest`` and ``byline diff`` end to end on a real SQLite file, and the refusals of
export and push while suggestions remain."""

from __future__ import annotations

import json

import pytest

from editor.cli.main import main


@pytest.fixture
def run(tmp_path, capsys, monkeypatch):
    db = str(tmp_path / "cli.sqlite3")
    monkeypatch.setenv("BYLINE_USER_NAME", "Ana Editor")
    monkeypatch.setenv("BYLINE_USER_EMAIL", "ana@example.org")

    def _run(*args: str) -> tuple[int, str, str]:
        code = main(["--db", db, *args])
        out, err = capsys.readouterr()
        return code, out, err

    return _run


@pytest.fixture
def post(run, tmp_path):
    body = tmp_path / "body.md"
    body.write_text("The mayor said the grid is fine. Nobody believed him.\n\nMore soon.\n")
    code, out, err = run("new", "--headline", "Grid news", "--byline", "Rosa",
                         "--body-file", str(body))  # fmt: skip
    assert code == 0, err
    return out.strip()


def body_of(run, post_id):
    return json.loads(run("show", post_id, "--json")[1])["body"]


def test_suggest_replace_delete_insert_then_list_with_author(run, post):
    code, out, _ = run("suggest", post, "--replace", "is fine", "--with", "failed", "--json")
    assert code == 0
    made = json.loads(out)
    assert made["kind"] == "replace" and made["author"]["name"] == "Ana Editor"
    assert run("suggest", post, "--delete", " Nobody believed him.")[0] == 0
    assert run("suggest", post, "--insert", " Really", "--after", "More soon")[0] == 0
    assert body_of(run, post) == (
        "The mayor said the grid {~~is fine~>failed~~}.{-- Nobody believed him.--}"
        "\n\nMore soon{++ Really++}.\n"
    )
    rows = json.loads(run("suggest", "list", post, "--json")[1])
    assert [r["kind"] for r in rows] == ["replace", "delete", "insert"]
    assert {r["author"]["email"] for r in rows} == {"ana@example.org"}
    assert all(r["created_at"] for r in rows)
    code, out, _ = run("suggest", "list", post)
    assert "replace “is fine” with “failed”" in out and "Ana Editor" in out


def test_accept_one_reject_all(run, post):
    run("suggest", post, "--replace", "mayor", "--with", "governor")
    run("suggest", post, "--delete", "More soon.")
    first = json.loads(run("suggest", "list", post, "--json")[1])[0]["id"]
    code, out, _ = run("suggest", "accept", post, first)
    assert code == 0 and out.strip() == "accepted 1 suggestion"
    assert run("suggest", "reject", post, "--all")[0] == 0
    assert body_of(run, post).startswith("The governor said the grid is fine.")
    assert "More soon." in body_of(run, post)
    assert json.loads(run("suggest", "list", post, "--json")[1]) == []


def test_bad_quotes_exit_2_naming_the_field(run, post):
    code, _, err = run("suggest", post, "--replace", "nowhere", "--with", "x")
    assert code == 2 and "body: 'nowhere' is not in the text" in err
    code, _, err = run("suggest", post, "--delete", "he", "--field", "body")
    assert code == 2 and "occurs 2 times" in err and "--nth" in err
    assert run("suggest", post, "--delete", "he", "--nth", "2")[0] == 0
    code, _, err = run("suggest", post, "--field", "headline", "--replace", "Grid", "--with", "{x}")
    assert code == 2 and "headline" in err and "Traceback" not in err
    code, _, err = run("suggest", "accept", post, "99")
    assert code == 2 and "no suggestion '99'" in err


def test_export_refuses_while_suggestions_remain_and_render_shows_them(run, post, tmp_path):
    run("suggest", post, "--replace", "mayor", "--with", "governor")
    code, _, err = run("export", post, "-o", str(tmp_path / "out"))
    assert code == 2
    assert "1 suggestion remains (body line 1)" in err and f"byline suggest list {post}" in err
    assert not (tmp_path / "out").exists()
    code, page, _ = run("render", post)
    assert "governor" in page and "mayor" not in page and "{~~" not in page
    code, page, _ = run("render", post, "--suggestions")
    assert '<del class="suggested">mayor</del><ins class="suggested">governor</ins>' in page
    run("suggest", "accept", post, "--all")
    assert run("export", post, "-o", str(tmp_path / "out"))[0] == 0


def test_push_checks_refuse_markup(run, post):
    from editor.services.suggestions import markup_problem

    message = markup_problem(3, {"body": "a {++b++}\n\n{--c--}", "headline": "{==h==}"})
    assert message.startswith("2 suggestions and 1 other CriticMarkup mark remain")
    assert "body lines 1, 3; headline" in message


def test_diff_default_last_revision_against_current_and_formats(run, post):
    run("set", post, "--headline", "Grid news tonight")
    code, out, _ = run("diff", post)
    assert code == 0
    assert "== Headline (+1 −0 words)" in out and "{+ tonight+}" in out
    data = json.loads(run("diff", post, "1", "current", "--format", "json")[1])
    headline = next(f for f in data["fields"] if f["field"] == "headline")
    assert headline["changed"] and headline["added"] == 1
    assert not next(f for f in data["fields"] if f["field"] == "body")["changed"]
    page = run("diff", post, "1", "--format", "html")[1]
    assert "<ins> tonight</ins>" in page
    code, _, err = run("diff", post, "7")
    assert code == 2 and "no revision 7" in err
