"""Child process for the kill test: opens the real window on a database and types into the
body for ever, a character every few milliseconds.

Prints ``ready`` once the post is open, then ``typed N T`` after each keystroke: N characters
typed so far, T the system-wide monotonic clock. Usage: ``python typing_driver.py DB``.
"""

from __future__ import annotations

import itertools
import os
import sys
import time

TEXT = "The panels kept the station on the air through the long dry season. "
INTERVAL_MS = 12


def typed_text(n: int) -> str:
    return "".join(itertools.islice(itertools.cycle(TEXT), n))


def main(db: str) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QTextCursor
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from editor.app import build_window

    app = QApplication(sys.argv[:1])
    window = build_window(db, False, preview=False)  # the preview has its own tests
    chars = itertools.cycle(TEXT)
    count = 0

    def keystroke() -> None:
        nonlocal count
        QTest.keyClicks(window.body, next(chars))
        count += 1
        print(f"typed {count} {time.monotonic():.6f}", flush=True)

    timer = QTimer(interval=INTERVAL_MS)
    timer.timeout.connect(keystroke)

    def start(*_args: object) -> None:
        if timer.isActive():
            return
        window.body.setFocus()
        window.body.moveCursor(QTextCursor.MoveOperation.End)
        print("ready", flush=True)
        timer.start()

    # The controller exists once the window has painted (the second build step).
    window.ready.connect(lambda: window.controller.current_post_changed.connect(start))
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
