"""Proofing against a real database: the blog's word list, `byline check`, the post's
language in front matter and on the page, the migration, and the publish warning (issue 12)."""

from __future__ import annotations

import json
import sqlite3

import pytest

from editor.cli.main import main
from editor.model import Blog, PostContent
from editor.services import blogs, posts
from editor.services import proofing as service
from editor.services.publish_checks import proofing_warning

SPANISH = """---
blog: Diario Andino
headline: El alcalde habla
language: es
---
El presidente Ollanta Humala dijo ke hubo un probelma en Cajamarca.
"""


@pytest.fixture
def spanish_file(tmp_path):
    path = tmp_path / "nota.md"
    path.write_text(SPANISH, encoding="utf-8")
    return path


def test_check_a_stored_post_then_accept_names_through_the_blog_list(run, spanish_file):
    assert run("import", str(spanish_file))[0] == 0
    code, out, _ = run("check", "1", "--json")
    assert code == 1
    found = json.loads(out)
    assert [p["word"] for p in found if p["rule"] == "spelling"] == [
        "Ollanta", "Humala", "ke", "probelma",
    ]  # fmt: skip
    typo = next(p for p in found if p["word"] == "probelma")
    assert (typo["field"], typo["line"], typo["column"], typo["language"]) == ("body", 1, 46, "es")
    assert "problema" in typo["suggestions"]

    assert run("words", "add", "--blog", "Diario Andino", "Humala", "Ollanta")[0] == 0
    assert run("words", "list", "--blog", "Diario Andino")[1].split() == ["Humala", "Ollanta"]
    code, out, _ = run("check", "1")
    assert code == 1 and "Humala" not in out and "2 problem(s): 2 spelling, 0 style" in out
    assert run("words", "remove", "--blog", "Diario Andino", "Ollanta")[0] == 0
    assert "Ollanta" in run("check", "1")[1]


def test_check_a_file_without_importing_it_and_exit_codes(run, spanish_file, tmp_path):
    code, out, _ = run("check", str(spanish_file))
    assert code == 1 and "probelma" in out
    clean = tmp_path / "clean.md"
    clean.write_text("---\nheadline: Un buen día\nlanguage: es\n---\nTodo salió bien.\n")
    assert run("check", str(clean)) == (0, "0 problem(s): 0 spelling, 0 style\n", "")
    # In English every Spanish word is a problem.
    assert run("check", str(clean), "--lang", "en")[0] == 1
    code, _, err = run("check", str(tmp_path / "missing.md"))
    assert code == 2 and "missing.md" in err and "Traceback" not in err
    assert run("check", "42")[0] == 2
    assert run("check", str(clean), "--lang", "not a code")[0] == 2
    assert run("list")[1].strip() == ""  # nothing was imported


def test_blog_set_style_off(run, tmp_path):
    slips = tmp_path / "slips.md"
    slips.write_text(
        "---\nblog: Diario Andino\nheadline: Hoy\nlanguage: es\n---\nEs es así.  Sí.\n"
    )
    run("import", str(slips))
    assert "repeated-word" in run("check", "1")[1]
    code, _, err = run("blog", "set", "Diario Andino", "--style-off", "nope")
    assert code == 2 and "unknown rule 'nope'" in err
    assert run("blog", "set", "Diario Andino", "--style-off", "repeated-word,double-space")[0] == 0
    assert run("check", "1") == (0, "0 problem(s): 0 spelling, 0 style\n", "")
    assert run("check", str(slips))[0] == 0  # a file of that blog: its rules too


def test_personal_words(run, spanish_file):
    assert run("words", "add", "--personal", "Humala")[0] == 0
    assert run("words", "list", "--personal")[1] == "Humala\n"
    assert "Humala" not in run("check", str(spanish_file))[1]
    code, _, err = run("words", "add", "--personal", "two words")
    assert code == 2 and "one word" in err


