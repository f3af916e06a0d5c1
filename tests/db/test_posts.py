"""Posts in a real database: create, save with version checks, slugs, revisions, search."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from editor.errors import ConflictError
from editor.model import PostContent, PostStatus, utcnow
from editor.services import blogs, posts


def _new(store, headline="First light", body="Solar panels on the school roof.", **kw):
    with store.session() as s:
        blog = blogs.get_or_create_blog(s, kw.pop("blog", "Latin America Blog"))
        return posts.create_post(s, PostContent(headline=headline, body=body, **kw), blog=blog)


def test_create_sets_uuid_slug_version_and_first_revision(store):
    post = _new(store, headline="¿Qué pasa en São Paulo?")
    assert len(post.uuid) == 36
    assert post.slug == "que-pasa-en-sao-paulo"
    assert post.version == 1
    assert post.byline_role == "Guest blogger"  # the blog's default role
    with store.session() as s:
        revs = posts.list_revisions(s, post.id)
    assert [r.reason for r in revs] == ["created"]


def test_slug_is_unique_per_blog_only(store):
    a = _new(store, headline="Same words")
    b = _new(store, headline="Same words")
    c = _new(store, headline="Same words", blog="Other Blog")
    assert (a.slug, b.slug, c.slug) == ("same-words", "same-words-2", "same-words")


def test_slug_follows_headline_until_edited_by_hand(store):
    post = _new(store)
    with store.session() as s:
        content = replace(post.content(), headline="Second light")
        r = posts.save_post(s, post.id, content, expected_version=post.version)
    assert r.slug == "second-light"
    with store.session() as s:
        content = replace(content, slug="my-own Slug", slug_auto=False)
        r = posts.save_post(s, post.id, content, expected_version=r.version)
        content = replace(content, headline="Third light", slug=r.slug)
        r = posts.save_post(s, post.id, content, expected_version=r.version)
    assert r.slug == "my-own-slug"


def test_stale_save_raises_conflict_and_changes_nothing(store):
    post = _new(store)
    with store.session() as s:
        posts.save_post(s, post.id, replace(post.content(), body="theirs"), expected_version=1)
    with pytest.raises(ConflictError) as err, store.session() as s:
        posts.save_post(s, post.id, replace(post.content(), body="mine"), expected_version=1)
    assert err.value.current_version == 2
    with store.session() as s:
        assert posts.get_post(s, post.id).body == "theirs"


@pytest.mark.parametrize("keep_mine", [True, False])
def test_conflict_resolution_keeps_the_loser_as_a_revision(store, keep_mine):
    post = _new(store)
    with store.session() as s:
        posts.save_post(s, post.id, replace(post.content(), body="theirs"), expected_version=1)
    mine = replace(post.content(), body="mine")
    with store.session() as s:
        posts.resolve_conflict(s, post.id, mine, keep_mine=keep_mine)
    with store.session() as s:
        stored = posts.get_post(s, post.id).body
        conflicts = [r for r in posts.list_revisions(s, post.id) if r.reason == "conflict"]
    assert stored == ("mine" if keep_mine else "theirs")
    assert len(conflicts) == 1
    loser = conflicts[0]
    assert loser.snapshot["body"] == ("theirs" if keep_mine else "mine")


def test_revisions_are_coalesced_while_typing(store):
    post = _new(store)
    start = utcnow()
    version = post.version
    content = post.content()
    with store.session() as s:
        for minute in range(0, 12):  # a save every minute for 12 minutes
            content = replace(content, body=f"draft {minute}")
            r = posts.save_post(
                s,
                post.id,
                content,
                expected_version=version,
                now=start + timedelta(minutes=minute, seconds=1),
            )
            version = r.version
        reasons = [rev.reason for rev in posts.list_revisions(s, post.id)]
    # created + one checkpoint every 5 minutes, not one per save
    assert reasons.count("editing") == 2
    assert len(reasons) == 3


def test_status_change_and_manual_version_always_snapshot(store):
    post = _new(store)
    with store.session() as s:
        posts.set_status(s, post.id, PostStatus.SUBMITTED)
        posts.save_version(s, post.id, "Before the editor's pass")
        revs = posts.list_revisions(s, post.id)
    assert [r.reason for r in revs] == ["manual", "status", "created"]
    assert revs[0].label == "Before the editor's pass"
    assert revs[1].status == "submitted"


def test_restore_creates_a_new_revision_and_keeps_history(store):
    post = _new(store, body="original")
    with store.session() as s:
        posts.save_post(s, post.id, replace(post.content(), body="rewritten"), expected_version=1)
        posts.restore_revision(s, post.id, 1)
    with store.session() as s:
        assert posts.get_post(s, post.id).body == "original"
        revs = posts.list_revisions(s, post.id)
    assert revs[0].reason == "restore"
    assert [r.number for r in revs] == sorted((r.number for r in revs), reverse=True)
    assert len(revs) >= 2


def test_search_is_ranked_and_follows_saves(store):
    a = _new(store, headline="Solar radio in the Andes", body="A village station.")
    b = _new(store, headline="Market prices", body="Potatoes, quinoa and a solar dryer.")
    _new(store, headline="Football scores", body="Nothing about energy.")
    with store.session() as s:
        hits = [p.id for p in posts.list_posts(s, search="solar")]
    assert hits == [a.id, b.id]  # headline match ranks above a body match
    with store.session() as s:
        posts.save_post(
            s, b.id, replace(b.content(), body="Potatoes and quinoa."), expected_version=b.version
        )
        assert [p.id for p in posts.list_posts(s, search="solar")] == [a.id]
        assert [p.id for p in posts.list_posts(s, search="quin")] == [b.id]  # prefix


def test_search_matches_tags_and_is_safe_with_operators(store):
    tagged = _new(store, headline="Untitled", body="x", tags=["community media"])
    with store.session() as s:
        assert [p.id for p in posts.list_posts(s, search="community")] == [tagged.id]
        assert posts.list_posts(s, search='"AND OR NEAR( *') == []


def test_list_filters_and_orders_by_update(store):
    a = _new(store, headline="A")
    b = _new(store, headline="B", blog="Other Blog")
    with store.session() as s:
        posts.set_status(s, a.id, PostStatus.IN_REVIEW)
        assert [p.id for p in posts.list_posts(s)] == [a.id, b.id]
        assert [p.id for p in posts.list_posts(s, status=PostStatus.IN_REVIEW)] == [a.id]
        assert [p.id for p in posts.list_posts(s, blog=b.blog_id)] == [b.id]


def test_search_ignores_accents_on_every_backend(store):
    post = _new(store, headline="Notícias de São Paulo", body="Señal débil en Cañón")
    with store.session() as s:
        for query in ("sao paulo", "São", "noticias", "senal debil", "CAÑÓN"):
            assert [p.id for p in posts.list_posts(s, search=query)] == [post.id], query


def test_move_post_to_another_blog_keeps_slug_unique_there(store):
    _new(store, headline="Same words", blog="Other Blog")
    post = _new(store, headline="Same words")
    with store.session() as s:
        other = blogs.find_blog(s, "Other Blog")
        r = posts.move_post(s, post.id, other.id, expected_version=post.version)
    assert r.changed and r.slug == "same-words-2" and r.version == post.version + 1
    with store.session() as s:
        assert posts.get_post(s, post.id).blog.name == "Other Blog"
    with pytest.raises(ConflictError), store.session() as s:
        posts.move_post(s, post.id, other.id, expected_version=post.version)
