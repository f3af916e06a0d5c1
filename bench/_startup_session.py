"""One run of the real ``byline`` window, for ``bench_startup`` (a process of its own per run).

``python -m bench._startup_session shown DB``: prints ``first-paint T``, ``post-shown T`` (the
preview painted the opened post's page) and ``whole-post T`` (the page holds the whole post:
a long post's first screen is shown before the rest), on the ``time.monotonic()`` clock, then
exits at once.

``python -m bench._startup_session memory DB N GAP_MS``: once the post is shown, N one-character
edits in its body (through the editor, as typing does), GAP_MS apart; after a pause, one JSON
line with the PSS of the process and of its children (QtWebEngine's), then exits.
"""

from __future__ import annotations

import json
import os
import sys
import time
from typing import Any

from bench.memory import tree_pss_mb


def _say(line: str) -> None:
    print(line, flush=True)


def _stamp(name: str) -> None:
    _say(f"{name} {time.monotonic():.6f}")
    _say(f"cpu-{name} {time.process_time():.6f}")  # this process's CPU time (every thread)


def _when_post_shown(window: Any, then: Any) -> None:
    """Call ``then(False)`` when the preview first paints the opened post's page, and
    ``then(True)`` when it paints the whole post (the same paint unless the post is long
    enough to open by its first screen)."""

    def complete() -> None:
        from editor.ui.preview.wiring import first_screen  # not before the first paint

        pane = window.preview.pane
        state = {"loaded": False, "shown": False, "patched": False}

        def loaded(_ok: bool) -> None:
            if window.preview.data is not None:
                state["loaded"] = True

        def patched(_count: int) -> None:
            state["patched"] = state["loaded"]

        def painted() -> None:
            if not state["loaded"]:
                return
            if not state["shown"]:
                state["shown"] = True
                then(False)
            if state["patched"] or first_screen(window.controller.body_text()) is None:
                pane.painted.disconnect(painted)
                then(True)

        pane.page_loaded.connect(loaded)
        pane.body_patched.connect(patched)
        pane.painted.connect(painted)

    window.ready.connect(complete)


def _threads() -> None:
    """CPU seconds per thread of this process so far (to see where start-up goes)."""
    from pathlib import Path

    tick = os.sysconf("SC_CLK_TCK")
    rows = []
    for task in Path("/proc/self/task").iterdir():
        try:
            name = (task / "comm").read_text().strip()
            fields = (task / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        rows.append(((int(fields[11]) + int(fields[12])) / tick, name))
    for cpu, name in sorted(rows, reverse=True)[:12]:
        _say(f"thread {cpu:6.2f} s  {name}")


def shown(db: str) -> None:
    import editor.app as app

    build = app.build_window

    def build_and_watch(*args: Any, **kwargs: Any) -> Any:
        window = build(*args, **kwargs)
        window.first_painted.connect(lambda: _stamp("first-paint"))

        def then(whole: bool) -> None:
            if whole:
                _stamp("whole-post")
                os._exit(0)
            _stamp("post-shown")
            if os.environ.get("BENCH_THREADS"):
                _threads()

        _when_post_shown(window, then)
        return window

    app.build_window = build_and_watch
    app.run_gui(db, False)


def memory(db: str, edits: int, gap_ms: int) -> None:
    import editor.app as app

    build = app.build_window

    def build_and_type(*args: Any, **kwargs: Any) -> Any:
        from PySide6.QtCore import QTimer

        window = build(*args, **kwargs)
        done = {"n": 0, "started": False}

        def edit() -> None:
            if done["n"] >= edits:
                QTimer.singleShot(3000, report)  # autosave, patches and GC settle
                return
            body = window.body
            cursor = body.textCursor()
            length = len(body.toPlainText())
            cursor.setPosition(min(length, 500 + (done["n"] * 997) % max(1, length - 1000)))
            cursor.insertText("x")
            done["n"] += 1
            QTimer.singleShot(gap_ms, edit)

        def report() -> None:
            pss = tree_pss_mb(os.getpid())
            _say(json.dumps(pss))
            os._exit(0)

        def then(whole: bool) -> None:
            if whole and not done["started"]:
                done["started"] = True
                QTimer.singleShot(500, edit)

        _when_post_shown(window, then)
        return window

    app.build_window = build_and_type
    app.run_gui(db, False)


if __name__ == "__main__":
    mode = sys.argv[1]
    if mode == "shown":
        shown(sys.argv[2])
    elif mode == "memory":
        memory(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]))
    else:
        raise SystemExit(f"unknown mode {mode!r}")
