"""Push of a post with five photos to the local WordPress (REST), then a re-push with no changes.

Target (issue 6): the re-push uploads nothing, makes one update call, and takes at most 10% of
the first push. The first push is the same-run baseline. Each network step is timed.
"""

from __future__ import annotations

import hashlib
import io
import random
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from bench.common import Figure, report

PHOTO_SIZE = (1600, 1067)  # a typical web rendition
BODY = "\n\n".join(
    f"Paragraph {i} about the harbour, the lamps and the people who keep them lit."
    + (f"\n\n![Photo {i}](photo{i}.jpg)" if i < 5 else "")
    for i in range(1, 9)
)


def _photos():  # type: ignore[no-untyped-def]
    from PIL import Image

    from editor.publish.base import PhotoUpload

    rng = random.Random(6)
    photos = []
    for i in range(5):
        img = Image.effect_noise(PHOTO_SIZE, 40).convert("RGB")
        img.paste((rng.randrange(256), rng.randrange(256), rng.randrange(256)), (0, 0, 400, 300))
        buf = io.BytesIO()
        img.save(buf, "JPEG", quality=85)
        data = buf.getvalue()
        photos.append(
            PhotoUpload(
                filename=f"photo{i}.jpg",
                mime="image/jpeg",
                data=data,
                sha256=hashlib.sha256(data).hexdigest(),
                caption=f"Photo {i}",
                credit="Photo: Byline bench",
                alt=f"Alt text {i}",
                is_lead=i == 0,
            )
        )
    return photos


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

    from editor.model import PostContent
    from editor.publish.secrets import SecretStore
    from editor.services import blogs, posts, targets
    from editor.services.publish import push_post
    from editor.store.database import open_store

    instance = WordPressInstance()
    with tempfile.TemporaryDirectory(prefix="byline-bench-") as tmp:
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
                        body=BODY,
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
            secrets = SecretStore(env={"BYLINE_PASSWORD": site.app_password})
            photos = _photos()
            mb = sum(len(p.data or b"") for p in photos) / 1e6

            start = time.perf_counter()
            first = push_post(
                store, post_id, "wp", secrets=secrets, status="publish", photos=photos
            )
            first_s = time.perf_counter() - start
            print(
                f"  first push ({len(photos)} photos, {mb:.1f} MB): {first_s * 1000:.0f} ms: "
                f"{_steps(first.calls)}"
            )

            start = time.perf_counter()
            again = push_post(
                store, post_id, "wp", secrets=secrets, status="publish", photos=photos
            )
            again_s = time.perf_counter() - start
            print(f"  re-push, no changes: {again_s * 1000:.0f} ms: {_steps(again.calls)}")
            store.close()
        finally:
            instance.stop()

    names = [n for n, _ in again.calls]
    shape_ok = (
        not again.uploaded
        and names.count("update_post") == 1
        and "create_post" not in names
        and again.remote_id == first.remote_id
    )
    if not shape_ok:
        print(f"  re-push made these calls: {names}; uploaded: {again.uploaded}")
    return [
        report(
            Figure(
                name="publish: re-push, no changes (5 photos)",
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
