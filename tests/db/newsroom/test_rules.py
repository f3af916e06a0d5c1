"""The newsroom's rules are PostgreSQL's, not only Byline's: a writer and an editor connect as
two real roles, and the writer's forbidden changes are refused by the database itself (raw SQL
on the writer's own connection, no Byline code in the way), while the editor's go through.
Byline then says the same refusals in words, and SQLite (one person) has no rules at all."""

from __future__ import annotations

import pytest

from editor.cli.main import main
from editor.errors import PermissionDeniedError
from editor.model import PostContent, PostStatus
from editor.services import newsroom, posts, trash, workflow
from tests.helpers.newsroom import Newsroom, new_post

pytestmark = pytest.mark.postgres


def _row(room: Newsroom, raw, post_id: int) -> tuple:
    return (
        raw("postgres")
        .execute("SELECT headline, status, deleted_at, owner FROM posts WHERE id = %s", (post_id,))
        .fetchone()
    )


def test_a_post_belongs_to_the_role_that_made_it(room, writer, raw):
    post_id = new_post(writer, room, "Solar radio")
    assert _row(room, raw, post_id)[3] == room.writer


def test_writer_cannot_approve_their_own_draft_postgres_refuses(room, writer, raw):
    import psycopg

    post_id = new_post(writer, room, "Approve me")
    w = raw(room.writer)
    for status in ("approved", "in_review", "scheduled", "published"):
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"):
            w.execute("UPDATE posts SET status = %s WHERE id = %s", (status, post_id))
    assert _row(room, raw, post_id)[1] == "draft"
    # The same statement from the blog's editor goes through.
    e = raw(room.editor)
    assert e.execute("UPDATE posts SET status = 'approved' WHERE id = %s", (post_id,)).rowcount == 1
    assert _row(room, raw, post_id)[1] == "approved"


def test_writer_cannot_touch_someone_elses_post(room, writer, editor, raw):
    theirs = new_post(editor, room, "The editor's own")
    mine = new_post(writer, room, "The writer's own")
    w = raw(room.writer)
    # Row-level security hides the row from the UPDATE: nothing matches, nothing changes.
    assert w.execute("UPDATE posts SET headline = 'hacked' WHERE id = %s", (theirs,)).rowcount == 0
    assert _row(room, raw, theirs)[0] == "The editor's own"
    assert (
        w.execute("UPDATE posts SET headline = 'Mine, better' WHERE id = %s", (mine,)).rowcount == 1
    )
    # An editor of the blog may change anyone's post in it.
    e = raw(room.editor)
    assert e.execute("UPDATE posts SET headline = 'Edited' WHERE id = %s", (mine,)).rowcount == 1
    assert _row(room, raw, mine)[0] == "Edited"


def test_writer_cannot_edit_own_post_once_submitted(room, writer, raw):
    post_id = new_post(writer, room, "Sent in")
    w = raw(room.writer)
    assert (
        w.execute("UPDATE posts SET status = 'submitted' WHERE id = %s", (post_id,)).rowcount == 1
    )
    assert w.execute("UPDATE posts SET headline = 'late' WHERE id = %s", (post_id,)).rowcount == 0
    assert w.execute("UPDATE posts SET status = 'draft' WHERE id = %s", (post_id,)).rowcount == 0
    assert _row(room, raw, post_id)[:2] == ("Sent in", "submitted")
    e = raw(room.editor)
    assert e.execute("UPDATE posts SET headline = 'Tidied' WHERE id = %s", (post_id,)).rowcount == 1


def test_only_editors_trash_or_delete(room, writer, raw):
    import psycopg

    post_id = new_post(writer, room, "Keep me")
    w = raw(room.writer)
    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        w.execute("UPDATE posts SET deleted_at = now() WHERE id = %s", (post_id,))
    assert w.execute("DELETE FROM posts WHERE id = %s", (post_id,)).rowcount == 0
    assert _row(room, raw, post_id)[2] is None
    e = raw(room.editor)
    assert e.execute("DELETE FROM posts WHERE id = %s", (post_id,)).rowcount == 1


def test_writer_cannot_add_a_post_as_someone_else_or_already_published(room, writer, raw):
    import psycopg

    w = raw(room.writer)
    blog_id = w.execute("SELECT id FROM blogs WHERE name = %s", (room.blog,)).fetchone()[0]
    insert = ("INSERT INTO posts (uuid, blog_id, headline, slug, status, owner, version, created_at,"
              " updated_at, deck, byline, byline_role, published_tz, published_date_only,"
              " slug_auto, tags, categories, body, editor_note, language, comments_url)"
              " VALUES (gen_random_uuid()::text, %s, 'x', %s, %s, %s, 1, now(), now(), '', '',"
              " '', '', false, true, '[]', '[]', '', '', '', '')")  # fmt: skip
    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        w.execute(insert, (blog_id, "as-editor", "draft", room.editor))
    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        w.execute(insert, (blog_id, "published", "published", room.writer))
    w.execute(insert, (blog_id, "fine", "draft", room.writer))


