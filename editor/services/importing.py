"""Bringing posts in from files, all-or-nothing per file."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from editor.errors import InputError
from editor.formats.bundle import is_bundle
from editor.formats.markdown_file import ParsedPost, dump_post, read_post_file
from editor.model import Post, PostStatus, RevisionReason
from editor.services.blogs import default_blog, get_or_create_blog
from editor.services.posts import create_post

log = logging.getLogger(__name__)


def import_parsed(session: Session, parsed: ParsedPost) -> Post:
    blog = get_or_create_blog(session, parsed.blog) if parsed.blog else default_blog(session)
    uuid = parsed.uuid
    if uuid and session.scalar(select(Post.id).where(Post.uuid == uuid)) is not None:
        log.warning(
            "%s: a post with id %s exists already; importing as a new post", parsed.source, uuid
        )
        uuid = None
    post = create_post(
        session, parsed.content, blog=blog, status=parsed.status,
        reason=RevisionReason.IMPORT, uuid=uuid,
    )  # fmt: skip
    # What the file says, not "now": importing is not the writer changing the post.
    post.comments_url = parsed.comments_url
    post.revised_at = parsed.revised_at
    session.flush()
    if parsed.lead_photo is not None:
        from editor.services.photos import attach_lead_from_front_matter

        attach_lead_from_front_matter(session, post, parsed.lead_photo)
    return post


def import_markdown_file(session: Session, path: Path) -> Post:
    """Import one file. The caller's session makes it all-or-nothing."""
    return import_parsed(session, read_post_file(path))


class UnreadableFilesError(InputError):
    """Some files to import could not be read; ``problems`` names each file and what is wrong."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__(f"nothing imported: {len(problems)} file(s) could not be read")
        self.problems = problems


ImportItem = Path | ParsedPost  # a bundle to open, or a Markdown file already read


def read_import_files(paths: Sequence[Path]) -> list[ImportItem]:
    """Read every Markdown file before anything is stored, so that one malformed file imports
    nothing; all of them are reported at once. Bundles (folders or .zip files) are checked as
    :func:`import_items` opens them."""
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        raise InputError(f"no such file: {', '.join(missing)}")
    items: list[ImportItem] = []
    problems: list[str] = []
    for path in paths:
        if is_bundle(path):
            items.append(path)
            continue
        try:
            items.append(read_post_file(path))
        except InputError as exc:
            problems.append(str(exc))
    if problems:
        raise UnreadableFilesError(problems)
    return items


def import_items(session: Session, items: Sequence[ImportItem]) -> list[Post]:
    """Store what :func:`read_import_files` read, in the caller's one transaction: a bundle
    that fails its checks raises, and the caller's rollback leaves nothing imported."""
    from editor.services.bundles import import_bundle

    return [
        import_bundle(session, item) if isinstance(item, Path) else import_parsed(session, item)
        for item in items
    ]


def export_markdown(post: Post) -> str:
    return dump_post(post.content(), blog=post.blog.name, status=PostStatus(post.status),
                     uuid=post.uuid, comments_url=post.comments_url,
                     revised_at=post.revised_at)  # fmt: skip
