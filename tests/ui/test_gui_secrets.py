"""Passwords in the window: asked on the GUI thread only, and a timer asks at most once."""

from __future__ import annotations

import threading

import keyring
import pytest
from keyring.backends import fail

from editor.errors import InputError
from editor.ui.publishing.gui_secrets import GuiSecrets


@pytest.fixture
def no_keychain(monkeypatch):
    before = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    monkeypatch.delenv("BYLINE_PASSWORD", raising=False)
    yield
    keyring.set_keyring(before)


def test_a_worker_never_opens_a_prompt(qapp, no_keychain):
    asked = []
    secrets = GuiSecrets(None, ask=lambda text: asked.append(text) or "typed")
    failures = []

    def worker() -> None:
        try:
            secrets.store.get("site", "editor")
        except InputError as exc:
            failures.append(str(exc))

    thread = threading.Thread(target=worker)
    thread.start()
    thread.join()
    assert asked == [] and failures == ["target site: no password given."]
    assert secrets.ready([("site", "editor")], interactive=True) == []
    assert asked == ["Password for editor on target site: "]
    assert secrets.store.get("site", "editor") == "typed"  # kept for the session


def test_a_background_run_asks_once_per_target_and_session(qapp, no_keychain):
    asked = []
    secrets = GuiSecrets(None, ask=lambda text: asked.append(text) or "")  # the writer declines
    assert secrets.ready([("site", "editor")], interactive=False) == ["site"]
    assert secrets.ready([("site", "editor")], interactive=False) == ["site"]
    assert len(asked) == 1
    assert secrets.ready([("site", "editor")], interactive=True) == ["site"]  # Retry now asks
    assert len(asked) == 2
