"""Bad input is refused with a message naming the file; odd but valid images are accepted."""

from __future__ import annotations

import os
import struct
import zlib
from io import BytesIO

import pytest
from PIL import Image

from editor.errors import InputError
from editor.media.probe import probe, read_file
from tests.helpers.photos import jpeg_bytes, photo_like


def _save(im, fmt, **kw):
    buf = BytesIO()
    im.save(buf, fmt, **kw)
    return buf.getvalue()


@pytest.mark.parametrize(
    ("fmt", "mime", "mode"),
    [("JPEG", "image/jpeg", "RGB"), ("PNG", "image/png", "RGBA"), ("WEBP", "image/webp", "RGB"),
     ("GIF", "image/gif", "P"), ("TIFF", "image/tiff", "RGB")],
)  # fmt: skip
def test_accepted_formats(fmt, mime, mode):
    im = photo_like((120, 80)).convert(mode)
    probed = probe(_save(im, fmt), "x")
    assert (probed.mime, probed.width, probed.height) == (mime, 120, 80)
    assert len(probed.sha256) == 64


def test_cmyk_and_16_bit_are_accepted():
    assert probe(_save(photo_like((50, 40)).convert("CMYK"), "JPEG"), "c.jpg").mode == "CMYK"
    gray16 = Image.new("I;16", (50, 40), 40000)
    assert probe(_save(gray16, "PNG"), "g.png").mode.startswith("I")
    assert probe(_save(gray16, "TIFF"), "g.tif").width == 50


def test_orientation_swaps_displayed_size():
    exif = Image.Exif()
    exif[0x0112] = 6
    probed = probe(jpeg_bytes((300, 200), exif=exif.tobytes()), "r.jpg")
    assert (probed.width, probed.height) == (200, 300)


def test_truncated_jpeg():
    data = jpeg_bytes((400, 300))
    with pytest.raises(InputError, match=r"cut\.jpg: the image is damaged or truncated"):
        probe(data[: len(data) // 2], "cut.jpg")


def test_corrupt_bytes_inside_a_png():
    data = bytearray(_save(photo_like((200, 100)), "PNG"))
    data[100:140] = b"\x00" * 40
    with pytest.raises(InputError, match=r"broken\.png"):
        probe(bytes(data), "broken.png")


def test_text_file_with_image_extension():
    with pytest.raises(InputError, match=r"notes\.jpg: not an image Byline can read"):
        probe(b"Dear editor, here is my story.\n" * 20, "notes.jpg")


def test_empty_file():
    with pytest.raises(InputError, match=r"empty\.png: the file is empty"):
        probe(b"", "empty.png")


def test_unsupported_format():
    with pytest.raises(InputError, match="BMP images are not supported"):
        probe(_save(photo_like((20, 20)), "BMP"), "x.bmp")


def _png_header_only(width: int, height: int) -> bytes:
    """A PNG that claims a size in its header (the pixels are never reached)."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = zlib.crc32(kind + body) & 0xFFFFFFFF
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\0"))


def test_decompression_bomb_is_refused_with_a_clear_message():
    with pytest.raises(InputError, match=r"bomb\.png: refused as a possible decompression bomb"):
        probe(_png_header_only(20_000, 20_000), "bomb.png")
    assert Image.MAX_IMAGE_PIXELS is not None  # Pillow's protection is still on


def test_absurd_dimensions():
    with pytest.raises(InputError, match=r"thin\.png: absurd dimensions 100000x1"):
        probe(_png_header_only(100_000, 1), "thin.png")


def test_unreadable_paths(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_file(tmp_path / "missing.jpg")
    with pytest.raises(InputError, match="is a folder"):
        read_file(tmp_path)


def test_unreadable_file_is_named(tmp_path, monkeypatch):
    locked = tmp_path / "locked.jpg"
    locked.write_bytes(jpeg_bytes())
    locked.chmod(0)
    if os.access(locked, os.R_OK):  # root reads anything: make the read fail as it would
        real = type(locked).open

        def refuse(path, *args, **kwargs):
            if path == locked:
                raise PermissionError(13, "Permission denied", str(path))
            return real(path, *args, **kwargs)

        monkeypatch.setattr(type(locked), "open", refuse)
    with pytest.raises(InputError, match=r"locked\.jpg.*permission denied"):
        read_file(locked)
