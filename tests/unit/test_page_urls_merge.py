"""The page's last URL check covers the URL settings added beside it: a post's own comments link
and the blog's tag page pattern (each would otherwise reach an href unchecked)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from editor.render.page_urls import safe_page_data
from tests.helpers.render_samples import rich_page as sample_page_data


@pytest.mark.parametrize(
    "bad", ["javascript:alert(1)", " JaVa\tscript:alert(1)", "data:text/html,x"]
)
def test_a_posts_own_comments_link_that_is_not_a_web_link_is_dropped(bad):
    data = replace(sample_page_data(), own_comments_url=bad)
    safe, removed = safe_page_data(data)
    assert safe.own_comments_url == "" and "javascript" not in safe.comments_url
    assert any("comments link" in r.what for r in removed)


def test_a_tag_pattern_that_makes_script_links_is_dropped():
    data = sample_page_data()
    data = replace(
        data, tags=["radio"], blog=replace(data.blog, tag_url_pattern="javascript:{tag}")
    )
    safe, removed = safe_page_data(data)
    assert all(url == "" for _tag, url in safe.tag_links)
    assert any("tag page link" in r.what for r in removed)


def test_web_links_pass_untouched():
    data = sample_page_data()
    data = replace(data, own_comments_url="https://example.org/c", tags=["radio"],
                   blog=replace(data.blog, tag_url_pattern="{blog_url}/tag/{tag}/"))  # fmt: skip
    safe, removed = safe_page_data(data)
    assert removed == [] and safe == data
