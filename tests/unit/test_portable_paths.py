"""Portable mode: a ``portable`` file beside the standalone build's executable keeps the
database, preferences, cache and logs beside it; without it (or from source) the user's folders
are used. The packaged app itself is checked by ``make package-test``."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from editor import paths
from editor.config import config_path

VARS = ("BYLINE_DATA_DIR", "BYLINE_CONFIG_DIR", "BYLINE_CACHE_DIR", "BYLINE_LOG_DIR")


@pytest.fixture
def frozen_app(tmp_path, monkeypatch) -> Path:
    """A standalone build's folder, as the running executable (``sys.frozen`` set)."""
    folder = tmp_path / "usb" / "byline"
    folder.mkdir(parents=True)
    (folder / "byline").write_bytes(b"")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(folder / "byline"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "home" / "data"))
    for var in VARS:
        monkeypatch.delenv(var, raising=False)
    return folder


def test_the_marker_keeps_everything_beside_the_executable(frozen_app):
    (frozen_app / "portable").write_text("")
    assert paths.portable_root() == frozen_app
    assert paths.default_database_path() == frozen_app / "data" / "byline.sqlite3"
    assert paths.user_config_dir() == frozen_app / "config"
    assert config_path() == frozen_app / "config" / "config.toml"
    assert paths.user_cache_dir() == frozen_app / "cache"
    assert paths.user_log_dir() == frozen_app / "logs"


def test_without_the_marker_the_users_folders_are_used(frozen_app, tmp_path):
    assert paths.portable_root() is None
    assert paths.user_data_dir() == tmp_path / "home" / "data" / "Byline"


def test_a_source_run_is_never_portable(tmp_path):
    (tmp_path / "portable").write_text("")
    assert paths.portable_root(str(tmp_path / "python3"), frozen=False) is None
    assert paths.portable_root(str(tmp_path / "byline"), frozen=True) == tmp_path


def test_the_environment_still_wins(frozen_app, tmp_path, monkeypatch):
    (frozen_app / "portable").write_text("")
    monkeypatch.setenv("BYLINE_DATA_DIR", str(tmp_path / "elsewhere"))
    assert paths.user_data_dir() == tmp_path / "elsewhere"
