"""Migration 0015: the newsroom's rules past posts and photos. For each table a writer's raw
SQL on their own connection (no Byline code in the way) is refused by PostgreSQL, and the same
statement from the blog's editor (or the row's own author) goes through; then Byline says
the same refusals in words, and keeps the app's own paths (taking over, a conflict's losing
side, a blog's announcement) working for both roles."""

from __future__ import annotations

import pytest

from editor.cli.main import main
from editor.errors import PermissionDeniedError
from editor.model import PostContent, PostStatus
from editor.services import blogs, comments, leases, posts, sidebar, suggestions, workflow
from tests.helpers.newsroom import new_post

pytestmark = pytest.mark.postgres


def _one(raw, sql: str, *args):
    return raw("postgres").execute(sql, args).fetchone()


def _refused():
    import psycopg

    return pytest.raises(psycopg.errors.InsufficientPrivilege)


def test_comments_are_their_authors(room, writer, editor, raw):
    mine = new_post(writer, room, "Writer's post")
    theirs = new_post(editor, room, "Editor's post")
    with editor.session() as s:
        on_mine = comments.add_comment(s, mine, "Check this", quote="salt").id
        on_theirs = comments.add_comment(s, theirs, "Mine alone", quote="sky").id
    w, e = raw(room.writer), raw(room.editor)
    assert _one(raw, "SELECT author_role FROM comments WHERE id = %s", on_mine) == (room.editor,)
    # Adding: anyone, as themselves only.
    add = "INSERT INTO comments (post_id, text, created_at, author_role) VALUES (%s, %s, now(), %s)"
    with _refused():
        w.execute(add, (theirs, "forged", room.editor))
    w.execute(add, (theirs, "a reader's note", room.writer))
    # Changing the words: the author alone (the editor's own statement goes through).
    edit = "UPDATE comments SET text = 'hacked' WHERE id = %s"
    assert w.execute(edit, (on_theirs,)).rowcount == 0  # not theirs to touch at all
    with _refused():
        w.execute(edit, (on_mine,))  # on the writer's post: they may resolve it, not rewrite it
    assert e.execute(edit, (on_mine,)).rowcount == 1
    # Resolving: the author, the post's writer, the blog's editors.
    resolve = "UPDATE comments SET resolved = true WHERE id = %s"
    assert w.execute(resolve, (on_theirs,)).rowcount == 0
    assert w.execute(resolve, (on_mine,)).rowcount == 1
    assert e.execute(resolve, (on_theirs,)).rowcount == 1
    # Deleting: the author alone.
    assert w.execute("DELETE FROM comments WHERE id = %s", (on_mine,)).rowcount == 0
    assert e.execute("DELETE FROM comments WHERE id = %s", (on_mine,)).rowcount == 1
    # Nobody hands their comment to someone else.
    with _refused():
        e.execute("UPDATE comments SET author_role = %s WHERE id = %s", (room.writer, on_theirs))


def test_suggestions_follow_the_post(room, writer, editor, raw):
    post_id = new_post(writer, room, "Suggest on me")
    with editor.session() as s:
        view = suggestions.suggest(s, post_id, replace="salt", with_="sand")
    row = int(view.id)
    w, e = raw(room.writer), raw(room.editor)
    add = ("INSERT INTO suggestions (post_id, field, kind, mark, created_at, author_role) "
           "VALUES (%s, 'body', 'insert', '{++x++}', now(), %s)")  # fmt: skip
    with _refused():
        w.execute(add, (post_id, room.editor))
    with writer.session() as s:
        workflow.change_status(s, post_id, PostStatus.SUBMITTED)
    # Submitted: the writer may no longer change the post, so neither its suggestions.
    assert w.execute("DELETE FROM suggestions WHERE id = %s", (row,)).rowcount == 0
    with _refused():
        w.execute(add, (post_id, room.writer))
    assert e.execute("DELETE FROM suggestions WHERE id = %s", (row,)).rowcount == 1


def test_status_log_lines_are_ones_own_moves(room, writer, raw):
    post_id = new_post(writer, room, "Log me")
    w, e = raw(room.writer), raw(room.editor)
    add = ("INSERT INTO status_changes (post_id, from_status, to_status, created_at, author_role)"
           " VALUES (%s, %s, %s, now(), %s)")  # fmt: skip
    with _refused():
        w.execute(add, (post_id, "in_review", "approved", room.writer))
    with _refused():
        w.execute(add, (post_id, "draft", "submitted", room.editor))
    w.execute(add, (post_id, "draft", "submitted", room.writer))
    e.execute(add, (post_id, "in_review", "approved", room.editor))
    line = _one(raw, "SELECT max(id) FROM status_changes WHERE post_id = %s", post_id)[0]
    for conn in (w, e):  # the log only grows: the owner alone repairs it
        assert (
            conn.execute("UPDATE status_changes SET note = 'x' WHERE id = %s", (line,)).rowcount
            == 0
        )
        assert conn.execute("DELETE FROM status_changes WHERE id = %s", (line,)).rowcount == 0


