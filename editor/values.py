"""Values of the data model that code without the ORM needs: the ORM-free read of
``byline render`` (:mod:`editor.store.sqlite_read`), themes, the sidebar's pure rules.

``editor.model`` re-exports them; they live here so that importing them never loads
SQLAlchemy and the models (~0.3 s), as :mod:`editor.post_status` does for statuses.
"""

from __future__ import annotations

import enum

DEFAULT_THEME = "newsroom"
DEFAULT_CATEGORY_BASE = "category"  # WordPress's, unless the site changed it


class LinkSource(enum.StrEnum):
    """Where a sidebar link came from. A refresh replaces only unpinned AUTO and CMS links."""

    MANUAL = "manual"  # added by hand: a refresh never removes it
    AUTO = "auto"  # one of the blog's newest published posts in Byline's own database
    CMS = "cms"  # one of the recent posts a publishing target reported
