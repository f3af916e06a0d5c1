"""Pushing to the real local WordPress, over REST and over XML-RPC."""

from __future__ import annotations

import pytest

from editor.model import RemotePost
from editor.publish.errors import AuthError, CapabilityError, RemoteConflict
from editor.services import posts
from editor.services.publish import push_post
from editor.store.database import open_store
from tests.integration.publishing import (
    SiteView,
    add_target,
    new_post,
    secrets_for,
    two_photos,
)

KINDS = ["wordpress", "metaweblog"]


@pytest.fixture
def store(tmp_path):
    st = open_store(tmp_path / "byline.sqlite3")
    yield st
    st.close()


@pytest.fixture
def site(wordpress):
    return SiteView(wordpress)


def _uuid(store, post_id):
    with store.session() as s:
        return posts.get_post(s, post_id).uuid


@pytest.mark.parametrize("kind", KINDS)
def test_push_creates_one_post_with_terms_featured_image_alt_and_caption(
    kind, store, wordpress, site
):
    post_id = new_post(store)
    add_target(store, "site", kind, wordpress.url)
    photos = two_photos()
    result = push_post(store, post_id, "site", secrets=secrets_for(wordpress.app_password),
                       status="publish", photos=photos)  # fmt: skip

    assert result.action == "create"
    assert result.url.startswith(wordpress.url)
    assert sorted(result.uploaded) == ["harbour.jpg", "lead.jpg"]
    [remote] = site.posts_with_marker(_uuid(store, post_id))
    assert str(remote["id"]) == result.remote_id
    assert remote["status"] == "publish"
    assert remote["title"]["raw"] == "Harbour lights return"
    assert remote["excerpt"]["raw"] == "The old lamps shine again."
    assert 'class="byline-name">Ada Lovelace<' in remote["content"]["raw"]
    assert site.term_names("tags", remote["tags"]) == {"harbour", "lights"}
    assert site.term_names("categories", remote["categories"]) == {"Local news"}

    lead, inline = photos
    [lead_media] = site.media_with_sha(lead.sha256)
    [inline_media] = site.media_with_sha(inline.sha256)
    assert remote["featured_media"] == lead_media["id"]
    assert "Photo: Grace Hopper" in site.media(lead_media["id"])["caption"]["raw"]
    content = remote["content"]["raw"]
    assert inline_media["source_url"] in content  # the body's reference was rewritten
    assert 'alt="Lamps at dusk"' in content  # the writer's own alt text wins
    assert "<figcaption>Caption of harbour.jpg (Photo: Grace Hopper)</figcaption>" in content
    if kind == "wordpress":  # XML-RPC has no alt field: alt travels in the <img> only
        assert site.media(lead_media["id"])["alt_text"] == "Alt text of lead.jpg"


@pytest.mark.parametrize("kind", KINDS)
def test_second_push_updates_in_place_without_new_uploads(kind, store, wordpress, site):
    post_id = new_post(store, headline="Second push")
    add_target(store, "site", kind, wordpress.url)
    secrets = secrets_for(wordpress.app_password)
    photos = two_photos()
    first = push_post(store, post_id, "site", secrets=secrets, status="publish", photos=photos)
    with store.session() as s:
        post = posts.get_post(s, post_id)
        content = post.content()
        content.headline = "Second push, corrected"
        posts.save_post(s, post_id, content, expected_version=post.version)
    second = push_post(store, post_id, "site", secrets=secrets, status="publish", photos=photos)

    assert second.remote_id == first.remote_id
    assert second.action == "update"
    assert second.uploaded == []
    calls = [name for name, _ in second.calls]
    assert calls.count("update_post") == 1
    assert "create_post" not in calls and "upload_media" not in calls
    [remote] = site.posts_with_marker(_uuid(store, post_id))
    assert remote["title"]["raw"] == "Second push, corrected"
    for p in photos:
        assert len(site.media_with_sha(p.sha256)) == 1


@pytest.mark.parametrize("kind", KINDS)
def test_a_change_on_the_site_is_not_overwritten_without_force(kind, store, wordpress, site):
    post_id = new_post(store, headline="Conflict")
    add_target(store, "site", kind, wordpress.url)
    secrets = secrets_for(wordpress.app_password)
    first = push_post(store, post_id, "site", secrets=secrets, status="draft")
    site.edit_post(first.remote_id, title="An editor's better headline")

    with pytest.raises(RemoteConflict, match="changed on the site"):
        push_post(store, post_id, "site", secrets=secrets, status="draft")
    assert site.post(first.remote_id)["title"]["raw"] == "An editor's better headline"

    forced = push_post(store, post_id, "site", secrets=secrets, status="draft", force=True)
    assert forced.remote_id == first.remote_id
    assert site.post(first.remote_id)["title"]["raw"] == "Conflict"