def test_language_in_front_matter_round_trips_and_marks_the_page(run, spanish_file, tmp_path):
    run("import", str(spanish_file))
    code, out, _ = run("export-md", "1")
    assert code == 0 and "language: es" in out
    body = "He said [buenos días]{lang=es}.\n\n::: lang pt-BR\nBom dia.\n:::\n"
    page_file = tmp_path / "page.md"
    page_file.write_text(f"---\nheadline: Greetings\nlanguage: en-GB\n---\n{body}")
    run("import", str(page_file))
    code, html, _ = run("render", "2")
    assert code == 0
    assert '<html lang="en-GB"' in html
    assert '<span lang="es">buenos días</span>' in html
    assert '<div lang="pt-BR">' in html


def test_style_rules_switch_off_per_blog(store):
    with store.session() as s:
        blog = blogs.create_blog(s, "Diario Andino", language="es")
        post = posts.create_post(s, PostContent(headline="Hoy", body="Es es así.  Sí."), blog=blog)
        assert {p.rule for p in service.check_stored_post(s, post)[0]} == {
            "repeated-word", "double-space",
        }  # fmt: skip
        blogs.update_blog(s, blog, style_off="repeated-word,double-space")
        assert service.check_stored_post(s, post)[0] == []
        with pytest.raises(Exception, match="unknown rule"):
            blogs.update_blog(s, blog, style_off="no-such-rule")


def test_publish_warning_counts_problems(store):
    with store.session() as s:
        blog = blogs.create_blog(s, "Diario Andino", language="es")
        post = posts.create_post(
            s, PostContent(headline="Hoy", body="Un probelma  grave."), blog=blog
        )
        warning = proofing_warning(s, post.id)
        assert warning is not None
        assert warning.startswith("proofing: 2 problem(s), 1 spelling (probelma) and 1 style")
        service.add_blog_words(s, blog, ["probelma"])
        blogs.update_blog(s, blog, style_off="double-space")
        assert proofing_warning(s, post.id) is None


def test_migration_0009_upgrades_a_0006_database(tmp_path):
    from sqlalchemy import create_engine, text

    from editor.store.database import open_store
    from editor.store.migrations import upgrade

    url = f"sqlite:///{tmp_path / 'old.sqlite3'}"
    engine = create_engine(url)
    with engine.connect() as conn:
        upgrade(conn, "0006")
        conn.execute(text(
            "INSERT INTO blogs (name, site_url, description, theme, language, default_byline_role,"
            " comments_url_pattern, tag_url_pattern, logo_path, sidebar_auto, sidebar_count,"
            " created_at) VALUES ('Old', '', '', 'newsroom', 'es', '', '', '', '', 1, 5,"
            " CURRENT_TIMESTAMP)"
        ))  # fmt: skip
        conn.commit()
    engine.dispose()
    store = open_store(url)
    try:
        with store.session() as s:
            blog = s.get(Blog, 1)
            assert blog is not None and blog.style_off == ""
            assert service.add_blog_words(s, blog, ["Humala", "Humala"]) == ["Humala"]
            post = posts.create_post(s, PostContent(headline="x", body="Humala"), blog=blog)
            assert post.language == "" and service.post_language(post) == "es"
    finally:
        store.close()


def test_the_blog_word_list_ignored_words_and_language_travel_in_a_bundle(
    tmp_path, capsys, spanish_file
):
    first, second = str(tmp_path / "a.sqlite3"), str(tmp_path / "b.sqlite3")
    assert main(["--db", first, "import", str(spanish_file)]) == 0
    assert main(["--db", first, "words", "add", "--blog", "Diario Andino", "Humala"]) == 0
    assert main(["--db", first, "words", "add", "--post", "1", "ke"]) == 0  # this post's own
    bundle = tmp_path / "nota.zip"
    assert main(["--db", first, "export", "1", "-o", str(bundle)]) == 0
    assert main(["--db", second, "import", str(bundle)]) == 0
    capsys.readouterr()
    assert main(["--db", second, "words", "list", "--blog", "Diario Andino"]) == 0
    assert capsys.readouterr().out == "Humala\n"
    assert main(["--db", second, "check", "1", "--json"]) == 1
    found = json.loads(capsys.readouterr().out)
    assert {p["language"] for p in found if p["rule"] == "spelling"} == {"es"}
    assert "Humala" not in [p["word"] for p in found]
    assert "ke" not in [p["word"] for p in found]
    assert main(["--db", second, "words", "list", "--post", "1"]) == 0
    assert capsys.readouterr().out == "ke\n"


