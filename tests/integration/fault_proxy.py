"""A fault-injecting HTTP proxy on 127.0.0.1, in front of the real test WordPress.

Each rule matches one request (method, a path fragment, a body fragment) and fires a limited
number of times: drop the connection before or after forwarding (the server did the work, the
client never hears of it), stall, or answer 500 / 413 / a malformed body instead.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx

HOP_HEADERS = {"connection", "keep-alive", "transfer-encoding", "content-length", "host",
               "content-encoding"}  # fmt: skip


@dataclass
class Rule:
    action: str  # drop-before | drop-after | 500-after | stall | 500 | 413 | malformed | html
    method: str = "POST"
    path: str = ""
    body: bytes = b""
    times: int = 1
    skip: int = 0  # let this many matching requests through first
    fired: int = 0
    seen: int = 0


@dataclass
class FaultProxy:
    upstream: str
    rules: list[Rule] = field(default_factory=list)
    log: list[tuple[str, str, str]] = field(default_factory=list)  # method, path, outcome
    release: threading.Event = field(default_factory=threading.Event)
    url: str = ""

    def add(self, action: str, method: str = "POST", path: str = "", body: bytes = b"",
            times: int = 1, skip: int = 0) -> Rule:  # fmt: skip
        rule = Rule(action, method, path, body, times, skip)
        self.rules.append(rule)
        return rule

    def clear(self) -> None:
        self.rules.clear()

    def match(self, method: str, path: str, body: bytes) -> Rule | None:
        for rule in self.rules:
            if rule.fired >= rule.times or rule.method != method:
                continue
            if rule.path in path and rule.body in body:
                rule.seen += 1
                if rule.seen <= rule.skip:
                    continue
                rule.fired += 1
                return rule
        return None

    def fired(self) -> int:
        return sum(r.fired for r in self.rules)


def _handler(proxy: FaultProxy, upstream: httpx.Client) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: object) -> None:  # quiet
            pass

        def _drop(self) -> None:
            self.close_connection = True
            with suppress(OSError):
                self.connection.shutdown(socket.SHUT_RDWR)

        def _send(self, status: int, body: bytes, ctype: str) -> None:
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def _any(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            rule = proxy.match(self.command, self.path, body)
            action = rule.action if rule else "forward"
            proxy.log.append((self.command, self.path, action))
            if action == "drop-before":
                return self._drop()
            if action == "stall":
                proxy.release.wait(timeout=15)
                return self._drop()
            if action == "500":
                return self._send(500, b"<h1>Internal Server Error</h1>", "text/html")
            if action == "413":
                return self._send(413, b"<h1>Request Entity Too Large</h1>", "text/html")
            if action == "malformed":
                return self._send(200, b'{"id": 12, "title": ', "application/json")
            if action == "html":
                return self._send(200, b"<html><body>Welcome</body></html>", "text/html")
            headers = {k: v for k, v in self.headers.items() if k.lower() not in HOP_HEADERS}
            reply = upstream.request(self.command, proxy.upstream + self.path, content=body,
                                     headers=headers)  # fmt: skip
            if action == "drop-after":  # the server did it; the client never hears
                return self._drop()
            if action == "500-after":  # the server did it, then a proxy failed
                return self._send(502, b"<h1>Bad Gateway</h1>", "text/html")
            self.send_response(reply.status_code)
            for k, v in reply.headers.items():
                if k.lower() not in HOP_HEADERS:
                    self.send_header(k, v)
            self.send_header("Content-Length", str(len(reply.content)))
            self.end_headers()
            self.wfile.write(reply.content)

        do_GET = do_POST = do_PUT = do_DELETE = _any

    return Handler


@contextmanager
def fault_proxy(upstream: str) -> Iterator[FaultProxy]:
    proxy = FaultProxy(upstream.rstrip("/"))
    client = httpx.Client(timeout=60)
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(proxy, client))
    server.daemon_threads = True
    proxy.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield proxy
    finally:
        proxy.release.set()
        server.shutdown()
        server.server_close()
        client.close()
