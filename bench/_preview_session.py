"""One preview session in its own process, for ``bench_preview`` (memory must not mix).

``python -m bench._preview_session latency|edits|reloads [N]`` prints one JSON line.
- latency: a one-character edit in a 20,000-word post until the preview painted it (debounce
  included), keystrokes 150 ms apart as in typing (and back to back, reported apart); and
  Enter, Enter, then a new paragraph typed 150 ms a key, from its last key until painted;
  both against a full render + ``setHtml`` reload of the same page, same run.
- edits / reloads: PSS of this process and its QtWebEngineProcess children after N patches or
  N full reloads.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--disable-gpu")

from bench.memory import tree_pss_mb
from editor.ui.preview.engine_setup import prepare_webengine

prepare_webengine()

from dataclasses import replace  # noqa: E402

from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from editor.render.body import BodyRenderer  # noqa: E402
from editor.render.themes import load_theme  # noqa: E402
from editor.ui.preview.controller import PreviewController  # noqa: E402
from editor.ui.preview.pane import PreviewPane  # noqa: E402
from editor.ui.preview.wiring import page_builder_for  # noqa: E402
from tests.helpers.preview import long_post  # noqa: E402
from tests.helpers.render_samples import rich_page  # noqa: E402

WORDS = 20_000
NEW_PARAGRAPH = "A new paragraph."


def wait_for(signal, timeout_ms: int = 10_000) -> bool:
    loop = QEventLoop()
    fired = []
    signal.connect(lambda *a: (fired.append(1), loop.quit()))
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()
    return bool(fired)


def edit(text: str, i: int) -> tuple[str, int]:
    """``text`` with one character changed in paragraph ``i`` (of many); the block index."""
    blocks = text.split("\n\n")
    index = 1 + (i * 37) % (len(blocks) - 2)
    if blocks[index].startswith("##"):
        index += 1
    block = blocks[index]
    blocks[index] = block[:10] + ("x" if block[10] != "x" else "y") + block[11:]
    return "\n\n".join(blocks), index


class Session:
    def __init__(self) -> None:
        self.app = QApplication.instance() or QApplication(sys.argv[:1])
        self.pane = PreviewPane()
        self.pane.resize(1300, 900)
        self.renderer = BodyRenderer()
        self.text = long_post(WORDS)
        # The newsroom theme's page around the long body, as the app shows it.
        data = replace(rich_page(), body=self.text)
        theme = load_theme(data.blog.theme)
        self.build_page = page_builder_for(data, theme)
        self.controller = PreviewController(self.pane, self.renderer, self.build_page)
        self.pane.show()
        self.pane.ensure_view()
        self.controller.open_post(self.text, assets=theme.assets_dir)
        assert wait_for(self.pane.painted), "first load never painted"

    def idle(self, ms: int) -> None:
        """Let the event loop run for ``ms`` (the gap between two keystrokes)."""
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    def one_edit(self, i: int, gap_ms: int = 0) -> float:
        if gap_ms:
            self.idle(gap_ms)
        self.text, index = edit(self.text, i)
        start = time.perf_counter()
        self.controller.body_edited(self.text, cursor_block=index)  # the keystroke
        assert wait_for(self.pane.painted), "edit never painted"
        return time.perf_counter() - start

    def one_new_paragraph(self, i: int, words: str = NEW_PARAGRAPH, gap_ms: int = 150) -> float:
        """Enter twice at the end of a paragraph (scrolled into view), then ``words`` typed a
        key at a time, ``gap_ms`` apart, as the app sends them (no cursor block): seconds from
        the last key until the preview painted the new paragraph (inf if it never did)."""
        blocks = self.text.split("\n\n")
        index = 20 + (i * 53) % (len(blocks) - 40)  # far from the last one: centred when shown
        before = "\n\n".join(blocks[: index + 1])
        after = "\n\n" + "\n\n".join(blocks[index + 1 :])
        final = before + "\n\n" + words + after
        needle = f">{words}<"
        reached: list[bool] = []  # the final text went out to the page

        def sent(body: object) -> None:
            if needle in body.html:  # type: ignore[attr-defined]
                reached.append(True)

        self.controller.cursor_moved(index)  # the writer put the caret there: it is in view
        self.controller.rendered.connect(sent)
        try:
            for typed in ["\n", "\n\n"] + ["\n\n" + words[: n + 1] for n in range(len(words))]:
                self.idle(gap_ms)
                self.text = before + typed + after
                start = time.perf_counter()
                self.controller.body_edited(self.text)  # the keystroke
            assert self.text == final
            while not reached:
                if not wait_for(self.controller.rendered, 10_000):
                    return float("inf")  # the preview stopped following
            if not wait_for(self.pane.painted, 10_000):
                return float("inf")
            return time.perf_counter() - start
        finally:
            self.controller.rendered.disconnect(sent)

    def one_reload(self, i: int) -> float:
        """The baseline: convert everything and reload the page (what a plain preview does)."""
        self.text, _index = edit(self.text, i)
        start = time.perf_counter()
        body = self.renderer.render_full(self.text)
        self.pane.show_page(self.build_page(body, "preview"), body=body)
        assert wait_for(self.pane.painted), "reload never painted"
        return time.perf_counter() - start

    def shows(self, needle: str) -> bool:
        box: list[object] = []
        self.pane.run_js(
            f"document.getElementById('article-body').textContent.includes({json.dumps(needle)})",
            box.append,
        )
        while not box:
            self.app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
        return box[0] is True


def main(mode: str, count: int) -> dict[str, object]:
    session = Session()
    if mode == "latency":
        for i in range(3):  # warm up both paths
            session.one_edit(i)
            session.one_reload(i)
        # Keystrokes 150 ms apart (typing at ~400 characters a minute), and back to back.
        edits = [session.one_edit(i, gap_ms=150) for i in range(count)]
        burst = [session.one_edit(i) for i in range(count)]
        last_block = session.text.split("\n\n")[edit(session.text, count - 1)[1]]
        shown = session.shows(last_block[:40])
        # Enter, Enter, then a new paragraph typed: kept short (each is ~2.5 s of typing).
        paragraphs = [session.one_new_paragraph(i) for i in range(max(5, count // 4))]
        paragraph_shown = session.shows(NEW_PARAGRAPH)
        reloads = [session.one_reload(i) for i in range(max(5, count // 3))]
        return {
            "edit_median": statistics.median(edits),
            "edit_max": max(edits),
            "burst_median": statistics.median(burst),
            "paragraph_median": statistics.median(paragraphs),
            "paragraph_max": max(paragraphs),
            "paragraph_shown": paragraph_shown,
            "reload_median": statistics.median(reloads),
            "edit_shown": shown,
            "blocks": len(session.text.split("\n\n")),
        }
    step = session.one_edit if mode == "edits" else session.one_reload
    before = tree_pss_mb(os.getpid())["tree_mb"]
    for i in range(count):
        step(i)
    return {"pss_before_mb": before, "pss_after_mb": tree_pss_mb(os.getpid())["tree_mb"]}


if __name__ == "__main__":
    result = main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 200)
    print(json.dumps(result), flush=True)
    os._exit(0)  # skip teardown noise: the numbers are out
