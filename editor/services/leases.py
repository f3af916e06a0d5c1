"""Edit leases: opening a post for writing takes a lease, renewed while it stays open; a
second person sees who has it and may take it over. Qt-free: the window renews from a timer,
the CLI checks before it writes.

A lease is held by a *token* (one install's windows, or one command), not by a name, and lasts
:data:`LEASE_SECONDS` past its last renewal, so a crashed laptop never locks a post for long.
Every time is the database's own clock (``now()``), so laptops whose clocks disagree still
agree on who holds what. Taking over is atomic (one ``INSERT ... ON CONFLICT DO UPDATE``):
two processes can never both hold a post. Optimistic concurrency (``posts.version``) stays the
last line of defence behind leases.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import case, or_, select, text, update
from sqlalchemy.orm import Session

from editor.errors import LeaseHeldError
from editor.model import Lease, Person, PostContent, RevisionReason, author_of
from editor.services import newsroom, posts

LEASE_SECONDS = 180  # a lease not renewed for this long is free for anyone
RENEW_SECONDS = 30  # how often an open window renews its lease

_t = Lease.__table__.c


@dataclass(frozen=True)
class LeaseInfo:
    post_id: int
    token: str
    role: str
    holder: Person
    taken_at: datetime
    renewed_at: datetime
    expires_at: datetime
    live: bool  # not yet expired, by the database's clock

    @property
    def who(self) -> str:
        """The holder as people know them: their name, else their e-mail or database role."""
        return self.holder.name or self.holder.email or self.role or "someone"

    def describe(self) -> str:
        """ "Being edited by Ana Ruiz since 10:42" (the time in this computer's zone)."""
        return f"Being edited by {self.who} since {self.taken_at.astimezone():%H:%M}"

    def to_json(self) -> dict[str, Any]:
        return {
            "post_id": self.post_id, "holder": self.holder.to_json(), "role": self.role,
            "taken_at": self.taken_at.isoformat(), "renewed_at": self.renewed_at.isoformat(),
            "expires_at": self.expires_at.isoformat(), "live": self.live,
        }  # fmt: skip


@dataclass(frozen=True)
class LeaseResult:
    held: bool  # this token holds the lease now
    lease: LeaseInfo | None  # the lease as it stands (someone else's when not held)
    taken_from: LeaseInfo | None = None  # a live lease this call took over


def new_token() -> str:
    return str(uuid.uuid4())


def db_now(session: Session) -> datetime:
    """The database's clock, as an aware UTC datetime."""
    if session.get_bind().dialect.name == "sqlite":
        raw = session.scalar(text("SELECT strftime('%Y-%m-%d %H:%M:%f', 'now')"))
        return datetime.fromisoformat(f"{raw}+00:00")
    value = session.scalar(text("SELECT now()"))
    assert isinstance(value, datetime)
    return value.astimezone(UTC)


def current(session: Session, post_id: int, *, now: datetime | None = None) -> LeaseInfo | None:
    """The post's lease row (live or lapsed), None when it was never leased."""
    row = session.get(Lease, post_id, populate_existing=True)
    if row is None:
        return None
    now = now or db_now(session)
    return LeaseInfo(row.post_id, row.token, row.holder_role, row.holder, row.taken_at,
                     row.renewed_at, row.expires_at, row.expires_at > now)  # fmt: skip


def live_lease(session: Session, post_id: int, *, now: datetime | None = None) -> LeaseInfo | None:
    found = current(session, post_id, now=now)
    return found if found is not None and found.live else None


def acquire(
    session: Session,
    post_id: int,
    token: str,
    *,
    take_over: bool = False,
    seconds: int = LEASE_SECONDS,
    now: datetime | None = None,
) -> LeaseResult:
    """Take the post's lease for ``token`` when it is free, lapsed or already this token's
    (``take_over``: whoever holds it). Tells who holds it when it is not taken."""
    posts.get_post(session, post_id)  # a missing post is bad input, not a lease
    now = now or db_now(session)
    before = live_lease(session, post_id, now=now)
    who = author_of(session)
    insert = _insert_for(session)
    stmt = insert(Lease).values(
        post_id=post_id, token=token, holder_role=newsroom.current_role(session),
        holder_name=who.name, holder_email=who.email, taken_at=now, renewed_at=now,
        expires_at=now + timedelta(seconds=seconds),
    )  # fmt: skip
    new = stmt.excluded
    stmt = stmt.on_conflict_do_update(
        index_elements=[_t.post_id],
        set_={
            "token": new.token,
            "holder_role": new.holder_role,
            "holder_name": new.holder_name,
            "holder_email": new.holder_email,
            "renewed_at": new.renewed_at,
            "expires_at": new.expires_at,
            # A renewal by the same token keeps "since"; anyone else starts it again.
            "taken_at": case((_t.token == new.token, _t.taken_at), else_=new.taken_at),
        },
        where=None if take_over else or_(_t.token == new.token, _t.expires_at <= new.taken_at),
    )
    session.execute(stmt)
    after = current(session, post_id, now=now)
    held = after is not None and after.token == token
    taken = before if held and before is not None and before.token != token else None
    return LeaseResult(held, after, taken)


def renew(
    session: Session,
    post_id: int,
    token: str,
    *,
    seconds: int = LEASE_SECONDS,
    now: datetime | None = None,
) -> LeaseResult:
    """Extend ``token``'s lease. Not held any more (someone took over): says who has it."""
    now = now or db_now(session)
    done = session.execute(
        update(Lease)
        .where(_t.post_id == post_id, _t.token == token)
        .values(renewed_at=now, expires_at=now + timedelta(seconds=seconds))
    )
    lease = current(session, post_id, now=now)
    return LeaseResult(bool(done.rowcount), lease)  # type: ignore[attr-defined]


def release(
    session: Session, post_id: int, token: str | None, *, now: datetime | None = None
) -> bool:
    """Give the lease up (``token`` None: whoever holds it). It lapses at once; the row stays,
    saying who had it last."""
    now = now or db_now(session)
    stmt = update(Lease).where(_t.post_id == post_id, _t.expires_at > now)
    if token is not None:
        stmt = stmt.where(_t.token == token)
    done = session.execute(stmt.values(expires_at=now))
    return bool(done.rowcount)  # type: ignore[attr-defined]


def holds(session: Session, post_id: int, token: str) -> bool:
    """Whether ``token`` still has the lease (nobody took it over, even if it lapsed)."""
    found = session.scalar(select(_t.token).where(_t.post_id == post_id))
    return found == token


def is_mine(session: Session, lease: LeaseInfo) -> bool:
    """Whether the person at this session holds ``lease`` (same role, name and e-mail), e.g.
    from their own window while they use the CLI."""
    me = author_of(session)
    return (lease.role, lease.holder.name, lease.holder.email) == (
        newsroom.current_role(session), me.name, me.email,
    )  # fmt: skip


def check_free(session: Session, post_id: int, *, now: datetime | None = None) -> None:
    """Refuse (:class:`LeaseHeldError`) when someone else has a live lease on the post."""
    lease = live_lease(session, post_id, now=now)
    if lease is not None and not is_mine(session, lease):
        raise LeaseHeldError(
            f"Post {post_id} is being edited by {lease.who} since "
            f"{lease.taken_at.astimezone():%H:%M}; nothing was changed "
            "(--take-over takes the post from them)."
        )


def keep_unsaved(
    session: Session, post_id: int, content: PostContent, taken_by: str, *, label: str = ""
) -> int:
    """Keep what a writer had not saved when the post was taken from them (or could no longer
    be saved), as a revision of its own: nothing is lost. Returns its number."""
    label = label or f"Unsaved text when {taken_by} took over"
    # One INSERT, as the words' own kind: the newsroom lets the post's writer keep them even
    # when they may no longer change the post, but nobody but its editors rewrite a revision.
    snapshot = {**content.to_json(), "photos": posts.photo_records(session, post_id)}
    rev = posts.save_version(
        session, post_id, label, reason=RevisionReason.TAKEN_OVER, snapshot=snapshot
    )
    return rev.number


def _insert_for(session: Session) -> Any:
    from sqlalchemy.dialects import postgresql, sqlite

    if session.get_bind().dialect.name == "postgresql":
        return postgresql.insert
    return sqlite.insert