def test_revisions_are_added_for_posts_one_may_change_and_rewritten_by_editors(
    room, writer, editor, raw
):
    mine = new_post(writer, room, "My history")
    theirs = new_post(editor, room, "Their history")
    w, e = raw(room.writer), raw(room.editor)
    copy = ("INSERT INTO revisions (post_id, uuid, number, created_at, reason, label, status,"
            " post_version, snapshot) SELECT post_id, gen_random_uuid()::text, number + 100,"
            " now(), 'manual', 'forged', status, post_version, snapshot FROM revisions"
            " WHERE post_id = %s ORDER BY number LIMIT 1")  # fmt: skip
    with _refused():
        w.execute(copy, (theirs,))
    w.execute(copy, (mine,))
    rewrite = "UPDATE revisions SET label = 'rewritten' WHERE post_id = %s"
    assert w.execute(rewrite, (mine,)).rowcount == 0
    assert w.execute("DELETE FROM revisions WHERE post_id = %s", (mine,)).rowcount == 0
    assert e.execute(rewrite, (mine,)).rowcount >= 2


def test_leases_are_taken_as_oneself(room, writer, editor, raw):
    post_id = new_post(writer, room, "Lease me")
    with editor.session() as s:
        assert leases.acquire(s, post_id, "editor-token").held
    w, e = raw(room.writer), raw(room.editor)
    with _refused():  # stretching someone else's lease
        w.execute("UPDATE leases SET expires_at = now() + interval '1 day' WHERE post_id = %s",
                  (post_id,))  # fmt: skip
    with _refused():  # a lease in someone else's name
        w.execute("UPDATE leases SET token = 'x', holder_role = %s WHERE post_id = %s",
                  (room.editor, post_id))  # fmt: skip
    assert w.execute("DELETE FROM leases WHERE post_id = %s", (post_id,)).rowcount == 0
    # Taking over (the lease becomes the taker's), as the window's Take over does: allowed.
    assert w.execute("UPDATE leases SET token = 'w', holder_role = current_user, expires_at = "
                     "now() + interval '3 minutes' WHERE post_id = %s", (post_id,)).rowcount == 1  # fmt: skip
    assert e.execute("DELETE FROM leases WHERE post_id = %s", (post_id,)).rowcount == 1
    with _refused():
        w.execute("INSERT INTO leases (post_id, token, holder_role, taken_at, renewed_at, "
                  "expires_at) VALUES (%s, 't', %s, now(), now(), now() + interval '1 hour')",
                  (post_id, room.editor))  # fmt: skip


def test_blogs_and_their_links_are_their_editors(room, raw):
    w, e = raw(room.writer), raw(room.editor)
    blog_id = _one(raw, "SELECT id FROM blogs WHERE name = %s", room.blog)[0]
    settings = "UPDATE blogs SET description = %s WHERE id = %s"
    assert w.execute(settings, ("hijacked", blog_id)).rowcount == 0
    assert w.execute("DELETE FROM blogs WHERE id = %s", (blog_id,)).rowcount == 0
    assert e.execute(settings, ("High plains, low air", blog_id)).rowcount == 1
    with _refused():
        w.execute("INSERT INTO blogs (name, site_url, description, theme, language, "
                  "default_byline_role, comments_url_pattern, tag_url_pattern, logo_path, "
                  "sidebar_auto, sidebar_count, style_off, created_at) VALUES ('Mine', '', '', "
                  "'newsroom', 'en', '', '', '', '', true, 5, '', now())")  # fmt: skip
    link = ("INSERT INTO sidebar_links (blog_id, title, url, label, pinned, position, source, "
            "created_at, updated_at) VALUES (%s, 'Spam', %s, '', false, 0, 'manual', now(), now())")  # fmt: skip
    with _refused():
        w.execute(link, (blog_id, "https://spam.example/"))
    e.execute(link, (blog_id, "https://example.org/good"))
    assert (
        w.execute("UPDATE sidebar_links SET title = 'x' WHERE blog_id = %s", (blog_id,)).rowcount
        == 0
    )
    assert w.execute("DELETE FROM sidebar_links WHERE blog_id = %s", (blog_id,)).rowcount == 0
    assert e.execute("DELETE FROM sidebar_links WHERE blog_id = %s", (blog_id,)).rowcount == 1


# -- Byline says it in words, and its own paths keep working --------------------------------


