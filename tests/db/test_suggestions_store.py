"""Who suggested what: rows kept beside the marks, on SQLite and PostgreSQL."""

from __future__ import annotations

from sqlalchemy import inspect, select

from editor.model import PostContent, Suggestion
from editor.review.suggest_typing import apply_live_edit
from editor.services import blogs, posts
from editor.services import suggestions as sug

ANA = sug.Author("Ana", "ana@example.org", "America/La_Paz")
BEN = sug.Author("Ben", "", "UTC")


def _post(store, body="One two three. Four five six."):
    with store.session() as s:
        blog = blogs.get_or_create_blog(s, "Test Blog")
        return posts.create_post(s, PostContent(headline="H", body=body), blog=blog).id


def _edit_body(store, post_id, change, author):
    with store.session() as s:
        post = posts.get_post(s, post_id)
        content = post.content()
        content.body = change(content.body)
        posts.save_post(s, post_id, content, expected_version=post.version)
        sug.sync(s, posts.get_post(s, post_id), author)


def test_the_table_exists_after_migration(store):
    with store.engine.connect() as conn:
        columns = {c["name"] for c in inspect(conn).get_columns("suggestions")}
    assert {"post_id", "field", "kind", "mark", "author_name", "created_at"} <= columns


def test_a_mark_that_grows_keeps_its_author_and_a_gone_mark_drops_its_row(store):
    post_id = _post(store)
    with store.session() as s:
        sug.suggest(s, post_id, author=ANA, replace="two", with_="2")
    # Ben types on inside Ana's replacement (Suggest mode extends the mark)
    _edit_body(store, post_id, lambda b: b.replace("~>2~~}", "~>2!~~}"), BEN)
    with store.session() as s:
        (view,) = sug.list_suggestions(s, posts.get_post(s, post_id))
        assert view.mark.raw == "{~~two~>2!~~}"
        assert view.author.name == "Ana" and view.author.zone == "America/La_Paz"
    # a new mark typed by Ben is his
    _edit_body(store, post_id, lambda b: apply_live_edit(b, 0, 3, ""), BEN)
    with store.session() as s:
        views = sug.list_suggestions(s, posts.get_post(s, post_id))
        assert [(v.mark.kind, v.author.name) for v in views] == [("delete", "Ben"),
                                                                 ("replace", "Ana")]  # fmt: skip
    # accepting everything leaves no rows behind
    with store.session() as s:
        assert sug.resolve(s, post_id, None, accept=True, author=BEN) == 2
    with store.session() as s:
        assert s.scalars(select(Suggestion)).all() == []
        assert posts.get_post(s, post_id).body == " 2! three. Four five six."


def test_marks_nobody_recorded_are_listed_and_can_be_resolved(store):
    post_id = _post(store, "Plain {++typed by hand++} text {--here--}.")
    with store.session() as s:
        views = sug.list_suggestions(s, posts.get_post(s, post_id))
        assert [v.id for v in views] == ["u1", "u2"]
        assert views[0].created_at is None and views[0].author.label == "unknown"
        sug.resolve(s, post_id, "u2", accept=False, author=ANA)
    with store.session() as s:
        assert posts.get_post(s, post_id).body == "Plain {++typed by hand++} text here."


def test_deleting_a_post_deletes_its_suggestions(store):
    post_id = _post(store)
    with store.session() as s:
        sug.suggest(s, post_id, author=ANA, delete="five ")
    with store.session() as s:
        s.delete(posts.get_post(s, post_id))
    with store.session() as s:
        assert s.scalars(select(Suggestion)).all() == []
