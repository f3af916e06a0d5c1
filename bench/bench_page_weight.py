"""Lighter pages for readers (issue 15): the bytes a phone downloads for the lead photo.

A post with a 6-megapixel lead photo is exported as a user would (``page_for_post`` writes the
renditions beside the page). The page's lead ``<img>`` (JPEG ``srcset``) and its ``<picture>``
WebP ``<source>`` are read back from the HTML, and the candidate a browser picks is worked out
as browsers do: the slot width from ``sizes`` at the phone's viewport, then the smallest
candidate whose density (width / slot) covers the device pixel ratio, else the largest.
Before = the JPEG the page offered alone; after = the WebP a browser that supports it takes.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from io import BytesIO
from pathlib import Path

from bench.bench_photos import make_photo
from bench.common import Figure

PHONES = [("phone 390 CSS px, DPR 3", 390, 3.0), ("phone 360 CSS px, DPR 2", 360, 2.0)]
ROOT_EM = 16.0


def _length(text: str) -> float:
    value = float(re.findall(r"[\d.]+", text)[0])
    return value * ROOT_EM if text.endswith(("rem", "em")) else value


def slot_width(sizes: str, viewport: float) -> float:
    """The CSS px width ``sizes`` gives at ``viewport`` (min/max-width conditions, px/rem/vw)."""
    for entry in (part.strip() for part in sizes.split(",")):
        condition = re.match(r"\((min|max)-width:\s*([\d.]+(?:px|rem|em))\)\s*(.+)", entry)
        if condition:
            bound = _length(condition.group(2))
            holds = viewport >= bound if condition.group(1) == "min" else viewport <= bound
            if not holds:
                continue
            entry = condition.group(3)
        if entry.endswith("vw"):
            return viewport * float(entry[:-2]) / 100
        return _length(entry)
    return viewport


def pick(srcset: str, slot: float, dpr: float) -> str:
    candidates = sorted(
        (int(w[:-1]), url) for url, w in (c.strip().rsplit(" ", 1) for c in srcset.split(","))
    )
    for width, url in candidates:
        if width / slot >= dpr:
            return url
    return candidates[-1][1]


def _attribute(tag: str, name: str) -> str:
    found = re.search(rf'\s{name}="([^"]*)"', tag)
    return found.group(1) if found else ""


def _lead(html: str) -> tuple[str, str, str]:
    """(JPEG srcset, WebP srcset or "", sizes) of the page's lead photo."""
    figure = html.split('<figure class="lead-photo">', 1)[1].split("</figure>", 1)[0]
    img = re.findall(r"<img\b[^>]*>", figure)[0]
    webp = [tag for tag in re.findall(r"<source\b[^>]*>", figure) if "image/webp" in tag]
    srcset = _attribute(webp[0], "srcset") if webp else ""
    return _attribute(img, "srcset"), srcset, _attribute(img, "sizes")


def _export_page(folder: Path) -> str:
    from editor.model import PostContent
    from editor.render.page import render_page
    from editor.render.themes import require_theme
    from editor.services import blogs, photos, posts
    from editor.services.pages import page_for_post
    from editor.store.database import open_store

    buf = BytesIO()
    make_photo(5, (3000, 2000)).save(buf, "JPEG", quality=90)
    store = open_store(folder / "weight.sqlite3")
    with store.session() as s:
        blog = blogs.get_or_create_blog(s, "Bench Blog", site_url="https://example.org/")
        post = posts.create_post(s, PostContent(headline="Lead", body="Text."), blog=blog)
        photos.attach(s, post, buf.getvalue(), filename="lead.jpg", lead=True,
                      caption="Caption", credit="Bench", alt="A bench photo")  # fmt: skip
    with store.session() as s:
        post = posts.get_post(s, post.id)
        data = page_for_post(s, post, images_folder=folder).data
        theme = require_theme(post.blog.theme)
    store.close()
    return render_page(data, theme=theme, mode="export", asset_prefix="assets/").html


def run() -> list[Figure]:
    folder = Path(tempfile.mkdtemp(prefix="byline-bench-weight-"))
    cache_before = os.environ.get("XDG_CACHE_HOME")
    os.environ["XDG_CACHE_HOME"] = str(folder / "cache")  # renditions made here, not in ~/.cache
    figures = []
    try:
        jpeg, webp, sizes = _lead(_export_page(folder))
        for name, viewport, dpr in PHONES:
            slot = slot_width(sizes, viewport)
            before = pick(jpeg, slot, dpr)
            after = pick(webp, slot, dpr) if webp else before
            before_bytes = (folder / before).stat().st_size
            after_bytes = (folder / after).stat().st_size
            passed = bool(webp) and after_bytes < before_bytes
            print(f"lead photo bytes, {name:<26} JPEG only {before_bytes:>9,} B "
                  f"({before.rsplit('-', 1)[-1]})   with WebP {after_bytes:>9,} B "
                  f"({after.rsplit('-', 1)[-1]})   ratio {after_bytes / before_bytes:5.2f}x   "
                  f"target < 1x  {'ok' if passed else 'MISSED'}", flush=True)  # fmt: skip
            figures.append(Figure(f"lead photo bytes, {name}", after_bytes, "JPEG only",
                                  before_bytes, "< 1x", passed))  # fmt: skip
    finally:
        if cache_before is None:
            os.environ.pop("XDG_CACHE_HOME", None)
        else:
            os.environ["XDG_CACHE_HOME"] = cache_before
        shutil.rmtree(folder, ignore_errors=True)
    return figures
