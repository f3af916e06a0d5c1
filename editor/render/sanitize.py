"""The allowlist a guest's draft is held to, enforced by nh3 and explained to the writer.

nh3 removes silently, so :func:`audit` walks the same HTML first and reports, in words a writer
understands, everything the policy is about to drop. Both use :class:`Policy`, so the report and
the result cannot drift apart; nh3 (html5ever) stays the only thing that decides what survives.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from html import unescape
from html.parser import HTMLParser

import nh3

from editor.formats.urls import parse_url, same_host


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


@dataclass(frozen=True)
class Removal:
    """One thing taken out of the draft, and why (shown in the GUI and ``render --report``)."""

    what: str
    why: str

    def __str__(self) -> str:
        return f"{self.what}: {self.why}"


ALLOWED_TAGS = _words(
    "a abbr aside b blockquote br caption cite code dd del div dl dt em figcaption figure "
    "h2 h3 h4 h5 h6 hr i iframe img ins kbd li mark ol p picture pre q s samp small source "
    "span strong sub sup table tbody td tfoot th thead time tr u ul"
)
# Removed together with their content (everything else that is not allowed keeps its text).
CONTENT_TAGS = _words("script style template textarea select noscript svg math object title")
GLOBAL_ATTRIBUTES = frozenset({"id", "class", "title", "lang", "dir"})
TAG_ATTRIBUTES: dict[str, frozenset[str]] = {
    "a": frozenset({"href", "hreflang"}),
    "aside": frozenset({"aria-label"}),
    "blockquote": frozenset({"cite"}),
    "q": frozenset({"cite"}),
    "img": frozenset({"src", "srcset", "sizes", "alt", "width", "height", "loading", "decoding"}),
    "source": frozenset({"srcset", "sizes", "type"}),  # in <picture>: the post's own photos only
    "iframe": frozenset(
        {"src", "title", "width", "height", "allow", "allowfullscreen", "loading", "referrerpolicy"}
    ),
    "ol": frozenset({"start", "reversed"}),
    "td": frozenset({"colspan", "rowspan", "style"}),
    "th": frozenset({"colspan", "rowspan", "style", "scope"}),
    "time": frozenset({"datetime"}),
}
LINK_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
URL_ATTRIBUTES = frozenset({"href", "src", "cite"})
# Embeds a newsroom uses, by host and path prefix; always over https.
IFRAME_HOSTS: dict[str, str] = {
    "www.youtube-nocookie.com": "/embed/",
    "player.vimeo.com": "/video/",
    "www.dailymotion.com": "/embed/",
    "w.soundcloud.com": "/player/",
    "open.spotify.com": "/embed/",
    "datawrapper.dwcdn.net": "/",
    "flo.uri.sh": "/",
    "www.openstreetmap.org": "/export/embed.html",
}
# Ids the page template uses itself: a post may not take them.
RESERVED_IDS = frozenset(
    {"article-body", "main", "site-nav", "site-search", "recent-posts", "comments", "top"}
)

_IMAGE_TYPE = re.compile(r"^image/[a-z0-9.+-]+$")
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
_INVISIBLE = re.compile(r"[\x00-\x20\x7f]+")


@lru_cache(maxsize=4096)  # the audit and nh3's filter both ask for every link of a render
def url_scheme(value: str) -> str | None:
    """The scheme a browser would see (it ignores whitespace and control characters); a URL a
    browser cannot parse at all counts as having an unknown scheme."""
    match = _SCHEME.match(_INVISIBLE.sub("", value))
    scheme = match.group(1).lower() if match else None
    parsed = parse_url(value)
    if parsed is None:
        return scheme or "invalid"
    return scheme if parsed.relative else parsed.scheme


def _shorten(url: str, limit: int = 80) -> str:
    return url if len(url) <= limit else url[: limit - 1] + "…"


@dataclass
class Policy:
    """Decides each attribute value; ``trusted_images`` are the ``src``/``srcset`` values of the
    post's own photos (the only images a page may show)."""

    trusted_images: set[str] = field(default_factory=set)

    def check(self, tag: str, name: str, value: str) -> tuple[str | None, Removal | None]:
        if name == "id" and value in RESERVED_IDS:
            return None, Removal(f'id "{value}" on <{tag}>', "the page uses this id itself")
        if tag in ("img", "source") and name in ("src", "srcset"):
            return self._image(name, value)
        if tag == "source" and name == "type" and not _IMAGE_TYPE.match(value):
            return None, Removal(f'type "{value}" on <source>', "not an image type")
        if tag == "iframe" and name == "src":
            return self._frame(value)
        if name in URL_ATTRIBUTES:
            scheme = url_scheme(value)
            if scheme is not None and scheme not in LINK_SCHEMES:
                return None, Removal(
                    f"{scheme}: link on <{tag}>" if tag != "a" else f"{scheme}: link",
                    "links may only use http, https, mailto or tel",
                )
        return value, None

    def _image(self, name: str, value: str) -> tuple[str | None, Removal | None]:
        if value in self.trusted_images:
            return value, None
        if name == "srcset":
            return None, Removal("image srcset", "images come only from the post's photos")
        scheme = url_scheme(value)
        if scheme in ("http", "https") or value.strip().startswith("//"):
            return None, Removal(
                f"remote image {_shorten(value.strip())}",
                "remote images can track readers; add the photo to the post instead",
            )
        if scheme == "photo":
            return None, Removal(
                f"photo reference {value.strip()} in HTML",
                "write photos as ![alt text](photo:ID)",
            )
        label = f"{scheme}: image" if scheme else f"image {_shorten(value.strip())}"
        return None, Removal(label, "images come only from the post's photos")

    def _frame(self, value: str) -> tuple[str | None, Removal | None]:
        # The browser's reading of the URL decides (WHATWG), never urllib's: they disagree on
        # backslashes, userinfo, tabs, percent-encoded dots and IDN. The page gets the
        # canonical serialisation, so what was checked is exactly what the browser loads.
        parts = parse_url(value.strip())
        if (
            parts is not None
            and not parts.relative
            and parts.scheme == "https"
            and not parts.has_credentials
            and parts.path.startswith(IFRAME_HOSTS.get(parts.host, "\0"))
            and any(same_host(parts, host) for host in IFRAME_HOSTS)
        ):
            return parts.href, None
        host = (parts.host if parts else "") or value.strip() or "nowhere"
        return None, Removal(
            f"embedded frame from {_shorten(host)}",
            "only video, audio, chart and map players on the allowlist may be embedded",
        )

    def attribute_allowed(self, tag: str, name: str) -> bool:
        return name in GLOBAL_ATTRIBUTES or name in TAG_ATTRIBUTES.get(tag, ())


