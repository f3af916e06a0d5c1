"""Where the database is, and how an SQLite file is recognised, without SQLAlchemy (used by
:mod:`editor.store.database` and by ``byline render``'s ORM-free read)."""

from __future__ import annotations

import os

from editor.paths import default_database_path

SQLITE_MAGIC = b"SQLite format 3\x00"


def resolve_location(location: str | os.PathLike[str] | None) -> str:
    """``--db`` value, else ``$BYLINE_DB``, else the embedded default in the user data folder."""
    if location is None:
        location = os.environ.get("BYLINE_DB") or None
    if location is None:
        return str(default_database_path())
    return os.fspath(location)
