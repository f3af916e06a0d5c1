"""Posts: listing, creating and saving them with optimistic concurrency and coalesced revisions."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Connection, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from editor.errors import ConflictError, InputError, NotFoundError
from editor.formats.checks import check_content, check_uuid
from editor.model import (
    Blog,
    Post,
    PostContent,
    PostStatus,
    Revision,
    RevisionReason,
    StatusChange,
    author_of,
    utcnow,
)
from editor.services import newsroom
from editor.services.revisions import add_revision as _add_revision
from editor.services.revisions import get_revision as get_revision
from editor.services.revisions import list_revisions as list_revisions
from editor.services.revisions import photo_records as photo_records
from editor.services.revisions import snapshot_of as snapshot_of
from editor.services.slugs import unique_slug
from editor.store import listing
from editor.store.listing import LIST_LIMIT, PostSummary

CHECKPOINT_INTERVAL = timedelta(minutes=5)
# Each lost race means another post took that slug, so the loop always progresses; a writer can
# lose once per post created at the same moment (32 in the eight-process test: 20 ran out).
SLUG_ATTEMPTS = 200


@dataclass(frozen=True)
class SaveResult:
    post_id: int
    version: int
    updated_at: datetime
    slug: str
    changed: bool
    revision_number: int | None = None


def list_posts(
    session: Session,
    *,
    blog: int | None = None,
    status: PostStatus | None = None,
    search: str | None = None,
    limit: int | None = LIST_LIMIT,
    trashed: bool = False,
) -> list[PostSummary]:
    """Posts newest first; those in the Trash only when ``trashed`` (and then only them)."""
    return listing.list_posts(session.connection(), blog=blog, status=status, search=search,
                              limit=limit, trashed=trashed)  # fmt: skip


def get_post(session: Session, ref: int | str) -> Post:
    """A post by numeric id, full UUID or a unique UUID prefix (at least 6 characters)."""
    text = str(ref).strip()
    post: Post | None = None
    if text.isdigit():
        post = session.get(Post, int(text))
    elif len(text) >= 6:
        matches = list(session.scalars(select(Post).where(Post.uuid.startswith(text)).limit(2)))
        if len(matches) > 1:
            raise InputError(f"{text!r} matches more than one post; give more of the id.")
        post = matches[0] if matches else None
    if post is None:
        raise NotFoundError(f"No post with id {text!r}.")
    return post


def create_post(
    session: Session,
    content: PostContent,
    *,
    blog: Blog,
    status: PostStatus = PostStatus.DRAFT,
    reason: RevisionReason = RevisionReason.CREATED,
    uuid: str | None = None,
    now: datetime | None = None,
) -> Post:
    check_content(content)
    if uuid:
        check_uuid(uuid)
    if blog.id is not None:
        newsroom.check_create(session, blog.id, status)
    now = now or utcnow()
    post = Post(blog=blog, status=status.value, created_at=now, updated_at=now)
    if uuid:
        post.uuid = uuid
    post.apply(content)
    if not post.byline_role:
        post.byline_role = blog.default_byline_role
    session.flush()  # the blog needs its id before the slug can be checked against it
    wanted = post.slug or post.headline or "untitled"
    for attempt in range(SLUG_ATTEMPTS):
        # Another process may take the same slug between the check and the insert (PostgreSQL
        # has no whole-database write lock): the unique index says so, and the next one is tried.
        with session.no_autoflush:
            post.slug = unique_slug(session, blog.id, wanted, exclude_post=None)
        try:
            with session.begin_nested():
                session.add(post)
                session.flush()
            break
        except IntegrityError:
            if attempt == SLUG_ATTEMPTS - 1 or not _slug_clash(session, blog.id, post.slug):
                raise
    _add_revision(session, post, reason, now=now)
    created = StatusChange(post_id=post.id, from_status="", to_status=post.status, created_at=now)
    created.set_author(author_of(session))  # the status log starts with who made the post
    session.add(created)
    return post


def save_post(
    session: Session,
    post_id: int,
    content: PostContent,
    *,
    expected_version: int,
    now: datetime | None = None,
) -> SaveResult:
    """Write ``content`` over the post if it is still at ``expected_version``.

    Raises :class:`ConflictError` when someone else saved in between. Takes an editing
    checkpoint revision when the last one is older than :data:`CHECKPOINT_INTERVAL`.
    """
    check_content(content)
    now = now or utcnow()
    post = _locked(session, post_id, expected_version)
    content = _with_slug(session, post, content)
    if post.content() == content:
        return _result(post, changed=False)
    post.apply(content)
    post.updated_at = now
    _note_revised(post, now)
    _flush(session, post, expected_version)
    revision = None
    last = _last_revision_time(session, post.id)
    if last is None or now - last >= CHECKPOINT_INTERVAL:
        revision = _add_revision(session, post, RevisionReason.EDITING, now=now)
    return _result(post, changed=True, revision=revision)


def set_status(
    session: Session,
    post_id: int,
    status: PostStatus,
    *,
    expected_version: int | None = None,
    now: datetime | None = None,
) -> SaveResult:
    now = now or utcnow()
    newsroom.check_status(session, get_post(session, post_id), status)
    post = _locked(session, post_id, expected_version, check=False)
    if post.status == status.value:
        return _result(post, changed=False)
    before = post.version
    post.status = status.value
    post.updated_at = now
    _flush(session, post, before)
    revision = _add_revision(session, post, RevisionReason.STATUS, now=now)
    return _result(post, changed=True, revision=revision)


def move_post(
    session: Session,
    post_id: int,
    blog_id: int,
    *,
    expected_version: int | None = None,
    now: datetime | None = None,
) -> SaveResult:
    """Move a post to another blog, keeping its slug unique there."""
    post = _locked(session, post_id, expected_version)
    if post.blog_id == blog_id:
        return _result(post, changed=False)
    blog = session.get(Blog, blog_id)
    if blog is None:
        raise NotFoundError(f"No blog with id {blog_id}.")
    before = post.version
    post.slug = unique_slug(session, blog_id, post.slug or post.headline, exclude_post=post.id)
    post.blog = blog
    post.updated_at = now or utcnow()
    _flush(session, post, before)
    return _result(post, changed=True)


def save_version(
    session: Session, post_id: int, label: str = "", *,
    reason: RevisionReason = RevisionReason.MANUAL, snapshot: dict[str, Any] | None = None,
) -> Revision:  # fmt: skip
    """An explicit "Save version": a named snapshot of the post as stored now (or of
    ``snapshot``, words that were never stored)."""
    post = get_post(session, post_id)
    return _add_revision(session, post, reason, label=label.strip(), snapshot=snapshot)


def restore_revision(
    session: Session, post_id: int, number: int, *, expected_version: int | None = None
) -> SaveResult:
    """Bring back a revision's content. The current text stays in history, and the restore
    itself is recorded as a new revision."""
    rev = get_revision(session, post_id, number)
    post = _locked(session, post_id, expected_version)
    now = utcnow()
    before = post.version
    post.apply(PostContent.from_json(rev.snapshot))
    post.updated_at = now
    _note_revised(post, now)
    _flush(session, post, before)
    new = _add_revision(
        session, post, RevisionReason.RESTORE, label=f"Restored revision {number}", now=now
    )
    return _result(post, changed=True, revision=new)


def set_comments_url(
    session: Session, post_id: int, url: str, *, expected_version: int | None = None
) -> SaveResult:
    """Give the post its own comments link (``""``: the blog's pattern decides again)."""
    from editor.formats.markdown_file import check_comments_url

    text = url.strip()
    if text:
        try:
            text = check_comments_url(text)
        except ValueError as exc:
            raise InputError(str(exc)) from None
    post = _locked(session, post_id, expected_version)
    if post.comments_url == text:
        return _result(post, changed=False)
    before = post.version
    post.comments_url = text
    post.updated_at = utcnow()
    _flush(session, post, before)
    return _result(post, changed=True)


def resolve_conflict(
    session: Session, post_id: int, mine: PostContent, *, keep_mine: bool
) -> SaveResult:
    """Settle a :class:`ConflictError`. The side that loses is kept as a revision."""
    post = get_post(session, post_id)
    now = utcnow()
    if keep_mine:
        _add_revision(session, post, RevisionReason.CONFLICT, label="Their version", now=now)
        return save_post(session, post_id, mine, expected_version=post.version, now=now)
    # written whole at once: on a newsroom database only the blog's editors change a revision
    mine_now = {**mine.to_json(), "photos": photo_records(session, post.id)}
    loser = _add_revision(
        session, post, RevisionReason.CONFLICT, label="Your version", now=now, snapshot=mine_now
    )
    return _result(post, changed=False, revision=loser)


def _note_revised(post: Post, now: datetime) -> None:
    """A change to a post that is out (published, its date passed) is what the page's
    "Updated" line reports."""
    published = post.published_at
    if post.status == PostStatus.PUBLISHED.value and published is not None and now > published:
        post.revised_at = now


def _locked(
    session: Session, post_id: int, expected_version: int | None, *, check: bool = True
) -> Post:
    post = get_post(session, post_id)
    session.refresh(post)  # read the version as committed now, not as cached
    if check:  # the newsroom's rules, in words, before PostgreSQL (and before any conflict:
        newsroom.check_edit(session, post)  # asking whose text wins would be moot)
    if expected_version is not None and post.version != expected_version:
        raise ConflictError(post_id, expected_version, post.version)
    return post


def _flush(session: Session, post: Post, expected_version: int) -> None:
    post_id = post.id  # read now: after a failed flush the object cannot load anything
    try:
        session.flush()
    except StaleDataError:
        # The failed flush ended this session's transaction: ask on a connection of its own.
        current = _committed_version(session, post_id)
        if current == expected_version:
            # Nobody saved in between: PostgreSQL's row-level security hid the row from the
            # UPDATE (it matched no row), which is a refusal, not a conflict.
            raise newsroom.refused_by_database("", "row-level security") from None
        raise ConflictError(post_id, expected_version, current) from None


def _committed_version(session: Session, post_id: int) -> int:
    try:
        bind = session.get_bind()
        engine = bind.engine if isinstance(bind, Connection) else bind
        with engine.connect() as conn:
            return conn.scalar(select(Post.version).where(Post.id == post_id)) or -1
    except Exception:  # the conflict is the news; an unknown version must not hide it
        return -1


def _with_slug(session: Session, post: Post, content: PostContent) -> PostContent:
    """Keep the slug following the headline until it is edited by hand or published."""
    if content.slug_auto and post.status != PostStatus.PUBLISHED.value:
        if content.headline == post.headline and post.slug:
            slug = post.slug
        else:
            slug = unique_slug(
                session, post.blog_id, content.headline or "untitled", exclude_post=post.id
            )
    elif content.slug == post.slug:
        slug = post.slug
    else:
        slug = unique_slug(
            session, post.blog_id, content.slug or content.headline, exclude_post=post.id
        )
    return content if slug == content.slug else replace(content, slug=slug)


def _last_revision_time(session: Session, post_id: int) -> datetime | None:
    return session.scalar(select(func.max(Revision.created_at)).where(Revision.post_id == post_id))


def _result(post: Post, *, changed: bool, revision: Revision | None = None) -> SaveResult:
    return SaveResult(
        post_id=post.id,
        version=post.version,
        updated_at=post.updated_at,
        slug=post.slug,
        changed=changed,
        revision_number=revision.number if revision else None,
    )


def _slug_clash(session: Session, blog_id: int, slug: str) -> bool:
    """The slug is taken now (committed by someone else): the failed insert was that race."""
    return (
        session.scalar(select(Post.id).where(Post.blog_id == blog_id, Post.slug == slug))
        is not None
    )
