"""Properties of the rendition plan, and the inline photo reference syntax."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from editor.media.references import find_references, markdown_reference, resolve
from editor.media.renditions import WIDTHS, plan
from editor.model import Photo


@given(st.integers(1, 30_000), st.integers(1, 30_000))
def test_plan_never_upscales_and_keeps_the_shape(width, height):
    sizes = plan(width, height)
    assert sizes == sorted(sizes, reverse=True)
    assert all(w <= width and h <= max(height, 1) for w, h in sizes)
    assert {w for w, _ in sizes} >= {w for w in WIDTHS if w <= width}
    for w, h in sizes:
        assert abs(h - height * w / width) <= 0.5 or h == 1


def test_inline_reference_round_trip():
    photo = Photo(id=7, uuid="1b4e28ba-2fa1-11d2-883f-0016d3cca427", alt="A boat [red]")
    text = f"Before.\n\n{markdown_reference(photo)}\n\nAfter ![x](photo:7) and ![y](other.png)."
    refs = find_references(text)
    assert [r.ref for r in refs] == [photo.uuid, "7"]
    assert refs[0].alt == "A boat (red)"
    assert all(resolve(r.ref, [photo]) is photo for r in refs)
    assert resolve("8", [photo]) is None
