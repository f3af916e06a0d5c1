"""Edit leases: who has a post open for writing, until when. One row per leased post.

Times come from the database's clock (``now()``), never a laptop's, so two machines whose
clocks disagree still agree on when a lease runs out.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from editor.model.base import Base, UTCDateTime
from editor.model.people import Person


class Lease(Base):
    __tablename__ = "leases"

    post_id: Mapped[int] = mapped_column(
        ForeignKey("posts.id", ondelete="CASCADE"), primary_key=True
    )
    # Who holds it: one install's windows (a token kept in its window settings) or one
    # command (a new random token each), never a person by name.
    token: Mapped[str] = mapped_column(String(36))
    holder_role: Mapped[str] = mapped_column(String(63), default="")  # PostgreSQL role, or ""
    holder_name: Mapped[str] = mapped_column(String(300), default="")
    holder_email: Mapped[str] = mapped_column(String(300), default="")
    taken_at: Mapped[datetime] = mapped_column(UTCDateTime)
    renewed_at: Mapped[datetime] = mapped_column(UTCDateTime)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)

    @property
    def holder(self) -> Person:
        return Person(self.holder_name, self.holder_email)
