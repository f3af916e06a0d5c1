"""The preview's fences: no network, local files only from the post's folders, no navigation."""

from __future__ import annotations

import logging
import sys

from PySide6.QtCore import QPoint, Qt, QUrl
from PySide6.QtGui import QColor, QDesktopServices, QImage
from PySide6.QtTest import QTest

from editor.ui.preview import engine_setup
from editor.ui.preview.safety import LinkDialog, MediaSchemeHandler
from tests.helpers.preview import Body, StandInBodyRenderer
from tests.ui.preview_support import js, make_preview, noise

__all__ = ["make_preview"]  # the fixture

pytestmark = noise

PAGE = """<!doctype html><html lang=en><head><meta charset=utf-8><title>t</title>
<link rel=stylesheet href="http://fonts.example.com/x.css"></head><body>
<h1>Head</h1><div id=article-body>%s</div></body></html>"""


def show(qtbot, pane, html, body=None):
    with qtbot.waitSignal(pane.page_loaded, timeout=10_000):
        pane.show_page(html, body=body)


def test_remote_requests_are_blocked_and_counted(qtbot, make_preview):
    pane, _controller = make_preview()
    counts = []
    pane.blocked_count_changed.connect(counts.append)
    renderer = StandInBodyRenderer()
    body = renderer.render('<img alt="" src="https://tracker.example.net/pixel.gif">')
    show(qtbot, pane, PAGE % body.html, body)
    qtbot.waitUntil(lambda: len(pane.blocked_urls) == 2, timeout=10_000)
    assert pane.blocked_urls == [
        "http://fonts.example.com/x.css",
        "https://tracker.example.net/pixel.gif",
    ]
    assert js(qtbot, pane, "document.querySelector('img').naturalWidth") == 0

    # A remote image typed in later is blocked too (the renderer strips them first; this is
    # the second line).
    text = "Hi.\n\n![x](https://evil.example.org/spy.png)"
    with qtbot.waitSignal(pane.blocked_count_changed, timeout=10_000) as blocked:
        pane.update_body(renderer.render(text))
    assert blocked.args == [3]

    # A fresh page counts afresh.
    show(qtbot, pane, PAGE % "<p>plain</p>", renderer.render("plain"))
    qtbot.waitUntil(lambda: counts[-1] == 1, timeout=10_000)
    assert 0 in counts


def test_local_files_only_from_the_posts_media_folder(qtbot, make_preview, tmp_path):
    media = tmp_path / "post-media"
    media.mkdir()
    image = QImage(40, 30, QImage.Format.Format_RGB32)
    image.fill(QColor("orange"))
    assert image.save(str(media / "photo.png"))
    assert image.save(str(tmp_path / "outside.png"))

    pane, _controller = make_preview()
    pane.set_roots(post_media=media)
    show(
        qtbot,
        pane,
        PAGE
        % (
            '<img id=ok src="photo.png" alt="">'
            f'<img id=file src="{QUrl.fromLocalFile(str(tmp_path / "outside.png")).toString()}">'
            '<img id=other src="byline-media://assets/outside.png" alt="">'
        ),
    )
    qtbot.waitUntil(
        lambda: js(qtbot, pane, "document.getElementById('ok').naturalWidth") == 40,
        timeout=10_000,
    )
    assert js(qtbot, pane, "document.getElementById('file').naturalWidth") == 0
    assert js(qtbot, pane, "document.getElementById('other').naturalWidth") == 0


def test_media_handler_refuses_paths_out_of_its_roots(tmp_path):
    media = tmp_path / "media"
    media.mkdir()
    (media / "a.jpg").write_bytes(b"x")
    (tmp_path / "secret.txt").write_text("no")
    (media / "link.txt").symlink_to(tmp_path / "secret.txt")
    handler = MediaSchemeHandler()
    handler.set_roots({"post": media, "assets": None})
    assert handler.resolve(QUrl("byline-media://post/a.jpg")) == (media / "a.jpg").resolve()
    assert handler.resolve(QUrl("byline-media://post/%2E%2E/secret.txt")) is None
    assert handler.resolve(QUrl("byline-media://post/link.txt")) is None
    assert handler.resolve(QUrl("byline-media://post/missing.jpg")) is None
    assert handler.resolve(QUrl("byline-media://assets/a.jpg")) is None
    assert handler.resolve(QUrl("byline-media://post/")) is None


def _link_page(qtbot, make_preview, monkeypatch, answer):
    asked, opened = [], []
    monkeypatch.setattr(
        LinkDialog, "ask", classmethod(lambda cls, p, url: asked.append(url) or answer)
    )
    monkeypatch.setattr(
        QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url) or True)
    )
    pane, controller = make_preview()
    show(
        qtbot,
        pane,
        PAGE
        % (
            '<p><a id=l href="https://example.org/story">story</a>'
            '<a id=b target=_blank href="https://example.org/blank">blank</a>'
            '<a id=skip href="#end">skip</a><span id=end>end</span></p>'
        ),
    )
    return pane, controller, asked, opened


