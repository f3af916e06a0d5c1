"""Responsive renditions of a photo: right way up, sRGB, 320/640/1024/1600 px, JPEG and WebP.

The pipeline per photo, chosen for speed (see bench/bench_photos.py and shared notes):

1. JPEG ``draft()`` with the real target box, so a 24 MP photo decodes at 1/2 to 1/8 scale;
2. EXIF orientation applied, odd modes (16-bit, palette, alpha) brought to 8-bit;
3. one resize to the largest width, then a cascade (1600 -> 1024 -> 640 -> 320), each step from
   the previous one, which is much cheaper than resizing each from full size;
4. the embedded ICC profile converted to sRGB once, at the largest rendition's size;
5. JPEG q82 and WebP (method 1: ~3x faster than the default 4 for the same quality setting).

Photos are done in parallel threads (Pillow releases the GIL in decode, resize and encode), never
in forked processes, which would be unsafe once Qt is loaded. Results are kept in a
:class:`~editor.media.cache.RenditionCache`: a photo whose files are all there costs no image work.
"""

from __future__ import annotations

import hashlib
import logging
import math
import os
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import asdict, dataclass, field
from io import BytesIO

from PIL import Image, ImageCms, ImageOps

from editor.errors import BylineError
from editor.media.cache import RenditionCache
from editor.media.privacy import Credits, kept_exif, published_exif, published_xmp

log = logging.getLogger(__name__)

WIDTHS: tuple[int, ...] = (320, 640, 1024, 1600)
FORMATS: tuple[str, ...] = ("jpeg", "webp")
MIME = {"jpeg": "image/jpeg", "webp": "image/webp"}
EXT = {"jpeg": "jpg", "webp": "webp"}
#: Bump when the pipeline changes what it produces, so old cache entries are not reused.
PIPELINE_VERSION = 1

Progress = Callable[[int, int], None]
Cancel = threading.Event | Callable[[], bool]


class Cancelled(BylineError):
    """The user cancelled a long job; whatever was finished stays cached."""


@dataclass(frozen=True)
class RenditionSettings:
    widths: tuple[int, ...] = WIDTHS
    formats: tuple[str, ...] = FORMATS
    jpeg_quality: int = 82
    webp_quality: int = 80
    webp_method: int = 1
    keep_metadata: bool = False

    def digest(self) -> str:
        data = repr((PIPELINE_VERSION, sorted(asdict(self).items())))
        return hashlib.sha256(data.encode()).hexdigest()[:12]


@dataclass(frozen=True)
class Rendition:
    width: int
    height: int
    format: str
    path: os.PathLike[str] | str

    @property
    def mime(self) -> str:
        return MIME[self.format]

    @property
    def extension(self) -> str:
        return EXT[self.format]


@dataclass
class RenditionJob:
    """One photo to render. ``load`` returns the original's bytes and is called only on a miss.
    ``width``/``height`` are the displayed size (after EXIF orientation)."""

    key: str
    sha256: str
    width: int
    height: int
    credits: Credits
    load: Callable[[], bytes]
    name: str = ""


@dataclass
class RenditionStats:
    """What a run did (tests and the benchmark check that a warm cache does no image work)."""

    decoded: int = 0
    encoded: int = 0
    cached: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def add(self, *, decoded: int = 0, encoded: int = 0, cached: int = 0) -> None:
        with self._lock:
            self.decoded += decoded
            self.encoded += encoded
            self.cached += cached


def plan(width: int, height: int, widths: Sequence[int] = WIDTHS) -> list[tuple[int, int]]:
    """(width, height) of each rendition, largest first; never wider than the original.

    A photo narrower than the largest standard width also gets one rendition at its own width,
    so the sharpest copy is never thrown away.
    """
    chosen = sorted({w for w in widths if w <= width}, reverse=True)
    if not chosen or width < max(widths):
        chosen = sorted({*chosen, width}, reverse=True)
    return [(w, max(1, round(height * w / width))) for w in chosen]


