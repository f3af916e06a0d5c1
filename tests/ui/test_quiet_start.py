"""`byline` (the real entry point) starts, shows the preview and quits without a word on the
terminal; what Qt, Chromium and Byline say goes to the log file, and to stderr with --verbose."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def start(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    path = os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH", "")) if p)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", BYLINE_EXIT_AFTER_PREVIEW="1",
               PYTHONPATH=path)  # fmt: skip
    env.pop("BYLINE_EXIT_AFTER_FIRST_PAINT", None)
    return subprocess.run(
        [sys.executable, "-m", "editor", *args, "--db", str(tmp_path / "quiet.sqlite3")],
        env=env, capture_output=True, text=True, timeout=120, cwd=ROOT,
    )  # fmt: skip


@pytest.mark.slow
def test_a_start_is_quiet_and_verbose_shows_what_the_log_file_keeps(tmp_path):
    log = tmp_path / "user-log" / "byline.log"
    quiet = start(tmp_path)
    assert quiet.returncode == 0, quiet.stderr
    assert quiet.stderr == ""
    assert quiet.stdout == ""
    kept = log.read_text(encoding="utf-8")
    assert f"INFO byline: log file: {log}" in kept
    # the offscreen platform always warns about size hints: Qt's messages reach the file
    assert "WARNING qt: This plugin does not support propagateSizeHints()" in kept
    assert "upgrading" in kept  # Byline's own messages (the new database's schema)

    verbose = start(tmp_path, "--verbose")
    assert verbose.returncode == 0, verbose.stderr
    lines = verbose.stderr.splitlines()
    assert "WARNING qt: This plugin does not support propagateSizeHints()" in lines
    assert any(line.startswith("INFO byline: log file: ") for line in lines)
    assert "Traceback" not in verbose.stderr
    assert log.read_text(encoding="utf-8").count("log file:") == 2  # both runs, one file
    # the start-up timeline: each step once, in order, in ms since the process started
    steps = [line.split(" ms)  ", 1) for line in lines if line.startswith("INFO byline.startup:")]
    names = [name for _ms, name in steps]
    for step in ("Python started, editor imported", "QApplication created", "window built",
                 "first paint", "store open, post list read", "post loaded in the editor",
                 "post's page loaded in the preview"):  # fmt: skip
        assert names.count(step) == 1, (step, names)
    ms = [float(at.split("start-up", 1)[1].split("ms")[0]) for at, _name in steps]
    assert ms == sorted(ms) and ms[0] > 0
    assert names.index("first paint") < names.index("post loaded in the editor")
