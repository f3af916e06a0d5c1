"""An optional check, when online, that sidebar links still answer. It reports; it never removes."""

from __future__ import annotations

from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Protocol

import httpx

from editor import __version__

USER_AGENT = f"Byline/{__version__} (link check)"


class HasUrl(Protocol):
    @property
    def title(self) -> str: ...
    @property
    def url(self) -> str: ...


@dataclass(frozen=True)
class DeadLink:
    title: str
    url: str
    status: int | None  # the HTTP status, or None when the server could not be reached
    reason: str


def check_links(
    links: Iterable[HasUrl], timeout: float = 10.0, *, workers: int = 4
) -> list[DeadLink]:
    """The links that do not answer with a success (after redirects), in the order given.

    HEAD first; servers that refuse HEAD are asked again with GET (the body is not read).
    """
    items = list(links)
    with (
        httpx.Client(
            timeout=timeout, follow_redirects=True, headers={"User-Agent": USER_AGENT}
        ) as client,
        ThreadPoolExecutor(max_workers=max(1, workers)) as pool,
    ):
        results = list(pool.map(lambda link: _check(client, link), items))
    return [dead for dead in results if dead is not None]


def _check(client: httpx.Client, link: HasUrl) -> DeadLink | None:
    try:
        response = client.head(link.url)
        if response.status_code in (403, 405, 501) or response.status_code >= 500:
            with client.stream("GET", link.url) as streamed:
                response = streamed
    except httpx.TimeoutException:
        return DeadLink(link.title, link.url, None, "timed out")
    except httpx.HTTPError as exc:
        return DeadLink(link.title, link.url, None, _reason(exc))
    if response.status_code >= 400:
        phrase = response.reason_phrase or "error"
        return DeadLink(
            link.title, link.url, response.status_code, f"{response.status_code} {phrase}"
        )
    return None


def _reason(exc: httpx.HTTPError) -> str:
    text = str(exc) or type(exc).__name__
    if isinstance(exc, httpx.ConnectError):
        return f"cannot connect ({text})"
    return text
