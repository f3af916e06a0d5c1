"""Composition root of the window: settings, executor, main window, then the store.

The window is shown and painted first; the database (and SQLAlchemy with it) is opened on the
worker thread afterwards, so start-up costs little more than a bare Qt window.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from editor.config import Config
    from editor.ui.window.db_worker import Executor
    from editor.ui.window.main_window import MainWindow
    from editor.ui.window.settings import WindowSettings


def database_key(db: str | None) -> str:
    """A stable name for the database, to remember its last open post (no SQLAlchemy needed)."""
    from editor.paths import default_database_path

    where = db or os.environ.get("BYLINE_DB") or str(default_database_path())
    return where if "://" in where else os.path.abspath(os.path.expanduser(where))


def build_window(
    db: str | None,
    read_only: bool,
    *,
    executor: Executor | None = None,
    settings: WindowSettings | None = None,
    open_on_paint: bool = True,
    preview: bool = True,
    config: Config | None = None,
) -> MainWindow:
    """Everything the window needs, passed in. Opens the store once the window has painted
    and its controller exists (or at once with ``open_on_paint=False``). ``config``: the
    writer's preferences (default: read from the config folder); a chosen light or dark scheme
    is applied here."""
    from editor.config import SCHEME, Config
    from editor.ui.window.db_worker import DbExecutor
    from editor.ui.window.main_window import MainWindow
    from editor.ui.window.settings import WindowSettings

    settings = settings or WindowSettings()
    executor = executor or DbExecutor()
    if config is None:
        config, problem = Config.load_or_defaults()
        if problem:
            import logging

            logging.getLogger(__name__).warning("preferences: %s", problem)
    if (scheme := config.get(SCHEME)) != "system":
        from PySide6.QtWidgets import QApplication

        from editor.ui.window.theme import set_color_scheme

        set_color_scheme(QApplication.instance(), scheme)  # type: ignore[arg-type]
    key = database_key(db)
    window = MainWindow(
        executor, settings, key, with_preview=preview, config=config,
        settle_on_post_shown=open_on_paint,
    )  # fmt: skip
    window.restore_layout()
    last = settings.last_post(key)

    def start() -> None:
        window.controller.open(db, read_only, last)

    if open_on_paint:
        window.editor_built.connect(start)  # the window has painted; the rest is being built
    else:
        window.complete()
        start()
    return window


def _report_first_paint() -> None:
    import time

    print(f"first-paint {time.monotonic():.6f}", flush=True)
    os._exit(0)


def _set_icon(app: object) -> None:
    from PySide6.QtGui import QIcon

    from editor.paths import resources_root

    app.setWindowIcon(QIcon(str(resources_root() / "icons" / "byline.svg")))  # type: ignore[attr-defined]


def no_display_message() -> str | None:
    """Why the window cannot open here, or None (Linux without a display and no platform set)."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return None
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return None
    return (
        "byline: no display to open the window on (neither DISPLAY nor WAYLAND_DISPLAY is "
        "set). Run it in a desktop session, or use the command line: `byline --help`."
    )


_PAGE_SUMMARY = """JSON.stringify({h1: (document.querySelector('h1') || {}).textContent || '',
  chars: document.body ? document.body.innerText.length : 0})"""


def _exit_after_preview(app: object, window: MainWindow, report: bool) -> None:
    """Test hook (``BYLINE_EXIT_AFTER_PREVIEW``): quit normally once the preview's first page
    has loaded, so a test sees everything a real start and shutdown print. With the value
    ``report`` it first prints ``preview-page {"h1": ..., "chars": N}``, read from the page's
    DOM (the packaged app's self-check: the web engine's process really rendered the post)."""

    def loaded(_ok: bool) -> None:
        if window.preview is not None and window.preview.data is None:
            return  # the placeholder before the post: wait for the post's own page
        if not report or window.preview is None:
            window.close()
            return

        def summary(result: object) -> None:
            print(f"preview-page {result}", flush=True)
            window.close()

        window.preview.pane.run_js(_PAGE_SUMMARY, summary)

    def hook() -> None:
        if window.preview is None:
            app.quit()  # type: ignore[attr-defined]
            return
        window.preview.pane.page_loaded.connect(loaded)

    window.ready.connect(hook)


