"""What a push sends: the content HTML (the page's renderer, photos pointing at their uploads),
the media captions with their credit, the checks."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from editor.errors import InputError
from editor.publish.base import MediaItem, PhotoUpload, PostFields, caption_with_credit
from editor.publish.content import build_content, fields_fingerprint, strip_byline_markup
from editor.publish.http import check_url
from editor.services.publish_body import PENDING, cms_body
from editor.services.publish_checks import check_post

NOW = datetime(2026, 11, 28, 10, 0, tzinfo=UTC)


def _photo(**kw) -> PhotoUpload:
    values = {
        "filename": "harbour.jpg",
        "mime": "image/jpeg",
        "sha256": "ab" * 32,
        "caption": "The quay",
        "credit": "G. Hopper",
        "alt": "Lamps",
        "data": b"x",
        "ref": "photo:0b6c1c9e-0000-4000-8000-000000000001",
        "aliases": ("photo:12",),
        "width": 1600,
        "height": 1067,
    }
    values.update(kw)
    return PhotoUpload(**values)


def test_inline_photos_point_at_the_uploaded_copy_in_a_figure_with_caption_and_credit():
    media = {"ab" * 32: MediaItem("7", "https://s/h.jpg")}
    text = "Text.\n\n![](photo:0b6c1c9e-0000-4000-8000-000000000001)\n\nAgain ![x](photo:12) here."
    out, removed = cms_body(text, [_photo()], media)
    assert removed == []
    assert out.count('src="https://s/h.jpg"') == 2  # the uuid and the number both resolve
    assert out.count('class="wp-image-7"') == 2
    assert '<figure class="inline-photo">' in out
    assert "The quay (Photo: G. Hopper)</span></figcaption>" in out
    assert 'alt="Lamps"' in out and 'alt="x"' in out  # the writer's own alt text wins
    assert 'width="1600"' in out and 'height="1067"' in out
    assert "photo:" not in out


def test_before_the_upload_a_photo_points_at_a_placeholder():
    out, _ = cms_body("![](photo:12)", [_photo()], {})
    assert f'src="{PENDING}harbour.jpg"' in out


def test_what_the_sanitiser_removes_is_reported():
    text = "Hi <script>alert(1)</script> there ![x](https://tracker.example/p.gif) ![y](photo:99)"
    out, removed = cms_body(text, [_photo()], {})
    assert "<script>" not in out and "tracker" not in out
    assert any("script element" in r for r in removed)
    assert any("remote image" in r for r in removed)
    assert any("photo 99" in r for r in removed)
    assert all(r.startswith("body: ") for r in removed)


@pytest.mark.parametrize(
    ("caption", "credit", "expected"),
    [
        ("The quay", "G. Hopper", "The quay (Photo: G. Hopper)"),
        ("", "G. Hopper", "Photo: G. Hopper"),
        ("The quay", "Illustration: Ada", "The quay (Illustration: Ada)"),
        ("The quay", "Photo: G. Hopper/AP", "The quay (Photo: G. Hopper/AP)"),
        ("The quay. Photo by G. Hopper", "G. Hopper", "The quay. Photo by G. Hopper"),
        ("The quay", "", "The quay"),
    ],
)  # fmt: skip
def test_the_media_caption_always_carries_the_credit(caption, credit, expected):
    assert caption_with_credit(caption, credit) == expected


def test_the_content_carries_the_marker_and_an_escaped_byline_and_is_sanitised():
    body, _ = cms_body("Hi <script>alert(1)</script> there", [], {})
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


def test_a_post_without_a_lead_photo_is_warned_even_with_no_photos_at_all():
    assert _check().warnings == ["no lead photo: the post will have no featured image"]
    assert _check(photos=[_photo(is_lead=True)]).warnings == []


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


def test_upload_names_are_ascii_and_carry_a_hash_fragment():
    from editor.publish.wordpress import upload_filename

    assert upload_filename(_photo(filename="Zoë Ñandú.jpg")) == "zoe-nandu-abababababab.jpg"
    assert upload_filename(_photo(filename="lead.jpg")) == "lead-abababababab.jpg"
    assert upload_filename(_photo(filename="«».jpg")) == "photo-abababababab.jpg"
