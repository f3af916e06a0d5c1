"""Real image files for the photo tests: pixels from Pillow, metadata written by exiftool."""

from __future__ import annotations

import json
import shutil
import subprocess
from io import BytesIO
from pathlib import Path
from typing import Any

from PIL import Image, ImageDraw

from tests.helpers.services import require_service


def photo_like(size: tuple[int, int] = (600, 400), mode: str = "RGB") -> Image.Image:
    """A small image with structure (gradient, shapes), so resizes and crops are visible."""
    w, h = size
    im = Image.linear_gradient("L").resize(size).convert("RGB")
    draw = ImageDraw.Draw(im)
    draw.rectangle((0, 0, w // 3, h // 3), fill=(220, 30, 30))  # red block top-left
    draw.ellipse((w // 2, h // 2, w - 1, h - 1), fill=(30, 60, 200))
    return im.convert(mode) if mode != "RGB" else im


def jpeg_bytes(size: tuple[int, int] = (600, 400), **save: Any) -> bytes:
    buf = BytesIO()
    photo_like(size).save(buf, "JPEG", quality=90, **save)
    return buf.getvalue()


def write_jpeg(path: Path, size: tuple[int, int] = (600, 400), **save: Any) -> Path:
    path.write_bytes(jpeg_bytes(size, **save))
    return path


def exiftool_available() -> bool:
    return shutil.which("exiftool") is not None


def exiftool(path: Path, *args: str) -> None:
    """Write tags in place, e.g. ``exiftool(p, "-IPTC:By-line=Ana")``."""
    require_service(exiftool_available(), "exiftool is not installed (.ci/setup.d/exiftool.sh)")
    subprocess.run(
        ["exiftool", "-q", "-overwrite_original", *args, str(path)],
        check=True, capture_output=True,
    )  # fmt: skip


def read_tags(path: Path) -> dict[str, Any]:
    """Every tag exiftool sees, grouped by location (``-a -G1``: duplicates are not hidden)."""
    require_service(exiftool_available(), "exiftool is not installed (.ci/setup.d/exiftool.sh)")
    out = subprocess.run(
        ["exiftool", "-a", "-G1", "-s", "-j", "-b", str(path)],
        check=True, capture_output=True, text=True,
    )  # fmt: skip
    data: dict[str, Any] = json.loads(out.stdout)[0]
    return data


def swapped_primaries_icc() -> bytes:
    """A minimal ICC v2 RGB profile whose red and green primaries are swapped relative to sRGB.

    An image tagged with it and filled with (255, 0, 0) is really green: converting it to sRGB
    must give green, which shows the embedded profile was honoured.
    """
    import struct as st

    def s15(v: float) -> bytes:
        return st.pack(">i", round(v * 65536))

    def xyz(x: float, y: float, z: float) -> bytes:
        return b"XYZ \0\0\0\0" + s15(x) + s15(y) + s15(z)

    text = b"Swapped RG test profile\0"
    desc = b"desc\0\0\0\0" + st.pack(">I", len(text)) + text + b"\0" * 8 + b"\0\0\0" + b"\0" * 67
    curve = b"curv\0\0\0\0" + st.pack(">I", 1) + st.pack(">H", 0x0233) + b"\0\0"
    red, green = (0.4361, 0.2225, 0.0139), (0.3851, 0.7169, 0.0971)
    tags = [
        (b"desc", desc),
        (b"wtpt", xyz(0.9642, 1.0, 0.8249)),
        (b"rXYZ", xyz(*green)),
        (b"gXYZ", xyz(*red)),
        (b"bXYZ", xyz(0.1431, 0.0606, 0.7141)),
        (b"rTRC", curve),
        (b"gTRC", curve),
        (b"bTRC", curve),
        (b"cprt", b"text\0\0\0\0public domain\0\0\0"),
    ]
    offset = 128 + 4 + 12 * len(tags)
    table, body = b"", b""
    for sig, data in tags:
        table += sig + st.pack(">II", offset + len(body), len(data))
        body += data + b"\0" * (-len(data) % 4)
    size = offset + len(body)
    header = (
        st.pack(">I", size) + b"\0\0\0\0" + st.pack(">I", 0x02100000) + b"mntrRGB XYZ "
        + b"\0" * 12 + b"acsp" + b"\0" * 24 + st.pack(">I", 0)
        + s15(0.9642) + s15(1.0) + s15(0.8249) + b"\0" * 48
    )  # fmt: skip
    assert len(header) == 128
    return header + st.pack(">I", len(tags)) + table + body
