"""Alembic environment. Byline runs migrations itself (editor.store.migrations) with a live
connection passed in ``config.attributes["connection"]``; there is no alembic.ini to edit."""

from __future__ import annotations

from alembic import context

from editor.model import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # pragma: no cover - Byline always passes one
    raise RuntimeError("Byline's migrations run through `byline`, not the alembic command")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
)
with context.begin_transaction():
    context.run_migrations()
