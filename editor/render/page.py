"""The whole page: a theme's Jinja2 template around the rendered body.

``render_page`` never raises for a theme problem: a broken template gives an error page that
says what is wrong (and still shows the text), so the preview keeps working while a user edits
a theme.
"""

from __future__ import annotations

import html as html_lib
import logging
import traceback
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, Literal

import jinja2
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup

from editor import __version__
from editor.render.body import BodyRenderer, RenderedBody
from editor.render.context import PageData
from editor.render.head import json_ld_script, meta_tags
from editor.render.page_urls import safe_page_data
from editor.render.sanitize import Removal
from editor.render.themes import Theme
from editor.render.typography import smarten

log = logging.getLogger(__name__)

Mode = Literal["preview", "export"]


@dataclass(frozen=True)
class RenderedPage:
    html: str
    removed: list[Removal] = field(default_factory=list)
    error: str | None = None  # the theme could not render the page; ``html`` explains it
    body: RenderedBody | None = None


def render_page(
    data: PageData,
    *,
    theme: Theme,
    mode: Mode = "export",
    asset_prefix: str = "assets/",
    body: RenderedBody | None = None,
) -> RenderedPage:
    """The page for ``data``. ``asset_prefix`` is prepended to the theme's asset files
    (``assets/`` in an export; the preview passes a URL of the theme's assets folder).
    ``body`` is the already rendered body (the preview's cached one); by default the body
    is rendered whole."""
    if body is None:
        body = BodyRenderer(resolve_photo=data.photos.get).render_full(data.body)
    data, unsafe = safe_page_data(data)
    if unsafe:
        body = replace(body, removed=[*body.removed, *unsafe])
    data = typeset(data)
    if theme.error:
        return _failed(data, body, theme, theme.error)
    try:
        template = _environment(theme.templates_dir).get_template(theme.template)
        html = template.render(_context(data, body, theme, mode, asset_prefix))
    except jinja2.TemplateSyntaxError as exc:
        where = f"{exc.filename or exc.name}, line {exc.lineno}"
        return _failed(data, body, theme, f"template error in {where}: {exc.message}")
    except Exception as exc:  # a theme is user code: whatever it does, the preview survives
        log.debug("theme %s failed", theme.name, exc_info=True)
        return _failed(data, body, theme, f"{type(exc).__name__}: {exc}{_where(exc, theme)}")
    return RenderedPage(html=html, removed=list(body.removed), body=body)


def _where(exc: BaseException, theme: Theme) -> str:
    """ " in FILE, line N" for the innermost template line the error went through."""
    folder = str(theme.templates_dir)
    where = ""
    for frame, line in traceback.walk_tb(exc.__traceback__):
        name = frame.f_code.co_filename
        if name.startswith(folder):
            where = f" (in {name[len(folder) :].lstrip('/')}, line {line})"
    return where


_ENVIRONMENTS: dict[Path, SandboxedEnvironment] = {}


def _environment(folder: Path) -> SandboxedEnvironment:
    env = _ENVIRONMENTS.get(folder)
    if env is None:
        env = SandboxedEnvironment(
            loader=jinja2.FileSystemLoader(str(folder)),
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            auto_reload=True,
        )
        _ENVIRONMENTS[folder] = env
    return env


