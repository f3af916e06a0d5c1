"""HTTP for the publishing clients: URL policy, timeouts, retries and errors that name the step.

Plain http is allowed only to this machine (localhost, 127.0.0.1, ::1) or to a target that opted
in explicitly; certificate checks are always on. Only idempotent calls (GET) are retried here:
a POST that may have reached the server is never blindly repeated — the push service looks for
its marker first.
"""

from __future__ import annotations

import logging
import ssl
import time
from collections.abc import Callable
from typing import Any

import httpx

from editor.errors import InputError
from editor.formats.urls import parse_url
from editor.publish import cancel as push_cancel
from editor.publish.errors import (
    InsecureURLError,
    NetworkError,
    PublishError,
    ServerError,
    TLSFailure,
)

log = logging.getLogger(__name__)

LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1"}
DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=10.0)
GET_RETRIES = 3
BACKOFF = 0.5


def check_url(url: str, *, allow_http: bool, what: str = "site URL") -> str:
    """The URL, normalised, or an error saying why it is refused. Scheme and host are read as
    a browser (and httpx) reads them, so ``http://evil\\@127.0.0.1/`` is not "this machine"."""
    parts = parse_url(url.strip())
    if parts is None or parts.relative or parts.scheme not in ("http", "https") or not parts.host:
        raise InputError(f"{what} {url!r} is not an http(s) URL")
    host = parts.host.strip("[]")
    if parts.scheme == "http" and host not in LOCAL_HOSTS and not allow_http:
        raise InsecureURLError(
            f"{what} {url!r} uses plain http: the password would travel unencrypted. "
            "Use https, or add the target with --allow-http if you accept that."
        )
    return url.strip()


class HttpClient:
    """One connection pool per target and session; ``sleep`` is injectable for tests."""

    def __init__(
        self,
        *,
        allow_http: bool,
        auth: tuple[str, str] | None = None,
        timeout: httpx.Timeout = DEFAULT_TIMEOUT,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.allow_http = allow_http
        self._client = httpx.Client(
            auth=auth, timeout=timeout, verify=True, headers={"User-Agent": "Byline"},
            # Every request, redirects included, meets the same policy before it is sent.
            event_hooks={"request": [self._check_request]},
        )  # fmt: skip
        self._sleep = sleep

    def _check_request(self, request: httpx.Request) -> None:
        check_url(str(request.url), allow_http=self.allow_http, what="API URL")

    def close(self) -> None:
        self._client.close()

    def request(self, step: str, method: str, url: str, **kwargs: Any) -> httpx.Response:
        check_url(url, allow_http=self.allow_http, what="API URL")
        attempts = GET_RETRIES if method == "GET" else 1
        stop = push_cancel.current()  # a push the window may stop (see editor.publish.cancel)
        if stop is not None:
            kwargs["extensions"] = {**kwargs.get("extensions", {}), "trace": stop.trace}
        for attempt in range(1, attempts + 1):
            if stop is not None:
                stop.check(step)
            try:
                response = self._client.request(method, url, **kwargs)
            except PublishError:
                raise
            except httpx.HTTPError as exc:
                if stop is not None:
                    stop.check(step)  # woken by the cancel, not a network failure
                error = _network_error(step, exc)
                if attempt == attempts or not error.retryable:
                    raise error from None
            else:
                if response.status_code < 500 or attempt == attempts:
                    return response
                error = ServerError(step, f"server error {response.status_code}")
            log.info("%s: %s; retrying (%d/%d)", step, error.detail, attempt, attempts)
            if stop is not None and self._sleep is time.sleep:
                stop.wait(BACKOFF * 2 ** (attempt - 1))
            else:
                self._sleep(BACKOFF * 2 ** (attempt - 1))
        raise AssertionError("unreachable")  # pragma: no cover


def _network_error(step: str, exc: httpx.HTTPError) -> PublishError:
    cause: BaseException | None = exc
    while cause is not None:
        if isinstance(cause, ssl.SSLCertVerificationError):
            return TLSFailure(step, f"the site's certificate was refused ({cause.verify_message})")
        if isinstance(cause, ssl.SSLError):
            return TLSFailure(step, f"TLS failed ({cause.reason or cause})")
        cause = cause.__cause__ or cause.__context__
    if isinstance(exc, httpx.TimeoutException):
        return NetworkError(step, f"no answer in time ({type(exc).__name__})")
    if isinstance(exc, httpx.ConnectError):
        return NetworkError(step, f"cannot connect ({exc})")
    return NetworkError(step, f"the connection failed ({type(exc).__name__}: {exc})")
