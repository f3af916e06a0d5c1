"""Screenshots of the preview pane at the three widths: ``python -m bench.preview_screenshots``.

Renders the rich sample post with the newsroom theme through the real preview (pane, controller,
renderer), then grabs the pane to /tmp/byline-preview-{1280,768,375}.png.
"""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from editor.ui.preview.engine_setup import prepare_webengine

prepare_webengine()

from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from editor.render.body import BodyRenderer  # noqa: E402
from editor.render.themes import load_theme  # noqa: E402
from editor.ui.preview.controller import PreviewController  # noqa: E402
from editor.ui.preview.pane import PreviewPane  # noqa: E402
from editor.ui.preview.wiring import page_builder_for  # noqa: E402
from tests.helpers.render_samples import rich_page  # noqa: E402


def wait_for(signal, timeout_ms: int = 10_000) -> bool:
    loop = QEventLoop()
    fired: list[int] = []
    signal.connect(lambda *a: (fired.append(1), loop.quit()))
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()
    return bool(fired)


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    data = rich_page()
    theme = load_theme(data.blog.theme)
    pane = PreviewPane()
    controller = PreviewController(
        pane, BodyRenderer(data.photos.get), page_builder_for(data, theme)
    )
    pane.set_roots(assets=theme.assets_dir)
    for width in (1280, 768, 375):
        pane.resize(min(width + 40, 1320), 900)
        pane.show()
        pane.ensure_view()
        pane.set_page_width(width)
        if pane.view.url().isEmpty():
            controller.open_post(data.body, assets=theme.assets_dir)
            wait_for(pane.page_loaded)
        wait_for(pane.painted, 3000)
        # Settle: wait until the page's layout width matches the requested width.
        for _ in range(50):
            box: list[object] = []
            pane.run_js("window.innerWidth", box.append)
            while not box:
                app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
            if box[0] == width:
                break
        wait_for(pane.painted, 1000)
        path = f"/tmp/byline-preview-{width}.png"
        pane.grab().save(path)
        print(path, "blocked:", pane.blocked_urls)
    pane.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
