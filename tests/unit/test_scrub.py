"""Originals handed to someone else lose GPS, serial numbers and owner names, in every format
Byline accepts; the pixels and the credit stay."""

from __future__ import annotations

from io import BytesIO

import pytest
from PIL import Image

from editor.errors import InputError
from editor.media.scrub import scrub

XMP = (b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/'
       b'22-rdf-syntax-ns#"><rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" '
       b'xmlns:aux="http://ns.adobe.com/exif/1.0/aux/" xmlns:photoshop="http://ns.adobe.com/'
       b'photoshop/1.0/" exif:GPSLatitude="19,35.0S" aux:SerialNumber="SN-777">'
       b"<aux:OwnerName>Jane Owner</aux:OwnerName><photoshop:Credit>Agencia Andina"
       b"</photoshop:Credit></rdf:Description></rdf:RDF></x:xmpmeta>")  # fmt: skip


def _exif() -> Image.Exif:
    exif = Image.Exif()
    exif[0x013B] = "Lucia Ferreira"
    exif.get_ifd(0x8825).update({1: "S", 2: (19.0, 35.0, 0.0)})
    exif.get_ifd(0x8769).update({0xA430: "Jane Owner", 0xA431: "SN-123456"})
    return exif


@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "WEBP"])
def test_private_metadata_is_removed_and_the_rest_kept(fmt):
    buffer = BytesIO()
    im = Image.new("RGB", (32, 24), (10, 120, 200))
    extra: dict = {"xmp": XMP}
    if fmt == "PNG":
        from PIL.PngImagePlugin import PngInfo

        extra = {"pnginfo": PngInfo()}
        extra["pnginfo"].add_itxt("XML:com.adobe.xmp", XMP.decode())
    im.save(buffer, fmt, exif=_exif().tobytes(), **extra)
    data = buffer.getvalue()
    assert b"SN-123456" in data and b"SN-777" in data
    clean = scrub(data, f"photo.{fmt.lower()}")
    for secret in (b"SN-123456", b"SN-777", b"Jane Owner", b"GPSLatitude"):
        assert secret not in clean, secret
    with Image.open(BytesIO(clean)) as out:
        assert out.format == fmt and out.size == (32, 24)
        exif = out.getexif()
        assert exif.get(0x013B) == "Lucia Ferreira" and not exif.get_ifd(0x8825)
        xmp = out.info.get("xmp") or out.info.get("XML:com.adobe.xmp") or b""
        assert "Agencia Andina" in (xmp.decode() if isinstance(xmp, bytes) else xmp)
        out.load()
        assert out.convert("RGB").getpixel((5, 5)) == pytest.approx((10, 120, 200), abs=3)


def test_a_broken_jpeg_is_refused_by_name():
    with pytest.raises(InputError, match=r"broken\.jpg"):
        scrub(b"\xff\xd8\xff\xe1\x00", "broken.jpg")