def test_editors_list_is_the_owners_alone(room, raw):
    import psycopg

    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        raw(room.writer).execute(
            "INSERT INTO blog_editors (blog_id, role_name) SELECT id, %s FROM blogs",
            (room.writer,),
        )


# -- Byline says the same refusals in words ------------------------------------------------


def test_byline_names_the_rule_it_refuses(room, writer, editor):
    post_id = new_post(writer, room, "Workflow")
    with (
        pytest.raises(PermissionDeniedError, match="Only the blog's editors can approve a post"),
        writer.session() as s,
    ):
        workflow.change_status(s, post_id, PostStatus.APPROVED, force=True)
    with writer.session() as s:
        workflow.change_status(s, post_id, PostStatus.SUBMITTED)
    with (
        pytest.raises(PermissionDeniedError, match="only the blog's editors can change it now"),
        writer.session() as s,
    ):
        p = posts.get_post(s, post_id)
        posts.save_post(s, post_id, PostContent(headline="late"), expected_version=p.version)
    with (
        pytest.raises(PermissionDeniedError, match="take a post into review"),
        writer.session() as s,
    ):
        workflow.change_status(s, post_id, PostStatus.IN_REVIEW)
    with (
        pytest.raises(PermissionDeniedError, match="move a post to the Trash"),
        writer.session() as s,
    ):
        trash.trash_post(s, post_id)
    with editor.session() as s:
        workflow.review_decision(s, post_id, PostStatus.APPROVED)
        trash.trash_post(s, post_id)


def test_postgres_refusal_reaches_the_person_in_words_without_byline_checks(
    room, writer, editor, monkeypatch
):
    """Fault injection: with Byline's own checks switched off, PostgreSQL still refuses and
    the refusal is said in words (an UPDATE that matched no row too)."""
    post_id = new_post(writer, room, "Unchecked")
    theirs = new_post(editor, room, "Not yours")
    for name in ("check_edit", "check_status", "check_trash"):
        monkeypatch.setattr(newsroom, name, lambda *a, **k: None)
    with (
        pytest.raises(PermissionDeniedError, match=r"refused the change.*only the blog's editors"),
        writer.session() as s,
    ):
        workflow.change_status(s, post_id, PostStatus.APPROVED, force=True)
    with pytest.raises(PermissionDeniedError, match="refused the change"), writer.session() as s:
        p = posts.get_post(s, theirs)
        posts.save_post(s, theirs, PostContent(headline="mine now"), expected_version=p.version)
    with pytest.raises(PermissionDeniedError, match="refused the change"), writer.session() as s:
        trash.trash_post(s, post_id)


def test_cli_refusal_is_one_line_and_exit_1(room, writer, capsys, monkeypatch):
    post_id = new_post(writer, room, "From the shell")
    monkeypatch.setenv("BYLINE_USER_NAME", "Wren Writer")
    code = main(["--db", room.writer_url, "status", str(post_id), "approved", "--force"])
    err = capsys.readouterr().err
    assert code == 1
    assert err == "byline status: Only the blog's editors can approve a post.\n"
    assert main(["--db", room.editor_url, "status", str(post_id), "approved", "--force"]) == 0


def test_someone_outside_the_newsroom_is_told_to_ask(room, raw, capsys):
    stranger = room.writer.replace("writer_", "stranger_")
    admin = raw("postgres")
    admin.execute(f"CREATE ROLE {stranger} LOGIN")
    try:
        code = main(["--db", room.url_for(stranger), "new", "--headline", "Hello"])
        err = capsys.readouterr().err
        assert code == 1 and "Traceback" not in err
        assert "refused" in err and "byline newsroom add-person" in err
    finally:
        admin.execute(f"DROP ROLE {stranger}")


# -- administering ----------------------------------------------------------------------------


def test_newsroom_commands(room, capsys):
    assert main(["--db", room.owner_url, "newsroom", "setup"]) == 0  # again: idempotent
    capsys.readouterr()
    assert main(["--db", room.owner_url, "newsroom", "editors", room.blog]) == 0
    assert capsys.readouterr().out == f"{room.editor}\n"
    assert main(["--db", room.owner_url, "newsroom", "people"]) == 0
    out = capsys.readouterr().out
    assert f"{room.editor}: editor of {room.blog}" in out and f"{room.writer}: writer" in out
    assert main(["--db", room.owner_url, "newsroom", "editors", room.blog, "--add",
                 room.writer]) == 0  # fmt: skip
    assert main(["--db", room.owner_url, "newsroom", "editors", room.blog, "--remove",
                 room.writer]) == 0  # fmt: skip
    capsys.readouterr()
    assert main(["--db", room.owner_url, "newsroom", "add-person", "Robert'); DROP"]) == 2
    assert "not a usable role name" in capsys.readouterr().err
    # Only the owner administers.
    assert main(["--db", room.writer_url, "newsroom", "editors", room.blog, "--add",
                 room.writer]) == 1  # fmt: skip
    assert "Only the database's owner" in capsys.readouterr().err


