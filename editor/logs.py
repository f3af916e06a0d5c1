"""Where the window's messages go: a log file in the user log folder, and the terminal only
with ``--verbose``.

Python logging, Python warnings and (through ``editor.ui.window.qt_log``) Qt's own messages all
end up in ``byline.log`` (``paths.user_log_dir()``; ``BYLINE_LOG_DIR`` moves it). Without
``--verbose`` nothing reaches stderr but an uncaught error.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

LOG_NAME = "byline.log"
FILE_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
MAX_BYTES = 1_000_000
BACKUPS = 3


def log_file() -> Path:
    from editor.paths import user_log_dir

    return user_log_dir() / LOG_NAME


def _rotate(path: Path) -> None:
    """At start, a log over MAX_BYTES becomes ``byline.log.1`` (older ones shift up to
    BACKUPS): once per start rather than while writing, so ``logging.handlers`` (slow to
    import before the first paint) is not needed."""
    try:
        if path.stat().st_size < MAX_BYTES:
            return
    except OSError:
        return
    for n in range(BACKUPS - 1, 0, -1):
        older = path.with_name(f"{path.name}.{n}")
        if older.exists():
            os.replace(older, path.with_name(f"{path.name}.{n + 1}"))
    os.replace(path, path.with_name(f"{path.name}.1"))


def setup_window_logging(verbose: bool) -> Path | None:
    """Log to the file (and to stderr when ``verbose``); the file's path, or None when it
    cannot be written (then warnings go to stderr, as they would without a handler)."""
    root = logging.getLogger()
    root.setLevel(logging.INFO)
    path: Path | None = log_file()
    try:
        assert path is not None
        path.parent.mkdir(parents=True, exist_ok=True)
        _rotate(path)
        handler: logging.Handler = logging.FileHandler(path, encoding="utf-8")
        handler.setFormatter(logging.Formatter(FILE_FORMAT))
        root.addHandler(handler)
    except OSError as exc:
        path = None
        print(f"byline: cannot write the log file ({exc})", file=sys.stderr)
    if verbose or path is None:
        stream = logging.StreamHandler(sys.stderr)
        stream.setLevel(logging.INFO if verbose else logging.WARNING)
        stream.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
        root.addHandler(stream)
    logging.captureWarnings(True)
    if path is not None:
        logging.getLogger("byline").info("log file: %s", path)
    return path
