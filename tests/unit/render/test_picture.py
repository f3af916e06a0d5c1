"""Lighter pages: a photo with WebP renditions is offered through ``<picture>`` (WebP first,
the JPEG ``img`` as the fallback, the same ``sizes``); without them it stays a plain ``img``;
a draft cannot use ``<picture>``/``<source>`` to load anything but the post's own photos."""

from __future__ import annotations

from dataclasses import replace

import pytest

from editor.render.body import BodyRenderer
from editor.render.page import render_page
from editor.render.themes import load_theme
from editor.render.views import PhotoView
from editor.services.publish_body import cms_body
from tests.helpers.html_tree import parse
from tests.helpers.render_samples import rich_page

PHOTO = PhotoView(
    src="images/p-1024.jpg", width=1024, height=683, alt="The mast at dawn",
    srcset="images/p-640.jpg 640w, images/p-1024.jpg 1024w", sizes="(min-width: 50rem) 48rem, 100vw",
    webp_srcset="images/p-640.webp 640w, images/p-1024.webp 1024w",
    caption="The mast at dawn.", credit="Photo: Ana Quispe",
)  # fmt: skip
JPEG_ONLY = replace(PHOTO, webp_srcset="")


def _assert_picture(node, photo: PhotoView) -> None:
    picture = node.find("picture")
    source, img = picture.elements()
    assert source.tag == "source" and img.tag == "img"  # sources first, then the fallback
    assert source.attrs == {"type": "image/webp", "srcset": photo.webp_srcset,
                            "sizes": photo.sizes}  # fmt: skip
    assert img.attrs["src"] == photo.src and img.attrs["srcset"] == photo.srcset
    assert img.attrs["sizes"] == photo.sizes and img.attrs["alt"] == photo.alt


def test_an_inline_photo_with_webp_is_a_picture_inside_its_figure():
    body = BodyRenderer({"1": PHOTO}.get).render_full("Intro.\n\n![The mast at dawn](photo:1)\n")
    assert body.removed == []
    figure = parse(body.html).find("figure", class_="inline-photo")
    _assert_picture(figure, PHOTO)
    assert figure.find("figcaption").find(class_="credit").text() == PHOTO.credit


def test_a_photo_within_a_sentence_is_a_picture_too():
    body = BodyRenderer({"1": PHOTO}.get).render_full("See ![the mast](photo:1) at dawn.\n")
    paragraph = parse(body.html).find("p")
    _assert_picture(paragraph, replace(PHOTO, alt="the mast"))
    assert paragraph.text().split() == ["See", "at", "dawn."]


def test_the_block_cache_gives_the_same_html_as_the_whole_document():
    text = "One.\n\n![The mast at dawn](photo:1)\n\nTwo ![x](photo:1).\n\n## Three\n\nFour.\n"
    resolve = {"1": PHOTO}.get
    assert BodyRenderer(resolve).render(text).html == BodyRenderer(resolve).render_full(text).html


def test_without_webp_renditions_the_photo_stays_a_plain_img():
    body = BodyRenderer({"1": JPEG_ONLY}.get).render_full("![The mast at dawn](photo:1)\n")
    assert "<picture" not in body.html and "<source" not in body.html
    assert parse(body.html).find("img").attrs["srcset"] == JPEG_ONLY.srcset


@pytest.mark.parametrize("theme", ["newsroom", "plain"])
def test_the_lead_photo_is_a_picture_in_both_themes(theme):
    data = replace(rich_page(), lead_photo=PHOTO)
    page = render_page(data, theme=load_theme(theme), mode="export", asset_prefix="assets/")
    assert page.error is None
    figure = parse(page.html).find("main").find("figure")
    _assert_picture(figure, PHOTO)
    plain = render_page(replace(data, lead_photo=JPEG_ONLY), theme=load_theme(theme),
                        mode="export", asset_prefix="assets/")  # fmt: skip
    assert "<picture" not in plain.html


@pytest.mark.parametrize(
    "html",
    [
        '<picture><source srcset="https://tracker.example/p.webp"><img src="https://t.example/p.jpg"></picture>',
        '<picture><source type="image/webp" srcset="//tracker.example/p.webp 1x">text</picture>',
        '<p>x <source srcset="https://tracker.example/p.webp"> y</p>',
    ],
)
def test_a_draft_cannot_load_remote_images_through_picture_or_source(html):
    body = BodyRenderer().render_full(f"Before.\n\n{html}\n\nAfter.\n")
    assert "tracker" not in body.html and "t.example" not in body.html
    assert "<source" not in body.html and "<picture" not in body.html
    assert any("srcset" in r.what or "remote image" in r.what for r in body.removed)


def test_a_source_with_a_type_that_is_not_an_image_type_loses_it():
    text = f'<picture><source type="text/html" srcset="{PHOTO.webp_srcset}"><img src="{PHOTO.src}"></picture>'
    body = BodyRenderer({"1": PHOTO}.get).render_full(f"![The mast at dawn](photo:1)\n\n{text}\n")
    assert 'type="text/html"' not in body.html
    assert any(r.what == 'type "text/html" on <source>' for r in body.removed)


def test_a_push_sends_plain_img_elements():
    """WordPress makes its own sizes (and WebP, where the site does) from the uploaded copy,
    found by the wp-image-ID class: the pushed body keeps one <img> per photo."""
    from editor.publish.base import PhotoUpload

    upload = PhotoUpload(filename="p.jpg", mime="image/jpeg", sha256="ab", alt="Alt",
                         ref="photo:1", width=1024, height=683)  # fmt: skip
    html, _ = cms_body("![Alt](photo:1)\n", [upload], {})
    assert "<picture" not in html and "<img" in html
