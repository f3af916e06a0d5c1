"""GUI-thread cost of one autosave of a 20,000-word body (issue 2: at most 5 ms).

Measures what the GUI thread does when the autosave timer fires: collect every field and hand
the save to the database worker. The baseline is reading the body text alone, which any save
must do.
"""

from __future__ import annotations

import os
import tempfile

from bench.common import Figure, best_of, report

TARGET_S = 0.005
WORDS = 20_000


def run() -> list[Figure]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    home = tempfile.mkdtemp(prefix="byline-bench-")
    os.environ["BYLINE_DATA_DIR"] = os.path.join(home, "data")
    os.environ["BYLINE_CONFIG_DIR"] = os.path.join(home, "config")
    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QApplication

    from editor.app import build_window

    _app = QApplication.instance() or QApplication([])  # kept alive for the run
    window = build_window(os.path.join(home, "bench.sqlite3"), False, open_on_paint=False)
    loop = QEventLoop()
    window.controller.current_post_changed.connect(lambda _d: loop.quit())
    loop.exec()
    paragraph = " ".join(["Solar panels kept the station on the air"] * 25) + ".\n\n"
    text = paragraph * (WORDS // 200)
    window.body.set_text(text)
    controller = window.controller

    def autosave() -> None:
        controller.autosave.touch()
        controller.autosave.flush()  # what the timer does when it fires

    baseline = best_of(window.body.toPlainText, repeat=15)
    cost = best_of(autosave, repeat=15)
    window.executor.wait_idle()
    window.close()
    window.executor.shutdown()
    controller.store.close()
    return [
        report(
            Figure(
                f"autosave GUI-thread cost, {WORDS:,} words",
                cost,
                "read body text",
                baseline,
                "<= 5 ms",
                cost <= TARGET_S,
            )
        )
    ]
