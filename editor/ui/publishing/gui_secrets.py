"""Target passwords for the window: one :class:`SecretStore` for the session whose prompt only
ever opens on the GUI thread.

Workers (the outbox, pulls, the Publish dialog's push) read passwords from the same store but
must never open a dialog: the password is asked on the GUI thread before the work starts
(:meth:`GuiSecrets.ready`), and a prompt attempted from a worker gives up instead of showing.
A background run (the outbox timer) asks at most once per target and session, so a writer who
declined is not asked again every minute.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from editor.errors import BylineError
from editor.publish.secrets import SecretStore


class _Notices(QObject):
    """Carries a notice to the GUI thread: a password may be kept from a worker (the Targets
    dialog's Add), and the notice ends up in the status bar."""

    said = Signal(str)


class GuiSecrets:
    def __init__(
        self,
        parent: QWidget | None,
        notify: Callable[[str], None] | None = None,
        ask: Callable[[str], str] | None = None,
    ) -> None:
        from editor.ui.publishing.publish_dialog import gui_prompt

        self._ask = ask or gui_prompt(parent)
        self._may_prompt = True
        self.asked: set[str] = set()
        self._notices = _Notices(parent)
        if notify is not None:
            self._notices.said.connect(notify)
        self.store = SecretStore(prompt=self._prompt, notify=self._notices.said.emit)

    def _prompt(self, text: str) -> str:
        on_gui_thread = threading.current_thread() is threading.main_thread()  # Qt's GUI thread
        if not on_gui_thread or not self._may_prompt:
            raise EOFError  # SecretStore turns this into "no password given"
        return self._ask(text)

    def ready(self, wanted: Iterable[tuple[str, str]], *, interactive: bool) -> list[str]:
        """Make sure each (target, user) has a password for this session, asking here on the
        GUI thread if needed; returns the targets still without one. ``interactive=False``
        (a timer) asks only for targets not asked before in this session."""
        missing = []
        for name, user in wanted:
            self._may_prompt = interactive or name not in self.asked
            if self._may_prompt:
                self.asked.add(name)
            try:
                self.store.get(name, user)
            except BylineError:
                missing.append(name)
            finally:
                self._may_prompt = True
        return missing
