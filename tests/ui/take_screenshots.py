"""Screenshots of the main window with the sample post and its live preview, for looking at
the design.

``python tests/ui/take_screenshots.py OUT.png light|dark [history]`` (runs offscreen, on a fresh
database in a temporary folder).
"""

from __future__ import annotations

import os
import sys
import tempfile


def main(out: str, scheme: str, extra: str = "") -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["BYLINE_COLOR_SCHEME"] = scheme
    home = tempfile.mkdtemp(prefix="byline-shot-")
    os.environ["BYLINE_DATA_DIR"] = os.path.join(home, "data")
    os.environ["BYLINE_CONFIG_DIR"] = os.path.join(home, "config")
    os.environ["BYLINE_CACHE_DIR"] = os.path.join(home, "cache")
    os.makedirs(os.path.join(home, "config"))
    with open(os.path.join(home, "config", "config.toml"), "w", encoding="utf-8") as f:
        f.write('version = 1\n\n[user]\nname = "Lucía Ferreira"\n')  # no first-run welcome
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from editor.app import build_window
    from editor.ui.preview.engine_setup import prepare_webengine
    from editor.ui.window.theme import apply_palette

    prepare_webengine()
    app = QApplication(sys.argv[:1])
    apply_palette(app)
    window = build_window(os.path.join(home, "shot.sqlite3"), False, open_on_paint=False)
    window.resize(1680, 1000)
    window.splitter.setSizes([300, 700])
    if extra == "history":
        window.revisions.show()

    def shoot() -> None:
        window.grab().save(out)
        window.close()
        app.quit()

    assert window.preview is not None
    window.preview.pane.page_loaded.connect(lambda _ok: QTimer.singleShot(1500, shoot))
    window.show()
    app.exec()
    window.executor.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