class Sanitizer:
    """nh3 configured with :class:`Policy`; ``clean`` returns the safe HTML."""

    def __init__(self, policy: Policy | None = None) -> None:
        self.policy = policy or Policy()
        attributes: dict[str, set[str]] = {"*": set(GLOBAL_ATTRIBUTES)}
        for tag, names in TAG_ATTRIBUTES.items():
            attributes[tag] = set(names)
        self._cleaner = nh3.Cleaner(
            tags=set(ALLOWED_TAGS),
            clean_content_tags=set(CONTENT_TAGS),
            attributes=attributes,
            attribute_filter=self._filter,
            url_schemes=set(LINK_SCHEMES),
            link_rel=None,
            filter_style_properties={"text-align"},
            strip_comments=True,
        )

    def _filter(self, tag: str, name: str, value: str) -> str | None:
        return self.policy.check(tag, name, value)[0]

    def clean(self, html: str) -> str:
        cleaned = self._cleaner.clean(html)
        if "<img" in cleaned or "<iframe" in cleaned:
            cleaned = _drop_sourceless(cleaned)
        if "<source" in cleaned or "<picture" in cleaned:
            cleaned = _fix_pictures(cleaned)
        if "<a" in cleaned:
            cleaned = _unlink_hrefless(cleaned)
        return cleaned

    def audit(self, html: str, *, markdown_only: bool = False) -> list[Removal]:
        """What :meth:`clean` will remove from ``html``. ``markdown_only``: the HTML came from
        Markdown without raw HTML or attribute lists, so only link targets need a look."""
        if markdown_only:
            removed = []
            for match in _LINK.finditer(html):
                removal = self.policy.check("a", "href", unescape(match.group(1)))[1]
                if removal is not None:
                    removed.append(removal)
            return removed
        auditor = _Auditor(self.policy)
        auditor.feed(html)
        auditor.close()
        return auditor.removed


_LINK = re.compile(r'<a\b[^>]*?\shref="([^"]*)"')
_IMG = re.compile(r"""<img\b(?:[^>"']|"[^"]*"|'[^']*')*>""")
_IFRAME = re.compile(r"""<iframe\b(?:[^>"']|"[^"]*"|'[^']*')*>.*?</iframe>""", re.S)
_SRC = re.compile(r"""\ssrc=""")
_TITLE = re.compile(r"""\stitle=""")


