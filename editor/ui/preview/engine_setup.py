"""Process-wide QtWebEngine set-up that must happen before the QApplication exists.

Call :func:`prepare_webengine` once, early in ``app.py`` (and in test start-up): it adds
``--no-sandbox`` when running as root (Chromium refuses to start its sandbox as root, which is
how CI runs), has Qt Quick compose the view in software (see below), registers the
``byline-media:`` URL scheme the preview serves local files through,
lets the preview's view be created lazily after the window is up, and applies the bindings'
work-arounds (``editor.ui.window.qt_workarounds``: PySide6 6.12's emit() crash).

Without a GPU (no ``/dev/dri``: a virtual machine, a container, Xvfb), OpenGL would be Mesa's
llvmpipe, a CPU renderer that loads LLVM into the process (~20-45 MB, and its start-up) only
for QtWebEngine to composite through it; Qt Quick's software renderer does the same job
without it (:func:`software_rendering_without_gpu`).
"""

from __future__ import annotations

import logging
import os
import sys

log = logging.getLogger(__name__)

MEDIA_SCHEME = "byline-media"
FLAGS_VARIABLE = "QTWEBENGINE_CHROMIUM_FLAGS"

_prepared = False


def _is_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


def add_chromium_flag(flag: str) -> bool:
    """Append ``flag`` to QTWEBENGINE_CHROMIUM_FLAGS unless present; True when it was added."""
    flags = os.environ.get(FLAGS_VARIABLE, "").split()
    if flag in flags:
        return False
    os.environ[FLAGS_VARIABLE] = " ".join([*flags, flag])
    return True


def software_rendering_without_gpu(dri: str = "/dev/dri") -> bool:
    """Without a GPU device, composite the preview in software and keep OpenGL (llvmpipe)
    out of the process; True when chosen. A choice already made in the environment stays."""
    if not sys.platform.startswith("linux") or os.path.exists(dri):
        return False
    if any(os.environ.get(v) for v in ("QT_QUICK_BACKEND", "QSG_RHI_BACKEND")):
        return False
    os.environ["QT_QUICK_BACKEND"] = "software"
    # QtWebEngine still probes the GPU's vendor through OpenGL (which loads llvmpipe) unless
    # Qt can make no OpenGL context at all on X11.
    os.environ.setdefault("QT_XCB_GL_INTEGRATION", "none")
    return True


def prepare_webengine(*, is_root: bool | None = None, register_scheme: bool = True) -> None:
    """Set up QtWebEngine for the preview; must run before ``QApplication(...)``.

    ``register_scheme=False`` leaves the (≈40 ms) QtWebEngine import for later: the app calls
    it so the window paints first, and the pane registers the scheme before it builds anything
    of WebEngine's (:func:`register_media_scheme`)."""
    global _prepared
    root = _is_root() if is_root is None else is_root
    if root and add_chromium_flag("--no-sandbox"):
        log.warning(
            "Running as root: the preview's web engine runs without Chromium's sandbox "
            "(--no-sandbox). Run Byline as a normal user to keep the sandbox."
        )
    # Lets the pane collect the garbage of replaced DOM nodes (see pane.GC_EVERY): without it
    # the renderer grows ~0.2 MB per edit, and ~4.6 MB per full reload.
    add_chromium_flag("--js-flags=--expose-gc")
    # The view's frames are drawn into the window like any widget's. With Qt Quick's default
    # (RHI) backend a window holding a web view is composed whole through OpenGL on every
    # repaint (a caret blink redraws all 1920x1080 of it), and where OpenGL is software
    # (llvmpipe: no GPU, a VM, a remote desktop, Xvfb) that put ~60-250 ms between a key and
    # the preview's frame on screen; software composition takes ~15-30 ms (bench.screen).
    # QT_QUICK_BACKEND=rhi in the environment brings the default back.
    os.environ.setdefault("QT_QUICK_BACKEND", "software")
    if not _prepared:
        if software_rendering_without_gpu():
            log.info("no GPU (/dev/dri): the preview is composited in software")
        from editor.ui.window.qt_workarounds import apply_qt_workarounds

        apply_qt_workarounds()
        from PySide6.QtCore import QCoreApplication, Qt

        # Lets QtWebEngineWidgets be imported after the QApplication exists (lazy preview).
        if QCoreApplication.instance() is None:
            QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
        _prepared = True
    if register_scheme:
        register_media_scheme()


def register_media_scheme() -> None:
    """Register ``byline-media:`` once, before any WebEngine profile or page exists."""
    from PySide6.QtWebEngineCore import QWebEngineUrlScheme

    if QWebEngineUrlScheme.schemeByName(MEDIA_SCHEME.encode()).name().isEmpty():
        scheme = QWebEngineUrlScheme(MEDIA_SCHEME.encode())
        scheme.setSyntax(QWebEngineUrlScheme.Syntax.Host)
        scheme.setFlags(QWebEngineUrlScheme.Flag.SecureScheme)
        QWebEngineUrlScheme.registerScheme(scheme)
