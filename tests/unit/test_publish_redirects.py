"""A redirect during API discovery is held to the same http/https policy as the URL the user
gave (issue 14, item 14): plain http to another machine is refused before connecting."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from editor.publish.discovery import discover_rest, discover_xmlrpc
from editor.publish.errors import InsecureURLError
from editor.publish.http import HttpClient, check_url

ASKED: list[str] = []


class _Redirect(BaseHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        ASKED.append(self.path)
        self.send_response(302)
        # .invalid never resolves: the test can only pass by refusing before connecting
        self.send_header("Location", "http://news.example.invalid/wp-json/")
        self.send_header("Content-Length", "0")
        self.end_headers()


@contextmanager
def _server() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Redirect)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.parametrize("discover", [discover_rest, discover_xmlrpc])
def test_a_redirect_to_plain_http_elsewhere_is_refused(discover):
    with _server() as url:
        http = HttpClient(allow_http=False)
        try:
            with pytest.raises(InsecureURLError, match="plain http"):
                discover(url, http)
        finally:
            http.close()


def test_the_local_exception_reads_hosts_like_a_browser():
    # urllib reads the host as 127.0.0.1; a WHATWG parser (a browser) reads evil.example
    with pytest.raises(InsecureURLError):
        check_url("http://evil.example\\@127.0.0.1/", allow_http=False)