def test_link_click_asks_then_opens_in_the_system_browser(qtbot, make_preview, monkeypatch):
    pane, controller, asked, opened = _link_page(qtbot, make_preview, monkeypatch, True)
    loaded = []
    pane.page_loaded.connect(loaded.append)
    view = pane.view
    # Chromium reports the refused navigation as a started-then-stopped load; the page stays.
    with (
        qtbot.assertNotEmitted(view.urlChanged, wait=200),
        qtbot.waitSignal(controller.link_opened, timeout=10_000),
    ):
        js(qtbot, pane, "document.getElementById('l').click()")
    assert [u.toString() for u in asked] == ["https://example.org/story"]
    assert [u.toString() for u in opened] == ["https://example.org/story"]
    assert view.url().toString() == "byline-media://post/"
    assert js(qtbot, pane, "document.querySelector('h1').textContent") == "Head"
    assert loaded == []

    # A real mouse click on a target=_blank link.
    rect = js(qtbot, pane, "document.getElementById('b').getBoundingClientRect()")
    point = QPoint(int(rect["x"] + rect["width"] / 2), int(rect["y"] + rect["height"] / 2))
    with qtbot.waitSignal(controller.link_opened, timeout=10_000):
        QTest.mouseClick(view.focusProxy(), Qt.MouseButton.LeftButton, pos=point)
    assert opened[-1].toString() == "https://example.org/blank"
    assert view.url().toString() == "byline-media://post/"


def test_declined_link_is_not_opened_and_in_page_anchors_work(qtbot, make_preview, monkeypatch):
    pane, _controller, asked, opened = _link_page(qtbot, make_preview, monkeypatch, False)
    js(qtbot, pane, "document.getElementById('l').click()")
    qtbot.waitUntil(lambda: len(asked) == 1, timeout=10_000)
    assert opened == []
    js(qtbot, pane, "document.getElementById('skip').click()")
    qtbot.waitUntil(lambda: pane.view.url().fragment() == "end", timeout=10_000)
    assert len(asked) == 1


def test_open_in_browser_writes_a_temporary_export(qtbot, make_preview, monkeypatch):
    opened = []
    monkeypatch.setattr(
        QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url) or True)
    )
    pane, controller = make_preview("Exported words.")
    with qtbot.waitSignal(controller.browser_opened, timeout=5_000) as done:
        pane.open_action.trigger()
    index = done.args[0]
    assert index.name == "index.html"
    text = index.read_text(encoding="utf-8")
    assert "Exported words." in text and "(export)" in text
    assert opened == [QUrl.fromLocalFile(str(index))]


def test_root_gets_no_sandbox_with_a_warning(monkeypatch, caplog):
    monkeypatch.setenv("QTWEBENGINE_CHROMIUM_FLAGS", "--disable-gpu")
    with caplog.at_level(logging.WARNING, logger="editor.ui.preview.engine_setup"):
        engine_setup.prepare_webengine(is_root=True)
        engine_setup.prepare_webengine(is_root=True)
    flags = engine_setup.os.environ["QTWEBENGINE_CHROMIUM_FLAGS"].split()
    assert flags[0] == "--disable-gpu"
    assert flags.count("--no-sandbox") == 1
    assert flags.count("--js-flags=--expose-gc") == 1
    assert len([r for r in caplog.records if "--no-sandbox" in r.getMessage()]) == 1


def test_normal_user_keeps_the_sandbox(monkeypatch, caplog):
    monkeypatch.setenv("QTWEBENGINE_CHROMIUM_FLAGS", "--disable-gpu")
    engine_setup.prepare_webengine(is_root=False)
    assert "--no-sandbox" not in engine_setup.os.environ["QTWEBENGINE_CHROMIUM_FLAGS"].split()
    assert not caplog.records


def test_stand_in_body_counts_top_level_nodes():
    body: Body = StandInBodyRenderer().render("# H\n\npara\n\n- a\n- b\n\n<div>x</div><p>y</p>")
    assert [b.nodes for b in body.blocks] == [1, 1, 1, 2]


def test_without_a_gpu_the_preview_is_composited_in_software(monkeypatch, tmp_path):
    for name in ("QT_QUICK_BACKEND", "QSG_RHI_BACKEND", "QT_XCB_GL_INTEGRATION"):
        monkeypatch.delenv(name, raising=False)
    assert engine_setup.software_rendering_without_gpu(str(tmp_path / "no-dri")) == (
        sys.platform.startswith("linux")
    )
    if sys.platform.startswith("linux"):
        assert engine_setup.os.environ["QT_QUICK_BACKEND"] == "software"
        assert engine_setup.os.environ["QT_XCB_GL_INTEGRATION"] == "none"


def test_a_gpu_or_the_writers_own_choice_is_left_alone(monkeypatch, tmp_path):
    for name in ("QT_QUICK_BACKEND", "QSG_RHI_BACKEND", "QT_XCB_GL_INTEGRATION"):
        monkeypatch.delenv(name, raising=False)
    assert not engine_setup.software_rendering_without_gpu(str(tmp_path))  # /dev/dri exists
    assert "QT_QUICK_BACKEND" not in engine_setup.os.environ
    monkeypatch.setenv("QSG_RHI_BACKEND", "vulkan")
    assert not engine_setup.software_rendering_without_gpu(str(tmp_path / "no-dri"))
    assert "QT_QUICK_BACKEND" not in engine_setup.os.environ
