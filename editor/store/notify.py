"""Listening for other people's changes on a shared PostgreSQL database (LISTEN on
``byline_changes``, announced by the triggers of migration 0011). Qt-free: a thread with its own
connection calls back with each :class:`~editor.store.changes.Change`; a window turns the calls
into signals.

The connection is the listener's own (never one of the store's pool): it sits idle in LISTEN.
When it drops (the server restarted, the network went away, an administrator ended it), the
listener connects again, waiting a little longer after each failure, and then calls
``on_reconnect`` once: whatever changed meanwhile was not announced, so everything shown must
be read again. :meth:`ChangeListener.stop` wakes the thread at once and joins it; a thread
still waiting for an unreachable server to answer (up to ``CONNECT_TIMEOUT_S``) is not waited
for: it ends by itself once the attempt fails, calling nobody back, so closing a window while
offline is never held up.
"""

from __future__ import annotations

import contextlib
import logging
import select
import socket
import threading
from collections.abc import Callable
from typing import Any

from sqlalchemy.engine import URL

from editor.store.changes import CHANNEL, Change

log = logging.getLogger(__name__)

PING_S = 20.0  # an idle connection is checked this often (a silently dead one shows up)
RETRY_S = (0.2, 0.5, 1.0, 2.0, 5.0)  # waits between attempts to connect again, then the last
CONNECT_TIMEOUT_S = 5


def libpq_conninfo(url: URL) -> str:
    """The SQLAlchemy URL as a libpq connection string (password included)."""
    return url.set(drivername="postgresql").render_as_string(hide_password=False)


class ChangeListener:
    """``on_change(change)`` for every announced change (ours too: the caller filters by
    ``change.origin``), ``on_reconnect()`` after a dropped connection is back. Both are called
    on the listener's thread."""

    def __init__(
        self,
        url: URL,
        on_change: Callable[[Change], None],
        on_reconnect: Callable[[], None] | None = None,
        *,
        channel: str = CHANNEL,
        ping_s: float = PING_S,
    ) -> None:
        self.conninfo = libpq_conninfo(url)
        self.on_change = on_change
        self.on_reconnect = on_reconnect
        self.channel = channel
        self.ping_s = ping_s
        self.connected = threading.Event()  # set while LISTEN is in place
        self._stopping = threading.Event()
        self._wake_r, self._wake_w = socket.socketpair()
        self._thread: threading.Thread | None = None
        self._conn: Any = None
        self.backend_pid: int | None = None  # the listening connection's server process

    # -- control ----------------------------------------------------------------------------
    def start(self) -> None:
        if self._thread is not None:
            return
        self._thread = threading.Thread(target=self._run, name="byline-listen", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 1.0) -> None:
        """Stop listening: the thread is woken at once and ends. One still connecting (to a
        server that does not answer) is left to end by itself, with no more calls back."""
        self._stopping.set()
        with contextlib.suppress(OSError):
            self._wake_w.send(b"x")
        thread = self._thread
        if thread is None:
            self._close_wake()
            return
        thread.join(timeout)
        if thread.is_alive():
            log.info("live updates: the listener ends once its connection attempt gives up")
        else:
            self._thread = None

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    # -- the thread -------------------------------------------------------------------------
    def _close_wake(self) -> None:
        self._wake_r.close()
        self._wake_w.close()

    def _run(self) -> None:
        try:
            self._serve()
        finally:
            self._disconnect()
            self._close_wake()  # here, not in stop(): this thread may outlive it

    def _serve(self) -> None:
        failures = 0
        ever_connected = False
        while not self._stopping.is_set():
            try:
                self._connect()
                if self._stopping.is_set():
                    return  # stopped while connecting: nobody to tell any more
            except Exception as exc:  # psycopg.OperationalError and friends
                if self._stopping.is_set():
                    return
                delay = RETRY_S[min(failures, len(RETRY_S) - 1)]
                failures += 1
                log.warning("live updates: cannot listen (%s); trying again in %.1f s",
                            _first_line(exc), delay)  # fmt: skip
                self._sleep(delay)
                continue
            if ever_connected and self.on_reconnect is not None:
                self.on_reconnect()
            ever_connected, failures = True, 0
            try:
                self._listen()
            except Exception as exc:
                if not self._stopping.is_set():
                    log.warning("live updates: connection lost (%s)", _first_line(exc))
            finally:
                self._disconnect()

    def _connect(self) -> None:
        import psycopg

        conn = psycopg.connect(
            self.conninfo,
            autocommit=True,
            application_name="byline listener",
            connect_timeout=CONNECT_TIMEOUT_S,
            keepalives=1,
            keepalives_idle=30,
            keepalives_interval=10,
            keepalives_count=3,
        )
        try:
            conn.execute(f"LISTEN {self.channel}")
        except Exception:
            conn.close()
            raise
        self._conn = conn
        self.backend_pid = conn.info.backend_pid
        self.connected.set()

    def _listen(self) -> None:
        conn = self._conn
        while not self._stopping.is_set():
            ready, _, _ = select.select([conn.fileno(), self._wake_r], [], [], self.ping_s)
            if self._wake_r in ready:
                return
            if not ready:
                conn.execute("SELECT 1")  # idle: is the server still there?
                continue
            for notify in conn.notifies(timeout=0):
                change = Change.from_payload(notify.payload)
                if change is not None:
                    try:
                        self.on_change(change)
                    except Exception:
                        log.exception("live updates: handling %s failed", change)

    def _disconnect(self) -> None:
        self.connected.clear()
        conn, self._conn = self._conn, None
        if conn is not None:
            with contextlib.suppress(Exception):
                conn.close()

    def _sleep(self, seconds: float) -> None:
        """Wait, but wake at once when stopped."""
        with contextlib.suppress(OSError, ValueError):
            select.select([self._wake_r], [], [], seconds)


def _first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]
