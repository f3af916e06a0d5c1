"""The composed page: lead photo with renditions, inline photos and the blog's sidebar."""

from __future__ import annotations

from editor.model import PostContent
from editor.render.page import render_page
from editor.render.themes import load_theme
from editor.services import blogs, photos, posts, sidebar
from editor.services.pages import page_for_post
from tests.helpers.photos import jpeg_bytes


def test_page_has_lead_photo_inline_photo_and_sidebar_without_itself(store, tmp_path):
    lead_file = tmp_path / "lead.jpg"
    lead_file.write_bytes(jpeg_bytes((1200, 800)))
    inline_file = tmp_path / "inline.jpg"
    inline_file.write_bytes(jpeg_bytes((900, 600)))
    with store.session() as s:
        blog = blogs.get_or_create_blog(s, "Latin America Blog")
        blog.site_url = "https://news.example/la"
        post = posts.create_post(s, PostContent(headline="Market day", body="Intro."), blog=blog)
        lead = photos.attach(
            s, post, lead_file, lead=True, caption="Stalls", credit="Ana/Sur", alt="Rows of stalls"
        )
        inline = photos.attach(
            s, post, inline_file, caption="Scales", credit="Ana/Sur", alt="A scale"
        )
        post.body = f"Intro.\n\n![A scale](photo:{inline.uuid})\n\nMore <text> & things.\n"
        sidebar.add_link(s, blog, title="Older <post>", url="/older")
        sidebar.add_link(s, blog, title="This post", url="https://news.example/la/market-day/")
        lead_uuid = lead.uuid

    out = tmp_path / "bundle"
    with store.session() as s:
        page = page_for_post(s, posts.get_post(s, post.id), images_folder=out)
    data = page.data
    assert data.lead_photo is not None and data.lead_photo.credit == "Ana/Sur"
    assert data.lead_photo.src.startswith(f"images/{lead_uuid}-")
    assert [e.title for e in data.sidebar] == ["Older <post>"]  # never the post itself
    assert (out / data.lead_photo.src).is_file()

    html = render_page(data, theme=load_theme("newsroom"), mode="export").html
    assert f'src="images/{lead_uuid}-' in html and "srcset=" in html
    assert "Older &lt;post&gt;" in html  # escaped
    assert "Rows of stalls" in html and "A scale" in html
    assert html.count("<h1") == 1
