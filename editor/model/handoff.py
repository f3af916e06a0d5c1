"""Review packages: this database's own id, and per post and peer the base (the revision and
content hash both sides last agreed on) that the next three-way merge starts from."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from editor.model.base import Base, UTCDateTime, utcnow


class StoreMeta(Base):
    """Facts about the database itself (``database_id``: who "we" are to a peer)."""

    __tablename__ = "store_meta"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(String(500), default="")


class Handoff(Base):
    """The last state of a post that this database and ``peer`` (another database's id) both
    hold: set when a package from that peer is opened."""

    __tablename__ = "handoffs"
    __table_args__ = (UniqueConstraint("post_id", "peer", name="uq_handoffs_post_peer"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    post_id: Mapped[int] = mapped_column(ForeignKey("posts.id", ondelete="CASCADE"))
    peer: Mapped[str] = mapped_column(String(36))
    peer_name: Mapped[str] = mapped_column(String(300), default="")
    base_revision: Mapped[str] = mapped_column(String(36))
    base_hash: Mapped[str] = mapped_column(String(64))
    base_state: Mapped[dict[str, Any]] = mapped_column(JSON)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
