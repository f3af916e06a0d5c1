"""Screenshots of the window as a person sees it, for looking at the design: ``make screenshots``
or ``python -m bench.screenshots [--out DIR] [--sizes 1280x800,1920x1080] [--schemes light,dark]``.

Each size gets its own Xvfb screen (a real X server, so the web preview is composited as on a
desktop) and each scheme its own run of the app on a fresh database with the sample post, a
photo with a long caption, and a few Recent posts links. The window is shot with no panel open,
then with each panel opened through its View-menu command:
``DIR/{W}x{H}-{scheme}-{main,history,photos,sidebar,outbox}.png``.

Needs Xvfb (Debian: ``apt-get install xvfb``).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

SHOTS = ("main", "history", "photos", "sidebar", "outbox", "review")
CAPTION = (
    "Volunteers carry a solar panel across the school yard in Achacachi, 3,900 metres up. "
    "The station has run on the twelve panels since 2019; the batteries carry it through the "
    "night and most storms."
)
ALT = "Four people carry a large solar panel across a dusty yard under a bright sky."


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.screenshots", description=__doc__)
    parser.add_argument("--out", default="screenshots", help="folder for the PNGs")
    parser.add_argument("--sizes", default="1280x800,1920x1080")
    parser.add_argument("--schemes", default="light,dark")
    parser.add_argument("--child", nargs=2, metavar=("SIZE", "SCHEME"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    out = Path(args.out).resolve()
    out.mkdir(parents=True, exist_ok=True)
    if args.child:
        return shoot(out, args.child[0], args.child[1])
    if shutil.which("Xvfb") is None:
        print("screenshots: Xvfb is missing (Debian: apt-get install xvfb)", file=sys.stderr)
        return 2
    failed = 0
    for size in args.sizes.split(","):
        with xvfb(size) as display:
            for scheme in args.schemes.split(","):
                env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
                run = [sys.executable, "-m", "bench.screenshots", "--out", str(out)]
                code = subprocess.call([*run, "--child", size, scheme], env=env)
                failed += code != 0
                print(f"{size} {scheme}: {'done' if code == 0 else f'failed ({code})'}")
    print(f"PNGs in {out}")
    return 1 if failed else 0


class xvfb:
    """An Xvfb server of ``size`` (``WxH``) on a free display, for a ``with`` block."""

    def __init__(self, size: str) -> None:
        self.size = size

    def __enter__(self) -> str:
        read, write = os.pipe()
        self.proc = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write), "-screen", "0", f"{self.size}x24", "-nolisten",
             "tcp", "-dpi", "96"],
            pass_fds=(write,), stderr=subprocess.DEVNULL,
        )  # fmt: skip
        os.close(write)
        with os.fdopen(read) as f:
            number = f.readline().strip()
        if not number:
            self.proc.kill()
            raise RuntimeError("Xvfb did not start")
        return f":{number}"

    def __exit__(self, *_exc: object) -> None:
        self.proc.terminate()
        self.proc.wait(10)


# -- in the child: one app run under one X server -------------------------------------------


def shoot(out: Path, size: str, scheme: str) -> int:
    home = Path(tempfile.mkdtemp(prefix="byline-shots-"))
    os.environ["BYLINE_COLOR_SCHEME"] = scheme
    for name in ("DATA", "CONFIG", "CACHE"):
        os.environ[f"BYLINE_{name}_DIR"] = str(home / name.lower())
    (home / "config").mkdir()
    (home / "config" / "config.toml").write_text(  # the writer is known: no first-run welcome
        'version = 1\n\n[user]\nname = "Lucía Ferreira"\n', encoding="utf-8"
    )
    from PySide6.QtWidgets import QApplication

    from editor.app import build_window
    from editor.ui.preview.engine_setup import prepare_webengine
    from editor.ui.window.actions import Act
    from editor.ui.window.theme import apply_palette

    prepare_webengine()
    app = QApplication([sys.argv[0]])
    app.setApplicationName("Byline")
    apply_palette(app)
    db = home / "shots.sqlite3"
    prepare_database(db)
    width, height = (int(n) for n in size.split("x"))
    window = build_window(str(db), False, open_on_paint=False)
    window.move(0, 0)
    window.resize(width, height)
    window.show()
    preview = window.preview
    assert preview is not None
    wait_until(lambda: preview.pane.view is not None and preview.data is not None)
    wait_until(lambda: js(preview.pane, "document.getElementById('article-body') ? 1 : 0") == 1)
    acts = {"history": Act.HISTORY, "photos": Act.PHOTOS, "sidebar": Act.SIDEBAR,
            "outbox": Act.OUTBOX, "review": Act.REVIEW}  # fmt: skip
    try:
        for shot in SHOTS:
            act = acts.get(shot)
            if act is not None:
                window.actions_[act].trigger()
            settle(window)
            path = out / f"{size}-{scheme}-{shot}.png"
            screen = window.screen()
            geometry = window.frameGeometry()
            screen.grabWindow(0, *geometry.getRect()).save(str(path))
            if act is not None:
                window.actions_[act].trigger()
    finally:
        window.close()
        window.executor.shutdown()
        if window.controller.store is not None:
            window.controller.store.close()
        shutil.rmtree(home, ignore_errors=True)
    return 0


def prepare_database(path: Path) -> None:
    """The sample post (as on a first run), a photo with a caption of several sentences, and a
    few Recent posts links."""
    from datetime import date

    from editor.services import photos, sidebar
    from editor.services.sample import seed_sample_post
    from editor.store.database import open_store

    store = open_store(path)
    try:
        with store.session() as s:
            post = seed_sample_post(s)
            assert post is not None
            photos.attach(s, post, _photo(), filename="solar-panels.jpg", lead=True,
                          caption=CAPTION, credit="Ana Lima/Radio Illimani", alt=ALT)  # fmt: skip
            for title, day in (
                ("Fishing cooperatives on Lake Titicaca count what the drought took", 14),
                ("The schoolteacher who maps every spring in the valley", 7),
                ("A night bus to Oruro, and the stories told on it", 2),
            ):
                slug = title.lower().split(",")[0].replace(" ", "-")[:40]
                sidebar.add_link(s, post.blog, title=title, url=f"https://blogs.example.org/latin-america/{slug}/",
                                 date=date(2026, 11, day))  # fmt: skip
            s.commit()
        _review(store, post.id)
    finally:
        store.close()


def _review(store: Any, post_id: int) -> None:
    """Two people reviewing the sample post: a submission, an editor's comments and a note."""
    from editor.model import Person, PostStatus
    from editor.services import comments, workflow

    writer = Person("Lucía Ferreira", "lucia@example.org", "America/La_Paz")
    editor = Person("Marta Ortiz", "marta@example.org", "Europe/Madrid")
    for who, work in (
        (writer, lambda s: workflow.change_status(s, post_id, PostStatus.SUBMITTED)),
        (editor, lambda s: comments.add_comment(
            s, post_id, "Which year was this? Give the date.", quote="When the grid failed",
            field="deck")),
        (editor, lambda s: comments.add_comment(
            s, post_id, "Lovely opening. How old is she?", quote="Doña Remedios Quispe")),
        (editor, lambda s: workflow.review_decision(
            s, post_id, PostStatus.CHANGES_REQUESTED, note="The date, and her age.")),
        (writer, lambda s: comments.reply(s, post_id, 2, "Seventy-one; added.")),
    ):  # fmt: skip
        store.whoami = lambda who=who: who
        with store.session() as s:
            work(s)


