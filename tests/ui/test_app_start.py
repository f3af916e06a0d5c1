"""`byline` itself (the real entry point, its own QApplication) starts and paints."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_byline_without_command_paints_its_window(tmp_path):
    path = os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH", "")) if p)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", BYLINE_EXIT_AFTER_FIRST_PAINT="1",
               PYTHONPATH=path)  # fmt: skip
    out = subprocess.run(
        [sys.executable, "-m", "editor", "--db", str(tmp_path / "start.sqlite3")],
        env=env, capture_output=True, text=True, timeout=120, cwd=ROOT,
    )  # fmt: skip
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("first-paint ")
    assert "Traceback" not in out.stderr
