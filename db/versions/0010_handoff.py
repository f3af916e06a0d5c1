"""Review packages (offline hand-off): stable global ids for what merges by id across two
databases, this database's own id, and the base each post last agreed on with each peer.

Comments, suggestions, status changes and revisions get a ``uuid`` (existing rows get a fresh
one), so a package opened twice, or sent back and forth, never duplicates them.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-01
"""

import uuid

import sqlalchemy as sa
from alembic import op

from editor.model.base import UTCDateTime

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

TABLES = ("comments", "suggestions", "status_changes", "revisions")


def upgrade() -> None:
    bind = op.get_bind()
    for name in TABLES:
        # Plain ADD COLUMN (no batch copy): nullable at the SQL level, always filled by the model.
        op.add_column(name, sa.Column("uuid", sa.String(36), nullable=True))
        table = sa.table(name, sa.column("id", sa.Integer), sa.column("uuid", sa.String))
        ids = [row[0] for row in bind.execute(sa.select(table.c.id))]
        for row_id in ids:
            bind.execute(table.update().where(table.c.id == row_id).values(uuid=str(uuid.uuid4())))
        op.create_index(f"uq_{name}_uuid", name, ["uuid"], unique=True)
    meta = op.create_table(
        "store_meta",
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("value", sa.String(500), nullable=False, server_default=""),
    )
    op.bulk_insert(meta, [{"key": "database_id", "value": str(uuid.uuid4())}])
    op.create_table(
        "handoffs",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "post_id", sa.Integer, sa.ForeignKey("posts.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("peer", sa.String(36), nullable=False),
        sa.Column("peer_name", sa.String(300), nullable=False, server_default=""),
        sa.Column("base_revision", sa.String(36), nullable=False),
        sa.Column("base_hash", sa.String(64), nullable=False),
        sa.Column("base_state", sa.JSON, nullable=False),
        sa.Column("updated_at", UTCDateTime, nullable=False),
        sa.UniqueConstraint("post_id", "peer", name="uq_handoffs_post_peer"),
    )


def downgrade() -> None:
    op.drop_table("handoffs")
    op.drop_table("store_meta")
    for name in TABLES:
        op.drop_index(f"uq_{name}_uuid", table_name=name)
        with op.batch_alter_table(name, recreate="never") as batch:
            batch.drop_column("uuid")