def _photo() -> bytes:
    """A stand-in photo: sky, hills and a dark panel (no file from outside the project)."""
    from io import BytesIO

    from PIL import Image, ImageDraw

    image = Image.new("RGB", (1200, 800), (120, 170, 220))
    draw = ImageDraw.Draw(image)
    draw.polygon([(0, 520), (300, 380), (650, 500), (1000, 360), (1200, 460), (1200, 800),
                  (0, 800)], fill=(150, 120, 80))  # fmt: skip
    draw.polygon([(420, 470), (820, 430), (860, 610), (440, 650)], fill=(30, 40, 70))
    buffer = BytesIO()
    image.save(buffer, "JPEG", quality=85)
    return buffer.getvalue()


def wait_until(condition: Any, timeout: float = 30.0) -> None:
    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QApplication

    end = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > end:
            raise TimeoutError("the window did not get there in time")
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        time.sleep(0.02)


def settle(window: Any, quiet: float = 0.6) -> None:
    """Let layout, thumbnails and the web view's compositor finish (a screenshot script, not a
    test: a short quiet spell is good enough)."""
    from PySide6.QtWidgets import QApplication

    end = time.monotonic() + quiet
    while time.monotonic() < end:
        QApplication.processEvents()
        time.sleep(0.02)
    window.executor.wait_idle()
    QApplication.processEvents()


def js(pane: Any, expression: str) -> Any:
    import json

    box: list[Any] = []
    pane.run_js(f"JSON.stringify({expression})", box.append)
    wait_until(lambda: bool(box), 10)
    return None if box[0] in ("", None) else json.loads(box[0])


if __name__ == "__main__":
    sys.exit(main())
