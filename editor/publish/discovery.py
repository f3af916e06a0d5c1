"""Finding a site's API from its home page URL.

REST: the ``Link: <…>; rel="https://api.w.org/"`` header, else ``<link rel="https://api.w.org/">``
in the page. XML-RPC: the RSD document (``<link rel="EditURI">``, else ``/xmlrpc.php?rsd``).
"""

from __future__ import annotations

from html.parser import HTMLParser
from urllib.parse import urljoin

import httpx
from defusedxml import ElementTree

from editor.publish.errors import EndpointError, PublishError
from editor.publish.http import HttpClient

REST_REL = "https://api.w.org/"
RSD_PREFERENCE = ("WordPress", "MetaWeblog", "Movable Type", "Blogger")


class _LinkFinder(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag != "link":
            return
        a = dict(attrs)
        for rel in (a.get("rel") or "").split():
            if a.get("href") and rel not in self.links:
                self.links[rel] = a["href"] or ""


def _page_links(response: httpx.Response) -> dict[str, str]:
    finder = _LinkFinder()
    if "html" in response.headers.get("content-type", ""):
        finder.feed(response.text[:500_000])
    return {rel: urljoin(str(response.url), href) for rel, href in finder.links.items()}


def discover_rest(site_url: str, http: HttpClient) -> str:
    step = f"finding the REST API of {site_url}"
    home = http.request(step, "GET", site_url, follow_redirects=True)
    link = home.links.get(REST_REL)
    if link and link.get("url"):
        return urljoin(str(home.url), link["url"])
    found = _page_links(home).get(REST_REL)
    if found:
        return found
    guess = site_url.rstrip("/") + "/wp-json/"
    probe = http.request(step, "GET", guess, follow_redirects=True)
    if probe.status_code == 200 and "json" in probe.headers.get("content-type", ""):
        return str(probe.url)
    raise EndpointError(
        step,
        "the site does not advertise a WordPress REST API (no "
        f'rel="{REST_REL}" link, and {guess} does not answer)',
    )


def discover_xmlrpc(site_url: str, http: HttpClient) -> str:
    step = f"finding the XML-RPC endpoint of {site_url}"
    home = http.request(step, "GET", site_url, follow_redirects=True)
    rsd_url = _page_links(home).get("EditURI") or site_url.rstrip("/") + "/xmlrpc.php?rsd"
    try:
        rsd = http.request(step, "GET", rsd_url, follow_redirects=True)
    except PublishError:
        rsd = None
    if rsd is not None and rsd.status_code == 200:
        api = _api_from_rsd(rsd.content)
        if api:
            return urljoin(rsd_url, api)
    raise EndpointError(step, f"no RSD document at {rsd_url} naming a MetaWeblog endpoint")


def _api_from_rsd(content: bytes) -> str:
    try:
        root = ElementTree.fromstring(content)
    except Exception:
        return ""
    apis = {}
    for el in root.iter():
        if el.tag.rsplit("}", 1)[-1] == "api" and el.get("apiLink"):
            apis[el.get("name", "")] = el.get("apiLink", "")
    for name in RSD_PREFERENCE:
        if name in apis:
            return apis[name]
    return ""