def test_push_dry_run_warns_with_the_count_and_does_not_block(run, spanish_file, monkeypatch):
    monkeypatch.setenv("BYLINE_PASSWORD", "not used by a dry run")
    run("import", str(spanish_file))
    run("set", "1", "--byline", "Ana Quispe", "--tags", "alcaldía")
    run("target", "add", "site", "--kind", "wordpress", "--url", "https://example.org",
        "--user", "ada", "--api-url", "https://example.org/wp-json/")  # fmt: skip
    code, out, err = run("push", "1", "--to", "site", "--dry-run")
    assert code == 0, err
    assert "warning: proofing: 4 problem(s), 4 spelling (Ollanta, Humala, ke, probelma)" in err
    assert "byline check 1 lists them" in err
    assert json.loads(out)["action"] == "create"


def test_acronyms_are_checked_when_the_writer_asks(run, tmp_path):
    page = tmp_path / "onu.md"
    page.write_text("---\nheadline: Hoy\nlanguage: es\n---\nLa OTAN y el G20 hablaron.\n")
    assert run("check", str(page))[0] == 0
    assert run("config", "set", "spelling.skip_all_caps", "false")[0] == 0
    code, out, _ = run("check", str(page))
    assert code == 1 and "“OTAN”" in out and "G20" not in out


def test_words_ignored_in_one_post_stay_with_that_post(run, spanish_file, tmp_path):
    """ "Ignore in this post" is kept with the post: `byline check` of that post accepts the
    word, another post of the same blog still flags it, and deleting the post takes the list."""
    assert run("import", str(spanish_file))[0] == 0
    other = tmp_path / "otra.md"
    other.write_text(SPANISH.replace("El alcalde habla", "Otra nota"), encoding="utf-8")
    assert run("import", str(other))[0] == 0

    assert run("words", "add", "--post", "1", "Ollanta", "ke") == (
        0, "add: 2 word(s) ignored in post 1\n", "",
    )  # fmt: skip
    assert run("words", "add", "--post", "1", "ke")[1] == "add: 0 word(s) ignored in post 1\n"
    assert run("words", "list", "--post", "1")[1].split() == ["ke", "Ollanta"]
    found = json.loads(run("check", "1", "--json")[1])
    assert [p["word"] for p in found if p["rule"] == "spelling"] == ["Humala", "probelma"]
    found = json.loads(run("check", "2", "--json")[1])
    assert [p["word"] for p in found if p["rule"] == "spelling"] == [
        "Ollanta", "Humala", "ke", "probelma",
    ]  # fmt: skip
    assert run("words", "remove", "--post", "1", "ke")[0] == 0
    assert run("words", "list", "--post", "1")[1] == "Ollanta\n"

    code, _, err = run("words", "add", "--post", "99", "Humala")
    assert code == 2 and "99" in err
    code, _, err = run("words", "add", "--post", "1", "two words")
    assert code == 2 and "one word" in err

    assert run("delete", "1")[0] == 0
    assert run("trash", "empty", "--yes")[0] == 0
    assert run("words", "list", "--post", "1")[0] == 2  # no such post any more
    with sqlite3.connect(tmp_path / "cli.sqlite3") as db:
        assert db.execute("SELECT count(*) FROM post_words").fetchone() == (0,)


def test_checks_without_a_target_refuse_open_suggestions_and_warn_of_spelling(store):
    """The Publish dialog before any target exists shows what a push would say: an open
    suggestion blocks, misspellings warn (they were missing there)."""
    from editor.services.publish import check_only

    with store.session() as s:
        blog = blogs.create_blog(s, "Coast Desk", language="en")
        body = "The mayor {~~said~>anounced~~} a plan.\n\nIt was recieved well."
        post_id = posts.create_post(s, PostContent(headline="Plan", byline="Ana", body=body),
                                    blog=blog).id  # fmt: skip
    report = check_only(store, post_id, status="publish", photos=[])
    assert any("1 suggestion" in e for e in report.errors), report.errors
    assert any(w.startswith("proofing:") and "recieved" in w for w in report.warnings)
