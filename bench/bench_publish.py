"""Push of a post with five attached photos to the local WordPress (REST), then a re-push with
no changes, both the way ``byline push`` does it (the post's photos through the photos service).

The first push (the same-run baseline) makes the renditions from camera-sized originals with a
cold rendition cache and uploads the 1600 px JPEGs; the re-push finds the renditions in the
cache and the photos on the site. Target (issue 6): the re-push does no image work, uploads
nothing, makes one update call, and takes at most 10% of the first push. Each network step is
timed.
"""

from __future__ import annotations

import io
import os
import random
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import TYPE_CHECKING

from bench.common import Figure, report

if TYPE_CHECKING:
    from editor.store.database import Store

ORIGINAL_SIZE = (3000, 2000)  # a 6 MP camera original


def _original(rng: random.Random) -> bytes:
    from PIL import Image

    img = Image.effect_noise(ORIGINAL_SIZE, 40).convert("RGB")
    colour = (rng.randrange(256), rng.randrange(256), rng.randrange(256))
    img.paste(colour, (0, 0, 900, 600))
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=88)
    return buf.getvalue()


def _attach_photos(store: Store, post_id: int) -> tuple[str, float]:
    """Five photos attached through the photos service; returns the body showing the inline
    ones, and the originals' size in MB."""
    from editor.services import photos, posts

    rng = random.Random(6)
    size = 0
    refs = []
    with store.session() as s:
        post = posts.get_post(s, post_id)
        for i in range(5):
            data = _original(rng)
            size += len(data)
            photo = photos.attach(s, post, data, filename=f"photo{i}.jpg", lead=i == 0,
                                  caption=f"Photo {i}", credit="Byline bench",
                                  alt=f"Alt text {i}")  # fmt: skip
            refs.append(photo.uuid)
    body = "\n\n".join(
        f"Paragraph {i} about the harbour, the lamps and the people who keep them lit."
        + (f"\n\n![Photo {i}](photo:{refs[i]})" if 0 < i < 5 else "")
        for i in range(1, 9)
    )
    return body, size / 1e6


def _steps(calls: list[tuple[str, float]]) -> str:
    totals: dict[str, list[float]] = defaultdict(list)
    for name, seconds in calls:
        totals[name].append(seconds)
    return ", ".join(f"{n} x{len(t)} {sum(t) * 1000:.0f} ms" for n, t in totals.items())


def run() -> list[Figure]:
    try:
        from tests.integration.wordpress.server import WordPressInstance, missing_requirements
    except ImportError as exc:
        print(f"skipped: the WordPress test harness is not importable ({exc})")
        return []
    reason = missing_requirements()
    if reason:
        print(
            f"skipped: WordPress is not installed here ({reason}); "
            "run .ci/setup.d/wordpress.sh as root"
        )
        return []

    from editor.media.renditions import RenditionStats
    from editor.model import PostContent
    from editor.publish.secrets import SecretStore
    from editor.services import blogs, posts, targets
    from editor.services.publish import PushResult, push_post
    from editor.services.publish_photos import photos_for
    from editor.store.database import open_store

    instance = WordPressInstance()
    cache_before = os.environ.get("BYLINE_CACHE_DIR")
    with tempfile.TemporaryDirectory(prefix="byline-bench-") as tmp:
        os.environ["BYLINE_CACHE_DIR"] = str(Path(tmp) / "cache")  # a cold rendition cache
        try:
            site = instance.start()
            store = open_store(Path(tmp) / "bench.sqlite3")
            with store.session() as s:
                post = posts.create_post(
                    s,
                    PostContent(
                        headline="Harbour lights return",
                        deck="Ten years dark, now lit.",
                        byline="Ada Lovelace",
                        tags=["harbour", "lights"],
                        categories=["Local news"],
                        body="",
                    ),
                    blog=blogs.default_blog(s),
                )
                post_id = post.id
                targets.add_target(
                    s,
                    name="wp",
                    kind="wordpress",
                    site_url=site.url,
                    username=site.user,
                    api_url=site.url + "/wp-json/",
                )
            body, mb = _attach_photos(store, post_id)
            with store.session() as s:
                post = posts.get_post(s, post_id)
                content = post.content()
                content.body = body
                posts.save_post(s, post_id, content, expected_version=post.version)
            secrets = SecretStore(env={"BYLINE_PASSWORD": site.app_password})

            def push() -> tuple[PushResult, float, RenditionStats, float]:
                # What push_post does by default, with the photo step timed on its own.
                stats = RenditionStats()
                start = time.perf_counter()
                photos = photos_for(store, post_id, stats=stats)
                prepared = time.perf_counter()
                result = push_post(
                    store, post_id, "wp", secrets=secrets, status="publish", photos=photos
                )
                end = time.perf_counter()
                return result, end - start, stats, prepared - start

            first, first_s, first_stats, first_prep = push()
            print(
                f"  first push (5 photos, originals {mb:.1f} MB): {first_s * 1000:.0f} ms; "
                f"renditions {first_prep * 1000:.0f} ms ({first_stats.encoded} encoded); "
                f"{_steps(first.calls)}"
            )
            again, again_s, again_stats, again_prep = push()
            print(
                f"  re-push, no changes: {again_s * 1000:.0f} ms; photos {again_prep * 1000:.0f}"
                f" ms ({again_stats.decoded} decoded, {again_stats.encoded} encoded, "
                f"{again_stats.cached} cached); {_steps(again.calls)}"
            )
            store.close()
        finally:
            instance.stop()
            if cache_before is None:
                os.environ.pop("BYLINE_CACHE_DIR", None)
            else:
                os.environ["BYLINE_CACHE_DIR"] = cache_before

    names = [n for n, _ in again.calls]
    shape_ok = (
        not again.uploaded
        and len(first.uploaded) == 5
        and names.count("update_post") == 1
        and "create_post" not in names
        and again.remote_id == first.remote_id
        and again_stats.decoded == again_stats.encoded == 0
    )
    if not shape_ok:
        print(f"  re-push made these calls: {names}; uploaded: {again.uploaded}")
    return [
        report(
            Figure(
                name="publish: re-push, no changes (5 attached photos)",
                seconds=again_s,
                baseline_name="first push",
                baseline_seconds=first_s,
                target="<= 0.10x, 0 up, 1 upd",
                passed=shape_ok and again_s <= 0.10 * first_s,
            )
        )
    ]


if __name__ == "__main__":
    run()
