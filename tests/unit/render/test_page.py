"""The newsroom page: anatomy, head metadata and JSON-LD, for the rich sample post."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from editor.render.body import BodyRenderer
from editor.render.page import render_page
from editor.render.themes import load_theme
from editor.render.views import PhotoView
from tests.helpers.html_tree import parse
from tests.helpers.render_samples import rich_page

LEAD = PhotoView(
    src="images/lead-1600.jpg", width=1600, height=1067, alt="Volunteers on the school roof",
    srcset="images/lead-640.jpg 640w, images/lead-1600.jpg 1600w", sizes="100vw",
    caption="Volunteers sweep the panels after a hailstorm.", credit="Photo: Ana Quispe",
    copyright="© 2026 Ana Quispe",
)  # fmt: skip


def _page(theme: str = "newsroom", **changes):
    data = replace(rich_page(), **changes)
    page = render_page(data, theme=load_theme(theme), mode="export", asset_prefix="assets/")
    assert page.error is None, page.error
    return page, parse(page.html)


def test_skip_links_are_the_first_focusable_elements():
    _, doc = _page()
    focusable = [n for n in doc.find("body").iter() if n.tag in ("a", "input", "button")]
    assert [a.attrs.get("href") for a in focusable[:3]] == ["#main", "#site-nav", "#site-search"]
    assert [a.text() for a in focusable[:3]] == [
        "Skip to content", "Skip to site navigation", "Skip to search"]  # fmt: skip
    for target in ("main", "site-nav", "site-search"):
        assert len(doc.find_all(id=target)) == 1


@pytest.mark.parametrize("theme", ["newsroom", "plain"])
def test_landmarks_and_a_single_h1(theme):
    _, doc = _page(theme)
    for tag in ("header", "nav", "main", "article", "aside", "footer"):
        assert doc.find_all(tag), tag
    h1 = doc.find_all("h1")
    assert len(h1) == 1 and h1[0].text().startswith("In the high Andes")
    assert "main" in h1[0].ancestors() and "article" in h1[0].ancestors()
    assert doc.find("form", role="search")


def test_header_byline_and_dates():
    _, doc = _page()
    assert doc.find("header", class_="site-header").find(class_="site-name").text() == (
        "Latin America Blog"
    )
    assert doc.find("p", class_="deck").text().startswith("Radio Illimani has broadcast")
    assert doc.find(class_="byline").text() == "By Lucía Ferreira"
    assert doc.find(class_="role").text() == "Guest blogger"
    time = doc.find(class_="dateline").find("time")
    assert time.attrs["datetime"] == "2026-11-20T08:30:00-04:00"
    assert time.text().startswith("November 20, 2026, 8:30 a.m.")


def test_lead_photo_figure_with_caption_and_separate_credit():
    _, doc = _page(lead_photo=LEAD)
    figure = doc.find("figure", class_="lead-photo")
    img = figure.find("img")
    assert img.attrs["alt"] == LEAD.alt and img.attrs["width"] == "1600"
    assert img.attrs["height"] == "1067" and img.attrs["srcset"] == LEAD.srcset
    caption = figure.find("figcaption")
    assert caption.find(class_="caption").text() == LEAD.caption
    assert caption.find(class_="credit").text() == LEAD.credit


def test_article_body_children_are_exactly_the_blocks_elements():
    data = rich_page()
    body = BodyRenderer().render(data.body)
    page = render_page(data, theme=load_theme("newsroom"), asset_prefix="assets/", body=body)
    article_body = parse(page.html).find(id="article-body")
    assert len(article_body.elements()) == sum(b.nodes for b in body.blocks) > 10
    assert all(not str(c).strip() for c in article_body.children if isinstance(c, str))
    tags = [n.tag for n in article_body.elements()]
    assert "h2" in tags and "blockquote" in tags and "ul" in tags and "ol" in tags
    boxes = article_body.find_all("aside", class_="box")
    assert [b.attrs["aria-label"] for b in boxes] == ["Related", "Take our quiz"]
    for skip in article_body.find_all("a", class_="box-skip"):
        assert skip.text() == "Skip to next paragraph"
        target = skip.attrs["href"].lstrip("#")
        assert len(parse(page.html).find_all(id=target)) == 1


def test_recent_posts_list_and_empty_state():
    _, doc = _page()
    aside = doc.find("aside", id="recent-posts")
    assert aside.find("h2").text() == "Recent posts"
    links = aside.find_all("a")
    assert [a.text() for a in links] == [
        "Lithium towns weigh the cost of the boom",
        "A bus ride through the Atacama’s new solar belt",
        "Podcast: the women who run Bolivia’s market radios",
    ]


@pytest.mark.parametrize("theme", ["newsroom", "plain"])
def test_an_empty_sidebar_is_left_out_not_explained_to_readers(theme):
    page, doc = _page(theme, sidebar=[])
    assert doc.find_all(id="recent-posts") == []
    assert "Recent posts" not in page.html and "yet" not in doc.find("body").text()
    assert not [a for a in doc.find_all("a") if a.attrs.get("href") == "#recent-posts"]


def test_comment_links_only_with_a_comments_pattern():
    _, doc = _page()
    texts = [a.text() for a in doc.find_all("a")]
    assert "Read comments" in texts and "Comment on this story" in texts
    url = "https://example.org/latin-america/high-andes-radio-sunlight/#comments"
    assert doc.find("a", class_="button").attrs["href"] == url
    blog = replace(rich_page().blog, comments_url_pattern="")
    _, without = _page(blog=blog)
    texts = [a.text() for a in without.find_all("a")]
    assert "Read comments" not in texts and "Comment on this story" not in texts


def test_head_metadata():
    _, doc = _page(lead_photo=LEAD)
    head = doc.find("head")
    assert head.find("title").text() == (
        "In the high Andes, a radio station runs on sunlight and stubbornness | Latin America Blog"
    )
    meta = {(m.attrs.get("name") or m.attrs.get("property")): m.attrs["content"]
            for m in head.find_all("meta") if "content" in m.attrs}  # fmt: skip
    canonical = "https://example.org/latin-america/high-andes-radio-sunlight/"
    assert head.find("link", rel="canonical").attrs["href"] == canonical
    assert meta["description"].startswith("Radio Illimani")
    assert meta["og:type"] == "article" and meta["og:url"] == canonical
    assert (
        meta["og:image"] == "https://example.org/latin-america/high-andes-radio-sunlight/"
        "images/lead-1600.jpg"
    )
    assert meta["twitter:card"] == "summary_large_image"
    assert meta["article:published_time"] == "2026-11-20T08:30:00-04:00"
    assert head.find("link", rel="stylesheet").attrs["href"] == "assets/style.css"
    assert head.find("link", media="print").attrs["href"] == "assets/print.css"


def test_json_ld_news_article():
    _, doc = _page(lead_photo=LEAD)
    scripts = doc.find_all("script", type="application/ld+json")
    assert len(scripts) == 1
    data = json.loads(scripts[0].text())
    assert data["@type"] == "NewsArticle"
    assert data["headline"].startswith("In the high Andes")
    assert data["description"].startswith("Radio Illimani")
    assert data["datePublished"] == "2026-11-20T08:30:00-04:00"
    assert data["dateModified"] == "2026-11-21T05:00:00-04:00"
    assert data["author"] == {"@type": "Person", "name": "Lucía Ferreira",
                              "jobTitle": "Guest blogger"}  # fmt: skip
    assert data["publisher"]["name"] == "Latin America Blog"
    assert data["mainEntityOfPage"]["@id"].endswith("/high-andes-radio-sunlight/")
    image = data["image"]
    assert image["caption"] == LEAD.caption and image["creditText"] == LEAD.credit
    assert image["copyrightNotice"] == LEAD.copyright


def test_json_ld_cannot_close_its_script_element():
    _, doc = _page(headline="</script><script>alert(1)</script>")
    scripts = doc.find_all("script")
    assert len(scripts) == 1
    assert json.loads(scripts[0].text())["headline"] == "</script><script>alert(1)</script>"


def test_text_fields_are_escaped():
    page, doc = _page(deck='<img src=x onerror="alert(1)">', byline="<b>Eve</b>")
    assert "<img src=x" not in page.html and "<b>Eve</b>" not in page.html
    assert doc.find(class_="byline").text() == "By <b>Eve</b>"


def test_draft_without_date_says_so():
    _, doc = _page(published_at=None, updated_at=None)
    assert doc.find(class_="dateline").text() == "Not yet published"
    data = json.loads(doc.find("script").text())
    assert "datePublished" not in data
