"""Discovery from a site's page, and TLS failures that are reported, never worked around."""

from __future__ import annotations

import ssl
import subprocess
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from editor.publish.discovery import discover_rest, discover_xmlrpc
from editor.publish.errors import EndpointError, TLSFailure
from editor.publish.http import HttpClient
from tests.helpers.services import require_service

PAGES: dict[str, tuple[str, bytes]] = {}


class _Handler(BaseHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        ctype, body = PAGES.get(self.path, ("text/html", b"<html>nothing here</html>"))
        self.send_response(200 if self.path in PAGES else 404)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@contextmanager
def _server(context: ssl.SSLContext | None = None) -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    if context is not None:
        server.socket = context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    scheme = "https" if context else "http"
    try:
        yield f"{scheme}://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_rest_api_found_from_the_link_element_in_the_page():
    PAGES.clear()
    PAGES["/"] = ("text/html", b'<html><head><link rel="https://api.w.org/" '
                               b'href="/blog/wp-json/"></head></html>')  # fmt: skip
    with _server() as url:
        assert discover_rest(url + "/", HttpClient(allow_http=False)) == f"{url}/blog/wp-json/"


def test_xmlrpc_found_through_the_rsd_document():
    PAGES.clear()
    PAGES["/"] = ("text/html", b'<link rel="EditURI" type="application/rsd+xml" href="/rsd">')
    PAGES["/rsd"] = ("text/xml", b'<?xml version="1.0"?><rsd version="1.0" '
                     b'xmlns="http://archipelago.phrasewise.com/rsd"><service><apis>'
                     b'<api name="MetaWeblog" blogID="1" apiLink="/rpc.php"/>'
                     b"</apis></service></rsd>")  # fmt: skip
    with _server() as url:
        assert discover_xmlrpc(url, HttpClient(allow_http=False)) == f"{url}/rpc.php"


def test_a_site_without_an_api_says_so():
    PAGES.clear()
    PAGES["/"] = ("text/html", b"<html>just a page</html>")
    with _server() as url, pytest.raises(EndpointError, match="does not advertise"):
        discover_rest(url, HttpClient(allow_http=False))


def test_an_untrusted_certificate_is_a_clear_error_not_a_silent_downgrade(tmp_path):
    key, cert = tmp_path / "key.pem", tmp_path / "cert.pem"
    made = subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
         "-subj", "/CN=127.0.0.1", "-keyout", str(key), "-out", str(cert)],
        capture_output=True,
    )  # fmt: skip
    require_service(made.returncode == 0, "openssl cannot make a test certificate")
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    PAGES.clear()
    PAGES["/"] = ("text/html", b"<html></html>")
    with _server(context) as url, pytest.raises(TLSFailure, match="certificate was refused"):
        HttpClient(allow_http=False).request("checking the login", "GET", url + "/")
