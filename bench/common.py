"""Timing helpers and the one report format every benchmark prints."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass
class Figure:
    name: str
    seconds: float
    baseline_name: str
    baseline_seconds: float
    target: str  # human-readable target, e.g. "<= 1.3x" or "<= 5 ms"
    passed: bool

    @property
    def ratio(self) -> float:
        return self.seconds / self.baseline_seconds if self.baseline_seconds else float("inf")

    def line(self) -> str:
        verdict = "ok" if self.passed else "MISSED"
        return (
            f"{self.name:<52} {self.seconds * 1000:9.2f} ms   "
            f"{self.baseline_name}: {self.baseline_seconds * 1000:8.2f} ms   "
            f"ratio {self.ratio:6.2f}x   target {self.target:<14} {verdict}"
        )


def best_of(fn: Callable[[], object], *, repeat: int = 7, warmup: int = 1) -> float:
    """Median wall time of ``fn`` over ``repeat`` runs (seconds)."""
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def paired(
    fn: Callable[[], object], baseline: Callable[[], object], *, repeat: int = 15
) -> tuple[float, float]:
    """Median times of ``fn`` and ``baseline``, run alternately so that noise from other
    processes on the machine falls on both alike."""
    fn(), baseline()
    a: list[float] = []
    b: list[float] = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        a.append(time.perf_counter() - start)
        start = time.perf_counter()
        baseline()
        b.append(time.perf_counter() - start)
    return statistics.median(a), statistics.median(b)


def report(figure: Figure) -> Figure:
    print(figure.line(), flush=True)
    return figure
