"""Where Byline finds its shipped files and keeps the user's data.

Shipped files (themes, the sample post, migrations) live in the top-level ``resources/`` and ``db/``
folders of the source tree; a wheel carries them as the ``editor._resources`` and
``editor._migrations`` packages (see pyproject's package-dir mapping); the standalone build
(packaging/) puts them beside the frozen ``editor`` package, which is the same layout.

Portable mode: a file named ``portable`` beside the standalone build's executable keeps the
database, preferences, cache and logs in ``data/``, ``config/``, ``cache/`` and ``logs/`` beside
it (a writer on a USB stick). The ``BYLINE_*_DIR`` variables still win.
"""

from __future__ import annotations

import os
import sys
from functools import cache
from pathlib import Path

APP_NAME = "Byline"
APP_AUTHOR = "Byline"
PORTABLE_MARKER = "portable"

_SOURCE_ROOT = Path(__file__).resolve().parent.parent


def _shipped(package: str, folder: str) -> Path:
    candidate = _SOURCE_ROOT / folder
    if candidate.is_dir():
        return candidate
    from importlib.util import find_spec  # an installed wheel: the mapped packages

    spec = find_spec(package)
    if spec is None or not spec.submodule_search_locations:  # pragma: no cover - broken install
        raise RuntimeError(f"Byline's {folder}/ folder is missing from this installation")
    return Path(next(iter(spec.submodule_search_locations)))


@cache
def resources_root() -> Path:
    return _shipped("editor._resources", "resources")


@cache
def migrations_root() -> Path:
    return _shipped("editor._migrations", "db")


def portable_root(executable: str | None = None, frozen: bool | None = None) -> Path | None:
    """The folder of a portable standalone Byline (its executable's, holding a ``portable``
    file), else None. A source or pip install is never portable."""
    if not (getattr(sys, "frozen", False) if frozen is None else frozen):
        return None
    folder = Path(executable or sys.executable).resolve().parent
    return folder if (folder / PORTABLE_MARKER).exists() else None


def _portable(sub: str) -> Path | None:
    root = portable_root()
    return None if root is None else root / sub


def user_data_dir() -> Path:
    """The per-user data folder (``BYLINE_DATA_DIR`` overrides it, for tests and portable use)."""
    override = os.environ.get("BYLINE_DATA_DIR")
    if override:
        return Path(override)
    if (portable := _portable("data")) is not None:
        return portable
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))


def user_config_dir() -> Path:
    """Preferences (``config.toml``) and window state (``byline.ini``); ``BYLINE_CONFIG_DIR``
    overrides it."""
    override = os.environ.get("BYLINE_CONFIG_DIR")
    if override:
        return Path(override)
    if (portable := _portable("config")) is not None:
        return portable
    import platformdirs

    return Path(platformdirs.user_config_dir(APP_NAME, APP_AUTHOR))


def user_cache_dir() -> Path:
    """Rebuildable files, e.g. photo renditions (``BYLINE_CACHE_DIR`` overrides it)."""
    override = os.environ.get("BYLINE_CACHE_DIR")
    if override:
        return Path(override)
    if (portable := _portable("cache")) is not None:
        return portable
    import platformdirs

    return Path(platformdirs.user_cache_dir(APP_NAME, APP_AUTHOR))


def user_log_dir() -> Path:
    """The window's log file, ``byline.log`` (``BYLINE_LOG_DIR`` overrides it)."""
    override = os.environ.get("BYLINE_LOG_DIR")
    if override:
        return Path(override)
    if (portable := _portable("logs")) is not None:
        return portable
    import platformdirs

    return Path(platformdirs.user_log_dir(APP_NAME, APP_AUTHOR))


def default_database_path() -> Path:
    return user_data_dir() / "byline.sqlite3"
