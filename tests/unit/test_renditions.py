"""Renditions: sizes, no upscaling, orientation, sRGB, privacy, credits, cache, cancel."""

from __future__ import annotations

import threading
from io import BytesIO
from pathlib import Path

import pytest
from PIL import Image

from editor.media import renditions as r
from editor.media.cache import RenditionCache
from editor.media.privacy import Credits
from tests.helpers.photos import exiftool, photo_like, read_tags, swapped_primaries_icc

CREDITS = Credits(caption="Feira em Belém", credit="José Ñúñez/Agência Sul",
                  copyright="© Agência Sul 2026", byline="José Ñúñez")  # fmt: skip


def _job(data: bytes, size, credits=CREDITS, key="p1", calls=None):
    def load():
        if calls is not None:
            calls.append(1)
        return data

    return r.RenditionJob(key=key, sha256=f"{key:0>64}", width=size[0], height=size[1],
                          credits=credits, load=load, name=f"{key}.jpg")  # fmt: skip


def _jpeg(size=(2000, 1500), **save) -> bytes:
    buf = BytesIO()
    photo_like(size).save(buf, "JPEG", quality=90, **save)
    return buf.getvalue()


@pytest.fixture
def cache(tmp_path):
    return RenditionCache(tmp_path / "cache")


def test_plan_never_upscales():
    assert r.plan(6000, 4000) == [(1600, 1067), (1024, 683), (640, 427), (320, 213)]
    assert r.plan(800, 600) == [(800, 600), (640, 480), (320, 240)]
    assert r.plan(200, 100) == [(200, 100)]
    assert r.plan(1600, 900)[0] == (1600, 900)


def test_every_width_in_jpeg_and_webp(cache):
    out = r.render_many([_job(_jpeg(), (2000, 1500))], cache)["p1"]
    got = sorted((x.format, x.width, x.height) for x in out)
    assert got == sorted((f, w, round(1500 * w / 2000)) for f in ("jpeg", "webp")
                         for w in (320, 640, 1024, 1600))  # fmt: skip
    for x in out:
        with Image.open(x.path) as im:
            assert im.size == (x.width, x.height)
            assert im.format == {"jpeg": "JPEG", "webp": "WEBP"}[x.format]


def test_small_photo_is_not_upscaled(cache):
    out = r.render_many([_job(_jpeg((500, 300)), (500, 300))], cache)["p1"]
    assert max(x.width for x in out) == 500
    assert {x.width for x in out} == {500, 320}


def test_orientation_is_applied(cache):
    exif = Image.Exif()
    exif[0x0112] = 6  # stored sideways: display = rotate 90° clockwise
    data = _jpeg((1200, 800), exif=exif.tobytes())
    out = r.render_many([_job(data, (800, 1200))], cache)["p1"]
    big = next(x for x in out if x.format == "jpeg" and x.width == 800)
    with Image.open(big.path) as im:
        assert im.size == (800, 1200)
        assert im.getexif().get(0x0112) in (None, 1)
        red, green, blue = im.getpixel((im.width - 20, 20))  # the red block moved top-right
        assert red > 180 and green < 80 and blue < 80


def test_embedded_profile_converted_to_srgb(cache):
    buf = BytesIO()
    red = Image.new("RGB", (700, 500), (255, 0, 0))
    red.save(buf, "JPEG", quality=95, icc_profile=swapped_primaries_icc())
    out = r.render_many([_job(buf.getvalue(), (700, 500))], cache)["p1"]
    for x in out:
        with Image.open(x.path) as im:
            red, green, _ = im.convert("RGB").getpixel((10, 10))
            assert green > 200 and red < 60, x  # really green, as the profile says
            assert "icc_profile" not in im.info or not im.info["icc_profile"]


@pytest.mark.parametrize("mode", ["CMYK", "I;16", "P", "RGBA", "L"])
def test_odd_modes_render_as_rgb(cache, mode):
    if mode == "I;16":
        im = Image.linear_gradient("L").resize((700, 400)).convert("I").point(lambda v: v * 256)
        im = im.convert("I;16")
        fmt = "PNG"
    else:
        im, fmt = photo_like((700, 400)).convert(mode), "PNG" if mode != "CMYK" else "JPEG"
    buf = BytesIO()
    im.save(buf, fmt)
    out = r.render_many([_job(buf.getvalue(), (700, 400))], cache)["p1"]
    with Image.open(out[0].path) as result:
        assert result.mode == "RGB"
        if mode == "I;16":  # 16-bit scaled down, not clipped to white
            assert result.getpixel((350, 390))[0] > 100
            assert result.getpixel((350, 5))[0] < 30


