"""The Trash: a deleted post keeps its row (and revisions, photos, links) until it is emptied.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

from editor.model.base import UTCDateTime

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A plain ADD COLUMN (no batch copy): rebuilding ``posts`` on SQLite would drop the
    # full-text triggers that 0001 put on it.
    op.add_column("posts", sa.Column("deleted_at", UTCDateTime, nullable=True))
    op.create_index("ix_posts_deleted_at", "posts", ["deleted_at"])


def downgrade() -> None:
    op.drop_index("ix_posts_deleted_at", table_name="posts")
    with op.batch_alter_table("posts", recreate="never") as batch:
        batch.drop_column("deleted_at")