@dataclass(frozen=True)
class When:
    """A moment as the page shows it."""

    iso: str  # "2026-11-20T08:30:00-04:00", or "2026-11-20" for a date alone
    date: str  # "November 20, 2026"
    time: str  # "8:30 a.m." ("" for a date alone)
    zone: str  # "BOT", "UTC−04:00" ("" for a date alone)

    @property
    def text(self) -> str:
        """The whole moment in words: "November 20, 2026, 8:30 a.m. BOT" or the date alone."""
        return f"{self.date}, {self.time} {self.zone}".strip() if self.time else self.date

    @classmethod
    def of(cls, moment: datetime, *, date_only: bool = False) -> When:
        date = f"{moment:%B} {moment.day}, {moment.year}"
        if date_only:
            return cls(iso=moment.date().isoformat(), date=date, time="", zone="")
        hour = moment.hour % 12 or 12
        meridiem = "a.m." if moment.hour < 12 else "p.m."
        zone = moment.tzname() or ""
        if not zone.isalpha():
            offset = moment.utcoffset() or timedelta(0)
            minutes = int(offset.total_seconds() // 60)
            sign = "+" if minutes >= 0 else "−"
            zone = f"UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
        return cls(
            iso=moment.isoformat(timespec="seconds"),
            date=date,
            time=f"{hour}:{moment:%M} {meridiem}",
            zone=zone,
        )


def _context(
    data: PageData, body: RenderedBody, theme: Theme, mode: Mode, asset_prefix: str
) -> dict[str, Any]:
    published = data.local_published()
    updated = data.local_updated()
    show_updated = shows_updated(published, updated, date_only=data.date_only)
    title = f"{data.headline} | {data.blog.name}" if data.headline else data.blog.name
    return {
        "page": data,
        "blog": data.blog,
        "mode": mode,
        "title": title,
        "body_html": Markup(body.html),
        "meta": meta_tags(data),
        "json_ld": Markup(json_ld_script(data)),
        "canonical_url": data.canonical_url,
        "comments_url": data.comments_url,
        "tag_links": data.tag_links,
        "home_url": data.blog.url or "#main",
        "published": When.of(published, date_only=data.date_only) if published else None,
        "updated": When.of(updated) if show_updated and updated else None,
        "stylesheets": [(asset_prefix + s.file, s.media) for s in theme.stylesheets],
        "asset_prefix": asset_prefix,
        "generator": f"Byline {__version__}",
        "year": (published or datetime.now()).year,
    }


def shows_updated(
    published: datetime | None, updated: datetime | None, *, date_only: bool = False
) -> bool:
    """Whether the page says "Updated": the writer changed the post after it came out (more
    than an hour later; on a later day when only the publication date is known)."""
    if published is None or updated is None:
        return False
    if date_only:
        return updated.date() > published.date()
    return updated - published > timedelta(hours=1)


def typeset(data: PageData) -> PageData:
    """The page's shown text with curly quotes, dashes and ellipses, as the body has them."""
    blog = replace(data.blog, name=smarten(data.blog.name),
                   description=smarten(data.blog.description))  # fmt: skip
    photo = data.lead_photo
    if photo is not None:
        photo = replace(photo, caption=smarten(photo.caption))
    return replace(
        data,
        blog=blog,
        headline=smarten(data.headline),
        deck=smarten(data.deck),
        lead_photo=photo,
        sidebar=[replace(entry, title=smarten(entry.title)) for entry in data.sidebar],
    )


def _failed(data: PageData, body: RenderedBody, theme: Theme, message: str) -> RenderedPage:
    esc = html_lib.escape
    page = f"""<!DOCTYPE html>
<html lang="{esc(data.blog.language or "en")}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Theme error: {esc(theme.name)}</title>
<style>
body {{ font: 1rem/1.6 system-ui, sans-serif; margin: 0 auto; max-width: 44rem; padding: 1.5rem;
       color: #1d1d1f; }}
.theme-error {{ border: 2px solid #b00020; background: #fff4f4; padding: 1rem 1.25rem;
               border-radius: 6px; }}
.theme-error h1 {{ font-size: 1.2rem; margin: 0 0 .5rem; color: #8a0018; }}
.theme-error pre {{ white-space: pre-wrap; margin: 0; }}
</style>
</head>
<body>
<main id="main">
<div class="theme-error" role="alert">
<h1>The theme “{esc(theme.name)}” cannot show this page</h1>
<pre>{esc(message)}</pre>
<p>Fix the theme (or pick another one for the blog); the text below is unstyled meanwhile.</p>
</div>
<article>
<h2>{esc(data.headline)}</h2>
<div id="article-body">
{body.html}
</div>
</article>
</main>
</body>
</html>
"""
    return RenderedPage(html=page, removed=list(body.removed), error=message, body=body)
