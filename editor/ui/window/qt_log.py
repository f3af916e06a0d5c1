"""Qt's own messages (warnings from the platform plugin, QtWebEngine, QRhi, ...) go to Python
logging under ``qt`` (and so to the log file, or the terminal with ``--verbose``), instead of
straight to stderr."""

from __future__ import annotations

import logging
from typing import Any

log = logging.getLogger("qt")
_installed: list[Any] = []  # keeps the handler alive


def route_qt_messages() -> None:
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    levels: dict[Any, int] = {}

    def handler(kind: Any, context: Any, message: str) -> None:
        if not levels:  # built on the first message: enum look-ups cost start-up time
            levels.update({
                QtMsgType.QtDebugMsg: logging.DEBUG, QtMsgType.QtInfoMsg: logging.INFO,
                QtMsgType.QtWarningMsg: logging.WARNING, QtMsgType.QtCriticalMsg: logging.ERROR,
                QtMsgType.QtFatalMsg: logging.CRITICAL,
            })  # fmt: skip
        category = getattr(context, "category", None) or "default"
        where = "" if category == "default" else f"[{category}] "
        log.log(levels.get(kind, logging.WARNING), "%s%s", where, message)

    _installed.append(handler)
    qInstallMessageHandler(handler)
