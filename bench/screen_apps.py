"""The applications ``bench.screen`` starts on its X server: Byline on a post of N words, a
bare PySide6 window (the floor), and ReText 8.1 with its WebEngine live preview (the peer), in
its own venv under ``bench/out/`` (made once with pip; left out when that fails).

Each app runs in a session of its own, so stopping it ends its web engine helpers too; each
has a home folder of its own (settings, database), kept between runs so that a start is a
person's second start: the window comes back full size, the post opens where it was.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from bench.xscreen import Rect, Screen

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
RETEXT_VENV = OUT / "retext-venv"
# Another checkout of Byline to measure instead of this one (e.g. main, for a before/after).
SOURCE = Path(os.environ.get("BENCH_BYLINE_SOURCE", ROOT))
RETEXT_PACKAGES = ["ReText==8.1.0", "PyQt6-WebEngine"]
# The post opens with a one-line paragraph: Ctrl+Home, End puts the caret at its end in any
# editor, whatever the window's width (the Enter-then-new-paragraph edit starts there).
FIRST = "A short first paragraph."


def post_text(words: int) -> str:
    from tests.helpers.preview import long_post

    return f"{FIRST}\n\n{long_post(words)}"


@dataclass
class App:
    """How to start one app and where on the 1920x1080 screen its parts are."""

    name: str
    argv: list[str]
    env: dict[str, str]
    preview: Rect  # a part of the page preview that shows the post's text
    text: tuple[int, int]  # a point in the text editor, over text near the top
    proc: subprocess.Popen[bytes] | None = field(default=None, repr=False)
    cwd: Path = ROOT

    def start(self) -> float:
        """Start the app; returns the start time (``time.perf_counter()``)."""
        started = time.perf_counter()
        self.proc = subprocess.Popen(
            self.argv, env=self.env, cwd=self.cwd, stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL, start_new_session=True,
        )  # fmt: skip
        return started

    def windows(self) -> list[str]:
        """Its visible top-level windows (X ids, as xdotool finds them)."""
        if self.proc is None:
            return []
        found = subprocess.run(["xdotool", "search", "--onlyvisible", "--pid", str(self.proc.pid)],
                               env=self.env, capture_output=True, text=True)  # fmt: skip
        return found.stdout.split()

    def focus(self) -> None:
        """Give its window the keyboard (there is no window manager to do it on a click)."""
        for window in self.windows():
            subprocess.run(["xdotool", "windowfocus", window], env=self.env, check=False)

    def fill_screen(self, width: int, height: int) -> None:
        for window in self.windows():
            subprocess.run(["xdotool", "windowmove", window, "0", "0", "windowsize", window,
                            str(width), str(height)], env=self.env, check=False)  # fmt: skip

    def quit(self, screen: Screen) -> None:
        """Ctrl+Q, as a person quits (the window saves its size); then make sure it ended."""
        if self.proc is None:
            return
        self.focus()
        screen.key("q", ctrl=True)
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.proc.wait(20)
        self.stop()

    def stop(self) -> None:
        """End the app and every process it started (its session), whatever state it is in."""
        if self.proc is None:
            return
        for sig in (signal.SIGTERM, signal.SIGKILL):
            try:
                os.killpg(self.proc.pid, sig)
            except ProcessLookupError:
                break
            try:
                self.proc.wait(5)
                break
            except subprocess.TimeoutExpired:
                continue
        self.proc.wait()
        # Its web engine helpers are in the same session; wait until they are gone too.
        end = time.monotonic() + 5
        while time.monotonic() < end and _session_alive(self.proc.pid):
            time.sleep(0.05)
        self.proc = None


def _session_alive(sid: int) -> bool:
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[3]) == sid and fields[0] != "Z":
                return True
    return False


def base_env(display: str, home: Path) -> dict[str, str]:
    # Bytecode written on the first start, as an installed app has it (else every start
    # compiles Byline's ~250 modules again, ~0.1 s that no user pays).
    skip = ("BYLINE_", "QT_", "PYTHONDONTWRITEBYTECODE")
    env = {k: v for k, v in os.environ.items() if not k.startswith(skip)}
    env.update(DISPLAY=display, QT_QPA_PLATFORM="xcb", HOME=str(home),
               XDG_CONFIG_HOME=str(home / "config"), XDG_CACHE_HOME=str(home / "cache"),
               XDG_DATA_HOME=str(home / "data"), XDG_RUNTIME_DIR=str(home / "run"))  # fmt: skip
    (home / "run").mkdir(parents=True, exist_ok=True)
    os.chmod(home / "run", 0o700)
    return env


# -- Byline -----------------------------------------------------------------------------------


def byline(display: str, words: int, size: tuple[int, int]) -> App:
    """Byline on a database holding one post of ``words`` words (``python -m editor``)."""
    home = OUT / f"screen-byline-{words}"
    db = home / "posts.sqlite3"
    if not db.exists():
        home.mkdir(parents=True, exist_ok=True)
        (home / "config" / "Byline").mkdir(parents=True, exist_ok=True)
        # The writer is known: no first-run welcome.
        (home / "config" / "Byline" / "config.toml").write_text(
            'version = 1\n\n[user]\nname = "Lucía Ferreira"\n', encoding="utf-8"
        )
        _byline_post(db, words)
    env = base_env(display, home)
    env["PYTHONPATH"] = str(SOURCE)
    width, height = size
    # The preview dock takes the right 41% of the window; its page starts below the toolbars.
    preview = Rect(int(width * 0.60), int(height * 0.13), int(width * 0.36), int(height * 0.83))
    argv = [sys.executable, "-m", "editor", "--db", str(db)]
    app = App(
        f"Byline {words // 1000}k", argv, env, preview, (int(width * 0.30), int(height * 0.8))
    )
    app.cwd = SOURCE
    return app


def _byline_post(db: Path, words: int) -> None:
    from editor.model import PostContent
    from editor.services.blogs import get_or_create_blog
    from editor.services.posts import create_post
    from editor.store.database import open_store

    store = open_store(db)
    try:
        with store.session() as s:
            blog = get_or_create_blog(s, "Bench Blog")
            content = PostContent(
                headline="The harbour budget, line by line",
                deck="What the council voted, and what it left for next year.",
                byline="Lucía Ferreira",
                body=post_text(words),
            )
            create_post(s, content, blog=blog)
            s.commit()
    finally:
        store.close()


# -- the bare window ----------------------------------------------------------------------------


def bare(display: str, size: tuple[int, int]) -> App:
    """A bare PySide6 main window with an editor, full size (``bench/bare_window.py``)."""
    home = OUT / "screen-bare"
    width, height = size
    argv = [sys.executable, str(ROOT / "bench" / "bare_window.py"), f"{width}x{height}", "stay"]
    return App("bare PySide6 window", argv, base_env(display, home), Rect(0, 0, 1, 1), (0, 0))


# -- ReText ---------------------------------------------------------------------------------------


def retext_python() -> Path | None:
    """ReText's venv Python (made on first use), or None when it cannot be installed."""
    python = RETEXT_VENV / "bin" / "python"
    if python.exists() and (RETEXT_VENV / ".complete").exists():
        return python
    if shutil.which("python3") is None:
        return None
    print("  (installing ReText 8.1 and PyQt6-WebEngine into bench/out/retext-venv, once)")
    made = subprocess.run([sys.executable, "-m", "venv", "--clear", str(RETEXT_VENV)],
                          capture_output=True)  # fmt: skip
    if made.returncode != 0:
        return None
    pip = subprocess.run([str(python), "-m", "pip", "install", "-q", *RETEXT_PACKAGES],
                         capture_output=True, text=True)  # fmt: skip
    if pip.returncode != 0:
        print(f"  (ReText could not be installed: {pip.stderr.strip().splitlines()[-1:]})")
        return None
    (RETEXT_VENV / ".complete").touch()
    return python


def retext(display: str, words: int, size: tuple[int, int], python: Path) -> App:
    """ReText with its WebEngine live preview on a Markdown file of ``words`` words."""
    home = OUT / f"screen-retext-{words}"
    post = home / "post.md"
    conf = home / "config" / "ReText project"
    if not post.exists():
        conf.mkdir(parents=True, exist_ok=True)
        (conf / "ReText.conf").write_text(
            "[General]\nuseWebEngine=true\ndefaultPreviewState=live-preview\n"
            "saveWindowGeometry=true\n",
            encoding="utf-8",
        )
        post.write_text(post_text(words) + "\n", encoding="utf-8")
    width, height = size
    # Editor on the left half, live preview on the right half.
    preview = Rect(int(width * 0.52), int(height * 0.11), int(width * 0.45), int(height * 0.86))
    env = base_env(display, home)
    if os.geteuid() == 0:  # Chromium refuses its sandbox as root (Byline adds the same flag)
        env["QTWEBENGINE_CHROMIUM_FLAGS"] = "--no-sandbox"
    return App(f"ReText {words // 1000}k", [str(python), "-m", "ReText", str(post)],
               env, preview, text=(int(width * 0.25), int(height * 0.30)))  # fmt: skip
