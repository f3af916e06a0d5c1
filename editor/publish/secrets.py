"""Target passwords: in the OS keychain through ``keyring``, never in the database or logs.

Without a usable keychain backend (keyring's ``fail`` or ``null`` backends), the password is
read from ``$BYLINE_PASSWORD`` or asked once per session through a callback, and kept in memory
only. ``$BYLINE_PASSWORD``, when set, always wins: scripts say exactly what they want.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Mapping

import keyring
import keyring.errors
from keyring.backend import KeyringBackend

from editor.errors import InputError

log = logging.getLogger(__name__)

SERVICE = "byline"
ENV_VAR = "BYLINE_PASSWORD"

Prompt = Callable[[str], str]


def keychain_key(target_name: str) -> str:
    return f"target:{target_name}"


def keychain_status() -> tuple[bool, str]:
    """Whether a real keychain is there, and if not, a sentence saying why."""
    backend: KeyringBackend = keyring.get_keyring()
    module = type(backend).__module__
    if module.endswith((".fail", ".null")) or getattr(backend, "priority", 1) <= 0:
        return False, (
            f"no OS keychain is available (keyring backend: {type(backend).__module__}); "
            "the password is kept in memory for this session only"
        )
    return True, ""


class SecretStore:
    """Looks up and keeps target passwords for one session of the app or one CLI command."""

    def __init__(
        self,
        prompt: Prompt | None = None,
        env: Mapping[str, str] | None = None,
        notify: Callable[[str], None] | None = None,
    ) -> None:
        self._prompt = prompt
        self._notify = notify
        self._env = os.environ if env is None else env
        self._session: dict[str, str] = {}
        self.notices: list[str] = []

    def get(self, target_name: str, username: str) -> str:
        from_env = self._env.get(ENV_VAR)
        if from_env:
            return from_env
        if target_name in self._session:
            return self._session[target_name]
        usable, why = keychain_status()
        if usable:
            try:
                stored = keyring.get_password(SERVICE, keychain_key(target_name))
            except keyring.errors.KeyringError as exc:
                stored, why = None, f"the keychain could not be read ({exc.__class__.__name__})"
            if stored:
                return stored
            why = why or f"no password for target {target_name!r} in the keychain"
        if self._prompt is None:
            raise InputError(
                f"target {target_name}: no password ({why}); set ${ENV_VAR} to give one."
            )
        self._note(why)
        try:
            secret = self._prompt(f"Password for {username} on target {target_name}: ")
        except EOFError:
            secret = ""
        if not secret:
            raise InputError(f"target {target_name}: no password given.")
        self._session[target_name] = secret
        return secret

    def set(self, target_name: str, secret: str) -> bool:
        """Keep the password; True when it went to the OS keychain."""
        self._session[target_name] = secret
        usable, why = keychain_status()
        if usable:
            try:
                keyring.set_password(SERVICE, keychain_key(target_name), secret)
                return True
            except keyring.errors.KeyringError as exc:
                why = f"the keychain refused it ({exc.__class__.__name__})"
        self._note(why)
        return False

    def delete(self, target_name: str) -> None:
        self._session.pop(target_name, None)
        if keychain_status()[0]:
            try:
                keyring.delete_password(SERVICE, keychain_key(target_name))
            except keyring.errors.KeyringError:
                log.info("no keychain entry to delete for target %s", target_name)

    def forget(self, target_name: str) -> None:
        """Drop the in-memory copy (after a wrong-password answer, so the next try asks again)."""
        self._session.pop(target_name, None)

    def _note(self, why: str) -> None:
        if why and why not in self.notices:
            self.notices.append(why)
            if self._notify is not None:
                self._notify(why)
