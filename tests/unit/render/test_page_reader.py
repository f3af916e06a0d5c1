"""What a reader sees of dates, quotes, links and tags (issue 9, items 8-10)."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime
from html import unescape

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from editor.render.body import BodyRenderer
from editor.render.page import render_page
from editor.render.themes import load_theme
from editor.render.typography import smarten
from editor.render.views import PhotoView
from tests.helpers.html_tree import parse
from tests.helpers.render_samples import rich_page


def _page(theme: str = "newsroom", **changes):
    data = replace(rich_page(), **changes)
    page = render_page(data, theme=load_theme(theme), mode="export", asset_prefix="assets/")
    assert page.error is None, page.error
    return data, parse(page.html)


# -- dates --------------------------------------------------------------------------------------
MIDNIGHT_LA_PAZ = datetime(2011, 5, 3, 4, 0, tzinfo=UTC)  # 2011-05-03 00:00 in La Paz


@pytest.mark.parametrize("theme", ["newsroom", "plain"])
def test_a_date_without_a_time_is_shown_as_a_date(theme):
    _, doc = _page(theme, published_at=MIDNIGHT_LA_PAZ, date_only=True, updated_at=None)
    time = doc.find("article").find("time")
    assert time.text() == "May 3, 2011"
    assert time.attrs["datetime"] == "2011-05-03"
    article = doc.find("article").text()
    assert "a.m." not in article and "12:00" not in article and "UTC" not in article


def test_a_date_alone_has_no_invented_time_in_the_metadata():
    _, doc = _page(published_at=MIDNIGHT_LA_PAZ, date_only=True, updated_at=None)
    meta = {m.attrs.get("property"): m.attrs["content"] for m in doc.find_all("meta")
            if "content" in m.attrs}  # fmt: skip
    assert meta["article:published_time"] == "2011-05-03"
    ld = json.loads(doc.find("script", type="application/ld+json").text())
    assert ld["datePublished"] == ld["dateModified"] == "2011-05-03"


def test_a_date_with_a_time_still_shows_the_time():
    _, doc = _page(updated_at=None)
    assert doc.find(class_="dateline").text() == "November 20, 2026, 8:30 a.m. UTC\u221204:00"


def test_no_updated_line_without_a_change_by_the_writer():
    _, doc = _page(published_at=MIDNIGHT_LA_PAZ, date_only=True, updated_at=None)
    assert doc.find_all(class_="updated") == []
    assert "Updated" not in doc.find("article").text()


def test_updated_line_when_the_writer_changed_the_post_later():
    _, doc = _page()
    assert (
        doc.find(class_="updated").text() == "Updated November 21, 2026, 5:00 a.m. UTC\u221204:00"
    )


@pytest.mark.parametrize(
    ("changed", "shown"),
    [(datetime(2011, 5, 3, 22, 0, tzinfo=UTC), False), (datetime(2011, 5, 5, tzinfo=UTC), True)],
)
def test_a_date_alone_is_updated_only_on_a_later_day(changed, shown):
    _, doc = _page(published_at=MIDNIGHT_LA_PAZ, date_only=True, updated_at=changed)
    assert bool(doc.find_all(class_="updated")) is shown


# -- typography ---------------------------------------------------------------------------------
def test_headline_deck_title_and_caption_get_the_bodys_curly_quotes():
    lead = PhotoView(src="images/a.jpg", width=4, height=3, alt="x",
                     caption='The "new" mast -- at dusk...')  # fmt: skip
    data, doc = _page(
        headline="Lima's \"best\" radio", deck="It's on air -- 'mostly'...", lead_photo=lead,
        body="Lima's \"best\" radio",
    )  # fmt: skip
    body_text = doc.find(id="article-body").find("p").text()
    assert doc.find("h1").text() == body_text == "Lima\u2019s \u201cbest\u201d radio"
    assert doc.find(class_="deck").text() == "It\u2019s on air \u2013 \u2018mostly\u2019\u2026"
    assert doc.find("title").text().startswith("Lima\u2019s \u201cbest\u201d radio |")
    caption = doc.find("figure", class_="lead-photo").find(class_="caption").text()
    assert caption == "The \u201cnew\u201d mast \u2013 at dusk\u2026"
    assert data.headline == 'Lima\'s "best" radio'  # the stored text is unchanged


def test_inline_photo_captions_are_curly_too():
    photo = PhotoView(src="images/b.jpg", width=4, height=3, alt="b", caption='Ana\'s "mast"')
    html = BodyRenderer(resolve_photo={"7": photo}.get).render_full("![b](photo:7)").html
    assert "Ana\u2019s \u201cmast\u201d" in unescape(html)


PLAIN_TEXT = st.text(alphabet="ab1 '\"-.,!?()", max_size=40).map(lambda s: ("x" + s).strip())


@settings(max_examples=300, deadline=None)
@given(PLAIN_TEXT)
def test_smarten_agrees_with_the_body_on_any_text(text):
    html = BodyRenderer().render_full(text).html.strip()
    assert html.startswith("<p>") and html.endswith("</p>"), html
    assert smarten(text) == unescape(html[3:-4])


# -- links and tags -----------------------------------------------------------------------------
def test_a_refused_link_is_plain_text_not_a_dead_link():
    body = "Try [this](javascript:alert(1)) or [that](https://example.org/ok)."
    _, doc = _page(body=body)
    paragraph = doc.find(id="article-body").find("p")
    assert [a.attrs.get("href") for a in paragraph.find_all("a")] == ["https://example.org/ok"]
    assert paragraph.text() == "Try this or that."


def test_tags_are_labels_without_a_tag_url_pattern():
    _, doc = _page()
    items = doc.find("ul", class_="tag-list").find_all("li")
    assert [li.text() for li in items] == ["radio", "energy", "Bolivia", "community media"]
    assert doc.find("ul", class_="tag-list").find_all("a") == []
    assert all(li.find("span", class_="tag") for li in items)


def test_tags_link_to_the_blogs_tag_pages_with_a_pattern():
    blog = replace(rich_page().blog, tag_url_pattern="{blog_url}/tag/{tag}/")
    _, doc = _page(blog=blog)
    links = doc.find("ul", class_="tag-list").find_all("a")
    assert [a.attrs["href"] for a in links][-1] == (
        "https://example.org/latin-america/tag/community-media/"
    )
    assert [a.text() for a in links] == ["radio", "energy", "Bolivia", "community media"]


def test_label_style_is_not_a_link_style():
    css = (load_theme("newsroom").assets_dir / "style.css").read_text()
    rule = css.split(".tag-list .tag {", 1)[1].split("}", 1)[0]
    assert "cursor: default" in rule and "var(--link)" not in rule


# -- comments -----------------------------------------------------------------------------------
def test_a_posts_own_comments_url_wins_over_the_blog_pattern():
    _, doc = _page(own_comments_url="https://forum.example.org/t/42")
    assert doc.find("a", class_="button").attrs["href"] == "https://forum.example.org/t/42"
    blog = replace(rich_page().blog, comments_url_pattern="")
    _, doc = _page(blog=blog, own_comments_url="https://forum.example.org/t/42")
    assert [a.text() for a in doc.find_all("a", href="https://forum.example.org/t/42")] == [
        "Comments", "Read comments", "Read comments", "Comment on this story"]  # fmt: skip
