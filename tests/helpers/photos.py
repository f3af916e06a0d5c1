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