@pytest.mark.parametrize(
    ("kind", "message"),
    [("wordpress", "wrong user name or application password"),
     ("metaweblog", "wrong user name or password")],
)  # fmt: skip
def test_wrong_password_says_so_and_sends_nothing(kind, message, store, wordpress, site):
    post_id = new_post(store, headline="Wrong password")
    add_target(store, "site", kind, wordpress.url)
    with pytest.raises(AuthError, match=message) as caught:
        push_post(store, post_id, "site", secrets=secrets_for("not-the-password"))
    assert caught.value.step  # names the step that failed
    assert site.posts_with_marker(_uuid(store, post_id)) == []
    with store.session() as s:
        assert s.query(RemotePost).count() == 0


def test_a_user_without_the_capability_gets_a_clear_error(store, wordpress):
    post_id = new_post(store, headline="Subscriber")
    add_target(store, "site", "wordpress", wordpress.url, user=wordpress.reader_user)
    with pytest.raises(CapabilityError, match=r"reader.*may not edit posts"):
        push_post(store, post_id, "site", secrets=secrets_for(wordpress.reader_app_password))


@pytest.mark.parametrize("kind", KINDS)
def test_a_pulled_post_is_pushed_back_as_an_update_of_the_same_remote_post(
    kind, store, wordpress, site
):
    import httpx

    from editor.services.pull import pull_posts

    made = httpx.post(
        f"{wordpress.url}/wp-json/wp/v2/posts",
        json={"title": f"Written on the site ({kind})", "status": "publish",
              "content": "<p>Hello <strong>there</strong>.</p>"},
        auth=(wordpress.user, wordpress.app_password),
    ).json()  # fmt: skip
    add_target(store, "site", kind, wordpress.url)
    secrets = secrets_for(wordpress.app_password)
    pulled = pull_posts(store, "site", secrets=secrets, limit=50)
    assert any(i.title == f"Written on the site ({kind})" for i in pulled.sidebar)
    with store.session() as s:
        rec = s.query(RemotePost).filter_by(remote_id=str(made["id"])).one()
        post = posts.get_post(s, rec.post_id)
        assert post.body.strip() == "Hello **there**."
        content = post.content()
        content.byline = "Ada Lovelace"
        posts.save_post(s, post.id, content, expected_version=post.version)
        post_id = post.id

    result = push_post(store, post_id, "site", secrets=secrets, status="publish")
    assert result.remote_id == str(made["id"])
    assert result.action == "update"
    assert "Ada Lovelace" in site.post(result.remote_id)["content"]["raw"]


@pytest.mark.parametrize("kind", KINDS)
def test_a_post_dated_tomorrow_is_scheduled(kind, store, wordpress, site):
    from datetime import timedelta

    from editor.model import utcnow

    post_id = new_post(store, headline=f"Scheduled {kind}")
    when = (utcnow() + timedelta(days=1)).replace(microsecond=0)
    with store.session() as s:
        post = posts.get_post(s, post_id)
        content = post.content()
        content.published_at = when
        posts.save_post(s, post_id, content, expected_version=post.version)
    add_target(store, "site", kind, wordpress.url)
    result = push_post(store, post_id, "site", secrets=secrets_for(wordpress.app_password),
                       status="future")  # fmt: skip
    remote = site.post(result.remote_id)
    assert remote["status"] == "future"
    assert remote["date_gmt"] == when.strftime("%Y-%m-%dT%H:%M:%S")


def test_a_remembered_tag_deleted_on_the_site_is_looked_up_again(store, wordpress, site):
    import httpx

    post_id = new_post(store, headline="Remembered terms")
    add_target(store, "site", "wordpress", wordpress.url)
    secrets = secrets_for(wordpress.app_password)
    first = push_post(store, post_id, "site", secrets=secrets, status="publish")
    with store.session() as s:
        term_ids = s.query(RemotePost).filter_by(post_id=post_id).one().term_ids
    assert set(term_ids) == {"tags:harbour", "tags:lights", "categories:Local news"}
    httpx.delete(
        f"{wordpress.url}/wp-json/wp/v2/tags/{term_ids['tags:lights']}",
        params={"force": "true"},
        auth=(wordpress.user, wordpress.app_password),
    )

    again = push_post(store, post_id, "site", secrets=secrets, status="publish")
    assert again.remote_id == first.remote_id
    assert site.term_names("tags", site.post(again.remote_id)["tags"]) == {"harbour", "lights"}
