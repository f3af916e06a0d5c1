"""Opening a client for a target kind."""

from __future__ import annotations

import time
from collections.abc import Callable

import httpx

from editor.errors import InputError
from editor.publish.base import TargetClient
from editor.publish.http import DEFAULT_TIMEOUT, HttpClient, check_url
from editor.publish.metaweblog import MetaWeblogClient
from editor.publish.wordpress import WordPressClient

KINDS = ("wordpress", "metaweblog")


def open_client(
    kind: str,
    api_url: str,
    user: str,
    password: str,
    *,
    allow_http: bool,
    timeout: httpx.Timeout = DEFAULT_TIMEOUT,
    sleep: Callable[[float], None] = time.sleep,
) -> TargetClient:
    check_url(api_url, allow_http=allow_http, what="API URL")
    if kind == "wordpress":
        http = HttpClient(
            allow_http=allow_http, auth=(user, password), timeout=timeout, sleep=sleep
        )
        return WordPressClient(api_url, http)
    if kind == "metaweblog":
        http = HttpClient(allow_http=allow_http, timeout=timeout, sleep=sleep)
        return MetaWeblogClient(api_url, user, password, http)
    raise InputError(f"unknown target kind {kind!r} (one of: {', '.join(KINDS)})")
