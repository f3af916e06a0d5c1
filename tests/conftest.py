"""Test settings that hold for every run, whoever starts it.

Qt runs offscreen, user folders point into a temporary folder, and a test that needs a service
either finds it or skips with the reason (fails instead when BYLINE_REQUIRE_SERVICES=1, as in CI).
"""

from __future__ import annotations

import os
import tempfile

# Before anything can create a QApplication.
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox --disable-gpu")
_home = tempfile.mkdtemp(prefix="byline-test-home-")
os.environ["BYLINE_DATA_DIR"] = os.path.join(_home, "data")
os.environ["BYLINE_CONFIG_DIR"] = os.path.join(_home, "config")
os.environ["BYLINE_CACHE_DIR"] = os.path.join(_home, "cache")
os.environ["BYLINE_LOG_DIR"] = os.path.join(_home, "log")
os.environ["XDG_RUNTIME_DIR"] = os.path.join(_home, "runtime")
os.makedirs(os.environ["XDG_RUNTIME_DIR"], mode=0o700, exist_ok=True)
os.environ.pop("BYLINE_DB", None)

import pytest  # noqa: E402

from tests.helpers.services import require_service  # noqa: E402

__all__ = ["require_service"]


# Every test's config says the first-run welcome was already answered, so windows opened by
# tests never wait behind it. A test of the first run starts from an empty config instead
# (the `first_run` fixture).
WELCOMED_CONFIG = "version = 1\n\n[welcome]\ndone = true\n"


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path, monkeypatch):
    monkeypatch.setenv("BYLINE_DATA_DIR", str(tmp_path / "user-data"))
    monkeypatch.setenv("BYLINE_CONFIG_DIR", str(tmp_path / "user-config"))
    monkeypatch.setenv("BYLINE_CACHE_DIR", str(tmp_path / "user-cache"))
    monkeypatch.setenv("BYLINE_LOG_DIR", str(tmp_path / "user-log"))
    for name in ("BYLINE_DB", "BYLINE_USER_NAME", "BYLINE_USER_EMAIL", "BYLINE_COLOR_SCHEME"):
        monkeypatch.delenv(name, raising=False)
    (tmp_path / "user-config").mkdir()
    (tmp_path / "user-config" / "config.toml").write_text(WELCOMED_CONFIG, encoding="utf-8")


@pytest.fixture
def first_run(tmp_path):
    """A config folder as on a first run: no preferences at all (the welcome will ask)."""
    path = tmp_path / "user-config" / "config.toml"
    path.unlink()
    return path


@pytest.fixture
def store(tmp_path):
    """A fresh SQLite store in its own file (tests/db/ overrides it to run on PostgreSQL too)."""
    from editor.store.database import open_store

    st = open_store(tmp_path / "byline.sqlite3")
    yield st
    st.close()
