"""Fixtures shared by the preview tests (web engine set-up happens at import, before any app)."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any

import pytest
import shiboken6

from editor.ui.preview.engine_setup import prepare_webengine
from tests.helpers.preview import WEBENGINE_NOISE, StandInBodyRenderer, stand_in_page

prepare_webengine()

noise = pytest.mark.qt_log_ignore(*WEBENGINE_NOISE)


def js(qtbot: Any, pane: Any, expression: str) -> Any:
    """Evaluate ``expression`` in the pane's page and wait for its value (through JSON: arrays
    do not cross runJavaScript's bridge in PySide6)."""
    box: list[Any] = []
    pane.run_js(f"JSON.stringify({expression})", box.append)
    qtbot.waitUntil(lambda: bool(box), timeout=10_000)
    return None if box[0] in ("", None) else json.loads(box[0])


@pytest.fixture
def make_preview(qtbot: Any) -> Iterator[Callable[..., tuple[Any, Any]]]:
    """Factory: a shown pane with its controller and the post ``text`` loaded.

    Panes are deleted at teardown: a web page left alive at exit makes QtWebEngine complain.
    """
    from editor.ui.preview.controller import PreviewController
    from editor.ui.preview.pane import PreviewPane

    panes: list[Any] = []

    def make(text: str | None = None, **controller_args: Any) -> tuple[Any, Any]:
        pane = PreviewPane()
        panes.append(pane)
        pane.resize(1400, 800)  # room for the desktop width at 100% (zoom-to-fit has its own test)
        controller = PreviewController(
            pane, StandInBodyRenderer(), stand_in_page, **controller_args
        )
        with qtbot.waitSignal(pane.view_created, timeout=10_000):
            pane.show()
        if text is not None:
            with qtbot.waitSignal(pane.page_loaded, timeout=10_000):
                controller.open_post(text)
        return pane, controller

    yield make
    for pane in panes:
        pane.close()
        shiboken6.delete(pane)
