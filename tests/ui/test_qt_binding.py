"""The Qt binding must not lose references to None/True (PySide6 6.12.0 does, on Python 3.11:
each void method call and each Signal.emit drops one, and the process dies with "Fatal Python
error: none_dealloc" after a few thousand keystrokes). pyproject pins PySide6 below 6.12."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QObject, QTimer, Signal

pytestmark = pytest.mark.skipif(
    sys.version_info >= (3, 12), reason="None and True are immortal from Python 3.12"
)
CALLS = 200


class _Source(QObject):
    happened = Signal()


def test_void_calls_keep_none_alive(qtbot):
    timer = QTimer(singleShot=True, interval=60_000)
    before = sys.getrefcount(None)
    for _ in range(CALLS):
        timer.start()
        timer.stop()
    assert sys.getrefcount(None) - before > -CALLS // 2


def test_emit_keeps_true_alive(qtbot):
    source = _Source()
    source.happened.connect(lambda: None)
    before = sys.getrefcount(True)
    for _ in range(CALLS):
        source.happened.emit()
    assert sys.getrefcount(True) - before > -CALLS // 2
