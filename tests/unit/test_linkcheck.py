"""The link check against a local server on 127.0.0.1 only."""

from __future__ import annotations

import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from editor.services.linkcheck import check_links
from editor.services.sidebar_merge import LinkSpec


class _Handler(BaseHTTPRequestHandler):
    def _answer(self, with_body: bool) -> None:
        routes = {"/ok": 200, "/gone": 404, "/broken": 500, "/moved": 301}
        if self.path == "/nohead":
            status = 200 if self.command == "GET" else 405
        else:
            status = routes.get(self.path, 404)
        self.send_response(status)
        if status == 301:
            self.send_header("Location", "/ok")
        self.send_header("Content-Length", "2")
        self.end_headers()
        if with_body:
            self.wfile.write(b"hi")

    def do_HEAD(self):
        self._answer(False)

    def do_GET(self):
        self._answer(True)

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()
    thread.join()


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_reports_dead_links_only_in_order(server, monkeypatch):
    for var in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy"):
        monkeypatch.delenv(var, raising=False)
    links = [
        LinkSpec("Fine", f"{server}/ok"),
        LinkSpec("Gone", f"{server}/gone"),
        LinkSpec("Moved", f"{server}/moved"),
        LinkSpec("No HEAD", f"{server}/nohead"),
        LinkSpec("Broken", f"{server}/broken"),
        LinkSpec("Nobody", f"http://127.0.0.1:{_closed_port()}/"),
    ]
    dead = check_links(links, timeout=5)
    assert [(d.title, d.status) for d in dead] == [("Gone", 404), ("Broken", 500), ("Nobody", None)]
    assert dead[0].reason == "404 Not Found"
    assert dead[2].reason.startswith("cannot connect")
