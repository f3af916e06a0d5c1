"""Review packages: the pieces sending and opening share (this database's id, a post's state
and its hash, rows as JSON and back). See :mod:`editor.services.handoff_send` and
:mod:`editor.services.handoff_open`."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from editor.formats.review_entries import state_of
from editor.formats.review_package import state_hash
from editor.model import Comment, Handoff, Person, Post, StatusChange, StoreMeta, Suggestion
from editor.model.base import new_uuid
from editor.services.photos import list_photos

DATABASE_ID = "database_id"
PHOTO_FIELD_KINDS = ("caption", "credit")


def database_id(session: Session) -> str:
    """This database's own id (made on first use), so a peer can tell who sent a package."""
    row = session.get(StoreMeta, DATABASE_ID)
    if row is None:
        row = StoreMeta(key=DATABASE_ID, value=new_uuid())
        session.add(row)
        session.flush()
    return row.value


def current_state(session: Session, post: Post) -> dict[str, Any]:
    from editor.formats.photo_json import photo_to_json

    data = {**post.content().to_json(), "status": post.status}
    return state_of(data, [photo_to_json(p) for p in list_photos(session, post.id)])


def current_hash(session: Session, post: Post) -> str:
    return state_hash(current_state(session, post))


def last_handoff(session: Session, post_id: int, peer: str | None = None) -> Handoff | None:
    stmt = select(Handoff).where(Handoff.post_id == post_id)
    if peer is not None:
        stmt = stmt.where(Handoff.peer == peer)
    return session.scalars(stmt.order_by(Handoff.updated_at.desc(), Handoff.id.desc())).first()


def person_json(person: Person) -> dict[str, str]:
    return {"name": person.name, "email": person.email, "zone": person.zone}


def person_of(data: Any) -> Person:
    data = data if isinstance(data, dict) else {}
    return Person(str(data.get("name", "")), str(data.get("email", "")),
                  str(data.get("zone", "")))  # fmt: skip


def when(value: Any) -> datetime:
    return datetime.fromisoformat(str(value))


# -- rows as JSON -----------------------------------------------------------------------------
def photo_field_out(field: str, uuid_of: dict[int, str]) -> str:
    """``caption:12`` (a local photo id) as ``caption:UUID`` (the same photo in any database)."""
    kind, _, ref = field.partition(":")
    if kind in PHOTO_FIELD_KINDS and ref.isdigit() and int(ref) in uuid_of:
        return f"{kind}:{uuid_of[int(ref)]}"
    return field


def photo_field_in(field: str, id_of: dict[str, int]) -> str:
    kind, _, ref = field.partition(":")
    if kind in PHOTO_FIELD_KINDS and ref and not ref.isdigit():
        return f"{kind}:{id_of.get(ref, 0)}"
    return field


def comment_json(c: Comment, parent_uuid: str | None, uuid_of: dict[int, str]) -> dict[str, Any]:
    return {
        "uuid": c.uuid, "parent": parent_uuid, "field": photo_field_out(c.field, uuid_of),
        "quote": c.quote, "prefix": c.prefix, "suffix": c.suffix, "start": c.start,
        "quote_unique": bool(c.quote_unique), "text": c.text, "resolved": bool(c.resolved),
        "author": person_json(c.author), "created_at": c.created_at.isoformat(),
        "state_by": {"name": c.state_by_name, "email": c.state_by_email},
        "state_at": c.state_at.isoformat() if c.state_at else None,
    }  # fmt: skip


def suggestion_json(s: Suggestion) -> dict[str, Any]:
    return {"uuid": s.uuid, "field": s.field, "kind": s.kind, "mark": s.mark,
            "author": {"name": s.author_name, "email": s.author_email, "zone": s.created_tz},
            "created_at": s.created_at.isoformat()}  # fmt: skip


def log_json(e: StatusChange) -> dict[str, Any]:
    return {"uuid": e.uuid, "from": e.from_status, "to": e.to_status, "note": e.note,
            "forced": bool(e.forced), "author": person_json(e.author),
            "created_at": e.created_at.isoformat()}  # fmt: skip
