"""Helpers for the window's publishing tests: a target nobody answers, a worker held at a gate."""

from __future__ import annotations

import contextlib
import socket
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from editor.services import photos, posts, targets
from editor.store.database import open_store
from tests.helpers.photos import jpeg_bytes


def closed_port() -> int:
    """A local port with nothing listening (bound, then released)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def add_offline_target(db_path: Path, name: str = "offline") -> str:
    """A WordPress target on a closed local port: every push fails as a network error."""
    port = closed_port()
    store = open_store(db_path)
    try:
        with store.session() as s:
            targets.add_target(s, name=name, kind="wordpress", site_url=f"http://127.0.0.1:{port}/",
                               username="editor",
                               api_url=f"http://127.0.0.1:{port}/wp-json/")  # fmt: skip
    finally:
        store.close()
    return name


def attach_photos(db_path: Path, post_id: int, count: int = 2) -> None:
    store = open_store(db_path)
    try:
        with store.session() as s:
            post = posts.get_post(s, post_id)
            for i in range(count):
                photos.attach(s, post, jpeg_bytes((900 + 40 * i, 600)), filename=f"p{i}.jpg",
                              lead=i == 0, caption=f"Caption {i}", credit="Photo: Test",
                              alt=f"Alt {i}")  # fmt: skip
    finally:
        store.close()


class GatedExecutor(ThreadPoolExecutor):
    """A real worker thread that starts each job only once :attr:`gate` is set."""

    def __init__(self) -> None:
        super().__init__(max_workers=1, thread_name_prefix="gated")
        self.gate = threading.Event()

    def submit(self, fn, /, *args, **kwargs) -> Future:  # type: ignore[no-untyped-def,override]
        def held():  # type: ignore[no-untyped-def]
            self.gate.wait(30)
            return fn(*args, **kwargs)

        return super().submit(held)


class SilentServer:
    """A site on 127.0.0.1 that takes every request and never answers (until :meth:`stop`):
    a push to it hangs in the middle, as on a stalled network."""

    def __init__(self) -> None:
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = self._listener.getsockname()[1]
        self.requested = threading.Event()  # a request reached the site
        self._conns: list[socket.socket] = []
        self._thread = threading.Thread(target=self._serve, name="silent-site", daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self._listener.accept()
            except OSError:
                return  # stopped
            self._conns.append(conn)
            conn.settimeout(5)
            try:
                if conn.recv(65536):
                    self.requested.set()
            except OSError:
                pass

    def add_target(self, db_path: Path, name: str = "stalled") -> str:
        base = f"http://127.0.0.1:{self.port}/"
        store = open_store(db_path)
        try:
            with store.session() as s:
                targets.add_target(s, name=name, kind="wordpress", site_url=base,
                                   username="editor", api_url=base + "wp-json/")  # fmt: skip
        finally:
            store.close()
        return name

    def stop(self) -> None:
        """Close the site: its port refuses connections from now on."""
        with contextlib.suppress(OSError):
            self._listener.shutdown(socket.SHUT_RDWR)
        self._listener.close()
        for conn in self._conns:
            conn.close()
        self._thread.join(5)
