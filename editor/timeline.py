"""The start-up timeline: each step of opening the window, in ms since the process started.

``mark("window built")`` logs ``start-up   412 ms (cpu   301 ms)  window built`` at INFO on the
``byline.startup`` logger (the log file, and the terminal with ``--verbose``): ms since the
process started, and the CPU time of the thread that marks it (the GUI thread's, for all but
the first steps), which a busy machine stretches much less than the wall clock. Marks made
before logging is set up are kept and logged by :func:`replay`. Each step is logged once (the
first time it happens).

The origin is the process's start as the kernel recorded it (Linux, 10 ms resolution), so the
interpreter's own start-up is counted; elsewhere, the first import of this module.
"""

from __future__ import annotations

import logging
import os
import time

log = logging.getLogger("byline.startup")

_origin: float | None = None
_marks: dict[str, float] = {}
_cpu: dict[str, float] = {}
_replayed = False


def _process_start() -> float:
    """The process's start on the ``time.monotonic()`` clock: /proc gives it on the boot
    clock, so the process's age is the boot clock now minus that."""
    try:
        with open("/proc/self/stat", "rb") as fh:
            ticks = int(fh.read().rsplit(b")", 1)[1].split()[19])
        started = ticks / os.sysconf("SC_CLK_TCK")
        now_boot = time.clock_gettime(time.CLOCK_BOOTTIME)
        return time.monotonic() - (now_boot - started)
    except (OSError, ValueError, IndexError, AttributeError):
        return time.monotonic()


def origin() -> float:
    global _origin
    if _origin is None:
        _origin = _process_start()
    return _origin


def since_start_ms() -> float:
    return (time.monotonic() - origin()) * 1000


def mark(step: str) -> float:
    """Note that ``step`` is done now (only its first time counts); ms since the start."""
    if step in _marks:
        return _marks[step]
    ms = _marks[step] = since_start_ms()
    _cpu[step] = time.thread_time() * 1000
    if _replayed:
        _log(step)
    return ms


def _log(step: str) -> None:
    log.info("start-up %6.0f ms (cpu %6.0f ms)  %s", _marks[step], _cpu[step], step)


def replay() -> None:
    """Log the marks made so far (call once logging is set up); later marks log at once."""
    global _replayed
    _replayed = True
    for step in _marks:
        _log(step)


def marks() -> dict[str, float]:
    """Every step so far, in order, with its ms since the start."""
    return dict(_marks)


origin()  # as early as the first import
