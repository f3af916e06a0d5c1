"""What a push sends: the content HTML, the rewritten image references, the checks."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from editor.errors import InputError
from editor.publish.base import MediaItem, PhotoUpload, PostFields
from editor.publish.content import (
    build_content,
    default_render_body,
    fields_fingerprint,
    rewrite_images,
    strip_byline_markup,
)
from editor.publish.http import check_url
from editor.services.publish_checks import check_post

NOW = datetime(2026, 11, 28, 10, 0, tzinfo=UTC)


def _photo(**kw) -> PhotoUpload:
    values = {
        "filename": "harbour.jpg",
        "mime": "image/jpeg",
        "sha256": "ab" * 32,
        "caption": "The quay",
        "credit": "Photo: G. Hopper",
        "alt": "Lamps",
        "data": b"x",
    }
    values.update(kw)
    return PhotoUpload(**values)


def test_image_references_are_rewritten_and_lone_images_get_a_captioned_figure():
    html = default_render_body("Text.\n\n![](photos/harbour.jpg)\n\nInline ![x](other.png) here.")
    out = rewrite_images(html, {"harbour.jpg": (_photo(), MediaItem("7", "https://s/h.jpg"))})
    assert '<img alt="Lamps" src="https://s/h.jpg" class="wp-image-7" />' in out
    assert "<figcaption>The quay (Photo: G. Hopper)</figcaption>" in out
    assert 'src="other.png"' in out  # not an uploaded photo: untouched


def test_the_content_carries_the_marker_and_an_escaped_byline_and_is_sanitised():
    body = default_render_body("Hi <script>alert(1)</script> there")
    content = build_content("1234", "Ada <Lovelace>", "Guest & friend", body)
    assert content.startswith("<!-- byline:post:1234 -->")
    assert '<span class="byline-name">Ada &lt;Lovelace&gt;</span>' in content
    assert '<span class="byline-role">Guest &amp; friend</span>' in content
    assert "<script>" not in content
    uuid = "12345678-1234-1234-1234-123456789abc"
    assert strip_byline_markup(build_content(uuid, "A", "B", "<p>x</p>")) == "<p>x</p>"


def test_the_fingerprint_changes_with_what_is_sent_only():
    fields = PostFields("T", "<p>c</p>", "", "t", "draft", None, ["a"], [], None)
    same = PostFields("T", "<p>c</p>", "", "t", "draft", None, ["a"], [], None)
    other = PostFields("T", "<p>c</p>", "", "t", "publish", None, ["a"], [], None)
    assert fields_fingerprint(fields) == fields_fingerprint(same)
    assert fields_fingerprint(fields) != fields_fingerprint(other)


def _check(**kw):
    values = {
        "headline": "H",
        "body": "B",
        "byline": "Ada",
        "deck": "D",
        "tags": ["t"],
        "categories": [],
        "published_at": None,
        "status": "draft",
        "photos": [],
        "now": NOW,
    }
    values.update(kw)
    return check_post(**values)


def test_checks_block_a_post_without_headline_body_byline_or_photo_alt_and_credit():
    report = _check(headline=" ", body="", byline="", photos=[_photo(alt="", credit="")])
    assert report.errors == [
        "headline: empty",
        "body: empty",
        "byline: empty (who wrote it?)",
        "photo harbour.jpg: no alt text",
        "photo harbour.jpg: no credit",
    ]
    assert _check().ok


def test_a_scheduled_post_needs_a_future_date():
    assert not _check(status="future").ok
    assert _check(status="future", published_at=NOW + timedelta(days=1)).ok


@pytest.mark.parametrize("url", ["http://example.com", "ftp://127.0.0.1", "example.com"])
def test_plain_http_to_another_host_is_refused_without_the_opt_in(url):
    with pytest.raises(InputError):
        check_url(url, allow_http=False)


def test_plain_http_is_fine_locally_or_with_the_opt_in():
    assert check_url("http://127.0.0.1:8080", allow_http=False)
    assert check_url("http://localhost/", allow_http=False)
    assert check_url("http://example.com", allow_http=True)
    assert check_url("https://example.com", allow_http=False)


def test_photo_uuid_references_are_rewritten_and_unresolved_ones_never_sent():
    from editor.publish.content import sanitize

    html = default_render_body("![Quay](photo:1234)\n\n![Gone](photo:9999)")
    photo = _photo(ref="photo:1234")
    out = sanitize(rewrite_images(html, {"photo:1234": (photo, MediaItem("3", "https://s/q.jpg"))}))
    assert 'src="https://s/q.jpg"' in out
    assert "photo:" not in out
