"""Cold start of the packaged app (``make package``'s folder) to its first painted window,
against the venv app on the same empty database. Skipped (no figure) when nothing is built."""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
from pathlib import Path

from bench.bench_startup import ROOT, _first_paint
from bench.common import Figure, report

PACKAGED = ROOT / "build" / "package" / "byline" / "byline"
RUNS = 5
TARGET = 1.5  # the packaged app unpacks nothing (onedir): it should not be much slower


def cold_starts(executable: Path, runs: int = RUNS) -> tuple[float, float]:
    """Median seconds to first paint of the packaged ``executable`` and of ``python -m
    editor`` from the venv, run alternately in clean environments (own HOME each)."""
    home = Path(tempfile.mkdtemp(prefix="byline-bench-package-"))
    path = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
    base = {"HOME": str(home), "PATH": "/usr/bin:/bin", "QT_QPA_PLATFORM": "offscreen",
            "BYLINE_EXIT_AFTER_FIRST_PAINT": "1"}  # fmt: skip
    packaged = [str(executable), "--db", str(home / "packaged.sqlite3")]
    venv = [sys.executable, "-m", "editor", "--db", str(home / "venv.sqlite3")]
    venv_env = dict(base, PYTHONPATH=path)
    _first_paint(packaged, base), _first_paint(venv, venv_env)  # warm the file cache
    ours: list[float] = []
    theirs: list[float] = []
    for _ in range(runs):
        ours.append(_first_paint(packaged, base))
        theirs.append(_first_paint(venv, venv_env))
    return statistics.median(ours), statistics.median(theirs)


def run() -> list[Figure]:
    if not PACKAGED.exists():
        print("no packaged build to time (run `make package` first)")
        return []
    packaged, venv = cold_starts(PACKAGED)
    name = "packaged app: cold start to first paint"
    passed = packaged <= TARGET * venv
    return [report(Figure(name, packaged, "venv app", venv, f"<= {TARGET}x", passed))]