def _watch_startup(window: MainWindow) -> None:
    """Mark the steps after ``app.exec()`` on the start-up timeline (each logs once)."""
    from editor import timeline

    def complete() -> None:
        timeline.mark("window complete (form, panels, controller)")
        c = window.controller
        c.store_opened.connect(lambda _o: timeline.mark("store open, post list read"))
        c.current_post_changed.connect(lambda _d: timeline.mark("post loaded in the editor"))
        if window.preview is None:
            return
        preview = window.preview
        preview.pane.view_created.connect(
            lambda: timeline.mark("web engine started (view created)")
        )

        def loaded(_ok: bool) -> None:
            if preview.data is not None:
                timeline.mark("post's page loaded in the preview")

        preview.pane.page_loaded.connect(loaded)
        preview.post_shown.connect(lambda: timeline.mark("post shown in the preview"))

    window.first_painted.connect(lambda: timeline.mark("first paint"))
    window.ready.connect(complete)


def run_gui(db: str | None, read_only: bool, verbose: bool = False) -> int:
    """The window. Messages (Python's, Qt's, Chromium's errors) go to the log file, and to
    stderr only with ``verbose``."""
    if (message := no_display_message()) is not None:
        print(message, file=sys.stderr)
        return 1
    from editor import timeline

    timeline.mark("Python started, editor imported")
    from editor.logs import setup_window_logging

    setup_window_logging(verbose)
    timeline.replay()
    from PySide6.QtWidgets import QApplication

    from editor.ui.window.qt_workarounds import skip_feature_source_scan

    skip_feature_source_scan()  # before any other module is imported
    timeline.mark("Qt imported")

    from editor import __version__
    from editor.config import SCHEME, Config
    from editor.paths import APP_AUTHOR, APP_NAME

    # High-DPI: Qt 6 scales by the exact factor (PassThrough) by default; setting it again
    # here would build PySide's Qt enum types (~20 ms) before the first paint.
    from editor.ui.preview.engine_setup import add_chromium_flag, prepare_webengine
    from editor.ui.window.qt_log import route_qt_messages
    from editor.ui.window.theme import set_color_scheme

    route_qt_messages()
    if not verbose:
        add_chromium_flag("--log-level=3")  # Chromium's own ERROR lines (fatal ones still show)
    prepare_webengine(register_scheme=False)  # the pane registers its scheme after first paint
    app = QApplication.instance() or QApplication(sys.argv[:1])
    timeline.mark("QApplication created")
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_AUTHOR)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("byline")
    config, problem = Config.load_or_defaults()
    if problem:
        import logging

        logging.getLogger(__name__).warning("preferences: %s", problem)
    set_color_scheme(app, config.get(SCHEME))

    window = build_window(db, read_only, config=config)
    timeline.mark("window built")
    # After the first paint: on X11 the icon is drawn (the SVG plugin loaded) when it is set.
    window.first_painted.connect(lambda: _set_icon(app))
    _watch_startup(window)
    if os.environ.get("BYLINE_EXIT_AFTER_FIRST_PAINT"):  # start-up benchmark hook
        window.first_painted.connect(_report_first_paint)
    if exit_after := os.environ.get("BYLINE_EXIT_AFTER_PREVIEW"):
        _exit_after_preview(app, window, report=exit_after == "report")
    window.open_failed.connect(lambda _message: app.exit(1))
    window.show()
    code = app.exec()
    window.executor.shutdown()
    store = window.controller.store
    if store is not None:
        store.close()
    return code