def is_cancelled(cancel: Cancel | None) -> bool:
    """Whether ``cancel`` (an Event, a callable or None) asks to stop."""
    if cancel is None:
        return False
    if isinstance(cancel, threading.Event):
        return cancel.is_set()
    return bool(cancel())


def render_many(
    jobs: Sequence[RenditionJob],
    cache: RenditionCache,
    settings: RenditionSettings | None = None,
    *,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
    workers: int | None = None,
    stats: RenditionStats | None = None,
) -> dict[str, list[Rendition]]:
    """Renditions of every job, by job key. Cached photos are answered without image work;
    the rest are made by ``workers`` threads (default: one per core).

    ``progress(done, total)`` is called after each photo (from worker threads); ``cancel`` (an
    Event or a callable) stops the run with :class:`Cancelled` between photos and renditions.
    """
    settings = settings or RenditionSettings()
    stats = stats or RenditionStats()
    total = len(jobs)
    results: dict[str, list[Rendition]] = {}
    todo: list[RenditionJob] = []
    for job in jobs:
        hit = cached_renditions(job, cache, settings)
        if hit is not None:
            results[job.key] = hit
            stats.add(cached=len(hit))
        else:
            todo.append(job)
    done = total - len(todo)
    if progress:
        progress(done, total)
    if not todo:
        return results
    if is_cancelled(cancel):
        raise Cancelled("cancelled before the photos were processed")
    count = workers or min(len(todo), os.cpu_count() or 2)
    lock = threading.Lock()
    with ThreadPoolExecutor(max_workers=count, thread_name_prefix="rendition") as pool:
        futures = {
            pool.submit(render_one, job, cache, settings, cancel, stats): job for job in todo
        }
        try:
            for future in as_completed(futures):
                results[futures[future].key] = future.result()
                with lock:
                    done += 1
                if progress:
                    progress(done, total)
        except BaseException:
            for f in futures:
                f.cancel()
            raise
    return results


def cached_renditions(
    job: RenditionJob, cache: RenditionCache, settings: RenditionSettings
) -> list[Rendition] | None:
    """The job's renditions if every one of them is in the cache, else None."""
    out: list[Rendition] = []
    for w, h in plan(job.width, job.height, settings.widths):
        for fmt in settings.formats:
            path = cache.path(job.sha256, w, EXT[fmt], _variant(settings, job.credits))
            if not path.exists():
                return None
            out.append(Rendition(w, h, fmt, path))
    return out


def _variant(settings: RenditionSettings, credits: Credits) -> str:
    return f"{settings.digest()}{credits.digest()}"


def render_one(
    job: RenditionJob,
    cache: RenditionCache,
    settings: RenditionSettings,
    cancel: Cancel | None = None,
    stats: RenditionStats | None = None,
) -> list[Rendition]:
    """Make (and cache) every rendition of one photo."""
    sizes = plan(job.width, job.height, settings.widths)
    name = job.name or job.key
    try:
        with Image.open(BytesIO(job.load())) as im:
            original_exif = im.getexif()
            xmp_in = im.info.get("xmp") if settings.keep_metadata else None
            frames = decode_for(im, sizes[0])
    except BylineError:
        raise
    except Exception as exc:
        raise BylineError(f"{name}: cannot make renditions ({exc})") from exc
    if stats:
        stats.add(decoded=1)
    if settings.keep_metadata:
        exif = kept_exif(original_exif)
        xmp = bytes(xmp_in) if xmp_in else published_xmp(job.credits)
    else:
        exif = published_exif(job.credits)
        xmp = published_xmp(job.credits)
    variant = _variant(settings, job.credits)
    out: list[Rendition] = []
    current = frames
    for index, (w, h) in enumerate(sizes):
        if is_cancelled(cancel):
            raise Cancelled(f"cancelled while processing {name}")
        if current.size != (w, h):
            current = current.resize((w, h), _filter(index))
        if index == 0:
            current = to_srgb(current, frames.info.get("icc_profile"))
        for fmt in settings.formats:
            data = encode(current, fmt, settings, exif=exif, xmp=xmp)
            path = cache.put(job.sha256, w, EXT[fmt], variant, data)
            out.append(Rendition(w, h, fmt, path))
            if stats:
                stats.add(encoded=1)
    return out


