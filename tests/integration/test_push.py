"""Pushing to the real local WordPress, over REST and over XML-RPC."""

from __future__ import annotations

import re

import httpx
import pytest

from editor.model import RemotePost
from editor.publish.errors import AuthError, CapabilityError, RemoteConflict
from editor.services import posts
from editor.services.publish import push_post
from tests.integration.publishing import (
    SiteView,
    add_target,
    new_post,
    post_with_photos,
    secrets_for,
)

KINDS = ["wordpress", "metaweblog"]


@pytest.fixture
def site(wordpress):
    return SiteView(wordpress)


def _uuid(store, post_id):
    with store.session() as s:
        return posts.get_post(s, post_id).uuid


@pytest.mark.parametrize("kind", KINDS)
def test_push_sends_the_attached_photos_with_credits_and_the_rendered_body(
    kind, store, wordpress, site, tmp_path
):
    post_id, (lead, inline) = post_with_photos(store, tmp_path / "photos")
    add_target(store, "site", kind, wordpress.url)
    result = push_post(store, post_id, "site", secrets=secrets_for(wordpress.app_password),
                       status="publish")  # fmt: skip

    assert result.action == "create"
    assert result.url.startswith(wordpress.url)
    assert sorted(result.uploaded) == ["harbour-1.jpg", "lead.jpg"]
    [remote] = site.posts_with_marker(_uuid(store, post_id))
    assert str(remote["id"]) == result.remote_id
    assert remote["status"] == "publish"
    assert remote["title"]["raw"] == "Harbour lights return"
    assert remote["excerpt"]["raw"] == "The old lamps shine again."
    content = remote["content"]["raw"]
    assert 'class="byline-name">Ada Lovelace<' in content
    assert content.index('class="byline"') < content.index("The lamps along")
    assert site.term_names("tags", remote["tags"]) == {"harbour", "lights"}
    assert site.term_names("categories", remote["categories"]) == {"Local news"}

    [lead_media] = site.media_with_sha(lead.sha256)
    [inline_media] = site.media_with_sha(inline.sha256)
    assert remote["featured_media"] == lead_media["id"]
    lead_caption = site.media(lead_media["id"])["caption"]["raw"]
    assert lead_caption == "Caption of lead.jpg (Photo: Grace Hopper/Harbour Agency)"
    # The uploaded file is the 480 px rendition (the original is narrower than 1600 px).
    assert site.media(lead_media["id"])["media_details"]["width"] == 480
    # The inline photo's <img> points at the uploaded copy, inside a captioned figure.
    img = re.search(r"<img\b[^>]*>", content)
    assert img is not None
    assert f'src="{inline_media["source_url"]}"' in img.group(0)
    assert 'alt="Lamps at dusk"' in img.group(0)  # the writer's own alt text wins
    assert f'class="wp-image-{inline_media["id"]}"' in img.group(0)
    assert '<figure class="inline-photo">' in content
    assert "Caption of harbour-1.jpg (Photo: Grace Hopper/Harbour Agency)" in content
    assert "photo:" not in content
    if kind == "wordpress":  # XML-RPC has no alt field: alt travels in the <img> only
        assert site.media(lead_media["id"])["alt_text"] == "Alt text of lead.jpg"
        assert site.media(inline_media["id"])["alt_text"] == "Alt text of harbour-1.jpg"


def test_the_uploaded_file_carries_the_credit_and_no_gps(store, wordpress, site, tmp_path):
    from tests.helpers.photos import read_tags

    post_id, (lead, _inline) = post_with_photos(store, tmp_path / "photos", "GPS-free")
    add_target(store, "site", "wordpress", wordpress.url)
    push_post(store, post_id, "site", secrets=secrets_for(wordpress.app_password))
    [media] = site.media_with_sha(lead.sha256)
    got = tmp_path / "uploaded.jpg"
    got.write_bytes(httpx.get(media["source_url"], timeout=30).content)
    tags = read_tags(got)
    assert not [k for k in tags if "GPS" in k]
    assert "Grace Hopper/Harbour Agency" in {str(v) for v in tags.values()}
    assert read_tags(tmp_path / "photos" / "lead.jpg").get("GPS:GPSLatitudeRef")  # it had some


@pytest.mark.parametrize("kind", KINDS)
def test_second_push_updates_in_place_without_new_uploads_or_image_work(
    kind, store, wordpress, site, tmp_path
):
    from editor.media.renditions import RenditionStats
    from editor.services.publish_photos import photos_for

    post_id, attached = post_with_photos(store, tmp_path / "photos", "Second push")
    add_target(store, "site", kind, wordpress.url)
    secrets = secrets_for(wordpress.app_password)
    first = push_post(store, post_id, "site", secrets=secrets, status="publish")
    with store.session() as s:
        post = posts.get_post(s, post_id)
        content = post.content()
        content.headline = "Second push, corrected"
        posts.save_post(s, post_id, content, expected_version=post.version)
    stats = RenditionStats()
    photos_again = photos_for(store, post_id, stats=stats)
    assert (stats.decoded, stats.encoded) == (0, 0)  # the renditions come from the cache
    second = push_post(store, post_id, "site", secrets=secrets, status="publish")

    assert second.remote_id == first.remote_id
    assert second.action == "update"
    assert second.uploaded == []
    assert sorted(second.reused) == sorted(p.filename for p in photos_again)
    calls = [name for name, _ in second.calls]
    assert calls.count("update_post") == 1
    assert "create_post" not in calls and "upload_media" not in calls
    [remote] = site.posts_with_marker(_uuid(store, post_id))
    assert remote["title"]["raw"] == "Second push, corrected"
    for p in attached:
        assert len(site.media_with_sha(p.sha256)) == 1


def test_a_photo_without_alt_text_or_credit_blocks_the_push(store, wordpress, site, tmp_path):
    from editor.errors import InputError
    from editor.services import photos

    post_id, (lead, _inline) = post_with_photos(store, tmp_path / "photos", "No credit")
    with store.session() as s:
        photos.update_photo(s, photos.get_photo(s, post_id, lead.id), alt="", credit="")
    add_target(store, "site", "wordpress", wordpress.url)
    secrets = secrets_for(wordpress.app_password)
    dry = push_post(store, post_id, "site", secrets=secrets, dry_run=True)
    assert "photo lead.jpg: no alt text" in dry.checks.errors
    assert "photo lead.jpg: no credit" in dry.checks.errors
    with pytest.raises(InputError, match="no alt text"):
        push_post(store, post_id, "site", secrets=secrets)
    assert site.posts_with_marker(_uuid(store, post_id)) == []


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
