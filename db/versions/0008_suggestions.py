"""Suggested edits: who suggested each CriticMarkup mark in a post, and when.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

from editor.model.base import UTCDateTime

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "suggestions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "post_id", sa.Integer, sa.ForeignKey("posts.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("field", sa.String(64), nullable=False, server_default="body"),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("mark", sa.Text, nullable=False),
        sa.Column("author_name", sa.String(300), nullable=False, server_default=""),
        sa.Column("author_email", sa.String(300), nullable=False, server_default=""),
        sa.Column("created_at", UTCDateTime, nullable=False),
        sa.Column("created_tz", sa.String(64), nullable=False, server_default=""),
    )
    op.create_index("ix_suggestions_post", "suggestions", ["post_id", "field"])


def downgrade() -> None:
    op.drop_index("ix_suggestions_post", table_name="suggestions")
    op.drop_table("suggestions")