def decode_for(im: Image.Image, box: tuple[int, int]) -> Image.Image:
    """Decode as little as will still cover ``box`` (the displayed size), the right way up, in a
    mode the resizer and encoders take (RGB, L or CMYK; alpha flattened onto white)."""
    orientation = im.getexif().get(0x0112, 1)
    stored_box = (box[1], box[0]) if orientation in (5, 6, 7, 8) else box
    if im.format in ("JPEG", "MPO"):
        im.draft(im.mode, stored_box)
    if getattr(im, "n_frames", 1) > 1:
        im.seek(0)  # GIF, MPO: the first frame
    im.load()
    icc = im.info.get("icc_profile")
    out = ImageOps.exif_transpose(im) or im
    out = normalise_mode(out)
    if icc:
        out.info["icc_profile"] = icc
    return out


def normalise_mode(im: Image.Image) -> Image.Image:
    if im.mode.startswith("I;16") or im.mode == "I":
        im = im.convert("I").point(lambda v: v * (1 / 256)).convert("L")
    elif im.mode == "F":
        im = im.convert("L")
    if im.mode == "P" or im.mode == "PA":
        im = im.convert("RGBA")
    if im.mode in ("RGBA", "LA", "RGBa", "La"):
        background = Image.new("RGB", im.size, (255, 255, 255))
        background.paste(im.convert("RGBA"), mask=im.convert("RGBA").getchannel("A"))
        return background
    if im.mode in ("RGB", "L", "CMYK"):
        return im
    return im.convert("RGB")


_SRGB = ImageCms.createProfile("sRGB")


def to_srgb(im: Image.Image, icc: bytes | None) -> Image.Image:
    """Convert to sRGB RGB through the embedded profile (no profile: assumed sRGB already)."""
    if icc:
        try:
            source = ImageCms.ImageCmsProfile(BytesIO(icc))
            description = (ImageCms.getProfileDescription(source) or "").strip()
            if not (im.mode == "RGB" and description.startswith("sRGB")):
                converted = ImageCms.profileToProfile(im, source, _SRGB, outputMode="RGB")
                if converted is not None:
                    return converted
        except (ImageCms.PyCMSError, OSError, ValueError) as exc:
            log.warning("ignoring an unusable colour profile: %s", exc)
    return im if im.mode == "RGB" else im.convert("RGB")


def encode(
    im: Image.Image, fmt: str, settings: RenditionSettings, *, exif: bytes, xmp: bytes
) -> bytes:
    buf = BytesIO()
    extra: dict[str, object] = {}
    if exif:
        extra["exif"] = exif
    if xmp:
        extra["xmp"] = xmp
    if fmt == "jpeg":
        im.save(buf, "JPEG", quality=settings.jpeg_quality, **extra)
    elif fmt == "webp":
        im.save(buf, "WEBP", quality=settings.webp_quality, method=settings.webp_method, **extra)
    else:  # pragma: no cover - settings are validated by the callers
        raise ValueError(f"unknown rendition format {fmt!r}")
    return buf.getvalue()


def target_box(width: int, height: int, target_width: int) -> tuple[int, int]:
    """The real box for ``draft()``: the target width and the height it implies."""
    return target_width, math.ceil(target_width * height / width)


def _filter(step: int) -> Image.Resampling:
    """BICUBIC for the first step down from the draft decode (at most 2x, the DCT scaling has
    already filtered; ~1/3 cheaper than LANCZOS, 0.04 dB apart in bench_photos), LANCZOS for the
    cascade steps, which are small."""
    return Image.Resampling.BICUBIC if step == 0 else Image.Resampling.LANCZOS
