"""Reading credits from real files: precedence, the credit rule, non-ASCII in every layer."""

from __future__ import annotations

from PIL import Image

from editor.media.metadata import build_credit, read_metadata
from tests.helpers.photos import exiftool, photo_like, write_jpeg


def _meta(path):
    with Image.open(path) as im:
        return read_metadata(im)


def test_xmp_wins_over_iptc_which_wins_over_exif(tmp_path):
    p = write_jpeg(tmp_path / "p.jpg")
    exiftool(p, "-XMP-dc:Description=xmp caption", "-IPTC:Caption-Abstract=iptc caption",
             "-EXIF:ImageDescription=exif caption", "-IPTC:CopyrightNotice=iptc rights",
             "-EXIF:Copyright=exif rights", "-EXIF:Artist=exif artist")  # fmt: skip
    meta = _meta(p)
    assert meta.caption == "xmp caption"
    assert meta.copyright == "iptc rights"
    assert meta.byline == "exif artist"
    assert meta.origin["caption"] == "xmp"
    assert meta.origin["copyright"] == "iptc"
    assert meta.origin["byline"] == "exif"


def test_every_iptc_field(tmp_path):
    p = write_jpeg(tmp_path / "p.jpg")
    exiftool(p, "-IPTC:By-line=Ana Lima", "-IPTC:Credit=Ana Lima/Reuters", "-IPTC:Source=Reuters",
             "-IPTC:CopyrightNotice=© Reuters 2026", "-IPTC:Caption-Abstract=Rain in Lima",
             "-IPTC:Headline=Floods")  # fmt: skip
    assert _meta(p).filled() == {
        "byline": "Ana Lima", "credit": "Ana Lima/Reuters", "source": "Reuters",
        "copyright": "© Reuters 2026", "caption": "Rain in Lima", "headline": "Floods",
    }  # fmt: skip


def test_every_xmp_field(tmp_path):
    p = write_jpeg(tmp_path / "p.jpg")
    exiftool(p, "-XMP-dc:Creator=Zoë Ñandú", "-XMP-photoshop:Credit=Zoë/EFE",
             "-XMP-photoshop:Source=EFE", "-XMP-dc:Rights=© EFE", "-XMP-dc:Description=Ça va",
             "-XMP-photoshop:Headline=Título",
             "-XMP-iptcCore:AltTextAccessibility=Two men")  # fmt: skip
    assert _meta(p).filled() == {
        "byline": "Zoë Ñandú", "credit": "Zoë/EFE", "source": "EFE", "copyright": "© EFE",
        "caption": "Ça va", "headline": "Título", "alt": "Two men",
    }  # fmt: skip


def test_credit_built_from_byline_and_source(tmp_path):
    p = write_jpeg(tmp_path / "p.jpg")
    exiftool(p, "-IPTC:By-line=Ana Lima", "-IPTC:Source=AP")
    meta = _meta(p)
    assert (meta.credit, meta.origin["credit"]) == ("Ana Lima/AP", "built")
    assert build_credit("", "AP") == "AP"
    assert build_credit("Ana", "") == "Ana"
    assert build_credit("AP", "ap") == "AP"


def test_iptc_utf8_declared_by_charset_record(tmp_path):
    p = write_jpeg(tmp_path / "p.jpg")
    exiftool(p, "-IPTC:CodedCharacterSet=UTF8", "-IPTC:By-line=Łukasz Żółw",
             "-IPTC:Caption-Abstract=日本の雨")  # fmt: skip
    meta = _meta(p)
    assert (meta.byline, meta.caption) == ("Łukasz Żółw", "日本の雨")


def test_iptc_latin1_without_charset_record(tmp_path):
    p = write_jpeg(tmp_path / "p.jpg")
    exiftool(p, "-charset", "iptc=Latin", "-IPTC:By-line=José Müller",
             "-IPTC:Credit=Zoë/AFP")  # fmt: skip
    assert (_meta(p).byline, _meta(p).credit) == ("José Müller", "Zoë/AFP")


def test_exif_written_by_pillow_utf8(tmp_path):
    exif = Image.Exif()
    exif[0x013B] = "Søren Ås".encode()
    exif[0x010E] = b"plain caption"
    p = tmp_path / "p.jpg"
    photo_like().save(p, exif=exif.tobytes())
    meta = _meta(p)
    assert (meta.byline, meta.caption, meta.credit) == ("Søren Ås", "plain caption", "Søren Ås")


def test_png_with_xmp_and_no_metadata_at_all(tmp_path):
    p = tmp_path / "p.png"
    photo_like().save(p)
    assert _meta(p).filled() == {}
    exiftool(p, "-XMP-photoshop:Credit=PNG/Desk")
    assert _meta(p).credit == "PNG/Desk"


def test_broken_xmp_is_skipped_not_fatal(tmp_path):
    p = tmp_path / "p.jpg"
    photo_like().save(p, xmp=b"<x:xmpmeta><rdf:RDF><oops></x:xmpmeta>")
    exiftool(p, "-IPTC:Credit=Still/Here")
    assert _meta(p).credit == "Still/Here"