def _drop_sourceless(html: str) -> str:
    """Take out images and frames whose ``src`` the policy refused (an empty one is invalid);
    give a frame without a title one (screen readers announce frames by their title)."""

    def keep(match: re.Match[str]) -> str:
        tag = match.group(0)
        head = _strip_quoted(tag.split(">", 1)[0] if tag.startswith("<iframe") else tag)
        if not _SRC.search(head):
            return ""
        if tag.startswith("<iframe") and not _TITLE.search(head):
            tag = '<iframe title="Embedded media"' + tag[len("<iframe") :]  # frames need a name
        return tag

    return _IFRAME.sub(keep, _IMG.sub(keep, html))


_SOURCE = re.compile(r"""<source\b(?:[^>"']|"[^"]*"|'[^']*')*>""")
_SRCSET = re.compile(r"""\ssrcset=""")
_PICTURE = re.compile(r"""(<picture\b(?:[^>"']|"[^"]*"|'[^']*')*>)(.*?)</picture>""", re.S)


def _fix_pictures(html: str) -> str:
    """A ``<source>`` whose ``srcset`` the policy refused goes (it offers nothing), and so does
    one outside a ``<picture>`` (invalid there); a ``<picture>`` left without its ``img`` gives
    way to what it still holds."""

    def offered(match: re.Match[str]) -> str:
        return match.group(0) if _SRCSET.search(_strip_quoted(match.group(0))) else ""

    out, last = [], 0
    for match in _PICTURE.finditer(html):
        out.append(_SOURCE.sub("", html[last : match.start()]))
        inner = _SOURCE.sub(offered, match.group(2))
        out.append(f"{match.group(1)}{inner}</picture>" if "<img" in inner else inner)
        last = match.end()
    out.append(_SOURCE.sub("", html[last:]))
    return "".join(out)


_ANCHOR = re.compile(r"""<a\b((?:[^>"']|"[^"]*"|'[^']*')*)>(.*?)</a>""", re.S)
_HREF = re.compile(r"""\shref=""")
_KEPT_ON_SPAN = re.compile(r'\s(?:id|class|title|lang|dir)="[^"]*"')


def _unlink_hrefless(html: str) -> str:
    """A link whose target the policy refused is left as ``<a>`` without ``href``: still
    link-coloured, yet going nowhere. Make it plain text (a span where it carries an id or
    class a reader or a footnote may need)."""

    def unlink(match: re.Match[str]) -> str:
        attributes = match.group(1)
        if _HREF.search(_strip_quoted(attributes)):
            return match.group(0)
        kept = "".join(_KEPT_ON_SPAN.findall(attributes))
        return f"<span{kept}>{match.group(2)}</span>" if kept else match.group(2)

    return _ANCHOR.sub(unlink, html)


def _strip_quoted(tag: str) -> str:
    return re.sub(r""""[^"]*"|'[^']*'""", '""', tag)


class _Auditor(HTMLParser):
    """Lists what the policy removes, in the order it appears."""

    def __init__(self, policy: Policy) -> None:
        super().__init__(convert_charrefs=True)
        self.policy = policy
        self.removed: list[Removal] = []
        self._hidden = 0  # inside a tag removed with its content

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._start(tag, attrs)
        if tag in CONTENT_TAGS and tag not in ("script", "style"):  # those two are raw text
            self._hidden += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._start(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag in CONTENT_TAGS and tag not in ("script", "style") and self._hidden:
            self._hidden -= 1

    def handle_comment(self, data: str) -> None:
        if not self._hidden:
            self.removed.append(Removal("HTML comment", "comments are not published"))

    def _start(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._hidden:
            return
        if tag not in ALLOWED_TAGS:
            self.removed.append(_tag_removal(tag))
            return
        for name, value in attrs:
            if not self.policy.attribute_allowed(tag, name):
                why = (
                    "event handlers run scripts"
                    if name.startswith("on")
                    else "not allowed in a post"
                )
                self.removed.append(Removal(f"{name} attribute on <{tag}>", why))
                continue
            removal = self.policy.check(tag, name, value or "")[1]
            if removal is not None:
                self.removed.append(removal)


def _tag_removal(tag: str) -> Removal:
    if tag == "script":
        return Removal("script element", "scripts never run in the page")
    if tag == "style":
        return Removal("style element", "the theme styles the page")
    if tag in CONTENT_TAGS:
        return Removal(f"<{tag}> element", "not allowed in a post (removed with its content)")
    if tag in ("iframe", "frame", "frameset", "embed", "object", "applet"):
        return Removal(f"<{tag}> element", "embedded content is not allowed")
    if tag in ("form", "input", "button", "textarea", "select"):
        return Removal(f"<{tag}> element", "forms are not allowed in a post (its text is kept)")
    if tag == "h1":
        return Removal("<h1> element", "the headline is the page's only h1 (its text is kept)")
    return Removal(f"<{tag}> element", "not allowed in a post (its text is kept)")
