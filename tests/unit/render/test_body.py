"""The body renderer: blocks, cache, boxes, photos, and the same HTML on both paths."""

from __future__ import annotations

from editor.render.body import BodyRenderer
from editor.render.views import PhotoView

SAMPLE = """Intro paragraph with "quotes" -- and dashes.

## A subhead

> A quote
>
> — Someone

- one
- two

::: related "Read more"
[Other story](https://example.com/other)
:::

After the box.
"""


def test_blocks_join_to_the_whole_html_and_count_their_nodes():
    body = BodyRenderer().render(SAMPLE)
    assert not body.whole
    assert body.html == "\n".join(b.html for b in body.blocks)
    assert [b.nodes for b in body.blocks] == [1, 1, 1, 1, 3]
    assert body.html == BodyRenderer().render_full(SAMPLE).html


def test_smart_punctuation_and_subhead_ids():
    html = BodyRenderer().render(SAMPLE).html
    assert "“quotes” – and" in html or "“quotes” — and" in html
    assert '<h2 id="a-subhead">A subhead</h2>' in html


def test_only_changed_blocks_are_converted_again():
    renderer = BodyRenderer()
    first = renderer.render(SAMPLE)
    calls = []
    original = renderer._convert_block

    def counting(key, source):
        calls.append(source)
        return original(key, source)

    renderer._convert_block = counting  # type: ignore[method-assign]
    second = renderer.render(SAMPLE.replace("Intro paragraph", "Opening paragraph"))
    assert calls == ['Opening paragraph with "quotes" -- and dashes.']
    assert [b.key for b in second.blocks[1:]] == [b.key for b in first.blocks[1:]]
    assert second.blocks[0].key != first.blocks[0].key


def test_box_is_an_aside_after_a_skip_link_to_the_next_paragraph():
    html = BodyRenderer().render(SAMPLE).html
    skip = html.index('<a class="box-skip" href="#after-')
    aside = html.index('<aside aria-label="Read more" class="box box-related">')
    target = html[skip:].split('href="#', 1)[1].split('"', 1)[0]
    assert skip < aside < html.index(f'<p id="{target}">After the box.</p>')
    assert "Skip to next paragraph" in html


def test_footnotes_fall_back_to_a_whole_conversion():
    text = "One[^1] two.\n\nThree.\n\n[^1]: The note."
    body = BodyRenderer().render(text)
    assert body.whole
    assert 'href="#fn:1"' in body.html and 'id="fn:1"' in body.html


def test_duplicate_subheads_get_unique_ids_like_the_whole_document():
    text = "## Same\n\nx\n\n## Same\n\ny\n\n## Same\n\n::: related\nz\n:::\n\n## Same"
    body = BodyRenderer().render(text)
    assert not body.whole  # numbered over the cached blocks, no whole conversion
    assert 'id="same"' in body.html and 'id="same_1"' in body.html
    assert '<a class="box-skip" href="#same_3">' in body.html
    assert body.html == BodyRenderer().render_full(text).html


def test_photo_references_resolve_through_the_callback():
    view = PhotoView(src="images/p1-800.jpg", width=800, height=533, alt="Panels",
                     srcset="images/p1-400.jpg 400w, images/p1-800.jpg 800w",
                     sizes="100vw", caption="The roof", credit="Photo: Ana")  # fmt: skip
    renderer = BodyRenderer(resolve_photo=lambda pid: view if pid == "7" else None)
    body = renderer.render("![](photo:7)\n\nText ![x](photo:8) here.")
    assert '<figure class="inline-photo">' in body.html
    assert 'src="images/p1-800.jpg"' in body.html and 'srcset="images/p1-400.jpg 400w' in body.html
    assert 'alt="Panels"' in body.html and 'width="800"' in body.html
    assert '<span class="credit">Photo: Ana</span>' in body.html
    assert [r.what for r in body.removed] == ["photo 8"]
    assert "photo:8" not in body.html


def test_h1_in_the_body_becomes_h2():
    html = BodyRenderer().render("# Big\n\ntext").html
    assert "<h1" not in html and '<h2 id="big">Big</h2>' in html
