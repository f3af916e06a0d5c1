"""The offline outbox: pushes that failed on the network, kept in the database and retried
with exponential backoff (at start, and periodically while the app runs)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from editor.errors import BylineError, InputError, NotFoundError
from editor.model import OutboxItem, OutboxState, Post, utcnow
from editor.publish.base import PhotoUpload
from editor.publish.cancel import Cancel, PushCancelled
from editor.publish.errors import PublishError
from editor.publish.secrets import SecretStore
from editor.services import targets
from editor.services.publish_body import RenderBody
from editor.services.publish_body import render_body as page_body
from editor.services.targets import ClientFactory
from editor.store.database import Store

log = logging.getLogger(__name__)

BACKOFF_BASE = timedelta(seconds=30)
BACKOFF_MAX = timedelta(hours=1)
MAX_ATTEMPTS = 12
# A push left "sending" for this long was interrupted (the app was killed or the laptop lost
# power mid-send): it goes back to the queue. Longer than any push with its network timeouts.
STALE_SENDING = timedelta(minutes=15)
INTERRUPTED = "the last attempt was interrupted (Byline closed or stopped while sending)"
PhotosFor = Callable[[int], list[PhotoUpload] | None]


class QueuedError(BylineError):
    """A push failed on the network and waits in the outbox."""

    def __init__(self, message: str, outbox_id: int) -> None:
        super().__init__(message)
        self.outbox_id = outbox_id


@dataclass(frozen=True)
class OutboxRow:
    id: int
    post_id: int
    headline: str
    target: str
    requested_status: str
    state: str
    attempts: int
    next_attempt_at: datetime
    last_error: str


def backoff(attempts: int) -> timedelta:
    """Delay before attempt ``attempts + 1``: 30 s, 1 min, 2 min, … at most an hour."""
    return min(BACKOFF_BASE * 2 ** max(attempts - 1, 0), BACKOFF_MAX)


def enqueue(
    session: Session,
    *,
    post_id: int,
    target_name: str,
    status: str,
    force: bool,
    error: str,
    now: datetime | None = None,
) -> OutboxItem:
    """Queue (or re-queue) a push; one live item per post and target."""
    now = now or utcnow()
    target = targets.get_target(session, target_name)
    item = session.scalar(
        select(OutboxItem).where(
            OutboxItem.post_id == post_id,
            OutboxItem.target_id == target.id,
            OutboxItem.state.in_([OutboxState.QUEUED.value, OutboxState.SENDING.value]),
        )
    )
    if item is None:
        item = OutboxItem(post_id=post_id, target_id=target.id, created_at=now, attempts=0)
        session.add(item)
    item.requested_status, item.force = status, force
    item.attempts = (item.attempts or 0) + 1
    item.last_error, item.state = error, OutboxState.QUEUED.value
    item.next_attempt_at, item.updated_at = now + backoff(item.attempts), now
    session.flush()
    return item


def list_outbox(session: Session, *, include_finished: bool = False) -> list[OutboxRow]:
    stmt = (
        select(OutboxItem, Post.headline, Post.deleted_at)
        .join(Post, Post.id == OutboxItem.post_id)
        .order_by(OutboxItem.created_at)
    )
    if not include_finished:
        stmt = stmt.where(OutboxItem.state.in_(["queued", "sending", "failed"]))
    return [
        OutboxRow(
            i.id,
            i.post_id,
            f"{headline} (in the Trash: waits until restored)" if deleted_at else headline,
            i.target.name,
            i.requested_status,
            i.state,
            i.attempts,
            i.next_attempt_at,
            i.last_error,
        )
        for i, headline, deleted_at in session.execute(stmt)
    ]


def _item(session: Session, item_id: int) -> OutboxItem:
    item = session.get(OutboxItem, item_id)
    if item is None:
        raise NotFoundError(f"No outbox item {item_id}.")
    return item


def cancel(session: Session, item_id: int) -> None:
    item = _item(session, item_id)
    if item.state == OutboxState.DONE.value:
        raise InputError(f"outbox item {item_id} was already sent")
    item.state, item.updated_at = OutboxState.CANCELLED.value, utcnow()


def retry_now(session: Session, item_id: int, now: datetime | None = None) -> None:
    """Make an item due now (a failed one is queued again)."""
    item = _item(session, item_id)
    if item.state in (OutboxState.DONE.value, OutboxState.CANCELLED.value):
        raise InputError(f"outbox item {item_id} is {item.state}; nothing to retry")
    item.state, item.next_attempt_at = OutboxState.QUEUED.value, now or utcnow()


def process_outbox(
    store: Store,
    now: datetime | None = None,
    *,
    secrets: SecretStore,
    client_factory: ClientFactory | None = None,
    photos_for: PhotosFor | None = None,
    render_body: RenderBody = page_body,
    cancel: Cancel | None = None,
) -> list[OutboxRow]:
    """Send every item that is due; returns the items as they ended up.

    Network failures push the next attempt back (30 s doubling to an hour); other errors, or
    too many attempts, mark the item failed with the reason, for the writer to see. Each push
    sends the post's attached photos as they are now, unless ``photos_for`` says otherwise.
    ``cancel`` (the window closing) stops the run: the item being sent goes back to the queue,
    due at once, its attempts unchanged, and the rest wait for the next run.
    """
    from editor.services.publish import push_post

    now = now or utcnow()
    with store.session() as s:
        _requeue_interrupted(s, now)
        due = list(
            s.scalars(
                select(OutboxItem.id)
                .join(Post, Post.id == OutboxItem.post_id)
                .where(
                    OutboxItem.state == OutboxState.QUEUED.value,
                    OutboxItem.next_attempt_at <= now,
                    Post.deleted_at.is_(None),  # a post in the Trash waits; restored, it goes
                )
                .order_by(OutboxItem.next_attempt_at)
            )
        )
    done: list[OutboxRow] = []
    for item_id in due:
        if cancel is not None and cancel.cancelled:
            break
        with store.session() as s:
            if not _claim(s, item_id, now):
                continue  # another Byline on this database took it meanwhile
            item = _item(s, item_id)
            post_id, target_name = item.post_id, item.target.name
            status, force = item.requested_status, item.force
        error, retryable, stopped = "", False, False
        try:
            photos = photos_for(post_id) if photos_for else None
            push_post(
                store,
                post_id,
                target_name,
                secrets=secrets,
                status=status,
                force=force,
                photos=photos,
                render_body=render_body,
                client_factory=client_factory,
                attempts=1,
                now=now,
                cancel=cancel,
            )
        except PushCancelled as exc:
            error, stopped = str(exc), True
        except PublishError as exc:
            error, retryable = str(exc), exc.retryable
        except BylineError as exc:
            error = str(exc)
        with store.session() as s:
            item = _item(s, item_id)
            item.updated_at = now
            if not error:
                item.state, item.last_error = OutboxState.DONE.value, ""
            elif stopped:  # not the site's fault: tried again at the next start
                item.state, item.last_error = OutboxState.QUEUED.value, error
                item.next_attempt_at = now
            elif retryable and item.attempts < MAX_ATTEMPTS:
                item.attempts += 1
                item.state, item.last_error = OutboxState.QUEUED.value, error
                item.next_attempt_at = now + backoff(item.attempts)
            else:
                item.attempts += 1
                item.state, item.last_error = OutboxState.FAILED.value, error
            log.info("outbox item %d: %s", item_id, item.state)
        with store.session() as s:
            done.extend(r for r in list_outbox(s, include_finished=True) if r.id == item_id)
    return done


def _requeue_interrupted(session: Session, now: datetime) -> None:
    """Queue again, due at once, the items a killed process left "sending" (counted as a try:
    the site may have half-received it, and a push that kills its process must not loop)."""
    stale = session.scalars(
        select(OutboxItem).where(
            OutboxItem.state == OutboxState.SENDING.value,
            OutboxItem.updated_at < now - STALE_SENDING,
        )
    )
    for item in stale:
        item.attempts += 1
        failed = item.attempts >= MAX_ATTEMPTS
        item.state = (OutboxState.FAILED if failed else OutboxState.QUEUED).value
        item.last_error, item.next_attempt_at, item.updated_at = INTERRUPTED, now, now
        log.warning("outbox item %d was left sending: %s", item.id, item.state)


def _claim(session: Session, item_id: int, now: datetime) -> bool:
    """Mark a queued item "sending" if it still is queued: with several Byline processes on one
    database (a shared newsroom), exactly one of them sends it."""
    result = session.execute(
        update(OutboxItem)
        .where(OutboxItem.id == item_id, OutboxItem.state == OutboxState.QUEUED.value)
        .values(state=OutboxState.SENDING.value, updated_at=now)
        .execution_options(synchronize_session=False)
    )
    return bool(getattr(result, "rowcount", 0))
