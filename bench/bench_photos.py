"""Issue 4: ten 24-megapixel photos to every rendition (4 widths x JPEG and WebP).

Figures, each against a baseline measured in this run:
- the export vs decoding the same files at draft scale in one thread (target <= 2.5x);
- the export vs the naive way: full decode, every rendition resized from full size, one thread,
  same encoders and settings (target: at least 5x faster, i.e. <= 0.2x);
- a second export with a warm cache vs the first (target <= 5%).
Also prints, for information, WebP encoder methods 0-4 at one size: time, bytes and PSNR.

The generated photos are kept in bench/out/photos/ (git-ignored) and reused by later runs.
"""

from __future__ import annotations

import hashlib
import math
import shutil
import tempfile
import time
from collections.abc import Callable
from io import BytesIO
from pathlib import Path

from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageStat

from bench.common import Figure, best_of, report
from editor.media.cache import RenditionCache
from editor.media.privacy import Credits
from editor.media.renditions import (
    RenditionJob,
    RenditionSettings,
    RenditionStats,
    encode,
    plan,
    render_many,
)

OUT = Path(__file__).resolve().parent / "out" / "photos"
SIZE = (6000, 4000)
COUNT = 10
CREDITS = Credits(caption="Bench caption", credit="Bench/Agency", copyright="© Bench")


def make_photo(seed: int, size: tuple[int, int] = SIZE) -> Image.Image:
    """Photographic-looking: smooth colour gradients, soft shapes, fine sensor-like noise."""
    w, h = size
    small = (w // 8, h // 8)
    gx = Image.linear_gradient("L").rotate(seed * 37 % 360).resize(small)
    gy = Image.radial_gradient("L").resize(small)
    base = Image.merge("RGB", (gx, gy, ImageChops.invert(gx)))
    draw = ImageDraw.Draw(base)
    for i in range(25):
        k = seed * 131 + i * 17
        x, y = (k * 53) % small[0], (k * 29) % small[1]
        r = 20 + (k * 7) % 120
        colour = ((k * 41) % 256, (k * 83) % 256, (k * 97) % 256)
        draw.ellipse((x - r, y - r, x + r, y + r // 2), fill=colour)
    base = base.filter(ImageFilter.GaussianBlur(6)).resize(size, Image.Resampling.BICUBIC)
    # Texture at two scales, so the file is as dense as a real photo (~0.4 bytes a pixel at q90,
    # ~9 MB for 24 MP) and decoding costs what it costs on a real one.
    texture = Image.effect_noise((w // 4, h // 4), 60).convert("RGB")
    texture = texture.resize(size, Image.Resampling.BICUBIC)
    noise = Image.effect_noise(size, 40 + seed).convert("RGB")
    return Image.blend(Image.blend(base, texture, 0.2), noise, 0.25)


def photos() -> list[Path]:
    OUT.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(COUNT):
        path = OUT / f"photo-v2-{i:02d}-{SIZE[0]}x{SIZE[1]}.jpg"
        if not path.exists():
            tmp = path.with_suffix(".tmp")
            make_photo(i).save(tmp, "JPEG", quality=90)
            tmp.replace(path)
        paths.append(path)
    return paths


def _jobs(datas: list[bytes]) -> list[RenditionJob]:
    jobs = []
    for i, data in enumerate(datas):
        sha = hashlib.sha256(data).hexdigest()
        jobs.append(RenditionJob(key=str(i), sha256=sha, width=SIZE[0], height=SIZE[1],
                                 credits=CREDITS, load=lambda d=data: d))  # fmt: skip
    return jobs


def draft_decode(datas: list[bytes]) -> None:
    box = (1600, math.ceil(1600 * SIZE[1] / SIZE[0]))
    for data in datas:
        with Image.open(BytesIO(data)) as im:
            im.draft("RGB", box)
            im.load()


def naive(datas: list[bytes], settings: RenditionSettings) -> None:
    for data in datas:
        with Image.open(BytesIO(data)) as im:
            im.load()
            for w, h in plan(*im.size, settings.widths):
                small = im.resize((w, h), Image.Resampling.LANCZOS)
                for fmt in settings.formats:
                    encode(small, fmt, settings, exif=b"", xmp=b"")


def webp_methods(data: bytes) -> None:
    with Image.open(BytesIO(data)) as im:
        im.draft("RGB", (1600, 1067))
        ref = im.convert("RGB").resize((1600, 1067), Image.Resampling.LANCZOS)
    for method in range(5):
        start = time.perf_counter()
        buf = BytesIO()
        ref.save(buf, "WEBP", quality=80, method=method)
        took = time.perf_counter() - start
        with Image.open(buf) as back:
            mse = sum(ImageStat.Stat(ImageChops.difference(ref, back.convert("RGB"))).sum2)
        mse /= 3 * ref.width * ref.height
        psnr = 10 * math.log10(255**2 / mse) if mse else float("inf")
        print(f"  webp q80 method {method}: {took * 1000:6.1f} ms  {len(buf.getvalue()):7d} bytes"
              f"  PSNR {psnr:5.2f} dB")  # fmt: skip


def _timed(label: str, fn: Callable[[], object]) -> float:
    wall, cpu = time.perf_counter(), time.process_time()
    fn()
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    print(f"  {label}: {wall:.2f} s wall, {cpu:.2f} s CPU ({cpu / wall:.2f} cores busy)")
    return wall


def run() -> list[Figure]:
    datas = [p.read_bytes() for p in photos()]
    settings = RenditionSettings()
    jobs = _jobs(datas)
    work = Path(tempfile.mkdtemp(prefix="byline-bench-photos-"))
    runs = iter(range(1000))

    def cold_export() -> None:
        cache = RenditionCache(work / f"cold-{next(runs)}")
        render_many(jobs, cache, settings)

    try:
        webp_methods(datas[0])
        draft = best_of(lambda: draft_decode(datas), repeat=3)
        ours = best_of(cold_export, repeat=3)
        # CPU seconds too, for reading the wall-clock ratios on a shared, noisy machine.
        naive_time = _timed("naive", lambda: naive(datas, settings))
        _timed("draft decode", lambda: draft_decode(datas))
        _timed("export", cold_export)

        warm_cache = RenditionCache(work / "warm")
        start = time.perf_counter()
        render_many(jobs, warm_cache, settings)
        first = time.perf_counter() - start
        stats = RenditionStats()
        second = best_of(lambda: render_many(jobs, warm_cache, settings, stats=stats), repeat=5)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    name = f"{COUNT} x 24 MP to 8 renditions each"
    return [
        report(Figure(f"{name} (2 threads)", ours, "draft decode, 1 thread", draft,
                      "<= 2.5x", ours <= 2.5 * draft)),
        report(Figure(f"{name} (2 threads)", ours, "naive, 1 thread", naive_time,
                      "<= 0.2x (5x)", ours * 5 <= naive_time)),
        report(Figure("second export, warm cache", second, "first export", first,
                      "<= 0.05x", second <= 0.05 * first and stats.decoded == 0)),
    ]  # fmt: skip
