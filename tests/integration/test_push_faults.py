"""Faults between Byline and the real WordPress: the connection cut after each step, stalls,
500, 413 and malformed answers. Whatever happens, the next push leaves exactly one post and
each photo uploaded once. The photos are attached to the post through the photos service and
sent the way `byline push` sends them (push_post's default)."""

from __future__ import annotations

import itertools
from datetime import timedelta

import pytest

from editor.model import utcnow
from editor.publish.errors import (
    EndpointError,
    MalformedResponse,
    NetworkError,
    ServerError,
    TooLargeError,
)
from editor.services import outbox, posts
from editor.services.publish import push_post
from tests.integration.fault_proxy import fault_proxy
from tests.integration.publishing import (
    SiteView,
    add_target,
    new_post,
    post_with_photos,
    secrets_for,
    short_timeout_factory,
)

KINDS = ["wordpress", "metaweblog"]
_names = itertools.count(1)
_photos: dict[int, list] = {}


@pytest.fixture
def proxy(wordpress):
    with fault_proxy(wordpress.url) as p:
        yield p


def _push(store, post_id, wordpress, photos, **kwargs):
    kwargs.setdefault("attempts", 1)
    return push_post(store, post_id, "site", secrets=secrets_for(wordpress.app_password),
                     status="publish", photos=photos, client_factory=short_timeout_factory(),
                     sleep=lambda _s: None, **kwargs)  # fmt: skip


def _fresh_post(store, folder=None):
    """A post with its own new tag and category, so term creation is among the steps too;
    with ``folder``, a lead and an inline photo are attached (see ``_photos``)."""
    n = next(_names)
    if folder is None:
        post_id = new_post(store, headline=f"Fault test {n}")
    else:
        post_id, attached = post_with_photos(store, folder, f"Fault test {n}")
        _photos[post_id] = attached
    with store.session() as s:
        post = posts.get_post(s, post_id)
        content = post.content()
        content.tags, content.categories = [f"tag-{n}", "harbour"], [f"Section {n}"]
        posts.save_post(s, post_id, content, expected_version=post.version)
        return post_id, post.uuid


def _assert_exactly_once(site, post_uuid, photos):
    assert len(site.posts_with_marker(post_uuid)) == 1
    for p in photos:
        assert len(site.media_with_sha(p.sha256)) == 1, p.filename


@pytest.mark.parametrize("kind", KINDS)
def test_a_cut_after_any_step_never_duplicates_the_post_or_its_photos(
    kind, store, wordpress, proxy, tmp_path
):
    site = SiteView(wordpress)
    add_target(store, "site", kind, proxy.url)
    cut_steps = 0
    for skip in itertools.count():
        post_id, post_uuid = _fresh_post(store, tmp_path / f"photos-{skip}")
        photos = _photos[post_id]
        proxy.clear()
        rule = proxy.add("drop-after", "POST", skip=skip)
        try:
            _push(store, post_id, wordpress, None)
        except NetworkError as exc:
            assert exc.step  # the error names the step that was cut
        if not rule.fired:
            break  # every POST of a whole push has been cut once
        cut_steps += 1
        proxy.clear()
        result = _push(store, post_id, wordpress, None)
        assert result.status == "publish"
        _assert_exactly_once(site, post_uuid, photos)
        [remote] = site.posts_with_marker(post_uuid)
        featured = site.media_with_sha(photos[0].sha256)[0]["id"]
        assert remote["featured_media"] == featured
    assert cut_steps >= 4  # uploads, terms or methods, create, publish: at least these


@pytest.mark.parametrize("kind", KINDS)
def test_a_failure_reported_after_the_create_is_retried_without_a_duplicate(
    kind, store, wordpress, proxy, tmp_path
):
    site = SiteView(wordpress)
    add_target(store, "site", kind, proxy.url)
    post_id, post_uuid = _fresh_post(store, tmp_path)
    photos = _photos[post_id]
    create = b"wp.newPost" if kind == "metaweblog" else b""
    path = "/xmlrpc.php" if kind == "metaweblog" else "/wp-json/wp/v2/posts"
    proxy.add("500-after", "POST", path=path, body=create)
    result = _push(store, post_id, wordpress, None, attempts=3)  # retried inside the push
    assert result.status == "publish"
    assert proxy.fired() == 1
    _assert_exactly_once(site, post_uuid, photos)