def test_newsroom_needs_postgres(tmp_path, capsys):
    assert main(["--db", str(tmp_path / "one.sqlite3"), "newsroom", "setup"]) == 2
    assert "needs a shared PostgreSQL database" in capsys.readouterr().err


def test_only_the_owner_upgrades_a_shared_database(room, raw, capsys):
    from editor.store.schema import SCHEMA_HEAD

    admin = raw("postgres")
    admin.execute("UPDATE alembic_version SET version_num = '0009'")  # as if from an older Byline
    try:
        assert main(["--db", room.writer_url, "list"]) == 1
        err = capsys.readouterr().err
        assert "needs an upgrade" in err and "only its owner" in err and "Traceback" not in err
        assert admin.execute("SELECT version_num FROM alembic_version").fetchone() == ("0009",)
    finally:
        admin.execute("UPDATE alembic_version SET version_num = %s", (SCHEMA_HEAD,))


def _jpeg() -> bytes:
    from io import BytesIO

    from PIL import Image

    out = BytesIO()
    Image.new("RGB", (64, 48), (200, 120, 40)).save(out, "JPEG")
    return out.getvalue()


def test_a_posts_photos_follow_the_post(room, writer, editor, raw):
    from editor.services import photos

    post_id = new_post(writer, room, "With a photo")
    with writer.session() as s:
        photo_id = photos.attach(s, posts.get_post(s, post_id), _jpeg(), filename="a.jpg").id
    w = raw(room.writer)
    sql = "UPDATE photos SET caption = %s WHERE id = %s"
    assert w.execute(sql, ("Salt flats", photo_id)).rowcount == 1  # own draft: fine
    w.execute("UPDATE posts SET status = 'submitted' WHERE id = %s", (post_id,))
    assert w.execute(sql, ("Too late", photo_id)).rowcount == 0  # submitted: PostgreSQL hides it
    assert w.execute("DELETE FROM photos WHERE id = %s", (photo_id,)).rowcount == 0
    caption = raw("postgres").execute("SELECT caption FROM photos WHERE id = %s", (photo_id,))
    assert caption.fetchone() == ("Salt flats",)
    assert raw(room.editor).execute(sql, ("Edited", photo_id)).rowcount == 1
    only_editors = "only the blog's editors can change it now"
    with pytest.raises(PermissionDeniedError, match=only_editors), writer.session() as s:
        photos.update_photo(s, photos.get_photo(s, post_id, photo_id), caption="Mine")
    # Emptying the Trash (an editor's) takes the photos with the post.
    with editor.session() as s:
        trash.trash_post(s, post_id)
        assert trash.empty_trash(s, [post_id]) == [post_id]
    gone = raw("postgres").execute("SELECT count(*) FROM photos WHERE id = %s", (photo_id,))
    assert gone.fetchone() == (0,)


def test_a_writers_own_temp_table_cannot_make_them_an_editor(room, writer, raw):
    """Temporary tables come first in a session's search path: the rules' functions pin
    theirs, so a writer's own ``blog_editors`` (or ``posts``) is never the one consulted."""
    import psycopg

    post_id = new_post(writer, room, "Sneaky")
    w = raw(room.writer)
    w.execute("CREATE TEMP TABLE blog_editors (blog_id integer, role_name text)")
    w.execute("INSERT INTO blog_editors SELECT id, current_user FROM blogs")
    w.execute("CREATE TEMP TABLE posts (id integer, blog_id integer, owner text, status text)")
    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        w.execute("UPDATE public.posts SET status = 'published' WHERE id = %s", (post_id,))
    assert _row(room, raw, post_id)[1] == "draft"


def test_a_posts_ignored_words_follow_the_post(room, writer, editor, raw):
    """ "Ignore in this post" words (migration 0013) change with the post: the writer adds them
    to their own draft, not to someone else's post; PostgreSQL itself refuses the raw INSERT."""
    import psycopg

    from editor.services import proofing

    mine = new_post(writer, room, "Words of mine")
    theirs = new_post(editor, room, "Words of theirs")
    with writer.session() as s:
        assert proofing.add_post_words(s, mine, ["Quispe"]) == ["Quispe"]
    w = raw(room.writer)
    sql = "INSERT INTO post_words (post_id, word, created_at) VALUES (%s, %s, now())"
    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        w.execute(sql, (theirs, "Mamani"))
    assert w.execute("DELETE FROM post_words WHERE post_id = %s", (theirs,)).rowcount == 0
    e = raw(room.editor)
    e.execute(sql, (theirs, "Mamani"))
    # Everyone reads every post's list (a reviewer's spelling agrees with the writer's).
    words = w.execute("SELECT word FROM post_words WHERE post_id IN (%s, %s) ORDER BY word",
                      (mine, theirs)).fetchall()  # fmt: skip
    assert words == [("Mamani",), ("Quispe",)]
