"""What the database worker runs for the window. Qt-free; the core is imported lazily so the
window can paint before SQLAlchemy loads.

Every function here runs on the one worker thread. :class:`EditState` is touched only there, so
queued saves always chain on the version the previous save produced.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from editor.services.posts import PostSummary
    from editor.store.database import Store


@dataclass(frozen=True)
class PostData:
    """A post as the form shows it: ids plus the editable fields (PostContent's names)."""

    id: int
    uuid: str
    blog_id: int
    status: str
    version: int
    updated_at: datetime
    fields: dict[str, Any]


@dataclass(frozen=True)
class SaveOutcome:
    post_id: int
    version: int
    slug: str
    updated_at: datetime
    changed: bool
    revision_added: bool


@dataclass(frozen=True)
class RevisionRow:
    number: int
    created_at: datetime
    reason: str
    label: str
    status: str


@dataclass(frozen=True)
class Choices:
    blogs: list[tuple[int, str]]
    statuses: list[tuple[str, str]]  # (value, label)


@dataclass
class Opened:
    store: Store
    choices: Choices
    posts: list[PostSummary]
    post: PostData | None
    seeded: bool


@dataclass
class EditState:
    """Worker-owned: the version each open post's next save is based on."""

    versions: dict[int, int] = field(default_factory=dict)
    conflicted: set[int] = field(default_factory=set)
    # This window's edit lease token (None: no leases, a read-only database) and the posts
    # it holds (editor.ui.writing.lease_banner takes and renews them).
    lease_token: str | None = None
    leased: set[int] = field(default_factory=set)
    # Posts a push moved to another status while the form still showed this one: a save
    # carrying it leaves the status alone (editor.ui.publishing.jobs).
    followed: dict[int, str] = field(default_factory=dict)


def open_and_start(
    state: EditState, location: str | None, read_only: bool, last_uuid: str | None
) -> Opened:
    """Open the store, seed the sample post on a fresh database, and pick the post to show."""
    from editor.errors import NotFoundError
    from editor.services.posts import get_post, list_posts
    from editor.services.sample import seed_sample_post
    from editor.store.database import open_store

    store = open_store(location, read_only=read_only)
    seeded = None
    if not store.read_only:
        with store.session() as s:
            seeded = seed_sample_post(s)
    with store.session() as s:
        posts = list_posts(s)
        post = None
        if seeded is not None:
            post = get_post(s, seeded.id)
        elif last_uuid:
            try:
                post = get_post(s, last_uuid)
            except NotFoundError:
                post = None
            if post is not None and post.deleted_at is not None:
                post = None  # left open when it went to the Trash: open the newest instead
        if post is None and posts:
            post = get_post(s, posts[0].id)
        data = _data(post) if post is not None else None
    if data is not None:
        state.versions[data.id] = data.version
    return Opened(store, choices(store), posts, data, seeded is not None)


def choices(store: Store) -> Choices:
    from editor.model import PostStatus
    from editor.services.blogs import list_blogs

    with store.session() as s:
        blogs = [(b.id, b.name) for b in list_blogs(s)]
    return Choices(blogs, [(st.value, st.label) for st in PostStatus])


TRASH = "trash"  # the post list's status filter value that shows the Trash


def list_posts(
    store: Store, *, blog: int | None, status: str | None, search: str
) -> list[PostSummary]:
    from editor.model import PostStatus
    from editor.services import posts

    trashed = status == TRASH
    with store.reading() as s:
        return posts.list_posts(
            s,
            blog=blog,
            status=PostStatus(status) if status and not trashed else None,
            search=search or None,
            trashed=trashed,
        )


def load_post(store: Store, state: EditState, post_id: int) -> PostData:
    from editor.services.posts import get_post

    with store.session() as s:
        data = _data(get_post(s, post_id))
    state.versions[post_id] = data.version
    state.conflicted.discard(post_id)
    return data


def new_post(
    store: Store, state: EditState, blog_id: int | None, fields: dict[str, str] | None = None
) -> PostData:
    """A new post in ``blog_id`` (default: the first blog) starting with ``fields`` (the
    writer's byline and role from the preferences, ``editor.config.post_defaults``)."""
    from editor.model import PostContent
    from editor.services.blogs import default_blog, find_blog
    from editor.services.posts import create_post

    with store.session() as s:
        blog = find_blog(s, blog_id) if blog_id else default_blog(s)
        post = create_post(s, PostContent(**(fields or {})), blog=blog)
        data = _data(post)
    state.versions[data.id] = data.version
    return data


def save(
    store: Store, state: EditState, post_id: int, fields: dict[str, Any], status: str, blog_id: int
) -> SaveOutcome | None:
    """Save the form's fields; None when the post awaits a conflict decision.

    Raises ConflictError when someone else saved since this window loaded the post.
    """
    from editor.errors import ConflictError
    from editor.model import PostContent
    from editor.ui.publishing.jobs import adopt_pushed

    if post_id in state.conflicted:
        return None
    content = PostContent(**fields)
    if state.lease_token is not None:
        check_lease(store, state, post_id, content)
    try:
        try:
            r, changed, added = _write(store, state, post_id, content, status, blog_id)
        except ConflictError:
            if not adopt_pushed(store, state, post_id):  # only a push moved the status: go on
                raise
            r, changed, added = _write(store, state, post_id, content, status, blog_id)
    except ConflictError:
        state.conflicted.add(post_id)
        raise
    state.versions[post_id] = r.version
    return SaveOutcome(post_id, r.version, r.slug, r.updated_at, changed, added)


def _write(
    store: Store, state: EditState, post_id: int, content: Any, status: str, blog_id: int
) -> tuple[Any, bool, bool]:
    """One save in one session: (SaveResult, changed, revision added)."""
    from editor.model import PostStatus
    from editor.services import posts, workflow

    with store.session() as s:
        r = posts.save_post(s, post_id, content, expected_version=state.versions[post_id])
        added = r.revision_number is not None
        changed = r.changed
        current = posts.get_post(s, post_id)
        if changed:
            from editor.services.suggestions import sync

            sync(s, current)  # new suggested edits are the session's person's
        if blog_id and current.blog_id != blog_id:
            r = posts.move_post(s, post_id, blog_id, expected_version=r.version)
            changed = True
        # Through the workflow. The combo offers only allowed moves; one refused anyway
        # (changed elsewhere meanwhile) is skipped, and the Review panel shows the status.
        # The status from before a push moved it is the form not yet showing the push's.
        if current.status == status:
            state.followed.pop(post_id, None)
        elif status != state.followed.get(post_id) and workflow.allows(current.status, status):
            r = workflow.change_status(s, post_id, PostStatus(status), expected_version=r.version)
            added = changed = True
    return r, changed, added


def check_lease(store: Store, state: EditState, post_id: int, content: Any) -> None:
    """Before a save: this window must hold the post's lease (taking it now if it is free).
    Taken over by someone else: the text is kept as a revision, never written over theirs,
    and :class:`LeaseLostError` says who has the post."""
    from editor.errors import LeaseLostError
    from editor.services import leases

    token = state.lease_token
    assert token is not None
    with store.session() as s:
        if leases.holds(s, post_id, token):
            return
        result = leases.acquire(s, post_id, token)
    if result.held:
        state.leased.add(post_id)
        return
    holder = result.lease.who if result.lease is not None else "Someone"
    with store.session() as s:
        leases.keep_unsaved(s, post_id, content, holder)
    state.leased.discard(post_id)
    raise LeaseLostError(post_id, holder)


def resolve(
    store: Store, state: EditState, post_id: int, fields: dict[str, Any], keep_mine: bool
) -> PostData:
    from editor.model import PostContent
    from editor.services.posts import get_post, resolve_conflict

    with store.session() as s:
        resolve_conflict(s, post_id, PostContent(**fields), keep_mine=keep_mine)
    with store.session() as s:
        data = _data(get_post(s, post_id))
    state.versions[post_id] = data.version
    state.conflicted.discard(post_id)
    return data


def revisions(store: Store, post_id: int) -> list[RevisionRow]:
    from editor.services.posts import list_revisions

    with store.session() as s:
        return [
            RevisionRow(r.number, r.created_at, r.reason, r.label, r.status)
            for r in list_revisions(s, post_id)
        ]


def revision_text(store: Store, post_id: int, number: int) -> str:
    """A revision as readable Markdown: headline, deck, then the body."""
    from editor.services.posts import get_revision

    with store.session() as s:
        snap = get_revision(s, post_id, number).snapshot
    parts = [f"# {snap.get('headline', '')}"]
    if snap.get("deck"):
        parts.append(f"_{snap['deck']}_")
    parts.append(snap.get("body", ""))
    return "\n\n".join(parts)


def restore(store: Store, state: EditState, post_id: int, number: int) -> PostData:
    from editor.services.posts import get_post, restore_revision

    with store.session() as s:
        restore_revision(s, post_id, number, expected_version=state.versions.get(post_id))
    with store.session() as s:
        data = _data(get_post(s, post_id))
    state.versions[post_id] = data.version
    return data


def save_version(store: Store, post_id: int, label: str) -> int:
    from editor.services.posts import save_version as _save_version

    with store.session() as s:
        return _save_version(s, post_id, label).number


def _data(post: Any) -> PostData:
    return PostData(
        id=post.id,
        uuid=post.uuid,
        blog_id=post.blog_id,
        status=post.status,
        version=post.version,
        updated_at=post.updated_at,
        fields=post.content().to_json() | {"published_at": post.published_at},
    )
