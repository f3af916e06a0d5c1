"""Stopping a push from another thread (the window closing while it sends).

A :class:`Cancel` is handed to ``push_post``; the push checks it at its safe points (before each
step that talks to the site; every remote id is recorded the moment it is known, so stopping at
any of them leaves nothing half-recorded) and raises :class:`PushCancelled`, a retryable error
that the caller keeps in the outbox. A call already waiting on the network is woken at once:
the sockets it opened are shut down, so the worker never outlives its window by a whole timeout.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from contextvars import ContextVar
from typing import Any

from editor.publish.errors import PublishError


class PushCancelled(PublishError):
    """The push was stopped at a safe point; it waits in the outbox for the next try."""

    retryable = True


class Cancel:
    def __init__(self) -> None:
        self._event = threading.Event()
        self._lock = threading.Lock()
        self._sockets: list[socket.socket] = []

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def cancel(self) -> None:
        """Ask the push to stop (any thread); wakes a network call in progress."""
        with self._lock:
            self._event.set()
            sockets, self._sockets = self._sockets, []
        for sock in sockets:
            _shut(sock)

    def check(self, step: str) -> None:
        if self._event.is_set():
            raise PushCancelled(step, "stopped because the window closed; kept in the outbox")

    def wait(self, seconds: float) -> None:
        """A pause between retries that ends early when cancelled."""
        self._event.wait(seconds)

    def trace(self, event: str, info: dict[str, Any]) -> None:
        """httpx's ``trace`` request extension: note each socket the request connects."""
        if event != "connection.connect_tcp.complete":
            return
        stream = info.get("return_value")
        sock = stream.get_extra_info("socket") if stream is not None else None
        if not isinstance(sock, socket.socket):
            return
        with self._lock:
            if not self._event.is_set():
                self._sockets.append(sock)
                return
        _shut(sock)


def _shut(sock: socket.socket) -> None:
    with suppress(OSError):  # already closed
        sock.shutdown(socket.SHUT_RDWR)


_current: ContextVar[Cancel | None] = ContextVar("byline_push_cancel", default=None)


def current() -> Cancel | None:
    """The cancel of the push running on this thread, if any."""
    return _current.get()


@contextmanager
def scope(cancel: Cancel | None) -> Iterator[None]:
    token = _current.set(cancel)
    try:
        yield
    finally:
        _current.reset(token)
