"""The editorial workflow: which status may follow which, and the log of every move.

draft → submitted → in_review → changes_requested | approved → scheduled → published, plus
the back edges a newsroom uses: changes_requested → submitted, approved → in_review and
published → in_review (a correction). Anything else is refused unless forced (the CLI's
``--force``), and then the log says it was forced.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from editor.errors import InputError
from editor.model import Person, PostStatus, StatusChange, author_of, utcnow
from editor.services import posts

S = PostStatus
TRANSITIONS: dict[PostStatus, tuple[PostStatus, ...]] = {
    S.DRAFT: (S.SUBMITTED,),
    S.SUBMITTED: (S.IN_REVIEW,),
    S.IN_REVIEW: (S.CHANGES_REQUESTED, S.APPROVED),
    S.CHANGES_REQUESTED: (S.SUBMITTED,),
    S.APPROVED: (S.SCHEDULED, S.IN_REVIEW),
    S.SCHEDULED: (S.PUBLISHED,),
    S.PUBLISHED: (S.IN_REVIEW,),
}
# Statuses that need a word from whoever moves the post there.
NOTE_REQUIRED = frozenset({S.CHANGES_REQUESTED})


@dataclass(frozen=True)
class LogEntry:
    id: int
    when: datetime
    author: Person
    from_status: str
    to_status: str
    note: str
    forced: bool

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "at": self.when.isoformat(), "author": self.author.to_json(),
                "from": self.from_status or None, "to": self.to_status, "note": self.note,
                "forced": self.forced}  # fmt: skip


def allowed_from(status: PostStatus) -> tuple[PostStatus, ...]:
    return TRANSITIONS.get(status, ())


def allows(current: str, target: str) -> bool:
    """Whether the window's status combo may make this move without asking for anything."""
    to = PostStatus(target)
    return to in allowed_from(PostStatus(current)) and to not in NOTE_REQUIRED


def refusal(current: PostStatus, target: PostStatus) -> str | None:
    """Why ``current`` → ``target`` is not allowed, naming the moves that are; None if it is."""
    allowed = allowed_from(current)
    if target in allowed:
        return None
    names = " or ".join(s.value for s in allowed) or "nothing"
    now = current.value
    return f"a {now} post cannot become {target.value}; from {now} it can go to {names}"


def change_status(
    session: Session,
    post_id: int,
    target: PostStatus,
    *,
    note: str = "",
    force: bool = False,
    expected_version: int | None = None,
    now: datetime | None = None,
) -> posts.SaveResult:
    """Move the post to ``target`` if the workflow allows it (or ``force``), and log the move.

    Raises :class:`InputError` for a refused move or a missing note.
    """
    post = posts.get_post(session, post_id)
    current = PostStatus(post.status)
    if current == target:
        return posts.set_status(session, post.id, target, expected_version=expected_version)
    why = refusal(current, target)
    if why and not force:
        raise InputError(f"{why} (byline status --force overrides).")
    note = note.strip()
    if target in NOTE_REQUIRED and not note:
        raise InputError(f"--note: say what to change when moving a post to {target.value}.")
    now = now or utcnow()
    result = posts.set_status(session, post.id, target, expected_version=expected_version, now=now)
    log_change(session, post.id, current.value, target.value, note=note, forced=bool(why), now=now)
    return result


def review_decision(
    session: Session, post_id: int, target: PostStatus, *, note: str = "",
    expected_version: int | None = None,
) -> posts.SaveResult:  # fmt: skip
    """An editor's Request changes / Approve: a submitted post is taken into review first
    (both moves are logged)."""
    post = posts.get_post(session, post_id)
    if post.status == S.SUBMITTED.value and target in (S.CHANGES_REQUESTED, S.APPROVED):
        r = change_status(session, post.id, S.IN_REVIEW, expected_version=expected_version)
        expected_version = r.version
    return change_status(session, post.id, target, note=note, expected_version=expected_version)


def log_change(
    session: Session, post_id: int, before: str, after: str, *, note: str = "",
    forced: bool = False, now: datetime | None = None,
) -> StatusChange:  # fmt: skip
    entry = StatusChange(post_id=post_id, from_status=before, to_status=after, note=note,
                         forced=forced, created_at=now or utcnow())  # fmt: skip
    entry.set_author(author_of(session))
    session.add(entry)
    session.flush()
    return entry


def status_log(session: Session, post_id: int) -> list[LogEntry]:
    """The post's moves, oldest first."""
    rows = session.scalars(
        select(StatusChange).where(StatusChange.post_id == post_id).order_by(StatusChange.id)
    )
    return [
        LogEntry(r.id, r.created_at, r.author, r.from_status, r.to_status, r.note, r.forced)
        for r in rows
    ]
