"""URLs read the way browsers read them (the WHATWG URL standard, through ``ada-url``).

Every decision that depends on a URL's scheme or host is made here, on the parse a browser
would make: ``urllib.parse`` disagrees with browsers about backslashes, tabs and newlines inside
a URL, userinfo, percent-encoded dots and IDN, and an allowlist that reads a URL differently
from the browser can be walked around.
"""

from __future__ import annotations

from dataclasses import dataclass

import ada_url

from editor.errors import InputError

LINK_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
WEB_SCHEMES = frozenset({"http", "https"})
MAX_URL = 2000
# Stands in for the blog when a relative URL is checked: a relative URL stays on the blog.
_BASE = "https://blog.byline.invalid/"


@dataclass(frozen=True)
class ParsedUrl:
    scheme: str  # lower case, without the colon
    host: str  # canonical: lower case, punycode, without a trailing dot ('' for mailto:)
    path: str
    has_credentials: bool
    href: str  # the browser's serialisation
    relative: bool  # it had no scheme of its own (resolved against the page)


def parse_url(text: str) -> ParsedUrl | None:
    """The browser's reading of ``text`` (absolute, or relative to a page), or None when a
    browser would not follow it at all."""
    relative = False
    try:
        url = ada_url.URL(text)
    except ValueError:
        try:
            url = ada_url.URL(text, _BASE)
        except ValueError:
            return None
        relative = True
    return ParsedUrl(
        scheme=url.protocol.rstrip(":").lower(),
        host=url.hostname.lower().removesuffix("."),
        path=url.pathname,
        has_credentials=bool(url.username or url.password),
        href=url.href,
        relative=relative,
    )


def url_scheme(text: str) -> str | None:
    """The scheme a browser would use for ``text``; None for a relative URL."""
    parsed = parse_url(text)
    if parsed is None or parsed.relative:
        return None
    return parsed.scheme


def is_safe_link(text: str, *, allow_relative: bool = True) -> bool:
    """A link a page may emit: http(s), mailto or tel, or (``allow_relative``) one that stays
    on the blog or the page. Empty is safe (nothing is emitted)."""
    if not text.strip():
        return True
    parsed = parse_url(text)
    if parsed is None:
        return False
    if parsed.relative:
        return allow_relative and parsed.scheme in WEB_SCHEMES
    return parsed.scheme in LINK_SCHEMES


def check_web_url(text: str, *, field: str) -> str:
    """An absolute http(s) URL without credentials, or :class:`InputError` naming ``field``.
    Returns ``text`` stripped (not re-serialised: what the user typed is what is stored)."""
    value = text.strip()
    if len(value) > MAX_URL:
        raise InputError(f"{field}: the URL is longer than {MAX_URL} characters.")
    if any(ch.isspace() or ord(ch) < 32 or ord(ch) == 127 for ch in value):
        raise InputError(f"{field}: {value!r} contains spaces or control characters.")
    parsed = parse_url(value)
    if parsed is None or parsed.relative or parsed.scheme not in WEB_SCHEMES or not parsed.host:
        raise InputError(f"{field}: {value!r} is not an http:// or https:// address.")
    if parsed.has_credentials:
        raise InputError(f"{field}: {value!r} has a user name or password in it.")
    return value


def same_host(url: ParsedUrl, host: str) -> bool:
    """``url`` is on ``host`` (compared canonically: case, IDN and a trailing dot)."""
    try:
        canonical = ada_url.URL(f"https://{host}/").hostname.lower().removesuffix(".")
    except ValueError:
        return False
    return url.host == canonical
