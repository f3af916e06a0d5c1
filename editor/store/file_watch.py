"""Two Byline processes on one SQLite file (the window and ``byline`` in a terminal): each
notices the other's commits by polling ``PRAGMA data_version`` on a connection of its own,
which changes whenever another connection has committed. Qt-free.

SQLite cannot say who wrote, and this process's own commits (through other connections of its
pool) change the number too. A :class:`CommitCounter` built into the store's connections counts
them (and says when one is under way), and only a change seen while this process was not
committing, and had committed nothing since the poll before last, is reported
(``on_change()``): certainly someone else's. One that comes together with own commits may be
someone else's too (the command line writing just after the window saved): it is reported as
``on_maybe()``, for a cheap look at what matters most (is the open post newer than shown?).
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections import deque
from collections.abc import Callable
from pathlib import Path

log = logging.getLogger(__name__)

POLL_S = 0.25


class CommitCounter:
    """This process's commits that wrote to one SQLite file (a read's commit changes nothing
    another connection sees). ``busy`` is non-zero while one is under way (``commits`` grows
    once it is done, before ``busy`` drops): a poll that reads ``busy`` then ``commits`` never
    misses one."""

    def __init__(self) -> None:
        self.commits = 0
        self.busy = 0

    def connection_class(self) -> type[sqlite3.Connection]:
        """An ``sqlite3.connect(factory=...)`` class whose commits are counted here."""
        counter = self

        class CountingConnection(sqlite3.Connection):
            _written = 0  # total_changes at the last counted commit

            def commit(self) -> None:
                if self.total_changes == self._written:
                    super().commit()  # a read's transaction: other connections see nothing
                    return
                counter.busy += 1
                try:
                    super().commit()
                finally:
                    self._written = self.total_changes
                    counter.commits += 1
                    counter.busy -= 1

        return CountingConnection


class DataVersionWatcher:
    """Polls ``path`` on a thread; ``own`` counts this process's commits (None: it makes none,
    e.g. a read-only store)."""

    def __init__(
        self,
        path: Path,
        on_change: Callable[[], None],
        own: CommitCounter | None,
        *,
        poll_s: float = POLL_S,
        on_maybe: Callable[[], None] | None = None,
    ) -> None:
        self.path = path
        self.on_change = on_change
        self.on_maybe = on_maybe
        self.own = own or CommitCounter()
        self.poll_s = poll_s
        self.polls = 0  # how many times the file was looked at (tests wait on it)
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="byline-watch", daemon=True)
            self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        self._stopping.set()
        if self._thread is not None:
            self._thread.join(timeout)
            if not self._thread.is_alive():
                self._thread = None

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def _run(self) -> None:
        try:
            conn = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True)
        except sqlite3.Error as exc:
            log.warning("live updates: cannot watch %s (%s)", self.path, exc)
            return
        try:
            last = self._version(conn)
            seen = deque([self.own.commits] * 2, maxlen=2)  # own count at the last two polls
            while not self._stopping.wait(self.poll_s):
                version = self._version(conn)  # then busy, then commits: in this order
                busy, own = self.own.busy, self.own.commits
                if version != last:
                    certain = not busy and all(n == own for n in seen)
                    self._tell(self.on_change if certain else self.on_maybe)
                last = version
                seen.append(own)
                self.polls += 1
        finally:
            conn.close()

    @staticmethod
    def _version(conn: sqlite3.Connection) -> int | None:
        try:
            return int(conn.execute("PRAGMA data_version").fetchone()[0])
        except sqlite3.Error:
            return None  # busy or gone for a moment: the next poll sees it

    def _tell(self, report: Callable[[], None] | None) -> None:
        if report is None:
            return
        try:
            report()
        except Exception:
            log.exception("live updates: handling a change of %s failed", self.path)
