"""Small previews for the photo panel, made from the original without a full decode."""

from __future__ import annotations

from io import BytesIO

from PIL import Image, ImageOps

from editor.media.renditions import normalise_mode


def make_thumbnail(data: bytes, size: int = 160) -> bytes:
    """A PNG at most ``size`` px a side, right way up (JPEGs decoded at 1/8 scale where it can).
    Safe to call from any thread; raises OSError/ValueError on an unreadable image."""
    with Image.open(BytesIO(data)) as im:
        if im.format in ("JPEG", "MPO"):
            im.draft("RGB", (size, size))
        im.load()
        out = ImageOps.exif_transpose(im) or im
        out = normalise_mode(out)
        out.thumbnail((size, size), Image.Resampling.BICUBIC)
        buf = BytesIO()
        out.convert("RGB").save(buf, "PNG")
        return buf.getvalue()