def test_byline_names_the_blog_rules(room, writer, editor):
    with writer.session() as s:
        blog = blogs.find_blog(s, room.blog)
        with pytest.raises(
            PermissionDeniedError, match="Only the blog's editors can change its settings"
        ):
            blogs.update_blog(s, blog, description="mine")
        with pytest.raises(PermissionDeniedError, match="change its Recent posts links"):
            sidebar.add_link(s, blog, title="Spam", url="https://spam.example/")
        with pytest.raises(PermissionDeniedError, match="database's owner can add a blog"):
            blogs.create_blog(s, "Writer's own")
    with editor.session() as s:
        blog = blogs.find_blog(s, room.blog)
        blogs.update_blog(s, blog, description="Thin air")
        link = sidebar.add_link(s, blog, title="Good", url="https://example.org/fine")
        sidebar.remove_link(s, blog, link.id)


def test_byline_names_who_resolves_a_comment(room, writer, editor):
    theirs = new_post(editor, room, "Not the writer's")
    with editor.session() as s:
        note = comments.add_comment(s, theirs, "For the desk", quote="salt").id
    with writer.session() as s:
        reply = comments.reply(s, theirs, note, "Anyone may answer").id  # replies: anyone
        with pytest.raises(
            PermissionDeniedError, match="Only a comment's author, the post's writer"
        ):
            comments.set_resolved(s, theirs, note, True)
    assert reply
    with editor.session() as s:
        assert comments.set_resolved(s, theirs, note, True).resolved


def test_cli_blog_refusal_exit_1(room, capsys):
    code = main(["--db", room.writer_url, "blog", "set", room.blog, "--description", "mine"])
    assert code == 1
    assert "Only the blog's editors can change its settings." in capsys.readouterr().err
    assert main(["--db", room.editor_url, "blog", "set", room.blog, "--description", "ok"]) == 0


def test_writer_keeps_unsaved_words_of_a_post_moved_on(room, writer, editor):
    """The take-over path: the editor submitted the writer's draft while they typed; the
    writer may no longer change it, yet their words are kept as a revision."""
    post_id = new_post(writer, room, "Moved on")
    with editor.session() as s:
        workflow.change_status(s, post_id, PostStatus.SUBMITTED)
    with writer.session() as s:
        number = leases.keep_unsaved(s, post_id, PostContent(headline="Moved on", body="mine"),
                                     "Eda Editor")  # fmt: skip
        rev = posts.get_revision(s, post_id, number)
        assert rev.reason == "taken_over" and rev.snapshot["body"] == "mine"


def test_a_conflicts_losing_side_is_kept_by_a_writer(room, writer):
    post_id = new_post(writer, room, "Two versions")
    with writer.session() as s:
        mine = PostContent(headline="Mine", body="b")
        posts.resolve_conflict(s, post_id, mine, keep_mine=False)
        newest = posts.list_revisions(s, post_id)[0]
        assert (newest.reason, newest.snapshot["headline"]) == ("conflict", "Mine")


def test_a_blog_change_is_announced(room, raw, editor):
    from editor.store.changes import CHANNEL, Change

    listener = raw("postgres")
    listener.execute(f"LISTEN {CHANNEL}")
    with editor.session() as s:
        blogs.update_blog(s, blogs.find_blog(s, room.blog), description="Announced")
        blog_id = blogs.find_blog(s, room.blog).id
    found = [Change.from_payload(n.payload) for n in listener.notifies(timeout=5, stop_after=1)]
    assert found and found[0] is not None
    assert (found[0].table, found[0].op, found[0].blog_id) == ("blogs", "update", blog_id)


def test_a_writers_trashed_draft_is_the_editors(room, writer, editor, raw):
    """0012 let a writer touch (and so restore) their own draft in the Trash."""
    from editor.services import trash

    post_id = new_post(writer, room, "Binned")
    with editor.session() as s:
        trash.trash_post(s, post_id)
    w = raw(room.writer)
    assert w.execute("UPDATE posts SET deleted_at = NULL WHERE id = %s", (post_id,)).rowcount == 0
    assert w.execute("UPDATE posts SET headline = 'x' WHERE id = %s", (post_id,)).rowcount == 0
    with writer.session() as s, pytest.raises(PermissionDeniedError, match="in the Trash"):
        p = posts.get_post(s, post_id)
        posts.save_post(s, post_id, PostContent(headline="back"), expected_version=p.version)
    assert (
        raw(room.editor)
        .execute("UPDATE posts SET deleted_at = NULL WHERE id = %s", (post_id,))
        .rowcount
        == 1
    )


def test_cli_resolve_refusal_exit_1(room, writer, editor, capsys):
    theirs = new_post(editor, room, "Desk notes")
    with editor.session() as s:
        note = comments.add_comment(s, theirs, "Tighten this", quote="salt").id
    args = ["comment", "resolve", str(theirs), str(note)]
    assert main(["--db", room.writer_url, *args]) == 1
    err = capsys.readouterr().err
    assert "Only a comment's author, the post's writer and the blog's editors" in err
    assert "Traceback" not in err
    assert main(["--db", room.editor_url, *args]) == 0
