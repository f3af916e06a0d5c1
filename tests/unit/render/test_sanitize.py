"""A guest's draft is untrusted: nothing dangerous reaches the page, and all of it is reported."""

from __future__ import annotations

import re

from editor.render.body import BodyRenderer
from editor.render.views import PhotoView
from tests.helpers.render_samples import HOSTILE_BODY


def _render(text: str):
    return BodyRenderer().render(text)


def test_hostile_draft_leaves_nothing_dangerous():
    html = _render(HOSTILE_BODY).html.lower()
    assert "<script" not in html and "alert(" not in html
    assert not re.search(r"\son\w+\s*=", html)
    assert "javascript:" not in html and "vbscript:" not in html and "data:" not in html
    assert "tracker.example" not in html and "evil.example" not in html
    assert "<iframe" not in html and "<svg" not in html and "<form" not in html
    assert "<style" not in html and "style=" not in html and "<input" not in html


def test_hostile_draft_reports_each_removal():
    whats = [r.what for r in _render(HOSTILE_BODY).removed]
    for expected in [
        "script element",
        "remote image https://tracker.example/pixel.gif",
        "remote image https://tracker.example/p2.gif",
        "javascript: link",
        "data: link",
        "onclick attribute on <a>",
        "onmouseover attribute on <div>",
        "style attribute on <div>",
        "embedded frame from evil.example",
        "<svg> element",
        "vbscript: link",
        "style element",
        "<form> element",
        "<input> element",
    ]:
        assert expected in whats, f"{expected!r} not reported; got {whats}"
    assert whats.count("javascript: link") == 2  # the Markdown link and the mixed-case one


def test_reports_say_why():
    removed = {r.what: r.why for r in _render(HOSTILE_BODY).removed}
    assert removed["onclick attribute on <a>"] == "event handlers run scripts"
    assert "track" in removed["remote image https://tracker.example/p2.gif"]
    assert str(_render("<script>x</script>").removed[0]) == (
        "script element: scripts never run in the page"
    )


def test_broken_html_is_repaired_and_text_kept():
    body = _render("<div>one <b>two <i>three</div>\n\nafter")
    assert "three" in body.html and "after" in body.html
    assert body.html.count("<b>") == body.html.count("</b>")


def test_attribute_lists_cannot_add_handlers():
    body = _render('[x](https://example.org){onclick="alert(1)" .ok}')
    assert 'class="ok"' in body.html and "onclick" not in body.html
    assert [r.what for r in body.removed] == ["onclick attribute on <a>"]


def test_safe_embeds_and_links_survive():
    text = (
        '<iframe src="https://www.youtube-nocookie.com/embed/abc" title="Video"></iframe>\n\n'
        "[mail](mailto:desk@example.org) [site](https://example.org/a) [here](#sub) [rel](../x)"
    )
    body = _render(text)
    assert 'src="https://www.youtube-nocookie.com/embed/abc"' in body.html
    for href in ["mailto:desk@example.org", "https://example.org/a", "#sub", "../x"]:
        assert f'href="{href}"' in body.html
    assert body.removed == []


def test_frames_from_allowed_hosts_must_use_their_player_path():
    body = _render('<iframe src="https://www.youtube-nocookie.com/watch?v=x"></iframe>')
    assert "<iframe" not in body.html
    assert body.removed[0].what == "embedded frame from www.youtube-nocookie.com"


def test_only_the_posts_photos_are_images():
    view = PhotoView(src="images/a.jpg", width=10, height=5, alt="A")
    renderer = BodyRenderer(resolve_photo=lambda pid: view)
    body = renderer.render('![a](photo:1)\n\n<img src="images/a.jpg"> <img src="images/b.jpg">')
    assert body.html.count('src="images/a.jpg"') == 2  # the trusted one, even from raw HTML
    assert "images/b.jpg" not in body.html
    assert "image images/b.jpg" in [r.what for r in body.removed]


def test_reserved_ids_are_taken_away_from_the_post():
    body = _render('## Main\n\n<p id="article-body">x</p>\n\n# Article body')
    assert 'id="article-body"' not in body.html
    assert 'id="main"' not in body.html and 'id="main-1"' in body.html
    assert 'id "article-body" on <p>' in [r.what for r in body.removed]


def test_tables_keep_alignment_as_text_align_only():
    body = _render("| a | b |\n|:--|--:|\n| 1 | 2 |")
    assert 'style="text-align:right"' in body.html
    assert body.removed == []
    raw = _render('<table><tr><td style="color:red;text-align:center">x</td></tr></table>')
    assert 'style="text-align:center"' in raw.html and "color" not in raw.html


def test_unclosed_formatting_does_not_swallow_later_paragraphs():
    body = _render("<div>a <b>bold <i>both</div>\n\nLater paragraph.\n\nAnother.")
    assert "<p>Later paragraph.</p>" in body.html and "<p>Another.</p>" in body.html
    assert body.html.count("<b>") == 1 and body.html.count("<i>") == 1
    assert body.blocks[0].nodes == 3


def test_embedded_frames_get_a_title_when_they_have_none():
    src = "https://player.vimeo.com/video/1"
    body = _render(f'<iframe src="{src}"></iframe>\n\n<iframe src="{src}" title="Clip"></iframe>')
    assert '<iframe title="Embedded media" src="https://player.vimeo.com/video/1">' in body.html
    assert 'title="Clip"' in body.html and body.html.count("title=") == 2


def test_a_link_whose_target_is_refused_becomes_plain_text():
    html = _render(
        'Go <a href="javascript:x()">here</a>, <a id="note" href="data:,x">there</a> and '
        '<a href="https://example.org/" title="a>b">on</a>.'
    ).html
    assert html == (
        '<p>Go here, <span id="note">there</span> and '
        '<a href="https://example.org/" title="a&gt;b">on</a>.</p>'
    )