@pytest.mark.parametrize(
    ("action", "error", "words"),
    [
        ("500", ServerError, "failed with error 500"),
        ("413", TooLargeError, "too large"),
        ("malformed", MalformedResponse, "not valid"),
        ("stall", NetworkError, "no answer in time"),
        ("drop-before", NetworkError, "connection"),
    ],
)
def test_faults_on_the_upload_name_the_step_and_a_retry_succeeds(
    action, error, words, store, wordpress, proxy, tmp_path
):
    site = SiteView(wordpress)
    add_target(store, "site", "wordpress", proxy.url)
    post_id, post_uuid = _fresh_post(store, tmp_path)
    photos = _photos[post_id]
    proxy.add(action, "POST", path="/wp-json/wp/v2/media")
    with pytest.raises(error, match=words) as caught:
        _push(store, post_id, wordpress, None)
    assert caught.value.step == "uploading photo lead.jpg"
    proxy.release.set()  # a stalled request gives up
    result = _push(store, post_id, wordpress, None)
    assert sorted(result.uploaded + result.reused) == ["harbour-1.jpg", "lead.jpg"]
    _assert_exactly_once(site, post_uuid, photos)


@pytest.mark.parametrize(("kind", "path"), [("wordpress", "/wp-json/"), ("metaweblog", "/xml")])
def test_an_html_page_instead_of_the_api_says_the_api_is_missing(kind, path, store, wordpress,
                                                                   proxy):  # fmt: skip
    add_target(store, "site", kind, proxy.url)
    post_id, _ = _fresh_post(store)
    method = "GET" if kind == "wordpress" else "POST"
    proxy.add("html", method, path=path, times=99)
    with pytest.raises(EndpointError, match="web page"):
        _push(store, post_id, wordpress, [])


@pytest.mark.parametrize("kind", KINDS)
def test_a_push_cut_off_goes_to_the_outbox_and_is_sent_when_due(
    kind, store, wordpress, proxy, tmp_path
):
    site = SiteView(wordpress)
    add_target(store, "site", kind, proxy.url)
    post_id, post_uuid = _fresh_post(store, tmp_path)
    proxy.add("drop-before", "POST", times=99)  # offline for every write
    with pytest.raises(NetworkError) as caught:
        _push(store, post_id, wordpress, None)
    now = utcnow()
    with store.session() as s:
        item = outbox.enqueue(s, post_id=post_id, target_name="site", status="publish",
                              force=False, error=str(caught.value), now=now)  # fmt: skip
        item_id = item.id
    proxy.clear()  # the network is back

    kwargs = {"secrets": secrets_for(wordpress.app_password),
              "client_factory": short_timeout_factory()}  # fmt: skip
    assert outbox.process_outbox(store, now, **kwargs) == []  # not due yet
    [row] = outbox.process_outbox(store, now + timedelta(minutes=1), **kwargs)
    assert (row.id, row.state) == (item_id, "done")
    [remote] = site.posts_with_marker(post_uuid)
    assert remote["status"] == "publish"
    _assert_exactly_once(site, post_uuid, _photos[post_id])  # the outbox sends the photos too
    assert remote["featured_media"] == site.media_with_sha(_photos[post_id][0].sha256)[0]["id"]
    with store.session() as s:
        assert [r.state for r in outbox.list_outbox(s, include_finished=True)] == ["done"]


def test_outbox_keeps_retrying_with_growing_delays_while_offline(store, wordpress, proxy):
    add_target(store, "site", "wordpress", proxy.url)
    post_id, _ = _fresh_post(store)
    proxy.add("drop-before", "GET", times=999)
    proxy.add("drop-before", "POST", times=999)
    now = utcnow()
    with store.session() as s:
        outbox.enqueue(s, post_id=post_id, target_name="site", status="draft", force=False,
                       error="offline", now=now)  # fmt: skip
    kwargs = {"secrets": secrets_for(wordpress.app_password),
              "client_factory": short_timeout_factory()}  # fmt: skip
    delays = []
    for _ in range(3):
        with store.session() as s:
            [row] = outbox.list_outbox(s)
        [row] = outbox.process_outbox(store, row.next_attempt_at, **kwargs)
        assert row.state == "queued" and "connection" in row.last_error
        delays.append(row.next_attempt_at)
    assert delays[1] - delays[0] < delays[2] - delays[1]


def test_a_read_answered_with_500_is_retried_inside_the_call(store, wordpress, proxy):
    site = SiteView(wordpress)
    add_target(store, "site", "wordpress", proxy.url)
    post_id, post_uuid = _fresh_post(store)
    proxy.add("500", "GET", path="/wp-json/wp/v2/posts?search=", times=2)
    result = _push(store, post_id, wordpress, [])
    assert proxy.fired() == 2 and result.status == "publish"
    assert len(site.posts_with_marker(post_uuid)) == 1
