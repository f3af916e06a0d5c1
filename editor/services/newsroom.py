"""The newsroom's rules, as PostgreSQL enforces them, checked first so a refusal says why.

PostgreSQL itself refuses (row-level security, migration 0010) whatever program connects: a
writer changes only their own posts while they are drafts or sent back with changes
requested, and may submit them; only the blog's editors move a post past "submitted",
approve, schedule, publish, trash or delete it. These checks ask the same question of the
same database function (``byline_is_editor``) so the window and the CLI can say it in words
before PostgreSQL says it in SQL. On SQLite (one person) everything is allowed.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from editor.errors import PermissionDeniedError
from editor.model import Post, PostStatus

S = PostStatus
# What a writer may do with their own post: the statuses it may be in to be changed at all,
# and those it may be left in or moved to.
WRITER_EDITS = frozenset({S.DRAFT, S.CHANGES_REQUESTED})
WRITER_LEAVES = frozenset({S.DRAFT, S.SUBMITTED, S.CHANGES_REQUESTED})
VERB = {
    S.IN_REVIEW: "take a post into review",
    S.APPROVED: "approve a post",
    S.SCHEDULED: "schedule a post",
    S.PUBLISHED: "publish a post",
}


@dataclass(frozen=True)
class Standing:
    """Who this connection is and whether they edit the blog in question."""

    role: str
    editor: bool


def enforced(session: Session) -> bool:
    """Whether the database has the newsroom's rules (PostgreSQL; SQLite has none)."""
    return session.get_bind().dialect.name == "postgresql"


def standing(session: Session, blog_id: int) -> Standing:
    """This connection's role and whether it edits ``blog_id`` (PostgreSQL only)."""
    cache: dict[int, Standing] = session.info.setdefault("newsroom_standing", {})
    if blog_id not in cache:
        role, editor = session.execute(
            text("SELECT current_user, byline_is_editor(:blog)"), {"blog": blog_id}
        ).one()
        cache[blog_id] = Standing(str(role), bool(editor))
    return cache[blog_id]


def current_role(session: Session) -> str:
    """The PostgreSQL role this session acts as ("" on SQLite)."""
    if not enforced(session):
        return ""
    return str(session.scalar(text("SELECT current_user")))


def may_edit(session: Session, post: Post) -> str | None:
    """Why this person may not change ``post`` as it is now; None when they may."""
    if not enforced(session):
        return None
    me = standing(session, post.blog_id)
    if me.editor:
        return None
    owner = session.scalar(select(Post.owner).where(Post.id == post.id))
    if owner != me.role:
        return (
            f"Post {post.id} is {owner or 'the newsroom'}'s: only its writer and the blog's "
            "editors can change it."
        )
    if post.deleted_at is not None:
        return f"Post {post.id} is in the Trash: only the blog's editors can restore it."
    status = PostStatus(post.status)
    if status not in WRITER_EDITS:
        return f"Post {post.id} is {status.value}: only the blog's editors can change it now."
    return None


def check_edit(session: Session, post: Post) -> None:
    """Refuse, in words, a change to ``post`` PostgreSQL would refuse."""
    why = may_edit(session, post)
    if why:
        raise PermissionDeniedError(why)


def check_status(session: Session, post: Post, target: PostStatus) -> None:
    """Refuse, in words, moving ``post`` to ``target`` when only the blog's editors may."""
    if not enforced(session) or standing(session, post.blog_id).editor:
        return
    if target not in WRITER_LEAVES:
        raise PermissionDeniedError(f"Only the blog's editors can {VERB[target]}.")
    check_edit(session, post)


def check_create(session: Session, blog_id: int, status: PostStatus) -> None:
    """A writer adds drafts (or submits them at once); anything further is an editor's."""
    if not enforced(session) or standing(session, blog_id).editor:
        return
    if status not in (S.DRAFT, S.SUBMITTED):
        raise PermissionDeniedError(
            f"Only the blog's editors can add a post that is already {status.value}."
        )


def check_trash(session: Session, post: Post, *, doing: str = "move a post to the Trash") -> None:
    if enforced(session) and not standing(session, post.blog_id).editor:
        raise PermissionDeniedError(f"Only the blog's editors can {doing}.")


def refused_by_database(role: str, detail: str) -> PermissionDeniedError:
    return PermissionDeniedError.from_database(role, detail)


def is_owner(session: Session) -> bool:
    """Whether this connection is (a member of) the role owning the newsroom's tables."""
    return bool(session.scalar(text("SELECT byline_is_owner()")))


def check_blog(session: Session, blog_id: int, *, doing: str = "change its settings") -> None:
    """A blog's settings and its Recent posts links are its editors' (migration 0015)."""
    if enforced(session) and not standing(session, blog_id).editor:
        raise PermissionDeniedError(f"Only the blog's editors can {doing}.")


def check_new_blog(session: Session) -> None:
    if enforced(session) and not is_owner(session):
        raise PermissionDeniedError("Only the newsroom database's owner can add a blog.")


def check_resolve(session: Session, post: Post, comment_id: int) -> None:
    """A comment is resolved or reopened by its author, the post's writer or the blog's
    editors (migration 0015)."""
    if not enforced(session) or standing(session, post.blog_id).editor:
        return
    me = standing(session, post.blog_id).role
    author, owner = session.execute(
        text("SELECT c.author_role, p.owner FROM comments c JOIN posts p ON p.id = c.post_id "
             "WHERE c.id = :c"), {"c": comment_id},
    ).one()  # fmt: skip
    if me not in (author, owner):
        raise PermissionDeniedError(
            "Only a comment's author, the post's writer and the blog's editors can resolve "
            "or reopen it."
        )
