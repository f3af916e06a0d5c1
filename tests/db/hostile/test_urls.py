"""URLs are checked at every way in and again where the page is built, and read the way a
browser reads them (issue 14, items 1-2)."""

from __future__ import annotations

import pytest

from editor.render.context import BlogInfo, PageData, SidebarEntry
from editor.render.page import render_page
from editor.render.sanitize import Sanitizer
from editor.render.themes import require_theme
from tests.db.hostile.conftest import make_bundle, stored_posts

BAD_URLS = ["javascript:alert(1)", "java\tscript:alert(1)", " JavaScript:alert(1)",
            "data:text/html,<script>alert(1)</script>", "vbscript:msgbox(1)",
            "https://user:pw@example.org/"]  # fmt: skip


@pytest.mark.parametrize("url", BAD_URLS)
def test_blog_site_url_from_a_bundle_is_checked(cli, tmp_path, url):
    bundle = make_bundle(tmp_path / "b.zip", post={"headline": "x"},
                         blog={"name": "Evil", "site_url": url})  # fmt: skip
    code, _, err = cli("import", str(bundle))
    assert code == 2 and "site URL" in err and len(err.strip().splitlines()) == 1, err
    assert stored_posts(cli) == []


@pytest.mark.parametrize("pattern", ["javascript:alert(1)//{post_url}", "data:,{post_url}",
                                     "java\nscript:x{post_url}"])  # fmt: skip
def test_comments_url_pattern_is_checked_everywhere(cli, tmp_path, pattern):
    bundle = make_bundle(tmp_path / "b.zip", post={"headline": "x"},
                         blog={"name": "Evil", "comments_url_pattern": pattern})  # fmt: skip
    code, _, err = cli("import", str(bundle))
    assert code == 2 and "comments URL" in err, err
    assert cli("blog", "add", "Desk", "--url", "https://example.org/")[0] == 0
    code, _, err = cli("blog", "set", "Desk", "--comments-url", pattern)
    assert code == 2 and "comments URL" in err, err


def test_the_page_drops_and_reports_urls_that_got_past_the_way_in():
    data = PageData(
        blog=BlogInfo(name="B", url="javascript:alert(1)//",
                      comments_url_pattern="javascript:alert(2)//{slug}"),
        headline="H", slug="s",
        sidebar=[SidebarEntry(title="t", url="javascript:alert(3)"),
                 SidebarEntry(title="ok", url="https://example.org/ok")],
    )  # fmt: skip
    for theme in ("newsroom", "plain"):
        page = render_page(data, theme=require_theme(theme))
        assert "javascript:" not in page.html.lower()
        assert "https://example.org/ok" in page.html
        reported = " ".join(str(r) for r in page.removed)
        assert "site URL" in reported and "comments" in reported and "sidebar" in reported


EMBEDS = {
    # urllib reads youtube-nocookie as the host; a browser goes to evil.example
    "backslash userinfo": "https://evil.example\\@www.youtube-nocookie.com/embed/x",
    "credentials": "https://user:pw@www.youtube-nocookie.com/embed/x",
    "encoded dot": "https://www.youtube-nocookie.com%2eevil.example/embed/x",
    "tab in host": "https://www.youtube-nocookie.com\t.evil.example/embed/x",
    "not https": "http://www.youtube-nocookie.com/embed/x",
    "path escape": "https://www.youtube-nocookie.com/embed/../watch?v=1",
}


@pytest.mark.parametrize("src", EMBEDS.values(), ids=EMBEDS.keys())
def test_embed_allowlist_reads_urls_like_a_browser(src):
    html = Sanitizer().clean(f'<iframe src="{src}"></iframe>')
    assert "<iframe" not in html, html


@pytest.mark.parametrize("src", ["https://www.youtube-nocookie.com/embed/abc",
                                 "https://WWW.YouTube-NoCookie.com/embed/abc",
                                 "https://player.vimeo.com/video/1"])  # fmt: skip
def test_embed_allowlist_keeps_real_players(src):
    assert "<iframe" in Sanitizer().clean(f'<iframe src="{src}" title="t"></iframe>')
