"""Checking that a file is an image Byline can use, before anything is stored.

Every problem becomes an :class:`~editor.errors.InputError` that names the file and says what is
wrong with it; Pillow's decompression-bomb protection stays on.
"""

from __future__ import annotations

import hashlib
import stat
import warnings
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

from PIL import Image, ImageOps, UnidentifiedImageError

from editor.errors import InputError
from editor.media.metadata import PhotoMetadata, read_metadata

#: Pillow format name -> MIME type of the formats Byline accepts.
ACCEPTED = {
    "JPEG": "image/jpeg",
    "MPO": "image/jpeg",  # a JPEG with extra frames, as some cameras write
    "PNG": "image/png",
    "WEBP": "image/webp",
    "GIF": "image/gif",
    "TIFF": "image/tiff",
}
#: No side longer than this: a panorama of 30,000 px is plausible, 100,000 is a broken header.
MAX_SIDE = 30_000
#: Files larger than this are refused before reading them whole.
MAX_BYTES = 200 * 1024 * 1024


@dataclass
class ProbedImage:
    data: bytes
    sha256: str
    filename: str
    mime: str
    width: int  # as displayed, after the EXIF orientation
    height: int
    mode: str
    metadata: PhotoMetadata


def read_file(path: Path) -> bytes:
    try:
        if path.is_dir():
            raise InputError(f"{path}: is a folder, not an image file")
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):  # a FIFO blocks, /dev/zero never ends
            raise InputError(f"{path}: not a regular file (a device, pipe or socket)")
        if info.st_size > MAX_BYTES:
            raise InputError(f"{path}: {info.st_size // (1024 * 1024)} MB is too large for a photo")
        with path.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES:
            raise InputError(f"{path}: too large for a photo")
        return data
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except PermissionError:
        raise InputError(f"{path}: cannot read the file (permission denied)") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read the file ({exc.strerror or exc})") from None


def probe(data: bytes, name: str) -> ProbedImage:
    """Open, verify and fully decode ``data``; read its metadata. ``name`` is used in messages."""
    if not data:
        raise InputError(f"{name}: the file is empty")
    with warnings.catch_warnings():
        # Between MAX_IMAGE_PIXELS and twice that, Pillow only warns; above, it raises
        # DecompressionBombError, which is kept. Large real photos (100 MP) pass.
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        try:
            return _probe(data, name)
        except InputError:
            raise
        except Image.DecompressionBombError:
            raise InputError(
                f"{name}: refused as a possible decompression bomb (more than "
                f"{2 * (Image.MAX_IMAGE_PIXELS or 0) // 1_000_000} million pixels)"
            ) from None
        except UnidentifiedImageError:
            raise InputError(
                f"{name}: not an image Byline can read (JPEG, PNG, WebP, GIF or TIFF)"
            ) from None
        except (OSError, SyntaxError, ValueError, EOFError) as exc:
            raise InputError(f"{name}: the image is damaged or truncated ({exc})") from None


def _probe(data: bytes, name: str) -> ProbedImage:
    with Image.open(BytesIO(data)) as im:
        fmt = im.format or ""
        if fmt not in ACCEPTED:
            raise InputError(f"{name}: {fmt or 'this'} images are not supported "
                             "(JPEG, PNG, WebP, GIF or TIFF)")  # fmt: skip
        _check_size(im.size, name)
        im.verify()
    with Image.open(BytesIO(data)) as im:
        metadata = read_metadata(im)
        orientation = im.getexif().get(0x0112, 1)
        im.load()  # a truncated file fails here, not later in an export
        mode = im.mode
        width, height = im.size
    if orientation in (5, 6, 7, 8):
        width, height = height, width
    return ProbedImage(
        data=data,
        sha256=hashlib.sha256(data).hexdigest(),
        filename=name,
        mime=ACCEPTED[fmt],
        width=width,
        height=height,
        mode=mode,
        metadata=metadata,
    )


def _check_size(size: tuple[int, int], name: str) -> None:
    w, h = size
    if w < 1 or h < 1 or w > MAX_SIDE or h > MAX_SIDE:
        raise InputError(f"{name}: absurd dimensions {w}x{h} px (at most {MAX_SIDE} px a side)")


def oriented(im: Image.Image) -> Image.Image:
    """The image the right way up (EXIF orientation applied)."""
    return ImageOps.exif_transpose(im)
