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
os.environ["XDG_RUNTIME_DIR"] = os.path.join(_home, "runtime")
os.makedirs(os.environ["XDG_RUNTIME_DIR"], mode=0o700, exist_ok=True)
os.environ.pop("BYLINE_DB", None)

import pytest  # noqa: E402

from tests.helpers.services import require_service  # noqa: E402

__all__ = ["require_service"]


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path, monkeypatch):
    monkeypatch.setenv("BYLINE_DATA_DIR", str(tmp_path / "user-data"))
    monkeypatch.setenv("BYLINE_CONFIG_DIR", str(tmp_path / "user-config"))
    monkeypatch.setenv("BYLINE_CACHE_DIR", str(tmp_path / "user-cache"))
    monkeypatch.delenv("BYLINE_DB", raising=False)


@pytest.fixture
def store(tmp_path):
    """A fresh SQLite store in its own file (tests/db/ overrides it to run on PostgreSQL too)."""
    from editor.store.database import open_store

    st = open_store(tmp_path / "byline.sqlite3")
    yield st
    st.close()
