"""After a push, the local post's status follows what the site reports: ``publish`` makes it
Published (Scheduled while its date is still to come), ``future`` Scheduled; ``draft``,
``pending`` and ``private`` leave it as it is.

The move is the site's fact, not a workflow decision, so it is made whatever the workflow
would allow (an approved post pushed with "Publish now" is published; the log says so, with
who pushed and where). On a newsroom database a writer may not publish: the push still counts,
and the status stays, with the reason in the push's result.

The move is a status-only change of the post (a new version), made from the pushing thread. A
window that holds unsaved typing over the older version recognises it by its revision's label
(:func:`pushed_since`) and builds on it, instead of asking whose text wins.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from editor.errors import BylineError, ConflictError
from editor.model import Post, PostStatus, Revision, RevisionReason, StatusChange, utcnow
from editor.services import posts, workflow
from editor.store.database import Store

log = logging.getLogger(__name__)

FOLLOWS = {"publish": PostStatus.PUBLISHED, "future": PostStatus.SCHEDULED}
PUSHED_LABEL = "Pushed to "  # the label of the revision a push's status move adds


@dataclass(frozen=True)
class Followed:
    """What a push did to the local status: ``before`` → ``after`` (equal when it stayed),
    the post's version afterwards, and, when it could not follow, why."""

    before: str
    after: str
    version: int
    problem: str = ""

    @property
    def moved(self) -> bool:
        return self.before != self.after


def follow_remote_status(
    store: Store, post_id: int, remote_status: str, target_name: str, *, now: datetime | None = None
) -> Followed | None:
    """Move the post to the status the site reported; None when that status means no move.

    Never raises for a refusal (a writer on a newsroom database, a trashed post): the push
    itself succeeded, so the reason comes back in :attr:`Followed.problem`."""
    if remote_status not in FOLLOWS:
        return None
    before = ""
    for attempt in (1, 2):  # a save landing between reading and writing the post: once more
        try:
            with store.session() as s:
                post = posts.get_post(s, post_id)
                before = post.status
                wanted = _local_status(remote_status, post.published_at, now or utcnow())
                if before == wanted.value:
                    return Followed(before, before, post.version)
                result = posts.set_status(s, post.id, wanted, now=now)
                if result.revision_number is not None:
                    label_revision(s, post.id, result.revision_number, target_name)
                note = f"pushed to {target_name}"
                workflow.log_change(s, post.id, before, wanted.value, note=note, now=now)
                followed = Followed(before, wanted.value, result.version)
            break
        except BylineError as exc:
            if isinstance(exc, ConflictError) and attempt == 1:
                continue
            log.warning("post %s stays as it was after the push: %s", post_id, exc)
            why = f"the post's status stays {before or 'as it was'}: {exc}"
            return Followed(before, before, 0, why)
    log.info("post %d: %s → %s (pushed to %s)", post_id, before, followed.after, target_name)
    return followed


def _local_status(remote_status: str, date: datetime | None, now: datetime) -> PostStatus:
    """WordPress's MetaWeblog API reports a scheduled post as "publish": a date still to
    come says it is scheduled."""
    if remote_status == "publish" and date is not None and date > now:
        return PostStatus.SCHEDULED
    return FOLLOWS[remote_status]


def label_revision(session: Session, post_id: int, number: int, target_name: str) -> None:
    rev = session.scalar(
        select(Revision).where(Revision.post_id == post_id, Revision.number == number)
    )
    if rev is not None:
        rev.label = f"{PUSHED_LABEL}{target_name}"


def pushed_since(session: Session, post_id: int, version: int) -> tuple[int, str] | None:
    """When every change to the post after ``version`` was a push's status move: the version
    now and the status the post had before those moves. None when something else changed it
    (or nothing did)."""
    current = session.scalar(select(Post.version).where(Post.id == post_id))
    if current is None or current <= version:
        return None
    revs = list(
        session.scalars(
            select(Revision)
            .where(Revision.post_id == post_id, Revision.post_version > version)
            .order_by(Revision.post_version)
        )
    )
    ours = [r for r in revs if r.reason == RevisionReason.STATUS.value
            and r.label.startswith(PUSHED_LABEL)]  # fmt: skip
    if len(ours) != len(revs) or [r.post_version for r in ours] != list(
        range(version + 1, current + 1)
    ):
        return None
    moves = list(
        session.scalars(
            select(StatusChange)
            .where(StatusChange.post_id == post_id)
            .order_by(StatusChange.id.desc())
            .limit(len(ours))
        )
    )
    return current, moves[-1].from_status if moves else ""
