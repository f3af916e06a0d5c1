"""A push to the real local WordPress teaches the blog the site's category base: with the
site's Permalinks set to "topics", the exported page links categories under /topics/, not
/category/. (A module of its own: it changes the site's settings.)"""

from __future__ import annotations

import pytest

from editor.render.context import page_data_for
from editor.render.page import render_page
from editor.render.themes import load_theme
from editor.services import blogs, posts
from editor.services.publish import push_post
from tests.helpers.html_tree import parse
from tests.integration.publishing import add_target, new_post, secrets_for


def _blog_base(store) -> str:
    with store.session() as s:
        return blogs.default_blog(s).category_base


def _category_hrefs(store, post_id: int) -> list[str]:
    with store.session() as s:
        data = page_data_for(posts.get_post(s, post_id))
    page = render_page(data, theme=load_theme("newsroom"), mode="export", asset_prefix="assets/")
    nav = parse(page.html).find("nav", id="site-nav")
    return [a.attrs["href"] for a in nav.find_all("a") if "local-news" in a.attrs["href"]]


@pytest.fixture
def topics_site(wordpress_instance, wordpress):
    wordpress_instance.set_option("category_base", "topics")
    yield wordpress
    wordpress_instance.set_option("category_base", "")


def test_the_first_push_learns_the_sites_category_base(store, topics_site):
    with store.session() as s:
        blogs.update_blog(s, blogs.default_blog(s), site_url=topics_site.url)
    post_id = new_post(store)  # in "Local news"
    assert _category_hrefs(store, post_id) == [f"{topics_site.url}/category/local-news/"]
    add_target(store, "site", "wordpress", topics_site.url)
    said: list[str] = []
    push_post(store, post_id, "site", secrets=secrets_for(topics_site.app_password),
              progress=said.append)  # fmt: skip

    assert _blog_base(store) == "topics"
    assert "category links now go under /topics/, as on the site" in said
    assert _category_hrefs(store, post_id) == [f"{topics_site.url}/topics/local-news/"]


def test_a_push_to_another_site_than_the_blogs_own_teaches_nothing(store, topics_site):
    with store.session() as s:
        blogs.update_blog(s, blogs.default_blog(s), site_url="https://elsewhere.example/")
    add_target(store, "site", "wordpress", topics_site.url)
    push_post(store, new_post(store, headline="Elsewhere"), "site",
              secrets=secrets_for(topics_site.app_password))  # fmt: skip
    assert _blog_base(store) == "category"
