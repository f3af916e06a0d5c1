"""Category links follow the blog's category base (WordPress's "category" unless the site
changed it), in the exported page and the preview alike (one template, one PageData)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from editor.errors import InputError
from editor.render.page import render_page
from editor.render.themes import load_theme
from editor.services.blogs import check_category_base
from tests.helpers.html_tree import parse
from tests.helpers.render_samples import rich_page


def _nav_links(data, mode: str = "export") -> list[str]:
    page = render_page(data, theme=load_theme("newsroom"), mode=mode, asset_prefix="assets/")
    assert page.error is None, page.error
    nav = parse(page.html).find("nav", id="site-nav")
    return [a.attrs["href"] for a in nav.find_all("a")]


def test_wordpress_default_base_when_the_blog_sets_none():
    data = replace(rich_page(), categories=["Local news", "Élite & más"])
    assert data.category_links == [
        ("Local news", "https://example.org/latin-america/category/local-news/"),
        ("Élite & más", "https://example.org/latin-america/category/elite-mas/"),
    ]


@pytest.mark.parametrize("mode", ["export", "preview"])
def test_a_blog_with_another_base_gets_links_under_it(mode):
    data = replace(rich_page(), categories=["Local news"])
    data = replace(data, blog=replace(data.blog, category_base="topics"))
    links = _nav_links(data, mode)
    assert "https://example.org/latin-america/topics/local-news/" in links
    assert not any("/category/" in href for href in links)


def test_a_nested_base_and_stray_slashes():
    data = replace(rich_page(), categories=["Harbour"])
    data = replace(data, blog=replace(data.blog, url="https://b.example/", category_base="/a/b/"))
    assert data.category_links == [("Harbour", "https://b.example/a/b/harbour/")]


def test_no_links_while_the_blog_has_no_url():
    data = replace(rich_page(), categories=["Harbour"])
    data = replace(data, blog=replace(data.blog, url=""))
    assert data.category_links == [("Harbour", "")]
    assert not any("harbour" in href for href in _nav_links(data))


@pytest.mark.parametrize(
    ("given", "stored"),
    [("", "category"), ("  ", "category"), ("/topics/", "topics"), ("news/topics", "news/topics"),
     ("temas", "temas")],
)  # fmt: skip
def test_category_base_is_stored_as_wordpress_reads_it(given, stored):
    assert check_category_base(given) == stored


@pytest.mark.parametrize("bad", ["local news", "javascript:alert(1)", "../up", "a//b", "tópicos"])
def test_a_category_base_that_is_not_a_path_is_refused_by_name(bad):
    with pytest.raises(InputError, match="category base"):
        check_category_base(bad)


@pytest.mark.parametrize(
    ("link", "base"),
    [("https://b.example/topics/harbour/", "topics"),
     ("https://b.example/category/harbour/", "category"),
     ("https://b.example/index.php/category/harbour/", "index.php/category"),
     ("https://b.example/?cat=3", None),  # plain permalinks: nothing to learn
     ("https://other.example/topics/harbour/", None),
     ("https://b.example/harbour/", None),
     ("https://b.example/topics/not-the-slug/", None)],
)  # fmt: skip
def test_the_base_is_read_from_the_sites_link_to_a_category(link, base):
    from editor.services.category_base import base_from_link

    assert base_from_link(link, "https://b.example/", "harbour") == base
