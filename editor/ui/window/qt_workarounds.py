"""Work-arounds for bugs in the Qt bindings, applied once at start-up.

PySide6 6.12.0 drops references to the singletons: ``SignalInstance.emit()`` (and
``disconnect()``) return ``True``/``False`` without taking a reference, and every call of a Python
slot from a C++ signal drops one reference to ``None`` (its return value). After a few hundred
emits or a few thousand signals, CPython 3.11 frees the singleton and aborts ("Fatal Python error:
bool_dealloc" / "none_dealloc"). Python 3.12+ made these singletons immortal, so the bugs are
harmless there; on 3.11 we do the same by giving them reference counts that never run down.

PySide6's ``__feature__`` support reads the source of every module imported after PySide6 (to
see whether it says "PySide6") and so keeps all of it in ``linecache``: ~25 MB and ~50 ms for
Byline's ~750 modules. Byline uses no ``__feature__`` (snake_case, true_property), so
:func:`skip_feature_source_scan` answers that question without reading anything.
"""

from __future__ import annotations

import logging
import sys

log = logging.getLogger(__name__)

_PIN = 1 << 60  # references added to each singleton; a leak of one per call never exhausts it
_applied = False


def emit_leaks_bool_references() -> bool:
    """True when this PySide6 drops a reference to ``True`` on each ``Signal.emit()``."""
    from PySide6.QtCore import QObject, Signal

    class _Probe(QObject):
        fired = Signal()

    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(10):
        probe.fired.emit()
    return sys.getrefcount(True) < before - 5


def skip_feature_source_scan() -> bool:
    """Stop PySide6 reading each imported module's source (see the module docstring); True
    when done. Call right after the first PySide6 import: modules imported before are read."""
    feature = sys.modules.get("PySide6.support.feature")
    if feature is None or not callable(getattr(feature, "_mod_uses_pyside", None)):
        return False  # another PySide6: nothing known to skip
    # "Does not use PySide": the module is left out of feature switching, which changes
    # nothing while no module selects a feature.
    feature._mod_uses_pyside = _uses_no_feature
    return True


def _uses_no_feature(_module: object) -> bool:
    return False


def apply_qt_workarounds() -> None:
    """Make ``True``/``False``/``None`` immortal when the bindings leak references (idempotent)."""
    global _applied
    skip_feature_source_scan()
    if _applied or sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        _applied = True
        return
    import PySide6

    if not PySide6.__version__.startswith("6.12."):  # the releases known to leak (probe: ~30 ms)
        _applied = True
        return
    if emit_leaks_bool_references():
        import ctypes

        for singleton in (True, False, None):
            ctypes.c_ssize_t.from_address(id(singleton)).value += _PIN
        log.info("PySide6 leaks references to True/False/None: pinned them (3.12 behaviour)")
    _applied = True
