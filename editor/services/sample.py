"""The sample post a new user sees on first run."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from editor.model import Post
from editor.paths import resources_root


def seed_sample_post(session: Session) -> Post | None:
    """Add the sample post if the database has no posts at all."""
    if session.scalar(select(func.count(Post.id))):
        return None
    from editor.services import newsroom

    if newsroom.enforced(session) and not newsroom.is_owner(session):
        return None  # a shared newsroom's writers add no blog (its own "Byline" blog) to it
    # Only now: the file reader and the importer (YAML, front matter) are not needed to open
    # a database that has posts.
    from editor.formats.markdown_file import read_post_file
    from editor.services.importing import import_parsed

    parsed = read_post_file(resources_root() / "sample" / "welcome.md")
    return import_parsed(session, parsed)
