"""One database worker thread for every read and write the window makes.

Jobs are plain callables run in order on a single thread; their result (or exception) comes back
to the GUI thread by a queued signal, so callbacks may touch widgets and jobs never do.
:class:`SyncExecutor` runs jobs at once on the caller's thread, for tests.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:
    from concurrent.futures import Future, ThreadPoolExecutor

log = logging.getLogger(__name__)

Done = Callable[[Any], None]
Failed = Callable[[BaseException], None]


class Executor(Protocol):
    def submit(
        self, job: Callable[[], Any], on_done: Done | None = None, on_error: Failed | None = None
    ) -> Future[Any]: ...

    def wait_idle(self, timeout: float = 10.0) -> None: ...

    def shutdown(self) -> None: ...


def _report(exc: BaseException) -> None:
    log.error("database job failed", exc_info=exc)


class DbExecutor(QObject):
    """A single worker thread; callbacks are delivered on the GUI thread in submission order."""

    _finished = Signal(object, object, object)  # callback, value, is_error

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool: ThreadPoolExecutor | None = None  # started by the first job
        self._last: Future[Any] | None = None
        self._closed = False
        self._finished.connect(self._deliver)

    def submit(
        self, job: Callable[[], Any], on_done: Done | None = None, on_error: Failed | None = None
    ) -> Future[Any]:
        def run() -> Any:
            try:
                value = job()
            except BaseException as exc:
                self._finished.emit(on_error or _report, exc, True)
                raise
            if on_done is not None:
                self._finished.emit(on_done, value, False)
            return value

        if self._pool is None:
            from concurrent.futures import ThreadPoolExecutor

            self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="byline-db")
        self._last = self._pool.submit(run)
        return self._last

    def _deliver(self, callback: Callable[[Any], None], value: Any, _is_error: bool) -> None:
        if not self._closed:
            callback(value)

    def wait_idle(self, timeout: float = 10.0) -> None:
        """Block until every job submitted so far has run (results still arrive by signal)."""
        if self._last is not None:
            try:
                self._last.exception(timeout=timeout)
            except TimeoutError:
                log.error("database worker still busy after %.0f s", timeout)

    def shutdown(self) -> None:
        self._closed = True
        if self._pool is not None:
            self._pool.shutdown(wait=True)


class SyncExecutor:
    """Runs each job immediately on the calling thread (tests, benchmarks)."""

    def submit(
        self, job: Callable[[], Any], on_done: Done | None = None, on_error: Failed | None = None
    ) -> Future[Any]:
        from concurrent.futures import Future

        future: Future[Any] = Future()
        try:
            value = job()
        except Exception as exc:
            future.set_exception(exc)
            (on_error or _report)(exc)
            return future
        future.set_result(value)
        if on_done is not None:
            on_done(value)
        return future

    def wait_idle(self, timeout: float = 10.0) -> None:
        return None

    def shutdown(self) -> None:
        return None
