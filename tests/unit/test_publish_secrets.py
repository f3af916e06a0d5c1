"""Target passwords: the OS keychain when there is one, else $BYLINE_PASSWORD or one prompt."""

from __future__ import annotations

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail

from editor.errors import InputError
from editor.publish.secrets import SecretStore, keychain_status


class MemoryKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.items: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):
        return self.items.get((service, username))

    def set_password(self, service, username, password):
        self.items[(service, username)] = password

    def delete_password(self, service, username):
        self.items.pop((service, username), None)


@pytest.fixture
def backend():
    before = keyring.get_keyring()
    yield keyring.set_keyring
    keyring.set_keyring(before)


def test_with_a_keychain_the_password_is_stored_there_and_read_back(backend):
    mem = MemoryKeyring()
    backend(mem)
    assert keychain_status() == (True, "")
    asked = []
    assert SecretStore(env={}).set("blog", "s3cret") is True
    assert mem.items == {("byline", "target:blog"): "s3cret"}
    fresh = SecretStore(prompt=lambda p: asked.append(p) or "typed", env={})
    assert fresh.get("blog", "ada") == "s3cret"
    assert asked == []
    fresh.delete("blog")
    assert mem.items == {}


def test_without_a_keychain_it_asks_once_per_session_and_says_why(backend):
    backend(fail.Keyring())
    asked, told = [], []
    store = SecretStore(prompt=lambda p: asked.append(p) or "typed", env={}, notify=told.append)
    assert store.get("blog", "ada") == "typed"
    assert store.get("blog", "ada") == "typed"
    assert asked == ["Password for ada on target blog: "]
    assert len(told) == 1 and "no OS keychain" in told[0]
    assert store.set("blog", "typed") is False


def test_the_environment_variable_wins_and_no_prompt_is_needed(backend):
    backend(fail.Keyring())
    store = SecretStore(prompt=None, env={"BYLINE_PASSWORD": "from-env"})
    assert store.get("blog", "ada") == "from-env"


def test_without_any_source_the_error_says_what_to_do(backend):
    backend(fail.Keyring())
    with pytest.raises(InputError, match=r"no OS keychain.*BYLINE_PASSWORD"):
        SecretStore(prompt=None, env={}).get("blog", "ada")


def test_an_empty_or_interrupted_prompt_is_refused(backend):
    backend(fail.Keyring())

    def eof(_prompt):
        raise EOFError

    with pytest.raises(InputError, match="no password given"):
        SecretStore(prompt=eof, env={}).get("blog", "ada")