def _private_jpeg(path: Path) -> Path:
    exif = Image.Exif()
    exif[0x0112] = 1
    exif[0x010F] = "Canon"
    exif[0x013B] = "Camera Owner Default"
    sub = exif.get_ifd(0x8769)
    sub[0xA431] = "SERIAL-123456"
    sub[0xA430] = "Secret Owner"
    sub[0x927C] = b"MAKERNOTE-SECRET" * 4
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2], gps[3], gps[4] = "N", (51.0, 30.0, 12.0), "W", (0.0, 7.0, 39.0)
    photo_like((1800, 1200)).save(path, "JPEG", quality=90, exif=exif.tobytes())
    thumb = path.with_name("thumb.jpg")
    photo_like((160, 120)).save(thumb, "JPEG")
    exiftool(path, f"-ThumbnailImage<={thumb}", "-XMP-exif:GPSLatitude=51.5",
             "-IPTC:By-line=José Ñúñez")  # fmt: skip
    return path


def test_published_copies_carry_credit_and_nothing_private(cache, tmp_path):
    src = _private_jpeg(tmp_path / "private.jpg")
    before = read_tags(src)
    assert "GPS:GPSLatitude" in before and "ExifIFD:SerialNumber" in before  # the test is real
    out = r.render_many([_job(src.read_bytes(), (1800, 1200))], cache)["p1"]
    assert len(out) == 8
    for x in out:
        tags = read_tags(Path(x.path))
        leaked = [k for k in tags if k.split(":")[0] in ("GPS", "IFD1", "MakerNotes", "IPTC")
                  or "GPS" in k or "Serial" in k or "Owner" in k or "Thumbnail" in k
                  or "MakerNote" in k]  # fmt: skip
        assert leaked == [], (x, leaked)
        assert "SECRET" not in Path(x.path).read_bytes().decode("latin-1")
        assert tags["XMP-photoshop:Credit"] == "José Ñúñez/Agência Sul"
        assert tags["XMP-dc:Description"] == "Feira em Belém"
        assert tags["XMP-dc:Rights"] == "© Agência Sul 2026"
        assert tags["IFD0:Artist"] == "José Ñúñez"
        assert tags["IFD0:Copyright"] == "© Agência Sul 2026"
        assert tags["IFD0:ImageDescription"] == "Feira em Belém"


def test_keep_metadata_option_keeps_the_original_exif(cache, tmp_path):
    src = _private_jpeg(tmp_path / "private.jpg")
    settings = r.RenditionSettings(formats=("jpeg",), keep_metadata=True)
    out = r.render_many([_job(src.read_bytes(), (1800, 1200))], cache, settings)["p1"]
    tags = read_tags(Path(out[0].path))
    assert tags["ExifIFD:SerialNumber"] == "SERIAL-123456"
    assert "GPS:GPSLatitude" in tags


def test_warm_cache_does_no_image_work(cache):
    calls: list[int] = []
    job = _job(_jpeg(), (2000, 1500), calls=calls)
    first = r.RenditionStats()
    a = r.render_many([job], cache, stats=first)
    assert (first.decoded, first.encoded, len(calls)) == (1, 8, 1)
    again = r.RenditionStats()
    b = r.render_many([job], cache, stats=again)
    assert (again.decoded, again.encoded, again.cached, len(calls)) == (0, 0, 8, 1)
    assert [x.path for x in a["p1"]] == [x.path for x in b["p1"]]


def test_new_caption_makes_new_copies(cache):
    data = _jpeg()
    r.render_many([_job(data, (2000, 1500))], cache)
    stats = r.RenditionStats()
    edited = Credits(caption="Other caption", credit=CREDITS.credit)
    r.render_many([_job(data, (2000, 1500), credits=edited)], cache, stats=stats)
    assert stats.encoded == 8


def test_progress_and_parallel_jobs(cache):
    jobs = [_job(_jpeg((900 + i * 10, 600)), (900 + i * 10, 600), key=f"k{i}") for i in range(4)]
    seen: list[tuple[int, int]] = []
    out = r.render_many(jobs, cache, progress=lambda d, t: seen.append((d, t)), workers=2)
    assert set(out) == {"k0", "k1", "k2", "k3"}
    assert seen[0] == (0, 4) and seen[-1] == (4, 4)


def test_cancel_stops_the_run(cache):
    event = threading.Event()
    event.set()
    with pytest.raises(r.Cancelled):
        r.render_many([_job(_jpeg(), (2000, 1500))], cache, cancel=event)
    with pytest.raises(r.Cancelled):
        r.render_many([_job(_jpeg(), (2000, 1500), key="k2")], cache, cancel=lambda: True)


def test_gif_first_frame(cache):
    frames = [Image.new("P", (400, 300), c) for c in (1, 2, 3)]
    buf = BytesIO()
    frames[0].save(buf, "GIF", save_all=True, append_images=frames[1:])
    out = r.render_many([_job(buf.getvalue(), (400, 300))], cache)["p1"]
    assert {x.width for x in out} == {400, 320}
