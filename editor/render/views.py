"""Plain values the renderer shows: a photo as the page uses it, a sidebar entry."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class PhotoView:
    """A photo ready for the page: ``src``/``srcset`` already point where this page finds it
    (relative ``images/...`` in an export, a local URL in the preview). ``srcset`` lists the
    JPEG renditions; ``webp_srcset``, when there is one, the same widths in WebP, which the
    page offers first through ``<picture>`` (smaller files; the JPEG stays the fallback)."""

    src: str
    width: int
    height: int
    alt: str = ""
    srcset: str = ""
    sizes: str = ""
    webp_srcset: str = ""
    caption: str = ""
    credit: str = ""
    copyright: str = ""


@dataclass(frozen=True)
class SidebarEntry:
    """One line of the "Recent posts" sidebar."""

    title: str
    url: str
    date: datetime | None = None
    label: str = ""
